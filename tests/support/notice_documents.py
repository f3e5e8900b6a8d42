"""A document of every kind of notice the worker sends, built from the catalogue's own sentences.

The real builders (one per outbox kind, from the rows at send time) belong to the notices; these
stand in for them so the Teams renderer can be held to every shape a notice takes: a single
measure's buttons, items with their own menus (recorded or not), bulleted lists that name people
of both platforms, small print, a thread of lists. ``HOSTILE`` goes wherever a person's words or a
record's text would, and ``many`` makes any of them longer than a card holds.
"""

from __future__ import annotations

from datetime import date

from bot.document import (
    Document,
    Heading,
    Item,
    Label,
    Lines,
    Note,
    Person,
    Phrase,
    StatusButtons,
    Target,
    phrase,
)

# What a person may type into a note or an administrator into a title: markdown, a Teams
# mention, HTML, Slack markup, our own private-use marks, a right-to-left override.
HOSTILE = (
    "**[log in](https://evil.example)** <at>everyone</at> <b>x</b> <!channel> "
    "\ue000not bold\ue001 \u202eexe.txt _x_ `y` # 1."
)
MAIJA = Person("teams:0b5f3a7e-8c21-4d6f-9a3b-2e1c7d4f6a80", "Maija Meikäläinen")
SLACK_PERSON = Person("U012AB3CD", "Sven Svensson")
UNNAMED = Person("teams:9d2c4e6f-1a3b-4c5d-8e7f-0a9b8c7d6e5f")
DUE = date(2027, 3, 31)
KINDS = (
    "deadline",
    "bundle",
    "missed",
    "no_contact",
    "round_ask",
    "nudge",
    "round_no_contact",
    "round_missing",
    "digest",
)


def _deadline_line(number: str, title: str = "Kyberrikostorjunnan tehostaminen") -> Phrase:
    return phrase("remind.deadline", number=number, title=title, due=DUE, text=HOSTILE)


def _round_item(number: str, measure_id: int, outbox_id: int, answered: bool) -> Item:
    recorded = (
        phrase("status.recorded", state=Label("state", "at_risk"), who=MAIJA, when="1.3.2027")
        if answered
        else None
    )
    lines = (phrase("measure.title", number=number), phrase("round.unanswered"))
    return Item(lines, Target(measure_id, None, outbox_id), recorded)


def notice(kind: str, *, many: int = 3) -> Document:
    """A notice of ``kind`` listing ``many`` measures, lines or people where it lists any."""
    if kind == "deadline":
        lead = phrase("remind.in_days", days=3)
        return Document(
            lead,
            (
                Heading(lead),
                Lines((_deadline_line("2.7", HOSTILE),)),
                Note(phrase("remind.ask")),
                StatusButtons(Target(7, 70, 700)),
            ),
        )
    if kind == "bundle":
        lead = phrase("remind.bundle", count=many)
        items = tuple(
            Item(
                (_deadline_line(f"2.{n}"), phrase("remind.in_days", days=n)),
                Target(n, 100 + n, 701),
            )
            for n in range(1, many + 1)
        )
        return Document(lead, (Heading(lead), Note(phrase("round.how")), *items))
    if kind == "missed":
        lines = tuple(
            phrase("remind.missed_line", number=f"4.{n}", text=HOSTILE, due=DUE)
            for n in range(many)
        )
        head = phrase("remind.missed")
        return Document(head, (Lines((head,)), Lines(lines, bulleted=True)))
    if kind == "no_contact":
        text = phrase("remind.no_contact", number="2.7", due=DUE, org="SUPO")
        return Document(text, (Lines((text,)),))
    if kind in ("round_ask", "nudge"):
        lead = (
            phrase("round.ask", id=4, due=DUE)
            if kind == "round_ask"
            else phrase("round.nudge", id=4, count=many, due=DUE)
        )
        items = tuple(_round_item(f"3.{n}", 30 + n, 702, n % 2 == 1) for n in range(many))
        return Document(lead, (Lines((lead,)), Note(phrase("round.how")), *items))
    if kind == "round_no_contact":
        head = phrase("round.no_contact", id=4, due=DUE)
        lines = tuple(
            phrase("round.org_line", org=f"Organisaatio {n}", numbers="2.7, 3.1")
            for n in range(many)
        )
        return Document(head, (Lines((head,)), Lines(lines, bulleted=True)))
    if kind == "round_missing":
        head = phrase("round.missing", id=4, due=DUE, answered=12, total=39)
        people = (MAIJA, SLACK_PERSON, UNNAMED)
        lines = tuple(
            phrase("round.missing_line", org="SUPO", numbers="2.7", people=people[n % 3])
            for n in range(many)
        )
        return Document(head, (Lines((head,)), Lines(lines, bulleted=True)))
    if kind == "digest":
        return _digest(many)
    raise ValueError(kind)


def _digest(many: int) -> Document:
    title = phrase("digest.title", date=DUE)
    summary = (
        phrase("digest.upcoming", count=many),
        phrase("digest.overdue", count=1),
        phrase("digest.changes", count=2),
        phrase("digest.round", id=4, due=DUE, answered=12, total=39, people=5),
        phrase("digest.failures", count=1),
    )
    due_lines = tuple(
        phrase("remind.missed_line", number=f"5.{n}", text=HOSTILE, due=DUE) for n in range(many)
    )
    changes = tuple(
        phrase(
            "status.recorded_for", number="2.7", state=Label("state", "done"), who=who, when="1.3."
        )
        for who in (MAIJA, SLACK_PERSON)
    )
    thread = (
        Document(
            phrase("digest.upcoming_head"),
            (Heading(phrase("digest.upcoming_head")), Lines(due_lines, bulleted=True)),
        ),
        Document(
            phrase("digest.changes_head"),
            (Heading(phrase("digest.changes_head")), Lines(changes, bulleted=True)),
        ),
    )
    blocks = (Heading(title), Lines(summary, bulleted=True), Note(phrase("digest.details")))
    return Document(title, blocks, thread)
