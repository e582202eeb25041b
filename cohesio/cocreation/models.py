"""Working on the plan together: comments on elements, in-app notifications, proposals, endorsements."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cohesio.core.models import Role
from cohesio.plans.models import PlanOwned

from .elements import PAGE_OF_ELEMENT, Element

TARGET_BOTH_OR_NEITHER = Q(content_type__isnull=True, object_id__isnull=True) | Q(
    content_type__isnull=False, object_id__isnull=False
)


class Comment(PlanOwned):
    """A comment on one element of the plan, optionally about one object on it; a reply has a parent."""

    element = models.CharField(_("element"), max_length=30, choices=Element.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        indexes = [models.Index(fields=["plan", "element"], name="comment_plan_element")]
        constraints = [
            models.CheckConstraint(condition=Q(element__in=Element.values), name="comment_element_valid"),
            models.CheckConstraint(condition=TARGET_BOTH_OR_NEITHER, name="comment_target_complete"),
            models.CheckConstraint(condition=~Q(body=""), name="comment_body_not_empty"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="comment_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.element}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def plan_part(self) -> str:
        """The part of the plan the thread is about, for the permission function: the app of the row the thread is
        about, or for a thread on an element as a whole, the app whose page shows the element (its URL namespace)."""
        root = self.parent if self.parent_id else self
        if root.content_type_id is not None:
            return ContentType.objects.get_for_id(root.content_type_id).app_label
        return PAGE_OF_ELEMENT[root.element].partition(":")[0]


class Notification(PlanOwned):
    """Something one person should look at, such as being mentioned in a comment; read or not."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohesio_notifications")
    text = models.CharField(_("text"), max_length=500)
    link = models.CharField(_("link"), max_length=500, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("sent in an e-mail digest at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        indexes = [models.Index(fields=["user", "locality", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"notification {self.pk}"


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Proposal(PlanOwned):
    """A proposed new text for one field of one object in the plan, which the coordinator accepts or declines.

    `base_revision` is the object's revision when the proposal was written: accepting is refused once the object
    has changed since, so nobody's later edit is overwritten.
    """

    kind = models.CharField(_("kind"), max_length=40)
    element = models.CharField(_("element"), max_length=30, choices=Element.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(_("field"), max_length=60)
    value = models.TextField(_("proposed text"))
    value_when_proposed = models.TextField(_("text when proposed"), blank=True)
    base_revision = models.PositiveIntegerField()
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("proposal")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ProposalStatus.values), name="proposal_status_valid"),
            models.CheckConstraint(condition=Q(element__in=Element.values), name="proposal_element_valid"),
            models.CheckConstraint(
                condition=Q(status=ProposalStatus.OPEN, decided_at__isnull=True)
                | (~Q(status=ProposalStatus.OPEN) & Q(decided_at__isnull=False)),
                name="proposal_decided_when_closed",
            ),
        ]

    def __str__(self) -> str:
        return f"proposal {self.pk} for {self.kind}.{self.field_name}"

    @property
    def plan_part(self) -> str:
        """The part of the plan the proposal changes, for the permission function: the app of its object."""
        return ContentType.objects.get_for_id(self.content_type_id).app_label


class EndorsementDecision(models.TextChoices):
    ENDORSED = "endorsed", _("I endorse the plan")
    OBJECTIONS = "objections", _("I have objections")


class Endorsement(PlanOwned):
    """A partner's or political owner's endorsement of the plan in consultation, or their objections.

    Only the latest one per person is current; putting the plan to consultation again starts a new round.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    decision = models.CharField(_("decision"), max_length=20, choices=EndorsementDecision.choices)
    objections = models.TextField(_("objections"), blank=True)
    current = models.BooleanField(default=True)
    # the coordinator's answer to the objections; the person who objected and the coordinators read it
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("endorsement")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "user"], condition=Q(current=True), name="one_current_endorsement_per_user_per_plan"
            ),
            models.CheckConstraint(
                condition=Q(decision__in=EndorsementDecision.values), name="endorsement_decision_valid"
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="endorsement_role_valid"),
            models.CheckConstraint(
                condition=Q(decision=EndorsementDecision.ENDORSED) | ~Q(objections=""),
                name="endorsement_objections_written",
            ),
        ]

    def __str__(self) -> str:
        return f"endorsement {self.pk} ({self.decision})"
