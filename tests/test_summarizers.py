"""Every summarizer on small handmade clusters: budget, whole sentences, spans, redundancy, order."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsbrief.model import Sentence, squash
from newsbrief.ingest import load
from newsbrief.pipeline import Prepared, prepare
from newsbrief.summarize import available, candidates, get_summarizer
from newsbrief.summarize.base import near_repeat
from newsbrief.summarize.concepts import ClusterConcepts, lazy_greedy, runs
from newsbrief.lang.tokens import tokens

# A fictional event, three outlets. The dam sentence is carried by all three (one verbatim copy, inside
# a longer line: a line repeated whole across articles is cleaned away as a template);
# each outlet adds colour of its own.
ARTICLES = [
    {"id": "north", "title": "Dam on the Selva river gives way", "text": (
        "Dam on the Selva river gives way\n"
        "The Korvan dam on the Selva river collapsed on Tuesday night, flooding four villages downstream.\n"
        "Rescue teams evacuated more than two thousand residents from the flooded villages before dawn.\n"
        "Engineers had warned in March that cracks in the Korvan dam were growing.\n"
        "A local bakery handed out free bread to the volunteers at the school gym.")},
    {"id": "valley", "title": "Villages flooded after Korvan dam collapse", "text": (
        "Villages flooded after Korvan dam collapse\n"
        "The Korvan dam on the Selva river collapsed on Tuesday night, flooding four villages downstream. "
        "It was finished in 1961.\n"
        "Regional officials said two people were missing and the water was still rising near Orsk.\n"
        "Engineers had warned in March that cracks in the dam were growing, documents show.\n"
        "The football match planned for Saturday was moved to another town.")},
    {"id": "wire", "title": "Korvan dam breach", "text": (
        "Korvan dam breach\n"
        "Floodwater from the collapsed Korvan dam covered four villages on the Selva river on Wednesday.\n"
        "More than two thousand residents were evacuated overnight, rescue teams said.\n"
        "Two people are missing, regional officials said, as the water kept rising near Orsk.")},
]


@pytest.fixture
def prep() -> Prepared:
    articles, problems = load(ARTICLES)
    return prepare(articles, problems)


def _group_index(prep: Prepared) -> dict[tuple[str, int], int]:
    return {(s.article, s.index): g for g, group in enumerate(prep.cluster.groups) for s in group}


@pytest.mark.parametrize("name", sorted(available()))
@pytest.mark.parametrize("budget", [25, 40, 70])
def test_budget_whole_sentences_spans_and_no_repeats(prep: Prepared, name: str, budget: int) -> None:
    chosen = get_summarizer(name).summarize(prep.cluster, budget)
    assert chosen, "a budget that fits sentences gets some"
    assert sum(s.words for s in chosen) <= budget
    by_id = {a.id: a for a in prep.cluster.articles}
    groups = _group_index(prep)
    for s in chosen:
        article = by_id[s.article]
        first, last = article.sentences[s.index], article.sentences[s.last]
        assert s.end == last.end and (s.start == first.start or s.trimmed), "whole sentences of its article"
        assert squash(article.text[s.start:s.end]) == s.text
    assert len({groups[(s.article, s.index)] for s in chosen}) == len(chosen), "the same thing said twice"
    assert len({s.text for s in chosen}) == len(chosen)


@pytest.mark.parametrize("name", sorted(available()))
def test_a_budget_below_every_sentence_gives_nothing(prep: Prepared, name: str) -> None:
    assert get_summarizer(name).summarize(prep.cluster, 3) == []


def test_lead_takes_the_first_article_in_order(prep: Prepared) -> None:
    chosen = get_summarizer("lead").summarize(prep.cluster, 40)
    first = prep.cluster.articles[0]
    assert [s.article for s in chosen] == [first.id, first.id]
    assert [s.index for s in chosen] == [0, 1]


def test_concepts_leads_with_what_every_outlet_reports(prep: Prepared) -> None:
    chosen = get_summarizer("concepts").summarize(prep.cluster, 20)
    assert len(chosen) == 1
    assert "Korvan dam" in chosen[0].text and "four villages" in chosen[0].text
    colour = ("bakery", "football")
    longer = get_summarizer("concepts").summarize(prep.cluster, 60)
    assert not any(word in s.text for s in longer for word in colour)


def test_concept_weights_favour_shared_early_concepts(prep: Prepared) -> None:
    found = ClusterConcepts(prep.cluster)
    weight = dict(zip(found.keys.tolist(), found.weights()))
    vocab = {}
    for s in found.sentences:
        for w in tokens(s.text):
            vocab.setdefault(w, len(vocab))
    korvan, bakery = tokens("Korvan")[0], tokens("bakery")[0]
    assert weight[vocab[korvan]] > weight[vocab[bakery]]


def _plain_greedy(pool: list, weight: np.ndarray, budget: int, power: float) -> list:
    """The greedy without laziness: every run re-scored at every step (a run costs its passages not yet chosen)."""
    covered, chosen = np.zeros(len(weight), bool), []
    while True:
        best = None
        for i, (members, c) in enumerate(pool):
            new = [s for s in members if s not in chosen]
            cost = sum(s.words for s in new)
            if not new or sum(x.words for x in chosen) + cost > budget:
                continue
            gain = float(weight[c[~covered[c]]].sum()) / cost ** power
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, new, c)
        if best is None:
            return chosen
        chosen.extend(best[1])
        covered[best[2]] = True


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_lazy_greedy_picks_what_plain_greedy_picks(prep: Prepared, seed: int) -> None:
    from test_standalone import FERRY

    rng = random.Random(seed)
    passages = candidates(prep.cluster) + candidates(prepare(*load(FERRY)).cluster)
    assert any(p.follows for p in passages), "runs of a passage and the one it follows are in the test"
    n_concepts = 30
    weight = np.array([rng.random() for _ in range(n_concepts)])
    pool = runs([(p, np.array(sorted(rng.sample(range(n_concepts), 5)))) for p in passages], 3)
    lazy: list = []
    lazy_greedy(list(pool), weight, 60, lazy, np.zeros(n_concepts, bool), 0.6, lambda text, chosen: False)
    assert lazy == _plain_greedy(pool, weight, 60, 0.6)


def test_a_run_holds_a_passage_with_the_ones_it_follows() -> None:
    from test_standalone import FERRY

    pool = [(p, np.array([i])) for i, p in enumerate(candidates(prepare(*load(FERRY)).cluster))]
    for members, ids in runs(pool, 3):
        assert not members[0].follows
        assert all(b.follows and (a.article, a.last + 1) == (b.article, b.index) for a, b in zip(members, members[1:]))
        assert len(ids) == len(members)


def test_unknown_summarizer_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown summarizer 'nope'; choose from"):
        get_summarizer("nope")


def test_repeats_within_an_article_join_the_copy_in_another() -> None:
    """Redundancy control rests on groups: a sentence said twice in one article and once elsewhere is one group."""
    from newsbrief.dedup import sentence_groups
    from newsbrief.model import Sentence

    said = "The Korvan dam on the Selva river collapsed on Tuesday night, flooding four villages."
    near = "The Korvan dam on the Selva river collapsed on Tuesday, flooding four villages downstream."
    sentences = [Sentence("a", 0, 1, said, 0), Sentence("a", 0, 1, said, 1), Sentence("b", 0, 1, near, 0),
                 Sentence("c", 0, 1, "Two people are missing near Orsk, regional officials said.", 0)]
    sentences += [Sentence("c", 0, 1, f"Unrelated filler sentence number {i} about weather {i}.", i)
                  for i in range(1, 40)]
    groups = sentence_groups(sentences)
    assert [(s.article, s.index) for s in groups[0]] == [("a", 0), ("a", 1), ("b", 0)]
    assert len(groups) == len(sentences) - 2


def test_a_line_without_lower_case_words_is_not_a_candidate() -> None:
    """Credit lines, labels and list items have no function words in lower case; sentences do."""
    prep = prepare(*load([{"id": "a", "text": (
        "The Korvan dam on the Selva river collapsed on Tuesday night, flooding four villages.\n"
        "(Reporting by Anna Berg, Norland Wire Service) FILED TUESDAY NIGHT.\n"
        "Rescue teams evacuated more than two thousand residents before dawn.")}]))
    texts = [p.text for p in candidates(prep.cluster)]
    assert len(texts) == 2 and not any("FILED" in t for t in texts)


def test_a_line_that_retells_a_chosen_one_in_other_words_is_not_taken() -> None:
    """The second outlet retells the lead's news in other words (not close enough to be grouped as a
    near-duplicate sentence): with room for everything, the summary gives it once. A near-repeat shares at
    least five content words, and 60% of the shorter line's, with a line already chosen."""
    told = ("Harbour master Ilse Brandt, who led the rescue of 212 ferry passengers off Tolvik, has died after "
            "a long battle with cancer.")
    retold = "The harbour master died at her home on Sunday after a long battle with lung cancer."
    prep = prepare(*load([
        {"id": "wire", "time": "2031-03-04T09:00:00", "text": (
            f"{told}\n\nShe had run the port of Vessel Bay for twenty years and trained its pilots.")},
        {"id": "post", "time": "2031-03-04T10:00:00", "text": (
            "Ilse Brandt became a national hero when the ferry Maren Star sank in a storm in 2031.\n\n"
            f"{retold}\n\nThe town will hold a memorial service at the quay on Friday.")},
    ]))
    texts = [s.text for s in get_summarizer("concepts").summarize(prep.cluster, 200)]
    assert texts[0] == told and retold not in texts
    assert any(t.startswith("The town will hold") for t in texts)


def test_lines_that_name_other_days_are_no_near_repeat() -> None:
    """Sharing most words is not enough when the two lines date what they tell on other days: they tell two
    happenings (an inspection, then a vote on the repairs it called for)."""
    vote = Sentence("a", 0, 1, "On 10 June, the county council voted to spend 4 million pounds on repairs to the "
                    "Carrow bridge, after inspectors found cracks in its piers.", 0)
    inspection = "On 8 June, inspectors had found cracks in two of the Carrow bridge's piers and closed one lane."
    assert not near_repeat(inspection, [vote], 0.6, 5)
    assert near_repeat("Inspectors had found cracks in two of the Carrow bridge's piers before the council voted "
                       "on repairs.", [vote], 0.6, 5)


def test_a_number_or_a_modal_is_no_other_day() -> None:
    """A retelling of the same day is a near-repeat though one line has a number and "may" in it: only a
    number next to a month names a day, and only a capitalised "May" is the month."""
    first = Sentence("a", 0, 1, "On Tuesday, 12 people died in the fire at the Carrow grain terminal.", 0)
    assert near_repeat("Twelve people died in the fire at the Carrow grain terminal on Tuesday.", [first], 0.6, 4)
    assert near_repeat("Twelve people may have died in the fire at the Carrow grain terminal on Tuesday.", [first],
                       0.6, 4)
    assert not near_repeat("On Wednesday, 12 people died in the fire at the Carrow grain terminal.", [first], 0.6, 4)


def test_a_month_that_ends_a_name_names_no_day() -> None:
    """"Theresa May" is a person, not a month: a retelling that names her is a near-repeat of one that does
    not; "In May" is still a month."""
    first = Sentence("a", 0, 1, "The prime minister met the Norland envoy at the Carrow harbour talks on Tuesday.", 0)
    assert near_repeat("Prime Minister Theresa May met the Norland envoy at the Carrow harbour talks on Tuesday.",
                       [first], 0.6, 4)
    assert not near_repeat("In May, the prime minister met the Norland envoy at the Carrow harbour talks on "
                           "Tuesday.", [first], 0.6, 4)
