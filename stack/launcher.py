"""Stack: the services of the table, wired to one Redis and started in dependency order."""

from __future__ import annotations

import secrets as random_secrets
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Callable, Iterable, Mapping

from stack import models, wiring
from stack.process import ServiceProcess
from stack.services import BY_NAME, SERVICES, Ports, ServiceSpec
from stack.settings import Secrets, StackSettings, resolve_secrets


def start_order(names: Iterable[str]) -> list[str]:
    """The named services, each after those it needs; table order among equals."""
    wanted = set(names)
    rank = {s.name: i for i, s in enumerate(SERVICES)}
    sorter = TopologicalSorter({n: [d for d in BY_NAME[n].needs if d in wanted] for n in wanted})
    sorter.prepare()  # raises CycleError naming the cycle
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=rank.__getitem__)
        order += ready
        sorter.done(*ready)
    return order


class Stack:
    """Every service of the table that is not run elsewhere (REDIS_URL, ACTION_SERVER_URL), or
    only those named in `only`; `extra_env` reaches every service (tuning knobs such as NLU_EPOCHS)."""

    def __init__(self, settings: StackSettings, extra_env: Mapping[str, str] | None = None,
                 only: Iterable[str] | None = None) -> None:
        self.settings = settings
        self.extra_env = dict(extra_env or {})
        only = None if only is None else set(only)
        self.ports = Ports(settings.ports)
        external = {s.name: getattr(settings, s.external_env.lower()) for s in SERVICES if s.external_env}
        names = [s.name for s in SERVICES if not external.get(s.name) and (only is None or s.name in only)]
        reads = {v for n in names for v in BY_NAME[n].reads}
        self.secrets: Secrets = resolve_secrets(settings, customer_token_needed="CUSTOMER_TOKEN_SECRET" in reads)
        redis_password = random_secrets.token_urlsafe(24)
        self._placeholders = {
            s.name: wiring.placeholders(s, settings, self.secrets, self.ports, redis_password, self._dialogue_model)
            for s in SERVICES}
        self.urls = {s.name: external.get(s.name) or s.url.format_map(self._placeholders[s.name]) for s in SERVICES}
        self.values = wiring.setting_values(settings, self.secrets, self.ports, self.urls)
        self.services: dict[str, ServiceProcess] = {n: self._process(BY_NAME[n]) for n in start_order(names)}

    def _dialogue_model(self) -> Path:
        return models.dialogue_model_path(self.settings)

    def _process(self, spec: ServiceSpec) -> ServiceProcess:
        values = self._placeholders[spec.name]
        health = f"http://{self.settings.bind_host}:{self.ports[spec.name]}{spec.health}" if spec.health is not None \
            else f"tcp://{self.settings.bind_host}:{self.ports[spec.name]}"
        return ServiceProcess(
            spec.name, wiring.render(spec.command, values, spec), health,
            wiring.service_env(spec, self.settings, self.values, self.extra_env),
            self.logs_dir / f"{spec.name}.log", wiring.render(spec.setup, values, spec), spec.startup_seconds,
            wiring.working_dir(spec, self.settings),
        )

    # --- lifecycle ------------------------------------------------------------------------

    def prepare(self, log: Callable[[str], None] = print) -> None:
        """Train the NLU and dialogue models when their data changed."""
        models.prepare_models(self.settings, self.extra_env, log)

    def start(self, on_ready: Callable[[str, float], None] = lambda *_: None) -> None:
        """Start everything at once (they connect lazily), then wait for each to be healthy."""
        for name, s in self.services.items():
            (self.settings.run_dir / name).mkdir(parents=True, exist_ok=True)  # its {service_dir}
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

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- what clients need ------------------------------------------------------------------

    @property
    def webhook(self) -> str:
        return f"{self.urls['rasa']}/webhooks/rest/webhook"

    @property
    def redis_url(self) -> str:
        return self.urls["redis"]

    @property
    def logs_dir(self) -> Path:
        return self.settings.run_dir / "logs"

    @property
    def api_token(self) -> str:
        """RASA_API_TOKEN: Rasa's HTTP API (trackers, events) answers only requests carrying it."""
        return self.secrets.rasa_api_token

    @property
    def customer_token_secret(self) -> str | None:
        return self.secrets.customer_token

    def env(self, name: str) -> dict[str, str]:
        """The environment service `name` runs with (a bench starting a variant of it uses this)."""
        return wiring.service_env(BY_NAME[name], self.settings, self.values, self.extra_env)
