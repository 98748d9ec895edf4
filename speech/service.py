"""The speech HTTP service: `POST /v1/transcribe` (audio -> a turn's text, or why not)."""

from __future__ import annotations

import base64
import io
import logging
import time
import uuid
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

import numpy as np
from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from contracts.identity import bearer_matches, require_secret
from speech.asr.engine import load_engine
from speech.calls import CallRegistry, voice_turn_sender
from speech.asr.vocabulary import VOCABULARIES, VocabularyName
from speech.audio import SAMPLE_RATE, Audio, AudioError, AudioLimits, decode, to_pcm16
from speech.schemas import CallView, ErrorBody, Health, TranscribedWord, TranscribeResponse, VoiceTurnResponse
from speech.settings import SpeechSettings
from speech.transcriber import Result, Thresholds, Transcriber
from speech.transports import audiosocket, browser, twilio
from speech.tts.engine import TtsError, load_tts
from speech.voice.dialogue import DialogueError, RasaVoiceClient
from speech.voice.dtmf import Keypad
from speech.voice.session import VoiceParts, pieces
from contracts.signals import NOT_UNDERSTOOD, signal_text
from speech.voice.turns import TurnSettings, silero_probability
from speech.uploads import Upload, body_limit, parse_upload, read_capped
from speech.vad import SileroVad

log = logging.getLogger("speech")

_AUDIO_BODY = {"schema": {"type": "string", "format": "binary"}}
_REQUEST_BODY = {
    "required": True,
    "description": "The audio file (WAV, FLAC, MP3, Ogg/Opus, WebM, ...) as the body, or as multipart form "
                   "field `file` (with optional `prompt` and `vocabulary` fields).",
    "content": {
        "audio/*": _AUDIO_BODY,
        "application/octet-stream": _AUDIO_BODY,
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}, "prompt": {"type": "string"},
            "vocabulary": {"type": "string", "enum": list(VOCABULARIES)}}}},
    },
}
_ERRORS = {status: {"model": ErrorBody, "description": why} for status, why in [
    (413, "the upload is over MAX_AUDIO_BYTES or the audio over MAX_AUDIO_SECONDS"),
    (415, "not audio, or a format no decoder reads"),
    (422, "audio without samples, or an unknown vocabulary"),
]}


def build_transcriber(settings: SpeechSettings) -> Transcriber:
    engine = load_engine(settings, log=log.warning)
    vad = SileroVad(settings.vad_threshold, settings.vad_min_speech_ms)
    thresholds = Thresholds(settings.asr_no_speech_threshold, settings.asr_logprob_threshold,
                            settings.asr_compression_ratio_threshold)
    transcriber = Transcriber(engine, vad, thresholds)
    engine.transcribe(np.zeros(SAMPLE_RATE, dtype=np.float32))  # first call pays for lazy init; not a caller
    return transcriber


def build_voice(settings: SpeechSettings, transcriber: Transcriber) -> VoiceParts:
    turns = TurnSettings(threshold=settings.vad_threshold, min_speech_ms=settings.min_turn_speech_ms,
                         end_silence_ms=settings.end_of_turn_silence_ms,
                         speculate_after_ms=settings.speculate_after_ms, barge_in_ms=settings.barge_in_ms,
                         max_turn_s=settings.max_turn_seconds)
    return VoiceParts(
        transcriber=transcriber,
        dialogue=RasaVoiceClient(settings.rasa_url, settings.voice_channel_token),
        tts=load_tts(settings.tts_engine, settings.tts_url),
        vad=silero_probability, turns=turns, no_input_s=settings.no_input_seconds,
        keypad=lambda: Keypad(settings.dtmf_table, settings.dtmf_entry_text),
    )


def store(audio: Audio, folder: Path) -> Path:
    """STORE_AUDIO=true only: the decoded request as 16 kHz 16-bit WAV, for debugging recognition."""
    import soundfile

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.wav"
    soundfile.write(path, to_pcm16(audio.samples), SAMPLE_RATE, subtype="PCM_16")
    return path


def response(result: Result, audio: Audio, decode_ms: float, engine_name: str, model: str) -> TranscribeResponse:
    t = result.transcript
    words = [TranscribedWord(word=w.word, start=w.start, end=w.end, probability=w.probability)
             for w in t.words] if t and result.reliable else []
    return TranscribeResponse(
        text=result.text, reliable=result.reliable, reason=result.reason,
        discarded_text=t.text if t and not result.reliable else None, words=words,
        avg_logprob=t.avg_logprob if t else None, no_speech_prob=t.no_speech_prob if t else None,
        speech_s=round(sum(s.end - s.start for s in result.speech), 3), duration_s=round(audio.duration, 3),
        engine=engine_name, model=model, decode_ms=round(decode_ms, 1), vad_ms=round(result.vad_ms, 1),
        asr_ms=round(result.asr_ms, 1),
    )


def checked(settings: SpeechSettings) -> SpeechSettings:
    """The settings with usable internal tokens (InsecureSecretError outside dev mode)."""
    return settings.model_copy(update={
        "voice_channel_token": require_secret("VOICE_CHANNEL_TOKEN", settings.voice_channel_token, settings.dev_mode),
        "speech_api_token": require_secret("SPEECH_API_TOKEN", settings.speech_api_token, settings.dev_mode),
    })


def create_app(settings: SpeechSettings | None = None, transcriber: Transcriber | None = None) -> FastAPI:
    settings = checked(settings or SpeechSettings())
    limits = AudioLimits(settings.max_audio_bytes, settings.max_audio_seconds)
    calls = CallRegistry(settings.max_calls, lambda: app.state.voice)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.transcriber = transcriber or build_transcriber(settings)
        app.state.voice = build_voice(settings, app.state.transcriber)
        server = None
        if settings.audiosocket_port:
            server = await audiosocket.start_server(settings.audiosocket_host or settings.host,
                                                    settings.audiosocket_port, calls)
        yield
        if server is not None:
            server.close()
        await app.state.voice.dialogue.aclose()
        await app.state.voice.tts.aclose()

    app = FastAPI(title="speech", summary="Callers reach the assistant: speech recognition, the voice session, "
                                          "telephony transports", lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # the schema at /openapi.json; /docs would load a CDN
    app.state.calls = calls
    app.include_router(twilio.build_router(settings, calls))
    app.include_router(browser.build_router(calls))

    def authorised(authorization: Optional[str]) -> None:
        if not bearer_matches(authorization, settings.speech_api_token):
            raise HTTPException(401, "a valid bearer token (SPEECH_API_TOKEN) is required")

    @app.get("/v1/calls/{call_id}/disposition", response_class=PlainTextResponse,
             responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}},
             summary="What to do with a call that left the assistant: `transfer` (to people) or `hangup`; "
                     "for Asterisk's dialplan (CURL) after AudioSocket() returns")
    def disposition(call_id: str, authorization: Optional[str] = Header(None)) -> str:
        authorised(authorization)
        record = calls.get(call_id)
        if record is None:
            raise HTTPException(404, f"no call {call_id!r} is known (finished calls are kept for an hour)")
        return record.disposition

    @app.get("/v1/calls/{call_id}", response_model=CallView, responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}},
             summary="A call's outcome and per-turn timings (internal: SPEECH_API_TOKEN)")
    def call(call_id: str, authorization: Optional[str] = Header(None)) -> CallView:
        authorised(authorization)
        record = calls.get(call_id)
        if record is None:
            raise HTTPException(404, f"no call {call_id!r} is known (finished calls are kept for an hour)")
        return CallView.of(record)

    @app.exception_handler(AudioError)
    async def audio_error(request: Request, exc: AudioError) -> JSONResponse:
        # the upload's fault, never the service's: this request gets the reason, the next is served
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(DialogueError)
    @app.exception_handler(TtsError)
    async def downstream_error(request: Request, exc: Exception) -> JSONResponse:
        # a service we depend on is down: say which, keep serving everyone else
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/health", response_model=Health)
    def health() -> Health:
        engine = app.state.transcriber.engine
        return Health(status="ok", engine=engine.name, model=engine.model)

    async def received_upload(request: Request) -> Upload:
        """The request's audio (body or multipart), read with the size cap; 413/415 otherwise."""
        content_type = request.headers.get("content-type", "")
        body = await read_capped(request.stream(), request.headers.get("content-length"),
                                 body_limit(content_type, settings.max_audio_bytes))
        return parse_upload(body, content_type)

    @app.post("/v1/transcribe", response_model=TranscribeResponse, responses=_ERRORS,
              openapi_extra={"requestBody": _REQUEST_BODY})
    async def transcribe(
        request: Request,
        prompt: Optional[str] = Query(None, max_length=1000, description="domain words shown to the recogniser "
                                                                        "as earlier text (default: ASR_PROMPT)"),
        vocabulary: Optional[VocabularyName] = Query(
            None, description="open (default): any words; digits: only digits, for a caller reading out a number"),
    ) -> TranscribeResponse:
        upload = await received_upload(request)
        prompt = prompt or upload.prompt or None
        chosen = vocabulary or upload.vocabulary or "open"
        if chosen not in VOCABULARIES:
            return JSONResponse({"detail": f"vocabulary {chosen!r} is unknown; use one of {', '.join(VOCABULARIES)}"},
                                status_code=422)
        started = time.perf_counter()
        # decoding and recognition are CPU work: worker threads, so the event loop keeps answering
        audio = await run_in_threadpool(decode, upload.audio, limits)
        decode_ms = (time.perf_counter() - started) * 1000
        del upload
        t: Transcriber = app.state.transcriber
        result = await run_in_threadpool(t.transcribe, audio.samples, prompt=prompt, vocabulary=VOCABULARIES[chosen])
        if settings.store_audio:
            log.warning("STORE_AUDIO is on: kept %s", await run_in_threadpool(store, audio, settings.audio_dir))
        # no transcript text in logs: callers' words are personal data
        log.info("transcribed %.1f s (%s): reliable=%s asr %.0f ms", audio.duration, audio.source_format,
                 result.reliable, result.asr_ms)
        return response(result, audio, decode_ms, t.engine.name, t.engine.model)

    @app.post("/v1/voice-turn", response_model=VoiceTurnResponse, responses=_ERRORS,
              openapi_extra={"requestBody": _REQUEST_BODY},
              summary="One spoken turn: the caller's audio in; the transcript, the assistant's replies and "
                      "their audio out")
    async def voice_turn(
        request: Request,
        conversation_id: str = Query(..., min_length=1, max_length=128,
                                     description="the same id for every turn; its dialogue is `turn-<id>`, "
                                                 "never a phone call's"),
        customer_token: Optional[str] = Header(None, description="the website's signed customer token, if any"),
    ) -> VoiceTurnResponse:
        upload = await received_upload(request)
        audio = await run_in_threadpool(decode, upload.audio, limits)
        t: Transcriber = app.state.transcriber
        result = await run_in_threadpool(t.transcribe, audio.samples)
        voice: VoiceParts = app.state.voice
        started = time.perf_counter()
        reply = await voice.dialogue.send(voice_turn_sender(conversation_id), result.text if result.reliable else
                                          signal_text(NOT_UNDERSTOOD), customer_token)
        dialogue_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        spoken = [await voice.tts.synthesize(p) for p in pieces(reply.texts)]
        tts_ms = (time.perf_counter() - started) * 1000
        wav = io.BytesIO()
        if spoken:
            import soundfile

            soundfile.write(wav, np.concatenate([s.samples for s in spoken]), spoken[0].rate, format="WAV",
                            subtype="PCM_16")
        return VoiceTurnResponse(conversation_id=conversation_id, transcript=result.text, reliable=result.reliable,
                                 replies=reply.texts, handed_off=reply.handed_off,
                                 audio_wav_base64=base64.b64encode(wav.getvalue()).decode(),
                                 asr_ms=round(result.asr_ms, 1), dialogue_ms=round(dialogue_ms, 1),
                                 tts_ms=round(tts_ms, 1))

    return app


def serve(settings: SpeechSettings) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")
