"""The dialogue step: a caller's turn to Rasa's voice channel (bot/voice_channel.py) and back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import httpx

from contracts.identity import CUSTOMER_TOKEN_KEY


@dataclass(frozen=True)
class Reply:
    texts: list[str]
    handed_off: bool = False  # waiting for a person: the call is transferred when it ends
    end_call: bool = False  # the dialogue asked to hang up (after repeated silence)
    expect: Optional[str] = None  # a vocabulary name ("digits") when the last question expects one


class DialogueError(RuntimeError):
    """Rasa did not answer; the message says why (never the caller's words)."""


class RasaVoiceClient:
    def __init__(self, rasa_url: str, token: str, timeout_s: float = 15.0) -> None:
        self.url = f"{rasa_url.rstrip('/')}/webhooks/voice/webhook"
        self._client = httpx.AsyncClient(timeout=timeout_s, headers={"Authorization": f"Bearer {token}"})

    async def send(self, call_id: str, text: str, customer_token: Optional[str] = None) -> Reply:
        metadata: dict[str, Any] = {"call_id": call_id}
        if customer_token:
            metadata[CUSTOMER_TOKEN_KEY] = customer_token
        try:
            answer = await self._client.post(self.url, json={"sender": call_id, "message": text, "metadata": metadata})
        except httpx.HTTPError as exc:
            raise DialogueError(f"the dialogue service is unreachable ({type(exc).__name__})") from None
        if answer.status_code != 200:
            raise DialogueError(f"the dialogue service answered HTTP {answer.status_code}: {answer.text[:200]}")
        body = answer.json()
        messages = body.get("messages") or []
        return Reply(texts=[m["text"] for m in messages if m.get("text")],
                     handed_off=bool(body.get("handed_off")), end_call=bool(body.get("end_call")),
                     expect=body.get("expect"))

    async def aclose(self) -> None:
        await self._client.aclose()
