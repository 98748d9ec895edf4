# The voc service (Python 3.11): the stream worker, the analysts' API and console.
# The console's chart library comes from npm at build time (nothing from a CDN at run time):
# the first stage does what `make voc-assets` does.
FROM node:22-slim AS assets
WORKDIR /web
COPY voc/web/package.json voc/web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error \
 && mkdir dist && cp node_modules/chart.js/dist/chart.umd.js node_modules/chart.js/LICENSE.md dist/

FROM python:3.11-slim
WORKDIR /app
COPY contracts contracts
RUN pip install --no-cache-dir ./contracts
COPY pyproject.toml README.md ./
COPY voc voc
COPY --from=assets /web/dist voc/web/dist
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu -e .
CMD ["python", "-m", "voc", "serve"]
