"""`python -m speech serve | transcribe FILE | convert-model`."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from speech.settings import SpeechSettings

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()


@cli.command()
def serve() -> None:
    """Serve POST /v1/transcribe on SPEECH_HOST:SPEECH_PORT."""
    from speech.service import serve as run_server

    run_server(SpeechSettings())


@cli.command()
def transcribe(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="an audio file (WAV, FLAC, MP3, Ogg, WebM, ...)"),
    prompt: str = typer.Option(None, help="domain words shown as earlier text (default: ASR_PROMPT)"),
    vocabulary: str = typer.Option("open", help="open (any words) or digits (only digits)"),
    as_json: bool = typer.Option(False, "--json", help="print the whole result as JSON"),
) -> None:
    """Transcribe FILE as the service would (VAD gate, ASR, reliability) and print the text."""
    from speech.asr.vocabulary import VOCABULARIES
    from speech.audio import AudioError, AudioLimits, decode
    from speech.service import build_transcriber

    if vocabulary not in VOCABULARIES:
        console.print(f"--vocabulary must be one of {', '.join(VOCABULARIES)}", style="red", markup=False)
        raise typer.Exit(2)
    settings = SpeechSettings()
    try:
        audio = decode(file.read_bytes(), AudioLimits(settings.max_audio_bytes, settings.max_audio_seconds))
    except AudioError as exc:
        console.print(f"{file}: {exc}", style="red", markup=False)
        raise typer.Exit(2)
    result = build_transcriber(settings).transcribe(audio.samples, prompt=prompt, vocabulary=VOCABULARIES[vocabulary])
    t = result.transcript
    if as_json:
        print(json.dumps({"text": result.text, "reliable": result.reliable, "reason": result.reason,
                          "discarded_text": t.text if t and not result.reliable else None,
                          "avg_logprob": t.avg_logprob if t else None,
                          "no_speech_prob": t.no_speech_prob if t else None,
                          "words": [vars(w) for w in t.words] if t and result.reliable else [],
                          "duration_s": audio.duration, "asr_ms": result.asr_ms}))
        return
    if result.reliable:
        print(result.text)
    else:
        console.print(f"(not a turn: {result.reason})" + (f" [discarded: {t.text!r}]" if t else ""), markup=False)


@cli.command("convert-model")
def convert_model(
    out: Path = typer.Option(None, "--out", help="checkpoint path (default: under SPEECH_MODELS_DIR)"),
    model: str = typer.Option(None, help="a CTranslate2 Whisper folder (default: ASR_MODEL, the bundled tiny.en)"),
) -> None:
    """Convert a CTranslate2 Whisper model into an openai-whisper checkpoint (offline)."""
    from speech.convert_model import ConversionError, converted_checkpoint, write_checkpoint

    settings = SpeechSettings()
    source = Path(model or settings.asr_model)
    try:
        path = (write_checkpoint(source, out) if out
                else converted_checkpoint(source, settings.models_dir, console.print))
    except ConversionError as exc:
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(2)
    console.print(f"openai-whisper checkpoint: {path}", markup=False)


if __name__ == "__main__":
    cli()
