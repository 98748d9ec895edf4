"""Start, health-check and stop the backend's processes (real processes, real HTTP)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional
from urllib.parse import urlparse

import httpx

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv" / "bin"
RASA_VENV = REPO / ".venv-rasa" / "bin"
RUN_DIR = REPO / ".run"


def bot_dir() -> Path:
    return Path(os.environ.get("BOT_DIR", REPO / "bot")).resolve()


@dataclass
class Ports:
    rasa: int = 5005
    nlu: int = 5006
    actions: int = 5055


@dataclass
class Service:
    name: str
    argv: List[str]
    health_url: str
    env: Dict[str, str] = field(default_factory=dict)
    startup_seconds: float = 180
    proc: Optional[subprocess.Popen] = None

    @property
    def log_path(self) -> Path:
        return RUN_DIR / "logs" / f"{self.name}.log"

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                self.argv, cwd=REPO, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches us once; we stop children in order
            )

    def wait_healthy(self, on_wait: Callable[[str], None] = lambda _: None) -> float:
        started = time.monotonic()
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with code {self.proc.returncode}; see {self.log_path}")
            try:
                if httpx.get(self.health_url, timeout=1).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            if time.monotonic() - started > self.startup_seconds:
                raise RuntimeError(f"{self.name} not healthy after {self.startup_seconds:.0f} s; see {self.log_path}")
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


def redis_env(redis_url: str) -> Dict[str, str]:
    """endpoints.yml wants host/port/db/password apart; REDIS_URL is the one setting."""
    u = urlparse(redis_url)
    db = (u.path or "/0").lstrip("/") or "0"
    return {
        "REDIS_URL": redis_url,
        "REDIS_HOST": u.hostname or "127.0.0.1",
        "REDIS_PORT": str(u.port or 6379),
        "REDIS_DB": db,
        "REDIS_PASSWORD": u.password or "",
    }


def common_env(redis_url: str, ports: Ports) -> Dict[str, str]:
    return {
        **redis_env(redis_url),
        "BOT_DIR": str(bot_dir()),
        "PYTHONPATH": str(REPO),
        "NLU_URL": f"http://127.0.0.1:{ports.nlu}",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{ports.actions}/webhook",
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }


def nlu_service(env: Dict[str, str], ports: Ports) -> Service:
    return Service("nlu", [str(VENV / "python"), "-m", "nlu", "serve"],
                   f"http://127.0.0.1:{ports.nlu}/health", {**env, "NLU_PORT": str(ports.nlu)})


def actions_service(env: Dict[str, str], ports: Ports) -> Service:
    return Service("actions", [str(RASA_VENV / "rasa"), "run", "actions", "--actions", "actions",
                               "--port", str(ports.actions)],
                   f"http://127.0.0.1:{ports.actions}/health", env)


def rasa_service(env: Dict[str, str], port: int, model: Path, name: str = "rasa",
                 endpoints: Optional[Path] = None, credentials: Optional[Path] = None) -> Service:
    """`rasa run` serving a model; endpoints and credentials files only where given."""
    argv = [str(RASA_VENV / "rasa"), "run", "--enable-api", "-i", "127.0.0.1", "--port", str(port), "-m", str(model)]
    if endpoints:
        argv += ["--endpoints", str(endpoints)]
    if credentials:
        argv += ["--credentials", str(credentials)]
    return Service(name, argv, f"http://127.0.0.1:{port}/", env)


# --- models -------------------------------------------------------------------------------

def dialogue_fingerprint(bot: Path) -> str:
    h = hashlib.sha256()
    files = [bot / "domain.yml", bot / "config.yml", *sorted((bot / "data").rglob("*.yml"))]
    for path in files:
        h.update(str(path.relative_to(bot)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def dialogue_model_path(bot: Path) -> Path:
    return REPO / "models" / "dialogue" / f"core-{dialogue_fingerprint(bot)}.tar.gz"


def ensure_dialogue_model(env: Dict[str, str]) -> Path:
    """`rasa train core` unless a model for exactly these files exists."""
    bot = bot_dir()
    target = dialogue_model_path(bot)
    if target.exists():
        return target
    print(f"training the dialogue model (rasa train core) -> {target.name}", flush=True)
    subprocess.run(
        [str(RASA_VENV / "rasa"), "train", "core", "--domain", str(bot / "domain.yml"),
         "--stories", str(bot / "data"), "--config", str(bot / "config.yml"),
         "--out", str(target.parent), "--fixed-model-name", target.name[: -len(".tar.gz")]],
        cwd=REPO, env={**os.environ, **env}, check=True,
    )
    return target


def ensure_nlu_model(env: Dict[str, str]) -> None:
    subprocess.run([str(VENV / "python"), "-m", "nlu", "train", "--if-missing"],
                   cwd=REPO, env={**os.environ, **env}, check=True)


class Stack:
    """nlu + actions + rasa against one Redis, started in dependency order."""

    def __init__(self, redis_url: str, ports: Ports, extra_env: Optional[Dict[str, str]] = None) -> None:
        self.ports = ports
        self.env = {**common_env(redis_url, ports), **(extra_env or {})}
        self.model = dialogue_model_path(bot_dir())
        self.services = {
            "nlu": nlu_service(self.env, ports),
            "actions": actions_service(self.env, ports),
            "rasa": rasa_service(self.env, ports.rasa, self.model, endpoints=bot_dir() / "endpoints.yml",
                                 credentials=bot_dir() / "credentials.yml"),
        }

    def prepare(self) -> None:
        ensure_nlu_model(self.env)
        ensure_dialogue_model(self.env)

    def start(self, on_ready: Callable[[str, float], None] = lambda *_: None) -> None:
        for s in self.services.values():
            s.start()
        for name, s in self.services.items():
            on_ready(name, s.wait_healthy())

    def restart(self, name: str) -> float:
        s = self.services[name]
        s.stop()
        s.start()
        return s.wait_healthy()

    def stop(self) -> None:
        for s in reversed(list(self.services.values())):
            s.stop()

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.ports.rasa}/webhooks/rest/webhook"
