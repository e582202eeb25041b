"""Stable keys for plan rows: a readable slug, unique per plan and kind, kept across edits, reorders and versions.

A key is made once, when a row is first saved, from its name (`goal-resilient-youth`); it never changes after
that, so findings, acceptances, versions and re-imports can refer to the row by it.
"""

from django.utils.text import slugify

KEY_MAX = 64
WORDS_MAX = 40  # the readable part: a few words of the name


def make_key(prefix: str, text: str, taken: set[str]) -> str:
    """A key for a new row: prefix and the slug of `text`, with -2, -3, ... when taken; adds it to `taken`."""
    slug = _shortened(slugify(text or ""), min(WORDS_MAX, KEY_MAX - len(prefix) - 6))
    base = f"{prefix}-{slug}" if slug else prefix
    candidate, n = (base, 1) if slug else (f"{base}-1", 1)
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def fill_keys(model, prefix: str, key_from: str) -> None:
    """Give every row of `model` without a key one (used by the migrations that add keys)."""
    taken: dict[int, set[str]] = {}
    for row in model.objects.order_by("plan_id", "position", "id").iterator():
        keys = taken.setdefault(row.plan_id, set())
        if row.key:
            keys.add(row.key)
            continue
        row.key = make_key(prefix, str(getattr(row, key_from, "") or "") if key_from else "", keys)
        row.save(update_fields=["key"])


def _shortened(slug: str, limit: int) -> str:
    """At most `limit` characters, cut at a word (hyphen) when there is one."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return (cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut).strip("-")


def give_keys(app_label: str, keyed: list[tuple[str, str, str]]):
    """The migration step that gives existing rows of `app_label` their keys: (model, prefix, key_from) each."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        for model, prefix, key_from in keyed:
            fill_keys(apps.get_model(app_label, model), prefix, key_from)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
