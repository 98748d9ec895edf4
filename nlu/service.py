"""The nlu HTTP service: Rasa's `POST /model/parse`, with sentiment and model version."""

from __future__ import annotations

from contextlib import asynccontextmanager

import torch
from fastapi import FastAPI, HTTPException

from contracts import languages
from contracts.signals import signal_in
from nlu import model as nlu_model
from nlu import registry
from nlu.predictor import Predictor
from nlu.schemas import ErrorBody, Health, ParseRequest, ParseResponse
from nlu.settings import NluSettings


def served_model(settings: NluSettings) -> nlu_model.LoadedModel:
    """The current model version, in the runtime and precision the settings ask for."""
    loaded = nlu_model.load(registry.current_path(settings.models_dir))
    if settings.runtime == "onnx":
        from nlu.onnx_runtime import onnx_model

        return onnx_model(loaded, int8=settings.int8, threads=settings.torch_threads)
    return nlu_model.quantised(loaded) if settings.int8 else loaded


def create_app(settings: NluSettings | None = None) -> FastAPI:
    settings = settings or NluSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        torch.set_num_threads(settings.torch_threads)
        loaded = served_model(settings)
        app.state.predictor = Predictor(loaded, settings.fallback_threshold, settings.max_tokens, settings.spelling,
                                        settings.other_businesses)
        app.state.predictor.parse("warm up")  # first call pays for lazy init; not a customer
        languages.detector()  # the language models, loaded here and not on a customer's message
        if app.state.predictor.speller is not None:
            app.state.predictor.speller.warm()
        yield

    # the schema at /openapi.json; no /docs page: FastAPI's loads Swagger UI from a CDN
    app = FastAPI(title="nlu", summary="Intent, entities and sentiment for Rasa", lifespan=lifespan,
                  docs_url=None, redoc_url=None)

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", model=app.state.predictor.version)

    @app.post(
        "/model/parse",
        response_model=ParseResponse,
        responses={400: {"model": ErrorBody}, 413: {"model": ErrorBody}},
    )
    def parse(req: ParseRequest) -> dict:
        # sync endpoint: FastAPI runs it in a worker thread, so a slow parse never blocks the loop
        text = req.text.strip()
        if not text:
            raise HTTPException(400, "text is empty: send the customer's message in 'text'")
        if len(req.text) > settings.max_message_chars:
            raise HTTPException(
                413, f"text is {len(req.text)} characters; the limit is {settings.max_message_chars}"
            )
        predictor = app.state.predictor
        signal = signal_in(text)
        if signal is not None:  # a call event from the voice channel, not words to classify
            return predictor.signal(text, signal)
        result = predictor.parse(text)
        if req.explain:
            result["explanation"] = predictor.explanation(result)
        return result

    return app


def serve(settings: NluSettings) -> None:
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")
