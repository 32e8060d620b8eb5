"""Words that tell what kind of name a name is: organisation and place designators, honorifics, non-acronyms."""

ORGANISATION_WORDS = frozenset(
    "logistics ltd inc corp corporation company co group holdings bank agency ministry department council union "
    "university college school hospital party airlines airways association institute foundation committee "
    "commission authority service services news times post herald press network police army navy".split())
"""Words that make a name an organisation whatever the small model said ("Varen Bulk Logistics")."""

PLACE_WORDS = frozenset(
    "port street road avenue river lake mount bay district city county province island airport square "
    "bridge valley coast harbour harbor".split())
"""Words that make a name a place whatever the small model said."""

HONORIFICS = frozenset("mr mrs ms dr sir dame lord sen rep gov gen president".split())
"""Honorifics and titles, left out when names are compared."""

NAME_PARTICLES = frozenset("of the and for".split())
"""Small words that initials skip ("Bank of England" -> "BE")."""

NOT_ACRONYMS = frozenset("AM PM TV OK II III IV VI VII VIII IX XI XII ID US UK AP AFP CEO CFO GDP DNA".split())
"""Words in capitals that are not the name of an organisation."""

COMMON_CAPITALISED = frozenset(
    "The This That These Those There Their They Then When While After Before But And For From With Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December President Minister Secretary General Senator Governor".split())
"""Capitalised words inside a sentence that are not names."""
