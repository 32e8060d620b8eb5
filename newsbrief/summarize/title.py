"""A briefing's title: the headline that best fits the main incident, cleaned; without one, the lead's main clause.

Headlines as scraped carry clutter a reader does not want in a title: part
markers ("(1)", "Part 2 of 3"), the site's name ("... | MLSSoccer.com",
"... - BBC News") and shouting capitals. Each headline is cleaned, junk (no
words left) is dropped, and the one whose content words the lead (the summary's
first line, which states what happened) and then the rest of the summary use
most, per word, is chosen: a headline about a side item shares little with the lead.

Without a usable headline the title is built from the lead's own words: its
trailing attribution (", police said") dropped, a fronted adverbial ("After a year
of controversy over Facebook's role, ...") and an inserted apposition after the
subject ("Prodigy, the rapper best known for ..., died") left out, and, when still
long, cut where a clause ends (at a comma, before " after", " while", " — " ...),
never in the middle of a phrase with "...", and never inside a relative clause of the subject when the
main verb comes soon after it ("The producer who worked ... on his investigation quit in protest"). A title
a reader can use is a clause (a subject with a verb only in its relative clause is none):
one that opens on a quotation, a back-reference ("It", "They") or a fronted phrase
that could not be left out, or shows no finite verb, is not used, and the next
summary line (of the first :data:`TITLE_LINES`) is tried; the lead's clause is the
last resort. Nothing is added: every word of a title is in a headline or in a
summary line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newsbrief.lang.en import word_list
from newsbrief.lang.en.grammar import DETERMINERS, POSSESSIVES
from newsbrief.lang.en.quotes import QUOTE_CHARACTERS
from newsbrief.model import Article, squash
from newsbrief.summarize.base import content_words
from newsbrief.summarize.passages import (AUXILIARIES, FINITE_VERBS, PHRASE_WORDS, VERB_ADVERBS, has_finite_verb,
                                          looks_past, opening_word, refers_back)

OUTLET_WORDS = word_list("outlet_words")
CLAUSE_STARTS = word_list("clause_starts")
FRONTING_WORDS = CLAUSE_STARTS | word_list("fronting_words")
RELATIVE_WORDS = word_list("relative_words")
OWN_VERB_WORDS = word_list("own_verb_words")
COORDINATORS = word_list("coordinators")

MAX_WORDS = 14
"""Longer leads are cut to a clause of at most this many words."""
MIN_WORDS = 4
"""A clause shorter than this says too little to be a title."""
MAX_VERB_WORDS = 22
"""A lead whose subject carries a relative clause ("The producer who worked ... on his investigation quit in
protest") may give a title this long to keep its main verb: a subject alone is no headline."""
MAX_SUBJECT_WORDS = 10
"""A relative word this far into a clause with no verb before it follows the subject's noun."""
TITLE_LINES = 3
"""Summary lines tried, in order, for a title a reader can use when no headline is: past the first few,
a line is a side item, and the lead's own clause is better."""

_PART_MARKER = re.compile(
    r"\s*[(\[](?:part\s+)?\d{1,2}(?:\s*(?:of|/)\s*\d{1,2})?[)\]]\s*$"   # "(1)", "(part 2 of 3)", "[2/3]"
    r"|\s*[-–—:,]?\s*\bpart\s+(?:\d{1,2}|one|two|three|four|five)(?:\s+of\s+\w+)?\s*$"  # ", Part 2 of 3"
    r"|^\s*(?:update|refile|corrected|rpt)\b\s*\d*\s*[-–—:]\s*"  # wire prefixes: "UPDATE 2-", "REFILE-"
    r"|\s*\((?:note|eds?|editors?)\b[^()]*\)",  # desk notes: "(note: sidebar material at end of story)"
    re.I)
_ENTITY = re.compile(r"&#?\w+;")
_SEPARATOR_MARKS = set("-–—|:•·")
_SEPARATOR = re.compile(r"\s+(?:\||-{1,2}|–|—|::|•|·)\s+")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|co|uk|gov|edu|io|info|news|tv)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ADVERBIAL_END = re.compile(r",[\"”’']?\s+")
"""The comma that ends a fronted adverbial, with a quotation it closes ("In the new film \"Evil Dead,\" ...")."""
_ATTRIBUTION = re.compile(
    r",?\s+(?:(?:according to|as reported by)\s[^,]{2,60}"
    r"|(?:[^,]{2,50}\s)?(?:said|says|reported|reports|announced|told [^,]{2,40})(?:\s+on\s+\w+)?)\s*[.!?]?[\"”’]?\s*$",
    re.I)


def briefing_title(articles: Sequence[Article], summary: Sequence[str]) -> str:
    """The title of a briefing on ``articles`` whose summary lines are ``summary`` (the lead first)."""
    lead = summary[0] if summary else ""
    headline = best_headline(articles, lead, " ".join(summary))
    if headline:
        return headline
    if lead:
        return next((title for title in map(lead_clause, summary[:TITLE_LINES]) if usable_title(title)),
                    lead_clause(lead))
    return "(no usable articles)"


def usable_title(title: str) -> bool:
    """Whether a clause made from a summary line (one that opens on no quotation: someone's words are no
    headline) reads as a headline: it opens on neither a quotation mark, a back-reference ("It wasn't easy
    for them"), a fronted phrase, an auxiliary (a question, "Was it worth it") nor a lower-case word, and it
    has a finite verb (not "George Zimmerman, the neighborhood watch volunteer ...") outside a relative
    clause of its subject (not "A measure that would require performers to wear condoms"). Only an
    auxiliary opening it rules it out: a plain present is often a noun ("Hope faded for the miners")."""
    head = title.lstrip()
    opening = opening_word(head)
    words = head.split()
    relative = _relative_at(words)
    return (head[:1].isupper() or head[:1].isdigit()) and not refers_back(head) \
        and opening not in FRONTING_WORDS and opening not in AUXILIARIES and has_finite_verb(head) \
        and not (relative and not _main_verb(words, relative))


def best_headline(articles: Sequence[Article], lead: str, summary: str) -> str | None:
    """The cleaned headline that fits the lead best (then the summary, then fewest words); None if none."""
    text = " ".join(a.text for a in articles)
    lead_words, summary_words = content_words(lead), content_words(summary)
    best, best_key = None, None
    for article in articles:
        if not article.title:
            continue
        cleaned = clean_headline(article.title, article.outlet, text)
        words = content_words(cleaned)
        if not words:
            continue
        size = len(words) ** 0.5
        key = (len(words & lead_words) / size, len(words & summary_words) / size, -len(cleaned))
        if best_key is None or key > best_key:
            best, best_key = cleaned, key
    return best


def clean_headline(title: str, outlet: str | None = None, text: str = "") -> str:
    """``title`` without markup entities, part markers and the site's name, in sentence case if it shouts
    (names keep the capitals ``text`` gives them); "" when no words are left."""
    title = squash(_ENTITY.sub(" ", html.unescape(title)))
    title = " ".join(w for w in title.split() if _WORD.search(w) or w[:1].isdigit() or set(w) <= _SEPARATOR_MARKS)
    previous = None
    while previous != title:
        previous = title
        title = _PART_MARKER.sub("", title).strip()
        title = _without_site(title, outlet)
    if len(_WORD.findall(title)) < 2:
        return ""
    return _sentence_case(title, text) if _shouts(title) else title


def _without_site(title: str, outlet: str | None) -> str:
    """``title`` without a leading or trailing segment that names a site ("| MLSSoccer.com", "BBC News -")."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    if _names_site(parts[-1], outlet):
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    if _names_site(parts[0], outlet):
        return " - ".join(parts[1:]) if len(parts) > 2 else parts[1]
    return title


def _names_site(segment: str, outlet: str | None) -> bool:
    """Whether a headline segment is a site's name: a domain, the article's own host, or a few capitalised
    words ending with a word outlets are named with ("News", "Times", "Post")."""
    if _DOMAIN.search(segment):
        return True
    words = segment.split()
    squashed = re.sub(r"[^a-z0-9]", "", segment.lower())
    if outlet and squashed and squashed in re.sub(r"[^a-z0-9]", "", outlet.lower()):
        return len(words) <= 4
    return (1 <= len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and re.sub(r"\W", "", words[-1]).lower() in OUTLET_WORDS)


def _shouts(title: str) -> bool:
    """Whether the headline is (nearly) all capitals."""
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@lru_cache(maxsize=4)
def _forms(text: str) -> dict[str, str]:
    """Each word's most frequent casing inside sentences of ``text``, by its lower-case form: read once per
    cluster text, however many of its headlines shout."""
    seen: Counter[str] = Counter(m.group() for m in re.finditer(r"(?<=[a-z,;] )[A-Za-z][\w'’.-]*", text))
    forms: dict[str, str] = {}
    for form, _ in seen.most_common():
        forms.setdefault(form.lower(), form)
    return forms


def _sentence_case(title: str, text: str) -> str:
    """A shouting headline in sentence case; a word keeps the casing it most often has inside sentences of
    ``text`` (names, acronyms) and abbreviations ("N.Y.") keep theirs; others are lower-cased."""
    forms = _forms(text)
    out = []
    for i, word in enumerate(title.split()):
        core = word.strip(QUOTE_CHARACTERS + "()[],:;!?")
        cased = core if re.fullmatch(r"(?:[A-Za-z]\.)+", core) else forms.get(core.lower(), core.lower())
        if i == 0:
            cased = cased[:1].upper() + cased[1:]
        out.append(word.replace(core, cased, 1) if core else word)
    return " ".join(out)


def lead_clause(lead: str) -> str:
    """A short title from the lead's own words: its main clause, without a trailing attribution or full stop."""
    clause = _ATTRIBUTION.sub("", lead).rstrip(" .!?;:,")
    if len(content_words(clause)) < 2:
        clause = lead.rstrip(" .!?;:,")
    clause = _without_apposition(_without_fronted(clause))
    words = clause.split()
    if len(words) <= MAX_WORDS:
        return clause
    cut = _clause_end(words)
    relative = _relative_at(words)
    if relative and relative < cut and not _main_verb(words[:cut], relative):
        words, cut = _with_main_verb(words, relative) or (words, cut)  # else briefing_title takes another line
    return " ".join(words[:cut]).rstrip(" ,;:-–—")


def _without_fronted(clause: str) -> str:
    """``clause`` from its subject on, when it opens with an adverbial ended by a comma ("After a year of
    controversy over Facebook's role, Chief Executive Mark Zuckerberg now is positioning ..."); as it is when
    what follows the adverbial's comma opens on no subject (a capitalised word, a determiner or a possessive:
    not a back-reference, "When the team wanted to send a tweet, it wasn't easy", nor an inverted verb,
    "Among the items ..., are a nail gun") or is shorter than MIN_WORDS words."""
    if opening_word(clause) not in FRONTING_WORDS or clause.lstrip()[:1] in QUOTE_CHARACTERS:
        return clause  # a quotation's words are kept as they are: see briefing_title
    comma = _ADVERBIAL_END.search(clause)
    rest = clause[comma.end():] if comma else ""
    opening = opening_word(rest)
    subject = rest[:1].isupper() or opening in DETERMINERS or opening in POSSESSIVES  # not "are ...", "which ..."
    if not subject or refers_back(rest) or opening in AUXILIARIES or len(rest.split()) < MIN_WORDS:
        return clause
    return rest[:1].upper() + rest[1:]  # a title opens with a capital: "the council voted" -> "The council voted"


def _without_apposition(clause: str) -> str:
    """``clause`` without a phrase set off by commas between a short subject and its verb ("Prodigy, the
    rapper best known for his work as half of ... Mobb Deep, died in Las Vegas" -> "Prodigy died in Las
    Vegas"): the phrase opens in lower case (not a list of names) and a verb (``lang/en/finite_verbs.txt``
    or a past in -ed, :func:`looks_past`) comes right after its closing comma."""
    parts = clause.split(", ", 2)
    if len(parts) < 3 or len(parts[0].split()) > 8 or not parts[1][:1].islower():
        return clause
    verb = opening_word(parts[2])
    if not parts[2][:1].islower() or not (verb in FINITE_VERBS or looks_past(verb)):
        return clause
    return f"{parts[0]} {parts[2]}"


def _clause_end(words: list[str]) -> int:
    """How many of ``words`` make the longest leading clause of at most MAX_WORDS words: it ends at a
    comma, dash or semicolon, or before a word that opens a new clause or phrase ("after", "while", "on")."""
    best = 0
    for i in range(MIN_WORDS, min(len(words), MAX_WORDS + 1)):
        before, word = words[i - 1], words[i]
        if before[-1:] in ",;:" or word in ("—", "–", "-", "--") or _opens_phrase(words, i):
            best = i
    return best or _first_boundary(words)


def _relative_at(words: list[str]) -> int:
    """Where a relative clause of the subject opens in ``words`` ("The producer | who worked ...", "Marty
    Balin, | who co-founded ..."): a relative word (``lang/en/relative_words.txt``) within MAX_SUBJECT_WORDS
    words with no finite verb before it ("Police say a teacher who ..." is a clause already); 0 if none.
    The word right before "who" or "which" is its noun, even in -s ("The ferry owners who"); before "that" it
    may be a verb ("Research suggests that")."""
    for i, word in enumerate(words[1:MAX_SUBJECT_WORDS + 1], start=1):
        if word in RELATIVE_WORDS:
            subject = words[:i] if word == "that" else words[:i - 1]
            return 0 if has_finite_verb(" ".join(subject)) else i
    return 0


def _main_verb(words: list[str], relative: int) -> int:
    """Where the main verb of ``words`` stands when its subject carries the relative clause opening at
    ``relative``; 0 if none shows. Without a tagger, a verb is taken as a clause's own when a word of
    ``lang/en/own_verb_words.txt`` comes before it and no verb since: the relative clause's ("who worked"),
    a subordinate one's ("after she was put to bed"), an infinitive's; or right after a coordinator
    (``coordinators.txt``: "and played a role"). The word right after the relative word is its verb unless
    it opens a noun phrase ("that describes", "that the court upheld"); a word in -ing right after a
    subordinator is its verb ("while filming"). A verb's chain of auxiliaries, participles and adverbs is
    one verb. After a subject set off by a comma (:func:`_set_off_head`) the main verb comes right after
    the comma that closes what sets it off ("Mark Lane, the author who ..., a thesis supported by ..., died")."""
    set_off = _set_off_head(words, relative) > 0
    owed, i = True, relative + 1  # owed: a clause opened whose verb has not come yet
    if i < len(words) and _may_open_verb(words[i]):
        i = _verb_chain_end(words, i)
        owed = False
    while i < len(words):
        word = words[i].lower().strip(",;:")
        if word in OWN_VERB_WORDS and (word != "to" or (i + 1 < len(words) and _may_open_verb(words[i + 1]))):
            owed = True  # "to" opens an infinitive before a verb, not "to the hospital"
            if i + 1 < len(words) and words[i + 1].endswith("ing"):
                i += 1
                owed = False
        elif word in COORDINATORS and i + 1 < len(words) and _is_verb(words, i + 1):
            i = _verb_chain_end(words, i + 1) - 1  # "and played a role": a verb of its own
        elif _is_verb(words, i):
            after_comma = words[i - 1].rstrip(QUOTE_CHARACTERS).endswith(",")
            if not owed and not _opens_participle_phrase(words, i) and (after_comma or not set_off):
                return i
            i = _verb_chain_end(words, i) - 1
            owed = False
        i += 1
    return 0


def _set_off_head(words: list[str], relative: int) -> int:
    """How many words name the subject before a comma that sets off what follows it up to the relative
    clause's end: the relative word itself ("Marty Balin, who ...") or an apposition in lower case ("Mark
    Lane, the defense lawyer ... who"; not a list of names, "Smith, Jones and Brown, who"); 0 if none."""
    for i, word in enumerate(words[:relative]):
        if word.endswith(","):
            after = words[i + 1]
            return i + 1 if after[:1].islower() else 0
    return 0


def _with_main_verb(words: list[str], relative: int) -> tuple[list[str], int] | None:
    """The words of a lead whose subject carries a relative clause, and how many of them make a title that
    keeps the main verb and ends where a phrase after it ends (a comma, a word of ``clause_starts.txt``, the
    lead's end), within MAX_VERB_WORDS words; None if the verb does not come so soon. What sets off a
    subject is left out, as :func:`_without_apposition` leaves an apposition out ("Marty Balin, who
    co-founded the band ..., died Thursday" -> "Marty Balin died Thursday"): it is not needed to tell who
    the subject is."""
    verb = _main_verb(words, relative)
    if not verb:
        return None
    head = _set_off_head(words, relative)
    if head:
        words = words[:head - 1] + [words[head - 1].rstrip(",")] + words[verb:]
        verb = head
    for end in range(_verb_chain_end(words, verb) + 1, min(len(words), MAX_VERB_WORDS) + 1):
        if end == len(words) or words[end - 1][-1:] in ",;:" or words[end] in ("—", "–", "-", "--") \
                or _opens_phrase(words, end):
            return words, end
    return None


def _may_open_verb(word: str) -> bool:
    """Whether the word right after a relative word may be its verb: a lower-case word that opens no noun
    phrase or clause of its own."""
    core = word.lower().strip(",;:")
    return word[:1].islower() and core not in PHRASE_WORDS and core not in DETERMINERS \
        and core not in OWN_VERB_WORDS


def _is_verb(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a finite verb or a participle, as its form tells: an auxiliary, a form of
    ``finite_verbs.txt`` not after a determiner or preposition ("the work", "a cut"), or a past in -ed."""
    word = words[i]
    core = word.lower().strip(",;:")
    if not word[:1].islower():
        return False
    before = words[i - 1].lower() if i else ""
    if core in AUXILIARIES:
        return True
    if looks_past(core):  # not an adjective in -ed: "the injured eagle", "his collapsed home", "snow-covered"
        return before not in DETERMINERS and before not in POSSESSIVES and "-" not in core
    return core in FINITE_VERBS and (before == "to" or before not in DETERMINERS and before not in PHRASE_WORDS)


def _opens_participle_phrase(words: list[str], i: int) -> bool:
    """Whether the verb at ``words[i]`` opens a participle phrase set off by a comma and followed by "with" or
    "by" ("John Smith, who was held in May, charged with fraud, ..."): not a main verb."""
    return i + 1 < len(words) and words[i - 1].endswith(",") and words[i + 1] in ("with", "by")


def _verb_chain_end(words: list[str], i: int) -> int:
    """Where the verb at ``words[i]`` ends with the adverbs that follow it and the verbs an auxiliary or an
    adverb leads to ("was likely disappointed", "has not been found"); a verb right after a verb is another
    one ("The man who was shot | died")."""
    i += 1
    while i < len(words):
        if _adverb(words[i]):
            i += 1
        elif _is_verb(words, i) and (words[i - 1].lower().strip(",;:") in AUXILIARIES or _adverb(words[i - 1])):
            i += 1
        else:
            break
    return i


def _adverb(word: str) -> bool:
    """Whether ``word`` is an adverb inside a verb's chain: "not", ``verb_adverbs.txt``, a lower-case word in -ly."""
    return word == "not" or word in VERB_ADVERBS or (word[:1].islower() and word.endswith("ly"))


def _opens_phrase(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` opens a clause or phrase a title may end before: a word of ``clause_starts.txt``
    not right after a verb it would leave without its complement ("Kim Kardashian and Kris Humphries are |
    on the brink", "James Comey wrote | in a memo")."""
    return words[i].lower().strip(",") in CLAUSE_STARTS and words[i - 1].lower() not in FINITE_VERBS


def _first_boundary(words: list[str]) -> int:
    """The shortest clause longer than MAX_WORDS when no boundary comes sooner (the whole lead at worst)."""
    for i in range(MAX_WORDS + 1, len(words)):
        if words[i - 1][-1:] in ",;:" or _opens_phrase(words, i):
            return i
    return len(words)
