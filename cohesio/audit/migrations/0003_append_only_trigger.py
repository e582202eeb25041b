"""On PostgreSQL the database itself refuses to change or remove audit events, and lets a chain head only move on.

TRUNCATE stays allowed: Django's test runner empties tables with it between transactional tests. A truncated
events table is still found by `cohesio audit-verify` (the heads keep the counts), a truncated pair of tables by
`cohesio audit-verify --anchor FILE`.
"""

from django.db import migrations

INSTALL = [
    """
CREATE OR REPLACE FUNCTION cohesio_audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP;
END;
$$""",
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION cohesio_audit_event_append_only()""",
    """
CREATE OR REPLACE FUNCTION cohesio_audit_head_moves_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit chain heads cannot be deleted';
    END IF;
    IF NEW.chain <> OLD.chain OR NEW.locality_id IS DISTINCT FROM OLD.locality_id OR NEW.count <> OLD.count + 1 THEN
        RAISE EXCEPTION 'an audit chain head only moves on by one event';
    END IF;
    RETURN NEW;
END;
$$""",
    """CREATE TRIGGER audit_head_moves_on BEFORE UPDATE OR DELETE ON audit_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION cohesio_audit_head_moves_on()""",
]

UNINSTALL = [
    "DROP TRIGGER IF EXISTS audit_head_moves_on ON audit_auditchainhead",
    "DROP FUNCTION IF EXISTS cohesio_audit_head_moves_on()",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent",
    "DROP FUNCTION IF EXISTS cohesio_audit_event_append_only()",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_chains"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(INSTALL), _on_postgresql(UNINSTALL)),
    ]
