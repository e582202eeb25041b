"""A person changes their primary e-mail address in their account settings (allauth): pages in their localities
show it where they gave no name, so it is an event in each (`services.account_changed`)."""

from allauth.account.signals import email_changed
from django.dispatch import receiver

from .services import account_changed


@receiver(email_changed)
def record_email_change(sender, request, user, **kwargs):
    account_changed(acting_user=user, user=user, action="account.email_change")
