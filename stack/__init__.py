"""Bring the backend up on one machine, from one table of services.

services.py     the service table: what runs, in which environment, on which port, needing what
settings.py     StackSettings, the one settings object (environment variables), and the run's secrets
wiring.py       each service's command line and environment, computed from the table and settings
launcher.py     Stack: start (dependency order), health-check, restart and stop the table's services
process.py      one running service process: setup step, start, health, stop, log file
models.py       the NLU and dialogue models, trained when their data changed
baseline.py     Rasa as it comes (no NLU service, channel or stores of ours): the benches' baseline
environments.py the two Python environments (and the system's PATH) services run in
redis_server.py a throwaway redis-server for tests (importable from the Rasa venv: redis only)

Used by `make run` (python -m stack run), the integration tests and the benches.
Keep this file free of imports: the Rasa venv imports stack.redis_server without pydantic-settings.
"""
