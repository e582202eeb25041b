"""Hypothesis strategies for the checker: valid plan documents whose texts carry the words the checker looks for."""

from hypothesis import strategies as st

from cohesio.format import PlanDocument
from cohesio.format.tests.strategies import plan_documents as valid_plan_documents

# Harsh terms, identity words and their neutral look-alikes, in English and Dutch, mixed with any text.
_WORDS = st.sampled_from(
    [
        "youth", "school", "terrorists", "data security", "radicalised", "Muslims", "Moroccan", "anti-Muslim",
        "geradicaliseerde", "terroristen", "jihadist", "veiligheid", "threat", "social security", "zero-tolerance",
        "Marokkaanse", "armoedebestrijding", "security of the data", "", " ", "-",
    ]
)  # fmt: skip
texts = st.one_of(st.lists(_WORDS, max_size=8).map(" ".join), st.text(max_size=80))


@st.composite
def plan_documents(draw: st.DrawFn) -> PlanDocument:
    """A valid plan document (see cohesio.format's strategy) with checker-relevant words in its free texts."""
    doc = draw(valid_plan_documents())
    doc.plan.vision = draw(texts)
    doc.plan.protection_statement = draw(texts)
    for item in (*doc.goals, *doc.analysis.factors, *doc.interventions):
        item.description = draw(texts)
    for definition in doc.definitions:
        definition.text = draw(texts)
        definition.local_wording = draw(texts.map(lambda text: text[:200]))
    return doc
