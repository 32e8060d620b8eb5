"""Every threshold of the facts stage in one place, with why it has the value it has (one object, passed
to each step that needs it, as trafilatura passes its options)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """How facts are read and checked."""

    # -- reading names (spaCy NER is the expensive part, so it reads only where names are introduced)
    crop_words: int = 24
    """A run-on "sentence" (a table, a list without full stops) is read only up to this many words."""
    new_names: int = 2
    """A second sentence's new names are read when it has this many capitalised words no first sentence named."""
    more_names: int = 3
    """At most this many more windows per cluster, around the names most articles share."""
    name_share: float = 0.5
    """A capitalised name this share of the articles use (and two) is a name even when NER missed it."""
    window: int = 5
    """Words either side of a name that NER reads (it looks no further)."""
    batch: int = 256
    """Texts per spaCy batch."""

    # -- reading counts (spaCy's parser runs only on the sentences that may state one)
    cue_reach: int = 20
    """A sentence is parsed when a word of a toll or harm lies this many words or fewer from a number..."""
    impact_reach: int = 4
    """... or another word of what happened (canceled, destroyed), or a unit, this many words or fewer."""
    parse_before: int = 60
    """Characters before a sentence's first number that the parser reads (the subject and verb before it)."""
    parse_after: int = 110
    """Characters after its last number that the parser reads (the noun and the passive after it)."""

    # -- articles about another incident
    min_articles: int = 3
    """With fewer usable articles there is no majority to tell the main incident by: nothing is set aside."""
    lead_positions: int = 4
    """Title and first three sentences: where an article says when its story happened."""
    distinct: float = 10.0
    """A figure this large or larger, given by two readings, is one count even where they name it at two
    scales ("33 killed in Idlib", "33 in Syria"); smaller figures ("two killed" in Iowa and in Nebraska)
    coincide too often for that."""
    far: float = 2.0
    """Counts of the same thing this many times apart (or more) cannot be one report's rounding."""
    close: float = 1.0
    """Counts of the same thing this close are readings of one count whatever their ratio: one source's one
    dead and another's two is a disagreement, not two counts."""
    apart: float = 100.0
    """Counts further apart than this count different things (a war's toll and a day's): no evidence."""

    key_keywords: int = 2
    """A figure one source gives is a key fact only if its sentence, with the one before it, uses this many of
    the words most articles use: one that uses fewer is about something else the story mentions in passing
    (a press digest's road crash in a spy story uses one alone; the sentences of the single-source key facts
    kept on the five read-through clusters and the seeds use 2 to 12 alone)."""

    story_days: int = 3
    """A story whose articles span more than this many days has several days' incidents: each key fact says
    the day it was first reported."""
    update_days: int = 31
    """Reports of one figure first given further apart than this are of different incidents (a toll settles
    within weeks): never compared."""

    # -- claims and who is responsible
    claim_similar: float = 0.5
    """Word-set Jaccard above which two claims of one speaker say the same."""
    account_claims: int = 3
    """A party's account in a dispute: at most this many of its claims."""
    account_words: int = 30
    """Each claim of an account is cut to this many words."""
    claim_sources: float = 2.0
    """Weight of each article that carries a claim, in how central it is."""
    claim_keywords: float = 3.0
    """Weight of the share of a claim's words that most articles use (a claim about the main incident)."""
    claim_named: float = 1.0
    """Weight of a named speaker (a person, a body, a country) over an unnamed source."""
    claim_agency: float = 0.0
    """Weight of a claim about who is responsible (disputes show those already)."""
    claim_intent: float = 1.0
    """Weight against a claim of intent or possibility ("vowed to respond", "would retaliate")."""
    claim_context: float = 2.0
    """Weight against a claim that opens with a pronoun or a connective ("It was one of close to 100
    accidents", "But there's no need"): it needs the sentence before it to be understood."""
    claim_figure: float = 1.0
    """Weight of a claim that gives a figure ("said it retaliated by hitting more than 200 targets")."""
    keyword_share: float = 0.5
    """A word is a keyword of the cluster when at least this share of its articles (and two) use it."""

    # -- the timeline
    per_date: int = 3
    """Entries kept for one date, most-sourced first: a briefing, not an index."""
    entry_words: int = 40
    """A timeline entry is cut to this many words."""
    lead_in_days: int = 7
    """The story begins this many days before its first article (what it reports first happened days
    before); what is dated earlier is background."""


DEFAULT = Settings()
