"""Words of time that the calendar module does not give: parts of the day and what they stand for."""
from newsbrief.lang.en.grammar import TIME_PREPOSITIONS


PARTS_OF_DAY = {"last night": "yesterday", "tonight": "today", "this morning": "today",
                "this afternoon": "today", "this evening": "today"}
"""A part of the day named alone stands for a day ("last night" is yesterday)."""

FUTURE_WORDS = ("will", "would", "shall", "'ll", "’ll", "is to", "are to", "is due to", "are due to", "is set to",
                "are set to", "is scheduled to", "are scheduled to", "is expected to", "are expected to",
                "plans to", "plan to", "planned to", "scheduled for", "set for", "due on", "going to")
"""Words that put what follows them in the future: "would begin work Monday" is the Monday to come."""

PAST_PERFECT = ("had", "'d been", "’d been")
"""Before a word of the future, these put it back in the past: "had been expected to arrive Monday"."""

TIME_ZONES = frozenset("GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST JST IST AEST AEDT".split())
"""Time zones written after a clock time ("at 21:58 BST"): neither a place nor an organisation."""

RUNNING_TOTALS = frozenset({"so far", "thus far", "to date", "so far this year", "this year so far", "since then"})
"""Phrases that make a count run up to now ("253 murders so far this year"): a running total, not one
incident's count. A bare "this year" dates a single incident as well ("a bus crash this year killed 30")."""

DATING_PREPOSITIONS = TIME_PREPOSITIONS | {"at", "in", "throughout"}
"""Prepositions that make "the 2008 crash" when something happened ("after the 2008 crash", "in the 2011
uprising"): the time prepositions and those of an occasion, unlike "on the 2016 deal" or "despite the
1981 ruling", which only name a thing."""

CLAUSE_VERBS = frozenset("""show shows showed shown find finds found believe believes believed know knows knew
think thinks thought learn learns learned learnt discover discovers discovered suspect suspects suspected
suggest suggests suggested indicate indicates indicated""".split())
"""Verbs whose object is a clause, not a noun phrase: in "records show the plant closed in 2018" the verb in
-ed is the clause's own, dated by its year (not a participle naming "the plant")."""
