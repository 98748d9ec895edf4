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


def intent_probabilities(net, tokenizer, texts: list[str], max_tokens: int, char=None,
                         batch_size: int = 64) -> tuple[torch.Tensor, torch.Tensor]:
    """Intent probabilities as served (the encoder's, blended with the character n-gram
    model's when there is one) and the sentiment logits."""
    i_logits, s_logits = batched_logits(net, tokenizer, texts, max_tokens, batch_size)
    i_prob = i_logits.softmax(-1)
    return (char.blend(i_prob, texts) if char is not None else i_prob), s_logits


def predict_batch(net, tokenizer, texts: list[str], intents: list[str], sentiments: list[str],
                  max_tokens: int, batch_size: int = 64, char=None) -> tuple[list[str], list[str], list[float]]:
    """Predicted intents, sentiments and intent confidences, in batches."""
    if not texts:
        return [], [], []
    i_prob, s_logits = intent_probabilities(net, tokenizer, texts, max_tokens, char, batch_size)
    conf, idx = i_prob.max(-1)
    return [intents[i] for i in idx.tolist()], [sentiments[i] for i in s_logits.argmax(-1).tolist()], conf.tolist()
