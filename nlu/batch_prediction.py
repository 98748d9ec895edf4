"""Predictions for many texts at once: held-out evaluation, benchmarks, threshold fitting."""

from __future__ import annotations

import torch


@torch.inference_mode()
def batched_logits(net, tokenizer, texts: list[str], max_tokens: int,
                   batch_size: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Intent and sentiment logits for many texts, in batches, with the net in eval mode."""
    was_training = net.training
    net.eval()
    intent, sentiment = [], []
    for b in range(0, len(texts), batch_size):
        enc = tokenizer(texts[b : b + batch_size], padding=True, truncation=True,
                        max_length=max_tokens, return_tensors="pt")
        i_logits, s_logits, _ = net(enc["input_ids"], enc["attention_mask"])
        intent.append(i_logits)
        sentiment.append(s_logits)
    net.train(was_training)
    return torch.cat(intent), torch.cat(sentiment)


def predict_batch(net, tokenizer, texts: list[str], intents: list[str], sentiments: list[str],
                  max_tokens: int, batch_size: int = 64) -> tuple[list[str], list[str], list[float]]:
    """Predicted intents, sentiments and intent confidences, in batches."""
    if not texts:
        return [], [], []
    i_logits, s_logits = batched_logits(net, tokenizer, texts, max_tokens, batch_size)
    conf, idx = i_logits.softmax(-1).max(-1)
    return [intents[i] for i in idx.tolist()], [sentiments[i] for i in s_logits.argmax(-1).tolist()], conf.tolist()
