"""HTML output: one self-contained page (no external scripts, fonts or styles) that works offline.

Every summary line, fact and timeline entry opens its source article in a side
panel with the span highlighted, so a reader can check any claim in one click.
The page is rendered by Jinja2 templates (``templates/``) from the view in
:mod:`~newsbrief.report.page`; its style and script are package files
(``static/``) inlined into the page.

Article text is hostile input. Two locks keep it inert:

1. everything from the briefing reaches the page through Jinja2's autoescaping
   (the templates never mark anything safe; only the package's own style and
   script are inserted as they are), or as JSON inside
   ``<script type="application/json">`` written by Jinja2's ``tojson``, which
   turns ``<``, ``>``, ``&`` and ``'`` into ``\\u003c`` ... (so neither
   ``</script>`` nor ``<!--`` can end the block); the script puts article
   text on the page with ``textContent`` only;
2. a Content-Security-Policy allows no script and no style but this page's own
   (by their SHA-256, computed from the files as inlined), no inline event
   handlers and no network at all, so an ``onerror=`` that somehow slipped
   through still could not run.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newsbrief.model import Briefing, Story
from newsbrief.report.page import PageView, StoryLink
from newsbrief.report.sections import holds


def render(briefing: Briefing) -> str:
    """The briefing as one HTML page; see the module docstring for how article text is kept inert."""
    css, js = _asset("page.css"), _asset("page.js")
    view = PageView(briefing)
    return _environment().get_template("page.html").render(
        csp=_csp(css, js), css=Markup(css), js=Markup(js), title=briefing.title, view=view, data=view.data())


def index(pages: Sequence[tuple[str, Briefing]]) -> str:
    """The page that lists the stories of one input, largest first, each a link to its own page (``pages``:
    the file name of each story's page, beside that story's briefing). No script at all; the same style
    and the same locks as a briefing page."""
    css = _asset("page.css")
    listed = [b.stories[0] for _, b in pages if b.stories]
    stories = [StoryLink(name, b.stories[0].title if b.stories else b.title,
                         len(b.stories[0].articles) if b.stories else 0, b.summary[0].text if b.summary else None,
                         _with(b.stories[0], listed) if b.stories else None)
               for name, b in pages]
    accounted = len(pages[0][1].articles) if pages else 0
    return _environment().get_template("index.html").render(
        csp=_csp(css), css=Markup(css), stories=stories, accounted=accounted, held=holds(listed),
        incidents=any(s.with_ for s in stories))


def _with(story: Story, listed: Sequence[Story]) -> str | None:
    """The titles of the other incidents of ``story``'s story among ``listed`` (None for a story of its own)."""
    others = [s.title for s in listed if s is not story and s.incident_of(story)]
    return " / ".join(f"\u201c{t}\u201d" for t in others) or None


@cache
def _environment() -> Environment:
    """The templates, autoescaped; ``tojson`` writes compact JSON that keeps non-ASCII text as is."""
    env = Environment(loader=PackageLoader("newsbrief.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def _csp(css: str, js: str | None = None) -> str:
    """The page's content security policy: nothing loads but its own style (and script, if it has one)."""
    script = f"script-src '{_sha256(js)}'; " if js is not None else ""
    return f"default-src 'none'; {script}style-src '{_sha256(css)}'; base-uri 'none'; form-action 'none'"


@cache
def _asset(name: str) -> str:
    """A style or script file of the package, exactly as it is inlined (and hashed for the CSP): read and
    checked once a process."""
    text = files("newsbrief.report").joinpath("static", name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"static/{name} holds '</', which would end its element early")
    return text


def _sha256(text: str) -> str:
    """A CSP hash source for an inline element whose content is ``text``."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


