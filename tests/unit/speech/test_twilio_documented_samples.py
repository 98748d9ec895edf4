"""The Twilio transport against Twilio's own documented sample messages (tests/fixtures/twilio).

Inbound samples go through the transport's own parsing (`parse_message`, `check_format`,
`decode_media`, and `serve_stream` for what it takes out of each message); the transport's
outbound `media`, `mark` and `clear` are compared, key for key, with the documented ones.
"""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pytest
from starlette.websockets import WebSocketDisconnect, WebSocketState

from speech.audio import StreamResampler
from speech.g711 import TELEPHONE_RATE, ulaw_decode
from speech.transports.twilio import (FRAME_BYTES, MEDIA_FORMAT, TwilioPlayback, check_format, decode_media,
                                      parse_message, serve_stream)
from speech.tts.engine import Speech
from speech.voice.session import CallRecord

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "twilio"
INBOUND = sorted(p.name for p in FIXTURES.glob("from_twilio_*.json"))
OUTBOUND = sorted(p.name for p in FIXTURES.glob("to_twilio_*.json"))

# the documented values (the page's placeholder SIDs, as printed)
STREAM_SID = "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
CALL_SID = "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
ACCOUNT_SID = "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"


def text(name: str) -> str:
    return (FIXTURES / name).read_text()


def sample(name: str) -> dict[str, Any]:
    return json.loads(text(name))


def shape(value: Any) -> Any:
    """Keys and nesting, with each leaf's type in place of its value."""
    if isinstance(value, dict):
        return {key: shape(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [shape(inner) for inner in value]
    return type(value).__name__


def test_every_documented_message_is_here():
    assert INBOUND == ["from_twilio_connected.json", "from_twilio_dtmf.json", "from_twilio_mark.json",
                       "from_twilio_media_inbound_track.json", "from_twilio_media_outbound_track.json",
                       "from_twilio_start.json", "from_twilio_stop.json"]
    assert OUTBOUND == ["to_twilio_clear.json", "to_twilio_mark.json", "to_twilio_media.json"]


@pytest.mark.parametrize("name", INBOUND)
def test_the_parser_accepts_each_documented_message_as_it_is(name):
    message = parse_message(text(name))
    assert message == sample(name)
    assert message["event"] == name.removeprefix("from_twilio_").removesuffix(".json").split("_")[0]


def test_the_documented_start_message():
    message = parse_message(text("from_twilio_start.json"))
    start = message["start"]
    assert message["sequenceNumber"] == "1" and message["streamSid"] == STREAM_SID
    assert (start["streamSid"], start["callSid"], start["accountSid"]) == (STREAM_SID, CALL_SID, ACCOUNT_SID)
    assert start["tracks"] == ["inbound"]
    assert start["customParameters"] == {"FirstName": "Jane", "LastName": "Doe", "RemoteParty": "Bob"}
    assert start["mediaFormat"] == MEDIA_FORMAT == {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
    check_format(start["mediaFormat"])  # the documented format is the one accepted


@pytest.mark.parametrize("name,sequence,track,chunk", [
    ("from_twilio_media_outbound_track.json", "3", "outbound", "1"),
    ("from_twilio_media_inbound_track.json", "4", "inbound", "2"),
])
def test_the_documented_media_messages(name, sequence, track, chunk):
    message = parse_message(text(name))
    media = message["media"]
    # numbers arrive as strings, and the parser hands them on as the strings they are
    assert (message["sequenceNumber"], media["track"], media["chunk"], media["timestamp"]) == \
        (sequence, track, chunk, "5")
    assert all(isinstance(media[key], str) and media[key].isdigit() for key in ("chunk", "timestamp"))
    assert message["streamSid"] == STREAM_SID

    codes = base64.b64decode(media["payload"], validate=True)
    assert len(codes) == FRAME_BYTES == TELEPHONE_RATE // 50  # one 20 ms µ-law frame
    assert media["payload"].startswith("no+JhoaJjpzS")  # what the page shows of its payload
    pcm = ulaw_decode(codes)
    assert pcm.dtype == np.int16 and list(pcm[:9]) == [8828, 16764, 22908, 25980, 25980, 22908, 17788, 9852, 812]

    samples = decode_media(media["payload"])  # 8 kHz µ-law -> 8 kHz float (the call resamples the stream)
    assert samples.dtype == np.float32 and len(samples) == FRAME_BYTES
    assert 0.7 < np.abs(samples).max() <= 1.0
    spectrum = np.abs(np.fft.rfft(samples))
    assert abs(np.argmax(spectrum) * TELEPHONE_RATE / len(samples) - 440) <= 50  # the ~440 Hz tone the page's bytes start


def test_the_documented_dtmf_mark_and_stop_messages():
    dtmf = parse_message(text("from_twilio_dtmf.json"))
    assert (dtmf["sequenceNumber"], dtmf["streamSid"], dtmf["dtmf"]) == \
        ("5", STREAM_SID, {"track": "inbound_track", "digit": "1"})
    mark = parse_message(text("from_twilio_mark.json"))
    assert (mark["sequenceNumber"], mark["streamSid"], mark["mark"]) == ("4", STREAM_SID, {"name": "my label"})
    stop = parse_message(text("from_twilio_stop.json"))
    assert (stop["sequenceNumber"], stop["streamSid"], stop["stop"]) == \
        ("5", STREAM_SID, {"accountSid": ACCOUNT_SID, "callSid": CALL_SID})
    connected = parse_message(text("from_twilio_connected.json"))
    assert (connected["protocol"], connected["version"]) == ("Call", "1.0.0")


class FakeSocket:
    """What serve_stream and TwilioPlayback use of a starlette WebSocket."""

    def __init__(self, inbox: list[str]) -> None:
        self.inbox = list(inbox)
        self.sent: list[str] = []
        self.closed: Optional[tuple[int, Optional[str]]] = None
        self.application_state = WebSocketState.CONNECTED

    async def receive_text(self) -> str:
        if not self.inbox:
            raise WebSocketDisconnect(1000)
        return self.inbox.pop(0)

    async def send_text(self, data: str) -> None:
        self.sent.append(data)

    async def close(self, code: int = 1000, reason: Optional[str] = None) -> None:
        self.closed = self.closed or (code, reason)


class FakeSession:
    def __init__(self, transport: TwilioPlayback, token: Optional[str]) -> None:
        self.transport, self.token = transport, token
        self.started = False
        self.audio_in: list[np.ndarray] = []
        self.keys: list[str] = []
        self.finished_playing = 0
        self.closed: list[str] = []

    async def start(self) -> None:
        self.started = True
        self.transport.pending_marks.add("my label")  # as if we had sent the documented mark

    def audio(self, samples: np.ndarray) -> None:
        self.audio_in.append(samples)

    def dtmf(self, key: str) -> None:
        self.keys.append(key)

    def playback_finished(self) -> None:
        self.finished_playing += 1

    async def close(self, why: str) -> None:
        self.closed.append(why)


class FakeCalls:
    """The part of CallRegistry serve_stream uses, recording what the transport hands it."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, str]] = []
        self.sessions: list[FakeSession] = []
        self.finished: list[CallRecord] = []

    def open(self, call_id: str, transport: str) -> CallRecord:
        self.opened.append((call_id, transport))
        return CallRecord(call_id, transport)

    def session(self, record: CallRecord, transport: TwilioPlayback, token: Optional[str]) -> FakeSession:
        self.sessions.append(FakeSession(transport, token))
        return self.sessions[-1]

    def finish(self, record: CallRecord) -> None:
        self.finished.append(record)


def serve(*names: str, start: Optional[dict[str, Any]] = None) -> tuple[FakeSocket, FakeCalls]:
    inbox = [json.dumps(start) if name == "from_twilio_start.json" and start else text(name) for name in names]
    ws, calls = FakeSocket(inbox), FakeCalls()
    asyncio.run(serve_stream(ws, calls))  # type: ignore[arg-type]
    return ws, calls


def test_a_call_made_of_the_documented_messages():
    ws, calls = serve("from_twilio_connected.json", "from_twilio_start.json",
                      "from_twilio_media_outbound_track.json", "from_twilio_media_inbound_track.json",
                      "from_twilio_dtmf.json", "from_twilio_mark.json", "from_twilio_stop.json")
    assert calls.opened == [(CALL_SID, "twilio")]  # the call is known by start.callSid
    session = calls.sessions[0]
    assert session.started and session.transport.stream_sid == STREAM_SID
    assert session.token is None  # the documented parameters carry no customer_token
    # only the caller's (inbound) track is heard; the documented outbound-track frame is not
    payload = sample("from_twilio_media_inbound_track.json")["media"]["payload"]
    # a call's first frame, resampled as the start of a stream (most of it still in the filter's delay)
    heard = StreamResampler(TELEPHONE_RATE, 16000)(decode_media(payload))
    assert len(session.audio_in) == 1 and np.array_equal(session.audio_in[0], heard)
    assert session.keys == ["1"]
    assert session.transport.pending_marks == set() and session.finished_playing == 1  # "my label" came back
    assert session.closed[0] == "caller hung up" and ws.closed == (1000, None)
    assert [r.call_id for r in calls.finished] == [CALL_SID] and calls.finished[0].error is None
    assert ws.sent == []  # nothing to say to Twilio in reply to any of them


def test_a_customer_token_rides_in_the_documented_custom_parameters():
    start = sample("from_twilio_start.json")
    start["start"]["customParameters"]["customer_token"] = "tok-123"
    _, calls = serve("from_twilio_connected.json", "from_twilio_start.json", "from_twilio_stop.json", start=start)
    assert calls.sessions[0].token == "tok-123"


def outbound_messages() -> list[dict[str, Any]]:
    """What TwilioPlayback sends for 20 ms of speech and a barge-in."""
    ws = FakeSocket([])
    playback = TwilioPlayback(ws, STREAM_SID)  # type: ignore[arg-type]
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(320) / 16000)).astype(np.float32)

    async def talk() -> None:
        await playback.play(Speech(tone, 16000))
        await playback.clear()

    asyncio.run(talk())
    return [json.loads(sent) for sent in ws.sent]


def test_our_media_mark_and_clear_have_the_documented_shapes():
    sent = outbound_messages()
    assert [m["event"] for m in sent] == ["media", "mark", "clear"]
    for ours, name in zip(sent, ["to_twilio_media.json", "to_twilio_mark.json", "to_twilio_clear.json"]):
        documented = sample(name)
        assert shape(ours) == shape(documented), name  # same keys, same nesting, same leaf types
        assert ours["streamSid"] == documented["streamSid"] == STREAM_SID  # top level, beside "event"
    media, mark, _ = sent
    assert "streamSid" not in media["media"] and "streamSid" not in mark["mark"]
    assert len(base64.b64decode(media["media"]["payload"], validate=True)) == FRAME_BYTES
    assert mark["mark"]["name"]


def test_the_documented_outbound_samples_are_what_we_would_send():
    # the documented samples' own values fit the shapes the transport builds
    media = sample("to_twilio_media.json")
    assert set(media) == {"event", "streamSid", "media"} and set(media["media"]) == {"payload"}
    assert len(base64.b64decode(media["media"]["payload"], validate=True)) == FRAME_BYTES
    assert sample("to_twilio_mark.json") == {"event": "mark", "streamSid": STREAM_SID, "mark": {"name": "my label"}}
    assert sample("to_twilio_clear.json") == {"event": "clear", "streamSid": STREAM_SID}


def test_a_call_sid_in_the_voice_turn_namespace_is_refused():
    """/v1/voice-turn conversations are `turn-…`: a stream must not claim one as its call."""
    start = sample("from_twilio_start.json")
    start["start"]["callSid"] = "turn-mine"
    ws, calls = serve("from_twilio_connected.json", "from_twilio_start.json", start=start)
    assert calls.opened == [] and ws.closed[0] == 1007 and "turn-mine" in ws.closed[1]
