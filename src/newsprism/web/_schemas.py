"""The JSON API's request and response bodies, which FastAPI turns into OpenAPI.

These are the API's wire format only: handlers convert them to and from the
model's records (:mod:`newsprism.model`, :mod:`newsprism.web.jobs`) at once.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

__all__ = [
    "DOSSIER_SCHEMA",
    "ArticleOut",
    "FileIn",
    "IngestIn",
    "JobOut",
    "JobResultOut",
    "PastedTextIn",
    "StoryListOut",
    "StoryOut",
]

MAX_TEXT = 1_000_000
MAX_URLS = 100
MAX_TEXTS = 50
MAX_FILES = 20


class PastedTextIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="Plain text of one article.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="ISO 8601 date or date-time.")
    url: str | None = Field(None, max_length=2000)


class FileIn(BaseModel):
    name: str = Field(
        min_length=1, max_length=255, description="File name; its extension picks the reader."
    )
    content: str = Field(max_length=8 * MAX_TEXT)
    encoding: Literal["text", "base64"] = "text"


class IngestIn(BaseModel):
    """What to analyse.  URLs may be pages or feeds; private addresses are refused."""

    urls: list[str] = Field(default_factory=list, max_length=MAX_URLS)
    texts: list[PastedTextIn] = Field(default_factory=list, max_length=MAX_TEXTS)
    files: list[FileIn] = Field(default_factory=list, max_length=MAX_FILES)


class JobResultOut(BaseModel):
    articles: list[str]
    stories: list[str]
    inserted: int
    duplicates: int
    failures: list[str]


class JobOut(BaseModel):
    id: int
    kind: str
    state: Literal["queued", "running", "done", "failed"]
    created_at: str
    started_at: str | None
    finished_at: str | None
    attempts: int
    error: str | None
    result: JobResultOut | None
    links: dict[str, str]


class StoryOut(BaseModel):
    id: str
    title: str
    articles: int
    outlets: int
    first: str | None
    last: str | None
    updated_at: str
    snippet: str | None = Field(None, description="The best matching passage (search only).")
    links: dict[str, str]


class StoryListOut(BaseModel):
    stories: list[StoryOut]
    total: int | None = Field(None, description="All stories (listing only, not search).")
    limit: int
    offset: int
    query: str | None


class ArticleOut(BaseModel):
    id: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    author: str | None
    text: str
    removed: list[str]
    story: str | None
    quotes: list[dict[str, Any]] = Field(description="Quotations in this article (dossier form).")
    claims: list[dict[str, Any]] = Field(description="Claims in this article (dossier form).")
    links: dict[str, str]


DOSSIER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": (
        "The JSON dossier of one story, schema newsprism.dossier/3 (see docs/contract.md)."
    ),
    "required": ["schema", "articles", "stories", "filled"],
    "properties": {
        "schema": {"type": "string", "example": "newsprism.dossier/3"},
        "articles": {"type": "array", "items": {"type": "object"}},
        "stories": {"type": "array", "items": {"type": "object"}},
        "reuse": {"type": "object"},
        "quotes": {"type": "array", "items": {"type": "object"}},
        "statements": {"type": "array", "items": {"type": "object"}},
        "claims": {"type": "array", "items": {"type": "object"}},
        "claim_groups": {"type": "array", "items": {"type": "object"}},
        "entities": {"type": "array", "items": {"type": "object"}},
        "relations": {"type": "array", "items": {"type": "object"}},
        "timeline": {"type": "array", "items": {"type": "object"}},
        "coverage": {"type": "array", "items": {"type": "object"}},
        "filled": {"type": "array", "items": {"type": "string"}},
    },
}
