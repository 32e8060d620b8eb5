"""What news counts and what happened to it: outcome verbs by category, kinds of counted things, durations."""

OUTCOMES = {
    "killed": "killed|kills?|killing|dead|died|dies?|dying|deaths?|martyred|slain|perished|lost their lives|fatalities",
    "injured": "injured|injur(?:es?|ing|ies)|wounded|wounding|wounds|hurt",
    "displaced": ("displaced|displacing|forced to flee|fled|fleeing|flee|uprooted|made homeless|left homeless"
                  "|forced from their homes|driven from their homes"),
    "evacuated": "evacuated|evacuating|evacuate|told to leave|ordered to leave|asked to leave",
    "missing": "missing|unaccounted for",
    "arrested": "arrested|arresting|detained|detaining",
    "rescued": "rescued|rescuing",
    "hit": "hit|hitting|struck|striking|targeted|targeting",
}
"""What happened to what is counted: a category -> the ways news says it (a regex alternation), so that
"died", "martyred" and "dead" are all *killed*."""

COUNTED_CLASSES = {
    "people": "people persons person civilians civilian residents resident individuals inhabitants".split(),
    "soldier": "soldiers soldier troops troop servicemen serviceman personnel forces".split(),
}
"""Kinds of counted things and the nouns that name each (sources that word it differently are compared)."""

DURATIONS = frozenset("second minute hour day week month year decade century time".split())
"""Units of time: a number before them is a duration, not a count."""

OUTCOME_NOUNS = {"deaths": "killed", "dead": "killed", "fatalities": "killed", "injuries": "injured"}
"""Nouns that say what happened by themselves ("33 deaths" counts people killed)."""

CURRENCY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros"}
"""Currency symbols and what an amount after them counts."""

EVENT_NOUNS = (r"air ?strikes?|strikes?|attacks?|bombings?|blasts?|explosions?|fires?|blaze|crash|shooting|collapse|"
               r"leak|spill|deaths|killings?|raids?|shelling|incident|accident|outage|derailment|flood(?:ing)?")
"""Nouns that name an incident ("the strikes", "the fire"): what a claim about blame is about (a regex)."""
