"""Demo data: the complete local action plan of Riverton, a fictional municipality."""

from .riverton import riverton_document

__all__ = ["riverton_document"]
