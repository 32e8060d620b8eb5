"""Words that tell what kind of name a name is, and the lines of an article that name no one: datelines,
bylines and credit lines. Data only; :mod:`newsbrief.facts.read.entities` votes with it."""

import re

from newsbrief.lang.en.time_words import TIME_ZONES

ORGANISATION_WORDS = frozenset(
    "logistics ltd inc corp corporation company co group holdings agency ministry department council union "
    "university college school hospital party airlines airways airline association institute foundation "
    "committee commission authority service services news times post herald press network police army navy "
    "guard force forces administration board bureau center centre court office organization organisation "
    "federation league front movement church bank clinic observatory cross crescent patrol band team club firm "
    "startup label newspaper corps fund journal division".split())
"""Head words that make a name an organisation ("Varen Bulk Logistics", "Coast Guard", "Task Force")."""

PLACE_WORDS = frozenset(
    "port street road avenue river lake mount mountains bay district city county province island islands airport "
    "square bridge valley coast harbour harbor vineyard beach forest park strip bank gulf sea ocean peninsula "
    "region state heights hill hills canyon".split())
"""Head words that make a name a place ("Martha's Vineyard", "West Bank", "Gaza Strip")."""

BODY_MEMBERS = frozenset(
    "representatives commons lords deputies delegates ministers governors directors trustees bishops elders "
    "councillors councilors commissioners senators peers regents judges chiefs nations advisers advisors "
    "overseers supervisors aldermen burgesses notables experts scientists editors".split())
"""Plural nouns of people after "of" that make a name a body of them ("House of Representatives", "Council of
Ministers", "Board of Governors", "League of Nations"): an organisation, whatever its head word."""

NOUN_ENDINGS_NOT = ("ed", "ing", "ly")
"""Endings of a lower-case word after a name that make it a verb or an adverb ("Saints announced"), not the
noun the name modifies ("Saints player", "a Hotmail account")."""

AMBIGUOUS_HEADS = frozenset("bank state park center centre".split())
"""Head words of both kinds ("West Bank", "Bank of England"): they give half a vote."""

HONORIFICS = frozenset("mr mrs ms dr sir dame lord sen rep gov gen president".split())
"""Honorifics and titles, left out when names are compared."""

NAME_PARTICLES = frozenset("of the and for".split())
"""Small words that initials skip ("Bank of England" -> "BE")."""

PERSON_SUFFIXES = frozenset("Jr Jr. Sr Sr.".split())
"""Words that end only a person's name ("Arcade Comeaux Jr."): the name is a person's, whatever the model says."""
NAME_SUFFIXES = PERSON_SUFFIXES | frozenset("II III IV".split())
"""Words after a person's name that belong to it ("Kennedy Jr.", "John Paul II"; a numeral ends other names too:
"World War II")."""

NOT_ACRONYMS = frozenset(
    "AM PM TV OK II III IV VI VII VIII IX XI XII ID US UK AP AFP UPI CEO CFO GDP DNA".split()) | TIME_ZONES
"""Words in capitals that are not the name of an organisation (news agencies' credits, time zones)."""

COMMON_NOUNS = frozenset(
    "Internet Web CD CDs DVD DVDs SUV SUVs PC PCs ATM GPS MP3 MP3s".split())
"""Common nouns written with capitals ("on the Internet", "a CD", "an SUV"): never a name, whatever the model
says."""

CORPORATE_SUFFIXES = frozenset("inc corp co ltd llc plc".split())
"""Last words of a company's legal name: "Napster Inc." and "Napster" are one organisation."""

PLACE_INSTITUTIONS = frozenset("police army navy military government authorities officials".split())
"""Words after a place that name its institution, not the place's kind ("New Orleans police")."""

STATE_ABBREVIATIONS = frozenset(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn. Miss. "
    "Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. "
    "W.Va. Wis. Wyo.".split())
"""States abbreviated after a city, wire style ("San Mateo, Calif."): the city is the place the story names;
the abbreviation alone is not listed."""


COMMON_CAPITALISED = frozenset(
    "The This That These Those There Their They Then When While After Before But And For From With Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December President Minister Secretary General Senator Governor".split())
"""Capitalised words inside a sentence that are not names."""

PERSON_CUES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen. president judge sir dame lord pope "
    "minister secretary senator governor mayor spokesman spokeswoman chairman captain pilot".split())
"""Words right before a name that make it a person ("Mr. Kennedy", "Judge Ito"), and that make a name that
opens with them one ("Judge Lance Ito", which the model may take for an organisation)."""

NATIONALITY = re.compile(r"(?:(?P<adjective>an|ish|ese)|i|ic)$")
"""The ending of a nationality word ("American", "Uruguayan", "Turkish", "Chinese", "Israeli", "Arabic"; the
singular of "Palestinians"): what tells a nation's adjective from its country ("Turkey"/"Turkish"). A country
that ends so ("Iran", "Sudan") is told apart by the model's naming it a place. Only the ``adjective`` endings
make a word before a noun a nationality whatever the model says: "-i" and "-ic" end brands as well ("Ferrari
driver", "Atlantic editor")."""

AGREEMENT_WORDS = frozenset("accord accords agreement agreements treaty treaties pact protocol".split())
"""Head words of the names of agreements ("Oslo Accords", "Good Friday Agreement", "Treaty of Rome"), which
the model often takes for organisations: an agreement is neither an organisation nor a place."""

VESSEL_PREFIXES = frozenset("MV M/V M/S MT M/T SS RMS USS USNS USCGC HMS HMAS HMCS HMNZS INS PNS RFA".split())
"""Prefixes that make the name after them a ship's ("MV Gibe", "INS Mysore", "USS Cole"), which the model
takes for a person: written in capitals, as ships' names are (not "MS", "JS", "FS": initials of people)."""

EVENT_HEADS = frozenset("war revolution uprising massacre".split())
"""Last words of a name that make it an event ("the Gulf War", "the Orange Revolution"), whatever the model says;
not "wars" nor "olympics", which end titles and bodies as often ("Star Wars", "Special Olympics")."""

PLACE_CUES = frozenset("in near from across outside throughout".split())
"""Prepositions right before a name that make it a place ("in Honduras", "near Fort Dodge")."""

EVENT_CUES = frozenset("hurricane typhoon cyclone storm tornado".split())
"""Words right before a name that make it a named event: a storm ("Hurricane Mitch"), not a person."""

DATELINE = re.compile(
    r"^\s*(?:By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*\n\s*)?"
    r"[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z][A-Z.'’-]+){0,3}"
    r"(?:\s*,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?(?:\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–|_|-|:)\s*")
"""The dateline that opens a wire story ("NEW YORK (AP) _", "BRUSSELS, May 2 (Xinhua) --", "GONESSE, France
(AP) —"): a place where the story was filed, not one it is about."""

HEADLINED_DATELINE = re.compile(
    r"(?<=\s)[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:\s*,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"\s*\([^()\n]{1,40}\)\s*(?:--|—|–|_|-)\s*")
"""A dateline after a headline the sentence splitter glued to it ("ETA announces cease-fire MADRID, Spain
(AP) _ The ..."): with its agency in parentheses, so that an acronym in a sentence is never taken for one."""

CREDITS = re.compile(
    r"\((?:[A-Z][\w.]*\s+)?Photo[^()\n]{0,80}\)|\b(?:Image|Photo)\s+(?:copyright|credit|caption)\b[^.\n]{0,80}"
    r"|\b(?:Media|Video) playback is (?:unsupported|not supported) on your device\b"
    r"|\b(?:Photograph|Photo):\s*[^.\n]{0,60}|\(\s*(?:AP|AFP|Reuters|Xinhua|UPI|Associated Press)\s*\)"
    r"|^\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$", re.M)
"""Credit lines, captions, a player's notice ("Media playback is unsupported on your device") and bylines: the
names in them are the press's, not the story's."""

POSSESSIVE = re.compile(r"['\u2019]s?$")
"""A possessive ending, typed or typographic: "April Fools’ Day", "April Fools' Day" and "Johnson's" name what
"April Fools" and "Johnson" do (a report on April Fools' Day pranks fell out of its story for the quote mark)."""
