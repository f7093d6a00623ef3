"""Cleaning: boilerplate out of an article's text, into evidence of its origin.

``clean(article)`` is a pure function of one article.  It

* splits the text into paragraphs (hard-wrapped lines joined), normalises white
  space, and joins the kept paragraphs with exactly one blank line;
* removes whole lines that are promos, syndication footers, contributor
  credits, photo captions and credits, link pointers, repeated headlines and
  bylines, and keeps each as a :class:`~newsprism.model.RemovedLine` whose
  ``names`` are the people and newsrooms the line names;
* fills ``title``, ``outlet`` and ``author`` only where they are None:
  the title from a "The post <TITLE> appeared first on <OUTLET>." footer or a
  first line the text repeats, the author from a removed byline, the outlet
  from the best-supported cue (confidence and evidence in
  ``metadata["outlet_inferred"]``);
* sets ``provenance.content_hash`` (sha1 of the cleaned text) when there is a
  provenance.

Outlet cues and their confidence, strongest first: "appeared first on X"
footer 0.95; "follow X on Google News" (aggregators list only publications)
0.85; "... contributed to this report for X" 0.8; author bio "... at X" 0.75;
the body's self-references ("told X", "X's requests for comment", counted,
at most 0.75); wire dateline "(Reuters) -" 0.7; copyright owner 0.6; byline
newsroom and "Headline | X" 0.6; "originally published by X" 0.55 (the
origin of a republished text); "follow X on Twitter" 0.45 (may be a reporter).
Cues naming the same outlet combine as independent evidence; below
:data:`THRESHOLD` no outlet is filled in.

``cues(article)`` re-reads a cleaned article's removed lines as :class:`Cue`
records (people and newsrooms kept apart) and adds wire datelines, which stay
in the text: for the reuse stage, credit cues name the newsrooms a text was
rewritten from and footer cues the site it was republished from.
"""

from ._clean import clean, cues, infer_outlet
from ._cue import Cue
from ._lines import classify
from ._outlet import THRESHOLD, OutletGuess

__all__ = ["THRESHOLD", "Cue", "OutletGuess", "classify", "clean", "cues", "infer_outlet"]
