"""The summarizer contract: one algorithm per module behind :class:`Summarizer`.

A summarizer sees a :class:`Cluster` (the usable articles and their sentences
grouped into near-duplicates) and selects passages within a word budget, from
:func:`candidates`: what a reader can follow out of its article (see
:mod:`~newsbrief.summarize.passages`). Ordering and support are shared here, so
an algorithm is only its selection.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import ClassVar

from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS, STOP_WORDS, WEEKDAYS
from newsbrief.lang.tokens import stemmed_stop, tokens
from newsbrief.model import Cluster, Sentence
from newsbrief.summarize.focus import NO_FOCUS, Focus
from newsbrief.summarize.passages import Passage, passages, right_after

MIN_WORDS = 6
"""Shorter sentences (datelines, stray labels) are not summary candidates."""

MAX_WORDS = 80
"""Longer "sentences" are almost always run-ons from missing punctuation."""

MIN_LOWER_WORDS = 3
"""A sentence has lower-case words (articles, verbs, prepositions); a line with fewer is a label, a
credit line or a list item ("(Teepen, Cox News Service) MOVED THURSDAY.", "Austin Custodio, 21, Pine Bush, NY.")."""

_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z]")


def candidates(cluster: Cluster, focus: Focus = NO_FOCUS) -> list[Passage]:
    """What a summary may use, in article order: passages whose quotation marks balance, that neither
    announce what they do not give, point to a web address, speak to the reader nor end on the writer's own
    question, that show a finite verb (no caption, list entry or label), of a sensible length and with
    lower-case words, whose every sentence stands for its near-duplicate group (the group's first from a usable
    article, as a duplicate article's sentences are only support), says nothing the reader read before
    (``focus.repeated``) and gives no figure that later reports changed when one that gives its latest
    value is a candidate (``focus.superseded``), and which, when they follow the
    passage before them, come right after a candidate (always the one just before them in this list)."""
    usable = {a.id for a in cluster.articles}
    standing = set()
    for group in cluster.groups:
        rep = next((s for s in group if s.article in usable), None)
        if rep is not None:
            standing.add((rep.article, rep.index))
    standing -= focus.repeated
    if focus.latest & standing:
        standing -= focus.superseded
    out: list[Passage] = []
    for article in cluster.articles:
        previous: Passage | None = None
        for p in passages(article):
            # cheapest tests first: in a big cluster most sentences stand for no group (wire copy repeats)
            ok = (all((p.article, i) in standing for i in range(p.index, p.last + 1)) and p.balanced
                  and not p.announces and not p.links and not p.addresses and not p.asks
                  and MIN_WORDS <= p.words <= MAX_WORDS and _lower_words(p.text) >= MIN_LOWER_WORDS and not p.verbless)
            if ok and p.follows:
                ok = previous is not None and right_after(article, previous, p)
            if ok:
                out.append(p)
            previous = p if ok else None
    return out


def _lower_words(text: str) -> int:
    """How many words of ``text`` start in lower case, counted up to :data:`MIN_LOWER_WORDS` (enough to know)."""
    return len(list(islice(_LOWER_WORD.finditer(text), MIN_LOWER_WORDS)))


class Summarizer(ABC):
    """Selects passages for a summary; subclasses implement :meth:`select` only."""

    name: ClassVar[str]

    @abstractmethod
    def select(self, cluster: Cluster, max_words: int, focus: Focus = NO_FOCUS) -> list[Sentence]:
        """Candidates whose words add up to at most ``max_words``, the lead (what happened) first, then by
        importance. A passage that follows another is only chosen with it. ``focus``: what the reader
        has read (never repeated) and asked (see :mod:`~newsbrief.summarize.focus`)."""

    def summarize(self, cluster: Cluster, max_words: int, focus: Focus = NO_FOCUS) -> list[Sentence]:
        """The selection in reading order."""
        return order(cluster, self.select(cluster, max_words, focus), focus)


def order(cluster: Cluster, chosen: Sequence[Sentence], focus: Focus = NO_FOCUS) -> list[Sentence]:
    """Reading order: the lead (``chosen[0]``) first, then by the day of what is reported, then by relative
    position in the article (an article's news comes before its background), leads of earlier articles
    first; a passage that follows another comes right after it.

    A line's day is that of the happening it reports, where the facts resolved it (``focus.when``), else
    its article's publication day; when a chosen line has neither, all count as one day.
    """
    if not chosen:
        return []
    rank = cluster.rank()
    by_id = {a.id: a for a in cluster.articles}

    def day_of(s: Sentence) -> date | None:
        published = by_id[s.article].time
        return focus.when.get(_key(s)) or (published.date() if published else None)

    days = {_key(s): day_of(s) for s in chosen}
    dated = None not in days.values()
    head_of = _chains(chosen)
    heads = [s for s in chosen if head_of[_key(s)] == _key(s)]
    lead = head_of[_key(chosen[0])]

    def place(s: Sentence) -> tuple[bool, date, float, int, int]:
        article = by_id[s.article]
        day = days[_key(s)] if dated else date.min
        return _key(s) != lead, day or date.min, round(s.index / max(len(article.sentences), 1), 1), rank[s.article], s.index

    out: list[Sentence] = []
    members = sorted(chosen, key=lambda s: s.index)
    for head in sorted(heads, key=place):
        out.extend(s for s in members if head_of[_key(s)] == _key(head))
    return out


def _key(s: Sentence) -> tuple[str, int]:
    return s.article, s.index


def _chains(chosen: Sequence[Sentence]) -> dict[tuple[str, int], tuple[str, int]]:
    """Each chosen line -> the first line of the run it belongs to (a passage that follows joins the one
    it follows)."""
    ends = {(s.article, s.last if isinstance(s, Passage) else s.index): _key(s) for s in chosen}
    head: dict[tuple[str, int], tuple[str, int]] = {}
    for s in sorted(chosen, key=lambda s: (s.article, s.index)):
        before = ends.get((s.article, s.index - 1)) if isinstance(s, Passage) and s.follows else None
        head[_key(s)] = head[before] if before in head else _key(s)
    return head


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of a line (no stop words, no numbers), read once however often it is compared."""
    stop = stemmed_stop()
    return frozenset(t for t in tokens(text) if t not in stop and not t.isdigit())


_MONTH = "|".join((*MONTHS, *(a for a in MONTH_ABBREVIATIONS if a not in MONTHS), "Sept"))
_CALENDAR = re.compile(rf"\b(?:(?P<before>\d{{1,4}})\s+)?(?:(?P<month>{_MONTH})|{'|'.join(WEEKDAYS)})\b\.?"
                       rf"(?:,?\s+(?P<after>\d{{1,4}})\b(?:,\s+(?P<year>\d{{4}})\b)?)?")
"""A capitalised month or weekday name, with the numbers next to a month ("8 June", "June 8, 2019"): in
lower case, or with a number next to a weekday, "may" is a modal and "On Tuesday, 12 people died" names no
twelfth."""
_AFTER_NAME = re.compile(r"([A-Z][\w'’]*)\s+$")
"""A capitalised word right before a month name with no number: unless a function word ("In May"), the
month is the last word of a person's or an event's name."""


@lru_cache(maxsize=4096)
def date_words(text: str) -> frozenset[str]:
    """The days a line names: its month and weekday names (first three letters, so "Sept" is "September")
    and the numbers next to a month ("8", "jun"); empty when it names no day. A month with no number after a
    capitalised word that is no stop word is a name's ("Theresa May"), not counted."""
    found: set[str] = set()
    for match in _CALENDAR.finditer(text):
        numbers = [n for n in match.group("before", "after", "year") if n]
        before = _AFTER_NAME.search(text, 0, match.start()) if match.group("month") and not numbers else None
        if before and before.group(1).lower() not in STOP_WORDS:
            continue  # a name's last word: "Theresa May", "the Women's March" (not "In May")
        found.add(match.group(0).strip(" .,0123456789")[:3].lower())
        if match.group("month"):
            found.update(numbers)
    return frozenset(found)


def near_repeat(line: str, chosen: Sequence[Sentence], share: float, least: int) -> bool:
    """Whether ``line`` says again, in other words, what a line of ``chosen`` says: they share at least
    ``least`` content words, and at least ``share`` of those of the shorter of the two ("The 41-year-old died
    on Wednesday after a yearlong battle with stage four adrenal cancer" after "LFO singer Devin Lima has
    died after a yearlong battle with stage 4 cancer"). Two lines that each name a day, and not the same,
    tell two happenings ("On 8 June, inspectors had found cracks in the piers" and "On 10 June, the council
    voted to spend 4 million pounds on repairs, after inspectors found cracks in its piers")."""
    mine = content_words(line)
    if len(mine) < least:
        return False
    days = date_words(line)
    for other in chosen:
        theirs = content_words(other.text)
        common = len(mine & theirs)
        if common >= least and common >= share * min(len(mine), len(theirs)):
            other_days = date_words(other.text)
            if not (days and other_days and days - other_days):
                return True
    return False


def fits(chosen: Sequence[Sentence], sentence: Sentence, max_words: int) -> bool:
    """Whether ``sentence`` can join ``chosen`` within the word budget."""
    return sum(s.words for s in chosen) + sentence.words <= max_words


def ready(chosen: Sequence[Sentence], passage: Passage) -> bool:
    """Whether ``passage`` may join ``chosen``: it follows nothing, or what it follows is chosen."""
    return not passage.follows or any(s.article == passage.article and isinstance(s, Passage)
                                      and s.last + 1 == passage.index for s in chosen)
