"""Numbers, names and kinds a reader would copy wrongly, read on news no one here tuned for (sixth and seventh
rounds): ages, numbers that name something, titles before a person's name, a timeline entry's quotation marks,
speakers named by surname alone. Each sentence is written here."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import newsbrief.facts
from newsbrief.facts.check.timeline import _balanced
from newsbrief.facts.read import claims, dates
from newsbrief.facts.read.entities import Gazetteer, Mention, _kind
from newsbrief.facts.read.numbers import numbers
from newsbrief.facts.read.quantities import Quantity, read_unit
from newsbrief.facts.read.units import Unit
from newsbrief.lang.en.names import CREDITS


def read(text: str) -> list[Quantity]:
    return read_unit(Unit("a", 0, len(text), text, 1, 1), Gazetteer([]))


def test_an_age_after_age_of_is_no_count() -> None:
    text = "Fans recalled 10 Classic Songs From the singer Kay died at the age of 57, police said."
    assert [text[n.at:n.end] for n in numbers(text)] == ["10"]
    assert [n.value for n in numbers("The two men, aged 30 and 41, and 5 others were charged.")] == [2, 5]


def test_two_ages_in_apposition_are_no_count() -> None:
    assert [q.value for q in read("Her sons, 19 and 24, were arrested on Friday.")] == []
    assert [q.value for q in read("Her 2 sons were arrested on Friday.")] == [2]


def test_a_number_before_a_name_and_a_singular_noun_is_no_count() -> None:
    assert [q.value for q in read("Lopez belonged to the 8 Block crew, which killed two men.")] == [2]
    assert [q.value for q in read("She was shot with a .357 Magnum revolver aboard the bus.")] == []


def test_a_count_of_a_nation_or_a_known_name_keeps_its_collective_noun() -> None:
    gazetteer = Gazetteer([Mention("a", 0, 4, "Thai", "NORP"), Mention("a", 5, 8, "BBC", "ORG"),
                           Mention("a", 9, 14, "Kraft", "ORG")])
    text = "Police said 12 Thai crew were rescued, 20 Kraft staff were hurt and 3 Kraft workers died."
    found = read_unit(Unit("a", 0, len(text), text, 1, 1), gazetteer)
    assert [q.value for q in found] == [12, 20, 3]


def test_a_title_or_a_suffix_makes_a_name_a_person_whatever_the_model_says() -> None:
    assert _kind("Judge Lance Ito", Counter({"ORG": 3})) == "person"
    assert _kind("Arcade Comeaux Jr.", Counter({"ORG": 2, "PERSON": 1})) == "person"
    assert _kind("Judge Advocate General's Corps", Counter({"ORG": 2})) == "organisation"
    assert _kind("World War II", Counter({"EVENT": 2})) == "event"


def test_a_suffix_after_the_mentions_makes_a_name_a_person() -> None:
    name = "Dale Arcand"
    texts = ["Dale Arcand Jr. fled on foot.", "Police say Dale Arcand Jr., 49, was armed.", "Dale Arcand hid."]
    found = Gazetteer([Mention("a", 0, len(name), name, "ORG")]).locate(
        [Unit(str(i), 0, len(t), t, 1, 1) for i, t in enumerate(texts)])
    assert [e.kind for e in found if e.name == name] == ["person"]


def test_a_fund_or_a_journal_is_an_organisation() -> None:
    assert _kind("World Relief Fund", Counter({"GPE": 2})) == "organisation"
    assert _kind("Journal of Tropical Medicine", Counter({"GPE": 2})) == "organisation"


def told(text: str) -> list[str]:
    return [a.content for a in claims.attributions([Unit("a", 0, len(text), text, 1, 1)])]


def test_whom_a_speaker_told_is_not_part_of_the_claim() -> None:
    assert told("The mayor told reporters he would not resign over the affair.") == [
        "he would not resign over the affair"]
    assert told("The minister told Reuters the talks would resume on Monday.") == ["the talks would resume on Monday"]
    assert told("She told the Daily Courier she had seen the gunman.") == ["she had seen the gunman"]
    assert told("Ortiz told Kline that the plan was sound.") == ["the plan was sound"]
    assert not any(c.startswith("Press") for c in told("The cook told The Associated Press, his apron still on."))


def test_thousands_a_tokenized_copy_spaces_are_one_number() -> None:
    (q,) = read("In the port city, some 40, 000 people marched through the centre.")
    assert q.value == 40000
    text = "A reward of $25, 000 is offered, and on June 3, 200 people searched the woods."
    assert [n.value for n in numbers(text)] == [25000, 200]


def test_a_time_zone_is_no_place() -> None:
    found = read("Five people were killed and 30 injured in the attack which began at 22:10 BST on Friday.")
    assert [(q.value, q.places) for q in found] == [(5, ()), (30, ())]
    (q,) = read("Four people were hurt in the blast in Leeds at 10:15 GMT.")
    assert q.places == ("Leeds",)


def test_a_place_name_keeps_its_of_phrase() -> None:
    (q,) = read("Pirates seized 12 sailors in the Gulf of Aden on Monday.")
    assert q.places == ("Gulf of Aden",)


def test_we_are_told_names_no_speaker() -> None:
    assert told("We're told the family were surprised by the news.") == []
    assert told("I’m told the plant will close in March.") == []
    assert told("They've said the plant will close in March.") == ["the plant will close in March"]


def test_a_players_notice_names_no_one() -> None:
    text = "Media playback is unsupported on your device The mayor spoke in Leeds."
    (notice,) = CREDITS.finditer(text)
    assert notice.group() == "Media playback is unsupported on your device"


def test_an_age_before_a_verb_in_the_singular_is_no_count() -> None:
    assert numbers("Dana Pryor, 19 was found guilty of the killing.") == ()
    assert [n.value for n in numbers("In the town, 20 were killed.")] == [20]


def test_a_short_quotation_before_the_verb_is_no_speaker() -> None:
    assert told("“I'm stunned,” said Dora Vale, whose son was hurt in the crash.") == []
    assert told("“We will rebuild the town,” said the mayor on Monday.") == ["We will rebuild the town"]


def test_the_facts_package_leaves_its_read_subpackage_reachable() -> None:
    """``newsbrief.facts`` once defined a function ``read`` that hid the subpackage of that name."""
    import newsbrief.facts.read.grammar as grammar  # the statement form is what the function broke

    assert grammar.__name__ == "newsbrief.facts.read.grammar"
    assert newsbrief.facts.read.__name__ == "newsbrief.facts.read"


def test_a_timeline_entry_shows_its_quotation_marks_in_pairs() -> None:
    assert _balanced("On 3 March, the pier was closed,” the council said.") == (
        "“On 3 March, the pier was closed,” the council said.")
    assert _balanced("'' The board met in Oslo on Tuesday.") == "The board met in Oslo on Tuesday."
    assert _balanced('The mayor said Monday the town is "ready for the storm.') == (
        'The mayor said Monday the town is "ready for the storm."')
    assert _balanced("He called it ``a good day,'' on Friday.") == "He called it ``a good day,'' on Friday."
    for whole in ('She said "no" on Friday, and “yes” on Monday.', 'Born in 1931, she said " we had no shoes \'\' .'):
        assert _balanced(whole) == whole
    assert _balanced('They are out," he said on Friday.') == '"They are out," he said on Friday.'


def _claims(texts: list[str], mentions: list[Mention]) -> list:
    """The claims of one article whose sentences are ``texts``, one unit each, the model's ``mentions`` given."""
    units, at = [], 0
    for i, text in enumerate(texts, 1):
        units.append(Unit("a", at, at + len(text), text, i, i))
        at += len(text) + 1
    return claims.read(claims.attributions(units), units, Gazetteer(mentions), {"a": " ".join(texts)})


def test_a_speaker_named_by_surname_alone_is_the_person_the_article_named_in_full() -> None:
    texts = ["Officials in Tarnow said Tom Brandt of the port authority approved the plan.",
             "“We were never asked,” said Mara Lindqvist, whose shop stands by the pier.",
             "Lindqvist said she had written to the council twice.",
             "“Nobody answered either letter,” she said.",
             "The Tarnow Harbour Police closed the pier on Friday.",
             "Police said the pier would stay closed until the end of May.",
             "I wrote last year that the pier was failing and the council did nothing."]
    found = _claims(texts, [Mention("a", 25, 35, "Tom Brandt", "PERSON")])
    speakers = {c.content[:20]: c.speaker for c in found}
    assert speakers["she had written to t"].shown == "Mara Lindqvist" and speakers["she had written to t"].person
    assert speakers["Nobody answered eith"].shown == "Mara Lindqvist"
    assert not speakers["the pier would stay "].person
    assert not any("pier was failing" in c.content for c in found), "'I' is the writer: no speaker to name"


def test_a_person_is_shown_without_the_title_the_model_took_into_the_name() -> None:
    gazetteer = Gazetteer([Mention("a", 0, 30, "FAA Administrator Lena Korsak", "PERSON"),
                           Mention("a", 40, 46, "Korsak", "PERSON"),
                           Mention("b", 0, 25, "Attorney Paul Dean Ferris", "PERSON"),
                           Mention("c", 0, 20, "Senator Ruth Okafor", "PERSON"),
                           Mention("d", 0, 13, "Ruth Okafor", "PERSON")])
    shown = {e.name for e in gazetteer.entities}
    assert shown == {"Lena Korsak", "Paul Dean Ferris", "Ruth Okafor"}


def test_a_pronoun_speaker_is_not_the_person_quoted_paragraphs_before() -> None:
    texts = ["Mayor Ivo Stanek said the bridge would reopen in June.",
             "The bridge carries 9,000 cars a day.",
             "Repairs began after a flood in March.",
             "Engineers found cracks in two piers.",
             "Dana Roux, a senator, has long asked for a new bridge.",
             "“The old one cannot be saved,” she said."]
    found = _claims(texts, [Mention("a", 6, 16, "Ivo Stanek", "PERSON")])
    assert [c.speaker.shown for c in found] == ["Ivo Stanek"]


def test_two_ages_in_apposition_at_the_end_of_a_sentence_are_no_count() -> None:
    assert [q.value for q in read("The weekend's toll included the deaths of two boys, 13 and 14.")] == [2]
    assert [q.value for q in read("The dead included a student, 21.")] == []


def test_a_party_word_before_a_name_is_no_part_of_it() -> None:
    gazetteer = Gazetteer([Mention("a", 0, 24, "Democrat Lorna Whitcombe", "PERSON"),
                           Mention("b", 0, 15, "Lorna Whitcombe", "PERSON")])
    assert {e.name for e in gazetteer.entities} == {"Lorna Whitcombe"}


def test_a_reporting_verb_after_a_conjunction_or_before_an_infinitive_of_claims_says_nothing_reported() -> None:
    assert told("Written by two friends (with an uncredited but acknowledged polish by Ann Lo), the story "
                "begins at a cabin in the woods.") == []
    assert told("He claims to be the rightful heir to the estate of his father.") == []
    assert told("All those things Mia claims to see are just hallucinations, right?") == []
    assert told("He claims the heir was in the square that night.") == ["the heir was in the square that night"]
    assert told("Ann Lo, the mayor, said the heir was in the square.") == ["the heir was in the square"]


def test_claimed_to_have_done_or_claimed_to_a_listener_is_a_claim() -> None:
    assert told("Insurgents claimed to have shot down two army helicopters.") == [
        "to have shot down two army helicopters"]
    assert told("The mayor claimed to reporters that the count was rigged.") == [
        "to reporters that the count was rigged"]
    assert told("He claims to possess the deeds to the farm.") == []  # a verb, not a plural listener


def located(name: str, label: str, texts: list[str]) -> list[str]:
    found = Gazetteer([Mention("a", 0, len(name), name, label)]).locate(
        [Unit(str(i), 0, len(t), t, 1, 1) for i, t in enumerate(texts)])
    return [e.kind for e in found if e.name == name]


def test_a_name_in_quotation_marks_in_most_mentions_is_a_title_not_a_person() -> None:
    texts = ["The new “Red Harbor” is a remake.", "Fans of “Red Harbor,” the 1981 film, came.", "Red Harbor opens."]
    assert located("Red Harbor", "PERSON", texts) == ["thing"]
    assert located("Ann Lo", "PERSON", ["“Ann Lo” is here, she said.", "Ann Lo came.", "Ann Lo left."]) == ["person"]


def test_a_nationality_word_before_a_noun_is_no_organisation() -> None:
    texts = ["The debut of Uruguayan director Ann Lo opens.", "A Uruguayan film crew came."]
    assert located("Uruguayan", "ORG", texts) == ["group"]  # a nationality, as "Palestinians", not a body
    texts = ["The first film of Mexican director Ann Lo opens.", "A Mexican film crew came."]
    assert located("Mexican", "ORG", texts) == ["group"]
    texts = ["The first race of Ferrari driver Ann Lo starts.", "A Ferrari mechanic came."]
    assert located("Ferrari", "ORG", texts) == ["organisation"]  # a brand ends in "-i" too
    assert located("Iran", "GPE", ["The Iran deal holds.", "The Iran talks end."]) == ["place"]


def test_a_name_in_quotation_marks_is_a_title_but_not_one_before_a_possessive_apostrophe() -> None:
    assert located("Night Tide", "PERSON", ["The new “Night Tide” is out.", "“Night Tide,” a remake, opens."]) == [
        "thing"]
    texts = ["‘Ann Vance’s plan will fail,’ he said.", "‘Ann Vance’s allies are gone,’ she said."]
    assert located("Ann Vance", "PERSON", texts) == ["person"]


def test_a_war_is_an_event_and_a_time_zone_no_name() -> None:
    assert _kind("Gulf War", Counter({"GPE": 1, "EVENT": 1})) == "event"
    assert _kind("Clone Wars", Counter({"ORG": 2})) == "organisation"  # a studio's title, not a war
    assert _kind("Special Olympics", Counter({"ORG": 2})) == "organisation"
    texts = ["Polls closed at 1400 GMT on Sunday.", "Results came at 0900 GMT."]
    mentions = [Mention("0", 28, 31, "GMT", "ORG"), Mention("1", 16, 19, "GMT", "ORG")]
    assert Gazetteer(mentions).locate([Unit(str(i), 0, len(t), t, 1, 1) for i, t in enumerate(texts)]) == []


def dated(text: str) -> list[tuple[str, str]]:
    return [(d.value, text[d.start:d.end]) for d in dates.read_unit(Unit("a", 0, len(text), text, 1, 1),
                                                                     datetime(2014, 7, 1))]


def test_a_year_that_opens_a_sentence_and_a_month_with_its_year_after_a_comma_are_dates() -> None:
    assert dated("In 1970, a statistician studied a supposed baby boom after the blackout of 1965.")[0] == (
        "1970", "In 1970")
    assert dated("Three teenagers burned the store down in February, 2003.") == [("2003-02", "February, 2003")]
    assert dated("In May, 1500 troops arrived.") == [("2014-05", "In May")]
    assert dated("In May, 2010 protesters were detained.") == [("2014-05", "In May")]  # a count, not a year
    assert dated("In March, 2004 people marched.") == [("2014-03", "In March")]
    assert dated("The show began in May 1990 and ended in May 1998.") == [("1990-05", "May 1990"),
                                                                          ("1998-05", "May 1998")]
    assert dated("The October issue, out two months after his death, has a blurry flag on its cover.") == []
    assert dated("He spoke of the Jan. 29 blast.") == [("2014-01-29", "Jan. 29")]  # the day, not the month
    assert dated("Crowds gathered ahead of the July 4 parade.") == [("2014-07-04", "July 4")]  # days ahead
    assert dated("The pier was closed on July 20.") == [("2013-07-20", "on July 20")]  # weeks ahead: last year's
