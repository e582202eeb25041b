"""Signals co-creation sends, so apps above it (exports) can act without co-creation importing them."""

from django.dispatch import Signal

# Sent inside the adopting transaction, after the status is saved, with `plan` and `acting_user` (and `now`).
plan_adopted = Signal()
