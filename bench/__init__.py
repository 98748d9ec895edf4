"""Benchmarks that print comparable figures and end with one JSON line.

Run from the repository root as modules: `python -m bench.nlu_benchmark`, `python -m bench.text_turns`,
`python -m bench.long_messages`; `python -m bench.public_data --check` says whether the public
data sets are there. `bench.diet_eval` runs inside the Rasa environment, so this package
imports nothing at import time.
"""
