"""Dates, resolved to the calendar against the article's publication time when it is known.

Candidate phrases are found with a regular expression (weekdays, day and month,
month and year, years after "in"/"since", "yesterday", "last week", ...), not by
NER, which also tags durations ("two-month", "nine years") and misses "late on".
Modifiers dateparser does not understand are stripped and kept as the qualifier
("late on Thursday" -> "Thursday", qualifier "late"); then dateparser (English
only, which is 15x faster than detecting the language) resolves the rest with
the article time as ``RELATIVE_BASE``. Without a publication time, a phrase is
resolved only when it names its year; otherwise it stays relative ("Thursday").

A bare weekday is the latest one on or before publication ("on Wednesday"),
unless its clause puts it in the future ("would begin work Monday": the Monday
to come). A week is an ISO week ("last week" is the week before publication,
"1998-W44", not the day seven days back); :func:`span` gives the days any
resolved value covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from newsbrief.facts.read.units import Unit
from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS, STOP_WORDS, WEEKDAYS, word_list
from newsbrief.lang.en.attribution import MODALS, REPORTING_VERBS
from newsbrief.lang.en.quotes import OPENING_CHARACTERS
from newsbrief.lang.en.time_words import (CLAUSE_VERBS, DATING_PREPOSITIONS, FUTURE_WORDS, PARTS_OF_DAY,
                                          PAST_PERFECT)
from newsbrief.model import Span, squash

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_DAY = "|".join(WEEKDAYS)
# A month, written out or abbreviated ("Sep" also "Sept"; "May" needs no abbreviation).
_MONTH = "(?:{}|(?:{})\\.?)".format(
    "|".join(MONTHS), "|".join("Sept?" if a == "Sep" else a for a in MONTH_ABBREVIATIONS if a not in MONTHS))
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_LEAD = r"(?:(?:late|early|overnight)\s+(?:on\s+)?|on\s+|last\s+|next\s+|this\s+)?"
_IN = r"(?:(?i:in|since|until|by|from|of|during|before|after|early|late|mid-?|last|next|this)|a|the)\s+"
"""Words that open a phrase of a month or a year: a preposition in any case ("In 1970, ..." opens a sentence); an
article in lower case only, as "The October issue" or "A 1996 study" opening a sentence names a thing, while
"the July election" and "a February meeting" are dated."""
# A year after a month and a comma is the month's year ("in February, 2003") unless a lower-case word follows it:
# "In May, 2010 protesters were detained" counts protesters.
_PHRASE = re.compile(
    rf"\b{_LEAD}(?:{_DAY}){_PART}\b"
    rf"|\b(?:on\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
    rf"|\b(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\b{_IN}{_MONTH}(?:,\s+(?:19|20)\d\d\b(?!\s+[a-z])|\s+(?:19|20)\d\d)?\b(?!\.?\s+\d{{1,2}}\b)"
    rf"|\b{_MONTH}\s+\d{{4}}\b"
    rf"|\b{_IN}(?:19|20)\d\d\b(?![,.]?\d)"
    r"|\b(?i:today|yesterday|tonight|tomorrow|last night|(?:earlier |later )?this (?:morning|week|month|year)"
    r"|(?:last|next) (?:week|month|year)|(?:two|three|four|five|six|\d+) (?:days|weeks) ago)\b"
)
_QUALIFIER = re.compile(r"^(?:(late|early|overnight|mid|since|until|by|before|after)\b[-\s]*)(?:on\s+)?", re.I)
# A part of the day is dropped only after a day ("Thursday night"); "last night" is a day of its own.
_NOISE = re.compile(r"^(?:on|in|of|during|from|a|the|earlier|later)\s+|(?<=day)\s+(?:night|morning|evening|afternoon)$",
                    re.I)
# Something every date phrase contains: a cheap test that spares most sentences the big pattern.
_CUE = re.compile(r"day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|1[89]\d\d|20\d\d|tonight|tomorrow|night|"
                  r"morning|week|month|year|ago")
_ARTICLE = re.compile(r"(?:(?:a|the|in|of|during|from)\s+)?")
_CALENDAR = re.compile(
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{_MONTH})"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?,?(?:\s+(?P<year>\d{{4}}))?|(?P<year2>(?:19|20)\d\d)"
)
_MONTH_NAME = re.compile(rf"\b{_MONTH}(?!\w)")
_HALF_YEAR = 183
"""Days before publication from which a day to come, written without its year, is next year's."""
_WEEK = 7
"""Days after publication up to which a day written without its year is this year's, to come."""
_MONTH_NO = {m.lower(): i + 1 for i, m in enumerate(MONTH_ABBREVIATIONS)}
_FORMATS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
_PARSE = {"day": "%Y-%m-%d", "week": "%G-W%V-%u", "month": "%Y-%m", "year": "%Y"}
# A word of the future in the clause before a date phrase (after its last comma, colon or semicolon), and
# a past perfect before that word.
_CLAUSE = re.compile(r"[^,;:()]*$")
_CLAUSE_AHEAD = re.compile(r"[^,;:()]*")
_OPENS = re.compile(rf"[\s{OPENING_CHARACTERS}'‘«]*(?:(?:on|by)\s+)?", re.I)
"""What may come before a date phrase that opens its clause: quotes, "on", "by"."""
_TITLE_AFTER_THE = re.compile(rf"(?:{_DAY})\s+[A-Z][a-z]")
"""A weekday after "the" that begins a capitalised title: "the Sunday Tribune", "The Monday Night Show"
name a paper or a programme, not a day."""
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_SAYS = re.compile(rf"\b(?:{REPORTING_VERBS})\b", re.I)
_FUTURE = re.compile(r"(?<![\w'’])(?:{})\b".format("|".join(re.escape(w) for w in FUTURE_WORDS)), re.I)
_PAST = re.compile(r"(?<![\w'’])(?:{})\b".format("|".join(re.escape(w) for w in PAST_PERFECT)), re.I)
_YEAR_AFTER_ARTICLE = re.compile(r"(?:a|an|the)\s+(?:19|20)\d\d")
_NAME_WORDS = r"(?:[A-Z][\w-]*\s+){0,3}"
"""Capitalised words between a year and the noun it is the year of: "the 1996 Olympic Park bombing"."""
_NOUN_AFTER = re.compile(rf"\s+{_NAME_WORDS}(?P<noun>[a-z][\w-]*)\b(?!-)")
_SUBJECT_AFTER = re.compile(r"\s+{}[a-z][\w-]*(?:\s+(?!(?:that|which|who)\b)[a-z][\w-]*)?\s+(?:{})\b".format(_NAME_WORDS,
    "|".join(sorted(word_list("auxiliaries") | set(MODALS)))))
"""A noun phrase of a year that an auxiliary follows is the subject of the happening ("the 2016 election was
marred by fraud"): the year dates it; not an auxiliary of a relative clause ("a 2016 deal that was signed")."""
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_PARTICIPLE_BEFORE = re.compile(
    r"(?P<lead>\b[a-z]+)\s+(?:a|an|the|its|his|her|their)\s+(?P<phrase>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+"
    r"(?:[a-z]+ed|made|built|held|won|sold|set|struck|taken|given|written|known|born)\s+$")
"""A noun phrase, opened by a determiner after a lower-case word, and a participle right before the date
phrase: "to implement a ceasefire deal agreed in 2018", "of the film released in 1981"."""
_CLAUSE_LEADS = word_list("clause_starts") | CLAUSE_VERBS | {"and", "but", "or", "that", "which", "who", "if",
                                                             "because"}


@dataclass(frozen=True, kw_only=True)
class DateMention(Span):
    """A date phrase: ``value`` is ISO ("2020-02-27", "2019-12", "2016") or, unresolved, the phrase ("Thursday")."""

    position: int
    value: str
    period: str
    qualifier: str | None
    weekday: str | None
    names: bool = False
    """Whether the date only names a thing the sentence mentions ("under a 2016 deal", "a deal agreed in
    2018"), not when its happening was (see :func:`_names`)."""

    @property
    def resolved(self) -> bool:
        """Whether the phrase became a calendar date (else it stays relative, like "Thursday")."""
        return self.period != "relative"


@lru_cache(maxsize=64)
def _parser(base: datetime) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base}
    return DateDataParser(languages=["en"], settings=settings)


def _naive(time: datetime | None) -> datetime | None:
    return time.replace(tzinfo=None) if time and time.tzinfo else time


def resolve(phrase: str, base: datetime | None, future: bool = False) -> tuple[str, str, str | None, str | None]:
    """(value, period, qualifier, weekday) of one date phrase; ``future``: its clause speaks of what is to
    come, so a bare weekday is the next one, not the last."""
    core = squash(phrase)
    qual = _QUALIFIER.match(core)
    qualifier = qual.group(1).lower() if qual else None
    core = core[qual.end():] if qual else core
    core = _NOISE.sub("", _NOISE.sub("", core)).strip()
    core = PARTS_OF_DAY.get(core.lower(), core)
    named = next((d for d in WEEKDAYS if d in core), None)
    found = _calendar(core, _naive(base), future)
    if found is None and base is not None:
        found = _weekday(named, base, future) if core == named else _relative(core, _naive(base))
    if found is None:
        # As written where it names a day or a month ("Thursday", "27 February"); else in lower case, so
        # that a sentence's opening capital makes no other value ("Last week" is "last week").
        return core if named or _MONTH_NAME.search(core) else core.lower(), "relative", qualifier, named
    when, period = found
    return when.strftime(_FORMATS[period]), period, qualifier, when.strftime("%A") if period == "day" else None


def _calendar(core: str, base: datetime | None, future: bool = False) -> tuple[datetime, str] | None:
    """Day, month and year as written ("27 February", "September 2018", "2016"), without dateparser.

    A missing year is :func:`_year_of`'s; without a publication time it stays unresolved.
    """
    match = _CALENDAR.fullmatch(core)
    if match is None:
        return None
    year, month = match.group("year") or match.group("year2"), match.group("month")
    day = match.group("day") or match.group("day2")
    month_no = _MONTH_NO[month[:3].lower()] if month else None
    if year is None:
        if base is None or month_no is None:
            return None
        year = _year_of(month_no, int(day) if day else None, base, future)
    try:
        when = datetime(int(year), month_no or 1, int(day or 1))
    except ValueError:
        return None
    return when, "day" if day else "month" if month_no else "year"


def _year_of(month: int, day: int | None, base: datetime, future: bool) -> int:
    """The year of a day and month written without one: the publication year, or the year before if that
    would be after publication. A clause that speaks of what is to come ("elections will be held on Oct.
    25" in July) keeps the publication year, and takes the year after only for a day half a year or more
    before publication ("will meet on Feb. 3" in December); a day just past stays this year's, as reported
    speech puts it ("said it would hold talks on June 30", written July 2). A day a week or less after
    publication is this year's whatever the clause says: what is just ahead ("the Dec. 11-12 summit", written
    Dec. 9), not a day nearly a year back; a month alone (``day`` None) is not so near."""
    try:
        behind = (base - datetime(base.year, month, day or 1)).days
    except ValueError:  # 29 February of a common year
        behind = 0
    if not future:
        return base.year - ((month, day or 1) > (base.month, base.day) and not (day and -_WEEK <= behind < 0))
    return base.year + (behind >= _HALF_YEAR)


@lru_cache(maxsize=4096)
def _relative(core: str, base: datetime) -> tuple[datetime, str] | None:
    """ "yesterday", "last week", "two days ago", "next Monday": dateparser, relative to publication."""
    data = _parser(base).get_date_data(core)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period if data.period in _FORMATS else "day"


def _weekday(weekday: str, base: datetime, future: bool) -> tuple[datetime, str]:
    """The latest ``weekday`` on or before ``base`` (news says "on Wednesday" for today too, which dateparser
    would put a week back), or with ``future`` the first on or after it."""
    step = (WEEKDAYS.index(weekday) - base.weekday()) % 7 if future else -((base.weekday() - WEEKDAYS.index(weekday)) % 7)
    return base + timedelta(days=step), "day"


def _future(before: str, after: str = "") -> bool:
    """Whether the clause of a date phrase speaks of what is to come: before the phrase ("talks would resume
    Monday"), or after it when the phrase opens its clause ("Wednesday the dispute is expected to take a
    turn"), unless someone says it in between ("Monday he said he will resign": Monday is when he said it)."""
    clause = _CLAUSE.search(before).group()
    said = list(_FUTURE.finditer(clause))
    if said:
        return not _PAST.search(clause, 0, said[-1].start())
    if not _OPENS.fullmatch(clause):
        return False
    rest = _CLAUSE_AHEAD.match(after).group()
    ahead = _FUTURE.search(rest)
    return bool(ahead) and not _PAST.search(rest, 0, ahead.start()) and not _SAYS.search(rest, 0, ahead.start())


def span(value: str, period: str) -> tuple[datetime, datetime]:
    """The first moment a resolved date covers and the first after it: a day, an ISO week (Monday on), a
    month or a year."""
    start = datetime.strptime(value + ("-1" if period == "week" else ""), _PARSE[period])
    if period == "year":
        return start, start.replace(year=start.year + 1)
    if period == "month":
        return start, (start + timedelta(days=31)).replace(day=1)
    return start, start + timedelta(days=7 if period == "week" else 1)


def read_unit(unit: Unit, published: datetime | None) -> list[DateMention]:
    """Every date phrase in one sentence."""
    found: list[DateMention] = []
    if not _CUE.search(unit.text):
        return found
    for match in _PHRASE.finditer(unit.text):
        start = match.start() + len(_ARTICLE.match(match.group()).group())
        if _titled(unit.text, start):
            continue
        phrase = unit.text[start:match.end()]
        future = _future(unit.text[:start], unit.text[match.end():])
        value, period, qualifier, weekday = resolve(phrase, published, future)
        found.append(DateMention(unit.article, unit.start + start, unit.start + match.end(), squash(phrase),
                                 position=unit.position, value=value, period=period, qualifier=qualifier,
                                 weekday=weekday, names=_names(unit.text, match.start(), match.end(), period)))
    return found


def _names(text: str, opens: int, end: int, period: str) -> bool:
    """Whether the date phrase ``text[opens:end]`` (with its preposition or article; ``period`` what it
    resolved to) names a thing rather than dating the sentence's happening:

    * a year between an article and a lower-case noun, perhaps after capitalised words ("under a 2016 deal",
      "star of the 1981 movie", "including the 1996 Olympic Park bombing"), unless a word of time comes
      before it ("after the 2008 crash") or an auxiliary follows the noun phrase, which is then the subject
      of the happening ("the 2016 election was marred by fraud");
    * a year right after a participle that modifies a noun phrase which is not the clause's subject: the
      phrase follows a verb or a preposition ("to implement a deal agreed in 2018", "of the film released in
      1981", "a therapy approved last year"), not the clause's start, a conjunction or a reporting verb
      ("Officials said the two countries agreed in 2018": their own agreement).

    Months, weeks and days are left dated: "the July election", "a February meeting" or "a report published
    Tuesday" in a story is mostly the news it tells, a year before a noun mostly history it only mentions.
    """
    if _YEAR_AFTER_ARTICLE.fullmatch(text, opens, end):
        word, noun = _WORD_BEFORE.search(text, 0, opens), _NOUN_AFTER.match(text, end)
        return (noun is not None and noun.group("noun") not in STOP_WORDS and _SUBJECT_AFTER.match(text, end) is None
                and (word is None or word.group(1).lower() not in DATING_PREPOSITIONS))
    if period != "year":
        return False
    found = _PARTICIPLE_BEFORE.search(text, 0, opens)
    if found is None or _SAYS.fullmatch(found.group("lead")) or found.group("lead") in _CLAUSE_LEADS:
        return False
    return not any(w in STOP_WORDS for w in found.group("phrase").split())


def _titled(text: str, start: int) -> bool:
    """Whether the date phrase at ``start`` is a weekday in a title that "the" opens ("The Sunday Tribune")."""
    return _THE_BEFORE.search(text, 0, start) is not None and _TITLE_AFTER_THE.match(text, start) is not None


def read(units: Sequence[Unit], published: datetime | None) -> list[DateMention]:
    """Date phrases in the units of one article published at ``published`` (None if unknown)."""
    return [d for unit in units for d in read_unit(unit, published)]
