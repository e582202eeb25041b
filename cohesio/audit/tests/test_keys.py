"""The audit key: required in production (never SECRET_KEY), several keys by id for rotation."""

import os
import subprocess
import sys

import pytest

from cohesio.audit.keys import audit_keys

SHOW = "from django.conf import settings as s; print(list(s.AUDIT_KEYS))"
AUDIT_VARS = {"COHESIO_AUDIT_KEY", "COHESIO_AUDIT_KEYS", "COHESIO_AUDIT_KEY_ID"}


def _settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "COHESIO_ENV"} | AUDIT_VARS}
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", f"import django; django.setup(); {SHOW}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cohesio.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "COHESIO_ENV": "production",
    "SECRET_KEY": "s" * 50,
    "ALLOWED_HOSTS": "plan.example.org",
    "EMAIL_HOST": "smtp.example.org",  # production refuses to start without a mail server
}


def test_production_refuses_to_start_without_an_audit_key():
    result = _settings(PRODUCTION)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "COHESIO_AUDIT_KEY" in result.stderr


def test_production_refuses_secret_key_as_the_audit_key():
    result = _settings({**PRODUCTION, "COHESIO_AUDIT_KEY": "s" * 50})
    assert result.returncode != 0
    assert "not SECRET_KEY" in result.stderr


def test_production_starts_with_an_audit_key():
    result = _settings({**PRODUCTION, "COHESIO_AUDIT_KEY": "a" * 40})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['k1']"


def test_production_starts_with_rotated_keys_current_first():
    result = _settings({**PRODUCTION, "COHESIO_AUDIT_KEYS": "k2:" + "b" * 40 + ",k1:" + "a" * 40})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['k2', 'k1']"


def test_development_has_a_dev_only_key():
    result = _settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['dev']"


def test_key_lists_parse_and_refuse_mistakes():
    assert audit_keys("k2:two, k1:o:ne") == {"k2": "two", "k1": "o:ne"}
    assert audit_keys("", "secret", "2026") == {"2026": "secret"}
    assert audit_keys() == {}
    for bad in ("k1", "k1:", "k1:a,k1:b", "a b:c"):
        with pytest.raises(ValueError):
            audit_keys(bad)
