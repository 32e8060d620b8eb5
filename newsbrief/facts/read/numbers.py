"""Numbers in a sentence, found by pattern: digits ("950,000", "$1.8m", "15.2", and as a tokenized copy writes
them, "20, 000"), words ("Thirty-three",
"half a dozen", "one million"; cardinals read by text2num), ranges ("8 to 12", "between 200 and 300") as one
number, and the qualifier before each ("at least", "nearly").

What is plainly not a count is left out here, before any parsing: years, dates, clock times, percentages,
ordinals and hyphenated modifiers ("34-year-old", "25-vehicle"), names with a number ("Interstate 35",
"Flight 370", "S-400 missile systems"), ages after a name ("Elle Knutson, 21,", "two brothers, 17 and 22,") or
after "age of" ("died at the age of 42"), and a conversion in parentheses
after a measure ("5 kilometers (3 miles)"), which restates the number before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import text2num

from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS
from newsbrief.lang.en.measures import CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, UNIT_KIND
from newsbrief.lang.en.numbers import (
    INCREMENTS,
    MULTIPLES,
    NUMBER_WORDS,
    QUALIFIERS,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
)

_WORD = "|".join([*NUMBER_WORDS, *TENS, "hundred", "dozen", *SCALES])
_MONTHS = sorted({w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, "Sept")}, key=len, reverse=True)
_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
_ABBREVIATED = "|".join(SCALE_ABBREVIATIONS)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = rf"(?:half an?\s+dozen|(?:an?\s+)?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)"
# Matched on lower-cased text: ten times faster than re.IGNORECASE with this many alternatives; the
# qualifier is looked for only before a number found, not tried at every position.
_SYMBOL = f"[{re.escape(''.join(CURRENCY_SYMBOLS))}] ?"
"""A currency symbol, glued to its amount or spaced from it."""
_CURRENCY = rf"(?:{'|'.join(p.lower() for p in CURRENCY_PREFIXES)})?{_SYMBOL}|\b(?:{'|'.join(CURRENCY_CODES)})\.?\s+"
"""A currency before an amount: a symbol, glued or as a tokenized copy spaces it ("$ 160 million"), or a code."""
_NUMBER = re.compile(
    rf"(?P<cur>{_CURRENCY})?(?P<digits>{_DIGITS})"
    rf"(?:\s*(?P<abbr>{_ABBREVIATED})\b|\s+(?P<dscale>{'|'.join(SCALES)})\b)?"
    rf"|\b(?P<words>{_WORDS})\b"
)
_RANGE = re.compile(rf"\s*(?:to|and|or|-|–)\s*(?P<cur>{_SYMBOL})?(?P<digits>{_DIGITS})(?:\s+(?P<dscale>"
                    rf"{'|'.join(SCALES)})\b)?|\s*(?:to|and|or|-|–)\s*(?P<words>{_WORDS})\b")
# Something every number contains: a cheap test that spares most sentences the big pattern.
_NUMBER_CUE = re.compile(r"\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|"
                         r"hundred|thousand|million|billion|trillion|dozen")
_QUAL_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL})\s+(?:(?:between|from)\s+)?$")
_VAGUE_BEFORE = re.compile(r"(?:[\w-]|\b(?:few|several|many) )$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NOT_A_COUNT_AFTER = re.compile(r"[-‑–][A-Za-z]|\s*(?:%|per ?cent|a\.?m\b|p\.?m\b|[:.]\d|/)|\w|(?:st|nd|rd|th)\b")
_SPACED_MEASURE_AFTER = re.compile(rf"\s[-‑–]\s(?:{'|'.join(map(re.escape, UNIT_KIND))})\b", re.I)
"""A unit after a spaced hyphen: a measure as a tokenized copy writes it ("his 7 - yard touchdown pass", "a 5 -
year sentence"), as "7-yard" is one glued, never a count."""
_MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(_MONTHS)})\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(_MONTHS)})\.?\s+$", re.I)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.]*\s?|[-‑/#])$")
_MODEL_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,2}(?:[-‑]| [-‑] )$")
"""Letters joined to the number by a hyphen: a model or a name ("S-400", "F-16", "MH-17", "Su-24", and as
tokenized copy spaces it, "AK - 47"), never a count, whatever follows ("S-400 missile systems")."""
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:was|is|has|does)\b)(?:[a-z]+\s+)?(?:[a-z]+s|people|men|women|children|police|personnel|staff|crew)\b")
_SPACED_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?P<groups>(?:, \d{3})+)(?!,?\d|\.\d)")
"""Thousands set apart by a comma and a space, as a tokenized copy of a text writes them ("20, 000 people",
"$30, 000"): one number, unless a month names the first group a day ("May 5, 300 people")."""
_AGE = (re.compile(r"[A-Za-z][\w’'-]+,\s*$"), re.compile(r"\s*,|\s+(?:was|is|has)\b|\.(?!\d)"))
"""After a name or a noun and a comma, a number followed by a comma, a verb in the singular or the end of the
sentence is an age ("Elle Knutson, 21,", "Andrew Lopez, 20 was found guilty": a count above one takes "were";
"the deaths of two boys, 13 and 14.")."""
_AGE_BEFORE = re.compile(r"\b(?:aged|age of|ages of|ages|age)\s+$", re.I)
"""Words that make the number after them an age ("died at the age of 42", "aged 17 and 22")."""
_CONVERSION = re.compile(r"\d[\d,.]*\s*[a-z-]+\.?\s*\(\s*(?:about|some|around|roughly|nearly)?\s*$", re.I)
_INCREMENT_AFTER = re.compile(rf"\s+(?:{'|'.join(INCREMENTS)})\b", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|a further)\s+$", re.I)
_ARTICLE = re.compile(r"^an?\s+")
_ONE_THING_BEFORE = re.compile(r"\ban?\s+$", re.I)
"""An indefinite article right before digits: the number measures or names one thing, never counts it ("a 3.0
quake", "an 86-yard run", "a 13-3 lead", "a 1,500-square-kilometer island"). An amount is kept: one with its
currency, or with a scale ("a 1 million U.S. dollars award")."""
_PLAIN_DIGITS = re.compile(r"[\d,. ]+")
_DECIMAL_BEFORE = re.compile(r"(?:^|[\s(])\.$")
"""A point before digits with none before it: a decimal fraction ("hit .358"), not a count."""


@dataclass(frozen=True)
class NumberMention:
    """A number in a sentence: ``start`` includes its qualifier, ``at`` is where the number itself starts;
    ``high`` is the upper end of a range ("8 to 12 inches"), else None."""

    start: int
    at: int
    end: int
    value: float
    qualifier: str | None
    currency: str | None
    digits: bool
    high: float | None = None
    increment: bool = False


def parse_words(text: str) -> float | None:
    """ "Thirty-three" -> 33, "one million" -> 1e6, "a dozen" -> 12, "half a dozen" -> 6, "two dozen" -> 24."""
    low = " ".join(text.lower().replace("-", " ").split())
    if low in MULTIPLES:
        return float(MULTIPLES[low])
    for phrase, value in sorted(MULTIPLES.items(), key=lambda p: -len(p[0])):
        if low.startswith(phrase + " "):
            rest = parse_words(low[len(phrase) + 1:])
            return value * rest if rest is not None else None
        if low.endswith(" " + phrase) and phrase in ("dozen", "a dozen"):
            first = parse_words(low[:-len(phrase) - 1])
            return first * value if first is not None else None
    try:
        return float(text2num(low, "en"))
    except ValueError:
        return None


@lru_cache(maxsize=2048)
def numbers(text: str) -> tuple[NumberMention, ...]:
    """Every number in ``text`` that may count something (see the module doc), in order (cached: claims and
    counts read the same sentences)."""
    return tuple(_numbers(text))


def _numbers(text: str) -> list[NumberMention]:
    lower = text.lower()
    if len(lower) != len(text):
        lower = text
    found: list[NumberMention] = []
    if not _NUMBER_CUE.search(lower):
        return found
    taken = 0  # where the last number read ends, counted or not: "17 and 22," are two ages, not an age and a count
    spaced = {m.start(): m for m in _SPACED_THOUSANDS.finditer(lower)
              if not _MONTH_BEFORE.search(lower, max(0, m.start() - 16), m.start())}
    for match in _NUMBER.finditer(lower):
        at = match.start()
        if at < taken:
            continue
        if match.group("words") and (_VAGUE_BEFORE.search(lower, max(0, at - 8), at)
                                     or _ARTICLE.fullmatch(match.group("words") + " ")):
            continue
        value = _value(match)
        if value is None or (match.group("digits") and not match.group("cur") and _YEAR.fullmatch(match.group())):
            continue  # a year, also as the start of a period ("1983 to 1987")
        number = _mention(lower, match, value)
        joined = spaced.get(match.start("digits")) if match.group("digits") else None
        if joined is not None and number.end == joined.start("groups"):
            number = replace(number, value=float(joined.group().replace(", ", "")), end=joined.end())
        taken = number.end
        if not _excluded(text, number):
            found.append(number)
    return found


def _mention(lower: str, match: re.Match[str], value: float) -> NumberMention:
    at, end = match.start(), match.end()
    qual = _QUAL_BEFORE.search(lower, max(0, at - 32), at)
    high = None
    rng = _RANGE.match(lower, end)
    if rng and not (match.group("digits") and rng.group("words")):
        upper = _value(rng)
        if upper is not None and upper > value:
            high, end = upper, rng.end()
            if match.group("dscale") is None and rng.group("dscale"):
                value *= SCALES[rng.group("dscale")]
    increment = bool(_INCREMENT_AFTER.match(lower, end) or _INCREMENT_BEFORE.search(lower, max(0, at - 16), at))
    return NumberMention(qual.start() if qual else at, at, end, value, qual.group("qual") if qual else None,
                         _symbol(match.group("cur")), bool(match.group("digits")), high, increment)


def _symbol(currency: str | None) -> str | None:
    """The symbol an amount is shown with: "$", "us$", or that of a code written before it ("dlrs" -> "$")."""
    if currency is None:
        return None
    code = currency.rstrip(". \t\n")
    return CURRENCY_CODES.get(code, code)


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        scale = match.group("dscale")
        abbr = match.groupdict().get("abbr")
        if abbr and match.group("cur"):
            return value * SCALE_ABBREVIATIONS[abbr]
        if abbr:
            return None
        return value * SCALES[scale] if scale else value
    return parse_words(match.group("words"))


def _excluded(text: str, number: NumberMention) -> bool:
    """Years, dates, times, ordinals, ages, model numbers, conversions, decimal fractions, a measure of one
    thing: not counts."""
    before, after = text[max(0, number.at - 24):number.at], text[number.end:number.end + 16]
    if not number.currency and (_NOT_A_COUNT_AFTER.match(after) or _SPACED_MEASURE_AFTER.match(after)
                                or _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before)):
        return True
    if _CONVERSION.search(before) or _MODEL_BEFORE.search(before) or _DECIMAL_BEFORE.search(before):
        return True
    if (number.digits and not number.currency and _PLAIN_DIGITS.fullmatch(text, number.at, number.end)
            and _ONE_THING_BEFORE.search(text, max(0, number.start - 8), number.start)):
        return True
    if number.digits and _AGE[0].search(before) and _AGE[1].match(after) and number.value < 120:
        return True  # "Elle Knutson, 21,", "his wife, 33,", "his two half-brothers, 17 and 22,"
    if _AGE_BEFORE.search(before) and number.value < 120:
        return True  # "died at the age of 42"
    if not _NAME_BEFORE.search(before) or number.qualifier or number.currency or "," in text[number.at:number.end]:
        return False
    return not _COUNTED_AFTER.match(text, number.end)  # "Flight 370", "Interstate 35"; not "Iowa 30,900 customers"
