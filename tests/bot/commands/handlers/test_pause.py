"""``pause until DATE``: a person's reminders wait until that day."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.pause import pause
from bot.commands.parse import Pause
from data.directory import paused_users
from tests.support.documents import shown
from tests.support.people import OTHER_CONTACT, Context


def test_a_pause_is_kept_until_its_day(context: Context, factory: sessionmaker[Session]) -> None:
    reply = pause(Pause(date(2019, 1, 7)), context(OTHER_CONTACT, lang="sv"))

    assert shown(reply, "sv") == ["Du får inga påminnelser före 7.1.2019."]
    with factory() as session:
        assert paused_users(session, date(2018, 12, 17)) == {OTHER_CONTACT: date(2019, 1, 7)}


def test_today_or_a_past_day_is_refused(context: Context, factory: sessionmaker[Session]) -> None:
    reply = pause(Pause(date(2018, 12, 17)), context(OTHER_CONTACT))

    assert shown(reply) == ["2018-12-17 has already passed; give a day in the future."]
    with factory() as session:
        assert paused_users(session, date(2018, 12, 17)) == {}
