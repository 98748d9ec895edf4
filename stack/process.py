"""One running service: start it (after its setup step), wait until healthy, stop its process group."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse

import httpx

from stack.environments import REPO


def is_healthy(url: str) -> bool:
    """http(s)://: answers 200; tcp://host:port: accepts connections."""
    parsed = urlparse(url)
    try:
        if parsed.scheme == "tcp":
            with socket.create_connection((parsed.hostname, parsed.port), timeout=1):
                return True
        return httpx.get(url, timeout=1).status_code == 200
    except (OSError, httpx.HTTPError):
        return False


@dataclass
class ServiceProcess:
    name: str
    argv: list[str]
    health_url: str
    env: dict[str, str]
    log_path: Path
    setup: list[str] = field(default_factory=list)
    startup_seconds: float = 180
    cwd: Path = REPO
    proc: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:  # the child keeps its own copy of the descriptor
            if self.setup:
                done = subprocess.run(self.setup, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT)
                if done.returncode:
                    raise RuntimeError(f"{self.name}: setup step {' '.join(self.setup[1:])!r} failed "
                                       f"(exit {done.returncode}); see {self.log_path}")
            self.proc = subprocess.Popen(
                self.argv, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the launcher once; it stops children in order
            )

    def wait_healthy(self, on_wait: Callable[[str], None] = lambda _: None) -> float:
        started = time.monotonic()
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with code {self.proc.returncode}; see {self.log_path}")
            if is_healthy(self.health_url):
                return time.monotonic() - started
            if time.monotonic() - started > self.startup_seconds:
                raise RuntimeError(f"{self.name} not healthy at {self.health_url} after "
                                   f"{self.startup_seconds:.0f} s; see {self.log_path}")
            on_wait(self.name)
            time.sleep(0.3)

    def stop(self, timeout: float = 15) -> None:
        """Stop the whole process group (a server's workers too), politely first."""
        if self.proc is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break  # the group is gone
            try:
                self.proc.wait(timeout)
                break
            except subprocess.TimeoutExpired:
                continue
        self.proc.wait()
