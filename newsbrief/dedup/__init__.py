"""Stage 4, de-duplicate: near-duplicate articles and near-duplicate sentences across articles."""

from newsbrief.dedup.near import Duplicate, duplicate_articles, near_duplicates, sentence_groups

__all__ = ["Duplicate", "duplicate_articles", "near_duplicates", "sentence_groups"]
