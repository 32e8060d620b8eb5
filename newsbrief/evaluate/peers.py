"""The systems compared by ``newsbrief evaluate``: newsbrief itself and the summarizers users pick today.

Every system maps a cluster record (``{"id", "articles": [...], "summaries": [...]}``) and a word
budget to summary lines, one sentence a line. ``newsbrief`` is exactly the
batch mode's output; ``lead`` is newsbrief's Lead baseline through the same
pipeline; ``lexrank`` and ``textrank`` are sumy 0.13 given the cluster as one
plain text, articles in input order; ``oracle`` (see :mod:`.oracle`) is the
upper bound.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from newsbrief.batch import summarize_cluster
from newsbrief.evaluate.oracle import oracle
from newsbrief.model import squash
from newsbrief.segment import split_spans
from newsbrief.summarize import DEFAULT

System = Callable[[dict[str, Any], int], list[str]]


def newsbrief_lines(record: dict[str, Any], max_words: int, method: str | None = None) -> list[str]:
    """What ``newsbrief summarize`` writes for this cluster (with ``method``, else the default)."""
    result = summarize_cluster(record, max_words, method or DEFAULT)
    return [s["text"] for s in result.get("sentences", [])]


def lead_lines(record: dict[str, Any], max_words: int) -> list[str]:
    """The Lead baseline: first sentences of the first article, through newsbrief's pipeline."""
    return newsbrief_lines(record, max_words, "lead")


class SumyTokenizer:
    """sumy's Tokenizer interface without nltk's punkt data (a hub download, unavailable offline).

    Sentences come from newsbrief's segmenter, words from nltk's Treebank-style
    word tokenizer (what sumy's default uses after punkt), filtered by sumy's own word test.
    """

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import (
            NLTKWordTokenizer,  # peers are optional (the bench extra): loaded on use
        )
        from sumy.nlp.tokenizers import Tokenizer

        self._words = NLTKWordTokenizer()
        self._is_word = Tokenizer._is_word

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences by newsbrief's own splitter, so peers and newsbrief choose among the same sentences."""
        return tuple(squash(paragraph[s:e]) for s, e in split_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens as sumy's own tokenizer keeps them (punctuation dropped)."""
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


@lru_cache(maxsize=4)
def _sumy(kind: str) -> tuple[Any, SumyTokenizer]:
    """A sumy summarizer set up as its README shows (English stemmer and stop words), with our tokenizer."""
    from sumy.nlp.stemmers import (
        Stemmer,  # peers are optional (the bench extra): loaded on use
    )
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer, SumyTokenizer()


def _budget(max_words: int) -> Callable[[list[Any]], list[Any]]:
    """sumy's ``sentences_count`` as a callable: best-rated sentences until ``max_words`` are reached."""
    def take(ranked: list[Any]) -> list[Any]:
        out, words = [], 0
        for info in ranked:
            if words >= max_words:
                break
            out.append(info)
            words += len(str(info.sentence).split())
        return out
    return take


def cluster_text(record: dict[str, Any]) -> str:
    """The cluster as one plain text, articles in input order, a blank line between them."""
    return "\n\n".join((a.get("text") or "").strip() for a in record.get("articles", []) if isinstance(a, dict))


def sumy_lines(kind: str, record: dict[str, Any], max_words: int) -> list[str]:
    """sumy's ``kind`` summarizer on the cluster text, sentences in document order."""
    from sumy.parsers.plaintext import (
        PlaintextParser,  # optional (the bench extra): loaded on use
    )

    summarizer, tokenizer = _sumy(kind)
    document = PlaintextParser(cluster_text(record), tokenizer).document
    return [str(s) for s in summarizer(document, _budget(max_words))]


def oracle_lines(record: dict[str, Any], max_words: int) -> list[str]:
    """The extractive oracle's lines: the ceiling any sentence-picking system could reach."""
    return oracle(record, max_words)


SYSTEMS: dict[str, System] = {
    "newsbrief": newsbrief_lines,
    "lead": lead_lines,
    "lexrank": lambda record, n: sumy_lines("lexrank", record, n),
    "textrank": lambda record, n: sumy_lines("textrank", record, n),
    "oracle": oracle_lines,
}
