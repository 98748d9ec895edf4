"""The models the services serve, trained when missing: the NLU model and the dialogue model.

Both are keyed by their training data, so an unchanged project trains nothing; a project
served through BOT_DIR gets its own (and, with its own model folders, leaves ours alone).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path
from typing import Callable

from stack.environments import MAIN, RASA, REPO
from stack.settings import StackSettings


def _project_files(bot: Path) -> list[Path]:
    domain = [bot / "domain.yml"] if (bot / "domain.yml").is_file() else sorted((bot / "domain").rglob("*.yml"))
    if not domain or not (bot / "config.yml").is_file():
        raise FileNotFoundError(f"BOT_DIR={bot} is not a Rasa project: it needs domain.yml (or domain/), "
                                "config.yml and data/")
    return [*domain, bot / "config.yml", *sorted((bot / "data").rglob("*.yml"))]


def dialogue_fingerprint(bot: Path) -> str:
    h = hashlib.sha256()
    for path in _project_files(bot):
        h.update(str(path.relative_to(bot)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def dialogue_model_path(settings: StackSettings) -> Path:
    return settings.dialogue_models_dir / f"core-{dialogue_fingerprint(settings.bot_dir)}.tar.gz"


def _env(settings: StackSettings, process_env: dict) -> dict[str, str]:
    return {**os.environ, **process_env, "BOT_DIR": str(settings.bot_dir),
            "NLU_MODELS_DIR": str(settings.nlu_models_dir), "PYTHONPATH": str(REPO)}


def ensure_nlu_model(settings: StackSettings, extra_env: dict[str, str] | None = None) -> None:
    """`python -m nlu train --if-missing`: it knows whether a model fits BOT_DIR's data."""
    subprocess.run([MAIN.python, "-m", "nlu", "train", "--if-missing"], cwd=REPO,
                   env={**_env(settings, dict(MAIN.process_env)), **(extra_env or {})}, check=True)


def ensure_dialogue_model(settings: StackSettings, extra_env: dict[str, str] | None = None) -> Path:
    """`rasa train core` unless a model for exactly these files exists."""
    bot, target = settings.bot_dir, dialogue_model_path(settings)
    if target.exists():
        return target
    print(f"training the dialogue model (rasa train core) -> {target}", flush=True)
    domain = bot / "domain.yml" if (bot / "domain.yml").is_file() else bot / "domain"
    subprocess.run(
        [RASA.program("rasa"), "train", "core", "--domain", str(domain), "--stories", str(bot / "data"),
         "--config", str(bot / "config.yml"), "--out", str(target.parent),
         "--fixed-model-name", target.name[: -len(".tar.gz")]],
        cwd=REPO, env={**_env(settings, dict(RASA.process_env)), **(extra_env or {})}, check=True,
    )
    return target


def prepare_models(settings: StackSettings, extra_env: dict[str, str] | None = None,
                   log: Callable[[str], None] = print) -> Path:
    """Both models, NLU first; returns the dialogue model's path."""
    ensure_nlu_model(settings, extra_env)
    model = ensure_dialogue_model(settings, extra_env)
    log(f"dialogue model: {model.name}")
    return model
