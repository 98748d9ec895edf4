"""The CX analysts' console: `GET /dashboard` serves the page (`GET /` redirects there) and
`/dashboard/assets/{name}` its styles, scripts and the vendored chart library.

The page needs no token; every data call it makes to the analysts' API (voc.api) carries the
analyst's bearer token. Our own sources live in voc/web/src/; the chart library comes from npm
(voc/web/package.json, pinned in package-lock.json) and `make voc-assets` copies it into
voc/web/dist/ (git-ignored). Without it the page answers 503 saying so, not a broken page.
`python -m voc report` (voc.report) inlines the same files into one self-contained HTML file.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response

WEB = Path(__file__).with_name("web")
SOURCES = WEB / "src"
DIST = WEB / "dist"  # built by `make voc-assets`
PAGE = SOURCES / "dashboard.html"
ASSETS_URL = "/dashboard/assets/"

# what /dashboard/assets/ serves: name -> (file, media type); nothing else is reachable
ASSETS: dict[str, tuple[Path, str]] = {
    "dashboard.css": (SOURCES / "dashboard.css", "text/css; charset=utf-8"),
    "panels.js": (SOURCES / "panels.js", "text/javascript; charset=utf-8"),
    "sources.js": (SOURCES / "sources.js", "text/javascript; charset=utf-8"),
    "chart.umd.js": (DIST / "chart.umd.js", "text/javascript; charset=utf-8"),
}

# the page talks to its own origin only; no inline script or style, no CDN
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
NOT_BUILT = ("The dashboard's assets are not built: run `make voc-assets` (npm ci in voc/web, then the chart "
             "library is copied into voc/web/dist/), then reload. Missing: {missing}\n")


def missing_assets() -> list[str]:
    """The files the page needs that are not there (the vendored ones until `make voc-assets`)."""
    root = WEB.parent.parent
    return [str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
            for path, _ in ASSETS.values() if not path.is_file()]


def router() -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    @pages.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse("/dashboard", status_code=307)

    @pages.get("/dashboard")
    def dashboard() -> Response:
        missing = missing_assets()
        if missing:
            return PlainTextResponse(NOT_BUILT.format(missing=", ".join(missing)), status_code=503,
                                     headers={"Cache-Control": "no-store"})
        return HTMLResponse(PAGE.read_text(encoding="utf-8"), headers=HEADERS)

    @pages.get(ASSETS_URL + "{name}")
    def asset(name: str) -> Response:
        if name not in ASSETS:
            raise HTTPException(404, f"no asset {name!r}")
        path, media_type = ASSETS[name]
        if not path.is_file():
            return PlainTextResponse(NOT_BUILT.format(missing=name), status_code=503, headers={"Cache-Control": "no-store"})
        return FileResponse(path, media_type=media_type, headers=HEADERS)

    return pages
