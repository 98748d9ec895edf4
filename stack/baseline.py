"""Rasa as it comes, for the benches to compare against: none of our NLU, channel or stores.

Not a service of the table: a baseline runs only inside a benchmark, on loopback, and its HTTP
API is on only with a token (the DIET benchmark calls /model/parse through it).
"""

from __future__ import annotations

import os
from pathlib import Path

from stack.environments import RASA
from stack.process import ServiceProcess


def baseline_rasa(name: str, model: Path, port: int, run_dir: Path, endpoints: Path | None = None,
                  credentials: Path | None = None, api_token: str | None = None) -> ServiceProcess:
    """`rasa run` serving `model`; endpoints, credentials and the API only where given."""
    argv = [RASA.program("rasa"), "run", "-i", "127.0.0.1", "--port", str(port), "-m", str(model)]
    if endpoints:
        argv += ["--endpoints", str(endpoints)]
    if credentials:
        argv += ["--credentials", str(credentials)]
    if api_token:
        argv += ["--enable-api", f"--auth-token={api_token}"]  # "=": the token may start with "-"
    return ServiceProcess(name, argv, f"http://127.0.0.1:{port}/", {**os.environ, **RASA.process_env},
                          run_dir / "logs" / f"{name}.log")
