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
from newsbrief.lang.en import CALENDAR_WORDS, STOP_WORDS, WEEKDAYS
from newsbrief.lang.en.attribution import TITLE_WORDS
from newsbrief.lang.en.grammar import ARTICLES
from newsbrief.lang.en.names import (
    AGREEMENT_WORDS,
    AMBIGUOUS_HEADS,
    BODY_MEMBERS,
    COMMON_CAPITALISED,
    COMMON_NOUNS,
    CORPORATE_SUFFIXES,
    EVENT_CUES,
    EVENT_HEADS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NATIONALITY,
    NOT_ACRONYMS,
    NOUN_ENDINGS_NOT,
    ORGANISATION_WORDS,
    PERSON_CUES,
    PERSON_SUFFIXES,
    PLACE_CUES,
    PLACE_INSTITUTIONS,
    PLACE_WORDS,
    STATE_ABBREVIATIONS,
    VESSEL_PREFIXES,
)
from newsbrief.lang.en.quotes import CLOSING_CHARACTERS, OPENING_CHARACTERS, QUOTE_CHARACTERS
from newsbrief.lang.en.time_words import TIME_ZONES
from newsbrief.model import Source

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
         "NORP": "group", "EVENT": "event"}
"""spaCy's labels -> the kinds a name is voted into. ``group`` (nationalities, religious and political
groups: "French", "Palestinians") is kept apart from people and not listed among names."""
SHOWN_KINDS = frozenset({"person", "organisation", "place", "event", "vessel"})
"""Kinds listed among a briefing's names."""
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_LABELS = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "event": "EVENT"}
_CAPITAL_WORD = re.compile(r"(?<![\w’'.-])[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+){0,2}(?![\w’'-])")
"""A name NER may have missed: one to three capitalised words ("Odile", "Baba Amr")."""
_HEAD_VOTE = 3.0
_CUE_VOTE = 1.0
_CUE_MOST = 3.0
"""Words around mentions vote one each, three votes at most: what the model says of a name it knows is
not outvoted by a few "from Kennedy"."""
_DESIGNATED = 2
_DESIGNATED_VOTE = 4.0
"""Mentions a designator calls an organisation ("the band Metallica", "the rock group Metallica") from which
the writer's word weighs more than the name's own head word: the writer says what it is, in several mentions,
where the model takes many a one-word band or firm for a person."""
_DETERMINER = "determiner"
"""The cue of a mention after a determiner, which is no kind: it only takes a vote from person."""
_AGREEMENT = "agreement"
"""The kind of an agreement's name ("Oslo Accords"): not listed among people, organisations and places."""
_VESSEL = "vessel"
"""The kind of a ship's name ("MV Gibe", "INS Mysore"): a prefix of :data:`VESSEL_PREFIXES` says so."""
_THING = "thing"
"""The kind of a name no person takes ("the Hummer") and nothing else types: a vehicle, a product; not listed."""
_OPENED_BEFORE = frozenset(OPENING_CHARACTERS + "`‘")
"""Marks that open a quotation right before a name; not an apostrophe ("'Tis", "rock 'n' roll")."""
_CLOSED_AFTER = re.compile(rf"[,.]?(?:[{CLOSING_CHARACTERS}]|''|’(?!\w))")
"""A mark that closes a quotation right after a name, with a comma or stop before it; not the apostrophe of a
possessive ("Evil Dead’s director")."""
_ACRONYM = re.compile(r"(?<![\w.’'&-])[A-Z]{2,6}(?![\w.’';-])")
_SPACES = re.compile(r"\s+")
_WORD_BREAK = re.compile(r"[\s\-]+")
_NAME_WORD = re.compile(r"([A-Z][\w’'-]*)\s+")
_POSSESSED = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s\b")
_NEXT_LOWER = re.compile(r"\s+([a-z][a-z-]+)\b")
_GOES_ON = re.compile(r"\s+(?:and\s+)?(?P<word>[A-Z][\w’'-]*)")
_EDGE = re.compile(r"^(?:the|The)\s+|(?:['’]s|['’])$")
_EDGE_DAY = re.compile(rf"^(?:{'|'.join(WEEKDAYS)})\s+|\s+(?:{'|'.join(WEEKDAYS)})$")
"""A weekday at a name's edge: wire copy puts the day right after the subject ("Prime Minister Ehud Barak
Thursday expressed ..."), and a speaker's phrase read off the parse takes it along."""


def fold(text: str) -> str:
    """Lower case without diacritics or dots: "Erdoğan" -> "erdogan", "U.N." -> "un"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SPACES.sub(" ", plain.replace(".", "")).strip().lower()


def surface(text: str) -> str:
    """A mention as it should be matched and shown: no leading "the", no possessive ending, no weekday at
    either edge."""
    return _EDGE_DAY.sub("", _EDGE.sub("", _SPACES.sub(" ", text.strip())).strip())


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


DOMINANT = 3
"""A short name found in several people's names goes with the one the articles name this many times more
often than any other ("Arafat" with "Yasser Arafat", not a wire's "Yaser Arafat"); else it stays apart."""


def _merge_people(merge: _Merge, people: Sequence[str], counts: Counter[str]) -> None:
    """A name joins the cluster containing a name with all of its words: the one such cluster, or the one
    named :data:`DOMINANT` times more often than the others (two brothers of one surname stay apart)."""
    by_size = sorted(people, key=lambda n: -len(_tokens(n)))
    for i, name in enumerate(by_size):
        words = _tokens(name)
        named: Counter[str] = Counter()
        for other in by_size[:i]:
            if words and words <= _tokens(other):
                named[merge.find(other)] += counts[other]
        ranked = named.most_common(2)
        if len(ranked) == 1 or (ranked and ranked[0][1] >= DOMINANT * ranked[1][1]):
            merge.join(ranked[0][0], name)


def _merge_names(merge: _Merge, names: Sequence[str], everyone: Sequence[str]) -> None:
    """Same folded name, whatever the model took it for ("Napster" and "Napster Inc."), or an acronym of a
    longer name, is the same organisation or place."""
    by_key: dict[str, str] = {}
    for name in sorted(everyone, key=lambda n: n not in names):
        key = _legal_stem(name)
        if key in by_key:
            merge.join(by_key[key], name)
        else:
            by_key[key] = name
    for name in names:
        short = by_key.get(_initials(name))
        if short in names:
            merge.join(name, short)


def _titled(name: str) -> int:
    """How many words of a title open a person's name, up to its last title word or acronym before the two
    words a name needs at least ("Executive Officer Hank Barry": two; "TSA Administrator John Pistole", "Angels
    GM Tony Reagins": two): shown without them."""
    folded = fold(name).split()
    leading = next((i for i, w in enumerate(folded) if w not in TITLE_WORDS), len(folded))
    words = name.split()
    inner = [i + 1 for i, w in enumerate(words[:-2]) if fold(w) in TITLE_WORDS or _ACRONYM.fullmatch(w)]
    return max([leading, *inner[-1:]])


def _listable(name: str) -> bool:
    """Not a common noun written with capitals ("the Internet", "a CD") nor a state's wire abbreviation after
    a city ("Calif.")."""
    return name not in COMMON_NOUNS and name not in STATE_ABBREVIATIONS


def _legal_stem(name: str) -> str:
    """A name folded without a company's legal suffix ("Napster Inc." -> "napster")."""
    words = fold(name).split()
    return " ".join(words[:-1] if len(words) > 1 and words[-1] in CORPORATE_SUFFIXES else words)


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
                 organisations: Sequence[str] = (), others: Sequence[tuple[str, str]] = ()) -> None:
        """``people`` and ``organisations``: names known without NER (speakers of claims, acronyms);
        ``others``: (label, name) of names NER missed that most articles use (:func:`frequent_names`)."""
        labels: dict[str, Counter[str]] = {}
        counts: Counter[str] = Counter()
        self.nations: dict[str, str] = {}
        known = [*others, *(("PERSON", n) for n in people), *(("ORG", n) for n in organisations)]
        for label, name in known:
            name = surface(name)
            if _listable(name):
                labels.setdefault(name, Counter())[label] += 1
                counts[name] += 1
        for m in mentions:
            name = surface(m.text)
            if not re.search(r"[A-Z]", name) or fold(name) in CALENDAR_WORDS or name in TIME_ZONES or not (
                    _listable(name)):  # "GMT" of "at 0900 GMT": no body
                continue
            if m.label == "GPE" or (m.label == "NORP" and NATIONALITY.search(name)):
                self.nations.setdefault(name, stem(name))
            if m.label in KINDS:
                labels.setdefault(name, Counter())[m.label] += 1
                counts[name] += 1
        self._labels = labels
        self.entities = self._build(labels, counts)
        self._votes = {id(e): sum((labels[v] for v in e.variants if v in labels), Counter[str]())
                       for e in self.entities}
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
        _merge_people(merge, people, counts)
        _merge_names(merge, others, list(labels))
        _merge_surnames(merge, people, [n for n in others if " " not in n])
        _merge_titled(merge, people, others)
        groups: dict[str, list[str]] = {}
        for name in labels:
            groups.setdefault(merge.find(name), []).append(name)
        surnames = Counter(s for names in groups.values() for s in _surname(names, kind))
        entities = []
        for names in groups.values():
            best = max(names, key=lambda n: (len(_tokens(n)) - _titled(n) if kind[n] == "person" else 0,
                                             -_titled(n), counts[n], len(n)))
            variants = set(names) | {s for s in _surname(names, kind) if surnames[s] == 1 and s not in labels}
            labelled = sum((labels[n] for n in names), Counter[str]())
            voted = _kind(_named_as(names, best), labelled)
            titled, words = _titled(best), best.split()
            if voted == "person" and 0 < titled <= len(words) - 2:
                best = " ".join(words[titled:])  # "Attorney Mark Jay Heller": Mark Jay Heller
                variants.add(best)
            if voted != "group":  # a nationality or group is a nation word (see ``nations``), not a name
                entities.append(Entity(voted, best, variants))
        return entities

    def locate(self, units: Iterable[Unit]) -> list[Entity]:
        """Every mention of every entity in ``units``: new Entity records (the gazetteer is left as built),
        ranked by sources, then mentions."""
        if self._matcher is None:
            return []
        found = {id(e): Entity(e.kind, e.name, set(e.variants)) for e in self.entities}
        cues = {key: _Cues() for key in found}
        cut: Counter[int] = Counter()
        for unit in units:
            for match in self._matcher.finditer(unit.text):
                if unit.in_quiet(unit.start + match.start(), unit.start + match.end()):
                    continue
                key = id(self._by_variant[match.group()])
                entity = found[key]
                after = None if self._starts_name(unit.text, match.end()) else _after_cue(unit.text, match.end())
                before = _cue(unit.text, match.start())
                cues[key].count(before, after, _modifies(unit.text, match.start(), match.end()),
                                _quoted(unit.text, match.start(), match.end()))
                cut[key] += _continued(unit.text, match.end())
                start = _extend(unit.text, match.start(), entity) if entity.kind == "person" else match.start()
                if start < match.start():
                    entity.variants.add(unit.text[start:match.end()])
                entity.sources.append(Source(unit.article, unit.start + start, unit.start + match.end(),
                                             unit.text[start:match.end()]))
        for key, entity in found.items():
            written = Counter(s.text for s in entity.sources if fold(s.text) == fold(entity.name))
            if written:  # "Napster", not the "NAPSTER" of a headline in capitals
                entity.name = written.most_common(1)[0][0]
                entity.variants.add(entity.name)
            for longer in self.entities:  # "O'Hare" of "O'Hare International Airport": the airport's kind
                if longer.name.startswith(entity.name + " ") and _designated(longer.name) and (
                        fold(longer.name[len(entity.name):]).split()[0] not in PLACE_INSTITUTIONS):
                    cues[key].kinds[_designated(longer.name) or ""] += _CUE_VOTE  # not "New Orleans Police Department"
            cues[key].settle(len(entity.sources))
            entity.kind = _kind(_named_as(entity.variants, entity.name), self._votes[key], cues[key])
            if cut[key] * 2 > len(entity.sources) > 1:
                entity.kind = "fragment"  # "Basque Homeland" of "Basque Homeland and Freedom": a cut name
        located = [e for e in found.values() if e.sources]
        return sorted(located, key=lambda e: (-len(e.articles), -len(e.sources), e.name))

    def _starts_name(self, text: str, end: int) -> bool:
        """Whether another known name follows right after ``text[:end]`` ("U.S." before "Coast Guard"): its
        designator is that name's, not this one's."""
        start = len(text) - len(text[end:].lstrip())
        return bool(self._matcher and self._matcher.match(text, start))

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


@dataclass
class _Cues:
    """What the words around a name's mentions say of it, each clue counted apart: the kinds the words
    before and after point to (``kinds``, one vote a mention), the mentions after a determiner ("the Hummer":
    no person), those a designator calls an organisation ("the band Metallica") and those that modify a noun
    ("former Saints player")."""

    kinds: Counter[str] = field(default_factory=Counter)
    determiners: float = 0.0
    designated: int = 0
    modifiers: int = 0
    quoted: int = 0

    def count(self, before: str | None, after: str | None, modifies: bool, quoted: bool = False) -> None:
        """One mention's clues: the cue words before and after it (:func:`_cue`, :func:`_after_cue`), whether
        it modifies the noun after it and whether quotation marks enclose it."""
        for cue in (before, after):
            if cue == _DETERMINER:
                self.determiners += _CUE_VOTE
            elif cue:
                self.kinds[cue] += _CUE_VOTE
        self.designated += before == "organisation"  # "the band Metallica", not "San Mateo company"
        self.modifiers += modifies
        self.quoted += quoted

    def settle(self, mentions: int) -> None:
        """Drop a clue that only a few of the ``mentions`` give: most mentions decide ("the Plaskett family"
        once, "a Texas man" once)."""
        if self.determiners * 2 < mentions:
            self.determiners = 0.0
        if self.modifiers * 2 <= mentions:
            self.modifiers = 0
        if self.quoted * 2 <= mentions:
            self.quoted = 0


def _kind(name: str, labels: Counter[str], cues: _Cues | None = None) -> str:
    """person, organisation, place, event or group, by a vote of every clue to the name: the labels the
    model gave its mentions (one each), the words right before each mention (``cues``: "in Honduras",
    "Mr. Kennedy", "Hurricane Mitch"; one each), and the name's own words (its head word, "Coast Guard",
    "West Bank"; a storm's, "Hurricane Odile"; a plural nationality, "Palestinians": three; the writer's
    designator, "the band Metallica", when two mentions have one: four). A determiner before a mention
    ("the Hummer", "the Saints") takes a vote from person each: a name only the model took for a person is
    then a thing (a vehicle, a product: not listed). A one-word name most of whose mentions modify a noun
    ("former Saints player") moves the model's person votes to organisation, one each, unless a word before a
    mention says it is a person (a place keeps its votes: "the Texas prison system" is Texas's, "an Orlando
    attorney" Orlando's; so does "a Hotmail account", which reads alike); "X of
    Representatives" (a body of people, :data:`BODY_MEMBERS`) votes organisation, three. On a tie a
    person the model named wins, then an acronym as an organisation ("in the EU"), then what the words
    around the mentions say (the model takes many an unfamiliar name for an organisation: "the airports
    O'Hare and Midway"), then organisation. A name whose head word names an agreement ("Oslo Accords",
    :data:`AGREEMENT_WORDS`) is one, a ship's ("INS Mysore", :func:`_ship`) a vessel, and one a title opens or a
suffix ends ("Judge Lance Ito", "Arcade Comeaux Jr.", :func:`_designated`) a person, whatever else votes."""
    if _head(name) in AGREEMENT_WORDS:
        return _AGREEMENT  # "the Oslo Accords", whatever the model says: its own words say what it is
    if _ship(name):
        return _VESSEL  # "INS Mysore", which the model takes for a person
    if _designated(name) == "person":
        return "person"  # "Judge Lance Ito", "Arcade Comeaux Jr.", which the model may take for an organisation
    cues = cues or _Cues()
    if cues.quoted:
        return _THING  # "“Evil Dead”" in most mentions: a film's, a book's or a song's title, whatever the model says
    votes = Counter[str]()
    model = Counter[str]()
    for label, n in labels.items():
        model[KINDS[label]] += n
    votes.update(model)
    context = Counter({kind: min(n, _CUE_MOST) for kind, n in cues.kinds.items()})
    unlike_person = min(cues.determiners, _CUE_MOST)
    modifier = min(cues.modifiers, _CUE_MOST)
    votes.update(context)
    if cues.designated >= _DESIGNATED:
        votes["organisation"] += _DESIGNATED_VOTE  # "the band Metallica", "the airline Norvia": the writer says so
    head = _head(name)
    weight = _HEAD_VOTE / 2 if head in AMBIGUOUS_HEADS else _HEAD_VOTE
    if head in ORGANISATION_WORDS:
        votes["organisation"] += weight
    if head in PLACE_WORDS:
        votes["place"] += weight
    if fold(name).split()[0] in EVENT_CUES or head in EVENT_HEADS:
        votes["event"] += _HEAD_VOTE  # "Hurricane Odile", "Tropical Storm Kai", "the Gulf War"
    if fold(name).split()[-1] in BODY_MEMBERS and " of " in fold(name):
        votes["organisation"] += _HEAD_VOTE  # "House of Representatives", "Council of Ministers"
    if modifier and " " not in name and votes["person"] and not context["person"]:
        moved = min(votes["person"], modifier)  # "former Saints player": a team, not a person
        votes["person"] -= moved
        votes["organisation"] += moved
        votes = +votes
    nationality = NATIONALITY.search(fold(name))
    if modifier and " " not in name and nationality and nationality.group("adjective") and not (
            model["person"] or model["place"]):
        votes["group"] += _HEAD_VOTE  # "Uruguayan director Fede Alvarez": a nationality, not a body
    if " " not in name and NATIONALITY.search(name.removesuffix("s")) and name.endswith("s") and votes["group"]:
        votes["group"] += _HEAD_VOTE
    if unlike_person and votes["person"]:
        votes["person"] = max(0.0, votes["person"] - unlike_person)
        votes = +votes
        if not votes:
            return _THING
    acronym = name.isupper()
    return max(votes, key=lambda k: (votes[k], k == "person" and model[k] > 0, k == "organisation" and acronym,
                                     context[k], k == "organisation")) if votes else "organisation"


def _ship(name: str) -> bool:
    """Whether ``name`` is a ship's: a prefix of :data:`VESSEL_PREFIXES`, first or after one word ("Warship INS
    Sukanya"), then one or two capitalised words and nothing else."""
    words = name.split()
    at = next((i for i, w in enumerate(words[:2]) if w in VESSEL_PREFIXES), None)
    rest = words[at + 1:] if at is not None else []
    return 1 <= len(rest) <= 2 and all(w[:1].isupper() for w in rest)


def _named_as(variants: Iterable[str], name: str) -> str:
    """The variant whose own words say what it is ("Tunewave Inc." beside "Tunewave"), else ``name``."""
    return next((v for v in sorted(variants) if _designated(v)), name)


def _designated(name: str) -> str | None:
    """The kind a name's own words say, when they say one: its head word ("International Airport": place), or,
    for a name of several words, a title opening it or a suffix ending it ("Judge Lance Ito", "Arcade Comeaux
    Jr.": person)."""
    head = _head(name)
    if head in AMBIGUOUS_HEADS:
        return None
    if head in ORGANISATION_WORDS or head in PLACE_WORDS:
        return "organisation" if head in ORGANISATION_WORDS else "place"
    words = name.split()
    if len(words) > 1 and (words[0].lower() in PERSON_CUES or words[-1] in PERSON_SUFFIXES):
        return "person"
    return None


def _head(name: str) -> str:
    """The word that says what a name names: the last one, or the last before "of" ("Bank of England")."""
    words = fold(name).split()
    if "of" in words[1:]:
        words = words[:words.index("of")]
    return words[-1] if words else ""


def _cue(text: str, start: int) -> str | None:
    """The kind the word right before a mention points to, if any ("Chicago's two airports -- O'Hare and
    Midway": the airport O'Hare)."""
    before = [w for w in text[max(0, start - 24):start].split() if w.strip("-—–")]
    if not before:
        return None
    word = before[-1].lower().strip(",;:")
    if word in PERSON_CUES:
        return "person"
    if word in ARTICLES and not (len(before) > 1 and before[-2].lower() in PLACE_CUES):
        return _DETERMINER  # "the Hummer": no person; "in the Gulf" is a place (below)
    if word in EVENT_CUES:
        return "event"
    if (word in PLACE_CUES or (word == "the" and len(before) > 1 and before[-2].lower() in PLACE_CUES)) and not (
            _POSSESSED.match(text, start)):
        return "place"  # "in Honduras"; not "near Nordmann's home", whose home is the place
    if word in ORGANISATION_WORDS or word.rstrip("s") in ORGANISATION_WORDS:
        return "organisation"  # "the airline Continental", "the militant group Hamas"
    if word.rstrip("s") in PLACE_WORDS and word not in AMBIGUOUS_HEADS:
        return "place"  # "the airports O'Hare and Midway"
    if word in ("and", "or") and len(before) > 2 and before[-2][:1].isupper():
        return _cue(text, text.rindex(before[-2], 0, start))  # "airports, O'Hare and Midway": Midway too
    return None


def _modifies(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` modifies the common noun after it ("former Saints player", "a
    Hotmail email account"): inside its sentence (one that opens it is mostly its subject: "Erdogan met"),
    before no function word, verb or adverb ("the Saints announced"), nor a word that makes it the name of a
    place or body ("Idlib province", "Bilbao police")."""
    match = _NEXT_LOWER.match(text, end)
    if match is None or not text[:start].strip(" " + QUOTE_CHARACTERS):
        return False
    word = match.group(1)
    return not (word in STOP_WORDS or word.endswith(NOUN_ENDINGS_NOT) or word.rstrip("s") in PLACE_WORDS
                or word.rstrip("s") in ORGANISATION_WORDS)


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether quotation marks enclose the name at ``text[start:end]`` ("the new “Evil Dead” is ...", "“Evil
    Dead,” a remake"): a title of a work, not a person or a body."""
    return start > 0 and text[start - 1] in _OPENED_BEFORE and bool(_CLOSED_AFTER.match(text, end))


def _continued(text: str, end: int) -> bool:
    """Whether the name at ``text[:end]`` goes on: "and" and a capitalised word, or a capitalised word that is
    no weekday, month or sentence word ("Basque Homeland| and Freedom")."""
    match = _GOES_ON.match(text, end)
    return bool(match) and fold(match.group("word")) not in CALENDAR_WORDS and match.group("word") not in (
        COMMON_CAPITALISED) and match.group("word") not in NAME_SUFFIXES


def _after_cue(text: str, end: int) -> str | None:
    """The kind a designator after a mention says, past at most two more capitalised words: "Herri Batasuna
    party", "Hamas movement", "Midway airport", "O'Hare International Airport"; or a suffix right after it that
    ends only a person's name ("Arcade Comeaux Jr.", which the model may tag without its suffix)."""
    words = text[end:end + 40].split()[:3]
    if words and words[0].rstrip(",;:") in PERSON_SUFFIXES:
        return "person"
    for word in words:
        low = word.lower().strip(",.;:")
        if low in PLACE_INSTITUTIONS:
            return None  # "New Orleans police": the place's police, not what the place is
        if low in ORGANISATION_WORDS:
            return "organisation"
        if low in PLACE_WORDS and low not in AMBIGUOUS_HEADS:
            return "place"
        if not word[:1].isupper():
            return None
    return None


def _surname(names: Sequence[str], kind: dict[str, str]) -> set[str]:
    """The last word of a person's longest name, as a variant to match ("Erdogan")."""
    people = [n for n in names if kind[n] == "person" and " " in n]
    if not people:
        return set()
    last = max(people, key=len).split()[-1]
    return {last} if len(last) > 2 and last[0].isupper() and fold(last) not in CALENDAR_WORDS else set()


def frequent_names(units: Sequence[Unit], names: Iterable[str], share: float = 0.5) -> list[tuple[str, str]]:
    """(label, name) of the capitalised names most articles use that none of ``names`` (those already known)
    holds ("Odile", "Zarya"), each typed by the words around its mentions ("Hurricane Odile", "the airline
    Norvia"); a name nothing types is left out. NER reads only where names are introduced, and misses some:
    the names the articles most talk about must not be among them."""
    known = {w for name in names for w in fold(name).split()}
    found: dict[str, set[str]] = {}
    at: dict[str, list[tuple[Unit, re.Match[str]]]] = {}
    skipped: set[str] = set()
    for unit in units:
        if unit.sentence is None:
            continue
        for match in _CAPITAL_WORD.finditer(unit.text):
            word = match.group()
            if word in skipped or unit.in_quiet(unit.start + match.start(), unit.start + match.end()):
                continue
            low = fold(word)
            if low in known or low in STOP_WORDS or low in CALENDAR_WORDS or word in COMMON_CAPITALISED:
                skipped.add(word)
                continue
            found.setdefault(word, set()).add(unit.article)
            at.setdefault(word, []).append((unit, match))
    articles = {u.article for u in units}
    least = max(2.0, share * len(articles))
    out = []
    for word, seen in found.items():
        if len(seen) < least:
            continue
        cues = Counter(cue for unit, match in at[word]
                       for cue in (_cue(unit.text, match.start()), _after_cue(unit.text, match.end()))
                       if cue in _LABELS)  # a determiner types nothing
        votes = cues.most_common(2)
        if votes and (len(votes) == 1 or votes[0][1] > votes[1][1]):
            out.append((_LABELS[votes[0][0]], word))
    return out


def acronyms(units: Iterable[Unit], min_articles: int = 2) -> list[str]:
    """All-capital names ("NATO", "FBI") that several articles use: organisations the lead may not name."""
    seen: dict[str, set[str]] = {}
    for unit in units:
        found = list(_ACRONYM.finditer(unit.text))
        if not found or len(_UPPER.findall(unit.text)) > len(_LOWER.findall(unit.text)):
            continue  # a headline in capitals: its words are not acronyms
        for match in found:
            if not unit.in_quiet(unit.start + match.start(), unit.start + match.end()):
                seen.setdefault(match.group(), set()).add(unit.article)
    return [a for a, arts in seen.items() if len(arts) >= min_articles and a not in NOT_ACRONYMS and _listable(a)]


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
