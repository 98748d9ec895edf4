"""The nlu service's one settings object (environment variables, prefix-free names)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from contracts.encoders import bundled_encoder  # noqa: F401 (shared with voc; nlu's callers import it from here)
from contracts.limits import DEFAULT_MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS_ENV
from contracts.ports import DEFAULT_PORTS
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from nlu.elsewhere import DEFAULT_OTHER_BUSINESSES

REPO_ROOT = Path(__file__).resolve().parent.parent


class NluSettings(BaseSettings):
    bot_dir: Path = Field(REPO_ROOT / "bot", description="Rasa project whose NLU data we train on")
    models_dir: Path = Field(REPO_ROOT / "models" / "nlu", alias="NLU_MODELS_DIR")
    encoder: str = Field(default_factory=bundled_encoder, alias="NLU_ENCODER")
    # None: use the threshold fitted at training time (model metadata)
    fallback_threshold: Optional[float] = Field(None, ge=0.0, le=1.0, alias="NLU_FALLBACK_THRESHOLD")
    fallback_keep_fraction: float = Field(0.95, gt=0.0, le=1.0, alias="NLU_FALLBACK_KEEP_FRACTION",
                                          description="share of correct held-out predictions the fitted threshold accepts")
    max_message_chars: int = Field(DEFAULT_MAX_MESSAGE_CHARS, gt=0, alias=MAX_MESSAGE_CHARS_ENV,
                                   description="longer messages get 413; the same limit as every channel's")
    max_tokens: int = Field(64, gt=8, alias="NLU_MAX_TOKENS",
                            description="tokens the model reads at once; longer messages are read in windows")
    host: str = Field("127.0.0.1", alias="NLU_HOST")
    port: int = Field(DEFAULT_PORTS["nlu"], alias="NLU_PORT")
    torch_threads: int = Field(1, ge=1, alias="NLU_TORCH_THREADS")
    # ONNX Runtime computes the same logits (within 1e-4) as torch, about 40 % faster on a CPU
    runtime: Literal["torch", "onnx"] = Field("onnx", alias="NLU_RUNTIME",
                                              description="onnx (exported next to the weights on first use) or torch")
    int8: bool = Field(False, alias="NLU_INT8",
                       description="serve with int8 weights (dynamic quantisation): faster, slightly less accurate")
    spelling: bool = Field(True, alias="NLU_SPELLING",
                           description="read an unsure message again with its typing slips corrected (nlu.spelling)")
    other_businesses: tuple[str, ...] = Field(DEFAULT_OTHER_BUSINESSES, alias="NLU_OTHER_BUSINESSES",
                                              description="other companies (JSON list): a message about their orders or "
                                                          "services is out of scope (nlu.elsewhere); no courier by "
                                                          "default: add those you never use")
    # training
    epochs: int = Field(12, ge=1, alias="NLU_EPOCHS")
    batch_size: int = Field(16, ge=1, alias="NLU_BATCH_SIZE")
    learning_rate: float = Field(1e-4, gt=0, alias="NLU_LEARNING_RATE")
    holdout_fraction: float = Field(0.2, ge=0.0, lt=1.0, alias="NLU_HOLDOUT_FRACTION")
    seed: int = Field(13, alias="NLU_SEED")
    augment_prob: float = Field(0.3, ge=0.0, le=1.0, alias="NLU_AUGMENT_PROB",
                                description="share of training examples shown lower-cased without end punctuation")
    typo_prob: float = Field(0.3, ge=0.0, le=1.0, alias="NLU_TYPO_PROB",
                             description="share of training examples shown with 1-2 typing slips (nlu.augment)")
    vent_prob: float = Field(0.0, ge=0.0, le=1.0, alias="NLU_VENT_PROB",
                             description="share of request examples shown with a burst of anger before or after "
                                         "them, sentiment negative (nlu.augment.vented); off by default: at 0.1 "
                                         "and 0.15 the conversation suite scored lower")
    char_weight: float = Field(0.3, ge=0.0, le=1.0, alias="NLU_CHAR_WEIGHT",
                               description="share of the intent probability from a character n-gram model "
                                           "trained beside the encoder (nlu.char_ngrams); 0 trains none")
    nonsense_examples: int = Field(80, ge=0, alias="NLU_NONSENSE_EXAMPLES",
                                   description="generated nonsense messages added to the out-of-scope intent (nlu.nonsense)")
    nonsense_intent: str = Field("out_of_scope", alias="NLU_NONSENSE_INTENT",
                                 description="the project's intent for messages it does not handle; none generated "
                                             "when the project has no such intent")

    model_config = SettingsConfigDict(populate_by_name=True, extra="ignore")
