"""Quantities with what they count: "at least 33 of its troops were killed" -> 33, "at least", Turkish soldiers killed.

A number (digits, or words: "Thirty-three", "a dozen", "one million") is read
with the qualifier before it ("at least", "more than", "almost", "about"), the
noun phrase it counts ("Turkish soldiers", "of its troops" -> whose troops from
the country named before "its"), and what happened to them: a passive or
participle after the noun ("were killed", "injured"), an active verb before the
number ("displaced about 950,000 people", "the killing of seven"), "the death
toll rose to N", or such a verb later in the same clause. Verbs of the same
meaning share a category ("died", "martyred", "dead" are *killed*), and nouns of
the same kind share a class ("troops", "servicemen" are soldiers), so that
sources that word it differently are compared.

Each quantity knows the range its qualifier allows, so "33" agrees with
"at least 33" and "about 950,000" with "nearly one million", but "two" does not
agree with "at least three".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from newsbrief.facts.read.entities import Gazetteer, fold
from newsbrief.facts.read.units import Unit
from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS
from newsbrief.lang.en.events import COUNTED_CLASSES, CURRENCY_SYMBOLS, DURATIONS, OUTCOME_NOUNS, OUTCOMES
from newsbrief.lang.en.grammar import (
    NOUN_PHRASE_BREAKS,
    POSSESSIVES,
    QUANTITY_FILLERS,
    SUBSET_PRONOUNS,
    VERB_GROUP_WORDS,
)
from newsbrief.lang.en.numbers import NUMBER_WORDS, QUALIFIERS, SCALES, TENS
from newsbrief.model import Span, hedged, squash

_WORD_VALUE = {w: i for i, w in enumerate(NUMBER_WORDS)} | {w: 10 * (i + 2) for i, w in enumerate(TENS)}
_WORD = "|".join([*NUMBER_WORDS, *TENS, "hundred", "dozen", *SCALES])
_MONTHS = sorted({w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, "Sept")}, key=len, reverse=True)

_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
# Matched on lower-cased text: ten times faster than re.IGNORECASE with this many alternatives; the
# qualifier is looked for only before a number found, not tried at every position.
_NUMBER = re.compile(
    rf"(?P<cur>[$£€])?(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s+(?P<dscale>{'|'.join(SCALES)})\b)?"
    rf"|\b(?P<words>(?:an?\s+)?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)\b"
)
# Something every number contains: a cheap test that spares most sentences the big pattern.
_NUMBER_CUE = re.compile(r"\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|"
                         r"hundred|thousand|million|billion|trillion|dozen")
_QUAL_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL})\s+$")
_VAGUE_BEFORE = re.compile(r"(?:[\w-]|\b(?:few|several|many) )$")

_LEX = re.compile("|".join(f"(?P<{k}>\\b(?:{v})\\b)" for k, v in OUTCOMES.items()), re.I)
_LEX_AT = re.compile(rf"(?:{'|'.join(OUTCOMES.values())})\b", re.I)
_VERB = rf"(?:{'|'.join(OUTCOMES.values())}|[a-z]+ed)"
_BEFORE = re.compile(rf"\b(?:(?P<first>{_VERB})\s+(?:or|and)\s+)?(?P<verb>{_VERB})\s+(?:of\s+)?$", re.I)
_TOLL = re.compile(r"\bdeath toll\b[^.;]{0,40}?\b(?:to|at|of|is|was|reached|hit)\s+$", re.I)
_EARLIER = re.compile(r"\b(?:last (?:week|month|year)|earlier|previous(?:ly)?|a (?:week|month|year) ago|"
                      r"(?:days|weeks|months|years) ago|prior)\b", re.I)
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_CLASS_OF = {w: k for k, words in COUNTED_CLASSES.items() for w in words}
_WINDOW = 18
HEDGE = 2.0


@dataclass(frozen=True, kw_only=True)
class Quantity(Span):
    """A number in a sentence, with its qualifier and what it counts."""

    position: int
    value: float
    qualifier: str | None
    noun: str | None
    kind: str | None
    modifier: str | None
    side: str | None
    category: str | None
    earlier: str | None = None
    """A phrase of the sentence that puts it in the past ("last week"), if any."""

    @cached_property
    def what(self) -> str:
        """What is counted, as shown: "Turkish soldiers killed"."""
        return " ".join(w for w in (self.modifier, self.noun, self.category) if w) or "(unspecified)"

    @property
    def shown(self) -> str:
        """Qualifier and number: "at least 33"."""
        return hedged(self.value, self.qualifier)

    @cached_property
    def interval(self) -> tuple[float, float]:
        """The values the source allows: "at least 33" is [33, inf)."""
        return interval(self.value, self.qualifier)


def interval(self) -> tuple[float, float]:
        """The values the source allows: "at least 33" is [33, inf)."""
        return interval(self.value, self.qualifier)


def plain(value: float) -> int | float:
    """A value for JSON: 33, not 33.0."""
    return int(value) if float(value).is_integer() else value


def number(value: float) -> str:
    """A value as shown: 950000 -> "950,000", 3.5 -> "3.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The range of true values a qualified number allows.

    A hedge stays within a factor of :data:`HEDGE` of the number it states: a
    reporter who knew of 33 dead would not write "at least two".
    """
    kind = QUALIFIERS.get(qualifier or "", "exact")
    return {
        "exact": (value, value), "min": (value, value * HEDGE), "over": (value + 1e-9, value * HEDGE),
        "about": (value * 0.9, value * 1.1), "near": (value * 0.8, value), "max": (value / HEDGE, value),
        "under": (value / HEDGE, value - 1e-9),
    }[kind]


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges can both be true."""
    return a[0] <= b[1] and b[0] <= a[1]


def parse_words(text: str) -> float | None:
    """ "Thirty-three" -> 33, "one million" -> 1e6, "a dozen" -> 12, "two hundred and five" -> 205."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("a", "an"):
            current, seen = 1, True
        elif word in _WORD_VALUE:
            current, seen = current + _WORD_VALUE[word], True
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in SCALES:
            total, current = total + max(current, 1) * SCALES[word], 0
        elif word != "and":
            return None
        seen = True
    return float(total + current) if seen else None


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NOT_A_COUNT_AFTER = re.compile(r"[-‑–][A-Za-z]|\s*(?:%|per ?cent|a\.?m\b|p\.?m\b|[:.]\d)|\w")
_MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(_MONTHS)})\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(_MONTHS)})\.?\s+$", re.I)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.]*|[-‑/#])\s?$")
_BEFORE_WINDOW = 80


@dataclass(frozen=True)
class _Number:
    """A number in a sentence: ``start`` includes its qualifier, ``at`` is where the number itself starts."""

    start: int
    at: int
    end: int
    value: float
    qualifier: str | None
    currency: str | None
    digits: bool


def _numbers(text: str) -> list[_Number]:
    lower = text.lower()
    if len(lower) != len(text):
        lower = text
    found: list[_Number] = []
    if not _NUMBER_CUE.search(lower):
        return found
    for match in _NUMBER.finditer(lower):
        at = match.start()
        if match.group("words") and _VAGUE_BEFORE.search(lower, max(0, at - 8), at):
            continue
        value = _value(match)
        if value is None:
            continue
        qual = _QUAL_BEFORE.search(lower, max(0, at - 24), at)
        found.append(_Number(qual.start() if qual else at, at, match.end(), value,
                             qual.group("qual") if qual else None, match.group("cur"), bool(match.group("digits"))))
    return found


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        scale = match.group("dscale")
        return value * SCALES[scale.lower()] if scale else value
    return parse_words(match.group("words"))


def _excluded(text: str, number: _Number) -> bool:
    """Years, dates, times, ordinals, ages, model numbers: not counts."""
    before, after = text[max(0, number.at - 16):number.at], text[number.end:number.end + 16]
    if number.digits and _YEAR.fullmatch(text, number.at, number.end):
        return True
    if _NOT_A_COUNT_AFTER.match(after) or _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before):
        return True
    return bool(_NAME_BEFORE.search(before)) and not number.qualifier


def _noun_phrase(tokens: list[str]) -> tuple[list[str], int, str | None] | None:
    """(noun phrase words, tokens used, possessive) after a number; None for "two of them" (a subset)."""
    i, possessive = 0, None
    if len(tokens) > 1 and tokens[0].lower() == "of":
        nxt = tokens[1].lower()
        if nxt in SUBSET_PRONOUNS:
            return None
        if nxt in POSSESSIVES or nxt == "the":
            possessive = nxt if nxt in POSSESSIVES else None
            i = 2
    while i < len(tokens) and tokens[i].lower() in QUANTITY_FILLERS:
        i += 1
    words: list[str] = []
    while i < len(tokens) and len(words) < 4:
        tok = tokens[i]
        low = tok.lower()
        if not tok[0].isalpha() or low in NOUN_PHRASE_BREAKS or low.endswith("ly") or _LEX_AT.fullmatch(low):
            break
        if words and (low.endswith("ing") or low.endswith("ed")) and not tok[0].isupper():
            break
        words.append(tok)
        i += 1
    return words, i, possessive


def nouns_of(kind: str | None) -> list[str]:
    """The words that name a kind of thing counted: "soldier" -> soldiers, troops, servicemen, ..."""
    if kind is None:
        return []
    return COUNTED_CLASSES.get(kind, [kind])


def singular(noun: str) -> str:
    """A rough singular, enough to compare "workers" with "worker"."""
    low = fold(noun)
    if low in _CLASS_OF:
        return _CLASS_OF[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _category_after(tokens: list[str]) -> tuple[str | None, int]:
    """What happened, from the words after the noun phrase: (category, tokens used)."""
    i, aux = 0, False
    while i < len(tokens) and i < 6 and tokens[i].lower() in VERB_GROUP_WORDS:
        aux = aux or tokens[i].lower() in ("were", "was", "been", "are", "is", "being")
        i += 1
    if i >= len(tokens):
        return None, 0
    tail = " ".join(tokens[i:i + 5])
    lex = _LEX.match(tail)
    if lex:
        extra = _compound(tail[lex.end():])
        return _canonical(lex) + extra, i + len(lex.group().split())
    word = tokens[i]
    if aux and word.islower() and re.fullmatch(r"[a-z]+(?:ed|en)", word):
        return word, i + 1
    return None, 0


def _compound(after: str) -> str:
    """ "killed or wounded": keep the second verb so it is not compared with plain "killed"."""
    m = re.match(r"\s+or\s+([a-z]+ed)\b", after)
    if not m:
        return ""
    lex = _LEX.fullmatch(m.group(1))
    return f" or {_canonical(lex) if lex else m.group(1)}"


def _canonical(lex: re.Match[str]) -> str:
    return next(k for k, v in lex.groupdict().items() if v)


def _category_before(before: str) -> str | None:
    if _TOLL.search(before):
        return "killed"
    m = _BEFORE.search(before)
    if not m:
        return None
    verbs = [v for v in (m.group("first"), m.group("verb")) if v]
    lexes = [_LEX.fullmatch(v) for v in verbs]
    if not any(lexes):
        return None
    return " or ".join(_canonical(lex) if lex else v.lower() for v, lex in zip(verbs, lexes))


def _category_later(tokens: list[str]) -> str | None:
    """A category verb later in the clause, before any other number or clause break."""
    for i, tok in enumerate(tokens[:_WINDOW]):
        if tok[0].isdigit() or tok in (",", ";", ":", "—", "“", '"') or tok.lower() in _WORD_VALUE:
            return None
        lex = _LEX.match(" ".join(tokens[i:i + 4]))
        if lex:
            return _canonical(lex)
    return None


def _side(gazetteer: Gazetteer, modifiers: list[str], before: str, possessive: str | None,
          post: list[str]) -> tuple[str | None, str | None]:
    """(shown modifier, side key): "Turkish" from the noun phrase, from "of the Syrian army", or from "its"."""
    proper = [w for w in modifiers if w[0].isupper()]
    for word in proper:
        key = gazetteer.nation(word)
        if key:
            return word, key
    if proper:
        return " ".join(proper), fold(" ".join(proper))
    if post and post[0].lower() == "of":
        found = gazetteer.nations_in(" ".join(post[1:5]))
        if found:
            return found[0]
    if possessive in ("its", "their"):
        found = gazetteer.nations_in(before)
        if found:
            name, key = found[-1]
            return gazetteer.demonym(key, name), key
    return None, None


def read_unit(unit: Unit, gazetteer: Gazetteer) -> list[Quantity]:
    """Every counted quantity in one sentence."""
    found: list[Quantity] = []
    numbers = _numbers(unit.text)
    earlier = _earlier(unit.text) if numbers else None
    for number in numbers:
        if _excluded(unit.text, number):
            continue
        quantity = _read(unit, gazetteer, number, found[-1] if found else None, earlier)
        if quantity is not None:
            found.append(quantity)
    return found


def _read(unit: Unit, gazetteer: Gazetteer, number: _Number, previous: Quantity | None,
          earlier: str | None) -> Quantity | None:
    text = unit.text
    tokens = _TOKEN.findall(text[number.end:])
    phrase = _noun_phrase(tokens)
    if phrase is None:
        return None
    words, used, possessive = phrase
    before = text[:number.start]
    category, extra = _category_after(tokens[used:])
    near = before[-_BEFORE_WINDOW:]
    end_tokens = used + extra
    noun = words[-1] if words else CURRENCY_SYMBOLS.get(number.currency or "")
    category = category or _category_before(near) or (_category_later(tokens[used:]) if noun else None)
    if noun and noun.lower() in OUTCOME_NOUNS:
        category, noun, words = category or OUTCOME_NOUNS[noun.lower()], None, words[:-1]
    if noun is None and previous is not None and previous.end >= unit.start + number.start - 60:
        noun, kind, modifier, side = previous.noun, previous.kind, previous.modifier, previous.side
    else:
        kind = singular(noun) if noun else None
        modifier, side = _side(gazetteer, words[:-1], before, possessive, tokens[used:used + 6])
    if (noun is None and category is None) or (kind in DURATIONS):
        return None
    if number.value == 0 or (number.value == 1 and category is None):
        return None
    end = _span_end(text, number.end, tokens, end_tokens)
    return Quantity(
        unit.article, unit.start + number.start, unit.start + end, squash(text[number.start:end]),
        position=unit.position, value=number.value, qualifier=number.qualifier, noun=noun, kind=kind,
        modifier=modifier, side=side, category=category, earlier=earlier,
    )


def _earlier(text: str) -> str | None:
    match = _EARLIER.search(text)
    return match.group() if match else None


def _span_end(text: str, end: int, tokens: list[str], used: int) -> int:
    """The end of the last word read after the number."""
    for tok in tokens[:used]:
        end = text.index(tok, end) + len(tok)
    return end


def read(units: Sequence[Unit], gazetteer: Gazetteer) -> list[Quantity]:
    """Quantities in every unit."""
    return [q for unit in units for q in read_unit(unit, gazetteer)]
