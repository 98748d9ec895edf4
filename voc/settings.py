"""The voc service's one settings object (environment variables)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from contracts.ports import DEFAULT_PORTS
from contracts.redis_keys import (DEFAULT_VOC_RETENTION_SECONDS, DEFAULT_VOC_STREAM_RETENTION_SECONDS,
                                  DEFAULT_VOC_TRANSCRIPT_RETENTION_SECONDS)
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from voc.taxonomy import DEFAULT_PATH


class VocSettings(BaseSettings):
    host: str = Field("127.0.0.1", alias="VOC_HOST")
    port: int = Field(DEFAULT_PORTS["voc"], alias="VOC_PORT")
    redis_url: str = Field(f"redis://127.0.0.1:{DEFAULT_PORTS['redis']}/0", alias="REDIS_URL")
    pseudonym_secret: str = Field("", alias="VOC_PSEUDONYM_SECRET",
                                  description="keys the hash that turns sender and customer ids into pseudonyms")
    taxonomy: Path = Field(DEFAULT_PATH, alias="VOC_TAXONOMY", description="the irritant taxonomy (YAML)")
    group: str = Field("voc-worker", alias="VOC_GROUP", description="the stream's consumer group")
    consumer: str = Field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}", alias="VOC_CONSUMER")
    batch: int = Field(200, gt=0, alias="VOC_BATCH", description="stream entries read at once")
    claim_idle_ms: int = Field(30_000, gt=0, alias="VOC_CLAIM_IDLE_MS",
                               description="entries another consumer left unacknowledged this long are taken over")
    retention_seconds: int = Field(DEFAULT_VOC_RETENTION_SECONDS, gt=0, alias="VOC_RETENTION_SECONDS",
                                   description="irritant records and aggregates expire after this")
    stream_retention_seconds: int = Field(DEFAULT_VOC_STREAM_RETENTION_SECONDS, gt=0,
                                          alias="VOC_STREAM_RETENTION_SECONDS")
    transcript_retention_seconds: int = Field(DEFAULT_VOC_TRANSCRIPT_RETENTION_SECONDS, gt=0,
                                              alias="VOC_TRANSCRIPT_RETENTION_SECONDS",
                                              description="redacted transcripts expire this long after their last line")
    conversation_idle_seconds: float = Field(1800, gt=0, alias="VOC_CONVERSATION_IDLE_SECONDS",
                                             description="a conversation quiet this long is over: its outcome is counted")
    close_every_seconds: float = Field(2.0, gt=0, alias="VOC_CLOSE_EVERY_SECONDS",
                                       description="how often ended conversations are looked for")
    alert_every_seconds: float = Field(300, gt=0, alias="VOC_ALERT_EVERY_SECONDS")
    alert_baseline_days: int = Field(14, ge=1, alias="VOC_ALERT_BASELINE_DAYS",
                                     description="the days before today whose mean is a category's baseline")
    alert_ratio: float = Field(2.0, gt=1, alias="VOC_ALERT_RATIO", description="today / baseline that alerts")
    alert_min_count: int = Field(10, ge=1, alias="VOC_ALERT_MIN_COUNT", description="fewer records today never alert")
    alert_webhook_url: str = Field("", alias="VOC_ALERT_WEBHOOK_URL", description="alerts are POSTed here as JSON")
    cluster_every_seconds: float = Field(3600, gt=0, alias="VOC_CLUSTER_EVERY_SECONDS",
                                         description="how often emerging irritants are clustered (when new ones came)")
    cluster_window_days: int = Field(30, ge=1, le=400, alias="VOC_CLUSTER_WINDOW_DAYS")
    cluster_max_messages: int = Field(3000, ge=10, alias="VOC_CLUSTER_MAX_MESSAGES",
                                      description="the newest uncategorised messages clustered at most")
    top_tiers: str = Field("gold,platinum", alias="TOP_TIERS", description="tiers whose irritants weigh more")
    dev_mode: bool = Field(False, alias="DEV_MODE")

    model_config = SettingsConfigDict(populate_by_name=True, extra="ignore")
