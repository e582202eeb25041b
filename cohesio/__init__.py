"""Cohesio: co-create, check and monitor a local action plan to prevent violent extremism."""
