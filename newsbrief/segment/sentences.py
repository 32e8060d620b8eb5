"""Sentence splitting for messy news text, keeping offsets into the original.

blingfire does the splitting (fast and abbreviation-aware: among the splitters
measured for this project it was the best of the fast ones), but it neither splits
glued sentences (``civil war.Turkey``) nor knows about lines. So each paragraph is first cut at
glue points, each piece is split by blingfire, and pieces that start in lower
case (``"Where?" asked one resident``) are joined back to the one before.
Glue points become sentence boundaries: the "missing space" is inserted by
showing the two sentences apart, while offsets still point into the untouched text.
"""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import replace
from functools import lru_cache

import blingfire

from newsbrief.clean.rules import CACHED_LENGTH, match_rule
from newsbrief.lang.en.datelines import DATELINE_DASHES, LAYOUT_CODE, WIRE_INITIALS
from newsbrief.model import Article, Paragraph, Removed, Sentence, squash

# A boundary with no space: two lower-case letters (not an abbreviation like U.S.)
# or a number, then sentence punctuation and optional closing quotes, then a capital
# letter or an opening quote starting a word.
_GLUE = re.compile(
    r"(?:(?<=[a-z]{2})|(?<=\d)|(?<=[a-z][)\]]))[.!?]+[\"”’)]*(?=[\"“”]?[A-Z][a-z])"
    r"|(?<=[a-z]{2}[\"”’])[.!?]+(?=[A-Z][a-z])"
    r"|(?<=\.\.\.)(?=[A-Z][a-z])"
)
# "ISTANBUL - ", "(MOSCOW) — ", "HATAY (Turkey): ", "WASHINGTON (Reuters) -", "STORRS, Conn. (WTNH) —", "(CNN)".
_LEADING_CODES = re.compile(rf"(?:(?:{LAYOUT_CODE})\s*)+(?:[A-Z][A-Z.'’ ,-]{{1,40}}\s+_\s+(?:(?:{LAYOUT_CODE})\s*)*)?")
_TRAILING_CODES = re.compile(rf"(?:\s*(?:{LAYOUT_CODE}|(?<=[.!?\"”'’)])\s*{WIRE_INITIALS}))+\s*$")
"""Newswire layout codes at a sentence's edges ("&LR; &QL; &UR; NAPSTER _ &LR; The lawyer ...", "... run) &QL;"),
the slug they set off, and the wire staff's initials after the last sentence ("... independence. (jt/krt)"):
typesetting, not part of what the sentence says."""
_DATELINE = re.compile(
    r"(?:\(?[A-Z][A-Z.'’ ,-]{2,40}\)?(?:,? [A-Z][a-z]{1,4}\.?)?(?: \([A-Za-z .]{2,30}\))?\s*[-—–:]+"
    r"|\([A-Z][A-Za-z]{1,15}\)\s*[-—–]*)\s+"
    r"(?=[A-Z“\"])"
)
# The wire's own form: up to eight words that each hold a capital or a digit, then a dash or underscore
# after a space ("NEW YORK _ ", "BANGKOK, Thailand (AP) _ ", "MADRID, July 2 (Xinhua) -- ",
# "Madrid, June 24 (Xinhua) -- "), or a label in capitals ("EDITORS: "); a plain hyphen only after a place
# all in capitals ("NEW YORK - "), since "Senate - which" is prose. A word is followed by white space, so it is a
# whole run of non-space characters: taken possessively (``\S++``) after a look-ahead for its capital or digit.
# Written "\S*[A-Z0-9]\S*", a word could be split as many ways as it has capitals, and a long lead in
# capitals took 61 ms to fail (the same matches; a hundred times faster over 18,725 dev paragraphs).
_WIRE_DATELINE = re.compile(r"\s*(?:(?:((?:(?=\S*[A-Z0-9])\S++\s+){0,7}(?=\S*[A-Z0-9])\S++)\s+)?"
                            rf"(?:{'|'.join(map(re.escape, DATELINE_DASHES))})"
                            r"|[A-Z][A-Z'’ ]{2,20}:)\s+(?=[\"“A-Z])")
_LIST_MARKER = re.compile(r"\s*(?:-{1,2}|[—–•*·▪►])\s+(?=\S)")
"""A list item's marker where a paragraph begins ("-- A spokesman said ...", "• The ministry ..."): layout
that sets the item off, not part of its sentence (a number needs no space after a minus: "-5 degrees")."""
# Every _GLUE match has sentence punctuation followed (closers and a quote aside) by a capital: a cheap
# test that lets most paragraphs skip the look-behinds.
_MAYBE_GLUE = re.compile(r"[.!?][\"”’)\]]*[\"“”]?[A-Z]")
_DOTCOM = re.compile(r"\.(com|org|net|gov|edu|co|uk|io)\b", re.I)
_ONE_SENTENCE = re.compile(r"(?=[!-~])[^.!?]+[.!?]*[\"')]*")
"""An ASCII piece with sentence punctuation only at its end (before closing quotes or brackets), and no white
space or control character as its first or last character (the last is tested apart): blingfire gives it
whole, as one sentence. That held on 274,586 lines of the dev sets (news and web pages) and on 67,618
random strings of ASCII punctuation, control characters and letters up to 3,000 long, so such a piece is
not sent to blingfire: 44% of the DUC dev paragraphs are one. A piece that is not ASCII always is:
blingfire also ends sentences at full-width marks and at odd spaces."""


def _glue_points(text: str) -> list[int]:
    if not _MAYBE_GLUE.search(text):
        return []
    points = []
    for match in _GLUE.finditer(text):
        end = match.end()
        if _DOTCOM.match(text, match.start()):
            continue
        points.append(end)
    return points


_LOCAL = threading.local()


def _buffers(capacity: int) -> tuple[ctypes.Array, ctypes.Array, ctypes.Array]:
    """Output buffers for blingfire (its sentences, their start and end byte offsets), reused across calls
    (allocating per call cost as much as splitting). One set per thread: blingfire runs without the GIL,
    so threads sharing them (the HTTP API briefs in worker threads) would overwrite each other's offsets."""
    buffers = getattr(_LOCAL, "buffers", None)
    if buffers is None or len(buffers[0]) < capacity:
        size = max(capacity, 1 << 16)
        buffers = _LOCAL.buffers = (ctypes.create_string_buffer(size), (ctypes.c_int32 * size)(),
                                    (ctypes.c_int32 * size)())
    return buffers


def _sentence_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence (start, end) character offsets (:func:`_blingfire_offsets`), without asking it
    for a piece that is one sentence (:data:`_ONE_SENTENCE`)."""
    if text.isascii() and "!" <= text[-1:] <= "~" and _ONE_SENTENCE.fullmatch(text):
        return [(0, len(text))]
    return _blingfire_offsets(text)


def _blingfire_offsets(text: str) -> list[tuple[int, int]]:
    """blingfire's sentence (start, end) character offsets, without its per-byte Python loop.

    ``blingfire.text_to_sentences_and_offsets`` maps UTF-8 byte offsets to
    characters byte by byte in Python, which was a third of the pipeline's time.
    Here ASCII text needs no mapping, and other text is decoded once, a stretch
    between two offsets at a time (a paragraph has few sentences: no array work).
    """
    data = text.encode("utf-8", "replace")  # a lone surrogate becomes one "?" byte: offsets stay aligned
    size = len(data)
    out, starts, ends = _buffers(size * 2)
    # bytes and ints go to C as char* and int by ctypes' own conversion (wrapping them cost a third as much
    # as splitting a short paragraph)
    found = blingfire.blingfire.TextToSentencesWithOffsets(data, size, out, starts, ends, size * 2)
    if found <= 0 or found > size * 2:
        return []
    count = ctypes.string_at(out, found).rstrip(b"\0").count(b"\n") + 1
    begin = starts[:count]
    end = [min(e + 1, size) for e in ends[:count]]  # blingfire's end is the last byte's offset
    if size == len(text):
        return list(zip(begin, end))
    char_at, done, chars = {}, 0, 0  # multi-byte characters: byte offset -> character offset
    for offset in sorted({*begin, *end}):
        chars += len(data[done:offset].decode("utf-8", "replace"))
        char_at[offset], done = chars, offset
    return [(char_at[b], char_at[e]) for b, e in zip(begin, end)]


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets into ``text`` for the region ``text[start:end]``."""
    region = text[start:end]
    found = (_remembered if len(region) <= CACHED_LENGTH else _region_spans)(region)
    return [(start + s, start + e) for s, e in found]


def _region_spans(region: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets within ``region``: cut at glue points, each piece split by blingfire, a piece that
    continues the sentence before joined to it. They depend on the region's text alone, so a paragraph
    repeated across a cluster (wire copy) is split once (:data:`CACHED_LENGTH`)."""
    cuts = [0, *_glue_points(region), len(region)]
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = region[a:b]
        if not piece.strip():
            continue
        for s, e in _sentence_offsets(piece):
            s, e = a + s, a + e
            if spans and _continues(region, s, spans[-1][1]):
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return tuple(spans)


_remembered = lru_cache(maxsize=1 << 16)(_region_spans)


def _continues(text: str, start: int, prev_end: int) -> bool:
    """A piece starting in lower case, or after a non-closing character, belongs to the sentence before."""
    first = text[start:start + 1]
    if first.islower():
        return True
    last = text[prev_end - 1:prev_end]
    return bool(last) and last not in ".!?\"”’)…:;" and not last.isalnum()


def _without_codes(article: Article, start: int, end: int, removed: list[Removed]) -> tuple[int, int]:
    """The sentence span with the layout codes at its edges left out (each added to ``removed``)."""
    lead = _LEADING_CODES.match(article.text, start, end)
    if lead:
        removed.append(Removed(article.id, start, lead.end(), squash(lead.group()), "wire layout code"))
        start = lead.end()
    # every match ends in a code (";" or ")") and white space: a cheap test spares most sentences the search
    ends_like_code = article.text[start:end].rstrip()[-1:] in (";", ")")
    tail = _TRAILING_CODES.search(article.text, start, end) if ends_like_code else None
    if tail and tail.start() > start:
        removed.append(Removed(article.id, tail.start(), end, squash(tail.group()), "wire layout code"))
        end = tail.start()
    elif tail:
        removed.append(Removed(article.id, start, end, squash(article.text[start:end]), "wire layout code"))
        end = start
    return start, end


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where ``text[start:end]`` goes on after the dateline it opens with (where and by whom the report was
    filed, not what happened), if it opens with one."""
    found = _DATELINE.match(text, start, end)
    if found:
        return found.end()
    wire = _WIRE_DATELINE.match(text, start, end)
    place = wire.group(1) if wire else None
    if not wire or (place and text[wire.end(1):wire.end()].strip() == "-" and not place.isupper()):
        return None
    return wire.end()


def segment_article(article: Article) -> Article:
    """The article with each kept paragraph split into sentences; sentence-level boilerplate (and a
    dateline where the text begins, a list item's marker where a paragraph does) joins ``removed``."""
    index = 0
    removed: list[Removed] = []
    paragraphs: list[Paragraph] = []
    for para in article.paragraphs:
        start = para.start
        ends = dateline_end(article.text, start, para.end) if index == 0 else None
        if ends is not None:  # only where the article's text begins: elsewhere "U.S. - China ..." is prose
            removed.append(Removed(article.id, start, ends, squash(article.text[start:ends]), "dateline"))
            start = ends
        marker = _LIST_MARKER.match(article.text, start, para.end)
        if marker:
            removed.append(Removed(article.id, start, marker.end(), squash(marker.group()), "list marker"))
            start = marker.end()
        sentences = []
        for s, e in split_spans(article.text, start, para.end):
            s, e = _without_codes(article, s, e, removed)
            if s == e:
                continue
            text = squash(article.text[s:e])
            rule = match_rule(text, sentence=True)
            if rule:
                removed.append(Removed(article.id, s, e, text, rule.reason))
                continue
            sentences.append(Sentence(article.id, s, e, text, index))
            index += 1
        if sentences:
            paragraphs.append(Paragraph(start, para.end, tuple(sentences)))
    return replace(article, paragraphs=tuple(paragraphs),
                   removed=tuple(sorted((*article.removed, *removed), key=lambda r: r.start)))
