"""The plan's status workflow: which moves exist, and the permission each move needs (one table)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cohesio.core.choices import label
from cohesio.core.models import Role
from cohesio.core.permissions import ALLOW, can
from cohesio.format.vocabulary import PlanStatus

DRAFT, CONSULTATION, ADOPTED, UNDER_REVIEW = (
    PlanStatus.DRAFT.value,
    PlanStatus.CONSULTATION.value,
    PlanStatus.ADOPTED.value,
    PlanStatus.UNDER_REVIEW.value,
)


@dataclass(frozen=True)
class Transition:
    """One move of the plan from a status to another; `action` is asked of the permission function."""

    from_status: str
    to_status: str
    action: str
    label: Promise
    confirm: bool = False  # ask "are you sure?" first
    needs_political_endorsement: bool = False

    @property
    def from_label(self) -> str:
        return label(PlanStatus, self.from_status)

    @property
    def to_label(self) -> str:
        return label(PlanStatus, self.to_status)


TRANSITIONS: dict[tuple[str, str], Transition] = {
    (t.from_status, t.to_status): t
    for t in [
        # the coordinator puts the plan to consultation, and may take it back to draft
        Transition(DRAFT, CONSULTATION, "plan.change_status", _("Put the plan to consultation")),
        Transition(CONSULTATION, DRAFT, "plan.change_status", _("Take the plan back to draft")),
        # adopting needs the coordinator and the political owner's endorsement
        Transition(
            CONSULTATION,
            ADOPTED,
            "plan.adopt",
            _("Adopt the plan"),
            confirm=True,
            needs_political_endorsement=True,
        ),
        # the coordinator or the political owner opens an adopted plan for review
        Transition(ADOPTED, UNDER_REVIEW, "plan.start_review", _("Start a review of the plan")),
        Transition(UNDER_REVIEW, CONSULTATION, "plan.change_status", _("Put the reviewed plan to consultation")),
    ]
}


def transition_for(from_status: str, to_status: str) -> Transition | None:
    return TRANSITIONS.get((from_status, to_status))


def available_transitions(user, plan) -> list[Transition]:
    """The moves this person may make from the plan's current status (preconditions are checked on the move)."""
    return [t for t in TRANSITIONS.values() if t.from_status == plan.status and can(user, t.action, plan.locality)]


def who_may(transition: Transition) -> list[str]:
    """The roles that may make a move, read from the allow table (for the page that explains the workflow)."""
    return [str(Role(role).label) for role, actions in ALLOW.items() if transition.action in actions]


# What is still open before the plan is adopted (errors and warnings of the plan check), asked of whoever
# registers here: the review app, which sits above co-creation, does so when it starts. Each returns a list.
OPEN_BEFORE_ADOPTION: list = []


def open_before_adoption(plan, reader) -> list:
    """What is still open before `plan` is adopted, as `reader` may read it (each source takes both)."""
    return [item for source in OPEN_BEFORE_ADOPTION for item in source(plan, reader)]
