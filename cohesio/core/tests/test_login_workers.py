"""The failed-login limit holds across gunicorn workers, for the site's sign-in and the admin's.

A real gunicorn with 4 worker processes serves a migrated SQLite file; 30 wrong passwords for one account go
to /accounts/login/ and 30 to /admin/login/, each with a fresh connection (so the workers share them out,
which the access log's process ids show). Before, every worker counted failures in its own memory: 13 of
30 were evaluated with 4 workers and the admin had no limit at all (30 of 30). Now the lockout holds at the
configured limit in both, and the right password from another address still signs in.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[3]
PASSWORD = "correct-horse-battery-42"
OWNER_EMAIL = "owner@riverside.example"
ADMIN_EMAIL = "root@cohesio.example"
ATTACKER = "198.51.100.7"
OWNER_IP = "203.0.113.20"
ATTEMPTS = 30
WORKERS = 4
LIMIT = 5
TIMEOUT = 60  # seconds for one request on a busy machine

# what the subprocesses run: make the two accounts
MAKE_ACCOUNTS = f"""
from cohesio.core.accounts import create_account
create_account(email={OWNER_EMAIL!r}, password={PASSWORD!r})
root = create_account(email={ADMIN_EMAIL!r}, password={PASSWORD!r})
root.is_staff = root.is_superuser = True
root.save()
"""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar and a client address (sent as X-Forwarded-For, which the server trusts from one proxy)."""

    def __init__(self, base: str, ip: str):
        self.base, self.ip = base, ip
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - our own local server
            self.base + path, data=body, headers={"X-Forwarded-For": self.ip, "Connection": "close"}
        )
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)

    def sign_in(self, path: str, fields: dict) -> tuple[int, str, dict]:
        status, page, _ = self.request(path)
        assert status == 200, (status, page[:500])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(path, {**fields, "csrfmiddlewaretoken": token})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(env: dict, *args: str) -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]


def _wait_until_ready(base: str, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped"
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling interval, not a wait for readiness
    pytest.fail("gunicorn did not answer /healthz in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with 4 workers on its own migrated SQLite file."""
    folder = tmp_path_factory.mktemp("workers")
    drop = {"DATABASE_URL", "CACHE_URL", "COHESIO_ENV", "SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith(("AXES_", "COHESIO_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "cohesio.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'cohesio.sqlite3'}",
        "COHESIO_VAR_DIR": str(folder),
        "COHESIO_TRUSTED_PROXY_COUNT": "1",
        "COHESIO_LOGIN_FAILURE_LIMIT": str(LIMIT),
        "LOG_LEVEL": "ERROR",
    }
    _run(env, "migrate", "--noinput", "-v0")
    _run(env, "shell", "-c", MAKE_ACCOUNTS)
    port, log = _free_port(), folder / "access.log"
    command = [sys.executable, "-m", "gunicorn", "cohesio.wsgi:application", "--workers", str(WORKERS)]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "300", "--access-logfile", str(log)]
    command += ["--access-logformat", "%(p)s %(m)s %(U)s %(s)s"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
        command, cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base, process, time.monotonic() + 300)
        yield base, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _workers_that_served(log: Path, path: str) -> set[str]:
    lines = [line.split() for line in log.read_text().splitlines()]
    return {pid for pid, method, url, _status in lines if method == "POST" and url == path}


def _kind(status: int, page: str, wrong_text: str) -> str:
    if status == 429 and 'id="lockout"' in page:
        return "locked"
    if status == 200 and "Too many failed login attempts" in page:
        return "locked"  # allauth's per-address limit, also refused unchecked
    if status == 200 and wrong_text in page:
        return "wrong"
    return f"other {status}"


def _wrong_passwords(browser: Browser, path: str, fields: dict, wrong_text: str) -> list[str]:
    return [_kind(*browser.sign_in(path, {**fields, "password": f"wrong-{n}-x"})[:2], wrong_text) for n in range(ATTEMPTS)]


def _report(label: str, kinds: list[str], workers: set[str]) -> None:
    evaluated = kinds.count("wrong") + (1 if "locked" in kinds else 0)  # the failure that reached the limit
    print(f"{label}: {evaluated} of {ATTEMPTS} wrong passwords evaluated, {WORKERS} workers ({len(workers)} served)")


def test_the_lockout_holds_across_four_workers_for_the_site_and_the_admin(server):
    """One test, one gunicorn (under pytest-xdist a second module fixture would start a second server)."""
    base, log = server
    attacker = Browser(base, ATTACKER)
    site = _wrong_passwords(attacker, "/accounts/login/", {"login": OWNER_EMAIL}, "password you specified are not correct")
    admin = _wrong_passwords(attacker, "/admin/login/", {"username": ADMIN_EMAIL}, "Please enter the correct")
    site_workers, admin_workers = _workers_that_served(log, "/accounts/login/"), _workers_that_served(log, "/admin/login/")
    _report("accounts", site, site_workers)
    _report("admin", admin, admin_workers)
    assert len(site_workers) >= 2 and len(admin_workers) >= 2, "the attempts did not reach more than one worker"
    # the limit-th failure pauses the account from this address; nothing after it is checked
    expected = ["wrong"] * (LIMIT - 1) + ["locked"] * (ATTEMPTS - LIMIT + 1)
    assert (site, admin) == (expected, expected)

    # the right password from the attacker's address is refused unchecked; from the owner's it works
    status, page, _ = attacker.sign_in("/admin/login/", {"username": ADMIN_EMAIL, "password": PASSWORD})
    assert _kind(status, page, "Please enter the correct") == "locked"
    owner = Browser(base, OWNER_IP)
    status, _, headers = owner.sign_in("/accounts/login/", {"login": OWNER_EMAIL, "password": PASSWORD})
    assert (status, headers.get("Location")) == (302, "/"), "the owner elsewhere was locked out too"
    status, _, headers = Browser(base, OWNER_IP).sign_in("/admin/login/", {"username": ADMIN_EMAIL, "password": PASSWORD})
    assert (status, headers.get("Location")) == (302, "/"), "the admin elsewhere was locked out too"
