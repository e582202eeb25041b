"""Read the whole plan as an open-format document: each element app gives its part, in the format's order.

The document is built once per plan revision and kept in the cache: every write to a plan's rows moves the
plan's revision on (plans.editing.plan_revised), so a cached document is current exactly while its key is.
"""

import zlib

from django.core.cache import caches

from cohesio.analysis.document import analysis_part
from cohesio.format import document as fmt
from cohesio.format import dump, load
from cohesio.format.private import redacted_data
from cohesio.format.salvage import Salvaged, salvage
from cohesio.interventions.document import interventions_part
from cohesio.network.document import network_part
from cohesio.network.selectors import private_reading
from cohesio.plans.document import definitions_part, goals_part, plan_part, political_support_part
from cohesio.plans.models import Plan
from cohesio.sharing.document import sharing_part


def plan_document_data(plan: Plan) -> dict:
    """The whole plan as stored, shaped as the open format but not yet validated against it."""
    locality = plan.locality
    goals, goal_keys = goals_part(plan)
    analysis, area_keys = analysis_part(plan)
    network, cooperation, org_keys, partner_keys = network_part(plan, area_keys)
    interventions, monitoring = interventions_part(plan, goal_keys, org_keys, partner_keys)
    return dict(
        locality=dict(name=locality.name, kind=locality.kind, fictional=locality.fictional),
        plan=plan_part(plan),
        goals=goals,
        political_support=political_support_part(plan),
        definitions=definitions_part(plan),
        analysis=analysis,
        network=network,
        cooperation=cooperation,
        sharing=sharing_part(plan, org_keys, partner_keys),
        interventions=interventions,
        monitoring=monitoring,
    )


CACHE_SECONDS = 24 * 3600


def plan_cache():
    """Where documents and reviews are kept: the "plans" cache, in each process's memory (a key names the plan's
    revision, so every process builds an entry at most once per revision, and reads it without a query)."""
    return caches["plans"]


def revision_key(plan: Plan, *parts, state: tuple | None = None) -> str:
    """A cache key for what is computed from the plan as it is now: its revision read afresh (one query, so a
    stale Plan object in memory cannot hit an old entry; `state`, the plan's (revision, created_at) read by the
    caller's own query, saves it), when it was made (ids can be reused after a flush) and the locality's name
    and kind, which the document holds too."""
    revision, created_at = state or Plan.objects.values_list("revision", "created_at").get(pk=plan.pk)
    locality = plan.locality
    text = "|".join(
        str(p)
        for p in (plan.pk, created_at.timestamp(), revision, locality.name, locality.kind, locality.fictional, *parts)
    )
    return f"cohesio:plan:{plan.pk}:{revision}:{zlib.crc32(text.encode()):08x}"


def _cached(name: str, plan: Plan, build):
    key = revision_key(plan, name)
    found = plan_cache().get(key)
    if found is None:
        found = build()
        plan_cache().set(key, found, CACHE_SECONDS)
    return found


def plan_document(plan: Plan) -> fmt.PlanDocument:
    """The whole plan in the open format; a fixed number of queries whatever the plan's size, built once per
    revision.

    For exports and the API, which give the plan as a whole: raises PlanFormatError, naming each place, when a
    stored value does not fit the format (saved before a limit existed). Pages use `salvaged_plan_document`.
    """
    return _cached("document", plan, lambda: load(plan_document_data(plan)))


def plan_data_for(plan: Plan, reader) -> dict:
    """The whole plan as JSON data (the open format's dump) as `reader` may read it: what partners wrote about
    themselves only where the permission function lets them read it. For the JSON download and the API; the
    cached document is not changed. Raises PlanFormatError like `plan_document`."""
    return redacted_data(dump(plan_document(plan)), private_reading(reader, plan))


def salvaged_plan_document(plan: Plan) -> Salvaged:
    """The plan in the open format for pages and the checker: values that do not fit the format are left out or
    shortened, and listed, so that one bad value never takes the pages down. PlanFormatError when not even
    that is possible. Built once per revision (the review keeps its own with the findings)."""
    return _cached("salvaged", plan, lambda: salvage(plan_document_data(plan)))
