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
 6    facts        what the articles say (names, counts, dates, claims), checked across them,
                   and which articles report another incident (``off-event``)
 7    summarize    the summary lines, from the articles that are left
 8    brief        the :class:`Briefing`: title, summary, facts, and the account of every input
====  ===========  ==========================================================================

:func:`prepare` runs stages 2-5 (batch mode needs nothing more); :func:`brief`
runs them all. The CLI, the HTTP API, the store and the batch mode are thin layers
over these two.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from newsbrief.clean import clean_cluster, cleaned_text
from newsbrief.dedup import duplicate_articles, sentence_groups
from newsbrief.ingest import Input, Problem, load, timestamp, unique_ids
from newsbrief.model import Article, ArticleRecord, Briefing, Cluster, Status, SummarySentence
from newsbrief.segment import segment_article
from newsbrief.summarize import DEFAULT, get_summarizer
from newsbrief.summarize.title import briefing_title

MIN_BODY_WORDS = 15
"""An article body shorter than this (after cleaning) has nothing to summarize: status ``empty``."""


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
    order = tuple([a.id for a in articles] + [p.id for p in problems])
    status: dict[str, tuple[Status, str]] = {p.id: ("unreadable", p.message) for p in problems}
    segmented = [segment_article(a) for a in clean_cluster(articles)]
    usable = []
    for art in segmented:
        words = sum(s.words for s in art.sentences)
        if words < MIN_BODY_WORDS:
            status[art.id] = ("empty", _empty_reason(art, words))
        else:
            usable.append(art)
    usable = reading_order(usable)
    dups = duplicate_articles(usable, [cleaned_text(a) for a in usable])
    for dup in dups:
        status[dup.id] = ("duplicate", f"near-duplicate of {dup.of} ({dup.share:.0%} of its text is there)")
    dup_ids = {d.id for d in dups}
    kept = tuple(a for a in usable if a.id not in dup_ids)
    groups = tuple(tuple(g) for g in sentence_groups([s for a in usable for s in a.sentences]))
    return Prepared(Cluster(kept, groups), tuple(segmented), MappingProxyType(status), tuple(problems), order)


def _empty_reason(article: Article, words: int) -> str:
    if not article.text.strip():
        return "the article has no text"
    if not article.text[article.body_start:].strip():
        return "no text besides the title line"
    dropped = len(article.removed)
    tail = f" after removing {dropped} boilerplate span{'s' * (dropped != 1)}" if dropped else ""
    return f"only {words} words of article text{tail}"


def summarize_prepared(prep: Prepared, max_words: int, method: str = DEFAULT) -> list[SummarySentence]:
    """Stage 7: the summary lines of a prepared cluster, each with its source span and support."""
    if not prep.cluster.articles:
        return []
    chosen = get_summarizer(method).summarize(prep.cluster, max_words)
    return [SummarySentence(s.text, s.article, s.start, s.end, prep.cluster.support(s)) for s in chosen]


def brief(items: Input | Iterable[Input], max_words: int = 100, method: str = DEFAULT,
          facts: bool = True) -> Briefing:
    """Brief a pile of articles about one event.

    ``items`` may be a path (file or folder), a list of paths, article dicts in
    the ``{"id", "title", "text", "url", "time"}`` schema, or :class:`Article`
    objects. Unreadable inputs are accounted for in ``briefing.articles``.
    With ``facts``, articles about another incident are set aside as ``off-event``
    before summarizing, and the briefing gets facts, conflicts and a timeline.
    """
    prep = prepare(*load(items))
    sheet = None
    if facts and prep.cluster.articles:
        from newsbrief.facts import read  # spaCy and dateparser: loaded only when facts are asked for

        reading = read(prep.cluster.articles)
        prep = prep.setting_aside(reading.off_event, "off-event")
        sheet = reading.sheet(prep.cluster)
    summary = summarize_prepared(prep, max_words, method)
    return Briefing(
        title=event_title(prep, summary),
        summary=summary,
        articles=_records(prep, summary),
        facts=sheet.facts if sheet else [],
        conflicts=sheet.conflicts if sheet else [],
        timeline=sheet.timeline if sheet else [],
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
            removed=[{"start": r.start, "end": r.end, "reason": r.reason} for r in art.removed],
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
