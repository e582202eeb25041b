"""Reading, writing and comparing plan documents, and the published JSON Schema."""

import json
from typing import Any

from pydantic import ValidationError

from .document import FORMAT_VERSION, PlanDocument
from .references import PlanFormatError, Problem

SUPPORTED_VERSIONS = {FORMAT_VERSION}


def _json_path(loc: tuple) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def load(data: str | bytes | dict[str, Any]) -> PlanDocument:
    """Parse and validate a plan document; raise PlanFormatError naming each bad JSON path."""
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except UnicodeDecodeError:
            raise PlanFormatError([Problem("$", "the file is not UTF-8 text")])
        except json.JSONDecodeError as exc:
            raise PlanFormatError([Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")])
    if not isinstance(data, dict):
        raise PlanFormatError([Problem("$", "a plan document must be a JSON object")])
    version = data.get("format_version", FORMAT_VERSION)
    if version not in SUPPORTED_VERSIONS:
        raise PlanFormatError(
            [Problem("$.format_version", f"version '{version}' is not supported (this Cohesio reads {FORMAT_VERSION})")]
        )
    try:
        return PlanDocument.model_validate(data)
    except ValidationError as exc:
        raise PlanFormatError(
            [Problem(_json_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)]
        ) from None


def dump(doc: PlanDocument) -> dict[str, Any]:
    """The document as plain JSON-ready data."""
    return doc.model_dump(mode="json")


def dumps(doc: PlanDocument) -> str:
    return json.dumps(dump(doc), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the open plan format."""
    s = PlanDocument.model_json_schema(mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = f"https://cohesio.example/schema/plan-{FORMAT_VERSION}.json"
    s["title"] = "Cohesio local action plan"
    return s
