"""Transformer NLU: intent, sentiment and entities for a Rasa project, served over HTTP."""
