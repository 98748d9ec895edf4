"""Transport adapters: a telephony or browser protocol in, the voice session's calls out."""
