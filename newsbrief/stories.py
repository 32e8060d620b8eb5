"""Stage 6, stories: which of the input's articles follow the same subject.

A briefing is about one story (a subject followed over time: a hurricane from
its approach to its toll, a four-year law suit). Pasted together, ten
unrelated pages or three stories' reports would give a summary that mixes
them; so the usable articles are first split into stories, and when there are
several the briefing covers the largest and accounts for the others'
articles as off-event, naming their story.

This is grouping, done by :mod:`newsbrief.group`'s block clustering (its
TF-IDF of words, names and numbers, weighted toward headline and lead, and
its average link), with story-level settings (:data:`STORY_LEVEL`): no
discount for time, since a story's reports may be years apart, and no local
scaling (``floor`` 1), since a story's articles are not each other's nearest
neighbours among similar stories: here, they only have to share more than
unrelated news does. Only the words that tell a subject apart are compared
(:data:`COMMON`), with names; numbers are not (see :data:`STORY_LEVEL`). A
group too small to be a story of its own must be tighter (:data:`STRICT`):
ten unrelated pages hold no story for it to belong to. The settings were
chosen on dev data (``bench/stories.py``): they keep every article of each of the 15
``duc2007_dev`` stories (one story each, over months to years) together, still
tell apart three of them shuffled into one input, and split ten unrelated
pages (news, or guide and blog pages) into eight stories or more.

A story-level group may still hold two incidents a reader must not take for
one: two actors' stays in rehab, a navy's captures of pirates three years
apart. Their reports share the theme's words, so the story level joins them.
Each group is therefore clustered again at event level (:data:`EVENT_LEVEL`),
and parted in two when the parts have casts of their own (:func:`_incidents`):
nearly every article of each part names someone or somewhere that most of its
part names (one such name in most of its leads: what it reports) and the other
part never does. A later incident's reports often name the earlier one's cast
as background; so, when one part has a cast of its own, the other's own names
may be named by a few of the first part's articles (one in ten), and most of
its articles or leads (seven in ten) naming them is enough. When the two
parts also share a cast (the same navy), the second is another incident of the
story (both :class:`Story` objects carry the same ``kin``), else another story.
A story developing over years is told with one cast; its side threads bring
names of their own, but their leads name the story's cast too, or only two
reports tell them, so it stays whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp

from newsbrief.clean import cleaned_text
from newsbrief.group.cluster import cluster_block
from newsbrief.group.features import Bag, Parts, Prior, Weights, combine, hashed, read_parts, weigh
from newsbrief.group.settings import Settings
from newsbrief.lang.en import CALENDAR_WORDS, word_frequency
from newsbrief.lang.en.names import POSSESSIVE
from newsbrief.model import Article, Story

STORY_LEVEL = Settings(threshold=0.06, floor=1.0, same_days=1e6, copies=0.8, weights=Weights(numbers=0.0))
"""How articles are grouped into stories (see the module doc). Numbers are not compared: pages of every kind
share the common ones ("3 tips", "top 10", "in 2026"), which joined a workout guide to a housing outlook,
and a story over months is told with changing figures."""
CORE_MIN, CORE_SHARE = 4, 0.1
"""A group of at least this many articles, and this share of the input, is a story of its own (with 3,
ten unrelated guide pages chained into a "story" of three that took in all the others)."""
SMALL, SMALL_THRESHOLD = 4, 0.03
"""An input of at most this many articles is split only below this lower similarity: a sender who gathered
two to four articles gathered them as one story, and so few give the average link little to go on; a
page about something else (a horoscope or a shop page scraped beside the article) shares next to nothing
with them and is still set apart."""
STRICT = 0.12
"""A group too small to be a core story stays one only while its average similarity is at least this: pages
of one kind (two diet guides, two tech round-ups) share enough telling words to clear the threshold, and
without a core story beside them nothing else keeps them apart. Chosen on dev (``bench/stories.py``): the
lowest that parts every pair of unrelated pages in its ten-page draws (the one pair it keeps, two pages on
tiny-house living at 0.14, is one subject; at 0.10 a vegan guide and a weight-loss guide stay one); 0.10,
0.12 and 0.15 set 5, 6 and 7 of 1,352 articles of one-story inputs of 5 to 10 articles aside."""
ATTACH = 0.02
"""A smaller group joins the story it is nearest when its mean similarity to that story is at least this."""

EVENT_LEVEL = Settings()
"""How a story's articles are grouped into incidents: grouping's own event level (local scaling, its
threshold), on the story's vectors, with fewer neighbours in a small story (see :func:`_event_level`)."""
OWN_CAST = 0.9
"""Two parts of a story are two incidents when at least this share of one part's articles names one of its
own names: a name most of its part names, one of them in most of its leads, and the other part never names;
the other part must name its own too, in its articles or its leads, less strictly (see :data:`SPARED`,
:data:`SECOND_CAST` and :meth:`Names.apart`). Not a fine-tuned value (``bench/stories.py`` and a sweep on
dev): from 0.6 to 0.9 the briefed story was of one incident in 27 or 28 of the 43 ECB+ topics before the
second part's rule was loosened, at 1.0 in 24; at every value none of the 15 ``duc2007_dev`` stories is
parted."""
SPARED, SECOND_CAST = 0.1, 0.7
"""The second part's own names may be named by up to this share of the first part's articles (a later
incident's reports name the earlier one's cast as background: the coach fired before, the church that burned
the year before), and it is enough that this share of its articles, or of its leads, name them. Swept on dev
with the stories stage alone: a share of 0.1 or 0.2 briefs 2 more ECB+ topics of the odd half from one
incident, 0.05 none (parts under 20 articles spare no article), one article whatever the part's size parts 4
``duc2007_dev`` articles from their stories; 0.7 adds one topic of the even half (a cable cut whose reports
name its own cable in 0.73 of them: close to the edge), 0.8 and 0.9 do not; 0.6 sets 3 more of the 1,352
articles of one-story inputs of 5 to 10 articles aside; the other guard rails do not move at any value swept."""
INCIDENT_MIN, INCIDENT_TOLD = 2, 3
"""Only a story of at least twice ``INCIDENT_MIN`` articles is looked at for two incidents: room for two of two
reports each (one report naming others is not an incident apart). The second incident must be told by
``INCIDENT_TOLD`` articles or half the story's, whichever is fewer (so never by fewer than ``INCIDENT_MIN``):
two reports with names of their own among many are a side thread of a story over years (two reports on one
actor's new show in a story on what became of a sitcom's cast)."""

COMMON = 3e-5
"""A word more frequent than this in general English (wordfreq: "work", "time", "it's", "people") is not
compared: long pages of one kind (guides, blogs, politics) share hundreds of such words, which add up to
more than the few rare words two reports of one story share."""

BACKGROUND_DOCS = 1_000_000
DOC_WORDS = 400
"""The size of the pretend corpus general English frequencies are read as (see :func:`background`)."""

TITLE_WORDS = 12
"""A story whose articles have no title is named by this many words of its most central one."""


@dataclass(frozen=True)
class Stories:
    """The stories of an input, largest first (ties: the one read first). Each story's ``kin`` is a key of
    its own, or the one it shares with the other incident its story-level group was parted into when the
    two share a cast (names most articles of each name: the same navy, three years apart)."""

    stories: tuple[Story, ...]

    def aside(self, index: int = 0) -> dict[str, str]:
        """Article id -> the reason it is set aside when a briefing covers story ``index``: its own story, or
        another incident of the same subject told by the same cast."""
        return {art: f"about {self._what(index, i)}: \u201c{story.title}\u201d ({_size(story)})"
                for i, story in enumerate(self.stories) if i != index for art in story.articles}

    def _what(self, index: int, other: int) -> str:
        return "another incident" if self.stories[other].incident_of(self.stories[index]) else "another story"


def _size(story: Story) -> str:
    n = len(story.articles)
    return f"{n} article{'s' * (n != 1)}"


def stories(articles: Sequence[Article], settings: Settings = STORY_LEVEL) -> Stories:
    """The stories of ``articles`` (usable ones, segmented, in reading order), each story's two incidents
    parted when they have casts of their own (:func:`_parted`)."""
    return _stories(articles, settings, _parted)


Parting = Callable[[Sequence[list[int]], sp.csr_matrix, "Names"], list[tuple[list[int], tuple[int, int]]]]
"""How a step parts the story-level groups into incidents, each with its family (see :func:`_parted`)."""


def _stories(articles: Sequence[Article], settings: Settings, parting: Parting) -> Stories:
    """:func:`stories` with the parting step given: ``bench/stories.py`` measures what :func:`_parted` does
    against :func:`_whole`, a step the briefing itself never takes (so no public switch offers it)."""
    if not articles:
        return Stories(())
    if len(articles) == 1:
        return Stories((Story(_title(articles[0]), (articles[0].id,), 0),))
    parts = [_content(read_parts(a.title, cleaned_text(a), settings.weights.lead_sentences)) for a in articles]
    vecs = weigh(combine(hashed(parts), settings.weights), settings.weights, background(parts))
    if len(articles) <= SMALL:
        settings = replace(settings, threshold=SMALL_THRESHOLD)
    groups = _members(cluster_block(vecs, np.full(len(articles), np.nan), settings)[0])
    if len(articles) > SMALL:
        groups = [part for g in groups for part in _tightened(g, vecs, settings, len(articles))]
    sim = (vecs @ vecs.T).toarray()
    groups = _attach(groups, sim, len(articles))
    parted = parting(groups, vecs, Names.of(parts))
    sizes = Counter(family for _, family in parted)
    found, keys = [], {}
    for group, family in sorted(parted, key=lambda p: (-len(p[0]), p[0][0])):
        central = max(group, key=lambda i: (sim[i, group].sum(), articles[i].title is not None, -i))
        kin = keys.setdefault(family, len(keys))
        found.append(Story(_title(articles[central]), tuple(articles[i].id for i in sorted(group)), kin, sizes[family]))
    return Stories(tuple(found))


def _content(parts: Parts) -> Parts:
    """``parts`` without the words too common to tell a story (see :data:`COMMON`), names and numbers kept,
    each word and name without its possessive ending (see :data:`POSSESSIVE`)."""
    return Parts(*(Bag(_plain(Counter({w: n for w, n in bag.word.items() if word_frequency(w) <= COMMON})),
                       _plain(bag.name), bag.number) for bag in (parts.title, parts.lead, parts.body)))


def _plain(counts: Counter[str]) -> Counter[str]:
    """``counts`` with each word of each term stripped of :data:`POSSESSIVE` (counts of one form added up)."""
    plain: Counter[str] = Counter()
    for term, n in counts.items():
        plain[" ".join(POSSESSIVE.sub("", word) for word in term.split())] += n
    return plain


def _members(labels: np.ndarray) -> list[list[int]]:
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    return list(members.values())


def _is_core(group: Sequence[int], n: int) -> bool:
    """Whether ``group`` is a story of its own among ``n`` articles (see :data:`CORE_MIN`)."""
    return len(group) >= max(CORE_MIN, CORE_SHARE * n)


def _tightened(group: list[int], vecs: sp.csr_matrix, settings: Settings, n: int) -> list[list[int]]:
    """``group`` as it is when it is a core story, else cut again at :data:`STRICT`."""
    if len(group) < 2 or _is_core(group, n):
        return [group]
    labels, _ = cluster_block(vecs[group], np.full(len(group), np.nan), replace(settings, threshold=STRICT))
    return [[group[i] for i in part] for part in _members(labels)]


def _attach(groups: list[list[int]], sim: np.ndarray, n: int) -> list[list[int]]:
    """Small groups joined to the story they are nearest, when near enough (see :data:`ATTACH`).

    A story told over years has reports that share little with any one other
    (an interview, a feature): they fall out of the average link as groups of
    one or two, yet are closer to their story than unrelated news is to anything.
    """
    core = [g for g in groups if _is_core(g, n)]
    if not core:
        return groups
    out = [list(g) for g in core]
    for group in (g for g in groups if not any(g is c for c in core)):
        near = [sim[np.ix_(group, c)].mean() for c in core]
        best = int(np.argmax(near))
        if near[best] >= ATTACH:
            out[best] += group
        else:
            out.append(list(group))
    return out


def _incidents(group: list[int], vecs: sp.csr_matrix, names: Names) -> list[list[int]]:
    """``group`` as one story, or its two incidents when they have casts of their own (see :data:`OWN_CAST`).

    The largest event-level part is the main incident; every other part joins it unless the two have casts
    of their own, in which case it joins the second incident. The two are then checked as wholes.
    """
    if len(group) < 2 * INCIDENT_MIN:
        return [group]
    labels, _ = cluster_block(vecs[group], np.full(len(group), np.nan), _event_level(len(group)))
    events = sorted(([group[i] for i in event] for event in _members(labels)), key=lambda e: (-len(e), e[0]))
    main, other = list(events[0]), []
    for event in events[1:]:
        (other if names.apart(event, main) else main).extend(event)
    if len(other) < min(INCIDENT_TOLD, len(group) / 2) or not names.apart(other, main):
        return [group]
    return [sorted(main), sorted(other)]


def _event_level(size: int) -> Settings:
    """:data:`EVENT_LEVEL` for a story of ``size`` articles: an article's local scale is its similarity to its
    k-th nearest neighbour, which tells its own incident's closeness only while k is less than half the story
    (two incidents of two reports each: the 3rd nearest is always of the other one)."""
    return replace(EVENT_LEVEL, neighbours=max(1, min(EVENT_LEVEL.neighbours, size // 2 - 1)))


def _parted(groups: Sequence[list[int]], vecs: sp.csr_matrix,
            names: Names) -> list[tuple[list[int], tuple[int, int]]]:
    """Each group, or its two incidents (:func:`_incidents`), with its family: the two incidents of one group
    are of one family when they share a cast (:meth:`Names.cast`), else each is its own."""
    out = []
    for n, group in enumerate(groups):
        pair = _incidents(group, vecs, names)
        same = len(pair) == 2 and bool(names.cast(pair[0]) & names.cast(pair[1]))
        out += [(part, (n, 0 if same else k)) for k, part in enumerate(pair)]
    return out


def _whole(groups: Sequence[list[int]], vecs: sp.csr_matrix, names: Names) -> list[tuple[list[int], tuple[int, int]]]:
    """Each group whole, its own family: the stories as they are before incidents are parted."""
    return [(group, (n, 0)) for n, group in enumerate(groups)]


@dataclass(frozen=True)
class Names:
    """The names each article names, anywhere and in its headline and lead (what it reports); calendar words
    aside (:data:`~newsbrief.lang.en.CALENDAR_WORDS`): reports of one incident written on other days name
    other days."""

    named: tuple[frozenset[str], ...]
    told: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, parts: Sequence[Parts]) -> Names:
        """The names of each article's parts, possessive endings stripped (see :func:`_content`)."""
        named = [frozenset(n for bag in (p.title, p.lead, p.body) for n in bag.name) - CALENDAR_WORDS for p in parts]
        told = [frozenset(n for bag in (p.title, p.lead) for n in bag.name) - CALENDAR_WORDS for p in parts]
        return cls(tuple(named), tuple(told))

    def cast(self, part: Sequence[int], told: bool = False) -> set[str]:
        """The names most of ``part``'s articles name (at least two of them); ``told``: in their leads."""
        counts = Counter(n for i in part for n in (self.told if told else self.named)[i])
        return {n for n, c in counts.items() if c >= max(2, len(part) / 2)}

    def own(self, part: Sequence[int], rest: Sequence[int], told: bool = False, spared: float = 0.0) -> float:
        """The share of ``part``'s articles that name one of its own names, names most of ``part`` names and
        ``rest`` never does (``spared``: at most this share of ``rest``'s articles); none unless one of them is
        also what most of ``part``'s leads name. ``told``: in headlines and leads only (names most of
        ``part``'s leads name and no lead of ``rest`` names)."""
        said = self.told if told else self.named
        leads = self.cast(part, told=True)
        named = Counter(n for i in rest for n in said[i])
        own = {n for n in (leads if told else self.cast(part)) if named[n] <= spared * len(rest)}
        if not own & leads:
            return 0.0
        return sum(bool(said[i] & own) for i in part) / len(part)

    def apart(self, a: Sequence[int], b: Sequence[int]) -> bool:
        """Whether ``a`` and ``b`` have casts of their own: one names its own names anywhere (see
        :data:`OWN_CAST`), and the other does too, or names its own in most of its articles or leads though a
        few of the first's articles name them too (see :data:`SPARED`). A later incident's reports often
        name the earlier one's cast as background (the coach fired before, the running back placed on injured
        reserve a year ago), in their bodies, rarely in what they report."""
        whole = self.own(a, b) >= OWN_CAST, self.own(b, a) >= OWN_CAST
        if not any(whole):
            return False
        other, first = (b, a) if whole[0] else (a, b)
        return all(whole) or any(self.own(other, first, told, SPARED) >= SECOND_CAST for told in (False, True))


def background(parts: Sequence[Parts]) -> Prior:
    """Document frequencies of the bags' words and names in general English news, as if counted over
    :data:`BACKGROUND_DOCS` articles of :data:`DOC_WORDS` words (from wordfreq's word frequencies).

    Ten unrelated pages give IDF nothing to learn from: "best", "people" or
    "said" would weigh as much as "Napster". Against the background, what
    every text says weighs little and what a story is about weighs much.
    """
    bags = [bag for p in parts for bag in (p.title, p.lead, p.body)]
    words = Counter({w: _df(w) for bag in bags for w in bag.word})
    names = Counter({n: _df(n) for bag in bags for n in bag.name})
    nothing = Bag(Counter(), Counter(), Counter())
    rows = combine(hashed([Parts(nothing, nothing, Bag(words, names, Counter()))]), Weights())
    return Prior(BACKGROUND_DOCS, sp.hstack(rows, format="csr"))


def _df(term: str) -> float:
    return BACKGROUND_DOCS * min(1.0, DOC_WORDS * word_frequency(term))


def _title(article: Article) -> str:
    if article.title:
        return article.title
    words = cleaned_text(article).split()
    return " ".join(words[:TITLE_WORDS]) + (" ..." if len(words) > TITLE_WORDS else "")


__all__ = ["STORY_LEVEL", "Stories", "stories"]
