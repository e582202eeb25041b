"""No raw codes on screen: every page of the demo plan, in English and Dutch, shows labels, never stored codes."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from cohesio.core.models import Role
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.format import vocabulary
from conftest import make_member

# the stored codes that are not plain words (plain words such as "police" may be the label too)
CODES = sorted(
    {
        member.value
        for enum in vars(vocabulary).values()
        if isinstance(enum, type) and issubclass(enum, vocabulary.Choice) and enum is not vocabulary.Choice
        for member in enum
        if "_" in member.value
    }
    | {role for role in Role.values if "_" in role}
)

PAGES = [
    "plans:overview",
    "analysis:analysis",
    "plans:strategy",
    "plans:political_support",
    "plans:definitions",
    "network:network",
    "sharing:cooperation",
    "interventions:list",
    "review:check",
    "core:members",
    "cocreation:status",
    "cocreation:proposals",
    "cocreation:notifications",
]


class VisibleText(HTMLParser):
    """The text a reader sees or hears: text nodes and the labels screen readers read, not scripts or ids."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture
def demo(riverside):
    plan = import_plan(riverton_document(), riverside)
    return plan, make_member(riverside, "coordinator", "coord@riverside.example")


def test_the_codes_list_is_not_empty():
    assert {"hate_speech", "right_wing", "political_owner"} <= set(CODES)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_page_shows_a_raw_code(client, demo, language):
    plan, coordinator = demo
    client.force_login(coordinator)
    client.cookies["django_language"] = language
    found = {}
    for name in PAGES:
        response = client.get(reverse(name, kwargs={"locality": "riverside"}), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, name
        text = visible_text(response.content.decode())
        shown = [code for code in CODES if code in text]
        if shown:
            found[name] = shown
    assert found == {}


def test_edit_history_names_fields_by_their_labels(client, demo):
    from cohesio.plans.models import Goal

    plan, coordinator = demo
    plan.__class__.objects.filter(pk=plan.pk).update(status="draft")  # the demo plan is adopted
    goal = Goal.objects.filter(plan=plan).first()
    client.force_login(coordinator)
    saved = client.post(
        reverse("plans:edit", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk}),
        {
            "title": goal.title + " (changed)",
            "kind": goal.kind,
            "parent": goal.parent_id or "",
            "prevention_level": "specific" if goal.prevention_level != "specific" else "individual",
            "extremism_kinds": goal.extremism_kinds,
            "description": goal.description,
            "revision": goal.revision,
        },
    )
    assert saved.status_code == 302
    url = reverse("plans:edit_history", kwargs={"locality": "riverside", "kind": "goal", "pk": goal.pk})
    text = visible_text(client.get(url).content.decode())
    assert "Prevention level" in text  # the change is listed, by the field's label
    assert "prevention_level" not in text and not {"specific", "individual", "general"} & set(text.split())


def test_no_page_shows_raw_markdown(client, demo):
    """The demo's long texts use Markdown (bold, lists): every page, the partners' and interventions' own pages
    and the public page show it rendered, never the marks."""
    from cohesio.exports.services import publication_switch, version_publish
    from cohesio.interventions.models import Intervention
    from cohesio.network.models import Partner

    plan, coordinator = demo
    client.force_login(coordinator)
    urls = [reverse(name, kwargs={"locality": "riverside"}) for name in PAGES]
    urls += [reverse("network:partner", kwargs={"locality": "riverside", "pk": p.pk}) for p in Partner.objects.filter(plan=plan)]
    urls += [
        reverse("interventions:detail", kwargs={"locality": "riverside", "pk": i.pk})
        for i in Intervention.objects.filter(plan=plan)
    ]
    version_publish(acting_user=coordinator, plan=plan)
    urls.append(reverse("public:page", kwargs={"token": publication_switch(acting_user=coordinator, plan=plan, enabled=True).token}))
    shown = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        if "**" in text:
            shown[url] = text[max(text.index("**") - 60, 0) : text.index("**") + 60]
    assert shown == {}
