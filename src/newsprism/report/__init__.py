"""Reports: one self-contained HTML file (no network, CSS and JS inline), Markdown, JSON.

All three render the same :class:`~newsprism.model.Dossier`, for one story or
many.  Sections a stage has not filled say so, rather than showing an empty
list that reads as a finding.  The web app renders its story page from the
same views and template macros, so the report and the site never disagree.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..model import Dossier
from ._highlight import Mark, highlight, snippet
from ._slice import story_dossier, story_dossiers
from ._views import Index, StoryView, anchor, article_marks, story_views

__all__ = [
    "SCRIPT",
    "SCRIPT_CSP",
    "SECTION_TITLES",
    "Index",
    "Mark",
    "StoryView",
    "anchor",
    "article_marks",
    "configure",
    "highlight",
    "render_html",
    "render_json",
    "render_markdown",
    "snippet",
    "story_dossier",
    "story_dossiers",
    "story_views",
    "template_context",
    "templates_loader",
]

SECTION_TITLES = {
    "reuse": "Who copied whom",
    "statements": "Who said what",
    "claim_groups": "Claims: corroborated and conflicting",
    "entities": "People and organisations",
    "timeline": "Timeline",
    "coverage": "What each outlet added or left out",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: object) -> str:
    """Article text made inert in Markdown: no HTML, links, emphasis or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


#: The one script the pages carry, and the CSP source that allows exactly it: no
#: other inline script, event handler or ``javascript:`` URL can run, even if
#: some article text ever slipped past escaping.
SCRIPT = Markup(
    files("newsprism.report").joinpath("templates", "_script.js").read_text(encoding="utf-8")
)
SCRIPT_CSP = Markup(
    "'sha256-" + base64.b64encode(hashlib.sha256(str(SCRIPT).encode()).digest()).decode() + "'"
)


def is_http(url: object) -> bool:
    """Only http(s) links are rendered as links: ``javascript:`` and friends stay text."""
    return isinstance(url, str) and urlsplit(url.strip()).scheme.lower() in ("http", "https")


def configure(env: jinja2.Environment) -> jinja2.Environment:
    """What the report templates need from any environment that renders them."""
    env.filters["md"] = _md
    env.tests["http_url"] = is_http
    env.globals.update(script=SCRIPT, script_csp=SCRIPT_CSP)
    return env


def templates_loader() -> jinja2.BaseLoader:
    """The report's templates, for an environment that wants to reuse its macros."""
    return jinja2.PackageLoader("newsprism.report", "templates")


@lru_cache(maxsize=2)
def _env(markdown: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=templates_loader(),
        autoescape=not markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return configure(env)


def _local_href(article_id: str, target: str) -> str:
    return "#" + (target or anchor("art", article_id))


def template_context(dossier: Dossier) -> dict[str, object]:
    """What the report templates (and the web app's story page) read."""
    index = Index.of(dossier)
    return {
        "d": dossier,
        "views": story_views(dossier, index),
        "filled": set(dossier.filled),
        "titles": SECTION_TITLES,
        "outlet": index.outlet,
        "href": _local_href,
    }


def render_html(dossier: Dossier) -> str:
    """The whole dossier as one HTML file that works offline and survives being mailed."""
    return _env(False).get_template("report.html.j2").render(**template_context(dossier))


def render_markdown(dossier: Dossier) -> str:
    """The same content as Markdown; article text is escaped so it cannot inject markup."""
    return _env(True).get_template("report.md.j2").render(**template_context(dossier))


def render_json(dossier: Dossier, indent: int | None = 2) -> str:
    """The contract's JSON dossier (``newsprism.dossier/3``)."""
    return dossier.to_json(indent=indent)
