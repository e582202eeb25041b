"""Writes of the local network: inviting partners as named people, their own profile, the coordinator."""

from django.db import transaction
from django.db.models import F

from cohesio.audit.services import record
from cohesio.core.models import Role
from cohesio.core.permissions import require
from cohesio.core.services import invitation_create
from cohesio.format.vocabulary import PartnerStatus
from cohesio.plans.editing import lock_plan, plan_revised

from .models import Organisation, Partner


def person_invite(*, acting_user, plan, role: str, name: str, email: str, accept_url_for, **partner_fields):
    """The one way to invite someone: a partner joins the network as a named person; other roles only join."""
    if role == Role.PARTNER:
        return partner_invite(
            acting_user=acting_user, plan=plan, name=name, email=email, accept_url_for=accept_url_for, **partner_fields
        )
    return invitation_create(
        locality=plan.locality,
        acting_user=acting_user,
        email=email,
        role=role,
        accept_url_for=accept_url_for,
        name=name,
    )


def partner_invite(
    *, acting_user, plan, name, email, function, organisation=None, new_organisation="", sector="", accept_url_for
) -> Partner:
    """Add a named person to the network as invited, and send them an invitation to join as a partner."""
    require(acting_user, "membership.invite", plan.locality)
    with transaction.atomic():
        plan = lock_plan(plan)
        if organisation is None and new_organisation:
            organisation, _created = Organisation.objects.get_or_create(
                plan=plan, name=new_organisation, defaults={"sector": sector or "other", "locality": plan.locality}
            )
        invitation = invitation_create(
            locality=plan.locality,
            acting_user=acting_user,
            email=email,
            role=Role.PARTNER,
            accept_url_for=accept_url_for,
            name=name,
        )
        partner = Partner(
            plan=plan,
            name=name,
            email=email,
            function=function,
            organisation=organisation,
            sector="" if organisation else sector,
            status=PartnerStatus.INVITED,
            invitation=invitation,
        )
        partner.position = Partner.objects.filter(plan=plan).count()
        partner.full_clean()
        partner.save()
        plan_revised(plan)
        record(actor=acting_user, action="partner.invite", obj=partner, locality=plan.locality)
    return partner


def link_invited_partner(*, invitation, user) -> None:
    """When an invited partner accepts, their partner profile becomes theirs and active.

    A new revision of the row, so that an edit form opened before (by the coordinator) cannot save "invited" back.
    """
    with transaction.atomic():
        for partner in Partner.objects.select_for_update().filter(invitation=invitation, user__isnull=True):
            partner.user = user
            partner.status = PartnerStatus.ACTIVE
            partner.revision += 1
            partner.save(update_fields=["user", "status", "revision", "updated_at"])
            plan_revised(partner.plan)
            record(actor=user, action="partner.link_account", obj=partner, locality=partner.locality)


def partner_designate_coordinator(*, acting_user, plan, partner) -> Partner:
    """Make `partner` the plan's one coordinator (the previous one stops being it)."""
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        plan = lock_plan(plan)
        Partner.objects.select_for_update().filter(plan=plan, is_plan_coordinator=True).exclude(pk=partner.pk).update(
            is_plan_coordinator=False, revision=F("revision") + 1
        )
        partner = Partner.objects.select_for_update().get(pk=partner.pk, plan=plan)
        if not partner.is_plan_coordinator:
            partner.is_plan_coordinator = True
            partner.revision += 1
            partner.save(update_fields=["is_plan_coordinator", "revision", "updated_at"])
        plan_revised(plan)
        record(actor=acting_user, action="partner.designate_coordinator", obj=partner, locality=plan.locality)
    return partner


def coordinator_self_designate(*, acting_user, plan, organisation=None, new_organisation="", sector="", function=""):
    """ "I am the plan coordinator": the signed-in coordinator joins the network as the plan's coordinator.

    Their own partner record is used when they have one; otherwise one is made from their account.
    """
    require(acting_user, "plan.edit", plan.locality)
    with transaction.atomic():
        plan = lock_plan(plan)
        partner = Partner.objects.select_for_update().filter(plan=plan, user=acting_user).first()
        if partner is None:
            if organisation is None:
                organisation, _created = Organisation.objects.get_or_create(
                    plan=plan,
                    name=new_organisation,
                    defaults={"sector": sector or "local_government", "locality": plan.locality},
                )
            partner = Partner(
                plan=plan,
                locality=plan.locality,
                name=acting_user.get_full_name().strip() or acting_user.email,
                email=acting_user.email,
                function=function,
                organisation=organisation,
                status=PartnerStatus.ACTIVE,
                user=acting_user,
                position=Partner.objects.filter(plan=plan).count(),
            )
            partner.full_clean()
            partner.save()
            plan_revised(plan)  # a new row of the plan: what is computed from it is out of date
            record(actor=acting_user, action="partner.create", obj=partner, locality=plan.locality)
    return partner_designate_coordinator(acting_user=acting_user, plan=plan, partner=partner)
