"""Loading the fictional municipality Riverton with its plan and one demo login per role."""

import sys

from django.contrib.auth import get_user_model
from django.db import transaction

from cohesio.core.accounts import create_account, ensure_verified_email
from cohesio.core.models import Locality, Membership, Role

DEMO_SLUG = "riverton"
DEMO_PASSWORD = "riverton-demo-2026"
DEMO_LOGINS = [
    ("coordinator@riverton.example", Role.COORDINATOR, "Sam Okafor-Lindqvist"),
    ("partner@riverton.example", Role.PARTNER, ""),
    ("mayor@riverton.example", Role.POLITICAL_OWNER, ""),
    ("dpo@riverton.example", Role.DPO, "Data-protection officer"),
    ("viewer@riverton.example", Role.VIEWER, "Council observer"),
]


def load_demo(*, password: str | None = None, quiet: bool = True) -> bool:
    """Create Riverton, its plan and the demo logins unless Riverton exists; True when created."""
    from cohesio.demo.riverton import riverton_document
    from cohesio.document.services import import_plan
    from cohesio.network.models import Partner

    password = password or DEMO_PASSWORD
    created = False
    with transaction.atomic():
        if not Locality.objects.filter(slug=DEMO_SLUG).exists():
            doc = riverton_document()
            locality = Locality.objects.create(
                name=doc.locality.name, slug=DEMO_SLUG, kind=doc.locality.kind, fictional=True
            )
            plan = import_plan(doc, locality)
            User = get_user_model()
            for email, role, name in DEMO_LOGINS:
                user = User.objects.filter(email=email).first() or create_account(
                    email=email, password=password, name=name
                )
                Membership.objects.create(user=user, locality=locality, role=role)
                if role == Role.PARTNER:
                    # a teacher: the partner view as most partners will see it
                    partner = Partner.objects.filter(plan=plan, organisation__sector="education").first()
                    if partner is not None:
                        partner.user = user
                        partner.save(update_fields=["user"])
                        user.first_name = partner.name
                        user.save(update_fields=["first_name"])
                if role == Role.POLITICAL_OWNER and plan.political_owner_name:
                    user.first_name = plan.political_owner_name  # the account is the plan's political owner
                    user.save(update_fields=["first_name"])
            _record_consultation(plan)
            created = True
        for email, _role, _name in DEMO_LOGINS:  # demo databases made before addresses had to be verified
            ensure_verified_email(email)
    if not quiet:
        _print_logins(password, created)
    return created


def _record_consultation(plan) -> None:
    """The adopted demo plan went through consultation: the partner and the political owner endorsed it, and the
    partner commented (the demo obeys its own rules: an adopted plan has its endorsements recorded)."""
    from cohesio.cocreation.models import Comment, Endorsement

    for email in ("partner@riverton.example", "mayor@riverton.example"):
        membership = Membership.objects.select_related("user").get(locality=plan.locality, user__email=email)
        Endorsement.objects.create(
            plan=plan, user=membership.user, role=membership.role, decision="endorsed", current=True
        )
    partner = Membership.objects.get(locality=plan.locality, user__email="partner@riverton.example").user
    Comment.objects.create(
        plan=plan,
        element="interventions",
        author=partner,
        body="The digital resilience lessons worked well in our second year; can we add a session for parents?",
    )


def _print_logins(password: str, created: bool) -> None:
    out = sys.stdout
    out.write("Riverton (fictional) demo data " + ("loaded.\n" if created else "was already loaded.\n"))
    out.write(f"Demo logins (password: {password}):\n")
    for email, role, _name in DEMO_LOGINS:
        out.write(f"  {role.label:<26} {email}\n")
