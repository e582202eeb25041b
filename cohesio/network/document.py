"""The network and cooperation parts of the open-format document: read from the rows, and written back by key."""

from django.db import models

from cohesio.format.document import PlanDocument
from cohesio.plans.models import Plan
from cohesio.plans.sync import Sync, id_of, keys_of, ref

from .models import CommunityGroup, Organisation, Partner, Tie


def network_part(plan: Plan, area_keys: dict[int, str]) -> tuple[dict, dict, dict, dict]:
    organisations = list(Organisation.objects.filter(plan=plan))
    partners = list(Partner.objects.filter(plan=plan))
    org_keys, partner_keys = keys_of(organisations), keys_of(partners)
    network = dict(
        organisations=[dict(key=org_keys[o.pk], name=o.name, sector=o.sector) for o in organisations],
        partners=[
            dict(
                key=partner_keys[p.pk],
                name=p.name,
                function=p.function,
                organisation=ref(org_keys, p.organisation_id),
                sector=p.sector or None,
                network=p.network,
                status=p.status,
                interests=p.interests,
                doubts=p.doubts,
                conditions=p.conditions,
                role=p.role,
                mandate=p.mandate,
                tasks=p.tasks,
                accepts_coordinator=p.accepts_coordinator,
            )
            for p in partners
        ],
        community_groups=[
            dict(
                key=g.key,
                name=g.name,
                description=g.description,
                area=ref(area_keys, g.area_id),
                contact=ref(partner_keys, g.contact_id),
            )
            for i, g in enumerate(CommunityGroup.objects.filter(plan=plan))
        ],
        ties=[
            dict(source=partner_keys[t.source_id], target=partner_keys[t.target_id], kind=t.kind)
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
    orgs = s.rows(Organisation, [(o.key, {"name": o.name, "sector": o.sector}) for o in n.organisations])
    partners = s.rows(
        Partner,
        [
            (
                p.key,
                {
                    "name": p.name,
                    "function": p.function,
                    "organisation_id": id_of(orgs.get(p.organisation)) if p.organisation else None,
                    "sector": p.sector or "",
                    "network": p.network,
                    "status": p.status,
                    "interests": p.interests,
                    "doubts": p.doubts,
                    "conditions": p.conditions,
                    "role": p.role,
                    "mandate": p.mandate,
                    "tasks": p.tasks,
                    "accepts_coordinator": p.accepts_coordinator,
                    "is_plan_coordinator": p.key == doc.cooperation.coordinator,
                },
            )
            for p in n.partners
        ],
    )
    s.rows(
        CommunityGroup,
        [
            (
                g.key,
                {
                    "name": g.name,
                    "description": g.description,
                    "area_id": id_of(areas.get(g.area)) if g.area else None,
                    "contact_id": id_of(partners.get(g.contact)) if g.contact else None,
                },
            )
            for g in n.community_groups
        ],
    )
    s.replace(
        Tie,
        s.before is not None and s.before.network.ties == n.ties,
        [{"source_id": partners[t.source].pk, "target_id": partners[t.target].pk, "kind": t.kind} for t in n.ties],
        "tie",
    )
    return orgs, partners
