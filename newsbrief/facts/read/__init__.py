"""Reading: text -> located mentions (names, counts, dates, claims), each a Span of its article."""
