# The speech service (Python 3.11): Whisper ASR with the bundled tiny.en, Silero VAD.
FROM python:3.11-slim
WORKDIR /app
COPY contracts contracts
RUN pip install --no-cache-dir ./contracts
COPY pyproject.toml README.md ./
COPY speech speech
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -e .
CMD ["python", "-m", "speech", "serve"]
