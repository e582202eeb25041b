"""The fixed vocabularies of a local action plan, defined once for models, forms, format and checks."""

from enum import StrEnum


def _(text: str) -> str:
    """Mark a label for translation; the Django layer translates it when shown."""
    return text


class Choice(StrEnum):
    """A string enum whose members carry an English label (translated by the Django layer)."""

    def __new__(cls, value: str, label: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value.replace("_", " ").capitalize()
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class PlanStatus(Choice):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")
    UNDER_REVIEW = "under_review", _("Under review")


class LocalityKind(Choice):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")


class PreventionLevel(Choice):
    GENERAL = "general", _("General prevention")
    SPECIFIC = "specific", _("Specific prevention")
    INDIVIDUAL = "individual", _("Individual prevention")


class ExtremismKind(Choice):
    RIGHT_WING = "right_wing", _("Right-wing extremism")
    LEFT_WING = "left_wing", _("Left-wing extremism")
    RELIGIOUSLY_INSPIRED = "religiously_inspired", _("Religiously inspired extremism")
    OTHER = "other", _("Other kinds (single-issue, separatist, conspiracy-driven)")


class GoalKind(Choice):
    GENERAL = "general", _("General goal")
    SUB_GOAL = "sub_goal", _("Sub-goal")


class DefinitionAudience(Choice):
    PARTNERS = "partners", _("Partners")
    PUBLIC = "public", _("The public")
    INTERNAL = "internal", _("Internal (coordination team)")


class PolicyField(Choice):
    EMPLOYMENT = "employment", _("Employment")
    INTEGRATION = "integration", _("Integration")
    YOUTH = "youth", _("Youth")
    HATE_SPEECH = "hate_speech", _("Hate speech and discrimination")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health and care")
    OTHER = "other", _("Other")


class SourceKind(Choice):
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    FRONTLINE = "frontline", _("Frontline staff")
    NATIONAL_DATA = "national_data", _("National or regional data")
    RESEARCH = "research", _("Research")


class FactorKind(Choice):
    RISK = "risk", _("Risk factor")
    PROTECTIVE = "protective", _("Protective factor")


class Timeframe(Choice):
    PAST = "past", _("Yesterday (past)")
    PRESENT = "present", _("Today (present)")
    EMERGING = "emerging", _("Tomorrow (emerging)")


class Urgency(Choice):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Sector(Choice):
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    EDUCATION = "education", _("Education")
    POLICE = "police", _("Police")
    MENTAL_HEALTH = "mental_health", _("Mental health and care")
    SOCIAL_SERVICES = "social_services", _("Social services")
    YOUTH_WORK = "youth_work", _("Youth work")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    COMMUNITY = "community", _("Community")
    PROBATION = "probation", _("Probation and justice")
    OTHER = "other", _("Other")


# The sectors without which a local network is thin (checked by the plan checker).
CORE_SECTORS = (
    Sector.EDUCATION,
    Sector.POLICE,
    Sector.MENTAL_HEALTH,
    Sector.CIVIL_SOCIETY,
    Sector.COMMUNITY,
)


class NetworkKind(Choice):
    FORMAL = "formal", _("Formal network")
    INFORMAL = "informal", _("Informal network")


class PartnerStatus(Choice):
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")


class TieKind(Choice):
    WORKS_WITH = "works_with", _("Works with")
    SHARES_INFORMATION = "shares_information", _("Shares information with")
    REFERS_TO = "refers_to", _("Refers people to")
    TRUSTS = "trusts", _("Trusted contact")


class Sensitivity(Choice):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    PERSONAL = "personal", _("Personal data")
    SENSITIVE = "sensitive", _("Sensitive personal data")


class InterventionStatus(Choice):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")
