"""HTML output: one self-contained page (no external scripts, fonts or styles) that works offline.

Every summary line, fact and timeline entry opens its source article in a side
panel with the span highlighted, so a reader can check any claim in one click.

Article text is hostile input. Two locks keep it inert:

1. everything from the briefing reaches the page either through ``html.escape``
   (server-side markup) or as JSON inside ``<script type="application/json">``
   with ``<``, ``>`` and ``&`` written as ``\\u003c`` ... (so neither ``</script>``
   nor ``<!--`` can end the block), and the script puts it on the page only with
   ``textContent``;
2. a Content-Security-Policy allows no scripts but this page's own (by hash), no
   inline event handlers and no network at all, so an ``onerror=`` that somehow
   slipped through still could not run.

Offsets in the briefing count Python code points; JavaScript strings count UTF-16
units, so offsets are converted here (an emoji before a span would shift it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

from newsbrief.model import ArticleRecord, Briefing, TimelineEntry, outlet
from newsbrief.report.sections import Item, Part, Section, sections

CHIP_WIDTH = 16
"""Characters of an outlet or id shown on a source chip (the full id is in its tooltip)."""

GRID_ROWS = 24
"""At most this many rows in the sources-by-facts grid; disputed subjects come first."""

SIDE = {Part.AGREED: "agreed", Part.NAMES: "agreed", Part.DISPUTED: "disputed", Part.CONTEXT: "disputed"}
"""Where each section goes; any other section spans the page below them."""

DRAWN = {Part.TIMELINE}
"""Sections shown elsewhere on the page (the timeline has its own chart)."""

GRID_SECTIONS = (Part.DISPUTED, Part.AGREED, Part.NAMES)
"""The sections whose lines are rows of the grid, in this order."""

NOTHING = {"agreed": "No fact that the sources agree on.",
           "disputed": "The sources do not contradict each other on any extracted fact."}

Spans = dict[str, tuple[int, int]]


def render(briefing: Briefing) -> str:
    """The briefing as one HTML page; see the module docstring for how article text is kept inert."""
    index = {rec.id: i for i, rec in enumerate(briefing.articles)}
    page = _Page(briefing, index)
    return _TEMPLATE.format(
        csp=escape(_CSP, quote=True),
        title=_e(briefing.title),
        css=_CSS,
        header=page.header(),
        summary=page.summary(),
        facts=page.facts(),
        timeline=page.timeline(),
        coverage=page.coverage(),
        account=page.account(),
        data=_json_block(page.data()),
        js=_JS,
    )


def _e(text: Any) -> str:
    """Escaped text for element content and quoted attributes."""
    return escape("" if text is None else str(text), quote=True)


def _json_block(value: Any) -> str:
    """JSON that cannot close its <script> element: every <, > and & is a \\u escape."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def utf16_offset(text: str, offset: int) -> int:
    """The JavaScript (UTF-16) index of Python index ``offset`` into ``text``."""
    offset = max(0, min(offset, len(text)))
    return len(text[:offset].encode("utf-16-le")) // 2


class _Page:
    """The sections of one page; each method returns escaped HTML."""

    def __init__(self, briefing: Briefing, index: dict[str, int]) -> None:
        self.b = briefing
        self.index = index
        self.sections = [sec for sec in sections(briefing) if sec.part not in DRAWN]

    # ---------------------------------------------------------- links

    def link(self, article: str, label: str, start: int | None = None, end: int | None = None,
             cls: str = "chip") -> str:
        """A control that opens ``article`` in the viewer, highlighting ``[start, end)`` if given."""
        i = self.index.get(article)
        rec = self.b.articles[i] if i is not None else None
        if rec is None or rec.text is None:
            return f'<span class="{cls} dead" title="{_e(article)}">{label}</span>'
        attrs = f'data-i="{i}"'
        if start is not None and end is not None and 0 <= start <= end <= len(rec.text):
            attrs += f' data-s="{utf16_offset(rec.text, start)}" data-e="{utf16_offset(rec.text, end)}"'
        tip = _e(f"{rec.id}: {rec.title}" if rec.title else rec.id)
        return f'<a class="{cls}" href="#viewer" role="button" {attrs} title="{tip}">{label}</a>'

    def number(self, i: int | None) -> str:
        """The article's number (its place in the account), coloured by its status."""
        if i is None:
            return '<b class="n st-unreadable">?</b>'
        return f'<b class="n st-{self.b.articles[i].status}">{i + 1}</b>'

    def chip(self, article: str, start: int | None = None, end: int | None = None, named: bool = True) -> str:
        """A small source label: the article's number, then (``named``) its outlet or id, cut short."""
        i = self.index.get(article)
        rec = self.b.articles[i] if i is not None else None
        label = _e(_short((rec and outlet(_safe_url(rec.url))) or article, CHIP_WIDTH)) if named else ""
        return self.link(article, f"{self.number(i)}{label}", start, end, cls="chip" if named else "chip bare")

    def chips(self, articles: Sequence[str], spans: Spans, named: bool = True) -> str:
        """One chip per article, opening the span it gave when known."""
        return "".join(self.chip(a, *spans.get(a, (None, None)), named=named) for a in dict.fromkeys(articles))

    # ---------------------------------------------------------- sections

    def header(self) -> str:
        counts = self.b.counts()
        badges = "".join(f'<span class="badge st-{s}">{n} {s}</span>' for s, n in counts.items())
        return f'<p class="counts">{len(self.b.articles)} articles in: {badges}</p>'

    def summary(self) -> str:
        if not self.b.summary:
            return _empty("Nothing usable to summarize.")
        items = []
        for line in self.b.summary:
            text = self.link(line.article, _e(line.text), line.start, line.end, cls="line")
            also = "".join(self.chip(a) for a in line.support)
            also = f'<span class="also">also in {also}</span>' if also else ""
            items.append(f"<li>{text} <span class=\"srcs\">{self.chip(line.article, line.start, line.end)}"
                         f"{also}</span></li>")
        return f'<ol class="summary">{"".join(items)}</ol>'

    def facts(self) -> str:
        """Agreed and disputed side by side (as ``newsbrief.facts.view`` arranges them), the rest below."""
        if not self.sections:
            return _empty("No facts were extracted for this briefing.")
        side = {"agreed": "", "disputed": ""}
        below = ""
        for sec in self.sections:
            if sec.part in SIDE:
                side[SIDE[sec.part]] += self.section(sec, titled=sec.title.casefold() != SIDE[sec.part])
            else:
                below += self.section(sec)
        cols = "".join(f'<div class="side {k}"><h3>{k.title()}</h3>{v or _empty(NOTHING[k])}</div>'
                       for k, v in side.items())
        return f'<div class="sides">{cols}</div>{below}'

    def section(self, sec: Section, titled: bool = True) -> str:
        """A list of fact lines; a dispute's sides link to the spans that give each value."""
        names = sec.part is Part.NAMES
        items = "".join(self.item(it, named=not names) for it in sec.items)
        title = f"<h4>{_e(sec.title)}</h4>" if titled else ""
        return f'{title}<ul class="facts{" names" * names}">{items}</ul>'

    def item(self, it: Item, named: bool = True) -> str:
        """A fact line with its source chips and note, then its sub-lines."""
        note = f'<div class="fnote">{_e(it.note)}</div>' if it.note else ""
        kids = "".join(self.item(c) for c in it.children)
        kids = f'<ul class="facts kids">{kids}</ul>' if kids else ""
        chips = self.chips(it.articles, _item_spans(it), named)
        return f'<li><span class="ftext">{_e(it.text)}</span> <span class="srcs">{chips}</span>{note}{kids}</li>'

    def timeline(self) -> str:
        entries = self.b.timeline
        if not entries:
            return _empty("No dated events were found.")
        items = []
        for n, t in enumerate(entries, 1):
            chips = "".join(self.chip(a) for a in t.articles)
            items.append(f'<li><span class="tnum">{n}</span><time>{_e(t.date)}</time>'
                         f'<span class="ttext">{_e(t.text)} <span class="srcs">{chips}</span></span></li>')
        return f'{timeline_svg(entries)}<ol class="timeline">{"".join(items)}</ol>'

    def coverage(self) -> str:
        """Facts down, articles across: which source reports what (disputed rows show each source's side)."""
        cols = [i for i, rec in enumerate(self.b.articles) if rec.text is not None]
        by_part = {sec.part: sec for sec in self.sections}
        rows = [self._row(it, p is Part.DISPUTED, cols)
                for p in GRID_SECTIONS if p in by_part for it in by_part[p].items]
        if not rows or not cols:
            return _empty("No facts to cross-check.")
        head = "".join(f'<th class="col">{self.link(self.b.articles[i].id, self.number(i))}</th>' for i in cols)
        more = f'<p class="note">{len(rows) - GRID_ROWS} more rows not shown.</p>' if len(rows) > GRID_ROWS else ""
        return (f'<div class="gridwrap"><table class="grid"><thead><tr><th></th>{head}</tr></thead>'
                f'<tbody>{"".join(rows[:GRID_ROWS])}</tbody></table></div>{more}')

    def _row(self, it: Item, disputed: bool, cols: list[int]) -> str:
        """One grid row: a dot per source of the line, or for a dispute every side each source gives."""
        cells: dict[str, list[tuple[str, tuple[int, int] | None]]] = {}
        if disputed:
            for child in it.children:
                spans = _item_spans(child)
                for art in child.articles:
                    cells.setdefault(art, []).append((_side_label(child.text), spans.get(art)))
        else:
            spans = _item_spans(it)
            cells = {art: [("●", spans.get(art))] for art in it.articles}
        tds = []
        for i in cols:
            art = self.b.articles[i].id
            links = " ".join(self.link(art, _e(text), *(span or (None, None)), cls="hit")
                             for text, span in cells.get(art, []))
            tds.append(f'<td class="{"dis" if disputed else "hit"}">{links}</td>' if links else "<td></td>")
        return f'<tr class="{"dis" if disputed else ""}"><th>{_e(_short(it.text, 80))}</th>{"".join(tds)}</tr>'

    def account(self) -> str:
        rows = []
        for i, rec in enumerate(self.b.articles):
            name = _e(rec.title or rec.id)
            title = self.link(rec.id, name, cls="open") if rec.text is not None else name
            where = _link_url(rec.url) or _e(rec.source or "")
            rows.append(f'<tr class="st-{rec.status}"><td>{self.number(i)}</td>'
                        f'<td>{title}<div class="meta"><code>{_e(rec.id)}</code> {where}'
                        f'{" · " + _e(rec.time[:10]) if rec.time else ""}</div></td>'
                        f'<td><span class="badge st-{rec.status}">{rec.status}</span></td>'
                        f'<td class="reason">{_e(rec.reason)}{_removed_note(rec)}</td></tr>')
        return ('<table class="account"><thead><tr><th>#</th><th>article</th><th>status</th><th>why</th>'
                f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')

    # ---------------------------------------------------------- data for the viewer

    def data(self) -> dict[str, Any]:
        """What the viewer needs per article; offsets in UTF-16 units."""
        return {"articles": [_article_data(i, rec) for i, rec in enumerate(self.b.articles)]}


def _article_data(i: int, rec: ArticleRecord) -> dict[str, Any]:
    text = rec.text or ""
    removed = [[utf16_offset(text, r.start), utf16_offset(text, r.end), r.reason]
               for r in rec.removed]
    return {"n": i + 1, "id": rec.id, "title": rec.title, "url": _safe_url(rec.url), "time": rec.time,
            "status": rec.status, "text": text, "removed": removed}


def _item_spans(it: Item) -> Spans:
    """Article -> the first span the line was read from in it."""
    spans: Spans = {}
    for src in it.sources:
        spans.setdefault(src.article, (src.start, src.end))
    return spans


def _side_label(text: str) -> str:
    """A dispute side in a grid cell: the party ("Russia: ...") or the value itself, cut short."""
    head, sep, _ = text.partition(":")
    return _short(head if sep and len(head) <= 30 else text, 16)


def _empty(message: str) -> str:
    return f'<p class="empty">{_e(message)}</p>'


def _short(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a ``javascript:`` URL in an article must not."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _link_url(url: str | None) -> str:
    safe = _safe_url(url)
    if not safe:
        return _e(url or "")
    return f'<a class="ext" href="{_e(safe)}" rel="noopener noreferrer">{_e(safe)}</a>'


def _removed_note(rec: ArticleRecord) -> str:
    n = len(rec.removed)
    return f'<div class="meta">{n} boilerplate span{"s" * (n != 1)} removed</div>' if n else ""


# ---------------------------------------------------------------- timeline chart

SVG_W, SVG_H, PAD = 720, 64, 36
BREAK_DAYS = 31
"""A gap longer than this between two dates is drawn as a break in the axis."""


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """The timeline as a small inline SVG: dots on a date axis, numbered like the list below it.

    When every date is an ISO date, a gap between two dates grows with the log of its
    length (an earlier incident years back must not squeeze the event's own days into
    one dot) and long gaps show a break mark; otherwise (relative dates such as
    "Thursday") entries are evenly spaced in the given order.
    """
    xs, breaks = _positions(entries)
    base = SVG_H - 30
    parts = [f'<line class="axis" x1="{PAD}" y1="{base}" x2="{SVG_W - PAD}" y2="{base}"/>']
    parts += [f'<text class="brk" x="{x:.1f}" y="{base + 4}">//</text>' for x in breaks]
    stacked: dict[float, int] = {}
    for n, (t, x) in enumerate(zip(entries, xs), 1):
        level = stacked.get(x, 0)
        stacked[x] = level + 1
        y = base - 16 * level
        r = min(4 + 1.5 * len(t.articles), 9)
        parts.append(f'<g class="tdot"><title>{_e(t.date)}: {_e(t.text)}</title>'
                     f'<circle cx="{x:.1f}" cy="{y}" r="{r:.1f}"/>'
                     f'<text class="tn" x="{x:.1f}" y="{y - r - 3:.1f}">{n}</text></g>')
    labelled: set[float] = set()
    for t, x in zip(entries, xs):
        if x not in labelled and _far_from(x, labelled):
            labelled.add(x)
            parts.append(f'<text class="tlabel" x="{x:.1f}" y="{base + 20}">{_e(_short_date(t.date))}</text>')
    height = SVG_H + 16 * (max(stacked.values()) - 1)
    return (f'<svg class="tchart" viewBox="0 {SVG_H - height} {SVG_W} {height}" role="img" '
            f'aria-label="timeline of {len(entries)} dated events">{"".join(parts)}</svg>')


def _positions(entries: Sequence[TimelineEntry]) -> tuple[list[float], list[float]]:
    """The x of each entry, and the x of each break mark on the axis."""
    span = SVG_W - 2 * PAD
    days = [_iso_date(t.date) for t in entries]
    if len(entries) == 1:
        return [SVG_W / 2], []
    if not all(days):
        return [PAD + span * i / (len(entries) - 1) for i in range(len(entries))], []
    distinct = sorted(set(days))  # type: ignore[type-var]
    if len(distinct) == 1:
        return [SVG_W / 2] * len(entries), []
    gaps = [(b - a).days for a, b in zip(distinct, distinct[1:])]
    weights = [1 + math.log1p(g) for g in gaps]
    at = [0.0]
    for w in weights:
        at.append(at[-1] + w)
    x_of = {d: PAD + span * a / at[-1] for d, a in zip(distinct, at)}
    breaks = [(x_of[a] + x_of[b]) / 2 for a, b, g in zip(distinct, distinct[1:], gaps) if g > BREAK_DAYS]
    return [x_of[d] for d in days], breaks


def _far_from(x: float, placed: set[float], gap: float = 64) -> bool:
    return all(abs(x - p) >= gap for p in placed)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _short_date(text: str) -> str:
    d = _iso_date(text)
    return f"{d.day} {d:%b %Y}" if d else (text if len(text) <= 14 else text[:13] + "…")


# ---------------------------------------------------------------- page template

_CSS = """
:root{--bg:#f7f7f5;--card:#fff;--ink:#1d2126;--mute:#5f6b76;--line:#e2e4e6;--accent:#1f5fbf;
--mark:#ffe27a;--used:#2e7d4f;--duplicate:#7a7f87;--empty:#9aa0a6;--off-event:#b7791f;--unreadable:#c0392b;
--agree:#e8f4ec;--dispute:#fcefe6}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--card:#1e2328;--ink:#e7e9eb;--mute:#9aa5b1;
--line:#323a42;--accent:#7fb0ff;--mark:#8a6d00;--agree:#1d3326;--dispute:#3a2a1f}}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;background:var(--bg);color:var(--ink);
font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans",sans-serif}
header{padding:1.4rem 2rem 1rem;border-bottom:1px solid var(--line);background:var(--card)}
header h1{margin:0 0 .3rem;font-size:1.6rem;line-height:1.25}
.kicker{margin:0;color:var(--mute);font-size:.8rem;letter-spacing:.08em;text-transform:uppercase}
.counts{margin:.4rem 0 0;color:var(--mute)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,40%);gap:1.5rem;padding:1.5rem 2rem;
max-width:1500px;margin:0 auto}
main section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.3rem;
margin-bottom:1.2rem}
h2{margin:0 0 .7rem;font-size:1.1rem}
h3{margin:0 0 .5rem;font-size:.95rem;text-transform:uppercase;letter-spacing:.05em}
h4{margin:.8rem 0 .3rem;font-size:.85rem;color:var(--mute);font-weight:600}
a{color:var(--accent)}
.empty,.note{color:var(--mute);font-style:italic;margin:.3rem 0}
ol.summary{margin:0;padding-left:1.4rem}
ol.summary li{margin:.45rem 0}
a.line{color:inherit;text-decoration:none;border-bottom:1px dashed var(--accent);cursor:pointer}
a.line:hover,a.line:focus{background:color-mix(in srgb,var(--mark) 45%,transparent);outline:none}
a.line.active{background:var(--mark)}
.srcs{display:inline-flex;flex-wrap:wrap;gap:.25rem;margin-left:.35rem;vertical-align:middle}
.also{color:var(--mute);font-size:.8rem;display:inline-flex;gap:.25rem;align-items:center}
.chip{display:inline-flex;align-items:center;gap:.3rem;font-size:.75rem;line-height:1.4;padding:0 .45rem 0 0;
border:1px solid var(--line);border-radius:999px;color:var(--ink);text-decoration:none;background:var(--card);
white-space:nowrap}
a.chip:hover,a.chip.active{border-color:var(--accent)}
.chip.dead{opacity:.6}
.chip.bare{padding:0;border:0;background:none}
b.n{display:inline-grid;place-items:center;min-width:1.4em;height:1.4em;border-radius:999px;color:#fff;
font-size:.7rem;font-weight:700;padding:0 .25em}
.st-used{--st:var(--used)}.st-duplicate{--st:var(--duplicate)}.st-empty{--st:var(--empty)}
.st-off-event{--st:var(--off-event)}.st-unreadable{--st:var(--unreadable)}
b.n,.badge{background:var(--st,var(--mute))}
.badge{display:inline-block;color:#fff;border-radius:4px;padding:0 .45rem;font-size:.75rem;margin-right:.3rem;
white-space:nowrap}
.sides{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;margin-bottom:.6rem}
.side{border-radius:8px;padding:.7rem .9rem}
.agreed{background:var(--agree)}.disputed{background:var(--dispute)}
ul.facts{list-style:none;margin:0;padding:0}
ul.facts li{margin:.4rem 0;overflow-wrap:anywhere}
ul.facts.kids{margin:.2rem 0 .4rem .9rem;padding-left:.6rem;border-left:3px solid var(--line)}
.disputed > ul.facts > li > .ftext{font-weight:600}
ul.names{display:flex;flex-wrap:wrap;gap:.1rem 1rem}
ul.names li{margin:.1rem 0}
.fnote{color:var(--mute);font-size:.8rem;margin-top:.1rem}
svg.tchart{width:100%;height:auto;display:block;margin-bottom:.4rem}
.tchart .axis{stroke:var(--line);stroke-width:2}
.tchart circle{fill:var(--accent);fill-opacity:.85;stroke:var(--card);stroke-width:2}
.tchart text{fill:var(--mute);font-size:11px;text-anchor:middle}
.tchart .tn{fill:var(--ink);font-weight:700}
.tchart .brk{fill:var(--mute);font-size:13px;font-weight:700}
ol.timeline{list-style:none;margin:0;padding:0}
ol.timeline li{margin:.45rem 0;display:grid;grid-template-columns:1.8em 7.5em minmax(0,1fr);align-items:baseline}
.tnum{font-weight:700;color:var(--accent)}
ol.timeline time{font-weight:600;overflow-wrap:anywhere;padding-right:.5rem}
.gridwrap{overflow-x:auto}
table.grid{border-collapse:collapse;font-size:.85rem}
table.grid th,table.grid td{border:1px solid var(--line);padding:.2rem .5rem;text-align:center}
table.grid tbody th{text-align:left;font-weight:400;max-width:22rem}
table.grid tr.dis th{font-weight:600}
table.grid td.dis{background:var(--dispute);font-weight:600}
a.hit{color:var(--accent);text-decoration:none}
table.account{border-collapse:collapse;width:100%;font-size:.9rem}
table.account th,table.account td{border-bottom:1px solid var(--line);padding:.4rem .4rem;text-align:left;
vertical-align:top}
.meta{color:var(--mute);font-size:.78rem;word-break:break-all}
.meta code{font-size:.78rem}
a.open{font-weight:600;text-decoration:none}
.reason{color:var(--ink)}
aside#viewer{position:sticky;top:1rem;align-self:start;height:calc(100vh - 2rem);display:flex;
flex-direction:column;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
.v-head{padding:.8rem 1rem;border-bottom:1px solid var(--line)}
.v-head h2{margin:0;font-size:1rem}
.v-text{flex:1;overflow:auto;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere;position:relative;
font-size:.92rem;line-height:1.6}
.v-text mark{background:var(--mark);color:inherit;border-radius:2px;box-shadow:0 0 0 2px var(--mark)}
.v-text .removed{color:var(--mute);text-decoration:line-through;text-decoration-color:var(--line)}
footer{color:var(--mute);font-size:.8rem;text-align:center;padding:0 0 1.5rem}
@media (max-width:900px){.layout{grid-template-columns:1fr;padding:1rem}.sides{grid-template-columns:1fr}
aside#viewer{position:static;height:auto;max-height:80vh}}
@media print{aside#viewer{display:none}.layout{grid-template-columns:1fr}}
"""

# Reads the JSON block and fills the viewer with text nodes only (never innerHTML).
_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nb-data").textContent);
  var viewer = document.getElementById("viewer");
  var head = viewer.querySelector(".v-head");
  var body = viewer.querySelector(".v-text");
  var active = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function showHead(art) {
    head.replaceChildren();
    var h = el("h2");
    var n = el("b", "n st-" + art.status, String(art.n));
    h.append(n, " ", art.title || art.id);
    var meta = el("div", "meta");
    meta.append(el("code", "v-id", art.id), " ", el("span", "badge st-" + art.status, art.status));
    if (art.time) meta.append(" " + art.time.slice(0, 10));
    if (art.url) {
      var a = el("a", "ext", art.url);
      a.href = art.url;
      a.rel = "noopener noreferrer";
      meta.append(" ", a);
    }
    head.append(h, meta);
  }

  function showText(art, s, e) {
    body.replaceChildren();
    var text = art.text, cuts = [0, text.length];
    art.removed.forEach(function (r) { cuts.push(r[0], r[1]); });
    if (s !== null) cuts.push(s, e);
    cuts = cuts.filter(function (x) { return x >= 0 && x <= text.length; })
               .sort(function (a, b) { return a - b; });
    var mark = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a === b) continue;
      var node = document.createTextNode(text.slice(a, b));
      var rm = art.removed.find(function (r) { return r[0] <= a && b <= r[1]; });
      if (rm) {
        var span = el("span", "removed");
        span.title = "removed: " + rm[2];
        span.append(node);
        node = span;
      }
      if (s !== null && s <= a && b <= e) {
        if (!mark) { mark = el("mark"); mark.id = "hl"; body.append(mark); }
        mark.append(node);
      } else {
        body.append(node);
      }
    }
    if (!text) body.append(el("p", "empty", "No text was read from this article."));
    return mark;
  }

  function show(link) {
    var art = data.articles[Number(link.dataset.i)];
    var s = link.dataset.s === undefined ? null : Number(link.dataset.s);
    var e = link.dataset.e === undefined ? null : Number(link.dataset.e);
    viewer.dataset.article = art.id;
    showHead(art);
    var mark = showText(art, s, e);
    body.scrollTop = mark ? Math.max(0, mark.offsetTop - body.clientHeight / 3) : 0;
    if (active) active.classList.remove("active");
    active = link;
    link.classList.add("active");
    if (window.matchMedia("(max-width: 900px)").matches) viewer.scrollIntoView({block: "start"});
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-i]");
    if (!link) return;
    ev.preventDefault();
    show(link);
  });
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")

_CSP = (f"default-src 'none'; script-src 'sha256-{_SCRIPT_HASH}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsbrief">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<p class="kicker">Briefing</p>
<h1>{title}</h1>
{header}
</header>
<div class="layout">
<main>
<section id="summary"><h2>Summary</h2>{summary}</section>
<section id="facts"><h2>Facts across sources</h2>{facts}</section>
<section id="timeline"><h2>Timeline</h2>{timeline}</section>
<section id="coverage"><h2>Who reports what</h2>{coverage}</section>
<section id="account"><h2>Every article, and what became of it</h2>{account}</section>
</main>
<aside id="viewer" aria-live="polite">
<div class="v-head"><h2>Source</h2><p class="empty">Click a summary sentence, a fact or an article to read it in its source, highlighted.</p></div>
<div class="v-text"></div>
</aside>
</div>
<footer>Made by newsbrief. Every line above points to the article and span it came from.</footer>
<script type="application/json" id="nb-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""
