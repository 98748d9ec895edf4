"""One call: caller audio in, the assistant's voice out, through small steps.

    transport -> TurnDetector -> recognise (Whisper) -> dialogue (Rasa voice channel)
              -> speakable text -> sentences -> TTS -> transport

The transport adapter (Twilio, AudioSocket, browser) only turns its protocol into calls of
`audio()`, `dtmf()`, `playback_finished()` and `close()`, and plays what it is given. The
session owns the timing: end of turn, speculative recognition during the end-of-turn silence,
barge-in, no-input. Turns are answered one at a time, in order, by one worker task; an
exception ends this call only (the service keeps serving the others).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Protocol, Union

import numpy as np

from contracts.signals import CALL_CONNECTED, NO_INPUT, NOT_UNDERSTOOD, signal_text
from speech.speakable import sentences, speakable
from speech.asr.vocabulary import VOCABULARIES, Vocabulary
from speech.transcriber import Result, Transcriber
from speech.tts.engine import Speech, TtsEngine
from speech.voice.dialogue import DialogueError, RasaVoiceClient, Reply
from speech.voice.dtmf import Keypad
from speech.voice.turns import BargeIn, Pause, Resumed, TurnDetector, TurnEnded, TurnSettings

log = logging.getLogger("speech.voice")

TROUBLE = "Sorry, I'm having trouble on my side. Please call back in a few minutes."


class Transport(Protocol):
    async def play(self, speech: Speech) -> None:
        """Queue audio for the caller (the adapter converts it to its format)."""

    async def clear(self) -> None:
        """Drop whatever is queued or playing: the caller barged in."""

    async def hang_up(self) -> None:
        ...


@dataclass
class TurnTiming:
    """Milliseconds, for `make bench-voice` and diagnosis; no words."""

    kind: str  # speech, dtmf, signal
    asr_ms: float = 0.0
    asr_wait_ms: float = 0.0  # how long the answer waited for recognition after the turn ended
    speculative: bool = False  # the transcript made during the silence was used
    reliable: bool = True
    expected: str = "open"  # the vocabulary the dialogue's question called for
    vocabulary: str = "open"  # the vocabulary of the transcript kept
    dialogue_ms: float = 0.0
    tts_first_audio_ms: float = 0.0
    answer_ms: float = 0.0  # end of turn -> first reply audio handed to the transport


@dataclass
class CallRecord:
    call_id: str
    transport: str
    started: float = field(default_factory=time.time)
    turns: list[TurnTiming] = field(default_factory=list)
    handed_off: bool = False
    ended: Optional[str] = None  # why: caller hung up, assistant ended, handed off, error
    error: Optional[str] = None

    @property
    def disposition(self) -> str:
        return "transfer" if self.handed_off else "hangup"


@dataclass(frozen=True)
class VoiceParts:
    """What every call shares: the engines and the settings of the voice loop."""

    transcriber: Transcriber
    dialogue: RasaVoiceClient
    tts: TtsEngine
    vad: Callable[[], Callable[[np.ndarray], float]]  # a fresh streaming VAD per call
    turns: TurnSettings = TurnSettings()
    no_input_s: float = 8.0
    keypad: Callable[[], Keypad] = Keypad


@dataclass
class _Speculation:
    """A decode of the turn so far, started in the silence that may end it."""

    task: Optional[asyncio.Task] = None
    stale: bool = False  # the caller spoke on (or hung up): these words will never be used

    def wanted(self) -> bool:
        return not self.stale

    def drop(self) -> None:
        # the decode may still be waiting for the one Transcriber (every call's): it reads
        # `wanted` when its turn comes and gives the lock straight back; not started, it never will
        self.stale = True
        if self.task is not None:
            self.task.cancel()


@dataclass(frozen=True)
class _Heard:  # a caller turn to answer
    ended: TurnEnded
    speculative: Optional[_Speculation]
    queued_at: float


@dataclass(frozen=True)
class _Said:  # text (a key pressed) or a call signal to send as it is
    text: str
    kind: str
    queued_at: float


_DIGIT_WORDS = frozenset("zero oh one two three four five six seven eight nine".split())


def _read_out(word: str) -> bool:
    """A word of an id or number read out character by character ("O R D, one zero ...")."""
    w = word.strip(",.").lower()
    return len(w) == 1 or w in _DIGIT_WORDS


def _first_clause(sentence: str) -> Optional[tuple[str, str]]:
    """The sentence cut after its first comma (not one inside a number read out), or None."""
    words = sentence.split()
    cut = next((i + 1 for i, w in enumerate(words[:-1]) if w.endswith(",") and not _read_out(words[i + 1])), None)
    return (" ".join(words[:cut]), " ".join(words[cut:])) if cut is not None else None


def pieces(texts: list[str], quick_words: int = 4, next_words: int = 12) -> list[str]:
    """The reply as the pieces synthesised one by one. Synthesis time grows with length (Piper:
    about 65 ms a second of speech on two cores) and the first piece is what the caller waits
    for: a first sentence of more than `quick_words` words is cut after its first clause
    ("Alice," plays while the rest is made), and a rest of more than `next_words` words once
    more, so each piece is ready before the one before it has finished playing."""
    spoken = [s for text in texts for s in sentences(speakable(text))]
    if spoken and len(spoken[0].split()) > quick_words and (cut := _first_clause(spoken[0])):
        first, rest = cut
        more = _first_clause(rest) if len(rest.split()) > next_words else None
        spoken[:1] = [first, *(more or (rest,))]
    return spoken


class VoiceSession:
    def __init__(self, record: CallRecord, transport: Transport, parts: VoiceParts,
                 customer_token: Optional[str] = None) -> None:
        self.record = record
        self.transport = transport
        self.parts = parts
        self.customer_token = customer_token
        self.detector = TurnDetector(parts.vad(), parts.turns)
        self.keypad = parts.keypad()
        self._queue: asyncio.Queue[Union[_Heard, _Said]] = asyncio.Queue()
        self._speculative: Optional[_Speculation] = None
        self._speaking: Optional[asyncio.Task] = None
        self._playing_until = 0.0  # monotonic time the audio handed to the transport ends
        self._last_heard = time.monotonic()
        self._busy = False
        self._expecting: Optional[Vocabulary] = None  # what the dialogue's last question expects
        self._tasks: list[asyncio.Task] = []
        self.finished = asyncio.Event()

    # --- from the transport -----------------------------------------------------------------
    async def start(self) -> None:
        self._tasks = [asyncio.create_task(self._answer_turns()), asyncio.create_task(self._watch_silence())]
        self._queue.put_nowait(_Said(signal_text(CALL_CONNECTED), "signal", time.monotonic()))

    def audio(self, samples: np.ndarray) -> None:
        """16 kHz float samples of the caller, as they arrive."""
        for event in self.detector.feed(samples):
            if isinstance(event, BargeIn):
                self._barge_in()
            elif isinstance(event, Pause):
                self._speculate(event.audio)
            elif isinstance(event, Resumed):
                self._drop_speculation()  # the caller went on: that transcript is short of words
            elif isinstance(event, TurnEnded):
                self._last_heard = time.monotonic()
                self._queue.put_nowait(_Heard(event, self._speculative, time.monotonic()))
                self._speculative = None

    def dtmf(self, key: str) -> None:
        self._last_heard = time.monotonic()
        text = self.keypad.press(key)
        if text is not None:
            self._barge_in()
            self._queue.put_nowait(_Said(text, "dtmf", time.monotonic()))

    def playback_finished(self) -> None:
        """The transport knows the caller has heard everything (Twilio's mark came back)."""
        self._playing_until = min(self._playing_until, time.monotonic())

    async def close(self, why: str) -> None:
        if self.record.ended is None:
            self.record.ended = why
        self._drop_speculation()
        while not self._queue.empty():  # turns never to be answered: their decodes are not wanted either
            item = self._queue.get_nowait()
            if isinstance(item, _Heard) and item.speculative is not None:
                item.speculative.drop()
        for task in [*self._tasks, self._speaking]:
            if task is not None and not task.done():
                task.cancel()
        self.finished.set()

    # --- the steps ----------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return time.monotonic() < self._playing_until

    def _barge_in(self) -> None:
        if self._speaking is not None and not self._speaking.done() or self.playing:
            if self._speaking is not None:
                self._speaking.cancel()
            self._playing_until = time.monotonic()
            asyncio.create_task(self.transport.clear())

    async def _recognise(self, audio: np.ndarray, wanted: Optional[Callable[[], bool]] = None) -> Optional[Result]:
        return await asyncio.to_thread(self.parts.transcriber.recognise_expecting, audio, self._expecting, wanted)

    def _speculate(self, audio: np.ndarray) -> None:
        self._drop_speculation()  # one at a time: a newer pause supersedes an older one
        speculation = self._speculative = _Speculation()
        speculation.task = asyncio.create_task(self._recognise(audio, wanted=speculation.wanted))

    def _drop_speculation(self) -> None:
        if self._speculative is not None:
            self._speculative.drop()
            self._speculative = None

    async def _answer_turns(self) -> None:
        try:
            while True:
                item = await self._queue.get()
                self._busy = True
                timing = TurnTiming(kind="speech" if isinstance(item, _Heard) else item.kind)
                text = await self._words(item, timing) if isinstance(item, _Heard) else item.text
                started = time.perf_counter()
                reply = await self.parts.dialogue.send(self.record.call_id, text, self.customer_token)
                timing.dialogue_ms = (time.perf_counter() - started) * 1000
                self.record.turns.append(timing)
                self._expecting = VOCABULARIES.get(reply.expect or "open")
                await self._say(reply, timing, item.queued_at)
                self._busy = False
                self._last_heard = time.monotonic()
                if reply.handed_off or reply.end_call:
                    self.record.handed_off = reply.handed_off
                    await asyncio.sleep(max(0.0, self._playing_until - time.monotonic()))
                    self.record.ended = "handed off" if reply.handed_off else "ended by the assistant"
                    await self.transport.hang_up()
                    return
        except asyncio.CancelledError:
            raise
        except DialogueError as exc:
            await self._fail(str(exc), say=TROUBLE)
        except Exception as exc:  # this call's failure, never the service's
            log.exception("call %s failed", self.record.call_id)
            await self._fail(f"{type(exc).__name__}: {exc}")

    async def _words(self, heard: _Heard, timing: TurnTiming) -> str:
        waited = time.perf_counter()
        kept = heard.speculative
        result = await kept.task if kept is not None and kept.task is not None else None
        timing.speculative = result is not None
        if result is None:
            result = await self._recognise(heard.ended.audio)
        timing.asr_wait_ms = (time.perf_counter() - waited) * 1000
        timing.asr_ms, timing.reliable, timing.vocabulary = result.asr_ms, result.reliable, result.vocabulary
        timing.expected = self._expecting.name if self._expecting else "open"
        # an unreliable transcript is a turn too: the dialogue asks the caller to repeat
        return result.text if result.reliable else signal_text(NOT_UNDERSTOOD)

    async def _say(self, reply: Reply, timing: TurnTiming, queued_at: float) -> None:
        self._speaking = asyncio.create_task(self._speak(reply, timing, queued_at))
        await asyncio.wait({self._speaking})  # a barge-in cancels the speaking, not this worker

    async def _speak(self, reply: Reply, timing: TurnTiming, queued_at: float) -> None:
        first = True
        for sentence in pieces(reply.texts):
            started = time.perf_counter()
            speech = await self.parts.tts.synthesize(sentence)
            if first:
                timing.tts_first_audio_ms = (time.perf_counter() - started) * 1000
                timing.answer_ms = (time.monotonic() - queued_at) * 1000
                first = False
            await self.transport.play(speech)
            self._playing_until = max(self._playing_until, time.monotonic()) + speech.duration

    async def _fail(self, error: str, say: Optional[str] = None) -> None:
        self.record.error, self.record.ended = error, "error"
        if say:
            try:
                await self.transport.play(await self.parts.tts.synthesize(say))
            except Exception:  # nothing more to tell the caller
                pass
        await self.transport.hang_up()

    async def _watch_silence(self) -> None:
        while True:
            await asyncio.sleep(0.2)
            idle = not (self._busy or self.detector.in_turn or self.playing or not self._queue.empty())
            quiet_since = max(self._last_heard, self._playing_until)
            if idle and time.monotonic() - quiet_since >= self.parts.no_input_s:
                self._last_heard = time.monotonic()
                self._queue.put_nowait(_Said(signal_text(NO_INPUT), "signal", time.monotonic()))
