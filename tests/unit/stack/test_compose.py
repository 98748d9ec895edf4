"""docker-compose.yml says what the service table says: services, ports, variables, exposure."""

import re
from urllib.parse import urlparse

import pytest
import yaml

from stack.environments import REPO
from stack.services import BY_NAME, SERVICES

COMPOSE_TEXT = (REPO / "docker-compose.yml").read_text()
# what docker-compose would read with every ${VAR...} set to "<var>-value"
COMPOSE = yaml.safe_load(re.sub(r"\$\{(\w+)[^}]*\}", lambda m: f"{m.group(1).lower()}-value", COMPOSE_TEXT))
SERVICES_IN_COMPOSE = COMPOSE["services"]
# set for every process of an environment, or by the image layout: not service settings
PLUMBING = {"PYTHONPATH"}


def environment(name: str) -> dict:
    return SERVICES_IN_COMPOSE[name].get("environment") or {}


def test_same_services():
    assert set(SERVICES_IN_COMPOSE) == set(BY_NAME)


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_only_published_services_have_host_ports(spec):
    service = SERVICES_IN_COMPOSE[spec.name]
    if spec.published:
        assert service["ports"] == [f"{spec.default_port}:{spec.default_port}"]
    else:
        assert "ports" not in service
        assert service["expose"] == [str(spec.default_port)]


# services on a network of their own, shared only with the services that need them: tts's /info
# page shows the last text it spoke, so no service but speech may reach it
PRIVATE = {"tts"}


def expected_networks(name: str) -> list[str]:
    spec = BY_NAME[name]
    if name in PRIVATE:
        return [name]
    return sorted(["internal", *(["public"] if spec.published else []), *(set(spec.needs) & PRIVATE)])


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_internal_services_sit_on_the_internal_network_only(spec):
    assert sorted(SERVICES_IN_COMPOSE[spec.name]["networks"]) == expected_networks(spec.name)


def test_only_speech_shares_the_tts_network():
    on_it = {name for name, service in SERVICES_IN_COMPOSE.items() if "tts" in service["networks"]}
    assert on_it == {"tts", "speech"}


def test_the_internal_networks_have_no_route_out():
    assert COMPOSE["networks"]["internal"] == {"internal": True}
    assert COMPOSE["networks"]["tts"] == {"internal": True}
    assert not (COMPOSE["networks"]["public"] or {}).get("internal")


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_same_variables(spec):
    ignored = PLUMBING | set(spec.environment.process_env)
    assert set(environment(spec.name)) - ignored == set(spec.reads)


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_addresses_point_at_the_services_and_ports_of_the_table(spec):
    env = environment(spec.name)
    for need in spec.needs:
        other = BY_NAME[need]
        url = urlparse(env[other.url_env])
        assert (url.hostname, url.port) == (need, other.default_port), other.url_env
    if spec.port_env in env:
        assert env[spec.port_env] == str(spec.default_port)


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_depends_on_what_it_needs(spec):
    assert set(SERVICES_IN_COMPOSE[spec.name].get("depends_on") or {}) == set(spec.needs)


def test_actions_command_is_the_tables():
    spec = BY_NAME["actions"]
    argv = [part.format(port=spec.default_port, actions_package="actions") for part in spec.command]
    assert SERVICES_IN_COMPOSE["actions"]["command"] == argv


def test_rasa_writes_its_serving_config_then_serves_with_it_and_a_token():
    spec = BY_NAME["rasa"]
    command = SERVICES_IN_COMPOSE["rasa"]["command"]
    assert command[:2] == ["sh", "-c"]
    script = " ".join(command[2].split())
    setup = " ".join(spec.setup).format(service_dir="/tmp/rasa-config")
    assert script.startswith(f"{setup} && exec rasa run ")
    assert '--enable-api --auth-token "$$RASA_API_TOKEN"' in script  # $$: the container's shell expands it
    assert f"--port {spec.default_port}" in script
    assert "--endpoints /tmp/rasa-config/endpoints.yml --credentials /tmp/rasa-config/credentials.yml" in script


def test_redis_has_a_password_and_every_redis_url_carries_it():
    command = SERVICES_IN_COMPOSE["redis"]["command"]
    assert command[command.index("--requirepass") + 1] == "redis_password-value"
    urls = [env["REDIS_URL"] for env in map(environment, BY_NAME) if "REDIS_URL" in env]
    assert urls and all(urlparse(u).password == "redis_password-value" for u in urls)


def test_no_secret_has_a_default_value():
    secrets = re.findall(r"\$\{(\w*(?:SECRET|TOKEN|PASSWORD)\w*)([^}]*)\}", COMPOSE_TEXT)
    assert {name for name, _ in secrets} >= {"CUSTOMER_TOKEN_SECRET", "IDENTITY_CLAIM_SECRET", "RASA_API_TOKEN",
                                             "REDIS_PASSWORD"}
    for name, rest in secrets:
        assert rest == "" or rest.startswith(":?"), f"${{{name}{rest}}}: a secret must have no default"


def test_dev_mode_is_off_in_containers():
    for name in BY_NAME:
        assert environment(name).get("DEV_MODE", "false") == "false"
