"""What each notice says and offers, as platform-free documents (no database, no platform)."""

from __future__ import annotations

from bot.document import Heading, Item, Lines, Note, Phrase, StatusButtons, Target
from bot.render.phrase import PlainMarkup, render
from data.models import OutboxKind
from jobs.notices.digest import Digest
from jobs.notices.reminders import DeadlineReminder
from jobs.notices.rounds import RoundMissing, RoundRequest
from tests.support.notices import every_notice

NOTICES = every_notice()


def plain(phrase: Phrase) -> str:
    return render(phrase, "en", PlainMarkup())


def test_a_deadline_reminder_offers_status_buttons_on_its_milestone_from_its_row() -> None:
    notice = NOTICES[OutboxKind.DEADLINE]
    assert isinstance(notice, DeadlineReminder)
    document = notice.document()
    heading, lines, note, buttons = document.blocks
    assert isinstance(heading, Heading)
    assert plain(heading.text) == "⏰ 14 days to the deadline"
    assert isinstance(lines, Lines)
    assert isinstance(note, Note)
    assert buttons == StatusButtons(Target(27, 1, 7))
    assert plain(document.summary).startswith("14 days to the deadline: 2.7 Lausunnot pyydetty")


def test_the_day_itself_says_today() -> None:
    bundle = NOTICES[OutboxKind.BUNDLE].document()
    items = [block for block in bundle.blocks if isinstance(block, Item)]
    assert [plain(item.lines[1]) for item in items] == [
        "The deadline is today",
        "1 day to the deadline",
        "14 days to the deadline",
    ]
    assert plain(bundle.summary) == "3 deadlines coming up: 2.7, 2.8, 4.3"


def test_a_nudge_counts_what_is_still_open_and_asks_again_when_nothing_is() -> None:
    nudge = NOTICES[OutboxKind.NUDGE]
    assert isinstance(nudge, RoundRequest)
    assert nudge.owing == 1
    head = nudge.document().blocks[0]
    assert isinstance(head, Lines)
    assert plain(head.lines[0]).startswith("🔔 Reporting round #1: 1 of your measures still needs")
    answered = NOTICES["nudge, all answered"].document().blocks[0]
    assert isinstance(answered, Lines)
    assert plain(answered.lines[0]).startswith("📋 Reporting round #1: please give")


def test_each_measure_of_a_round_request_is_an_item_with_what_was_recorded() -> None:
    items = [b for b in NOTICES[OutboxKind.ROUND_ASK].document().blocks if isinstance(b, Item)]
    assert [item.target for item in items] == [Target(27, None, 9), Target(28, None, 9)]
    assert [plain(item.recorded) for item in items if item.recorded] == [
        "no answer yet",
        "✓ Recorded: At risk (Anna Virtanen, 2018-12-15)",
    ]


def test_a_finished_round_says_so_instead_of_listing_nobody() -> None:
    complete = NOTICES["round complete"]
    assert isinstance(complete, RoundMissing)
    document = complete.document()
    assert plain(document.summary) == (
        "Reporting round #1 (due 2018-12-31): all 39 measures have a status. Thank you!"
    )
    assert len(document.blocks) == 1


def test_the_digest_has_its_numbers_in_the_message_and_each_list_in_the_thread() -> None:
    digest = NOTICES[OutboxKind.DIGEST]
    assert isinstance(digest, Digest)
    document = digest.document()
    counts = document.blocks[1]
    assert isinstance(counts, Lines)
    assert counts.bulleted
    assert [plain(line) for line in counts.lines][-1] == (
        "⚠️ messages that could not be delivered: 3 (see /seuranta failures)"
    )
    assert [plain(reply.summary) for reply in document.thread] == [
        "Due in the next two weeks",
        "Overdue, not done",
        "Status updates this week",
        "Reporting round #1: not answered",
    ]
    quiet = Digest(digest.today, (), (), (), (), 0).document()
    assert quiet.thread == ()
    assert not any(isinstance(block, Note) for block in quiet.blocks)  # no "details in thread"
