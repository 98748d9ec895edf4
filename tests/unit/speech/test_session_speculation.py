"""A speculative decode the caller made stale by speaking on must not hold the one Transcriber
(every call's) when its turn for the lock comes: it gives the lock straight back, undecoded."""

from __future__ import annotations

import asyncio
import threading
import time

import numpy as np

from speech.transcriber import Transcriber
from speech.tts.engine import Speech
from speech.voice.dialogue import Reply
from speech.voice.session import CallRecord, VoiceParts, VoiceSession
from speech.voice.turns import Pause, Resumed, TurnEnded
from tests.unit.speech.test_transcriber import CountingEngine


class Scripted:
    """A turn detector that reports the events the test hands it, one list per audio() call."""

    in_turn = False

    def __init__(self) -> None:
        self.next: list = []

    def feed(self, samples):
        events, self.next = self.next, []
        return events


class Dialogue:
    async def send(self, *args, **kwargs):
        return Reply(texts=[])


class Tts:
    name = "silent"

    async def synthesize(self, sentence):
        return Speech(np.zeros(160, dtype=np.float32), 16000)


def session_with(transcriber: Transcriber) -> tuple[VoiceSession, Scripted]:
    parts = VoiceParts(transcriber=transcriber, dialogue=Dialogue(), tts=Tts(),  # type: ignore[arg-type]
                       vad=lambda: (lambda chunk: 0.0))
    session = VoiceSession(CallRecord("CA-test", "twilio"), transport=None, parts=parts)  # type: ignore[arg-type]
    session.detector = scripted = Scripted()  # type: ignore[assignment]
    return session, scripted


def test_a_stale_decode_waiting_for_the_transcriber_is_skipped(fast_engine, vad, short_turn):
    engine = CountingEngine(fast_engine)
    transcriber = Transcriber(engine, vad)

    async def call() -> None:
        session, detector = session_with(transcriber)
        transcriber._lock.acquire()  # another call's decode holds the one Transcriber
        try:
            detector.next = [Pause(short_turn[:16000], 1000)]
            session.audio(np.zeros(0, np.float32))
            await asyncio.sleep(0.2)  # its decode is queued for the lock
            stale = session._speculative
            detector.next = [Resumed(1200)]  # the caller goes on: that decode is not wanted now
            session.audio(np.zeros(0, np.float32))
            detector.next = [Pause(short_turn, 3000), TurnEnded(short_turn, 2900, 3300)]
            session.audio(np.zeros(0, np.float32))
            (heard,) = [session._queue.get_nowait()]
            await asyncio.sleep(0.2)
        finally:
            transcriber._lock.release()
        result = await heard.speculative.task  # the kept decode: the whole turn
        assert result is not None and "forward" in result.text.lower()
        assert stale.stale and stale.task.cancelled()
        await session.close("test over")

    asyncio.run(call())  # returns once every decode thread has finished (it shuts the executor down)
    assert engine.calls == 1  # the kept decode only; the stale one never reached the engine


def test_a_turn_decode_not_wanted_by_the_time_the_lock_is_ours_returns_none(fast_engine, vad, short_turn):
    engine = CountingEngine(fast_engine)
    transcriber = Transcriber(engine, vad)
    wanted = threading.Event()
    wanted.set()
    results = []
    transcriber._lock.acquire()
    worker = threading.Thread(target=lambda: results.append(
        transcriber.recognise_expecting(short_turn, None, wanted=wanted.is_set)))
    worker.start()
    time.sleep(0.1)
    wanted.clear()
    transcriber._lock.release()
    worker.join(10)
    assert results == [None] and engine.calls == 0
    assert transcriber.recognise_expecting(short_turn, None, wanted=lambda: True) is not None and engine.calls == 1
