"""Two incidents a reader must not take for one, and a story over years that must stay whole.

The stories stage parts a story-level group in two when its event-level parts have casts of their own
(``newsbrief.stories._incidents``). Unit tests read short reports written here; the ``shared`` one reads
ECB+ topics from ../shared (each topic holds two similar incidents).
"""

from __future__ import annotations

import json
from collections import Counter
from html import unescape
from dataclasses import replace
from pathlib import Path

import pytest
from sample_briefing import developing_briefing

from newsbrief.model import Story
from newsbrief.pipeline import brief, brief_stories, prepare_stories
from newsbrief.report import render, story_index
from newsbrief.report.sections import Part, _several, holds, sections
from newsbrief.stories import Names


def _records(texts: dict[str, tuple[str, str]]) -> list[dict]:
    return [{"id": k, "title": title, "text": text, "time": None} for k, (title, text) in texts.items()]


REHAB = {
    "marla-1": ("Actress Marla Quennell checks into rehab",
                "Actress Marla Quennell, 33, has entered the Serenity Pines treatment center in Malibu, her "
                "publicist Dov Arkin confirmed. Quennell starred in the comedy Summer Crush."),
    "marla-2": ("Marla Quennell in rehab, publicist says",
                "Marla Quennell has checked into Serenity Pines for an undisclosed problem, publicist Dov Arkin "
                "said, asking that the Summer Crush actress's privacy be respected during her stay in rehab."),
    "tessa-1": ("Tessa Brandvold enters rehab after court order",
                "Tessa Brandvold checked into the Harbor Vale clinic in Newport Beach on Thursday, her lawyer "
                "Glen Mathers told Judge Ruth Okafor, who had ordered the singer into rehab."),
    "tessa-2": ("Brandvold begins court-ordered rehab stay",
                "Singer Tessa Brandvold is in rehab at Harbor Vale, lawyer Glen Mathers said, meeting the judge's "
                "order; Judge Ruth Okafor warned Brandvold she would go to jail if she left the clinic."),
}

PIRATES = {
    "2008-1": ("Kestrian navy captures 23 pirates",
               "The Kestrian navy said its destroyer KNS Arvel captured 23 pirates in the Gulf of Aden after "
               "they tried to board the merchant ship Halvard Star, the navy's spokesman Pel Danner said."),
    "2008-2": ("Warship KNS Arvel foils pirate attack",
               "Commandos from KNS Arvel boarded two pirate skiffs attacking the Halvard Star in the Gulf of "
               "Aden, the Kestrian navy said, and took 23 men into custody with rifles and grenades."),
    "2011-1": ("Kestrian navy seizes 26 pirates off Oman",
               "The Kestrian navy frigate KNS Tollund captured 26 pirates after a chase in the Gulf of Aden, "
               "freeing the crew of the fishing vessel Morra Bay, spokesman Ilse Varga said."),
    "2011-2": ("KNS Tollund detains pirates, frees fishing crew",
               "KNS Tollund, a Kestrian navy frigate, detained 26 pirates in the Gulf of Aden and freed 14 "
               "fishermen of the Morra Bay held on their boat, navy spokesman Ilse Varga said."),
}

COACHES = {
    "pask-1": ("Halvor Rams fire coach Ander Pask",
               "The Halvor Rams fired head coach Ander Pask on Saturday after a 9-14 start. The team had lost "
               "seven of its last eight games. Assistant Kari Vint will coach for the rest of the season, "
               "general manager Ola Ruud said."),
    "pask-2": ("Rams dismiss Pask after losing streak",
               "Ander Pask was dismissed as coach of the Halvor Rams after seven straight losses. Pask had led "
               "the team for three seasons. Kari Vint takes over on an interim basis, Ola Ruud said."),
    "tolle-1": ("Rams fire Bren Tolle after one season",
                "The Halvor Rams fired coach Bren Tolle after one season, owner Ivo Markand said on Monday. "
                "Markand said a search for a new coach begins at once. Tolle was hired when Ander Pask was let "
                "go by Ola Ruud, who has since left the team."),
    "tolle-2": ("Bren Tolle out as Rams coach",
                "Bren Tolle is out as coach of the Halvor Rams after a 4-12 season, Ivo Markand announced. "
                "Markand thanked Tolle for his work. Tolle had replaced Ander Pask a year earlier, when Ola Ruud "
                "ran the team."),
}
"""Two firings by one team, a season apart: the later reports name the earlier coach (and the manager
who fired him) in their bodies, as background, never in their headlines; each firing's headlines name
their own coach."""

SUIT = {
    "1999": ("Band Corvane sues file-sharing firm Loomwire",
             "The rock band Corvane sued Loomwire, saying the file-sharing service let fans copy its songs; "
             "drummer Abel Strand said Loomwire took the band's work without paying."),
    "2000a": ("Corvane hands Loomwire a list of users",
              "Corvane delivered the names of 300,000 Loomwire users it says traded its songs, and drummer Abel "
              "Strand asked Loomwire to ban them from the service."),
    "2000b": ("Judge orders Loomwire to block Corvane songs",
              "A federal judge, Marion Kell, ordered Loomwire to block copyrighted songs in the suit brought by "
              "Corvane; Loomwire said it would appeal."),
    "2001": ("Appeals court upholds Loomwire ruling",
             "An appeals court upheld the order against Loomwire in the Corvane case; Abel Strand of Corvane "
             "called it a win for musicians, and Loomwire said it would comply."),
    "2002": ("Loomwire settles with Corvane",
             "Loomwire settled the suit with Corvane and agreed to pay the band, ending a fight that began when "
             "drummer Abel Strand first complained about song copying on Loomwire."),
    "2003": ("Loomwire files for bankruptcy",
             "Loomwire, the file-sharing service Corvane sued, filed for bankruptcy; its founder Teo Malin said "
             "the costs of the Corvane suit and later ones had drained its cash."),
}


def test_two_peoples_similar_incidents_are_two_stories() -> None:
    briefing = brief(_records(REHAB), max_words=60, facts=False)
    assert sorted(sorted(s.articles) for s in briefing.stories) == [["marla-1", "marla-2"], ["tessa-1", "tessa-2"]]
    aside = [r for r in briefing.articles if r.status == "off-event"]
    assert len(aside) == 2 and all(r.reason.startswith("about another story: \u201c") for r in aside)
    assert len({line.article.split("-")[0] for line in briefing.summary}) == 1


def test_one_cast_at_another_time_is_another_incident() -> None:
    briefing = brief(_records(PIRATES), max_words=60, facts=False)
    assert sorted(sorted(s.articles) for s in briefing.stories) == [["2008-1", "2008-2"], ["2011-1", "2011-2"]]
    aside = [r for r in briefing.articles if r.status == "off-event"]
    assert len(aside) == 2 and all(r.reason.startswith("about another incident: \u201c") for r in aside)


def test_a_later_incident_that_names_the_earlier_ones_cast_as_background_is_apart() -> None:
    _, found = prepare_stories(_records(COACHES))
    assert sorted(sorted(s.articles) for s in found.stories) == [["pask-1", "pask-2"], ["tolle-1", "tolle-2"]]
    assert found.stories[0].kin == found.stories[1].kin  # one team: another incident of the story


def test_the_opening_note_counts_two_incidents_of_one_story_as_one_story() -> None:
    briefing = brief(_records(PIRATES), max_words=60, facts=False)
    assert [s["kin"] for s in json.loads(render(briefing, "json"))["stories"]] == [0, 0]
    for fmt in ("text", "markdown", "html"):
        shown = " ".join(unescape(render(briefing, fmt)).split())
        assert "This input holds one story told in two incidents; this briefing covers the incident read first" \
               " (2 articles) and sets the other incident's articles aside" in shown
        assert "2 stories" not in shown


def test_the_per_story_index_counts_two_incidents_of_one_story_as_one_story() -> None:
    pages = [(f"story-{i}.html", b) for i, b in enumerate(brief_stories(_records(PIRATES), 60, facts=False), 1)]
    index = unescape(story_index(pages))
    assert "<h1>This input holds one story told in two incidents</h1>" in index and "2 stories" not in index
    mixed = brief_stories(_records({**PIRATES, **REHAB}), 60, facts=False)
    index = unescape(story_index([(f"story-{i}.html", b) for i, b in enumerate(mixed, 1)]))
    assert "<h1>This input holds 3 stories, one of them told in two incidents</h1>" in index


def test_a_briefing_of_one_incident_says_so_in_every_format() -> None:
    incident, story = brief_stories(_records({**PIRATES, **REHAB}), 60, facts=False)[1:3]
    said = "This briefing covers one of a story's two incidents (2 articles); the other incident has a briefing"
    for fmt in ("text", "markdown", "html"):
        assert said in " ".join(unescape(render(incident, fmt)).split())
        assert "covers one of a story" not in unescape(render(story, fmt))
    assert '<p class="kicker">Briefing on one incident of a story</p>' in render(incident, "html")
    assert '<p class="kicker">Briefing</p>' in render(story, "html")
    assert [s["incidents"] for s in json.loads(render(incident, "json"))["stories"]] == [2]
    assert [s["incidents"] for s in json.loads(render(story, "json"))["stories"]] == [1]


def test_the_background_of_an_incident_is_what_came_before_the_incident() -> None:
    briefing = developing_briefing()
    incident = replace(briefing, stories=(Story("the fire", tuple(r.id for r in briefing.articles), 0, 2),))
    assert [s.title for s in sections(incident) if s.part is Part.BACKGROUND] == ["Background (before the incident)"]
    assert [s.title for s in sections(briefing) if s.part is Part.BACKGROUND] == ["Background (before the story)"]
    assert "<h3>Background (before the incident)</h3>" in render(incident, "html")
    assert "## Background (before the incident)" in render(incident, "markdown")


def test_the_per_story_index_says_which_pages_brief_an_incident() -> None:
    mixed = brief_stories(_records({**PIRATES, **REHAB}), 60, facts=False)
    index = unescape(story_index([(f"story-{i}.html", b) for i, b in enumerate(mixed, 1)]))
    assert "Briefings, one per story or incident" in index and "<h2>Stories and incidents, largest first</h2>" in index
    entries = index.split("<li>")[1:]
    assert [("one incident of a story told in two" in e) for e in entries] == [True, True, False, False]
    assert "with \u201cKestrian navy seizes 26 pirates off Oman\u201d" in entries[0]
    stories = brief_stories(_records(REHAB), 60, facts=False)
    index = unescape(story_index([(f"story-{i}.html", b) for i, b in enumerate(stories, 1)]))
    assert "Briefings, one per story<" in index and "<h2>Stories, largest first</h2>" in index
    assert "incident" not in index


def test_the_opening_note_counts_two_stories_and_an_incident_apart() -> None:
    two = brief(_records(REHAB), max_words=60, facts=False)
    assert [s.kin for s in two.stories] == [0, 1]
    assert "This input holds 2 stories; this briefing covers the largest story (2 articles)" in render(two)
    three = brief(_records({**PIRATES, **REHAB}), max_words=60, facts=False)
    assert [s.kin for s in three.stories] == [0, 0, 1, 2]  # all of two articles: the one read first leads
    assert ("This input holds 3 stories, one of them told in two incidents; this briefing covers one of a story's "
            "two incidents (2 articles) and sets the others' articles aside") in render(three, "markdown")


def test_the_note_counts_stories_by_subject_and_calls_no_part_the_largest_that_is_not() -> None:
    def story(n: int, kin: int, size: int) -> Story:
        return Story(f"s{n}", tuple(f"{n}-{i}" for i in range(size)), kin)
    assert holds([story(1, 0, 3), story(2, 0, 2), story(3, 1, 2), story(4, 1, 2)]) == \
        "2 stories, both of them told in two incidents"
    alone_then_twice = [story(1, 0, 5), story(2, 1, 4), story(3, 1, 4)]  # 5 articles against 4 + 4
    assert "this briefing covers one of the stories (5 articles)" in _several(alone_then_twice)
    assert "covers the largest story (5 articles)" in _several([story(1, 0, 5), story(2, 1, 3), story(3, 1, 2)])


def test_a_story_over_years_with_one_cast_stays_one() -> None:
    _, found = prepare_stories(_records(SUIT))
    assert [sorted(s.articles) for s in found.stories] == [sorted(SUIT)]
    assert brief(_records(SUIT), max_words=60, facts=False).counts() == {"used": len(SUIT)}


@pytest.mark.shared
def test_most_ecb_topics_are_briefed_from_one_incident(shared_dir: Path) -> None:
    topics: dict[str, list[dict]] = {}
    with (shared_dir / "data" / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            topics.setdefault(doc["topic"], []).append(doc)
    one = 0
    for docs in topics.values():
        gold = {d["id"]: d["event"] for d in docs}
        _, found = prepare_stories([{k: d[k] for k in ("id", "title", "text", "time")} for d in docs])
        one += len(Counter(gold[a] for a in found.stories[0].articles)) == 1
    assert one >= 30  # 14 of 43 without parting incidents, 24 with casts in full only, 27 with one part's in its leads


def _names(recalled: int) -> Names:
    """Ten reports of one incident naming "Brandt" in their leads, ``recalled`` of them also naming "Voss"
    there, and three reports of another naming "Voss"."""
    first = [frozenset({"Brandt", "Voss"} if i < recalled else {"Brandt"}) for i in range(10)]
    second = [frozenset({"Voss"})] * 3
    return Names(tuple(first + second), tuple(first + second))


def test_a_later_incident_may_share_a_tenth_of_its_cast_with_the_earlier_one() -> None:
    first, second = range(10), range(10, 13)
    assert _names(0).apart(first, second)
    assert _names(1).apart(first, second)  # one of ten reports recalls the other incident's cast: SPARED
    assert not _names(2).apart(first, second)
