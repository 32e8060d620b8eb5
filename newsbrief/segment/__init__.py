"""Stage 3, segment: split kept paragraphs into sentences with offsets into the original text."""

from newsbrief.segment.sentences import segment_article, split_spans

__all__ = ["segment_article", "split_spans"]
