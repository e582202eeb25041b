"""Every page makes the same number of queries for the demo plan and for a plan ten times its size, and at most
CEILING, for every role that sees it.

A page is one line in PAGES (URL name, the roles that see it, and how to find the row it shows); every editable
kind's form, new-row form and history come from the editing kit's registry. The two plans are built once for the
module (importing the ten-times plan takes seconds); each test runs inside its own transaction on top of them.
Each page is asked for twice and the second answer counted, so what a page keeps for the next request (a cache
by plan revision) counts as kept.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohesio.audit.services import record
from cohesio.cocreation.elements import Element, Target
from cohesio.cocreation.models import Comment, Endorsement, Notification, Proposal
from cohesio.core.context_processors import ELEMENTS
from cohesio.core.models import Invitation, Locality, Membership, Role
from cohesio.demo.riverton import riverton_document
from cohesio.document.services import import_plan
from cohesio.exports.models import ExportFile
from cohesio.exports.services import version_publish
from cohesio.format.vocabulary import PlanStatus
from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner, Tie
from cohesio.plans.editing import REGISTRY
from cohesio.plans.models import Goal, Plan
from cohesio.plans.tests.documents import scaled
from cohesio.sharing.models import SharingRule
from conftest import make_member

CEILING = 20
SIZES = {"demo": 1, "demo-x10": 10}

ALL = tuple(Role.values)
COMMENTERS = (Role.COORDINATOR, Role.PARTNER, Role.POLITICAL_OWNER)
COORDINATOR = (Role.COORDINATOR,)
DPO = (Role.DPO,)
AUDIT_FILTERS = "object=goal-online&action=goal.update&outcome=ok&date_from=2020-01-01&date_to=2099-12-31"


@dataclass(frozen=True)
class Page:
    name: str
    roles: tuple[str, ...] = ALL
    # the URL's arguments besides the locality, from the plan of the locality asked for
    args: Callable = field(default=lambda plan: {})
    query: str = ""
    # False for downloads: the ten-times plan is too big to export while one waits, so it gets another page (the
    # offer to prepare the file in the background); each answer is held to the ceiling on its own
    same_at_scale: bool = True

    def url(self, plan) -> str:
        return reverse(self.name, kwargs={"locality": plan.locality.slug, **self.args(plan)}) + self.query


def _first(model):
    return lambda plan: {"pk": model.objects.filter(plan=plan).order_by("position", "pk").first().pk}


def _member(plan):
    return {"pk": Membership.objects.filter(locality=plan.locality, role=Role.VIEWER).order_by("pk").last().pk}


def _invitation(plan):
    return {"pk": Invitation.objects.filter(locality=plan.locality).order_by("pk").first().pk}


def _waiting_export(plan, document="plan"):
    return {"pk": ExportFile.objects.filter(plan=plan, document=document).order_by("pk").first().pk}


PAGES = [
    # the plan and its seven elements
    Page("plans:overview"),
    Page("plans:strategy"),
    Page("plans:political_support"),
    Page("plans:definitions"),
    Page("analysis:analysis"),
    Page("network:network"),
    Page("sharing:cooperation"),
    Page("plans:sharing_evaluations"),
    Page("sharing:matrix"),
    Page("sharing:matrix", query="?information_type=&purpose=prevention"),
    Page("sharing:matrix", query="?holders=2"),
    Page("sharing:agreement_in_force", COORDINATOR),
    Page("sharing:agreement_template", COORDINATOR),
    Page("interventions:list"),
    Page("interventions:list", query="?page=2"),
    Page("interventions:detail", args=_first(Intervention)),
    Page("network:partner", args=_first(Partner)),
    Page("plans:export_json"),
    Page("plans:start_step", COORDINATOR, args=lambda plan: {"step": "vision"}),
    # the check
    Page("review:check"),
    Page("review:check_json"),
    # co-creation
    Page("cocreation:notifications"),
    Page("cocreation:proposals"),
    Page("cocreation:status"),
    Page("cocreation:comment_add", COMMENTERS, query="?element=network"),
    Page("cocreation:comment_add", (*COMMENTERS, Role.DPO), query="?element=cooperation"),
    Page("cocreation:proposal_add", (*COMMENTERS, Role.DPO)),
    Page("cocreation:proposal_add", (*COMMENTERS, Role.DPO), query="?element=cooperation"),
    Page("cocreation:endorsement", (Role.PARTNER, Role.POLITICAL_OWNER)),
    # a partner's own pages
    Page("network:my_profile", (Role.PARTNER,)),
    Page("sharing:my_information_types", (Role.PARTNER,)),
    Page("sharing:agreement_sign", (Role.PARTNER,)),
    # people
    Page("core:members", (Role.COORDINATOR, Role.DPO)),
    # the data-protection officer's workspace, the audit trail (its filters: a key looked up, dates) and download
    Page("plans:data_protection", DPO),
    Page("plans:data_protection", DPO, query="?show=missing&information=2&evaluations=2"),
    Page("audit:trail", DPO),
    Page("audit:trail", DPO, query="?page=2"),
    Page("audit:trail", DPO, query=f"?{AUDIT_FILTERS}"),
    Page("audit:trail_csv", DPO, query=f"?{AUDIT_FILTERS}"),
    Page("audit:trail_csv", DPO),
    Page("core:member_role", COORDINATOR, args=_member),
    Page("core:member_remove", COORDINATOR, args=_member),
    Page("core:invitation_revoke", COORDINATOR, args=_invitation),
    Page("network:invite", COORDINATOR),
    # versions, exports and downloads
    Page("exports:versions"),
    Page("exports:compare", query="?old=1&new=2"),
    Page("exports:compare_json", query="?old=1&new=2"),
    *(Page(f"exports:current_{fmt}", same_at_scale=False) for fmt in ("html", "docx")),
    *(Page(f"exports:version_{fmt}", args=lambda plan: {"pk": 1}, same_at_scale=False) for fmt in ("html", "docx")),
    Page("exports:file", args=_waiting_export),
    # the same for the agreement's file and a protocol's (whose organisation's name it shows)
    *(Page("exports:file", args=lambda plan, d=d: _waiting_export(plan, d)) for d in ("agreement", "protocol")),
    # the information-sharing agreement and the protocols (organisations of the demo keep their keys at ten times)
    Page("exports:agreement"),
    *(Page("exports:protocol", args=lambda plan, key=key: {"organisation": key}) for key in ("org-hub", "org-library")),
    # the agreement's Word file is made while one waits at both sizes; its PDF at ten times (67 pages) answers the
    # offer to prepare it in the background, as the plan's downloads do
    Page("exports:agreement_docx"),
    Page("exports:agreement_pdf", same_at_scale=False),
    *(Page(f"exports:protocol_{fmt}", args=lambda plan: {"organisation": "org-hub"}) for fmt in ("docx", "pdf")),
    # the editing kit: every kind's edit form, new-row form and history
    *(
        Page("plans:edit_section", COORDINATOR, args=lambda plan, kind=kind: {"kind": kind})
        for kind, editable in REGISTRY.items()
        if editable.singleton
    ),
    *(
        Page("plans:edit", COORDINATOR, args=lambda plan, e=editable: {"kind": e.kind, **_first(e.model)(plan)})
        for editable in REGISTRY.values()
        if not editable.singleton
    ),
    *(
        Page("plans:edit_create", COORDINATOR, args=lambda plan, kind=kind: {"kind": kind})
        for kind, editable in REGISTRY.items()
        if not editable.singleton
    ),
    *(
        Page("plans:edit_delete", COORDINATOR, args=lambda plan, e=editable: {"kind": e.kind, **_first(e.model)(plan)})
        for editable in REGISTRY.values()
        if not editable.singleton
    ),
    *(
        Page("plans:edit_history", COORDINATOR, args=lambda plan, e=editable: {"kind": e.kind, **_first(e.model)(plan)})
        for editable in REGISTRY.values()
        if not editable.singleton and hasattr(editable.model, "history")
    ),
    Page("plans:edit_history", COORDINATOR, args=lambda plan: {"kind": "vision", "pk": plan.pk}),
]

CASES = [
    pytest.param(page, role, id=f"{i:02}-{page.name}{page.query}-{role}")
    for i, page in enumerate(PAGES)
    for role in page.roles
]


def _people(locality, n: int) -> dict[str, object]:
    """One member per role (the same accounts in both localities), and `n` more viewers and invitations."""
    users = {}
    for role in ALL:
        email = f"{role}@query-counts.example"
        user = Membership.objects.filter(user__email=email).first()
        if user is None:
            users[role] = make_member(locality, role, email)
        else:
            users[role] = user.user
            Membership.objects.create(user=users[role], locality=locality, role=role)
    for i in range(3 * n):
        make_member(locality, Role.VIEWER, f"viewer{i}@{locality.slug}.example")
        Invitation.objects.create(locality=locality, email=f"invited{i}@{locality.slug}.example")
    return users


def _cocreation(plan, users, n: int) -> None:
    """Comments on every element (each about a row, with a reply), proposals, notifications and endorsements,
    all `n` times."""
    locality = plan.locality
    partners = list(Partner.objects.filter(plan=plan).order_by("pk")[: 3 * n])
    for i, partner in enumerate(partners):  # partners with an account: names, endorsements
        if i == 0:
            partner.user = users[Role.PARTNER]
        else:
            partner.user = make_member(locality, Role.VIEWER, f"partner{i}@{locality.slug}.example")
        partner.save(update_fields=["user"])
    rows = {
        Element.NETWORK: list(Tie.objects.filter(plan=plan)[: 2 * n]),
        Element.COOPERATION: list(SharingRule.objects.filter(plan=plan)[: 2 * n]),
        Element.INTERVENTIONS: list(Intervention.objects.filter(plan=plan)[: 2 * n]),
    }
    kinds = {Element.NETWORK: "tie", Element.COOPERATION: "sharing-rule", Element.INTERVENTIONS: "intervention"}
    for element in Element.values:
        for i in range(2 * n):
            about = rows.get(element, [])
            target = about[i % len(about)] if about else None
            root = Comment.objects.create(
                plan=plan, locality=locality, element=element, author=users[Role.PARTNER], body=f"Comment {i}",
                target=target,
            )
            Comment.objects.create(
                plan=plan, locality=locality, element=element, author=users[Role.COORDINATOR], body="Reply",
                parent=root,
            )
    for element, about in rows.items():
        for row in about:
            target = Target(kinds[element], row)
            name = "purpose" if element == Element.COOPERATION else "description"
            if not hasattr(row, name):
                continue
            Proposal.objects.create(
                plan=plan, locality=locality, kind=target.kind, target=row, field_name=name, value="Better words",
                base_revision=row.revision, proposed_by=users[Role.PARTNER], element=element,
            )
    ties = Tie.objects.filter(plan=plan)[:n]
    for tie in ties:  # a tie's kind is no text; a stale proposal about nothing one may change still lists
        Proposal.objects.create(
            plan=plan, locality=locality, kind="tie", target=tie, field_name="kind", value="trusts",
            base_revision=tie.revision, proposed_by=users[Role.PARTNER], element=Element.NETWORK,
            status="declined", decided_at=timezone.now(),
        )
    Notification.objects.bulk_create(
        Notification(plan=plan, locality=locality, user=user, text=f"Notice {i}", link="/")
        for user in users.values()
        for i in range(5 * n)
    )
    for role in (Role.PARTNER, Role.POLITICAL_OWNER):
        Endorsement.objects.create(plan=plan, locality=locality, user=users[role], role=role, decision="endorsed")


def _audit_events(plan, users, n: int) -> None:
    """The plan's chain, `n` times: edits of a goal by every role, refusals and a person who left the locality."""
    goal = Goal.objects.filter(plan=plan).order_by("position", "pk").first()
    for i in range(60 * n):
        actor = users[ALL[i % len(ALL)]]
        if i % 3:
            record(actor=actor, action="goal.update", obj=goal)
        else:
            record(actor=actor, action="plan.edit", locality=plan.locality, outcome="denied")


def _build():
    plans = {}
    for slug, n in SIZES.items():
        locality = Locality.objects.create(name=slug, slug=slug)
        doc = riverton_document() if n == 1 else scaled(riverton_document(), n)
        plan = import_plan(doc, locality)
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)  # open to edits, so the edit forms show
        plan.refresh_from_db()
        users = _people(locality, n)
        _cocreation(plan, users, n)
        _audit_events(plan, users, n)
        for note in ("first", "second"):
            version_publish(acting_user=users[Role.COORDINATOR], plan=plan, note=note)
        # waiting exports of the plan, its agreement and a protocol (asking for one through the service would
        # prepare it at once in tests)
        ExportFile.objects.create(plan=plan, file_format="pdf", requested_by=users[Role.COORDINATOR])
        for document, organisation in (("agreement", ""), ("protocol", "org-hub")):
            ExportFile.objects.create(
                plan=plan,
                document=document,
                organisation=organisation,
                file_format="pdf",
                requested_by=users[Role.COORDINATOR],
            )
        plans[slug] = plan
    return plans, users


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo plan and a plan ten times its size, with members in every role; removed after the module."""
    with django_db_blocker.unblock():
        try:
            yield _build()
        finally:
            call_command("flush", interactive=False, verbosity=0)


def _counted(client, url, *, kept: bool = False) -> int:
    """The queries of the second request for `url`: the plan unchanged, so the plan document and the review come
    from the cache (they are built once per plan revision, by the first request). The parts of pages kept for the
    reader (`cohesio.core.kept`) are dropped first unless `kept`: the page is counted as someone sees it after any
    change in the locality."""
    first = client.get(url)
    assert first.status_code == 200, f"{url}: {first.status_code}"
    if first.streaming:
        b"".join(first.streaming_content)
    if not kept:
        caches["pages"].clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:  # a download written while it is read: its queries count too
            b"".join(response.streaming_content)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(captured)


@pytest.mark.parametrize(("page", "role"), CASES)
def test_page_makes_the_same_few_queries_for_a_plan_ten_times_bigger(world, db, page, role):
    plans, users = world
    client = Client()
    client.force_login(users[role])
    small, big = (_counted(client, page.url(plan)) for plan in plans.values())
    url = page.url(plans["demo"])
    if page.same_at_scale:
        assert small == big, f"{url} as {role}: {small} queries for the demo plan, {big} at ten times its size"
    assert small <= CEILING, f"{url} as {role}: {small} queries"
    assert big <= CEILING, f"{url} at ten times as {role}: {big} queries"


KEPT_PAGES = ["plans:overview", *(name for name, _ in ELEMENTS), "review:check"]
KEPT_CEILING = 5  # the session, the account, their localities and roles, the plan with its state, unread notifications


@pytest.mark.parametrize("name", KEPT_PAGES)
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PARTNER])
def test_a_page_seen_again_unchanged_reads_only_what_says_it_is_unchanged(world, db, name, role):
    plans, users = world
    client = Client()
    client.force_login(users[role])
    urls = [reverse(name, kwargs={"locality": plan.locality.slug}) for plan in plans.values()]
    small, big = (_counted(client, url, kept=True) for url in urls)
    assert small == big <= KEPT_CEILING, f"{urls[0]} as {role}: {small} queries, {big} at ten times"
