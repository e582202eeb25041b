"""Audit events in plain words: what was done (or tried), to what kind of thing, with what outcome.

Events store codes (`goal.update`, `plan.status.draft_to_consultation`, a refused page's permission action); this
turns them into words for the audit trail and its download. A code without words here is shown as it is.
"""

from functools import cache

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesio.format.vocabulary import PlanStatus

DENIED = "denied"

# actions with their own words
ACTIONS = {
    "account.delete": gettext_lazy("Removed someone's account"),
    "account.email_change": gettext_lazy("Changed their e-mail address"),
    "account.update": gettext_lazy("Changed someone's account"),
    "audit.export": gettext_lazy("Downloaded the audit trail"),
    "comment.create": gettext_lazy("Commented"),
    "comment.reopen": gettext_lazy("Opened a comment again"),
    "comment.resolve": gettext_lazy("Resolved a comment"),
    "endorsement.answer": gettext_lazy("Answered objections to the plan"),
    "endorsement.endorsed": gettext_lazy("Endorsed the plan"),
    "endorsement.objections": gettext_lazy("Objected to the plan"),
    "finding.acknowledge": gettext_lazy("Accepted a finding of the check"),
    "finding.reopen": gettext_lazy("Opened a finding of the check again"),
    "invitation.accept": gettext_lazy("Accepted an invitation"),
    "invitation.create": gettext_lazy("Invited someone"),
    "invitation.resend": gettext_lazy("Sent an invitation again"),
    "invitation.revoke": gettext_lazy("Withdrew an invitation"),
    "locality.create": gettext_lazy("Started the locality"),
    "locality.update": gettext_lazy("Changed the locality's details"),
    "membership.change_role": gettext_lazy("Changed someone's role"),
    "membership.remove": gettext_lazy("Removed someone from the locality"),
    "partner.create": gettext_lazy("Added a partner"),
    "partner.designate_coordinator": gettext_lazy("Chose the plan coordinator"),
    "partner.invite": gettext_lazy("Invited a partner"),
    "partner.link_account": gettext_lazy("Linked a partner to their account"),
    "plan.accepted_terms": gettext_lazy("Changed the accepted terms"),
    "plan.create": gettext_lazy("Started the plan"),
    "plan.export.file.remove": gettext_lazy("Removed a prepared download"),
    "plan.export.prepare": gettext_lazy("Asked for a download to be prepared"),
    "plan.import": gettext_lazy("Imported the plan from a file"),
    "plan.public_page.off": gettext_lazy("Switched the public page off"),
    "plan.public_page.on": gettext_lazy("Switched the public page on"),
    "plan.update": gettext_lazy("Changed the plan"),
    "plan.update_from_file": gettext_lazy("Updated the plan from a file"),
    "plan.version.adopt": gettext_lazy("Kept the adopted version of the plan"),
    "plan.version.publish": gettext_lazy("Published a version of the plan"),
    "proposal.accepted": gettext_lazy("Accepted a proposal"),
    "proposal.create": gettext_lazy("Proposed a change"),
    "proposal.declined": gettext_lazy("Declined a proposal"),
}

# a refusal is recorded under the permission it lacked: what the person tried to do
TRIED = {
    "audit.view": gettext_lazy("Read the audit trail"),
    "dataprotection.view": gettext_lazy("Open the data-protection page"),
    "locality.view": gettext_lazy("Open the locality"),
    "membership.invite": gettext_lazy("Invite someone"),
    "membership.manage": gettext_lazy("Change or remove members"),
    "membership.view": gettext_lazy("See the people and invitations"),
    "partner.edit_own": gettext_lazy("Edit a partner profile"),
    "plan.acknowledge_finding": gettext_lazy("Accept a finding of the check"),
    "plan.adopt": gettext_lazy("Adopt the plan"),
    "plan.answer_objection": gettext_lazy("Answer objections"),
    "plan.change_status": gettext_lazy("Change the plan's status"),
    "plan.check": gettext_lazy("Check the plan"),
    "plan.comment": gettext_lazy("Comment or propose a change"),
    "plan.comment_resolve": gettext_lazy("Resolve comments"),
    "plan.decide_proposal": gettext_lazy("Decide on a proposal"),
    "plan.edit": gettext_lazy("Edit the plan"),
    "plan.endorse": gettext_lazy("Endorse the plan"),
    "plan.export": gettext_lazy("Download the plan"),
    "plan.import": gettext_lazy("Import a plan file"),
    "plan.publish": gettext_lazy("Publish a version"),
    "plan.start_review": gettext_lazy("Start a review of the plan"),
    "plan.view": gettext_lazy("Read the plan"),
}

# `<kind of row>.<verb>`, written by the editing kit for every kind of row
VERBS = {
    "create": gettext_lazy("Added: %(thing)s"),
    "update": gettext_lazy("Changed: %(thing)s"),
    "delete": gettext_lazy("Deleted: %(thing)s"),
    "undo_delete": gettext_lazy("Brought back after deleting: %(thing)s"),
    "move": gettext_lazy("Moved: %(thing)s"),
}

OUTCOMES = {"ok": gettext_lazy("Done"), DENIED: gettext_lazy("Refused")}


@cache
def _models_by_name() -> dict[str, type]:
    names: dict[str, type] = {}
    for model in apps.get_models():
        names.setdefault(model._meta.model_name, model)
    return names


def action_words(action: str, outcome: str = "ok") -> str:
    """The action in plain words; the code itself when there are none."""
    if outcome == DENIED and action in TRIED:
        return str(TRIED[action])
    if action in ACTIONS:
        return str(ACTIONS[action])
    return _status_words(action) or _export_words(action) or _row_words(action) or action


def choice_words(action: str) -> str:
    """An action as the filter offers it: its words, or what was tried when it is only ever refused."""
    words = action_words(action)
    return words if words != action else action_words(action, DENIED)


def _status_words(action: str) -> str:
    moved = action.removeprefix("plan.status.")
    before, sep, after = moved.partition("_to_")
    if moved == action or not sep or before not in PlanStatus.values or after not in PlanStatus.values:
        return ""
    words = {"before": PlanStatus(before).label, "after": PlanStatus(after).label}
    return _("Moved the plan from %(before)s to %(after)s") % words


def _export_words(action: str) -> str:
    parts = action.split(".")
    if len(parts) not in (3, 4) or parts[:2] != ["plan", "export"] or parts[3:] not in ([], ["public"]):
        return ""
    words = {"format": parts[2].upper()}
    return (
        _("Downloaded the public plan (%(format)s)") if parts[3:] else _("Downloaded the plan (%(format)s)")
    ) % words


def _row_words(action: str) -> str:
    name, _sep, verb = action.partition(".")
    model = _models_by_name().get(name)
    if model is None or verb not in VERBS:
        return ""
    return VERBS[verb] % {"thing": model._meta.verbose_name}


def object_type_words(object_type: str) -> str:
    """The kind of thing an event is about (`sharing.informationtype` -> "Information type"); the code when the
    kind no longer exists."""
    if not object_type:
        return ""
    try:
        return str(capfirst(apps.get_model(object_type)._meta.verbose_name))
    except (LookupError, ValueError):
        return object_type


def outcome_words(outcome: str) -> str:
    return str(OUTCOMES.get(outcome, outcome))


def event_words(event) -> dict:
    """One event as the audit trail and its download show it."""
    actor = event.actor
    return {
        "sequence": event.sequence,
        "at": event.at,
        "person": (actor.get_full_name().strip() or actor.email) if actor is not None else _("Cohesio itself"),
        "action": action_words(event.action, event.outcome),
        "action_code": event.action,
        "object_type": object_type_words(event.object_type),
        "object_id": event.object_id,
        "outcome": outcome_words(event.outcome),
        "denied": event.outcome == DENIED,
    }
