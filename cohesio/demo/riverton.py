"""Riverton, a FICTIONAL municipality: a complete, realistic local action plan built from tables.

Every name, figure, place and person below is made up. Indicator values are synthetic and say so.
The document is deterministic: no randomness and no dependency on today's date.
"""

import math
from datetime import date
from decimal import Decimal

from cohesio.format.document import (
    Agreement,
    Analysis,
    AnalysisIndicator,
    Area,
    BudgetLine,
    CommunityGroup,
    Cooperation,
    Decision,
    Definition,
    ExtremismScope,
    Factor,
    Goal,
    InformationType,
    Intervention,
    Locality,
    Measurement,
    MonitoringIndicator,
    Network,
    Observation,
    Organisation,
    Partner,
    Plan,
    PlanDocument,
    PoliticalSupport,
    Sharing,
    SharingEvaluation,
    SharingRule,
    Signatory,
    Source,
    Tie,
)
from cohesio.format.vocabulary import (
    DefinitionAudience,
    ExtremismKind,
    FactorKind,
    GoalKind,
    InterventionStatus,
    LocalityKind,
    NetworkKind,
    PartnerStatus,
    PlanStatus,
    PolicyField,
    PreventionLevel,
    Sector,
    Sensitivity,
    SourceKind,
    TieKind,
    Timeframe,
    Urgency,
)

RIGHT = ExtremismKind.RIGHT_WING
LEFT = ExtremismKind.LEFT_WING
RELIGIOUS = ExtremismKind.RELIGIOUSLY_INSPIRED
OTHER = ExtremismKind.OTHER
ALL = (RIGHT, LEFT, RELIGIOUS, OTHER)

GENERAL = PreventionLevel.GENERAL
SPECIFIC = PreventionLevel.SPECIFIC
INDIVIDUAL = PreventionLevel.INDIVIDUAL

PAST, PRESENT, EMERGING = Timeframe.PAST, Timeframe.PRESENT, Timeframe.EMERGING
LOW, MEDIUM, HIGH = Urgency.LOW, Urgency.MEDIUM, Urgency.HIGH

PLANNED = InterventionStatus.PLANNED
RUNNING = InterventionStatus.RUNNING
COMPLETED = InterventionStatus.COMPLETED


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


# --- 2. Strategy and goals -------------------------------------------------------------------------------------------

VISION = """\
Riverton is a town where people of every background and belief should be able to live, learn and speak their minds \
safely. Most of the time our neighbourhoods handle their differences well: people know each other, schools and clubs \
bring young people together, and disagreements are settled by talking.

We also see things that worry us. Some young people spend their evenings in closed online spaces where hatred is \
normal and where older users try to draw them in. Parents notice that a child has changed but do not know where to \
turn. After local disputes, such as the redevelopment of Eastfield, and after events elsewhere in the world, \
distrust between groups of residents grows and misleading stories spread quickly.

Prevention matters in Riverton because the earlier we notice and respond, the more a caring conversation can do. A \
teacher who takes a pupil's anger seriously, a coach who knows who to call, a parent who keeps talking: these are \
what keep young people from drifting towards violence, whichever ideology is pulling at them. This plan describes \
how the municipality, schools, youth work, care services, police, probation, community groups and residents will \
work together so that nobody in Riverton is left alone on that path, and so that our neighbourhoods stay places \
where people can disagree and still live well together.
"""

PROTECTION_STATEMENT = """\
- **Young people** are protected against being drawn in by extremist groups and people, online (chat groups, \
games, social media) and offline.
- **Neighbourhoods** are protected against polarisation. We do not want groups of residents to turn against each \
other, or conspiracy stories to spread.
- **People singled out for who they are** are protected against hate, harassment and intimidation. They get support \
when it happens.
- **Families** are not left alone when a relative becomes involved in violent extremism.
- **People who want to leave an extremist group**, also after prison, are protected against being alone and \
against being pulled back by their old friends.
- **Professionals, officials and journalists** are protected against online harassment that aims to silence them.
"""

SETTING_FIT = """\
The plan follows the national strategy against violent extremism and polarisation, and the safety plan of the River \
District region. It builds on what Riverton already has. In the Care and Safety Hub partners already talk about \
complex cases. Schools, youth care and the town already share information on truancy; that agreement was the model \
for ours. The plan also ties in with the youth policy 2025-2028, the work programme and the anti-discrimination \
programme. Help that a town of our size cannot offer itself, such as exit support or advice on online groups, comes \
from the region and from national services.
"""

COOPERATION_PROCESS = """\
The prevention coordinator at the municipality chairs a **core group** (municipality, schools, police, youth work, \
social services, mental health, probation and a community representative) that meets every six weeks to follow \
the plan, the analysis and the interventions.

Worries about individuals come in through the contact point, schools' early support teams or any partner. When \
more than one partner is needed, the case manager of the Care and Safety Hub organises a **case consultation** \
(every two weeks, or within 48 hours when urgent). Only the partners involved with the person take part, and only \
information allowed by the sharing agreement is exchanged. Each case gets one plan and one responsible \
professional.

The **whole network**, including informal partners and community groups, meets twice a year to share what they \
see and to adjust the plan. The coordinator reports to the mayor every quarter and to the council once a year. \
Every partner names one contact person and a deputy.
"""

# (key, parent, prevention level, shared by all partners, title, description); kinds are all four unless listed.
GOALS = [
    ("goal-online", None, GENERAL, True,
     "Young people in Riverton can recognise and resist online recruitment",
     "Young people know how online groups and algorithms try to draw them in, can question what they see, and know "
     "where to go when something online worries them."),
    ("goal-online-module", "goal-online", GENERAL, True,
     "Every secondary pupil completes an online-literacy module",
     "By the summer of 2029, every pupil in the first two years of secondary school has followed the Scroll Smart "
     "module."),
    ("goal-online-parents", "goal-online", GENERAL, True,
     "Parents understand the online spaces their children use",
     "Parents and carers know the apps and games their children use and feel able to talk about them at home."),
    ("goal-cohesion", None, GENERAL, True,
     "Riverton's neighbourhoods stay connected across differences",
     "Residents meet people who are different from them, feel at home in their street and can disagree without "
     "hostility."),
    ("goal-meeting-places", "goal-cohesion", GENERAL, True,
     "Each neighbourhood has a trusted place to meet and talk",
     "All six neighbourhoods have a low-threshold meeting place that is open several days a week."),
    ("goal-tensions", "goal-cohesion", GENERAL, True,
     "Tensions after local or world events are noticed and calmed quickly",
     "Partners and key residents notice rising tension early and organise a calm response within days."),
    ("goal-democracy", None, GENERAL, True,
     "Every pupil learns to think critically and take part in democratic life",
     "Schools are places where pupils practise debate, learn how decisions are made and experience that their voice "
     "counts."),
    ("goal-teachers", "goal-democracy", GENERAL, True,
     "Teachers feel confident discussing sensitive topics in class",
     "Teachers can lead a calm class conversation after a shocking event and know where to get advice."),
    ("goal-families", None, SPECIFIC, True,
     "Families and carers know where to turn when they are worried",
     "Anyone worried about a young person's new ideas, friends or online life can easily find advice and support."),
    ("goal-contact-point", "goal-families", SPECIFIC, True,
     "Worried people get an answer from the contact point within five working days",
     "The contact point is widely known and answers every question quickly and personally."),
    ("goal-early-support", None, SPECIFIC, True,
     "Young people drifting towards violent extremism get early, caring support",
     "When partners notice that a young person is drifting towards extremist ideas or groups, support starts early "
     "and builds on what is going well in their life."),
    ("goal-mentors", "goal-early-support", SPECIFIC, True,
     "Every young person referred has a mentor within four weeks",
     "Nobody waits long for a trusted adult to talk to."),
    ("goal-frontline-skills", "goal-early-support", SPECIFIC, True,
     "Frontline staff recognise early signs and know how to respond",
     "Teachers, youth workers, social workers, housing officers and community police can tell worrying behaviour "
     "from ordinary teenage provocation and know who to ask for advice."),
    ("goal-exit", None, INDIVIDUAL, True,
     "People involved in extremist groups find a way out and back into society",
     "People who are part of an extremist group or scene are offered a real alternative: support to leave, and a "
     "place in Riverton afterwards."),
    ("goal-reintegration", "goal-exit", INDIVIDUAL, False,
     "Everyone released after an extremism-related sentence has a reintegration plan",
     "Housing, income, work or training, care and a steady contact person are arranged before the day of release."),
    ("goal-exit-all-kinds", "goal-exit", INDIVIDUAL, False,
     "Exit support is available for every kind of extremism",
     "Whatever group or ideology someone wants to leave, there is a counsellor who can help."),
    ("goal-cooperation", None, SPECIFIC, True,
     "Partners work together and share information safely and on time",
     "Partners know each other, agree on who does what, and share only what is needed, lawfully and on time."),
    ("goal-sharing-review", "goal-cooperation", SPECIFIC, True,
     "Information sharing is reviewed and improved at least twice a year",
     "The signatories of the sharing agreement check together whether the right information arrived on time and "
     "was handled as agreed."),
    ("goal-hate", None, GENERAL, True,
     "Hate incidents are reported, taken seriously and followed up",
     "Residents who experience or witness hate incidents, online or offline, report them and see that something "
     "happens."),
    ("goal-hate-support", "goal-hate", GENERAL, False,
     "People affected by hate incidents are offered support within two working days",
     "Everyone who reports a hate incident is contacted quickly and offered practical and emotional support."),
]  # fmt: skip


def _goals() -> list[Goal]:
    return [
        Goal(
            key=key,
            title=title,
            description=description,
            kind=GoalKind.SUB_GOAL if parent else GoalKind.GENERAL,
            parent=parent,
            prevention_level=level,
            extremism_kinds=list(ALL),
            shared_by_all=shared,
        )
        for key, parent, level, shared, title, description in GOALS
    ]


# --- 3. Political support --------------------------------------------------------------------------------------------

DECISIONS = [
    ("dec-budget", "Council approves the prevention and cohesion budget 2026-2029", "2025-11-13",
     "Council budget resolution RC-2025/102",
     "The council reserves municipal funds for four years and asks the mayor to apply for the national prevention "
     "grant and to combine funds with the youth, work and anti-discrimination programmes."),
    ("dec-plan", "Council adopts the local action plan 'Riverton together' 2026-2029", "2025-12-11",
     "Council decision RC-2025/118",
     "The council adopts the plan, names the mayor as its political owner and asks for a yearly progress report "
     "and a mid-term review by 30 June 2027."),
    ("dec-coordinator", "Mayor and aldermen appoint the prevention coordinator and confirm the case consultation",
     "2026-01-13", "Executive decision EX-2026/004",
     "The prevention coordinator is appointed for the plan period; the Care and Safety Hub hosts the multi-agency "
     "case consultation; the coordinator signs the information-sharing agreement on behalf of the municipality."),
]  # fmt: skip

# (key, name, amount, funding source, shared with policy fields)
BUDGET_LINES = [
    ("budget-municipal", "Municipal prevention and cohesion budget 2026-2029", "880000.00",
     "Municipality of Riverton, general fund", []),
    ("budget-national", "National grant for local prevention 2026-2029", "520000.00",
     "National prevention grant scheme", []),
    ("budget-youth", "Youth policy co-funding 2026-2029", "300000.00",
     "Youth policy programme 2025-2028 and its successor", [PolicyField.YOUTH, PolicyField.EDUCATION]),
    ("budget-work", "Work and participation co-funding 2026-2029", "150000.00",
     "Work and participation programme", [PolicyField.EMPLOYMENT, PolicyField.INTEGRATION]),
    ("budget-hate", "Anti-discrimination and hate speech programme 2026-2029", "110000.00",
     "Anti-discrimination programme", [PolicyField.HATE_SPEECH]),
    ("budget-care", "Mental health and care co-funding 2026-2029", "90000.00",
     "Social support and care budget", [PolicyField.HEALTH]),
    ("budget-analysis", "Reserve for analysis, mapping and evaluation 2026-2029", "40000.00",
     "Municipality of Riverton, general fund", []),
]  # fmt: skip


def _political_support() -> PoliticalSupport:
    return PoliticalSupport(
        owner_name="Helena Marsh",
        owner_office="Mayor of Riverton",
        decisions=[
            Decision(key=key, title=title, decided_on=_day(on), reference=ref, summary=summary)
            for key, title, on, ref, summary in DECISIONS
        ],
        budget_lines=[
            BudgetLine(key=key, name=name, amount=Decimal(amount), funding_source=source, shared_with=shared)
            for key, name, amount, source, shared in BUDGET_LINES
        ],
    )


# --- 4. Definitions --------------------------------------------------------------------------------------------------

PARTNERS_, PUBLIC_, INTERNAL_ = DefinitionAudience.PARTNERS, DefinitionAudience.PUBLIC, DefinitionAudience.INTERNAL

# (key, term, local wording, audience, text)
DEFINITIONS = [
    ("def-radicalisation", "Radicalisation", "a safeguarding concern", PARTNERS_,
     "A process in which a person step by step comes to accept, support or be willing to use violence or other "
     "undemocratic means to change society or to harm people they see as 'the other'. It usually happens in contact "
     "with others, online or offline, and it can stop or turn around at any stage. In Riverton we speak of a "
     "safeguarding concern when we notice such a process, because our first response is support."),
    ("def-violent-extremism", "Violent extremism", "violence in the name of an ideology", PUBLIC_,
     "Using, supporting or calling for violence, intimidation or serious harm to push an ideology or political aim, "
     "whatever that ideology is. Holding strong, unusual or radical opinions is not extremism. The line is crossed "
     "when people are willing to hurt others or to take away their rights."),
    ("def-polarisation", "Polarisation", "social cohesion under pressure", PUBLIC_,
     "The hardening of relations between groups into 'us versus them', until people stop listening to each other "
     "and see the other side as a danger. Disagreement is healthy and part of democracy; polarisation makes "
     "conversation impossible and can push people on all sides towards extremist ideas."),
    ("def-right-wing", "Right-wing extremism", "hostility towards people seen as outsiders", PARTNERS_,
     "Ideas and movements that see people as unequal because of where they come from, how they look, who they love "
     "or other characteristics, reject equal rights, and accept violence to create or defend a society for their "
     "'own' group only. In Riverton we mostly meet it online, in memes, symbols and closed chat groups."),
    ("def-left-wing", "Left-wing extremism", "activism that crosses into violence", PARTNERS_,
     "Ideas and groups that want to bring down our democracy in the name of equality, or against capitalism or "
     "fascism, and that accept violence or intimidation against people or property to get there. Peaceful protest, "
     "also when it breaks rules without violence, is part of democracy. It is not extremism."),
    ("def-religious", "Religiously inspired extremism", "an ideology that uses belief to justify harm", PARTNERS_,
     "Ideas and movements that use a narrow, absolute reading of a religion to divide the world into the pure and "
     "the impure and to justify violence against people who believe or live differently, including people of the "
     "same faith. Practising a religion, also in a strict way, is not extremism."),
    ("def-other-kinds", "Single-issue and conspiracy-driven extremism", "conspiracy-driven hostility", PARTNERS_,
     "Violent extremism built around one cause (for example animals, climate, abortion or vaccination), around "
     "stories of secret elites controlling the world, or around separatist aims. What these have in common is that "
     "people come to see harming those they blame as justified."),
    ("def-safeguarding", "Safeguarding", "safeguarding", INTERNAL_,
     "Protecting a person's wellbeing, safety and rights by noticing worries early, talking with the person and "
     "those close to them, and offering the right support. In this plan it is the word we use with partners for "
     "the whole approach to preventing radicalisation."),
    ("def-cohesion", "Social cohesion", "living well together", PUBLIC_,
     "The extent to which residents feel connected, trust each other and their institutions, and feel they belong "
     "in Riverton. Strong cohesion makes a town more resilient against polarisation and extremism."),
]  # fmt: skip


def _definitions() -> list[Definition]:
    return [
        Definition(key=key, term=term, local_wording=wording, audience=audience, text=text)
        for key, term, wording, audience, text in DEFINITIONS
    ]


# --- 1. Analysis -----------------------------------------------------------------------------------------------------

# A made-up town: three columns and two rows of neighbourhoods around lon 5.10, lat 52.05.
_LONS = (5.070, 5.094, 5.117, 5.140)
_LATS = (52.034, 52.051, 52.068)

# (key, name, column, row)
AREAS = [
    ("area-willow-park", "Willow Park", 0, 0),
    ("area-station-quarter", "Station Quarter", 1, 0),
    ("area-eastfield", "Eastfield", 2, 0),
    ("area-old-harbour", "Old Harbour", 0, 1),
    ("area-northgate", "Northgate", 1, 1),
    ("area-millbrook", "Millbrook", 2, 1),
]
AREA_KEYS = [a[0] for a in AREAS]


def _corner(col: int, row: int) -> tuple[float, float]:
    """A grid corner, nudged by a fixed amount so the streets do not look ruled."""
    return (
        _LONS[col] + 0.003 * math.sin(col * 3.1 + row * 1.7),
        _LATS[row] + 0.002 * math.cos(col * 2.3 + row * 0.9),
    )


def _bend(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The middle of an edge, pushed sideways; both neighbours compute the same point, so borders stay shared."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    shift = 0.0015 * math.sin(mx * 997 + my * 991)
    return mx + shift, my - shift * 0.6


def _neighbourhood(col: int, row: int) -> dict:
    """A GeoJSON Polygon: one closed, counter-clockwise ring."""
    corners = [_corner(col, row), _corner(col + 1, row), _corner(col + 1, row + 1), _corner(col, row + 1)]
    ring = []
    for i, corner in enumerate(corners):
        ring += [corner, _bend(corner, corners[(i + 1) % 4])]
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}


CIVIL, FRONTLINE, NATIONAL, RESEARCH = (
    SourceKind.CIVIL_SOCIETY,
    SourceKind.FRONTLINE,
    SourceKind.NATIONAL_DATA,
    SourceKind.RESEARCH,
)

# (key, name, kind, collected on, description)
SOURCES = [
    ("src-round-tables", "Neighbourhood round tables 2025", CIVIL, "2025-10-31",
     "Six evening meetings, one in each neighbourhood, with residents, associations and community groups. Notes "
     "taken by the community development team and checked with participants."),
    ("src-equality-report", "Riverton Equality Office annual report 2025", CIVIL, "2025-12-31",
     "Anonymised reports of hate incidents and discrimination received by the equality office, by neighbourhood."),
    ("src-frontline-survey", "Frontline staff survey 2025", FRONTLINE, "2025-09-30",
     "An online survey answered by 212 teachers, youth workers, social workers, housing officers and community "
     "police officers about what they notice and what they need."),
    ("src-youth-work-logs", "Youth workers' street and online observations", FRONTLINE, "2025-12-15",
     "Anonymous monthly summaries by street and online youth workers of group behaviour and topics of conversation."),
    ("src-national-safety", "National safety monitor, River District figures", NATIONAL, "2025-06-30",
     "Regional and town-level figures from the national safety monitor, including trust in neighbours and feelings "
     "of safety."),
    ("src-national-youth", "National youth health and wellbeing survey, Riverton sample", NATIONAL, "2025-04-30",
     "The town-level results of the national survey of pupils aged 12-18, including school absence and online "
     "behaviour."),
    ("src-online-study", "Riverton University of Applied Sciences: local online polarisation study", RESEARCH,
     "2025-11-15",
     "A study of public posts in local social-media groups between 2022 and 2025, looking at tone, conspiracy "
     "stories and us-versus-them language."),
    ("src-literature-review", "Review of research on protective factors for young people", RESEARCH, "2025-08-01",
     "A short review, commissioned by the municipality, of what research says about what keeps young people "
     "resilient against extremist groups."),
]  # fmt: skip

RISK, PROTECTIVE = FactorKind.RISK, FactorKind.PROTECTIVE

# (key, kind, title, description, extremism kinds, areas (None = all), sources, timeframe, urgency)
FACTORS = [
    ("f-closed-groups", RISK, "Long evenings in closed online groups that share hateful content",
     "Youth workers and teachers see young people aged 13-17 spending many hours in closed chat and gaming groups "
     "where hateful jokes, memes and videos about other groups are shared and rewarded with attention.",
     (RIGHT, RELIGIOUS, OTHER), None, ("src-youth-work-logs", "src-frontline-survey", "src-online-study"),
     PRESENT, HIGH),
    ("f-online-contact", RISK, "Unknown adults inviting young people into private online spaces",
     "Several pupils told teachers that older, unknown users invited them into private servers where extremist "
     "material was shared step by step, first as jokes and later as a cause to join.",
     (RIGHT, RELIGIOUS, OTHER), ("area-station-quarter", "area-eastfield", "area-northgate"),
     ("src-youth-work-logs", "src-frontline-survey"), EMERGING, HIGH),
    ("f-conspiracy-stories", RISK, "Conspiracy stories spreading in local social-media groups",
     "Posts claiming secret plots behind local decisions, such as the housing plans, get many shares in "
     "neighbourhood groups. A few call on readers to confront named officials at home.",
     (OTHER, RIGHT, LEFT), ("area-millbrook", "area-northgate", "area-willow-park"),
     ("src-online-study", "src-round-tables"), EMERGING, MEDIUM),
    ("f-school-absence", RISK, "Long-term school absence and early school leaving",
     "Young people who are often absent lose daily contact with teachers and classmates and are more easily drawn "
     "into groups that offer belonging and a sense of purpose.",
     ALL, ("area-eastfield", "area-station-quarter"), ("src-national-youth", "src-frontline-survey"),
     PRESENT, HIGH),
    ("f-no-daily-rhythm", RISK, "Young adults without work, training or a daily rhythm",
     "Young adults who have left school without a diploma and have no work spend much of their time online or on "
     "the street and say they feel nobody needs them.",
     ALL, ("area-eastfield", "area-station-quarter", "area-old-harbour"), ("src-national-safety", "src-round-tables"),
     PRESENT, MEDIUM),
    ("f-hate-stickers", RISK, "Stickers and graffiti with extremist symbols near schools",
     "Reports of stickers and graffiti with extremist symbols near two schools and the station peaked in 2024. "
     "Since the housing association and the municipality remove them within a day, reports have dropped.",
     (RIGHT,), ("area-station-quarter", "area-northgate"), ("src-equality-report", "src-frontline-survey"),
     PAST, MEDIUM),
    ("f-demonstration-clashes", RISK, "Provocation and damage at demonstrations",
     "At two demonstrations in 2024, small groups from opposite sides provoked each other and damaged property. "
     "Footage was later shared online to draw in young people.",
     (LEFT, RIGHT), ("area-old-harbour",), ("src-national-safety", "src-youth-work-logs"), PAST, MEDIUM),
    ("f-distrust-redevelopment", RISK, "Distrust of local institutions after the Eastfield redevelopment",
     "Residents who had to move during the redevelopment felt unheard. At the round tables some said 'nobody "
     "listens anyway', a feeling that others use to turn anger against institutions and neighbours.",
     ALL, ("area-eastfield",), ("src-round-tables", "src-online-study"), PRESENT, MEDIUM),
    ("f-us-them-talk", RISK, "Us-versus-them talk in classrooms after news events",
     "Teachers hear more pupils describe whole groups of people as dangerous or worthless, and some pupils refuse "
     "to work in mixed groups for days after a news event.",
     ALL, ("area-northgate", "area-eastfield", "area-willow-park"), ("src-frontline-survey", "src-national-youth"),
     PRESENT, MEDIUM),
    ("f-harassment-officials", RISK, "Online harassment of local officials, teachers and journalists",
     "Council members, two teachers and a local journalist received waves of abusive messages after public "
     "debates; some stopped speaking in public.",
     (OTHER, RIGHT, LEFT), None, ("src-equality-report", "src-national-safety"), EMERGING, MEDIUM),
    ("f-release", RISK, "People returning after sentences for extremism-related offences",
     "In the coming years a small number of people will return to Riverton after prison. Without housing, work "
     "and a steady contact, their old network may be the only support they have.",
     ALL, ("area-station-quarter", "area-millbrook"), ("src-national-safety", "src-frontline-survey"),
     EMERGING, HIGH),
    ("f-vandalism-community-buildings", RISK, "Vandalism and hostile messages at community buildings",
     "In 2023 windows were broken and hostile messages left at two community centres. Both centres stayed open and "
     "there have been no new cases since.",
     ALL, ("area-millbrook", "area-old-harbour"), ("src-equality-report",), PAST, LOW),
    ("f-residents-associations", PROTECTIVE, "Active residents' associations and volunteers",
     "Old Harbour and Willow Park have lively residents' associations that organise events, welcome newcomers and "
     "act quickly when neighbours fall out.",
     ALL, ("area-old-harbour", "area-willow-park"), ("src-round-tables",), PRESENT, LOW),
    ("f-trusted-adults", PROTECTIVE, "Trusted youth workers and sports coaches",
     "Young people in Eastfield and Station Quarter name their youth worker or coach as the adult they would turn "
     "to with a problem, more often than a teacher or parent.",
     ALL, ("area-eastfield", "area-station-quarter", "area-willow-park"),
     ("src-youth-work-logs", "src-literature-review"), PRESENT, MEDIUM),
    ("f-pupil-voice", PROTECTIVE, "Schools with pupil councils and a strong citizenship programme",
     "Where pupils have a real say in school decisions, they report more trust in democracy and less "
     "us-versus-them talk.",
     ALL, ("area-northgate", "area-old-harbour"), ("src-frontline-survey", "src-literature-review"), PRESENT, LOW),
    ("f-parent-networks", PROTECTIVE, "Parents' networks and neighbourhood mothers",
     "Parents who meet regularly share worries early and help each other keep talking with their teenagers.",
     ALL, ("area-eastfield", "area-millbrook"), ("src-round-tables", "src-literature-review"), PRESENT, MEDIUM),
    ("f-community-police", PROTECTIVE, "Good contact between community police officers and residents",
     "Community police officers who have worked in the same neighbourhoods for years are known by name and hear "
     "about tensions early.",
     ALL, ("area-old-harbour", "area-eastfield", "area-station-quarter"), ("src-national-safety", "src-round-tables"),
     PRESENT, LOW),
    ("f-peace-walk", PROTECTIVE, "Residents responded together after the 2024 demonstrations",
     "After the demonstrations of 2024, residents and associations organised a neighbourhood walk and clean-up "
     "that brought together people from all sides.",
     (LEFT, RIGHT), ("area-old-harbour",), ("src-round-tables", "src-national-safety"), PAST, LOW),
    ("f-employers-network", PROTECTIVE, "A new employers' network offering traineeships",
     "Twenty local employers have agreed to offer traineeships to young adults who need a second chance.",
     ALL, None, ("src-round-tables",), EMERGING, MEDIUM),
    ("f-library-media-literacy", PROTECTIVE, "The library as a trusted place for media literacy",
     "The library is visited by residents of every background and already runs popular courses on checking "
     "information online.",
     ALL, ("area-station-quarter", "area-northgate"), ("src-online-study", "src-literature-review"), PRESENT, LOW),
]  # fmt: skip

PERIODS = [f"{year}-Q{quarter}" for year in (2024, 2025, 2026) for quarter in (1, 2, 3, 4)][:10]  # 2024-Q1..2026-Q2

# (key, name, unit, source, base value per area in AREAS order, change per quarter, seasonal swing)
ANALYSIS_INDICATORS = [
    ("ai-hate-incidents", "Reported hate incidents per 10,000 residents (synthetic demo figures)",
     "reports per 10,000 residents (synthetic)", "src-equality-report", (1.9, 5.4, 4.8, 3.2, 2.6, 2.1), 0.08, 0.4),
    ("ai-school-absence", "Pupils with long-term school absence per 1,000 pupils (synthetic demo figures)",
     "pupils per 1,000 (synthetic)", "src-national-youth", (8.5, 17.0, 21.5, 11.0, 12.5, 14.0), -0.35, 1.2),
    ("ai-neighbour-trust", "Residents who trust their neighbours (synthetic demo figures)",
     "% of residents (synthetic)", "src-national-safety", (71.0, 55.0, 49.0, 68.0, 62.0, 58.0), 0.3, 1.5),
]  # fmt: skip


def _observations(base: tuple[float, ...], change: float, swing: float) -> list[Observation]:
    return [
        Observation(area=area, period=period, value=round(base[a] + change * q + swing * math.sin(q * 1.7 + a), 1))
        for a, area in enumerate(AREA_KEYS)
        for q, period in enumerate(PERIODS)
    ]


ANALYSIS_SUMMARY = """\
Riverton (about 64,000 inhabitants, fictional) is on the whole a calm town with strong neighbourhood life. The \
analysis combines what residents told us at the round tables, what frontline staff notice, national and regional \
figures and local research. The main concerns today are online: young people spending long hours in closed groups \
where hateful content is normal, and unknown adults using gaming and chat platforms to draw them in. Conspiracy \
stories about local decisions are a growing concern. School absence and young adults without work are the main \
social risks, concentrated in Eastfield and Station Quarter. Riverton's strengths are its active residents, trusted \
youth workers and coaches, community police officers who know their neighbourhoods, and schools that give pupils a \
real say. Signs of all four kinds of extremism are present, none dominant; risk is read from behaviour, never from \
who people are. The indicator figures in this demo are synthetic.
"""


def _analysis() -> Analysis:
    return Analysis(
        summary=ANALYSIS_SUMMARY,
        areas=[Area(key=key, name=name, geometry=_neighbourhood(col, row)) for key, name, col, row in AREAS],
        sources=[
            Source(key=key, name=name, kind=kind, collected_on=_day(on), description=description)
            for key, name, kind, on, description in SOURCES
        ],
        factors=[
            Factor(
                key=key,
                kind=kind,
                title=title,
                description=description,
                extremism_kinds=list(kinds),
                areas=list(areas or AREA_KEYS),
                sources=list(sources),
                timeframe=timeframe,
                urgency=urgency,
            )
            for key, kind, title, description, kinds, areas, sources, timeframe, urgency in FACTORS
        ],
        indicators=[
            AnalysisIndicator(
                key=key,
                name=name,
                unit=unit,
                synthetic=True,
                source=source,
                observations=_observations(base, change, swing),
            )
            for key, name, unit, source, base, change, swing in ANALYSIS_INDICATORS
        ],
    )


# --- 5. Local network ------------------------------------------------------------------------------------------------

S = Sector

# (key, name, sector, mandate: what allows this organisation to take part)
ORGANISATIONS = [
    ("org-municipality", "Municipality of Riverton", S.LOCAL_GOVERNMENT,
     "The municipality is responsible for public order, local safety, youth policy and social support, and owns "
     "this plan by council decision RC-2025/118."),
    ("org-hub", "Riverton Care and Safety Hub", S.LOCAL_GOVERNMENT,
     "The hub is the municipal venue for multi-agency case consultation, set up under the regional covenant on "
     "care and safety."),
    ("org-work-desk", "Riverton Work and Income Desk", S.LOCAL_GOVERNMENT,
     "The desk carries out the municipality's duties on income support and getting people into work."),
    ("org-riverside-college", "Riverside College", S.EDUCATION,
     "Schools have a duty of care for their pupils' safety and wellbeing and a legal task to teach citizenship."),
    ("org-northgate-school", "Northgate Secondary School", S.EDUCATION,
     "Schools have a duty of care for their pupils' safety and wellbeing and a legal task to teach citizenship."),
    ("org-eastfield-academy", "Eastfield Academy", S.EDUCATION,
     "Schools have a duty of care for their pupils' safety and wellbeing and a legal task to teach citizenship."),
    ("org-vocational-college", "Riverton Vocational College", S.EDUCATION,
     "The college has a duty of care for its students, including those over 18, and a task to prepare them for "
     "work and citizenship."),
    ("org-willow-primary", "Willow Park Primary School", S.EDUCATION,
     "Primary schools have a duty of care for children's wellbeing and teach social skills and citizenship."),
    ("org-police", "River District Police, Riverton community team", S.POLICE,
     "The police keep public order, help people in need and prevent offences; community officers work closely "
     "with residents and partners."),
    ("org-mental-health", "Riverton Mental Health Service", S.MENTAL_HEALTH,
     "The service provides mental-health care under medical confidentiality; it shares information only with "
     "consent or where the law allows it."),
    ("org-riverbend", "Riverbend Youth and Family Mental Health Centre", S.MENTAL_HEALTH,
     "The centre provides youth and family mental-health care under medical confidentiality."),
    ("org-social-teams", "Riverton Social Neighbourhood Teams", S.SOCIAL_SERVICES,
     "The teams carry out the municipality's duty to offer social support to residents and households."),
    ("org-youth-care", "River District Youth Care Service", S.SOCIAL_SERVICES,
     "Youth care has a statutory task to protect children and support families when a child's development is "
     "at risk."),
    ("org-family-support", "Family Support Riverton", S.SOCIAL_SERVICES,
     "Commissioned by the municipality to offer parenting support to every family that asks for it."),
    ("org-youth-work", "Riverton Youth Work Foundation", S.YOUTH_WORK,
     "Commissioned by the municipality to run street, online and centre-based youth work."),
    ("org-sport-play", "Riverton Sport and Play", S.YOUTH_WORK,
     "Commissioned by the municipality to get children and young people into sport and play."),
    ("org-equality", "Riverton Equality Office", S.CIVIL_SOCIETY,
     "An independent foundation with the legal task of receiving and following up reports of discrimination."),
    ("org-parents-together", "Parents Together Riverton", S.CIVIL_SOCIETY,
     "A parents' association that speaks for parents and organises peer support."),
    ("org-volunteer-centre", "Riverton Volunteer Centre", S.CIVIL_SOCIETY,
     "A foundation that recruits, trains and supports volunteers for organisations in Riverton."),
    ("org-dialogue-forum", "Riverton Dialogue Forum", S.CIVIL_SOCIETY,
     "An independent association that organises moderated conversations between residents and groups."),
    ("org-pathways", "Pathways Exit Support", S.CIVIL_SOCIETY,
     "A national non-profit organisation funded to offer voluntary exit support for every kind of extremism."),
    ("org-old-harbour-association", "Old Harbour Residents' Association", S.COMMUNITY,
     "The residents' association represents Old Harbour residents towards the municipality and the housing "
     "association."),
    ("org-millbrook-centre", "Millbrook Community Centre", S.COMMUNITY,
     "A community centre run by residents with municipal support, open to every resident."),
    ("org-eastfield-house", "Eastfield Neighbourhood House", S.COMMUNITY,
     "A neighbourhood house run by residents with municipal support, open to every resident."),
    ("org-probation", "Probation Service, Riverton office", S.PROBATION,
     "The probation service supervises people with conditional sentences or conditional release and helps them "
     "return to society."),
    ("org-reintegration", "River District Reintegration Office", S.PROBATION,
     "The regional office arranges identity papers, income, housing and care for people leaving prison."),
    ("org-housing", "Riverton Housing Association", S.OTHER,
     "The housing association rents out most social housing in Riverton and is responsible for liveable "
     "neighbourhoods."),
    ("org-library", "Riverton Public Library", S.OTHER,
     "The public library has a legal task to promote reading, information and media literacy for everyone."),
]  # fmt: skip
_MANDATE = {key: mandate for key, _, _, mandate in ORGANISATIONS}

INFORMAL_MANDATE = "No formal mandate: takes part as a trusted resident, voluntarily and in their own name."

# (key, name, function, organisation key, role, tasks, interests, doubts, conditions); status active unless listed
# in INVITED. The order of this table is also the ring that holds the network together (see _ties).
FORMAL_PARTNERS = [
    ("p-sanne", "Sanne de Vries", "Prevention coordinator", "org-municipality",
     "Coordinator of the local action plan and chair of the core group.",
     "Keeps the plan up to date, prepares the case consultations with the hub, organises network meetings and "
     "reports progress to the mayor.",
     "A network that knows each other before anything goes wrong; a plan the council keeps funding.",
     "Whether partners will find time for the plan next to their own caseload.",
     "A clear mandate from the mayor and one day a week of administrative support."),
    ("p-tomasz", "Tomasz Nowak", "Policy adviser, safety and prevention", "org-municipality",
     "Runs the contact point and the frontline training programme.",
     "Answers worries that reach the contact point, organises trainings and keeps the analysis current.",
     "Frontline staff who recognise early signs and ask for advice in time.",
     "That training raises alarm instead of confidence if it is done badly.",
     "Trainers with practical experience and an evaluation after every training."),
    ("p-ingrid", "Ingrid Halvorsen", "Community development manager", "org-municipality",
     "Links the plan to neighbourhood work and community groups.",
     "Funds and supports the neighbourhood dinners and meeting places and organises the round tables.",
     "Residents who feel heard; cohesion work that is not labelled as prevention.",
     "Residents may feel watched if prevention language is used in neighbourhood work.",
     "Neighbourhood activities are presented as cohesion work, never as safety work."),
    ("p-marco", "Marco Bianchi", "Data protection officer", "org-municipality",
     "Advises on the information-sharing agreement and looks after privacy.",
     "Keeps the agreement and protocol current, leads the sharing reviews and handles requests from people about "
     "their own data.",
     "Sharing that is lawful, proportionate and written down.",
     "Partners sharing more than needed 'just to be safe'.",
     "Every exchange is logged and retention periods are respected."),
    ("p-elif", "Elif Yılmaz", "Case manager", "org-hub",
     "Prepares and follows up the multi-agency case consultations.",
     "Collects the information allowed before a consultation, writes the case plan and checks that agreed steps "
     "happen.",
     "One plan per person instead of five separate ones.",
     "Whether mental-health partners can join often enough.",
     "Consultations on fixed dates with a fixed core group."),
    ("p-karim", "Karim Bouzid", "Job coach", "org-work-desk",
     "Guides young adults and people leaving prison towards work or training.",
     "Coaches participants in the job-coaching and reintegration programmes and keeps in touch with employers.",
     "Employers who are willing to give a second chance.",
     "That a prevention label scares employers away.",
     "Participants are never presented to employers as part of a prevention programme."),
    ("p-james", "James O'Connor", "Deputy head, pastoral care", "org-riverside-college",
     "Safeguarding lead at Riverside College and lead of the teacher training.",
     "Coordinates the school's early support team and organises teacher training across schools.",
     "Teachers who feel supported when a class conversation gets heated.",
     "Extra tasks for teachers who are already stretched.",
     "Training during paid hours and materials that are ready to use."),
    ("p-maria", "Maria Fernández", "Citizenship teacher", "org-riverside-college",
     "Leads the Democracy in the classroom programme.",
     "Develops lessons, coaches colleagues at other schools and organises visits to the council.",
     "Pupils who dare to disagree and still listen.",
     "Whether there is room in the timetable.",
     "Two hours a week reserved for citizenship in the timetable."),
    ("p-kasia", "Kasia Zielińska", "School counsellor", "org-northgate-school",
     "Leads the early support teams in schools.",
     "Chairs the Northgate team, coaches the other schools' teams and refers pupils to youth care or the contact "
     "point.",
     "Quick access to youth care when a pupil needs more than the school can give.",
     "Pupils losing trust in the school if it shares too much.",
     "Pupils and parents are told what is shared and why, unless that would put someone in danger."),
    ("p-pieter", "Pieter Janssen", "Head teacher", "org-eastfield-academy",
     "Represents the secondary schools in the core group.",
     "Makes school time available for the programmes and signs the sharing agreement for the school.",
     "A calm school climate and fewer pupils dropping out.",
     "That the school gets a reputation as a problem school.",
     "School names are never used in public reports about individual worries."),
    ("p-amira", "Amira Benali", "Mentor coordinator", "org-eastfield-academy",
     "Coordinates the Side by side mentoring programme.",
     "Recruits, trains and matches mentors and follows every mentoring pair.",
     "Enough mentors who reflect the variety of young people in Riverton.",
     "Volunteer mentors dropping out after a few months.",
     "Supervision and a small expense allowance for volunteer mentors."),
    ("p-lars", "Lars Eriksen", "Student support manager", "org-vocational-college",
     "Safeguarding lead at the vocational college.",
     "Runs the college's early support team and keeps in touch with the job coach.",
     "Students who finish their course and find work.",
     "Whether students over 18 fit programmes designed for teenagers.",
     "Support options for young adults, not only for minors."),
    ("p-nadia", "Nadia Petrova", "Civics teacher", "org-vocational-college",
     "Lead trainer of the Think Twice workshops.",
     "Runs workshops and trains other teachers to run them.",
     "Students who check before they share.",
     "Workshops being seen as aimed at one group of students.",
     "Examples in the workshops come from every kind of extremism and from everyday misinformation."),
    ("p-sophie", "Sophie Laurent", "Head teacher", "org-willow-primary",
     "Brings in the view of primary schools and parents of young children.",
     "Hosts parents' evenings and takes part in the teacher training.",
     "Starting early, with children and their parents.",
     "That a primary school is not the right place for this subject.",
     "Age-appropriate material about friendship, fairness and online safety, not about extremism."),
    ("p-daniel", "Daniel Schmidt", "Community police officer, Old Harbour and Station Quarter", "org-police",
     "Police contact for his neighbourhoods and lead of the community tension protocol.",
     "Keeps the neighbourhood situation picture, calls the tension group together and joins case consultations.",
     "Knowing residents well enough to hear about tensions early.",
     "Being seen only as the one who enforces in prevention work.",
     "Police information is shared only under the agreement and through the case consultation."),
    ("p-aylin", "Aylin Kaya", "Community police officer, Eastfield and Millbrook", "org-police",
     "Police contact for Eastfield and Millbrook and for hate-incident reports.",
     "Follows up hate incidents, visits community groups and works with the street youth workers.",
     "More residents reporting hate incidents.",
     "Residents' earlier bad experiences with the police.",
     "Time for regular, informal visits to community groups."),
    ("p-rob", "Rob van Dijk", "Youth and prevention officer", "org-police",
     "Holds preventive dialogues and advises police colleagues.",
     "Holds preventive conversations, brings police information to case consultations and trains youth workers "
     "on online signs.",
     "Reaching people before any offence is committed.",
     "That people will not trust a police officer enough to talk.",
     "Conversations are voluntary and held together with a care professional."),
    ("p-hanna", "Hanna Virtanen", "Child and adolescent psychiatrist", "org-mental-health",
     "Mental-health adviser to the case consultations.",
     "Joins consultations when mental health may play a part and advises on referrals.",
     "Fast help for young people whose distress shows as anger or radical talk.",
     "Medical confidentiality coming under pressure.",
     "She shares only whether someone is in care and who to contact; never a diagnosis without consent."),
    ("p-joost", "Joost Bakker", "Psychologist, outreach team", "org-mental-health",
     "Leads the care pathway for mental health and ideology.",
     "Assesses and treats participants and supports exit counsellors and police in preventive dialogues.",
     "Combining care and safeguarding without turning care into watching.",
     "Waiting lists for regular treatment.",
     "A fast-track slot every week for referrals from the case consultation."),
    ("p-clara", "Clara Rossi", "Family therapist", "org-riverbend",
     "Leads the support for families of people involved in extremist groups.",
     "Runs family therapy and the relatives' group.",
     "Families that stay connected to their family member.",
     "Families' fear of stigma or of the police.",
     "Family support is confidential and independent from the police."),
    ("p-ahmed", "Ahmed El Amrani", "Social worker, Eastfield", "org-social-teams",
     "Neighbourhood social worker and contact for support after hate incidents.",
     "Supports households, joins the neighbourhood mothers' meetings and offers practical help after hate "
     "incidents.",
     "Support for whole families, not only the young person.",
     "Being seen by residents as reporting on them.",
     "Clear rules about what he shares and when, explained to residents."),
    ("p-emma", "Emma Lindqvist", "Team leader, neighbourhood teams", "org-social-teams",
     "Manages the neighbourhood teams' part in the plan.",
     "Assigns social workers to cases, signs the sharing agreement and links the teams with job coaching.",
     "Predictable demands on her team.",
     "The workload of case consultations.",
     "A limit on the number of consultations per month for each worker."),
    ("p-katarzyna", "Katarzyna Wiśniewska", "Youth protection worker", "org-youth-care",
     "Youth-care contact for schools and case consultations.",
     "Takes referrals from schools and joins the early support teams and case consultations.",
     "Early referrals instead of referrals in a crisis.",
     "Whether youth care has enough capacity.",
     "Referrals go through one intake point."),
    ("p-paul", "Paul Dubois", "Parenting coach", "org-family-support",
     "Leads the coaching for worried parents.",
     "Coaches parents at home or online and trains the neighbourhood mothers.",
     "Parents who feel capable again.",
     "Parents not coming forward out of shame.",
     "Parents can ask for coaching directly, without a referral."),
    ("p-lisa", "Lisa Hoffmann", "Youth work manager", "org-youth-work",
     "Represents youth work in the core group and supports the youth council.",
     "Manages the street and online youth workers and supports the youth council.",
     "Long-term funding for youth work.",
     "Youth workers being asked to pass on information that breaks young people's trust.",
     "Youth workers share personal information only when someone is in serious danger, and tell the young person "
     "when they do."),
    ("p-mehmet", "Mehmet Öztürk", "Street youth worker", "org-youth-work",
     "Street youth work in Eastfield and Station Quarter.",
     "Evening and weekend outreach, mentoring, and taking part in the tension group.",
     "Young people who have somewhere to go and someone to talk to.",
     "Being pulled into work that looks like surveillance.",
     "He decides with his manager what he shares."),
    ("p-jonas", "Jonas Weber", "Online youth worker", "org-youth-work",
     "Online youth work and training on online subcultures.",
     "Is present in gaming and chat spaces and runs training sessions for professionals.",
     "Recognition that online spaces are youth spaces too.",
     "Platform rules and privacy limits on online youth work.",
     "He works openly under his own name and role, never undercover."),
    ("p-samuel", "Samuel Mensah", "Sports development officer", "org-sport-play",
     "Runs the Play Fair league.",
     "Organises the league and trains volunteer coaches.",
     "More young people in sport.",
     "Coaches feeling burdened with social-work tasks.",
     "Coaches get a simple guide on who to call, nothing more."),
    ("p-rania", "Rania Khalil", "Anti-discrimination adviser", "org-equality",
     "Leads hate-incident reporting and support.",
     "Receives reports, supports people affected and publishes anonymous figures.",
     "Hate incidents of every kind being taken seriously.",
     "That hate-incident work is folded into prevention and loses its own purpose.",
     "Reports are used for support and statistics; names are shared only with consent."),
    ("p-ana", "Ana Popescu", "Coordinator", "org-parents-together",
     "Speaks for parents and leads the parents' evenings.",
     "Organises the evenings and collects parents' questions for the network.",
     "Parents treated as partners.",
     "Evenings turning into lectures.",
     "Parents help choose the topics."),
    ("p-bram", "Bram Visser", "Volunteer coordinator", "org-volunteer-centre",
     "Finds and supports volunteers for the dinners, mentoring and the fact-checking club.",
     "Recruits, screens and supports volunteers.",
     "Meaningful volunteer work.",
     "Volunteers handling difficult situations without back-up.",
     "Every volunteer has a named professional to call."),
    ("p-helen", "Helen Carter", "Chair", "org-dialogue-forum",
     "Invited to bring in the forum's experience with moderated conversations.",
     "Proposed: moderating debate nights and the workshops with activist youth.",
     "Keeping conversation open between groups that rarely meet.",
     "Whether the forum can stay independent inside a municipal plan.",
     "The forum keeps its own voice and may criticise the municipality."),
    ("p-erik", "Erik Johansson", "Exit counsellor", "org-pathways",
     "Exit counsellor for Riverton and adviser to the network.",
     "Supports people leaving extremist groups, joins case consultations and co-trains frontline staff.",
     "Referrals early enough that leaving is still easy.",
     "People being pushed into exit support instead of choosing it.",
     "Taking part is always voluntary."),
    ("p-martina", "Martina Novak", "Peer-support coordinator", "org-pathways",
     "Organises peer support and the contact with relatives.",
     "Trains and supervises peer supporters.",
     "Former members seen as a resource, not a showcase.",
     "Peer supporters being exposed in the media.",
     "Peer supporters stay anonymous in public."),
    ("p-gerrit", "Gerrit Mulder", "Chair", "org-old-harbour-association",
     "Key resident and link to Old Harbour's residents.",
     "Hosts residents' evenings, joins the tension group and passes on general worries.",
     "A neighbourhood where everyone feels at home.",
     "Residents feeling asked to keep an eye on each other.",
     "The association passes on general worries, never names."),
    ("p-olga", "Olga Ivanova", "Centre manager", "org-millbrook-centre",
     "Hosts meeting places and activities.",
     "Runs the community centre and leads the meeting-places project.",
     "A full and lively centre.",
     "Funding ending after a pilot.",
     "Funding for staff for more than one year."),
    ("p-grace", "Grace Okafor", "Coordinator", "org-eastfield-house",
     "Link to Eastfield's residents and community groups.",
     "Hosts dinners and parents' evenings and supports the neighbourhood mothers.",
     "Residents who feel heard after the redevelopment.",
     "Distrust of the municipality in Eastfield.",
     "The municipality reports back on what it did with residents' ideas."),
    ("p-thomas", "Thomas Keller", "Probation officer", "org-probation",
     "Supervises people on probation after extremism-related offences.",
     "Prepares release, sets and checks conditions and joins case consultations.",
     "Release plans that are ready on the first day.",
     "Housing and work being arranged too late.",
     "Planning starts at least six months before release."),
    ("p-ewa", "Ewa Kamińska", "Reintegration coordinator", "org-reintegration",
     "Arranges the basics for people leaving prison.",
     "Arranges identity papers, income, housing and health insurance before release.",
     "Nobody leaving prison without an address.",
     "The housing shortage in Riverton.",
     "A fixed number of homes reserved with the housing association."),
    ("p-niels", "Niels Andersen", "Neighbourhood housing officer", "org-housing",
     "Housing association contact for the neighbourhoods and for reintegration.",
     "Offers rooms for meeting places, handles neighbour conflicts and helps with housing after release.",
     "Quiet, well-kept streets and tenants who stay.",
     "Neighbours' reactions to housing people after prison.",
     "Clear support arrangements for every tenant housed through the programme."),
    ("p-chloe", "Chloé Martin", "Media-literacy librarian", "org-library",
     "Leads the online-literacy work and the debate nights.",
     "Runs Scroll Smart, hosts the debate nights and trains library staff.",
     "The library as a place for everyone.",
     "Being seen as taking sides politically.",
     "Debate nights are open to all and moderated neutrally."),
]  # fmt: skip

# (key, name, function, sector, role, tasks, interests, doubts, conditions)
INFORMAL_PARTNERS = [
    ("p-samira", "Samira Haddou", "Neighbourhood mother, Eastfield", S.COMMUNITY,
     "Trusted parent who reaches families that services do not reach.",
     "Home visits, going along with parents to services, and leading the neighbourhood mothers' group.",
     "Mothers who feel confident about raising teenagers.",
     "Being seen as an informer.",
     "She never passes on names without the family's agreement."),
    ("p-kevin", "Kevin Brouwer", "Volunteer football coach, Willow Park", S.COMMUNITY,
     "Coach and trusted adult for teenage players.",
     "Coaches teams in the Play Fair league and talks with players who are struggling.",
     "Keeping young people on the pitch.",
     "Not knowing what to do with a serious worry.",
     "One phone number to call."),
    ("p-lena", "Lena Fischer", "Youth leader, Millbrook youth club", S.CIVIL_SOCIETY,
     "Runs the volunteer youth club and is a volunteer mentor.",
     "Weekly club nights and mentoring one young person.",
     "A safe place for young people in Millbrook.",
     "Being given professional responsibilities as a volunteer.",
     "Back-up from the youth work foundation."),
    ("p-dimitri", "Dimitri Papadopoulos", "Shop owner, Station Quarter", S.COMMUNITY,
     "Shopkeeper who knows the young people who hang around the station.",
     "Chairs the traders' network and passes on signs of tension.",
     "A safe, lively station area.",
     "Trouble for him if he is seen talking to the police.",
     "Contact mostly goes through the street youth worker."),
    ("p-mark", "Mark Jansen", "Peer supporter", S.CIVIL_SOCIETY,
     "Left an extremist group years ago and now helps others to leave.",
     "One-to-one peer meetings and talks with professionals during trainings.",
     "Showing that leaving is possible.",
     "His past being used against him.",
     "Anonymity in public and supervision by Pathways."),
    ("p-ines", "Ines Costa", "Student council member, vocational college", S.COMMUNITY,
     "Invited to bring young people's voice into the network.",
     "Proposed: member of the youth council and feedback on campaigns.",
     "Young people being asked, not talked about.",
     "Whether her input will change anything.",
     "Feedback on what was done with young people's ideas."),
]  # fmt: skip

INVITED = {"p-helen", "p-ines"}
COORDINATOR = "p-sanne"


def _partner(row: tuple, *, informal: bool) -> Partner:
    key, name, function, org_or_sector, role, tasks, interests, doubts, conditions = row
    status = PartnerStatus.INVITED if key in INVITED else PartnerStatus.ACTIVE
    return Partner(
        key=key,
        name=name,
        function=function,
        organisation=None if informal else org_or_sector,
        sector=org_or_sector if informal else None,
        network=NetworkKind.INFORMAL if informal else NetworkKind.FORMAL,
        status=status,
        role=role,
        mandate=INFORMAL_MANDATE if informal else _MANDATE[org_or_sector],
        tasks=tasks,
        interests=interests,
        doubts=doubts,
        conditions=conditions,
        accepts_coordinator=status == PartnerStatus.ACTIVE,
    )


# (key, name, area, contact, description)
COMMUNITY_GROUPS = [
    ("cg-harbour-evenings", "Old Harbour residents' evenings", "area-old-harbour", "p-gerrit",
     "Monthly evenings of the residents' association, open to every resident of Old Harbour."),
    ("cg-neighbourhood-mothers", "Eastfield neighbourhood mothers", "area-eastfield", "p-samira",
     "About fifteen mothers who meet weekly and visit families who find it hard to reach services."),
    ("cg-millbrook-youth-club", "Millbrook youth club", "area-millbrook", "p-lena",
     "A volunteer-run youth club with club nights twice a week for young people aged 12-18."),
    ("cg-willow-football", "Willow Park football club", "area-willow-park", "p-kevin",
     "An amateur football club with eight youth teams and a strong volunteer base."),
    ("cg-station-traders", "Station Quarter traders' network", "area-station-quarter", "p-dimitri",
     "Shop and café owners around the station who meet every quarter about safety and liveability."),
    ("cg-northgate-tenants", "Northgate tenants' committee", "area-northgate", "p-niels",
     "The tenants' committee of the Northgate flats; the housing officer is its regular contact."),
]  # fmt: skip

W, SH, REF, TR = TieKind.WORKS_WITH, TieKind.SHARES_INFORMATION, TieKind.REFERS_TO, TieKind.TRUSTS

# Cross-links on top of the ring: who actually works together around people and neighbourhoods.
CHORDS = [
    ("p-sanne", "p-elif", SH), ("p-sanne", "p-daniel", SH), ("p-sanne", "p-erik", W), ("p-sanne", "p-thomas", SH),
    ("p-sanne", "p-kasia", W), ("p-tomasz", "p-rob", SH), ("p-ingrid", "p-grace", W), ("p-kasia", "p-katarzyna", REF),
    ("p-james", "p-elif", REF), ("p-amira", "p-mehmet", W), ("p-pieter", "p-ahmed", REF), ("p-daniel", "p-gerrit", TR),
    ("p-aylin", "p-samira", TR), ("p-mehmet", "p-kevin", TR), ("p-jonas", "p-chloe", W), ("p-joost", "p-erik", W),
    ("p-clara", "p-paul", W), ("p-katarzyna", "p-amira", REF), ("p-lisa", "p-ines", TR), ("p-rania", "p-aylin", SH),
    ("p-ewa", "p-karim", W), ("p-erik", "p-mark", TR), ("p-martina", "p-clara", REF), ("p-karim", "p-emma", W),
    ("p-olga", "p-lena", TR), ("p-dimitri", "p-mehmet", TR), ("p-samuel", "p-kevin", W), ("p-elif", "p-hanna", SH),
    ("p-ana", "p-samira", W), ("p-bram", "p-olga", W),
]  # fmt: skip

_CASE_SECTORS = {S.LOCAL_GOVERNMENT, S.POLICE, S.SOCIAL_SERVICES, S.MENTAL_HEALTH, S.PROBATION}


def _ring_kind(a: Partner, b: Partner, sector_of: dict[str, Sector]) -> TieKind:
    """The kind of a tie between neighbours in the ring, read from who they are at work."""
    if NetworkKind.INFORMAL in (a.network, b.network):
        return TieKind.TRUSTS
    if a.organisation == b.organisation:
        return TieKind.WORKS_WITH
    sa, sb = sector_of[a.organisation], sector_of[b.organisation]
    if sa == S.EDUCATION and sb != S.EDUCATION:
        return TieKind.REFERS_TO
    if sa in _CASE_SECTORS and sb in _CASE_SECTORS:
        return TieKind.SHARES_INFORMATION
    return TieKind.WORKS_WITH


def _ties(partners: list[Partner]) -> list[Tie]:
    """A ring through every partner (no single point of failure) plus the chords above; no duplicates."""
    sector_of = {key: sector for key, _, sector, _ in ORGANISATIONS}
    ties = [
        Tie(source=a.key, target=b.key, kind=_ring_kind(a, b, sector_of))
        for a, b in zip(partners, partners[1:] + partners[:1], strict=True)
    ]
    ties += [Tie(source=a, target=b, kind=kind) for a, b, kind in CHORDS]
    pairs = [frozenset((t.source, t.target)) for t in ties]
    if len(pairs) != len(set(pairs)):
        raise ValueError("the Riverton network lists a tie twice")
    return ties


def _network() -> Network:
    partners = [_partner(row, informal=False) for row in FORMAL_PARTNERS]
    partners += [_partner(row, informal=True) for row in INFORMAL_PARTNERS]
    return Network(
        organisations=[Organisation(key=key, name=name, sector=sector) for key, name, sector, _ in ORGANISATIONS],
        partners=partners,
        community_groups=[
            CommunityGroup(key=key, name=name, area=area, contact=contact, description=description)
            for key, name, area, contact, description in COMMUNITY_GROUPS
        ],
        ties=_ties(partners),
    )


# --- 6. Conditions for multi-agency cooperation: information sharing -------------------------------------------------

PUBLIC_TASK = (
    "GDPR Article 6(1)(e): a task carried out in the public interest, as set out in the Riverton safeguarding covenant."
)
LB_SCHOOL = (
    "GDPR Article 6(1)(e) with the national compulsory education act, as already used in the truancy "
    "information-sharing agreement."
)
LB_POLICE = (
    "GDPR Articles 6(1)(e) and 10 with the national police data act, which allows sharing with partners in a "
    "multi-agency case consultation."
)
LB_YOUTH = "GDPR Article 6(1)(e) with the national youth care act and its duty to cooperate in child protection."
LB_CARE = (
    "GDPR Articles 6(1)(e) and 9(2)(h) with national health-care law; beyond the fact of care and the contact "
    "person, only with the person's consent."
)
LB_PROBATION = (
    "GDPR Articles 6(1)(e) and 10 with the national probation regulations on cooperation with municipalities."
)
LB_CONSENT = "GDPR Articles 6(1)(a) and 9(2)(a): the participant's explicit, written consent, which can be withdrawn."
LB_ANONYMOUS = "No personal data: shared only as anonymous summaries or figures."

HOW_CASE = (
    "Orally in the case consultation or through the secure case module in Cohesio, never by ordinary e-mail. The "
    "minutes record what was shared, by whom and why."
)
HOW_ANONYMOUS = (
    "As an anonymous summary in the core group or tension group: no names, addresses or details that could "
    "identify someone."
)
KEEP_CASE = (
    "Kept in the case file while the case is open and deleted two years after it is closed, unless a new worry "
    "about the same person comes up."
)
KEEP_SHORT = "Recipients delete it after six months; the organisation that shared it keeps its own record."
KEEP_ANONYMOUS = "Kept until the end of the plan period (31 December 2029) for analysis and evaluation."

SCHOOLS = ["org-riverside-college", "org-northgate-school", "org-eastfield-academy", "org-vocational-college"]


def _school_information(school: str) -> list[tuple]:
    """The two kinds of information every secondary and vocational school holds, in the layout of INFORMATION."""
    short = school.removeprefix("org-")
    return [
        (f"it-attendance-{short}", school, "School attendance concerns", Sensitivity.PERSONAL, LB_SCHOOL,
         "Repeated or long-term absence of a pupil, as the school already records it for the attendance officer.",
         ["org-municipality", "org-youth-care", "org-hub"],
         "To offer support early when absence goes together with other worries.",
         "Long absence cuts young people off from classmates and teachers and makes it easier for groups that "
         "offer belonging to draw them in; help works best early.",
         "When absence goes together with a safeguarding concern and the school's own support has not helped. The "
         "pupil and parents are told first, unless that would put someone in danger.",
         HOW_CASE, KEEP_CASE),
        (f"it-behaviour-{short}", school, "Worrying behaviour noticed at school", Sensitivity.PERSONAL, LB_SCHOOL,
         "What staff saw or heard, described as behaviour and statements, with dates and what the school already "
         "did. No opinions about beliefs, background or appearance.",
         ["org-hub", "org-youth-care"],
         "To build a shared picture in a case consultation and agree on one plan.",
         "A school sees only part of a young person's life; other partners may see the same worry from another "
         "side or know what already helps.",
         "When the school's early support team concludes that more help is needed than the school can give.",
         HOW_CASE, KEEP_CASE),
    ]  # fmt: skip


# (key, organisation, name, sensitivity, legal basis, description,
#  rule: recipients, purpose, why, when, how, retention)
INFORMATION = [
    *[row for school in SCHOOLS for row in _school_information(school)],
    ("it-police-contacts", "org-police", "Police contacts with a person", Sensitivity.SENSITIVE, LB_POLICE,
     "Whether the police had contact with the person in the past two years and in what role (witness, nuisance, "
     "suspected offence). No case files.",
     ["org-hub", "org-municipality", "org-probation"],
     "To judge together whether a worry calls for care, safety measures or both.",
     "Care partners need to know whether there are safety issues for the person or for others before they act.",
     "Only in a case consultation about this person, and only what the decision at hand needs.",
     HOW_CASE, KEEP_CASE),
    ("it-situation-picture", "org-police", "Neighbourhood situation picture", Sensitivity.INTERNAL, LB_ANONYMOUS,
     "Where and when tension, hate incidents or group conflicts were noticed, without names.",
     ["org-municipality", "org-youth-work", "org-old-harbour-association", "org-eastfield-house"],
     "To notice rising tension early and agree on a calm response.",
     "Tension in a neighbourhood is best calmed by people residents know, who need to hear about it in time.",
     "Monthly, and within 24 hours when the tension protocol is started.",
     HOW_ANONYMOUS, "Deleted after one year."),
    ("it-youth-care-involvement", "org-youth-care", "Youth-care involvement", Sensitivity.SENSITIVE, LB_YOUTH,
     "Whether youth care is involved with a child or family, since when, and the name of the responsible worker.",
     ["org-hub", "org-social-teams"],
     "To avoid parallel plans and to know whom to involve.",
     "Families should not have to tell their story to five professionals who do not know of each other.",
     "When a case consultation is prepared about a child or family, or a neighbourhood team asks about a family "
     "it supports.",
     HOW_CASE, KEEP_CASE),
    ("it-household-support", "org-social-teams", "Social support involvement in the household",
     Sensitivity.PERSONAL, PUBLIC_TASK,
     "Whether the household receives social support, for what kind of question, and the name of the social worker.",
     ["org-hub", "org-youth-care", "org-family-support"],
     "To connect support for the young person with support for the family.",
     "Problems at home, such as debt or conflict, often lie behind a young person's drift; support works best "
     "when it is joined up.",
     "When preparing a case consultation, or when youth care or family support asks about a family both support.",
     HOW_CASE, KEEP_CASE),
    ("it-care-involvement", "org-mental-health", "Mental-health care involvement and contact person",
     Sensitivity.SENSITIVE, LB_CARE,
     "Only whether the person is in mental-health care and who the contact is. No diagnosis or treatment details "
     "without consent.",
     ["org-hub"],
     "So that partners do not work against ongoing treatment and know whom to involve.",
     "Worrying ideas sometimes go together with psychological problems; care and safeguarding must fit together.",
     "In a case consultation about the person, or when the hub asks before one.",
     HOW_CASE, KEEP_CASE),
    ("it-parenting-support", "org-family-support", "Parenting support involvement", Sensitivity.PERSONAL,
     PUBLIC_TASK,
     "Whether parents receive parenting coaching and the name of their coach.",
     ["org-hub", "org-youth-care"],
     "To involve the parents' coach in the plan for their child.",
     "Parents are the most important protection for a young person; their coach can help them take part.",
     "With the parents' agreement, when a case consultation is prepared about their child.",
     HOW_CASE, KEEP_SHORT),
    ("it-group-observations", "org-youth-work", "Street and online observations of group behaviour",
     Sensitivity.INTERNAL, LB_ANONYMOUS,
     "Topics, moods and group behaviour noticed on the street and online, without names or nicknames.",
     ["org-municipality", "org-police"],
     "To keep the analysis up to date and notice new trends early.",
     "Youth workers are often the first to notice new online trends and changes in mood among young people.",
     "Monthly, as a summary for the core group.",
     HOW_ANONYMOUS, KEEP_ANONYMOUS),
    ("it-supervision", "org-probation", "Supervision conditions and release date", Sensitivity.SENSITIVE,
     LB_PROBATION,
     "The expected release date, the special conditions the person must keep to, and the probation officer's name.",
     ["org-hub", "org-municipality", "org-police", "org-reintegration"],
     "To prepare release and support the person in keeping to their conditions.",
     "A good start after prison, with housing, income and a steady contact, lowers the chance of a return to the "
     "old network.",
     "From six months before release, and whenever conditions change.",
     HOW_CASE, KEEP_CASE),
    ("it-reintegration-plan", "org-reintegration", "Reintegration plan status", Sensitivity.PERSONAL,
     LB_PROBATION,
     "Which basic needs (identity papers, income, housing, health insurance) have been arranged for release.",
     ["org-probation", "org-hub", "org-housing", "org-work-desk"],
     "To make sure everything is ready on the day of release.",
     "Gaps in the basics are the most common reason why a fresh start fails.",
     "Monthly from six months before release until three months after it.",
     HOW_CASE, KEEP_SHORT),
    ("it-exit-participation", "org-pathways", "Participation in exit support", Sensitivity.SENSITIVE, LB_CONSENT,
     "Whether the person takes part in exit support and the counsellor's name. What is said in conversations is "
     "never shared.",
     ["org-hub", "org-probation"],
     "To coordinate exit support with probation and other support.",
     "Exit support only works when other partners do not undo it, and when the person trusts the counsellor.",
     "With the participant's consent, when a case consultation or probation meeting is held about them.",
     HOW_CASE, KEEP_CASE),
    ("it-neighbour-conflicts", "org-housing", "Nuisance and neighbour-conflict reports", Sensitivity.PERSONAL,
     PUBLIC_TASK,
     "Reports of nuisance or conflict between tenants, with the addresses involved and what the housing officer did.",
     ["org-social-teams", "org-police", "org-hub"],
     "To prevent neighbour conflicts from growing into hostility between groups of residents.",
     "Small conflicts between neighbours can turn into us-versus-them conflicts if nobody responds.",
     "When a conflict repeats or includes hateful remarks, after the tenants have been told.",
     HOW_CASE, KEEP_SHORT),
    ("it-hate-reports", "org-equality", "Anonymised hate-incident reports", Sensitivity.INTERNAL, LB_ANONYMOUS,
     "Type, place and date of reported hate incidents, without names unless the person reporting agrees.",
     ["org-municipality", "org-police"],
     "To see patterns, follow up incidents and keep the analysis current.",
     "Hate incidents are an early sign of polarisation, and people who report them want to see that something "
     "happens.",
     "Monthly in the hate-incident meeting, and the same day when an incident calls for quick action.",
     HOW_ANONYMOUS, KEEP_ANONYMOUS),
    ("it-contact-point-worries", "org-municipality", "Worries reported to the contact point",
     Sensitivity.PERSONAL, PUBLIC_TASK,
     "Who reported a worry about whom, what was noticed, and what advice was given.",
     ["org-hub", "org-youth-care", "org-social-teams"],
     "To pass a worry on to the partner best placed to help.",
     "The contact point gives advice but does not offer support itself; someone else has to take it further.",
     "When the adviser and the person who called agree that more than advice is needed, or when someone is in "
     "danger.",
     HOW_CASE, KEEP_CASE),
    ("it-case-plan", "org-hub", "Case plan and responsible professional", Sensitivity.PERSONAL, PUBLIC_TASK,
     "The agreed steps, who does what and by when, and the one professional responsible for the case.",
     ["org-municipality", "org-police", "org-youth-care", "org-social-teams", "org-mental-health",
      "org-probation", "org-pathways", "org-youth-work"],
     "So that every partner involved knows the agreed plan and their part in it.",
     "One shared plan avoids gaps and overlaps.",
     "After every case consultation, only to the partners who have a task in the plan.",
     HOW_CASE, KEEP_CASE),
    ("it-work-income", "org-work-desk", "Work and income situation", Sensitivity.PERSONAL, PUBLIC_TASK,
     "Whether the person has income, work or a training place, and the name of their job coach.",
     ["org-hub", "org-reintegration"],
     "To include work and income in the case or reintegration plan.",
     "Having a job or training and a steady income protects against isolation and against falling back.",
     "When preparing a case consultation or a reintegration plan.",
     HOW_CASE, KEEP_SHORT),
]  # fmt: skip

# Who signs for an organisation; otherwise its first partner in FORMAL_PARTNERS.
SIGNERS = {"org-municipality": "p-sanne", "org-social-teams": "p-emma", "org-eastfield-academy": "p-pieter"}
AGREEMENT_SIGNED_ON = "2026-03-02"

AGREEMENT_TEXT = """\
The partners of the Riverton local action plan agree to share information about individuals only when it is \
needed to protect or support that person or others, only the information named in the rules of this agreement, \
and only with the partners named there (need to know).

1. Information is shared in the case consultation at the Care and Safety Hub or through the secure case module, \
never by ordinary e-mail or chat.
2. The person concerned is told what is shared, with whom and why, unless that would put someone in danger; the \
reason for not telling is written down.
3. Information about beliefs, religion, origin or other protected characteristics is never recorded; partners \
describe behaviour.
4. Each partner keeps to the retention periods in the rules and deletes what it no longer needs.
5. Partners review together at least twice a year whether the right information was shared on time and handled \
as agreed, and adjust this agreement when needed.
"""

# (key, scheduled for, done on, right information on time, handled as agreed, notes)
EVALUATIONS = [
    ("eval-2026-06", "2026-05-29", "2026-06-03", False, True,
     "Attendance concerns from two schools reached the hub two to three weeks late. From now on schools send them "
     "before each case consultation. All information was handled as agreed."),
    ("eval-2026-11", "2026-10-30", "2026-11-04", True, True,
     "Information arrived on time in all eleven consultations reviewed. Partners asked for a short guide on telling "
     "people what is shared; the data protection officer will write it."),
    ("eval-2027-01", "2027-01-15", None, None, None, "First review after the agreement's first full year."),
]  # fmt: skip


def _signatories(info_types: list[InformationType], rules: list[SharingRule]) -> list[Signatory]:
    """Every organisation that shares or receives information signs, by one of its own people."""
    orgs = {it.organisation for it in info_types} | {org for rule in rules for org in rule.recipients}
    first_partner = {}
    for key, _, _, org, *_ in FORMAL_PARTNERS:
        first_partner.setdefault(org, key)
    return [
        Signatory(
            organisation=org,
            signed_by=SIGNERS.get(org, first_partner[org]),
            signed_on=_day(AGREEMENT_SIGNED_ON),
        )
        for org, *_ in ORGANISATIONS
        if org in orgs
    ]


def _sharing() -> Sharing:
    info_types, rules = [], []
    for key, org, name, sensitivity, basis, description, recipients, purpose, why, when, how, keep in INFORMATION:
        info_types.append(
            InformationType(
                key=key, organisation=org, name=name, description=description, sensitivity=sensitivity,
                legal_basis=basis,
            )
        )  # fmt: skip
        rules.append(
            SharingRule(
                key=f"rule-{key.removeprefix('it-')}", information_type=key, recipients=recipients,
                purpose=purpose, why=why, when=when, how=how, retention=keep,
            )
        )  # fmt: skip
    agreement = Agreement(
        title="Riverton safeguarding information-sharing agreement",
        text=AGREEMENT_TEXT,
        based_on="the truancy information-sharing agreement",
        signed_on=_day(AGREEMENT_SIGNED_ON),
        review_date=date(2027, 3, 31),
        signatories=_signatories(info_types, rules),
    )
    evaluations = [
        SharingEvaluation(
            key=key,
            scheduled_for=_day(scheduled),
            done_on=_day(done) if done else None,
            right_information_on_time=on_time,
            handled_as_agreed=as_agreed,
            notes=notes,
        )
        for key, scheduled, done, on_time, as_agreed, notes in EVALUATIONS
    ]
    return Sharing(information_types=info_types, rules=rules, agreement=agreement, evaluations=evaluations)


# --- 7. Interventions ------------------------------------------------------------------------------------------------

# (key, name, level, extremism kinds, target group, goals, lead, other partners, status, starts, ends, budget, text)
INTERVENTIONS = [
    ("iv-democracy-class", "Democracy in the classroom", GENERAL, ALL,
     "Pupils aged 12-16 at Riverton's secondary schools", ("goal-democracy", "goal-teachers"),
     "p-maria", ("p-pieter", "p-nadia", "p-lisa"), RUNNING, "2026-02-01", "2029-07-15", 84000,
     "Weekly citizenship lessons in which pupils practise debate, find out how decisions are made in Riverton and "
     "visit the council. Pupils learn that disagreement is normal and can be settled with words."),
    ("iv-think-twice", "Think Twice: critical-thinking workshops", GENERAL, ALL,
     "Pupils aged 14-18 at secondary and vocational schools", ("goal-online", "goal-democracy"),
     "p-nadia", ("p-maria", "p-kasia", "p-chloe"), RUNNING, "2026-03-01", "2028-06-30", 56000,
     "Six workshops in which pupils take apart viral posts, videos and memes: who made this, what do they want me "
     "to feel, what is left out? Pupils practise checking claims and spotting us-versus-them stories of every "
     "political and ideological colour."),
    ("iv-scroll-smart", "Scroll Smart online-literacy module", GENERAL, ALL,
     "All first- and second-year secondary pupils", ("goal-online-module", "goal-online"),
     "p-chloe", ("p-jonas", "p-james", "p-kasia"), RUNNING, "2026-09-01", "2029-07-15", 72000,
     "A ten-lesson module taught by the library's media educators together with teachers: how algorithms choose "
     "what you see, how closed groups draw people in, and where to go when something online worries you."),
    ("iv-scroll-smart-pilot", "Scroll Smart pilot at Eastfield Academy", GENERAL, (RIGHT, RELIGIOUS, OTHER),
     "Second-year pupils at Eastfield Academy", ("goal-online-module",),
     "p-chloe", ("p-pieter", "p-amira"), COMPLETED, "2026-01-12", "2026-06-30", 9500,
     "A first run of the online-literacy module in four classes, to test the lessons and improve them with "
     "pupils' feedback before all schools start."),
    ("iv-teacher-training", "Talking about difficult topics: training for teachers", GENERAL, ALL,
     "Teachers and mentors at primary, secondary and vocational schools", ("goal-teachers", "goal-democracy"),
     "p-james", ("p-tomasz", "p-kasia", "p-sophie", "p-lars"), RUNNING, "2026-02-15", "2028-12-31", 48000,
     "Practical training in leading a calm class conversation after a shocking event, responding to provocative "
     "remarks without shutting pupils down, and knowing when and how to ask for advice."),
    ("iv-parents-online", "What is my child seeing online? Evenings for parents", GENERAL, ALL,
     "Parents and carers of children aged 10-18", ("goal-online-parents", "goal-families"),
     "p-ana", ("p-chloe", "p-jonas", "p-samira", "p-sophie"), RUNNING, "2026-03-15", "2029-06-30", 26000,
     "Relaxed evenings at schools and community centres where parents try out the apps and games their children "
     "use, learn how online groups draw young people in, and practise starting a conversation at home."),
    ("iv-one-table", "Riverton at one table: neighbourhood dinners", GENERAL, ALL,
     "Residents of all six neighbourhoods", ("goal-cohesion", "goal-meeting-places"),
     "p-ingrid", ("p-olga", "p-grace", "p-gerrit", "p-bram"), RUNNING, "2026-04-01", "2029-12-31", 38000,
     "Monthly shared dinners, cooked and hosted by residents in turn, where neighbours who would not otherwise meet "
     "sit down together. Small grants pay for ingredients and childcare."),
    ("iv-meeting-places", "A meeting place in every neighbourhood", GENERAL, ALL,
     "Residents of Willow Park, Station Quarter and Northgate", ("goal-meeting-places", "goal-cohesion"),
     "p-olga", ("p-ingrid", "p-niels", "p-grace"), PLANNED, "2027-03-01", "2029-12-31", 95000,
     "Opening and staffing a low-threshold meeting place in the three neighbourhoods that do not have one yet, in "
     "empty ground-floor rooms offered by the housing association."),
    ("iv-play-fair", "Play Fair league", GENERAL, ALL,
     "Young people aged 10-20, especially those who are not in a club", ("goal-cohesion",),
     "p-samuel", ("p-kevin", "p-mehmet", "p-daniel"), RUNNING, "2026-04-15", "2029-10-31", 41000,
     "A weekly street-football and basketball league where fair play, respect for referees and mixed teams count "
     "towards the score. Coaches learn to notice when a player is struggling and know who to call."),
    ("iv-youth-council", "Riverton youth council and youth budget", GENERAL, ALL,
     "Young people aged 14-23", ("goal-democracy", "goal-cohesion"),
     "p-lisa", ("p-ingrid", "p-ines", "p-maria"), RUNNING, "2026-05-01", "2029-12-31", 60000,
     "An elected youth council that advises the town council and decides how to spend a yearly youth budget on "
     "neighbourhood projects, so that young people experience that taking part in democracy makes a difference."),
    ("iv-debate-nights", "Open debate nights at the library", GENERAL, ALL,
     "Young adults and residents interested in current affairs", ("goal-cohesion", "goal-online"),
     "p-chloe", ("p-helen", "p-bram", "p-lisa"), RUNNING, "2026-10-01", "2029-06-30", 18000,
     "Monthly evenings where residents discuss a divisive topic with a trained moderator and clear house rules: "
     "listen first, and criticise ideas, not people. The youth council helps choose the topics."),
    ("iv-fact-check-club", "Check it together: a fact-checking club", GENERAL, (OTHER, LEFT, RIGHT),
     "Residents aged 16 and over who wonder about stories they meet online", ("goal-online",),
     "p-bram", ("p-chloe", "p-helen"), PLANNED, "2027-01-15", "2028-12-31", 12000,
     "A volunteer-run club where residents bring a story, video or rumour they came across and check it together, "
     "learning how conspiracy stories are built and why they appeal."),
    ("iv-protest-workshops", "Protest yes, violence no: workshops with activist youth", GENERAL, (LEFT, RIGHT, OTHER),
     "Young people active in protest movements and campaigns", ("goal-democracy", "goal-cohesion"),
     "p-lisa", ("p-daniel", "p-helen", "p-nadia"), PLANNED, "2027-04-01", "2028-06-30", 15000,
     "Workshops with young activists of every conviction about the power of peaceful action, their rights when "
     "they demonstrate, and where the line to violence and intimidation lies."),
    ("iv-hate-reporting", "Report it: hate-incident reporting and follow-up", GENERAL, ALL,
     "All residents, especially people who have experienced hate or discrimination", ("goal-hate",),
     "p-rania", ("p-daniel", "p-aylin", "p-gerrit", "p-samira"), RUNNING, "2026-01-15", "2029-12-31", 64000,
     "An easy way to report hate incidents online, by phone or through trusted community contacts, with the "
     "promise that every report gets a reply and is discussed in the monthly hate-incident meeting."),
    ("iv-hate-support", "Support after a hate incident", GENERAL, ALL,
     "People and groups affected by hate incidents, online or offline", ("goal-hate-support", "goal-hate"),
     "p-rania", ("p-ahmed", "p-joost", "p-aylin"), RUNNING, "2026-03-01", "2029-12-31", 36000,
     "Within two working days of a report, an adviser offers a conversation, practical help (such as removing "
     "graffiti or reporting online abuse to a platform) and, if wanted, a referral to emotional support."),
    ("iv-tension-protocol", "Calm after the storm: community tension protocol", GENERAL, ALL,
     "Neighbourhoods where tension rises after local or world events", ("goal-tensions", "goal-cohesion"),
     "p-daniel", ("p-tomasz", "p-mehmet", "p-gerrit", "p-grace", "p-dimitri"), RUNNING, "2026-02-01",
     "2029-12-31", 22000,
     "An agreed way of working when tension rises: community police, youth workers and key residents share what "
     "they see within 24 hours, agree who talks to whom, and organise a calm meeting where residents can talk."),
    ("iv-contact-point", "Talk to us: Riverton contact point for worries", SPECIFIC, ALL,
     "Parents, relatives, friends, teachers and professionals worried about someone",
     ("goal-contact-point", "goal-families"),
     "p-tomasz", ("p-elif", "p-sanne", "p-paul"), RUNNING, "2026-01-05", "2029-12-31", 120000,
     "One phone number, e-mail address and weekly walk-in hour for anyone worried that someone is drifting towards "
     "violent extremism of any kind. A trained adviser listens, gives advice and, with consent where possible, "
     "links the person to support."),
    ("iv-mentoring", "Side by side mentoring", SPECIFIC, ALL,
     "Young people aged 12-23 showing early signs of drifting towards extremist ideas",
     ("goal-mentors", "goal-early-support"),
     "p-amira", ("p-mehmet", "p-lena", "p-mark", "p-katarzyna"), RUNNING, "2026-02-01", "2029-12-31", 110000,
     "Trained volunteer and professional mentors meet a young person every week for at least six months: "
     "listening, helping with school, work or home, and offering another view on the stories that attracted them."),
    ("iv-parent-coaching", "Coaching for worried parents", SPECIFIC, ALL,
     "Parents and carers worried about a child's new ideas, friends or online life", ("goal-families",),
     "p-paul", ("p-clara", "p-samira", "p-ana"), RUNNING, "2026-03-01", "2029-12-31", 52000,
     "Up to eight sessions at home or online in which a parenting coach helps parents keep the conversation going, "
     "set limits without breaking contact, and find help for themselves."),
    ("iv-online-youth-work", "Online youth work in gaming and chat spaces", SPECIFIC, (RIGHT, RELIGIOUS, OTHER),
     "Young people active on gaming platforms and in chat groups", ("goal-online", "goal-early-support"),
     "p-jonas", ("p-mehmet", "p-chloe", "p-rob"), RUNNING, "2026-04-01", "2029-03-31", 78000,
     "Youth workers are present, openly and in their own name, in the online spaces where Riverton's young people "
     "spend time. They start conversations, question hateful remarks, and invite young people to offline "
     "activities."),
    ("iv-street-youth-work", "Street youth work in Eastfield and Station Quarter", SPECIFIC, ALL,
     "Groups of young people who spend their time in public spaces", ("goal-early-support", "goal-cohesion"),
     "p-mehmet", ("p-lisa", "p-aylin", "p-dimitri", "p-kevin"), RUNNING, "2026-01-10", "2029-12-31", 96000,
     "Youth workers meet young people where they are, in the evenings and at weekends, build trust, and connect "
     "them to school, work, sport or care when something is going wrong."),
    ("iv-school-support-teams", "Early support teams in schools", SPECIFIC, ALL,
     "Pupils whose behaviour or absence worries school staff", ("goal-early-support", "goal-frontline-skills"),
     "p-kasia", ("p-james", "p-katarzyna", "p-lars", "p-hanna"), RUNNING, "2026-02-01", "2029-07-15", 58000,
     "Each secondary and vocational school has a small team (counsellor, youth-care worker, attendance officer) "
     "that meets every two weeks about pupils they are worried about and agrees on a first, caring step."),
    ("iv-frontline-training", "Spotting worry early: training for frontline staff", SPECIFIC, ALL,
     "Teachers, youth workers, social workers, housing officers and community police",
     ("goal-frontline-skills", "goal-cooperation"),
     "p-tomasz", ("p-sanne", "p-erik", "p-joost"), RUNNING, "2026-03-01", "2028-12-31", 44000,
     "A one-day training with a yearly refresher on what early signs of being drawn towards violent extremism can "
     "look like in behaviour, what they often turn out to be instead, how to talk with the person, and when to "
     "contact the hub."),
    ("iv-subculture-training", "Reading the signs: online subcultures and hate symbols", SPECIFIC,
     (RIGHT, RELIGIOUS, OTHER), "Youth workers, teachers and community police officers",
     ("goal-frontline-skills",),
     "p-jonas", ("p-rob", "p-james"), COMPLETED, "2026-05-01", "2026-10-31", 12000,
     "Short sessions on the codes, memes, numbers and symbols used in extremist online subcultures of different "
     "kinds, so that professionals recognise them and know how to respond calmly."),
    ("iv-job-coaching", "Next step: job coaching for young adults", SPECIFIC, ALL,
     "Young adults aged 18-27 without work or training", ("goal-early-support", "goal-cohesion"),
     "p-karim", ("p-emma", "p-samuel", "p-bram", "p-lars"), RUNNING, "2026-05-01", "2029-12-31", 70000,
     "Personal coaching towards a job, traineeship or course, with local employers who have promised places. "
     "Feeling useful and having prospects protects young adults from isolation."),
    ("iv-neighbourhood-mothers", "Neighbourhood mothers outreach", SPECIFIC, ALL,
     "Parents who rarely find their way to formal services", ("goal-families", "goal-cohesion"),
     "p-samira", ("p-grace", "p-paul", "p-ahmed"), RUNNING, "2026-02-15", "2029-12-31", 30000,
     "Trained mothers from the neighbourhood visit families at home, talk about raising teenagers in a digital "
     "world, and go along with parents to services when needed."),
    ("iv-case-consultation", "Multi-agency case consultation", SPECIFIC, ALL,
     "People about whom partners share a serious safeguarding concern", ("goal-cooperation", "goal-early-support"),
     "p-sanne", ("p-elif", "p-daniel", "p-katarzyna", "p-hanna", "p-thomas", "p-erik"), RUNNING, "2026-01-15",
     "2029-12-31", 85000,
     "Every two weeks at the Care and Safety Hub, the partners involved with a person build a shared picture and "
     "agree on one plan with one responsible professional. Only information allowed by the agreement is shared."),
    ("iv-sharing-review", "Review of information sharing", SPECIFIC, ALL,
     "Partners who signed the information-sharing agreement", ("goal-sharing-review", "goal-cooperation"),
     "p-marco", ("p-sanne", "p-elif", "p-rob"), RUNNING, "2026-05-01", "2029-12-31", 8000,
     "At least twice a year the signatories check together whether the right information reached the right people "
     "on time and was handled as agreed, and improve the protocol."),
    ("iv-preventive-dialogue", "Preventive dialogue", INDIVIDUAL, ALL,
     "Young people and adults who openly support or take part in extremist groups", ("goal-exit",),
     "p-rob", ("p-joost", "p-erik", "p-elif"), RUNNING, "2026-02-01", "2029-12-31", 40000,
     "A series of personal conversations with a trained police prevention officer and a care professional about "
     "the person's ideas, the limits of the law, and what they want from life. Taking part is voluntary and often "
     "opens the door to other support."),
    ("iv-exit-support", "Pathways exit support", INDIVIDUAL, ALL,
     "People who want to leave an extremist group or scene, of any kind", ("goal-exit", "goal-exit-all-kinds"),
     "p-erik", ("p-martina", "p-mark", "p-joost", "p-karim"), RUNNING, "2026-01-15", "2029-12-31", 125000,
     "Long-term personal support for people leaving an extremist group: a steady counsellor, help with safety, "
     "housing, work and relationships, and room to come to terms with the past."),
    ("iv-reintegration", "Back in Riverton: support after prison", INDIVIDUAL, ALL,
     "People returning to Riverton after a sentence for an extremism-related offence",
     ("goal-reintegration", "goal-exit"),
     "p-thomas", ("p-ewa", "p-erik", "p-niels", "p-karim", "p-elif"), RUNNING, "2026-01-15", "2029-12-31", 90000,
     "Planning starts months before release: housing, income, work or training, care and a mentor are arranged, "
     "and probation, the municipality and exit support agree on one plan with clear conditions."),
    ("iv-care-pathway", "A care pathway for mental health and extremist ideas", INDIVIDUAL, ALL,
     "People in whom psychological problems and extremist ideas come together", ("goal-exit",),
     "p-joost", ("p-hanna", "p-clara", "p-elif"), RUNNING, "2026-03-01", "2029-12-31", 65000,
     "Fast access to assessment and treatment for people whose worrying ideas go together with psychological "
     "problems, with a psychologist who joins case consultations and advises other partners."),
    ("iv-peer-support", "Been there: peer support by former members", INDIVIDUAL, ALL,
     "People in exit support and young people close to an extremist scene", ("goal-exit-all-kinds", "goal-exit"),
     "p-martina", ("p-mark", "p-erik"), PLANNED, "2027-02-01", "2029-12-31", 28000,
     "People who left an extremist group themselves, trained and supervised by the exit programme, meet others "
     "one-to-one, share their story and help them see that leaving is possible."),
    ("iv-family-support", "Support for families of people in extremist groups", INDIVIDUAL, ALL,
     "Parents, partners and siblings of someone involved in an extremist group or in prison",
     ("goal-families", "goal-exit"),
     "p-clara", ("p-paul", "p-martina", "p-katarzyna"), RUNNING, "2026-04-01", "2029-12-31", 34000,
     "Family therapy and a small peer group for relatives, helping them stay in touch with their family member, "
     "look after themselves and younger children, and support a possible exit."),
]  # fmt: skip


def _interventions() -> list[Intervention]:
    return [
        Intervention(
            key=key,
            name=name,
            description=description,
            prevention_level=level,
            extremism_kinds=list(kinds),
            target_group=group,
            goals=list(goals),
            lead=lead,
            partners=list(others),
            status=status,
            starts_on=_day(starts),
            ends_on=_day(ends),
            budget=Decimal(budget),
        )
        for key, name, level, kinds, group, goals, lead, others, status, starts, ends, budget, description in (
            INTERVENTIONS
        )
    ]


# --- Monitoring ------------------------------------------------------------------------------------------------------

MEASURED_ON = ("2026-03-31", "2026-06-30", "2026-09-30")
# How far from baseline to target each quarter has come, give or take a fixed wobble.
PROGRESS = (0.12, 0.24, 0.33)

# (key, goal, intervention, name, unit, baseline, target, decimals)
INDICATORS = [
    ("ind-online-signs", "goal-online", "iv-think-twice",
     "Pupils who can name three signs of online manipulation (synthetic)", "% of surveyed pupils (synthetic)",
     38, 70, 0),
    ("ind-module-done", "goal-online-module", "iv-scroll-smart",
     "Secondary pupils who completed Scroll Smart (synthetic)", "% of first- and second-years (synthetic)", 0, 95, 0),
    ("ind-parents-reached", "goal-online-parents", "iv-parents-online",
     "Parents who attended an online-safety evening (synthetic)", "parents, cumulative (synthetic)", 0, 600, 0),
    ("ind-feel-at-home", "goal-cohesion", None,
     "Residents who feel at home in their neighbourhood (synthetic)", "% of residents (synthetic)", 64, 75, 1),
    ("ind-meeting-places", "goal-meeting-places", "iv-meeting-places",
     "Neighbourhoods with an active meeting place (synthetic)", "neighbourhoods out of 6 (synthetic)", 3, 6, 0),
    ("ind-tension-response", "goal-tensions", "iv-tension-protocol",
     "Days from noticed tension to a community response (synthetic)", "days, median (synthetic)", 9, 3, 1),
    ("ind-pupil-voice", "goal-democracy", "iv-democracy-class",
     "Pupils who feel they can give their opinion at school (synthetic)", "% of surveyed pupils (synthetic)",
     58, 75, 0),
    ("ind-teacher-confidence", "goal-teachers", "iv-teacher-training",
     "Teachers confident to discuss sensitive topics (synthetic)", "% of surveyed teachers (synthetic)", 41, 75, 0),
    ("ind-know-where-to-turn", "goal-families", None,
     "Residents who know where to turn with a worry about a young person (synthetic)", "% of residents (synthetic)",
     22, 50, 0),
    ("ind-answered-in-time", "goal-contact-point", "iv-contact-point",
     "Contact-point questions answered within five working days (synthetic)", "% of questions (synthetic)", 70, 95, 0),
    ("ind-situation-improved", "goal-early-support", "iv-case-consultation",
     "Young people referred whose situation improved after six months (synthetic)", "% of referrals (synthetic)",
     50, 70, 0),
    ("ind-days-to-mentor", "goal-mentors", "iv-mentoring",
     "Days from referral to first mentor meeting (synthetic)", "days, median (synthetic)", 45, 28, 0),
    ("ind-staff-trained", "goal-frontline-skills", "iv-frontline-training",
     "Frontline staff trained in recognising early signs (synthetic)", "staff, cumulative (synthetic)", 40, 400, 0),
    ("ind-stayed-out", "goal-exit", "iv-exit-support",
     "People in exit support still out of extremist groups after a year (synthetic)",
     "% of participants (synthetic)", 60, 80, 0),
    ("ind-plan-on-release", "goal-reintegration", "iv-reintegration",
     "Releases with a reintegration plan ready on the first day (synthetic)", "% of releases (synthetic)", 50, 100, 0),
    ("ind-exit-kinds", "goal-exit-all-kinds", None,
     "Kinds of extremism covered by available exit support (synthetic)", "kinds out of 4 (synthetic)", 2, 4, 0),
    ("ind-cooperation-works", "goal-cooperation", None,
     "Partners who say the cooperation works well (synthetic)", "% of partners (synthetic)", 55, 80, 0),
    ("ind-reviews-held", "goal-sharing-review", "iv-sharing-review",
     "Reviews of information sharing held on schedule (synthetic)", "reviews, cumulative (synthetic)", 0, 8, 0),
    ("ind-hate-reports", "goal-hate", "iv-hate-reporting",
     "Hate incidents reported (more reporting is good) (synthetic)", "reports per quarter (synthetic)", 14, 30, 0),
    ("ind-support-in-time", "goal-hate-support", "iv-hate-support",
     "Affected people offered support within two working days (synthetic)", "% of reports (synthetic)", 45, 90, 0),
]  # fmt: skip


def _measurements(index: int, baseline: float, target: float, decimals: int) -> list[Measurement]:
    span = target - baseline
    values = [baseline + span * (share + 0.03 * math.sin(index + q)) for q, share in enumerate(PROGRESS)]
    return [
        Measurement(measured_on=_day(on), value=round(value, decimals) + 0.0, note="Synthetic demo value.")
        for on, value in zip(MEASURED_ON, values, strict=True)
    ]


def _monitoring() -> list[MonitoringIndicator]:
    return [
        MonitoringIndicator(
            key=key,
            name=name,
            unit=unit,
            baseline=baseline,
            target=target,
            goal=goal,
            intervention=intervention,
            synthetic=True,
            measurements=_measurements(i, baseline, target, decimals),
        )
        for i, (key, goal, intervention, name, unit, baseline, target, decimals) in enumerate(INDICATORS)
    ]


# --- The whole plan --------------------------------------------------------------------------------------------------


def riverton_document() -> PlanDocument:
    """The complete local action plan of Riverton, a fictional municipality (same result on every call)."""
    network = _network()
    return PlanDocument(
        locality=Locality(name="Riverton", kind=LocalityKind.MUNICIPALITY, fictional=True),
        plan=Plan(
            title="Riverton together: local action plan for safeguarding and social cohesion 2026-2029",
            status=PlanStatus.ADOPTED,
            period_start=date(2026, 1, 1),
            period_end=date(2029, 12, 31),
            review_date=date(2027, 6, 30),
            vision=VISION,
            protection_statement=PROTECTION_STATEMENT,
            setting_fit=SETTING_FIT,
            cooperation_process=COOPERATION_PROCESS,
            extremism_scope=[ExtremismScope(kind=kind, addressed=True) for kind in ALL],
        ),
        goals=_goals(),
        political_support=_political_support(),
        definitions=_definitions(),
        analysis=_analysis(),
        network=network,
        cooperation=Cooperation(coordinator=COORDINATOR),
        sharing=_sharing(),
        interventions=_interventions(),
        monitoring=_monitoring(),
    )
