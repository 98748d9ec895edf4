# Rasa and the actions server (Python 3.10, rasa 3.6.21). docker-compose gives each its command:
# rasa writes its serving config from the environment (python -m bot.serving_config) first.
FROM python:3.10-slim
WORKDIR /app
COPY requirements-rasa.txt ./
RUN pip install --no-cache-dir -r requirements-rasa.txt
COPY contracts contracts
RUN pip install --no-cache-dir ./contracts
COPY bot bot
COPY actions actions
