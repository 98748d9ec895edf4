# Two commands on a fresh machine: `make run`, `make test`. Everything else is created on first use.
SHELL := /bin/bash
PY      := .venv/bin/python
RASA_PY := .venv-rasa/bin/python
ARGS    ?=
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

# Unit tests live in tests/unit/<package>/; which environment runs them is decided here:
# the Rasa side (3.10) and the model side (3.11); contracts is installed in both, so tested in both.
RASA_UNIT := $(wildcard $(addprefix tests/unit/,actions bot contracts))
MAIN_UNIT := $(wildcard $(addprefix tests/unit/,nlu speech voc stack bench contracts tools))

.PHONY: help venv run train test test-unit test-integration bench-text bench-nlu bench-long bench-dialogue bench-asr bench-voice bench-voc voc-assets test-e2e compose-check clean

help:
	@echo "make run          bring the whole backend up in dev mode (creates venvs, trains models on first use)"
	@echo "make test         unit + integration tests against real redis, nlu, actions and rasa"
	@echo "make train        train the NLU and dialogue models if their data changed"
	@echo "make bench-text   latency of text turns: full stack vs bare Rasa"
	@echo "make bench-nlu    our NLU vs Rasa DIET (Banking77, HWU64) and VADER (TweetEval), out-of-scope; ARGS=--quick for a smoke run"
	@echo "                  ARGS=--train-diet first, once: trains and caches DIET (about an hour)"
	@echo "make bench-long   NLU latency on long messages (short vs ~500/1000/2000 chars, read in sentence windows)"
	@echo "make bench-dialogue  the conversation suite (tests/conversations/) per category and half; ARGS=--show-failures"
	@echo "make bench-asr    speech recognition: WER, real-time factor, telephone audio, hallucinations, digits; ARGS=--quick"
	@echo "make bench-voice  phone calls over Twilio Media Streams: end of caller speech -> first reply audio, 1 and 4 calls; ARGS=--quick"
	@echo "make bench-voc    voice of the customer: worker messages/s, freshness at 200 messages/s, clustering; ARGS=--quick"
	@echo "make voc-assets   the analysts' console's chart library (npm ci in voc/web)"
	@echo "make compose-check  validate docker-compose.yml"
	@echo "python -m stack services   the service table (names, environments, ports, variables)"

# --- environments (idempotent: a stamp per dependency file) -----------------------------------
.venv/.installed: pyproject.toml contracts/pyproject.toml
	@test -x $(PY) || python3.11 -m venv .venv || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar on -e ./contracts -e '.[test,bench]'
	@touch $@

.venv-rasa/.installed: requirements-rasa.txt contracts/pyproject.toml
	@test -x $(RASA_PY) || "$$(stack/find-python310.sh)" -m venv .venv-rasa
	$(RASA_PY) -m pip install --quiet --upgrade pip
	$(RASA_PY) -m pip install --progress-bar on -r requirements-rasa.txt -e ./contracts
	@touch $@

venv: .venv/.installed .venv-rasa/.installed

train: venv
	$(PY) -m stack train

# Dev mode: a made-up customer-token secret unless CUSTOMER_TOKEN_SECRET is set (the launcher says so).
run: venv voc-assets
	DEV_MODE=$${DEV_MODE:-true} $(PY) -m stack run

test: venv test-unit test-integration test-e2e

test-unit: venv
	$(if $(RASA_UNIT),PYTHONPATH=. $(RASA_PY) -m pytest -q $(RASA_UNIT))
	$(if $(MAIN_UNIT),$(PY) -m pytest -q $(MAIN_UNIT))

test-integration: venv
	$(PY) -m pytest -q tests/integration

# The analysts' console in real headless Chromium (Debian's chromium + chromium-driver; .ci/run installs them).
test-e2e: venv voc-assets
	$(PY) -m pytest -q tests/e2e

voc-assets: voc/web/dist/.stamp

# The dashboard's chart library: npm ci from the lock file, then copied where voc.dashboard serves it.
voc/web/dist/.stamp: voc/web/package.json voc/web/package-lock.json
	npm ci --prefix voc/web --no-audit --no-fund --loglevel=error
	mkdir -p voc/web/dist
	cp voc/web/node_modules/chart.js/dist/chart.umd.js voc/web/node_modules/chart.js/LICENSE.md voc/web/dist/
	@touch $@

bench-text: venv
	$(PY) -m bench.text_turns $(ARGS)

bench-nlu: venv
	$(PY) -m bench.nlu_benchmark $(ARGS)

bench-long: venv
	$(PY) -m bench.long_messages $(ARGS)

bench-dialogue: venv
	$(PY) -m bench.dialogue $(ARGS)

bench-asr: venv
	$(PY) -m bench.asr $(ARGS)

bench-voice: venv
	$(PY) -m bench.voice $(ARGS)

bench-voc: venv
	$(PY) -m bench.voc $(ARGS)

# docker-compose wants every required variable set; dummy values, for validation only
compose-check:
	CUSTOMER_TOKEN_SECRET=compose-check IDENTITY_CLAIM_SECRET=compose-check RASA_API_TOKEN=compose-check \
	VOICE_CHANNEL_TOKEN=compose-check SPEECH_API_TOKEN=compose-check VOC_PSEUDONYM_SECRET=compose-check REDIS_PASSWORD=compose-check docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid"

clean:
	rm -rf .run models/dialogue
