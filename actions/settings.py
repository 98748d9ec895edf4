"""The actions server's one settings object, read from the environment."""

from __future__ import annotations

from typing import FrozenSet

from pydantic import BaseSettings, Field  # pydantic 1.x: what rasa 3.6 pins


class ActionSettings(BaseSettings):
    redis_url: str = Field("redis://127.0.0.1:6379/0", env="REDIS_URL")
    customer_token_secret: str = Field(
        "dev-only-secret-change-me-in-production-0000",
        env="CUSTOMER_TOKEN_SECRET",
        description="HS256 secret shared with the website/telephony platform that issues tokens",
    )
    top_tiers: FrozenSet[str] = Field(frozenset({"gold", "platinum"}), env="TOP_TIERS")
    negative_messages_before_human: int = Field(2, env="NEGATIVE_MESSAGES_BEFORE_HUMAN")
    handoff_wait_minutes_per_person: int = Field(3, env="HANDOFF_WAIT_MINUTES_PER_PERSON")

    class Config:
        @classmethod
        def parse_env_var(cls, field_name, raw_value):
            if field_name == "top_tiers":
                return frozenset(t.strip().lower() for t in raw_value.split(",") if t.strip())
            return cls.json_loads(raw_value)
