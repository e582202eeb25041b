"""The pages that gather the whole plan: the overview, the start path for a new plan, and the JSON download.

The top of the plan's layers: it may read every element app, the review and co-creation; nothing below it
imports it. Its pages keep the `plans:` URL names (see `urls.py`).
"""
