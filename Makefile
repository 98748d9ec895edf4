# Two commands on a fresh machine: `make run`, `make test`. Everything else is created on first use.
SHELL := /bin/bash
PY      := .venv/bin/python
RASA_PY := .venv-rasa/bin/python
ARGS    ?=
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help venv run train test test-unit test-integration bench-text bench-nlu compose-check clean

help:
	@echo "make run          bring the whole backend up (creates venvs, trains models on first use)"
	@echo "make test         unit + integration tests against real redis, nlu, actions and rasa"
	@echo "make train        train the NLU and dialogue models if their data changed"
	@echo "make bench-text   latency of text turns: full stack vs bare Rasa"
	@echo "make bench-nlu    our NLU vs Rasa DIET (Banking77, HWU64) and VADER (TweetEval), out-of-scope; ARGS=--quick for a smoke run"
	@echo "                  ARGS=--train-diet first, once: trains and caches DIET (about an hour)"
	@echo "make compose-check  validate docker-compose.yml"

# --- environments (idempotent: a stamp per dependency file) -----------------------------------
.venv/.installed: pyproject.toml
	@test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar on -e '.[test,bench]'
	@touch $@

.venv-rasa/.installed: requirements-rasa.txt
	@test -x $(RASA_PY) || "$$(stack/find-python310.sh)" -m venv .venv-rasa
	$(RASA_PY) -m pip install --quiet --upgrade pip
	$(RASA_PY) -m pip install --progress-bar on -r requirements-rasa.txt
	@touch $@

venv: .venv/.installed .venv-rasa/.installed

train: venv
	$(PY) -m nlu train --if-missing
	$(PY) -c "from stack.services import ensure_dialogue_model, common_env, Ports; print(ensure_dialogue_model(common_env('redis://127.0.0.1:6379/0', Ports())))"

run: venv
	$(PY) -m stack run

test: venv test-unit test-integration

test-unit: venv
	PYTHONPATH=. $(RASA_PY) -m pytest -q tests/unit/rasa_side
	$(PY) -m pytest -q tests/unit/nlu

test-integration: venv
	$(PY) -m pytest -q tests/integration

bench-text: venv
	$(PY) bench/text_turns.py $(ARGS)

bench-nlu: venv
	$(PY) bench/nlu_benchmark.py $(ARGS)

compose-check:
	docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid"

clean:
	rm -rf .run models/dialogue
