"""Function words the readers of counts rely on to find where a noun phrase or a verb group starts and ends."""

VERB_GROUP_WORDS = frozenset("were was are is have has had been being be reportedly also all now later who that which "
                  "already allegedly believed thought feared to more confirmed say said".split())
"""Words that may stand between what is counted and what happened to it ("were reportedly killed")."""

QUANTITY_FILLERS = frozenset("more other additional another further new".split())
"""Words between a number and its noun that add nothing to what is counted ("two more soldiers")."""

DETERMINERS = frozenset("the a an this that these those".split())
"""Determiners, shown in lower case when they open a phrase quoted inside a line ("in the attacks")."""

ARTICLES = frozenset("the a an".split())
"""Articles: a word in -ed right after one is an adjective ("the damaged hull"), never a verb."""

DEFINITES = frozenset("the this that these those".split())
"""Determiners that point into the article ("the attack"): out of it, an incident is shown without them."""

POSSESSIVES = frozenset("its their our his her".split())
"""Possessive determiners ("33 of its troops": whose troops is named before)."""

SUBSET_PRONOUNS = frozenset("them those these whom which us".split())
"""Pronouns after "of" that make a number a part of something counted before ("two of them")."""

NOUN_PHRASE_BREAKS = frozenset(
    "a an the and or but of to in on at by for from with as after before since during when while who which that "
    "were was are is have has had be been being will would could should may might can than then there their its "
    "our his her them they it this these those across into over under per each all both about around near "
    "some what where whose if so not no within without through throughout against among amid between beyond "
    "toward towards upon via despite inside outside behind along including like "
    # common irregular verbs, which end a noun phrase but not in -ed
    "said says told took made went came got gave found left held kept ran saw brought began became spent sent "
    "won lost met put set stood heard paid built broke caught fell led rose spread shot tore swept burnt fought "
    "remain remained remains already still just even only never ever once".split())
"""Words that end a noun phrase after a number."""

# -- dependency labels (spaCy's English scheme, ClearNLP) the reader of counts walks

NUMBER_DEPS = frozenset("nummod quantmod".split())
"""A number that modifies the noun it counts ("33 soldiers")."""

PATIENT_DEPS = frozenset("dobj nsubjpass obj oprd".split())
"""What a verb is done to: its object, or the subject of its passive ("were killed")."""

SUBJECT_DEPS = frozenset("nsubj csubj expl".split())
"""The subject of an active verb: what it is done to only when the verb takes no object ("21 people died")."""

ANY_SUBJECT_DEPS = SUBJECT_DEPS | {"nsubjpass"}
"""The subject of a verb, active or passive ("21 people died", "33 soldiers were killed")."""

NOUN_SUBJECT_DEPS = frozenset("nsubj nsubjpass".split())
"""A subject that is a noun phrase, active or passive: not a clause (csubj) nor an empty "there" (expl)."""

MODIFIER_DEPS = frozenset("amod compound nmod npadvmod".split())
"""Words that narrow what is counted ("Turkish soldiers", "Western journalists")."""

COMPLEMENT_DEPS = frozenset("acomp oprd xcomp ccomp advcl acl relcl conj".split())
"""Where the verb of what happened sits when the governing verb is a light one ("were reported killed",
"left 231 people dead", "forced 2,000 people to flee")."""

TRANSPARENT_NOUNS = frozenset("total number tally sum".split())
"""Nouns a count looks through: in "a total of 125 people had died" the 125 people died."""

SCOPE_PREPOSITIONS = frozenset("in at across near on outside inside around throughout from".split())
"""Prepositions whose proper noun says where a count happened ("15 killed in Idlib", "125 died across Syria")."""

TIME_PREPOSITIONS = frozenset("after before since until till following during amid".split())
"""Prepositions that place a verb in time by incidents ("the closure imposed after two bombings"): the
incidents are not what the verb did."""

ORIGIN_VERBS = frozenset("be is are was were been being am come comes came coming hail hails hailed".split())
"""Verbs after which "from" says where those counted come from, not where anything befell them ("12 are from
Somalia and 11 from Yemen")."""

PART_PREPOSITIONS = frozenset("including among".split())
"""Prepositions that make a count part of the one before it ("144 killed, including 64 at a checkpoint")."""

POS_OF_TAG = (("VB", "VERB"), ("MD", "VERB"), ("NNP", "PROPN"), ("NN", "NOUN"), ("JJ", "ADJ"), ("CD", "NUM"),
              ("RB", "ADV"), ("IN", "ADP"), ("PRP", "PRON"), ("DT", "DET"))
"""Penn Treebank tag prefixes -> the coarse part of speech (verbs and auxiliaries alike), first match wins."""

PERIOD_STARTS = frozenset("since from until till through".split())
"""Prepositions whose year starts or ends a period ("since 1968"): not the year of an incident."""

STAND_INS = frozenset("others more".split())
"""Words that stand for the noun of an earlier count ("killed one person and injured 100 others")."""
