"""Custom actions (rasa_sdk): personalisation, tone, order help, hand-off to a human.

Runs in the Python 3.10 Rasa environment: nothing here may import torch or the nlu package.
"""
