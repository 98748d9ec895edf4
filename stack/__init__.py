"""Bring the backend up on one machine: Redis, models, nlu, actions, rasa.

Used by `make run` (python -m stack run) and by the integration tests, which start
the same real processes on free ports against a throwaway redis-server.
"""
