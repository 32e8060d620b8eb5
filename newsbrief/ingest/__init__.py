"""Stage 1, ingest: turn paths, stdin or in-memory records into :class:`~newsbrief.model.Article`.

Every input either becomes an Article or a :class:`Problem` naming the file (and
line) and what is wrong with it; one bad input never stops the others.
"""

from newsbrief.ingest.jsonparse import JSONError, parse_json
from newsbrief.ingest.load import Input, in_input_order, iter_load, load, unique_ids
from newsbrief.ingest.problems import Problem
from newsbrief.ingest.readers import article_from_record, read_inputs
from newsbrief.ingest.streams import open_lines
from newsbrief.ingest.times import days, parse_time, timestamp, wall_clock

__all__ = ["Input", "JSONError", "Problem", "article_from_record", "days", "in_input_order", "iter_load", "load",
           "open_lines", "parse_json", "parse_time", "read_inputs", "timestamp", "unique_ids", "wall_clock"]
