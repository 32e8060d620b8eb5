"""What keeps a briefing's start-up short, checked by behaviour (what is parsed, loaded and looked up), never
by time: the sentences the off-event check parses are not parsed again by the facts stage."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import newsbrief
from newsbrief.facts.read import quantities
from newsbrief.facts.read.units import units
from newsbrief.facts.settings import DEFAULT
from newsbrief.ingest import load
from newsbrief.pipeline import prepare

from conftest import EXAMPLE


@pytest.fixture
def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every call of the quantities reader's parser, as the list of texts it was given."""
    calls: list[list[str]] = []
    real = quantities.parse

    def counting(texts: Sequence[str], settings=DEFAULT):  # type: ignore[no-untyped-def]
        calls.append(list(texts))
        return real(texts, settings)

    monkeypatch.setattr(quantities, "parse", counting)
    return calls


def _excerpts(paths: Sequence[Path]) -> list[str]:
    """The excerpts of the example's articles that are worth parsing, by the readers' own rule."""
    prep = prepare(*load(paths))
    return [text for a in prep.cluster.articles for _, _, text in quantities._excerpts(units(a), DEFAULT)]


def test_facts_on_parse_each_sentence_once(parsed_texts: list[list[str]]) -> None:
    b = newsbrief.brief(EXAMPLE)
    assert b.facts and any(r.status == "off-event" for r in b.articles)  # both stages ran and read counts
    assert len(parsed_texts) == 1, "the facts stage parsed again what the off-event check had parsed"
    assert sorted(parsed_texts[0]) == sorted(_excerpts([EXAMPLE]))


def test_without_facts_the_off_event_check_parses_once(parsed_texts: list[list[str]]) -> None:
    newsbrief.brief(EXAMPLE, facts=False)
    assert len(parsed_texts) == 1 and sorted(parsed_texts[0]) == sorted(_excerpts([EXAMPLE]))


def test_an_update_parses_only_what_the_reader_read_before_in_a_second_call(parsed_texts: list[list[str]]) -> None:
    """The articles read before join the facts (not the off-event check): only they are parsed again."""
    earlier = EXAMPLE / "harbour-times.jsonl"
    new = sorted(p for p in EXAMPLE.iterdir() if p != earlier)
    newsbrief.brief(new, since=earlier)
    assert len(parsed_texts) == 2
    first, second = parsed_texts
    assert not set(first) & set(second)
    assert sorted(first + second) == sorted(_excerpts([earlier, *new]))


def test_shared_parses_read_the_same_as_fresh_ones() -> None:
    """Reading with the parses of another stage gives what parsing afresh gives."""
    prep = prepare(*load([EXAMPLE]))
    every = [u for a in prep.cluster.articles for u in units(a)]
    nobody = quantities.Gazetteer(())
    fresh = quantities.read(every, nobody)
    assert fresh and quantities.read(every, nobody, parses=quantities.parsed(every)) == fresh


def test_the_model_loads_its_own_tokenizer_unchanged() -> None:
    """The pipeline is built with a bare tokenizer (not the language defaults, thrown away on load): what it
    tokenizes with is the model's saved tokenizer, byte for byte, and it tokenizes as that one does."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import get_package_path

    from newsbrief.facts.read.ner import MODEL, model

    nlp = model()
    saved = get_package_path(MODEL) / f"{MODEL}-{nlp.meta['version']}" / "tokenizer"
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved.read_bytes()
    text = "Turkey's army said on Thursday (AP) that 33 soldiers weren't killed in Idlib, U.S. officials said."
    own = Tokenizer(nlp.vocab).from_disk(saved)
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in own(text)]
    assert "weren't" not in [t.text for t in nlp.tokenizer(text)]  # special cases are in force


def test_the_briefing_is_the_same_whatever_the_hash_seed() -> None:
    """Comparing outputs before and after a speed-up needs output that depends on nothing else: the day most
    other leads name was taken from a set in hash order, so a tie (Tuesday or Wednesday) went either way.
    Five seeds: an order that flips a coin per seed shows in all but one of 16 such runs (two seeds: one in 2)."""
    earlier = EXAMPLE / "harbour-times.jsonl"
    args = [sys.executable, "-m", "newsbrief.cli", "brief", *map(str, sorted(EXAMPLE.glob("*.txt"))),
            "--since", str(earlier), "--format", "json"]
    outputs = {subprocess.run(args, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in "01234"}
    assert len(outputs) == 1 and "where the others say" in outputs.pop()
