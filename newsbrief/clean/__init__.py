"""Stage 2, clean: find the article body in extracted text and record everything taken out.

Cleaning never edits ``Article.text``. It decides which lines are kept as
paragraphs and records every removed span with its reason in
``Article.removed``; sentence splitting then works inside the kept paragraphs.
"""

from newsbrief.clean.lines import clean_article, clean_cluster, cleaned_text, repeated_lines

__all__ = ["clean_article", "clean_cluster", "cleaned_text", "repeated_lines"]
