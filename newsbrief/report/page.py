"""What the HTML page shows, as plain data the templates draw: parts placed by a table, sources as citations.

:class:`PageView` turns a :class:`~newsbrief.model.Briefing` into the page's
pieces: summary lines, the facts arranged by :mod:`~newsbrief.report.sections`
and placed by :data:`PLACES` (a part added later needs a line there at most,
never a template change), the timeline chart, the sources-by-facts grid and the
account of every article. Every reference to an article becomes a chip that
cites it by outlet and date and opens it in the viewer at the span it gave.
Nothing here is markup; the templates escape all of it.

Offsets in the briefing count Python code points; JavaScript strings count
UTF-16 units, so the links' offsets are converted here (an emoji before a span
would shift it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsbrief.model import ArticleRecord, Briefing, Source, clipped
from newsbrief.report.chart import Chart, chart
from newsbrief.report.citations import Citations
from newsbrief.report.dates import as_read
from newsbrief.report.sections import Item, Part, Section, as_news, notice, sections, subject

GRID_ROWS = 24
"""At most this many rows in the sources-by-facts grid; disputed subjects come first."""

GRID_PARTS = (Part.DISPUTED, Part.UPDATES, Part.AGREED, Part.NAMES)
"""The parts whose lines are rows of the grid, in this order."""

GRID_SIDES = {Part.DISPUTED: "dis", Part.UPDATES: "upd"}
"""The parts whose grid rows show what each source gives (a dispute's side, a figure as it then stood),
and the class their rows are drawn with; the other rows show a dot."""

GRID_LABEL = 80
"""Characters of a fact line shown as a grid row's heading."""

SIDE_LABEL = 16
"""Characters of a dispute's side (a value, a party) shown in a grid cell."""


@dataclass(frozen=True)
class Place:
    """Where a part of the facts goes on the page and how it is drawn.

    ``region``: ``pair`` side by side at the top of the facts (the agreed
    facts on the left, the figures that changed above the disputed ones on the
    right), ``below`` full width under them, ``timeline`` the timeline's own
    section, each part a list of dated entries (``chart``: drawn on the chart
    too, the dots numbered like the list). ``tone`` colours the box;
    ``compact`` chips show only a dot (the citation in its tooltip), for parts
    of many short lines; ``empty`` is said when the part has no line (None: the
    part is left out).
    """

    region: Literal["pair", "below", "timeline"]
    tone: str = "plain"
    compact: bool = False
    empty: str | None = None
    chart: bool = False


PLACES = {
    Part.AGREED: Place("pair", "agreed", empty="No fact that the sources agree on."),
    Part.UPDATES: Place("pair", "updates"),
    Part.DISPUTED: Place("pair", "disputed",
                         empty="The sources do not contradict each other on any extracted fact."),
    Part.CONTEXT: Place("below", "context"),
    Part.CLAIMS: Place("below"),
    Part.NAMES: Place("below", compact=True),
    Part.TIMELINE: Place("timeline", empty="No dated events were found.", chart=True),
    Part.BACKGROUND: Place("timeline"),
}
"""Each part's place; a part not listed here goes below the others, drawn as a plain list."""

DEFAULT_PLACE = Place("below")


@dataclass(frozen=True)
class Link:
    """What opens an article in the viewer: its place in the page's data (None: it has no text to show),
    the span to highlight in UTF-16 units, and a tooltip."""

    index: int | None
    tip: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Chip:
    """A source as cited on the page: outlet and date (and the letter that tells namesakes apart), coloured
    by the article's status; ``label`` is the whole citation in one string."""

    link: Link
    status: str
    outlet: str
    date: str
    label: str


@dataclass(frozen=True)
class Line:
    """A fact line as drawn: its text, its sources, how some of them word it, its sub-lines."""

    text: str
    chips: tuple[Chip, ...]
    quotes: tuple[tuple[Chip, str], ...] = ()
    children: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Block:
    """A part of the facts as drawn: heading, place, lines, and what was cut."""

    part: str
    title: str
    place: Place
    lines: tuple[Line, ...]
    more: str | None = None


@dataclass(frozen=True)
class SummaryLine:
    """A summary sentence: it opens its span; its source and the others that say the same are chips."""

    text: str
    link: Link
    source: Chip
    also: tuple[Chip, ...]


@dataclass(frozen=True)
class Dated:
    """A timeline entry, numbered like its dot when the chart draws it (else ``n`` is None); ``date`` as a
    reader reads it ("week of 26 Oct 1998")."""

    n: int | None
    date: str
    text: str
    chips: tuple[Chip, ...]


@dataclass(frozen=True)
class Dates:
    """A part of the timeline as drawn (the story's own dates, its background): heading, place, the chart
    of its entries when its place has one, every entry, and what it says when it has none."""

    part: str
    title: str
    place: Place
    chart: Chart | None
    entries: tuple[Dated, ...]


@dataclass(frozen=True)
class Cell:
    """What one source gives on one grid row: a dot, or the side of a dispute; each opens its span."""

    text: str
    link: Link


@dataclass(frozen=True)
class Row:
    """A grid row: the fact line (cut short), the class of a row that shows each source's side or figure
    (:data:`GRID_SIDES`; None: dots) and, per column, what that source gives."""

    label: str
    sides: str | None
    cells: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Grid:
    """Facts down, articles across (each column headed by the article's citation)."""

    columns: tuple[Chip, ...]
    rows: tuple[Row, ...]
    more: int


@dataclass(frozen=True)
class Account:
    """One article in the account at the end of the page."""

    id: str
    title: str
    link: Link | None
    cite: str
    status: str
    reason: str
    url: str | None
    """The article's URL when it may be a link (http or https)."""
    written: str | None
    """Any other URL, shown as text."""
    source: str | None
    removed: int


@dataclass(frozen=True)
class StoryLink:
    """A story of the input as the index of a per-story set of pages lists it: its page (a file name beside
    the index), its title, how many articles it holds, and its summary's first line; ``with_`` is, when it
    is one incident of a story, the title of the story's other incident, in quotation marks."""

    page: str
    title: str
    articles: int
    lead: str | None
    with_: str | None = None


def utf16_offset(text: str, offset: int) -> int:
    """The JavaScript (UTF-16) index of Python index ``offset`` into ``text`` (a lone surrogate is one unit)."""
    offset = max(0, min(offset, len(text)))
    return len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a ``javascript:`` URL in an article must not."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


class PageView:
    """The page's parts as the templates draw them; every article reference becomes a citation chip."""

    def __init__(self, briefing: Briefing) -> None:
        self.b = briefing
        self.cites = Citations(briefing.articles)
        self._index = {rec.id: i for i, rec in enumerate(briefing.articles)}
        self._sections = {sec.part: sec for sec in sections(briefing)}
        self.covered = subject(briefing)  # what the headings name: "story", or "incident" for one of a story's

    # ------------------------------------------------------------ links and chips

    def record(self, article: str) -> tuple[int | None, ArticleRecord | None]:
        """Where ``article`` is in the page's data, and its record."""
        i = self._index.get(article)
        return i, self.b.articles[i] if i is not None else None

    def link(self, article: str, span: tuple[int, int] | None = None) -> Link:
        """A link opening ``article``, highlighting ``span`` (Python offsets) when it is inside the text."""
        i, rec = self.record(article)
        if rec is None or rec.text is None:
            return Link(None, self.cites.label(article))
        tip = f"{self.cites.label(article)}: {rec.title or rec.id}"
        if span and 0 <= span[0] <= span[1] <= len(rec.text):
            return Link(i, tip, utf16_offset(rec.text, span[0]), utf16_offset(rec.text, span[1]))
        return Link(i, tip)

    def chip(self, article: str, span: tuple[int, int] | None = None) -> Chip:
        """The chip citing ``article``, opening ``span`` in it when given."""
        rec = self.record(article)[1]
        cite = self.cites[article]
        date = " ".join(x for x in (cite.date, f"({cite.suffix})" if cite.suffix else "") if x)
        return Chip(self.link(article, span), rec.status if rec else "unreadable", cite.outlet, date, cite.label)

    def chips(self, articles: Iterable[str], sources: Sequence[Source] = ()) -> tuple[Chip, ...]:
        """One chip per article, opening the first span it gave, when known."""
        spans = _first_spans(sources)
        return tuple(self.chip(a, spans.get(a)) for a in dict.fromkeys(articles))

    # ------------------------------------------------------------ the parts of the page

    @property
    def kicker(self) -> str:
        """The line above the title: what the page is, a briefing on a story or on one incident of a story."""
        return "Briefing on one incident of a story" if self.covered == "incident" else "Briefing"

    @property
    def notice(self) -> str | None:
        """The line that opens the page: several stories in the input, an update, a question (see
        :func:`~newsbrief.report.sections.notice`)."""
        return notice(self.b)

    @property
    def has_facts(self) -> bool:
        """Whether facts were read at all (``--no-facts`` leaves none of them)."""
        return bool(self.b.facts or self.b.conflicts or self.b.timeline)

    def summary(self) -> list[SummaryLine]:
        """The summary lines in reading order."""
        return [SummaryLine(s.text, self.link(s.article, (s.start, s.end)), self.chip(s.article, (s.start, s.end)),
                            self.chips(s.support)) for s in self.b.summary]

    def blocks(self, region: str) -> list[Block]:
        """The parts placed in ``region``, in reading order; a part with an ``empty`` note is there even
        with no line."""
        out = []
        for part in Part:
            place = PLACES.get(part, DEFAULT_PLACE)
            if place.region == region and (part in self._sections or place.empty):
                sec = self._sections.get(part, Section(part, (), covered=self.covered))
                out.append(Block(part.name.lower(), sec.title, place, tuple(self.line(i) for i in sec.items),
                                 sec.more))
        return out

    def line(self, item: Item) -> Line:
        """A fact line with its chips, quotes and sub-lines."""
        quotes = tuple((self.chip(q.article, (q.start, q.end)), q.text) for q in item.quotes)
        return Line(item.text, self.chips(item.articles, item.sources), quotes,
                    tuple(self.line(c) for c in item.children))

    def dates(self) -> list[Dates]:
        """The parts of the timeline, in reading order: the story's own dates (charted) then its background,
        every entry of each (the JSON's, not the cut lists of the text formats); a part with an ``empty``
        note is there even with no entry."""
        out = []
        for part in Part:
            place = PLACES.get(part, DEFAULT_PLACE)
            if place.region != "timeline":
                continue
            entries = [t for t in self.b.timeline if t.background == (part is Part.BACKGROUND)]
            if entries or place.empty:
                drawn = chart(entries) if place.chart and entries else None
                listed = tuple(Dated(n if drawn else None, as_read(t.date), as_news(t.text, t.articles, self.b),
                                     self.chips(t.articles, t.sources)) for n, t in enumerate(entries, 1))
                out.append(Dates(part.name.lower(), part.heading(self.covered), place, drawn, listed))
        return out

    def grid(self) -> Grid | None:
        """Which source reports what: a row per fact line (disputed subjects first), a column per readable
        article; a disputed row shows the side each source gives."""
        cols = [rec.id for rec in self.b.articles if rec.text is not None]
        rows = [self._row(item, GRID_SIDES.get(part), cols)
                for part in GRID_PARTS if part in self._sections for item in self._sections[part].items]
        if not rows or not cols:
            return None
        return Grid(tuple(self.chip(a) for a in cols), tuple(rows[:GRID_ROWS]), max(0, len(rows) - GRID_ROWS))

    def _row(self, item: Item, sides: str | None, cols: Sequence[str]) -> Row:
        cells: dict[str, list[Cell]] = {}
        for side in item.children if sides else (item,):
            spans = _first_spans(side.sources)
            text = clipped(side.name or side.text, SIDE_LABEL) if sides else "●"
            for article in side.articles:
                cells.setdefault(article, []).append(Cell(text, self.link(article, spans.get(article))))
        return Row(clipped(item.text, GRID_LABEL), sides, tuple(tuple(cells.get(a, ())) for a in cols))

    def account(self) -> list[Account]:
        """Every input article, in input order."""
        return [self._account(rec) for rec in self.b.articles]

    def _account(self, rec: ArticleRecord) -> Account:
        link = self.link(rec.id) if rec.text is not None else None
        url = safe_url(rec.url)
        return Account(rec.id, rec.title or rec.id, link, self.cites.label(rec.id), rec.status, rec.reason,
                       url, None if url else rec.url, rec.source, len(rec.removed))

    # ------------------------------------------------------------ data for the viewer

    def data(self) -> dict[str, Any]:
        """What the viewer script needs per article (in the order of ``Link.index``); offsets in UTF-16 units."""
        return {"articles": [self._article_data(rec) for rec in self.b.articles]}

    def _article_data(self, rec: ArticleRecord) -> dict[str, Any]:
        text = rec.text or ""
        removed = [[utf16_offset(text, r.start), utf16_offset(text, r.end), r.reason] for r in rec.removed]
        return {"id": rec.id, "title": rec.title, "cite": self.cites.label(rec.id), "url": safe_url(rec.url),
                "status": rec.status, "text": text, "removed": removed}


def _first_spans(sources: Sequence[Source]) -> dict[str, tuple[int, int]]:
    """Article -> the first span read from it."""
    spans: dict[str, tuple[int, int]] = {}
    for src in sources:
        spans.setdefault(src.article, (src.start, src.end))
    return spans
