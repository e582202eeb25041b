"""Reviewing a plan in the app: the plan checker's findings per element, and findings partners accept."""
