"""Facts across sources: quantities, dates, entities, claims, the cross-check, off-event articles, timeline.

Unit tests read small inline texts; briefing tests read the fictional example in
examples/harbour-fire/ (in the repo) and, marked ``shared``, the seed articles.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import EXAMPLE
from newsbrief import render
from newsbrief.facts.check.incidents import judge
from newsbrief.facts.check.quantities import group_quantities, quantity_conflicts
from newsbrief.facts.read import claims as claims_mod
from newsbrief.facts.read.dates import read_unit as read_dates
from newsbrief.facts.read.dates import resolve
from newsbrief.facts.read.entities import Gazetteer
from newsbrief.clean import clean_cluster
from newsbrief.facts.read import ner
from newsbrief.facts.read.ner import Mention
from newsbrief.facts.read.numbers import parse_words
from newsbrief.facts.read.quantities import compatible, interval, read_unit
from newsbrief.facts.read.units import Unit, units
from newsbrief.model import Article, Briefing, ClaimFact, EntityFact, Fact, PartySide, QuantityFact
from newsbrief.pipeline import brief
from newsbrief.segment import segment_article

FRIDAY = datetime(2020, 2, 28, 9, 15)


def unit(text: str, article: str = "a", position: int = 1) -> Unit:
    return Unit(article, 0, len(text), text, position, position)


def gazetteer(*names: tuple[str, str], people: tuple[str, ...] = ()) -> Gazetteer:
    """A gazetteer from (label, name) pairs, as spaCy would have found them."""
    return Gazetteer([Mention("a", 0, len(name), name, label) for label, name in names], people)


NATIONS = gazetteer(("GPE", "Turkey"), ("NORP", "Turkish"), ("GPE", "Russia"), ("NORP", "Russian"),
                    ("NORP", "Syrian"))


# --- quantities -------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "value"), [
    ("Thirty-three", 33), ("one million", 1_000_000), ("a dozen", 12), ("two hundred and five", 205),
    ("fourteen", 14),
])
def test_number_words_are_normalised(words: str, value: int) -> None:
    assert parse_words(words) == value


def test_qualifier_and_what_is_counted_including_whose_troops() -> None:
    found = read_unit(unit("Turkey said at least 33 of its troops were killed and almost 40 more injured."), NATIONS)
    killed, injured = found
    assert (killed.value, killed.qualifier, killed.kind, killed.side, killed.category) == (
        33, "at least", "soldier", "turk", "killed")
    assert (injured.value, injured.qualifier, injured.kind, injured.side, injured.category) == (
        40, "almost", "soldier", "turk", "injured")
    assert killed.text == "at least 33 of its troops were killed"


@pytest.mark.parametrize(("text", "value", "qualifier", "what"), [
    ("The offensive has displaced about 950,000 people.", 950_000, "about", "people displaced"),
    ("Thirty-three Turkish soldiers were martyred.", 33, None, "Turkish soldiers killed"),
    ("The death toll rose to 12 on Monday.", 12, None, "people killed"),
    ("More than a dozen firefighters were injured.", 12, "more than", "firefighters injured"),
    ("Around 2,000 people living nearby were told to leave their homes.", 2000, "around", "people evacuated"),
])
def test_verbs_of_one_meaning_share_a_category(text: str, value: int, qualifier: str | None, what: str) -> None:
    (found,) = read_unit(unit(text), NATIONS)
    assert (found.value, found.qualifier, found.what) == (value, qualifier, what)


@pytest.mark.parametrize("text", [
    "Turkey first intervened in Syria in 2016.",
    "The injured worker, a 34-year-old man, was released.",
    "The fire began at about 10.50pm on 27 February.",
    "Fourteen firefighters were injured, two of them seriously.",
    "He climbed for nine years.",
])
def test_years_ages_times_durations_and_subsets_are_not_counts(text: str) -> None:
    values = [q.value for q in read_unit(unit(text), NATIONS)]
    assert values in ([], [14])


def test_hedged_numbers_agree_only_within_reason() -> None:
    assert compatible(interval(33, None), interval(33, "at least"))
    assert compatible(interval(950_000, "about"), interval(1_000_000, "nearly"))
    assert compatible(interval(14, None), interval(12, "more than"))
    assert not compatible(interval(2, None), interval(3, "at least"))
    assert not compatible(interval(2, "at least"), interval(33, None))


# --- dates ------------------------------------------------------------------------------------


def test_dates_resolve_against_publication_time_with_modifiers_kept() -> None:
    assert resolve("late on Thursday", FRIDAY) == ("2020-02-27", "day", "late", "Thursday")
    assert resolve("on Friday", FRIDAY)[0] == "2020-02-28"
    assert resolve("27 February", FRIDAY)[:2] == ("2020-02-27", "day")
    assert resolve("in December", FRIDAY)[:2] == ("2019-12", "month")
    assert resolve("yesterday", FRIDAY)[:2] == ("2020-02-27", "day")


def test_a_day_to_come_written_without_its_year_is_not_last_years() -> None:
    july = datetime(1998, 7, 2)
    held = "Regional elections will be held on Oct. 25, the council said."
    assert [d.value for d in read_dates(Unit("a", 0, len(held), held, 1, 1), july)] == ["1998-10-25"]
    gone = "The council met on Oct. 25 to set the vote."
    assert [d.value for d in read_dates(Unit("a", 0, len(gone), gone, 1, 1), july)] == ["1997-10-25"]
    assert resolve("June 30", july, future=True)[0] == "1998-06-30"  # "said it would hold talks on June 30"
    assert resolve("Feb. 3", datetime(1998, 12, 10), future=True)[0] == "1999-02-03"


def test_dates_without_publication_time_stay_relative_unless_they_name_the_year() -> None:
    assert resolve("late on Thursday", None) == ("Thursday", "relative", "late", "Thursday")
    assert resolve("September 2018", None)[:2] == ("2018-09", "month")
    assert resolve("04 February 2020", None)[:2] == ("2020-02-04", "day")


# --- entities ---------------------------------------------------------------------------------


def test_name_variants_merge_into_one_entity_ranked_by_sources() -> None:
    g = gazetteer(("PERSON", "Recep Tayyip Erdogan"), ("PERSON", "Tayyip Recep Erdogan"), ("PERSON", "Erdoğan"),
                  ("ORG", "the United Nations"), ("ORG", "UN"), ("GPE", "Idlib"))
    texts = {"a": "Recep Tayyip Erdogan spoke to the UN.", "b": "Erdogan met United Nations staff in Idlib.",
             "c": "Tayyip Recep Erdogan left."}
    found = g.locate([Unit(a, 0, len(t), t, 1) for a, t in texts.items()])
    assert [(e.name, e.kind, len(e.articles)) for e in found] == [
        ("Recep Tayyip Erdogan", "person", 3), ("United Nations", "organisation", 2), ("Idlib", "place", 1)]


# --- claims -----------------------------------------------------------------------------------


def claims_of(*texts: str, g: Gazetteer = NATIONS) -> list[claims_mod.Claim]:
    """The claims of one article made of ``texts``, one sentence each."""
    units, at = [], 0
    for i, text in enumerate(texts, 1):
        units.append(Unit("a", at, at + len(text), text, i, i))
        at += len(text) + 1
    return claims_mod.read(claims_mod.attributions(units), units, g, {"a": " ".join(texts)})


def test_speakers_are_normalised_and_referred_back_to() -> None:
    found = claims_of(
        "Russia's defense ministry on Friday denied its aircraft had carried out any airstrikes in the area.",
        "The ministry said the Turkish troops had been deployed alongside jihadist fighters.",
        "Turkey has said at least 33 of its troops were killed.",
        "It said the airstrikes were carried out by the Syrian government.",
    )
    assert [(c.speaker.shown, c.speaker.party, c.verb) for c in found] == [
        ("Russia's defense ministry", "russ", "denied"), ("Russia's defense ministry", "russ", "said"),
        ("Turkey", "turk", "said"), ("Turkey", "turk", "said")]
    assert found[0].denial and found[0].agency and found[3].agency
    assert found[3].content == "the airstrikes were carried out by the Syrian government"


def test_trailing_attribution_and_apposition() -> None:
    g = gazetteer(("GPE", "Turkey"), ("NORP", "Russian"), people=("Sergei Lavrov", "Fahrettin Altun"))
    found = claims_of(
        "“There is always room for dialogue,” said Russian Foreign Minister Sergei Lavrov.",
        "Fahrettin Altun, the head of Turkey’s communications office, told reporters that Turkey would respond.",
        "The reprisals killed 20 soldiers, according to a monitoring group.",
        g=g,
    )
    assert [(c.speaker.shown, c.speaker.party, c.verb) for c in found] == [
        ("Sergei Lavrov", "russ", "said"), ("Fahrettin Altun", "turk", "told"),
        ("monitoring group", "role:monitoring group", "according to")]
    assert found[0].content == "There is always room for dialogue"
    assert found[1].content == "Turkey would respond"


def test_passive_blame_is_not_a_claim() -> None:
    assert claims_of("The company was accused of ignoring safety warnings for years.") == []


# --- cross-check and off-event ----------------------------------------------------------------


def quantities(texts: dict[str, str]) -> list:
    return [q for a, t in texts.items() for q in read_unit(unit(t, a), NATIONS)]


def untimed(texts: dict[str, str]) -> list[Article]:
    return [Article(id=a, text=t) for a, t in texts.items()]


def test_values_that_can_all_be_true_agree_and_others_conflict() -> None:
    found = quantities({"a": "At least three workers died.", "b": "Three workers were killed.",
                        "c": "Two workers were killed.", "d": "About 2,000 people were evacuated.",
                        "e": "Almost 2,000 residents were evacuated."})
    groups = {g.label: g for g in group_quantities(found)}
    assert [sorted(vs.articles) for vs in groups["workers killed"].value_sets()] == [["a", "b"], ["c"]]
    (conflict,) = quantity_conflicts(list(groups.values()))
    assert (conflict.about, [v.value for v in conflict.sides]) == ("workers killed", [3, 2])


def test_an_article_counting_two_things_under_one_label_is_not_a_conflict() -> None:
    found = quantities({"a": "Two people were killed on Monday; 9,000 people were killed in the war.",
                        "b": "9,000 people were killed since 2011."})
    assert quantity_conflicts(group_quantities(found)) == []


def test_an_article_about_another_incident_is_set_aside_and_an_early_report_is_not() -> None:
    texts = {"a": "33 Turkish soldiers were killed.", "b": "At least 33 Turkish troops were killed.",
             "c": "33 Turkish soldiers were killed on Thursday.",
             "d": "At least two Turkish soldiers were killed.", "e": "30 Turkish soldiers were killed."}
    found = judge(untimed(texts), quantities(texts), [], {})
    assert list(found) == ["d"]
    assert "at least 2 Turkish soldiers killed where 3 other sources report 33" in found["d"]


def test_too_few_articles_to_tell_the_main_event() -> None:
    texts = {"a": "33 Turkish soldiers were killed.", "b": "Two Turkish soldiers were killed."}
    assert judge(untimed(texts), quantities(texts), [], {}) == {}


# --- briefings ------------------------------------------------------------------------------


@pytest.fixture
def harbour() -> Briefing:
    return briefed(EXAMPLE)


def facts_of(b: Briefing, kind: str) -> list[Fact]:
    return [f for f in b.facts if f.kind == kind and not f.context]


def quantity(b: Briefing, counts: str) -> QuantityFact:
    return next(f for f in facts_of(b, "quantity") if f.counts == counts)


def articles(fact: Fact) -> set[str]:
    return {s.article for s in fact.sources}


def test_example_agreed_counts_with_each_source_qualifier(harbour: Briefing) -> None:
    killed = next(f for f in facts_of(harbour, "quantity") if f.counts.endswith("workers killed") and f.value == 3)
    assert len(articles(killed)) >= 3
    assert "at least" in {s.qualifier for s in killed.sources}
    injured = quantity(harbour, "firefighters injured")
    assert injured.value == 14 and "more than" in {s.qualifier for s in injured.sources}
    evacuated = quantity(harbour, "residents evacuated")
    assert evacuated.value == 2000 and len(articles(evacuated)) == 3


def test_example_spans_point_at_the_source_text(harbour: Briefing) -> None:
    texts = {r.id: r.text for r in harbour.articles}
    for fact in harbour.facts:
        for s in fact.sources:
            assert texts[s.article][s.start:s.end].strip(), (fact, s)
            if s.text:
                assert " ".join(texts[s.article][s.start:s.end].split()) == s.text


def test_example_early_report_is_a_conflict_not_off_event(harbour: Briefing) -> None:
    status = {r.id: r.status for r in harbour.articles}
    assert status["harbour-times"] == "used"
    conflict = next(c for c in harbour.conflicts if c.about.endswith("workers killed"))
    assert [(v.value, v.articles) for v in conflict.sides][1] == (2, ("harbour-times",))


def test_example_off_event_article_is_set_aside_with_a_reason(harbour: Briefing) -> None:
    record = next(r for r in harbour.articles if r.id == "kessland-herald-2022")
    assert record.status == "off-event" and "Saturday" in record.reason
    assert all(line.article != record.id for line in harbour.summary)
    context = [f for f in harbour.facts if f.context]
    assert context and all(articles(f) == {record.id} for f in context)


def test_example_agency_dispute(harbour: Briefing) -> None:
    conflict = next(c for c in harbour.conflicts if c.kind == "agency")
    assert conflict.about == "who is responsible for the fire"
    sides = {v.party: " ".join(v.account) for v in conflict.sides if isinstance(v, PartySide)}
    assert "blamed an electrical fault" in sides["Ilse Brandt"]
    assert "denied" in sides["Varen Bulk Logistics"]


def test_example_entities_claims_timeline(harbour: Briefing) -> None:
    entities = {f.name: f for f in facts_of(harbour, "entity") if isinstance(f, EntityFact)}
    assert entities["Varen Bulk Logistics"].category == "organisation"
    assert len(articles(entities["Ilse Brandt"])) >= 2
    assert any(f.speaker == "dockworkers' union" and f.verb == "accused" for f in facts_of(harbour, "claim")
               if isinstance(f, ClaimFact))
    assert harbour.timeline[0].date == "2024-03-12"
    assert "Tuesday" in harbour.timeline[0].text


def test_example_renders_agreed_then_disputed_in_every_format(harbour: Briefing) -> None:
    text, markdown = render(harbour, "text"), render(harbour, "markdown")
    assert text.index("KEY FACTS") < text.index("DISPUTED") < text.index("TIMELINE") < text.index("ARTICLES")
    assert markdown.index("## Key facts") < markdown.index("## Disputed") < markdown.index("## Timeline")
    assert "who is responsible for the fire" in text and "workers killed" in markdown
    data = json.loads(render(harbour, "json"))
    assert {"kind", "text", "value", "what", "qualifier", "sources"} <= set(data["facts"][0])
    assert {"about", "values"} <= set(data["conflicts"][0]) and {"value", "articles"} <= set(
        data["conflicts"][0]["values"][0])
    assert {"date", "text", "articles"} <= set(data["timeline"][0])


def test_without_facts_the_statuses_are_the_same(harbour: Briefing) -> None:
    plain = brief(EXAMPLE, max_words=100, facts=False)
    assert (plain.facts, plain.conflicts, plain.timeline) == ((), (), ())
    assert [(r.id, r.status, r.reason) for r in plain.articles] == [
        (r.id, r.status, r.reason) for r in harbour.articles]


# --- the seed articles ------------------------------------------------------------------------


@lru_cache(maxsize=2)
def briefed(path: Path) -> Briefing:
    return brief(path, max_words=100)


@pytest.fixture
def seeded(seeds: Path) -> Briefing:
    return briefed(seeds)


@pytest.mark.shared
def test_seeds_33_soldiers_from_three_sources_one_at_least(seeded: Briefing) -> None:
    fact = quantity(seeded, "Turkish soldiers killed")
    assert fact.value == 33 and len(articles(fact)) >= 3
    assert "at least" in {s.qualifier for s in fact.sources}


@pytest.mark.shared
def test_seeds_displaced_and_injured(seeded: Briefing) -> None:
    displaced = quantity(seeded, "people displaced")
    assert displaced.value == 950_000 and {s.qualifier for s in displaced.sources} & {"about", "around"}
    injured = quantity(seeded, "Turkish troops injured")
    assert (injured.value, injured.qualifier) == (40, "almost")


@pytest.mark.shared
def test_seeds_turkish_retaliation(seeded: Briefing) -> None:
    assert any(f.speaker == "Turkey" and "retaliat" in f.text for f in facts_of(seeded, "claim")
               if isinstance(f, ClaimFact))
    assert any(f.counts == "Syrian targets hit" and f.qualifier == "more than" for f in facts_of(seeded, "quantity")
               if isinstance(f, QuantityFact))
    claims = render(seeded, "text").split("CLAIMS")[1].split("CONTEXT")[0]
    assert "Turkey said it retaliated" in claims


@pytest.mark.shared
def test_seeds_russian_denial_against_turkish_account(seeded: Briefing) -> None:
    conflict = next(c for c in seeded.conflicts if c.kind == "agency")
    sides = {v.party: " ".join(v.account) for v in conflict.sides if isinstance(v, PartySide)}
    assert "Syrian government" in sides["Turkey"]
    assert "denied its aircraft" in sides["Russia"] and "terrorist" in sides["Russia"]


@pytest.mark.shared
def test_seeds_earlier_incidents_are_off_event_and_their_numbers_context(seeded: Briefing) -> None:
    records = {r.id[:3]: r for r in seeded.articles}
    assert records["004"].status == "off-event" and "2 Turkish soldiers killed" in records["004"].reason
    assert records["003"].status == "off-event"
    assert all(line.article[:3] not in ("003", "004") for line in seeded.summary)
    context = [f for f in seeded.facts if f.context]
    assert any(isinstance(f, QuantityFact) and f.value == 2 and f.counts == "Turkish soldiers killed" for f in context)
    assert all(a[:3] not in ("003", "004") for c in seeded.conflicts for v in c.sides for a in v.articles)


@pytest.mark.shared
def test_seeds_entities_merged(seeded: Briefing) -> None:
    erdogan = next(f for f in facts_of(seeded, "entity") if isinstance(f, EntityFact) and "Erdogan" in f.name)
    assert {"Erdogan", "Recep Tayyip Erdogan", "Tayyip Recep Erdogan"} <= set(erdogan.variants)


@pytest.mark.shared
def test_one_event_clusters_set_no_article_aside_as_another_incident(multinews: list[dict]) -> None:
    for cluster in multinews[:12]:
        reasons = [r.reason for r in brief(cluster["articles"], max_words=60).articles if r.status == "off-event"]
        assert not [r for r in reasons if "different incident" in r], cluster["id"]


@pytest.mark.parametrize(("phrase", "value"), [
    ("last night", "2020-02-27"), ("this morning", "2020-02-28"), ("Thursday night", "2020-02-27"),
    ("late on Thursday", "2020-02-27"), ("Today", "2020-02-28"),
])
def test_parts_of_the_day_resolve_to_their_day(phrase: str, value: str) -> None:
    assert resolve(phrase, datetime(2020, 2, 28, 9, 15))[0] == value
    assert resolve(phrase, None)[0] in {"yesterday", "today", "Thursday"}


def test_headline_words_are_not_taken_for_names() -> None:
    texts = [f"Huge Fire Breaks Out At Dockside Warehouse\nCrews fought a fire at a warehouse on {day}, "
             "officials said.\nNo one was hurt in the blaze, the fire service said." for day in ("Monday", "Sunday")]
    arts = [Article(id=str(i), text=t, title=t.split("\n")[0], body_start=t.index("\n")) for i, t in enumerate(texts)]
    arts = [segment_article(a) for a in clean_cluster(arts)]
    assert ner._shared_unnamed([units(a) for a in arts], set()) == []


# --- claims and their quotation marks ---------------------------------------------------------


def claims_in(text: str, *sentences: tuple[int, int]) -> list[claims_mod.Claim]:
    """The claims of one article ``text`` whose sentences lie at ``sentences`` (start, end)."""
    units = [Unit("a", s, e, text[s:e], i, i) for i, (s, e) in enumerate(sentences, 1)]
    return claims_mod.read(claims_mod.attributions(units), units, NATIONS, {"a": text})


def test_a_quotation_opened_in_the_sentence_before_is_one_claim_with_it() -> None:
    found = claims_of("“The council has asked both sides to stop the shelling.",
                      "It wants talks by Friday,” council spokeswoman Mara Olsen said.")
    assert [(c.speaker.shown, c.text) for c in found] == [(
        "Mara Olsen", "“The council has asked both sides to stop the shelling. It wants talks by Friday,” council "
        "spokeswoman Mara Olsen said.")]
    assert found[0].content == "The council has asked both sides to stop the shelling. It wants talks by Friday"
    assert found[0].sentence == found[0].text


def test_a_quotation_whose_opening_is_nowhere_is_no_claim() -> None:
    found = claims_of("Rain fell on the camps overnight.",
                      "The agency is sending more tents to the border,” spokeswoman Mara Olsen said.")
    assert found == []


def test_a_mark_glued_between_two_sentences_opens_the_second() -> None:
    text = "Rain fell on the camps overnight.”The agency is sending more tents to the border,” Mara Olsen said."
    cut = text.index("The agency")
    (claim,) = claims_in(text, (0, cut), (cut, len(text)))
    assert claim.text == "”The agency is sending more tents to the border,” Mara Olsen said."
    assert text[claim.start:claim.end] == claim.text


def test_a_quotation_that_goes_on_into_the_next_sentence_is_shown_to_its_end() -> None:
    found = claims_of("Judge Mara Olsen said: “The court heard both sides in full.", "The verdict stands.”",
                      "Reporters left the court at noon.")
    assert [c.text for c in found] == ["Judge Mara Olsen said: “The court heard both sides in full. The verdict "
                                       "stands.”"]
    assert found[0].content == "The court heard both sides in full. The verdict stands"


def test_a_quotation_left_open_is_no_claim() -> None:
    assert claims_of("Judge Mara Olsen said: “The court heard both sides in full.", "The verdict stands.",
                     "Reporters left the court at noon.") == []


def test_a_speaker_set_off_by_commas_inside_the_claim() -> None:
    found = claims_of("Judge Mara Olsen said the court had finished its work.",
                      "The jurors, she added, “were told to weigh every doubt.”",
                      "“That,” she said, “includes the council.”",
                      "\"We will rebuild the old bridge,\" Olsen said, and the crowd cheered loudly.",
                      "The new road is safe, Olsen said, urging drivers to come back.")
    assert [c.content for c in found[1:]] == [
        "The jurors “were told to weigh every doubt", "That includes the council", "We will rebuild the old bridge",
        "The new road is safe"]


def test_a_speaker_after_the_claim_whose_sentence_runs_on_claims_what_came_before() -> None:
    (claim,) = claims_of("The truce gives both sides a chance to talk, party leader Mara Olsen said Monday. "
                         "``We will be there.''")
    assert (claim.speaker.shown, claim.content) == ("Mara Olsen", "The truce gives both sides a chance to talk")


def test_one_nations_same_few_people_months_apart_are_one_count_where_one_names_no_place() -> None:
    """ "two Turkish divers jailed" in May and "two Turkish divers jailed in Rhodes" in November: the same
    two people; "two Turkish divers jailed in Kos" is not those of Rhodes."""
    texts = {"may": "Two Turkish divers were jailed on Monday.", "nov": "Two Turkish divers were jailed in Rhodes.",
             "kos": "Two Turkish divers were jailed in Kos."}
    times = {"may": datetime(2020, 5, 4), "nov": datetime(2020, 11, 9), "kos": datetime(2020, 11, 12)}
    groups = group_quantities(quantities(texts), times=times)
    assert sorted(sorted(g.articles) for g in groups if g.category == "jailed") == [["kos"], ["may", "nov"]]
