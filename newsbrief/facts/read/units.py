"""The text units facts are read from: an article's title line (when it is part of the text) and its
sentences, each a :class:`~newsbrief.model.Span` of the article, so that every fact found in a unit keeps
offsets into the original text and a briefing can point at the exact span."""

from __future__ import annotations

from dataclasses import dataclass

from newsbrief.lang.en.names import CREDITS, DATELINE, HEADLINED_DATELINE
from newsbrief.model import Article, Span, squash


@dataclass(frozen=True)
class Unit(Span):
    """A title or sentence of an article; ``text`` is ``article.text[start:end]`` untouched.

    ``position`` is its place among the article's units (the title is 0 when it is part of the text);
    ``sentence`` its index in ``Article.sentences`` (None for the title).
    """

    position: int = 0
    sentence: int | None = None
    quiet: tuple[tuple[int, int], ...] = ()
    """Spans of the article (start, end) that name no one the story is about: its dateline, bylines and
    credit lines ("NEW YORK (AP) _", "(AP Photo/Charlie Neibergall)")."""
    lead: int = 0
    """Where the sentence's own words start in the article, past a dateline (0 when it has none)."""

    def in_quiet(self, start: int, end: int) -> bool:
        """Whether article offsets ``start:end`` overlap a dateline, byline or credit line."""
        return any(start < b and a < end for a, b in self.quiet)

    @property
    def told(self) -> str:
        """The unit as a reader quotes it: past its dateline, and the headline glued before one ("…
        cease-fire MADRID, Spain (AP) _ The armed …" is quoted from "The armed")."""
        return squash(self.text[self.lead - self.start:]) if self.lead else self.shown

    @property
    def shown(self) -> str:
        """The unit with whitespace tidied, for display."""
        return squash(self.text)


def units(article: Article) -> list[Unit]:
    """The article's title line (if the text starts with it) and its sentences, in order."""
    out: list[Unit] = []
    head = article.text[:article.body_start]
    title = (article.title or "").strip()
    if title and title in head:
        start = head.index(title)
        out.append(Unit(article.id, start, start + len(title), title, 0))
    for sentence in article.sentences:
        text = article.text[sentence.start:sentence.end]
        quiet = [(sentence.start + m.start(), sentence.start + m.end()) for m in CREDITS.finditer(text)]
        dateline = DATELINE.match(text) if sentence.index < 2 else None
        dateline = dateline or (HEADLINED_DATELINE.search(text) if sentence.index == 0 else None)
        if dateline:
            quiet.append((sentence.start + dateline.start(), sentence.start + dateline.end()))
        out.append(Unit(article.id, sentence.start, sentence.end, text, len(out), sentence.index, tuple(quiet),
                        sentence.start + dateline.end() if dateline else 0))
    return out
