"""Patterns for web clutter in already-extracted text, each with the reason it is reported under.

These are general to news sites (comment forms, newsletter pitches, share rows,
ads, photo credits, copyright lines), not to any one outlet. A rule is tried on
whole lines and, for the ones marked ``sentence=True``, also on single sentences
that were glued onto the end of a real paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    sentence: bool = False
    ends_article: bool = False


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.I)


RULES: tuple[Rule, ...] = (
    Rule("comment form", _rx(
        r"^\s*(leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion))\b",
        r"your email address will not be published", r"required fields are marked",
        r"^\s*please enter your (comment|name|email)", r"^\s*(\d+\s+)?comments?\s*(\(\d+\))?\s*$",
        r"^\s*you must be logged in to", r"^\s*(show|view|load) (all |more )?comments",
        r"^\s*comments? (are|have been) (closed|disabled)"), ends_article=True),
    Rule("subscription pitch", _rx(
        r"\b(sign up|subscribe)\b.{0,60}\b(newsletter|updates|alerts|inbox|today|now)\b",
        r"\bnews(letter)? delivery by email\b", r"delivered (right )?to your inbox",
        r"\benter your e-?mail\b", r"^\s*be part of quality journalism",
        r"quality journalism takes a lot of", r"\bonly a handful are paying\b",
        r"^\s*(support|become a member of) (our|independent|quality) journalism",
        r"^\s*(already a subscriber|subscribe now|get the newsletter)", r"^\s*free news delivery"),
        sentence=True, ends_article=True),
    Rule("share buttons", _rx(
        r"^\s*(share|tweet|email|print|pin|whatsapp|reddit|linkedin|facebook|twitter)"
        r"(\s+(on|this|via|article|story|page))*\s*[:|]?\s*$",
        r"^\s*share (on|this|via) (facebook|twitter|whatsapp|email|linkedin)",
        r"^\s*(follow|like) us on\b", r"^\s*click (here )?to share\b",
        r"^\s*tweet with a location\b", r"^\s*you can add location information to your tweets"),
        sentence=True),
    Rule("advertisement", _rx(
        r"^[\s\-–—•*|]*(advertisement|advertising|sponsored( content)?|ad|promoted|"
        r"story continues (below|after)( advertisement)?|continue reading below)[\s\-–—•*|]*$"),
        sentence=True),
    Rule("photo credit or caption", _rx(
        r"^\s*(photo|image|picture|video|file photo|caption)\s*(credit)?\s*[:/]",
        r"^\s*(\(|\[)?(photo|image|picture)s? (by|courtesy|credit)\b",
        r"\b(getty images|shutterstock|afp photo|ap photo|reuters/[A-Z])",
        r"^[A-Z][A-Z\-]+(/[A-Z][A-Z .\-]+)+\s*$",
        r"[.\s][—–-]\s?(AP|AFP|Reuters|EPA|Getty|Anadolu|Xinhua)\s*$"), sentence=True),
    Rule("copyright line", _rx(
        r"^\s*(copyright\b|©|\(c\)\s*\d{4})", r"\ball rights reserved\b",
        r"\bmay not be (published|reproduced|redistributed|rewritten)"), sentence=True),
    Rule("related link", _rx(
        r"^\s*(read more|related( articles| stories| coverage| news)?|see also|also read|recommended"
        r"( for you)?|more from|more stories|watch|listen|trending( now| news)?|most read|"
        r"top stories|you may also like|don'?t miss)\s*[:|>»\-–—]"),
        sentence=True),
)

TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")


@lru_cache(maxsize=2)
def _any_rule(sentence: bool) -> re.Pattern[str]:
    """One pattern matching wherever any (sentence-level) rule matches: one scan for the usual clean line."""
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in RULES if r.sentence or not sentence), re.I)


def match_rule(text: str, sentence: bool = False) -> Rule | None:
    """The first rule the text matches (only sentence-level rules when ``sentence``)."""
    if not _any_rule(sentence).search(text):
        return None
    for rule in RULES:
        if sentence and not rule.sentence:
            continue
        if rule.pattern.search(text):
            return rule
    return None


def is_fragment(line: str) -> bool:
    """A short line with no closing punctuation: a menu item, a label, a heading or a link title."""
    return len(line.split()) <= 15 and not TERMINAL.search(line)
