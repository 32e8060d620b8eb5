"""Claims across sources, and who is responsible: parties that disagree about who did it or is to blame.

Claims of the same speaker that say much the same in several articles are one
fact. Claims about who is responsible ("blamed", "accused", "denied", "carried
out by", "caused") and about this event are grouped by the party of their
speaker; when one party denies what another asserts, or two parties blame
different culprits, that is a conflict over agency, with each party's account.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from newsbrief.facts.read.claims import Claim
from newsbrief.facts.read.entities import Gazetteer, fold
from newsbrief.facts.read.numbers import numbers
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.lang.en.attribution import INTENT_VERBS, MODALS
from newsbrief.lang.en.events import EVENT_NOUNS, OUTCOMES
from newsbrief.lang.en.linking import leans_back
from newsbrief.lang.en.names import NATIONALITY
from newsbrief.lang.en.quotes import QUOTE_CHARACTERS
from newsbrief.lang.tokens import stemmed_stop, tokens, words
from newsbrief.model import ClaimFact, Conflict, PartySide, Source

_MODAL = re.compile(rf"\b(?:{'|'.join(MODALS)})\b", re.I)
_EVENT_NOUN = re.compile(rf"\b(?:{EVENT_NOUNS})\b", re.I)
_HARM = re.compile(rf"\b(?:{'|'.join(OUTCOMES[k] for k in ('killed', 'injured'))}|caus(?:e|ed|ing)|fault)\b", re.I)


def claim_facts(claims: Sequence[Claim], settings: Settings = DEFAULT,
                keywords: Collection[str] = frozenset()) -> list[ClaimFact]:
    """Claims, merged when the same speaker says much the same in several articles, most central first
    (:func:`_centrality`; ``keywords``: the stems most of the cluster's articles use)."""
    merged: list[tuple[Claim, list[Claim]]] = []
    for claim in claims:
        same = next((m for m in merged if m[0].speaker.key == claim.speaker.key and m[0].verb == claim.verb
                     and _similar(m[0].content, claim.content, settings.claim_similar)), None)
        if same is None:
            merged.append((claim, [claim]))
        else:
            same[1].append(claim)
    merged.sort(key=lambda m: -_centrality(m[1], keywords, settings))
    return [ClaimFact(speaker=first.speaker.shown, verb=first.verb, content=first.content, party=first.speaker.party,
                      statement=first.sentence or first.text, sources=tuple(_source(c) for c in group))
            for first, group in merged]


def _centrality(group: Sequence[Claim], keywords: Collection[str], settings: Settings) -> float:
    """How much a briefing needs a claim: how many sources carry it, how much it is about what most articles
    are about (the share of its words among the cluster's keywords), whether a named person, body or
    country says it rather than an unnamed source, whether it tells what happened rather than what may
    or will ("vowed to respond", "would retaliate"), whether it gives a figure (a concrete account), and
    whether it can be read alone (not opening with "It", "They" or "But")."""
    first = group[0]
    said = set(tokens(first.content)) - stemmed_stop()
    central = len(said & set(keywords)) / len(said) if said else 0.0
    named = not first.speaker.party.startswith("role:")
    intent = first.verb in INTENT_VERBS or bool(_MODAL.search(first.content))
    figure = bool(numbers(first.content))
    unclear = leans_back(first.sentence or first.content)
    return (settings.claim_sources * len({c.article for c in group}) + settings.claim_keywords * central
            + settings.claim_named * named + settings.claim_agency * first.agency - settings.claim_intent * intent
            + settings.claim_figure * figure - settings.claim_context * unclear)


def _source(claim: Claim) -> Source:
    return Source(claim.article, claim.start, claim.end, claim.text)


def _similar(a: str, b: str, least: float) -> bool:
    wa, wb = set(words(a)), set(words(b))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= least


def agency_conflicts(claims: Sequence[Claim], gazetteer: Gazetteer, victims: Sequence[str] = (),
                     settings: Settings = DEFAULT) -> list[Conflict]:
    """Parties that disagree about who is responsible, each with its account (see module doc)."""
    by_party: dict[str, list[Claim]] = {}
    for claim in _on_the_event([c for c in claims if c.agency], victims, gazetteer):
        if _real_party(claim.speaker.party, gazetteer):
            by_party.setdefault(claim.speaker.party, []).append(claim)
    if len(by_party) < 2:
        return []
    if not _disputed(by_party, gazetteer):
        return []
    sides: list[PartySide] = []
    for party, agency in sorted(by_party.items(), key=lambda p: -len({c.article for c in p[1]})):
        related = [c for c in claims if c.speaker.party == party and not c.agency and _about(c, victims)]
        chosen = _account(agency, related)[:settings.account_claims]
        name = _party_name(party, chosen, gazetteer)
        if any(fold(side.party) == fold(name) for side in sides):
            continue  # one party, one side
        sides.append(PartySide(party=name, account=tuple(_told(c, name, settings.account_words) for c in chosen),
                               articles=tuple(dict.fromkeys(c.article for c in [*agency, *related])),
                               sources=tuple(_source(c) for c in chosen)))
    if len(sides) < 2:
        return []
    about = f"who is responsible for the {_event(claims)}".removesuffix(" for the ")
    return [Conflict(about, "agency", tuple(sides))]


def _real_party(party: str, gazetteer: Gazetteer) -> bool:
    """A party a dispute can be between: a named person, an organisation the articles name, or a country
    (a place with a nationality word of its own: "Turkey"/"Turkish"; "West Bank" has none)."""
    kind, _, name = party.partition(":")
    if kind == "person":
        return len(name.split()) > 1
    if kind == "org":
        entity = gazetteer.entity(name)
        return entity is not None and entity.kind == "organisation"
    if name:
        return False
    words = [n for n, key in gazetteer.nations.items() if key == party]
    return any(NATIONALITY.search(w.removesuffix("s")) for w in words) and len(words) > 1


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
    if len(blamers) >= 2 and len({frozenset(_culprits(cs, gazetteer)) for cs in blamers}) >= 2:
        return True
    claimants = [p for p, cs in by_party.items() if any(c.claimant for c in cs)]
    return len(claimants) >= 2 or bool(claimants and deniers - set(claimants))  # two claim it, or one denies


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
    return [min(kind, key=_clarity) for kind in kinds if kind]


def _clarity(claim: Claim) -> tuple[int, bool, int]:
    return (-claim.strength, claim.headline, len(claim.content.split()))


def _told(claim: Claim, party: str, most: int) -> str:
    """ "Russia's defence ministry denied ...", or just "denied ..." when the speaker is the party. What was
    said before its speaker was named ("..., the ministry said") is quoted after a colon, never glued to the
    verb ("said: “On 27 February, ...”")."""
    words = claim.content.split()
    content = " ".join(words[:most]) + ("…" if len(words) > most else "")
    who = "" if claim.speaker.shown == party else f"{claim.speaker.shown} "
    if claim.trailing:
        return f"{who}{claim.verb}: “{content.strip(' ' + QUOTE_CHARACTERS)}”"
    return f"{who}{claim.verb} {content}"


def _party_name(party: str, claims: Sequence[Claim], gazetteer: Gazetteer) -> str:
    if ":" not in party:
        return gazetteer.nation_name(party)
    return party.split(":", 1)[1] if party.startswith("org:") else claims[0].speaker.shown


def _event(claims: Sequence[Claim]) -> str:
    """The event the agency claims are about: the noun they use most ("strikes", "fire")."""
    nouns = Counter(m.group().lower() for c in claims if c.agency for m in _EVENT_NOUN.finditer(c.content))
    return nouns.most_common(1)[0][0] if nouns else ""
