"""Request and response models of the nlu service (Rasa's NLU-server API plus sentiment)."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class ParseRequest(BaseModel):
    text: str = Field(..., description="The user's message")
    message_id: Optional[str] = Field(None, description="Rasa sends the sender id here")
    token: Optional[str] = Field(None, description="Rasa's endpoint token, unused")
    explain: bool = Field(False, description="Also return the words that most drove the intent")


class Intent(BaseModel):
    name: str
    confidence: float


class Entity(BaseModel):
    model_config = ConfigDict(extra="allow")
    entity: str
    start: int
    end: int
    value: str
    extractor: str
    confidence_entity: Optional[float] = None
    role: Optional[str] = None
    group: Optional[str] = None


class Sentiment(BaseModel):
    label: str = Field(..., description="negative, neutral or positive")
    score: float


class ExplainedToken(BaseModel):
    token: str
    start: int
    end: int
    weight: float = Field(..., description="Drop in the intent's probability when this word is left out")


class Explanation(BaseModel):
    intent: str = Field(..., description="The intent explained (the top real intent under a fallback)")
    method: str = "occlusion"
    tokens: list[ExplainedToken]


class RequestPart(BaseModel):
    intent: str
    confidence: float
    start: int
    end: int
    text: str = Field(..., description="The clause of the message that asks it")


class ParseResponse(BaseModel):
    text: str
    intent: Intent
    intent_ranking: list[Intent]
    entities: list[Entity]
    sentiment: Sentiment
    requests: list[RequestPart] = Field(
        default_factory=list,
        description="When the message asks for several things: each request, the one to answer first "
                    "first (it is also `intent`); empty otherwise")
    elsewhere: bool = Field(
        False,
        description="The message is out of scope because it is about something that is not ours (another "
                    "company's service, everyday life, general knowledge, a joke asked for): whatever feeling it "
                    "shows is not aimed at us")
    model: str = Field(..., description="Version of the model that answered")
    explanation: Optional[Explanation] = None


class Health(BaseModel):
    status: str
    model: str


class ErrorBody(BaseModel):
    detail: str
