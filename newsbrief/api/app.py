"""The FastAPI application: a thin HTTP layer over the same Python API the CLI uses.

Errors are always JSON ``{"detail": "<one line>"}`` with a 4xx status that says whose
fault it was (503 when the event store cannot be read); an unexpected failure is logged on the server and answered with a bare
500, never with a stack trace. Briefing and grouping run in worker processes
(:mod:`newsbrief.api.workers`): a bounded queue (503 with ``Retry-After`` when full), a
time limit per request (504), and a worker kept free for small requests. The store's
views run in worker threads, at most ``workers`` at a time.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from newsbrief import __version__
from newsbrief.api import jobs
from newsbrief.api.middleware import AccessLog, BodyLimit, CatchAll
from newsbrief.api.settings import ServerSettings
from newsbrief.api.workers import Overloaded, TooSlow, WorkerPool
from newsbrief.ingest import JSONError, article_from_record, parse_json
from newsbrief.model import Briefing
from newsbrief.summarize import DEFAULT

log = logging.getLogger("newsbrief.api")

MAX_ARTICLES = 1000
"""Most articles (or uploaded files) in one request."""

MAX_WORDS = 2000
"""Largest summary word budget a client may ask for."""

Format = Literal["json", "text", "markdown", "html"]
MEDIA = {"json": "application/json", "text": "text/plain; charset=utf-8",
         "markdown": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}

T = TypeVar("T")


class ArticleIn(BaseModel):
    """One article: ``id``, ``text`` and optionally ``title``, ``url`` and ``time`` (other keys are read as
    ``newsbrief brief`` reads a JSON line: ``outlet``, ``doc_id``, ...).

    The OpenAPI document's schema of an article. Requests are not refused by it: each article is read by
    ingest, like a line of a file, and one that does not fit is ``unreadable`` in the briefing's account
    with the field named, while the others are briefed.
    """

    model_config = ConfigDict(extra="ignore")
    id: str | int | None = Field(None, description="Your id for it; default: its index in the list.")
    title: str | None = None
    text: str = Field(..., description="The article text (plain text or an HTML page).")
    url: str | None = None
    time: str | float | None = Field(None, description="Publication time, ISO 8601 preferred.")


class Articles(BaseModel):
    """A cluster: ``{"articles": [...]}`` (a line of ``newsbrief summarize`` input can be posted as it is)."""

    model_config = ConfigDict(extra="ignore")
    articles: list[Any] = Field(..., min_length=1, max_length=MAX_ARTICLES)


class BriefRequest(Articles):
    """A cluster to brief, with what the reader has already read and the question they ask (both optional)."""

    earlier: list[Any] | None = Field(None, max_length=MAX_ARTICLES, description="Articles the reader has read: "
                                      "the briefing tells what is new since and cites none of them.")
    query: str | None = Field(None, max_length=2000, description="A question the briefing answers first.")


class GroupRequest(Articles):
    """Articles to sort into events, and grouping settings passed on to ``newsbrief.group.group``."""

    options: dict[str, int | float] = Field(default_factory=dict, description="e.g. {\"threshold\": 0.6}")


ENGINE_OPTIONS = {"engine", "scheduler", "workers"}
"""Grouping options a client may not set: they choose where the server sends work and how many
processes it starts."""


def create_app(store: Path | None = None, settings: ServerSettings | None = None) -> FastAPI:
    """The API app. ``store`` (a ``newsbrief.store.Store`` path) enables ``/events``; ``settings``
    sets its limits (:class:`~newsbrief.api.settings.ServerSettings`)."""
    settings = settings or ServerSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.limiter = anyio.CapacityLimiter(settings.workers)
        app.state.pool = WorkerPool(settings)
        app.state.db = _open(store) if store is not None else None
        yield
        app.state.pool.close()
        if app.state.db is not None:
            app.state.db.close()

    app = FastAPI(title="newsbrief", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Briefings with provenance from a pile of news articles.")
    app.state.store = store
    app.state.settings = settings
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body, seconds=settings.body_seconds)
    app.add_middleware(AccessLog)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ValidationError, _validation_error)
    _routes(app)
    app.openapi = partial(_openapi, app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document plus the body models it cannot see (POST /brief reads its body itself)."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        models = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ArticleIn, BriefRequest, GroupRequest):
            found = model.model_json_schema(ref_template="#/components/schemas/{model}")
            models.update(found.pop("$defs", {}))
            for name in ARTICLE_LISTS & set(found["properties"]):  # read one by one, documented as ArticleIn
                _article_items(found["properties"][name])
            models[model.__name__] = found
        app.openapi_schema = schema
    return app.openapi_schema


ARTICLE_LISTS = {"articles", "earlier"}
"""The request fields that hold articles: lists of anything to the validation (ingest reads each article), lists
of :class:`ArticleIn` in the OpenAPI document."""


def _objects(items: list[Any]) -> list[Any]:
    """``items`` with each one that is no object made the Problem that names it (``article is a string, not
    an object``), so that ingest never reads it as it would from the Python API: as a path, which let a
    client read the server's files and folders, probe its paths or read its standard input."""
    return [item if isinstance(item, Mapping) else article_from_record(item, str(n)) for n, item in enumerate(items)]


def _article_items(schema: dict[str, Any]) -> None:
    """Point the array (or nullable array) ``schema`` at :class:`ArticleIn` for its items."""
    for form in [schema, *schema.get("anyOf", ())]:
        if form.get("type") == "array":
            form["items"] = {"$ref": "#/components/schemas/ArticleIn"}


def _routes(app: FastAPI) -> None:
    @app.get("/health", summary="Liveness, version and load")
    def health() -> dict[str, Any]:
        """``work``: requests running and waiting for a worker, and the pool's size and queue limit."""
        pool: WorkerPool = app.state.pool
        return {"status": "ok", "version": __version__, "store": app.state.store is not None,
                "work": {"running": pool.running, "waiting": pool.waiting, "workers": pool.settings.workers,
                         "queue": pool.settings.queue}}

    @app.post("/brief", summary="Brief articles about one event", openapi_extra=_brief_body(),
              responses={200: {"description": "The briefing (JSON schema in the README)"},
                         422: {"description": "Bad input, or no usable article among the inputs"}})
    async def brief(request: Request, max_words: int = Query(100, ge=1, le=MAX_WORDS),
                    method: str = Query(DEFAULT), format: Format = Query("json")) -> Response:
        """Articles as JSON (``{"articles": [...], "earlier": [...], "query": "..."}``) or files as multipart
        (fields ``files``, ``earlier`` and ``query``); returns the briefing, as JSON by default or in another
        ``format``. ``earlier``: what the reader has read (the briefing tells what is new since); ``query``:
        the question it answers first."""
        _check_method(method)
        if _is_multipart(request):
            result = await _brief_files(request, max_words, method)
        else:
            body = await _json_body(request)
            cluster = BriefRequest.model_validate(body.value)
            earlier = cluster.earlier
            result = await _work_process(request, len(cluster.articles) + len(earlier or ()), body.size, jobs.brief,
                                         _objects(cluster.articles), max_words, method,
                                         None if earlier is None else _objects(earlier), cluster.query)
        return _briefing_response(result, format)

    @app.post("/group", summary="Sort articles into events", openapi_extra=_body("GroupRequest"))
    async def group(request: Request) -> dict[str, Any]:
        """One assignment per input article, in input order (``event`` null with a ``reason`` when
        it joined none), and the events with their articles. ``options``: grouping settings such as
        ``threshold`` (see ``newsbrief.group.Settings``); the engine is always the local one."""
        raw = await _json_body(request)
        body = GroupRequest.model_validate(raw.value)
        engine_opts = sorted(ENGINE_OPTIONS & set(body.options))
        if engine_opts:
            raise HTTPException(400, f"option {engine_opts[0]!r} cannot be set over HTTP")
        try:
            assignments = await _work_process(request, len(body.articles), raw.size, jobs.group,
                                              _objects(body.articles), body.options)
        except ValueError as exc:  # a bad grouping option
            raise HTTPException(400, str(exc)) from None
        events: dict[str, list[str]] = {}
        for a in assignments:
            if a.event is not None:
                events.setdefault(a.event, []).append(a.id)
        return {"assignments": [asdict(a) for a in assignments],
                "events": [{"id": e, "articles": ids} for e, ids in events.items()]}

    _store_routes(app)


def _store_routes(app: FastAPI) -> None:
    """GET /events, /events/{id}, /stories and /stories/{id}: read-only views of the ``newsbrief.store``
    given at start. An id merged into another since it was handed out leads to the one it lives on as."""

    @app.get("/events", summary="Events in the store, largest first")
    async def events(request: Request, q: str | None = Query(None, max_length=500, description="only events "
                     "whose title, summary or articles contain every word"),
                     limit: int = Query(50, ge=1, le=1000)) -> list[dict[str, Any]]:
        """Each event as ``{id, story, title, size, outlets, first, last}``."""
        return await _work(request, _with_store, _store(app), _list_events, q, limit)

    @app.get("/events/{event_id}", summary="One event and its briefing",
             responses={404: {"description": "No such event"}})
    async def event(request: Request, event_id: str) -> dict[str, Any]:
        """``{"event": {...}, "briefing": {...}}``; the briefing is made now if the event is new or has changed."""
        found = await _work(request, _with_store, _store(app), _one_event, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r} in the store")
        return await _briefed(request, found, "event")

    @app.get("/stories", summary="Stories in the store, largest first, each with its events")
    async def stories(request: Request, limit: int = Query(50, ge=1, le=1000)) -> list[dict[str, Any]]:
        """Each story as ``{id, title, size, first, last, events: [{id, story, title, size, outlets, first,
        last}]}``."""
        return await _work(request, _with_store, _store(app), _list_stories, limit)

    @app.get("/stories/{story_id}", summary="One story, its events and its briefing",
             responses={404: {"description": "No such story"}})
    async def story(request: Request, story_id: str) -> dict[str, Any]:
        """``{"story": {...}, "briefing": {...}}``: one briefing over every event of the story, made now if
        the story is new or has changed."""
        found = await _work(request, _with_store, _store(app), _one_story, story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r} in the store")
        return await _briefed(request, found, "story")

    @app.get("/events/{event_id}/brief", summary="A briefing of one event, made now",
             responses={200: {"description": "The briefing (JSON schema in the README)"},
                        404: {"description": "No such event"},
                        422: {"description": "A bad time, or nothing new since it"}})
    async def event_brief(request: Request, event_id: str,
                          since: str | None = Query(None, max_length=100, description="a time (ISO 8601, UTC "
                                                    "unless it says otherwise): brief what the store got since, for "
                                                    "a reader of what it held then"),
                          query: str | None = Query(None, max_length=2000, description="a question to answer first"),
                          max_words: int = Query(100, ge=1, le=MAX_WORDS), method: str = Query(DEFAULT),
                          format: Format = Query("json")) -> Response:
        """The event's briefing over its articles, or, with ``since``, what is new since that time: the
        articles the store held then are ``seen`` and the briefing tells what the others add."""
        _check_method(method)
        when = None
        if since is not None:
            from newsbrief.ingest import parse_time  # dateparser, for times that are not ISO

            when = parse_time(since)
            if when is None:
                raise HTTPException(422, f"since: not a time: {since!r}")
        found = await _work(request, _with_store, _store(app), _event_articles, event_id, when)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r} in the store")
        records, read = found
        result = await _work_process(request, *_load([*records, *(read or ())]), jobs.brief, records, max_words,
                                     method, read, query, when.isoformat() if when else None)
        return _briefing_response(result, format)


def _briefing_response(result: Briefing, format: Format) -> Response:
    """The briefing in ``format``; 422 with the account of each article when none was usable."""
    if not any(rec.status == "used" for rec in result.articles):
        return JSONResponse({"detail": "no usable article among the inputs",
                             "articles": [_account(r) for r in result.to_dict()["articles"]]}, 422)
    from newsbrief.report import render  # the report's templates load on first use

    return Response(render(result, format), media_type=MEDIA[format])


def _open(path: Path) -> Any:
    from newsbrief.store import Store  # the store loads only when the server has one

    return Store(path)


def _store(app: FastAPI) -> Any:
    if app.state.db is None:
        raise HTTPException(404, "this server has no event store (start it with --store PATH)")
    return app.state.db


def _with_store(store: Any, fn: Callable[..., T], *args: Any) -> T:
    """``fn(store, *args)``; a store that fails to read is a 503, logged on the server."""
    from newsbrief.store import StoreError  # the store loads only when the server has one

    try:
        return fn(store, *args)
    except StoreError as exc:
        log.error("%s", exc)
        raise HTTPException(503, "the event store cannot be read") from None


def _list_events(store: Any, q: str | None, limit: int) -> list[dict[str, Any]]:
    if q is None:
        return [asdict(e) for e in store.events(limit)]
    ids = dict.fromkeys(hit.event for hit in store.search(q, limit) if hit.event)
    return [asdict(e) for e in map(store.event, ids) if e is not None]


def _event_articles(store: Any, event_id: str, when: datetime | None) -> tuple[list[Any], list[Any] | None] | None:
    """The records of an event to brief, and those a reader had read at ``when`` (None without a time);
    None for an unknown event."""
    if store.event(event_id) is None:
        return None
    if when is None:
        return store.articles(event_id), None
    read, new = store.held(store.articles(event_id), when)
    return new, read


def _one_event(store: Any, event_id: str) -> dict[str, Any] | None:
    info = store.event(event_id)
    return None if info is None else {"event": asdict(info), "briefing": store.held_briefing("events", info.id)}


def _list_stories(store: Any, limit: int) -> list[dict[str, Any]]:
    return [asdict(s) for s in store.stories(limit)]


def _one_story(store: Any, story_id: str) -> dict[str, Any] | None:
    info = store.story(story_id)
    return None if info is None else {"story": asdict(info), "briefing": store.held_briefing("stories", info.id)}


async def _briefed(request: Request, found: dict[str, Any], view: str) -> dict[str, Any]:
    """``found`` (``{view: {...}, "briefing": ...}``) with its briefing made, when the store did not hold one:
    in the worker pool, like any briefing (the server's threads only read the store), then kept in the store."""
    pending = found["briefing"]
    if pending is None or isinstance(pending, dict):
        return found
    made = (await _work_process(request, *_load(pending.records), jobs.brief, pending.records,
                                pending.max_words, DEFAULT)).to_dict()
    await _work(request, _with_store, _store(request.app), lambda store: store.keep(pending, made))
    return {view: {**found[view], "title": made["title"]}, "briefing": made}


def _load(records: list[dict[str, Any]]) -> tuple[int, int]:
    """The number of article records and their characters: what the pool weighs a request by."""
    return len(records), sum(len(r["text"]) for r in records)


# ---------------------------------------------------------------- request helpers


async def _work(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn`` in a worker thread, at most ``workers`` at a time (the store's views)."""
    return await anyio.to_thread.run_sync(partial(fn, *args), limiter=request.app.state.limiter)


async def _work_process(request: Request, articles: int, size: int, fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn`` in the worker pool; a full queue is a 503, the time limit passed a 504 (both with
    ``Retry-After``). ``articles`` and ``size`` (body bytes) tell whether the request is large."""
    pool: WorkerPool = request.app.state.pool
    try:
        return await pool.run(fn, *args, large=pool.settings.is_large(articles, size))
    except Overloaded as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None
    except TooSlow as exc:
        raise HTTPException(504, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None


def _check_method(method: str) -> None:
    from newsbrief.summarize import available  # the summarizers load in the workers, not at start-up

    if method not in available():
        raise HTTPException(400, f"unknown summarizer {method!r}; choose from {', '.join(sorted(available()))}")


def _is_multipart(request: Request) -> bool:
    return request.headers.get("content-type", "").startswith("multipart/form-data")


@dataclass(frozen=True)
class _Body:
    """A parsed JSON request body and its size in bytes."""

    value: Any
    size: int


async def _json_body(request: Request) -> _Body:
    """The request's JSON; 415 unless it is declared JSON (a body without a Content-Type included),
    400 for a body that is not JSON (bad syntax, not UTF-8, nested too deeply)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        shown = repr(kind) if kind else "none"
        raise HTTPException(415, f"unsupported content type {shown}: send application/json or multipart/form-data")
    body = await request.body()
    try:
        return _Body(parse_json(body), len(body))
    except JSONError as exc:
        raise HTTPException(400, str(exc)) from None


async def _brief_files(request: Request, max_words: int, method: str) -> Briefing:
    """Uploaded files go through the same readers as files on disk (by extension), in a
    private temporary folder; the account names them by their upload names, not temp paths.
    Files in the field ``earlier`` are what the reader has read; the field ``query`` is their question."""
    form = await request.form(max_files=MAX_ARTICLES, max_fields=MAX_ARTICLES)
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    read = [f for f in form.getlist("earlier") if isinstance(f, UploadFile)]
    query = form.get("query")
    if not uploads:
        raise HTTPException(422, "multipart request without files: send them in the field 'files'")
    with tempfile.TemporaryDirectory(prefix="newsbrief-") as tmp:
        names: dict[str, str] = {}
        paths, size = await _saved(uploads, Path(tmp, "files"), names)
        earlier, more = await _saved(read, Path(tmp, "earlier"), names)
        result = await _work_process(request, len(paths) + len(earlier), size + more, jobs.brief, paths, max_words,
                                     method, earlier if read else None, query if isinstance(query, str) else None)
    return replace(result, articles=tuple(replace(rec, source=_upload_name(rec.source, names))
                                          for rec in result.articles))


def _upload_name(source: str | None, names: dict[str, str]) -> str | None:
    """``source`` with the temporary path an upload was saved at replaced by the upload's name; a line of a
    JSON Lines upload (``PATH:LINE``) keeps its line."""
    if source is None or source in names:
        return names.get(source or "", source)
    path, _, line = source.rpartition(":")
    return f"{names[path]}:{line}" if line.isdigit() and path in names else source


async def _saved(uploads: list[UploadFile], folder: Path, names: dict[str, str]) -> tuple[list[str], int]:
    """The uploads written in ``folder`` (one sub-folder each, so names never clash): their paths and bytes
    in all; ``names`` gets each path's upload name."""
    paths, size = [], 0
    for n, upload in enumerate(uploads):
        name = Path(upload.filename or f"upload-{n}.txt").name.lstrip(".") or f"upload-{n}.txt"
        path = folder / str(n) / name
        path.parent.mkdir(parents=True)
        size += path.write_bytes(await upload.read())
        paths.append(str(path))
        names[str(path)] = name
    return paths, size


def _account(rec: dict[str, Any]) -> dict[str, Any]:
    """An article's account without its text (for error replies)."""
    return {k: rec[k] for k in ("id", "status", "reason", "source")}


def _body(model: str, **forms: dict[str, Any]) -> dict[str, Any]:
    """The request body of an endpoint that reads its own, for the OpenAPI document: JSON in the
    schema ``model``, and any other ``forms`` (media type -> schema)."""
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}}
    return {"requestBody": {"required": True, "content": {**content, **forms}}}


def _brief_body() -> dict[str, Any]:
    """The two request forms of POST /brief, for the OpenAPI document."""
    files = {"type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": ".txt, .html, .json or .jsonl files, as `newsbrief brief` reads them"},
        "earlier": {"type": "array", "items": {"type": "string", "format": "binary"},
                    "description": "files the reader has read: the briefing tells what is new since"},
        "query": {"type": "string", "description": "a question the briefing answers first"}}}
    return _body("BriefRequest", **{"multipart/form-data": {"schema": files}})


# ---------------------------------------------------------------- errors


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 naming the first bad field in one line, and each problem without echoing the input."""
    errors = exc.errors() if isinstance(exc, (RequestValidationError, ValidationError)) else []
    problems = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in errors]
    first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"])
    return JSONResponse({"detail": f"{where}: {first['msg']}" if where else first["msg"], "errors": problems}, 422)
