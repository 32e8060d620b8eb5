"""How English-language news marks where and when a report was filed, and by whom: datelines, and the document
numbers of newswire archives. Data only; :mod:`newsbrief.ingest.dating` reads it."""

DATELINE_DASHES = ("--", "—", "–", "-", "_")
"""What ends a dateline: "BRUSSELS, May 2 (Xinhua) --", "RIO DE JANEIRO, Brazil (AP) _", "PORT VAREN (Wire) -"."""

WIRE_CODES = {
    "AFP": "AFP", "APW": "AP", "NYT": "New York Times", "XIN": "Xinhua", "XIE": "Xinhua",
    "LTW": "Los Angeles Times/Washington Post", "WPB": "Washington Post/Bloomberg", "CNA": "Central News Agency",
}
"""The agency a newswire document number's prefix stands for (``APW19981016.0312`` is an AP Worldstream report
of 16 October 1998). A number whose prefix is not here still gives its date, not its outlet."""

RECORD_OUTLET_FIELDS = ("outlet", "publisher", "source_name", "site_name")
"""Fields of an article record that name who published it (and ``source`` when it is ``{"name": ...}``, as news
APIs give it; a plain ``source`` string is where a briefing read the article, not who wrote it)."""

RECORD_NUMBER_FIELDS = ("doc_id", "docno", "docid", "document_id")
"""Fields of an article record that hold its document number in a newswire archive."""

LAYOUT_CODE = r"&[A-Za-z][A-Za-z0-9]{0,7};|&#x?[0-9A-Fa-f]{1,6};"
"""Layout codes and entities left in newswire text (``&QL;``, ``&UR;``, ``&HT;``, ``&AMP;``): typesetting, not
words; unrelated stories of one agency's feed share them."""

WIRE_INITIALS = r"\([a-z]{2,4}(?:/[a-z]{2,4})*\)"
"""The initials of the wire staff who handled a report, after its last sentence: "(jt/krt)", "(dw)"."""
