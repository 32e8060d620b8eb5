"""Facts a reader would copy wrongly: what "carried out" does, model names spaced apart, clock times, where
those counted come from (not where anything befell them), who they were, and ships taken for people; amounts
and numbers as a tokenized copy spaces them, measures of one thing, counts joined to the count before. Each
sentence is written here."""

from __future__ import annotations

from collections import Counter

from newsbrief.facts.check.quantities import group_quantities, quantity_facts
from newsbrief.facts.read.entities import Gazetteer, Mention, _kind
from newsbrief.facts.read.numbers import numbers
from newsbrief.facts.read.quantities import Quantity, read_unit
from newsbrief.facts.read.units import Unit


def read(text: str) -> list[Quantity]:
    return read_unit(Unit("a", 0, len(text), text, 1, 1), Gazetteer([]))


def test_attacks_carried_out_are_done_not_carried_aboard() -> None:
    (q,) = read("Rebels have carried out around 40 raids on the border since March.")
    assert q.value == 40 and q.category != "aboard"
    (q,) = read("The ferry was carrying 120 passengers when it sank.")
    assert (q.value, q.category) == (120, "aboard")


def test_a_model_number_spaced_from_its_letters_is_no_count() -> None:
    found = read("Police seized 12 AK - 47 rifles at the farm.")
    assert [q.value for q in found] == [12]


def test_a_clock_time_in_hours_is_no_count() -> None:
    assert [q.value for q in read("Pirates attacked the tanker about 1100 hrs GMT, firing rifles.")] == []


def test_where_they_come_from_is_not_where_it_happened() -> None:
    found = {q.value: q for q in read("Of the 30 detained fishermen, 18 are from Peru and 12 from Chile.")}
    assert all(not q.places for q in found.values())
    (q,) = read("Four engineers from Ohio were killed in Lagos on Monday.")
    assert q.places == ("Lagos",)


def test_a_nationality_keeps_the_words_that_say_who_they_were() -> None:
    gazetteer = Gazetteer([Mention("a", 0, 4, "Thai", "NORP")])
    text = "At least one Thai crew member was killed in the attack."
    (q,) = read_unit(Unit("a", 0, len(text), text, 1, 1), gazetteer)
    assert (q.value, q.what, q.side) == (1, "Thai crew member killed", "thai")


def test_a_ships_name_is_a_vessel_not_a_person() -> None:
    assert [_kind(n, Counter({"PERSON": 3})) for n in ("MV Amira", "Frigate HMS Dorset", "Maria Jones")] == [
        "vessel", "vessel", "person"]
    assert _kind("MS Dhani", Counter({"PERSON": 3})) == "person"  # initials, not a ship's prefix


def test_a_number_standing_alone_after_incidents_counts_no_incidents_that_died() -> None:
    found = read("The two sides fought three border wars in 40 years, and some 90,000 died in the last war.")
    (toll,) = [q for q in found if q.value == 90000]
    assert toll.category == "killed" and toll.noun != "wars"
    (q, more) = read("Two soldiers were killed and another five wounded in the attack.")
    assert (more.value, more.noun, more.category) == (5, "soldiers", "injured")


def test_an_amount_keeps_its_currency_when_a_tokenized_copy_spaces_the_symbol() -> None:
    (q,) = read("The club offered at least $ 120 million to the pitcher.")
    assert (q.value, q.currency) == (120_000_000, "$")
    (q,) = read("The striker was fined £ 30,000 by the league.")
    assert (q.value, q.currency) == (30_000, "£")


def test_a_number_after_an_indefinite_article_measures_one_thing() -> None:
    """At the numbers' level (the counts below are also kept out by the grammar and the spaced-measure rule)."""
    assert numbers("In May, a 4.1 quake shook the valley.") == ()
    assert numbers("They built a 300 room hotel by the lake.") == ()
    assert [n.value for n in numbers("A 2 million euros reward was offered.")] == [2_000_000]
    assert read("In May, a 4.1 quake shook the valley.") == []
    assert read("He ran for an 80 - yard touchdown and kicked a 40-yard field goal.") == []
    assert [q.value for q in read("Lydos, a 2, 400 - square - kilometre island, lost 3 villages.")] == [3]
    (q,) = read("A 2 million euros reward was offered for the painting.")
    assert q.value == 2_000_000
    (q,) = read("It was a $ 75 million deal.")
    assert q.currency == "$"


def test_a_decimal_fraction_without_its_zero_is_no_count() -> None:
    assert read("Since the trade, he hit .341 in 50 games.") == []


def test_a_count_out_of_another_count_has_no_number_for_its_noun() -> None:
    found = read("The mayor said 20 of the 70 wounded were still in hospital.")
    assert [(q.value, q.kind) for q in found] == [(70, None)]


def test_thousands_a_tokenized_copy_spaces_are_one_number_before_a_comma_too() -> None:
    found = read("The storm killed 48 people and injured more than 2, 300, cutting off many villages.")
    assert sorted(q.value for q in found) == [48, 2300]


def test_a_bare_number_joined_to_the_count_before_counts_the_same_people() -> None:
    found = {q.value: q for q in read("Elsewhere on Monday, three people were killed and nine wounded by army "
                                      "shelling on the town of Tarsa.")}
    assert (found[9].kind, found[9].category) == ("people", "injured")
    found = {q.value: q for q in read("Police said 4 people were arrested and 3 released.")}
    assert found[3].kind == "people"


def test_a_measure_as_a_tokenized_copy_spaces_its_hyphen_is_no_count() -> None:
    assert read("Late on, his 12 - yard touchdown pass won the game.") == []
    found = read("He got a 5 - year sentence and 3 men were freed; 12 - including 4 children - died.")
    assert sorted(q.value for q in found) == [3, 4, 12]


def test_a_count_of_charges_or_a_boxers_count_is_no_toll() -> None:
    assert [q.category for q in read("He faces four counts of robbery and one count of petit theft.")] == []
    assert [q.category for q in read("The challenger got up after a seven count but stayed on the ropes.")] == []
    assert [(q.value, q.category) for q in read("The body count rose to 40 on Monday.")] == [(40, "killed")]


def test_what_befell_victims_is_what_their_verb_says() -> None:
    assert [(q.value, q.category) for q in read("All 12 victims died at the scene.")] == [(12, "killed")]
    assert [(q.value, q.category) for q in read("Three victims were wounded in the attack.")] == [(3, "injured")]
    # two outcomes: a harm by the first, as the reader and the checker judge one (is_harm), not "killed"
    assert [(q.value, q.category) for q in read("Three victims were killed or wounded in the attack.")] == [
        (3, "killed or injured")]
    assert [q.category for q in read("The two victims no longer wanted to pursue the charges.")] == []


def test_incidents_someone_is_charged_in_are_shown_as_in_the_charges_and_joined_across_nouns() -> None:
    (q,) = read("He was charged on Monday in three Atlanta area bombings.")
    assert q.what == "Atlanta area bombings in the charges"
    found = [q for t in ("He is charged in three bombings.", "He is charged in three attacks.",
                         "He is charged in three blasts.") for q in read(t)]
    assert len({q.kind for q in found}) == 1  # one count, whatever noun each source names the incidents by
    (q,) = read("Three men were charged on Monday.")
    assert q.what == "men charged"


def test_a_capitalised_outcome_word_before_a_noun_in_lower_case_is_a_name() -> None:
    assert read("The remake led to two “Dead” sequels and eventual fame for its director.") == []
    assert [(q.value, q.category) for q in read("Two Dead Soldiers Found Near Border")] == [(2, "killed")]
    assert [(q.value, q.category) for q in read("The blast left two dead soldiers on the road.")] == [(2, "killed")]


def test_a_count_so_far_this_year_is_a_running_total_not_the_days_count() -> None:
    found = [q for i, text in enumerate(["Two boys were killed in a shooting on Monday.",
                                         "Their deaths are the latest of 253 murders so far this year in the city."])
             for q in read_unit(Unit("a", 0, len(text), text, i, 1), Gazetteer([]))]
    assert [g.label for g in group_quantities(found)] == ["boys killed", "people killed"]  # not "253 boys killed"
    (single,) = read("A ferry fire this year killed 30 passengers.")
    assert not single.perfect  # this year's incident, no running total


def test_a_harm_counted_without_a_noun_befell_people() -> None:
    assert [q.what for q in read("Police made two arrests in the town on Monday.")] == ["people arrested"]
    assert [q.what for q in read("The storm left 45,000 displaced.")] == ["people displaced"]
    assert [q.what for q in read("Workers found 12 houses destroyed by the storm.")] == ["houses destroyed"]


def test_a_count_that_says_how_far_is_a_distance_not_people_or_things_befallen() -> None:
    assert read("He was arrested five buildings away on Elm Street shortly before midnight.") == []
    assert read("He was arrested on Friday by a SWAT team, three houses from the scene of the shooting.") == []
    assert [q.what for q in read("Two soldiers from Texas were killed in Kabul.")] == ["soldiers killed"]
    assert [q.value for q in read("Coast guards rescued 12 people off the boat on Monday.")] == [12]


def test_a_noun_of_spacing_before_from_is_a_distance_however_it_parses() -> None:
    assert [q.what for q in read("Officers found 5 bodies two blocks from the church.")] == ["bodies"]
    assert [q.what for q in read("Eight people were killed two blocks from the church.")] == ["people killed"]
    assert [q.what for q in read("Three houses burned in the fire.")] == ["houses destroyed"]  # a count


def test_amounts_of_one_thing_worded_apart_are_one_fact() -> None:
    texts = ["Damage to the church was estimated at $1 million, police said.",
             "The fire caused $1 million in damages to the church.",
             "The fire did an estimated $1 million damage to the church."]
    found = [q for i, text in enumerate(texts) for q in read_unit(Unit(str(i), 0, len(text), text, 1, 1),
                                                                  Gazetteer([]))]
    assert len(found) == 3 and len(group_quantities(found)) == 1
    (q,) = read("He came to apologise in case the estimated $1 million fire damages were linked to him.")
    assert q.measured == "fire damages"


def grouped(texts: list[str]) -> list[list[float]]:
    found = [q for i, t in enumerate(texts) for q in read_unit(Unit(str(i), 0, len(t), t, 1, 1), Gazetteer([]))]
    return sorted(sorted(q.value for q in g.members) for g in group_quantities(found))


def test_amounts_of_things_named_apart_are_apart_and_one_narrower_joins_the_bare_one() -> None:
    assert grouped(["The flood caused $4 million in road damage, officials said.",
                    "The flood caused $7 million in crop damage, farmers said."]) == [[4e6], [7e6]]
    assert grouped(["The club paid $3 million in legal fees.", "The club paid $9 million in transfer fees."]) == [
        [3e6], [9e6]]
    assert grouped(["The blaze caused $2 million in damages.", "The $2 million fire damage was insured."]) == [
        [2e6, 2e6]]


def test_a_harm_figure_no_reading_of_it_names_is_not_shown_with_another_readings_noun() -> None:
    texts = ["On Sunday, an explosion killed two and wounded 30 in the northern city of Aleppo.",
             "The monitor said that at least 18 security troops were wounded."]
    found = [q for i, t in enumerate(texts) for q in read_unit(Unit(str(i), 0, len(t), t, 1, 1), Gazetteer([]))]
    shown = [f.text for f in quantity_facts(group_quantities(found))]
    assert "30 people injured" in shown and "30 security troops injured" not in shown
    texts = ["On Monday, a car bomb killed or wounded 25 in the city.",
             "Officials said at least 12 police officers were killed or wounded."]
    found = [q for i, t in enumerate(texts) for q in read_unit(Unit(str(i), 0, len(t), t, 1, 1), Gazetteer([]))]
    shown = [f.text for f in quantity_facts(group_quantities(found))]
    assert "25 people killed or injured" in shown and "25 police officers killed or injured" not in shown


def test_what_happened_is_shown_as_an_irregular_verbs_own_participle() -> None:
    assert [q.what for q in read("Obesity costs about $100 billion a year in health care.")] == ["cost"]


def test_those_left_homeless_are_people_displaced() -> None:
    found = read("The quake left 2 million homeless, including 300,000 in the capital.")
    assert [q.what for q in found] == ["people displaced", "people displaced"]


def test_an_amount_shown_with_what_it_measures_in_its_own_sentence() -> None:
    texts = ["The dairy was valued at $5 million, down from a peak value of $5.3 million.",
             "That was above the 2002 value of $4.9 million, a report said."]
    found = [q for i, t in enumerate(texts) for q in read_unit(Unit(str(i), 0, len(t), t, 1, 1), Gazetteer([]))]
    shown = {f.value: f.counts for f in quantity_facts(group_quantities(found))}
    assert shown[4_900_000] == "value" and shown[5_300_000] == "peak value"
