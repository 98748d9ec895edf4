"""The voice session: a call as small steps (turns -> ASR -> dialogue -> speakable text -> TTS)."""
