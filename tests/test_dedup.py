"""Near-duplicate detection: the sparse prefix-filtered join finds exactly the pairs an all-pairs check finds."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from newsbrief.batch import cluster_articles
from newsbrief.clean import clean_cluster
from newsbrief.dedup import duplicate_articles, near_duplicates, sentence_groups
from newsbrief.dedup import near
from newsbrief.dedup.near import (ARTICLE_SHARE, SENTENCE_JACCARD, Vocabulary, components, item_rows,
                                  shingle_rows, similar_pairs)
from newsbrief.lang.en import FUNCTION_WORDS
from newsbrief.lang.tokens import words
from newsbrief.model import Article, Paragraph, Sentence
from newsbrief.pipeline import reading_order
from newsbrief.segment import segment_article


def _brute_force(sets: list[set[int]], share: float, contained: bool) -> set[tuple[int, int, int]]:
    found = set()
    for i, a in enumerate(sets):
        for j in range(i + 1, len(sets)):
            b = sets[j]
            inter = len(a & b)
            if not a or not b:
                continue
            similar = inter / min(len(a), len(b)) if contained else inter / (len(a) + len(b) - inter)
            if similar >= share:
                found.add((i, j, inter))
    return found


@pytest.mark.parametrize("piece", [near.PIECE, 7])
@pytest.mark.parametrize("contained, share", [(True, ARTICLE_SHARE), (False, SENTENCE_JACCARD), (False, 0.8)])
def test_join_finds_exactly_the_all_pairs_answer(contained: bool, share: float, piece: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The join agrees with the plain definition, in one piece or expanded a few hits at a time."""
    monkeypatch.setattr(near, "PIECE", piece)
    rng = random.Random(7)
    for _ in range(40):
        # Few distinct items, sets of mixed sizes, many near copies: every filter is exercised.
        base = [set(rng.sample(range(60), rng.randint(1, 25))) for _ in range(12)]
        sets = []
        for _ in range(rng.randint(2, 70)):
            s = set(rng.choice(base))
            s -= set(rng.sample(sorted(s), rng.randint(0, len(s) // 3)))
            s |= set(rng.sample(range(80), rng.randint(0, 4)))
            sets.append(s if rng.random() > 0.05 else set())
        sizes = np.array([len(s) for s in sets])
        items = np.array([i for s in sets for i in sorted(s)], dtype=np.int64)
        a, b, overlap = similar_pairs(item_rows(sizes, items), share, contained)
        assert set(zip(a.tolist(), b.tolist(), overlap.tolist())) == _brute_force(sets, share, contained)


@pytest.mark.parametrize("high", [1, 7, 1 << 20, 1 << 45])
def test_distinct_is_the_same_packed_or_argsorted(high: int) -> None:
    values = np.random.default_rng(high).integers(0, high, 5_000)
    expected = np.unique(values, return_inverse=True)
    for bound in (high, 1 << 62):  # packed when it fits; too large to pack: argsorted
        found = near.distinct(values, bound)
        assert np.array_equal(found[0], expected[0]) and np.array_equal(found[1], expected[1].ravel())
    assert np.array_equal(near.sorted_set(values), expected[0])
    payload = np.arange(len(values))[::-1]
    for bound in (1 << 62, high):
        keys, carried = near.sort_by(values, payload, bound, len(values))
        assert np.array_equal(keys, np.sort(values)) and np.array_equal(values[len(values) - 1 - carried], keys)
    assert len(near.distinct(values[:0], 1)[0]) == len(near.sorted_set(values[:0])) == 0


def test_repeated_items_count_once_and_short_texts_are_one_shingle() -> None:
    rows = item_rows(np.array([4, 2]), np.array([5, 5, 7, 9, 9, 9]))
    assert rows.sizes.tolist() == [3, 1] and rows.indices.tolist() == [7, 8, 9, 9]  # rarest first: 7, 5, 9
    shingles = shingle_rows(np.array([1, 2, 1, 2, 3, 1, 2, 3, 1, 2, 3]), np.array([2, 3, 6, 0]), 4)
    assert np.diff(shingles.indptr).tolist() == [1, 1, 3, 0]


def test_components_are_labelled_by_their_smallest_node() -> None:
    labels = components(7, np.array([5, 3, 2]), np.array([6, 5, 1]))
    assert labels.tolist() == [0, 1, 1, 3, 4, 3, 3]


def _article(art_id: str, sentences: list[str]) -> Article:
    sents = tuple(Sentence(art_id, 0, len(s), s, i) for i, s in enumerate(sentences))
    return Article(art_id, " ".join(sentences), paragraphs=(Paragraph(0, 1, sents),))


def test_a_copy_is_reported_against_the_first_and_compared_no_further() -> None:
    story = [f"The Korvan dam on the Selva river held for {n} hours after the storm, engineers said." for n in range(12)]
    first, copy, copy_of_copy = _article("a", story), _article("b", story[:10]), _article("c", story[1:11])
    other = _article("d", [f"Flood water in Orsk rose {n} metres overnight as rain kept falling, police said."
                           for n in range(12)])
    dups = duplicate_articles([first, copy, copy_of_copy, other])
    assert [(d.id, d.of) for d in dups] == [("b", "a"), ("c", "a")]
    assert dups[0].share == 1.0


def test_near_duplicates_reads_each_sentence_once_for_both_answers() -> None:
    said = "The Korvan dam on the Selva river collapsed on Tuesday night, flooding four villages."
    arts = [_article("a", [said, "Rescuers reached Orsk by boat."]), _article("b", [said.replace("four", "4")])]
    dups, groups = near_duplicates(arts)
    assert dups == duplicate_articles(arts) and groups == sentence_groups([s for a in arts for s in a.sentences])
    assert [[s.article for s in g] for g in groups] == [["a", "b"], ["a"]]
    assert Vocabulary.of([]).number == {} and sentence_groups([]) == [] and duplicate_articles([]) == []
    vocabulary = Vocabulary.of(s for a in arts for s in a.sentences)
    assert vocabulary.ids(said).tolist() == [vocabulary.word_id[w] for w in words(said, clitics=True)]


def _groups_by_definition(sentences: list[Sentence]) -> list[list[tuple[str, int]]]:
    """Sentence groups straight from their definition, every pair of word sets compared."""
    content = [frozenset(words(s.text, clitics=True)) - FUNCTION_WORDS for s in sentences]
    classes = list(dict.fromkeys(content))
    arts = {c: {s.article for s, k in zip(sentences, content) if k == c} for c in classes}
    root = {c: c for c in classes}

    def find(c: frozenset[str]) -> frozenset[str]:
        while root[c] != c:
            c = root[c]
        return c

    linked = {c for c in classes if len(arts[c]) > 1 and c}
    for i, a in enumerate(classes):
        for b in classes[i + 1:]:
            if a and b and len(a & b) / len(a | b) >= SENTENCE_JACCARD and not (len(arts[a]) == len(arts[b]) == 1
                                                                                and arts[a] == arts[b]):
                linked |= {a, b}
                root[find(b)] = find(a)
    groups: dict[object, list[tuple[str, int]]] = {}
    for n, (s, c) in enumerate(zip(sentences, content)):
        groups.setdefault(find(c) if c in linked else n, []).append((s.article, s.index))
    return list(groups.values())


@pytest.mark.shared
def test_sentence_groups_on_dev_clusters_follow_the_definition(multinews: list[dict]) -> None:
    for record in multinews[:30]:
        articles = clean_cluster(cluster_articles(record), then=segment_article)
        sentences = [s for a in reading_order(articles) for s in a.sentences]
        found = [[(s.article, s.index) for s in g] for g in sentence_groups(sentences)]
        assert found == _groups_by_definition(sentences)


@pytest.mark.shared
def test_pooled_cluster_copies_match_all_pairs(shared_dir: Path) -> None:
    with (shared_dir / "data" / "multinews_val.jsonl").open(encoding="utf-8") as fh:
        pooled = [a for line in fh for a in json.loads(line)["articles"]]
    usable = reading_order(clean_cluster(cluster_articles({"articles": pooled[:300]}), then=segment_article))
    vocabulary = Vocabulary.of(s for a in usable for s in a.sentences)
    texts = [np.concatenate([vocabulary.ids(s.text) for s in a.sentences] or [np.zeros(0, np.int64)])
             for a in usable]
    rows = shingle_rows(np.concatenate(texts), np.array([len(t) for t in texts]), len(vocabulary.word_id))
    sets = [set(rows.indices[rows.indptr[i]:rows.indptr[i + 1]].tolist()) for i in range(len(usable))]
    a, b, overlap = similar_pairs(rows, ARTICLE_SHARE, contained=True)
    assert set(zip(a.tolist(), b.tolist(), overlap.tolist())) == _brute_force(sets, ARTICLE_SHARE, True)
    assert len(a) > 0  # Multi-News repeats some articles across clusters: there is something to find
