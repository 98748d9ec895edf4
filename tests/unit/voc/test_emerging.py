"""The background clusterer survives any failure of one run: it logs it and tries again next time."""

import logging
import threading

from voc import emerging
from voc.settings import VocSettings


def test_an_unexpected_error_is_logged_with_its_traceback_and_the_thread_goes_on(monkeypatch, caplog, redis_client):
    stop = threading.Event()
    runs = []

    def due(client, taxonomy):
        runs.append(len(runs))
        if len(runs) == 1:
            raise ValueError("n_neighbors must be greater than 1")  # what UMAP says on a bad batch
        if len(runs) == 2:
            raise ImportError("No module named 'umap'")
        stop.set()  # the third run came: the thread outlived both
        return False

    monkeypatch.setattr(emerging, "due", due)
    settings = VocSettings(VOC_CLUSTER_EVERY_SECONDS=0.01)
    thread = threading.Thread(target=emerging.Clusterer(settings, redis_client).loop, args=(stop,), daemon=True)
    with caplog.at_level(logging.ERROR, logger="voc.emerging"):
        thread.start()
        thread.join(timeout=10)
    assert not thread.is_alive() and runs == [0, 1, 2]
    errors = [r for r in caplog.records if r.name == "voc.emerging" and r.levelno == logging.ERROR]
    assert [r.exc_info[0] for r in errors] == [ValueError, ImportError]  # each with its traceback
