"""The network: one MiniLM encoder, three small heads (intent, sentiment, entity tags)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import AutoConfig, AutoModel, AutoTokenizer, PreTrainedTokenizerBase

from nlu import char_ngrams, spelling
from nlu import metadata as model_metadata
from nlu.char_ngrams import CharNgrams
from nlu.metadata import Labels, ModelMetadata
from nlu.spelling import Speller

WEIGHTS = "model.safetensors"


class NluNet(nn.Module):
    def __init__(self, encoder: nn.Module, n_intents: int, n_sentiments: int, n_tags: int) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.intent_head = nn.Linear(hidden, n_intents)
        self.sentiment_head = nn.Linear(hidden, n_sentiments)
        self.tag_head = nn.Linear(hidden, n_tags)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        tokens = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        # mean pooling: what all-MiniLM-L6-v2 was trained with
        pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        pooled = self.dropout(pooled)
        return (
            self.intent_head(pooled),
            self.sentiment_head(pooled),
            self.tag_head(self.dropout(tokens)),
        )


@dataclass
class LoadedModel:
    net: NluNet
    tokenizer: PreTrainedTokenizerBase
    metadata: ModelMetadata
    path: Path
    char: CharNgrams | None = None  # the character n-gram half of the intent classifier
    speller: Speller | None = None  # the second reading of a message with its slips corrected

    @property
    def intents(self) -> list[str]:
        return self.metadata.labels.intents

    @property
    def sentiments(self) -> list[str]:
        return self.metadata.labels.sentiments

    @property
    def tags(self) -> list[str]:
        return self.metadata.labels.tags

    @property
    def version(self) -> str:
        return self.metadata.version


def build(encoder_name: str, labels: Labels) -> tuple[NluNet, PreTrainedTokenizerBase]:
    tokenizer = AutoTokenizer.from_pretrained(encoder_name)
    encoder = AutoModel.from_pretrained(encoder_name)
    return NluNet(encoder, len(labels.intents), len(labels.sentiments), len(labels.tags)), tokenizer


def save(net: NluNet, tokenizer: PreTrainedTokenizerBase, metadata: ModelMetadata, path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    net.encoder.config.save_pretrained(path)
    tokenizer.save_pretrained(path)
    state = {k: v.contiguous() for k, v in net.state_dict().items()}
    save_file(state, str(path / WEIGHTS))
    model_metadata.write(metadata, path)


def load(path: Path) -> LoadedModel:
    metadata = model_metadata.read(path)
    labels = metadata.labels
    encoder = AutoModel.from_config(AutoConfig.from_pretrained(path))
    net = NluNet(encoder, len(labels.intents), len(labels.sentiments), len(labels.tags))
    net.load_state_dict(load_file(str(path / WEIGHTS)))
    net.eval()
    tokenizer = AutoTokenizer.from_pretrained(path)
    return LoadedModel(net, tokenizer, metadata, path, char_ngrams.load(path), spelling.load(path))


def quantised(loaded: LoadedModel) -> LoadedModel:
    """Dynamic int8 quantisation of the Linear layers (weights int8, activations quantised on the fly)."""
    net = torch.ao.quantization.quantize_dynamic(loaded.net, {nn.Linear}, dtype=torch.qint8)
    return replace(loaded, net=net)
