"""Stage 1, ingest: turn paths, stdin or in-memory records into :class:`~newsbrief.model.Article`.

Every input either becomes an Article or a :class:`Problem` naming the file (and
line) and what is wrong with it; one bad input never stops the others.
"""

from newsbrief.ingest.problems import Problem
from newsbrief.ingest.readers import article_from_record, read_inputs

__all__ = ["Problem", "article_from_record", "read_inputs"]
