"""Transformer NLU: intent, sentiment and entities for a Rasa project, served over HTTP.

The public surface is `__all__`; the CLI (`python -m nlu`), the service and bench/ use it.
Names load on first use (PEP 562), so `import nlu` and `python -m nlu models` do not pay
for torch; `train_model`, `load_model` and the serving names bring it in when touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contracts.lazy_exports import lazy_exports

# public name -> (module, attribute there)
_EXPORTS: dict[str, tuple[str, str]] = {
    # settings
    "NluSettings": ("nlu.settings", "NluSettings"),
    # training data (a Rasa project's NLU YAML)
    "Example": ("nlu.training_data", "Example"),
    "EntitySpan": ("nlu.training_data", "EntitySpan"),
    "TrainingData": ("nlu.training_data", "TrainingData"),
    "TrainingDataError": ("nlu.training_data", "TrainingDataError"),
    "load_project": ("nlu.training_data", "load_project"),
    # training and evaluation
    # not `train`: importing the submodule nlu.train would shadow a package attribute of that name
    "train_model": ("nlu.train", "train"),
    "split_holdout": ("nlu.holdout", "split_holdout"),
    "evaluate_current": ("nlu.evaluate", "evaluate_current"),
    "Evaluation": ("nlu.evaluate", "Evaluation"),
    "classification_metrics": ("nlu.metrics", "classification_metrics"),
    "ClassificationReport": ("nlu.metrics", "ClassificationReport"),
    "batched_logits": ("nlu.batch_prediction", "batched_logits"),
    "predict_batch": ("nlu.batch_prediction", "predict_batch"),
    "intent_probabilities": ("nlu.batch_prediction", "intent_probabilities"),
    "written_form": ("nlu.spoken", "written_form"),
    "keep_fraction_threshold": ("nlu.calibration", "keep_fraction_threshold"),
    "oos_threshold": ("nlu.calibration", "oos_threshold"),
    # trained models on disk
    "ModelMetadata": ("nlu.metadata", "ModelMetadata"),
    "TRAINING_FORMAT": ("nlu.metadata", "TRAINING_FORMAT"),
    "registry": ("nlu.registry", ""),  # versions, current_path, set_current, rollback
    "LoadedModel": ("nlu.model", "LoadedModel"),
    "load_model": ("nlu.model", "load"),
    "quantised": ("nlu.model", "quantised"),
    "onnx_model": ("nlu.onnx_runtime", "onnx_model"),
    # serving
    "Predictor": ("nlu.predictor", "Predictor"),
    "FALLBACK_INTENT": ("nlu.predictor", "FALLBACK_INTENT"),
    "served_model": ("nlu.service", "served_model"),
    "create_app": ("nlu.service", "create_app"),
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # the same names for type checkers and editors, which do not run __getattr__
    from nlu import registry
    from nlu.batch_prediction import batched_logits, intent_probabilities, predict_batch
    from nlu.calibration import keep_fraction_threshold, oos_threshold
    from nlu.evaluate import Evaluation, evaluate_current
    from nlu.holdout import split_holdout
    from nlu.metadata import TRAINING_FORMAT, ModelMetadata
    from nlu.metrics import ClassificationReport, classification_metrics
    from nlu.model import LoadedModel, quantised
    from nlu.model import load as load_model
    from nlu.onnx_runtime import onnx_model
    from nlu.spoken import written_form
    from nlu.predictor import FALLBACK_INTENT, Predictor
    from nlu.service import create_app, served_model
    from nlu.settings import NluSettings
    from nlu.train import train as train_model
    from nlu.training_data import EntitySpan, Example, TrainingData, TrainingDataError, load_project
