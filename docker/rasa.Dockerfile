# Rasa and the actions server (Python 3.10, rasa 3.6.21).
FROM python:3.10-slim
WORKDIR /app
COPY requirements-rasa.txt ./
RUN pip install --no-cache-dir -r requirements-rasa.txt
COPY bot bot
COPY actions actions
