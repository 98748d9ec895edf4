"""Text to speech for the voice channel: an interface, and Piper behind it as its own process."""
