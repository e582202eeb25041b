"""The network and cooperation parts of the open-format document: read from the rows, and written back by key."""

from django.db import models

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, into, keys_of, out, ref

from .models import CommunityGroup, Organisation, Partner, Tie

# Per kind, the fields that are the same in the database and the open format; both directions use them.
ORGANISATION = ("name", "sector", "member_sectors", "source_ref")
PARTNER = (
    "name",
    "function",
    "network",
    "status",
    "interests",
    "doubts",
    "conditions",
    "role",
    "mandate",
    "tasks",
    "accepts_coordinator",
    "source_ref",
)
COMMUNITY_GROUP = ("name", "description", "source_ref")
TIE = ("kind", "source_ref")


def network_part(plan: Plan, area_keys: dict[int, str]) -> tuple[dict, dict, dict, dict]:
    organisations = list(Organisation.objects.filter(plan=plan))
    partners = list(Partner.objects.filter(plan=plan))
    org_keys, partner_keys = keys_of(organisations), keys_of(partners)
    network = dict(
        organisations=[out(o, ORGANISATION, key=org_keys[o.pk]) for o in organisations],
        partners=[
            out(
                p,
                PARTNER,
                key=partner_keys[p.pk],
                organisation=ref(org_keys, p.organisation_id),
                sector=p.sector or None,
            )
            for p in partners
        ],
        community_groups=[
            out(g, COMMUNITY_GROUP, key=g.key, area=ref(area_keys, g.area_id), contact=ref(partner_keys, g.contact_id))
            for g in CommunityGroup.objects.filter(plan=plan)
        ],
        ties=[
            out(t, TIE, source=partner_keys[t.source_id], target=partner_keys[t.target_id])
            for t in Tie.objects.filter(plan=plan)
        ],
    )
    coordinator = next((p for p in partners if p.is_plan_coordinator), None)
    cooperation = dict(coordinator=partner_keys[coordinator.pk] if coordinator else None)
    return network, cooperation, org_keys, partner_keys


def sync_network(s: Sync, doc: PlanDocument, areas: dict) -> tuple[dict, dict]:
    n = doc.network
    # one coordinator per plan: the one stepping down first, so that the new one can step up
    stepping_down = Partner.objects.filter(plan=s.plan, is_plan_coordinator=True).exclude(
        key=doc.cooperation.coordinator
    )
    s.changes += stepping_down.update(is_plan_coordinator=False, revision=models.F("revision") + 1)
    orgs = s.rows(Organisation, [(o.key, into(o, ORGANISATION)) for o in n.organisations])
    partners = s.rows(
        Partner,
        [
            (
                p.key,
                into(
                    p,
                    PARTNER,
                    organisation_id=id_of(orgs.get(p.organisation)) if p.organisation else None,
                    sector=p.sector or "",
                    is_plan_coordinator=p.key == doc.cooperation.coordinator,
                ),
            )
            for p in n.partners
        ],
    )
    s.rows(
        CommunityGroup,
        [
            (
                g.key,
                into(
                    g,
                    COMMUNITY_GROUP,
                    area_id=id_of(areas.get(g.area)) if g.area else None,
                    contact_id=id_of(partners.get(g.contact)) if g.contact else None,
                ),
            )
            for g in n.community_groups
        ],
    )
    s.replace(
        Tie,
        s.before is not None and s.before.network.ties == n.ties,
        [into(t, TIE, source_id=partners[t.source].pk, target_id=partners[t.target].pk) for t in n.ties],
        "tie",
    )
    return orgs, partners
