"""Every rule fires on a plan that breaks it and stays silent on plans that keep it."""

from typing import Any

import pytest

from cohesio.checks import CoCreation, Element, check_plan, rules
from cohesio.format import load

from .changes import (
    Change,
    all_of,
    appending,
    days_ago,
    only_addressing,
    removing,
    setting,
    ties_between,
    with_analysis,
    without_areas,
    without_cooperation,
    without_goals,
    without_interventions,
    without_network,
)
from .plans import TODAY, complete_plan, complete_plan_data


def check(change: Change, **options: Any):
    data = complete_plan_data()
    change(data)
    return check_plan(load(data), today=TODAY, **options)


def fires(code: str, path: str, change: Change, id: str, **options: Any):
    return pytest.param(code, path, change, options, id=f"{code} {id}")


def silent(code: str, change: Change, id: str, **options: Any):
    return pytest.param(code, change, options, id=f"{code} {id}")


HARD_EN = (
    "The municipality, in close collaboration with institutional stakeholders, operationalises an integrated, "
    "multidisciplinary, evidence-informed prevention architecture, facilitating interorganisational information "
    "exchange, strengthening organisational capabilities and institutionalising sustainable coordination "
    "mechanisms, thereby contributing substantively to comprehensive societal resilience against radicalisation, "
    "notwithstanding considerable organisational, jurisdictional and budgetary complexities."
)
EASY_EN = (
    "We want every young person in Riverton to feel at home. Some young people get angry or lonely. Some meet "
    "people online who tell them that violence is the answer. We want to reach them early. Schools, youth "
    "workers, parents and the police work on this together. Nobody has to do it alone."
)
HARD_NL = (
    "De gemeente operationaliseert, in nauwe samenwerking met institutionele ketenpartners, een integrale, "
    "multidisciplinaire en wetenschappelijk onderbouwde preventiearchitectuur, ter bevordering van "
    "interorganisationele informatie-uitwisseling, versterking van organisatorische capaciteiten en "
    "institutionalisering van duurzame coördinatiemechanismen, waarmee een substantiële bijdrage wordt geleverd "
    "aan maatschappelijke weerbaarheid, ondanks aanzienlijke organisatorische, juridische en budgettaire "
    "complexiteiten binnen de gemeentelijke organisatie."
)
EASY_NL = (
    "We willen dat elk kind in Riverton zich thuis voelt. Soms zijn jongeren boos of eenzaam. Soms praten ze online "
    "met mensen die zeggen dat geweld de oplossing is. Die jongeren willen we op tijd zien. Scholen, jongerenwerkers, "
    "ouders en de wijkagent doen dat samen. Niemand staat er alleen voor."
)

OTHER_ORGANISATION = {"key": "o-library", "name": "Riverton library", "sector": "other"}
POUND_LINE = {"key": "b-pounds", "name": "Twin town fund", "amount": "100000.00", "currency": "GBP"}
REJECTION = {"key": "d-2", "title": "Council turns down the first draft", "outcome": "rejected", "kind": "council"}


def partnership(*members: str) -> Change:
    """The police organisation becomes a partnership of `members` (a school–police–social services one)."""
    return all_of(
        setting("network.organisations.2.sector", "partnership"),
        setting("network.organisations.2.member_sectors", list(members)),
    )


FIRES = [
    # The plan as a whole
    fires("LAP001", "$.analysis", with_analysis({}), "an empty analysis"),
    fires("LAP001", "$.goals", all_of(setting("plan.vision", ""), without_goals), "no vision and no goals"),
    fires("LAP001", "$.political_support", setting("political_support", {}), "no political support at all"),
    fires("LAP001", "$.definitions", setting("definitions", []), "no definitions"),
    fires("LAP001", "$.network", without_network, "no network"),
    fires("LAP001", "$.cooperation", without_cooperation, "nothing on cooperation"),
    fires("LAP001", "$.interventions", without_interventions, "no interventions"),
    fires("LAP002", "$.plan.period_start", setting("plan.period_start", None), "no start date"),
    fires("LAP002", "$.plan.period_end", setting("plan.period_end", None), "no end date"),
    fires("LAP003", "$.plan.review_date", setting("plan.review_date", None), "no review date"),
    fires("LAP004", "$.plan.review_date", setting("plan.review_date", days_ago(1)), "a review date yesterday"),
    # Terminology
    fires("LAP005", "$.plan.vision", setting("plan.vision", "We stop terrorists early."), "terrorists in the vision"),
    fires("LAP005", "$.goals[1].description", setting("goals.1.description", "Fewer radicalised youths."),
          "an inflected form in a goal"),
    fires("LAP005", "$.definitions[1].text", setting("definitions.1.text", "Violence in the name of jihad."),
          "a religious term in a definition for partners"),
    fires("LAP005", "$.interventions[0].description", setting("interventions.0.description", "Counter-terrorism."),
          "a hyphenated compound in an intervention"),
    fires("LAP005", "$.plan.vision", setting("plan.vision", "Wij stoppen geradicaliseerde jongeren."),
          "a Dutch harsh term checked in Dutch", lang="nl"),
    fires("LAP005", "$.plan.vision", setting("plan.vision", "An attack on our open society."), "an undated attack"),
    # Who people are, anywhere in the plan
    fires("LAP006", "$.plan.vision", setting("plan.vision", "Muslim youth in North are vulnerable to recruitment."),
          "a religion linked to risk in the vision"),
    fires("LAP006", "$.goals[0].description",
          setting("goals.0.description", "Fewer Moroccan boys drift towards extremist groups."), "origin in a goal"),
    fires("LAP006", "$.interventions[0].target_group", setting("interventions.0.target_group", "Young Muslims, 12-18"),
          "a target group defined by religion"),
    fires("LAP006", "$.network.partners[4].conditions",
          setting("network.partners.4.conditions", "Turkish and Moroccan associations must report worrying members."),
          "conditions put on civil society by origin"),
    fires("LAP006", "$.plan.vision", setting("plan.vision", "Marokkaanse jongeren zijn vatbaar voor ronselaars."),
          "Dutch: origin linked to risk in the vision", lang="nl"),
    fires("LAP006", "$.interventions[0].target_group",
          setting("interventions.0.target_group", "Islamitische jongeren van 12 tot 18 jaar"),
          "Dutch: a target group defined by religion", lang="nl"),
    fires("LAP006", "$.network.partners[4].conditions",
          setting("network.partners.4.conditions", "Islamitische organisaties moeten radicale leden melden."),
          "Dutch: conditions put on civil society by religion", lang="nl"),
    # Plain language
    fires("LAP007", "$.plan.vision", setting("plan.vision", HARD_EN), "a hard English vision"),
    fires("LAP007", "$.plan.vision", setting("plan.vision", HARD_NL), "a hard Dutch vision", lang="nl"),
    # Co-creation
    fires("LAP008", "$.plan.status", setting("plan.status", "adopted"), "adopted without any co-creation",
          cocreation=CoCreation()),
    fires("LAP008", "$.plan.status", setting("plan.status", "consultation"), "Dutch: nobody co-created yet",
          lang="nl", cocreation=CoCreation()),
    # Analysis
    fires("LAP010", "$.analysis.factors", removing("analysis.factors", lambda f: f["kind"] == "protective"),
          "only risk factors"),
    fires("LAP010", "$.analysis.factors", removing("analysis.factors", lambda f: f["kind"] == "risk"),
          "only protective factors"),
    fires("LAP011", "$.analysis.factors[0].sources", setting("analysis.factors.0.sources", []), "a factor without source"),
    fires("LAP012", "$.analysis.sources", all_of(setting("analysis.sources.1.kind", "frontline"),
                                                  setting("analysis.sources.2.kind", "frontline")),
          "frontline sources only"),
    fires("LAP013", "$.analysis.factors[0].urgency", setting("analysis.factors.0.urgency", None),
          "a risk without urgency"),
    fires("LAP014", "$.analysis.factors", setting("analysis.factors.2.timeframe", "present"), "nothing emerging"),
    fires("LAP015", "$.analysis.factors[0].description",
          setting("analysis.factors.0.description", "Many young Moroccans in North."), "a nationality as the risk"),
    fires("LAP015", "$.analysis.factors[0].title", setting("analysis.factors.0.title", "Muslim youth"),
          "a religion in a factor title"),
    fires("LAP015", "$.analysis.factors[0].description",
          setting("analysis.factors.0.description", "Veel Marokkaanse jongeren in Noord."), "a Dutch demonym",
          lang="nl"),
    fires("LAP016", "$.analysis.areas", without_areas, "no areas"),
    fires("LAP017", "$.analysis.sources", setting("analysis.sources.1.kind", "research"), "no civil-society source"),
    fires("LAP017", "$.analysis.sources", setting("analysis.sources.1.kind", "research"),
          "Dutch: no civil-society source", lang="nl"),
    # Strategy and goals
    fires("LAP020", "$.plan.vision", setting("plan.vision", "  "), "a blank vision"),
    fires("LAP021", "$.plan.protection_statement", setting("plan.protection_statement", ""), "no protection statement"),
    fires("LAP022", "$.plan.setting_fit", setting("plan.setting_fit", ""), "no regional fit"),
    fires("LAP023", "$.plan.extremism_scope", removing("plan.extremism_scope", lambda s: s["kind"] == "left_wing"),
          "a kind missing from the scope"),
    fires("LAP023", "$.plan.extremism_scope[3].reason", setting("plan.extremism_scope.3.reason", ""),
          "a kind left out without a reason"),
    fires("LAP024", "$.plan.extremism_scope", only_addressing("religiously_inspired"), "a scope of one kind"),
    fires("LAP024", "$.interventions",
          all_of(*(setting(f"interventions.{i}.extremism_kinds", ["religiously_inspired"]) for i in range(3))),
          "interventions all about one kind"),
    fires("LAP024", "$.analysis.factors", all_of(setting("analysis.factors.0.extremism_kinds", ["left_wing"]),
                                                  setting("analysis.factors.2.extremism_kinds", ["left_wing"])),
          "risks all about one kind"),
    fires("LAP025", "$.goals[0].prevention_level", setting("goals.0.prevention_level", None), "a goal without level"),
    fires("LAP026", "$.goals[1].parent", setting("goals.1.parent", None), "a sub-goal without parent"),
    fires("LAP026", "$.goals[2].kind", setting("goals.2.kind", "general"), "a general goal with a parent"),
    fires("LAP027", "$.goals[2]", setting("interventions.2.goals", ["g-support"]), "a goal nobody works on"),
    # Political support
    fires("LAP030", "$.political_support.owner_name", setting("political_support.owner_name", ""), "no owner"),
    fires("LAP031", "$.political_support.decisions", setting("political_support.decisions", []), "no decision"),
    fires("LAP031", "$.political_support.decisions", setting("political_support.decisions.0.outcome", "rejected"),
          "the only decision rejects the plan"),
    fires("LAP032", "$.political_support.budget_lines", setting("political_support.budget_lines", []), "no budget"),
    fires("LAP032", "$.political_support.budget_lines", setting("political_support.budget_lines.0.amount", "0"),
          "a budget of zero"),
    fires("LAP033", "$.political_support.budget_lines", setting("interventions.0.budget", "100000.00"),
          "interventions over budget"),
    fires("LAP033", "$.political_support.budget_lines",
          all_of(setting("interventions.0.budget", "100000.00"), appending("political_support.budget_lines", POUND_LINE)),
          "over the budget in the plan's currency, a line in pounds not counted"),
    fires("LAP033", "$.political_support.budget_lines", setting("political_support.budget_lines.0.currency", "GBP"),
          "every budget line in another currency than the plan's"),
    fires("LAP034", "$.political_support.budget_lines", setting("political_support.budget_lines.0.shared_with", []),
          "no shared funds"),
    fires("LAP035", "$.political_support.decisions[0].decided_on",
          setting("political_support.decisions.0.decided_on", None), "an undated decision"),
    # Definitions
    fires("LAP040", "$.definitions", removing("definitions", lambda d: d["key"] == "def-pol"), "no polarisation"),
    fires("LAP040", "$.definitions", removing("definitions", lambda d: d["key"] == "def-ve"), "no violent extremism"),
    fires("LAP041", "$.definitions", removing("definitions", lambda d: d["key"] == "def-rw"),
          "right-wing extremism addressed but not defined"),
    fires("LAP041", "$.definitions", setting("interventions.0.extremism_kinds", ["other"]),
          "an intervention mentions a kind left out of the scope"),
    fires("LAP042", "$.definitions[2].text", setting("definitions.2.text", ""), "a term without text"),
    fires("LAP043", "$.definitions[0].local_wording", setting("definitions.0.local_wording", ""),
          "radicalisation without local wording"),
    # Local network
    fires("LAP050", "$.network.organisations[5]", appending("network.organisations", OTHER_ORGANISATION),
          "an organisation without a person"),
    fires("LAP050", "$.network.partners[1].name", setting("network.partners.1.name", "Riverton College"),
          "a partner named after an organisation"),
    fires("LAP051", "$.network.partners", setting("network.organisations.2.sector", "other"), "no police"),
    fires("LAP051", "$.network.partners", partnership("education", "social_services"),
          "a partnership without the police"),
    fires("LAP051", "$.network.partners", setting("network.partners.5.status", "inactive"),
          "the only community partner has left"),
    fires("LAP052", "$.network.community_groups", all_of(setting("network.partners.5.network", "formal"),
                                                         setting("network.community_groups", [])),
          "no informal network"),
    fires("LAP053", "$.network.partners[5]",
          removing("network.ties", lambda t: "p-resident" in (t["source"], t["target"])), "an isolated partner"),
    fires("LAP054", "$.network.ties", setting("network.ties", []), "no ties"),
    fires("LAP055", "$.network.partners[1]",
          ties_between(("p-coord", "p-school"), ("p-school", "p-police"), ("p-police", "p-care"),
                       ("p-care", "p-ngo"), ("p-ngo", "p-resident")),
          "a chain of partners"),
    fires("LAP056", "$.network.ties",
          ties_between(("p-coord", "p-school"), ("p-school", "p-police"), ("p-police", "p-coord"),
                       ("p-care", "p-ngo"), ("p-ngo", "p-resident"), ("p-resident", "p-care")),
          "two groups that never meet"),
    # Cooperation
    fires("LAP060", "$.cooperation.coordinator", setting("cooperation.coordinator", None), "no coordinator"),
    fires("LAP060", "$.cooperation.coordinator", setting("network.partners.0.status", "inactive"),
          "an inactive coordinator"),
    fires("LAP061", "$.network.partners[1].accepts_coordinator", setting("network.partners.1.accepts_coordinator", False),
          "a partner who has not accepted the coordinator"),
    fires("LAP062", "$.plan.cooperation_process", setting("plan.cooperation_process", ""), "no process"),
    fires("LAP063", "$.goals", setting("goals.0.shared_by_all", False), "no shared goal"),
    fires("LAP064", "$.network.partners[1].mandate", setting("network.partners.1.mandate", ""), "no mandate"),
    fires("LAP065", "$.network.partners[1].doubts",
          all_of(*(setting(f"network.partners.1.{f}", "") for f in ("interests", "doubts", "conditions"))),
          "nothing on a partner's interests, doubts or conditions"),
    # Information sharing
    fires("LAP070", "$.sharing.agreement", setting("sharing.agreement", None), "no agreement"),
    fires("LAP071", "$.sharing.agreement.signatories",
          removing("sharing.agreement.signatories", lambda s: s["organisation"] == "o-care"),
          "a receiving organisation has not signed"),
    fires("LAP071", "$.sharing.agreement.signatories",
          all_of(setting("sharing.agreement.signed_on", None), setting("sharing.agreement.signatories.1.signed_on", None)),
          "a listed organisation has not signed yet"),
    fires("LAP072", "$.sharing.information_types[1]", removing("sharing.rules", lambda r: r["key"] == "r-contacts"),
          "an information type without a rule"),
    fires("LAP073", "$.sharing.rules[0].purposes", setting("sharing.rules.0.purposes", []), "a purpose in words only"),
    fires("LAP079", "$.sharing.rules[0].retention_amount", setting("sharing.rules.0.retention_amount", None),
          "no retention"),
    fires("LAP066", "$.sharing.agreement.state", setting("sharing.agreement.state", "draft"), "a draft agreement"),
    fires("LAP066", "$.sharing.agreement.state", setting("sharing.agreement.state", "ended"), "an ended agreement"),
    fires("LAP071", "$.sharing.agreement.signatories", all_of(setting("sharing.agreement.version", 2),
          *(setting(f"sharing.agreement.signatories.{i}.version", 2) for i in range(3))),
          "an organisation signed only the earlier version"),
    fires("LAP075", "$.sharing.evaluations", all_of(setting("sharing.agreement.evaluate_every_months", 6),
          removing("sharing.evaluations", lambda e: e["key"] == "e-2"),
          setting("sharing.agreement.in_force_from", days_ago(400)),
          setting("sharing.evaluations.0.done_on", days_ago(200))),
          "no evaluation within the agreement's cadence"),
    fires("LAP073", "$.sharing.rules[1].recipients", setting("sharing.rules.1.recipients", []), "no recipients"),
    fires("LAP074", "$.sharing.evaluations", removing("sharing.evaluations", lambda e: e["key"] == "e-2"),
          "no upcoming evaluation"),
    fires("LAP075", "$.sharing.evaluations[1].scheduled_for", setting("sharing.evaluations.1.scheduled_for", days_ago(1)),
          "an overdue evaluation"),
    fires("LAP076", "$.sharing.agreement.review_date", setting("sharing.agreement.review_date", days_ago(1)),
          "an agreement past its review date"),
    fires("LAP077", "$.sharing.information_types[0].legal_basis", setting("sharing.rules.0.legal_bases", []),
          "personal information without legal basis"),
    fires("LAP077", "$.sharing.information_types[1].legal_basis",
          setting("sharing.rules.1.legal_bases", ["art6_1e_public_task"]),
          "sensitive information without an article 9 condition or a national law"),
    fires("LAP077", "$.sharing.information_types[1].legal_basis", setting("sharing.rules.1.legal_reference", ""),
          "a national law that is not named"),
    fires("LAP078", "$.sharing.agreement.based_on", setting("sharing.agreement.based_on", ""), "a new agreement"),
    # Interventions
    fires("LAP080", "$.interventions[0].goals", setting("interventions.0.goals", []), "an intervention without goal"),
    fires("LAP081", "$.interventions", setting("interventions.2.prevention_level", "specific"),
          "no individual prevention"),
    fires("LAP081", "$.interventions", setting("interventions.2.status", "stopped"),
          "the only individual intervention stopped"),
    fires("LAP081", "$.interventions", setting("interventions.2.prevention_level", None),
          "the only individual intervention does not say its level"),
    fires("LAP082", "$.interventions[0].lead", setting("interventions.0.lead", None), "no lead"),
    fires("LAP083", "$.interventions", all_of(setting("interventions.1.lead", "p-school"),
                                              setting("interventions.2.lead", "p-school")),
          "every intervention led by the school"),
    fires("LAP083", "$.interventions", all_of(setting("interventions.0.lead", "p-care"),
                                              setting("interventions.1.lead", "p-care")),
          "Dutch: two of three led by mental health", lang="nl"),
    fires("LAP083", "$.interventions", all_of(setting("interventions.1.lead", None),
                                              setting("interventions.1.lead_organisation", "o-school"),
                                              setting("interventions.2.lead_organisation", "o-school")),
          "the school leads one without a named person and another through a partner of mental health"),
    fires("LAP084", "$.interventions", setting("interventions.2.extremism_kinds", ["right_wing"]),
          "individual support for right-wing extremism only"),
    fires("LAP084", "$.interventions", setting("interventions.0.extremism_kinds", ["left_wing"]),
          "Dutch: general prevention for left-wing extremism only", lang="nl"),
    # Monitoring
    fires("LAP085", "$.interventions[0].prevention_level", setting("interventions.0.prevention_level", None),
          "an intervention that does not say its level"),
    fires("LAP085", "$.interventions[2].prevention_level", setting("interventions.2.prevention_level", None),
          "Dutch: an intervention that does not say its level", lang="nl"),
    fires("LAP090", "$.goals[2]", setting("monitoring.2.goals", []), "a goal without indicator"),
    fires("LAP091", "$.monitoring[0].baseline", setting("monitoring.0.baseline", None), "no baseline"),
    fires("LAP091", "$.monitoring[1].target", setting("monitoring.1.target", None), "no target"),
    fires("LAP092", "$.goals[0]", setting("monitoring.0.name", "Number of referrals to the contact point"),
          "a goal measured by referrals"),
    fires("LAP092", "$.goals[2]", setting("monitoring.2.name", "Number of training sessions given"),
          "a goal measured by work done"),
    fires("LAP092", "$.goals[0]", setting("monitoring.0.name", "Aantal zorgmeldingen bij het meldpunt"),
          "Dutch: a goal measured by reports", lang="nl"),
    fires("LAP092", "$.goals[0]", setting("monitoring.0.kind", "activity"),
          "an indicator whose type says it counts the work done, whatever its name"),
    fires("LAP092", "$.goals[0]", all_of(setting("goals.0.title", "Fewer young people at risk"),
                                         setting("monitoring.0.name", "Referrals to the contact point"),
                                         setting("monitoring.0.kind", "outcome"), setting("monitoring.0.direction", "up")),
          "a goal of fewer people at risk measured by referrals that should go up, even typed as an outcome"),
]  # fmt: skip

SILENT = [
    silent("LAP001", with_analysis({"summary": "A first description of the situation."}),
           "an analysis with only a summary"),
    silent("LAP004", setting("plan.review_date", TODAY.isoformat()), "a review due today"),
    silent("LAP005", setting("plan.vision", "We protect the security of the data and school safety."),
           "neutral uses of security"),
    silent("LAP005", all_of(setting("definitions.1.text", "Terrorism and other violence."),
                            setting("definitions.1.audience", "internal")),
           "a definition for the coordination team only"),
    silent("LAP005", setting("definitions.0.text", "Radicalisation is a process towards violence."),
           "a definition that uses its own term"),
    silent("LAP005", setting("plan.vision", "We work with radicalised young people."), "an accepted term",
           allow_terms=["radicalisation"]),
    silent("LAP005", setting("plan.vision", "Wij werken aan veiligheid en armoedebestrijding."),
           "Dutch neutral words", lang="nl"),
    silent("LAP005", setting("plan.vision", "After the attack of February 2015 the town came together."),
           "a dated event is a fact"),
    silent("LAP005", setting("plan.vision", "Na de aanslag van februari 2015 kwam de stad samen."),
           "Dutch: a dated event is a fact", lang="nl"),
    silent("LAP006", setting("plan.vision", "Militant Islamist environments and right-wing extremist groups recruit "
                                            "online."), "ideologies are not groups of people"),
    silent("LAP006", setting("interventions.0.target_group", "Muslim women who face discrimination"),
           "support for people targeted by discrimination"),
    silent("LAP006", setting("plan.vision", "We work with the Turkish and Moroccan communities of Riverton."),
           "communities named as partners"),
    silent("LAP006", setting("plan.vision", "Anti-Muslim hatred is a risk in our town."), "hostility is behaviour"),
    silent("LAP006", setting("network.partners.2.conditions", "Moroccan youth must be reported."),
           "conditions of a partner outside civil society"),
    silent("LAP006", setting("plan.vision", "Militante islamistische milieus en rechts-extremistische groepen ronselen "
                                            "online."), "Dutch: ideologies are not groups of people", lang="nl"),
    silent("LAP006", setting("plan.vision", "Turkse nationalistische groepen zijn een risico."),
           "Dutch: an ideology named by its nationality", lang="nl"),
    silent("LAP006", setting("interventions.0.target_group", "Moslima's die discriminatie ervaren"),
           "Dutch: support for people facing discrimination", lang="nl"),
    silent("LAP007", setting("plan.vision", EASY_EN), "an easy English vision"),
    silent("LAP007", setting("plan.vision", HARD_EN[:120]), "a hard but short text"),
    silent("LAP007", setting("plan.vision", EASY_NL), "an easy Dutch vision", lang="nl"),
    silent("LAP008", setting("plan.status", "adopted"), "adopted with comments", cocreation=CoCreation(comments=3)),
    silent("LAP008", setting("plan.status", "adopted"), "nothing known about co-creation"),
    silent("LAP008", setting("plan.status", "consultation"), "Dutch: an endorsement", lang="nl",
           cocreation=CoCreation(endorsements=1)),
    silent("LAP012", setting("analysis.sources.2.kind", "research"), "two kinds of source"),
    silent("LAP017", setting("analysis.sources.2.kind", "research"), "civil society among the sources"),
    silent("LAP017", setting("analysis.sources.0.kind", "national_data"), "Dutch: civil society heard", lang="nl"),
    silent("LAP013", setting("analysis.factors.1.urgency", None), "a protective factor without urgency"),
    silent("LAP015", setting("analysis.factors.0.description", "Anti-Muslim graffiti near the station."),
           "hostility against a group is behaviour"),
    silent("LAP015", setting("analysis.factors.1.description", "The Moroccan parents' association is very active."),
           "a protective factor naming a community"),
    silent("LAP023", only_addressing("right_wing"), "kinds left out with a reason"),
    silent("LAP024", setting("interventions.0.extremism_kinds", ["right_wing"]), "one intervention about one kind"),
    silent("LAP026", setting("goals.0.parent", None), "a general goal without parent"),
    silent("LAP027", setting("interventions.0.goals", ["g-support"]), "a general goal served through its sub-goals"),
    silent("LAP033", all_of(setting("interventions.0.budget", "900000.00"), setting("interventions.0.status", "stopped")),
           "a stopped intervention's budget"),
    silent("LAP033", appending("political_support.budget_lines", POUND_LINE),
           "within the budget in the plan's currency, beside a line in pounds"),
    silent("LAP033", setting("plan.currency", "GBP"), "a plan in pounds: a line that names no currency is in pounds"),
    silent("LAP031", appending("political_support.decisions", REJECTION), "a rejection beside a decision that backs"),
    silent("LAP040", setting("definitions.2.term", "Polarisatie"), "a Dutch term"),
    silent("LAP041", setting("definitions.3.term", "Far-right extremism"), "another name for right-wing extremism"),
    silent("LAP043", all_of(setting("definitions.0.local_wording", ""), setting("definitions.0.audience", "internal")),
           "an internal definition"),
    silent("LAP051", setting("network.partners.1.status", "invited"), "an invited partner counts"),
    silent("LAP051", partnership("police", "social_services", "education"), "a partnership brings in the police"),
    silent("LAP053", setting("network.partners.5.status", "inactive"), "an inactive partner without ties"),
    silent("LAP055", ties_between(("p-coord", "p-school"), ("p-school", "p-police"), ("p-police", "p-care"),
                                  ("p-care", "p-ngo"), ("p-ngo", "p-resident"), ("p-resident", "p-coord")),
           "a ring of partners"),
    silent("LAP061", setting("network.partners.0.accepts_coordinator", False), "the coordinator need not accept"),
    silent("LAP061", all_of(setting("network.partners.1.accepts_coordinator", False),
                            setting("network.partners.1.status", "invited")), "an invited partner"),
    silent("LAP064", setting("network.partners.5.role", ""), "an informal partner without role"),
    silent("LAP071", setting("sharing.agreement.signatories.1.signed_on", None), "signed with the agreement's date"),
    silent("LAP075", setting("sharing.evaluations.0.scheduled_for", days_ago(400)), "a past evaluation that was held"),
    silent("LAP077", all_of(setting("sharing.rules.0.legal_bases", []),
                            setting("sharing.information_types.0.sensitivity", "internal")),
           "internal information without legal basis"),
    silent("LAP077", setting("sharing.information_types.0.legal_basis", ""), "the explanation in words left empty"),
    silent("LAP073", all_of(setting("sharing.rules.1.recipients", []), setting("sharing.rules.1.recipient_roles", ["case_lead"])),
           "recipients named by their role in a case"),
    silent("LAP066", all_of(setting("sharing.agreement.state", "draft"), setting("sharing.rules", []),
                            setting("sharing.information_types", [])),
           "a draft agreement with nothing to share yet"),
    silent("LAP075", all_of(setting("sharing.agreement.evaluate_every_months", 6),
                            removing("sharing.evaluations", lambda e: e["key"] == "e-2"),
                            setting("sharing.agreement.in_force_from", days_ago(400)),
                            setting("sharing.evaluations.0.done_on", days_ago(100))),
           "an evaluation held within the cadence"),
    silent("LAP083", all_of(setting("interventions.1.lead", "p-school"), setting("interventions.2.status", "stopped")),
           "Dutch: too few interventions under way to tell", lang="nl"),
    silent("LAP083", all_of(setting("interventions.1.lead", "p-school"), setting("interventions.2.lead", "p-school"),
                            setting("interventions.0.status", "completed"), setting("interventions.1.status", "stopped")),
           "work that is done or stopped does not count"),
    silent("LAP084", setting("interventions.2.extremism_kinds", ["right_wing", "left_wing", "religiously_inspired"]),
           "every kind addressed at every level"),
    silent("LAP084", all_of(only_addressing("right_wing"), setting("interventions.2.extremism_kinds", ["right_wing"])),
           "Dutch: a kind outside the scope", lang="nl"),
    silent("LAP082", all_of(setting("interventions.0.lead", None), setting("interventions.0.lead_organisation", "o-school")),
           "an organisation leads, without a named person"),
    silent("LAP083", all_of(setting("interventions.1.lead", "p-school"), setting("interventions.1.lead_organisation", "o-ngo")),
           "a school's partner leads for the foundation: the named lead organisation counts, not the partner's own"),
    silent("LAP084", all_of(setting("interventions.2.prevention_level", None),
                            setting("interventions.2.extremism_kinds", ["right_wing"])),
           "an intervention whose level is not stated counts for no level"),
    silent("LAP090", setting("monitoring.1.goals", []), "a goal measured through its intervention"),
    silent("LAP090", all_of(setting("monitoring.2.goals", []), setting("monitoring.0.goals", ["g-belong", "g-way-back"])),
           "one indicator measures two goals"),
    silent("LAP092", all_of(setting("goals.0.title", "Hate incidents are reported"),
                            setting("monitoring.0.name", "Number of hate incidents reported")),
           "a goal about reporting is measured by reports"),
    silent("LAP092", setting("monitoring.0.name", "Number of pupils who feel they belong"), "an outcome counted"),
    silent("LAP092", setting("monitoring.0.name", "Aantal leerlingen dat zich thuis voelt op school"),
           "Dutch: an outcome counted", lang="nl"),
    silent("LAP092", all_of(setting("monitoring.0.name", "Number of young people who completed the mentoring course"),
                            setting("monitoring.0.kind", "output")),
           "an indicator whose type says it counts what the work produced, though its name reads as work done"),
    silent("LAP092", all_of(setting("monitoring.0.name", "Referred young people whose situation improved"),
                            setting("monitoring.0.kind", "outcome"), setting("monitoring.0.direction", "up")),
           "an outcome for the people referred, higher is better"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "path", "change", "options"), FIRES)
def test_rule_fires_where_the_plan_breaks_it(code, path, change, options):
    findings = check(change, **options)

    assert (code, path) in {(f.code, f.path) for f in findings}


@pytest.mark.parametrize(("code", "change", "options"), SILENT)
def test_rule_stays_silent_where_the_plan_nearly_breaks_it(code, change, options):
    findings = check(change, **options)

    assert code not in {f.code for f in findings}


@pytest.mark.parametrize("code", [r.code for r in rules()])
def test_rule_stays_silent_on_the_complete_plan(code):
    assert code not in {f.code for f in check_plan(complete_plan(), today=TODAY)}


def test_complete_plan_has_no_findings():
    assert check_plan(complete_plan(), today=TODAY) == []


def test_every_rule_has_a_plan_that_makes_it_fire():
    fired = {p.values[0] for p in FIRES}

    assert fired == {r.code for r in rules()}


@pytest.mark.parametrize(
    ("change", "element"),
    [
        (with_analysis({}), Element.ANALYSIS),
        (setting("definitions", []), Element.DEFINITIONS),
        (without_interventions, Element.INTERVENTIONS),
    ],
)
def test_empty_element_finding_belongs_to_that_element(change, element):
    findings = [f for f in check(change) if f.code == "LAP001"]

    assert [f.element for f in findings] == [element]


def test_harsh_term_finding_belongs_to_the_element_of_the_text():
    findings = check(setting("interventions.0.description", "A course on terrorism."))

    assert [(f.element, f.subject) for f in findings if f.code == "LAP005"] == [(Element.INTERVENTIONS, "iv-lessons")]


def test_missing_core_sectors_are_listed_in_the_message():
    findings = check(all_of(setting("network.organisations.2.sector", "other"),
                            setting("network.organisations.3.sector", "other")))  # fmt: skip

    [finding] = [f for f in findings if f.code == "LAP051"]
    assert "Police" in finding.message and "Mental health and care" in finding.message


def test_a_plan_whose_only_decision_rejects_it_is_told_so():
    [finding] = [f for f in check(setting("political_support.decisions.0.outcome", "rejected")) if f.code == "LAP031"]

    assert finding.message == "Every decision recorded rejects the plan, so it has no political backing yet."


def test_the_budget_check_says_it_compares_in_the_plans_currency_and_leaves_other_currencies_out():
    over = all_of(
        setting("interventions.0.budget", "100000.00"), appending("political_support.budget_lines", POUND_LINE)
    )

    [finding] = [f for f in check(over) if f.code == "LAP033"]

    assert finding.message == (
        "The interventions need EUR 190,000.00 together, but the budget lines in EUR, the plan's currency, "
        "come to EUR 150,000.00."
    )
    assert finding.hint.startswith("Budget lines in other currencies (GBP) are not counted")


def test_without_other_currencies_the_budget_check_gives_its_usual_hint():
    [finding] = [f for f in check(setting("interventions.0.budget", "100000.00")) if f.code == "LAP033"]

    assert finding.hint.startswith("Adjust the intervention budgets")


def test_single_points_of_failure_are_the_partners_in_the_middle_of_a_chain():
    chain = ties_between(("p-coord", "p-school"), ("p-school", "p-police"), ("p-police", "p-care"),
                         ("p-care", "p-ngo"), ("p-ngo", "p-resident"))  # fmt: skip

    subjects = [f.subject for f in check(chain) if f.code == "LAP055"]

    assert subjects == ["p-school", "p-police", "p-care", "p-ngo"]
