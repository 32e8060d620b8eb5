"""What a number counts and what happened to it, from the sentence's dependency parse.

spaCy's parser (in the same pipeline as NER, :func:`newsbrief.facts.read.ner.model`)
reads only the sentences that hold a number worth reading (:func:`parse`), so its
cost follows the numbers, not the text. For each number, :func:`counted` walks the
tree:

* **what is counted**: the noun the number modifies ("33 soldiers"), or the noun of
  its "of" phrase ("33 of its troops"), with the words before the noun that narrow
  it ("Turkish", "Western"); a number standing alone ("seven injured", "17 in a
  second one") leaves the noun open, for the sentence's earlier count to fill;
* **what happened to it**: the verb it is the object of ("wounded 21 Israelis"),
  the passive it is the subject of ("were killed"), an intransitive verb it is the
  subject of ("21 people died"), an outcome word inside its own phrase ("two wounded
  journalists", "231 people dead"), or, behind a light verb ("were reported killed",
  "left 12 dead", "forced 2,000 people to flee"), the complement's verb. The subject
  of an active verb with an object did it, and nothing happened to it ("two
  assailants killed 21 Israelis": the assailants are the *agent*), unless what they
  did sizes the event ("350 people attended the service", "200 agents were on the
  ground, searching"); an incident counted ("six bombings") takes its verb
  ("charged"); a verb is read with the words that complete it after its object ("set
  60 homes on fire");
* **how it is said**: negated ("no one was killed"), possible or expected ("could
  have killed 100", "are forecast"), an addition ("two more"), the year its clause
  names ("In 1974, Hurricane Fifi killed 2,000"), so that another incident's figure is
  not taken for this one's, and several incidents as its subject ("the attacks killed
  two"): a total, not one incident's toll.

A measure ("180 mph", "13 inches", "$300,000") is told apart from a count by its
unit word; what it measures is the noun of its "of" phrase ("13 inches of snow") or
the noun it hangs from ("winds of 180 mph"). An amount of money is what it counts ("a
$1 million reward", "a one million U.S. dollars reward"), its "in" phrase ("$5
billion in damage"; never a form of money, "$500 in cash"), or the noun a light verb
gives it to ("costs totaling $287,402", "the reward has grown to dlrs 1 million").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsbrief.facts.read.ner import model
from newsbrief.facts.settings import DEFAULT, Settings
from newsbrief.lang.en import CALENDAR_WORDS, WEEKDAYS
from newsbrief.lang.en.events import (
    ABOARD,
    EFFORTS,
    HYPOTHETICAL,
    IMPACTS,
    IRREGULAR_PARTICIPLES,
    INCIDENTS,
    LIGHT_VERBS,
    NEGATIONS,
    OUTCOME_NOUNS,
    OUTCOMES,
    MASS_SCENES,
    SCENE_PREPOSITIONS,
    SCENES,
    SERIES_NOUNS,
    TOLD_BY_VERB,
    TOLL_NOUNS,
    TOLL_OF_THE_DEAD,
    TOTALS,
    is_harm,
)
from newsbrief.lang.en.grammar import (
    ANY_SUBJECT_DEPS,
    COMPLEMENT_DEPS,
    DEFINITES,
    DETERMINERS,
    MODIFIER_DEPS,
    NOUN_SUBJECT_DEPS,
    ORIGIN_VERBS,
    NUMBER_DEPS,
    PATIENT_DEPS,
    PERIOD_STARTS,
    STAND_INS,
    POS_OF_TAG,
    POSSESSIVES,
    QUANTITY_FILLERS,
    SUBJECT_DEPS,
    PART_PREPOSITIONS,
    SCOPE_PREPOSITIONS,
    SUBSET_PRONOUNS,
    TIME_PREPOSITIONS,
    TRANSPARENT_NOUNS,
)
from newsbrief.lang.en.measures import CURRENCY_CODES, DISTANCE_ADVERBS, MONEY_FORMS, SPACING_NOUNS, UNIT_KIND
from newsbrief.lang.en.numbers import INCREMENTS, QUALIFIERS, SCALE_ABBREVIATIONS, SCALES
from newsbrief.lang.en.time_words import RUNNING_TOTALS, TIME_ZONES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Matched on lower-cased text, which is many times faster than re.IGNORECASE with this many alternatives.
_OUTCOME = re.compile("|".join(f"(?P<{k}>(?:{v})\\b)" for k, v in OUTCOMES.items()))
_LONGEST = 32
"""Characters enough for the longest way of saying what happened ("driven from their homes")."""
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_OWNER_END = re.compile(r"\s?,|\s(?:to|from|in|at|for|with|on|who|which|that)\s")
"""Where an "of" phrase stops saying whose ("of a delegate| to the talks")."""
_WORD_END = re.compile(r"\w*")
PERFECT = frozenset("have has 've".split())
SCALE_WORDS = frozenset((*SCALES, *SCALE_ABBREVIATIONS))
_PARSE_PIPES = ("ner", "attribute_ruler")
"""Pipes a parse leaves out: names are read elsewhere, where they are introduced, and the coarse part of
speech is read off the fine tag (:func:`_pos`), a fifth of the parse's time saved."""


@dataclass(frozen=True)
class Counted:
    """What the parse says about one number (see the module doc); offsets are into the parsed text."""

    noun: str | None = None
    modifiers: tuple[str, ...] = ()
    possessive: str | None = None
    owner: str | None = None
    """The "of" phrase after the noun ("of the Syrian army"): whose they are."""
    event: str | None = None
    event_at: int | None = None
    unit: str | None = None
    measured: str | None = None
    agent: bool = False
    negated: bool = False
    hypothetical: bool = False
    subset: bool = False
    elided: bool = False
    joined: bool = False
    """Standing alone, joined to the clause before it (see :func:`_joined`): it counts what the count before it did."""
    increment: bool = False
    year: int | None = None
    places: tuple[str, ...] = ()
    """Proper nouns of the places its clause names ("in the Idlib area", "across Syria")."""
    day: str | None = None
    """The weekday or date its clause names ("Monday", "March 8")."""
    part: bool = False
    """A part of the count before it ("including 64 who died at a checkpoint")."""
    perfect: bool = False
    """The clause is in the present perfect ("have been killed", "has risen to"): a running total."""
    end: int = 0
    verb: int | None = None
    """Offset of the governing verb, so that numbers of one clause can share what happened to them."""
    clause: int | None = None
    """Offset of the first verb of its chain of coordinated verbs ("were killed and seven injured"): a number
    standing alone takes what is counted only from a count of the same chain."""
    cause: str | None = None
    """The incidents that did it, when they are several ("the attacks killed two", "injured in those
    explosions"): a total over incidents, not one incident's count."""
    named: tuple[str, ...] = ()
    """Capitalised words that make the number part of a name, not a count: a number above one before a singular
    noun with a proper noun in between or as that noun ("the 8 Block crew", "a .357 Magnum handgun", "Eminem's
    8 Mile"); empty for a count ("two Kraft workers", "12 Thai crew", whose nation the reader checks)."""
    scene: str | None = None
    """The incident it belongs to, and where, as the sentence names them ("in two car bombings", "in a bomb
    in Bilbao", "in Bilbao"): what tells it from another incident's count over a long story. None for a
    measure, an amount, or a count of incidents ("charged in six bombings")."""


def parse(texts: Sequence[str], settings: Settings = DEFAULT) -> list[Doc]:
    """The dependency parse of each text (one batched spaCy call; NER and the tag-to-POS rules left out)."""
    if not texts:
        return []
    docs = list(model().pipe(texts, batch_size=settings.batch, disable=list(_PARSE_PIPES)))
    for doc, text in zip(docs, texts):
        doc.user_data["text"] = text
    return docs


def _text(doc: Doc) -> str:
    """The parsed text (kept with the parse: spaCy rebuilds ``doc.text`` from every token on each call)."""
    return doc.user_data.get("text") or doc.text


def _pos(token: Token) -> str:
    """The coarse part of speech of a token, from its fine tag (the tag-to-POS rules are not run)."""
    return next((pos for prefix, pos in POS_OF_TAG if token.tag_.startswith(prefix)), token.tag_)


def counted(doc: Doc, start: int, end: int, scenes: bool = True) -> Counted:
    """What the number at ``doc.text[start:end]`` counts and what happened to it; ``scenes``: whether to
    read the incident it belongs to as well (only a story over several days shows it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Counted(end=end)
    number = _root(span)
    holder, noun, possessive, subset = _noun(number, span)
    if subset:
        return Counted(subset=True, end=end)
    increment = noun is not None and noun.lower_ in INCREMENTS
    if noun is not None and (increment or noun.lower_ in STAND_INS):
        noun = None  # "65 more were killed", "injured 100 others": the noun is the earlier count's
    unit = UNIT_KIND.get(noun.lower_) if noun is not None else None
    if noun is not None and _spacing(noun):
        unit = "distance"  # "arrested five buildings away", "three houses from the scene": where, not who
    if _currency(number, span) or (noun is not None and _in_money(noun)):
        unit = "money"
    event, event_token, verb, agent = _event(holder, noun)
    measured = _paid_for(span, noun) if unit == "money" else _measured(holder, noun) if unit else None
    if unit == "money" and event is None and verb is not None and IMPACTS.match(_participle(verb) or ""):
        event, event_token = _participle(verb), verb  # "were paid between $15 and $20 an hour"
    if event is None and noun is not None and INCIDENTS.fullmatch(noun.lower_) and verb is not None and (
            verb.lower_ not in LIGHT_VERBS) and not (agent or _acting(noun, verb)) and not (
            noun.dep_ == "pobj" and noun.head.lower_ in TIME_PREPOSITIONS):
        event, event_token = _participle(verb), verb  # "charged with six bombings", "three bombs went off"
    if event is None and noun is not None and noun.lower_ in ABOARD:
        event, event_token = "aboard", noun  # "disappeared with 239 passengers and crew aboard"
    clause = verb if verb is not None else holder
    if event_token is not None and event_token.dep_ == "acl" and event_token.head in (noun, holder):
        clause = event_token  # "silent Sunday on two Israelis arrested in Cyprus": the arrest's clause, not Sunday's
    scope = [number, *(t for t in (noun, event_token, clause) if t is not None)]
    scope += [c for c in clause.children if c.dep_ in ("advcl", "xcomp", "advmod")]
    if clause.dep_ in ("relcl", "acl"):
        scope.append(clause.head)  # "a pileup near Fort Dodge that killed two people": where the pileup was
    origin = _first_conjunct(clause).lower_ in ORIGIN_VERBS  # "12 are from Somalia": whence, not where
    own = _scope([t for t in (number, noun) if t is not None], origin)
    near = own if _places(own) else _scope(scope, origin)  # "15 killed in Idlib, nine in Aleppo": nine's own place
    last = max([span.end_char] + [_phrase_end(t) for t in (noun, event_token) if t is not None and t.i > number.i
                                  and t.i - number.i <= 8])
    return Counted(
        noun=noun.text if noun is not None else None,
        modifiers=tuple(_modifiers(noun, span)) if noun is not None else (),
        possessive=possessive, owner=_owner(noun) if noun is not None else None, event=event,
        event_at=event_token.idx if event_token is not None else None,
        unit=unit, measured=measured, agent=agent, negated=_negated(holder, noun, clause),
        hypothetical=_hypothetical(clause), elided=noun is None, joined=noun is None and _joined(number),
        increment=increment, year=_year(clause, span),
        places=_places(near), day=_day(near, scope), part=_part(number, noun),
        perfect=any(c.dep_ == "aux" and c.lower_ in PERFECT for c in clause.children) or _running(clause),
        end=last, verb=clause.idx, clause=_first_conjunct(clause).idx, cause=_cause(clause, noun),
        scene=None if not scenes or unit is not None or (noun is not None and _is_scene(noun))
        else _scene(clause, noun),
        named=_named(number, noun) if unit != "money" else (),
    )


def _spacing(noun: Token) -> bool:
    """Whether the counted noun says how far ("five buildings away", "three houses from the scene", "two
    blocks apart"): the word after it makes it a distance, so does "from" after a noun of spacing whatever
    the parser made of it ("killed three blocks from the station" parses as an object), or it is an adverbial
    noun that starts from somewhere; things counted that came from somewhere ("two soldiers from Texas") are a
    subject or an object."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (after is not None and (after.lower_ in DISTANCE_ADVERBS or (
        after.lower_ == "from" and noun.lower_ in SPACING_NOUNS))) or (
        noun.dep_ == "npadvmod" and any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children))


def _named(number: Token, noun: Token | None) -> tuple[str, ...]:
    """The proper nouns from the number to a singular noun it modifies (see :attr:`Counted.named`): a count
    above one takes a plural or a collective noun ("12 crew"), so a singular one named after a proper noun is
    a name's ("8 Block crew") or a model's (".357 Magnum"). All-capital words are left out: a headline's
    capitals ("THREE PEOPLE KILLED") and an acronym ("20 BBC staff") say nothing of the number."""
    if noun is None or noun.i <= number.i or noun.tag_ not in ("NN", "NNP") or (
            number.lower_ in ("one", "1") or number.lower_.startswith("0")):  # one, or a fraction ("0.13 Hz")
        return ()
    words = [t for t in number.doc[number.i + 1:noun.i + 1] if t.tag_ == "NNP" and not t.is_upper]
    return tuple(t.text for t in words)


_SCENE_CHAIN = frozenset("relcl acl advcl xcomp conj".split())
"""Links from a count's verb up to the verb or noun it tells more about ("two car bombings that killed a leader
and injured 11": injured -> killed -> bombings; "pelted police ..., leaving 17 injured": leaving -> pelted)."""
_SCENE_WORDS = frozenset("det nummod compound amod nmod".split())


def _scene(clause: Token, noun: Token | None) -> str | None:
    """What a count belongs to, from the parse: the incident its verb, or a verb or noun it hangs on, names
    as subject ("the blast injured 17"), as the noun a relative clause tells of ("two car bombings that ...
    injured 11") or in a phrase ("injured in the attack", "killed by a car bomb"); with the place that phrase
    or those verbs name ("at a street fair in Bilbao")."""
    token, chain, incident = clause, [], None
    for _ in range(4):
        chain.append(token)
        incident = next((t for t in (token, *_scene_children(token))
                         if _is_scene(t) and (noun is None or t.i != noun.i)), None)
        if incident is not None or token.dep_ not in _SCENE_CHAIN or token.head.i == token.i:
            break
        token = token.head
    places = _places(_scope([incident])) if incident is not None else ()
    places = places or _places(_scope(chain))
    shown = _scene_phrase(incident) if incident is not None else ""
    where = next((p for p in places if p not in shown), None)
    said = " ".join(w for w in (shown, f"in {where}" if where else "") if w)
    return f"in {said}" if shown else said or None


def _scene_children(token: Token) -> list[Token]:
    """The subject of a verb and the nouns of its phrases that can name an incident ("in the attack"), each
    through a noun of a series ("a series of extremist attacks": the attacks)."""
    out = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in SCENE_PREPOSITIONS):
            out += [c for c in child.children if c.dep_ == "pobj"]
    return [n for c in out for n in ([c, *_of(c)] if c.lower_ in SERIES_NOUNS else [c])]


def _of(noun: Token) -> list[Token]:
    """The nouns of a noun's "of" phrase ("series of attacks": attacks)."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _is_scene(token: Token) -> bool:
    """Whether a noun names an incident, not the toll itself ("the killing brought to 12 the number ...")."""
    return (token.tag_ in ("NN", "NNS") and bool(SCENES.fullmatch(token.lower_))
            and not {token.lower_, f"{token.lower_}s"} & OUTCOME_NOUNS.keys())


def _scene_phrase(token: Token) -> str:
    """An incident as shown: the noun with the words before it that name it ("two car bombings"), a definite
    or bare singular made indefinite ("the attack" -> "an attack"), a definite plural or a mass noun bare
    ("the attacks" -> "attacks", "the fighting" -> "fighting")."""
    words = [t.left_edge for t in token.lefts if t.dep_ in _SCENE_WORDS]
    start = min(words or [token], key=lambda t: t.i)
    if start.i == 0 and not start.text[:1].isupper():
        start = token  # the parsed excerpt begins inside the phrase ("...government offensive"): the noun alone
    phrase = _text(token.doc)[start.idx:token.idx + len(token)].split()
    if phrase[0].lower() in DEFINITES:
        phrase = phrase[1:]
    elif phrase[0].lower() in DETERMINERS or start.like_num or token.tag_ != "NN":
        return " ".join([phrase[0].lower(), *phrase[1:]] if phrase[0].lower() in DETERMINERS else phrase)
    if token.tag_ != "NN" or token.lower_ in MASS_SCENES:
        return " ".join(phrase)
    return " ".join(["an" if phrase[0][:1].lower() in "aeiou" else "a", *phrase])


def _cause(clause: Token, noun: Token | None) -> str | None:
    """The incidents a count is the toll of, when the subject of its verb names several ("The attacks killed
    two people and injured 124")."""
    for token in _first_conjunct(clause).children:
        if (token.dep_ in SUBJECT_DEPS and token.tag_ == "NNS" and TOTALS.fullmatch(token.lower_)
                and (noun is None or token.i != noun.i)):
            start = min(t.idx for t in token.subtree)
            words = _text(token.doc)[start:token.idx + len(token)].split()
            return " ".join([words[0].lower() if words[0].lower() in DETERMINERS else words[0], *words[1:]])
    return None


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _root(span: Span) -> Token:
    """The token of the number's span whose head lies outside it ("dozen" in "half a dozen")."""
    inside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    nums = [t for t in inside if t.like_num or t.lower_ in ("dozen", "hundred")]
    return (nums or inside or list(span))[-1]


def _noun(number: Token, span: Span) -> tuple[Token, Token | None, str | None, bool]:
    """(the token that takes the number's place in the clause, the noun counted or None, possessive, subset)."""
    if number.dep_ in NUMBER_DEPS or number.dep_ == "compound":
        head = number.head
        while head.like_num and head.dep_ in (*NUMBER_DEPS, "compound") and head.head.i != head.i:
            head = head.head
        if head.lower_ in SCALE_WORDS:
            return _noun(head, span)  # "$1.8m of medical equipment": "m" is part of the number
        if not head.like_num and head.i >= span.end and head.is_alpha:
            rest = {c.lower_ for c in head.children if c.i < number.i} >= {"the", "other"}
            return head, head, None, rest  # "the other two bodies": the rest of a whole told before
    if number.dep_ == "pobj" and number.head.lower_ in PART_PREPOSITIONS and _pos(number.head.head) == "NOUN":
        return number, number.head.head, None, False  # "30,900 customers ..., including 25,000 in Des Moines"
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            told = pobj.lower_ in OUTCOME_NOUNS and any(c.lower_ in ("the", "those") for c in pobj.children)
            if pobj.lower_ in SUBSET_PRONOUNS or number.lower_ == "one" or told or pobj.like_num:
                return number, None, None, True  # "two of them", "one of the villages", "two of the injured",
                # "30 of the 80 wounded"
            owner = next((c.lower_ for c in pobj.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
            return number, pobj, owner, False
    if number.dep_ == "appos" and any(c.lower_ == "of" for c in number.children):
        return number, None, None, True
    return number, None, None, False


def _joined(number: Token) -> bool:
    """Whether a number stands for a count joined to the clause before it: the conjunct of a verb ("two people
    were killed and eight wounded") or the subject of one ("three people were arrested and two released", "two
    soldiers died and five were wounded"). Standing alone, it counts what the count before it counted."""
    if number.dep_ == "conj":
        return _pos(number.head) == "VERB"
    return number.dep_ in ANY_SUBJECT_DEPS and number.head.dep_ == "conj"


def _owner(noun: Token) -> str | None:
    """The noun's "of" phrase as the source wrote it ("of Assad’s army": the text of its span, not its tokens
    joined with spaces), up to where it stops saying whose: a comma, or a word that starts what the owner
    did or where it was ("of a delegate to the talks" -> "of a delegate")."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    last = of.right_edge
    return _OWNER_END.split(_text(noun.doc)[of.left_edge.idx:last.idx + len(last)])[0].rstrip(" ,")


def _currency(number: Token, span: Span) -> bool:
    return any(t.tag_ == "$" or t.lower_ in CURRENCY_CODES for t in span) or any(
        c.tag_ == "$" for c in number.children) or number.head.tag_ == "$"


def _in_money(noun: Token) -> bool:
    """ "a one million U.S. dollars reward": a count of something in a currency is an amount of money."""
    return any(c.dep_ in MODIFIER_DEPS and UNIT_KIND.get(c.lower_) == "money" for c in noun.children)


def _paid_for(span: Span, noun: Token | None) -> str | None:
    """What an amount of money is: the noun it counts ("a $1 million reward"), its "of"/"in" phrase ("$5
    billion in damage"), or the noun whose amount a light verb gives ("costs totaling $287,402", "the reward
    has grown to $1 million"); never a currency or a form of money ("$500 in cash")."""
    if noun is not None and noun.lower_ not in UNIT_KIND and noun.lower_ not in MONEY_FORMS:
        return _phrase(noun)
    top = next((t for t in span if not (span.start <= t.head.i < span.end)), span.root)
    found = _measured(top, noun)
    if found is not None:
        return None if found.split()[-1].lower() in MONEY_FORMS else found
    verb = top.head.head if top.dep_ == "pobj" and top.head.dep_ == "prep" else top.head
    if top.dep_ not in ("pobj", "dobj", "attr") or verb.lower_ not in LIGHT_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl") and _pos(verb.head) == "NOUN":
        return _phrase(verb.head)
    subject = next((c for c in verb.children if c.dep_ in NOUN_SUBJECT_DEPS and _pos(c) == "NOUN"), None)
    return _phrase(subject) if subject is not None and subject.lower_ not in MONEY_FORMS else None


def _modifiers(noun: Token, span: Span) -> list[str]:
    """Words before the noun that narrow what is counted, not the number, fillers or outcome words."""
    out = []
    for child in noun.children:
        if (child.i < noun.i and child.dep_ in MODIFIER_DEPS and not (span.start <= child.i < span.end)
                and not child.like_num and child.lower_ not in QUANTITY_FILLERS and not _OUTCOME.fullmatch(child.lower_)
                and child.lower_ not in QUALIFIERS
                and child.is_alpha):
            out.append(" ".join(t.text for t in child.subtree if t.is_alpha and not t.like_num))
    return [m for m in out if m]


def _outcome(token: Token) -> str | None:
    """The category of what happened that the words at ``token`` say ("forced to flee" -> displaced), or a
    verb with the words that complete it after its object ("set about 60 homes on fire")."""
    found = _category(_text(token.doc)[token.idx:token.idx + _LONGEST].lower())
    if found is None and token.tag_.startswith("VB"):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        after = [c for t in (token, *objects) for c in t.children
                 if c.i > token.i and c.dep_ in ("prt", "prep", "acomp", "oprd", "advmod")]  # "set 60 homes on fire"
        words = [token.lower_] + [" ".join([c.lower_, *(g.lower_ for g in c.children if g.dep_ == "pobj")])
                                  for c in after]
        found = _category(" ".join(words)) if len(words) > 1 else None
    return found


def _phrase_end(token: Token) -> int:
    """Where the words that say what happened end, when ``token`` starts them ("forced| to flee|": a count is
    shown with the whole phrase, not cut after "forced"), else where the token ends."""
    match = _OUTCOME.match(_text(token.doc)[token.idx:token.idx + _LONGEST].lower())
    return token.idx + max(len(token), len(match.group()) if match else 0)


@lru_cache(maxsize=4096)
def _category(text: str) -> str | None:
    """The outcome category the words at the start of ``text`` (lower case) say, if any."""
    match = _OUTCOME.match(text)
    return next(k for k, v in match.groupdict().items() if v) if match else None


def _event(holder: Token, noun: Token | None) -> tuple[str | None, Token | None, Token | None, bool]:
    """(what happened, the word that says it, the governing verb, whether the counted thing did it)."""
    inside = _inside(holder, noun)
    if inside is None:
        return _told_around(holder, noun)
    category = (_outcome(inside) or OUTCOME_NOUNS.get(inside.lower_) or ("killed" if inside.lower_ in TOLL_NOUNS
                else _done(inside) or _participle(inside)))  # "47 corpses", a toll, "four signals heard"
    if inside.lower_ in TOLD_BY_VERB:  # "victims", "casualties": what the verb says befell them, if it says
        told = _told_around(holder, noun)
        if is_harm(told[0]):
            return told  # "all 12 victims died", "the two victims were injured"
        if holder.dep_ in SUBJECT_DEPS and _pos(holder.head) == "VERB" and holder.head.lower_ not in LIGHT_VERBS:
            return None, None, holder.head, True  # "the two victims no longer wanted to pursue charges": alive
    return category, inside, _verb_of(holder), False


def _told_around(holder: Token, noun: Token | None) -> tuple[str | None, Token | None, Token | None, bool]:
    """What happened to what is counted, as the words around the counted phrase say it (its role in the
    sentence: the subject of "died", the object of "killed", "the number of slayings", ...)."""
    dep, head = holder.dep_, holder.head
    if dep == "appos" and _tally(head):
        return _tally(head), head, _verb_of(head), False  # "the number of slayings -- five this month --"
    while dep in ("conj", "appos") and _pos(head) in ("NOUN", "PROPN", "NUM") and head.head.i != head.i:
        dep, head = head.dep_, head.head  # "two deaths in Nebraska, and one in Kansas": the first one's role
    if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in TRANSPARENT_NOUNS:
        return _event(head.head, noun)  # "a total of 125 people had died"
    if dep == "pobj" and head.lower_ in PART_PREPOSITIONS:
        whole = head.head
        if _pos(whole) in ("VERB", "AUX"):  # "30,900 customers were without power, including 25,000 in ..."
            whole = next((c for c in whole.children if c.dep_ in NOUN_SUBJECT_DEPS), whole)
        return _event(whole, whole if _pos(whole) in ("NOUN", "PROPN") else None)
    if dep == "pobj" and head.lower_ != "of" and head.head.lower_ in OUTCOME_NOUNS and _pos(head.head) == "NOUN":
        return f"with {head.head.lower_}", head.head, _verb_of(head.head), False  # "deaths in at least five states"
    if dep == "pobj" and head.lower_ == "to" and _toll(head.head):
        return _toll(head.head), head.head, head.head, False
    if dep == "attr" and _toll(head):
        return _toll(head), head, head, False
    if dep == "pobj" and head.lower_ == "of" and _pos(head.head) == "NOUN" and (
            _outcome(head.head) or head.head.lower_ in OUTCOME_NOUNS):  # "the killing of seven", "the bodies of two"
        category = _outcome(head.head) or OUTCOME_NOUNS[head.head.lower_]
        return category, head.head, _verb_of(head.head), False
    if _pos(head) == "ADJ" and dep != "pobj" and _outcome(head):
        return _outcome(head), head, head, False  # "40 more injured", "two dead"
    if dep == "pobj" and head.lower_ == "to" and _pos(head.head) == "VERB" and not _outcome(head.head):
        done = _participle(head.head)  # "food was distributed to 12,000 people"
        return (f"{done} to", head.head, head.head, False) if done else (None, None, head.head, False)
    if dep == "pobj" or _pos(head) not in ("VERB", "AUX"):
        return None, None, _verb_of(holder), False
    verb = head
    if dep in SUBJECT_DEPS:
        passive = _passive_clause(verb)
        if passive is not None:
            return _outcome(passive), passive, verb, False  # "2,000 residents spent the night after being evacuated"
    effort = _effort(verb) if dep in SUBJECT_DEPS else None
    if effort is not None:
        return effort[0], effort[1], verb, False  # "200 agents searched the woods": those who did it, counted
    if dep in SUBJECT_DEPS and any(c.dep_ in ("dobj", "obj") for c in verb.children) and verb.lower_ not in LIGHT_VERBS:
        return None, None, verb, True
    if dep in PATIENT_DEPS or dep in SUBJECT_DEPS or dep in ("npadvmod", "conj", "dobj", "attr"):
        said = _said(verb)
        if said is not None:
            return _either(said) or _participle(said), said, verb, False
        if verb.lower_ in LIGHT_VERBS and _lacking(verb):
            return _lacking(verb), verb, verb, False
    return None, None, verb, False


def _acting(noun: Token, verb: Token) -> bool:
    """Whether ``verb`` is a clause in the active hung on the counted ``noun`` that does it to an object: the
    parser reads "after two bombings hit Jerusalem" as "bombings" with a clause "hit Jerusalem", whose doer
    the bombings are."""
    return verb.dep_ == "acl" and verb.head.i == noun.i and verb.tag_ != "VBN" and any(
        c.dep_ in ("dobj", "obj") for c in verb.children)


def _effort(verb: Token) -> tuple[str, Token] | None:
    """(what they did, as written, and its word) when the verb, or the clause hung on it, says what people did
    that their number sizes ("attended the service", "were on the ground, searching")."""
    hung = [g for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
            for g in p.children if g.dep_ == "acl" and g.tag_ == "VBG"]  # misparsed: "beat through the woods searching"
    for token in (verb, *(c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > verb.i), *hung):
        if _pos(token) == "VERB" and not any(c.dep_ == "auxpass" for c in token.children) and _done(token):
            return _done(token) or "", token
    return None


def _done(token: Token) -> str | None:
    """What people did, as written, when ``token`` says it ("searching", "set upon", "took part")."""
    text = _text(token.doc)[token.idx:token.idx + _LONGEST]
    match = EFFORTS.match(text)
    return text[:_WORD_END.match(text, match.end()).end()].lower() if match else None


def _passive_clause(verb: Token) -> Token | None:
    """A passive outcome clause without a subject of its own, hung on the verb: its subject's ("after being
    evacuated")."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
    clauses += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    for child in clauses:
        if (_outcome(child) and child.tag_ == "VBN"
                and not any(c.dep_ in ANY_SUBJECT_DEPS for c in child.children)):
            return child
    return None


def _inside(holder: Token, noun: Token | None) -> Token | None:
    """An outcome word inside the counted phrase: the noun itself ("deaths"), or a word that describes it
    ("two wounded journalists", "231 people dead", "people killed in the blast")."""
    if noun is not None and noun.lower_ in OUTCOME_NOUNS:
        return noun
    if noun is not None and noun.lower_ in TOLL_NOUNS:
        return noun if any(c.lower_ in TOLL_OF_THE_DEAD for c in noun.lefts) else None
    for child in (noun or holder).children:
        if child.dep_ in ("amod", "acl", "relcl", "acomp", "oprd", "advmod", "prep") and _outcome(child) and not (
                _acting(noun or holder, child) or _name_word(child, noun or holder)):
            return child  # "200 targets hit", not "two bombings hit Jerusalem" nor "two “Dead” sequels"
    return next((c for c in (noun or holder).children if c.dep_ == "acl" and c.tag_ == "VBN"), None)


def _name_word(word: Token, noun: Token) -> bool:
    """Whether a word before the counted noun is a word of a name, not what befell them: capitalised inside
    the sentence before a noun in lower case ("two “Dead” sequels"; a headline's capitals, "Two Dead Soldiers",
    name nothing)."""
    return noun.i > word.i > word.sent.start and word.is_title and not noun.is_title


def _toll(token: Token) -> str | None:
    """What a toll counts, when ``token`` is a toll noun or a verb whose subject or object is one ("the death
    toll rose to 113", "brought to 12 the number of slayings": killed)."""
    return _tally(token) or next((found for c in token.children if c.dep_ in (*SUBJECT_DEPS, "dobj")
                                  and (found := _tally(c))), None)


def _tally(noun: Token) -> str | None:
    """What a toll noun or "the number of ..." counts ("the toll", "the number of slayings": killed)."""
    if noun.lower_ in TOLL_NOUNS:
        return "killed"
    if noun.lower_ not in TRANSPARENT_NOUNS:
        return None
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"), None)
    return (_outcome(of) or OUTCOME_NOUNS.get(of.lower_)) if of is not None else None


def _either(verb: Token) -> str | None:
    """The category of an outcome verb, joined with the one it is an alternative to: "killed or wounded" is
    not "killed" (so it is never compared with a count of the dead)."""
    category = _outcome(verb)
    if category is None:
        return None
    other = None
    if verb.dep_ == "conj" and any(c.lower_ == "or" for c in verb.head.children):
        other = _outcome(verb.head)
        return f"{other} or {category}" if other and other != category else category
    alternative = next((c for c in verb.children if c.dep_ == "conj"), None)
    if alternative is not None and any(c.lower_ == "or" for c in verb.children):
        other = _outcome(alternative)
    return f"{category} or {other}" if other and other != category else category


def _said(verb: Token) -> Token | None:
    """The word that says what happened: the verb itself, or behind a light verb its complement."""
    if verb.lower_ not in LIGHT_VERBS and _outcome(verb):
        return verb
    after = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.dep_ != "conj" and c.i > verb.i]
    for child in after:
        if _outcome(child):
            return child
    done = next((c for c in after if c.dep_ in ("oprd", "acomp") and IMPACTS.match(c.lower_)), None)
    if done is not None:
        return done  # "had been left handcuffed to a tree", "were left stranded"
    if verb.lower_ in LIGHT_VERBS:
        return None
    return verb


def _lacking(verb: Token) -> str | None:
    """ "were without power": what a light verb's "without" phrase says the counted thing lacks."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "without"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return f"without {pobj.text}" if pobj is not None else None


def _participle(verb: Token) -> str | None:
    """A verb as what happened to the counted thing: "canceled", "destroyed" (None for a form that is not one)."""
    particle = next((f" {c.lower_}" for c in verb.children if c.dep_ == "prt"), "")
    if verb.tag_ in ("VBN", "VBD") or (verb.tag_ == "JJ" and verb.lower_.endswith("ed")):
        return verb.lower_ + particle  # "canceled", and a participle tagged as an adjective ("left handcuffed")
    if verb.tag_ in ("VB", "VBP", "VBZ", "VBG"):
        stem = verb.lower_.removesuffix("ing") if verb.tag_ == "VBG" else verb.lower_.removesuffix("s")
        if not stem.isalpha() or len(stem) < 3:
            return None
        done = IRREGULAR_PARTICIPLES.get(stem) or (
            stem + "d" if stem.endswith("e") else stem[:-1] + "ied" if stem.endswith("y") else stem + "ed")
        return done + particle
    return None


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above ``token``."""
    while token.head.i != token.i:
        token = token.head
        if _pos(token) in ("VERB", "AUX"):
            return token
    return token if _pos(token) in ("VERB", "AUX") else None


def _measured(holder: Token, noun: Token | None) -> str | None:
    """What a measure measures: its "of"/"in" phrase ("13 inches of snow", "$5 billion in damage") or the noun
    it hangs from ("winds of 180 mph", "a $1 million reward")."""
    phrase = noun if noun is not None else holder
    for child in phrase.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            pobj = next((c for c in child.children if c.dep_ == "pobj" and _pos(c) in ("NOUN", "PROPN")), None)
            if pobj is not None:
                return f"{child.lower_} {_phrase(pobj)}"
    head = phrase.head
    if phrase.dep_ == "pobj" and head.lower_ == "of" and _pos(head.head) in ("NOUN", "PROPN"):
        return _phrase(head.head)
    if phrase.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and _pos(head) in ("NOUN", "PROPN"):
        return _phrase(head)
    return None


def _phrase(noun: Token) -> str:
    """A noun with the words before it that narrow it ("medical equipment"), not units ("dollar reward") nor a
    qualifier the figure already shows ("the estimated $1 million fire damages": fire damages); a common noun
    that opens its sentence in lower case ("Damage to the church was estimated at $1 million": damage)."""
    words = [c.text for c in noun.children if c.i < noun.i and c.dep_ in MODIFIER_DEPS and c.is_alpha
             and c.lower_ not in UNIT_KIND and c.lower_ not in SCALE_WORDS and c.lower_ not in QUALIFIERS]
    head = noun.lower_ if noun.is_sent_start and noun.tag_ in ("NN", "NNS") and not words else noun.text
    return " ".join([*words, head])


def _negated(holder: Token, noun: Token | None, clause: Token) -> bool:
    phrase = noun if noun is not None else holder
    if any(c.dep_ == "det" and c.lower_ in NEGATIONS for c in phrase.children):
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NEGATIONS) for c in clause.children)


def _running(clause: Token) -> bool:
    """Whether the clause says its count runs up to now ("the latest of 253 murders so far this year", "1,200
    cases to date"): a running total, as the present perfect says, not one incident's count."""
    return any(" ".join(t.lower_ for t in c.subtree) in RUNNING_TOTALS for c in clause.children
               if c.dep_ in ("advmod", "npadvmod", "prep"))


def _hypothetical(clause: Token) -> bool:
    """A modal or a verb of expectation or prevention on the clause or the few words above it."""
    token = clause
    for _ in range(4):
        if token.lower_ in HYPOTHETICAL or any(c.dep_ in ("aux", "auxpass", "nsubj") and c.lower_ in HYPOTHETICAL
                                                for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _scope(tokens: Sequence[Token], origin: bool = False) -> list[Token]:
    """The tokens of the prepositional phrases that hang on ``tokens`` and say where or when. "from" on a noun
    says whence it comes ("soldiers from Texas were killed in Kabul"), and so it does on any token when the
    clause says so (``origin``: "12 are from Somalia"): neither names a place where anything happened."""
    out = []
    for token in tokens:
        whence = origin or _pos(token) in ("NOUN", "PROPN")
        for child in token.children:
            if child.dep_ == "npadvmod" and child.like_num or whence and child.lower_ == "from":
                continue  # another count's phrase ("..., nine in Aleppo"), or where they are from
            if child.dep_ in ("prep", "npadvmod") and (child.lower_ in SCOPE_PREPOSITIONS or child.dep_ == "npadvmod"):
                out += _where(child)
    return out


def _where(token: Token) -> list[Token]:
    """A phrase that says where, without what names an owner or a purpose inside it: in "in the first days of
    the search for Kennedy's plane" nothing is a place, in "in the city of Aleppo" Aleppo is."""
    out = [token]
    for child in token.children:
        if child.dep_ != "poss" and not (child.dep_ == "prep" and child.lower_ not in ("of", *SCOPE_PREPOSITIONS)):
            out += _where(child)
    return out


def _places(near: Sequence[Token]) -> tuple[str, ...]:
    """The proper names ("Idlib", "Des Moines") among the phrases that say where (``near``), not days, months
    or time zones ("began at 21:58 BST")."""
    runs: list[list[Token]] = []
    for token in sorted({t.i: t for t in near if t.tag_ in ("NNP", "NNPS") and not _calendar(t)
                         and t.text not in TIME_ZONES}.values(),
                        key=lambda t: t.i):
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    names: list[list[Token]] = []
    for run in runs:
        if not (names and names[-1][-1].i >= run[0].i):  # "Aden" of "Gulf of Aden", already whole
            names.append(_of_name(run))
    return tuple(dict.fromkeys(" ".join(t.text for t in name) for name in names))


def _of_name(run: list[Token]) -> list[Token]:
    """A proper name with the "of" phrase that ends it ("University| of Alabama", "Gulf| of Aden"): the name
    whole, not its first half."""
    doc, end = run[-1].doc, run[-1].i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].tag_ in ("NNP", "NNPS"):
        last = end + 1
        while last + 1 < len(doc) and doc[last + 1].tag_ in ("NNP", "NNPS"):
            last += 1
        return [*run, *doc[end:last + 1]]
    return run


def _calendar(token: Token) -> bool:
    """Whether a capitalised word names a month or a weekday ("March", "Sept.", "Monday"), not a place; the modal
    "may" and the verb "march" are not capitalised."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in CALENDAR_WORDS


def _day(near: Sequence[Token], tokens: Sequence[Token]) -> str | None:
    """A weekday the phrases that say when (``near``) or the words on the number's phrase and clause
    (``tokens``) name, or a month with its day ("March 8")."""
    for token in (*near, *(c for t in tokens for c in t.children)):
        if token.text in WEEKDAYS:
            return token.text
        if _calendar(token):
            day = next((c.text for c in token.children if c.like_num and len(c.text) <= 2), None)
            if day:
                return f"{token.text} {day}"
    return None


def _part(number: Token, noun: Token | None) -> bool:
    """ "including 64 who died", "including a mother and her two children": a part of the count before."""
    return any(_first_conjunct(t).dep_ == "pobj" and _first_conjunct(t).head.lower_ in PART_PREPOSITIONS
               for t in (number, noun) if t is not None)


def _in_period(token: Token, clause: Token) -> bool:
    """Whether a word lies in a phrase that starts or ends a period ("since it began in 1968") or that names a
    part ("charged in three bombings, including the 1996 bombing"): not when the count happened."""
    while token.i != clause.i and token.head.i != token.i:
        token = token.head
        if token.lower_ in PERIOD_STARTS or token.lower_ in PART_PREPOSITIONS:
            return True
        if token.i != clause.i and any(c.dep_ == "mark" and c.lower_ in PERIOD_STARTS for c in token.children):
            return True  # "since it took up arms in 1971": the clause "since" opens
    return False


def _year(clause: Token, span: Span) -> int | None:
    """A year the number's clause names ("In 1974, ... killed 2,000")."""
    doc = clause.doc
    for match in _YEAR.finditer(_text(doc)):
        token = doc.char_span(match.start(), match.end())
        if token is None or span.start <= token.start < span.end or _in_period(token.root, clause):
            continue  # the start of a running total ("since 1968", "since it began in 1968") is no incident's year
        if token.root.i == clause.i or clause.is_ancestor(token.root):
            return int(match.group())
    return None
