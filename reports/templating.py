"""The Jinja2 environment the page and the standalone html table share."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bot.i18n import format_date, kind_label, message, state_label


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(format_date=format_date, state_label=state_label, kind_label=kind_label)
    return env


def translator(lang: str) -> Callable[..., str]:
    def t(key: str, **values: Any) -> str:
        return message(key, lang, **values)

    return t


def render(template: str, lang: str, **context: Any) -> str:
    return environment().get_template(template).render(lang=lang, t=translator(lang), **context)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return files("reports").joinpath("static/style.css").read_text(encoding="utf-8")
