"""Bytes to text without ever crashing: BOM, UTF-8 (with its stray bad bytes replaced), the declared
charset, then a guess; and text that every output can encode.

A page is decoded as one document: when it is UTF-8 but for a few bad bytes (a stray
Latin-1 "é" pasted into a UTF-8 page), only those bytes become U+FFFD, rather than the
whole page being re-read in another charset ("SchÃ¶ne" or "Schﾃｶne" for "Schöne").
"""

from __future__ import annotations

import codecs
import re

from newsbrief.model import REPLACEMENT

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BINARY_PROBE = 8192
_GUESS_PROBE = 200_000


class BinaryInput(ValueError):
    """Raised for data that is not text at all (images, archives, executables, random bytes)."""


DOCUMENTS = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, as .docx, .odt and .epub files are"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc)"),
)
"""Documents a user may take for text (a report renamed .html, a Word file): their first bytes, and what to call
them when they are refused, so the message says what the file is and what to do."""


def _binary(data: bytes) -> BinaryInput:
    """The error for ``data`` that is not text, naming the document it is when it is a known one."""
    kind = next((name for magic, name in DOCUMENTS if data.startswith(magic)), None)
    return BinaryInput(f"binary file, not text: {kind}; save it as text or HTML" if kind else "binary file, not text")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its <meta> tag, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 are still UTF-8 text with a few bad bytes: more valid
    multi-byte characters than invalid bytes. Text in a single-byte charset has almost no valid
    multi-byte sequences ("é" in Latin-1 is one byte followed by a letter), so it fails this test."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good > bad


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode text sensibly: BOM, UTF-8 (bad bytes replaced when it is mostly UTF-8), the declared
    charset, a detected one, cp1252.

    Raises :class:`BinaryInput` when the bytes are not text: NUL bytes in the head (UTF-16 has
    a BOM), the first bytes of a known document (:data:`DOCUMENTS`), or, for bytes that are not
    UTF-8, what charset-normalizer finds no text in.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:_BINARY_PROBE] or data.startswith(tuple(magic for magic, _ in DOCUMENTS)):
        raise _binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # charset-normalizer (20 ms to import) is loaded only for bytes that are not UTF-8.
    from charset_normalizer import from_bytes, is_binary

    if is_binary(data[:_GUESS_PROBE]):  # random bytes, images, archives: with or without NULs
        raise _binary(data)
    if mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    for codec in filter(None, (declared, declared_charset(data))):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:_GUESS_PROBE]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")
