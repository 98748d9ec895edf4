"""The analysts' API: irritants, trends, channels, quotes, transcripts, KPIs, CSV export (role
`analyst`), and taxonomy edits and erasure (role `admin`). Bearer tokens from `python -m voc token`."""

from __future__ import annotations

import csv
import io
from typing import Callable, Iterator, Literal, Optional

import redis
from fastapi import APIRouter, Body, Depends, HTTPException, Query
from fastapi.responses import StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from voc import auth, emerging, queries
from voc.erasure import erase_customer
from voc.irritants import IrritantRecord
from voc.settings import VocSettings
from voc.taxonomy import Taxonomy, TaxonomyError, parse

QUOTES_MAX = 500
Channel = Optional[str]


class TopIrritant(BaseModel):
    category: str
    records: int
    customers: int  # unique customers, over all channels
    mean_severity: Optional[float]
    description: str


class DayTrend(BaseModel):
    day: str
    records: int
    by_category: dict[str, int]


class ChannelBreakdown(BaseModel):
    channel: str
    records: int
    irritants: dict[str, int]
    messages: int
    sentiment: dict[str, int]


class Quote(BaseModel):
    id: str
    at: float
    conversation: str
    channel: str
    intent: str
    category: str
    subcategory: str
    sentiment: str
    severity: float
    quote: str


class QuotePage(BaseModel):
    quotes: list[Quote]
    next: Optional[str] = None  # pass as `before` for the next page


class TranscriptLine(BaseModel):
    at: float
    who: Literal["customer", "assistant"]
    text: str
    intent: Optional[str] = None
    sentiment: Optional[str] = None


class Transcript(BaseModel):
    conversation: str
    lines: list[TranscriptLine]


class Kpi(BaseModel):
    period: str
    channel: str
    conversations: int
    containment: Optional[float]
    handoff_rate: Optional[float]
    abandonment: Optional[float]
    unresolved: Optional[float]
    fallback_rate: Optional[float]
    avg_turns_to_resolution: Optional[float]
    effort: Optional[float]
    inferred_csat: Optional[float]
    stated_csat: Optional[float]
    ratings: int
    rated_inferred_csat: Optional[float]
    csat_agreement: Optional[float]
    handoff_reasons: dict[str, int]


class EmergingCluster(BaseModel):
    id: str
    keywords: list[str]
    size: int
    first_seen: float
    last_seen: float
    quotes: list[str]  # redacted, the most typical first
    promoted: Optional[str] = None  # the category it was promoted into


class Promotion(BaseModel):
    category: str = Field(..., min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$",
                          description="an existing category, or a new one")
    subcategory: Optional[str] = Field(None, max_length=60, pattern=r"^[a-z][a-z0-9_]*$",
                                       description="default: the cluster's first two keywords")
    description: Optional[str] = Field(None, max_length=200, description="for a new category")
    keywords: Optional[list[str]] = Field(None, max_length=20,
                                          description="words or phrases that reveal it (default: its top three)")


class Alert(BaseModel):
    id: str
    at: float
    day: str
    category: str
    count: int
    baseline: float
    ratio: float


class DemoReplay(BaseModel):
    replayed: bool = Field(..., description="scripted demo conversations were replayed into this Redis by `make run`")
    state: Optional[str] = Field(None, description="replaying or done")
    conversations: Optional[int] = None
    turns: Optional[int] = None
    failed_turns: Optional[int] = None
    started_at: Optional[float] = None
    finished_at: Optional[float] = None
    sender_prefix: Optional[str] = Field(None, description="the demo conversations' sender ids start with it")


class Me(BaseModel):
    role: str
    name: str


class TaxonomySummary(BaseModel):
    categories: dict[str, str]  # name -> description
    intents: dict[str, str]  # intent -> category
    yaml: str


class Erasure(BaseModel):
    customer: str
    conversations: int
    stream_events: int
    irritant_records: int
    outcome_records: int
    transcripts: int
    open_conversations: int
    unique_customer_sets: int
    handoff_entries: int
    handoff_states: int
    trackers: int


def router(settings: VocSettings, client: redis.Redis, taxonomy: Callable[[], Taxonomy],
           set_taxonomy: Callable[[Taxonomy, str], None]) -> APIRouter:
    bearer = HTTPBearer(auto_error=False, description="a token from `python -m voc token create`")

    def role(needed: str):
        def check(credentials: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> Me:
            if credentials is None:
                raise HTTPException(401, "an API token is needed: 'Authorization: Bearer <token>' "
                                         "(mint one with `python -m voc token create`)",
                                    headers={"WWW-Authenticate": "Bearer"})
            found = auth.holder(client, credentials.credentials)
            if found is None:
                raise HTTPException(401, "this token is unknown, revoked or expired",
                                    headers={"WWW-Authenticate": "Bearer"})
            held, name = found
            if not auth.allows(held, needed):
                raise HTTPException(403, f"this needs the {needed} role; the token's role is {held}")
            return Me(role=held, name=name)
        return check

    analyst, admin = Depends(role(auth.ANALYST)), Depends(role(auth.ADMIN))

    def period(since: Optional[str] = Query(None, description="first UTC day, YYYY-MM-DD (default: 6 days before until)"),
               until: Optional[str] = Query(None, description="last UTC day, YYYY-MM-DD (default: today)")) -> queries.Period:
        try:
            return queries.Period.parse(since, until)
        except queries.PeriodError as exc:
            raise HTTPException(400, str(exc)) from None

    api = APIRouter(prefix="/v1")

    @api.get("/me", response_model=Me, summary="The token's role and name")
    def me(who: Me = analyst) -> Me:
        return who

    @api.get("/irritants/top", response_model=list[TopIrritant], summary="Top irritants for a period", dependencies=[analyst])
    def top(p: queries.Period = Depends(period), channel: Channel = None, limit: int = Query(10, ge=1, le=100)):
        return queries.top_irritants(client, taxonomy(), p, channel, limit)

    @api.get("/irritants/trends", response_model=list[DayTrend], summary="Irritant records per day", dependencies=[analyst])
    def trends(p: queries.Period = Depends(period), channel: Channel = None, category: Optional[str] = None):
        return queries.trends(client, p, channel, category)

    @api.get("/channels", response_model=list[ChannelBreakdown], summary="Irritants and sentiment by channel",
             dependencies=[analyst])
    def channels(p: queries.Period = Depends(period)):
        return queries.channels(client, p)

    @api.get("/quotes", response_model=QuotePage, summary="Redacted quotes, newest first", dependencies=[analyst])
    def quotes(p: queries.Period = Depends(period), channel: Channel = None, category: Optional[str] = None,
               limit: int = Query(50, ge=1, le=QUOTES_MAX), before: Optional[str] = Query(None, pattern=r"^\d+-\d+$")):
        found = []
        for record in queries.records(client, p, channel, category, before):
            found.append(record)
            if len(found) > limit:
                break
        more = len(found) > limit
        return QuotePage(quotes=found[:limit], next=found[limit - 1]["id"] if more else None)

    @api.get("/conversations/{conversation}/transcript", response_model=Transcript,
             summary="A conversation's redacted transcript, by its pseudonym", dependencies=[analyst])
    def transcript(conversation: str):
        lines = queries.transcript(client, conversation)
        if not lines:
            raise HTTPException(404, f"no transcript for {conversation!r} (unknown, erased, or older than "
                                     f"{settings.transcript_retention_seconds // 86400} days)")
        return Transcript(conversation=conversation, lines=lines)

    @api.get("/kpis", response_model=list[Kpi], summary="KPIs per channel ('all' too) and per week, day or period",
             dependencies=[analyst])
    def kpis(p: queries.Period = Depends(period), by: Literal["week", "day", "total"] = "week"):
        return queries.kpis(client, p, by)

    @api.get("/clusters", response_model=list[EmergingCluster],
             summary="Emerging irritants: clusters of negative messages that fit no category", dependencies=[analyst])
    def clusters():
        return queries.emerging(client)

    @api.post("/clusters/{cluster_id}/promote", response_model=TaxonomySummary,
              summary="Promote an emerging cluster into the taxonomy (a sub-category with its keywords)",
              dependencies=[admin])
    def promote(cluster_id: str, body: Promotion):
        cluster = next((c for c in queries.emerging(client) if c["id"] == cluster_id), None)
        if cluster is None:
            raise HTTPException(404, f"no emerging cluster {cluster_id!r} (clusters are replaced at each run)")
        try:
            new, text = emerging.promoted_taxonomy(settings.taxonomy.read_text(encoding="utf-8"), cluster,
                                                    body.category, body.subcategory, body.description, body.keywords)
        except emerging.PromotionError as exc:
            raise HTTPException(400, str(exc)) from None
        set_taxonomy(new, text)
        emerging.mark_promoted(client, cluster_id, body.category)
        return get_taxonomy()

    @api.get("/demo", response_model=DemoReplay, summary="Whether the data includes make run's scripted demo conversations",
             dependencies=[analyst])
    def demo():
        return queries.demo_replay(client)

    @api.get("/alerts", response_model=list[Alert], summary="Categories that rose well above their baseline",
             dependencies=[analyst])
    def alerts(p: queries.Period = Depends(period)):
        return queries.alerts(client, p)

    @api.get("/export.csv", summary="Irritant records as CSV", dependencies=[analyst],
             response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
    def export(p: queries.Period = Depends(period), channel: Channel = None, category: Optional[str] = None):
        columns = ["id", *IrritantRecord.__dataclass_fields__]

        def rows() -> Iterator[str]:
            out = io.StringIO()
            writer = csv.DictWriter(out, columns, extrasaction="ignore")
            writer.writeheader()
            for record in queries.records(client, p, channel, category):
                writer.writerow(record)
                yield out.getvalue()
                out.seek(0), out.truncate()
            yield out.getvalue()

        name = f"voc-irritants-{p.since}-{p.until}.csv"
        return StreamingResponse(rows(), media_type="text/csv",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @api.get("/taxonomy", response_model=TaxonomySummary, summary="The irritant taxonomy", dependencies=[analyst])
    def get_taxonomy():
        t = taxonomy()
        return TaxonomySummary(categories=t.descriptions, intents={i: c.name for i, c in t.by_intent.items()},
                               yaml=settings.taxonomy.read_text(encoding="utf-8"))

    @api.put("/taxonomy", response_model=TaxonomySummary, summary="Replace the taxonomy (YAML); applies to new records",
             dependencies=[admin])
    def put_taxonomy(text: str = Body(..., media_type="application/yaml")):
        try:
            new = parse(text, source="the request")
        except TaxonomyError as exc:
            raise HTTPException(400, str(exc)) from None
        set_taxonomy(new, text)
        return get_taxonomy()

    @api.delete("/customers/{customer_id}", response_model=Erasure,
                summary="Erase everything held about one customer", dependencies=[admin])
    def erase(customer_id: str):
        return erase_customer(client, settings.pseudonym_secret, customer_id).as_dict()

    return api
