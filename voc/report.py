"""`python -m voc report --since 7d --out report.html`: the console as ONE self-contained HTML file.

The page is the dashboard's own (voc/web/src/: HTML, CSS, panels.js, sources.js) with the chart
library inlined, and the data embedded as JSON in `<script type="application/json" id="voc-data">`:
what the analysts' API would answer for the period (the same voc.queries functions, through the
API's own response models), so the page draws it with no server and no token. It can be mailed
or archived; it loads nothing (its Content-Security-Policy forbids any request). No transcripts:
they stay behind the API.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

import redis
from pydantic import TypeAdapter

from voc import api, dashboard, queries
from voc.settings import VocSettings
from voc.taxonomy import UNCATEGORISED, load

QUOTES = 200  # the most recent quotes of the period the report carries
CHANNELS = ("chat", "voice")
_RELATIVE = re.compile(r"^(\d{1,3})d$")


def parse_since(text: str) -> queries.Period:
    """The period from `text` to today (UTC): "7d" is the last 7 days, today included, "30d" the
    last 30; "YYYY-MM-DD" starts on that day. A queries.PeriodError (a ValueError) says what is wrong."""
    text = text.strip()
    today = datetime.now(timezone.utc).date()
    relative = _RELATIVE.match(text)
    if relative:
        days = int(relative.group(1))
        if days < 1:
            raise queries.PeriodError("a period is at least 1 day (1d)")
        return queries.Period.parse((today - timedelta(days=days - 1)).isoformat(), None)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise queries.PeriodError(f"since is a number of days (7d, 30d) or a UTC day (YYYY-MM-DD), not {text!r}")
    return queries.Period.parse(text, None)


def _as_api(model: Any, value: Any) -> Any:
    """`value` as the API serves it: validated and serialised by the endpoint's response model."""
    adapter = TypeAdapter(model)
    return adapter.dump_python(adapter.validate_python(value), mode="json")


def collect(client: redis.Redis, settings: VocSettings, period: queries.Period,
            generated_at: Optional[datetime] = None) -> dict:
    """The report's data: per endpoint, the JSON the API returns for `period` (top irritants and
    trends for all channels and for each one, so the page's channel filter works offline)."""
    taxonomy = load(settings.taxonomy)
    generated_at = generated_at or datetime.now(timezone.utc)
    top, trends = {}, {}
    for channel in (None, *CHANNELS):
        key = channel or "all"
        top[key] = _as_api(list[api.TopIrritant], queries.top_irritants(client, taxonomy, period, channel, 10))
        trends[key] = _as_api(list[api.DayTrend], queries.trends(client, period, channel))
    quotes = []
    for record in queries.records(client, period):
        quotes.append(record)
        if len(quotes) == QUOTES:
            break
    return {
        "generated_at": generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        "period": {"since": period.since.isoformat(), "until": period.until.isoformat()},
        "categories": [*taxonomy.categories, UNCATEGORISED],
        "quotes_limit": QUOTES,
        "kpis": _as_api(list[api.Kpi], queries.kpis(client, period, "total")),
        "top": top,
        "trends": trends,
        "channels": _as_api(list[api.ChannelBreakdown], queries.channels(client, period)),
        "clusters": _as_api(list[api.EmergingCluster], queries.emerging(client)),
        "alerts": _as_api(list[api.Alert], queries.alerts(client, period)),
        "demo": _as_api(api.DemoReplay, queries.demo_replay(client)),
        "quotes": _as_api(list[api.Quote], quotes),  # the model keeps the fields the API shows, no more
    }


def _script_text(text: str, source: Path) -> str:
    """Text safe inside <script>…</script>: a closing tag in a string cannot end it early."""
    if "<!--" in text:  # would need a rewrite that depends on where it stands: refuse rather than guess
        raise ValueError(f"{source}: '<!--' cannot be inlined safely")
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def _json_text(data: dict) -> str:
    # escapes that JSON.parse reads back as the same characters; the HTML parser sees no tag
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render(data: dict) -> str:
    """The dashboard page with its assets inlined and `data` embedded."""
    missing = dashboard.missing_assets()
    if missing:
        raise FileNotFoundError(f"the page's assets are not built (missing: {', '.join(missing)}): "
                                "run `make voc-assets`")
    page = dashboard.PAGE.read_text(encoding="utf-8")
    scripts, styles = [], []

    def inline_script(match: re.Match) -> str:
        path, _ = dashboard.ASSETS[match.group(1)]
        text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", path.read_text(encoding="utf-8"))
        text = _script_text(text, path)
        scripts.append(text)
        return f"<script>{text}</script>"

    def inline_style(match: re.Match) -> str:
        path, _ = dashboard.ASSETS[match.group(1)]
        text = path.read_text(encoding="utf-8").replace("</", "<\\/")
        styles.append(text)
        return f"<style>{text}</style>"

    prefix = re.escape(dashboard.ASSETS_URL)
    data_tag = f'<script type="application/json" id="voc-data">{_json_text(data)}</script>\n'
    page = page.replace(f'<script src="{dashboard.ASSETS_URL}', data_tag + f'<script src="{dashboard.ASSETS_URL}', 1)
    page, n_styles = re.subn(rf'<link rel="stylesheet" href="{prefix}([\w.-]+)">', inline_style, page)
    page, n_scripts = re.subn(rf'<script src="{prefix}([\w.-]+)"></script>', inline_script, page)
    if not (n_styles and n_scripts):
        raise RuntimeError(f"{dashboard.PAGE}: found no stylesheet or script to inline")
    # nothing may be fetched: only these exact inline scripts and styles run
    policy = (f"default-src 'none'; script-src {' '.join(map(_hash, scripts))}; "
              f"style-src {' '.join(map(_hash, styles))}; img-src data:; base-uri 'none'; form-action 'none'")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + meta, 1)
    title = f"Voice of the customer: {data['period']['since']} to {data['period']['until']}"
    return page.replace("<title>Voice of the customer</title>", f"<title>{title}</title>", 1)


def write_report(client: redis.Redis, settings: VocSettings, period: queries.Period, out: Path) -> Path:
    """Write the report for `period` to `out` (one HTML file, nothing else needed); return its path."""
    out = Path(out)
    html = render(collect(client, settings, period))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
