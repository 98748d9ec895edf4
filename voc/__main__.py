"""`python -m voc serve` (worker + health on VOC_PORT) or `python -m voc worker` (the worker alone)."""

from __future__ import annotations

import argparse
import logging
import signal
import threading

from voc.service import checked, serve
from voc.settings import VocSettings
from voc.worker import Worker


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m voc", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="the stream worker and its /health endpoint")
    sub.add_parser("worker", help="the stream worker alone, in the foreground")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = VocSettings()
    if args.command == "serve":
        serve(settings)
        return
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    Worker(checked(settings)).run(stop)


if __name__ == "__main__":
    main()
