"""What news counts and what happened to it: outcome verbs by category, kinds of counted things, the verbs
that say nothing about what happened, and what a briefing on an event needs first."""

import re

OUTCOMES = {
    "killed": "killed|kills?|killing|dead|died|dies?|dying|deaths?|martyred|slain|perished|lost their lives|"
              "fatalities|drowned|executed|murdered|massacred",
    "injured": "injured|injur(?:es?|ing|ies)|wounded|wounding|wounds|hurt|hospitali[sz]ed",
    "missing": "missing|unaccounted for",
    "displaced": ("displaced|displacing|forced to flee|fled|fleeing|flee|uprooted|made homeless|left homeless"
                  "|forced from their homes|driven from their homes|homeless"),
    "evacuated": "evacuated|evacuating|evacuate|told to leave|ordered to leave|asked to leave",
    "arrested": "arrested|arresting|detained|detaining",
    "jailed": "jailed|jailing|imprisoned|imprisoning|in prison|in jail|behind bars",
    "charged": "charged|indicted",
    "rescued": "rescued|rescuing|saved|survived|survivors",
    "hit": "hit|hitting|struck|striking|targeted|targeting|c[ao]me under|comes under|coming under",
    "aboard": r"aboard|on board|onboard|(?:carrying|carried)(?! out\b)",
    "destroyed": "destroyed|damaged|burned|burnt|set on fire|set ablaze|torched|razed|flattened|collapsed",
}
"""What happened to what is counted: a category -> the ways news says it (a regex alternation), so that
"died", "martyred" and "dead" are all *killed*. "carried out" is doing, not carrying: "carried out 100 attacks"
counts no attacks aboard."""

CATEGORY_RANK = ("killed", "injured", "missing", "displaced", "evacuated", "rescued", "aboard", "destroyed", "arrested",
                 "jailed", "charged", "hit")
"""What a briefing on an event needs first: its toll, then the people it affected (a fact of another
category, or money, or the event's size, comes after these)."""

ONE_COUNTS = frozenset(CATEGORY_RANK) - {"charged"}
"""What "one" is a count of ("killed one", "one arrested"); not of what someone is charged with ("charged with
bombings, including one in the park")."""

HARMS = frozenset(CATEGORY_RANK) - {"aboard", "destroyed", "hit"}
"""What befalls people, never incidents: "battled two civil wars, and some 2 million died" counts no wars that
died."""


def is_harm(category: str | None) -> bool:
    """Whether what befell a count is a harm to people ("killed", "arrested"; "killed or injured" by its first
    outcome), not a loss of things ("destroyed"): one test for the reader, its grammar and the checker."""
    return (category or "").split(" or ")[0] in HARMS


COUNTED_CLASSES = {
    "people": "people persons person civilians civilian residents resident individuals inhabitants".split(),
    "soldier": "soldiers soldier troops troop servicemen serviceman personnel forces".split(),
    "fighter": ("fighters fighter rebels rebel militants militant insurgents insurgent terrorists terrorist "
                "gunmen gunman guerrillas guerrilla").split(),
    "staff": ["staff members", "staff member", "staffers", "staffer", "employees", "employee", "aides", "aide"],
    "attack": "attacks attack bombings bombing blasts blast explosions explosion".split(),
}
"""Kinds of counted things and the nouns (or a noun with the word before it, "staff members") that name each
(sources that word it differently are compared: the "terrorists" of one side's media are the "rebels" or
"gunmen" of others', one source's "former employees" of a politician are another's "former staff members"; one
source's "three bombings" someone is charged in are another's "three attacks" or "three blasts")."""

OUTCOME_NOUNS = {"deaths": "killed", "dead": "killed", "fatalities": "killed", "casualties": "killed or injured",
                 "injuries": "injured", "wounded": "injured", "injured": "injured", "missing": "missing",
                 "survivors": "rescued", "victims": "killed", "bodies": "killed", "corpses": "killed",
                 "lives": "killed", "killings": "killed", "slayings": "killed", "murders": "killed",
                 "homicides": "killed", "arrests": "arrested", "homeless": "displaced"}
"""Nouns that say what happened by themselves ("33 deaths" counts people killed)."""

ABOARD = frozenset("passengers passenger crew crewmembers".split())
"""Nouns that say by themselves where what is counted was: a count of passengers is of people aboard."""

BARE_NOUNS = frozenset("members member units staff employees personnel".split())
"""Nouns that say what is counted only with whose they are: "members of the security forces killed"."""

GENERAL_KINDS = frozenset({None, "people", "victim", "body", "corpse", "passenger", "crew"})
"""Kinds of thing counted that may name any of those an incident befell (the dead of a crash are its
"victims", its "bodies" and, some of them, its "passengers"): a count of them may be a part of another kind's."""

SHOWN_AS = {"victims": "people", "victim": "person"}
"""Nouns that say only that harm befell those counted, shown as who they are with what befell them: "three
victims" of a crash are "3 people killed"."""

OUTCOME_BEARERS = frozenset("survivors victims bodies corpses".split())
"""Outcome nouns that also name what is counted: "47 corpses" are corpses, not a bare toll, so they are
compared only with counts of the same kind."""

IMPACTS = re.compile(
    r"destroy|damag|burn|flood|collaps|cancel|delay|grounded|strand|closed|affect|deploy|dispatch|involv|"
    r"particip|search|found|recover|identif|detect|spott|seiz|confiscat|treated|infect|sicken|convict|sentenc|"
    r"fined|paid|pay|rais|donat|pledg|offer|spent|spend|cost|lost|sold|bought|purchas|adopt|laid off|trap|"
    r"lack|without|surviv|abduct|kidnap|hostage|releas|freed|captur|surrender|defect|evacu|die|kill|called off|"
    r"call off|scrap|suspend|halt|occur|happen|took place|picked up|heard|distribut|deliver|provid|gave|given|"
    r"with |fled|flee|handcuff|tied|bound|blindfold",
    re.I)
"""Stems of verbs that tell what happened to what is counted besides the outcome categories (shown as
written: "1,000 flights canceled", "60 homes set on fire", "12 aircraft searched"); a count whose verb is
none of these (came, urged, described) is not a key fact."""

COUNTED_IN = {"charged": "in the charges", "accused": "in the charges", "convicted": "in the conviction",
              "sentenced": "in the sentence", "jailed": "in the sentence"}
"""What is done to people, as it is shown after a count of the incidents it is done for: "charged with three
bombings" is "3 bombings in the charges", not "3 bombings charged" (the bombings were not charged)."""

TOLD_BY_VERB = frozenset("victims victim casualties".split())
"""Outcome nouns whose verb, where it names an outcome, says what befell them ("three victims were wounded":
injured; "the two victims wanted to pursue the charges": alive)."""

TOLL_NOUNS = frozenset("toll tally count".split())
"""Nouns whose figure is a count of the dead ("the death toll rose to 113")."""

TOLL_OF_THE_DEAD = frozenset("death deaths body bodies casualty casualties fatality fatalities victim victims".split())
"""Words before a toll noun that say it counts the dead ("a 12 death toll", "a body count of 40"): a number
that counts toll nouns without one counts something else ("one count of petit theft", "got up after a seven
count")."""

LIGHT_VERBS = frozenset(
    "be is was were are been being am have has had having say said says include includes included including "
    "total totaled totalled number numbered numbers reach reached reaches stand stood stands put puts rise rose "
    "risen rises climb climbed climbs jump jumped see saw seen show showed shown report reported reports "
    "estimate estimated estimates remain remained remains become became get got totaling totalling grow grew "
    "grown grows amount amounted amounts".split())
"""Verbs that say nothing about what happened to what is counted: the event is in their complement
("were reported killed", "left 231 people dead") or nowhere."""

IRREGULAR_PARTICIPLES = {
    "cost": "cost", "pay": "paid", "spend": "spent", "lose": "lost", "set": "set",
    "put": "put", "cut": "cut", "hit": "hit", "shut": "shut",
}
"""Verbs of amounts and of harm whose past participle is not the stem with "-ed" ("obesity costs $100 billion":
$100 billion cost, not "costed"); what happened is shown as a participle."""

ASKED = re.compile(r"ask|seek|sought|demand|request")
"""Verbs (matched at the start of the word) by which a party asks for an amount ("is seeking $10 million in
damages", "had asked for a bond of at least $800 million"): an amount asked for, not one paid or ordered."""

HYPOTHETICAL = frozenset(
    "could might may would should must can will shall expect expected expects forecast forecasts predicted "
    "predicts predict threaten threatened threatens risk risks plan plans planned hope hopes prevent prevented "
    "preventing stop stopped avoid avoided".split())
"""Modals and verbs that make what follows possible, expected, planned or prevented rather than done."""

NEGATIONS = frozenset("no not never n't none nobody without".split())
"""Words that deny what the clause says ("no one was killed")."""

EVENT_NOUNS = (r"air ?strikes?|strikes?|attacks?|bombings?|blasts?|explosions?|fires?|blaze|crash|shooting|collapse|"
               r"leak|spill|deaths|killings?|raids?|shelling|incident|accident|outage|derailment|flood(?:ing)?")
"""Nouns that name an incident ("the strikes", "the fire"): what a claim about blame is about (a regex)."""

TOTALS = re.compile(r"attacks|bombings|blasts|explosions|shootings|incidents|accidents|crashes|storms|floods|"
                    r"fires|quakes|earthquakes|clashes")
"""Plural incidents that, as the subject of a toll ("the attacks killed two"), make it the total of several
incidents (not "strikes" or "raids", which name one attack as readily)."""

INCIDENTS = re.compile(rf"(?:{EVENT_NOUNS}|bombs|crashes|shootings|incidents|accidents|assaults|ambushes|clashes|"
                       r"riots|outages|leaks|spills|fires|blazes|quakes|earthquakes|aftershocks|tornadoes|landslides)")
"""Plural nouns of incidents (a regex, matched whole): their number is the size of what happened ("charged
with six bombings", "three bombs went off"), whatever verb tells it."""

SCENES = re.compile(rf"(?:{INCIDENTS.pattern}|bomb|riots?|melee|ambush|clash|storms?|hurricane|typhoon|cyclone|"
                    r"quake|earthquake|tornado|landslides?|mudslides?|avalanche|collisions?|stampedes?|massacres?|"
                    r"siege|gunfights?|firefights?|hijacking|kidnapping|fighting|violence|unrest|uprising|offensive|"
                    r"war)")
"""Nouns of an incident (singular or plural, matched whole) that a count can belong to ("injured in the attack",
"two car bombings that injured 11", "the blast killed 3"): what tells one incident's count from another's."""

MASS_SCENES = frozenset("fighting violence unrest shelling flooding gunfire war".split())
"""Incidents named without an article ("killed in fighting", "hurt in violence")."""

SERIES_NOUNS = frozenset("series string spate wave chain succession rash".split())
"""Nouns that name incidents through an "of" phrase ("a series of extremist attacks killed 58 people": the
attacks killed them)."""

SCENE_PREPOSITIONS = frozenset("in during from by after".split())
"""Prepositions (and the passive's "by") whose incident a count belongs to ("killed in a car bomb", "hurt by
the blast", "injured during the riot")."""

EFFORTS = re.compile(
    r"search|hunt|comb|scour|patrol|attend|join|march|rall|gather|protest|demonstrat|particip|take part|"
    r"took part|taking part|fight|fought|battl|storm|set upon|attack|assault|riot|volunteer|respond|turn(?:ed)? out",
    re.I)
"""Stems of what people do that their number sizes ("200 agents searched the woods", "350 people attended the
service", "100 youths set upon the police"): the count of those who did it is a fact."""
