"""The Jinja2 environment the page and the standalone html table share.

Every value a template prints passes :func:`seuranta.text.visible` before it is escaped, so
text stored before the input policy (a note with a right-to-left override, a display name with
control characters) cannot reorder or break the page around it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from seuranta.i18n import format_date, kind_label, message, state_label
from seuranta.text import visible


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_visible,
    )
    env.globals.update(format_date=format_date, state_label=state_label, kind_label=kind_label)
    return env


def _visible(value: Any) -> Any:
    # Markup is a macro's output, already made of values that passed here.
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def translator(lang: str) -> Callable[..., str]:
    def t(key: str, **values: Any) -> str:
        return message(key, lang, **values)

    return t


def render(template: str, lang: str, **context: Any) -> str:
    return environment().get_template(template).render(lang=lang, t=translator(lang), **context)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return files("reports").joinpath("static/style.css").read_text(encoding="utf-8")
