"""A hand-made Briefing with facts, a conflict, a timeline, every status and hostile text.

The report, HTML and browser tests build it directly, so they do not depend on the
facts extractor, and so they can plant what extraction would never produce: markup
and script in titles and text, a ``javascript:`` URL, an emoji before a highlighted
span, two articles of one outlet on one day (cited "(a)" and "(b)").
"""

from __future__ import annotations

from dataclasses import replace

from newsbrief.model import (
    ArticleRecord, Briefing, ClaimFact, Conflict, DateFact, EntityFact, QuantityFact, Removed, Source, Story,
    SummarySentence, TimelineEntry, ValueSide,
)

XSS_SCRIPT = '<script>document.title="pwned";alert("script ran")</script>'
XSS_IMG = '<img src=x onerror="document.body.dataset.pwned=1;alert(2)">'
XSS_TITLE = "Crews </script><script>alert(3)</script> <b>contain</b> blaze"

TEXTS = {
    "ellis-1": (
        "Fire destroys warehouse at Port Ellis harbour\n\n"
        "A fire destroyed a grain warehouse at Port Ellis harbour late on Tuesday, the fire service said.\n\n"
        "At least 12 people were injured, three of them seriously, according to the regional hospital.\n\n"
        "Harbour master Ines Calder said the blaze started in a storage unit used for fertiliser.\n\n"
        "Share this article"
    ),
    "ellis-2": (
        f"{XSS_TITLE}\n\n"
        "🔥 Live: Firefighters battled the blaze at Port Ellis for nine hours before it was contained on "
        "Wednesday morning.\n\n"
        f"A reader comment pasted here: {XSS_SCRIPT} and {XSS_IMG}\n\n"
        "Fourteen people were injured, the regional hospital said, and the harbour reopened on Wednesday.\n\n"
        "Harbour master Ines Calder said the blaze started in a storage unit."
    ),
    "ellis-3": (
        "Fire destroys warehouse at Port Ellis harbour\n\n"
        "A fire destroyed a grain warehouse at Port Ellis harbour late on Tuesday, the fire service said."
    ),
    "ellis-old": (
        "Port Ellis recalls 2019 dock fire\n\n"
        "In June 2019 a smaller fire at the Port Ellis dock injured two workers and closed the quay for a day."
    ),
}


def span(article: str, sentence: str) -> tuple[int, int]:
    """Where ``sentence`` is in the article's text (it must be there)."""
    start = TEXTS[article].index(sentence)
    return start, start + len(sentence)


def src(article: str, sentence: str) -> Source:
    return Source(article, *span(article, sentence), sentence)


def line(article: str, sentence: str, support: list[str] | None = None) -> SummarySentence:
    return SummarySentence(article, *span(article, sentence), sentence, tuple(support or ()))


S1 = "A fire destroyed a grain warehouse at Port Ellis harbour late on Tuesday, the fire service said."
S2 = ("Firefighters battled the blaze at Port Ellis for nine hours before it was contained on "
      "Wednesday morning.")
S3 = "Harbour master Ines Calder said the blaze started in a storage unit used for fertiliser."
INJURED_12 = "At least 12 people were injured"
INJURED_14 = "Fourteen people were injured"
OLD_FIRE = "ellis-old is about a different incident: it reports 2 people injured where 2 other sources report 12-14"


def sample_briefing() -> Briefing:
    """Four articles plus an unreadable one; one conflict (12 vs 14 injured); an off-event count as context;
    three dated events."""
    records = [
        ArticleRecord("ellis-1", "used", "2 of its 4 sentences in the summary",
                      title="Fire destroys warehouse at Port Ellis harbour",
                      url="https://www.example-news.test/2024/03/harbour-fire", time="2024-03-12T22:10:00",
                      source="in/ellis-1.txt", text=TEXTS["ellis-1"], outlet="example-news.test",
                      removed=(Removed("ellis-1", TEXTS["ellis-1"].index("Share this"), len(TEXTS["ellis-1"]),
                                       "Share this article", "share buttons"),)),
        ArticleRecord("ellis-2", "used", "1 of its 4 sentences in the summary", title=XSS_TITLE,
                      url="javascript:alert(4)", source="in/ellis-2.txt", text=TEXTS["ellis-2"]),
        ArticleRecord("ellis-3", "duplicate", "near-duplicate of ellis-1 (100% of its text is there)",
                      title="Fire destroys warehouse at Port Ellis harbour", source="in/ellis-3.txt",
                      text=TEXTS["ellis-3"], outlet="www.Example-News.test", time="2024-03-12T23:40:00"),
        ArticleRecord("ellis-old", "off-event", "reports an earlier fire (June 2019)",
                      title="Port Ellis recalls 2019 dock fire", source="in/ellis-old.txt", text=TEXTS["ellis-old"],
                      outlet="Port Ellis Gazette", time="2024-03-11T08:00:00"),
        ArticleRecord("broken", "unreadable", "invalid JSON: Expecting value (column 1)", source="in/feed.jsonl:3"),
    ]
    facts = [
        QuantityFact(value=12, counts="people injured", qualifier="at least", hedge="at least",
                     sources=(src("ellis-1", INJURED_12),)),
        QuantityFact(value=14, counts="people injured", sources=(src("ellis-2", INJURED_14),)),
        QuantityFact(value=9, counts="hours of firefighting", sources=(src("ellis-2", "nine hours"),)),
        ClaimFact(speaker="Ines Calder", verb="said", content="the blaze started in a storage unit",
                  statement="Ines Calder said the blaze started in a storage unit",
                  sources=(src("ellis-1", S3),
                           src("ellis-2", "Harbour master Ines Calder said the blaze started in a storage unit."))),
        DateFact(phrase="late on Tuesday", value="2024-03-12", period="day", sources=(src("ellis-1", "late on Tuesday"),)),
        EntityFact(name="Port Ellis", category="place",
                   sources=(src("ellis-1", "Port Ellis"), src("ellis-2", "Port Ellis"), src("ellis-old", "Port Ellis"))),
        EntityFact(name="Ines Calder", category="person",
                   sources=(src("ellis-1", "Ines Calder"), src("ellis-2", "Ines Calder"))),
        QuantityFact(value=2, counts="people injured", sources=(src("ellis-old", "injured two workers"),),
                     context=OLD_FIRE),
    ]
    conflicts = [Conflict("people injured", "quantity", (
        ValueSide(value=12, articles=("ellis-1",), sources=(src("ellis-1", INJURED_12),)),
        ValueSide(value=14, articles=("ellis-2",), sources=(src("ellis-2", INJURED_14),))))]
    timeline = [
        TimelineEntry("2019-06-01", "a smaller fire at the dock injured two workers", ("ellis-old",)),
        TimelineEntry("2024-03-12", "fire destroys a grain warehouse", ("ellis-1", "ellis-3")),
        TimelineEntry("2024-03-13", "blaze contained; harbour reopens", ("ellis-2",)),
    ]
    summary = [line("ellis-1", S1, ["ellis-3"]), line("ellis-2", S2), line("ellis-1", S3, ["ellis-2"])]
    return Briefing("Fire destroys warehouse at Port Ellis harbour", tuple(summary), tuple(records), tuple(facts),
                    tuple(conflicts), tuple(timeline))


OLD_STORY = "Port Ellis recalls 2019 dock fire"


def developing_briefing() -> Briefing:
    """The sample as a developing story: the injured rose from 12 (12 Mar) to 14 (13 Mar), an update and
    not a dispute; the 2019 fire is background; a week and a month on the timeline; the 2019 article is
    another story of the input, so the briefing opens with a notice."""
    b = sample_briefing()
    update = Conflict("people injured", "update", (
        ValueSide(value=12, qualifier="at least", articles=("ellis-1",), sources=(src("ellis-1", INJURED_12),),
                  as_of="2024-03-12"),
        ValueSide(value=14, articles=("ellis-2",), sources=(src("ellis-2", INJURED_14),), as_of="2024-03-13")))
    timeline = (
        replace(b.timeline[0], background=True),
        *b.timeline[1:],
        TimelineEntry("2024-W11", "the harbour reopened", ("ellis-2",),
                      (src("ellis-2", "the harbour reopened on Wednesday"),)),
        TimelineEntry("2024-03", "Harbour master Ines Calder said the blaze started in a storage unit",
                      ("ellis-1",), (src("ellis-1", S3),)),
    )
    stories = (Story(b.title, ("ellis-1", "ellis-2")), Story(OLD_STORY, ("ellis-old",)))
    return replace(b, conflicts=(update,), timeline=timeline, stories=stories)
