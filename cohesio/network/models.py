"""The local network: organisations, partners as named people (formal and informal), community groups, ties."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesio.analysis.models import Area
from cohesio.core.choices import choices, in_choices, label
from cohesio.format.private import PRIVATE_FIELDS
from cohesio.format.vocabulary import PERSON_SECTORS, NetworkKind, PartnerStatus, Sector, TieKind
from cohesio.plans.fields import PlanTextField, SourceRefField
from cohesio.plans.models import KEY_UNIQUE, CodeListValidator, PlanRow

validate_member_sectors = CodeListValidator("PERSON_SECTORS")


def person_sectors() -> list[tuple[str, str]]:
    return [(value, name) for value, name in choices(Sector) if value != Sector.PARTNERSHIP]


class Organisation(PlanRow):
    key_prefix = "org"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=choices(Sector))
    # for a partnership of several sectors (a school–social services–police partnership): the sectors it brings
    # together, which the checker counts as present in the network
    member_sectors = models.JSONField(
        _("sectors it brings together"), default=list, blank=True, validators=[validate_member_sectors]
    )
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("organisation")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="organisation_name_unique_per_plan"),
            models.CheckConstraint(condition=in_choices("sector", Sector), name="organisation_sector_valid"),
            models.CheckConstraint(
                condition=Q(sector=Sector.PARTNERSHIP.value) | Q(member_sectors=[]),
                name="organisation_members_of_partnership",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.member_sectors and self.sector != Sector.PARTNERSHIP:
            raise ValidationError(
                {
                    "member_sectors": _(
                        "Only a partnership of several sectors brings other sectors together. Choose “Partnership "
                        "of several sectors” as its sector, or leave these empty."
                    )
                }
            )

    def member_sector_labels(self) -> list[str]:
        """The sectors a partnership brings together, as their translated names."""
        return [label(Sector, code) for code in self.member_sectors or ()]


class Partner(PlanRow):
    """A named person taking part in the plan, with their role, mandate, tasks, interests, doubts and conditions."""

    key_prefix = "partner"
    key_from = "name"
    # what the partner writes about themselves: read only as "partner.read_private" allows (core.permissions)
    private_fields = PRIVATE_FIELDS

    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    # a person's own sector, without an organisation: never a partnership, which is an organisation
    sector = models.CharField(_("sector"), max_length=30, choices=person_sectors(), blank=True)
    network = models.CharField(_("network"), max_length=20, choices=choices(NetworkKind), default=NetworkKind.FORMAL)
    status = models.CharField(_("status"), max_length=20, choices=choices(PartnerStatus), default=PartnerStatus.ACTIVE)
    interests = PlanTextField(_("interests"), blank=True)
    doubts = PlanTextField(_("doubts"), blank=True)
    conditions = PlanTextField(_("conditions for taking part"), blank=True)
    role = PlanTextField(_("role"), blank=True)
    mandate = PlanTextField(_("mandate"), blank=True)
    tasks = PlanTextField(_("tasks"), blank=True)
    accepts_coordinator = models.BooleanField(_("accepts the coordinator"), default=False)
    is_plan_coordinator = models.BooleanField(_("is the plan coordinator"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="partner_profiles"
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    invitation = models.ForeignKey(
        "core.Invitation", on_delete=models.SET_NULL, null=True, blank=True, related_name="partners", editable=False
    )
    source_ref = SourceRefField()

    history = HistoricalRecords()

    class Meta(PlanRow.Meta):
        verbose_name = _("partner")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(
                fields=["plan"], condition=Q(is_plan_coordinator=True), name="one_coordinator_per_plan"
            ),
            models.CheckConstraint(condition=in_choices("network", NetworkKind), name="partner_network_valid"),
            models.CheckConstraint(condition=in_choices("status", PartnerStatus), name="partner_status_valid"),
            models.CheckConstraint(
                condition=Q(sector="") | Q(sector__in=[s.value for s in PERSON_SECTORS]), name="partner_sector_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:partner", kwargs={"locality": self.locality.slug, "pk": self.pk})

    def clean(self):
        if self.organisation_id is None and not self.sector:
            raise ValidationError({"sector": _("Choose an organisation or a sector.")})

    @property
    def effective_sector(self) -> str:
        return self.organisation.sector if self.organisation_id else self.sector


class CommunityGroup(PlanRow):
    """A community or group in the informal network."""

    key_prefix = "group"
    key_from = "name"

    name = models.CharField(_("name"), max_length=200)
    description = PlanTextField(_("description"), blank=True)
    area = models.ForeignKey(Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="community_groups")
    contact = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="community_groups"
    )
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("community group")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["plan", "name"], name="community_group_name_unique_per_plan"),
        ]

    def __str__(self) -> str:
        return self.name


class Tie(PlanRow):
    """Two partners who work together, and how (shown in the sociogram)."""

    key_prefix = "tie"

    source = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="ties_out")
    target = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="ties_in")
    kind = models.CharField(_("kind of tie"), max_length=30, choices=choices(TieKind), default=TieKind.WORKS_WITH)
    source_ref = SourceRefField()

    class Meta(PlanRow.Meta):
        verbose_name = _("tie")
        constraints = [
            KEY_UNIQUE,
            models.UniqueConstraint(fields=["source", "target", "kind"], name="tie_unique"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="tie_two_partners"),
            models.CheckConstraint(condition=in_choices("kind", TieKind), name="tie_kind_valid"),
        ]

    def __str__(self) -> str:
        source, target = self.loaded("source"), self.loaded("target")
        if source is None or target is None:  # not loaded with the tie (see Editable.related)
            return self.key or str(_("tie"))
        return f"{source} – {target}"

    def clean(self):
        if self.source_id is not None and self.source_id == self.target_id:
            raise ValidationError({"target": _("A tie connects two different partners.")})
