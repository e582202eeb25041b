"""On PostgreSQL the database itself refuses to change a published version.

Deleting the plan still removes its versions, and deleting a person's account still clears `published_by`.
"""

from django.db import migrations

INSTALL = [
    """
CREATE OR REPLACE FUNCTION cohesio_plan_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.locality_id, NEW.plan_id, NEW.number, NEW.note, NEW.occasion, NEW.plan_status, NEW.published_at,
        NEW.format_version, NEW.document, NEW.findings) IS DISTINCT FROM
       (OLD.id, OLD.locality_id, OLD.plan_id, OLD.number, OLD.note, OLD.occasion, OLD.plan_status, OLD.published_at,
        OLD.format_version, OLD.document, OLD.findings) THEN
        RAISE EXCEPTION 'published plan versions cannot be changed';
    END IF;
    RETURN NEW;
END;
$$""",
    """CREATE TRIGGER plan_version_immutable BEFORE UPDATE ON exports_planversion
    FOR EACH ROW EXECUTE FUNCTION cohesio_plan_version_immutable()""",
]

UNINSTALL = [
    "DROP TRIGGER IF EXISTS plan_version_immutable ON exports_planversion",
    "DROP FUNCTION IF EXISTS cohesio_plan_version_immutable()",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("exports", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(INSTALL), _on_postgresql(UNINSTALL)),
    ]
