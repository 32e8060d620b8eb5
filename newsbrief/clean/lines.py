"""Line-level cleaning of a cluster: boilerplate rules, fragments, cross-article repeats."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial

from newsbrief.clean.rules import is_fragment, match_rule
from newsbrief.lang.tokens import words
from newsbrief.model import Article, Paragraph, Removed, squash
from newsbrief.parallel import chunked, cores_for_one_job, process_map

END_MARKER_AFTER = 0.4
"""An end-of-article marker (comment form, newsletter box) cuts the rest only past this share of the body."""

COPY_SHARE = 0.5
"""Two articles sharing more than this share of their text in whole lines are copies, not a template."""

TEMPLATE_WORDS = 25
"""Only lines up to this long can be a repeated template; a longer shared line is shared content."""

LONG_LINE = 40
"""A longer line is a paragraph: sentence-level rules judge its sentences one by one instead."""

SPREAD_FROM = 200
"""A cluster of at least this many articles is cleaned on every core; a smaller one costs less than starting
the workers would."""
CHUNK = 100
"""Articles sent to a worker at a time: few messages, yet enough pieces to keep both cores busy."""

_LINE = re.compile(r"[^\n]+")


def _lines(article: Article) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line of the body, stripped of surrounding whitespace."""
    for match in _LINE.finditer(article.text, article.body_start):
        line = match.group()
        if line.strip():
            yield match.start() + len(line) - len(line.lstrip()), match.end() - len(line) + len(line.rstrip())


def _key(line: str) -> str:
    """The line's lower-case letters and digits, runs of anything else as one space."""
    return " ".join(words(line))


def repeated_lines(articles: Sequence[Article]) -> set[str]:
    """Short line keys shared by articles that are otherwise different: templates, not wire copies.

    An article is a copy when more than ``COPY_SHARE`` of its body text (by
    characters, so short boilerplate lines weigh little) is in lines other
    articles share. A shared line is template when it is short and most of the
    articles holding it are not copies; long shared lines are content, left to
    sentence de-duplication to turn into support. Linear in the cluster's size.
    """
    if len(articles) < 2:
        return set()
    keysets = [{_key(a.text[s:e]) for s, e in _lines(a)} - {""} for a in articles]
    counts = Counter(k for keys in keysets for k in keys)
    shared = {k for k, n in counts.items() if n > 1}
    short = {k for k in shared if len(k.split()) <= TEMPLATE_WORDS}
    if not short:
        return set()
    copies: Counter[str] = Counter()
    for keys in keysets:
        common = keys & shared
        if sum(map(len, common)) / (sum(map(len, keys)) or 1) > COPY_SHARE:
            copies.update(common & short)
    return {k for k in short if copies[k] * 2 < counts[k]}


def _classify(line: str, repeated: set[str]) -> tuple[str | None, bool, bool]:
    """The reason a line is boilerplate (or None), whether it ends the article body, and whether it shows
    that the page is no article at all."""
    rule = match_rule(line)
    if rule and not (rule.sentence and len(line.split()) > LONG_LINE):
        return rule.reason, rule.ends_article, rule.whole_page
    if repeated and _key(line) in repeated:
        return "line repeated across articles of the cluster", False, False
    if is_fragment(line):
        return "heading, label or link line, not a sentence", False, False
    return None, False, False


def clean_article(article: Article, repeated: set[str] | frozenset[str] = frozenset()) -> Article:
    """The article with its ``paragraphs`` (still without sentences) and ``removed`` spans."""
    lines = list(_lines(article))
    body_len = sum(e - s for s, e in lines) or 1
    seen = 0
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    cut_by: str | None = None
    not_article: str | None = None
    for start, end in lines:
        line = article.text[start:end]
        if cut_by:
            removed.append(Removed(article.id, start, end, squash(line), f"after end-of-article marker '{cut_by}'"))
            continue
        reason, ends, whole = _classify(line, repeated)
        if reason:
            removed.append(Removed(article.id, start, end, squash(line), reason))
            if ends and seen / body_len >= END_MARKER_AFTER:
                cut_by = squash(line)[:40]
            not_article = not_article or (reason if whole else None)
        else:
            paragraphs.append(Paragraph(start, end))
        seen += end - start
    if not_article:  # the scraper fetched something else (an archive's notes, an error page): nothing is kept
        removed += [Removed(article.id, p.start, p.end, squash(article.text[p.start:p.end]),
                            f"on a page that is no article ({not_article})") for p in paragraphs]
        removed.sort(key=lambda r: r.start)
        paragraphs = []
    return replace(article, paragraphs=tuple(paragraphs), removed=tuple(removed))


Read = tuple[tuple[Paragraph, ...], tuple[Removed, ...]]
"""What cleaning (and ``then``) add to an article: its paragraphs and removed spans."""


def _clean_some(repeated: set[str], then: Callable[[Article], Article] | None,
                articles: Sequence[Article]) -> list[Read]:
    """Some articles cleaned (and passed through ``then``); only what that adds comes back from a worker,
    not the texts again."""
    done = (clean_article(a, repeated) for a in articles)
    return [(a.paragraphs, a.removed) for a in (map(then, done) if then else done)]


def clean_cluster(articles: Sequence[Article], then: Callable[[Article], Article] | None = None) -> list[Article]:
    """Every article of a cluster cleaned, in order (lines that recur across different articles dropped), and
    passed through ``then`` where it was cleaned (the pipeline splits sentences there: a module-level
    function, as it may run in a worker process).

    Once the repeated lines are known the articles are independent, so a cluster of :data:`SPREAD_FROM`
    articles or more is spread over the cores (:func:`newsbrief.parallel.cores_for_one_job`).
    """
    repeated = repeated_lines(articles)
    workers = cores_for_one_job() if len(articles) >= SPREAD_FROM else 1
    parts = process_map(partial(_clean_some, repeated, then), chunked(articles, CHUNK), workers)
    read = (found for part in parts for found in part)
    return [replace(a, paragraphs=paragraphs, removed=removed) for a, (paragraphs, removed) in zip(articles, read)]


def cleaned_text(article: Article) -> str:
    """The article's body as kept, once segmented: paragraphs of sentences, glued sentences spaced apart."""
    return "\n\n".join(" ".join(s.text for s in p.sentences) for p in article.paragraphs)
