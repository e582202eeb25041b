"""Signals other apps listen to, so core never imports them."""

from django.dispatch import Signal

# Sent inside the accepting transaction with `invitation` and `user`.
invitation_accepted = Signal()
