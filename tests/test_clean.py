"""Cleaning and sentence splitting: boilerplate out with reasons, glued sentences apart, offsets exact."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsbrief.clean import clean_cluster, cleaned_text
from newsbrief.clean.rules import RULES, Rule, any_of, literal_prefix, match_rule
from newsbrief.model import Article, squash
from newsbrief.segment import segment_article, split_spans
from newsbrief.segment import sentences
from newsbrief.segment.sentences import dateline_end

SEED_BOILERPLATE = ["Leave a Reply", "Be Part of Quality Journalism", "- Advertisement -", "Share on:",
                    "Please enter your comment!", "Free News Delivery by Email",
                    "Your email address will not be published", "All rights reserved"]


def _prepare(*texts: str) -> list[Article]:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    return [segment_article(art) for art in clean_cluster(arts)]


def _prepare_one(article: Article) -> list[Article]:
    return [segment_article(art) for art in clean_cluster([article])]


def _check_offsets(art: Article) -> None:
    for s in art.sentences:
        assert squash(art.text[s.start:s.end]) == s.text
    for r in art.removed:
        assert squash(art.text[r.start:r.end]) == r.text


def test_boilerplate_lines_removed_with_reasons() -> None:
    text = ("Share on:\n\nThe mayor opened the new library on Saturday, officials said.\n\n- Advertisement -\n\n"
            "Photo: The library at dawn (City Hall/J. Doe)\n\n"
            "Sign up for our newsletter to get the latest updates in your inbox.\n\n"
            "Residents had waited ten years for the building, which cost 12 million euros.\n\n"
            "Copyright 2024 Example Media. All rights reserved.\n\nLeave a Reply\n\n"
            "Your email address will not be published.\n")
    (art,) = _prepare(text)
    kept = cleaned_text(art)
    assert "mayor opened" in kept and "ten years" in kept
    for junk in ("Share on", "Advertisement", "Photo:", "newsletter", "Copyright", "Leave a Reply", "email"):
        assert junk not in kept
    reasons = {r.reason for r in art.removed}
    assert {"share buttons", "advertisement", "photo credit or caption", "subscription pitch",
            "copyright line", "comment form"} <= reasons
    _check_offsets(art)


def test_the_site_talking_to_its_reader_is_cut_from_a_short_paragraph_alone() -> None:
    """A short paragraph of news that ends on the site's pointer keeps its news; a line that is all pointer
    goes whole."""
    (art,) = _prepare("The harbour staff will hold a fundraiser on Saturday to help the families of the dead. "
                      "(Click here to see the flyer)\n\nTell us what you think in the comments.\n\n"
                      "For the full list of the injured, click here.\n")
    kept = cleaned_text(art)
    assert "fundraiser on Saturday" in kept
    assert "Click here" not in kept and "Tell us" not in kept and "injured" not in kept
    assert [r.reason for r in art.removed] == ["site talking to its reader"] * 3
    _check_offsets(art)


def test_boilerplate_sentence_glued_to_a_paragraph_is_cut_alone() -> None:
    para = ("The storm closed three schools and cut power to 4,000 homes, the utility said. "
            "Crews expected to restore most lines by Friday, according to officials in the county. " * 3)
    (art,) = _prepare(para.strip() + "Copyright © 2020, ABC Audio. All rights reserved.\n")
    assert "Copyright" not in cleaned_text(art) and "restore most lines" in cleaned_text(art)
    assert [r.reason for r in art.removed] == ["copyright line", "copyright line"]


def test_everything_after_a_comment_form_at_the_end_goes() -> None:
    body = "\n\n".join(f"Paragraph {i} says something about the flood in the valley today." for i in range(6))
    (art,) = _prepare(body + "\n\nLeave a Reply\n\nCancel reply\n\nName *\n\nWebsite\n")
    assert "Cancel" not in cleaned_text(art) and "Paragraph 5" in cleaned_text(art)
    assert any(r.reason.startswith("after end-of-article marker") for r in art.removed)


def test_lines_repeated_across_different_articles_are_template() -> None:
    promo = "Download our app to read the latest stories from the region on your phone, wherever you are."
    a = "".join(f"The river rose {n} metres overnight in the north, residents of the valley said.\n\n"
                for n in ("two", "three", "four")) + promo
    b = "".join(f"Farmers counted {n} losses after hail hit the south on Sunday afternoon, officials said.\n\n"
                for n in ("heavy", "light", "costly")) + promo
    arts = _prepare(a, b)
    assert all(promo not in cleaned_text(x) for x in arts)
    assert any(r.reason == "line repeated across articles of the cluster" for r in arts[0].removed)


def test_long_shared_paragraph_of_different_stories_is_content() -> None:
    background = ("The dam, built in 1958 and last inspected in 2019, holds back about 40 million cubic metres "
                  "of water above the towns of the lower valley, according to the regional water authority.")
    a = "Engineers found a new crack in the dam wall on Monday, officials said.\n\n" + background
    b = "Thousands of residents downstream were told to prepare to leave on Tuesday.\n\n" + background
    arts = _prepare(a, b)
    assert all("40 million cubic metres" in cleaned_text(x) for x in arts)


def test_wire_copies_keep_their_shared_lines() -> None:
    body = "\n\n".join(f"Wire line {i} reports the ceasefire talks resumed in the capital on Monday."
                       for i in range(5))
    arts = _prepare(body, body + "\n\nA local paragraph the second outlet added about reactions at home.")
    assert all("Wire line 3" in cleaned_text(x) for x in arts)


@pytest.mark.parametrize("line,reason", [
    ("EPA-EFE/YAHYA NEMAH", "photo credit or caption"),
    ("Graylock/Abaca Press/MCT/Newscom", "photo credit or caption"),
    ("Mourners sit outside the home of a soldier killed in Syria.—AP", "photo credit or caption"),
    ("A man walks on the beach in Cannes on May 15. (REUTERS/Eric Gaillard)", "photo credit or caption"),
    ("He said the U.S./Mexico border would stay closed.", None),
    ("Voters weighed the and/or question for weeks.", None),
    ("Leave a Reply", "comment form"),
    ("- Advertisement -", "advertisement"),
    ("Just fill in your details in the form below to join our mailing list.", "site talking to its reader"),
    ("For the full list of winners, click here.", "site talking to its reader"),
    ("(Click here to see the map)", "site talking to its reader"),
    ("Watch the mayor's speech in the clip above.", "site talking to its reader"),
    ("More on the new season after the jump!", "site talking to its reader"),
    ("Tell us what you think and share your thoughts on the plan in the comments.", "site talking to its reader"),
    ("[Sign up for the Harbour Letter to get news, tide tables and places to eat in your inbox each week.]",
     "site talking to its reader"),
    ("Kessland Herald reporters Ana Ruiz and Tom Hale contributed to this report.", "reporting credit"),
    ("Image copyright Harbour Press Image caption Smoke over the grain terminal on Tuesday", "photo credit or caption"),
    ("[VIDEO: The fire at the terminal, as seen from the quay]", "related link"),
    ("(PHOTOS: The harbour fire)", "related link"),
    ("Early history of the harbour [ edit ]", "wiki section heading"),
    ("The harbour's first wharf [edit]", "wiki section heading"),
    ("The council voted to [edit] the harbour plan before the vote.", None),
    ("Police told residents to fill sandbags and watch the river below the bridge.", None),
    ("Users who clicked the link lost their savings, police said.", None),
    ("The clip shows the mayor's speech above the noise of the crowd.", None),
    ("In this Tuesday, March 4, 2031, file photo, firefighters spray water on the Northquay grain terminal.",
     "photo credit or caption"),
    ("(Harbour Press) In this photo provided by the port authority, smoke rises over the quay.",
     "photo credit or caption"),
    ("In this case, the court ruled for the photo agency.", None),
    ("In this image-conscious town, the mayor poses for every picture.", None),
    ("In this case, the photo from the crime scene showed the quay.", None),
    ("In this town, a picture by a local artist hangs in the harbour office.", None),
    ("In this week's issue, a photograph taken in 1945 shows the old wharf.", None),
    ("In this Jan. 5, 2031 handout photo, divers search the harbour.", "photo credit or caption"),
    ("Hide Caption 7 of 43 Photos: The harbour fire Firefighters work through the night on Tuesday.",
     "photo credit or caption"),
    ("Photos: The harbour fire", "photo credit or caption"),
    ("(Reporting by Ana Ruiz; Editing by Tom Hale)", "reporting credit"),
    ("(Additional reporting by Ana Ruiz in Kessland; Writing by Tom Hale)", "reporting credit"),
    ("JUST WATCHED Fire at the Northquay terminal Replay More Videos ... MUST WATCH", "video player message"),
    ("Embed Harbour fire in 60 seconds 1:02 autoplay autoplay Copy this code to your website or blog",
     "video player message"),
])
def test_line_rules(line: str, reason: str | None) -> None:
    rule = match_rule(line)
    assert (rule.reason if rule else None) == reason


@pytest.mark.parametrize("pattern,literal", [
    (r"enter your e-?mail\b", "enter your e"), (r"news(letter)? delivery by email\b", "news"),
    (r"ap photo(?<!\wap photo)", "ap photo"), (r"sign up\b.{0,60}\b(newsletter|now)\b", "sign up"),
    (r"delivered (right )?to your inbox", "delivered "), ("getty images", "getty images"),
])
def test_literal_prefix_is_what_every_match_begins_with(pattern: str, literal: str) -> None:
    assert literal_prefix(pattern) == literal
    assert all(literal_prefix(p) for r in RULES for p in r.anywhere)  # the screen relies on one each


def test_any_of_finds_a_literal_wherever_it_is() -> None:
    found = any_of(["getty images", "sign up", "reuters/"])
    texts = ["getty images", "photo: getty images.", "— sign up now", "reuters/john", "café « reuters/ »",
             "getty image", "signup", "reuters", "", "ünïcödé ✓ sign up ✓"]
    assert [found(t) for t in texts] == [any(w in t for w in ("getty images", "sign up", "reuters/"))
                                         for t in texts] == [True] * 5 + [False] * 4 + [True]
    assert not any_of([])("anything") and any_of(["", "x"])("no match needed")


def _every_rule_in_turn(text: str, sentence: bool) -> Rule | None:
    lower = text.lower()
    return next((r for r in RULES if (r.sentence or not sentence) and r.matches(text, lower)), None)


def test_a_sentence_gets_the_first_sentence_rule_after_a_line_rule_it_also_matches() -> None:
    """One remembered answer serves both questions: a text whose first rule is line-level only (a web
    archive's notes) still gets, as a sentence, the first sentence-level rule it matches, asked first as a
    line or as a sentence."""
    for text in ("The seed for this crawl was a list of sites, click here to read more.",
                 "The seed for this crawl was a list of sites; the page you requested could not be found."):
        for sentence in (True, False, True):
            assert match_rule(text, sentence) == _every_rule_in_turn(text, sentence)
    assert match_rule("The seed for this crawl was a list, click here to read more.", True).reason == (
        "site talking to its reader")
    assert match_rule("The seed for this crawl was a list, click here to read more.").reason == "web archive notice"
    assert match_rule("The seed for this crawl was mine; the page you requested could not be found.", True) is None


@pytest.mark.shared
def test_the_rules_screen_hides_no_match(multinews: list[dict]) -> None:
    lines = [line for record in multinews[:60] for a in record["articles"] for line in a["text"].split("\n")]
    lines += [*SEED_BOILERPLATE, "Photo: Getty Images", "Read more: the full story", "x" * 500 + " all rights reserved"]
    found = 0
    for line in lines:
        for sentence in (False, True):
            assert match_rule(line, sentence) == _every_rule_in_turn(line, sentence), line
            found += match_rule(line, sentence) is not None
    assert found > 20


@pytest.mark.parametrize("text,expected", [
    ("in Syria’s civil war.Turkey has said so.", ["in Syria’s civil war.", "Turkey has said so."]),
    ("the toll rose to 33.The army said.", ["the toll rose to 33.", "The army said."]),
    ("the ministry said.”The talks ended.", ["the ministry said.”", "The talks ended."]),
    ("He met the U.S. envoy. Then Mr. Smith left.", ["He met the U.S. envoy.", "Then Mr. Smith left."]),
    ("“Where is the aid?” asked one resident.", ["“Where is the aid?” asked one resident."]),
    ("Visit example.com for more.", ["Visit example.com for more."]),
])
def test_split_spans_handles_glued_and_tricky_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_spans(text)] == expected


def test_a_piece_taken_as_one_sentence_is_one_for_blingfire(monkeypatch: pytest.MonkeyPatch) -> None:
    """The splitter does not ask blingfire about an ASCII piece with sentence punctuation only at its end
    (sentences._ONE_SENTENCE): blingfire must give every such piece whole, whatever punctuation, control
    characters and length it has, and the pieces it would split must not be taken."""
    rng = random.Random(5)
    alphabet = "abc XYZ 019 ;:,-_()[]{}<>/\\|@#$%^&*+=~`\"'" + "".join(map(chr, range(32))) + "\x7f.!?"
    blingfire = sentences._blingfire_offsets
    asked: list[str] = []
    monkeypatch.setattr(sentences, "_blingfire_offsets", lambda text: asked.append(text) or blingfire(text))
    pieces = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, rng.choice((5, 50, 300)))))
              for _ in range(20_000)]
    for piece in pieces:
        assert sentences._sentence_offsets(piece) == blingfire(piece), repr(piece)
    assert len(pieces) - len(asked) > 1000  # the fast path took that many pieces without asking blingfire
    monkeypatch.undo()
    assert sentences._sentence_offsets("He met the U.S. envoy") == sentences._blingfire_offsets("He met the U.S. envoy")
    assert len(sentences._sentence_offsets("Ended. Then more.")) == 2 and sentences._sentence_offsets("") == []


@pytest.mark.parametrize("dateline", ["(MOSCOW) — ", "ISTANBUL - ", "STORRS, Conn. (WTNH) — ", "NEW YORK (AP) — "])
def test_dateline_is_removed_and_offsets_stay_on_original(dateline: str) -> None:
    text = f"Title\n{dateline}Russia’s military denied it was responsible for the strikes on Thursday.\n"
    (art,) = _prepare_one(Article(id="x", text=text, body_start=text.index("\n")))
    (s,) = art.sentences
    assert s.text.startswith("Russia’s military") and text[s.start:s.end] == s.text
    assert art.removed[0].reason == "dateline"


@pytest.mark.shared
def test_seed_boilerplate_never_survives(seeds: Path) -> None:
    from newsbrief.ingest import load
    from newsbrief.pipeline import prepare

    articles, problems = load(seeds)
    prep = prepare(articles, problems)
    assert len(prep.articles) == 5 and not problems
    for art in prep.articles:
        kept = cleaned_text(art)
        for junk in SEED_BOILERPLATE:
            assert junk not in kept, (art.id, junk)
        _check_offsets(art)
    glued = next(a for a in prep.articles if a.id.startswith("002_"))
    texts = [s.text for s in glued.sentences]
    assert any(t.endswith("in Syria’s civil war.") for t in texts)
    assert any(t.startswith("Turkey has said at least 33 of its troops") for t in texts)


def test_dateline_only_where_the_text_begins() -> None:
    text = ("WASHINGTON (AP) — The talks opened on Monday with a long list of demands from both sides.\n"
            "U.S. - China relations have been strained for years over trade, officials said on Monday.\n")
    (art,) = _prepare_one(Article(id="d", text=text))
    assert [s.text[:5] for s in art.sentences] == ["The t", "U.S. "]
    assert [r.reason for r in art.removed] == ["dateline"]


def test_a_list_items_marker_is_left_out_of_its_sentence() -> None:
    """A digest sets its items off with dashes or bullets: the marker is layout, a minus sign is not."""
    text = ("The main stories in the island's papers on Tuesday.\n\n"
            "-- A spokesman for the harbour board said the port would reopen on Friday.\n\n"
            "• Fishing crews were told to keep their boats in the outer basin until then.\n\n"
            "-5 degrees was the coldest night of the month, the weather office said on Monday.")
    article = segment_article(clean_cluster([Article(id="a", text=text)])[0])
    assert [s.text[:12] for s in article.sentences] == ["The main sto", "A spokesman ", "Fishing crew", "-5 degrees w"]
    assert [(r.text, r.reason) for r in article.removed] == [("--", "list marker"), ("•", "list marker")]
    assert all(squash(text[s.start:s.end]) == s.text for s in article.sentences)


def test_a_one_paragraph_article_quoting_a_comment_form_loses_that_sentence_only() -> None:
    text = ("Readers of the Harbour Gazette were told on Monday that its comment system had been rebuilt after a "
            "data leak exposed the addresses of 2,000 subscribers. The notice under each story now reads 'Your "
            "email address will not be published', the editor said. Police are investigating the leak, which a "
            "reader first reported last week. The paper apologised and offered a year of free credit monitoring.")
    (art,) = _prepare(text)
    kept = cleaned_text(art)
    assert "data leak exposed" in kept and "Police are investigating" in kept and "credit monitoring" in kept
    assert [r.reason for r in art.removed] == ["comment form"] and "email address" in art.removed[0].text
    _check_offsets(art)


def test_wire_layout_codes_and_editors_notes_are_left_out_of_sentences() -> None:
    """Newswire copy carries typesetting codes and notes to editors: "&LR; &QL; SLUG _ &LR;" before a
    sentence, a code after it, "(story to move at ...)" and a share prompt are no part of what is said."""
    text = ("&LR; &QL; &UR; HARBOUR _ &LR; The harbour master said the port would reopen on Friday.\n\n"
            "(story to move at 9:45 p.m. ET; clarifies ten-day closure) &QL;\n\n"
            "Read or Share this story: https://news.example/harbour\n\n"
            "Ships waiting outside the port were told to anchor until Friday morning. &QL;")
    article = segment_article(clean_cluster([Article(id="a", text=text)])[0])
    assert [s.text for s in article.sentences] == [
        "The harbour master said the port would reopen on Friday.",
        "Ships waiting outside the port were told to anchor until Friday morning."]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["&LR; &QL; &UR; HARBOUR _ &LR;"] == reasons["&QL;"] == "wire layout code"
    assert reasons["(story to move at 9:45 p.m. ET; clarifies ten-day closure) &QL;"] == "editor's note on the wire copy"
    assert reasons["Read or Share this story: https://news.example/harbour"] == "share buttons"


def test_every_wire_dateline_and_the_staff_initials_are_left_out() -> None:
    """Datelines with a date, in any case, and the wire staff's initials after the last sentence are where and
    by whom a report was filed, not what it says: segmenting leaves them out (so the timeline, the claims
    and the summary never show them); a dash inside prose stays."""
    texts = {"Harbour, March 4 (Wire) -- The harbour reopened on Friday. Ships were told to wait. (jt/kr)":
             ("Harbour, March 4 (Wire) --", "(jt/kr)"),
             "TOLVIK, Norland (AP) _ The ferry sank on Monday.": ("TOLVIK, Norland (AP) _", None)}
    for text, (dateline, initials) in texts.items():
        article = segment_article(clean_cluster([Article(id="a", text=text)])[0])
        removed = {r.text for r in article.removed}
        assert dateline in removed and (initials is None or initials in removed)
        assert not any(dateline in s.text or "(jt" in s.text for s in article.sentences)
    prose = segment_article(clean_cluster([Article(id="a", text="The Senate - which voted - went home.")])[0])
    assert [s.text for s in prose.sentences] == ["The Senate - which voted - went home."]


def test_a_wire_dateline_has_at_most_eight_words_before_its_dash() -> None:
    """The wire's dateline form: up to eight words that each hold a capital or a digit, then a dash; a lead in
    capitals with no dash is no dateline, however long."""
    eight = "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT _ The ferry sank."
    assert dateline_end(eight, 0, len(eight)) == eight.index("The")
    nine = "NINE " + eight
    assert dateline_end(nine, 0, len(nine)) is None
    caps = "FREE STORM TRACKING APP DOWNLOADED BY SEARCHING IN YOUR APP STORE. " * 20
    assert dateline_end(caps, 0, len(caps)) is None
    mixed = "BANGKOK, Thailand (AP) _ Rain fell."
    assert dateline_end(mixed, 0, len(mixed)) == mixed.index("Rain")
