"""Speech-to-text: the embedded Whisper model and OpenAI-compatible audio upstreams."""
