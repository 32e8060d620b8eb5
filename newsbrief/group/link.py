"""Linking a grouped block to what came before, at both levels, mending earlier groups as it goes.

Linking one report at a time to the closest remembered event fixes early
mistakes for good: the first report of a new event, arriving alone, looks like
a member of a similar event already there, and two halves of one event that
arrived apart stay apart. So each block is grouped *again* together with its
neighbourhood: the articles of the open events close enough to matter (average
similarity to some new article at least ``threshold * floor``, the least that
the locally scaled rule can accept), by the same rule as one block
(:func:`.cluster.cluster_block`). Events can thus merge, split or trade
articles when new articles show where they belong, and a stream fed ten
articles at a time ends up grouped much as if it were read at once.

Ids stay stable: each new group keeps the id of the old event it shares most
articles with (ties: the older id); an old event that no group kept lives on as
the group that took most of its articles (an alias, so the old id still leads
there). The articles of a large event that are not regrouped (only its
``per_event`` latest are) stay with its id.

Stories are then regrouped the same way, with events as units (see
:mod:`.stories`): the new and changed events, the events of their stories, and
those of the stories closest to the new articles, however old.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp

from newsbrief.group.cluster import cluster_block, time_factor
from newsbrief.group.features import pruned_rows
from newsbrief.group.memory import EMPTY, ArticleState, Changes, EventState, Memory, StoryState, stack
from newsbrief.group.settings import Settings
from newsbrief.group.stories import kth_below, link_units, scaled
from newsbrief.group.stream import Assignment, BlockResult, Vectors

MAX_UNITS = 300
"""At most this many remembered events are regrouped into stories with a block (the latest grown); the
rest of each story takes part as one unit that stays in it."""
PINNED = 1e12
"""The weight with which the rest of a story claims its id (its events are not regrouped, so they keep it)."""
STORIES_PER_ARTICLE = 5
"""Each new article brings the stories it is closest to (if close enough) into the regrouping."""


def claim(old: Sequence[str | None], labels: np.ndarray, weights: np.ndarray, new_id: Callable[[], str],
          ) -> tuple[list[str], dict[str, str]]:
    """The id of each new group (labels 0..m-1) and, for each old id no group kept, the id it lives on as.

    ``old[i]``: the group member i was in before (None when new); ``weights[i]``:
    how many articles member i stands for. A group keeps the old id it shares the
    most articles with, unless a group sharing more took it first (ties: the older id).
    """
    overlap: Counter[tuple[int, str]] = Counter()
    for label, before, weight in zip(labels.tolist(), old, weights.tolist()):
        if before is not None:
            overlap[(label, before)] += weight
    names: list[str | None] = [None] * (int(labels.max()) + 1 if len(labels) else 0)
    taken: set[str] = set()
    ranked = sorted(overlap.items(), key=lambda kv: (-kv[1], _number(kv[0][1]), kv[0][0]))
    for (label, before), _ in ranked:
        if names[label] is None and before not in taken:
            names[label] = before
            taken.add(before)
    final = [name if name is not None else new_id() for name in names]
    gone: dict[str, str] = {}
    for (label, before), _ in ranked:
        if before not in taken and before not in gone:
            gone[before] = final[label]
    return final, gone


def _number(name: str) -> int:
    """Creation order of an id (``e12`` -> 12)."""
    return int(name[1:]) if name[1:].isdigit() else 0


@dataclass
class _Parts:
    """Rows that add up to groups' new states: each row goes to group ``target`` with ``weight`` (its vectors
    times the weight are summed), counts ``size`` articles whose local scales sum to ``scale``, and spans
    ``first`` to ``last``."""

    target: np.ndarray
    weight: np.ndarray
    vectors: dict[str, sp.csr_matrix]
    size: np.ndarray
    scale: np.ndarray
    first: np.ndarray
    last: np.ndarray

    @staticmethod
    def join(parts: Sequence[_Parts]) -> _Parts:
        """All the rows of ``parts``, in order."""
        return _Parts(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("target", "weight")),
                      {k: sp.vstack([p.vectors[k] for p in parts], format="csr") for k in parts[0].vectors},
                      *(np.concatenate([getattr(p, f) for p in parts]) for f in ("size", "scale", "first", "last")))

    def totals(self, count: int, keep: dict[str, int]) -> list[dict]:
        """Per group 0..count-1: the mean of each vector (pruned to ``keep[name]`` features), size, mean
        scale, first and last."""
        size = np.bincount(self.target, weights=self.size, minlength=count)
        total = np.maximum(size, 1.0)
        membership = sp.csr_matrix((self.weight / total[self.target], (self.target, np.arange(len(self.target)))),
                                   shape=(count, len(self.target)))
        means = {k: pruned_rows(membership @ v, keep[k]) for k, v in self.vectors.items()}
        scale = np.bincount(self.target, weights=self.scale, minlength=count) / total
        first = np.full(count, np.inf)
        np.fmin.at(first, self.target, np.where(np.isnan(self.first), np.inf, self.first))
        last = np.full(count, -np.inf)
        np.fmax.at(last, self.target, np.where(np.isnan(self.last), -np.inf, self.last))
        return [{**{k: rows[g] for k, rows in means.items()}, "size": int(round(size[g])), "scale": float(scale[g]),
                 "first": float(first[g]) if np.isfinite(first[g]) else math.nan,
                 "last": float(last[g]) if np.isfinite(last[g]) else math.nan} for g in range(count)]


def _remainder(mean: sp.csr_matrix, size: float, taken: sp.csr_matrix | int) -> sp.csr_matrix:
    """What is left of a group's vector sum (its ``mean`` times ``size``) once the ``taken`` sum is out."""
    if not isinstance(taken, int):
        taken = sp.csr_matrix(taken)
        taken.sort_indices()
    mean = mean.tocsr()
    mean.sort_indices()
    rest = sp.csr_matrix(mean * size - taken)
    rest.data = np.maximum(rest.data, 0.0)
    rest.eliminate_zeros()
    return rest


@dataclass
class _Regrouped:
    """A block regrouped with the remembered articles next to it (these first, then the block's)."""

    old: list[ArticleState]
    labels: np.ndarray  # group of each article
    names: list[str]  # event id of each group
    gone: dict[str, str]  # old event ids merged away -> the id they live on as
    opened: dict[str, EventState]  # the open events, as they were
    scales: np.ndarray  # event-level local scale of each article


class Linker:
    """Links each grouped block to a :class:`~.memory.Memory`, block after block (see the module)."""

    def __init__(self, memory: Memory, settings: Settings) -> None:
        self.memory = memory
        self.settings = settings
        self._keep = {"vector": settings.keep_features, "unit": settings.keep_story_features,
                      "story_vector": settings.keep_story_features}

    def link(self, block: BlockResult) -> list[Assignment]:
        """One Assignment per item of the block, in block order, with the ids current now."""
        vec = block.vectors
        out = [Assignment(i, None, None, r) for i, r in zip(block.ids, block.reasons)]
        if vec is None:
            return out
        tick = self.memory.tick + 1
        events = self._regroup_events(block, vec)
        found = self.memory.find_stories(vec.story, self.settings.story_threshold * self.settings.floor,
                                         STORIES_PER_ARTICLE)
        scales = self._story_scales(block, vec, events.old, found)
        states = self._event_states(vec, events, scales, tick)
        stories, gone_stories, states = self._regroup_stories(states, events, found, tick)
        k = len(events.old)
        changes = Changes(now=float(np.nanmedian(vec.times)) if np.isfinite(vec.times).any() else math.nan,
                          events=list(states.values()), stories=stories,
                          merged=[*events.gone.items(), *gone_stories.items()])
        for i, a in enumerate(events.old):
            event = events.names[events.labels[i]]
            if event != a.event or scales[i] != a.story_scale:
                changes.articles.append(replace(a, event=event, story_scale=float(scales[i])))
        for j, row in enumerate(vec.rows):
            event = events.names[events.labels[k + j]]
            changes.articles.append(ArticleState(block.ids[row], vec.event[j], vec.story[j], float(vec.times[j]),
                                                 vec.titles[j], float(scales[k + j]), event))
            out[row] = Assignment(block.ids[row], event, states[event].story, None)
        self.memory.save(changes)
        return out

    # ---------------------------------------------------------------- events

    def _regroup_events(self, block: BlockResult, vec: Vectors) -> _Regrouped:
        """The block's events regrouped with the open events close to any of its articles."""
        s = self.settings
        n = vec.event.shape[0]
        known = vec.times[~np.isnan(vec.times)]
        listed = self.memory.open_events(known.min() - s.window_days if known.size else -math.inf)
        old: list[ArticleState] = []
        linked = np.zeros(n, dtype=bool)
        if listed:
            sims = (vec.event @ stack([e.vector for e in listed]).T).toarray()
            sims *= time_factor(_gaps(vec.times, listed), s.same_days)
            hit = sims >= s.threshold * s.floor
            order = [j for j in np.argsort(-sims.max(axis=0), kind="stable") if hit[:, j].any()]
            old = self.memory.members([listed[j].id for j in order], s.per_event, s.neighbourhood)
            loaded = {a.event for a in old}
            touching = hit[:, [j for j in order if listed[j].id in loaded]].any(axis=1)
            linked = np.isin(block.labels, np.unique(block.labels[touching]))
        k = len(old)
        rows = np.flatnonzero(linked)
        labels = np.empty(k + n, dtype=np.int64)
        scales = np.empty(k + n)
        base = 0
        if k:
            again, again_scale = cluster_block(stack([a.vector for a in old] + [vec.event[rows]]),
                                               np.concatenate([[a.time for a in old], vec.times[rows]]), s)
            labels[:k], labels[k + rows] = again[:k], again[k:]
            scales[:k], scales[k + rows] = again_scale[:k], again_scale[k:]
            base = int(again.max()) + 1
        alone = np.flatnonzero(~linked)
        _, compact = np.unique(block.labels[alone], return_inverse=True)
        labels[k + alone] = base + compact
        scales[k + alone] = block.scales[alone]
        names, gone = claim([a.event for a in old] + [None] * n, labels, np.ones(k + n),
                            lambda: self.memory.new_id("e"))
        opened = {e.id: e for e in self.memory.events(list(dict.fromkeys(a.event for a in old if a.event)))}
        return _Regrouped(old, labels, names, gone, opened, scales)

    def _story_scales(self, block: BlockResult, vec: Vectors, old: Sequence[ArticleState],
                      found: Sequence[StoryState]) -> np.ndarray:
        """The story-level local scale of the remembered articles, then of the block's: the block's raised by
        the remembered articles and the closest stories as neighbours, the remembered ones by the block's.
        (A story's centroid similarity is its articles' average: a lower bound of the nearest one.)"""
        s = self.settings
        new = block.story_scales.copy()
        before = np.array([a.story_scale for a in old])
        if old:
            cross = (vec.story @ stack([a.story_vector for a in old]).T).toarray().astype(np.float32)
            new = np.maximum(new, kth_below(cross.copy(), s.story_neighbours, s.floor, s.copies))
            before = np.maximum(before, kth_below(cross.T.copy(), s.story_neighbours, s.floor, s.copies))
        if found:
            near = (vec.story @ stack([f.vector for f in found]).T).toarray().astype(np.float32)
            new = np.maximum(new, kth_below(near, 1, s.floor, s.copies))
        return np.concatenate([before, new])

    def _event_states(self, vec: Vectors, events: _Regrouped, scales: np.ndarray, tick: int,
                      ) -> dict[str, EventState]:
        """The new state of every event that gained, lost or took over articles: its regrouped articles plus
        what was not regrouped of the remembered events it kept or took over."""
        old = events.old
        vectors = stack([a.vector for a in old] + [vec.event])
        story_vectors = stack([a.story_vector for a in old] + [vec.story])
        times = np.concatenate([[a.time for a in old], vec.times])
        index = {name: label for label, name in enumerate(events.names)}  # a name per group, each once
        target = events.labels
        n = len(target)
        parts = [_Parts(target, np.ones(n), {"vector": vectors, "unit": scaled(story_vectors, scales),
                                             "story_vector": story_vectors},
                        np.ones(n), events.scales.astype(np.float64), times, times)]
        before = scaled(stack([a.story_vector for a in old]), np.array([a.story_scale for a in old]))
        loaded: dict[str, list[int]] = {}
        for i, a in enumerate(old):
            loaded.setdefault(a.event or "", []).append(i)
        for name, members in loaded.items():
            event = events.opened[name]
            mine = np.array(members)
            rest = event.size - len(mine)
            if rest > 0:
                parts.append(_Parts(
                    np.array([index[events.gone.get(name, name)]]), np.ones(1),
                    {"vector": _remainder(event.vector, event.size, vectors[mine].sum(axis=0)),
                     "unit": _remainder(event.unit, event.size, before[mine].sum(axis=0)),
                     "story_vector": _remainder(event.story_vector, event.size, story_vectors[mine].sum(axis=0))},
                    np.array([rest]), np.array([event.scale * rest]), np.array([event.first]),
                    np.array([event.last])))
        totals = _Parts.join(parts).totals(len(events.names), self._keep)
        central = _central(vectors, stack([t["vector"] for t in totals]), target,
                           [a.title for a in old] + list(vec.titles))
        states = {}
        for name, total in zip(events.names, totals):
            was = events.opened.get(name)
            title = was.title if was and was.title else central[index[name]]
            states[name] = EventState(name, was.story if was else None, total["vector"], total["unit"],
                                      total["story_vector"], total["size"], total["scale"], total["first"],
                                      total["last"], title, tick)
        return states

    # ---------------------------------------------------------------- stories

    def _regroup_stories(self, states: dict[str, EventState], events: _Regrouped, found: Sequence[StoryState],
                         tick: int) -> tuple[list[StoryState], dict[str, str], dict[str, EventState]]:
        """Regroup the changed events with the latest events of their stories and of the closest stories,
        the rest of each of those stories taking part as one unit that keeps its story: the new state of each
        story that changed, the old story ids merged away, and every event whose story is set or changed."""
        s = self.settings
        was = dict(events.opened)
        involved = dict.fromkeys(was[e].story for e in [*states, *events.gone] if e in was and was[e].story)
        involved.update(dict.fromkeys(f.id for f in found))
        before = self.memory.story_events(list(involved), MAX_UNITS)
        for e in before:
            was.setdefault(e.id, e)
        units = list(states.values()) + [e for e in before if e.id not in states and e.id not in events.gone]
        real = len(units)
        counted = [was[e] for e in [*(u.id for u in units), *events.gone] if e in was]
        prior = {f.id: f for f in self.memory.stories(list(involved))}
        for name, story in prior.items():
            units += _rest(story, [e for e in counted if e.story == name])
        sizes = np.array([e.size for e in units], dtype=np.float64)
        labels = link_units(stack([e.unit for e in units]), sizes, s.story_threshold)
        # the rest of a story keeps its id (its events are not regrouped); an event merged away counts for its
        # old story where its articles went, so that a story whose events all merged lives on as that story
        position = {e.id: i for i, e in enumerate(units[:real])}
        moved = [e for e in events.gone if e in was]
        names, gone = claim([was[e.id].story if e.id in was else e.story for e in units[:real]]
                            + [e.story for e in units[real:]] + [was[e].story for e in moved],
                            np.concatenate([labels, [labels[position[events.gone[e]]] for e in moved]]).astype(np.int64),
                            np.concatenate([sizes[:real], sizes[real:] + PINNED, [was[e].size for e in moved]]),
                            lambda: self.memory.new_id("s"))
        changed = {e.id: replace(e, story=names[label]) for e, label in zip(units[:real], labels[:real].tolist())
                   if e.id in states or e.story != names[label]}
        totals = _Parts(labels.astype(np.int64), sizes,
                        {"unit": stack([e.unit for e in units]), "story_vector": stack([e.story_vector for e in units])},
                        sizes, np.zeros(len(units)), np.array([e.first for e in units]),
                        np.array([e.last for e in units])).totals(len(names), self._keep)
        stories = []
        for label, (name, total) in enumerate(zip(names, totals)):  # a story per label, each name once
            largest = max((units[i] for i in np.flatnonzero(labels == label)), key=lambda e: e.size)
            title = prior[name].title if name in prior and prior[name].title else largest.title
            stories.append(StoryState(name, total["unit"], total["story_vector"], total["size"], total["first"],
                                      total["last"], title, tick))
        return stories, gone, changed


def _rest(story: StoryState, taken: Sequence[EventState]) -> list[EventState]:
    """What of ``story`` is not among the ``taken`` events, as one unit (an event without id) that stays in it;
    none when nothing is left."""
    rest = story.size - sum(e.size for e in taken)
    if rest <= 0:
        return []
    unit = _remainder(story.unit, story.size, _weighted(taken, "unit")) / rest
    vector = _remainder(story.vector, story.size, _weighted(taken, "story_vector")) / rest
    return [EventState("", story.id, EMPTY, sp.csr_matrix(unit), sp.csr_matrix(vector), rest, 0.0, story.first,
                       story.last, story.title)]


def _weighted(events: Sequence[EventState], name: str) -> sp.csr_matrix | int:
    """The sum of the events' ``name`` vectors, each times its size (0 for no event)."""
    if not events:
        return 0
    sizes = sp.csr_matrix(np.array([[e.size for e in events]], dtype=np.float32))
    total = (sizes @ stack([getattr(e, name) for e in events])).tocsr()
    total.sort_indices()
    return total


def _central(vectors: sp.csr_matrix, centroids: sp.csr_matrix, target: np.ndarray,
             titles: Sequence[str | None]) -> list[str | None]:
    """Each group's title: that of its titled article closest to the group's centroid (None if none has one)."""
    closeness = np.asarray(vectors.multiply(centroids[target]).sum(axis=1)).ravel()
    best: dict[int, tuple[float, int]] = {}
    for i, (group, title) in enumerate(zip(target.tolist(), titles)):
        if title and (group not in best or closeness[i] > best[group][0]):
            best[group] = (float(closeness[i]), i)
    return [titles[best[g][1]] if g in best else None for g in range(centroids.shape[0])]


def _gaps(times: np.ndarray, events: Sequence[EventState]) -> np.ndarray:
    """Days between each time and each event's span (0 inside it; NaN when unknown)."""
    first = np.array([e.first for e in events])[None, :]
    last = np.array([e.last for e in events])[None, :]
    return np.maximum(np.maximum(times[:, None] - last, first - times[:, None]), 0.0)
