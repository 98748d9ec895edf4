# The voc service (Python 3.11): the stream worker (and, later, the analysts' API and console).
FROM python:3.11-slim
WORKDIR /app
COPY contracts contracts
RUN pip install --no-cache-dir ./contracts
COPY pyproject.toml README.md ./
COPY voc voc
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -e .
CMD ["python", "-m", "voc", "serve"]
