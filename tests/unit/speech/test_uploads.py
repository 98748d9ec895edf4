"""The audio of a request: raw body or multipart form, read with a cap."""

from __future__ import annotations

import asyncio

import pytest

from speech.audio import AudioTooLarge
from speech.uploads import FORM_OVERHEAD_BYTES, UnsupportedUpload, body_limit, parse_upload, read_capped


def stream(*chunks: bytes):
    async def gen():
        for chunk in chunks:
            yield chunk
    return gen()


def run(coro):
    return asyncio.run(coro)


def test_a_body_under_the_cap_is_read_whole():
    assert run(read_capped(stream(b"ab", b"cd"), "4", limit=4)) == b"abcd"


def test_a_declared_length_over_the_cap_is_refused_before_reading():
    read = []

    async def gen():
        read.append(True)
        yield b"x"

    with pytest.raises(AudioTooLarge, match="MAX_AUDIO_BYTES"):
        run(read_capped(gen(), "5000", limit=4000))
    assert read == []


def test_a_chunked_body_stops_being_read_at_the_cap():
    pulled = []

    async def endless():
        while True:
            pulled.append(1)
            yield b"x" * 1000

    with pytest.raises(AudioTooLarge):
        run(read_capped(endless(), None, limit=10_000))
    assert len(pulled) == 11  # the chunk that crossed the cap, and not one more


def form(boundary: str, *parts: tuple[str, bytes, str | None]) -> bytes:
    out = b""
    for name, data, filename in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        out += (b"Content-Type: audio/wav\r\n" if filename else b"") + b"\r\n" + data + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def test_multipart_file_and_prompt():
    audio = bytes(range(256)) * 10 + b"\r\n--not-the-boundary\r\n"
    body = form("XyZ", ("prompt", "order, refund".encode(), None), ("file", audio, "turn.wav"))
    upload = parse_upload(body, "multipart/form-data; boundary=XyZ")
    assert upload.audio == audio and upload.prompt == "order, refund"


def test_multipart_without_the_file_field():
    body = form("b1", ("audio", b"RIFF....", "turn.wav"))
    with pytest.raises(UnsupportedUpload, match="no field 'file'"):
        parse_upload(body, "multipart/form-data; boundary=b1")


@pytest.mark.parametrize("content_type", ["audio/wav", "audio/webm;codecs=opus", "video/webm",
                                          "application/octet-stream", ""])
def test_raw_bodies(content_type):
    assert parse_upload(b"RIFF", content_type).audio == b"RIFF"


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "image/png"])
def test_other_content_types_are_not_audio(content_type):
    with pytest.raises(UnsupportedUpload, match="is not audio") as caught:
        parse_upload(b"{}", content_type)
    assert caught.value.status == 415


def test_a_form_may_be_a_little_larger_than_its_file():
    assert body_limit("multipart/form-data; boundary=x", 1000) == 1000 + FORM_OVERHEAD_BYTES
    assert body_limit("audio/wav", 1000) == 1000
