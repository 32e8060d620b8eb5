"""Language data and the one way newsbrief splits and stems words; no algorithm lives here.

Like spaCy's ``spacy/lang/en``, each language is a folder of data
(:mod:`newsbrief.lang.en`: stop words, calendar words, reporting verbs, the
harm and role lexicons, qualifiers) that the algorithms are given; and
:mod:`newsbrief.lang.tokens` is the single tokenizer and stemmer used by
de-duplication, summaries, grouping and facts, so that two stages never
disagree about what a word is. This package imports nothing else from newsbrief.
"""
