"""The registry: every outbox kind defined once, its key, its label, whom it is for."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from data.models import OutboxKind
from jobs.notices.kinds import KINDS, STALE_KINDS, Audience
from seuranta.i18n import MESSAGES

AT = datetime(2018, 12, 17, 7, 0, tzinfo=UTC)


def test_every_kind_is_defined_with_a_key_of_its_own_and_a_label() -> None:
    assert set(KINDS) == set(OutboxKind)
    for kind, defined in KINDS.items():
        assert defined.kind is kind
        assert defined.key_format.startswith(f"{kind}:")
        assert defined.label_key in MESSAGES


@pytest.mark.parametrize(
    ("kind", "parts", "key"),
    [
        (
            OutboxKind.DEADLINE,
            {"milestone": 12, "due": date(2018, 12, 31), "offset": 14, "person": "U1"},
            "deadline:12:2018-12-31:14:U1",
        ),
        (OutboxKind.BUNDLE, {"person": "U1", "at": AT}, "bundle:U1:2018-12-17T07:00:00+00:00"),
        (
            OutboxKind.MISSED,
            {"person": "U1", "at": AT, "first": 5},
            "missed:U1:2018-12-17T07:00:00+00:00:5",
        ),
        (
            OutboxKind.NO_CONTACT,
            {"organisation": "YM", "at": AT},
            "no_contact:YM:2018-12-17T07:00:00+00:00",
        ),
        (OutboxKind.ROUND_ASK, {"round": 1, "person": "U1"}, "round_ask:1:U1"),
        (
            OutboxKind.NUDGE,
            {"round": 1, "day": date(2018, 12, 20), "person": "U1"},
            "nudge:1:2018-12-20:U1",
        ),
        (OutboxKind.ROUND_NO_CONTACT, {"round": 1}, "round_no_contact:1"),
        (OutboxKind.ROUND_MISSING, {"round": 1}, "round_missing:1"),
        (OutboxKind.DIGEST, {"year": 2019, "week": 1}, "digest:2019-W01"),
    ],
    ids=lambda v: str(v) if isinstance(v, OutboxKind) else "",
)
def test_keys_are_written_as_before_so_rows_planned_before_an_upgrade_still_count(
    kind: OutboxKind, parts: dict[str, str | int | date | datetime], key: str
) -> None:
    assert KINDS[kind].key(**parts) == key


def test_a_key_missing_a_part_is_a_bug_not_a_shorter_key() -> None:
    with pytest.raises(KeyError):
        KINDS[OutboxKind.ROUND_ASK].key(round=1)


def test_people_read_their_messages_and_the_coordinators_the_channel_ones() -> None:
    to_people = {kind for kind, defined in KINDS.items() if defined.audience is Audience.PERSON}
    assert to_people == {
        OutboxKind.DEADLINE,
        OutboxKind.BUNDLE,
        OutboxKind.MISSED,
        OutboxKind.ROUND_ASK,
        OutboxKind.NUDGE,
    }


def test_deadline_messages_go_stale_and_bundles_and_missed_lists_hold_other_rows() -> None:
    stale = {OutboxKind.DEADLINE, OutboxKind.BUNDLE, OutboxKind.NO_CONTACT}
    assert stale == STALE_KINDS
    holding = {kind for kind, defined in KINDS.items() if defined.lists_folded}
    assert holding == {OutboxKind.BUNDLE, OutboxKind.MISSED}
