"""A briefing's title: the headline that best fits the main incident, cleaned; without one, the lead's main clause.

Headlines as scraped carry clutter a reader does not want in a title: part
markers ("(1)", "Part 2 of 3"), the site's name ("... | MLSSoccer.com",
"... - BBC News") and shouting capitals. Each headline is cleaned, junk (no
words left) is dropped, and the one whose content words the lead (the summary's
first line, which states what happened) and then the rest of the summary use
most, per word, is chosen: a headline about a side item shares little with the lead.

Without a usable headline the title is built from the lead's own words: its
trailing attribution (", police said") dropped, and, when still long, cut
where a clause ends (at a comma, before " after", " while", " — " ...), never in the middle
of a phrase with "...". Nothing is added: every word of a title is in a headline
or in the lead.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newsbrief.lang.en import word_list
from newsbrief.lang.tokens import stemmed_stop, tokens
from newsbrief.model import Article, squash

OUTLET_WORDS = word_list("outlet_words")
CLAUSE_STARTS = word_list("clause_starts")

MAX_WORDS = 14
"""Longer leads are cut to a clause of at most this many words."""
MIN_WORDS = 4
"""A clause shorter than this says too little to be a title."""

_PART_MARKER = re.compile(
    r"\s*[(\[](?:part\s+)?\d{1,2}(?:\s*(?:of|/)\s*\d{1,2})?[)\]]\s*$"   # "(1)", "(part 2 of 3)", "[2/3]"
    r"|\s*[-–—:,]?\s*\bpart\s+(?:\d{1,2}|one|two|three|four|five)(?:\s+of\s+\w+)?\s*$"  # ", Part 2 of 3"
    r"|^\s*(?:update|refile|corrected|rpt)\b\s*\d*\s*[-–—:]\s*"  # wire prefixes: "UPDATE 2-", "REFILE-"
    r"|\s*\((?:note|eds?|editors?)\b[^()]*\)",  # desk notes: "(note: sidebar material at end of story)"
    re.I)
_ENTITY = re.compile(r"&#?\w+;")
_SEPARATOR_MARKS = set("-–—|:•·")
_SEPARATOR = re.compile(r"\s+(?:\||-{1,2}|–|—|::|•|·)\s+")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|co|uk|gov|edu|io|info|news|tv)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ATTRIBUTION = re.compile(
    r",?\s+(?:(?:according to|as reported by)\s[^,]{2,60}"
    r"|(?:[^,]{2,50}\s)?(?:said|says|reported|reports|announced|told [^,]{2,40})(?:\s+on\s+\w+)?)\s*[.!?]?[\"”’]?\s*$",
    re.I)


def briefing_title(articles: Sequence[Article], summary: Sequence[str]) -> str:
    """The title of a briefing on ``articles`` whose summary lines are ``summary`` (the lead first)."""
    lead = summary[0] if summary else ""
    headline = best_headline(articles, lead, " ".join(summary))
    if headline:
        return headline
    if lead:
        return lead_clause(lead)
    return "(no usable articles)"


def best_headline(articles: Sequence[Article], lead: str, summary: str) -> str | None:
    """The cleaned headline that fits the lead best (then the summary, then fewest words); None if none."""
    text = " ".join(a.text for a in articles)
    lead_words, summary_words = _content(lead), _content(summary)
    best, best_key = None, None
    for article in articles:
        if not article.title:
            continue
        cleaned = clean_headline(article.title, article.outlet, text)
        words = _content(cleaned)
        if not words:
            continue
        size = len(words) ** 0.5
        key = (len(words & lead_words) / size, len(words & summary_words) / size, -len(cleaned))
        if best_key is None or key > best_key:
            best, best_key = cleaned, key
    return best


def clean_headline(title: str, outlet: str | None = None, text: str = "") -> str:
    """``title`` without markup entities, part markers and the site's name, in sentence case if it shouts
    (names keep the capitals ``text`` gives them); "" when no words are left."""
    title = squash(_ENTITY.sub(" ", html.unescape(title)))
    title = " ".join(w for w in title.split() if _WORD.search(w) or w[:1].isdigit() or set(w) <= _SEPARATOR_MARKS)
    previous = None
    while previous != title:
        previous = title
        title = _PART_MARKER.sub("", title).strip()
        title = _without_site(title, outlet)
    if len(_WORD.findall(title)) < 2:
        return ""
    return _sentence_case(title, text) if _shouts(title) else title


def _without_site(title: str, outlet: str | None) -> str:
    """``title`` without a leading or trailing segment that names a site ("| MLSSoccer.com", "BBC News -")."""
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    if _names_site(parts[-1], outlet):
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    if _names_site(parts[0], outlet):
        return " - ".join(parts[1:]) if len(parts) > 2 else parts[1]
    return title


def _names_site(segment: str, outlet: str | None) -> bool:
    """Whether a headline segment is a site's name: a domain, the article's own host, or a few capitalised
    words ending with a word outlets are named with ("News", "Times", "Post")."""
    if _DOMAIN.search(segment):
        return True
    words = segment.split()
    squashed = re.sub(r"[^a-z0-9]", "", segment.lower())
    if outlet and squashed and squashed in re.sub(r"[^a-z0-9]", "", outlet.lower()):
        return len(words) <= 4
    return (1 <= len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and re.sub(r"\W", "", words[-1]).lower() in OUTLET_WORDS)


def _shouts(title: str) -> bool:
    """Whether the headline is (nearly) all capitals."""
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@lru_cache(maxsize=4)
def _forms(text: str) -> dict[str, str]:
    """Each word's most frequent casing inside sentences of ``text``, by its lower-case form: read once per
    cluster text, however many of its headlines shout."""
    seen: Counter[str] = Counter(m.group() for m in re.finditer(r"(?<=[a-z,;] )[A-Za-z][\w'’.-]*", text))
    forms: dict[str, str] = {}
    for form, _ in seen.most_common():
        forms.setdefault(form.lower(), form)
    return forms


def _sentence_case(title: str, text: str) -> str:
    """A shouting headline in sentence case; a word keeps the casing it most often has inside sentences of
    ``text`` (names, acronyms) and abbreviations ("N.Y.") keep theirs; others are lower-cased."""
    forms = _forms(text)
    out = []
    for i, word in enumerate(title.split()):
        core = word.strip("\"'“”‘’()[],:;!?")
        cased = core if re.fullmatch(r"(?:[A-Za-z]\.)+", core) else forms.get(core.lower(), core.lower())
        if i == 0:
            cased = cased[:1].upper() + cased[1:]
        out.append(word.replace(core, cased, 1) if core else word)
    return " ".join(out)


def lead_clause(lead: str) -> str:
    """A short title from the lead's own words: its main clause, without a trailing attribution or full stop."""
    clause = _ATTRIBUTION.sub("", lead).rstrip(" .!?;:,")
    if len(_content(clause)) < 2:
        clause = lead.rstrip(" .!?;:,")
    words = clause.split()
    if len(words) <= MAX_WORDS:
        return clause
    cut = _clause_end(words)
    return " ".join(words[:cut]).rstrip(" ,;:-–—")


def _clause_end(words: list[str]) -> int:
    """How many of ``words`` make the longest leading clause of at most MAX_WORDS words: it ends at a
    comma, dash or semicolon, or before a word that opens a new clause or phrase ("after", "while", "on")."""
    best = 0
    for i in range(MIN_WORDS, min(len(words), MAX_WORDS + 1)):
        before, word = words[i - 1], words[i]
        if before[-1:] in ",;:" or word in ("—", "–", "-", "--") or word.lower().strip(",") in CLAUSE_STARTS:
            best = i
    return best or _first_boundary(words)


def _first_boundary(words: list[str]) -> int:
    """The shortest clause longer than MAX_WORDS when no boundary comes sooner (the whole lead at worst)."""
    for i in range(MAX_WORDS + 1, len(words)):
        if words[i - 1][-1:] in ",;:" or words[i].lower() in CLAUSE_STARTS:
            return i
    return len(words)


def _content(text: str) -> set[str]:
    """The stemmed content words of ``text``."""
    stop = stemmed_stop()
    return {t for t in tokens(text) if t not in stop and not t.isdigit()}
