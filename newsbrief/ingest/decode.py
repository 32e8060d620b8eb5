"""Bytes to text without ever crashing: BOM, then UTF-8, then the declared charset, then a guess."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BINARY_PROBE = 8192


class BinaryInput(ValueError):
    """Raised for data that is not text at all (images, archives, executables)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the head of a file mean it is not text (UTF-16 is handled by its BOM first)."""
    head = data[:_BINARY_PROBE]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


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


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode text sensibly: BOM, strict UTF-8, the declared charset, a detected one, cp1252.

    Raises :class:`BinaryInput` when the bytes are not text.
    """
    if looks_binary(data):
        raise BinaryInput("binary file, not text")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in filter(None, (declared, declared_charset(data))):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")
