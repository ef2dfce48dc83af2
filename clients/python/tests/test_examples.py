"""The document's examples are what its schemas describe, and every operation with a JSON
body or answer has them (captured from a live server by scripts/capture-examples.py)."""

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"
# Files and text: the person's file route answers JSON only for a file that is JSON.
BINARY_ONLY = {
    "getMetrics",
    "getDocumentAuditPdf",
    "getDocumentFile",
    "getPersonDocumentFile",
    "exportPerson",
    "getCaCertificate",
    "getTestCaCertificate",
    "getTrustAnchors",
    "getTestTrustAnchors",
    "getRevocationList",
    "checkCertificateStatus",
    "checkCertificateStatusByPath",
}


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def test_every_example_fits_its_schema_and_every_operation_has_one() -> None:
    doc = json.loads(DOCUMENT.read_text())
    registry: Registry[Any] = Registry().with_resource(
        "urn:signet", Resource.from_contents(doc, default_specification=DRAFT202012)
    )
    checked: set[str] = set()
    problems: list[str] = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            name = op["operationId"]
            if name in BINARY_ONLY:
                continue
            media = [
                (("requestBody", "content", "application/json"), op.get("requestBody", {})),
                *(
                    (("responses", status, "content", "application/json"), answer)
                    for status, answer in op["responses"].items()
                    if status.startswith("2")
                ),
            ]
            for where, holder in media:
                content = holder.get("content", {}).get("application/json")
                if content is None:
                    continue
                if "example" not in content:
                    problems.append(f"{name}: no example at {'/'.join(where)}")
                    continue
                ref = "urn:signet#/" + _pointer("paths", path, method, *where, "schema")
                validator = Draft202012Validator({"$ref": ref}, registry=registry)
                for error in validator.iter_errors(content["example"]):
                    problems.append(f"{name} {'/'.join(where)}: {error.message} at {list(error.absolute_path)}")
                checked.add(name)
    assert not problems, "\n".join(problems)
    every = {op["operationId"] for item in doc["paths"].values() for op in item.values()}
    # deleteWebhookEndpoint, deleteDocument and deleteTemplate answer 204 without a body.
    assert every - checked == BINARY_ONLY | {"deleteWebhookEndpoint", "deleteDocument", "deleteTemplate"}
