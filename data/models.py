"""The programme's records: what was decided, who owns it, when it is due, and what was reported.

Every datetime column is timezone-aware UTC (:class:`UtcDateTime`); dates (milestone start and
due) are plain calendar dates in the programme's own time zone, as the source writes them.
Nothing imported is ever deleted: a measure or milestone that disappears from a re-imported
source is marked ``removed_at`` so the status reports that point at it keep their meaning.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from data.schedule import MilestoneKind
from seuranta.identity import Platform, platform_of

# A person key: a Slack user id (up to 32 characters) or "teams:" and a 36-character GUID.
PERSON_KEY_LENGTH = 64
# A destination or a platform's message id: a Teams channel ("teams:19:…@thread.tacv2") or
# personal conversation id runs far past Slack's short ids.
DESTINATION_LENGTH = 255
# A conversation's key for follow-ups: platform, conversation and thread (data.conversations).
CONVERSATION_KEY_LENGTH = 300


class UtcDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and gives them back aware, on SQLite as on PostgreSQL.

    SQLite has no time zone type, so without this a round trip would return naive values.
    A naive datetime is a bug at the caller and is refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware datetime (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, date: Date}


class Role(StrEnum):
    LEAD = "lead"
    OTHER = "other"


class State(StrEnum):
    """What a contact person reports about a measure or milestone."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DELAYED = "delayed"
    DONE = "done"
    NOT_STARTED = "not_started"


class Programme(Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    source_name: Mapped[str] = mapped_column(String(255), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    # Bumped by every import so caches (the search index) know when to rebuild.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime | None]

    measures: Mapped[list[Measure]] = relationship(
        back_populates="programme", order_by="Measure.sort_key"
    )


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    parent_key: Mapped[str | None] = mapped_column(String(200))
    name_fi: Mapped[str] = mapped_column(Text)
    name_sv: Mapped[str] = mapped_column(Text, default="")
    name_en: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)

    def name(self, lang: str) -> str:
        chosen = {"fi": self.name_fi, "sv": self.name_sv, "en": self.name_en}.get(lang)
        return chosen or self.name_fi or self.key


class Measure(Base):
    __tablename__ = "measure"
    __table_args__ = (UniqueConstraint("programme_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    theme: Mapped[int] = mapped_column(Integer)
    # Natural order (2.9 before 2.10) as one sortable integer: theme * 1000 + item.
    sort_key: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    source_line: Mapped[int | None]
    removed_at: Mapped[datetime | None]

    programme: Mapped[Programme] = relationship(back_populates="measures")
    parts: Mapped[list[MeasurePart]] = relationship(
        cascade="all, delete-orphan", order_by="MeasurePart.position"
    )
    actions: Mapped[list[Action]] = relationship(
        cascade="all, delete-orphan", order_by="Action.position"
    )
    responsibilities: Mapped[list[Responsibility]] = relationship(
        cascade="all, delete-orphan", order_by="Responsibility.position"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="measure", order_by="Milestone.position"
    )


class MeasurePart(Base):
    __tablename__ = "measure_part"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    label: Mapped[str] = mapped_column(String(4))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class Action(Base):
    """One implementation text (Toimeenpano) of a measure, in source order."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    part_label: Mapped[str | None] = mapped_column(String(4))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source_line: Mapped[int | None]


class Responsibility(Base):
    __tablename__ = "responsibility"
    __table_args__ = (UniqueConstraint("measure_id", "role", "spelling"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[Role] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    # The entry as the source spells it ("THL (kouluterveyskyselyn toteutus)").
    spelling: Mapped[str] = mapped_column(Text)

    organisation: Mapped[Organisation] = relationship(lazy="joined")


class Milestone(Base):
    __tablename__ = "milestone"
    __table_args__ = (Index("ix_milestone_due", "due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[MilestoneKind] = mapped_column(String(12))
    start: Mapped[date | None]
    due: Mapped[date | None]
    position: Mapped[int] = mapped_column(Integer)
    # "source" for imported schedule texts; "chat" for deadlines people added later.
    origin: Mapped[str] = mapped_column(String(10), default="source")
    # Which of the dates found in one schedule text this is (0, 1, …): with the text, the
    # imported milestone's identity across re-imports.
    occurrence: Mapped[int] = mapped_column(Integer, default=0)
    source_line: Mapped[int | None]
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]

    measure: Mapped[Measure] = relationship(back_populates="milestones")


def _reporters_platform(context: DefaultExecutionContext) -> str:
    """The platform of the row being inserted, from its reporter's person key."""
    assert context.current_parameters is not None  # SQLAlchemy sets it for column defaults
    return platform_of(context.current_parameters["reporter"]).value


class StatusReport(Base):
    """One report of a measure's state. Reports are only ever added: a correction is a new row."""

    __tablename__ = "status_report"
    __table_args__ = (Index("ix_status_report_measure_created", "measure_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"))
    milestone_id: Mapped[int | None] = mapped_column(ForeignKey("milestone.id"))
    state: Mapped[State] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    reporter: Mapped[str] = mapped_column(String(64))
    reporter_name: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    source: Mapped[str] = mapped_column(String(20))
    # Where the report was made, read as its platform's ids: a Slack channel and message ts,
    # or a Teams conversation and activity id. The reporter is a person key, which names the
    # platform (seuranta.identity), so the platform follows from it unless given.
    platform: Mapped[Platform] = mapped_column(String(10), default=_reporters_platform)
    channel: Mapped[str | None] = mapped_column(String(DESTINATION_LENGTH))
    message_ts: Mapped[str | None] = mapped_column(String(DESTINATION_LENGTH))
    permalink: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]

    measure: Mapped[Measure] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class Person(Base):
    """A person the bot has met, on any platform: whom they represent and how to talk to them.

    ``person_key`` is :attr:`seuranta.identity.PersonId.key`: a Slack user id as it always was,
    or ``teams:<Azure AD object id>``. ``locale`` and ``tz`` are cached from the platform (Slack's
    ``users.info``; a Teams activity's locale) so answers follow the person's language without
    asking the platform per question.
    """

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_key: Mapped[str] = mapped_column(String(PERSON_KEY_LENGTH), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    locale: Mapped[str | None] = mapped_column(String(16))
    tz: Mapped[str | None] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime]

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")


class Contact(Base):
    """A person an admin named as an organisation's contact (reminders go to them)."""

    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("organisation_id", "person_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    person_key: Mapped[str] = mapped_column(String(PERSON_KEY_LENGTH), index=True)
    added_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]

    organisation: Mapped[Organisation] = relationship(lazy="joined")


class ConversationKind(StrEnum):
    PERSONAL = "personal"  # the bot's one-to-one chat with a person
    CHANNEL = "channel"  # a channel of a team the bot was added to


class ConversationReference(Base):
    """What the Teams Bot Connector needs to message a person or channel the bot has met.

    Teams has no "open a DM with this user id" that works for a person the bot has never met:
    the bot must keep the conversation, the regional service URL and the ids from an install or
    an earlier message. ``destination`` is the key a reminder names: ``teams:<AAD object id>``
    (a person's personal chat) or ``teams:19:…@thread.tacv2`` (a channel).
    """

    __tablename__ = "conversation_reference"

    destination: Mapped[str] = mapped_column(String(DESTINATION_LENGTH), primary_key=True)
    kind: Mapped[ConversationKind] = mapped_column(String(10))
    service_url: Mapped[str] = mapped_column(Text)
    conversation_id: Mapped[str] = mapped_column(Text)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    bot_id: Mapped[str] = mapped_column(String(DESTINATION_LENGTH))
    # The person in a personal chat: their Teams user id (29:…) and Azure AD object id.
    user_id: Mapped[str | None] = mapped_column(String(DESTINATION_LENGTH))
    aad_object_id: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime]


class VocabularyWord(Base):
    """One word of a programme with its analysis (data.morphology.StoredVocabulary.rows)."""

    __tablename__ = "vocabulary_word"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    word: Mapped[str] = mapped_column(String(100), primary_key=True)
    lemmas: Mapped[str] = mapped_column(Text)  # space-separated
    parts: Mapped[str] = mapped_column(Text)
    keys: Mapped[str] = mapped_column(Text)


class ConversationContext(Base):
    """What the last answer in a conversation was about, for a follow-up question.

    ``conversation`` is platform-qualified and includes the thread (a Slack thread's ts, a Teams
    conversation id with its ``;messageid=``), so context never crosses conversations.
    """

    __tablename__ = "conversation_context"

    conversation: Mapped[str] = mapped_column(String(CONVERSATION_KEY_LENGTH), primary_key=True)
    lang: Mapped[str] = mapped_column(String(2))
    context: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(index=True)


class HandledEvent(Base):
    """An Events API delivery already handled; Slack's retries reuse the same ``event_id``."""

    __tablename__ = "handled_event"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)


class ReminderStatus(StrEnum):
    """Where one outgoing message is: planned → claimed → sending → sent (or a side exit)."""

    PLANNED = "planned"
    CLAIMED = "claimed"  # leased by a sender, not yet posted
    SENDING = "sending"  # the post may have reached the platform: the one window for a duplicate
    SENT = "sent"
    FAILED = "failed"  # a permanent platform error, or transient ones past the attempt limit
    CANCELLED = "cancelled"  # the milestone moved or was removed before sending
    FOLDED = "folded"  # stale after downtime: listed in a "you missed these" message instead
    # Not worth sending when its time came: the recipient paused reminders, the milestone was
    # moved or removed, the round closed or was answered, a later nudge was due as well.
    SKIPPED = "skipped"


class OutboxKind(StrEnum):
    """What an outbox row is; each kind's key, content and rules are in ``jobs.notices``."""

    DEADLINE = "deadline"  # one milestone's reminder to one contact
    BUNDLE = "bundle"  # a person's deadline reminders due at one instant, as one message
    MISSED = "missed"  # stale reminders after downtime, listed in one message
    NO_CONTACT = "no_contact"  # coordinators: an organisation with deadlines has no contact
    ROUND_ASK = "round_ask"  # a reporting round's request to one contact
    NUDGE = "nudge"  # a round's reminder to a contact who still owes answers
    ROUND_NO_CONTACT = "round_no_contact"  # coordinators: a round's leads without a contact
    ROUND_MISSING = "round_missing"  # coordinators: who had not answered by the due day
    DIGEST = "digest"  # coordinators: the weekly digest
    NOT_INSTALLED = "not_installed"  # coordinators: a Teams contact cannot be messaged yet


class Reminder(Base):
    """One message the worker sends: the outbox row that makes delivery survive restarts.

    Deadline reminders are unique on (milestone, due, offset, recipient), so planning can insert
    with conflict-ignore from any number of ticks or workers. The due date is part of the key
    because a moved deadline deserves its reminders again. Other kinds dedupe on ``key``.
    """

    __tablename__ = "reminder"
    __table_args__ = (
        UniqueConstraint(
            "milestone_id", "due", "offset_days", "recipient", name="uq_reminder_occurrence"
        ),
        Index("ix_reminder_status_send_at", "status", "send_at"),
        Index("ix_reminder_message", "posted_channel", "ts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OutboxKind] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(200), unique=True)
    milestone_id: Mapped[int | None] = mapped_column(ForeignKey("milestone.id"))
    due: Mapped[date | None]
    offset_days: Mapped[int | None]
    # A person key, or "org:KEY" for the coordinator's "name a contact" request.
    recipient: Mapped[str] = mapped_column(String(64))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    round_id: Mapped[int | None] = mapped_column(ForeignKey("reporting_round.id"))
    # Where to post: a person key (a direct message) or a channel (seuranta.identity).
    channel: Mapped[str] = mapped_column(String(DESTINATION_LENGTH))
    tz: Mapped[str | None] = mapped_column(String(64))  # the recipient's zone, for quiet hours
    send_at: Mapped[datetime]
    status: Mapped[ReminderStatus] = mapped_column(String(12), default=ReminderStatus.PLANNED)
    not_before: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    posted_channel: Mapped[str | None] = mapped_column(String(DESTINATION_LENGTH))
    ts: Mapped[str | None] = mapped_column(String(DESTINATION_LENGTH))
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(200))
    folded_into: Mapped[int | None] = mapped_column(ForeignKey("reminder.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]


class ReminderPause(Base):
    """``/seuranta pause until 2027-01-07``: no reminders to this person before that day."""

    __tablename__ = "reminder_pause"

    person_key: Mapped[str] = mapped_column(String(PERSON_KEY_LENGTH), primary_key=True)
    until: Mapped[date]
    set_at: Mapped[datetime]


class SchedulerState(Base):
    """Named instants the worker remembers, e.g. how far planning has got (for backfill)."""

    __tablename__ = "scheduler_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[datetime]


class ReportingRound(Base):
    """A steering-group status collection over a set of measures, due on one day."""

    __tablename__ = "reporting_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    due: Mapped[date]
    pattern: Mapped[str] = mapped_column(String(100), default="*")
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class RoundMeasure(Base):
    __tablename__ = "round_measure"

    round_id: Mapped[int] = mapped_column(ForeignKey("reporting_round.id"), primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), primary_key=True)
