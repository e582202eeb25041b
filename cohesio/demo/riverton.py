"""Riverton, a FICTIONAL municipality: a complete, realistic local action plan.

The plan is an open-format plan file, `riverton.json`, with readable keys (`goal-online`, `p-sanne`), loaded by
`cohesio demo` through the same import as any municipality's file. Every name, figure, place and person in it
is made up; indicator values are synthetic and say so. To change the demo, edit the file (or change the plan in
the app and save its JSON download over it); `cohesio check cohesio/demo/riverton.json` must stay free of errors.
"""

from importlib.resources import files

from cohesio.format import PlanDocument, load

DEMO_FILE = files("cohesio.demo") / "riverton.json"


def riverton_document() -> PlanDocument:
    """The demo plan, read afresh (callers may change their copy)."""
    return load(DEMO_FILE.read_bytes())
