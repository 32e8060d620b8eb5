"""Who said what: reporting verbs, the verbs of blame and denial, and the words of speakers' roles and bodies."""

PAST_FORMS = {
    "says": "said", "say": "said", "tells": "told", "adds": "added", "writes": "wrote", "denies": "denied",
    "deny": "denied", "warns": "warned", "warn": "warned", "accuses": "accused", "accuse": "accused",
    "blames": "blamed", "blame": "blamed", "claims": "claimed", "insists": "insisted", "rejects": "rejected",
    "confirms": "confirmed", "announces": "announced", "vows": "vowed", "urges": "urged", "threatens": "threatened",
    "condemns": "condemned", "admits": "admitted", "argues": "argued", "stresses": "stressed", "saying": "said",
}
"""A reporting verb's present form -> its past form, so one verb is one claim kind."""

REPORTING_VERBS = (
    "said|says|say|told|tells|added|adds|stated|wrote|writes|tweeted|noted|explained|insisted|insists|"
    "maintained|argued|argues|announced|announces|confirmed|confirms|reported|declared|stressed|stresses|"
    "claimed|claims|alleged|acknowledged|admitted|admits|warned|warns|warn|vowed|vows|pledged|promised|urged|"
    "urges|threatened|threatens|condemned|condemns|denied|denies|deny|rejected|rejects|blamed|blames|blame|"
    "accused|accuses|accuse|estimated|suggested|asserted"
)
"""Verbs that attribute a statement to a speaker (a regex alternation)."""

LISTENER = (
    r"(?:me|us|him|her|them|you|police|[a-z]+s|(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*"
    r"|(?:the|a|an|his|her|their|its)\s+[a-z]+)"
)
"""Whom a speaker "told" (a regex): a pronoun, a plural noun ("reporters"), a name ("Reuters", "the Associated
Press") or a short noun phrase ("his wife"); what follows it is what was said ("told reporters he would
resign")."""
CLAUSE_SUBJECT = r"(?:he|she|they|it|we|I|you|there|the|a|an|his|her|their|its|this|these|those)"
"""The first word of a clause's subject (a regex): where what was told begins after the listener. Not a
capitalised word: it may go on the listener's name ("told The Associated| Press")."""

AGENCY_VERBS = frozenset("blamed accused denied rejected".split())
"""Reporting verbs that say who is to blame."""

DENIAL_VERBS = frozenset("denied rejected".split())
"""Reporting verbs of denial."""

SPEAKER_PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "any", "we": "any", "i": "writer"}
"""Pronouns that stand for a speaker, and what they can stand for: a person, a body, either, or the writer
("I", outside a quotation: nobody the article quotes)."""

NOT_IN_SPEAKER = frozenset("is are was were will would be been being could may might can should must to that which "
                            "who it there".split())
"""Words a speaker phrase never holds (verbs and clause words): their presence means it is not one."""

PREPOSITIONS = frozenset("in on at by for from with of during after before under over to into as".split())
"""Prepositions: a phrase starting with one is not a speaker."""

ROLE_WORDS = frozenset(
    "officials official spokesman spokeswoman spokesperson ministry minister military army government police "
    "authorities authority company firm union agency department office president governor mayor leader chief "
    "prosecutors prosecutor witnesses witness residents experts analysts observers group council court report "
    "sources source activists lawyer lawyers family investigators regulator service services monitor statement "
    "operator owner organisers organizers commission committee secretary coalition alliance kremlin "
    "spokesmen aides aide commander commanders diplomats diplomat ambassador embassy board".split())
"""Words naming a speaker by role (officials, the ministry, witnesses)."""

TITLE_WORDS = ROLE_WORDS | frozenset(
    "foreign defence defense interior prime deputy general secretary-general head senator sen rep gov "
    "master chancellor king queen prince director ceo chairman chairwoman top senior state-run state executive "
    "officer administrator attorney democrat republican".split())
"""Words of a title before a name ("Foreign Minister", "Harbour Master", "TSA Administrator", "Attorney"), a
party member's among them ("Democrat Dianne Feinstein"; "Tory" is not one: "Tory MP Karen Vecchio" ends its
title at "MP", and as a title word "Tory" became a speaker of its own)."""

BODY_WORDS = frozenset(
    "ministry military army government police authorities company firm union agency department office service "
    "services council court commission committee coalition alliance embassy board operator kremlin".split())
"""Words naming a body (not a person) that speaks."""

GENERIC_BODIES = frozenset("company firm operator group organisation organization".split())
"""Bodies that "the company" may refer back to."""

SPELLINGS = {"defense": "defence", "organization": "organisation"}
"""American spellings -> the spelling speakers are compared in."""

INFINITIVE_NOT_SAID = frozenset("claims claim claimed".split())
"""Reporting verbs that, before an infinitive, say what someone passes for, not what was said ("he claims to
be the heir", "the things Mia claims to see"); "vowed to", "promised to" say what a speaker means to do."""

INVERTED_VERBS = frozenset("said says added wrote".split())
"""Verbs that come before their speaker in news ("..., said X.")."""

SELF_CLAIM = (r"^(?:full\s+)?responsibility\b|^(?:it|they|we|he|she|its \w+|their \w+)\s+(?:had\s+|has\s+|have\s+)?"
              r"(?:carried out|was behind|were behind|(?:was|were|is|are) responsible|staged|planted|set off|"
              r"detonated|launched|mounted|organi[sz]ed)\b")
"""What a speaker says when it claims an attack for itself ("claimed responsibility", "said it carried out")."""

PRONOUNS = frozenset("it its this that these those they their he his she her we our i".split())
"""Words that open a sentence that cannot be read without the one before it ("It was one of ...")."""

INTENT_VERBS = frozenset("vowed warned threatened urged promised pledged".split())
"""Reporting verbs of what a speaker means to do or wants done, not of what happened."""

MODALS = ("would", "will", "could", "might", "may", "should", "must", "can")
"""Modal verbs: a claim that holds one says what may happen."""
