"""python -m voc serve | worker | token | reprocess  (see --help of each)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading

import redis

from voc.service import checked, serve
from voc.settings import VocSettings
from voc.worker import Worker


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m voc", description="Voice of the customer: worker, API, tokens.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="the stream worker, the analysts' API and /health on VOC_PORT")
    sub.add_parser("worker", help="the stream worker alone, in the foreground")
    token = sub.add_parser("token", help="API tokens: create one (shown once) or revoke one")
    token_sub = token.add_subparsers(dest="action", required=True)
    create = token_sub.add_parser("create", help="mint a token and print it")
    create.add_argument("--role", choices=("analyst", "admin"), required=True,
                        help="analyst: read; admin: also taxonomy edits and erasure")
    create.add_argument("--name", required=True, help="who holds it (shown in /v1/me)")
    create.add_argument("--days", type=int, default=None, help="expires after this many days (default: never)")
    revoke = token_sub.add_parser("revoke", help="revoke a token")
    revoke.add_argument("token")
    reprocess = sub.add_parser("reprocess", help="re-categorise the irritant records kept, with the taxonomy as it is now")
    reprocess.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    report = sub.add_parser("report", help="the analysts' console as one self-contained HTML file (no server, no token)")
    report.add_argument("--since", default="7d", help="7d, 30d (the last N UTC days, today included) or a first "
                                                      "UTC day YYYY-MM-DD (default: 7d)")
    report.add_argument("--out", default="voc-report.html", help="the HTML file to write (default: voc-report.html)")
    sub.add_parser("cluster", help="cluster the emerging irritants now (the service does it hourly)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = VocSettings()
    if args.command == "serve":
        serve(settings)
        return
    if args.command == "token":
        from voc import auth

        client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
        if args.action == "create":
            print(auth.mint(client, args.role, args.name, args.days))
        elif not auth.revoke(client, args.token):
            sys.exit("no such token (already revoked or expired?)")
        return
    if args.command == "report":
        from pathlib import Path

        from voc.queries import PeriodError
        from voc.report import parse_since, write_report

        try:
            period = parse_since(args.since)
        except PeriodError as exc:
            sys.exit(f"--since: {exc}")
        client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
        try:
            print(write_report(client, settings, period, Path(args.out)))
        except FileNotFoundError as exc:  # assets not built: says to run make voc-assets
            sys.exit(str(exc))
        return
    if args.command == "reprocess":
        from voc.reprocess import reprocess

        try:
            settings = checked(settings)
        except ValueError as exc:  # no pseudonym secret: the records' pseudonyms could not be matched
            sys.exit(str(exc))
        client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
        report = reprocess(client, settings, dry_run=args.dry_run)
        print(report.summary())
        return
    if args.command == "cluster":
        from voc.emerging import run

        stored = run(redis.Redis.from_url(settings.redis_url, decode_responses=True), settings)
        for c in stored["clusters"]:
            print(f"{c['id']}  {c['size']:4d}  {', '.join(c['keywords'])}")
        print(f"{len(stored['clusters'])} clusters from {stored['messages']} uncategorised messages")
        return
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    Worker(checked(settings)).run(stop)


if __name__ == "__main__":
    main()
