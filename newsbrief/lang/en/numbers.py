"""English number words and the qualifiers news puts before a number ("at least 33", "nearly one million").

Cardinal words themselves ("thirty-three", "two hundred and five") are read by text2num; these are the
words around them that it does not read."""

NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
"""Zero to nineteen, in order (each word's index is its value)."""

TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
"""Twenty to ninety, in order."""

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Words that multiply the number before them."""

SCALE_ABBREVIATIONS = {"m": 10**6, "bn": 10**9, "k": 10**3}
"""Abbreviated scales glued to digits ("$1.8m", "£2bn")."""

MULTIPLES = {"half a dozen": 6, "a dozen": 12, "dozen": 12, "a score": 20, "a couple of": 2, "a pair of": 2,
             "a hundred": 100, "a thousand": 1000, "a million": 10**6, "a billion": 10**9, "an": 1, "a": 1}
"""Phrases that stand for a number, or multiply one ("two dozen"), that text2num does not read."""

INCREMENTS = frozenset("more another additional further".split())
"""Words after a number that make it an addition to a count told before ("two more soldiers")."""

QUALIFIERS = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "over", "over": "over", "upwards of": "over", "in excess of": "over", "just over": "over",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about",
    "almost": "near", "nearly": "near", "close to": "near", "just under": "near", "nearly all": "near",
    "up to": "max", "as many as": "max", "at most": "max", "as much as": "max",
    "fewer than": "under", "less than": "under", "under": "under",
}
"""Qualifier phrase -> what it allows: min (at least), over, about, near (almost), max (up to), under."""

RANGE_WORDS = ("to", "and", "or", "-", "–")
"""Words between the two ends of a range ("200 to 300", "between 200 and 300", "200-300")."""
