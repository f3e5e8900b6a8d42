"""One notice of every outbox kind, built by hand (no database), for renderers' tests.

Their text is hostile where a person or a record could make it so (markup, mentions, links,
a bidi override), so a renderer that forgets to escape a value shows it. :func:`long_notices`
are far longer than any chat message may be, for the renderers' limits.
"""

from __future__ import annotations

from datetime import date

from bot.document import Person, Target
from data.models import OutboxKind, State
from data.rounds import NO_LEAD
from jobs.notices import Notice
from jobs.notices.digest import Change, Digest, DueLine, OpenRound
from jobs.notices.reminders import (
    BundledReminders,
    DeadlineReminder,
    DueMilestone,
    MissedItem,
    MissedReminders,
    NoContact,
    NotInstalled,
)
from jobs.notices.rounds import (
    AskedMeasure,
    MissingAnswers,
    OrganisationMeasures,
    Recorded,
    RoundMissing,
    RoundNoContact,
    RoundRequest,
)

HOSTILE = " <!channel> *bold* & <https://evil.example/login|kirjaudu> \u202eevil"
DUE = date(2018, 12, 31)
ANNA = Person("U0ANNA", "Anna Virtanen")
TEAMS_PEKKA = Person("teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f", "Pekka <Teams>")


def due(number: str, milestone_id: int, days_left: int = 14) -> DueMilestone:
    return DueMilestone(
        target=Target(
            measure_id=int(number.replace(".", "")), milestone_id=milestone_id, outbox_id=7
        ),
        number=number,
        title=f"Kansallinen riskiarvio{HOSTILE}",
        text=f"Lausunnot pyydetty{HOSTILE}",
        due=DUE,
        days_left=days_left,
    )


def asked(number: str, answer: Recorded | None) -> AskedMeasure:
    return AskedMeasure(
        Target(int(number.replace(".", "")), None, 9), number, f"Otsikko{HOSTILE}", answer
    )


ANSWER = Recorded(State.AT_RISK, ANNA, date(2018, 12, 15))
MISSING = (
    MissingAnswers(f"SM{HOSTILE}", ("2.7", "2.8"), (ANNA, TEAMS_PEKKA)),
    MissingAnswers(NO_LEAD, ("6.2",), ()),
)


def every_notice() -> dict[str, Notice]:
    """A notice for every outbox kind (a nudge and a finished round's list besides)."""
    return {
        OutboxKind.DEADLINE: DeadlineReminder(due("2.7", 1)),
        OutboxKind.BUNDLE: BundledReminders((due("2.7", 1, 0), due("2.8", 2, 1), due("4.3", 3))),
        OutboxKind.MISSED: MissedReminders(
            (MissedItem("2.7", f"Väliraportti{HOSTILE}", DUE), MissedItem("4.3", "Raportti", DUE))
        ),
        OutboxKind.NO_CONTACT: NoContact(f"YM{HOSTILE}", (("3.5", DUE), ("3.6", DUE))),
        OutboxKind.ROUND_ASK: RoundRequest(
            1, DUE, False, (asked("2.7", None), asked("2.8", ANSWER))
        ),
        OutboxKind.NUDGE: RoundRequest(1, DUE, True, (asked("2.7", None), asked("2.8", ANSWER))),
        "nudge, all answered": RoundRequest(1, DUE, True, (asked("2.8", ANSWER),)),
        OutboxKind.ROUND_NO_CONTACT: RoundNoContact(
            1,
            DUE,
            (
                OrganisationMeasures(f"YM{HOSTILE}", ("3.5",)),
                OrganisationMeasures(NO_LEAD, ("6.2", "8.2")),
            ),
        ),
        OutboxKind.ROUND_MISSING: RoundMissing(1, DUE, 36, 39, MISSING),
        "round complete": RoundMissing(1, DUE, 39, 39, ()),
        OutboxKind.NOT_INSTALLED: NotInstalled(
            Person(TEAMS_PEKKA.key, f"Pekka{HOSTILE}"), ("SM", f"YM{HOSTILE}")
        ),
        "not installed, name unknown": NotInstalled(Person(TEAMS_PEKKA.key), ("SM",)),
        OutboxKind.DIGEST: Digest(
            today=date(2018, 12, 17),
            upcoming=(DueLine(DUE, "2.7", f"Lausunnot{HOSTILE}", "on_track"),),
            overdue=(DueLine(date(2018, 6, 30), "4.3", "Raportti", "unreported"),),
            changes=(
                Change("2.7", State.AT_RISK, ANNA, date(2018, 12, 15), f"huom{HOSTILE}"),
                Change("2.8", State.DONE, TEAMS_PEKKA, date(2018, 12, 16), ""),
            ),
            rounds=(OpenRound(1, DUE, 36, 39, 2, MISSING),),
            failures=3,
        ),
    }


def long_notices() -> dict[str, Notice]:
    """Notices longer than a message may be: many items, long lists, a huge line."""
    huge = "<" * 2000  # the longest a note may be, four times as long once escaped
    return {
        "a round over 120 measures": RoundRequest(
            1, DUE, False, tuple(asked(f"{n // 10 + 1}.{n % 10}", None) for n in range(120))
        ),
        "60 bundled reminders": BundledReminders(tuple(due("2.7", n) for n in range(60))),
        "a digest with 3,000 changes": Digest(
            today=date(2018, 12, 17),
            upcoming=(),
            overdue=(),
            changes=tuple(
                Change("2.7", State.ON_TRACK, ANNA, date(2018, 12, 15), f"huomautus {n}{HOSTILE}")
                for n in range(3000)
            ),
            rounds=(),
            failures=0,
        ),
        "a huge milestone text": DeadlineReminder(
            DueMilestone(Target(27, 1, 7), "2.7", huge, huge, DUE, 3)
        ),
    }
