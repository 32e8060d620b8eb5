"""The cross-check of counts: grouped by what they count, where the sources agree and where they differ.

Quantities are grouped by what they count: the category of what happened
(killed, injured, displaced, ...), the kind of thing counted (soldiers, people,
workers), whose they are (Turkish, Syrian), what a measure measures and in which
unit, and whether the figure is the reported incident's or an earlier one's (its
clause names an earlier year: "In 1974, Fifi killed 2,000"). An addition ("two
more") is never compared with a total. A quantity that leaves the kind or whose
open ("Thirty-three of our soldiers", "the death toll rose to three") joins the
group it agrees with, or the only group it could belong to. Within a group, the
values that can all be true together form one *value set*; two value sets in one
group are a conflict, each with the articles that give it.

Facts are ranked by what a briefing on the event needs (deaths, injured, missing,
displaced, ..., money, then the rest) and, within that, by how many sources give
them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property

from newsbrief.facts.read.quantities import Quantity, compatible, singular
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.ingest import wall_clock
from newsbrief.lang.en.events import CATEGORY_RANK, GENERAL_KINDS, is_harm
from newsbrief.lang.en.measures import BARE_AMOUNTS
from newsbrief.lang.tokens import tokens
from newsbrief.model import Conflict, QuantityFact, Source, ValueSide


@dataclass
class ValueSet:
    """Readings in one group that can all be true together."""

    members: list[Quantity]
    low: float
    high: float

    @property
    def articles(self) -> list[str]:
        """The articles of the readings, each once, in reading order."""
        return list(dict.fromkeys(q.article for q in self.members))

    @property
    def sources(self) -> tuple[Source, ...]:
        """Where each reading was found, with that source's own qualifier."""
        return tuple(Source(q.article, q.start, q.end, q.text, q.qualifier) for q in self.members)

    def admits(self, quantity: Quantity) -> bool:
        """Whether ``quantity`` can be true together with every reading already in the set."""
        return compatible((self.low, self.high), quantity.interval)

    def restates(self, quantity: Quantity) -> bool:
        """Whether ``quantity`` is no other source's figure: none of the set's readings of the same places hedges
        another figure the same way ("more than 9,100" beside "more than 8,000" is another count, though both
        can be true; "more than 600 at O'Hare and Midway" beside "more than 1,000" may be a part of it)."""
        return not any(q.qualifier is not None and q.qualifier == quantity.qualifier
                       and (q.value, q.high) != (quantity.value, quantity.high)
                       and set(q.places) == set(quantity.places) for q in self.members)

    def add(self, quantity: Quantity) -> None:
        """Take ``quantity`` in, narrowing the interval all readings allow."""
        low, high = quantity.interval
        self.members.append(quantity)
        self.low, self.high = max(self.low, low), min(self.high, high)

    @property
    def representative(self) -> Quantity:
        """The reading to show: the figure most articles give, then its most repeated wording, unqualified
        readings first."""
        figures = Counter((q.value, q.high) for q in {(q.article, q.value, q.high): q for q in self.members}.values())
        counts = Counter((q.value, q.high, q.qualifier) for q in self.members)
        value, high, qualifier = max(counts, key=lambda k: (figures[k[:2]], counts[k], k[2] is None))
        return next(q for q in self.members if (q.value, q.high, q.qualifier) == (value, high, qualifier))


@dataclass
class Group:
    """Quantities about one thing: (category, kind, side), and what :func:`_apart` keeps apart; built once,
    then read. ``background``: the figures of an earlier incident, named by the year their clause gives."""

    category: str | None
    kind: str | None
    side: str | None
    members: list[Quantity] = field(default_factory=list)
    background: str | None = None

    @property
    def rank(self) -> int:
        """Where its facts come in a briefing (see :attr:`Quantity.rank`)."""
        return min(q.rank for q in self.members)

    @property
    def priced(self) -> bool:
        """Amounts whose clauses never say what they are for ("shares closed at $52.375", "spent $14 billion"):
        a price or a sum of some day or year, which moves; two of them are no disagreement."""
        return all(q.unit == "money" and not q.measured for q in self.members)

    @property
    def bare_amount(self) -> bool:
        """Amounts whose clauses name them only by a word of money that needs what it is for ("costs totaling
        $287,402"): no key fact, as the reader cannot tell costs of what."""
        return all(q.unit == "money" and (q.measured or "").lower() in BARE_AMOUNTS for q in self.members)

    @cached_property
    def label(self) -> str:
        """What the group counts, in the words most sources use."""
        full = [q for q in self.members if q.noun] or self.members
        shown = Counter(q.what for q in full if (q.side is not None) == (self.side is not None)) or Counter(
            q.what for q in full)
        return shown.most_common(1)[0][0]

    @property
    def articles(self) -> list[str]:
        """The articles of the group's readings, each once, in reading order."""
        return list(dict.fromkeys(q.article for q in self.members))

    def value_sets(self) -> list[ValueSet]:
        """Greedy: the most repeated readings first, each joining the first set it agrees with and that hedges
        no other figure the same way (two sources' lower bounds are two counts: a disagreement or an update)."""
        return self._sets

    @cached_property
    def _sets(self) -> list[ValueSet]:
        counts = Counter((q.value, q.qualifier) for q in self.members)
        ordered = sorted(self.members, key=lambda q: (-counts[(q.value, q.qualifier)], q.qualifier is not None))
        sets: list[ValueSet] = []
        for q in ordered:
            home = next((s for s in sets if s.admits(q) and s.restates(q)), None)
            if home is None:
                sets.append(ValueSet([q], *q.interval))
            else:
                home.add(q)
        return sorted(sets, key=lambda s: -len(s.articles))


_Key = tuple[str | None, str | None, str | None, tuple[object, ...]]


def _apart(q: Quantity) -> tuple[object, ...]:
    """What keeps quantities of one (category, kind, side) apart: measured thing and unit, an addition, a part,
    an earlier incident's year."""
    return (q.unit, q.currency, _measure_key(q.measured) if q.unit else None, q.increment, q.part,
            q.year if q.background else None)


def _measure_key(measured: str | None) -> str | None:
    """What a measure is of, as compared: its noun phrase in lower case without "in"/"of" before it or a
    phrase after it, the last word in the singular ("in damages" and "damage" are one damage, "of snow" is snow,
    "bill in U.S." a bill; "property damage" and "crop damage" are two, as are "legal fees" and "licence
    fees")."""
    if not measured:
        return None
    words = measured.lower().split()
    if len(words) > 1 and words[0] in ("in", "of"):
        words = words[1:]
    words = words[:next((i for i, w in enumerate(words) if i and w in ("in", "of")), len(words))]
    return " ".join([*words[:-1], singular(words[-1])])


def _join_measures(members: dict[_Key, list[Quantity]]) -> None:
    """An amount one source names more narrowly that gives the figure of others' bare one ("$1 million fire
    damage" beside "$1 million in damage", "a separate $9.2 billion construction bill" beside "the $9.2 billion
    bill") is that amount, named more narrowly; "$5 million in property damage" beside "$2 million in damage"
    is another."""
    for key in [k for k in members if isinstance(k[3][2], str) and " " in k[3][2]]:
        bare = (key[0], key[1], key[2], (*key[3][:2], key[3][2].rsplit(" ", 1)[1], *key[3][3:]))
        if bare in members and {q.value for q in members[key]} <= {q.value for q in members[bare]}:
            members[bare] += members.pop(key)


def group_quantities(quantities: Iterable[Quantity], settings: Settings = DEFAULT,
                     times: Mapping[str, datetime | None] | None = None) -> list[Group]:
    """Group quantities by what they count; open ones join the group they fit (see module doc); ``times``:
    each article's time, where known (the news of articles months apart is of different incidents)."""
    members: dict[_Key, list[Quantity]] = {}
    pending = []
    for q in sorted(quantities, key=lambda q: (q.side is None, q.kind is None)):
        if q.side is not None or (q.kind is not None and q.category is None):
            members.setdefault((q.category, q.kind, q.side, _apart(q)), []).append(q)
        else:
            pending.append(q)
    for q in pending:
        members.setdefault(_home(members, q) or (q.category, q.kind, None, _apart(q)), []).append(q)
    _join_measures(members)
    _join_people(members)
    groups = [Group(c, k, s, scoped, f"in {apart[-1]}" if apart[-1] else None)
              for (c, k, s, apart), found in members.items()
              for scoped in _scoped(found, settings, _news_days(found, times or {}, settings), s is not None)]
    return sorted(groups, key=lambda g: (-len(g.articles), g.category is None, g.label))


def _join_people(members: dict[_Key, list[Quantity]]) -> None:
    """A count of one nation's people of some kind that gives the figure of a count of that nation's people
    ("two Israeli agents arrested", "two Israelis arrested") is that count, named more narrowly."""
    for key in [k for k in members if k[1] not in (None, "people") and k[2] is not None]:
        whole = (key[0], "people", key[2], key[3])
        if whole in members and {q.value for q in members[key]} <= {q.value for q in members[whole]}:
            members[whole] += members.pop(key)


_Scope = tuple[frozenset[str], str | None, bool, str | None, frozenset[int]]


def _scope_of(q: Quantity, news: Mapping[int, int]) -> _Scope:
    return frozenset(q.places), q.day, q.perfect, q.cause, frozenset([news[id(q)]] if id(q) in news else [])


def _news_days(members: Iterable[Quantity], times: Mapping[str, datetime | None],
               settings: Settings) -> dict[int, int]:
    """id(quantity) -> the day number its article was published, for the counts an article gives as its news
    (in its lead, not a running total): two articles' news months apart is two incidents' ("two injured" in
    one town in June, "two injured" in another in August)."""
    out = {}
    for q in members:
        when = times.get(q.article)
        if when is not None and q.position <= settings.lead_positions and not q.perfect:
            out[id(q)] = when.toordinal()
    return out


def _fits(a: _Scope, b: _Scope, apart: int) -> bool:
    """Two scopes can be one: no two places apart (one may name none), no two days apart, both a running
    total ("have been killed") or neither, both the toll of several incidents ("the attacks killed two") or
    neither, and no two articles' news more than ``apart`` days apart unless they name one place ("two
    Israelis jailed in Cyprus" months after "two Israelis arrested in Cyprus")."""
    places = not a[0] or not b[0] or bool(a[0] & b[0])
    news = bool(a[0] & b[0]) or all(abs(x - y) <= apart for x in a[4] for y in b[4])
    return places and (a[1] is None or b[1] is None or a[1] == b[1]) and a[2] == b[2] and a[3] == b[3] and news


def _scoped(members: list[Quantity], settings: Settings, news: Mapping[int, int],
            sided: bool) -> list[list[Quantity]]:
    """The quantities of one (category, kind, side) split by where and when their clauses say they happened:
    "15 killed in Idlib" and "125 died across Syria" are two counts, and so are a day's toll ("were killed
    on Monday") and a running total ("9,000 have been killed"), one bombing's toll and the toll of "the
    attacks", and two articles' news months apart (``news``: see :func:`_news_days`); but the same figure,
    when ``settings.distinct`` or more, is one count, even named at two scales ("33 killed in Idlib", "at
    least 33 killed in Syria"). So is the same figure of one nation's people (``sided``) where at most one
    names a place, however far apart the articles: "two Israeli agents jailed" in February and "two
    Israelis jailed in Cyprus" in August are the same two people. A quantity joins a scope that gives its
    figure, else one it fits and agrees with, else one it fits, the most sourced."""
    scopes: list[tuple[_Scope, list[Quantity]]] = []
    apart = settings.update_days
    for q in sorted(members, key=lambda q: -(len(q.places) + (q.day is not None))):
        scope = _scope_of(q, news)
        same = [i for i, s in enumerate(scopes) if s[0][3] == scope[3]
                and (q.value >= settings.distinct or (sided and (not s[0][0] or not scope[0] or s[0][0] & scope[0])))
                and any((m.value, m.high) == (q.value, q.high) for m in s[1])]
        fitting = [i for i, s in enumerate(scopes) if _fits(s[0], scope, apart)]
        agreeing = [i for i, s in enumerate(scopes)  # a total told either way ("were killed", "have died")
                    if _fits(s[0][:2] + (True,) + s[0][3:], scope[:2] + (True,) + scope[3:], apart)
                    and any(compatible(m.interval, q.interval) for m in s[1])]
        chosen = max(same or agreeing or fitting, key=lambda i: len({m.article for m in scopes[i][1]}), default=None)
        if chosen is None:
            scopes.append((scope, [q]))
        else:
            (places, day, perfect, cause, days), found = scopes[chosen]
            days = days if places & scope[0] else days | scope[4]  # a place, not its day, made it one count
            scopes[chosen] = ((places | scope[0], day or scope[1], perfect, cause, days), [*found, q])
    return [found for _, found in scopes]


def _home(members: dict[_Key, list[Quantity]], q: Quantity) -> _Key | None:
    """The group an open quantity belongs to: the biggest it agrees with, else the only candidate."""
    candidates = [k for k in members if k[0] == q.category and (q.kind is None or k[1] == q.kind)
                  and k[3] == _apart(q)]
    agreeing = [k for k in candidates if any(compatible(m.interval, q.interval) for m in members[k])]
    if agreeing:
        return max(agreeing, key=lambda k: len({m.article for m in members[k]}))
    return candidates[0] if len(candidates) == 1 else None


@dataclass(frozen=True)
class Focus:
    """What a story is about, to tell its key facts from counts told once, in passing, about something else:
    the stems most of its articles use (``keywords``), each sentence's text by (article, position), and each
    article's time."""

    keywords: frozenset[str]
    sentences: Mapping[tuple[str, int], str]
    times: Mapping[str, datetime | None]


def quantity_facts(groups: Sequence[Group], context: str | None = None, focus: Focus | None = None,
                   settings: Settings = DEFAULT) -> list[QuantityFact]:
    """One fact per figure of each value set of each group (:func:`_figures`), ranked by what a briefing
    needs, then by sources; an earlier incident's figures last. Which are key facts: a toll or harm, or a
    figure several sources give, unless told by one source only and :func:`_aside` from the story (with
    ``focus``) or :func:`_shadowed` by a better-sourced key fact."""
    ranked = sorted(((group, figure) for group in groups for vs in group.value_sets() for figure in _figures(vs)),
                    key=lambda p: (p[0].background is not None, p[0].rank, -len(p[1].articles),
                                   all(q.part for q in p[1].members)))  # "6 killed" before "including two children"
    twins = Counter((g.category, g.kind) for g in groups)
    facts = []
    dated = _dated(focus, settings)
    for group, vs in ranked:
        rep = vs.representative
        qualifiers = {q.qualifier for q in vs.members}
        label = _label(group, vs)
        cause = Counter(q.cause for q in vs.members).most_common(1)[0][0]
        if cause and twins[(group.category, group.kind)] > 1:
            where = f" in {cause}"  # "2 people killed in the attacks", beside one bombing's "1 person killed"
        else:
            scenes = [q.scene for q in vs.members if q.scene] if dated else []  # one day's story: its incident
            where = _where(label, _most_named([q.places for q in vs.members], len(vs.members)),
                           _most_named([(scene,) for scene in scenes], len(scenes)))
        facts.append(QuantityFact(
            value=rep.value, counts=label + where, qualifier=qualifiers.pop() if len(qualifiers) == 1 else None,
            hedge=rep.qualifier, high=rep.high, currency=rep.currency, incident=group.background,
            key=group.rank <= len(CATEGORY_RANK) or len(vs.articles) > 1, sources=vs.sources, context=context,
            reported=min((d for a in vs.articles if (d := dated.get(a))), default=None),
        ))
    told = [(group, vs, fact) for (group, vs), fact in zip(ranked, facts)]
    start = _story_start(told, focus, settings)
    aside = [fact.key and len(vs.articles) == 1 and _aside(group, vs, focus, start, settings)
             for group, vs, fact in told]
    kept = [(group, vs) for (group, vs, fact), out in zip(told, aside) if fact.key and not out]
    return [replace(fact, key=False) if out or (fact.key and _shadowed(group, vs, kept)) else fact
            for (group, vs, fact), out in zip(told, aside)]


def _story_start(told: Sequence[tuple[Group, ValueSet, QuantityFact]], focus: Focus | None,
                 settings: Settings) -> int | None:
    """The day (ordinal) the story's main figure (the most-sourced toll or harm) was first reported, less
    ``settings.update_days``: a count reported before that is of an earlier incident, not the story's."""
    main = max((vs for group, vs, _ in told if group.category and group.background is None),
               key=lambda vs: len(vs.articles), default=None)
    if focus is None or main is None or len(main.articles) < 2:
        return None
    known = [t.toordinal() for a in main.articles if (t := focus.times.get(a)) is not None]
    return min(known) - settings.update_days if known else None


def _aside(group: Group, figure: ValueSet, focus: Focus | None, start: int | None, settings: Settings) -> bool:
    """Whether a figure one source gives is no key fact of the story: told in a sentence that puts it in the
    past ("after police arrested five agents earlier this year"), in sentences that, with the sentence before
    each, share fewer than ``settings.key_keywords`` of the words most articles use (a press digest's road
    crash in a spy story), in an article published before the story began (:func:`_story_start`), or an
    amount that does not say what it is for ("costs totaling $287,402": costs of what?)."""
    if all(q.earlier or q.background for q in figure.members) or group.bare_amount:
        return True
    if focus is None:
        return False
    stems = [set(tokens(" ".join(focus.sentences.get((q.article, q.position - back), "") for back in (1, 0))))
             for q in figure.members]  # with the sentence before it: "Two firefighters were injured." after the fire
    if all(len(found & focus.keywords) < settings.key_keywords for found in stems):
        return True
    times = [focus.times.get(a) for a in figure.articles]
    return start is not None and all(t is not None and t.toordinal() < start for t in times)


def _shadowed(group: Group, figure: ValueSet, kept: Sequence[tuple[Group, ValueSet]]) -> bool:
    """Whether a figure one source gives is already told by a key fact more sources give: of the same outcome,
    the same side, no other place, a figure as large or larger, and no kind that excludes it. The same two men
    told again months later ("two Israeli agents jailed" beside "two Israelis arrested"), or a part the whole
    holds ("two passengers killed" beside "three victims"), is no second key line."""
    if len(figure.articles) > 1 or group.category is None:
        return False
    mine = figure.representative
    for other, told in kept:
        theirs = told.representative
        if (len(told.articles) > 1 and other.category == group.category and other.side == group.side
                and other.background == group.background and theirs.value >= mine.value
                and not _elsewhere(mine, theirs) and _kinds_agree(group.kind, other.kind)):
            return True
    return False


def _elsewhere(a: Quantity, b: Quantity) -> bool:
    """Whether two readings name different places."""
    return bool(a.places) and bool(b.places) and not set(a.places) & set(b.places)


def _kinds_agree(a: str | None, b: str | None) -> bool:
    """Whether two kinds of thing counted can name the same ones: the same kind, or one that names any one
    involved (people, victims, bodies, passengers and crew)."""
    return a == b or a in GENERAL_KINDS or b in GENERAL_KINDS


def _most_named(named: Sequence[tuple[str, ...]], among: int) -> str | None:
    """The place (or incident) that more than half of ``among`` readings of a figure name: what tells it
    from a count elsewhere."""
    best = Counter(n for found in named for n in dict.fromkeys(found)).most_common(1)
    return best[0][0] if best and best[0][1] * 2 > among else None


def _where(label: str, place: str | None, scene: str | None) -> str:
    """What tells a count from another incident's, after what it counts: the incident and where ("in two car
    bombings", "in a bomb in Vell"), else the place ("in Idlib"), neither when the label says it already."""
    if scene and place and place not in scene and place not in label:
        return f" {scene} in {place}"
    if scene:
        return f" {scene}"
    return f" in {place}" if place and place not in label else ""


def apart(value: float, main: float) -> float:
    """How far ``value`` lies from ``main``, as the size of the log of their ratio: figures of one thing
    are within ``log(settings.far)`` of each other, whatever their size."""
    return abs(math.log(max(value, 1e-9) / max(main, 1e-9)))


def _dated(focus: Focus | None, settings: Settings) -> dict[str, str]:
    """article -> the day (ISO) it was published, in a story over several days (:func:`story_days`)."""
    return {a: day.isoformat() for a, day in story_days(focus.times if focus else {}, settings).items()}


def story_days(times: Mapping[str, datetime | None], settings: Settings) -> dict[str, date]:
    """article -> the day it was published, when the articles of ``times`` (id -> time) span more than
    ``settings.story_days``; none otherwise: a one-day story's counts are that day's, and only a story over
    several days tells its counts by their incidents and days."""
    known = {a: wall_clock(t).date() for a, t in times.items() if t is not None}
    if not known or (max(known.values()) - min(known.values())).days <= settings.story_days:
        return {}
    return known


def _label(group: Group, figure: ValueSet) -> str:
    """What a value set counts, in its own sources' words when they name it ("six bombings" beside another
    source's "four Southern bombings"), else the group's; "person" and "people" agree with the figure. A harm
    whose shown figure no reading of it names keeps its own words: "wounded 30 in Aleppo" beside "at least 18
    security troops were wounded" is "30 people injured", not "30 security troops injured"."""
    rep = figure.representative
    own = Counter(q.what for q in figure.members if q.noun)
    if is_harm(rep.category) and not any(q.noun for q in figure.members if (q.value, q.high) == (rep.value, rep.high)):
        own = Counter([rep.what])
    return _agreeing(own.most_common(1)[0][0] if own else group.label, rep.value)


def _agreeing(label: str, value: float) -> str:
    """ "person killed" for one, "people killed" for more."""
    first, _, rest = label.partition(" ")
    return f"{_PERSON[first][value == 1]} {rest}" if first in _PERSON and rest else label


_PERSON = {"person": ("people", "person"), "people": ("people", "person")}
"""The noun of a count of people, as it agrees with the figure: (plural, singular)."""


def _figures(value_set: ValueSet) -> list[ValueSet]:
    """The facts of a value set: the most-sourced figure with every reading that words it another way ("more
    than a dozen" and "about 15" beside 14, each source's own hedge quoted), and apart from it each figure
    hedged the same way as one of its readings ("more than 9,100" beside "more than 8,000"): another
    source's figure, not another wording of the same one."""
    by_value: dict[tuple[float, float | None], list[Quantity]] = {}
    for q in value_set.members:
        by_value.setdefault((q.value, q.high), []).append(q)
    rep = value_set.representative
    main = list(by_value.pop((rep.value, rep.high)))
    hedges = {q.qualifier for q in main}
    apart = []
    for found in by_value.values():
        if hedges.isdisjoint(q.qualifier for q in found):
            main += found
        else:
            apart.append(ValueSet(found, value_set.low, value_set.high))
    return [ValueSet(main, value_set.low, value_set.high), *apart]


def quantity_conflicts(groups: Sequence[Group], settings: Settings = DEFAULT,
                       speakers: Mapping[tuple[str, int], str] | None = None) -> list[Conflict]:
    """Groups about something that happened whose sources give values that cannot all be true; ``speakers``:
    who each sentence attributes what it says to, (article, position) -> speaker key (see :func:`_sides`).

    A set ``settings.far`` times or more off the most-sourced one is another count, not a side (a day's toll
    and a war's; two sources that report one thing differ less: 113 and 114 dead, 125 and 144; a figure that
    rises over days is an update, not a dispute).
    """
    conflicts = []
    for group in groups:
        if group.category is None or group.background is not None or group.priced:
            continue
        sides = _sides(group.value_sets(), settings, speakers or {})
        if len(sides) >= 2:
            conflicts.append(Conflict(_agreeing(group.label, 2), "quantity", tuple(sides)))
    return conflicts


def _sides(sets: Sequence[ValueSet], settings: Settings, speakers: Mapping[tuple[str, int], str]
           ) -> list[ValueSide]:
    """The value sets that are readings of one count, as sides: none ``settings.far`` times off the
    most-sourced one or more unless ``settings.close`` to it (one and two dead), and each article on the side of its value nearest the most-sourced one, or on two sides when it
    gives the two counts as two sources' (different speakers) or words them differently: it reports that
    its sources disagree ("three terrorists were killed, state television said; the monitoring group said
    four rebels were killed"). One article's two figures otherwise count two things (a day's toll and a
    week's)."""
    if len(sets) < 2:
        return []
    main = sets[0].representative.value

    def distance(vs: ValueSet) -> float:
        return apart(vs.representative.value, main)

    sets = [vs for vs in sets if distance(vs) < math.log(settings.far)
            or abs(vs.representative.value - main) <= settings.close]
    home: dict[str, ValueSet] = {}
    for vs in sorted(sets, key=distance):
        for article in vs.articles:
            home.setdefault(article, vs)
    sides = []
    for vs in sets:
        mine = [q for q in vs.members if home[q.article] is vs or _worded_apart(q, home[q.article])
                or _said_apart(q, home[q.article], speakers)]
        if mine:
            kept = ValueSet(mine, vs.low, vs.high)
            rep = kept.representative
            sides.append(ValueSide(value=rep.value, qualifier=rep.qualifier, articles=tuple(kept.articles),
                                   sources=kept.sources))
    return sides


def _said_apart(quantity: Quantity, home: ValueSet, speakers: Mapping[tuple[str, int], str]) -> bool:
    """Whether an article attributes ``quantity`` to another speaker than its count in ``home``."""
    mine = speakers.get((quantity.article, quantity.position))
    theirs = {speakers.get((q.article, q.position)) for q in home.members if q.article == quantity.article} - {None}
    return mine is not None and bool(theirs) and mine not in theirs


def _worded_apart(quantity: Quantity, home: ValueSet) -> bool:
    """Whether an article words ``quantity``'s noun otherwise than its count in ``home`` ("rebels" against
    "terrorists"): two sources' accounts, not two counts."""
    nouns = {q.noun.lower() for q in home.members if q.article == quantity.article and q.noun}
    return quantity.noun is not None and bool(nouns) and quantity.noun.lower() not in nouns
