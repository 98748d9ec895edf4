"""The Rasa project (domain, data, config) and Rasa-side plugins (channels).

Imported by the Rasa process (Python 3.10): nothing here may import torch or the nlu package.
"""
