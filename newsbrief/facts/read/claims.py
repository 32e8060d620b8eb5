"""Attributed claims: who said, denied, warned, accused or blamed what, with the speaker normalised.

Three sentence shapes cover most attribution in news:

* forward: ``Russia's defence ministry on Friday denied its aircraft had carried out ...``
  (speaker, verb, claim), including an apposition: ``Rahmi Dogan, the governor of ..., told ...``;
* trailing: ``"There is always room for dialogue," said Sergei Lavrov.`` or
  ``..., the ministry said in a statement.`` (claim first);
* ``..., according to a monitoring group``.

Speakers are normalised so that sources can be compared: a person becomes the
merged name ("Mr Dogan" -> "Rahmi Dogan"); a body becomes its country and role
("Russia's defense ministry", "the Russian defence ministry" -> Russia, defence
ministry); "the ministry", "it" and "he" are taken to be the latest matching
speaker. Each speaker belongs to a *party* (its country, organisation, or
itself), so that "Turkey blames ..." and "Russia denies ..." can be set
against each other by :mod:`newsbrief.facts.crosscheck`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsbrief.facts.read.entities import Entity, Gazetteer, fold
from newsbrief.facts.read.units import Unit
from newsbrief.lang.en import STOP_WORDS, WEEKDAYS
from newsbrief.lang.en.attribution import (
    AGENCY_VERBS,
    BODY_WORDS,
    CLAUSE_SUBJECT,
    DENIAL_VERBS,
    GENERIC_BODIES,
    INFINITIVE_NOT_SAID,
    INVERTED_VERBS,
    LISTENER,
    NOT_IN_SPEAKER,
    PAST_FORMS,
    PREPOSITIONS,
    REPORTING_VERBS,
    ROLE_WORDS,
    SELF_CLAIM,
    SPEAKER_PRONOUNS,
    SPELLINGS,
    TITLE_WORDS,
)
from newsbrief.lang.en.linking import CONNECTIVES, DROPPABLE_OPENING
from newsbrief.lang.en.names import COMMON_CAPITALISED
from newsbrief.lang.en.quotes import (
    CLOSING_CHARACTERS,
    CLOSINGS,
    DOUBLE_CHARACTERS,
    OPENING_CHARACTERS,
    OPENING_QUOTES,
    OPENINGS,
    QUOTE_CHARACTERS,
    QUOTE_MARK,
    SINGLE_QUOTES,
)
from newsbrief.model import Span, squash

_VERB = re.compile(rf"(?<![\w-])(?:(?:has|have|had|also|later|again|swiftly|quickly)\s+)*(?P<verb>{REPORTING_VERBS})\b"
                   r"|\b(?:was|were) quoted as (?P<quoted>saying)\b|\baccording to\b")
"""A reporting verb, not the end of a compound ("a script he co-wrote": writing, not saying)."""
_TOLD_THAT = re.compile(r"\s+[^,.;]{1,60}?\s+that\s+")
_CLOSING_STRIP, _OPENING_STRIP = "".join(CLOSINGS), "".join(OPENINGS)
"""The characters of every closing (opening) mark, "''" and "``" among them, to strip from a quotation's end
(start)."""
_TOLD = re.compile(rf"\s+{LISTENER}(?=\s+{CLAUSE_SUBJECT}\b)")
"""Whom a speaker told, before what was told: "told Kreiss that ...", and without "that", "told reporters he
would resign", "told the Associated Press she had seen him": the listener is not part of the claim."""
_AGENCY = re.compile(
    r"\b(?:responsib(?:le|ility) for|(?:is|are|was|were|not|claimed|denied) responsib\w*|blam\w*|accus\w*|"
    r"carried out|behind (?:the|it|this)|involvement in|involved in|caus(?:e|ed|ing)|fault|perpetrat\w*|culprit|"
    r"started (?:the|by)|set off)\b"
    r"|\b(?:killed|martyred|hit|struck|attacked|bombed|targeted|shelled)\b[^.;]{0,70}?\bby\s+(?:the\s+)?\S",
    re.I,
)
_SELF_CLAIM = re.compile(SELF_CLAIM, re.I)
_HABIT = re.compile(r"\b(?:normally|usually|often|typically|always|generally|routinely)\s+claims?\b", re.I)
_SENTENCE_END = re.compile(r"\s*[.!?]")
_SUBORDINATE = re.compile(
    rf"\s*[{OPENING_CHARACTERS}]?(?:although|though|while|whereas|even though|after|because|since|as|if|when)\b", re.I)
_STRONG = re.compile(r"\b(?:blam\w*|accus\w*|carried out by|responsible for|to blame|behind the|caused by)\b", re.I)
_PHRASE_MARKS = DOUBLE_CHARACTERS + SINGLE_QUOTES
"""Marks stripped from a speaker phrase: every one but the backtick, as "``They say ..." (a tokenized copy's
opening mark) is inside a quotation and no speaker, where stripping it would read "They" as one."""
_LEADING = re.compile(rf"^(?:[{_PHRASE_MARKS}]|\s|but|and|however|meanwhile|also|still|yet|so|"
                      r"instead|though|although|while|as|if|when|because|since)+\b\s*", re.I)
_TRAILING = re.compile(
    r"(?:\s+(?:on|in|at|during|late|early|this|last)\b[^,]{0,30}|\s+(?:has|have|had|also|later|again|"
    r"\w+ly|himself|herself|itself|themselves|,?\s*in a statement,?))+$", re.I)
_CONTEXT_BREAK = re.compile(rf"[,;.{DOUBLE_CHARACTERS}]")
_APPOSITION = re.compile(r",([^,]{3,80}),")
_DENIED_SAYING = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+\s+(?:or|nor)\s+)?$", re.I)
"""A saying verb denied ("has not said"), or the second of two ("has not confirmed or denied reports")."""
_PASSIVE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|get|gets|got)|\w[’'](?:re|m))\s+$", re.I)
"""Before a reporting verb, the passive: "it was claimed", and as spoken, "we're told", "I'm told" (the
writer was told; who told is not said)."""
_QUOTE_CLOSED = re.compile(rf"(?:,\s*[{CLOSING_CHARACTERS}’']|[{CLOSING_CHARACTERS}’']\s*,)\s*$")
"""A quotation closed with its comma right before a reporting verb: what was said, whatever its length."""
_PARTICLE = re.compile(r"(?:al|el|bin|ibn|de|da|di|van|von|der|le|la)(?:-[A-Z][\w’'-]*)?")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")
_OPENING = re.compile(rf"\s*(?:(?:on\s+)?(?:{'|'.join(WEEKDAYS)}|yesterday|today|tonight|later)\b\s*)?"
                      r"(?:that\s+)?")
"""What opens a claim after its verb but is not said: "that", and when it was said ("said Tuesday it ...")."""
_ADJECTIVE = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|my)|['’]s)\s+$", re.I)
"""What comes before a reporting verb used as an adjective: "the alleged shooter", "police's claimed source"."""
_PRONOUN_REACH = 3
"""Sentences back a pronoun speaker is looked for among those who spoke (see ``_Speakers._pronoun``)."""
_QUOTE_REACH = 2
"""Sentences before or after a claim's own that a quotation it holds may run over: beyond, the quotation is
left unplaced (a mark lost, a quotation over several paragraphs) and the claim out."""
_ASIDE = re.compile(r"\s*,\s*(?:(?P<participle>adding|saying|noting|explaining|insisting|stressing)\b(?:\s+that\b)?\s*)?")
"""A comma right after a reporting verb: the speaker is set off inside the sentence ("The jurors, he added,
“were ...”"), or a participle brings what was said ("said, adding that ...")."""
_WRITER_GOES_ON = re.compile(r"(?:and|but|or|while|though|although|as|\w+ing)\b", re.I)
"""What opens the writer's own words after a speaker set off by commas: a conjunction, or a participle
("..., Peres said, urging both sides to ...")."""
_NEW_QUOTE = re.compile(rf"(?:{'|'.join(map(re.escape, OPENINGS))})\s*[A-Z]")
"""A quotation that opens a sentence of its own ("Asked if ..., Netanyahu said, ``Every Israeli ...''"):
what comes before the speaker is the writer's framing, and the claim is the quotation."""
_CONJOINED = re.compile(r"\b(?:a|an)\s+[\w-]+,?\s+(?:and|but|or|yet)\s+$", re.I)
"""An indefinite article, a word and a conjunction right before a reporting verb: the verb is an adjective beside
another ("an uncredited but acknowledged polish"), not a speech act, and has no apposition before it as its
speaker."""
_TO_DO = re.compile(rf"\s+to\s+(?!have\b)(?!(?![a-z]+ss\b){LISTENER}\b)[a-z]")
"""An infinitive after the verb: "claims to be ...", what someone holds of themself, not a statement reported.
"Claimed to have fired 40 rockets" reports a deed, and "claimed to reporters that ..." names a listener ("to
possess" is a verb, not a plural listener): both are claims."""
_MAX_SPEAKER_WORDS = 9
_CLAUSE_BREAK = re.compile(rf"[,;:{DOUBLE_CHARACTERS}]|\s(?:and|but|while|as|after|when|because|which|who|that)\s")
"""Where the clause of a speaker before its verb begins: the speaker is the last piece."""
_CLOSED_BEFORE = re.compile(rf"[,{CLOSING_CHARACTERS}’]\s*$")
"""A comma or closing mark right before an inverted verb: what was said came first ("..., ” said X")."""
_NO_SURNAME = ROLE_WORDS | BODY_WORDS
"""One-word speakers that are roles or bodies, never a person's last name ("Police said")."""
_NO_FIRST_NAME = TITLE_WORDS | STOP_WORDS | CONNECTIVES
"""Capitalised words before a surname that are no first name ("Yet Reciprocal", "New Baltimore Police")."""
_LONG_TAIL = 14
_CLAUSE_END = re.compile(r",\s+(?:while|whereas|but)\s|;\s")
_TAIL_START = re.compile(r"\s*,?\s*(?:in|on|at|during|to|from|after|before|via|through|by|late|earlier|later|this|"
                         r"last|while|when|as)\b", re.I)


@dataclass(frozen=True)
class Speaker:
    """Who made a claim: as shown, a key comparing speakers, and the party they speak for."""

    shown: str
    key: str
    party: str
    person: bool


@dataclass(frozen=True, kw_only=True)
class Claim(Span):
    """An attributed statement; ``start``/``end`` span speaker, verb and content in the article."""

    position: int
    speaker: Speaker
    verb: str
    content: str
    headline: bool = False
    sentence: str = ""
    """The whole sentence it was read from, as written (whitespace tidied)."""
    trailing: bool = False
    """Whether what was said comes first and the speaker after it ("..., the ministry said.")."""

    @property
    def agency(self) -> bool:
        """Whether the claim is about who did it or is to blame."""
        return self.verb in AGENCY_VERBS or bool(_AGENCY.search(self.content))

    @property
    def claimant(self) -> bool:
        """Whether the speaker claims the act for itself ("claimed responsibility", "said it carried out")."""
        return self.verb in ("claimed", "said", "announced", "confirmed", "admitted") and bool(
            _SELF_CLAIM.search(self.content)) and not _HABIT.search(self.sentence)

    @property
    def denial(self) -> bool:
        """Whether the speaker denies (an account set against another's in agency disputes)."""
        return self.verb in DENIAL_VERBS

    @property
    def strength(self) -> int:
        """How explicitly it is about agency: a blaming verb 3, a strong phrase 2, any cue 1, none 0."""
        if self.verb in AGENCY_VERBS:
            return 3
        if _STRONG.search(self.content):
            return 2
        return int(self.agency)


@dataclass(frozen=True)
class Attribution:
    """A claim as found, before its speaker phrase is normalised."""

    unit: Unit
    start: int
    end: int
    phrase: str
    apposition: str
    verb: str
    content: str
    trailing: bool = False
    """Whether what was said comes before its speaker in the sentence."""


def _verb_name(match: re.Match[str]) -> str:
    if match.group("quoted"):
        return "said"
    if match.group("verb") is None:
        return "according to"
    verb = match.group("verb").lower()
    return PAST_FORMS.get(verb, verb)


def _clean_phrase(phrase: str) -> str:
    phrase = _LEADING.sub("", phrase.strip(" ,")).strip(" ," + _PHRASE_MARKS)
    return _TRAILING.sub("", phrase).strip(" ,")


def _plausible(phrase: str) -> bool:
    """A speaker is short, has no numbers or finite verbs, and is a name, a pronoun or a role."""
    words = phrase.split()
    if not words or len(words) > _MAX_SPEAKER_WORDS or re.search(r"\d|[;:()]", phrase):
        return False
    lower = [fold(w).strip("’'") for w in words]
    if lower[0] in SPEAKER_PRONOUNS and (len(words) == 1 or lower[1] in ("and", "also")):
        return True
    if set(lower) & NOT_IN_SPEAKER or lower[0] in PREPOSITIONS:
        return False
    named = [w for w, low in zip(words, lower) if low not in ("the", "a", "an")]
    return any(w[0].isupper() for w in named) or lower[-1] in ROLE_WORDS


def _forward(unit: Unit, match: re.Match[str]) -> Attribution | None:
    """Speaker before the verb (maybe with an apposition), claim after it."""
    text = unit.text
    before = text[:match.start()]
    if _PASSIVE.search(before) or _DENIED_SAYING.search(before) or _QUOTE_CLOSED.search(before):
        return None  # "it was claimed", "has not confirmed or denied reports that ...": nobody said it; "“I'm
        # flabbergasted,” said X": the words before are what was said, not who said it
    clause = _CLAUSE_BREAK.split(before)
    phrase, apposition = clause[-1], ""
    if not phrase.strip() and _CONJOINED.search(before):
        return None  # "with an uncredited but acknowledged polish by ...": an adjective, not a speech act
    if not phrase.strip() and len(clause) >= 3:
        phrase, apposition = clause[-3], clause[-2]
        if _FINITE.search(apposition):
            return None  # "..., Md., was indicted on two counts, said ...": a clause, not an apposition
    phrase = _clean_phrase(phrase)
    if not _plausible(phrase):
        return None
    content_start = match.end()
    rest = text[content_start:]
    if _SENTENCE_END.match(rest) or (match.group("verb") or "").lower() in INFINITIVE_NOT_SAID and _TO_DO.match(rest):
        return None  # "..., Woody Enderson said. ``The search ...'': the claim was before the verb
    start = max(before.rfind(phrase), 0)
    aside = _ASIDE.match(rest)
    if aside and not aside.group("participle") and before[:start].strip(" ,") and not _NEW_QUOTE.match(
            rest, aside.end()):
        return _parenthetical(unit, match, before[:start], rest[aside.end():], phrase, apposition)
    told = (_TOLD_THAT.match(rest) or _TOLD.match(rest)) if match.group("verb") in ("told", "tells") else None
    skip = aside or told or _OPENING.match(rest)
    stop = _SENTENCE_END.match(rest, skip.end())
    if stop:  # "..., a spokesman said Wednesday. ``This is ...'': the claim was before the speaker
        content = squash(before[:start]).strip(" ," + QUOTE_CHARACTERS).rstrip(".")
        if len(content.split()) < 3:
            return None
        return Attribution(unit, 0, content_start + stop.end(), phrase, apposition, _verb_name(match), content,
                           trailing=True)
    content = squash(_CLAUSE_END.split(rest[skip.end():])[0]).rstrip(".").lstrip(":; ")
    if _SUBORDINATE.match(text):  # "Although X claimed the bombing, Y later said ...": X's claim ends at the comma
        content = content.split(", ")[0]
    if len(content.split()) < 3 or (match.group("verb") in ("added", "adds") and content.startswith("to ")):
        return None
    return Attribution(unit, start, len(text.rstrip()), phrase, apposition, _verb_name(match), content)


def _parenthetical(unit: Unit, match: re.Match[str], said: str, rest: str, phrase: str,
                   apposition: str) -> Attribution | None:
    """A speaker set inside what was said, between commas: "The jurors, he added, “were properly
    instructed ...”", "“That,” he said, “includes me.”": the claim is the words either side, one quotation
    where both sides are quoted. What follows an "and" or "but" after the comma is the writer's own
    ("“..., ” Obama said, and I hope he included himself"): the claim is then the words before alone."""
    said = squash(said).rstrip(" ,")
    rest = squash(rest).rstrip(".")
    if not rest or _WRITER_GOES_ON.match(rest):
        content = said
    elif said.startswith(OPENINGS) and said.endswith(CLOSINGS) and rest.startswith(OPENINGS):  # one quotation
        content = " ".join((said.rstrip(_CLOSING_STRIP).rstrip(","), rest.lstrip(_OPENING_STRIP)))
    else:
        content = f"{said} {rest}"
    content = content.strip(" ," + QUOTE_CHARACTERS).rstrip(".")
    if len(content.split()) < 3:
        return None
    return Attribution(unit, 0, len(unit.text.rstrip()), phrase, apposition, _verb_name(match), content)


def _trailing(unit: Unit, match: re.Match[str]) -> Attribution | None:
    """Claim first: "..., X said (in a statement)." or "..., said X." or "..., according to X"."""
    text = unit.text
    before, rest = text[:match.start()], text[match.end():]
    if match.group("verb") is None and not match.group("quoted"):
        phrase, content = rest, before
    elif (_CLOSED_BEFORE.search(before) and len(rest.split()) <= _MAX_SPEAKER_WORDS
          and "that" not in rest and match.group("verb") in INVERTED_VERBS):
        phrase, content = rest, before
    else:
        tail = _is_tail(rest, match.group("verb") or "")
        cut = max(before.rfind(mark) for mark in f",{CLOSING_CHARACTERS}")
        if not tail or cut < 0:
            return None
        phrase, content = before[cut + 1:], before[:cut]
        if not phrase.strip() and content.count(",") >= 2:
            parts = content.rsplit(",", 2)
            return _with_apposition(unit, match, parts)
    phrase = _clean_phrase(re.split(r"[,;]", phrase)[0].rstrip(". "))
    content = squash(content).strip(" ,." + QUOTE_CHARACTERS).rstrip(".")
    if not _plausible(phrase) or len(content.split()) < 3:
        return None
    return Attribution(unit, 0, len(text.rstrip()), phrase, "", _verb_name(match), content, trailing=True)


def _is_tail(rest: str, verb: str) -> bool:
    """Whether what follows the verb only closes the sentence: "... X said in a statement." / "told Al Jazeera." """
    if len(rest.split()) > _LONG_TAIL or re.match(r"\s*that\b", rest):
        return False
    return bool(not rest.strip(" .!?" + CLOSING_CHARACTERS) or _TAIL_START.match(rest)
                or (verb in ("told", "tells") and len(rest.split()) <= 6))


def _with_apposition(unit: Unit, match: re.Match[str], parts: list[str]) -> Attribution | None:
    """ "..., Fahrettin Altun, the head of Turkey's presidential communications department, told Al Jazeera." """
    content, phrase, apposition = parts
    cut = max(content.rfind(mark) for mark in CLOSING_CHARACTERS)
    if cut >= 0 and not content[cut + 1:].strip():
        content = content[:cut]
    phrase = _clean_phrase(phrase)
    content = squash(content).strip(" ," + QUOTE_CHARACTERS).rstrip(".")
    if not _plausible(phrase) or len(content.split()) < 3:
        return None
    return Attribution(unit, 0, len(unit.text.rstrip()), phrase, apposition, _verb_name(match), content,
                       trailing=True)


def _raw_claims(unit: Unit) -> list[Attribution]:
    """Claims in one sentence; a verb inside an earlier claim's content starts no new claim."""
    found: list[Attribution] = []
    covered = -1
    for match in _VERB.finditer(unit.text):
        if match.start() < covered or _ADJECTIVE.search(unit.text, 0, match.start()):
            continue
        raw = _trailing(unit, match) or _forward(unit, match)
        if raw is not None:
            found.append(raw)
            covered = raw.end
    return found


class _Speakers:
    """Normalises speaker phrases within a cluster, remembering who spoke last in each article."""

    def __init__(self, gazetteer: Gazetteer, units: Sequence[Unit]) -> None:
        self.gazetteer = gazetteer
        self.units = units
        self.by_article: dict[str, list[Unit]] = {}
        """article -> its units in order."""
        for unit in units:
            self.by_article.setdefault(unit.article, []).append(unit)
        self.last: dict[str, list[tuple[int, Speaker]]] = {}
        """article -> its speakers so far, each with the position of the sentence it spoke in."""
        self.known: dict[str, Speaker] = {}
        self.titles: dict[str, list[str]] = {}

    def speaker(self, raw: Attribution) -> Speaker | None:
        """Who made ``raw``: a pronoun, "the ministry", "his spokesman" or a name resolved; None if unknown."""
        phrase = raw.phrase
        words = [fold(w).strip("’'") for w in phrase.split()]
        history = self.last.setdefault(raw.unit.article, [])
        if words[0] in SPEAKER_PRONOUNS:
            found = self._pronoun(words, history, phrase, raw.unit.position)
        elif words[0] == "the" and not any(w[0].isupper() for w in phrase.split()[1:]):
            found = (self._definite(words[-1], [s for _, s in history]) or self._recent_body(words[-1], raw.unit)
                     or self._body(phrase, raw.apposition))
        elif words[0] in ("his", "her", "its", "their"):
            found = self._owned(phrase, raw.unit)
        else:
            found = self._named(phrase, raw.apposition, raw.unit)
        if found is not None:
            history.append((raw.unit.position, found))
            self.known.setdefault(found.key, found)
        return found

    def _pronoun(self, words: list[str], history: list[tuple[int, Speaker]], phrase: str,
                 position: int) -> Speaker | None:
        """The speaker a pronoun stands for: the latest of its kind that spoke at most ``_PRONOUN_REACH``
        sentences before. Further back, a person named since but not quoted is likelier meant ("Nancy Ruth,
        a senator, has long advocated a change. “...,” she said."), and nobody is a better answer than the
        last person quoted paragraphs before."""
        rest = " ".join(phrase.split()[1:])
        nation = self.gazetteer.nation(rest) if rest else None
        if nation:
            return self._nation_speaker(nation, rest)
        want = SPEAKER_PRONOUNS[words[0]]
        if want == "writer":
            return None  # "I wrote earlier this week ...": the writer, never the last person quoted
        for at, prior in reversed(history):
            if position - at > _PRONOUN_REACH:
                return None
            if want == "any" or prior.person == (want == "person"):
                return prior
        return None

    def _definite(self, head: str, history: list[Speaker]) -> Speaker | None:
        """ "the ministry": the latest speaker of this article whose role ends so, else the one country's
        body of the cluster that does."""
        head = SPELLINGS.get(head, head)
        for prior in reversed(history):
            if not prior.person and prior.key.split(":")[-1].endswith(head):
                return prior
        bodies = {p.key: p for p in self.known.values()
                  if not p.person and p.key.split(":")[-1].endswith(head) and not p.key.startswith(("role:", "org:"))}
        if len(bodies) == 1 and head in BODY_WORDS:
            return next(iter(bodies.values()))
        if head in GENERIC_BODIES:
            return next((p for p in reversed(history) if p.key.startswith("org:")), None)
        return None

    def _lately(self, unit: Unit, kinds: tuple[str, ...]) -> Entity | None:
        """The entity of one of ``kinds`` named last in this sentence or the one before it."""
        earlier = [u for u in self.by_article[unit.article] if u.position <= unit.position][-2:]
        for prior in reversed(earlier):
            named = [e for e in self.gazetteer.entities_in(prior.text) if e.kind in kinds]
            if named:
                return named[-1]
        return None

    def _recent_body(self, head: str, unit: Unit) -> Speaker | None:
        """ "the company": the organisation named just before."""
        entity = self._lately(unit, ("organisation",)) if head in GENERIC_BODIES else None
        if entity is None:
            return None
        return Speaker(entity.name, f"org:{entity.name}", _entity_party(entity, self.gazetteer), False)

    def _owned(self, phrase: str, unit: Unit) -> Speaker | None:
        """ "his top spokesman": the role of the person or country named just before, in the same article."""
        owner = self._lately(unit, ("person",)) or self._lately(unit, ("place", "organisation"))
        if owner is None:
            return None
        party = (self._affiliation(owner.name, "", unit) if owner.kind == "person"
                 else _entity_party(owner, self.gazetteer))
        role = _role(phrase)
        return Speaker(f"{owner.name}’s {role}", f"{party}:{role}", party, False)

    def _named(self, phrase: str, apposition: str, unit: Unit) -> Speaker:
        if _person_name(apposition, self.gazetteer) and not _person_name(phrase, self.gazetteer):
            phrase, apposition = _clean_phrase(apposition), phrase
        entity = self.gazetteer.entity(phrase)
        if entity is not None and entity.kind != "person":
            return self._body(phrase, apposition)
        name = entity.name if entity is not None else (_person_name(phrase, self.gazetteer)
                                                       or self._surname(phrase, unit))
        if name:
            return Speaker(name, f"person:{name}", self._affiliation(name, apposition, unit), True)
        return self._body(phrase, apposition)

    def _body(self, phrase: str, apposition: str) -> Speaker:
        entity = self.gazetteer.entity(phrase)
        nation = self.gazetteer.nation(phrase)
        if entity is not None and entity.kind == "organisation" and (nation is None or _names_nation(entity.name,
                                                                                                       self.gazetteer)):
            return Speaker(entity.name, f"org:{entity.name}", f"org:{entity.name}", False)  # "Islamic Jihad"
        if nation:
            return self._nation_speaker(nation, phrase)
        role = _role(phrase)
        return Speaker(_shown(phrase), f"role:{role}", f"role:{role}", False)

    def _surname(self, phrase: str, unit: Unit) -> str | None:
        """A one-word speaker no name of the cluster holds, whom the article writes elsewhere as the last word
        of a person's name ("Regenhard said she ...", after "said Sally Regenhard, whose son ..."): that person,
        in full. Without it the speaker would be a role, and the "she" who speaks next someone else."""
        word = phrase.strip(" ,.")
        if not word.istitle() or not word.isalpha() or fold(word) in _NO_SURNAME or self.gazetteer.nation(word):
            return None  # "Police said": a body, whatever the article calls its police elsewhere
        named = _named_before(word)
        for other in self.by_article[unit.article]:
            for match in named.finditer(other.text):
                if not any(w in COMMON_CAPITALISED or fold(w) in _NO_FIRST_NAME for w in match.group(1).split()):
                    return match.group(0)
        return None

    def _nation_speaker(self, nation: str, phrase: str) -> Speaker:
        role = _role(phrase, self.gazetteer)
        shown = _shown(phrase) if role else self.gazetteer.nation_name(nation)
        return Speaker(shown, f"{nation}:{role}", nation, False)

    def _affiliation(self, name: str, apposition: str, unit: Unit) -> str:
        """The party a person speaks for: a country or body named in their title or apposition."""
        if name not in self.titles:
            self.titles[name] = _titles(name, self.units)
        for context in (apposition, *self.titles[name]):
            nation = self.gazetteer.nation(context)
            if nation:
                return nation
            entity = self.gazetteer.entity(context)
            if entity is not None and entity.kind == "organisation":
                return f"org:{entity.name}"
            for word in reversed([fold(w) for w in context.split()]):
                body = (self._definite(word, []) or self._recent_body(word, unit)) if word in BODY_WORDS else None
                if body is not None:
                    return body.party
        return f"person:{name}"


@lru_cache(maxsize=1024)
def _named_before(word: str) -> re.Pattern[str]:
    """``word`` after one or two capitalised words: a full name of which it is the last word."""
    return re.compile(rf"\b((?:[A-Z][a-z]+ ){{1,2}}){word}\b")


def _names_nation(name: str, gazetteer: Gazetteer) -> bool:
    """Whether an organisation's own name holds a nation word ("Islamic Jihad", "Turkish Airlines"): then it is
    the organisation that speaks, not the nation."""
    return bool(gazetteer.nations_in(name))


def _entity_party(entity: Entity, gazetteer: Gazetteer) -> str:
    """The party of a named country or body."""
    return gazetteer.nation(entity.name) or f"org:{entity.name}"


def _person_name(phrase: str, gazetteer: Gazetteer) -> str | None:
    """The capitalised words after any title: "Russian Foreign Minister Sergei Lavrov" -> "Sergei Lavrov"."""
    words = phrase.replace("’s", "").replace("'s", "").split()
    tail: list[str] = []
    for word in reversed(words):
        particle = _PARTICLE.fullmatch(word)
        if not (word[0].isupper() or particle) or fold(word) in TITLE_WORDS or gazetteer.nation(word):
            break
        tail.insert(0, word)
    if len(tail) < 2 or len(tail) > 4:
        return None
    return " ".join(w.strip(",.") for w in tail)


def _titles(name: str, units: Sequence[Unit]) -> list[str]:
    """Phrases next to a name anywhere in the cluster: the title before it and an apposition after it."""
    out = []
    for unit in units:
        at = unit.text.find(name)
        while at >= 0:
            before = " ".join(_CONTEXT_BREAK.split(unit.text[max(0, at - 60):at])[-1].split()[-5:])
            after = unit.text[at + len(name):at + len(name) + 82]
            apposition = _APPOSITION.match(after)
            out += [before, apposition.group(1) if apposition else ""]
            at = unit.text.find(name, at + len(name))
    return [t for t in out if t.strip()]


def _role(phrase: str, gazetteer: Gazetteer | None = None) -> str:
    """The role words of a speaker phrase, folded: "Russia's defense ministry" -> "defence ministry"."""
    words = []
    for word in re.split(r"\s+", phrase):
        low = fold(word).strip("’',.").removesuffix("’s").removesuffix("'s")
        if not low or low in ("the", "a", "an", "its", "his", "her", "their") or (gazetteer and gazetteer.nation(word)):
            continue
        words.append(SPELLINGS.get(low, low))
    return " ".join(words)


def _shown(phrase: str) -> str:
    """A speaker phrase as shown: without a leading article."""
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)


def attributions(units: Sequence[Unit]) -> list[Attribution]:
    """Every attribution in ``units`` (in order), speakers not yet normalised."""
    return [raw for unit in units for raw in _raw_claims(unit)]


def people(found: Sequence[Attribution], gazetteer: Gazetteer) -> list[str]:
    """Names of the people who speak, for the gazetteer: a claim is where news names people past its lead."""
    names = []
    for raw in found:
        for phrase in (raw.phrase, raw.apposition):
            name = _person_name(_clean_phrase(phrase), gazetteer) if phrase else None
            if name and gazetteer.known_kind(name) in (None, "person"):
                names.append(name)
    return names


def read(found: Sequence[Attribution], units: Sequence[Unit], gazetteer: Gazetteer,
         texts: Mapping[str, str]) -> list[Claim]:
    """The claims of ``found`` attributions with normalised speakers; ``units``: all units of the cluster;
    ``texts``: each article's text. A claim whose sentence leaves a quotation open or closes one opened
    before takes the sentences the quotation runs over (:func:`_quoted`); one whose quotation cannot be
    found whole is left out: its words could not be copied as said."""
    speakers = _Speakers(gazetteer, units)
    marks: dict[str, list[tuple[int | None, int | None]]] = {}
    by_article: dict[str, list[Unit]] = {}
    for unit in units:
        by_article.setdefault(unit.article, []).append(unit)
    claims = []
    for raw in found:
        speaker = speakers.speaker(raw)
        if speaker is None:
            continue
        unit = raw.unit
        start = max(raw.start, unit.lead - unit.start)  # never from a dateline ("RENTERIA, Spain (AP) _")
        content = raw.content.removeprefix(squash(unit.text[:start]).strip(" ," + QUOTE_CHARACTERS)).strip() if (
            start > raw.start) else raw.content
        content = DROPPABLE_OPENING.sub("", content, count=1)  # "Kremlin said: both ...", not "said But both ..."
        claim = Claim(unit.article, unit.start + start, unit.start + raw.end, squash(unit.text[start:raw.end]),
                      position=unit.position, speaker=speaker, verb=raw.verb, content=content,
                      headline=unit.sentence is None, sentence=unit.told, trailing=raw.trailing)
        if unit.article not in marks:
            marks[unit.article] = _quotations(texts[unit.article])
        whole = _quoted(claim, unit, by_article[unit.article], texts[unit.article], marks[unit.article])
        if whole is not None:
            claims.append(whole)
    return _canonical_speakers(claims)


def _quoted(claim: Claim, unit: Unit, article: Sequence[Unit], text: str,
            quotations: Sequence[tuple[int | None, int | None]]) -> Claim | None:
    """``claim`` with the sentences its quotations run over, when its sentence closes a quotation opened in
    the ``_QUOTE_REACH`` sentences before ("“The U.N. ... He also urged calm,” Dujarric said.") or opens
    one closed in those after ("Mr. Obama said: “The judge ... manner. The prosecution ... arguments.”"):
    one claim span over them, so that the quotation is shown whole. None when the other end is not there
    (a mark lost in scraping, a quotation over more sentences or paragraphs): the words shown would start
    or stop inside what was said, and could not be copied as said. ``quotations``: the article's
    (:func:`_quotations`)."""
    at = article.index(unit)
    start, end = _own(unit, text, quotations)
    first = last = at
    begin, finish = start, end
    for opened, closed in quotations:
        mark = closed - 1 if closed is not None else None  # where the closing mark is
        if not any(x is not None and start <= x < end for x in (opened, mark)):
            continue
        if opened is None or mark is None:
            return None
        if opened < start:
            first = _holding(article, opened)
            own = _own(article[first], text, quotations)
            begin = min(begin, opened if opened >= own[1] else own[0])  # a mark glued to its end opens ours
        if mark >= end:
            last = _holding(article, mark)
            finish = max(finish, _own(article[last], text, quotations)[1])
    if first == last == at and (start, end) == (unit.lead or unit.start, unit.start + len(unit.text.rstrip())):
        return claim
    if at - first > _QUOTE_REACH or last - at > _QUOTE_REACH or any(
            text[a.end:b.start].strip() for a, b in zip(article[first:last], article[first + 1:last + 1])):
        return None
    content = claim.content
    if claim.trailing and first < at:  # what was said begins in the sentences before, at its opening mark
        content = " ".join([text[min(o for o, _ in quotations if o is not None and o >= begin):claim.start],
                            content])
    elif not claim.trailing and last > at:  # and goes on into the sentences after
        told = squash(text[claim.start:finish])
        content = told[told.find(content):] if content in told else content
    sentence = squash(text[begin if first < at else start:finish])
    begin = begin if first < at or claim.start <= start + 1 else claim.start
    return replace(claim, start=begin, end=finish if last > at else min(claim.end, finish),
                   text=squash(text[begin:finish if last > at else min(claim.end, finish)]),
                   content=squash(content).strip(" ," + QUOTE_CHARACTERS).rstrip("."), sentence=sentence)


def _holding(article: Sequence[Unit], at: int) -> int:
    """The index of the sentence of ``article`` that holds offset ``at`` (or the last before it)."""
    return max(i for i, u in enumerate(article) if u.start <= at)


def _own(unit: Unit, text: str, quotations: Sequence[tuple[int | None, int | None]]) -> tuple[int, int]:
    """Where a sentence lies in its article's ``text`` with its own quotation marks: past its dateline, with
    an opening mark glued to its start that the segmenter left at the end of the sentence before ("...
    wounded.”On 27 February, ...": the mark opens "On 27 February"), without one glued to its own end."""
    start = unit.lead or unit.start
    end = unit.start + len(unit.text.rstrip())
    opens = {o for o, _ in quotations}
    if start - 1 in opens:
        start -= 1
    if end - 1 in opens and end - 1 > start:
        end -= 1
    return start, end


def _quotations(text: str) -> list[tuple[int | None, int | None]]:
    """Every quotation of ``text``: (where its opening mark is, where its closing mark ends), None for an
    end that is not there. Read in order: a mark closes the quotation that is open; with none open, an
    opening mark (“, ``) opens one, and so does any mark glued to the word after it (scraped text often has
    ” or " there), while a mark that ends a word closes nothing (its opening was lost)."""
    out: list[tuple[int | None, int | None]] = []
    opened: int | None = None
    for match in QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        glued = text[match.end():match.end() + 1].isalnum() and (at == 0 or not text[at - 1].isalnum())
        if mark in OPENING_QUOTES:
            if opened is not None:
                out.append((opened, None))
            opened = at
        elif opened is not None:
            out.append((opened, match.end()))
            opened = None
        elif glued:
            opened = at
        else:
            out.append((None, match.end()))
    if opened is not None:
        out.append((opened, None))
    return out


def _canonical_speakers(claims: list[Claim]) -> list[Claim]:
    """One key per speaker: a role inside a longer role of the same party ("ministry" in "defence ministry")."""
    keys = {c.speaker.key: c.speaker for c in claims}
    better: dict[str, Speaker] = {}
    for key, speaker in keys.items():
        party, _, role = key.partition(":")
        longer = [s for k, s in keys.items() if k != key and k.startswith(party + ":")
                  and role and set(role.split()) < set(k.partition(":")[2].split())]
        if len(longer) == 1 and not speaker.person:
            better[key] = longer[0]
    return [replace(c, speaker=better.get(c.speaker.key, c.speaker)) for c in claims]
