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
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import fields, is_dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
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
    MeasureView,
    MilestoneView,
    NoSuchMeasure,
    OrganisationAnswer,
    OrgRef,
    OwnersAnswer,
    SearchAnswer,
    SearchHit,
    StatusAnswer,
    StatusView,
)
from bot.intents import MAX_QUESTION_LENGTH, Intent, IntentKind, MeasureRef, parse_question
from bot.orgmatch import OrgMatcher, OrgName
from data import queries, vocabulary
from data.models import Milestone, Organisation, Role, State, StatusReport
from data.morphology import Vocabulary
from data.search import SearchIndex

SEARCH_LIMIT = 10
# A deadline list longer than this is cut (with its total) rather than built in full: nobody
# reads thousands of rows in chat, and a 10,000-measure programme would pay for them.
LIST_LIMIT = 200
# Answers kept per process: the busiest questions (a programme has a few dozen measures),
# within a rough byte budget, so that distinct questions with long answers cannot fill memory.
ANSWER_CACHE_SIZE = 512
ANSWER_CACHE_BYTES = 16 * 1024 * 1024


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
                vocabulary=Vocabulary(
                    vocabulary.load(self._factory, self._programme_id),
                    use_analyser=self._use_analyser,
                ),
            )


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
        self._entries: OrderedDict[Hashable, tuple[Answer, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Answer | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, answer: Answer) -> None:
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
        use_analyser: bool = True,
    ) -> None:
        """`use_analyser=False` keeps the Finnish analyser (0.4 s, ~220 MB to load) out of the
        process: a one-shot command reads unseen words through the stored vocabulary only."""
        self._factory = factory
        self._use_analyser = use_analyser
        self._list_limit = list_limit
        self._default_lang = default_lang
        self._zone = zone or ZoneInfo("Europe/Helsinki")
        self._slug = programme_slug
        self._cache: dict[tuple[int, int], _Indexes] = {}
        self._lock = threading.Lock()
        self._answers = _AnswerCache(ANSWER_CACHE_SIZE, answer_cache_bytes)

    def ask(self, question: str, *, now: datetime, lang: str | None = None) -> Answer:
        today = self.today(now)
        # An over-long question is answered "too long" at once; keeping it would only let
        # distinct long questions fill memory.
        cacheable = len(question) <= MAX_QUESTION_LENGTH
        with self._factory() as session:
            version = queries.answers_version(session, self._slug)
            key = (question, lang, today, version)
            cached = self._answers.get(key) if cacheable else None
            if cached is not None:
                return cached
            intent = parse_question(
                question, lang=lang, today=today, default_lang=self._default_lang
            )
            if version is None:
                return HelpAnswer(intent.lang, HelpReason.NO_PROGRAMME)
            programme_id, revision, _ = version
            indexes = self._indexes(session, programme_id, revision)
            answer = _Answering(
                session, programme_id, indexes, intent, today, self._list_limit
            ).answer()
        if cacheable:
            self._answers.put(key, answer)
        return answer

    def warm(self) -> None:
        """Build the indexes ahead of the first question (a server does this at start)."""
        with self._factory() as session:
            version = queries.current_programme_version(session, self._slug)
            if version is not None:
                indexes = self._indexes(session, *version)
                _ = indexes.search, indexes.matcher

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
            intent = Intent(IntentKind.ORGANISATION_OR_SEARCH, lang, key)
            answering = _Answering(session, version[0], indexes, intent, date.min, self._list_limit)
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
        intent: Intent,
        today: date,
        list_limit: int,
    ) -> None:
        self.list_limit = list_limit
        self.session = session
        self.programme_id = programme_id
        self.indexes = indexes
        self.intent = intent
        self.lang = intent.lang
        self.today = today

    def answer(self) -> Answer:
        intent = self.intent
        kind = intent.kind
        if kind is IntentKind.HELP:
            return HelpAnswer(self.lang, intent.help_reason or HelpReason.ASKED)
        if kind in (IntentKind.OWNERS, IntentKind.MEASURE, IntentKind.STATUS):
            assert intent.measure is not None
            return self.about_measure(intent.measure, kind)
        if kind is IntentKind.SEARCH:
            return self.search(intent.text)
        if kind is IntentKind.OVERDUE:
            return self.overdue()
        if kind in (IntentKind.DUE_PERIOD, IntentKind.DUE_UPCOMING):
            assert intent.start is not None
            assert intent.end is not None
            scope = DueScope.PERIOD if kind is IntentKind.DUE_PERIOD else DueScope.UPCOMING
            return self.due(scope, intent.start, intent.end)
        return self.organisation_or_search(intent.text)

    def about_measure(self, ref: MeasureRef, kind: IntentKind) -> Answer:
        if kind is IntentKind.OWNERS:
            return self.owners(ref)
        measure = queries.measure_with_details(self.session, self.programme_id, ref.number)
        if measure is None:
            return NoSuchMeasure(self.lang, ref.written, self.nearest(ref.number))
        if kind is IntentKind.STATUS:
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

    def due(self, scope: DueScope, start: date, end: date) -> DeadlinesAnswer:
        return self.deadlines(scope, start, end, exclude_done=False)

    def overdue(self) -> DeadlinesAnswer:
        yesterday = self.today - timedelta(days=1)
        return self.deadlines(DueScope.OVERDUE, None, yesterday, exclude_done=True)

    def deadlines(
        self, scope: DueScope, start: date | None, end: date, *, exclude_done: bool
    ) -> DeadlinesAnswer:
        rows = queries.milestones_due(
            self.session,
            self.programme_id,
            start=start,
            end=end,
            exclude_done=exclude_done,
            limit=self.list_limit,
        )
        total = len(rows)
        if total == self.list_limit:
            total = queries.count_due(
                self.session, self.programme_id, start=start, end=end, exclude_done=exclude_done
            )
        overdue = scope is DueScope.OVERDUE
        return DeadlinesAnswer(
            lang=self.lang,
            scope=scope,
            start=None if overdue else start,
            end=None if overdue else end,
            today=self.today,
            items=self.due_items(rows),
            total=total,
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
