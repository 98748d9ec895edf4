"""The audio file of an HTTP request: the raw body (audio/*) or a multipart form's `file` field.

The body is read with a cap, so a two-hour upload is refused after MAX_AUDIO_BYTES, not
buffered; multipart forms are parsed in memory (no spooled temporary files: no audio on disk).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AsyncIterator

from python_multipart.multipart import MultipartParser, parse_options_header

from speech.audio import AudioTooLarge, NotAudio

FILE_FIELD = "file"
PROMPT_FIELD = "prompt"
VOCABULARY_FIELD = "vocabulary"
# room for a multipart form's boundaries, headers and a prompt around the file itself
FORM_OVERHEAD_BYTES = 64 * 1024
RAW_TYPES = ("audio/", "video/webm", "video/ogg", "video/mp4", "application/octet-stream", "application/ogg")


class UnsupportedUpload(NotAudio):
    """A request whose content type is not audio (415)."""


@dataclass(frozen=True)
class Upload:
    audio: bytes
    prompt: str | None = None  # a multipart form's `prompt` field
    vocabulary: str | None = None  # and its `vocabulary` field


async def read_capped(stream: AsyncIterator[bytes], declared_length: str | None, limit: int) -> bytes:
    """The whole body, or AudioTooLarge as soon as it (or its Content-Length) passes `limit`."""
    if declared_length and declared_length.strip().isdigit() and int(declared_length) > limit:
        raise AudioTooLarge(f"the upload is over {limit} bytes (MAX_AUDIO_BYTES)")
    body = bytearray()
    async for chunk in stream:
        body += chunk
        if len(body) > limit:
            raise AudioTooLarge(f"the upload is over {limit} bytes (MAX_AUDIO_BYTES)")
    return bytes(body)


def body_limit(content_type: str, max_audio_bytes: int) -> int:
    return max_audio_bytes + FORM_OVERHEAD_BYTES if _media_type(content_type) == "multipart/form-data" \
        else max_audio_bytes


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def parse_upload(body: bytes, content_type: str) -> Upload:
    media = _media_type(content_type)
    if media == "multipart/form-data":
        return _from_form(body, content_type)
    if not media or media.startswith(RAW_TYPES):
        return Upload(body)
    raise UnsupportedUpload(
        f"content type {media} is not audio: send the audio file as the request body (audio/*, "
        f"application/octet-stream) or as multipart form field '{FILE_FIELD}'")


def _from_form(body: bytes, content_type: str) -> Upload:
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise UnsupportedUpload("the multipart form has no boundary in its Content-Type")
    parts: list[tuple[dict[bytes, bytes], bytearray]] = []
    header: list[bytes] = [b"", b""]

    def on_part_begin() -> None:
        parts.append(({}, bytearray()))

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header[0] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header[1] += data[start:end]

    def on_header_end() -> None:
        parts[-1][0][header[0].strip().lower()] = header[1].strip()
        header[0], header[1] = b"", b""

    def on_part_data(data: bytes, start: int, end: int) -> None:
        parts[-1][1].extend(data[start:end])

    parser = MultipartParser(boundary, {"on_part_begin": on_part_begin, "on_header_field": on_header_field,
                                        "on_header_value": on_header_value, "on_header_end": on_header_end,
                                        "on_part_data": on_part_data})
    try:
        parser.write(body)
        parser.finalize()
    except Exception as exc:  # python-multipart raises its own errors for malformed forms
        raise UnsupportedUpload(f"the multipart form could not be read: {exc}") from None
    fields: dict[str, bytes] = {}
    for headers, data in parts:
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        name = disposition.get(b"name", b"").decode("utf-8", "replace")
        fields.setdefault(name, bytes(data))
    if FILE_FIELD not in fields:
        raise UnsupportedUpload(f"the multipart form has no field '{FILE_FIELD}' holding the audio")
    text = {name: fields[name].decode("utf-8", "replace") for name in (PROMPT_FIELD, VOCABULARY_FIELD)
            if fields.get(name)}
    return Upload(fields[FILE_FIELD], text.get(PROMPT_FIELD), text.get(VOCABULARY_FIELD))
