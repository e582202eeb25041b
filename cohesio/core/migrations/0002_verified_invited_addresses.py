"""Accounts made before addresses had to be verified: an account that joined through an invitation sent to its
own address has proven that address; every other account gets its address as unverified (allauth asks its owner
to confirm it at the next sign-in)."""

from django.db import migrations


def forwards(apps, schema_editor):
    User = apps.get_model("auth", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    Invitation = apps.get_model("core", "Invitation")
    for user in User.objects.exclude(email="").filter(emailaddress__isnull=True).iterator():
        proven = Invitation.objects.filter(accepted_by=user, email__iexact=user.email).exists()
        EmailAddress.objects.create(user=user, email=user.email.lower(), verified=proven, primary=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
