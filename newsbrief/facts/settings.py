"""Every threshold of the facts stage in one place, with why it has the value it has (one object, passed
to each step that needs it, as trafilatura passes its options)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """How facts are read and checked."""

    # -- reading names (spaCy NER is the expensive part, so it reads only where names are introduced)
    crop_words: int = 30
    """A run-on "sentence" (a table, a list without full stops) is read only up to this many words."""
    new_names: int = 2
    """A second sentence's new names are read when it has this many capitalised words no first sentence named."""
    more_names: int = 3
    """At most this many more windows per cluster, around the names most articles share."""
    window: int = 5
    """Words either side of a name that NER reads (it looks no further)."""
    batch: int = 256
    """Texts per spaCy batch."""

    # -- articles about another incident
    min_articles: int = 3
    """With fewer usable articles there is no majority to tell the main incident by: nothing is set aside."""
    lead_positions: int = 4
    """Title and first three sentences: where an article says when its story happened."""
    far: float = 2.0
    """Counts of the same thing this many times apart (or more) cannot be one report's rounding."""
    apart: float = 100.0
    """Counts further apart than this count different things (a war's toll and a day's): no evidence."""

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

    # -- the timeline
    per_date: int = 3
    """Entries kept for one date, most-sourced first: a briefing, not an index."""
    entry_words: int = 40
    """A timeline entry is cut to this many words."""
    lead_in_days: int = 7
    """The story begins this many days before its first article (what it reports first happened days
    before); what is dated earlier is background."""


DEFAULT = Settings()
