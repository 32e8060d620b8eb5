"""The main job, one way through the stages. Each stage takes what the one before returned and returns a
new value; none changes what another produced.

====  ===========  ==========================================================================
 #    stage        what it returns
====  ===========  ==========================================================================
 1    ingest       articles and problems from paths, records or Articles (ids made unique)
 2    clean        each article with its kept paragraphs and every removed span (and why)
 3    segment      each article with its sentences (offsets into the original text)
 4    account      which articles are too short to use (``empty``), and the reading order
 5    dedup        the :class:`Cluster`: usable articles, duplicates set apart, sentence groups
 6    reader       for an update, the articles read before set apart (``seen``); the
                   :class:`Focus` of the reader: what they read and the question they asked
 7    stories      which subjects the usable articles follow; a briefing covers one story, the
                   others' articles are ``off-event``
 8    incidents    which of the story's articles report another incident than the one most
                   report (``off-event``): with and without facts alike
 9    facts        what the articles say (names, counts, dates, claims), checked across them:
                   conflicts, figures that changed, the timeline
10    summarize    the summary lines, from the articles that are left, for the reader's focus
11    brief        the :class:`Briefing`: stories, title, summary, facts, and the account of
                   every input
====  ===========  ==========================================================================

:func:`prepare` runs stages 2-5 (batch mode needs nothing more); :func:`brief`
runs them all for the largest story, :func:`brief_stories` once per story. The
CLI, the HTTP API, the store and the batch mode are thin layers over these.
What stages 8 and 9 read with spaCy is one call of a reader
(:mod:`newsbrief.reading`): in this process, or in a worker process that loads
spaCy while this one runs stages 1-7 (the command line's ``brief``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from newsbrief.clean import clean_cluster
from newsbrief.dedup import near_duplicates
from newsbrief.ingest import Input, Problem, in_input_order, load, timestamp, unique_ids
from newsbrief.ingest.dating import in_context
from newsbrief.model import (
    Article,
    ArticleRecord,
    Briefing,
    Cluster,
    Conflict,
    Since,
    Status,
    SummarySentence,
)
from newsbrief.parallel import collector_paused
from newsbrief.reading import Reader, read_story
from newsbrief.segment import segment_article
from newsbrief.summarize import DEFAULT, get_summarizer
from newsbrief.summarize.focus import NO_FOCUS, Focus, bearing, developing
from newsbrief.summarize.title import briefing_title

if TYPE_CHECKING:
    from newsbrief.stories import Stories

MIN_BODY_WORDS = 15
"""An article body shorter than this (after cleaning) has nothing to summarize: status ``empty``."""

@dataclass(frozen=True)
class Prepared:
    """A cluster after stages 1-5: the Cluster to summarize, every article as segmented, each set-apart
    input's status and reason, the input order the account follows, and the :class:`Focus` of its reader
    (what they read before and asked; see :func:`seen_apart`)."""

    cluster: Cluster
    articles: tuple[Article, ...]
    status: Mapping[str, tuple[Status, str]]
    problems: tuple[Problem, ...]
    order: tuple[str, ...] = field(default=())
    focus: Focus = NO_FOCUS

    def setting_aside(self, reasons: Mapping[str, str], status: Status) -> Prepared:
        """This cluster without the articles ``reasons`` names (id -> reason), which get ``status``."""
        if not reasons:
            return self
        statuses = {**self.status, **{art_id: (status, reason) for art_id, reason in reasons.items()}}
        return replace(self, cluster=self.cluster.without(set(reasons)), status=MappingProxyType(statuses))


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """Earliest first when times are known; input order breaks ties and stands in for unknown times."""
    def key(pair: tuple[int, Article]) -> tuple[bool, float, int]:
        when = timestamp(pair[1].time)
        return when != when, when if when == when else 0.0, pair[0]  # unknown (NaN) times last

    return [a for _, a in sorted(enumerate(articles), key=key)]


def prepare(articles: Sequence[Article], problems: Sequence[Problem] = ()) -> Prepared:
    """Stages 2-5: clean, split, find empties and duplicates, and group repeated sentences."""
    articles = unique_ids(articles, problems)
    order = tuple(item.id for item in in_input_order(articles, problems))
    status: dict[str, tuple[Status, str]] = {p.id: ("unreadable", p.message) for p in problems}
    segmented = clean_cluster(articles, then=segment_article)  # stages 2-3, a big cluster on every core
    usable = []
    for art in segmented:
        words = sum(s.words for s in art.sentences)
        if words < MIN_BODY_WORDS:
            status[art.id] = ("empty", _empty_reason(art, words))
        else:
            usable.append(art)
    usable = reading_order(usable)
    dups, groups = near_duplicates(usable)
    for dup in dups:
        status[dup.id] = ("duplicate", f"near-duplicate of {dup.of} ({dup.share:.0%} of its text is there)")
    dup_ids = {d.id for d in dups}
    kept = tuple(a for a in usable if a.id not in dup_ids)
    cluster = Cluster(kept, tuple(tuple(g) for g in groups))
    return Prepared(cluster, tuple(segmented), MappingProxyType(status), tuple(problems), order)


def _empty_reason(article: Article, words: int) -> str:
    if not article.text.strip():
        return "the article has no text"
    if not article.text[article.body_start:].strip():
        return "no text besides the title line"
    dropped = len(article.removed)
    tail = f" after removing {dropped} boilerplate span{'s' * (dropped != 1)}" if dropped else ""
    return f"only {words} words of article text{tail}"


def seen_apart(prep: Prepared, earlier: Collection[str] | None, query: str | None = None) -> Prepared:
    """The prepared cluster for a reader of the articles ``earlier`` names (None: not an update) who asked
    ``query``: those articles set aside (status ``seen``, listed after the new ones), and its ``focus``
    the usable ones among them, the new sentences that repeat theirs (their near-duplicate group holds
    one of theirs), ``since`` and ``query``.

    The earlier articles are prepared with the new ones (:func:`prepare` on both), so a new article that
    copies one the reader has read is a ``duplicate`` of it, and a sentence repeated from one is known.
    """
    if earlier is None:
        return replace(prep, focus=replace(prep.focus, query=query))
    earlier = set(earlier)
    repeated = frozenset((s.article, s.index) for group in prep.cluster.groups
                         if any(s.article in earlier for s in group) for s in group if s.article not in earlier)
    read = [a.id for a in prep.articles if a.id in earlier]
    reasons = dict.fromkeys(read, "read before: the briefing tells what is new since")
    order = tuple(sorted(prep.order, key=lambda art_id: art_id in earlier))
    usable = tuple(a for a in prep.cluster.articles if a.id in earlier)
    focus = replace(prep.focus, earlier=usable, repeated=repeated, since=Since(tuple(read)), query=query)
    return replace(prep.setting_aside(reasons, "seen"), order=order, focus=focus)


def summarize_prepared(prep: Prepared, max_words: int, method: str = DEFAULT) -> list[SummarySentence]:
    """Stage 10: the summary lines of a prepared cluster, each with its source span and support, for its
    reader (``prep.focus``: what they read and asked; see :mod:`newsbrief.summarize.focus`)."""
    if not prep.cluster.articles:
        return []
    chosen = get_summarizer(method).summarize(prep.cluster, max_words, prep.focus)
    return [SummarySentence(s.article, s.start, s.end, s.text, tuple(prep.cluster.support(s))) for s in chosen]


@collector_paused()
def brief(items: Input | Iterable[Input], max_words: int = 100, method: str = DEFAULT, facts: bool = True,
          since: Input | Iterable[Input] | None = None, query: str | None = None,
          since_time: str | None = None, reader: Reader = read_story) -> Briefing:
    """Brief a pile of articles about one story.

    ``items`` may be a path (file or folder), a list of paths, article dicts in
    the ``{"id", "title", "text", "url", "time"}`` schema, or :class:`Article`
    objects. Unreadable inputs are accounted for in ``briefing.articles``.
    When the input holds several stories, the briefing covers the largest and
    lists them all in ``briefing.stories``; the others' articles are ``off-event``.
    Articles about another incident of the story are set aside as ``off-event``
    (with or without ``facts``); with ``facts``, the briefing gets facts,
    conflicts, the figures that changed and a timeline.

    ``since`` (inputs of the same kinds): what the reader has already read. The
    briefing then tells what is new: its summary cites none of those articles
    and repeats none of their sentences, their figures join the paths of the
    figures that changed, and the account lists them as ``seen``
    (``briefing.since``; ``since_time`` labels a set chosen by time). ``query``:
    a question the summary answers first and the facts bearing on it come first. ``reader``: what runs
    the off-event check and the facts readers (:func:`~newsbrief.reading.read_story`: in this process;
    the command line passes a :class:`~newsbrief.reading.Worker`, which loads spaCy in another).
    """
    _check_options(max_words, query)
    prep, found = prepare_stories(items, since, query)
    return story_briefing(prep, found, 0, max_words, method, facts, since_time=since_time, reader=reader)


@collector_paused()
def brief_stories(items: Input | Iterable[Input], max_words: int = 100, method: str = DEFAULT,
                  facts: bool = True, since: Input | Iterable[Input] | None = None,
                  query: str | None = None, reader: Reader = read_story) -> list[Briefing]:
    """One briefing per story of the input, largest story first (see :func:`brief`)."""
    _check_options(max_words, query)
    prep, found = prepare_stories(items, since, query)
    return [story_briefing(prep, found, i, max_words, method, facts, alone=True, reader=reader)
            for i in range(max(1, len(found.stories)))]


def _check_options(max_words: int, query: str | None) -> None:
    """Refuse a word budget or a question of the wrong kind before any work: a budget of 0 gave an empty
    summary without a word, "5" and a numeric query failed deep inside with errors that named neither."""
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        raise ValueError(f"max_words must be a positive integer, got {max_words!r}")
    if query is not None and not isinstance(query, str):
        raise TypeError(f"query must be a string, got {type(query).__name__}")


def prepare_stories(items: Input | Iterable[Input], since: Input | Iterable[Input] | None = None,
                    query: str | None = None) -> tuple[Prepared, Stories]:
    """Stages 1-7: the prepared cluster of every usable new article, for a reader of ``since`` who asked
    ``query`` (:func:`seen_apart`), and the stories they follow."""
    from newsbrief.stories import stories  # scipy: loaded only to brief, not for batch summaries (prepare)

    articles, problems = load(items)
    if since is None:
        prep = seen_apart(prepare(in_context(articles), problems), None, query)
    else:
        earlier, articles, problems = _after(load(since), (articles, problems))
        prep = seen_apart(prepare(in_context([*earlier, *articles]), problems), {a.id for a in earlier}, query)
    return prep, stories(prep.cluster.articles)


def _after(earlier: tuple[list[Article], list[Problem]],
           later: tuple[list[Article], list[Problem]]) -> tuple[list[Article], list[Article], list[Problem]]:
    """Two loads as one, the earlier first: (earlier articles, later articles, every problem), positions
    and ids unique across both (a later input whose id an earlier one holds is renamed ``ID#2``, ...)."""
    shift = len(earlier[0]) + len(earlier[1])
    moved = [replace(p, position=None if p.position is None else p.position + shift) for p in later[1]]
    # Problems and articles alike: unique_ids reads and renames only ids.
    renamed = unique_ids([*earlier[0], *earlier[1], *later[0], *moved])  # type: ignore[list-item]
    n, m = len(earlier[0]), len(earlier[0]) + len(earlier[1]) + len(later[0])
    return renamed[:n], renamed[shift:m], [*earlier[1], *renamed[m:]]  # type: ignore[list-item]


def story_briefing(prep: Prepared, found: Stories, index: int, max_words: int = 100, method: str = DEFAULT,
                   facts: bool = True, alone: bool = False, since_time: str | None = None,
                   reader: Reader = read_story) -> Briefing:
    """Stages 8-11 for story ``index`` of ``found``; ``alone``: the briefing lists only that story;
    ``since_time``: when what the reader read was taken (a store's time); ``reader``: see :func:`brief`."""
    prep = prep.setting_aside(found.aside(index), "off-event")
    story = prep.cluster.articles
    earlier = list(prep.focus.earlier)
    found_in = reader(story, reading_order([*earlier, *story]) if facts else None)
    prep = prep.setting_aside(found_in.off_event, "off-event")
    sheet = None
    if found_in.reading is not None:
        sheet = found_in.reading.sheet(with_earlier(prep.cluster, earlier))
        prep = replace(prep, focus=developing(prep.focus, prep.cluster.articles, sheet.conflicts, sheet.timeline))
    summary = summarize_prepared(prep, max_words, method)
    focus = prep.focus
    shown = found.stories[index:index + 1] if alone else found.stories
    since = replace(focus.since, time=since_time) if focus.since and since_time else focus.since
    return Briefing(
        title=event_title(prep, summary),
        summary=tuple(summary),
        articles=tuple(_records(prep, summary)),
        facts=answers_first(sheet.facts, [f.text for f in sheet.facts], focus.query) if sheet else (),
        conflicts=answers_first(sheet.conflicts, [_told(c) for c in sheet.conflicts], focus.query) if sheet else (),
        timeline=sheet.timeline if sheet else (),
        stories=tuple(shown),
        since=since,
        query=focus.query,
    )


T = TypeVar("T")


def answers_first(items: Sequence[T], texts: Sequence[str], query: str | None) -> tuple[T, ...]:
    """``items`` (facts or conflicts, told by ``texts``) with those that bear on ``query`` first, each part in
    its order (see :func:`newsbrief.summarize.focus.bearing`)."""
    if not query or not query.strip():
        return tuple(items)
    bears = bearing(query, texts)
    return tuple(items[i] for i in sorted(range(len(items)), key=lambda i: not bears[i]))


def _told(conflict: Conflict) -> str:
    """A conflict as words: what it is about and each side."""
    return " ".join([conflict.about, *(side.shown for side in conflict.sides)])


def with_earlier(cluster: Cluster, earlier: Sequence[Article]) -> Cluster:
    """``cluster`` with the articles the reader read before it, in reading order, so that the facts read
    in them join the cross-check (their figures begin the paths of the figures that changed); their
    sentences are groups of their own (they support nothing in the summary)."""
    if not earlier:
        return cluster
    return Cluster(tuple(reading_order([*earlier, *cluster.articles])),
                   (*cluster.groups, *((s,) for a in earlier for s in a.sentences)))


def _records(prep: Prepared, summary: Sequence[SummarySentence]) -> list[ArticleRecord]:
    by_id = {a.id: a for a in prep.articles}
    problems = {p.id: p for p in prep.problems}
    in_summary: dict[str, int] = {}
    for line in summary:
        in_summary[line.article] = in_summary.get(line.article, 0) + 1
    records = []
    for art_id in prep.order:
        if art_id in problems:
            p = problems[art_id]
            records.append(ArticleRecord(art_id, "unreadable", p.message, source=p.where))
            continue
        art = by_id[art_id]
        status, reason = prep.status.get(art_id) or ("used", _used_reason(art, in_summary.get(art_id, 0)))
        records.append(ArticleRecord(
            art_id, status, reason, title=art.title, url=art.url,
            time=art.time.isoformat() if art.time else None, source=art.source, text=art.text,
            removed=art.removed, time_source=art.time_source, outlet=art.outlet,
        ))
    return records


def _used_reason(article: Article, lines: int) -> str:
    n = len(article.sentences)
    if lines:
        return f"{lines} of its {n} sentences in the summary"
    return f"{n} sentences considered; none needed in the summary"


def event_title(prep: Prepared, summary: Sequence[SummarySentence]) -> str:
    """The headline that best fits the main incident, cleaned; else a clause of the lead (see
    :mod:`newsbrief.summarize.title`)."""
    return briefing_title(prep.cluster.articles, [s.text for s in summary])
