"""Helpers for tests that play an attacker with full database access (the test database user is a superuser)."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def triggers_off():
    """Switch PostgreSQL's append-only triggers off for this connection, as a superuser could; no-op elsewhere."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")


def report_of(reports, chain: str):
    """The report of one chain from `verify()`."""
    return next(report for report in reports if report.chain == chain)
