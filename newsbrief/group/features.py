"""What an article is about, as a vector: words, names and numbers, weighted toward the headline and lead.

Two reports of one event share its *particulars* (who, where, how many) far more
than its theme; two events of one kind (two boxing title defences, two rehab
stays) share the theme and differ in the particulars. So besides plain words,
proper-noun runs ("Tony Thompson") and numbers ("26 pirates", "dies at 75")
are features of their own, and the headline and first sentences, where news
puts the particulars, count double.

Features are hashed (murmur3, the same on every machine and process) into one
fixed space, so vectors made in different blocks, processes or Dask workers,
or stored in a database, can be compared without a shared vocabulary.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from murmurhash import hash as murmur

from newsbrief.lang.en.datelines import LAYOUT_CODE
from newsbrief.lang.en.quotes import CLOSING_CHARACTERS, OPENING_CHARACTERS, SINGLE_QUOTES

WORD_BITS, NAME_BITS, NUMBER_BITS = 20, 19, 17
"""Hash space of each kind of feature; they sit side by side in one vector."""

KINDS = ("word", "name", "number")
OFFSETS = (0, 1 << WORD_BITS, (1 << WORD_BITS) + (1 << NAME_BITS))
DIM = OFFSETS[-1] + (1 << NUMBER_BITS)

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*\d|\d")
_CLOSE, _OPEN = CLOSING_CHARACTERS + SINGLE_QUOTES + ")", OPENING_CHARACTERS + SINGLE_QUOTES + "("
_SENTENCE = re.compile(rf"(?<=[.!?])[{_CLOSE}]*\s+(?=[{_OPEN}]?[A-Z0-9])|\n\s*")
"""A sentence ends at a stop, after any closing quotation marks or bracket, before a capital or a digit (which
an opening mark or bracket may precede), or at a line break."""
_BREAK = re.compile(r"[.!?:;\n]")
_JOIN = re.compile(r"[ \t\-]*")
_MARKUP = re.compile(LAYOUT_CODE)
_STOP_EXTRA = {"said", "says", "say", "told", "mr", "mrs", "ms", "dr", "new", "year", "years",
               "just", "like", "according", "also", "would", "could", "one", "two", "first", "last"}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English function words (scikit-learn's list, from the Glasgow IR group) plus reporting verbs:
    frequent in every article, telling about none.

    The list is read from scikit-learn's own file rather than imported: importing scikit-learn loads
    scipy.stats and most of the library, 0.7 s of every briefing that splits its input into stories.
    """
    spec = importlib.util.find_spec("sklearn")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ImportError("scikit-learn is not installed")
    path = Path(spec.origin).parent / "feature_extraction" / "_stop_words.py"
    loaded = importlib.util.spec_from_file_location("_newsbrief_sklearn_stop_words", path)
    module = importlib.util.module_from_spec(loaded)  # type: ignore[arg-type]
    loaded.loader.exec_module(module)  # type: ignore[union-attr]
    return frozenset(module.ENGLISH_STOP_WORDS | _STOP_EXTRA)


@dataclass(frozen=True)
class Weights:
    """How much each part of an article and each kind of feature counts."""

    title: float = 2.0
    lead: float = 2.0
    lead_sentences: int = 2
    names: float = 1.0
    numbers: float = 0.5


@dataclass
class Bag:
    """Counts of one part of an article: its words, proper-noun runs and numbers."""

    word: Counter[str]
    name: Counter[str]
    number: Counter[str]

    def __bool__(self) -> bool:
        return bool(self.word or self.name or self.number)


def _empty() -> Bag:
    return Bag(Counter(), Counter(), Counter())


PARTS = ("title", "lead", "body")


@dataclass
class Parts:
    """The counts of an article's headline, lead and body, read once: the event and the story level weigh
    the parts differently (:func:`combine`)."""

    title: Bag
    lead: Bag
    body: Bag

    def __bool__(self) -> bool:
        return bool(self.title or self.lead or self.body)


def _is_headline_case(tokens: Sequence[str], stop: frozenset[str]) -> bool:
    """Most content words capitalized (or the whole line in capitals): capitals say nothing about names."""
    content = [t for t in tokens if t[0].isalpha() and t.lower() not in stop]
    return bool(content) and sum(t[0].isupper() for t in content) > 0.6 * len(content)


def _scan(text: str, bag: Bag, known_names: set[str] | None) -> None:
    """Add the words, names and numbers of ``text`` to ``bag``.

    A name is a run of capitalized content words not at a sentence start, unless it
    was seen mid-sentence elsewhere in the article (``known_names``, used for headlines,
    where every word may be capitalized).
    """
    stop = stop_words()
    matches = list(_TOKEN.finditer(text))
    headline = known_names is not None and _is_headline_case([m.group() for m in matches], stop)
    run: list[str] = []
    prev_end = -1
    for m in matches:
        tok = m.group()
        gap = text[max(prev_end, 0):m.start()]
        if gap == " " and prev_end >= 0:  # the common case, without a regex
            starts_sentence, joins = False, True
        else:
            starts_sentence = prev_end < 0 or bool(_BREAK.search(gap))
            joins = bool(_JOIN.fullmatch(gap))
        if run and (starts_sentence or not joins):
            bag.name[" ".join(run)] += 1
            run = []
        prev_end = m.end()
        if tok[0].isdigit():
            bag.number[tok.replace(",", "")] += 1
            continue
        low = tok.lower()
        if low in stop or len(low) < 2:
            continue
        bag.word[low] += 1
        if not tok[0].isupper():
            continue
        if headline:
            if low in known_names:
                run.append(low)
        elif not starts_sentence or (known_names is not None and low in known_names):
            run.append(low)
    if run:
        bag.name[" ".join(run)] += 1


def read_parts(title: str | None, text: str, lead_sentences: int = Weights.lead_sentences) -> Parts:
    """The counts of an article's headline, its first ``lead_sentences`` sentences and the rest.

    A multi-word name also counts for each of its words ("tony thompson" for
    "thompson"), so that a later "Thompson" matches it.
    """
    parts = Parts(_empty(), _empty(), _empty())
    text = _MARKUP.sub(" ; ", text)
    title = _MARKUP.sub(" ; ", title) if title else title
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    _scan(" ".join(sentences[:lead_sentences]), parts.lead, None)
    _scan("\n".join(sentences[lead_sentences:]), parts.body, None)
    if title and title.strip():
        known = {part for bag in (parts.lead, parts.body) for name in bag.name for part in name.split()}
        _scan(title, parts.title, known)
    for bag in (parts.title, parts.lead, parts.body):
        for name in [n for n in bag.name if " " in n]:
            for part in name.split():
                bag.name[part] += bag.name[name]
    return parts


def _hash_kind(counts: Sequence[Counter[str]], bits: int) -> sp.csr_matrix:
    """Counts of features as rows over ``2 ** bits`` columns, each feature in column |murmurhash3_32| mod
    the width: the columns scikit-learn's ``FeatureHasher`` (``alternate_sign=False``) gives, by the same
    MurmurHash3 (the ``murmurhash`` package spaCy ships), each distinct feature hashed once."""
    width = 1 << bits
    keys = [key for c in counts for key in c]
    values = np.fromiter((v for c in counts for v in c.values()), np.float32, len(keys))
    distinct = list(dict.fromkeys(keys))
    column = dict(zip(distinct, (np.abs(np.fromiter(map(murmur, distinct), np.int64, len(distinct))) % width).tolist()))
    indices = np.fromiter(map(column.__getitem__, keys), np.int32, len(keys))
    indptr = np.concatenate([[0], np.cumsum(np.fromiter(map(len, counts), np.int64, len(counts)))])
    matrix = sp.csr_matrix((values, indices, indptr), shape=(len(counts), width))
    matrix.eliminate_zeros()
    matrix.sum_duplicates()
    return matrix


def unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """``matrix`` (CSR) with every non-zero row scaled to length 1, as scikit-learn's ``normalize`` does it
    (squares of the stored type summed in double precision, in order; each value divided by its row's
    norm and stored back in its type), without loading scikit-learn."""
    matrix = matrix.tocsr()
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=(matrix.data * matrix.data).astype(np.float64),
                                minlength=matrix.shape[0]))
    norms[norms == 0.0] = 1.0
    data = (matrix.data / norms[rows]).astype(matrix.dtype)
    return sp.csr_matrix((data, matrix.indices.copy(), matrix.indptr.copy()), shape=matrix.shape)


def hashed(parts: Sequence[Parts]) -> dict[str, list[sp.csr_matrix]]:
    """Raw counts of each part (headline, lead, body), one hashed matrix per kind of feature (rows are
    articles)."""
    return {part: [_hash_kind([getattr(getattr(p, part), kind) for p in parts], bits)
                   for kind, bits in zip(KINDS, (WORD_BITS, NAME_BITS, NUMBER_BITS))]
            for part in PARTS}


def combine(counts: dict[str, list[sp.csr_matrix]], weights: Weights) -> list[sp.csr_matrix]:
    """Weighted counts per kind of feature: the body's, plus the lead's and the headline's times their weights."""
    return [(counts["body"][k] + counts["lead"][k] * weights.lead + counts["title"][k] * weights.title).tocsr()
            for k in range(len(KINDS))]


def document_frequency(counts: Sequence[sp.csr_matrix]) -> sp.csr_matrix:
    """In how many articles each hashed feature occurs, as one sparse row over the whole space."""
    rows = [sp.csr_matrix((np.ones_like(m.data), m.indices, m.indptr), shape=m.shape).sum(axis=0)
            for m in counts]
    return sp.csr_matrix(np.concatenate([np.asarray(r).ravel() for r in rows]).astype(np.float32))


@dataclass(frozen=True)
class Prior:
    """Document frequencies seen before (a store's articles), added to those of the block being grouped."""

    docs: int
    df: sp.csr_matrix  # 1 x DIM


def weigh(counts: Sequence[sp.csr_matrix], weights: Weights = Weights(), prior: Prior | None = None,
          ) -> sp.csr_matrix:
    """TF-IDF vectors of unit length: sublinear term counts, smoothed IDF, each kind normalized and weighted.

    The IDF comes from the articles at hand plus ``prior``: a theme word that
    every article of a topic uses weighs little next to the names that tell
    its events apart.
    """
    n_docs = counts[0].shape[0]
    df = document_frequency(counts)
    if prior is not None:
        df = df + prior.df
        n_docs += prior.docs
    df_dense = np.asarray(df.todense()).ravel()
    parts = []
    for matrix, offset, factor in zip(counts, OFFSETS, (1.0, weights.names, weights.numbers)):
        tf = matrix.copy()
        tf.data = 1.0 + np.log(tf.data)
        span = df_dense[offset:offset + matrix.shape[1]]
        idf = np.log((1.0 + n_docs) / (1.0 + span)) + 1.0
        parts.append(factor * unit_rows(tf @ sp.diags(idf.astype(np.float32))))
    return unit_rows(sp.hstack(parts, format="csr")).astype(np.float32)


def prune(row: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """The ``keep`` largest entries of a sparse row: an event summary stays small however big it grows."""
    row = row.tocsr()
    if row.nnz <= keep:
        return row
    top = np.argpartition(row.data, -keep)[-keep:]
    top.sort()
    return sp.csr_matrix((row.data[top], row.indices[top], [0, keep]), shape=row.shape)


def pruned_rows(matrix: sp.csr_matrix, keep: int) -> list[sp.csr_matrix]:
    """Each row of ``matrix`` as its own pruned sparse row (see :func:`prune`), without slicing the matrix."""
    matrix = matrix.tocsr()
    rows = []
    for lo, hi in zip(matrix.indptr[:-1], matrix.indptr[1:]):
        data, indices = matrix.data[lo:hi], matrix.indices[lo:hi]
        if hi - lo > keep:
            top = np.argpartition(data, -keep)[-keep:]
            data, indices = data[top], indices[top]
        order = np.argsort(indices, kind="stable")  # sorted indices keep later sums and differences fast
        row = sp.csr_matrix((data[order], indices[order], [0, len(data)]), shape=(1, matrix.shape[1]))
        row.has_sorted_indices = True
        rows.append(row)
    return rows
