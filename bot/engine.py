"""Questions in, answers out: the chat-independent heart of the bot.

``Engine.ask(question, now=..., lang=...)`` reads the question (:mod:`bot.intents`), asks the
records (:mod:`data.queries`) and returns an answer from :mod:`bot.answers`. It imports nothing
from any chat platform. The search index and the organisation matcher are built once per
programme revision and reused until the next import bumps the revision; answers themselves are
kept until the programme or its statuses change.
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.answers import (
    AmbiguousOrganisation,
    Answer,
    DeadlinesAnswer,
    DueItem,
    DueScope,
    HelpAnswer,
    HelpReason,
    MeasureAnswer,
    MeasureBrief,
    MeasureOwners,
    MeasureRow,
    MeasuresAnswer,
    MeasureView,
    MilestoneView,
    NoSuchMeasure,
    OrganisationAnswer,
    OrgRef,
    OwnersAnswer,
    Reading,
    SearchAnswer,
    SearchHit,
    StatusAnswer,
    StatusView,
)
from bot.catalogue import MeasureCatalogue
from bot.followup import context_of, continue_from
from bot.intents import (
    MAX_QUESTION_LENGTH,
    Ask,
    FollowUp,
    MeasureRef,
    Query,
    Vocabulary,
    clean,
    detect_language,
    parse_question,
)
from bot.orgmatch import OrgMatcher, OrgName
from data import conversations, morphology, queries
from data import vocabulary as stored_words
from data.models import Milestone, Organisation, Role, State, StatusReport
from data.search import SearchIndex

SEARCH_LIMIT = 10
# Measures a topic may stand for when it is combined with other filters.
TOPIC_LIMIT = 50
# Rows of a measure list per answer; "more" shows the next ones.
PAGE_SIZE = 30
# A deadline list longer than this is cut (with its total) rather than built in full: nobody
# reads thousands of rows in chat, and a 10,000-measure programme would pay for them.
LIST_LIMIT = 200
# Answers kept per process: the busiest questions (a programme has a few dozen measures),
# within a rough byte budget, so that distinct questions with long answers cannot fill memory.
ANSWER_CACHE_SIZE = 512
ANSWER_CACHE_BYTES = 16 * 1024 * 1024
# A conversation's context is written again only when it changes or is older than this, so a
# chat asking the same kind of question does not commit on every answer; it stays fresh for
# data.conversations.FRESH_FOR from its last write, at most this much less than from the answer.
KEEP_FRESH = timedelta(minutes=1)


class _Indexes:
    """What is derived from one revision of the programme and reused across questions.

    The search index and the organisation matcher are built on first use: a one-shot
    ``seuranta ask "who owns 2.7?"`` needs neither, and building them is most of its cost.
    """

    def __init__(
        self,
        session: Session,
        programme_id: int,
        factory: sessionmaker[Session],
        use_analyser: bool,
    ) -> None:
        self._catalogue: MeasureCatalogue | None = None
        self._texts = queries.measure_texts(session, programme_id)
        self._programme_id = programme_id
        self._factory = factory
        self._use_analyser = use_analyser
        self.numbers = tuple(t.number for t in self._texts)
        self.titles = {t.number: t.title for t in self._texts}
        self.organisations = {o.key: o for o in queries.organisations(session)}
        self._lock = threading.Lock()

    @cached_property
    def matcher(self) -> OrgMatcher:
        with self._lock:
            return OrgMatcher(
                OrgName(
                    o.key,
                    tuple(n for n in (o.key, o.name_fi, o.name_sv, o.name_en, *o.aliases) if n),
                )
                for o in self.organisations.values()
            )

    def catalogue(self, session: Session) -> MeasureCatalogue:
        """Every measure's owners and kind, read on the first combined question."""
        if self._catalogue is None:
            with self._lock:
                if self._catalogue is None:
                    units = {k: o.parent_key for k, o in self.organisations.items() if o.parent_key}
                    rows = queries.measure_catalogue(session, self._programme_id)
                    self._catalogue = MeasureCatalogue(rows, units)
        return self._catalogue

    @cached_property
    def vocabulary(self) -> Vocabulary:
        matcher = self.matcher
        with self._lock:
            names = (
                word
                for o in self.organisations.values()
                for name in (o.name_fi, o.name_sv, o.name_en, *o.aliases)
                if name
                for word in name.split()
            )
            keep = {
                word.casefold()
                for t in self._texts
                for text in (t.title, *t.parts, *t.actions)
                for word in text.split()
            }
            return Vocabulary(matcher, org_words=names, keep=keep)

    @cached_property
    def search(self) -> SearchIndex:
        with self._lock:
            return SearchIndex(
                (
                    (
                        t.number,
                        [
                            (t.title, 3.0),
                            *((part, 2.0) for part in t.parts),
                            *((action, 1.0) for action in t.actions),
                            *((schedule, 0.5) for schedule in t.schedules),
                        ],
                    )
                    for t in self._texts
                ),
                vocabulary=morphology.Vocabulary(
                    stored_words.load(self._factory, self._programme_id),
                    use_analyser=self._use_analyser,
                ),
            )


@dataclass(frozen=True, slots=True)
class _Answered:
    answer: Answer
    # What a follow-up in the same conversation needs (bot.followup.context_of); None for help.
    # Shared by every reader of the cache: never changed in place.
    context: dict[str, Any] | None


def _worth_keeping(
    context: dict[str, Any], stored: conversations.Stored | None, now: datetime
) -> bool:
    """A context to write: new, changed, or kept long enough ago (each write is a commit)."""
    return stored is None or stored.context != context or stored.updated_at < now - KEEP_FRESH


class _AnswerCache:
    """The latest answers, keyed on the question and everything an answer depends on.

    The key holds :func:`data.queries.answers_version`, so an import, a deadline changed in
    chat or any new status report makes every older entry unreachable; they age out. Answers
    are frozen dataclasses, safe to hand to several threads.
    """

    def __init__(self, size: int, max_bytes: int) -> None:
        self._size = size
        self._max_bytes = max_bytes
        self._bytes = 0
        self._entries: OrderedDict[Hashable, tuple[_Answered, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> _Answered | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, answer: _Answered) -> None:
        weight = _approximate_size(key) + _approximate_size(answer)
        if weight > self._max_bytes // 4:
            return  # one answer may not push out a quarter of the others
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= previous[1]
            self._entries[key] = (answer, weight)
            self._bytes += weight
            while len(self._entries) > self._size or self._bytes > self._max_bytes:
                self._bytes -= self._entries.popitem(last=False)[1][1]


def _approximate_size(value: object) -> int:
    """Bytes held by an answer or a key, roughly: strings, tuples and dataclasses, walked."""
    size = sys.getsizeof(value)
    if isinstance(value, tuple | list):
        size += sum(_approximate_size(item) for item in value)
    elif is_dataclass(value) and not isinstance(value, type):
        size += sum(_approximate_size(getattr(value, f.name)) for f in fields(value))
    return size


class Engine:
    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        default_lang: str = "fi",
        zone: ZoneInfo | None = None,
        programme_slug: str | None = None,
        list_limit: int = LIST_LIMIT,
        answer_cache_bytes: int = ANSWER_CACHE_BYTES,
        use_analyser: bool = False,
    ) -> None:
        """Question words are read through the programme's vocabulary stored at import, and an
        unseen word through its stem or compound parts. ``use_analyser=True`` also lets the
        Finnish analyser read a word neither explains, at a cost of 0.4 s and ~220 MB once per
        process: too much for a one-shot command, or for each web worker of a small dyno."""
        self._factory = factory
        self._use_analyser = use_analyser
        self._list_limit = list_limit
        self._default_lang = default_lang
        self._zone = zone or ZoneInfo("Europe/Helsinki")
        self._slug = programme_slug
        self._cache: dict[tuple[int, int], _Indexes] = {}
        self._lock = threading.Lock()
        self._answers = _AnswerCache(ANSWER_CACHE_SIZE, answer_cache_bytes)

    def ask(
        self,
        question: str,
        *,
        now: datetime,
        lang: str | None = None,
        conversation: str | None = None,
    ) -> Answer:
        """Answer a question; in a ``conversation`` (a platform-qualified chat or thread key),
        a follow-up ("entä 2.8?", "who else?", "more") continues the previous answer."""
        today = self.today(now)
        # An over-long question is answered "too long" at once; keeping it would only let
        # distinct long questions fill memory.
        cacheable = len(question) <= MAX_QUESTION_LENGTH
        with self._factory() as session:
            version = queries.answers_version(session, self._slug)
            key = (question, lang, today, version)
            stored = (
                None if conversation is None else conversations.load(session, conversation, now)
            )
            # Without a previous answer to continue, a question means what it means anywhere.
            done = self._answers.get(key) if cacheable and stored is None else None
            if done is None:
                if version is None:
                    chosen = lang or detect_language(clean(question)) or self._default_lang
                    return HelpAnswer(chosen, HelpReason.NO_PROGRAMME)
                done = self._answer(session, question, lang, today, version, stored, key, cacheable)
            context = done.context
            if (
                conversation is not None
                and context is not None
                and _worth_keeping(context, stored, now)
            ):
                conversations.save(session, conversation, done.answer.lang, context, now)
        return done.answer

    def _answer(
        self,
        session: Session,
        question: str,
        lang: str | None,
        today: date,
        version: tuple[int, int, Any],
        stored: conversations.Stored | None,
        key: Hashable,
        cacheable: bool,
    ) -> _Answered:
        programme_id, revision, _ = version
        indexes = self._indexes(session, programme_id, revision)
        read = parse_question(
            question,
            vocabulary=indexes.vocabulary,
            lang=lang,
            today=today,
            default_lang=self._default_lang,
        )
        query = read if stored is None else continue_from(stored.context, read)
        alone = query is read
        if alone and cacheable and stored is not None:
            found = self._answers.get(key)
            if found is not None:
                return found
        answering = _Answering(
            session, programme_id, indexes, query, today, self._list_limit, continued=not alone
        )
        answer = answering.answer()
        context = None if query.ask is Ask.HELP else context_of(query, answering.shown)
        done = _Answered(answer, context)
        if alone and cacheable:
            self._answers.put(key, done)
        return done

    def warm(self) -> None:
        """Build the indexes ahead of the first question (a server does this at start)."""
        with self._factory() as session:
            version = queries.current_programme_version(session, self._slug)
            if version is not None:
                indexes = self._indexes(session, *version)
                _ = indexes.search, indexes.vocabulary.corrector, indexes.catalogue(session)

    def today(self, now: datetime) -> date:
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return now.astimezone(self._zone).date()

    def organisation_measures(self, key: str, *, lang: str) -> OrganisationAnswer | None:
        """An organisation's measures by its key (the App Home's "my organisation")."""
        with self._factory() as session:
            version = queries.current_programme_version(session, self._slug)
            if version is None:
                return None
            indexes = self._indexes(session, *version)
            if key not in indexes.organisations:
                return None
            query = Query(Ask.MEASURES, lang, key, organisations=(key,))
            answering = _Answering(session, version[0], indexes, query, date.min, self._list_limit)
            return answering.organisation(indexes.organisations[key])

    def _indexes(self, session: Session, programme_id: int, revision: int) -> _Indexes:
        key = (programme_id, revision)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                cached = _Indexes(session, programme_id, self._factory, self._use_analyser)
                self._cache = {key: cached}
            return cached


class _Answering:
    """One question's worth of work against one session."""

    def __init__(
        self,
        session: Session,
        programme_id: int,
        indexes: _Indexes,
        query: Query,
        today: date,
        list_limit: int,
        *,
        continued: bool = False,
    ) -> None:
        self.list_limit = list_limit
        self.session = session
        self.programme_id = programme_id
        self.indexes = indexes
        self.query = query
        self.lang = query.lang
        self.today = today
        self.shown: tuple[str, ...] = ()  # the measures the answer was about, for a follow-up
        self.continued = continued  # read in the context of the previous answer

    def answer(self) -> Answer:
        q = self.query
        if q.ask is Ask.HELP:
            return HelpAnswer(self.lang, q.help_reason or HelpReason.ASKED)
        if q.ask is Ask.SEARCH:
            found = self.search(q.topic)
            self.shown = tuple(h.measure.number for h in found.hits)
            return found
        reading = self.reading(q)
        single = len(q.measures) == 1 and not _beyond_measures(q)
        if single and q.ask in (Ask.MEASURE, Ask.OWNERS, Ask.STATUS):
            self.shown = (q.measures[0].number,)
            about = self.about_measure(q.measures[0], q.ask)
            if isinstance(about, NoSuchMeasure):
                return about  # "There is no measure 9.9" already says what was read
            return replace(about, reading=reading)
        unanchored = q.follow_up in (FollowUp.IT, FollowUp.ELSE) and not self.continued
        needs_subject = q.ask in (Ask.OWNERS, Ask.NEXT_DUE, Ask.STATUS, Ask.MORE) or unanchored
        if needs_subject and not q.has_subject:
            # A question word with nothing to ask it of: say so, and show a whole question.
            return HelpAnswer(self.lang, HelpReason.UNCLEAR, _suggestion(q.ask), reading)
        if q.ambiguous and not q.organisations and not _beyond_organisations(replace(q, topic="")):
            candidates = tuple(
                self.org_ref(self.indexes.organisations[key], "") for key in q.ambiguous
            )
            return AmbiguousOrganisation(self.lang, q.text, candidates)  # it says what it read
        if q.ask is Ask.DEADLINES:
            return self.filtered_deadlines(q, reading)
        if q.ask is Ask.NEXT_DUE:
            return self.next_due(q, reading)
        if q.ask is Ask.OWNERS and q.topic and not q.measures:
            return self.owners_of_topic(q, reading)
        if (
            len(q.organisations) == 1
            and q.ask is Ask.MEASURES
            and not q.lead_only
            and not _beyond_organisations(q)
        ):
            owned = self.organisation(self.indexes.organisations[q.organisations[0]])
            self.shown = tuple(b.number for b in (*owned.lead, *owned.shared))
            return replace(owned, reading=reading)
        only_topic = not replace(q, topic="").has_filters
        if q.ask is Ask.MEASURES and only_topic and (q.topic or not q.asked):
            # Words alone: an organisation's name or a search, as before combined questions.
            answer = self.organisation_or_search(q.text)
            if isinstance(answer, SearchAnswer):
                self.shown = tuple(h.measure.number for h in answer.hits)
            elif isinstance(answer, OrganisationAnswer):
                self.shown = tuple(b.number for b in (*answer.lead, *answer.shared))
            return answer if isinstance(answer, HelpAnswer) else replace(answer, reading=reading)
        return self.measures(q, reading)

    def reading(self, q: Query) -> Reading:
        return Reading(
            organisations=q.organisations,
            shared=q.shared,
            lead_only=q.lead_only,
            no_lead=q.no_lead,
            measures=tuple(m.number + (m.part or "") for m in q.measures),
            themes=q.themes,
            scope=q.scope,
            start=q.start,
            end=q.end,
            state=q.state,
            continuous=q.continuous,
            topic=q.topic,
            asked=str(q.ask) if q.ask in (Ask.OWNERS, Ask.NEXT_DUE, Ask.COUNT) else "",
            corrections=q.corrections,
            follow_up=self.continued,
        )

    def select(self, q: Query) -> list[queries.CatalogueEntry]:
        """The measures every filter of the question holds for, in programme order."""
        catalogue = self.indexes.catalogue(self.session)
        chosen: set[str] | None = None

        def narrow(numbers: set[str]) -> None:
            nonlocal chosen
            chosen = numbers if chosen is None else chosen & numbers

        if q.measures:
            narrow({m.number for m in q.measures})
        if q.themes:
            narrow(catalogue.in_themes(q.themes))
        if q.organisations:
            sets = [catalogue.of(key, lead_only=q.lead_only) for key in q.organisations]
            narrow(set.intersection(*sets) if q.shared else set().union(*sets))
        if q.no_lead:
            narrow(catalogue.without_lead)
        if q.continuous:
            narrow(catalogue.continuous)
        entries = catalogue.ordered(chosen)
        if q.topic and chosen is not None:
            found = {h.key for h in self.indexes.search.search(q.topic, limit=TOPIC_LIMIT)}
            if found:  # a topic that finds nothing beside other filters is likelier filler
                entries = [e for e in entries if e.number in found]
        elif q.topic:
            hits = self.indexes.search.search(q.topic, limit=TOPIC_LIMIT)
            entries = catalogue.ordered(h.key for h in hits)
            rank = {h.key: i for i, h in enumerate(hits)}
            entries.sort(key=lambda e: rank[e.number])
        if q.state:
            states = queries.latest_states(self.session, [e.measure_id for e in entries])
            entries = [e for e in entries if states.get(e.measure_id) == q.state]
        return entries

    def measures(self, q: Query, reading: Reading) -> MeasuresAnswer:
        entries = self.select(q)
        offset = q.page * PAGE_SIZE
        shown = entries[offset : offset + PAGE_SIZE]
        self.shown = tuple(e.number for e in shown)
        rows = tuple(self.row(e) for e in shown)
        reading = replace(reading, count=len(entries), unit="measures")
        return MeasuresAnswer(
            self.lang, reading, rows, len(entries), offset, count_only=q.ask is Ask.COUNT
        )

    def row(self, entry: queries.CatalogueEntry) -> MeasureRow:
        def refs(lead: bool) -> tuple[OrgRef, ...]:
            return tuple(
                self.org_ref(self.indexes.organisations[key], spelling)
                for key, role, spelling in entry.owners
                if (role == Role.LEAD) == lead and key in self.indexes.organisations
            )

        return MeasureRow(MeasureBrief(entry.number, entry.title), refs(True), refs(False))

    def owners_of_topic(self, q: Query, reading: Reading) -> Answer:
        """ "Who is responsible for the national risk assessment?": the topic's best measure."""
        hits = self.indexes.search.search(q.topic, limit=3)
        if not hits:
            return replace(self.search(q.topic), reading=reading)
        if len(hits) == 1 or hits[0].score > 1.5 * hits[1].score:
            ref = MeasureRef(hits[0].key, None, hits[0].key)
            self.shown = (hits[0].key,)
            measures = (hits[0].key,)
            return replace(self.owners(ref), reading=replace(reading, measures=measures))
        return self.measures(replace(q, ask=Ask.OWNERS), reading)

    def filtered_deadlines(self, q: Query, reading: Reading) -> DeadlinesAnswer:
        assert q.scope is not None
        entries = self.select(q) if _beyond_period(q) else None
        if q.scope is DueScope.OVERDUE:
            answer = self.deadlines(
                DueScope.OVERDUE, None, self.today - timedelta(days=1), True, entries, q.page
            )
        else:
            assert q.start is not None
            assert q.end is not None
            answer = self.deadlines(q.scope, q.start, q.end, False, entries, q.page)
        self.shown = tuple(dict.fromkeys(item.measure.number for item in answer.items))
        return replace(answer, reading=replace(reading, count=answer.total, unit="milestones"))

    def next_due(self, q: Query, reading: Reading) -> DeadlinesAnswer:
        """ "When is 2.7 due?": each measure's next deadline, or its last one if all passed."""
        entries = self.select(q)
        ids = [e.measure_id for e in entries]
        self.shown = tuple(e.number for e in entries)
        upcoming = queries.milestones_due(
            self.session, self.programme_id, start=self.today, measure_ids=ids
        )
        rows: dict[int, queries.DueMilestone] = {}
        for row in upcoming:
            rows.setdefault(row.measure_id, row)
        for row in reversed(
            queries.milestones_due(self.session, self.programme_id, measure_ids=ids)
        ):
            if row.measure_id not in rows:
                rows[row.measure_id] = row  # nothing ahead: its latest deadline
        chosen = sorted(rows.values(), key=lambda r: r.due)
        end = max((r.due for r in chosen), default=self.today)
        start = min((r.due for r in chosen), default=self.today)
        return DeadlinesAnswer(
            lang=self.lang,
            scope=DueScope.UPCOMING,
            start=min(start, self.today),
            end=max(end, self.today),
            today=self.today,
            items=self.due_items(chosen),
            total=len(chosen),
            reading=replace(reading, count=len(chosen), unit="milestones"),
        )

    def about_measure(self, ref: MeasureRef, ask: Ask) -> Answer:
        if ask is Ask.OWNERS:
            return self.owners(ref)
        measure = queries.measure_with_details(self.session, self.programme_id, ref.number)
        if measure is None:
            return NoSuchMeasure(self.lang, ref.written, self.nearest(ref.number))
        if ask is Ask.STATUS:
            history = queries.status_history(self.session, measure.id)
            return StatusAnswer(
                self.lang,
                MeasureBrief(measure.number, measure.title),
                tuple(self.status_view(r) for r in history),
            )
        history = queries.status_history(self.session, measure.id, limit=1)
        latest = self.status_view(history[0]) if history else None
        view = MeasureView(
            number=measure.number,
            title=measure.title,
            theme=measure.theme,
            parts=tuple((p.label, p.text) for p in measure.parts),
            lead=tuple(
                self.org_ref(r.organisation, r.spelling)
                for r in measure.responsibilities
                if r.role == Role.LEAD
            ),
            others=tuple(
                self.org_ref(r.organisation, r.spelling)
                for r in measure.responsibilities
                if r.role == Role.OTHER
            ),
            actions=tuple(a.text for a in measure.actions),
            milestones=tuple(
                self.milestone_view(m, latest.state if latest else None)
                for m in measure.milestones
                if m.removed_at is None
            ),
            latest_status=latest,
        )
        labels = {label for label, _ in view.parts}
        part = ref.part if ref.part in labels else None
        return MeasureAnswer(self.lang, view, part)

    def owners(self, ref: MeasureRef) -> Answer:
        measure = queries.measure_with_owners(self.session, self.programme_id, ref.number)
        if measure is None:
            return NoSuchMeasure(self.lang, ref.written, self.nearest(ref.number))
        roles = [
            (r.role, self.org_ref(r.organisation, r.spelling)) for r in measure.responsibilities
        ]
        return OwnersAnswer(
            self.lang,
            MeasureOwners(
                number=measure.number,
                title=measure.title,
                lead=tuple(org for role, org in roles if role == Role.LEAD),
                others=tuple(org for role, org in roles if role == Role.OTHER),
            ),
        )

    def nearest(self, requested: str) -> tuple[MeasureBrief, ...]:
        """Existing measures closest to a missing number: same theme first, then by item."""
        try:
            theme, item = (int(x) for x in requested.split(".")[:2])
        except ValueError:
            theme, item = 0, 0

        def distance(number: str) -> tuple[int, int]:
            t, i = (int(x) for x in number.split(".")[:2])
            return abs(t - theme), abs(i - item)

        closest = sorted(self.indexes.numbers, key=distance)[:3]
        return tuple(MeasureBrief(n, self.indexes.titles[n]) for n in closest)

    def organisation_or_search(self, text: str) -> Answer:
        matches = self.indexes.matcher.find(text)
        if len(matches) == 1:
            return self.organisation(self.indexes.organisations[matches[0].key])
        if len(matches) > 1:
            candidates = tuple(self.org_ref(self.indexes.organisations[m.key], "") for m in matches)
            return AmbiguousOrganisation(self.lang, text, candidates)
        answer = self.search(text)
        if not answer.hits:
            return HelpAnswer(self.lang, HelpReason.UNCLEAR)
        return answer

    def organisation(self, organisation: Organisation) -> OrganisationAnswer:
        rows = queries.measures_of_organisations(
            self.session, self.programme_id, [organisation.key]
        )
        lead: dict[str, MeasureBrief] = {}
        shared: dict[str, MeasureBrief] = {}
        for number, title, role, _spelling in rows:
            brief = MeasureBrief(number, title)
            if role == Role.LEAD:
                lead.setdefault(number, brief)
            else:
                shared.setdefault(number, brief)
        for number in lead:
            shared.pop(number, None)
        return OrganisationAnswer(
            self.lang,
            self.org_ref(organisation, ""),
            tuple(lead.values()),
            tuple(shared.values()),
        )

    def search(self, query: str) -> SearchAnswer:
        hits = self.indexes.search.search(query, limit=SEARCH_LIMIT)
        return SearchAnswer(
            self.lang,
            query,
            tuple(
                SearchHit(MeasureBrief(h.key, self.indexes.titles[h.key]), h.matched)
                for h in hits
                if h.key in self.indexes.titles
            ),
        )

    def deadlines(
        self,
        scope: DueScope,
        start: date | None,
        end: date,
        exclude_done: bool,
        entries: list[queries.CatalogueEntry] | None = None,
        page: int = 0,
    ) -> DeadlinesAnswer:
        """Milestones due in the period; only those of ``entries`` if given."""
        measure_ids = None if entries is None else [e.measure_id for e in entries]
        skip = page * PAGE_SIZE  # "more" continues after what a chat showed of the list
        limit = skip + self.list_limit
        rows = queries.milestones_due(
            self.session,
            self.programme_id,
            start=start,
            end=end,
            exclude_done=exclude_done,
            limit=limit,
            measure_ids=measure_ids,
        )
        total = len(rows)
        if total == limit and entries is not None:
            # From the catalogue's due dates: SQL would scan the period for every match.
            done = queries.measures_reported_done(self.session) if exclude_done else set()
            total = sum(
                bisect_right(e.dues, end) - (bisect_left(e.dues, start) if start else 0)
                for e in entries
                if e.measure_id not in done
            )
        elif total == limit:
            total = queries.count_due(
                self.session,
                self.programme_id,
                start=start,
                end=end,
                exclude_done=exclude_done,
            )
        rows = rows[skip:]
        overdue = scope is DueScope.OVERDUE
        return DeadlinesAnswer(
            lang=self.lang,
            scope=scope,
            start=None if overdue else start,
            end=None if overdue else end,
            today=self.today,
            items=self.due_items(rows),
            total=total,
            offset=skip,
        )

    def due_items(self, rows: list[queries.DueMilestone]) -> tuple[DueItem, ...]:
        states = queries.latest_states(self.session, list({row.measure_id for row in rows}))
        items = []
        for row in rows:
            state = states.get(row.measure_id)
            milestone = MilestoneView(
                id=row.milestone_id,
                text=row.text,
                kind=str(row.kind),
                start=row.start,
                due=row.due,
                overdue=row.due < self.today and state != State.DONE,
                origin=row.origin,
            )
            items.append(DueItem(MeasureBrief(row.number, row.title), milestone, state))
        return tuple(items)

    def milestone_view(self, milestone: Milestone, state: str | None) -> MilestoneView:
        overdue = milestone.due is not None and milestone.due < self.today and state != State.DONE
        return MilestoneView(
            id=milestone.id,
            text=milestone.text,
            kind=str(milestone.kind),
            start=milestone.start,
            due=milestone.due,
            overdue=overdue,
            origin=milestone.origin,
        )

    def org_ref(self, organisation: Organisation, spelling: str) -> OrgRef:
        return OrgRef(
            key=organisation.key,
            name=organisation.name(self.lang),
            spelling=spelling or organisation.key,
            uncertain=organisation.uncertain,
        )

    def status_view(self, report: StatusReport) -> StatusView:
        return StatusView(
            state=str(report.state),
            note=report.note,
            reporter=report.reporter,
            reporter_name=report.reporter_name,
            organisation=report.organisation.key if report.organisation else None,
            source=report.source,
            at=report.created_at,
            permalink=report.permalink,
        )


def _beyond_period(q: Query) -> bool:
    """Filters other than the period: the deadline list is then limited to their measures."""
    return q.has_subject or bool(q.no_lead or q.state or q.continuous)


def _beyond_measures(q: Query) -> bool:
    return bool(q.themes or q.organisations or q.no_lead or q.scope or q.state or q.continuous)


def _beyond_organisations(q: Query) -> bool:
    return bool(
        q.measures or q.themes or q.no_lead or q.scope or q.state or q.continuous or q.topic
    )


def _suggestion(ask: Ask) -> str:
    """The catalogue key of a whole question of the kind asked ("kuka vastaa 2.7:stä?")."""
    if ask in (Ask.OWNERS, Ask.STATUS, Ask.MORE):
        return f"suggest.{ask}"
    return "suggest.owners" if ask is Ask.MEASURES else "suggest.next_due"
