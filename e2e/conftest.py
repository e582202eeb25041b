"""Browser tests run against the live test server; Django's DB access from the async Playwright loop is allowed.

Browser tests wait for the state they need, never for a fixed time. On a busy machine that state can take a
while to arrive, so the waits are generous: a failing test takes longer to report, a passing one is no slower.
"""

import os

import pytest
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WAIT_MS = 90_000  # the 10x PDF exports in the other worker can hold both cores for a minute
expect.set_options(timeout=WAIT_MS)


@pytest.fixture
def page(page):
    page.set_default_timeout(WAIT_MS)
    page.set_default_navigation_timeout(WAIT_MS)
    return page
