"""Quantities with what they count: "at least 33 of its troops were killed" -> 33, "at least", Turkish soldiers killed.

Numbers are found by pattern (:mod:`~newsbrief.facts.read.numbers`), and the
sentences that hold one are parsed (:mod:`~newsbrief.facts.read.grammar`) for what
each counts and what happened to it. Verbs of the same meaning share a category
("died", "martyred", "dead" are *killed*), and nouns of the same kind share a class
("troops", "servicemen" are soldiers; state media's "terrorists" are others' "rebels"),
so that sources that word it differently are compared; whose soldiers comes from a
nationality in the phrase ("Turkish") or, for "its troops", from the country named
before.

A quantity is a *statement* (:func:`stated`) when it says what it counts and what
happened to it, counts those who did what sizes an event ("350 people attended",
"200 agents searched") or incidents ("charged with six bombings"), measures
something it names ("13 inches of snow"), or is an amount of money that says what it
is for ("a $1 million reward", "costs totaling $287,402") or what was done with it; a
bare figure ("180 mph", "16 months", "$500 in cash"), an agent ("two assailants
killed ..."), a negated or hypothetical clause, a part of a count ("two of them",
"the other two bodies") is not, and is not read.

Each quantity knows the range its qualifier allows, so "33" agrees with
"at least 33" and "about 950,000" with "nearly one million", but "two" does not
agree with "at least three".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from newsbrief.facts.read.entities import Gazetteer, fold
from newsbrief.facts.read.grammar import Counted, counted, parse
from newsbrief.facts.read.numbers import NumberMention, numbers
from newsbrief.facts.read.units import Unit
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.lang.en.events import (
    ASKED,
    BARE_NOUNS,
    CATEGORY_RANK,
    COUNTED_CLASSES,
    COUNTED_IN,
    EFFORTS,
    IMPACTS,
    INCIDENTS,
    ONE_COUNTS,
    OUTCOME_BEARERS,
    OUTCOME_NOUNS,
    OUTCOMES,
    SCENES,
    SHOWN_AS,
    TOLL_NOUNS,
    is_harm,
)
from newsbrief.lang.en.measures import (
    BANKNOTE_VALUES,
    BANKNOTES,
    CURRENCY_SYMBOLS,
    MONEY_NEEDS,
    SHOWN_MEASURES,
    UNIT_KIND,
    UNITS,
)
from newsbrief.lang.en.numbers import QUALIFIERS
from newsbrief.model import Span, figure, squash

if TYPE_CHECKING:
    from spacy.tokens import Doc

_EARLIER = re.compile(r"\b(?:last (?:week|month|year)|earlier|previous(?:ly)?|a (?:week|month|year) ago|"
                      r"(?:days|weeks|months|years) ago|prior)\b", re.I)
_CUE = re.compile(rf"\b(?:{'|'.join(OUTCOMES.values())}|{'|'.join(TOLL_NOUNS)}|{'|'.join(OUTCOME_NOUNS)})")
"""Words of a toll or harm (killed, injured, missing, ...), matched on lower-cased text (many times faster
than re.IGNORECASE)."""
_NEAR_CUE = re.compile(rf"\b(?:{IMPACTS.pattern}|{EFFORTS.pattern}|{INCIDENTS.pattern}|"
                       rf"{'|'.join(UNITS[k].replace(' ', '|') for k in (*SHOWN_MEASURES, 'money'))})")
"""Other words of what happened, incidents, and units of measure and money: they count only right next to a
number."""
_WORDS = re.compile(r"[\w$%’'-]+")
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z%]+)")
_POSSESSIVE = re.compile(r"\b(?:its|their)\b")
_NEVER_COUNTS = frozenset({"duration", "share", "age"})
_CLASS_OF = {w: k for k, words in COUNTED_CLASSES.items() for w in words}
HEDGE = 2.0
ROUND = 100
"""An unqualified figure that is a multiple of this is taken as rounded (within 15%: "100 injured" beside 111)."""


@dataclass(frozen=True, kw_only=True)
class Quantity(Span):
    """A number in a sentence, with its qualifier, what it counts and what happened to it."""

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
    high: float | None = None
    """The upper end of a range ("8 to 12 inches"), else None."""
    unit: str | None = None
    """What a measure measures (``money``, ``distance``, ``speed``, ...); None for a count."""
    currency: str | None = None
    measured: str | None = None
    """What a measure is of: "of snow", "winds", "reward"."""
    year: int | None = None
    """A year the number's clause names ("In 1974, ... killed 2,000")."""
    background: bool = False
    """The clause names a year before the article's: another, earlier incident's figure."""
    increment: bool = False
    """An addition to a count told before ("two more soldiers")."""
    places: tuple[str, ...] = ()
    """The places its clause names ("Idlib"): counts of different places are different counts."""
    day: str | None = None
    """The weekday or date its clause names: counts of different days are different counts."""
    part: bool = False
    """A part of the count before it ("including 64 ..."), never compared with a whole."""
    perfect: bool = False
    """Its clause is in the present perfect ("have been killed"): a running total, not one day's count."""
    cause: str | None = None
    """The incidents it is the total of, when its clause names several ("the attacks"): never compared with
    one incident's count."""
    owner: str | None = None
    """Whose they are, shown when the noun says nothing by itself ("members of its security forces")."""
    sought: bool = False
    """An amount its clause asks for ("is seeking $10 million in damages"): shown as sought, not as paid."""
    scene: str | None = None
    """The incident it belongs to and where, as its sentence names them ("in two car bombings")."""

    @cached_property
    def what(self) -> str:
        """What is counted, as shown: "Turkish soldiers killed", "inches of snow", "reward"."""
        if self.unit is not None:
            noun = None if self.currency else self.noun
            sought = "sought" if self.sought else None
            return " ".join(w for w in (noun, self.measured or self.category, sought) if w) or "(unspecified)"
        more = "more" if self.increment else None
        noun = SHOWN_AS.get(self.noun.lower(), self.noun) if self.noun else None  # "3 people killed", not "3 victims"
        if noun is None and is_harm(self.category):
            noun = "people"  # "two arrests", "48 were hurt": what befell them befalls people ("2 people arrested")
        said = None if noun and noun.lower() in OUTCOME_BEARERS else self.category  # "3 bodies"
        if said in COUNTED_IN and noun and INCIDENTS.fullmatch(noun.lower()):
            said = COUNTED_IN[said]  # "3 bombings in the charges": the bombings were not charged
        return " ".join(w for w in (more, self.modifier, noun, self.owner, said) if w) or "(unspecified)"

    @property
    def shown(self) -> str:
        """Qualifier and number: "at least 33", "$300,000", "8 to 12"."""
        return figure(self.value, self.qualifier, self.high, self.currency)

    @cached_property
    def interval(self) -> tuple[float, float]:
        """The values the source allows: "at least 33" is [33, inf)."""
        if self.high is not None:
            return (self.value, self.high)
        return interval(self.value, self.qualifier)

    @property
    def rank(self) -> int:
        """How much a briefing needs it: tolls first (:data:`CATEGORY_RANK`), then money said what it is
        for, then the rest."""
        if self.category in CATEGORY_RANK:
            return CATEGORY_RANK.index(self.category)
        # "$1 million reward", "$5 billion in damage"; not "$300,000 sold" or a plane's "$419,000 list price"
        money = self.unit == "money" and bool(self.measured and MONEY_NEEDS.match(self.measured.split()[-1].lower()))
        return len(CATEGORY_RANK) + (0 if money else 1 if self.unit in (None, "money") else 2)


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The range of true values a qualified number allows.

    A hedge stays within a factor of :data:`HEDGE` of the number it states: a
    reporter who knew of 33 dead would not write "at least two".
    """
    kind = QUALIFIERS.get(qualifier or "", "exact")
    if kind == "exact" and value >= ROUND and value % ROUND == 0:
        kind = "round"  # "100 were injured" where others count 111: a round figure is a rounded one
    return {
        "exact": (value, value), "min": (value, value * HEDGE), "over": (value + 1e-9, value * HEDGE),
        "about": (value * 0.9, value * 1.1), "round": (value * 0.85, value * 1.15), "near": (value * 0.8, value),
        "max": (value / HEDGE, value), "under": (value / HEDGE, value - 1e-9),
    }[kind]


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two ranges can both be true."""
    return a[0] <= b[1] and b[0] <= a[1]


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


def _kind(noun: str, modifier: str | None) -> str:
    """The kind of thing a noun counts, read with the word before it when the two name a kind ("staff
    members" are staff, as "employees" are), else from the noun alone."""
    pair = f"{modifier.split()[-1]} {noun}" if modifier else ""
    return _CLASS_OF.get(fold(pair)) or singular(noun)


def stated(c: Counted) -> bool:
    """Whether a number, as the parse read it, is a statement worth a fact (see the module doc)."""
    if c.negated or c.hypothetical or c.subset or c.agent:
        return False
    if c.unit == "money":
        return c.measured is not None or bool(c.event and IMPACTS.match(c.event))
    if c.unit is not None:
        return c.unit in SHOWN_MEASURES and c.measured is not None
    if c.event is None:
        return False
    return (c.event.split(" or ")[0] in CATEGORY_RANK or bool(IMPACTS.match(c.event) or EFFORTS.match(c.event))
            or bool(c.noun and INCIDENTS.fullmatch(c.noun.lower())))


def _banknote(value: float, c: Counted) -> bool:
    """Whether an amount names a banknote ("the $1 bill", "a $20 note"), not money spent or owed."""
    return c.unit == "money" and value in BANKNOTE_VALUES and bool(
        c.measured and BANKNOTES.fullmatch(c.measured.split()[-1].lower()))


def _incidents(noun: str | None) -> bool:
    """Whether ``noun`` names incidents ("wars", "bombings"): what a number standing alone after them cannot
    count when harm befell what it counts (people died, not wars)."""
    return noun is not None and bool(SCENES.fullmatch(noun.lower()) or SCENES.fullmatch(singular(noun)))


def _side(gazetteer: Gazetteer, modifiers: Sequence[str], before: str, possessive: str | None,
          owner: str | None) -> tuple[str | None, str | None]:
    """(shown modifier, side key): "Turkish" from the noun phrase or its "of" phrase ("of the Syrian army"),
    a name the articles use ("Hamas fighters"), or the country named before "its"."""
    for word in modifiers:
        key = gazetteer.nation(word)
        if key:
            return " ".join(modifiers), key  # "Thai crew members": the nation's, and what they were
    proper = [w for w in modifiers if w[:1].isupper()]
    if proper and gazetteer.entity(" ".join(proper)):  # "Hamas fighters"; not "four Southern bombings"
        return " ".join(proper), fold(" ".join(proper))
    found = gazetteer.nations_in(owner) if owner else []
    if found:
        name, key = found[0]
        return gazetteer.demonym(key, name), key
    if possessive in ("its", "their"):
        found = gazetteer.nations_in(before)
        if found:
            name, key = found[-1]
            return gazetteer.demonym(key, name), key
    shown = " ".join(modifiers)
    return shown or None, None


def read_unit(unit: Unit, gazetteer: Gazetteer, doc: Doc | None = None, published: int | None = None,
              settings: Settings = DEFAULT, scenes: bool = True) -> list[Quantity]:
    """Every stated quantity in one sentence; ``doc`` is the parse of its :func:`excerpt` (made here when
    not given), ``published`` the article's year, if known; ``scenes``: whether to read each count's
    incident (see :func:`read`)."""
    found = counts(unit.text)
    if not found:
        return []
    offset, text = excerpt(unit.text, found, settings.parse_before, settings.parse_after)
    if doc is None:
        doc = parse([text])[0]
    out: list[Quantity] = []
    earlier = _earlier(unit.text)
    previous: tuple[Counted, Quantity | None] | None = None
    for number in found:
        if not offset <= number.at < number.end <= offset + len(text):
            continue
        reading = counted(doc, number.at - offset, number.end - offset, scenes)
        quantity = _quantity(unit, gazetteer, number, reading, previous, earlier, published, offset)
        previous = (reading, quantity) if reading.noun is not None or quantity is not None else previous
        if quantity is not None:
            out.append(quantity)
    return out


def _quantity(unit: Unit, gazetteer: Gazetteer, number: NumberMention, c: Counted,
              previous: tuple[Counted, Quantity | None] | None, earlier: str | None,
              published: int | None, offset: int = 0) -> Quantity | None:
    """The quantity a number states, if it states one; a number standing alone takes what the sentence's
    earlier count counted, in its clause or, when it says it adds to it ("another five wounded", which the
    parser may hang on another clause) or is joined to the clause before ("two people were killed and eight
    wounded"), anywhere before (and, on the same verb, what happened to it). "More" after a number adds to a
    count only when the sentence's earlier count is of the same thing ("33 killed and 40 more injured": 40
    others)."""
    if c.named and not any(gazetteer.nation(w) or gazetteer.entity(w) for w in c.named):
        return None  # "the 8 Block crew", "a .357 Magnum handgun": a name or a model; not "12 Thai crew"
    noun, modifier, side, event = c.noun, None, None, c.event
    if c.elided and previous is not None and previous[1] is not None and (
            previous[0].clause == c.clause or number.increment or c.joined) and not (
            _incidents(previous[1].noun) and is_harm(event)):  # "two soldiers were killed and another five wounded"
        before = previous[1]
        noun, modifier, side = before.noun, before.modifier, before.side
        if event is None and previous[0].verb == c.verb:
            event = before.category
    elif noun is not None:
        modifier, side = _side(gazetteer, c.modifiers, unit.text[:number.start], c.possessive, c.owner)
    nation = gazetteer.nation(noun.removesuffix("s")) if noun is not None and noun.endswith("s") else None
    people = side is None and nation is not None and noun == noun.capitalize()
    if people:
        side = nation  # "two Israelis": people, and whose
    reading = c if event == c.event else replace(c, event=event)
    if not stated(reading) or number.value == 0 or _banknote(number.value, c) or (
            number.value == 1 and c.unit is None and ((c.elided and c.event_at != c.verb)
                                                      or (event or "").split(" or ")[0] not in ONE_COUNTS)):
        return None  # "one" is a count only of people killed, hurt, missing ("killed one"), ...
    category = event
    if noun is not None and noun.lower() not in OUTCOME_BEARERS and (noun.lower() in OUTCOME_NOUNS
                                                                     or noun.lower() in TOLL_NOUNS):
        category, noun = category or OUTCOME_NOUNS.get(noun.lower(), "killed"), None
    if c.unit is not None and (c.unit != "money" or c.measured):
        category = None  # what a measure or an amount is for says what it is: "$1 million reward" offered or grown to
    end = max(c.end + offset, number.end)
    year = c.year
    increment = (number.increment or c.increment) and not (
        previous is not None and previous[1] is not None and previous[1].category != category)
    return Quantity(
        unit.article, unit.start + number.start, unit.start + end, squash(unit.text[number.start:end]),
        position=unit.position, value=number.value, qualifier=number.qualifier, noun=noun,
        kind="people" if people else _kind(noun, modifier) if noun and c.unit is None
        else None if c.unit == "money" else noun,
        modifier=modifier,
        side=side,
        category=category, earlier=earlier, high=number.high, unit=c.unit,
        currency=number.currency or (None if c.unit != "money" or not c.noun else _currency_of(c.noun, c.modifiers)),
        measured=c.measured, year=year, background=bool(year and published and year < published),
        increment=increment, places=c.places, day=c.day, part=c.part, perfect=c.perfect, cause=c.cause,
        owner=_whose(c.owner, unit.text[:number.start], gazetteer) if noun and noun.lower() in BARE_NOUNS and (
            c.owner and not side) else None,
        sought=c.unit == "money" and c.verb is not None and bool(ASKED.match(unit.text[offset + c.verb:].lower())),
        scene=c.scene,
    )


def _whose(owner: str, before: str, gazetteer: Gazetteer) -> str:
    """An "of" phrase as shown, "its" or "their" named by the country the sentence names before ("of its
    security forces" -> "of Syria’s security forces"), up to where it stops saying whose ("of a delegate")."""
    found = gazetteer.nations_in(before)
    if not found:
        return owner
    name = gazetteer.nation_name(found[-1][1])
    return _POSSESSIVE.sub(f"{name}’s", owner, count=1)


def _currency_of(noun: str, modifiers: Sequence[str] = ()) -> str | None:
    """The symbol of a currency written as a word ("dollars" -> "$", "a million dollars reward"), when it has
    one."""
    words = {w.lower().removesuffix("s") for w in (noun, *modifiers)}
    return next((s for s, word in CURRENCY_SYMBOLS.items() if word.removesuffix("s") in words), None)


def _earlier(text: str) -> str | None:
    match = _EARLIER.search(text)
    return match.group() if match else None


Excerpt = tuple[str, int, int]
"""Where a parsed excerpt lies: (article id, start, end) in the article text."""


@dataclass(frozen=True)
class Parses:
    """The parses of the sentences worth parsing (see :func:`parsed`), keyed by where each excerpt lies. The
    off-event check parses a story's sentences and hands this value on, so that the facts stage reads the
    same articles without parsing them again (the parse is most of the readers' time)."""

    docs: Mapping[Excerpt, Doc] = field(default_factory=dict)


def parsed(units: Sequence[Unit], settings: Settings = DEFAULT) -> Parses:
    """The parse of every unit worth parsing (one that holds a number that may count something), in one
    batched call."""
    return _parsed(_excerpts(units, settings), settings, Parses())


def _excerpts(units: Sequence[Unit], settings: Settings) -> list[tuple[Unit, Excerpt, str]]:
    """Each unit worth parsing, with where the excerpt to parse lies and its text (see :func:`excerpt`)."""
    out = []
    for unit in units:
        found = counts(unit.text)
        if found and _promising(unit.text, found, settings.cue_reach, settings.impact_reach):
            offset, text = excerpt(unit.text, found, settings.parse_before, settings.parse_after)
            out.append((unit, (unit.article, unit.start + offset, unit.start + offset + len(text)), text))
    return out


def _parsed(excerpts: Sequence[tuple[Unit, Excerpt, str]], settings: Settings, known: Parses) -> Parses:
    todo = {key: text for _, key, text in excerpts if key not in known.docs}
    if not todo:
        return known
    return Parses({**known.docs, **dict(zip(todo, parse(list(todo.values()), settings)))})


def read(units: Sequence[Unit], gazetteer: Gazetteer, published: Mapping[str, int] | None = None,
         settings: Settings = DEFAULT, parses: Parses | None = None) -> list[Quantity]:
    """Quantities in every unit; only the units that hold a number are parsed (one batched call), and those
    ``parses`` holds are not parsed again.

    ``published``: each article's publication year, where known (a figure of an earlier year is background).
    Each count's incident is read (``Quantity.scene``); the cross-check shows it only in a story over several
    days (:func:`newsbrief.facts.check.quantities.story_days`).
    """
    excerpts = _excerpts(units, settings)
    return _read(excerpts, gazetteer, _parsed(excerpts, settings, parses or Parses()), published, settings, scenes=True)


def parse_and_read(units: Sequence[Unit], gazetteer: Gazetteer,
                   settings: Settings = DEFAULT) -> tuple[Parses, list[Quantity]]:
    """:func:`parsed` and :func:`read` (without scenes) of the same units, which are scanned for the
    sentences worth parsing once: the off-event check reads the counts and hands the parses on."""
    excerpts = _excerpts(units, settings)
    parses = _parsed(excerpts, settings, Parses())
    return parses, _read(excerpts, gazetteer, parses, None, settings, scenes=False)


def _read(excerpts: Sequence[tuple[Unit, Excerpt, str]], gazetteer: Gazetteer, parses: Parses,
          published: Mapping[str, int] | None, settings: Settings, scenes: bool) -> list[Quantity]:
    years = published or {}
    return [q for unit, key, _ in excerpts
            for q in read_unit(unit, gazetteer, parses.docs[key], years.get(unit.article), settings, scenes)]


def counts(text: str) -> list[NumberMention]:
    """The numbers of a sentence that may count something: not those right before a unit of time, a share
    or an age ("16 months", "40 percent"), so that a sentence holding only such numbers is not parsed."""
    return [n for n in numbers(text) if not _timed(text, n)]


def _promising(text: str, found: Sequence[NumberMention], reach: int, near: int) -> bool:
    """Whether a sentence may state a count, so that it is worth parsing: an amount of money, a word of a
    toll or harm among the ``reach`` words either side of a number, or another word of what happened
    (canceled, destroyed, ...) or a unit among the ``near`` words either side. Most sentences that hold a
    number state no count (on 60 Multi-News dev clusters, about one in ten): this spares the parser nearly
    two in three of them and keeps nearly all of those that do."""
    for n in found:
        before = _WORDS.findall(text, max(0, n.start - 12 * reach), n.start)
        after = _WORDS.findall(text, n.end, n.end + 16 * reach)
        if (n.currency or _CUE.search(" ".join([*before[-reach:], *after[:reach]]).lower())
                or _NEAR_CUE.search(" ".join([*before[-near:], *after[:near]]).lower())):
            return True
    return False


def _timed(text: str, number: NumberMention) -> bool:
    """Whether a unit of time, a share or an age follows the number."""
    match = _NEXT_WORD.match(text, number.end)
    return bool(match) and UNIT_KIND.get(match.group(1).lower()) in _NEVER_COUNTS


def excerpt(text: str, found: Sequence[NumberMention], before: int = DEFAULT.parse_before,
            after: int = DEFAULT.parse_after) -> tuple[int, str]:
    """(offset, text) of what to parse in a sentence: from ``before`` characters before its first number to
    ``after`` characters after its last, cut at spaces, which holds the verb that governs a count in nearly
    every sentence ("... said at least 144 people were reported killed") at a fraction of the parse's cost."""
    start = max(0, found[0].start - before)
    end = min(len(text), found[-1].end + after)
    start = text.find(" ", start) + 1 if start else 0
    cut = text.rfind(" ", 0, end) if end < len(text) else end
    return start, text[start:max(cut, found[-1].end)]
