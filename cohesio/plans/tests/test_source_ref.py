"""Where a row was taken from (format 1.2 `source_ref`): through import and export for every kind of row, saved
by its form (folded away at the end), shown on the element pages as a link only to a web address, read by
everyone who reads the row, and no change of what the partners agreed to in a sharing agreement."""

import re

import pytest
from django.urls import reverse

from cohesio.analysis.models import AnalysisIndicator, Area, Factor, Source
from cohesio.core.richtext import source_html, web_address
from cohesio.document.selectors import plan_document
from cohesio.document.services import import_plan, plan_update
from cohesio.format import dump, load
from cohesio.format.canonical import canonical
from cohesio.interventions.models import Intervention, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.plans.editing import REGISTRY, plan_row_update
from cohesio.plans.models import BudgetLine, Decision, Definition, Goal
from cohesio.sharing.models import Agreement, InformationType, SharingRule

from .documents import scaled, small_document

# Every keyed kind of row of the format, where its rows are in the document, and its model.
KINDS = {
    ("goals",): Goal,
    ("political_support", "decisions"): Decision,
    ("political_support", "budget_lines"): BudgetLine,
    ("definitions",): Definition,
    ("analysis", "areas"): Area,
    ("analysis", "sources"): Source,
    ("analysis", "factors"): Factor,
    ("analysis", "indicators"): AnalysisIndicator,
    ("network", "organisations"): Organisation,
    ("network", "partners"): Partner,
    ("network", "community_groups"): CommunityGroup,
    ("network", "ties"): Tie,
    ("sharing", "information_types"): InformationType,
    ("sharing", "rules"): SharingRule,
    ("interventions",): Intervention,
    ("monitoring",): MonitoringIndicator,
}
LINK = "https://riverside.example/plan-2025.pdf#page=4"
HOSTILE = "javascript:alert('source')"


def _rows(data: dict, path: tuple[str, ...]) -> list[dict]:
    for name in path:
        data = data[name]
    return data


def _sourced(doc, text=lambda path, i: f"Action plan 2025, {'/'.join(path)} {i}, page {i + 3}"):
    data = dump(doc)
    for path in KINDS:
        for i, row in enumerate(_rows(data, path)):
            row["source_ref"] = text(path, i)
    return load(data)


@pytest.fixture
def plan(riverside):
    return import_plan(_sourced(small_document()), riverside)


def test_every_kind_of_row_keeps_its_source_through_import_and_export(plan):
    doc = _sourced(small_document())

    assert canonical(plan_document(plan)) == canonical(doc)
    for path, model in KINDS.items():
        stored = sorted(model.objects.filter(plan=plan).values_list("source_ref", flat=True))
        assert stored == sorted(row["source_ref"] for row in _rows(dump(doc), path)), model.__name__


def test_an_import_as_update_changes_and_clears_sources(alice, plan):
    changed = _sourced(plan_document(plan), lambda path, i: "" if i else f"https://riverside.example/{path[-1]}")

    assert plan_update(acting_user=alice, plan=plan, doc=changed) > 0

    assert canonical(plan_document(plan)) == canonical(changed)
    assert Goal.objects.get(plan=plan, key="g1").source_ref == "https://riverside.example/goals"
    assert Goal.objects.get(plan=plan, key="g2").source_ref == ""


def test_every_row_form_has_the_source_last():
    forms = {e.form for e in REGISTRY.values() if not e.singleton and hasattr(e.model, "source_ref")}

    assert len(forms) == len(KINDS)
    assert all(form._meta.fields[-1] == "source_ref" for form in forms)


def test_the_form_saves_a_source_folded_away_at_its_end(client, alice, plan):
    client.force_login(alice)
    new = reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "decision"})

    body = client.get(new).content.decode()
    response = client.post(new, {"title": "Council adopts", "source_ref": f"  {LINK}  ", "revision": 0})

    folded = re.search(
        r'<details class="govuk-details">\s*<summary[^>]*>.*?Where this comes from.*?</details>', body, re.S
    )
    assert folded and 'name="source_ref"' in folded.group(0)
    assert body.index('name="summary"') < body.index('name="source_ref"')
    assert response.status_code == 302
    decision = Decision.objects.get(plan=plan, title="Council adopts")
    assert decision.source_ref == LINK
    edit = reverse("plans:edit", kwargs={"locality": "riverside", "kind": "decision", "pk": decision.pk})
    assert '<details class="govuk-details" open>' in client.get(edit).content.decode()  # it has one: shown


def test_a_source_longer_than_the_format_holds_is_refused_on_its_field(client, alice, plan):
    client.force_login(alice)
    new = reverse("plans:edit_create", kwargs={"locality": "riverside", "kind": "decision"})

    body = client.post(new, {"title": "Too long", "source_ref": "x" * 501, "revision": 0}).content.decode()

    assert "id_source_ref_1_error" in body
    assert '<details class="govuk-details" open>' in body  # the error is not folded away
    assert not Decision.objects.filter(title="Too long").exists()


@pytest.mark.parametrize(
    "text, address",
    [
        (LINK, LINK),
        ("http://riverside.example", "http://riverside.example"),
        ("HTTPS://Riverside.example/x", "HTTPS://Riverside.example/x"),
        ("Action plan 2025, page 4", ""),
        (HOSTILE, ""),
        ("JavaScript://riverside.example/%0aalert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("file:///etc/passwd", ""),
        ("https://", ""),
        ("https://riverside.example/plan page 4", ""),
        ("//riverside.example/plan", ""),
    ],
)
def test_only_a_web_address_is_a_link(text, address):
    assert web_address(text) == address


def test_a_source_is_shown_as_a_link_or_as_text():
    assert source_html("") == ""
    link = source_html(LINK)
    assert f'<a class="govuk-link" href="{LINK}" rel="noopener noreferrer">{LINK}</a>' in link
    assert "Source:" in link
    text = source_html('Plan <b>2025</b> & "annex"')
    assert "<a" not in text and "Plan &lt;b&gt;2025&lt;/b&gt; &amp; &quot;annex&quot;" in text
    hostile = source_html(HOSTILE)
    assert "<a" not in hostile and "href" not in hostile and "javascript:alert(&#x27;source&#x27;)" in hostile


ELEMENT_PAGES = [
    ("plans:strategy", Goal),
    ("plans:political_support", Decision),
    ("plans:political_support", BudgetLine),
    ("plans:definitions", Definition),
    ("analysis:analysis", Source),
    ("analysis:analysis", Factor),
    ("analysis:analysis", AnalysisIndicator),
    ("network:network", Organisation),
    ("network:network", Partner),
    ("network:network", CommunityGroup),
    ("network:network", Tie),
    ("sharing:cooperation", InformationType),
    ("sharing:cooperation", SharingRule),
    ("interventions:list", Intervention),
]


@pytest.mark.parametrize("page, model", ELEMENT_PAGES, ids=[m.__name__ for _p, m in ELEMENT_PAGES])
def test_the_element_page_shows_a_rows_source_a_link_only_to_a_web_address(client, bob, riverside, page, model):
    plan = import_plan(scaled(small_document(), 2), riverside)
    first, second = model.objects.filter(plan=plan).order_by("pk")[:2]
    model.objects.filter(pk=first.pk).update(source_ref=LINK)
    model.objects.filter(pk=second.pk).update(source_ref=HOSTILE)
    client.force_login(bob)  # a partner reads the rows, so their sources too

    body = client.get(reverse(page, kwargs={"locality": "riverside"})).content.decode()

    assert f'href="{LINK}" rel="noopener noreferrer"' in body
    assert "Source:" in body
    assert "javascript:" not in body.replace("javascript:alert(&#x27;source&#x27;)", "")
    assert 'href="javascript' not in body.lower()
    assert "javascript:alert(&#x27;source&#x27;)" in body  # shown, as text


def test_a_partners_and_an_interventions_own_page_show_the_source(client, bob, plan):
    partner, intervention = Partner.objects.filter(plan=plan).first(), Intervention.objects.filter(plan=plan).first()
    indicator = MonitoringIndicator.objects.get(plan=plan, intervention=intervention)
    client.force_login(bob)

    partner_page = client.get(reverse("network:partner", kwargs={"locality": "riverside", "pk": partner.pk}))
    detail = client.get(reverse("interventions:detail", kwargs={"locality": "riverside", "pk": intervention.pk}))

    assert f"Source: {partner.source_ref}" in partner_page.content.decode()
    assert f"Source: {intervention.source_ref}" in detail.content.decode()
    assert f"Source: {indicator.source_ref}" in detail.content.decode()


def test_a_row_without_a_source_shows_none(client, alice, riverside):
    import_plan(small_document(), riverside)
    client.force_login(alice)

    body = client.get(reverse("plans:strategy", kwargs={"locality": "riverside"})).content.decode()

    assert "cohesio-source" not in body


def test_a_partner_reads_every_source_in_the_api(client, bob, plan):
    """Not a private text: the plan in the API keeps it for a reader who may not read partners' doubts."""
    client.force_login(bob)

    data = client.get("/api/localities/riverside/plan").json()

    assert data["network"]["partners"][2]["source_ref"] == "Action plan 2025, network/partners 2, page 5"
    assert data["goals"][0]["source_ref"] == "Action plan 2025, goals 0, page 3"


def test_changing_where_a_rule_comes_from_makes_no_new_agreement_version(alice, plan):
    agreement = Agreement.objects.get(plan=plan)
    Agreement.objects.filter(pk=agreement.pk).update(state="in_force")
    rule = SharingRule.objects.get(plan=plan)
    kind = InformationType.objects.get(plan=plan)

    plan_row_update(acting_user=alice, plan=plan, row=rule, data={"source_ref": LINK}, expected_revision=rule.revision)
    plan_row_update(acting_user=alice, plan=plan, row=kind, data={"source_ref": LINK}, expected_revision=kind.revision)
    plan_update(acting_user=alice, plan=plan, doc=_sourced(plan_document(plan), lambda path, i: f"Old, {path[-1]}"))

    agreement.refresh_from_db()
    assert (agreement.version, agreement.state) == (1, "in_force")
    assert SharingRule.objects.get(plan=plan).source_ref == "Old, rules"
