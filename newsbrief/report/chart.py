"""The geometry of the HTML timeline chart: where each dated entry sits on a date axis.

When every date is an ISO day, a gap between two dates grows with the log of its
length, so an earlier incident years back does not squeeze the event's own days
into one dot, and a gap over :data:`BREAK_DAYS` is drawn as a break in the axis.
Otherwise (relative dates such as "Thursday", a month, a year) the entries are
evenly spaced in the timeline's order. Entries on one day are stacked. The page
template draws the result; nothing here is markup.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief.model import TimelineEntry, clipped
from newsbrief.report.dates import as_read, iso_day

WIDTH, HEIGHT, PAD = 720, 64, 36
"""The chart's drawing box (SVG units; it scales with the page) and the margin at each end of the axis."""

BREAK_DAYS = 31
"""A gap longer than this between two dates is drawn as a break in the axis."""

LEVEL = 16
"""Vertical step between stacked dots of one day."""

LABEL_GAP = 64
"""A date label is left out when it would sit closer than this to one already placed, or than half the
two labels' widths (:data:`CHAR_WIDTH` a character: "week of 26 Oct 1998" is wider than "26 Oct")."""

CHAR_WIDTH = 6.2
"""The width of a character of a date label (11 px text), in SVG units."""

DIGIT_WIDTH = 12.4
"""The width of a digit of a dot's number at its largest (22 units, as a phone draws it), in SVG units."""

LABEL_CHARS = 20
"""A date label longer than this (an unresolved phrase) is cut, with an ellipsis."""


@dataclass(frozen=True)
class Dot:
    """Entry number ``n`` (as numbered in the list below the chart) at (x, y), radius growing with its sources;
    ``numbered``: its number is written above it (not when it would run into the one written before it)."""

    n: int
    x: float
    y: float
    r: float
    tip: str
    numbered: bool = True


@dataclass(frozen=True)
class Label:
    """A date written under the axis at ``x``."""

    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    """Everything the template draws: the axis at height ``base``, break marks, dots and date labels,
    in a box ``height`` tall whose top is at ``top`` (stacks grow upwards)."""

    base: float
    top: float
    height: float
    breaks: tuple[float, ...]
    dots: tuple[Dot, ...]
    labels: tuple[Label, ...]
    width: int = WIDTH
    pad: int = PAD


def chart(entries: Sequence[TimelineEntry]) -> Chart:
    """The chart of a non-empty timeline."""
    xs, breaks = _positions(entries)
    base = HEIGHT - 30
    stacked: dict[float, int] = {}
    last: dict[float, float] = {}  # level -> x of the last number written on it
    dots = []
    for n, (entry, x) in enumerate(zip(entries, xs), 1):
        level = stacked.get(x, 0)
        stacked[x] = level + 1
        y = base - LEVEL * level
        numbered = x - last.get(y, -math.inf) >= DIGIT_WIDTH * (len(str(n)) + 1)
        if numbered:
            last[y] = x
        dots.append(Dot(n, x, y, min(4 + 1.5 * len(entry.articles), 9), f"{as_read(entry.date)}: {entry.text}",
                        numbered))
    labels: list[Label] = []
    for entry, x in zip(entries, xs):
        label = _label(entry.date, x)
        if all(_apart(label, placed) for placed in labels):
            labels.append(label)
    height = HEIGHT + LEVEL * (max(stacked.values()) - 1)
    return Chart(base, HEIGHT - height, height, tuple(breaks), tuple(dots), tuple(labels))


def _positions(entries: Sequence[TimelineEntry]) -> tuple[list[float], list[float]]:
    """The x of each entry, and the x of each break mark on the axis."""
    span = WIDTH - 2 * PAD
    days = [iso_day(t.date) for t in entries]
    if len(entries) == 1:
        return [WIDTH / 2], []
    if not all(days):
        return [PAD + span * i / (len(entries) - 1) for i in range(len(entries))], []
    distinct = sorted(set(days))  # type: ignore[type-var]
    if len(distinct) == 1:
        return [WIDTH / 2] * len(entries), []
    gaps = [(b - a).days for a, b in zip(distinct, distinct[1:])]
    at = [0.0]
    for gap in gaps:
        at.append(at[-1] + 1 + math.log1p(gap))
    x_of = {d: PAD + span * a / at[-1] for d, a in zip(distinct, at)}
    breaks = [(x_of[a] + x_of[b]) / 2 for a, b, g in zip(distinct, distinct[1:], gaps) if g > BREAK_DAYS]
    return [x_of[d] for d in days], breaks


def _label(date: str, x: float) -> Label:
    """The date as a reader reads it (cut to :data:`LABEL_CHARS`), under ``x`` but inside the box."""
    text = clipped(as_read(date), LABEL_CHARS)
    half = CHAR_WIDTH * len(text) / 2
    return Label(min(max(x, half), WIDTH - half), text)


def _apart(a: Label, b: Label) -> bool:
    """Whether two labels are far enough apart to be read (see :data:`LABEL_GAP`)."""
    return abs(a.x - b.x) >= max(LABEL_GAP, CHAR_WIDTH * (len(a.text) + len(b.text)) / 2 + 8)
