"""The cross-check: facts grouped by what they are about, where the sources agree and where they differ.

Quantities are grouped by what they count: the category of what happened
(killed, injured, displaced, ...), the kind of thing counted (soldiers, people,
workers) and whose they are (Turkish, Syrian). A quantity that leaves one of
these open ("Thirty-three of our soldiers", "the death toll rose to three")
joins the group it agrees with, or the only group it could belong to. Within a
group, the values that can all be true together form one *value set*; two value
sets in one group are a conflict, each with the articles that give it.

Claims about who is responsible ("blamed", "accused", "denied", "carried out
by", "caused") and about this event are grouped by the party of their speaker;
when one party denies what another asserts, or two parties blame different
culprits, that is a conflict over agency, with each party's account.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsbrief.facts.claims import Claim
from newsbrief.facts.entities import Gazetteer, fold
from newsbrief.facts.quantities import LEXICON, Quantity, compatible, plain
from newsbrief.model import Conflict, ConflictValue, Fact, Source

_EVENT_NOUN = re.compile(
    r"\b(?:air ?strikes?|strikes?|attacks?|bombings?|blasts?|explosions?|fires?|blaze|crash|shooting|collapse|"
    r"leak|spill|deaths|killings?|raids?|shelling|incident|accident|outage|derailment|flood(?:ing)?)\b", re.I)
_HARM = re.compile(rf"\b(?:{'|'.join(LEXICON[k] for k in ('killed', 'injured'))}|caus(?:e|ed|ing)|fault)\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_CLAIM_SIMILAR = 0.5
_ACCOUNT_CLAIMS = 3
_ACCOUNT_WORDS = 30


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

    def admits(self, quantity: Quantity) -> bool:
        """Whether ``quantity`` can be true together with every reading already in the set."""
        return compatible((self.low, self.high), quantity.interval)

    def add(self, quantity: Quantity) -> None:
        """Take ``quantity`` in, narrowing the interval all readings allow."""
        low, high = quantity.interval
        self.members.append(quantity)
        self.low, self.high = max(self.low, low), min(self.high, high)

    @property
    def representative(self) -> Quantity:
        """The reading to show: the most repeated one, unqualified readings first."""
        counts = Counter((q.value, q.qualifier) for q in self.members)
        value, qualifier = max(counts, key=lambda k: (counts[k], k[1] is None))
        return next(q for q in self.members if (q.value, q.qualifier) == (value, qualifier))


@dataclass
class Group:
    """Quantities about one thing: (category, kind, side); built once, then read."""

    category: str | None
    kind: str | None
    side: str | None
    members: list[Quantity] = field(default_factory=list)

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
        """Greedy: the most repeated readings first, each joining the first set it agrees with."""
        return self._sets

    @cached_property
    def _sets(self) -> list[ValueSet]:
        counts = Counter((q.value, q.qualifier) for q in self.members)
        ordered = sorted(self.members, key=lambda q: (-counts[(q.value, q.qualifier)], q.qualifier is not None))
        sets: list[ValueSet] = []
        for q in ordered:
            home = next((s for s in sets if s.admits(q)), None)
            if home is None:
                sets.append(ValueSet([q], *q.interval))
            else:
                home.add(q)
        return sorted(sets, key=lambda s: -len(s.articles))


def group_quantities(quantities: Iterable[Quantity]) -> list[Group]:
    """Group quantities by what they count; open ones join the group they fit (see module doc)."""
    members: dict[tuple[str | None, str | None, str | None], list[Quantity]] = {}
    pending = []
    for q in sorted(quantities, key=lambda q: (q.side is None, q.kind is None)):
        if q.side is not None or (q.kind is not None and q.category is None):
            members.setdefault((q.category, q.kind, q.side), []).append(q)
        else:
            pending.append(q)
    for q in pending:
        members.setdefault(_home(members, q) or (q.category, q.kind, None), []).append(q)
    groups = [Group(*key, found) for key, found in members.items()]
    return sorted(groups, key=lambda g: (-len(g.articles), g.category is None, g.label))


def _home(members: dict[tuple[str | None, str | None, str | None], list[Quantity]],
          q: Quantity) -> tuple[str | None, str | None, str | None] | None:
    """The group an open quantity belongs to: the biggest it agrees with, else the only candidate."""
    candidates = [k for k in members if k[0] == q.category and (q.kind is None or k[1] == q.kind)]
    agreeing = [k for k in candidates if any(compatible(m.interval, q.interval) for m in members[k])]
    if agreeing:
        return max(agreeing, key=lambda k: len({m.article for m in members[k]}))
    return candidates[0] if len(candidates) == 1 else None


def quantity_facts(groups: Sequence[Group], context: str | None = None) -> list[Fact]:
    """One fact per value set of each group: most-sourced first, then those about something that happened."""
    ranked = sorted(((group, vs) for group in groups for vs in group.value_sets()),
                    key=lambda p: (-len(p[1].articles), p[0].category is None))
    facts = []
    for group, vs in ranked:
        rep = vs.representative
        qualifiers = {q.qualifier for q in vs.members}
        facts.append(Fact(
            "quantity", f"{rep.shown} {group.label}", plain(rep.value), group.label,
            qualifiers.pop() if len(qualifiers) == 1 else None,
            [Source(q.article, q.start, q.end, q.text, q.qualifier) for q in vs.members], context,
        ))
    return facts


def quantity_conflicts(groups: Sequence[Group]) -> list[Conflict]:
    """Groups about something that happened whose sources give values that cannot all be true.

    A group where one article gives values of two sets is left out (see :func:`_mixed`).
    """
    conflicts = []
    for group in groups:
        sets = group.value_sets()
        if group.category is None or len(sets) < 2 or _mixed(sets):
            continue
        values = [ConflictValue(plain(vs.representative.value), vs.articles, vs.representative.qualifier)
                  for vs in sets]
        conflicts.append(Conflict(group.label, values, "quantity"))
    return conflicts


def _mixed(sets: Sequence[ValueSet]) -> bool:
    """An article giving values of two sets counts two things under one label (a day's toll and a war's):
    the group cannot be cross-checked."""
    seen: set[str] = set()
    for vs in sets:
        mine = set(vs.articles)
        if seen & mine:
            return True
        seen |= mine
    return False


def claim_facts(claims: Sequence[Claim]) -> list[Fact]:
    """Claims, merged when the same speaker says much the same in several articles; the most-sourced first,
    then in reading order."""
    merged: list[tuple[Claim, list[Claim]]] = []
    for claim in claims:
        same = next((m for m in merged if m[0].speaker.key == claim.speaker.key and m[0].verb == claim.verb
                     and _similar(m[0].content, claim.content)), None)
        if same is None:
            merged.append((claim, [claim]))
        else:
            same[1].append(claim)
    merged.sort(key=lambda m: -len({c.article for c in m[1]}))
    return [Fact("claim", first.text, first.content, first.speaker.shown, first.verb,
                 [Source(c.article, c.start, c.end, c.text) for c in group]) for first, group in merged]


def _similar(a: str, b: str) -> bool:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= _CLAIM_SIMILAR


def agency_conflicts(claims: Sequence[Claim], gazetteer: Gazetteer, victims: Sequence[str] = ()) -> list[Conflict]:
    """Parties that disagree about who is responsible, each with its account (see module doc)."""
    by_party: dict[str, list[Claim]] = {}
    for claim in _on_the_event([c for c in claims if c.agency], victims, gazetteer):
        by_party.setdefault(claim.speaker.party, []).append(claim)
    if len(by_party) < 2:
        return []
    if not _disputed(by_party, gazetteer):
        return []
    values = []
    for party, agency in sorted(by_party.items(), key=lambda p: -len({c.article for c in p[1]})):
        related = [c for c in claims if c.speaker.party == party and not c.agency and _about(c, victims)]
        chosen = _account(agency, related)
        name = _party_name(party, chosen, gazetteer)
        text = f"{name}: " + "; ".join(_told(c, name) for c in chosen)
        values.append(ConflictValue(text, list(dict.fromkeys(c.article for c in [*agency, *related]))))
    return [Conflict(f"who is responsible for the {_event(claims)}".removesuffix(" for the "), values, "agency")]


def _on_the_event(agency: Sequence[Claim], victims: Sequence[str], gazetteer: Gazetteer) -> list[Claim]:
    """The agency claims about this event: people blame and deny many things in news.

    A claim counts when it names the event, its victims, a death or injury, or a cause;
    a denial also when it answers another party's accusation, and an accusation when
    its target denies something about the event.
    """
    direct = [c for c in agency if _EVENT_NOUN.search(c.content) or _about(c, victims) or _HARM.search(c.content)]
    accusations = [c for c in agency if not c.denial]
    answers = [c for c in agency if c.denial and any(_targets(a, c, gazetteer) for a in accusations)]
    denied = [c for c in direct if c.denial]
    answered = [a for a in accusations if any(_targets(a, d, gazetteer) for d in denied)]
    chosen = {id(c) for c in [*direct, *answers, *answered]}
    return [c for c in agency if id(c) in chosen]


def _targets(accusation: Claim, denial: Claim, gazetteer: Gazetteer) -> bool:
    """Whether ``accusation``, by another party, names the party that made ``denial``."""
    party = denial.speaker.party
    if accusation.speaker.party == party:
        return False
    named = gazetteer.entity(accusation.content)
    return (party == gazetteer.nation(accusation.content) or denial.speaker.shown in accusation.content
            or (named is not None and party.endswith(":" + named.name)))


def _disputed(by_party: dict[str, list[Claim]], gazetteer: Gazetteer) -> bool:
    """A party denies while another blames (with a clear phrase at least), or two parties blame in so many
    words and name different culprits."""
    deniers = {p for p, cs in by_party.items() if any(c.denial for c in cs)}
    if any(p not in deniers and any(c.strength >= 2 for c in cs) for p, cs in by_party.items()) and deniers:
        return True
    blamers = [cs for cs in by_party.values() if any(c.strength >= 3 for c in cs)]
    return len(blamers) >= 2 and len({frozenset(_culprits(cs, gazetteer)) for cs in blamers}) >= 2


def _culprits(claims: Sequence[Claim], gazetteer: Gazetteer) -> set[str]:
    return {gazetteer.nation(c.content) or fold(getattr(gazetteer.entity(c.content), "name", "")) for c in claims}


def _about(claim: Claim, victims: Sequence[str]) -> bool:
    content = claim.content.lower()
    return any(re.search(rf"\b{re.escape(v)}", content) for v in victims)


def _account(agency: Sequence[Claim], related: Sequence[Claim]) -> list[Claim]:
    """A party's account in a few claims: a denial, an accusation, one more on the victims.

    Of each kind the clearest: the most explicit about agency, then from the body
    of an article rather than its headline, then the shortest.
    """
    kinds = [[c for c in agency if c.denial], [c for c in agency if not c.denial], list(related)]
    return [min(kind, key=_clarity) for kind in kinds if kind][:_ACCOUNT_CLAIMS]


def _clarity(claim: Claim) -> tuple[int, bool, int]:
    return (-claim.strength, claim.headline, len(claim.content.split()))


def _told(claim: Claim, party: str) -> str:
    """ "Russia's defence ministry denied ...", or just "denied ..." when the speaker is the party."""
    words = claim.content.split()
    content = " ".join(words[:_ACCOUNT_WORDS]) + ("…" if len(words) > _ACCOUNT_WORDS else "")
    who = "" if claim.speaker.shown == party else f"{claim.speaker.shown} "
    return f"{who}{claim.verb} {content}"


def _party_name(party: str, claims: Sequence[Claim], gazetteer: Gazetteer) -> str:
    if ":" not in party:
        return gazetteer.nation_name(party)
    return party.split(":", 1)[1] if party.startswith("org:") else claims[0].speaker.shown


def _event(claims: Sequence[Claim]) -> str:
    """The event the agency claims are about: the noun they use most ("strikes", "fire")."""
    nouns = Counter(m.group().lower() for c in claims if c.agency for m in _EVENT_NOUN.finditer(c.content))
    return nouns.most_common(1)[0][0] if nouns else ""
