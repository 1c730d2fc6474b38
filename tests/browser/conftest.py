"""Browser tests: the real catalogue built once, served on 127.0.0.1, driven with Debian's chromium.

Every test gets a `page` that fails the test on any console error, uncaught
page error or request to anything but the local server (the pages must load
no third-party resources), and on any JavaScript dialog.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.build import build
from generator.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


# The published site lives in a sub-folder (site_url .../catalogus/); serving it there too
# makes any link that assumes the site root fail here as it would there.
SUB_FOLDER = "/catalogus/"


class SubFolderHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under SUB_FOLDER only; everything else is 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_FOLDER):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(SUB_FOLDER):])

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, handler_class: type = SubFolderHandler):
    """A threaded static server for `folder` on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUB_FOLDER}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def off_the_browser_thread(function, *args):
    """Run a build step in its own thread, away from the asyncio loop that Playwright's
    sync API keeps in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real catalogue built with the real build: (site folder, checked Catalog)."""
    out = tmp_path_factory.mktemp("site") / "public"
    result = off_the_browser_thread(build, out)
    assert not result.has_errors, [str(p) for p in result.problems if p.severity == "error"][:5]
    return out, result.catalog


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def catalog(built):
    return built[1]


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def watched_page(browser, base_url: str, **context_options):
    """A fresh page that fails the test on console errors, page errors, dialogs and non-local requests."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def local_only(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            problems.append(f"request to another site: {route.request.url}")
            route.abort()

    context.route("**/*", local_only)
    yield page
    context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(browser, base_url):
    with watched_page(browser, base_url, accept_downloads=True, locale="nl-NL",
                      viewport={"width": 1280, "height": 900}) as page:
        page.set_default_timeout(10_000)
        yield page


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `make test` (npm ci installs axe-core from package-lock.json)")
    return AXE_SCRIPT
