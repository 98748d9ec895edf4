"""The voc process: the stream worker in a background thread, the analysts' API (voc.api) and
the worker's health over HTTP."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager

import redis
from fastapi import FastAPI
from pydantic import BaseModel

from contracts.identity import require_secret
from contracts.redis_keys import VOC_EVENTS
from voc import api, dashboard
from voc.emerging import Clusterer
from voc.settings import VocSettings
from voc.taxonomy import Taxonomy
from voc.worker import Worker

log = logging.getLogger("voc")


class Health(BaseModel):
    status: str
    consumer: str
    applied: int
    duplicates: int
    ignored: int
    closed: int  # conversations closed (ended) by this worker since it started
    pending: int | None = None  # read but not yet acknowledged, all consumers
    lag: int | None = None  # in the stream, not yet read by the group


def checked(settings: VocSettings) -> VocSettings:
    return settings.model_copy(update={"pseudonym_secret": require_secret(
        "VOC_PSEUDONYM_SECRET", settings.pseudonym_secret, settings.dev_mode)})


def create_app(settings: VocSettings | None = None) -> FastAPI:
    settings = checked(settings or VocSettings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        stop = threading.Event()
        worker = Worker(settings)
        worker.ensure_group()
        thread = threading.Thread(target=worker.run, args=(stop,), name="voc-worker", daemon=True)
        thread.start()
        # clustering embeds sentences: its own thread, so the stream never waits for it
        clusterer = threading.Thread(target=Clusterer(settings, worker.redis).loop, args=(stop,),
                                     name="voc-clusters", daemon=True)
        clusterer.start()
        app.state.worker = worker
        yield
        stop.set()
        thread.join(timeout=5)

    app = FastAPI(title="voc", summary="Voice of the customer: irritants, outcomes and KPIs from every conversation",
                  description="Analyst endpoints need `Authorization: Bearer <token>`; mint tokens with "
                              "`python -m voc token create --role analyst|admin --name <who>`.",
                  # FastAPI's /docs page loads its scripts from a CDN: the schema is at /openapi.json
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    client = redis.Redis.from_url(settings.redis_url, decode_responses=True)

    def taxonomy() -> Taxonomy:
        return app.state.worker.store.taxonomy

    def set_taxonomy(new: Taxonomy, text: str) -> None:
        app.state.worker.replace_taxonomy(new, text)

    app.include_router(api.router(settings, client, taxonomy, set_taxonomy))
    app.include_router(dashboard.router())

    @app.get("/health", response_model=Health)
    def health() -> Health:
        worker: Worker = app.state.worker
        p = worker.progress
        group = next((g for g in worker.redis.xinfo_groups(VOC_EVENTS) if g["name"] == settings.group), {})
        return Health(status="ok", consumer=settings.consumer, applied=p.applied, duplicates=p.duplicates,
                      ignored=p.ignored, closed=p.closed, pending=group.get("pending"), lag=group.get("lag"))

    return app


def serve(settings: VocSettings) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")
