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


class DecisionOutcome(Choice):
    RECOMMENDED = "recommended", _("Recommended")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_RESERVATION = "approved_with_reservation", _("Approved with a reservation")
    REJECTED = "rejected", _("Rejected")


# the outcomes by which a decision backs what it decides on
APPROVING_OUTCOMES = frozenset({DecisionOutcome.APPROVED, DecisionOutcome.APPROVED_WITH_RESERVATION})


class DecisionKind(Choice):
    COUNCIL = "council", _("Council decision")
    EXECUTIVE = "executive", _("Decision of the mayor and aldermen / executive")
    COMMITTEE = "committee", _("Committee advice")
    OTHER = "other", _("Other")


# the bodies whose approval adopts a plan (a committee advises; it does not adopt)
ADOPTING_KINDS = frozenset({DecisionKind.COUNCIL, DecisionKind.EXECUTIVE})


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
    PARTNERSHIP = "partnership", _("Partnership of several sectors")
    OTHER = "other", _("Other")


# The sectors a person in the network can belong to without an organisation: a partnership is an organisation.
PERSON_SECTORS = tuple(s for s in Sector if s != Sector.PARTNERSHIP)


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


# personal data, and the special categories of it: shared only on a legal basis and kept for a stated time
PERSONAL_DATA = frozenset({Sensitivity.PERSONAL, Sensitivity.SENSITIVE})


class InterventionStatus(Choice):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class IndicatorDirection(Choice):
    """Which way a monitoring indicator should move for the plan to come closer to its goal."""

    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class IndicatorKind(Choice):
    """What a monitoring indicator measures: the work done, what the work produced, or what changed."""

    ACTIVITY = "activity", _("Activity (work done)")
    OUTPUT = "output", _("Output (what it produced)")
    OUTCOME = "outcome", _("Outcome (what changed)")


class SharingPurpose(Choice):
    """What shared information is for. A prevention rule may name any of these except a criminal investigation."""

    PREVENTION = "prevention", _("Prevention and safeguarding")
    SUPPORT_PLANNING = "support_planning", _("Planning support for the person")
    RISK_ASSESSMENT = "risk_assessment", _("Judging the risk, to choose a support offer")
    EVALUATION = "evaluation", _("Evaluation with anonymous figures")
    CRIMINAL_INVESTIGATION = "criminal_investigation", _("Criminal investigation")


# a prevention agreement never allows sharing for these, whatever a rule says
NEVER_ALLOWED_PURPOSES = frozenset({SharingPurpose.CRIMINAL_INVESTIGATION})


class LegalBasis(Choice):
    """Grounds under the GDPR (article 6) and conditions for special categories (article 9), or national law."""

    CONSENT = "art6_1a_consent", _("Consent of the person (GDPR article 6(1)(a))")
    LEGAL_OBLIGATION = "art6_1c_legal_obligation", _("A legal obligation (GDPR article 6(1)(c))")
    VITAL_INTERESTS = (
        "art6_1d_vital_interests",
        _("Vital interests of the person or someone else (GDPR article 6(1)(d))"),
    )
    PUBLIC_TASK = "art6_1e_public_task", _("A task in the public interest (GDPR article 6(1)(e))")
    LEGITIMATE_INTERESTS = "art6_1f_legitimate_interests", _("Legitimate interests (GDPR article 6(1)(f))")
    EXPLICIT_CONSENT = "art9_2a_explicit_consent", _("Explicit consent for special categories (GDPR article 9(2)(a))")
    SOCIAL_PROTECTION = (
        "art9_2b_social_protection",
        _("Social security and social protection law (GDPR article 9(2)(b))"),
    )
    VITAL_INTERESTS_SPECIAL = (
        "art9_2c_vital_interests",
        _("Vital interests when consent cannot be given (GDPR article 9(2)(c))"),
    )
    SUBSTANTIAL_PUBLIC_INTEREST = "art9_2g_public_interest", _("Substantial public interest (GDPR article 9(2)(g))")
    HEALTH_AND_SOCIAL_CARE = "art9_2h_care", _("Health or social care (GDPR article 9(2)(h))")
    NATIONAL_LAW = "national_law", _("A national law (name it in the reference)")


GDPR_ARTICLE_6 = frozenset(
    {
        LegalBasis.CONSENT,
        LegalBasis.LEGAL_OBLIGATION,
        LegalBasis.VITAL_INTERESTS,
        LegalBasis.PUBLIC_TASK,
        LegalBasis.LEGITIMATE_INTERESTS,
    }
)
GDPR_ARTICLE_9 = frozenset(
    {
        LegalBasis.EXPLICIT_CONSENT,
        LegalBasis.SOCIAL_PROTECTION,
        LegalBasis.VITAL_INTERESTS_SPECIAL,
        LegalBasis.SUBSTANTIAL_PUBLIC_INTEREST,
        LegalBasis.HEALTH_AND_SOCIAL_CARE,
    }
)


class CaseRole(Choice):
    """Who in a case may receive information, whatever organisation they come from."""

    CASE_LEAD = "case_lead", _("The case lead")
    PARTICIPANT = "participant", _("A participant in the case consultation")
    COORDINATOR = "coordinator", _("The prevention coordinator")


class SharingCondition(Choice):
    """When a rule applies: every condition a rule names must hold."""

    CASE_OPENED = "case_opened", _("Only once a case has been opened")
    CONSENT = "consent", _("Only with the person's consent")
    MINOR_WITH_SCHOOL = "minor_with_school", _("Only when the person is a minor and their school takes part")
    SERIOUS_RISK = "serious_risk", _("Only when there is a serious and immediate risk of harm")


class SharingChannel(Choice):
    CASE_MEETING = "case_meeting", _("Spoken in the case meeting, not handed over")
    SECURE_MODULE = "secure_module", _("Through the secure case module")
    SECURE_EMAIL = "secure_email", _("By secure e-mail")
    PHONE = "phone", _("By phone, with a note in the case file")
    ANONYMOUS_SUMMARY = "anonymous_summary", _("Only as an anonymous summary or figures")


class ReceiverUse(Choice):
    """What the receiver may do with what they are told."""

    KNOW_ONLY = "know_only", _("Know it for the consultation only; not write it down")
    NOTE_IN_CASE = "note_in_case", _("Note it in the case file")
    USE_FOR_SUPPORT = "use_for_support", _("Use it to plan and give support")


class RetentionUnit(Choice):
    DAYS = "days", _("days")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")


class RetentionStart(Choice):
    SHARED = "shared", _("from the day it is shared")
    CASE_CLOSED = "case_closed", _("from the day the case is closed")


class AgreementState(Choice):
    DRAFT = "draft", _("Draft, to be signed")
    IN_FORCE = "in_force", _("In force")
    ENDED = "ended", _("Ended")
