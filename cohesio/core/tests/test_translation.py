"""The Dutch translation: complete, compiled, chosen by the browser or the footer form, and used by the checker."""

import ast
import gettext as stdlib_gettext
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cohesio.checks import Element, check_plan
from cohesio.document.services import import_plan
from cohesio.plans.tests.documents import small_document
from cohesio.review.selectors import plan_findings

LOCALE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>")


def _po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgid_plural, msgstr / msgstr[n] and flags; obsolete ones left out."""
    entries, current, key = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if current and "msgid" in current:
                entries.append(current)
            current = None
        elif line.startswith("#~"):
            current = None
        elif line.startswith("#,"):
            current = current or {"flags": set()}
            current["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            current = current or {"flags": set()}
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            current = current or {"flags": set()}
            key, _, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return entries


@pytest.fixture(scope="module")
def po_entries():
    return _po_entries(LOCALE / "django.po")


@pytest.fixture
def plan(riverside):
    return import_plan(small_document(), riverside)


def _translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_the_po_file_has_no_untranslated_or_fuzzy_entries(po_entries):
    header, *messages = po_entries
    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert "Language: nl" in header["msgstr"]
    assert len(messages) > 1000
    assert [e["msgid"] for e in messages if "fuzzy" in e["flags"]] == []
    assert [e["msgid"] for e in messages if not all(_translations(e))] == []


def test_translations_keep_every_placeholder_and_tag(po_entries):
    wrong = []
    for entry in po_entries[1:]:
        expected = {
            tuple(sorted(set(PLACEHOLDER.findall(entry["msgid"])))),
            tuple(sorted(set(PLACEHOLDER.findall(entry.get("msgid_plural", entry["msgid"]))))),
        }
        for text in _translations(entry):
            if tuple(sorted(set(PLACEHOLDER.findall(text)))) not in expected:
                wrong.append((entry["msgid"], text))
    assert wrong == []


def test_the_compiled_catalogue_matches_the_po_file(po_entries):
    with (LOCALE / "django.mo").open("rb") as mo:
        catalogue = stdlib_gettext.GNUTranslations(mo)
    for entry in po_entries[1:]:
        if "msgid_plural" in entry:
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr[0]"]
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr[1]"]
        else:
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [("nl", "Inloggen bij Cohesio", "Sign in to Cohesio"), ("en", "Sign in to Cohesio", "Inloggen bij Cohesio")],
)
def test_the_login_page_follows_the_browser_language(client, language, expected, absent):
    body = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in body
    assert absent not in body
    assert f'<html lang="{language}"' in body


def test_a_plan_page_renders_in_dutch_for_a_dutch_browser(client, alice, plan):
    client.force_login(alice)
    body = client.get(reverse("plans:overview", kwargs={"locality": "riverside"}), HTTP_ACCEPT_LANGUAGE="nl").content
    body = body.decode()
    for text in ("Het plan", "Regionale analyse", "Strategie en doelen", "Bestuurlijk draagvlak", "Plancheck:"):
        assert text in body
    assert "Regional analysis" not in body
    assert "Taal wijzigen" in body


def test_a_plan_page_renders_in_english_for_an_english_browser(client, alice, plan):
    client.force_login(alice)
    body = client.get(reverse("plans:overview", kwargs={"locality": "riverside"}), HTTP_ACCEPT_LANGUAGE="en").content
    body = body.decode()
    for text in ("The plan", "Regional analysis", "Strategy and goals", "Political support", "Change language"):
        assert text in body
    assert "Regionale analyse" not in body


def test_a_checker_finding_is_translated_into_dutch():
    finding = next(f for f in check_plan(small_document(), today=date(2026, 6, 1)) if f.code == "LAP062")
    with translation.override("nl"):
        dutch = finding.translated(gettext)
    assert dutch.message == "Het plan beschrijft niet hoe partners samenwerken."
    assert dutch.hint == "Beschrijf hoe partners overleggen, hoe signalen worden ingebracht en wie wat beslist."
    with translation.override("en"):
        assert finding.translated(gettext).message == "The plan does not describe how partners work together."


def test_a_checker_finding_with_parameters_keeps_them_in_dutch():
    finding = next(f for f in check_plan(small_document(), today=date(2026, 6, 1)) if f.code == "LAP082")
    with translation.override("nl"):
        dutch = finding.translated(gettext)
    assert dutch.message == "De interventie 'Mentoring' heeft geen trekker."


def test_the_plan_review_shows_findings_and_elements_in_dutch(plan):
    with translation.override("nl"):
        review = plan_findings(plan)
        labels = {group.element: group.label for group in review.groups}
    messages = {r.finding.message for r in review.findings}
    assert "Het plan beschrijft niet hoe partners samenwerken." in messages
    assert labels[Element.COOPERATION] == "Voorwaarden voor samenwerking tussen ketenpartners"


def test_the_footer_form_switches_the_language(alice, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    url = reverse("plans:overview", kwargs={"locality": "riverside"})
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Regional analysis" in body
    form = re.search(r'<form[^>]*action="/i18n/setlang/"[^>]*>(.*?)</form>', body, re.DOTALL)
    assert form is not None
    assert f'name="next" value="{url}"' in form.group(1)
    assert '<option value="nl" lang="nl">Nederlands</option>' in form.group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(1)).group(1)

    response = client.post(
        "/i18n/setlang/", {"language": "nl", "next": url, "csrfmiddlewaretoken": token}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert response.url == url

    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Regionale analyse" in body
    assert "Taal wijzigen" in body
    assert '<option value="nl" lang="nl" selected>Nederlands</option>' in body


def test_labels_inside_checker_messages_are_translated_too():
    from django.utils import translation
    from django.utils.translation import gettext

    from cohesio.checks import check_plan
    from cohesio.plans.tests.documents import small_document

    doc = small_document()
    with translation.override("nl"):
        messages = " ".join(f.translated(gettext).message for f in check_plan(doc))
    assert "Right-wing extremism" not in messages
    assert "Right-wing extremism".lower() not in messages
    assert "rechts-extremisme" in messages
