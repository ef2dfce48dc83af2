#!/usr/bin/env python3
"""Captures the OpenAPI document's examples from a live Signet in test mode.

Plays a short integration (persons, identification through the sandbox, screening,
documents, webhooks) against the server at SIGNET_URL with the test key SIGNET_API_KEY and
writes, for each operation id, the JSON request body it sent and the JSON answer it got to
crates/server/src/openapi/examples.json, which the server puts into /openapi.json. Lists of
records are cut to two. The test suite checks every example against its schema
(clients/python/tests/test_examples.py), so a schema change that an example no longer fits
fails until the examples are captured again:

    SIGNET_URL=http://127.0.0.1:8080 SIGNET_API_KEY=sk_test_… SIGNET_SAMPLE_PDF=contract.pdf \\
      .venv/bin/python scripts/capture-examples.py

The server needs a sanctions list naming Vladimir Putin (`signet lists import`) and must
accept webhook endpoints on 127.0.0.1 (`webhook_allow_private`).
"""

import base64
import json
import os
import sys
from pathlib import Path

import httpx

OUT = Path(__file__).resolve().parent.parent / "crates/server/src/openapi/examples.json"

base = os.environ["SIGNET_URL"].rstrip("/")
key = os.environ["SIGNET_API_KEY"]
pdf = Path(os.environ["SIGNET_SAMPLE_PDF"]).read_bytes()
http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60)
examples: dict[str, dict] = {}


def trimmed(value):
    if isinstance(value, list):
        # Lists of records are cut to two; tuples such as a byte range stay whole.
        keep = value[:2] if value and isinstance(value[0], dict) else value
        return [trimmed(v) for v in keep]
    if isinstance(value, dict):
        return {k: trimmed(v) for k, v in value.items()}
    return value


def call(operation: str, method: str, path: str, body=None, *, record=True, **kwargs):
    answer = http.request(method, path, json=body, **kwargs)
    if answer.status_code >= 400:
        sys.exit(f"{operation}: {method} {path} answered {answer.status_code}: {answer.text}")
    value = answer.json() if answer.content else None
    if record:
        entry = examples.setdefault(operation, {})
        if body is not None:
            entry["request"] = body
        if value is not None:
            entry["response"] = trimmed(value)
    return value


def same_as(operation: str, other: str, request=None):
    """An operation whose answer has another's schema and that this play cannot reach."""
    entry = {"response": examples[other]["response"]}
    if request is not None:
        entry["request"] = request
    examples[operation] = entry


call("getHealth", "GET", "/healthz")
call("getReadiness", "GET", "/readyz")
call("listCodes", "GET", "/v1/codes", params={"kind": "signature_status_code"})

person = call(
    "createPerson",
    "POST",
    "/v1/persons",
    {
        "salutation": "MS",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "birth_date": "1985-12-10",
        "birth_city": "London",
        "nationality": "GB",
        "email": "ada@example.com",
        "mobile_number": "+4915112345678",
        "address": {"line_1": "12 St James's Square", "postal_code": "SW1Y 4JH", "city": "London", "country": "GB"},
    },
)
pid = person["id"]
call("getPerson", "GET", f"/v1/persons/{pid}")
call("updatePerson", "PATCH", f"/v1/persons/{pid}", {"job_title": "Mathematician", "employment_status": "EMPLOYED"})
# A reviewer flags the person (the example), then clears the flag so the play goes on.
call(
    "setPersonComplianceFlag",
    "POST",
    f"/v1/persons/{pid}/compliance_flag",
    {"flagged": True, "reason": "Adverse media: named in a fraud investigation."},
)
call("setPersonComplianceFlag", "POST", f"/v1/persons/{pid}/compliance_flag", {"flagged": False}, record=False)
call("listPersons", "GET", "/v1/persons", params={"page[size]": 1})

# Identification: the sandbox case X-MANUALTEST-HAPPYPATH waits for the applicant's part.
applicant = call("createPerson", "POST", "/v1/persons", {"first_name": "X-MANUALTEST-HAPPYPATH", "last_name": "Tester"}, record=False)
aid = applicant["id"]
ident = call("createIdentification", "POST", f"/v1/persons/{aid}/identifications", {"method": "idnow", "language": "EN"})
iid = ident["id"]
call("requestIdentification", "PATCH", f"/v1/persons/{aid}/identifications/{iid}/request")
call("listSupportedDocuments", "GET", f"/v1/persons/{aid}/identifications/{iid}/supported_documents")
call("startSandboxIdentification", "POST", f"/v1/sandbox/identifications/{iid}/start")
call("completeSandboxIdentification", "POST", f"/v1/sandbox/identifications/{iid}/complete", {"ident_code": "123456", "mobile_number": "+15550101"})
call("getSandboxClock", "GET", "/v1/sandbox/clock")
call("advanceSandboxClock", "POST", "/v1/sandbox/clock/advance", {"seconds": 120})
call("getIdentification", "GET", f"/v1/persons/{aid}/identifications/{iid}")
call("listIdentificationAttempts", "GET", f"/v1/persons/{aid}/identifications/{iid}/attempts")
call("listPersonIdentifications", "GET", f"/v1/persons/{aid}/identifications")
other = call("createPerson", "POST", "/v1/persons", {"first_name": "X-MANUALTEST-ABORTIDENT", "last_name": "Tester"}, record=False)
aborted = call("createIdentification", "POST", f"/v1/persons/{other['id']}/identifications", {"method": "idnow"}, record=False)
call("requestIdentification", "PATCH", f"/v1/persons/{other['id']}/identifications/{aborted['id']}/request", record=False)
call("abortSandboxIdentification", "POST", f"/v1/sandbox/identifications/{aborted['id']}/abort")

# Screening.
listed = call("createPerson", "POST", "/v1/persons", {"first_name": "Vladimir", "last_name": "Putin", "birth_date": "1952-10-07"}, record=False)
screening = call("screenPerson", "POST", f"/v1/persons/{listed['id']}/screenings")
call("listPersonScreenings", "GET", f"/v1/persons/{listed['id']}/screenings")
call("listScreeningHits", "GET", "/v1/screening/hits", params={"status": "open"})
call("decideScreeningHit", "POST", f"/v1/screening/hits/{screening['hits'][0]['id']}/decision", {"decision": "false_positive", "note": "Born 1961 in Kazan: another man."})
call("listScreeningLists", "GET", "/v1/screening/lists")
call("searchScreeningLists", "POST", "/v1/screening/search", {"name": "Владимир Путин", "birth_date": "1952", "nationality": "RU", "limit": 5})

# Webhooks (before the documents, so their events have messages to resend).
endpoint = call("createWebhookEndpoint", "POST", "/v1/webhooks", {"url": "http://127.0.0.1:9/hooks/signet", "event_types": ["document.finished", "signature.status_changed"], "description": "Contracts"})
eid = endpoint["id"]

# Documents.
call("setReminderDefaults", "PUT", "/v1/settings/reminders", {"reminders": {"after": 86400, "every": 172800, "max": 3}})
call("getReminderDefaults", "GET", "/v1/settings/reminders")
def area(x, y, w, h):
    return {"page": 1, "x": x, "y": y, "w": w, "h": h}


FIELDS = [
    {"name": "client_signature", "type": "signature", "signer": 0, "area": area(0.1, 0.8, 0.35, 0.08)},
    {"name": "client_name", "type": "name", "signer": 0, "area": area(0.5, 0.8, 0.3, 0.04)},
    {"name": "signed_on", "type": "date", "signer": 0, "area": area(0.5, 0.85, 0.2, 0.04)},
    {"name": "plan", "type": "select", "signer": 0, "options": ["Basic", "Premium"], "area": area(0.1, 0.3, 0.3, 0.04)},
    {"name": "seats", "type": "number", "signer": 0, "required": False, "area": area(0.5, 0.3, 0.15, 0.04)},
    {"name": "contract_id", "type": "text", "signer": 0, "value": "C-4711", "area": area(0.1, 0.2, 0.3, 0.04)},
]


def new_document(name: str, record: bool, number=None, fields=None):
    body = {
        "name": name,
        "file": base64.b64encode(pdf).decode(),
        "signers": [{"name": "Ada Lovelace", "email": "ada@example.com"}],
        "tags": ["onboarding"],
        "custom": ["customer-4711"],
    }
    if number is not None:
        body["number"] = number
    if fields is not None:
        body["fields"] = fields
    return call("createDocument", "POST", "/v1/documents", body, record=record)


document = new_document("Service agreement", True, "SA-2026-0001", FIELDS)
did, sid = document["id"], document["signers"][0]["id"]
call("getSigner", "GET", f"/v1/documents/{did}/signers/{sid}")
call("resendSigner", "POST", f"/v1/documents/{did}/signers/{sid}/resend")
call("remindSigner", "POST", f"/v1/documents/{did}/signers/{sid}/remind")
call("approveSigner", "POST", f"/v1/documents/{did}/signers/{sid}/approve", {"values": {"plan": "Premium", "seats": 12}})
call("confirmSigner", "POST", f"/v1/documents/{did}/signers/{sid}/confirm", {"otp": "123456"})
call("getDocument", "GET", f"/v1/documents/{did}")
call("listDocuments", "GET", "/v1/documents", params={"status": "finished", "page[size]": 1})
call("getDocumentAudit", "GET", f"/v1/documents/{did}/audit")
signed = http.get(f"/v1/documents/{did}/file").content
call("verifyPdf", "POST", "/v1/verify", None, params={"anchor": "test"}, content=signed, headers={"Content-Type": "application/pdf"})
rejected = new_document("Rejected agreement", False)
call("rejectSigner", "POST", f"/v1/documents/{rejected['id']}/signers/{rejected['signers'][0]['id']}/reject", {"message": "The notice period is wrong."})
canceled = new_document("Canceled agreement", False)
call("cancelDocument", "POST", f"/v1/documents/{canceled['id']}/cancel")
drafts = [new_document("Draft agreement", False, f"DRAFT-{i}") for i in (1, 2)]
call("deleteDocuments", "POST", "/v1/documents/delete", {"ids": [d["id"] for d in drafts]})
# A selfie review and an unblock need a signer in a state this play does not reach; their
# answers have the signer's schema.
image = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
same_as("submitSignerSelfie", "getSigner", {"image": image})
same_as("reviewSignerSelfie", "getSigner", {"decision": "accept"})
same_as("unblockSigner", "getSigner")
call("listPersonDocuments", "GET", f"/v1/persons/{pid}/documents")

TEMPLATE_FIELDS = [
    {"name": "client_signature", "type": "signature", "role": "Client", "area": area(0.1, 0.8, 0.35, 0.08)},
    {"name": "bank_signature", "type": "signature", "role": "Bank", "area": area(0.55, 0.8, 0.35, 0.08)},
    {"name": "plan", "type": "select", "role": "Client", "options": ["Basic", "Premium"], "area": area(0.1, 0.3, 0.3, 0.04)},
    {"name": "loan_id", "type": "text", "role": "Bank", "area": area(0.1, 0.2, 0.3, 0.04)},
]
call("setTemplateReviewSetting", "PUT", "/v1/settings/template_review", {"require_template_review": False})
call("getTemplateReviewSetting", "GET", "/v1/settings/template_review")
template = call("createTemplate", "POST", "/v1/templates", {"name": "Loan agreement", "file": base64.b64encode(pdf).decode(), "roles": ["Client", "Bank"], "fields": TEMPLATE_FIELDS})
tid = template["id"]
call("getTemplate", "GET", f"/v1/templates/{tid}")
call("listTemplates", "GET", "/v1/templates", params={"page[size]": 1})
call("updateTemplate", "PATCH", f"/v1/templates/{tid}", {"name": "Loan agreement 2026"})
call("createDocument", "POST", "/v1/documents", {"name": "Loan 4711", "template_id": tid, "signers": [{"name": "Ada Lovelace", "email": "ada@example.com", "role": "Client"}, {"name": "Ben Okafor", "email": "ben@bank.example", "role": "Bank"}], "values": {"loan_id": "L-4711"}}, record=False)
call("deleteTemplate", "DELETE", f"/v1/templates/{tid}")

call("getWebhookEndpoint", "GET", f"/v1/webhooks/{eid}")
call("listWebhookEndpoints", "GET", "/v1/webhooks")
call("updateWebhookEndpoint", "PATCH", f"/v1/webhooks/{eid}", {"event_types": ["*"]})
deliveries = None
for _ in range(100):
    deliveries = call("listWebhookDeliveries", "GET", f"/v1/webhooks/{eid}/deliveries")
    if deliveries:
        break
    import time

    time.sleep(0.1)
if not deliveries:
    sys.exit("no delivery was attempted")
call("resendWebhookMessage", "POST", f"/v1/webhooks/{eid}/deliveries/{deliveries[0]['message_id']}/resend")
call("recoverWebhookMessages", "POST", f"/v1/webhooks/{eid}/recover", {"since": "2026-01-01T00:00:00Z"})
call("rotateWebhookSecret", "POST", f"/v1/webhooks/{eid}/rotate")
call("deleteWebhookEndpoint", "DELETE", f"/v1/webhooks/{eid}")

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(dict(sorted(examples.items())), indent=2, ensure_ascii=False) + "\n")
print(f"wrote {len(examples)} operations' examples to {OUT}", file=sys.stderr)
