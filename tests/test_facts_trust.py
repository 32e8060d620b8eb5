"""Facts a reader can trust: each failure a read-through of real clusters found, as a small case in our own words.

Counts are read with the sentence's grammar (what is counted, what happened to it), a key fact says how it
is sourced, names are typed by a vote, claims are shown whole and ranked, and disputes about who did it are
between real parties. The texts below are written for these tests (no article is copied).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

import pytest

from newsbrief import render
from newsbrief.facts.check.agency import _told, claim_facts
from newsbrief.facts.check.quantities import group_quantities, quantity_conflicts, quantity_facts
from newsbrief.facts.read.claims import Claim, Speaker, attributions
from newsbrief.facts.read.dates import read_unit as dates_in
from newsbrief.facts.read.entities import Gazetteer, _Cues, _kind, _modifies
from newsbrief.facts.read.ner import Mention
from newsbrief.facts.read.quantities import Quantity, read_unit
from newsbrief.facts.read.units import Unit
from newsbrief.model import Article, Briefing, ClaimFact, EntityFact, PartySide, QuantityFact
from newsbrief.pipeline import brief
from newsbrief.report.sections import Part, sections

NOWHERE = Gazetteer([])


def read(text: str, article: str = "a", published: int | None = None) -> list[Quantity]:
    return read_unit(Unit(article, 0, len(text), text, 1, 1), NOWHERE, published=published)


def briefed(texts: dict[str, str], when: datetime | None = None) -> Briefing:
    return brief([Article(id=k, text=v, time=when) for k, v in texts.items()], max_words=60)


def facts(b: Briefing, kind: type) -> list:
    return [f for f in b.facts if isinstance(f, kind) and not f.context]


# --- counts read with the sentence's grammar ---------------------------------------------------------


def test_half_a_dozen_is_six_and_keeps_what_it_counts() -> None:
    (q,) = read("Security forces detained half a dozen other activists on Sunday.")
    assert (q.value, q.noun, q.category) == (6, "activists", "arrested")


def test_what_happened_to_the_attackers_is_not_what_happened_to_their_victims() -> None:
    found = {q.value: q for q in read("Police killed the two attackers and wounded 14 passers-by.")}
    assert (found[2].noun, found[2].category) == ("attackers", "killed")
    assert found[14].category == "injured" and found[14].noun != "attackers"


def test_a_place_named_later_does_not_qualify_the_first_count() -> None:
    found = read("Last year 9,000 orphans were adopted from abroad, 1,500 from Vietnam.")
    assert [(q.value, q.what) for q in found][0] == (9000, "orphans adopted")


def test_a_country_after_the_count_is_not_whose_people_they_are() -> None:
    (q,) = read("The storm left at least 120 people dead in Panama.")
    assert (q.value, q.qualifier, q.what) == (120, "at least", "people killed")


def test_unrelated_counts_of_one_number_are_never_one_line() -> None:
    b = briefed({"a": "The orphanage in Brenn had one nurse for every eight infants, its director said on "
                      "Monday, and it asked the city for more staff before the winter.",
                 "b": "A couple in Brenn adopted eight infants from the orphanage on Monday, the city said, "
                      "after a long wait for the papers to be signed."})
    eights = [f for f in facts(b, QuantityFact) if f.value == 8]
    assert all(len(f.articles) == 1 for f in eights)
    assert [f.text for f in eights] == ["8 infants adopted"]


def test_a_conversion_in_parentheses_is_one_figure() -> None:
    assert [q.value for q in read("Lava covered 4 kilometers (2.5 miles) of farmland.")] == [4]


@pytest.mark.parametrize("text", [
    "Winds reached 150 mph as the storm passed 90 miles south of the island.",
    "The dam burst 14 months after the last inspection.",
    "The ferry sank at 4:30 p.m., about 20 minutes after leaving port.",
])
def test_no_bare_figure_without_a_subject(text: str) -> None:
    assert read(text) == []


def test_ages_and_years_are_not_counts() -> None:
    assert read("Mara Olsen, 34, said the 1998 flood was worse.") == []


def test_another_incidents_toll_is_kept_apart_and_says_so() -> None:
    texts = {"a": "The hurricane has killed 300 people in the valley, officials said on Tuesday.",
             "b": "The storm killed 300 people, officials said. In 1961, a hurricane killed 4,000 people in "
                  "the same valley."}
    found = [q for k, t in texts.items() for sentence in t.split(". ") for q in read(sentence, k, 1998)]
    groups = group_quantities(found)
    assert quantity_conflicts(groups) == []
    old = next(f for f in quantity_facts(groups) if f.value == 4000)
    assert old.incident == "in 1961"


def test_a_single_source_fact_never_says_sources_agree() -> None:
    b = briefed({"a": "Fire crews said three workers were killed in the blaze at the Brenn mill on Monday. "
                      "Two firefighters were injured.",
                 "b": "Three workers were killed when fire swept through the Brenn mill on Monday, police said."})
    killed = next(f for f in facts(b, QuantityFact) if f.value == 3)
    assert killed.sourcing == "2 sources agree"
    hurt = next(f for f in facts(b, QuantityFact) if f.value == 2)
    assert hurt.sourcing == "1 source"
    text = render(b, "text")
    assert "SOURCES AGREE" not in text
    line = text[text.index("2 firefighters injured"):].split("\n")[:3]
    assert "1 source" in " ".join(line) and "agree" not in " ".join(line)


# --- names --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def named() -> Briefing:
    texts = {
        "a": "OSTRAVA (AP) — Palestinians marched through Ramallah on Friday as French diplomats met officials "
             "of the Palestinian Authority in the West Bank. The airline Norvia cancelled its flights as "
             "Hurricane Odile neared the coast.",
        "b": "OSTRAVA, Czech Republic (AP) — French envoys said talks in the West Bank would resume at 0900 GMT "
             "on Monday. Hurricane Odile, meanwhile, hit the coast. The airline Norvia grounded its fleet.",
        "c": "Talks in the West Bank will resume at 0900 GMT, the envoys said. Palestinians welcomed the move. "
             "Odile weakened over the sea. Passengers of Norvia were stranded at the airport.",
    }
    return briefed(texts)


def kinds(b: Briefing) -> dict[str, str]:
    return {f.name: f.category for f in facts(b, EntityFact)}


def test_datelines_and_time_zones_are_not_names(named: Briefing) -> None:
    names = {n.lower() for n in kinds(named)}
    assert "ostrava" not in names and "gmt" not in names and "ap" not in names


def test_nationalities_and_groups_are_not_people(named: Briefing) -> None:
    found = kinds(named)
    assert found.get("Palestinians") != "person" and found.get("French") != "person"


def test_a_region_is_a_place_a_storm_is_not_a_person_and_a_shared_name_is_found(named: Briefing) -> None:
    found = kinds(named)
    assert found.get("West Bank") == "place"
    assert found.get("Odile") == "event" or found.get("Hurricane Odile") == "event"
    assert "person" not in (found.get("Odile"), found.get("Hurricane Odile"))
    assert found.get("Norvia") == "organisation"


# --- claims -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bombing() -> Briefing:
    texts = {
        "a": "A car bomb killed 12 people at a market in Tarsa on Friday, police said. The Falcon Front claimed "
             "responsibility for the bombing in a statement. Although the Falcon Front initially claimed the "
             "bombing, the Northern Brigade later said it had planted the bomb in Tarsa.",
        "b": "Twelve people were killed by a car bomb at a Tarsa market on Friday. The Northern Brigade said it "
             "carried out the bombing. At least six people were detained overnight, police sources said.",
        "c": "The car bomb in Tarsa killed 12 people on Friday, officials said. West Bank officials said the "
             "bombing showed the need for calm. Mayor Ilka Varga said the market would reopen on Monday.",
    }
    return briefed(texts)


def claims_text(b: Briefing) -> str:
    text = render(b, "text")
    return text.split("CLAIMS")[1].split("\n\n")[0] if "CLAIMS" in text else ""


def test_a_claim_keeps_the_clause_that_changes_its_meaning(bombing: Briefing) -> None:
    shown = claims_text(bombing) + " ".join(" ".join(s.account) for c in bombing.conflicts for s in c.sides
                                            if isinstance(s, PartySide))
    assert "Although the Falcon Front initially claimed the bombing" in shown
    assert not re.search(r"Falcon Front:? claimed the bombing", shown)


def test_the_speaker_is_never_glued_to_the_quote(bombing: Briefing) -> None:
    assert not re.search(r"\b(?:said|told|according to) [A-Z][a-z]+ (?:least|six)", claims_text(bombing))
    assert "sources said At least" not in render(bombing, "text")


def test_two_parties_claiming_one_attack_is_a_dispute_between_real_parties(bombing: Briefing) -> None:
    (dispute,) = [c for c in bombing.conflicts if c.kind == "agency"]
    parties = [s.party for s in dispute.sides if isinstance(s, PartySide)]
    assert set(parties) == {"Falcon Front", "Northern Brigade"}
    assert len(parties) == len(set(parties))
    assert all(s.sources for s in dispute.sides)


def test_claims_about_the_incident_come_before_a_features_quotes() -> None:
    crash = ("A small plane crashed into the sea off Kell Island on Saturday, killing its pilot. Investigators said "
             "the engine failed shortly after take-off, the aviation board said.")
    texts = {"a": crash, "b": crash.replace("Saturday", "Saturday evening"),
             "c": "Flying first class on the island route is a pleasure, a frequent traveller said. The champagne "
                  "is excellent, another passenger said. The seats recline fully, the steward said."}
    b = briefed(texts)
    first = facts(b, ClaimFact)[0]
    assert "engine" in first.content


def test_a_party_account_quotes_what_was_said_before_its_speaker_was_named() -> None:
    """ "…, the ministry said" in a dispute reads "the ministry said: “…”", never "said On 3 May, …"."""
    ministry = Speaker("the ministry", "vesk:ministry", "vesk", False)
    said = "On 3 May, in the hills near Tarn, the convoy came under fire from the rebels"
    trailing = Claim("a", 0, 90, said, position=1, speaker=ministry, verb="said", content=said, trailing=True)
    forward = Claim("a", 0, 60, "x", position=2, speaker=ministry, verb="blamed", content="Orsenia for the deaths")
    assert _told(trailing, "Vesk", 30) == f"the ministry said: “{said}”"
    assert _told(forward, "Vesk", 30) == "the ministry blamed Orsenia for the deaths"


# --- a second read-through (dev clusters of wire copy and of web news) ------------------------------------


def test_the_other_two_of_a_count_told_before_is_not_a_count_of_its_own() -> None:
    assert read("Navy divers located the other two bodies shortly after noon.") == []
    (q,) = read("Divers found the three bodies in the wreckage on Wednesday.")
    assert q.value == 3


def test_a_total_over_several_attacks_is_never_a_side_against_one_attacks_toll() -> None:
    texts = {"a": "The market bombing in Orvel killed one person and injured 100 others, police said.",
             "b": "Officials said 111 people were injured when the market bombing in Orvel killed one person.",
             "c": "The attacks killed two people and injured 124 in all, officials said on Monday."}
    groups = group_quantities([q for k, t in texts.items() for q in read(t, k)])
    assert quantity_conflicts(groups) == []
    shown = {f.text for f in quantity_facts(groups)}
    assert "2 people killed in the attacks" in shown and "124 people injured in the attacks" in shown


def test_money_says_what_it_is_for() -> None:
    (reward,) = read("A $2 million reward has been offered for information leading to his arrest.")
    assert (reward.value, reward.currency, reward.what) == (2_000_000, "$", "reward")
    (wire,) = read("The reward for information has grown to dlrs 2 million.")
    assert (wire.value, wire.currency, wire.what) == (2_000_000, "$", "reward")
    (costs,) = read("The Coast Guard incurred costs totaling $187,402 in the first two days of the search.")
    assert costs.what == "costs"
    assert read("He turned up with a list of supplies and $300 in cash to pay for them.") == []


def test_small_counts_of_two_articles_months_apart_are_two_incidents() -> None:
    texts = {"a": ("A councillor was killed by a car bomb on Wednesday. Two other people in the car were also "
                   "injured in the attack, radio reported.", datetime(1998, 6, 25)),
             "b": ("Two people were seriously injured when youths attacked police at a street fair in Tessa, police "
                   "said. Two of the injured were taken to hospital.", datetime(1998, 8, 22))}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in texts.items()], max_words=60)
    twos = [f for f in facts(b, QuantityFact) if f.value == 2]
    assert twos and all(f.sourcing == "1 source" for f in twos)


def test_members_are_shown_with_whose_they_are() -> None:
    (q,) = read("The government of Kessland says more than 2,000 members of its security forces have been killed.")
    assert q.what.startswith("members of") and "killed" in q.what


def test_a_round_figure_agrees_with_a_close_count() -> None:
    found = [q for k, t in {"a": "The blast injured 100 others.", "b": "The blast injured 111 people.",
                            "c": "More than 100 people were injured in the blast."}.items() for q in read(t, k)]
    assert quantity_conflicts(group_quantities(found)) == []


def test_an_article_that_gives_two_speakers_figures_is_on_both_sides() -> None:
    b = briefed({"a": "\"Three terrorists were killed in the fighting,\" state television reported. Kell Rahim, "
                      "head of the monitoring group, said four rebels were killed.",
                 "b": "Three rebels were killed in the clash in Mazra, officials said on Monday.",
                 "c": "State media said three gunmen were killed in the clash in Mazra on Monday."})
    (dispute,) = [c for c in b.conflicts if c.kind == "quantity"]
    assert {s.value for s in dispute.sides} == {3, 4}


@pytest.mark.parametrize(("text", "value", "what"), [
    ("Some 350 people attended the memorial service in the city.", 350, "people attended"),
    ("More than 200 agents were searching the hills for the fugitive.", 200, "agents searching"),
    ("An estimated 100 youths set upon the police at the fair.", 100, "youths set upon"),
    ("He is charged with six bombings in the south.", 6, "bombings in the charges"),
    ("Relatives of the 150 passengers clashed with police at the airport.", 150, "passengers aboard"),
    ("Troops stormed the village and set about 60 homes on fire.", 60, "homes destroyed"),
])
def test_what_people_did_and_what_was_done_size_the_event(text: str, value: int, what: str) -> None:
    found = [(q.value, q.what) for q in read(text)]
    assert (value, what) in found


def test_killings_slayings_and_one_killed_are_tolls() -> None:
    assert [(q.value, q.category) for q in read("The group has been blamed for about a dozen killings this year.")] \
        == [(12, "killed")]
    assert {q.value for q in read("The bombing killed one and injured more than 100.")} == {1, 100}
    assert read("The blast killed one of the guards.") == []


def test_ages_after_a_common_noun_are_not_counts() -> None:
    assert read("The pilot, 38, his wife, 33, and her sister, 34, were killed in the crash.") == []


@pytest.fixture(scope="module")
def airports() -> Briefing:
    texts = {
        "a": "More than 600 flights were canceled at Chicago's two airports, O'Hare and Midway, on Thursday. "
             "Snow closed roads across Kessland, said Kessland State Patrol Sgt. Ola Brandt.",
        "b": "Most cancellations were at O'Hare International Airport, and more than 150 at Midway airport, "
             "the Kessland State Patrol said. The group, known as Vell Homeland and Freedom, was not involved.",
        "c": "Travellers slept at Midway airport and at O'Hare on Thursday night, the Kessland State Patrol said. "
             "Vell Homeland and Freedom said nothing.",
    }
    return briefed(texts)


def test_airports_are_places_and_a_name_is_not_cut_before_its_designator(airports: Briefing) -> None:
    found = kinds(airports)
    assert found.get("Midway") in (None, "place") and found.get("O'Hare") in (None, "place")
    assert "organisation" not in (found.get("Midway"), found.get("O'Hare"))
    assert "Kessland State" not in found
    assert found.get("Kessland State Patrol") == "organisation"


def test_a_name_cut_short_is_not_listed(airports: Briefing) -> None:
    assert not [n for n in kinds(airports) if n.startswith("Vell Homeland") and n != "Vell Homeland and Freedom"]


def test_a_headline_glued_to_its_dateline_is_never_quoted() -> None:
    b = briefed({"a": "Rebels announce truce TESSA, Kessland (AP) _ The rebel group has announced an open-ended "
                      "truce, officials said late Wednesday.",
                 "b": "The rebel group has announced a truce in Kessland, officials said on Thursday."})
    shown = claims_text(b)
    assert "(AP)" not in shown and "announce truce TESSA" not in shown
    assert any(f.statement.startswith("The rebel group has announced an open-ended truce")
               for f in facts(b, ClaimFact))


def test_a_claim_that_opens_with_a_pronoun_is_not_first() -> None:
    sergeant = Speaker("Ola Brandt", "person:Ola Brandt", "person:Ola Brandt", True)
    said = [("It was the worst crash on the coast road in ten years", "a"),
            ("The bus driver lost control on the bend near Orvel", "b")]
    claims = [Claim(k, 0, 60, t, position=1, speaker=sergeant, verb="said", content=t, sentence=f"{t}, Brandt said.")
              for t, k in said]
    assert claim_facts(claims)[0].statement.startswith("The bus")


def test_a_nations_people_named_more_narrowly_are_one_count() -> None:
    texts = {"a": "NICOSIA (AP) _ Two Israelis were arrested in the village of Ziva on Saturday, police said. "
                  "Cypriot officials said they carried maps of a military base.",
             "b": "Police in Ziva arrested two Israeli men on Saturday on suspicion of spying, Cypriot radio "
                  "reported. Israel has asked for consular access.",
             "c": "Israel denied on Monday that the two Israelis held in Cyprus since Saturday were spies for its "
                  "intelligence service, and asked for their release."}
    b = briefed(texts)
    twos = [f for f in facts(b, QuantityFact) if f.value == 2]
    assert len(twos) == 1 and twos[0].sourcing == "2 sources agree"


def test_two_sources_lower_bounds_are_a_disagreement_but_a_part_is_not() -> None:
    found = [q for k, t in {"a": "More than 6,000 people have been killed in the uprising, the monitors said.",
                            "b": "More than 6,000 people have died in the uprising so far.",
                            "c": "The opposition says more than 7,300 people have been killed in the uprising."}.items()
             for q in read(t, k)]
    (dispute,) = quantity_conflicts(group_quantities(found))
    assert {(s.value, s.articles) for s in dispute.sides} == {(6000, ("a", "b")), (7300, ("c",))}
    parts = [q for k, t in {"a": "Airlines canceled more than 900 flights across the region.",
                            "b": "More than 500 flights were canceled at Denver and Salt Lake City."}.items()
             for q in read(t, k)]
    assert quantity_conflicts(group_quantities(parts)) == []


@pytest.fixture(scope="module")
def file_sharing() -> Briefing:
    texts = {
        "a": ("TUNEWAVE SUED BY QUILLFIRE", "The rock band Quillfire sued Tunewave Inc. on Thursday, saying users "
              "of the Tunewave software swapped its songs on the Internet. Tunewave, based in Fremont, Calif., "
              "said Friday it would fight the suit. Fans burned the songs onto a CD."),
        "b": ("TUNEWAVE BLOCKS 20,000 USERS", "The heavy metal band Quillfire asked a court in Fremont, Calif., to "
              "shut Tunewave. Tunewave said Monday it had blocked 20,000 users the band named. Quillfire drummer "
              "Ola Brenn said the band wanted its music back off the Internet."),
        "c": ("TUNEWAVE USERS PROTEST", "Tunewave Inc. said Tuesday it received notices from more than 3,000 users "
              "who said the rock group Quillfire had named them wrongly. A CD of the band costs $15. Quillfire "
              "says it lost sales."),
    }
    return brief([Article(id=k, title=t, text=v) for k, (t, v) in texts.items()], max_words=60)


def test_a_company_in_capitals_is_one_organisation_written_as_the_articles_write_it(file_sharing: Briefing) -> None:
    found = kinds(file_sharing)
    tunewave = [name for name in found if name.lower().startswith("tunewave")]
    assert len(tunewave) == 1 and not tunewave[0].isupper() and found[tunewave[0]] == "organisation"


def test_a_band_the_writer_calls_a_band_is_an_organisation() -> None:
    """The model calls many a one-word band a person; "the band X" in several mentions outvotes it."""
    model = Counter({"PERSON": 5, "GPE": 2})
    assert _kind("Quillfire", model, _Cues(Counter({"organisation": 12, "person": 1}), designated=12)) == "organisation"
    assert _kind("Quillfire", model, _Cues(Counter({"organisation": 1}), designated=1)) == "person"


def test_common_nouns_in_capitals_and_state_abbreviations_are_not_names(file_sharing: Briefing) -> None:
    found = kinds(file_sharing)
    assert not {"Internet", "CD", "Calif."} & set(found)


def test_what_the_writer_puts_the_before_is_no_person() -> None:
    b = briefed({"a": "A man in a Hummer rear-ended the car of Dale Ruston on Saturday. The Hummer then sped off.",
                 "b": "Police said the Hummer chased Ruston's car for two blocks before Dale Ruston was shot.",
                 "c": "Witnesses saw the Hummer stop. Dale Ruston, 34, died at the scene, police said."})
    found = kinds(b)
    assert found.get("Hummer") != "person" and found.get("Dale Ruston") == "person"


def test_a_claims_time_word_and_a_clause_before_said_are_not_what_was_said() -> None:
    said = ["Tunewave said Tuesday it received notices from more than 3,000 users.",
            "Ann Lo, 35, of Dunmore, Pa., was charged with two counts of fraud, said the district attorney and the "
            "police chief of Dunmore in a statement."]
    found = attributions([Unit("a", 0, len(t), t, i, i) for i, t in enumerate(said, 1)])
    assert [(a.phrase, a.content.split()[0]) for a in found] == [("Tunewave", "it")]


def test_a_banknote_is_not_an_amount_but_a_bill_to_pay_is() -> None:
    assert read("He called himself the biggest fan of Lincoln, holding up the $5 bill.") == []
    (owed,) = read("The hospital sent the family a $4,000 bill for the rescue.")
    assert (owed.value, owed.what) == (4000, "bill")


def test_people_charged_are_not_people_arrested_and_whose_they_are_stops_at_the_next_phrase() -> None:
    (q,) = read("Two former aides of a senator from the Kessland Islands were indicted on Thursday.")
    assert q.category == "charged" and q.side is None
    assert "Kessland" not in q.what and q.what.startswith("former aides")


def test_a_capitalised_word_that_names_nothing_is_not_whose_they_are() -> None:
    found = [q for k, t in {"a": "He is charged in four Southern bombings.",
                            "b": "He is charged in six bombings."}.items() for q in read(t, k)]
    assert {q.side for q in found} == {None}


def test_a_past_incidents_toll_told_in_passing_years_apart_is_compared() -> None:
    texts = {"a": ("Agents searched the hills near Orley for the fugitive on Monday. Dogs were brought in. The "
                   "hunt went on into the night. Farmers were told to lock their barns. Roadblocks stayed up. "
                   "He is wanted for the park bombing, which killed one person.", datetime(1998, 7, 14)),
             "b": ("The fugitive was charged on Tuesday with three bombings. Prosecutors read the charges in a "
                   "packed court. His family stayed away. The judge set no date. Reporters waited outside. "
                   "Two people died in the park bombing.", datetime(1998, 10, 16)),
             "c": ("A blast outside a clinic in Ashby on Saturday revived fears. No one was hurt. Police would not "
                   "link it to the fugitive. The clinic reopened. Agents took samples. The park bombing killed "
                   "one person.", datetime(1999, 3, 15))}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in texts.items()], max_words=60)
    (dispute,) = [c for c in b.conflicts if c.kind == "quantity"]
    assert {s.value for s in dispute.sides} == {1, 2}


def test_a_reporting_verb_used_as_an_adjective_starts_no_claim() -> None:
    said = ["In the tape, given to a TV station by a cafe near the scene, a Ranger resembling the police's "
            "description of the alleged gunman's car appears to stop suddenly, seemingly bumped by a van that "
            "matches the description of the victim's.",
            "Prosecutors alleged that the driver fled."]
    found = attributions([Unit("a", 0, len(t), t, i, i) for i, t in enumerate(said, 1)])
    assert [(a.phrase, a.verb) for a in found] == [("Prosecutors", "alleged")]


def test_a_persons_name_is_shown_without_the_title_before_it() -> None:
    b = briefed({"a": "Chief Executive Officer Rana Oduya said the company would appeal. Rana Oduya took over "
                      "in May.",
                 "b": "Executive Officer Rana Oduya told staff the firm would fight on. Oduya spoke in Fremont.",
                 "c": "The company's head, Rana Oduya, said it would appeal the ruling."})
    assert "Rana Oduya" in kinds(b) and not any(n.lower().startswith(("executive", "chief")) for n in kinds(b))


def test_the_day_of_the_main_clause_is_not_the_day_of_a_count_in_a_reduced_clause() -> None:
    (q,) = read("Kessland was silent Sunday on the subject of two Kesslanders arrested in Orvia on suspicion of "
                "spying.")
    assert q.category == "arrested" and q.day is None
    (told,) = read("Police arrested two men Saturday on suspicion of spying.")
    assert told.day == "Saturday"


def test_prices_of_different_days_are_no_disagreement() -> None:
    prices = [q for k, t in {"a": "Shares of the chain closed at $52.375 on the exchange.",
                             "b": "Shares of the chain closed at $35.81 on the exchange."}.items() for q in read(t, k)]
    assert len(prices) == 2 and quantity_conflicts(group_quantities(prices)) == []


# --- key facts: about the story's incident, each said once -----------------------------------------------


def key_lines(b: Briefing) -> list[str]:
    return [f.text for f in facts(b, QuantityFact) if f.key]


def test_a_model_name_is_never_a_count() -> None:
    assert read("Ankor agreed last year to buy Vessan K-300 missile systems, angering its allies.") == []
    assert {q.value for q in read("Two F-16 jets were destroyed on the ground.")} == {2}


def test_whose_they_are_is_shown_as_the_source_wrote_it() -> None:
    (q,) = read("Ankor said on Friday it had killed or wounded 63 personnel of Vessa’s army in the clashes.")
    assert "of Vessa’s army" in q.what and " ’s" not in q.what


def test_employees_and_staff_members_of_one_office_are_one_count() -> None:
    b = briefed({"a": "Two former staff members of a senator from the Kessland Islands were charged on Thursday "
                      "with leaking private photos.",
                 "b": "Two former employees of Senator Ann Lo have been charged with leaking private photos of "
                      "her family, prosecutors said.",
                 "c": "Two former staff members have been charged over the leaked photos of Senator Ann Lo."})
    (charged,) = [f for f in facts(b, QuantityFact) if f.value == 2]
    assert charged.key and charged.sourcing == "3 sources agree"


def test_the_dead_of_a_crash_are_one_key_line_however_named() -> None:
    """Two passengers inside three victims, and the three bodies divers found, are the same dead."""
    b = briefed({"a": "All three victims of the plane crash off Orvel died on impact, the coroner said on Friday.",
                 "b": "Divers found the wreck of the plane off Orvel. The pilot and two passengers were killed. "
                      "Divers recovered three bodies from the plane on Wednesday.",
                 "c": "The three victims of the plane crash off Orvel were buried at sea on Saturday."})
    assert key_lines(b) == ["3 people killed"]
    assert {f.value for f in facts(b, QuantityFact) if not f.key} >= {2}


SPYING = {"a": "Police in Ziva arrested two Kesslan agents on Saturday on suspicion of spying on a military base, "
                "officials said. The base is on the south coast.",
          "b": "Kessland denied on Monday that the two Kesslan agents arrested in Ziva were spies, and asked Orvia "
                "to let its consul see them."}
"""The story the next cases add an article to: two agents arrested."""


def test_a_count_told_in_passing_about_something_else_is_no_key_fact() -> None:
    b = briefed({**SPYING, "c": "What the morning papers report. The Daily Lamp: A lorry hit a school bus near "
                                "Brenn at dawn. Six people were killed. The Courier: The two Kesslan agents arrested "
                                "in Ziva on suspicion of spying will see a lawyer, officials said."})
    assert "2 Kesslan agents arrested" in " ".join(key_lines(b))
    assert [f.key for f in facts(b, QuantityFact) if f.value == 6] == [False]


def test_a_count_the_sentence_puts_in_the_past_is_no_key_fact() -> None:
    b = briefed({**SPYING, "c": "The head of Kessland's spy service resigned after Orvian police arrested two "
                                "Kesslan agents in Ziva. He had offered to resign earlier this year after Orvian "
                                "police arrested five agents near the capital."})
    assert [f.key for f in facts(b, QuantityFact) if f.value == 5] == [False]
    assert "2 Kesslan agents arrested" in " ".join(key_lines(b))


def test_a_count_reported_before_the_story_began_is_no_key_fact() -> None:
    texts = {**{k: (t, datetime(1998, 11, 8 + i)) for i, (k, t) in enumerate(SPYING.items())},
             "c": ("More than 20 people have been arrested in Vessa on suspicion of spying for Kessland, a "
                   "newspaper said.", datetime(1998, 9, 6))}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in texts.items()], max_words=60)
    assert [f.key for f in facts(b, QuantityFact) if f.value == 20] == [False]


def test_the_same_people_told_again_months_later_are_no_second_key_line() -> None:
    texts = {"a": ("Two Israelis were arrested in the village of Ziva on Saturday on suspicion of spying, police "
                   "said.", datetime(1998, 11, 8)),
             "b": ("Israel denied on Monday that the two Israelis arrested in Ziva on Saturday were spies, and "
                   "asked for their release.", datetime(1998, 11, 10)),
             "c": ("A court in Orvia on Monday heard how police had detained two Israeli agents for spying.",
                   datetime(1999, 2, 3))}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in texts.items()], max_words=60)
    assert len([line for line in key_lines(b) if line.startswith("2 ")]) == 1
    jailed = {**texts, "c": ("A court in Orvia on Monday jailed two Israeli agents for three years for spying.",
                              datetime(1999, 2, 3))}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in jailed.items()], max_words=60)
    told = [line for line in key_lines(b) if line.startswith("2 ")]  # what befell them next is a line of its own
    assert len(told) == 2 and any("arrested" in line for line in told) and any("jailed" in line for line in told)


def test_people_jailed_are_not_people_arrested() -> None:
    (q,) = read("A court in Orvia on Monday jailed two Kesslan agents for three years for spying.")
    assert q.what == "Kesslan agents jailed"
    (q,) = read("The party asked for an amnesty for more than 500 jailed members of the group.")
    assert q.category == "jailed"


def test_money_that_does_not_say_what_it_is_for_is_no_key_fact() -> None:
    b = briefed({"a": "The coast guard incurred costs totaling $287,402 in the first two days of the search.",
                 "b": "The coast guard searched the sea off Orvel for a second day.",
                 "c": "The search off Orvel went on for a third day."})
    assert [f.key for f in facts(b, QuantityFact) if f.value == 287402] == [False]


def test_an_amount_asked_for_is_shown_as_asked_for() -> None:
    (bond,) = read("The label had asked for a bond of at least $500 million.")
    assert bond.what == "bond sought"
    (reward,) = read("The city offered a $1 million reward.")
    assert reward.what == "reward"


# --- a toll that grew is a figure that changed --------------------------------------------------------

CAMPAIGN = {
    "a": ("The Northern Front set off a bomb at a barracks in Vell on Monday. No one was hurt. The group has "
          "killed about 640 people since it took up arms in 1971.", datetime(1995, 4, 3)),
    "b": ("Police defused a bomb left by the Northern Front outside a court in Vell. The group has killed close "
          "to 640 people in its long campaign.", datetime(1995, 4, 20)),
    "c": ("The Northern Front declared a truce on Friday. The group has killed some 700 people in its campaign "
          "for a state of its own.", datetime(1997, 9, 5)),
    "d": ("The Northern Front ended its truce with a bomb in Vell. Nearly 700 people have been killed in its "
          "campaign since 1971.", datetime(1998, 2, 11)),
}


def test_a_running_toll_that_grew_over_years_is_a_figure_that_changed_not_agreement() -> None:
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in CAMPAIGN.items()], max_words=60)
    (update,) = [c for c in b.conflicts if c.kind == "update"]
    assert [(s.value, s.as_of) for s in update.sides] == [(640, "1995-04-03"), (700, "1998-02-11")]
    assert set(update.sides[0].articles) == {"a", "b"}  # "about 640" and "close to 640", days apart
    shown = {s.part: [i.text for i in s.items] for s in sections(b)}
    assert shown[Part.UPDATES] == ["people killed: nearly 700 as of 11 Feb 1998 — about 640 (3 Apr 1995) → "
                                   "nearly 700 (11 Feb 1998)"]
    assert not any("640" in line or "700" in line for line in shown.get(Part.AGREED, []))


def test_a_running_toll_that_stayed_the_same_over_years_is_not_a_change() -> None:
    texts = {k: (re.sub(r"(?:about|close to|some|Nearly) \d+", "about 700", t), when)
             for k, (t, when) in CAMPAIGN.items()}
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in texts.items()], max_words=60)
    assert not [c for c in b.conflicts if c.kind == "update"]
    assert "about 700 people killed" in key_lines(b)


# --- a count over a long story says which incident it belongs to ----------------------------------------

FEUD = {
    "a": ("The Northern Front set off a bomb under the car of a town councillor in Ossel on Wednesday, killing "
          "him. Two other people in the car were also injured in the attack, police said.", datetime(1999, 6, 2)),
    "b": ("The Northern Front said on Monday that it would keep up its campaign. The Northern Front did not "
          "mention two car bombings that killed a banker and injured 11 people in Ossel on Friday.",
          datetime(1999, 8, 16)),
    "c": ("The Northern Front set off a bomb outside the town hall of Ossel on Friday. Five policemen were hurt "
          "by the blast, the regional government said.", datetime(1999, 10, 1)),
}


def test_a_count_over_years_names_its_incident_and_day() -> None:
    b = brief([Article(id=k, text=t, time=when) for k, (t, when) in FEUD.items()], max_words=60)
    lines = {f.value: f for f in facts(b, QuantityFact) if f.key}
    assert lines[2].counts == "people injured in an attack" and lines[2].reported == "1999-06-02"
    assert lines[11].counts == "people injured in two car bombings in Ossel"
    assert lines[5].counts == "policemen injured in a blast"
    shown = [i.text for s in sections(b) if s.part is Part.AGREED for i in s.items]
    assert "11 people injured in two car bombings in Ossel (1 source, 16 Aug 1999)" in shown


def test_a_one_day_storys_counts_need_no_incident_or_day() -> None:
    b = briefed({k: t for k, (t, _) in FEUD.items()}, when=datetime(1999, 10, 1))
    assert {f.counts for f in facts(b, QuantityFact) if f.key} >= {"people injured", "policemen injured"}
    assert {f.reported for f in facts(b, QuantityFact)} == {None}


@pytest.mark.parametrize(("text", "scene"), [
    ("The killings have left 12 people dead this year.", None),
    ("Around 300 people have been killed in the fighting since December.", "in fighting"),
    ("Three people were hurt when the roof collapsed.", None),
    ("The fugitive was charged on Friday in six bombings in Orley.", None),
    ("The agency put up a $1 million reward in the Orley bombing case.", None),
])
def test_the_toll_itself_and_a_mass_noun_are_shown_as_a_reader_says_them(text: str, scene: str | None) -> None:
    assert {q.scene for q in read(text)} == {scene}


# --- an elliptical count keeps its subject ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "what"), [
    ("At least two Kesslan soldiers were killed and another five wounded in air raids near Vell.",
     "Kesslan soldiers injured"),
    ("Three policemen were killed and five others were injured.", "policemen injured"),
    ("Four miners died on Monday and two more were hurt.", "miners injured"),
])
def test_a_count_that_continues_another_takes_its_noun(text: str, what: str) -> None:
    assert read(text)[-1].what == what


# --- names typed by how the writer uses them --------------------------------------------------------------


def test_a_team_named_before_its_nouns_is_shown_as_no_person_and_no_place() -> None:
    """End to end, a guard only: the model does not take "Harriers" for a person here, so this passes without
    the modifier cue too; the cue's vote is tested on :func:`_kind` below, with the model's wrong label given."""
    b = briefed({"a": "Former Harriers player Cole Brandt was shot in Lenvik on Saturday, police said. The "
                      "Harriers said they were shocked.",
                 "b": "Police in Lenvik said Cole Brandt, a Harriers star for ten years, was shot after a crash.",
                 "c": "Harriers coach Ivo Lind said Cole Brandt was loved in Lenvik. A Harriers spokesman agreed."})
    found = kinds(b)
    assert found.get("Harriers") not in ("person", "place") and found.get("Cole Brandt") == "person"
    assert found.get("Lenvik") == "place"


@pytest.mark.parametrize(("text", "modifies"), [
    ("former Harriers player", True), ("a Mailhub email account", True), ("the Harriers announced", False),
    ("Mailhub and Chatly accounts", False), ("in Lenvik province", False), ("the Lenvik police", False),
    ("Cole Brandt met reporters", False),
])
def test_a_name_before_a_common_noun_modifies_it(text: str, modifies: bool) -> None:
    name = re.search(r"[A-Z]\w+", text)
    assert _modifies(text, name.start(), name.end()) is modifies


def test_a_team_the_model_took_for_a_person_is_an_organisation() -> None:
    assert _kind("Harriers", Counter({"PERSON": 1}), _Cues(modifiers=3)) == "organisation"


def test_a_place_named_before_a_noun_is_still_a_place() -> None:
    """ "the Lenvik prison system", "Lenvik prison inmates": Lenvik's, as "in Lenvik" would say."""
    assert _kind("Lenvik", Counter({"GPE": 1}), _Cues(modifiers=3)) == "place"
    assert _kind("Harriers", Counter({"PERSON": 1}), _Cues(Counter({"person": 2}), modifiers=3)) == "person"


def test_a_body_of_representatives_is_an_organisation_not_a_place() -> None:
    assert _kind("Chamber of Delegates", Counter({"ORG": 1}), _Cues(Counter({"place": 1}))) == "organisation"
    assert _kind("Assembly of Governors", Counter(), _Cues(Counter({"place": 1}))) == "organisation"


# --- claims that need the sentence before, and reports of nothing said ------------------------------------


def test_a_connective_that_opens_a_claim_is_not_what_was_said() -> None:
    b = briefed({"a": "The ferry to Orvia was cancelled on Monday after the storm. But the harbour will reopen "
                      "within a week, the mayor of Orvia said.",
                 "b": "The mayor of Orvia said the harbour would reopen within a week after the storm."})
    contents = {f.content for f in facts(b, ClaimFact)}
    assert "the harbour will reopen within a week" in contents
    assert not any(c.split()[0] in ("But", "but") for c in contents)


def test_a_claim_opening_with_but_is_ranked_after_one_that_reads_alone() -> None:
    def claim(sentence: str, content: str) -> Claim:
        speaker = Speaker("the mayor", "orvia:mayor", "orvia", False)
        return Claim("a", 0, len(sentence), sentence, position=2, speaker=speaker, verb="said", content=content,
                     sentence=sentence)
    linked = claim("But the harbour will reopen soon, the mayor said.", "the harbour will reopen soon")
    alone = claim("Ferries to the islands will run again by May, the mayor said.",
                  "ferries to the islands will run again by May")
    assert [f.content for f in claim_facts([linked, alone])] == [alone.content, linked.content]


@pytest.mark.parametrize("text", [
    "He has not confirmed reports that the two men are Kesslan agents.",
    "Olaf Ness has not confirmed or denied reports that the two men are Kesslan agents.",
    "Olaf Ness didn't say the two men are Kesslan agents.",
    "Olaf Ness never said the two men are Kesslan agents.",
])
def test_a_report_nobody_confirmed_is_no_claim(text: str) -> None:
    """A saying verb denied, or the second of two denied together: nobody said it. Each speaker here would
    name a claim without the denial ("The minister has not ..." would not: "has not" makes it no speaker)."""
    assert [a.verb for a in attributions([Unit("a", 0, len(text), text, 1, 1)])] == []


def test_a_reporting_verb_ending_a_compound_is_no_saying() -> None:
    text = "Working from a script he co-wrote with Ilse Varga, Dario Lenz briskly sets up the old premise."
    assert attributions([Unit("a", 0, len(text), text, 1, 1)]) == []


def test_a_weekday_after_a_speakers_name_is_no_part_of_it() -> None:
    """Wire copy puts the day right after the subject ("Prime Minister Olaf Ness Thursday expressed ..."):
    the person is "Olaf Ness", whichever reading (the parse's speaker, NER) found the name."""
    texts = {
        "a": ("VESSEL BAY, August 12 (Wire) -- Norland Prime Minister Olaf Ness Thursday expressed his gratitude "
              "to Tolvik for its release of two fishermen who had been given jail terms on smuggling charges.\n\n"
              "In a statement, Olaf Ness said the two men would be home on Friday."),
        "b": ("Norland Prime Minister Olaf Ness Thursday thanked Tolvik for freeing the two fishermen, his office "
              "said.\n\nThe two men were jailed in February for fishing in a closed zone."),
    }
    people = [n for f in facts(briefed(texts), EntityFact) if f.category == "person" for n in (f.name, *f.variants)]
    assert "Olaf Ness" in people
    assert not any(re.search(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b", name) for name in people), people


def test_a_weekday_in_a_papers_name_is_no_date() -> None:
    """ "The Sunday Tribune" and "the Sunday Times" name papers; "on Sunday" and "the Sunday before the
    vote" are days."""
    def phrases(text: str) -> list[str]:
        return [d.text for d in dates_in(Unit("a", 0, len(text), text, 1, 1), None)]

    assert phrases("The Sunday Tribune ran the harbour story on its front page.") == []
    assert phrases("The mayor said on Sunday that the Sunday Times had the story first.") == ["on Sunday"]
    assert phrases("Talks on the Sunday before the vote broke down.") == ["Sunday"]


def test_a_surname_goes_with_the_person_most_named_but_not_between_equals() -> None:
    """A wire's own spelling ("Olav Ness" once beside "Olaf Ness" many times) must not leave the bare
    surname listed as a person of its own; two people of one surname named alike keep it apart."""
    spelled = Gazetteer((), people=["Olaf Ness"] * 6 + ["Olav Ness", "Ness", "Ness"])
    assert {e.name: e.variants for e in spelled.entities}["Olaf Ness"] >= {"Olaf Ness", "Ness"}
    assert "Ness" not in {e.name for e in spelled.entities}
    brothers = Gazetteer((), people=["Anton Rask"] * 3 + ["Pieter Rask"] * 2 + ["Rask"])
    assert "Rask" in {e.name for e in brothers.entities}


def test_incidents_that_hit_something_are_no_count_of_what_happened_to_them() -> None:
    """ "two bombings hit the market": the bombings did it; no "2 bombings hit" as if they were hit."""
    assert read("Israel sealed the border after two multiple suicide bombings hit Jerusalem.") == []  # the parse
    # makes "hit Jerusalem" a clause on "bombings" (grammar._acting): without the rule, "2 ... bombings hit"
    assert read("The city has been tense since two suicide bombings hit the market square in March.") == []
    assert read("The border was closed after two car bombings hit the old port on May 3 and June 9.") == []
    assert [(q.value, q.category) for q in read("Three bombs went off near the station, police said.")] == [
        (3, "went off")]


def test_a_series_of_incidents_is_the_scene_of_its_toll() -> None:
    (toll,) = read("A series of militant attacks killed 41 people in the region last spring.")
    assert (toll.value, toll.category, toll.scene) == (41, "killed", "in militant attacks")


def kind_of(name: str, label: str, *texts: str) -> str:
    """The kind ``name`` (which the model labelled ``label`` once) gets from its mentions in ``texts``."""
    found = Gazetteer([Mention("a", 0, len(name), name, label)]).locate(
        [Unit(str(i), 0, len(t), t, 1, 1) for i, t in enumerate(texts)])
    return next(e.kind for e in found if e.name == name)


def test_a_place_that_modifies_a_noun_after_a_determiner_stays_a_place() -> None:
    """A rule that made "a Hotmail account" an organisation made these organisations too."""
    assert kind_of("Orlando", "GPE", "An Orlando private detective drew up the plan.", "The Orlando attorney sued.",
                   "He is sued by an Orlando man.") == "place"
    assert kind_of("Texas", "GPE", "A Texas man was held.", "The Texas prison system is full.",
                   "He lives in Texas now.") == "place"
    assert kind_of("Hebron", "GPE", "The Hebron deal was signed.", "The Hebron pullout was delayed.",
                   "Troops stayed in Hebron.") == "place"
    assert kind_of("Atlantic", "LOC", "An Atlantic storm grew.", "The Atlantic coast was hit.",
                   "Ships sank in the Atlantic.") == "place"


def test_an_agreement_is_no_organisation() -> None:
    assert kind_of("Oslo Accords", "ORG", "The Oslo Accords set out a timetable.",
                   "Both sides signed the Oslo Accords.") == "agreement"
    assert kind_of("Treaty of Lisbon", "ORG", "The Treaty of Lisbon took effect.") == "agreement"


def test_a_count_is_shown_with_the_whole_phrase_that_says_what_happened() -> None:
    (fled,) = read("Nearly 4,000 villagers have been forced to flee their homes since March.")
    assert (fled.text, fled.category) == ("Nearly 4,000 villagers have been forced to flee", "displaced")
