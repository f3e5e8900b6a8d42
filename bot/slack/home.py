"""The App Home tab: the person's organisation's measures, what is next for each, how to ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.answers import MeasureBrief, OrgRef
from bot.slack.mrkdwn import (
    Block,
    context,
    divider,
    escape,
    header,
    line_sections,
    section,
    shorten,
)
from bot.slack.render.markup import MRKDWN
from bot.slack.services import Services
from data import directory, outbox, queries, rounds
from data.models import ReminderStatus
from seuranta.i18n import HELP_EXAMPLES, format_date, message, state_label

# A Home tab may hold 100 blocks; the programme's 39 measures pack into a handful of sections.
MAX_HOME_BLOCKS = 100


@dataclass(frozen=True, slots=True)
class HomeItem:
    measure: MeasureBrief
    leads: bool
    next_due: date | None
    next_text: str
    state: str | None


@dataclass(frozen=True, slots=True)
class RoundOwed:
    """An open reporting round in which this person still owes some measures a status."""

    round_id: int
    due: date
    numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Home:
    lang: str
    organisation: OrgRef | None
    items: tuple[HomeItem, ...]
    owed: tuple[RoundOwed, ...] = ()
    failures: int = 0  # shown to admins only: messages Slack refused for good


def load_home(services: Services, user_id: str, lang: str) -> Home:
    with services.factory() as session:
        organisation = directory.my_organisation(session, user_id)
        key = organisation.key if organisation is not None else None
        owed = tuple(
            RoundOwed(p.id, p.due, tuple(i.number for i in mine))
            for p in (rounds.progress(session, r) for r in rounds.open_rounds(session))
            if (mine := p.owing().get(user_id))
        )
        failures = (
            outbox.counts(session).get(ReminderStatus.FAILED, 0)
            if services.is_admin(user_id)
            else 0
        )
    answer = services.engine.organisation_measures(key, lang=lang) if key else None
    if answer is None:
        return Home(lang, None, (), owed, failures)
    briefs = [(b, True) for b in answer.lead] + [(b, False) for b in answer.shared]
    today = services.engine.today(services.now())
    with services.factory() as session:
        programme = queries.current_programme(session)
        outlook = (
            queries.measure_outlook(session, programme.id, [b.number for b, _ in briefs], today)
            if programme is not None
            else {}
        )
        items = []
        for brief, leads in briefs:
            milestone, state = outlook.get(brief.number, (None, None))
            items.append(
                HomeItem(
                    brief,
                    leads,
                    milestone.due if milestone else None,
                    milestone.text if milestone else "",
                    str(state) if state else None,
                )
            )
    return Home(lang, answer.organisation, tuple(items), owed, failures)


def render_home(home: Home) -> dict[str, Any]:
    lang = home.lang
    blocks: list[Block] = [header(message("home.title", lang))]
    for owed in home.owed:
        numbers = ", ".join(owed.numbers)
        due = format_date(owed.due, lang)
        blocks.append(
            section(message("home.round", lang, id=owed.round_id, due=due, numbers=numbers))
        )
    if home.failures:
        blocks.append(section(message("home.failures", lang, count=home.failures)))
    if home.organisation is None:
        blocks.append(section(message("home.no_org", lang)))
    else:
        mine = message("home.mine", lang, org=home.organisation.label)
        blocks.append(section(f"*{escape(mine)}*"))
        for leads, title in ((True, "org.lead"), (False, "org.shared")):
            lines = [_line(item, lang) for item in home.items if item.leads is leads]
            if lines:
                blocks += line_sections([f"*{message(title, lang)} ({len(lines)})*", *lines])
    blocks.append(divider())
    examples = HELP_EXAMPLES.get(lang, HELP_EXAMPLES["en"])
    blocks += line_sections([message("home.how", lang), *(f"• `{e}`" for e in examples)])
    blocks.append(context(message("command.iam.usage", lang, cmd=MRKDWN.command)))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


def _line(item: HomeItem, lang: str) -> str:
    if item.next_due is not None:
        upcoming = f"{format_date(item.next_due, lang)}: {escape(shorten(item.next_text, 120))}"
    else:
        upcoming = message("home.no_next", lang)
    state = f" · _{state_label(item.state, lang)}_" if item.state else ""
    title = escape(shorten(item.measure.title, 120))
    return f"*{item.measure.number}* {title}{state}\n      {message('home.next', lang)}: {upcoming}"
