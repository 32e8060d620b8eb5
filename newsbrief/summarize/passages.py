"""What a summary may take from an article: passages a reader can follow out of their article's context.

A summary line is read without the sentence its article put before it, so a
sentence that leans on that sentence ("He said", "But the ministry denied it",
a quotation that began a sentence earlier) misleads or puzzles. The rules, on
an article's kept sentences:

* a quotation is never cut: sentences are joined into one passage while a
  quotation is open (each paragraph opens its own), and a passage whose
  quotation marks still do not balance (a quotation that never closes, a closing
  mark with no opening) is not used;
* a passage that announces what follows, ending on a colon ("The ministry issued
  a statement:", "Here are the winners:") or opening as a digest does ("The
  following are the main news items ...", "Here's a sampling of ...",
  ``lang/en/announcing.txt``), is not used: it promises what the summary does
  not show; nor is a passage that gives a web address ("Mike's post about it:
  https://..."), a pointer to a page rather than news;
* a passage that opens with a back-reference (``lang/en/back_references.txt``:
  "he", "it", "this", "there", ...) or a connective (``lang/en/connectives.txt``:
  "but", "however", "also", ...) *follows*: it may be used only right after the
  passage before it in its article, with nothing but white space between them (at most
  a paragraph break: :data:`FOLLOW_GAP`);
* a passage that is only a subordinate clause, opening with a subordinator
  (``lang/en/subordinators.txt``: "because", "although", ...) and with no clause break
  after it ("Because it may be time we all moved to Sweden."), also *follows*: it answers
  or qualifies the sentence before it (here a subheading, "Why Is This Important?");
* a passage whose first clause holds a definite "shell" noun (``lang/en/shell_nouns.txt``)
  with nothing after it that says what it is ("Varen Bulk Logistics rejected the
  accusation.", "The move comes two months after ...") also *follows*: the accusation or
  the move is told in the sentence before; "the accusation that ...", "the decision to
  ..." (``lang/en/shell_complements.txt``) tell their own;
* a passage in which, outside its quotations, the site speaks to its reader as "we" and
  "you" (``lang/en/first_plural_words.txt``, ``lang/en/reader_words.txt``: "We hope
  that looking at these results will encourage you to take part") is not used: it is
  no news, and out of the article no one knows who "we" are;
* a passage with no finite verb (:func:`has_finite_verb`: a caption, "The cabin of a Qatar Airways
  plane."; a list entry, "Austin Custodio, 21, of Boyce Road; sale of alcohol to minors."; a label) is
  not used: it is no sentence a summary can state;
* a passage that opens with a speaker named by the surname alone ("King called the
  decision a huge win", "Burnstein said ...") where its article introduced the
  full name before ("Howard King, the band's lawyer") also *follows*: out of its
  article, the reader would not know who is speaking;
* a leading connective that carries no fact of its own
  (``lang/en/droppable_connectives.txt``) is dropped when what follows it starts
  a sentence of its own (a capital letter, and no back-reference or connective):
  the passage's span starts after it, so its text is still exactly the source's.
  No word is ever added or changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from newsbrief.lang.en import word_list
from newsbrief.lang.en.attribution import MODALS, PREPOSITIONS, REPORTING_VERBS
from newsbrief.lang.en.grammar import ARTICLES, POSSESSIVES
from newsbrief.lang.en.linking import CONNECTIVES, DROPPABLE_CONNECTIVES
from newsbrief.lang.en.numbers import NUMBER_WORDS, TENS
from newsbrief.lang.en.quotes import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_MARK
from newsbrief.lang.tokens import words
from newsbrief.model import Article, Sentence, squash

BACK_REFERENCES = word_list("back_references")
ANNOUNCING = tuple(sorted(word_list("announcing")))
SUBORDINATORS = word_list("subordinators")
SHELL_NOUNS = word_list("shell_nouns")
SHELL_COMPLEMENTS = word_list("shell_complements")
FIRST_PLURAL = word_list("first_plural_words")
READER_WORDS = word_list("reader_words")
AUXILIARIES = word_list("auxiliaries") | frozenset(MODALS)
FINITE_VERBS = word_list("finite_verbs") | AUXILIARIES
PHRASE_WORDS = word_list("phrase_words") | POSSESSIVES | frozenset(NUMBER_WORDS) | frozenset(TENS)
SUBJECT_WORDS = word_list("subject_words")
NOT_PAST = word_list("not_past")
VERB_ADVERBS = word_list("verb_adverbs")

FOLLOW_GAP = 3
"""A passage follows the one before it across at most this much white space (a space, a paragraph break
"\n\n"): more blank lines are a section break in scraped text, and the held-out readability check
(``../shared/tools/standalone.py``) reads no "right after" across more than three characters."""

_FIRST_WORD = re.compile(r"[\W_]*([A-Za-z]+)")
_SURNAME_SPEAKS = re.compile(rf"[\W_]*([A-Z][a-z][\w’'-]*)\s+(?:{REPORTING_VERBS}|called|calls)\b")
_LEADING_CONNECTIVE = re.compile(r"\s*([A-Za-z]+)\s*,?\s+(?=[A-Z])")
_AFTER_COLON = " \t\r\n\"”’'"
_LINE_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_AROUND_WORD = "\"'“”‘’()[]{}<>,.;:!?…*/"
"""What may stand around a word between spaces, not part of it (none of it can be in a listed verb's token)."""
_CONTRACTED_VERB = re.compile(r"n't$|'(?:re|ve|ll|d|m)$")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[—–-]+\s|—|--")
_DEFINITE_SHELL = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:"
                             + "|".join(sorted(SHELL_NOUNS, key=lambda w: (-len(w), w)))
                             + r")\b(?!['’]s)(?=(?:\s+([a-z]+))?)")
"""A determiner and a shell noun, the word after it in a look-ahead (which is where the next match may
start: "said that the claim" is "the claim"). The nouns are in the pattern, not tested after a match of
any word: most passages have a determiner, few a shell noun after it."""


@dataclass(frozen=True)
class Passage(Sentence):
    """Consecutive sentences ``index`` to ``last`` of an article that a summary takes whole (one line).

    ``text`` is ``squash(article.text[start:end])``. ``follows`` when it must come right after the
    passage that ends at sentence ``index - 1``; ``balanced`` when its quotation marks pair up;
    ``trimmed`` when a leading connective was left out of the span; ``announces`` when it promises what
    comes after it (:func:`announces`); ``links`` when it gives a web address; ``addresses`` when the site
    speaks to its reader in it (:func:`addresses_reader`); ``asks`` when it ends on the writer's own
    question, outside quotation marks ("Will the league sanction the organization in some way?": a briefing
    line tells; a question someone asked, "... is “How did you do it?”", ends on its closing mark);
    ``verbless`` when it has no finite verb (:func:`has_finite_verb`).
    """

    last: int = 0
    follows: bool = False
    balanced: bool = True
    trimmed: bool = False
    announces: bool = False
    links: bool = False
    addresses: bool = False
    asks: bool = False

    @cached_property
    def words(self) -> int:  # type: ignore[override]
        """The span's length in words, counted once: selection weighs a passage in several runs and passes."""
        return super().words

    @cached_property
    def verbless(self) -> bool:
        """Whether the passage has no finite verb, found only when asked: candidates ask last, after the
        cheaper tests have ruled most passages out."""
        return not has_finite_verb(self.text)


def opening_word(text: str) -> str:
    """The first word of ``text``, lower-cased, past any quotation marks or punctuation ("" if none)."""
    match = _FIRST_WORD.match(text)
    return match.group(1).lower() if match else ""


def refers_back(text: str) -> bool:
    """Whether ``text`` opens with a word that needs the sentence before it, in any case (a summary line must
    read alone). Not :func:`newsbrief.lang.en.linking.leans_back`, which claims use: that one asks only of a
    capitalised word, and its pronouns differ ("such", "both", "there" are back references here)."""
    word = opening_word(text)
    return word in BACK_REFERENCES or word in CONNECTIVES


def first_clause(text: str) -> str:
    """``text`` up to its first clause break (a comma, semicolon, colon, bracket or dash), all of it if none."""
    match = _CLAUSE_BREAK.search(text)
    return text[:match.start()] if match else text


def subordinate_only(text: str) -> bool:
    """Whether ``text`` is a subordinate clause and nothing else: it opens with a subordinator ("Because",
    "Although") and no clause break follows, so no main clause does ("Because it may be time we all moved
    to Sweden."). Such a line only answers or qualifies the sentence before it."""
    return opening_word(text) in SUBORDINATORS and first_clause(text) == text


def bare_shell_noun(text: str) -> bool:
    """Whether the first clause of ``text`` holds a definite shell noun that nothing after it explains
    ("rejected the accusation.", "The move comes", not "the accusation that ..." or "the decision to
    ..."): what the noun stands for was told in the sentence before."""
    if not _DEFINITE_SHELL.search(text):  # most passages: no shell noun anywhere, no clause to find
        return False
    return any(match.group(1) not in SHELL_COMPLEMENTS for match in _DEFINITE_SHELL.finditer(first_clause(text)))


def points_back(text: str) -> bool:
    """Whether ``text`` needs the sentence before it though it opens with no pronoun or connective: it is
    only a subordinate clause, or its first clause names a statement or act by a bare shell noun."""
    return subordinate_only(text) or bare_shell_noun(text)


def addresses_reader(text: str) -> bool:
    """Whether, outside its quotations, ``text`` speaks as "we" to "you" ("We hope that looking at these
    results will encourage you to take part"): the site (or an unnamed statement's writer) talking to
    its reader, which no summary should repeat."""
    lower = text.lower()
    if "you" not in lower:  # most passages: no need to find the words
        return False
    outside = " ".join(QUOTE_MARK.split(lower)[::2])  # a passage used has balanced marks: every other piece
    used = set(words(outside))
    return not used.isdisjoint(READER_WORDS) and not used.isdisjoint(FIRST_PLURAL)


def has_finite_verb(text: str) -> bool:
    """Whether ``text`` shows a finite verb, as word forms and their neighbours tell it without a tagger: an
    auxiliary or a modal (``lang/en/auxiliaries.txt``), an irregular past or a common plain present
    (``lang/en/finite_verbs.txt``) whose case lets it be a verb (:func:`_may_be_verb`: "Hope faded", not
    "Hope Hicks at the Capitol"), an auxiliary opening a question, a contraction ("didn't", "they're"), a
    lower-case word in -ed (``lang/en/not_past.txt`` aside, not after an article, "the damaged hull", and
    not opening a participle phrase after a comma: ", charged with ..."),
    a lower-case word in -s not after a determiner, number or preposition (``lang/en/phrase_words.txt``:
    "Cold rock lurks", not "five bedrooms"), or a lower-case word where a verb stands: after a subject (a
    pronoun or a plural, ``lang/en/subject_words.txt``, "they head out", "Violators face", "Israelis vote",
    "The Kurds fight", "Two die"), after a plural subject's prepositional phrase ("Workers at the plant
    strike") or after an adverb that stands before verbs ("Seinfeld and Sklar already share"). A line with
    none is a caption, a list entry or a label ("The cabin of a Qatar Airways plane.", "Title page of the
    first edition (1830)."), no summary line. It errs towards finding a verb, since a sentence lost costs
    more than a caption kept: a caption with a participle ("Smoke seen over the harbour") passes, and so
    does a noun the rules take for a verb; a line in capitals only is read in lower case."""
    if text.upper() == text:  # capitals only ("EACH TRAIN TRAVELS ..."): every word may be a verb
        text = text.lower()
    if any(word in FINITE_VERBS for word in (piece.strip(_AROUND_WORD) for piece in text.split()) if word.islower()):
        return True  # a listed verb in lower case, found without the tokenizer: most lines have one
    found = list(_LINE_WORD.finditer(text))
    lowers = [match.group().lower().replace("’", "'") for match in found]
    if any(lower in FINITE_VERBS and _may_be_verb(found, i) for i, lower in enumerate(lowers)):
        return True
    if lowers and lowers[0] in AUXILIARIES and text.rstrip(_AFTER_COLON).endswith("?"):
        return True  # a question: "Could SAG stand for Sagittarius?"
    for i, (match, lower) in enumerate(zip(found, lowers)):
        token = match.group()
        if _CONTRACTED_VERB.search(lower):
            return True
        plural = _plural(lower) or (token[0].isupper() and len(lower) >= 5 and lower.endswith("is"))
        # a plural opening the line (after "The" too), in lower case or after a lower-case word ("2.7 million
        # Americans carry"), not inside a name ("a Qatar Airways plane"); a number word opening the line
        # before no plural noun ("Two die", "Fifty-seven percent disapprove", not "Four berths")
        number = lower.split("-")[0]
        subject = (lower in SUBJECT_WORDS or (i == 0 and (number in NUMBER_WORDS or number in TENS)
                                              and not (_next_word(text, found, i) or "s").endswith("s"))
                   or (plural and (i == 0 or token.islower() or found[i - 1].group().islower()
                                   or (i == 1 and lowers[0] == "the"))))
        if (subject or _next_word(text, found, i) in VERB_ADVERBS) and _verb_after(text, found, i):
            return True
        if subject and plural and _next_word(text, found, i) in PREPOSITIONS and any(
                lowers[j] not in PHRASE_WORDS and _verb_after(text, found, j)
                for j in range(i + 2, min(i + 6, len(found)))):
            return True
        if token.islower() and ((looks_past(lower) and not (i and lowers[i - 1] in ARTICLES)
                                 and not _participle_phrase(text, found, i))
                                or (plural and i and lowers[i - 1] not in PHRASE_WORDS)):
            return True
    return False


def _may_be_verb(found: list[re.Match[str]], at: int) -> bool:
    """Whether ``found[at]`` may be a verb by its case: in lower case, in capitals ("The cup IS the
    dessert"), a contraction ("Here's Zuckerberg's statement"), or capitalised before a lower-case word
    ("Hope faded", "Q: Is it OK") or alone: not a name's first word ("Hope Hicks", "Will Smith") nor a
    name's last ("in May.")."""
    token = found[at].group()
    if token.islower() or (len(token) > 1 and token.isupper()) or "'" in token or "’" in token:
        return True
    return found[at + 1].group()[:1].islower() if at + 1 < len(found) else at == 0


def _plural(word: str) -> bool:
    """Whether ``word`` (lower case) may be a plural noun or a verb in -s: not "press", "virus", "this"."""
    return len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def looks_past(word: str) -> bool:
    """Whether ``word`` (lower case) looks like a past tense or participle in -ed: four letters at least
    ("led" is in ``finite_verbs.txt``) and not a noun or number in -ed (``lang/en/not_past.txt``)."""
    return len(word) >= 4 and word.endswith("ed") and word not in NOT_PAST


def _participle_phrase(text: str, found: list[re.Match[str]], at: int) -> bool:
    """Whether the word in -ed at ``found[at]`` opens a participle phrase set off by a comma or semicolon and
    followed by "with" or "by" ("Jonathan Polansky, 22, of Beverly, charged with eight counts ..."): a list
    entry's, not a finite verb."""
    return bool(at and text[found[at - 1].end():found[at].start()].rstrip().endswith((",", ";"))
                and _next_word(text, found, at) in ("with", "by"))


def _verb_after(text: str, found: list[re.Match[str]], at: int) -> bool:
    """Whether the word right after ``found[at]`` (white space between; past one adverb, ``lang/en/verb_adverbs.txt``
    or in -ly: "now accept", "regularly attend") may be a verb after a subject: lower case, letters only, no phrase word and no -ing form."""
    word = _next_word(text, found, at)
    if word is not None and (word in VERB_ADVERBS or (len(word) > 4 and word.endswith("ly"))):
        word = _next_word(text, found, at + 1)
    return (word is not None and word.islower() and word.isalpha() and word not in PHRASE_WORDS
            and not word.endswith("ing"))


def _next_word(text: str, found: list[re.Match[str]], at: int) -> str | None:
    """The word after ``found[at]`` when only white space comes between them (none after "?" or ",")."""
    if at + 1 >= len(found) or not text[found[at].end():found[at + 1].start()].isspace():
        return None
    return found[at + 1].group()


def speaker_introduced_before(names: FullNames, start: int, text: str) -> bool:
    """Whether ``text`` (a passage starting at ``start`` of the article ``names`` reads) opens with a speaker
    named by a surname alone that its article gave in full before ("Howard King ... King said"): out of its
    article, no one knows who."""
    match = _SURNAME_SPEAKS.match(text)
    return match is not None and names.before(match.group(1), start)


class FullNames:
    r"""Where an article first gives each surname asked about in full: right after a capitalised word and
    white space ("Howard King"), what ``[A-Z][\w.’'-]*\s+SURNAME\b`` finds, without compiling a pattern
    for each surname (a cluster has hundreds, and compiling one costs more than the search).

    The article is searched once per surname, not once per passage from its start: a surname's first
    full naming is recorded, and a passage asks only whether it ends before the passage begins.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._first_end: dict[str, int] = {}

    def before(self, surname: str, end: int) -> bool:
        """Whether ``text[:end]`` gives ``surname`` in full (as the pattern finds it searching ``text[:end]``,
        where a word cut at ``end`` ends there)."""
        if surname not in self._first_end:
            self._first_end[surname] = self._first(surname)
        return self._first_end[surname] < end or self._ends_at(surname, end)

    def _first(self, surname: str) -> int:
        """Where the first full naming of ``surname`` in the whole text ends (past the end if none does)."""
        text = self.text
        at = text.find(surname)
        while at != -1:
            after = at + len(surname)
            if _is_word(text[after - 1]) != (after < len(text) and _is_word(text[after])) \
                    and _capitalised_before(text, at):
                return after
            at = text.find(surname, at + 1)
        return len(text) + 1

    def _ends_at(self, surname: str, end: int) -> bool:
        """Whether a full naming ends right at ``end`` once the text is cut there (a word boundary there in
        ``text[:end]`` only, which :meth:`_first` on the whole text does not see)."""
        at = end - len(surname)
        return (at >= 0 and _is_word(self.text[end - 1]) and self.text.startswith(surname, at)
                and _capitalised_before(self.text, at))


def _is_word(char: str) -> bool:
    r"""Whether ``char`` is one the regex ``\w`` matches."""
    return char.isalnum() or char == "_"


def _capitalised_before(text: str, at: int) -> bool:
    r"""Whether white space ends right at ``at`` and the word before it (letters, digits and ``.’'-``) holds
    a capital A-Z: where ``[A-Z][\w.’'-]*\s+`` can end at ``at``."""
    gap = at
    while gap and text[gap - 1].isspace():
        gap -= 1
    if gap == at:
        return False
    begin = gap
    while begin and (_is_word(text[begin - 1]) or text[begin - 1] in ".’'-"):
        begin -= 1
    return any("A" <= char <= "Z" for char in text[begin:gap])


def _quote_marks(text: str) -> list[str]:
    """The quotation marks of ``text`` in order; most sentences have none, which substring searches (in C)
    tell faster than the regex can."""
    if not ('"' in text or "“" in text or "”" in text or "``" in text or "''" in text):  # QUOTE_MARK's
        return []
    return QUOTE_MARK.findall(text)


def quote_open_after(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open after ``text``, given whether one was open before it."""
    state = open_before
    for mark in _quote_marks(text):
        state = True if mark in OPENING_QUOTES else False if mark in CLOSING_QUOTES else not state
    return state


def quotes_balance(text: str) -> bool:
    """Whether every quotation ``text`` opens it also closes, and it closes none it did not open."""
    head = text.lstrip()
    if head.startswith(CLOSING_QUOTES):
        return False
    marks = _quote_marks(text)
    opened = sum(m in OPENING_QUOTES for m in marks)
    closed = sum(m in CLOSING_QUOTES for m in marks)
    return opened == closed and marks.count('"') % 2 == 0


def announces(text: str) -> bool:
    """Whether ``text`` announces what comes after it (a quotation, a list, a digest's items): it ends on a
    colon, or opens as an announcement does."""
    return text.rstrip(_AFTER_COLON).endswith(":") or text.lstrip().lower().startswith(ANNOUNCING)


def droppable_start(text: str, start: int, end: int) -> int | None:
    """Where the span ``text[start:end]`` would start without its leading droppable connective, if it has
    one and the rest is a sentence of its own; else None."""
    match = _LEADING_CONNECTIVE.match(text, start, end)
    if not match or match.group(1).lower() not in DROPPABLE_CONNECTIVES:
        return None
    rest = text[match.end():end]
    if refers_back(rest) or not quotes_balance(rest):
        return None
    return match.end()


def _passage(article: Article, names: FullNames, run: list[Sentence]) -> Passage:
    """The passage of the consecutive sentences ``run``, a leading connective dropped where that is safe (the
    article's wire dateline is already out of its first sentence: :mod:`newsbrief.segment`)."""
    first, last = run[0], run[-1]
    start, trimmed = first.start, False
    text = first.text if len(run) == 1 else squash(article.text[start:last.end])
    follows = refers_back(text)
    if follows:
        moved = droppable_start(article.text, start, last.end)
        if moved is not None:
            start, text, trimmed, follows = moved, squash(article.text[moved:last.end]), True, False
    follows = follows or speaker_introduced_before(names, start, text) or points_back(text)
    return Passage(article.id, start, last.end, text, first.index, last=last.index, follows=follows,
                   balanced=quotes_balance(text), trimmed=trimmed, announces=announces(text),
                   links="http://" in text or "https://" in text, addresses=addresses_reader(text),
                   asks=text.endswith("?"))


def passages(article: Article) -> list[Passage]:
    """The article's sentences as passages, in order; each quotation kept whole within its paragraph."""
    out: list[Passage] = []
    names = FullNames(article.text)
    for paragraph in article.paragraphs:
        run: list[Sentence] = []
        open_quote = False
        for sentence in paragraph.sentences:
            run.append(sentence)
            open_quote = quote_open_after(sentence.text, open_quote)
            if not open_quote:
                out.append(_passage(article, names, run))
                run = []
        if run:  # a quotation still open where the paragraph ends
            out.append(_passage(article, names, run))
    return out


def right_after(article: Article, before: Passage, passage: Passage) -> bool:
    """Whether ``passage`` comes right after ``before`` in ``article``: the next sentence, with at most
    :data:`FOLLOW_GAP` characters of white space between."""
    gap = article.text[before.end:passage.start]
    return (before.article == passage.article and before.last + 1 == passage.index
            and len(gap) <= FOLLOW_GAP and not gap.strip())
