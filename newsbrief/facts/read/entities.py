"""People, organisations and places, merged across articles and ranked by how many sources name them.

spaCy finds the names in each article's lead (:mod:`newsbrief.facts.nlp`);
variants are merged ("Erdogan", "Recep Tayyip Erdogan", "Tayyip Recep Erdogan",
"Erdoğan" are one person: a name whose words are all inside exactly one longer
name joins it; "UN" and "the United Nations" are one organisation: an acronym
joins the name it abbreviates). Every variant, and the surname of each person,
is then matched in every sentence of every article, so the counts cover whole
articles although NER read only their leads.

Nationalities and countries also give a short *stem* ("Turkish" and "Turkey"
share ``turk``) that :mod:`claims` and :mod:`quantities` use to tell whose
soldiers, ministry or officials a phrase is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsbrief.facts.read.ner import Mention
from newsbrief.facts.read.units import Unit
from newsbrief.lang.en import MONTHS, WEEKDAYS
from newsbrief.lang.en.names import HONORIFICS, NAME_PARTICLES, NOT_ACRONYMS, ORGANISATION_WORDS, PLACE_WORDS
from newsbrief.model import Source

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
_DEMONYM = re.compile(r"(?:an|ish|ese|i|ic)$")
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z]{2,6}(?![\w.’'-])")
_SPACES = re.compile(r"\s+")
_WORD_BREAK = re.compile(r"[\s\-]+")
_NAME_WORD = re.compile(r"([A-Z][\w’'-]*)\s+")
_EDGE = re.compile(r"^(?:the|The)\s+|(?:['’]s|['’])$")


def fold(text: str) -> str:
    """Lower case without diacritics or dots: "Erdoğan" -> "erdogan", "U.N." -> "un"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SPACES.sub(" ", plain.replace(".", "")).strip().lower()


def surface(text: str) -> str:
    """A mention as it should be matched and shown: no leading "the", no possessive ending."""
    return _EDGE.sub("", _SPACES.sub(" ", text.strip())).strip()


def stem(name: str) -> str:
    """The country key of a place or nationality: its first four letters for one word ("Turkish" -> "turk")."""
    key = fold(name)
    return key[:4] if " " not in key and len(key) > 4 else key


def _tokens(name: str) -> frozenset[str]:
    words = _WORD_BREAK.split(fold(name))
    return frozenset(w for w in words if w and w not in HONORIFICS)


def _initials(name: str) -> str:
    words = [w for w in _WORD_BREAK.split(fold(name)) if w and w not in NAME_PARTICLES]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


@dataclass
class Entity:
    """One person, organisation or place with every variant and every mention."""

    kind: str
    name: str
    variants: set[str] = field(default_factory=set)
    sources: list[Source] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """Ids of the articles that mention it, in first-mention order."""
        return list(dict.fromkeys(s.article for s in self.sources))


class _Merge:
    """Union-find over variant names."""

    def __init__(self, names: Iterable[str]) -> None:
        self.parent = {n: n for n in names}

    def find(self, name: str) -> str:
        """The name standing for ``name``'s cluster."""
        while self.parent[name] != name:
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        """Put ``b``'s cluster into ``a``'s."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _merge_people(merge: _Merge, people: Sequence[str]) -> None:
    """A name joins the one cluster containing a name with all of its words; ambiguous names stay apart."""
    by_size = sorted(people, key=lambda n: -len(_tokens(n)))
    for i, name in enumerate(by_size):
        words = _tokens(name)
        roots = {merge.find(other) for other in by_size[:i] if words and words <= _tokens(other)}
        if len(roots) == 1:
            merge.join(roots.pop(), name)


def _merge_names(merge: _Merge, names: Sequence[str]) -> None:
    """Same folded name, or an acronym of a longer name, is the same organisation or place."""
    by_key: dict[str, str] = {}
    for name in names:
        key = fold(name)
        if key in by_key:
            merge.join(by_key[key], name)
        else:
            by_key[key] = name
    for name in names:
        short = by_key.get(_initials(name))
        if short is not None:
            merge.join(name, short)


def _merge_surnames(merge: _Merge, people: Sequence[str], others: Sequence[str]) -> None:
    """spaCy sometimes tags a lone surname as an organisation or place: join it to its unique person."""
    last: dict[str, set[str]] = {}
    for name in people:
        words = fold(name).split()
        if len(words) > 1:
            last.setdefault(words[-1], set()).add(merge.find(name))
    for name in others:
        roots = last.get(fold(name), set())
        if len(roots) == 1:
            merge.join(next(iter(roots)), name)


def _merge_titled(merge: _Merge, people: Sequence[str], others: Sequence[str]) -> None:
    """ "Harbour Master Ilse Brandt" tagged as an organisation is the person Ilse Brandt with a title."""
    full = {tuple(fold(n).split()): n for n in people if " " in n}
    for name in others:
        words = tuple(fold(name).split())
        person = next((full[words[i:]] for i in range(1, len(words) - 1) if words[i:] in full), None)
        if person is not None:
            merge.join(person, name)


class Gazetteer:
    """The cluster's named entities: merged variants, their matcher, and nationality stems."""

    def __init__(self, mentions: Sequence[Mention], people: Sequence[str] = (),
                 organisations: Sequence[str] = ()) -> None:
        """``people`` and ``organisations``: names known without NER (speakers of claims, acronyms)."""
        labels: dict[str, Counter[str]] = {}
        counts: Counter[str] = Counter()
        self.nations: dict[str, str] = {}
        for label, names in (("PERSON", people), ("ORG", organisations)):
            for name in map(surface, names):
                labels.setdefault(name, Counter())[label] += 1
                counts[name] += 1
        for m in mentions:
            name = surface(m.text)
            if not re.search(r"[A-Z]", name) or fold(name) in _CALENDAR:
                continue
            if m.label == "GPE" or (m.label == "NORP" and _DEMONYM.search(name)):
                self.nations.setdefault(name, stem(name))
            if m.label in KINDS:
                labels.setdefault(name, Counter())[m.label] += 1
                counts[name] += 1
        self._labels = labels
        self.entities = self._build(labels, counts)
        self._by_variant = {form: e for e in self.entities for v in e.variants for form in _forms(v)}

    @cached_property
    def _nation_matcher(self) -> re.Pattern[str] | None:
        """One pattern for every nation word; compiled on first use, like :attr:`_matcher`."""
        return _alternation(self.nations)

    @cached_property
    def _matcher(self) -> re.Pattern[str] | None:
        """One pattern for every variant; compiled on first use (a gazetteer may serve only nation lookups)."""
        return _alternation(self._by_variant)

    def known_kind(self, name: str) -> str | None:
        """The kind NER gave an exact name, if it saw it."""
        labels = self._labels.get(surface(name))
        return _kind(name, labels) if labels else None

    @staticmethod
    def _build(labels: dict[str, Counter[str]], counts: Counter[str]) -> list[Entity]:
        kind = {n: _kind(n, c) for n, c in labels.items()}
        people = [n for n in labels if kind[n] == "person"]
        others = [n for n in labels if kind[n] != "person"]
        merge = _Merge(labels)
        _merge_people(merge, people)
        _merge_names(merge, others)
        _merge_surnames(merge, people, [n for n in others if " " not in n])
        _merge_titled(merge, people, others)
        groups: dict[str, list[str]] = {}
        for name in labels:
            groups.setdefault(merge.find(name), []).append(name)
        surnames = Counter(s for names in groups.values() for s in _surname(names, kind))
        entities = []
        for names in groups.values():
            votes = Counter(kind[n] for n in names for _ in range(counts[n]))
            best = max(names, key=lambda n: (len(_tokens(n)) if kind[n] == "person" else 0, counts[n], len(n)))
            variants = set(names) | {s for s in _surname(names, kind) if surnames[s] == 1 and s not in labels}
            entities.append(Entity(votes.most_common(1)[0][0], best, variants))
        return entities

    def locate(self, units: Iterable[Unit]) -> list[Entity]:
        """Every mention of every entity in ``units``: new Entity records (the gazetteer is left as built),
        ranked by sources, then mentions."""
        if self._matcher is None:
            return []
        found = {id(e): Entity(e.kind, e.name, set(e.variants)) for e in self.entities}
        for unit in units:
            for match in self._matcher.finditer(unit.text):
                entity = found[id(self._by_variant[match.group()])]
                start = _extend(unit.text, match.start(), entity) if entity.kind == "person" else match.start()
                if start < match.start():
                    entity.variants.add(unit.text[start:match.end()])
                entity.sources.append(Source(unit.article, unit.start + start, unit.start + match.end(),
                                             unit.text[start:match.end()]))
        located = [e for e in found.values() if e.sources]
        return sorted(located, key=lambda e: (-len(e.articles), -len(e.sources), e.name))

    def entity(self, text: str) -> Entity | None:
        """The first entity named in ``text`` (a phrase such as a speaker), if any."""
        match = self._matcher.search(text) if self._matcher else None
        return self._by_variant[match.group()] if match else None

    def entities_in(self, text: str) -> list[Entity]:
        """Every entity named in ``text``, in order."""
        return [self._by_variant[m.group()] for m in self._matcher.finditer(text)] if self._matcher else []

    def nation(self, text: str) -> str | None:
        """The country stem of the first country or nationality named in ``text``."""
        match = self._nation_matcher.search(text) if self._nation_matcher else None
        return self.nations[match.group()] if match else None

    def nations_in(self, text: str) -> list[tuple[str, str]]:
        """Every (name, stem) of a country or nationality named in ``text``, in order."""
        if self._nation_matcher is None:
            return []
        return [(m.group(), self.nations[m.group()]) for m in self._nation_matcher.finditer(text)]

    def demonym(self, key: str, default: str) -> str:
        """The nationality word of a country stem ("turk" -> "Turkish") when the articles use one."""
        words = [n for n, k in self.nations.items() if k == key and n.endswith(("ish", "an", "ese", "i"))]
        return words[0] if words else default

    def nation_name(self, key: str) -> str:
        """How to show a country stem: the place name with that stem ("turk" -> "Turkey")."""
        places = [e.name for e in self.entities if e.kind == "place" and stem(e.name) == key]
        return places[0] if places else next(n for n, k in self.nations.items() if k == key)


def _kind(name: str, labels: Counter[str]) -> str:
    """person, organisation or place: a designator word decides ("Varen Bulk Logistics"), else the votes."""
    words = set(fold(name).split())
    if words & ORGANISATION_WORDS:
        return "organisation"
    if words & PLACE_WORDS:
        return "place"
    votes = Counter[str]()
    for label, n in labels.items():
        votes[KINDS[label]] += n
    return votes.most_common(1)[0][0]


def _surname(names: Sequence[str], kind: dict[str, str]) -> set[str]:
    """The last word of a person's longest name, as a variant to match ("Erdogan")."""
    people = [n for n in names if kind[n] == "person" and " " in n]
    if not people:
        return set()
    last = max(people, key=len).split()[-1]
    return {last} if len(last) > 2 and last[0].isupper() and fold(last) not in _CALENDAR else set()


def acronyms(units: Iterable[Unit], min_articles: int = 2) -> list[str]:
    """All-capital names ("NATO", "FBI") that several articles use: organisations the lead may not name."""
    seen: dict[str, set[str]] = {}
    for unit in units:
        for match in _ACRONYM.finditer(unit.text):
            seen.setdefault(match.group(), set()).add(unit.article)
    return [a for a, arts in seen.items() if len(arts) >= min_articles and a not in NOT_ACRONYMS]


def _forms(variant: str) -> set[str]:
    """A variant and, for one-word names, its upper- and title-case forms ("Nato", "NATO")."""
    if " " in variant or len(variant) <= 3:
        return {variant}
    return {variant, variant.upper(), variant.title()}


def _extend(text: str, start: int, entity: Entity) -> int:
    """Start of the full name before a matched surname: "Tayyip Recep Erdogan" around "Erdogan"."""
    known = set().union(*(_tokens(v) for v in entity.variants))
    for word in reversed(list(_NAME_WORD.finditer(text, 0, start))):
        if word.end() != start or fold(word.group(1)) not in known:
            break
        start = word.start()
    return start


def _alternation(names: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(names), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")
