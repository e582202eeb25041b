"""The open plan format: a whole local action plan as validated, versioned data (no Django here)."""

from .document import FORMAT_VERSION, PlanDocument
from .io import dump, dumps, load, schema
from .references import PlanFormatError, Problem

__all__ = ["FORMAT_VERSION", "PlanDocument", "PlanFormatError", "Problem", "dump", "dumps", "load", "schema"]
