# The nlu service (Python 3.11). Train first (`make train`), the models/ volume carries the model.
FROM python:3.11-slim
WORKDIR /app
COPY contracts contracts
RUN pip install --no-cache-dir ./contracts
COPY pyproject.toml README.md ./
COPY nlu nlu
COPY stack stack
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -e .
COPY bot bot
CMD ["python", "-m", "nlu", "serve"]
