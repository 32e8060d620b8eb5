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
 6    stories      which subjects the usable articles follow; a briefing covers one story, the
                   others' articles are ``off-event``
 7    incidents    which of the story's articles report another incident than the one most
                   report (``off-event``): with and without facts alike
 8    facts        what the articles say (names, counts, dates, claims), checked across them:
                   conflicts, figures that changed, the timeline
 9    summarize    the summary lines, from the articles that are left
10    brief        the :class:`Briefing`: stories, title, summary, facts, and the account of
                   every input
====  ===========  ==========================================================================

:func:`prepare` runs stages 2-5 (batch mode needs nothing more); :func:`brief`
runs them all for the largest story, :func:`brief_stories` once per story. The
CLI, the HTTP API, the store and the batch mode are thin layers over these.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from types import MappingProxyType

from newsbrief.clean import clean_article, repeated_lines
from newsbrief.dedup import near_duplicates
from newsbrief.facts.check.incidents import off_event
from newsbrief.ingest import Input, Problem, in_input_order, load, timestamp, unique_ids
from newsbrief.ingest.dating import in_context
from newsbrief.model import Article, ArticleRecord, Briefing, Cluster, Paragraph, Removed, Status, SummarySentence
from newsbrief.parallel import chunked, cores_for_one_job, process_map
from newsbrief.segment import segment_article
from newsbrief.stories import Stories, stories
from newsbrief.summarize import DEFAULT, get_summarizer
from newsbrief.summarize.focus import NO_FOCUS, Focus
from newsbrief.summarize.title import briefing_title

MIN_BODY_WORDS = 15
"""An article body shorter than this (after cleaning) has nothing to summarize: status ``empty``."""

SPREAD_FROM = 200
"""A cluster of at least this many articles is cleaned and split on every core; a smaller one costs less
than starting the workers would."""
CHUNK = 100
"""Articles sent to a worker at a time: few messages, yet enough pieces to keep both cores busy."""


@dataclass(frozen=True)
class Prepared:
    """A cluster after stages 1-5: the Cluster to summarize, every article as segmented, each set-apart
    input's status and reason, and the input order the account follows."""

    cluster: Cluster
    articles: tuple[Article, ...]
    status: Mapping[str, tuple[Status, str]]
    problems: tuple[Problem, ...]
    order: tuple[str, ...] = field(default=())

    def setting_aside(self, reasons: Mapping[str, str], status: Status) -> Prepared:
        """This cluster without the articles ``reasons`` names (id -> reason), which get ``status``."""
        if not reasons:
            return self
        statuses = {**self.status, **{art_id: (status, reason) for art_id, reason in reasons.items()}}
        return Prepared(self.cluster.without(set(reasons)), self.articles, MappingProxyType(statuses),
                        self.problems, self.order)


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
    segmented = read_articles(articles)
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


Read = tuple[tuple[Paragraph, ...], tuple[Removed, ...]]
"""What stages 2-3 add to an article: its paragraphs (with sentences) and removed spans."""


def _read(repeated: set[str], articles: Sequence[Article]) -> list[Read]:
    """Stages 2-3 for some articles; only what they add comes back from a worker (not the texts again)."""
    return [(done.paragraphs, done.removed) for done in (segment_article(clean_article(a, repeated)) for a in articles)]


def read_articles(articles: Sequence[Article]) -> list[Article]:
    """Stages 2-3 for every article, in order: cleaned (lines repeated across the cluster dropped) and split
    into sentences. Articles are independent once the repeated lines are known, so a big cluster is
    spread over the cores (:func:`newsbrief.parallel.cores_for_one_job`)."""
    repeated = repeated_lines(articles)
    workers = cores_for_one_job() if len(articles) >= SPREAD_FROM else 1
    parts = process_map(partial(_read, repeated), chunked(articles, CHUNK), workers)
    read = (found for part in parts for found in part)
    return [replace(a, paragraphs=paragraphs, removed=removed) for a, (paragraphs, removed) in zip(articles, read)]


def _empty_reason(article: Article, words: int) -> str:
    if not article.text.strip():
        return "the article has no text"
    if not article.text[article.body_start:].strip():
        return "no text besides the title line"
    dropped = len(article.removed)
    tail = f" after removing {dropped} boilerplate span{'s' * (dropped != 1)}" if dropped else ""
    return f"only {words} words of article text{tail}"


def seen_apart(prep: Prepared, earlier: Collection[str], query: str | None = None) -> tuple[Prepared, Focus]:
    """The prepared cluster without the articles ``earlier`` names (ids the reader has read: status
    ``seen``), listed after the new ones, and the :class:`Focus` a summary for that reader takes: those
    articles, the new sentences that repeat theirs (their near-duplicate group holds one of theirs), and
    ``query``.

    The earlier articles are prepared with the new ones (:func:`prepare` on both), so a new article that
    copies one the reader has read is a ``duplicate`` of it, and a sentence repeated from one is known.
    """
    earlier = set(earlier)
    repeated = frozenset((s.article, s.index) for group in prep.cluster.groups
                         if any(s.article in earlier for s in group) for s in group if s.article not in earlier)
    read = tuple(a for a in prep.articles if a.id in earlier)
    reasons = {a.id: "read before: the briefing tells what is new since" for a in read}
    order = tuple(sorted(prep.order, key=lambda art_id: art_id in earlier))
    apart = replace(prep.setting_aside(reasons, "seen"), order=order)
    return apart, Focus(read, repeated, query)


def summarize_prepared(prep: Prepared, max_words: int, method: str = DEFAULT,
                       focus: Focus = NO_FOCUS) -> list[SummarySentence]:
    """Stage 7: the summary lines of a prepared cluster, each with its source span and support; ``focus``:
    what the reader has read and asked (see :mod:`newsbrief.summarize.focus`)."""
    if not prep.cluster.articles:
        return []
    chosen = get_summarizer(method).summarize(prep.cluster, max_words, focus)
    return [SummarySentence(s.article, s.start, s.end, s.text, tuple(prep.cluster.support(s))) for s in chosen]


def brief(items: Input | Iterable[Input], max_words: int = 100, method: str = DEFAULT,
          facts: bool = True) -> Briefing:
    """Brief a pile of articles about one story.

    ``items`` may be a path (file or folder), a list of paths, article dicts in
    the ``{"id", "title", "text", "url", "time"}`` schema, or :class:`Article`
    objects. Unreadable inputs are accounted for in ``briefing.articles``.
    When the input holds several stories, the briefing covers the largest and
    lists them all in ``briefing.stories``; the others' articles are ``off-event``.
    Articles about another incident of the story are set aside as ``off-event``
    (with or without ``facts``); with ``facts``, the briefing gets facts,
    conflicts, the figures that changed and a timeline.
    """
    prep, found = prepare_stories(items)
    return story_briefing(prep, found, 0, max_words, method, facts)


def brief_stories(items: Input | Iterable[Input], max_words: int = 100, method: str = DEFAULT,
                  facts: bool = True) -> list[Briefing]:
    """One briefing per story of the input, largest story first (see :func:`brief`)."""
    prep, found = prepare_stories(items)
    return [story_briefing(prep, found, i, max_words, method, facts, alone=True)
            for i in range(max(1, len(found.stories)))]


def prepare_stories(items: Input | Iterable[Input]) -> tuple[Prepared, Stories]:
    """Stages 1-6: the prepared cluster of every usable article and the stories they follow."""
    articles, problems = load(items)
    prep = prepare(in_context(articles), problems)
    return prep, stories(prep.cluster.articles)


def story_briefing(prep: Prepared, found: Stories, index: int, max_words: int = 100, method: str = DEFAULT,
                   facts: bool = True, alone: bool = False) -> Briefing:
    """Stages 7-10 for story ``index`` of ``found``; ``alone``: the briefing lists only that story."""
    prep = prep.setting_aside(found.aside(index), "off-event")
    story = prep.cluster.articles
    elsewhere = off_event(story)
    prep = prep.setting_aside(elsewhere, "off-event")
    sheet = None
    if facts and prep.cluster.articles:
        from newsbrief.facts import read  # spaCy: loaded only when facts are asked for

        sheet = read(story, off_event=elsewhere).sheet(prep.cluster)
    summary = summarize_prepared(prep, max_words, method)
    shown = found.stories[index:index + 1] if alone else found.stories
    return Briefing(
        title=event_title(prep, summary),
        summary=tuple(summary),
        articles=tuple(_records(prep, summary)),
        facts=sheet.facts if sheet else (),
        conflicts=sheet.conflicts if sheet else (),
        timeline=sheet.timeline if sheet else (),
        stories=tuple(shown),
    )


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
