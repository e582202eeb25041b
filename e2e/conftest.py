"""Browser tests run against the live test server; Django's DB access from the async Playwright loop is allowed."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
