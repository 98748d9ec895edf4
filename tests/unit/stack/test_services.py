"""The service table is consistent: ports, needs, variables, what is published."""

from contracts.ports import DEFAULT_PORTS
from stack.launcher import start_order
from stack.services import BY_NAME, SERVICES, free_ports


def test_every_service_has_one_default_port_from_contracts():
    assert [s.name for s in SERVICES] == list(BY_NAME)  # unique names
    assert set(BY_NAME) == set(DEFAULT_PORTS)
    assert {s.name: s.default_port for s in SERVICES} == dict(DEFAULT_PORTS)


def test_needs_name_rows_and_start_first():
    for s in SERVICES:
        assert set(s.needs) <= set(BY_NAME) - {s.name}, s.name
    order = start_order(BY_NAME)
    for s in SERVICES:
        assert all(order.index(n) < order.index(s.name) for n in s.needs)


def test_only_the_channels_and_the_analysts_console_are_published():
    # rasa: chat channels; speech: the telephony transports; voc: the analysts' console (token-guarded
    # API). Never nlu, actions, redis or tts (piper's /info shows the last text it spoke)
    assert [s.name for s in SERVICES if s.published] == ["voc", "rasa", "speech"]


def test_services_that_are_needed_say_how_they_are_reached():
    needed = {n for s in SERVICES for n in s.needs}
    for name in needed:
        assert BY_NAME[name].url_env, f"{name} is needed but has no url_env"
    url_envs = [s.url_env for s in SERVICES if s.url_env]
    assert len(url_envs) == len(set(url_envs))


def test_a_service_reads_the_addresses_of_what_it_needs():
    for s in SERVICES:
        for need in s.needs:
            assert BY_NAME[need].url_env in s.reads, (s.name, need)


def test_free_ports_are_distinct_and_cover_the_table():
    ports = free_ports()
    assert set(ports) == set(BY_NAME) and len(set(ports.values())) == len(ports)
    assert ports.nlu == ports["nlu"]
