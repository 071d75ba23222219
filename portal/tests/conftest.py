"""Fixtures of the portal's tests: an outlet of each display policy, and a real Chromium for
what a reader clicks."""

import os
import shutil

import pytest

from sources.models import Source

CHROMIUM = os.environ.get("HERALD_CHROMIUM", "/usr/bin/chromium")
# Chromium, as root in a container with no network beyond loopback: no sandbox, no GPU, and
# none of its own calls home (refused here, and slow to fail).
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright; skipped where it is not installed, but a failure
    under CI, which installs it (.ci/run)."""
    if not shutil.which(CHROMIUM):
        message = f"no Chromium at {CHROMIUM} (Debian package chromium; .ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, which Django takes for async
    # code and refuses the test's own database calls; they are plain sync calls all the same.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def full(db):
    return Source.objects.create(
        feed_url="https://full.example/feed", name="Full Courier", display=Source.Display.FULL
    )


@pytest.fixture
def excerpts(db):
    return Source.objects.create(
        feed_url="https://teaser.example/feed", name="Teaser Times", display=Source.Display.EXCERPT
    )


@pytest.fixture
def titles(db):
    return Source.objects.create(
        feed_url="https://titles.example/feed", name="Title Post", display=Source.Display.TITLE
    )
