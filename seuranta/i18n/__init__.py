"""Every sentence Seuranta says, in Finnish, Swedish and English, in the core of the project.

Catalogues are split by who says it (:mod:`answers`, :mod:`notices`, :mod:`commands`,
:mod:`page`, :mod:`slack`, :mod:`teams`); keys are unique across them, and
``tests/seuranta/test_i18n.py`` keeps the three languages in step. A text may use the neutral
markup every chat platform can render (``*bold*``, ``_italic_``, `` `code` ``) and ``{cmd}``,
the way a subcommand is typed on the platform (``/seuranta`` in Slack, nothing in Teams).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from seuranta.i18n import answers, commands, notices, page, slack, teams
from seuranta.i18n.answers import HELP_EXAMPLES
from seuranta.i18n.catalogue import Entry, plural_choice

__all__ = ["HELP_EXAMPLES", "format_date", "kind_label", "message", "state_label", "template"]


def _merged(*catalogues: dict[str, Entry]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for catalogue in catalogues:
        clash = merged.keys() & catalogue.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        merged.update(catalogue)
    return merged


MESSAGES = _merged(
    answers.MESSAGES,
    notices.MESSAGES,
    commands.MESSAGES,
    page.MESSAGES,
    slack.MESSAGES,
    teams.MESSAGES,
)


def template(key: str, lang: str) -> str:
    """The raw text of a key in a language (English, then Finnish, where one is missing)."""
    texts = MESSAGES[key]
    return texts.get(lang) or texts.get("en") or texts["fi"]


def message(key: str, lang: str, **values: Any) -> str:
    return plural_choice(template(key, lang), values).format(**values)


STATES: dict[str, dict[str, str]] = {
    "on_track": {"fi": "Etenee suunnitellusti", "sv": "Enligt plan", "en": "On track"},
    "at_risk": {"fi": "Riski viivästyä", "sv": "Risk för försening", "en": "At risk"},
    "delayed": {"fi": "Viivästynyt", "sv": "Försenad", "en": "Delayed"},
    "done": {"fi": "Valmis", "sv": "Klar", "en": "Done"},
    "not_started": {"fi": "Ei aloitettu", "sv": "Inte påbörjad", "en": "Not started"},
    # Not a reportable state: the reports' bucket for measures nobody has reported on yet.
    "unreported": {"fi": "Ei raportoitu", "sv": "Inte rapporterad", "en": "Not reported"},
}

KINDS: dict[str, dict[str, str]] = {
    "date": {"fi": "päivä", "sv": "dag", "en": "date"},
    "month": {"fi": "kuukausi", "sv": "månad", "en": "month"},
    "season": {"fi": "vuodenaika", "sv": "årstid", "en": "season"},
    "year": {"fi": "vuosi", "sv": "år", "en": "year"},
    "range": {"fi": "aikaväli", "sv": "period", "en": "range"},
    "from": {"fi": "alkaen", "sv": "från", "en": "from"},
    "continuous": {"fi": "jatkuvaa", "sv": "fortlöpande", "en": "continuous"},
    "none": {"fi": "ei päivämäärää", "sv": "inget datum", "en": "no date"},
}


def state_label(state: str, lang: str) -> str:
    labels = STATES.get(state)
    return labels.get(lang, labels["en"]) if labels else state


def kind_label(kind: str, lang: str) -> str:
    labels = KINDS.get(kind)
    return labels.get(lang, labels["en"]) if labels else kind


def format_date(value: date, lang: str) -> str:
    """31.12.2018 in Finnish and Swedish use; ISO 2018-12-31 in English, which is unambiguous."""
    if lang == "en":
        return value.isoformat()
    return f"{value.day}.{value.month}.{value.year}"
