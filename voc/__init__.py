"""Voice of the customer: irritants from every conversation, counted in Redis for CX analysts.

Rasa's event broker (bot/event_broker.py) -> the `voc:events` stream -> this worker:
redaction (with the customer's own name), irritant records and daily aggregates.
"""
