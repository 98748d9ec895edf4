"""`python -m nlu train | evaluate | serve | models | use VERSION | rollback | card`."""

from __future__ import annotations

import json
from dataclasses import asdict

import typer
from rich.console import Console
from rich.table import Table

from nlu.settings import NluSettings

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()


@cli.command()
def train(
    if_missing: bool = typer.Option(False, "--if-missing", help="Do nothing when a model for this data exists"),
    quiet: bool = typer.Option(False, help="No progress bar"),
) -> None:
    """Fine-tune on BOT_DIR's NLU data; save a new version and mark it current."""
    from nlu import registry
    from nlu.training_data import load_project

    settings = NluSettings()
    data = load_project(settings.bot_dir)
    if if_missing:
        wanted = dict(data_hash=data.fingerprint(), encoder=settings.encoder)
        current = registry.current_version(settings.models_dir)
        if current and registry.fits(settings.models_dir, current, **wanted):
            console.print(f"nlu model {current} (current) matches the training data; nothing to do")
            return  # a rolled-back current model stays current
        existing = registry.find_trained_on(settings.models_dir, **wanted)
        if existing:
            registry.set_current(settings.models_dir, existing)
            console.print(f"nlu model {existing} matches the training data; made it current")
            return
    from nlu.train import train as run_training  # torch: only when there is training to do

    run_training(settings, data, show_progress=not quiet, log=console.print)


@cli.command()
def evaluate(as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON")) -> None:
    """Score the current model on held-out examples it was not trained on."""
    from nlu.evaluate import evaluate_current

    report = evaluate_current(NluSettings())
    if as_json:
        print(json.dumps(asdict(report), indent=2))
        return
    console.print(f"model {report.version}: {report.heldout_examples} held-out examples")
    if report.data_changed_since_training:
        console.print("[yellow]note: BOT_DIR's data changed since training; scoring the unchanged held-out examples")
    i, s = report.intent, report.sentiment
    console.print(f"intent accuracy     {i.accuracy:.4f}")
    console.print(f"intent macro-F1     {i.macro_f1:.4f}")
    console.print(f"sentiment accuracy  {s.accuracy:.4f}")
    console.print(f"sentiment macro-F1  {s.macro_f1:.4f}")
    for pair in i.confused[:5]:
        console.print(f"  confused: {pair.true} -> {pair.predicted} x{pair.count}")


@cli.command()
def serve() -> None:
    """Serve POST /model/parse on NLU_HOST:NLU_PORT."""
    from nlu.service import serve as run_server

    run_server(NluSettings())


@cli.command()
def models() -> None:
    """List trained versions; the current one is marked."""
    from nlu import registry

    settings = NluSettings()
    current = registry.current_version(settings.models_dir)
    table = Table("", "trained at", "examples", "intent acc", "intent F1", "fallback below")
    table.add_column("version", no_wrap=True)
    for m in registry.versions(settings.models_dir):
        i = m.metrics.intent if m.metrics else None
        table.add_row("*" if m.version == current else "", m.trained_at[:19], str(m.training_data.examples),
                      str(i.accuracy) if i else "-", str(i.macro_f1) if i else "-", str(m.fallback.threshold),
                      m.version)
    console.print(table)


@cli.command()
def use(version: str) -> None:
    """Mark VERSION current (rollback); restart the service to load it."""
    from nlu import registry

    registry.set_current(NluSettings().models_dir, version)
    console.print(f"current nlu model is now {version}")


@cli.command()
def rollback() -> None:
    """Mark the version trained before the current one current; restart the service to load it."""
    from nlu import registry

    console.print(f"current nlu model is now {registry.rollback(NluSettings().models_dir)}")


@cli.command()
def card(version: str = typer.Argument(None, help="default: the current version")) -> None:
    """Print a version's MODEL_CARD.md."""
    from nlu import registry
    from nlu.model_card import CARD_FILE

    settings = NluSettings()
    path = settings.models_dir / version if version else registry.current_path(settings.models_dir)
    print((path / CARD_FILE).read_text())


if __name__ == "__main__":
    cli()
