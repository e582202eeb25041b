"""Accounts: no self sign-up (people join through an invitation); e-mail addresses count only once verified."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model


class InvitationOnlyAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False


def normalise_email(email: str) -> str:
    return email.strip().lower()


def account_with_verified_email(email: str):
    """The account that has proved it owns `email`, or None. An address added but never confirmed does not count."""
    address = (
        EmailAddress.objects.filter(email__iexact=normalise_email(email), verified=True).select_related("user").first()
    )
    return address.user if address else None


def has_verified_email(user, email: str) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=normalise_email(email), verified=True).exists()


def create_account(*, email: str, password: str | None, name: str = ""):
    """A new account whose e-mail address is already proven (it came from an invitation sent to that address).

    `password=None` makes an account that cannot sign in until a password is set through a reset.
    """
    email = normalise_email(email)
    user = get_user_model().objects.create_user(username=email, email=email, password=password, first_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def ensure_verified_email(email: str) -> None:
    """Mark the address of the account named `email` as verified (the fictional demo logins only)."""
    user = get_user_model().objects.filter(username__iexact=normalise_email(email)).first()
    if user is not None and not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
