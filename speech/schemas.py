"""Response models of the speech service."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field


class TranscribedWord(BaseModel):
    word: str
    start: float = Field(..., description="seconds from the start of the audio")
    end: float
    probability: float


class TranscribeResponse(BaseModel):
    text: str = Field(..., description="the caller's words; empty unless `reliable`")
    reliable: bool = Field(..., description="false: no speech, or a transcript not to be taken as a turn "
                                            "(ask the caller to repeat)")
    reason: Optional[str] = Field(None, description="why the transcript is not reliable")
    discarded_text: Optional[str] = Field(
        None, description="what the recogniser wrote when that was judged unreliable; for diagnosis, never a turn")
    words: list[TranscribedWord] = Field(default_factory=list, description="empty unless `reliable`")
    avg_logprob: Optional[float] = Field(None, description="mean token log-probability (none when ASR did not run)")
    no_speech_prob: Optional[float] = Field(None, description="Whisper's probability that there was no speech")
    speech_s: float = Field(..., description="seconds of speech the voice-activity detector found")
    duration_s: float = Field(..., description="seconds of audio received")
    engine: str
    model: str
    decode_ms: float
    vad_ms: float
    asr_ms: float = Field(..., description="time spent in the recogniser (0 when the VAD found no speech)")


class TurnTimingView(BaseModel):
    kind: str = Field(..., description="speech, dtmf or signal (call connected, no input)")
    asr_ms: float
    asr_wait_ms: float = Field(..., description="how long the answer waited for recognition after the turn ended")
    speculative: bool = Field(..., description="the transcript made during the end-of-turn silence was used")
    reliable: bool
    expected: str = Field("open", description="the vocabulary the assistant's question called for (digits after "
                                              "asking for the last four digits of a phone number)")
    vocabulary: str = Field("open", description="the vocabulary of the transcript kept: digits when the dialogue "
                                                "expected a number and the closed decode was the surer")
    dialogue_ms: float
    tts_first_audio_ms: float
    answer_ms: float = Field(..., description="end of turn -> first reply audio handed to the transport")


class CallView(BaseModel):
    call_id: str
    transport: str
    disposition: str = Field(..., description="transfer (handed off to a person) or hangup")
    ended: Optional[str]
    error: Optional[str]
    turns: list[TurnTimingView]

    @classmethod
    def of(cls, record) -> "CallView":
        return cls(call_id=record.call_id, transport=record.transport, disposition=record.disposition,
                   ended=record.ended, error=record.error,
                   turns=[TurnTimingView(**vars(t)) for t in record.turns])


class VoiceTurnResponse(BaseModel):
    conversation_id: str
    transcript: str = Field(..., description="what the caller said; empty when it was not understood")
    reliable: bool
    replies: list[str] = Field(..., description="the assistant's replies, as text")
    handed_off: bool = Field(..., description="the conversation now waits for a person")
    audio_wav_base64: str = Field(..., description="the replies spoken: 16-bit mono WAV, base64")
    asr_ms: float
    dialogue_ms: float
    tts_ms: float


class Health(BaseModel):
    status: str
    engine: str
    model: str


class ErrorBody(BaseModel):
    detail: str
