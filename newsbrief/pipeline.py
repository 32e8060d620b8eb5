"""The main job, one way through the stages: ingest -> clean -> segment -> dedup -> summarize -> briefing.

:func:`prepare` does everything up to the summary and accounts for every input
(used, duplicate, empty, unreadable); :func:`brief` adds the summary and the
briefing. The CLI, the HTTP API and the batch mode are thin layers over these.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsbrief.clean import clean_cluster, cleaned_text
from newsbrief.dedup import duplicate_articles, sentence_groups
from newsbrief.ingest import Problem, article_from_record, read_inputs
from newsbrief.model import Article, ArticleRecord, Briefing, Status, SummarySentence
from newsbrief.segment import segment_article
from newsbrief.summarize import DEFAULT, Cluster, get_summarizer

MIN_BODY_WORDS = 15
"""An article body shorter than this (after cleaning) has nothing to summarize: status ``empty``."""

Input = Article | Mapping[str, Any] | str | os.PathLike[str]


@dataclass
class Prepared:
    """A cluster after every stage but the summary, with each input's status and reason."""

    cluster: Cluster
    articles: list[Article]
    status: dict[str, tuple[Status, str]]
    problems: list[Problem]
    order: list[str] = field(default_factory=list)

    def set_aside(self, reasons: Mapping[str, str], status: Status) -> None:
        """Take articles (id -> reason) out of the cluster, so they feed no summary, and give them ``status``."""
        if not reasons:
            return
        for art_id, reason in reasons.items():
            self.status[art_id] = (status, reason)
        kept = [a for a in self.cluster.articles if a.id not in reasons]
        groups = [[s for s in g if s.article not in reasons] for g in self.cluster.groups]
        self.cluster = Cluster(kept, [g for g in groups if g])


def iter_load(items: Input | Iterable[Input]) -> Iterator[Article | Problem]:
    """Each article (or Problem) from paths, records or Article objects, in input order, streamed."""
    if isinstance(items, (str, os.PathLike, Mapping, Article)):
        items = [items]
    for n, item in enumerate(items):
        if isinstance(item, (str, os.PathLike)):
            yield from read_inputs([item])
        else:
            yield article_from_record(item, str(n))


def load(items: Input | Iterable[Input]) -> tuple[list[Article], list[Problem]]:
    """Articles from paths, records or Article objects; whatever cannot be read becomes a Problem."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for result in iter_load(items):
        (problems if isinstance(result, Problem) else articles).append(result)
    return articles, problems


def _unique_ids(articles: Sequence[Article], problems: Sequence[Problem]) -> None:
    seen: set[str] = {p.id for p in problems}
    for art in articles:
        base, n = art.id, 1
        while art.id in seen:
            n += 1
            art.id = f"{base}#{n}"
        seen.add(art.id)


def _reading_order(articles: Sequence[Article]) -> list[Article]:
    """Earliest first when times are known; input order breaks ties and stands in for unknown times."""
    indexed = list(enumerate(articles))
    indexed.sort(key=lambda p: (_sort_time(p[1].time), p[0]))
    return [a for _, a in indexed]


def _sort_time(t: datetime | None) -> float:
    if t is None:
        return float("inf")
    return t.timestamp() if t.tzinfo else t.replace(tzinfo=None).timestamp()


def prepare(articles: list[Article], problems: Sequence[Problem] = ()) -> Prepared:
    """Clean, split, find empties and duplicates, and group repeated sentences."""
    _unique_ids(articles, problems)
    order = [a.id for a in articles] + [p.id for p in problems]
    status: dict[str, tuple[Status, str]] = {p.id: ("unreadable", p.message) for p in problems}
    for art in clean_cluster(articles):
        segment_article(art)
    usable = []
    for art in articles:
        words = sum(s.words for s in art.sentences)
        if words < MIN_BODY_WORDS:
            status[art.id] = ("empty", _empty_reason(art, words))
        else:
            usable.append(art)
    usable = _reading_order(usable)
    dups = duplicate_articles(usable, [cleaned_text(a) for a in usable])
    for dup in dups:
        status[dup.id] = ("duplicate", f"near-duplicate of {dup.of} ({dup.share:.0%} of its text is there)")
    dup_ids = {d.id for d in dups}
    kept = [a for a in usable if a.id not in dup_ids]
    groups = sentence_groups([s for a in usable for s in a.sentences])
    return Prepared(Cluster(kept, groups), articles, status, list(problems), order)


def _empty_reason(article: Article, words: int) -> str:
    if not article.text.strip():
        return "the article has no text"
    if not article.text[article.body_start:].strip():
        return "no text besides the title line"
    dropped = len(article.removed)
    tail = f" after removing {dropped} boilerplate span{'s' * (dropped != 1)}" if dropped else ""
    return f"only {words} words of article text{tail}"


def summarize_prepared(prep: Prepared, max_words: int, method: str = DEFAULT) -> list[SummarySentence]:
    """The summary lines of a prepared cluster, each with its source span and support."""
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
    articles, problems = load(items)
    prep = prepare(articles, problems)
    reading = None
    if facts and prep.cluster.articles:
        from newsbrief.facts import read

        reading = read(prep.cluster.articles)
        prep.set_aside(reading.off_event, "off-event")
    summary = summarize_prepared(prep, max_words, method)
    sheet = reading.sheet(prep.cluster) if reading else None
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


_TITLE_WORD = re.compile(r"[a-z0-9]+")


def event_title(prep: Prepared, summary: Sequence[SummarySentence]) -> str:
    """The title that shares the most words with the summary; else the first summary line."""
    lines = " ".join(s.text for s in summary).lower()
    words = set(_TITLE_WORD.findall(lines))
    titled = [a for a in prep.cluster.articles if a.title]
    if titled:
        best = max(titled, key=lambda a: len(words & set(_TITLE_WORD.findall(a.title.lower()))))
        return best.title
    if summary:
        first = summary[0].text
        return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "..."
    return "(no usable articles)"
