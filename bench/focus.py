"""Update and question-focused summaries on DUC 2007 dev: ROUGE beside their baselines, in one process.

    .venv/bin/python bench/focus.py                      # both tables, sumy LexRank included
    .venv/bin/python bench/focus.py --only questions --no-lexrank
    .venv/bin/python bench/focus.py --folds              # the focus settings' grid, cross-validated
    .venv/bin/python bench/focus.py --only updates --earlier 13   # one other split: 13 read, 12 new

Each cluster of ``../shared/data/duc2007_dev.jsonl`` (15 developing stories of 25 dated articles, four
250-word human summaries answering a topic statement, ``query``) is read as batch mode reads a line
(:func:`newsbrief.batch.cluster_articles`, :func:`~newsbrief.pipeline.prepare`,
:func:`~newsbrief.pipeline.seen_apart`) and scored with ``newsbrief evaluate``'s ROUGE
(:func:`newsbrief.evaluate.rouge.score`).

* **Questions** (250 words): newsbrief with the line's ``query`` against the same run without it, and
  sumy LexRank (which cannot take a question).
* **Updates** (100 words): each cluster's articles in time order are split as the DUC 2007 update pilot
  split its 25 (A: 10, B: 8, C: 7); B is summarized for a reader of A and C for a reader of A and B
  (``earlier``). Dev has no update references, so the summaries are scored against the cluster's
  references (does the update still tell the story?) and against a stand-in for update references: the
  sentences of each reference that the new part tells more than the earlier ones (more of their bigrams
  are in the new articles than in the earlier ones). What the update repeats: the share of its word
  bigrams (stemmed, not both stop words) that the earlier articles use, the share of its sentences
  :data:`TOLD` of whose bigrams they use, and the share of its sentences near-duplicates of an earlier
  sentence (:func:`newsbrief.dedup.sentence_groups`, the pipeline's own test). Baselines on the same
  parts: newsbrief ignoring ``earlier``, sumy LexRank on the new articles, the lead of the newest article.

``--then REV`` adds the rows of newsbrief as it was at the git revision ``REV`` (extracted with
``git archive`` and run as batch mode runs it: ``newsbrief summarize`` over the same lines, the new
articles only), and the held-out targets projected from it: issue 12's held-out starting figures
(:data:`HELD_OUT`) were measured on the code of its day (501ce59), so scaling them by today's dev
figures over that code's gives what today's code should score there.

``--folds`` fits :class:`~newsbrief.summarize.focus.FocusSettings` by two-fold cross-validation over the
clusters (halves by sorted id; each half's best setting on the summed R-1 + R-2 recall, reported on the
other half), since the targets are held out.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from devset import SHARED

from newsbrief.batch import EARLIER, cluster_articles, query_text
from newsbrief.dedup import sentence_groups
from newsbrief.evaluate.batchrun import read_clusters
from newsbrief.evaluate.peers import sumy_lines
from newsbrief.evaluate.rouge import score
from newsbrief.ingest import parse_time, timestamp
from newsbrief.lang.tokens import stemmed_stop, tokens
from newsbrief.model import Sentence, squash
from newsbrief.segment import split_spans
from newsbrief.pipeline import Prepared, prepare, seen_apart
from newsbrief.summarize import get_summarizer
from newsbrief.summarize.concepts import ConceptCoverage, CoverageSettings
from newsbrief.summarize.focus import FocusSettings

DUC = SHARED / "data" / "duc2007_dev.jsonl"
PARTS = (10, 8, 7)
"""Articles in parts A, B and C of a 25-article story, as the DUC 2007 update pilot split them."""

Lines = list[str]

HELD_OUT = {"questions": (39.59, 8.61), "updates": (36.81, 9.99)}
"""Issue 12's held-out starting figures (R-1, R-2 recall): newsbrief without the question, and ignoring
``earlier``, as the code was when the issue was filed."""
TARGETS = {"questions": (41.0, 9.5), "updates": (38.0, 11.5)}


def by_time(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's articles, earliest first (input order breaks ties, unknown times last)."""
    def key(article: dict[str, Any]) -> tuple[bool, float]:
        when = timestamp(parse_time(article.get("time")))
        return when != when, when if when == when else 0.0  # NaN: unknown

    return sorted(record["articles"], key=key)


def parts(record: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The record's articles in time order, split into A, B and C in the proportions of :data:`PARTS`."""
    articles = by_time(record)
    bounds = [round(len(articles) * sum(PARTS[:i]) / sum(PARTS)) for i in range(len(PARTS) + 1)]
    return [articles[bounds[i]:bounds[i + 1]] for i in range(len(PARTS))]


def prepared(record: dict[str, Any], earlier: bool = True, query: bool = True) -> Prepared:
    """The record prepared as :func:`newsbrief.batch.summarize_cluster` prepares it, with or without its
    ``earlier`` articles and ``query``."""
    articles = cluster_articles(record)
    before = cluster_articles(record, "earlier", EARLIER) if earlier else []
    return seen_apart(prepare([*before, *articles]), [a.id for a in before] if earlier else None,
                      query_text(record) if query else None)


def summary(prep: Prepared, max_words: int, settings: FocusSettings | None = None) -> Lines:
    """The summary lines of ``prep`` by the default summarizer (with ``settings`` for its focus)."""
    summarizer = ConceptCoverage(replace(CoverageSettings(), focus=settings)) if settings else get_summarizer()
    return [s.text for s in summarizer.summarize(prep.cluster, max_words, prep.focus)]


def lead_of_newest(record: dict[str, Any], max_words: int) -> Lines:
    """The first sentences of the newest article (the Lead baseline through the pipeline)."""
    newest = {**record, "articles": by_time(record)[-1:]}
    return [s.text for s in get_summarizer("lead").summarize(prepare(cluster_articles(newest)).cluster, max_words)]


def lexrank(record: dict[str, Any], max_words: int) -> Lines:
    """sumy LexRank on the record's own articles (never its ``earlier`` ones)."""
    return sumy_lines("lexrank", record, max_words)


def rouge(lines: Sequence[Lines], records: Sequence[dict[str, Any]], max_words: int) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 recall (x100) of ``lines`` against each record's references."""
    found = score(lines, [r["summaries"] for r in records], max_words)
    return found["rouge1_r"], found["rouge2_r"]


def bigrams(text: str) -> set[tuple[str, str]]:
    """Stemmed word bigrams of ``text`` that are not both stop words."""
    stop = stemmed_stop()
    words = tokens(text)
    return {(a, b) for a, b in zip(words, words[1:]) if not (a in stop and b in stop)}


TOLD = 0.8
"""A summary sentence at least this share of whose bigrams the earlier articles use was told before."""


@dataclass(frozen=True)
class Repeats:
    """How much of an update summary its reader had read: the share of its bigrams the earlier articles
    use, of its sentences told before (:data:`TOLD`), and of those near-duplicates of an earlier one."""

    bigrams: float
    told: float
    copied: float


def repeats(lines: Lines, earlier: Sequence[dict[str, Any]], max_words: int) -> Repeats:
    """What ``lines`` (cut to ``max_words`` as ROUGE cuts them) repeat of the ``earlier`` articles."""
    read = [s for a in prepare(cluster_articles({"articles": earlier})).cluster.articles for s in a.sentences]
    said = set().union(*(bigrams(s.text) for s in read))
    cut, left = [], max_words
    for line in lines:
        words = line.split()[:left]
        if words:
            cut.append(" ".join(words))
            left -= len(words)
    each = [bigrams(text) for text in cut]
    own = set().union(*each)
    told = sum(len(b & said) >= TOLD * len(b) for b in each if b)
    mine = [Sentence("summary", 0, 0, text, i) for i, text in enumerate(cut)]
    copied = {s.index for group in sentence_groups([*read, *mine])
              if any(s.article != "summary" for s in group) for s in group if s.article == "summary"}
    n = max(len(cut), 1)
    return Repeats(len(own & said) / max(len(own), 1), told / n, len(copied) / n)


def said_in(articles: Sequence[dict[str, Any]]) -> set[tuple[str, str]]:
    """The bigrams (:func:`bigrams`) of the articles' sentences as the pipeline reads them."""
    read = prepare(cluster_articles({"articles": articles})).cluster.articles
    return set().union(*(bigrams(s.text) for a in read for s in a.sentences))


def new_to_reader(reference: str, earlier: set[tuple[str, str]], new: set[tuple[str, str]]) -> str:
    """The sentences of ``reference`` that tell what the new articles carry more than the earlier ones (a
    larger share of their bigrams is in ``new`` than in ``earlier``): a stand-in for an update reference."""
    out = []
    for start, end in split_spans(reference):
        own = bigrams(reference[start:end])
        if own and len(own & new) > len(own & earlier):
            out.append(squash(reference[start:end]))
    return " ".join(out)


def pilot_split(record: dict[str, Any]) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """The update pilot's (new, earlier) pairs of a record: B for a reader of A, C for a reader of A and B."""
    a, b, c = parts(record)
    return [(b, a), (c, [*a, *b])]


Split = Callable[[dict[str, Any]], list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]]
"""A record's articles as (new, earlier) pairs."""


def read_first(count: int) -> Split:
    """The split of a reader of a record's first ``count`` articles in time: the rest are new."""
    def split(record: dict[str, Any]) -> list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        ordered = by_time(record)
        return [(ordered[count:], ordered[:count])]

    return split


def update_lines(records: Sequence[dict[str, Any]], split: Split = pilot_split
                 ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """For each cluster, its ``split`` (the pilot's parts B and C) as batch lines (their ``earlier``
    articles, its ``query`` and references, and ``news``: the references cut to what is new to the
    reader), each with the earlier articles."""
    out = []
    for record in records:
        for new, before in split(record):
            told, telling = said_in(before), said_in(new)
            news = [n for n in (new_to_reader(r, told, telling) for r in record["summaries"]) if n]
            line = {"id": record["id"], "articles": new, "earlier": before, "query": record["query"],
                    "summaries": record["summaries"], "news": news}
            out.append((line, before))
    return out


def tree_at(revision: str, into: Path) -> Path:
    """The repository's files at git ``revision``, extracted under ``into``."""
    repo = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(repo), "archive", revision], check=True, capture_output=True).stdout
    target = into / revision
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def summaries_then(tree: Path, lines: Sequence[dict[str, Any]], max_words: int) -> list[Lines]:
    """``newsbrief summarize`` of the code in ``tree`` on ``lines`` (their ``articles`` only: that code knew no
    ``earlier`` or ``query``), in a process of its own."""
    source, out = tree / "in.jsonl", tree / "out.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "articles": l["articles"]}) + "\n"
                              for i, l in enumerate(lines)), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "newsbrief.cli", "summarize", str(source), "-o", str(out),
                    "--max-words", str(max_words)], cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                   check=True)
    return [[s["text"] for s in json.loads(line).get("sentences", [])] for line in out.open(encoding="utf-8")]


def projected(task: str, now: Sequence[float], then: Sequence[float]) -> str:
    """The held-out starting figures of ``task`` scaled by ``now`` over ``then`` (R-1, R-2), beside the targets."""
    found = [h * n / t for h, n, t in zip(HELD_OUT[task], now, then)]
    return (f"  held-out {task}, projected: {found[0]:.1f} / {found[1]:.1f} (from {HELD_OUT[task][0]} / "
            f"{HELD_OUT[task][1]}; targets {TARGETS[task][0]} / {TARGETS[task][1]})")


def row(name: str, figures: Sequence[float], base: Sequence[float] | None) -> str:
    """One table row: the figures, and each as a ratio to ``base``'s."""
    cells = "".join(f"{v:>9.2f}" for v in figures)
    ratios = "".join(f"{v / b:>8.3f}" if b else f"{'-':>8}" for v, b in zip(figures, base)) if base else ""
    return f"  {name:<36}{cells}   {ratios}"


def questions(records: list[dict[str, Any]], with_lexrank: bool, then: tuple[str, Path] | None = None) -> None:
    """The question table: 250 words, with and without the query, beside LexRank (and ``then``: the code at a
    revision, with the held-out figures projected from it)."""
    print(f"Questions: {len(records)} DUC 2007 dev clusters, 250 words, ROUGE recall x100 (ratio to 'no query')")
    print(f"  {'system':<36}{'R-1 R':>9}{'R-2 R':>9}   {'R-1':>8}{'R-2':>8}")
    base = rouge([summary(prepared(r, query=False), 250) for r in records], records, 250)
    print(row("newsbrief, no query", base, base))
    asked = rouge([summary(prepared(r), 250) for r in records], records, 250)
    print(row("newsbrief, query", asked, base))
    if with_lexrank:
        print(row("sumy LexRank", rouge([lexrank(r, 250) for r in records], records, 250), base))
    if then:
        old = rouge(summaries_then(then[1], records, 250), records, 250)
        print(row(f"newsbrief at {then[0]}", old, base))
        print(projected("questions", asked, old))
    print()


def news_rouge(lines: Sequence[Lines], records: Sequence[dict[str, Any]], max_words: int) -> tuple[float, float]:
    """:func:`rouge` against the records' references cut to what is new to their reader (``news``)."""
    keep = [i for i, r in enumerate(records) if r["news"]]
    found = score([lines[i] for i in keep], [records[i]["news"] for i in keep], max_words)
    return found["rouge1_r"], found["rouge2_r"]


def updates(records: list[dict[str, Any]], with_lexrank: bool, split: Split = pilot_split, parts_name: str = "parts B and C",
            then: tuple[str, Path] | None = None) -> None:
    """The update table at 100 words: parts B and C, for a reader of the parts before them (or another
    ``split``); ``then``: the code at a revision, with the held-out figures projected from it."""
    lines = update_lines(records, split)
    news = [line for line, _ in lines]
    print(f"Updates: {parts_name} of {len(records)} DUC 2007 dev clusters ({len(lines)} summaries), 100 words. ROUGE")
    print("  recall x100 against the clusters' references ('refs') and against their sentences that the new part")
    print("  tells more than the earlier ones ('new'); what it repeats: share of the summary's bigrams the earlier")
    print(f"  articles use, share of its sentences {TOLD:.0%} of whose bigrams they use ('told') and near-duplicates")
    print("  of an earlier sentence ('copied'); ratios to 'ignoring earlier'")
    heads = ("refs R-1", "refs R-2", "new R-1", "new R-2", "bigrams", "told", "copied")
    short = ("refs 1", "refs 2", "new 1", "new 2", "bigrams", "told", "copied")
    print(f"  {'system':<36}" + "".join(f"{h:>9}" for h in heads) + "   " + "".join(f"{h:>8}" for h in short))
    systems: list[tuple[str, Callable[[dict[str, Any]], Lines]]] = [
        ("newsbrief, ignoring earlier", lambda line: summary(prepared(line, earlier=False, query=False), 100)),
        ("newsbrief, earlier", lambda line: summary(prepared(line, query=False), 100)),
        ("newsbrief, query, ignoring earlier", lambda line: summary(prepared(line, earlier=False), 100)),
        ("newsbrief, earlier and query", lambda line: summary(prepared(line), 100)),
        ("lead of the newest article", lambda line: lead_of_newest(line, 100)),
    ]
    if with_lexrank:
        systems.append(("sumy LexRank, new articles", lambda line: lexrank(line, 100)))
    if then:
        old = dict(zip(map(id, news), summaries_then(then[1], news, 100)))
        systems.append((f"newsbrief at {then[0]}", lambda line: old[id(line)]))
    base, found = None, {}
    for name, system in systems:
        out = [system(line) for line in news]
        seen = [repeats(summ, before, 100) for summ, (_, before) in zip(out, lines)]
        figures = (*rouge(out, news, 100), *news_rouge(out, news, 100),
                   *(100 * mean(getattr(r, k) for r in seen) for k in ("bigrams", "told", "copied")))
        base, found[name] = base or figures, figures
        print(row(name, figures, base))
    if then and split is pilot_split:  # the held-out figures are of the pilot's parts B and C only
        for name in ("newsbrief, earlier", "newsbrief, earlier and query"):
            print(f"  {name}, against 'new':")
            print(projected("updates", found[name][2:4], found[f"newsbrief at {then[0]}"][2:4]))
    print()


def mean(values: Any) -> float:
    """The mean of an iterable of numbers."""
    values = list(values)
    return sum(values) / max(len(values), 1)


Scores = Callable[[FocusSettings, int], tuple[float, float]]
"""R-1 and R-2 recall of a setting on one half of the clusters."""


def cross_validate(title: str, grid: Sequence[FocusSettings], scores: Scores, names: Sequence[str]) -> None:
    """Print each setting's scores on both halves, then each half's best (summed R-1 + R-2) scored on the other."""
    table = [[scores(s, half) for half in (0, 1)] for s in grid]
    print(title)
    for s, (one, two) in zip(grid, table):
        label = " ".join(f"{n} {getattr(s, n):>4}" for n in names)
        print(f"  {label}: half 1 {one[0]:6.2f} / {one[1]:5.2f}   half 2 {two[0]:6.2f} / {two[1]:5.2f}"
              f"   both {mean(t[0] for t in (one, two)):6.2f} / {mean(t[1] for t in (one, two)):5.2f}")
    held = []
    for fit in (0, 1):
        best = max(range(len(grid)), key=lambda i: sum(table[i][fit]))
        held.append(table[best][1 - fit])
        label = ", ".join(f"{n} {getattr(grid[best], n)}" for n in names)
        print(f"  fitted on half {fit + 1}: {label}; on half {2 - fit}: {held[-1][0]:.2f} / {held[-1][1]:.2f}")
    shipped = FocusSettings()
    at = next(i for i, s in enumerate(grid) if all(getattr(s, n) == getattr(shipped, n) for n in names))
    print(f"  cross-validated {mean(h[0] for h in held):.2f} / {mean(h[1] for h in held):.2f};"
          f" the shipped setting {mean(t[0] for t in table[at]):.2f} / {mean(t[1] for t in table[at]):.2f}\n")


QUESTION_GRID = {"query": (0.0, 2.0, 4.0, 8.0, 16.0), "expansion": (1.0, 2.0, 4.0), "lone": (0.0, 0.25, 0.5, 0.75)}
UPDATE_GRID = {"novelty": (0.0, 1.0), "salience": (0.0, 0.5, 1.0), "fresh": (0.1, 0.2), "newest": (0.97, 0.9, 0.8, 0.7)}
"""The settings ``--folds`` tries."""


def settings_grid(values: dict[str, tuple[float, ...]]) -> list[FocusSettings]:
    """Every combination of ``values`` (setting -> values), the other settings as shipped."""
    return [replace(FocusSettings(), **dict(zip(values, combo))) for combo in itertools.product(*values.values())]


def folds(records: list[dict[str, Any]], only: str | None = None) -> None:
    """Two-fold cross-validation of the question and the update settings (halves by sorted cluster id).

    Questions are scored against the references at 250 words; updates against the references cut to what
    is new to the reader at 100 words, the mean of the runs with and without the query (a line may carry
    either)."""
    records = sorted(records, key=lambda r: r["id"])
    halves = [records[0::2], records[1::2]]
    if only in (None, "questions"):
        asked = [[prepared(r) for r in half] for half in halves]
        cross_validate(f"Question settings, halves of {len(halves[0])} and {len(halves[1])} clusters, 250 words,"
                       " R-1 / R-2 recall", settings_grid(QUESTION_GRID),
                       lambda s, h: rouge([summary(p, 250, s) for p in asked[h]], halves[h], 250), list(QUESTION_GRID))
    if only == "questions":
        return
    lines = [[line for line, _ in update_lines(half)] for half in halves]
    runs = [[[prepared(line, query=q) for line in half] for q in (False, True)] for half in lines]

    def update_scores(s: FocusSettings, h: int) -> tuple[float, float]:
        both = [news_rouge([summary(p, 100, s) for p in run], lines[h], 100) for run in runs[h]]
        return mean(b[0] for b in both), mean(b[1] for b in both)

    cross_validate(f"Update settings, the same halves ({len(lines[0])} and {len(lines[1])} summaries), 100 words,"
                   " R-1 / R-2 recall on what is new", settings_grid(UPDATE_GRID), update_scores, list(UPDATE_GRID))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["questions", "updates"])
    parser.add_argument("--no-lexrank", action="store_true", help="leave sumy LexRank out (about a minute)")
    parser.add_argument("--folds", action="store_true", help="cross-validate the focus settings and stop")
    parser.add_argument("--then", metavar="REV", help="add newsbrief as it was at git revision REV (issue 12's "
                        "held-out figures were measured at 501ce59) and project the held-out targets from it")
    parser.add_argument("--earlier", type=int, metavar="K",
                        help="updates for a reader of each cluster's first K articles, not the pilot's parts")
    args = parser.parse_args()
    records = read_clusters(DUC)
    if args.folds:
        folds(records, args.only)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        then = (args.then, tree_at(args.then, Path(folder))) if args.then else None
        if args.only in (None, "questions"):
            questions(records, not args.no_lexrank, then)
        if args.only in (None, "updates"):
            split, named = ((read_first(args.earlier), f"the articles after the first {args.earlier}")
                            if args.earlier is not None else (pilot_split, "parts B and C"))
            updates(records, not args.no_lexrank, split, named, then)
    return 0


if __name__ == "__main__":
    sys.exit(main())
