"""Units of measure: a number before one measures something (a distance, a speed, a duration, an age, an
amount of money); it is not a count of people or things."""

import re

UNITS = {
    "duration": "second seconds minute minutes hour hours hr hrs day days week weeks month months year years decade "
                "decades century centuries night nights weekend weekends time times winter winters summer summers "
                "spring autumn season seasons",
    "distance": "mile miles kilometer kilometers kilometre kilometres km kms meter meters metre metres foot "
                "feet ft yard yards inch inches cm centimeters centimetres millimeters mm nautical",
    "speed": "mph kph km/h knot knots",
    "weight": "pound pounds lb lbs ton tons tonne tonnes kilogram kilograms kg kilo kilos gram grams ounce ounces",
    "area": "acre acres hectare hectares sq square",
    "volume": "gallon gallons liter liters litre litres barrel barrels",
    "temperature": "degree degrees",
    "share": "percent per cent percentage % points",
    "money": "dollar dollars euro euros yen yuan rupees rupee pesos peso francs franc marks shekels",
    "age": "year-old years-old",
}
"""Unit words by what they measure (one string per kind, words split by spaces)."""

UNIT_KIND = {word: kind for kind, words in UNITS.items() for word in words.split()}
"""A unit word -> what it measures."""

DISTANCE_ADVERBS = frozenset("away apart".split())
"""Words after a counted noun that make it a distance ("five buildings away", "two doors apart"): a number of
buildings or blocks between here and there, not of things anything befell."""

SPACING_NOUNS = frozenset("block blocks door doors house houses building buildings street streets".split())
"""Nouns that measure how far when "from" follows them ("three blocks from the station", "two doors from the
bar"), however the parser attaches them; before anything else they are counted ("three houses burned")."""

CURRENCY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
"""Currency symbols and what an amount after them counts."""

CURRENCY_PREFIXES = ("US", "A", "C", "HK", "NZ", "S")
"""Letters glued before a dollar sign that name whose dollars ("US$", "HK$")."""

CURRENCY_CODES = {"dlrs": "$", "dlr": "$", "usd": "US$", "eur": "€", "gbp": "£", "jpy": "¥"}
"""Currency words and codes written before an amount, as wire copy does ("dlrs 1 million", "USD 300"),
and the symbol the amount is shown with."""

MONEY_NEEDS = re.compile(r"reward|award|damage|cost|expense|aid|relief|ransom|fine|penalt|compensation|settlement|"
                         r"bail|loss|fund|donation|budget|bill|payment|spending|insurance|bounty|bond")
"""What an amount of money is for when a briefing on an event needs it (a regex of stems, matched at the start
of the measured phrase's last word): a reward, the damage, the cost, aid; not a plane's list price."""

BARE_AMOUNTS = frozenset("cost costs expense expenses spending bill bills payment payments sum sums total".split())
"""Words of an amount that say what it is only with what it is for ("costs totaling $287,402": of what?)."""

BANKNOTES = re.compile(r"bill|note|banknote")
BANKNOTE_VALUES = frozenset({1, 2, 5, 10, 20, 50, 100})
"""A banknote's name and values: "the $1 bill", "a $20 note" name a note, not an amount a briefing needs."""

MONEY_FORMS = frozenset("cash money bills notes banknotes coins checks cheques currency funds".split())
"""Nouns that say what form an amount of money took, not what it was for: "$500 in cash" says nothing a
briefing needs."""

SHOWN_MEASURES = frozenset("distance speed weight area volume temperature".split())
"""Measures shown as facts when they say what they measure ("13 inches of snow", "winds of 180 mph"); the
others (durations, ages, shares) are never a key figure on their own."""
