"""A service process: setup step, health, log file, stopping its whole group."""

import sys

import pytest

from stack.process import ServiceProcess, is_healthy
from stack.services import free_ports


def http_server(tmp_path, **kw) -> ServiceProcess:
    port = free_ports(("web",)).web
    return ServiceProcess("web", [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                          f"http://127.0.0.1:{port}/", {}, tmp_path / "logs" / "web.log", cwd=tmp_path,
                          startup_seconds=20, **kw)


def test_start_wait_stop_with_the_setup_step_logged(tmp_path):
    web = http_server(tmp_path, setup=[sys.executable, "-c", "print('setup ran')"])
    web.start()
    try:
        assert web.wait_healthy() < 20 and web.running
    finally:
        web.stop()
    assert not web.running and not is_healthy(web.health_url)
    assert "setup ran" in web.log_path.read_text()


def test_a_failing_setup_step_says_where_to_look(tmp_path):
    web = http_server(tmp_path, setup=[sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(RuntimeError, match=r"setup step .* failed \(exit 3\); see .*web.log"):
        web.start()
    assert web.proc is None


def test_a_process_that_dies_is_reported_with_its_log(tmp_path):
    dead = ServiceProcess("dead", [sys.executable, "-c", "raise SystemExit(4)"], "tcp://127.0.0.1:9",
                          {}, tmp_path / "dead.log", cwd=tmp_path)
    dead.start()
    with pytest.raises(RuntimeError, match="dead exited with code 4; see .*dead.log"):
        dead.wait_healthy()


def test_tcp_health_is_an_accepting_port(tmp_path):
    assert not is_healthy("tcp://127.0.0.1:9")
