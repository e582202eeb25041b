"""The `cohesio` command: the open plan format, the plan checker, demo data and operator tasks.

Commands that touch the database act as the operator of this installation (like `manage.py`); they never
print personal data beyond what the plan file itself holds.
"""

import argparse
import json
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesio.settings")
    import django

    django.setup()


def _schema(args) -> int:
    from cohesio.format import schema

    print(json.dumps(schema(), indent=2))
    return EXIT_OK


def _plan_file_max_bytes(*, from_settings: bool) -> int:
    """The limit on plan files: the setting COHESIO_PLAN_FILE_MAX_BYTES, or for `check` (which runs without
    Django) the environment variable of the same name."""
    from cohesio.format.io import MAX_BYTES

    if from_settings:
        from django.conf import settings

        return settings.COHESIO_PLAN_FILE_MAX_BYTES
    try:
        return int(os.environ.get("COHESIO_PLAN_FILE_MAX_BYTES", MAX_BYTES))
    except ValueError:
        return MAX_BYTES


def _check(args) -> int:
    from cohesio.checks.command import main as check_main

    return check_main(args.rest, max_bytes=_plan_file_max_bytes(from_settings=False))


def _locality(slug: str):
    from cohesio.core.models import Locality

    try:
        return Locality.objects.get(slug=slug)
    except Locality.DoesNotExist:
        print(f"cohesio: there is no locality '{slug}'", file=sys.stderr)
        return None


def _export_json(args) -> int:
    _django()
    from cohesio.document.selectors import plan_document
    from cohesio.format import PlanFormatError, dumps
    from cohesio.plans.selectors import current_plan

    locality = _locality(args.locality)
    if locality is None:
        return EXIT_BAD_INPUT
    plan = current_plan(locality)
    if plan is None:
        print(f"cohesio: {locality.slug} has no plan yet", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        text = dumps(plan_document(plan))
    except PlanFormatError as unreadable:
        print(f"cohesio: the plan of {locality.slug} has values that do not fit the plan format:", file=sys.stderr)
        for problem in unreadable.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    sys.stdout.write(text)
    return EXIT_OK


def _import_json(args) -> int:
    _django()
    from cohesio.format.files import read_plan_file

    doc = read_plan_file(
        args.file,
        prog="cohesio import-json",
        refused="; nothing was imported",
        max_bytes=_plan_file_max_bytes(from_settings=True),
    )
    if doc is None:
        return EXIT_BAD_INPUT
    if args.into:
        return _import_into(doc, args.into, dry_run=args.dry_run)
    if not args.locality:
        print("cohesio import-json: give --locality SLUG (a new plan) or --into SLUG (an update)", file=sys.stderr)
        return EXIT_BAD_INPUT
    from django.db import transaction

    from cohesio.core.models import Locality
    from cohesio.document.services import import_plan

    with transaction.atomic():
        locality, created = Locality.objects.get_or_create(
            slug=args.locality,
            defaults={
                "name": args.name or doc.locality.name,
                "kind": doc.locality.kind,
                "fictional": doc.locality.fictional,
            },
        )
        plan = import_plan(doc, locality)
    print(f"Imported '{plan.title}' into {locality.slug}{' (new locality)' if created else ''}.", file=sys.stderr)
    return EXIT_OK


def _import_into(doc, slug: str, *, dry_run: bool) -> int:
    """Update a locality's current plan from a file: print what changes per element, then apply it (or not)."""
    import json as _json

    from cohesio.document.selectors import plan_document
    from cohesio.document.services import ImportRefused, plan_update
    from cohesio.format import dumps
    from cohesio.format.diff import diff_documents
    from cohesio.plans.selectors import current_plan

    locality = _locality(slug)
    plan = current_plan(locality) if locality is not None else None
    if plan is None:
        print(f"cohesio: {slug} has no plan to update; import it with --locality {slug}", file=sys.stderr)
        return EXIT_BAD_INPUT
    before = _json.loads(dumps(plan_document(plan)))
    after = _json.loads(dumps(doc))
    after["plan"]["status"] = before["plan"]["status"]  # the status moves only through the workflow
    diff = diff_documents(before, after)
    for element in diff.elements:
        for change in element.changes:
            fields = f": {', '.join(f.field for f in change.fields)}" if change.fields else ""
            print(f"{element.element}: {change.change} {change.part} {change.key}{fields}")
    counts = diff.counts
    print(f"{counts['added']} added, {counts['changed']} changed, {counts['removed']} removed.", file=sys.stderr)
    if dry_run:
        print("Dry run: nothing was written.", file=sys.stderr)
        return EXIT_OK
    try:
        written = plan_update(acting_user=None, plan=plan, doc=doc)
    except ImportRefused as refused:
        print(f"cohesio: {refused}; nothing was imported", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Updated '{plan.title}' ({written} rows written)." if written else "Nothing to change.", file=sys.stderr)
    return EXIT_OK


def _demo(args) -> int:
    _django()
    from cohesio.demo.load import load_demo

    created = load_demo(password=args.password, quiet=False)
    return EXIT_OK if created or not args.require_empty else EXIT_FINDINGS


def _audit_verify(args) -> int:
    _django()
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    from cohesio.audit.services import verify, verify_anchor

    broken = False
    reports = verify()
    for report in reports:
        if report.intact:
            intact = ngettext("%(chain)s: intact, %(count)s event", "%(chain)s: intact, %(count)s events", report.good)
            print(intact % {"chain": report.chain, "count": report.good})
            continue
        broken = True
        for problem in report.problems:
            print(_("%(chain)s: BROKEN: %(problem)s") % {"chain": report.chain, "problem": problem}, file=sys.stderr)
    if not reports:
        print(_("No audit events yet."))
    if args.anchor:
        saved = _read_anchor(args.anchor)
        problems = verify_anchor(saved) if saved is not None else [_("the anchor file cannot be read as JSON")]
        for problem in problems:
            print(_("anchor: BROKEN: %(problem)s") % {"problem": problem}, file=sys.stderr)
        if not problems:
            print(_("anchor: the database still holds every anchored chain"))
        broken = broken or bool(problems)
    return EXIT_FINDINGS if broken else EXIT_OK


def _read_anchor(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError, RecursionError):
        return None


def _audit_anchor(args) -> int:
    _django()
    from django.utils.translation import gettext as _

    from cohesio.audit.services import anchor

    text = json.dumps(anchor(), indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        print(_("Anchor of the audit chains written to %(file)s.") % {"file": args.output}, file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _create_locality(args) -> int:
    _django()
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email
    from django.utils.text import slugify

    from cohesio.core.models import Locality
    from cohesio.core.services import locality_create

    slug = args.slug or slugify(args.name)[:60]
    try:
        validate_email(args.coordinator)
    except ValidationError:
        print(f"cohesio: '{args.coordinator}' is not an e-mail address", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not slug or Locality.objects.filter(slug=slug).exists():
        print(f"cohesio: choose another short name with --slug ('{slug}' is taken or empty)", file=sys.stderr)
        return EXIT_BAD_INPUT
    region = None
    if args.region:
        region = Locality.objects.filter(slug=args.region, kind="region").first()
        if region is None:
            print(f"cohesio: there is no region '{args.region}'", file=sys.stderr)
            return EXIT_BAD_INPUT
    base = settings.COHESIO_BASE_URL.rstrip("/")
    try:
        invitation = locality_create(
            acting_user=None,
            name=args.name,
            slug=slug,
            kind=args.kind,
            region=region,
            coordinator_email=args.coordinator,
            accept_url_for=lambda inv: base + inv.get_absolute_url(),
        )
    except ValidationError as invalid:
        for field, errors in invalid.message_dict.items():
            print(f"cohesio: {field}: {' '.join(errors)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Created {invitation.locality.name} ({slug}). Invitation e-mailed to the first coordinator.", file=sys.stderr)
    print(base + invitation.get_absolute_url())
    return EXIT_OK


def _send_digests(args) -> int:
    _django()
    from cohesio.cocreation.services import notification_digests_send

    sent = notification_digests_send()
    print(f"{sent} digest e-mail(s) sent.", file=sys.stderr)
    return EXIT_OK


def _export(args) -> int:
    _django()
    from cohesio.exports.command import export_command

    return export_command(
        locality=args.locality, file_format=args.format, version=args.version, public=args.public, output=args.output
    )


def _clean_exports(args) -> int:
    _django()
    from cohesio.exports.command import clean_exports_command

    return clean_exports_command(hours=args.hours)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cohesio", description="Cohesio: local action plans to prevent violent extremism.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("schema", help="print the JSON Schema of the open plan format").set_defaults(func=_schema)
    c = sub.add_parser("check", help="check a plan file (cohesio check FILE.json --help)", add_help=False)
    c.add_argument("rest", nargs=argparse.REMAINDER)
    c.set_defaults(func=_check)
    e = sub.add_parser("export-json", help="print a locality's current plan in the open format")
    e.add_argument("locality", help="the locality's short name (slug)")
    e.set_defaults(func=_export_json)
    i = sub.add_parser("import-json", help="import a plan file as a new plan, or as an update of the current one")
    i.add_argument("file")
    where = i.add_mutually_exclusive_group(required=True)
    where.add_argument("--locality", help="short name (slug) of the locality to import a new plan into (created if missing)")
    where.add_argument("--into", metavar="SLUG", help="update the current plan of this locality, row by row by key")
    i.add_argument("--dry-run", action="store_true", help="with --into: show what would change, write nothing")
    i.add_argument("--name", help="name for a new locality (default: the name in the file)")
    i.set_defaults(func=_import_json)
    d = sub.add_parser("demo", help="load the fictional municipality Riverton with demo logins, if not loaded yet")
    d.add_argument("--password", default=None, help="password for the demo logins (default: a fixed demo password)")
    d.add_argument("--require-empty", action="store_true", help="exit 1 when the demo was already loaded")
    d.set_defaults(func=_demo)
    n = sub.add_parser("create-locality", help="start a municipality or region and invite its first coordinator")
    n.add_argument("name", help='its name, for example "Lakeside"')
    n.add_argument("--coordinator", required=True, help="e-mail address of the first coordinator")
    n.add_argument("--kind", choices=["municipality", "region"], default="municipality")
    n.add_argument("--region", help="short name (slug) of the region it belongs to")
    n.add_argument("--slug", help="short name for web addresses (default: made from the name)")
    n.set_defaults(func=_create_locality)
    g = sub.add_parser("send-digests", help="e-mail the notifications that are waiting (run it hourly from cron)")
    g.set_defaults(func=_send_digests)
    x = sub.add_parser("export", help="write a locality's plan, or one of its versions, as DOCX, PDF, ODT or HTML")
    x.add_argument("locality", help="the locality's short name (slug)")
    x.add_argument("--format", required=True, choices=["docx", "pdf", "odt", "html"])
    x.add_argument("--version", type=int, help="a published version's number (default: the plan as it is now)")
    x.add_argument("--public", action="store_true", help="the public version: organisations and roles, no people")
    x.add_argument("-o", "--output", metavar="FILE", help="where to write it ('-' for standard output)")
    x.set_defaults(func=_export)
    k = sub.add_parser("clean-exports", help="remove prepared export files older than a day (run it daily from cron)")
    k.add_argument("--hours", type=int, help="remove those older than this many hours (default: COHESIO_EXPORT_FILE_HOURS, 24)")
    k.set_defaults(func=_clean_exports)
    a = sub.add_parser("audit-verify", help="recompute every audit chain, compare it with its head, report breaks")
    a.add_argument("--anchor", metavar="FILE", help="also check that the database still holds this anchored state")
    a.set_defaults(func=_audit_verify)
    h = sub.add_parser("audit-anchor", help="print the signed state of every audit chain head, to keep elsewhere")
    h.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
    h.set_defaults(func=_audit_anchor)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        return _check(argparse.Namespace(rest=argv[1:]))
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
