"""Shared test fixtures: the three personas (alice coordinates Riverside, bob is her partner, charlie is an
outsider coordinating Elsewhere) and the browser settings for Debian's Chromium."""

import os
import threading

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-42"


def run_side_by_side(*works, timeout: float = 60) -> None:
    """Run each callable in its own thread, so on its own database connection (closed when it ends), and wait."""
    from django.db import connection

    def run(work):
        try:
            work()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many accounts; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Dutch leaves Dutch active in the thread; the next test starts in the default language."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def riverside(db):
    from cohesio.core.models import Locality

    return Locality.objects.create(name="Riverside", slug="riverside")


@pytest.fixture
def elsewhere(db):
    from cohesio.core.models import Locality

    return Locality.objects.create(name="Elsewhere", slug="elsewhere")


def make_member(locality, role, email):
    from cohesio.core.accounts import create_account
    from cohesio.core.models import Membership

    user = create_account(email=email, password=PASSWORD)
    Membership.objects.create(user=user, locality=locality, role=role)
    return user


@pytest.fixture
def alice(riverside):
    return make_member(riverside, "coordinator", "alice@riverside.example")


@pytest.fixture
def bob(riverside):
    return make_member(riverside, "partner", "bob@riverside.example")


@pytest.fixture
def charlie(elsewhere):
    return make_member(elsewhere, "coordinator", "charlie@elsewhere.example")


@pytest.fixture
def operator(db):
    """Someone who runs the site: staff and superuser, member of no locality."""
    from cohesio.core.accounts import create_account

    user = create_account(email="operator@cohesio.example", password=PASSWORD)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }
