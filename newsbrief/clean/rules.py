"""Patterns for web clutter in already-extracted text, each with the reason it is reported under.

These are general to news sites (comment forms, newsletter pitches, share rows,
ads, photo credits, copyright lines), not to any one outlet. A rule is tried on
whole lines and, for the ones marked ``sentence=True``, also on single sentences
that were glued onto the end of a real paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from newsbrief.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS


_CAPTION_DATE = "|".join(w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, "Sept", *WEEKDAYS))
"""A month or weekday name, as a wire photo caption dates its photo ("In this Saturday, July 1, 2017, photo")."""


def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@dataclass(frozen=True)
class Rule:
    """A kind of clutter. ``start`` patterns must match at the start of the lower-cased text,
    ``anywhere`` patterns anywhere in it, and ``exact`` patterns (case matters) anywhere in the text.

    ``anywhere`` patterns each begin with a literal and are searched one by one: the regex engine
    scans fast for a literal prefix, which an alternation of them or a leading word boundary loses.
    """

    reason: str
    start: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    sentence: bool = False
    ends_article: bool = False
    whole_page: bool = False
    """A line of this kind shows that the page is no article (a web archive's notes on its crawls, an error
    page): every line of it goes."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_start", re.compile("|".join(f"(?:{p})" for p in self.start or ("(?!)",))))
        object.__setattr__(self, "_anywhere", _compile(self.anywhere))
        object.__setattr__(self, "_exact", _compile(self.exact))

    def matches(self, text: str, lower: str) -> bool:
        """Whether ``text`` (with ``lower`` its lower-cased form) is this kind of clutter."""
        if self._start.match(lower):
            return True
        for pattern in self._anywhere:  # plain loops: every line of every article comes through here
            if pattern.search(lower):
                return True
        for pattern in self._exact:
            if pattern.search(text):
                return True
        return False


# "EPA-EFE/YAHYA NEMAH", "Graylock/Abaca Press/MCT/Newscom": capitalised names joined by slashes, nothing else.
_NAMES = r"[A-Z][\w'’\-]*(?: [A-Z\d][\w.'’\-]*){0,3}"
_CREDIT = rf"^{_NAMES}(?:/{_NAMES})+\s*$"

RULES: tuple[Rule, ...] = (
    Rule("comment form", start=(
        r"\s*(leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion))\b",
        r"\s*please enter your (comment|name|email)", r"\s*(\d+\s+)?comments?\s*(\(\d+\))?\s*$",
        r"\s*you must be logged in to", r"\s*(show|view|load) (all |more )?comments",
        r"\s*comments? (are|have been) (closed|disabled)"),
        anywhere=(r"your email address will not be published", r"required fields are marked"),
        sentence=True, ends_article=True),
    Rule("subscription pitch", start=(
        r"\s*be part of quality journalism", r"\s*(support|become a member of) (our|independent|quality) journalism",
        r"\s*(already a subscriber|subscribe now|get the newsletter)", r"\s*free news delivery"),
        anywhere=(
        r"sign up\b.{0,60}\b(newsletter|updates|alerts|inbox|today|now)\b",
        r"subscribe\b.{0,60}\b(newsletter|updates|alerts|inbox|today|now)\b",
        # spelled out, not "news(letter)? ..." or "delivered (right )?...": the leading literal screens every
        # line (see _may_match), and "news" or "delivered " alone is in a twentieth of news lines
        r"newsletter delivery by email\b", r"news delivery by email\b", r"delivered to your inbox",
        r"delivered right to your inbox",
        r"enter your e-?mail\b", r"quality journalism takes a lot of", r"only a handful are paying\b"),
        sentence=True, ends_article=True),
    Rule("share buttons", start=(
        r"\s*(share|tweet|email|print|pin|whatsapp|reddit|linkedin|facebook|twitter)"
        r"(\s+(on|this|via|article|story|page))*\s*[:|]?\s*$",
        r"\s*share (on|this|via) (facebook|twitter|whatsapp|email|linkedin)",
        r"\s*(follow|like) us on\b", r"\s*click (here )?to share\b",
        r"\s*tweet with a location\b", r"\s*you can add location information to your tweets",
        r"\s*join us on (facebook|twitter|instagram)\b", r"\s*read or share this story\b"),
        anywhere=(r"when you tweet with a location", r"twitter stores that location", r"delete your location history"),
        sentence=True),
    Rule("advertisement", start=(
        r"[\s\-–—•*|]*(advertisement|advertising|sponsored( content)?|ad|promoted|"
        r"story continues (below|after)( advertisement)?|continue reading below)[\s\-–—•*|]*$",),
        sentence=True),
    Rule("photo credit or caption", start=(
        r"\s*(photo|image|picture|video|file photo|caption)s?\s*(credit)?\s*[:/]",
        r"\s*(\(|\[)?(photo|image|picture)s? (by|courtesy|credit)\b",
        # a wire photo's caption: "In this Saturday, July 1, 2017, photo, people line up at ..."
        # (only a date, "file", "handout" or "undated" before "photo": "In this case, the photo showed ..." is news)
        rf"\s*(\([^()]{{1,40}}\)\s*)?in this"
        rf"(?:[\s,]+(?:{_CAPTION_DATE}|\d{{1,4}}(?:st|nd|rd|th)?|file|handout|undated)\b\.?)*"
        r"[\s,]+(photo|photograph|image|picture)(,| (taken|provided|released|made|shot|dated|from|by) )"),
        # "ap photo" after a word boundary, and an agency after ". —": the look-behinds come after the first
        # literal so that the regex engine can scan for it (a leading \b or [.\s] made these 5-10x slower).
        anywhere=(r"getty images", r"shutterstock", r"afp photo", r"ap photo(?<!\wap photo)", r"reuters/[a-z]",
                  r"image copyright\b", r"hide caption \d"),
        exact=(_CREDIT,
               r"[—–-](?<=[.\s][—–-])\s?(AP|AFP|Reuters|EPA|Getty|Anadolu|Xinhua)\s*$"),
        sentence=True),
    Rule("copyright line", start=(r"\s*(copyright\b|©|\(c\)\s*\d{4})",),
         anywhere=(r"all rights reserved", r"may not be (published|reproduced|redistributed|rewritten)",
                   r"for any licensing requests", r"this video is copyright protected"),
         sentence=True),
    Rule("syndication notice", anywhere=(
        r"editor: (for further information|visit)", r"nonsubscribers: to publish", r"to purchase this material",
        r"article, it must be purchased", r"syndicate web site", r"syndicate sales"), sentence=True),
    Rule("editor's note on the wire copy", start=(
        r"\s*\((story (to move|can end here)|end optional trim|optional (add|trim)|eds?:|editors?:)",),
        sentence=True),
    Rule("related link", start=(
        r"\s*(read more|related( articles| stories| coverage| news)?|see also|also read|recommended"
        r"( for you)?|more from|more stories|watch|listen|trending( now| news)?|most read|"
        r"top stories|you may also like|don'?t miss)\s*[:|>»\-–—]",
        r"\s*[\[(](video|photos?|gallery|slideshow|audio|podcast)\s*:"),
        sentence=True),
    Rule("wiki section heading", exact=(r"\[\s*edit\s*\]\s*$",),  # a heading and its edit link: "Early life [ edit ]"
         sentence=True),
    Rule("reporting credit", start=(r"\s*\((additional )?(reporting|writing|editing) by\b",),
         anywhere=(r"contributed (reporting )?to this (report|story|article)\b",),
         sentence=True),
    # What a scraper gets when it fetches something else than the article: a web archive's notes on its
    # crawls (a page fetched through the archive), an error page, a video player's messages, a sign-in form.
    Rule("web archive notice", start=(r"\s*the seed for (this crawl|\w+\d+ was)",),
         anywhere=(r"crawl data to the internet archive", r"added to the wayback machine",
                   r"crawls are part of an effort to archive", r"seed list for this crawl", r"seedlist",
                   r"this crawl was run at", r"warc files associated with", r"crawl of outlinks",
                   r"archive-it service"),
         whole_page=True),
    Rule("page not found", anywhere=(r"page you requested could not be found", r"custom domain mapping"),
         whole_page=True),
    Rule("video player message", anywhere=(
        r"interactive transcript could not be loaded", r"rating is available when the video has been rented",
        r"this feature is not available right now", r"replay more videos", r"copy this code to your website"),
        sentence=True),
    # The site speaking to its reader about the page, not the news: "Just fill in your contact details in the
    # form below", "For a full recap of the night's big winners, click here.", "Watch ... in the clip above."
    # "click here" only opening a sentence or after its lead-in (", click here"): a short paragraph whose
    # news sentence ends on "(Click here to see the flyer)" keeps its news, and segmenting cuts the rest.
    Rule("site talking to its reader", start=(
        r"[\s(\[]*(just |simply )?fill (in|out) (your|the|this)\b",
        r"[\s(\[]*click (here|below|on the link|the link)\b",
        r"[\s(\[]*(watch|see|listen to|check out)\b[^\"“”]*\b(above|below)[\s.!:)\]]*$",
        r"[\s(\[]*(tell|send|show) us\b", r"[\s(\[]*(please )?(be sure to |make sure you )?check back\b"),
        anywhere=(r", click here\b", r": click here\b", r"! click here\b", r"after the jump\b",
                  r"join our mailing list", r"in the form below",
                  r"share your (own )?(thoughts|views|comments) ", r"let us know in the comments",
                  r"in your inbox (each|every)\b"),
        sentence=True),
    Rule("sign-in form", start=(r"\s*(please )?sign in (using|with)\b", r"\s*welcome back\. please sign in",
                                r"\s*already have an account\?", r"\s*thank you for registering"),
         anywhere=(r"by submitting your registration", r"click on the link to activate your account",
                   r"sign in to update your profile"),
         sentence=True),
)

TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")


def literal_prefix(pattern: str) -> str:
    """The text every match of ``pattern`` begins with: its characters up to the first bit of regex syntax
    (without the last one when a quantifier follows it: "enter your e-?mail" -> "enter your e")."""
    head = re.match(r"[^\\.^$*+?{}\[\]()|]*", pattern).group()  # type: ignore[union-attr]
    return head[:-1] if pattern[len(head):len(head) + 1] in ("*", "?", "{") and head else head


def any_of(literals: Iterable[str]) -> Callable[[str], bool]:
    """A test of whether a text holds any of ``literals``, in one pass over it (an Aho-Corasick automaton:
    44 substring searches cost 3 times as much on every line and sentence of a cluster)."""
    literals = list(dict.fromkeys(literals))
    if not literals or "" in literals:  # every text holds the empty string
        return lambda text: bool(literals)
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return lambda text: next(automaton.iter(text), None) is not None


_STARTS = re.compile("|".join(f"(?:{p})" for r in RULES for p in r.start))
_HAS_LITERAL = any_of(literal_prefix(p) for r in RULES for p in r.anywhere)
_EXACT = tuple(re.compile(p) for r in RULES for p in r.exact)

CACHED_LENGTH = 400
"""Texts up to this long have what is found in them remembered (the rule they match here, their sentence
offsets in :mod:`newsbrief.segment`): boilerplate lines, and the sentences and paragraphs of wire copy,
recur across the articles of a cluster, and a bounded cache of short texts stays small (65,536 of them)."""


def _may_match(text: str, lower: str) -> bool:
    """False when no rule can match: no ``start`` pattern does, no ``anywhere`` pattern's leading literal is
    in the text and no ``exact`` pattern is found. Most lines and sentences are prose, so this cheap
    test (one regex call and substring searches in C) saves trying every rule in turn."""
    if _STARTS.match(lower) or _HAS_LITERAL(lower):
        return True
    return any(p.search(text) for p in _EXACT)


def _first_rule(text: str) -> Rule | None:
    lower = text.lower()
    if not _may_match(text, lower):
        return None
    return next((r for r in RULES if r.matches(text, lower)), None)


_remembered = lru_cache(maxsize=1 << 16)(_first_rule)


def match_rule(text: str, sentence: bool = False) -> Rule | None:
    """The first rule the text matches (only sentence-level rules when ``sentence``).

    What is remembered is the first of all rules, whichever is asked: a paragraph of one sentence is
    asked as a line by cleaning and again as a sentence by the splitter (a third of the DUC dev sentences),
    and the first sentence-level rule is the first of all when that one is sentence-level, or none when
    no rule matches (most texts)."""
    rule = (_remembered if len(text) <= CACHED_LENGTH else _first_rule)(text)
    if rule is None or rule.sentence or not sentence:
        return rule
    lower = text.lower()
    return next((r for r in RULES[RULES.index(rule) + 1:] if r.sentence and r.matches(text, lower)), None)


def is_fragment(line: str) -> bool:
    """A short line with no closing punctuation: a menu item, a label, a heading or a link title."""
    return len(line.split()) <= 15 and not TERMINAL.search(line)
