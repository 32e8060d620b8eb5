"""English number words and the qualifiers news puts before a number ("at least 33", "nearly one million")."""

NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
"""Zero to nineteen, in order (each word's index is its value)."""

TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
"""Twenty to ninety, in order."""

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Words that multiply the number before them."""

QUALIFIERS = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "over", "over": "over", "upwards of": "over", "in excess of": "over", "just over": "over",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about",
    "almost": "near", "nearly": "near", "close to": "near", "just under": "near", "nearly all": "near",
    "up to": "max", "as many as": "max", "at most": "max",
    "fewer than": "under", "less than": "under", "under": "under",
}
"""Qualifier phrase -> what it allows: min (at least), over, about, near (almost), max (up to), under."""
