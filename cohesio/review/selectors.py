"""Reads for reviewing a plan: the checker's findings, translated, placed, and paired with their acknowledgements."""

import hashlib
import json
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from cohesio.checks import CoCreation, Element, Finding, by_element, check_plan, languages, summarise
from cohesio.checks.private import findings_for, is_masked
from cohesio.core.models import Membership, Role
from cohesio.document.selectors import CACHE_SECONDS, plan_cache, revision_key, salvaged_plan_document
from cohesio.format import PlanDocument, PlanFormatError, Problem
from cohesio.format.paths import keyed_path, positional_path
from cohesio.format.private import EVERY, PrivateReading, private_partner, redacted_document
from cohesio.network.selectors import partner_accounts, private_reading
from cohesio.plans.models import Plan

from .grouping import ShownFinding, group_dicts, shown_counts, shown_findings
from .locations import ELEMENT_PAGES, EditLink, Place, edit_links, elements_on_page, place_of
from .models import Acknowledgement


@dataclass
class ReviewedFinding:
    """One finding as the app shows it: translated, with its place in the plan and whether it is accepted.

    `detail` is what tells it apart from other findings with the same code at the same place ("" when
    there are none). An acknowledgement is stored with the code, the keyed path (rows named by key, so it
    stays on its row when others are added, deleted or reordered) and the detail.

    `private`: the finding is about what a partner wrote about themselves and its reader may not read that: its
    message is a neutral one (`cohesio.checks.private`) and the acceptance's reason is not shown.
    """

    finding: Finding
    place: Place
    page_url: str
    detail: str
    acknowledgement: Acknowledgement | None
    anchor: str
    edit: EditLink | None = None
    keyed_path: str = ""

    @property
    def accepted(self) -> bool:
        return self.acknowledgement is not None

    @property
    def private(self) -> bool:
        return is_masked(self.finding)

    def to_dict(self) -> dict:
        """The finding as JSON, with its acknowledgement (or null)."""
        ack = self.acknowledgement
        acknowledged = None
        if ack is not None:
            acknowledged = {
                "reason": "" if self.private else ack.reason,
                "by": _person(ack.acknowledged_by),
                "at": ack.created_at.isoformat(),
            }
        return {**self.finding.to_dict(), "acknowledged": acknowledged}


@dataclass
class ElementGroup:
    """The findings of one element, for the check page."""

    element: Element
    label: str
    page_url: str
    findings: list[ReviewedFinding]

    @property
    def shown(self) -> list[ShownFinding]:
        """The findings as the page shows them: repeated ones grouped; open ones first, accepted ones after."""
        return sorted(shown_findings(self.findings), key=lambda s: s.accepted)

    @property
    def counts(self) -> dict[str, int]:
        return shown_counts(self.findings)


@dataclass
class PlanReview:
    """Everything the checker says about one plan, in the user's language."""

    plan: Plan
    findings: list[ReviewedFinding]
    # accepted once, but no finding matches any more (the plan changed): shown so they can be cleared
    unmatched: list[tuple[Acknowledgement, Place]] = field(default_factory=list)
    # stored values that do not fit the plan format: left out of the check, shown so they can be corrected
    unchecked: list[Problem] = field(default_factory=list)
    document: PlanDocument | None = None

    @property
    def summary(self) -> dict[str, int]:
        """Counts per finding, as the JSON lists them (one entry per row)."""
        return _counts(self.findings)

    @property
    def shown_summary(self) -> dict[str, int]:
        """Counts as the pages show them: a group of repeated findings counts once."""
        return shown_counts(self.findings)

    @property
    def groups(self) -> list[ElementGroup]:
        """Findings per element in plan order (`ElementGroup.shown` puts open ones first, accepted ones after)."""
        reviewed = {id(r.finding): r for r in self.findings}
        groups = []
        for element, findings in by_element([r.finding for r in self.findings]).items():
            items = [reviewed[id(f)] for f in findings]
            groups.append(ElementGroup(element, gettext(element.label), items[0].page_url, items))
        return groups

    def json(self) -> dict:
        """What `check.json` and the API answer: one entry per row, the groups as the pages show them, counts
        per row, and what could not be checked."""
        return {
            "findings": [r.to_dict() for r in self.findings],
            "groups": group_dicts(self.findings),
            "summary": {key: self.summary[key] for key in ("errors", "warnings", "tips", "accepted")},
            "unchecked": [{"path": p.path, "message": p.message} for p in self.unchecked],
        }

    def on_page(self, view_name: str | None) -> list[ReviewedFinding]:
        """The findings the element page `view_name` shows."""
        elements = elements_on_page(view_name)
        return [r for r in self.findings if r.finding.element in elements]

    def counts_for(self, element: str) -> dict[str, int]:
        """Counts of the findings shown on the page of `element` (monitoring counts with interventions)."""
        page = next((name for e, name in ELEMENT_PAGES.items() if e.value == element), None)
        return shown_counts(self.on_page(page)) if page else shown_counts([])


def _counts(findings: list[ReviewedFinding]) -> dict[str, int]:
    counts = summarise([r.finding for r in findings])
    counts["accepted"] = sum(r.accepted for r in findings)
    counts["total"] = len(findings)
    return counts


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


def finding_detail(finding: Finding) -> str:
    """A short fingerprint of what the finding is about (its parameters), stable across languages."""
    if not finding.params:
        return ""
    text = json.dumps(dict(finding.params), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cocreation_counts(plan: Plan) -> CoCreation:
    """Comments, proposals and endorsements on the plan by partners, that is, from outside the municipality."""
    return _state(plan)[0]


def _state(plan: Plan) -> tuple[CoCreation, tuple]:
    """The co-creation counts and the plan's (revision, created_at), in one query."""
    from cohesio.cocreation.models import Comment, Endorsement, Proposal

    partners = Membership.objects.filter(locality_id=plan.locality_id, role=Role.PARTNER).values("user_id")

    def count(model, by: str):
        rows = model.objects.filter(plan=OuterRef("pk"), **{f"{by}__in": partners}).order_by()
        return Subquery(rows.values("plan").annotate(n=Count("pk")).values("n")[:1])

    counts = (
        Plan.objects.filter(pk=plan.pk)
        .annotate(
            comments=count(Comment, "author"),
            proposals=count(Proposal, "proposed_by"),
            endorsements=count(Endorsement, "user"),
        )
        .values("comments", "proposals", "endorsements", "revision", "created_at")
        .get()
    )  # one query
    state = counts.pop("revision"), counts.pop("created_at")
    return CoCreation(**{name: value or 0 for name, value in counts.items()}), state


class _Recent:
    """The last few reviews this process read, as objects: the plans cache hands back a new copy on every read
    (it pickles), which for a plan ten times the demo took longer than the rest of the page. A key names the plan's
    revision, so an entry is never out of date; what is kept here is only read, never changed (pages, the API
    and exports copy a document before they change it: `redacted_document`, `model_copy`)."""

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key: str, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_REVIEWS = _Recent(size=8)


def plan_findings(
    plan: Plan,
    doc: PlanDocument | None = None,
    *,
    reader=None,
    today: date | None = None,
    with_edit_links: bool = False,
) -> PlanReview:
    """The plan's findings in the user's language, each with its place and acknowledgement.

    Pages and the API pass `reader`, the person who reads them: findings about what a partner wrote about
    themselves are masked for a reader who may not read it (`cohesio.checks.private`), and so is the review's
    document. Without a reader the findings are whole: for what is stored with a version, which is masked when
    it is read. Pass `doc` when the caller already built the plan document. `with_edit_links` adds the edit page
    of each place (one query per kind of row); queries do not grow with the number of findings.
    """
    lang = plan.language if plan.language in languages() else "en"
    today = today or timezone.localdate()
    cocreation, state = _state(plan)
    accounts = None
    if doc is not None:  # the caller's document (a published version, a file): checked as it is
        unchecked, findings = [], _check(doc, lang, today, cocreation)
    else:  # the plan as stored: checked once per revision (and day, and co-creation counts)
        key = revision_key(plan, "review", lang, today, cocreation, state=state)
        cached = _REVIEWS.get(key)
        if cached is None:
            cached = plan_cache().get(key)
        if cached is None:
            doc, unchecked = _document(plan, None)
            checked = _check(doc, lang, today, cocreation) if doc is not None else []
            # who is linked to which partner, to mask findings per reader without a query on every page
            cached = (doc, unchecked, checked, partner_accounts(plan))
            plan_cache().set(key, cached, CACHE_SECONDS)
        _REVIEWS.put(key, cached)
        doc, unchecked, findings, accounts = cached
    if doc is None:
        return PlanReview(plan, [], unchecked=unchecked)
    reading = EVERY if reader is None else private_reading(reader, plan, accounts=accounts)
    return _reviewed(plan, doc, findings, unchecked, reading, with_edit_links)


def _reviewed(
    plan: Plan,
    doc: PlanDocument,
    checked: list[Finding],
    unchecked: list[Problem],
    reading: PrivateReading,
    with_edit_links: bool,
) -> PlanReview:
    """The findings `checked` on `doc` as the reader with `reading` sees them, placed and with acceptances."""
    findings = [f.translated(gettext) for f in findings_for(checked, doc, reading)]
    slug = plan.locality.slug
    pages = {element: reverse(name, kwargs={"locality": slug}) for element, name in ELEMENT_PAGES.items()}
    acknowledgements = {
        (a.code, a.path, a.detail): a
        for a in Acknowledgement.objects.filter(plan=plan).select_related("acknowledged_by")
    }
    shared = Counter((f.code, f.path) for f in findings)
    reviewed, used = [], set()
    for number, (finding, original) in enumerate(zip(findings, checked, strict=True), start=1):
        fingerprint = finding_detail(original)  # a masked finding keeps its acceptance: by what it was
        detail = fingerprint if shared[(finding.code, finding.path)] > 1 else ""
        keyed = keyed_path(doc, finding.path)
        ack = _acknowledgement_of(acknowledgements, finding.code, keyed, finding.path, detail, fingerprint)
        if ack is not None:
            used.add(ack.pk)
        place = place_of(finding.path, doc)
        reviewed.append(
            ReviewedFinding(
                finding, place, pages[finding.element], detail, ack, anchor=f"finding-{number}", keyed_path=keyed
            )
        )
    if with_edit_links:
        for item, link in zip(reviewed, edit_links([r.place for r in reviewed], plan, slug), strict=True):
            item.edit = link
    keys = [p.key for p in doc.network.partners]

    def readable(path: str) -> bool:
        # an acceptance about a partner's own words the reader may not read: its reason is not for them either
        key = private_partner(path, keys)
        return key is None or reading.reads(key)

    unmatched = [
        (a, place_of(positional_path(doc, a.path) or a.path, doc))
        for a in acknowledgements.values()
        if a.pk not in used and readable(a.path)
    ]
    return PlanReview(plan, reviewed, unmatched, unchecked, redacted_document(doc, reading))


def _check(doc: PlanDocument, lang: str, today: date, cocreation: CoCreation) -> list[Finding]:
    return check_plan(doc, lang=lang, today=today, allow_terms=doc.plan.accepted_terms, cocreation=cocreation)


def _document(plan: Plan, doc: PlanDocument | None) -> tuple[PlanDocument | None, list[Problem]]:
    """The document to check and what had to be left out of it: the caller's, or the stored plan salvaged."""
    if doc is not None:
        return doc, []
    try:
        read = salvaged_plan_document(plan)
    except PlanFormatError as unreadable:
        return None, unreadable.problems
    return read.document, read.left_out


def _acknowledgement_of(acknowledgements, code, keyed, positional, detail, fingerprint):
    """The acknowledgement of a finding: by its keyed path; by the positional path it had before keys."""
    for path in dict.fromkeys((keyed, positional)):
        ack = acknowledgements.get((code, path, detail))
        if ack is None and not detail:
            # accepted while another finding shared its place; that one has gone since
            ack = acknowledgements.get((code, path, fingerprint))
        if ack is not None:
            return ack
    return None


def plan_findings_for_request(request, plan: Plan, doc: PlanDocument | None = None) -> PlanReview:
    """`plan_findings` once per request: the page and its template tags share the result."""
    cache = getattr(request, "_cohesio_plan_reviews", None)
    if cache is None:
        cache = request._cohesio_plan_reviews = {}
    if plan.pk not in cache:
        cache[plan.pk] = plan_findings(plan, doc, reader=request.user)
    return cache[plan.pk]
