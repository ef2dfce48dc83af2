"""An integrator's stories, told through the SDK only: no raw request, no cast, every answer
a generated model and every refusal the typed error model."""

import base64
from collections.abc import Iterator
from typing import Any
import datetime
import hashlib
import http.server
import io
import json
import queue
import random
import string
import threading
import time
import uuid
import zipfile

import pytest

from signet_api import AuthenticatedClient
from signet_api.api.documents import (
    create_document,
    get_document,
    get_document_audit,
    get_document_file,
    verify_pdf,
)
from signet_api.api.identifications import (
    create_identification,
    get_identification,
    request_identification,
)
from signet_api.api.persons import (
    create_person,
    export_person,
    get_person,
    list_persons,
    update_person,
)
from signet_api.api.sandbox import advance_sandbox_clock
from signet_api.api.screening import (
    decide_screening_hit,
    list_screening_hits,
    screen_person,
    search_screening_lists,
)
from signet_api.api.signers import approve_signer, confirm_signer
from signet_api.api.webhooks import create_webhook_endpoint, delete_webhook_endpoint
from signet_api.models import (
    Advance,
    ConfirmRequest,
    CreateDocument,
    CreateDocumentSignersItem,
    CreateIdentification,
    CreateIdentificationMethod,
    CreateWebhook,
    CreateWebhookEventTypesItem,
    DecisionRequest,
    DecisionRequestDecision,
    DocumentStatus,
    ErrorObjectCode,
    IdentificationStatus,
    ListScreeningHitsStatus,
    Person,
    PersonCreate,
    PersonUpdate,
    ScreeningHitStatus,
    SearchRequest,
    SignerStatus,
    VerifyPdfAnchor,
)
from signet_api.types import File
from signet_client import SignetError, connect, ok, paginate, verify_webhook


def unique(prefix: str) -> str:
    """`prefix` and eight random letters (names take no digits)."""
    return prefix + "".join(random.choice(string.ascii_lowercase) for _ in range(8))


def new_person(client: AuthenticatedClient, first: str, last: str) -> Person:
    return ok(
        create_person.sync_detailed(
            client=client, body=PersonCreate(first_name=first, last_name=last)
        )
    )


def test_a_person_is_created_read_changed_and_listed(client: AuthenticatedClient) -> None:
    last = unique("Lovelace")
    created = ok(
        create_person.sync_detailed(
            client=client,
            body=PersonCreate(
                first_name="Ada",
                last_name=last,
                birth_date=datetime.date(1980, 1, 2),
                email="ada@example.com",
                mobile_number="+4915112345678",
            ),
        )
    )
    assert created.first_name == "Ada" and created.birth_date == datetime.date(1980, 1, 2)
    read = ok(get_person.sync_detailed(created.id, client=client))
    assert read.id == created.id and read.last_name == last
    changed = ok(
        update_person.sync_detailed(
            created.id, client=client, body=PersonUpdate(job_title="Mathematician")
        )
    )
    assert changed.job_title == "Mathematician"
    assert changed.updated_at >= created.updated_at
    listed = [p.id for p in paginate(list_persons.sync_detailed, client=client, page_size=2)]
    assert created.id in listed
    assert len(listed) == len(set(listed)), "no person twice across pages"
    # Everything held about the person, as a ZIP with a manifest of hashes.
    exported = ok(export_person.sync_detailed(created.id, client=client))
    with zipfile.ZipFile(io.BytesIO(exported.payload.read())) as archive:
        assert archive.testzip() is None
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["schema_version"] == 1
        for entry in manifest["entries"]:
            data = archive.read(entry["path"])
            assert len(data) == entry["size"]
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert last in archive.read("person.json").decode()


def test_a_person_is_identified_in_the_sandbox(client: AuthenticatedClient) -> None:
    # A first name of X-AUTOTEST-<case> plays that sandbox case: HAPPYPATH succeeds after
    # two minutes on the tenant's test clock.
    person = new_person(client, "X-AUTOTEST-HAPPYPATH", unique("Tester"))
    ident = ok(
        create_identification.sync_detailed(
            person.id,
            client=client,
            body=CreateIdentification(method=CreateIdentificationMethod.IDNOW),
        )
    )
    assert ident.status == IdentificationStatus.CREATED
    requested = ok(request_identification.sync_detailed(person.id, ident.id, client=client))
    assert requested.status == IdentificationStatus.PENDING
    ok(advance_sandbox_clock.sync_detailed(client=client, body=Advance(seconds=120)))
    done = ok(get_identification.sync_detailed(person.id, ident.id, client=client))
    assert done.status == IdentificationStatus.SUCCESSFUL


def test_a_listed_person_is_screened_and_the_hit_decided(client: AuthenticatedClient) -> None:
    person = new_person(client, "Vladimir", "Putin")
    screening = ok(screen_person.sync_detailed(person.id, client=client))
    assert screening.hits, "the imported list names him"
    hit = screening.hits[0]
    assert hit.explanation is not None and hit.explanation.tokens
    open_hits = list(
        paginate(
            list_screening_hits.sync_detailed,
            client=client,
            status=ListScreeningHitsStatus.OPEN,
        )
    )
    assert hit.id in [h.id for h in open_hits]
    decided = ok(
        decide_screening_hit.sync_detailed(
            hit.id,
            client=client,
            body=DecisionRequest(
                decision=DecisionRequestDecision.FALSE_POSITIVE, note="another man"
            ),
        )
    )
    assert decided.status == ScreeningHitStatus.FALSE_POSITIVE
    found = ok(
        search_screening_lists.sync_detailed(
            client=client, body=SearchRequest(name="Владимир Путин")
        )
    )
    assert found.matches and found.matches[0].score >= 0.8


class _Receiver(http.server.BaseHTTPRequestHandler):
    deliveries: "queue.Queue[tuple[bytes, dict[str, str]]]" = queue.Queue()

    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        self.deliveries.put((body, dict(self.headers.items())))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, "queue.Queue[tuple[bytes, dict[str, str]]]"]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    _Receiver.deliveries = queue.Queue()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks", _Receiver.deliveries
    server.shutdown()


def test_a_delivered_event_is_verified_and_typed(
    client: AuthenticatedClient, receiver: tuple[str, "queue.Queue[tuple[bytes, dict[str, str]]]"]
) -> None:
    url, deliveries = receiver
    endpoint = ok(
        create_webhook_endpoint.sync_detailed(
            client=client,
            body=CreateWebhook(
                url=url, event_types=[CreateWebhookEventTypesItem.PERSON_CREATED]
            ),
        )
    )
    assert isinstance(endpoint.secret, str) and endpoint.secret.startswith("whsec_")
    try:
        person = new_person(client, "Grace", unique("Hopper"))
        deadline = time.monotonic() + 30
        while True:
            body, headers = deliveries.get(timeout=max(0.1, deadline - time.monotonic()))
            event = verify_webhook(endpoint.secret, body, headers)
            assert event.type == "person.created"
            assert isinstance(event.data, Person)
            if event.data.id == person.id:
                break
        assert event.data.first_name == "Grace"
    finally:
        ok(delete_webhook_endpoint.sync_detailed(endpoint.id, client=client))


def test_a_document_is_signed_with_the_test_code_and_verified(
    client: AuthenticatedClient, sample_pdf: bytes
) -> None:
    document = ok(
        create_document.sync_detailed(
            client=client,
            body=CreateDocument(
                name="Contract",
                file=base64.b64encode(sample_pdf).decode(),
                signers=[CreateDocumentSignersItem(name="Ada Lovelace", email="ada@example.com")],
                tags=["sdk"],
            ),
        )
    )
    assert document.status == DocumentStatus.PENDING
    signer = document.signers[0]
    approval = ok(approve_signer.sync_detailed(document.id, signer.id, client=client))
    assert approval.documents[0].sha256 == document.sha256
    signed = ok(
        confirm_signer.sync_detailed(
            document.id, signer.id, client=client, body=ConfirmRequest(otp="123456")
        )
    )
    assert signed.status == SignerStatus.SIGNED
    finished = ok(get_document.sync_detailed(document.id, client=client))
    assert finished.status == DocumentStatus.FINISHED
    file = ok(get_document_file.sync_detailed(document.id, client=client))
    pdf = file.payload.read()
    assert pdf.startswith(b"%PDF") and len(pdf) > len(sample_pdf)
    audit = ok(get_document_audit.sync_detailed(document.id, client=client))
    assert audit.chain_valid and audit.entry_count == len(audit.entries) > 0
    # Judged against the test-mode root: a test signature never passes against the live one.
    report = ok(
        verify_pdf.sync_detailed(
            client=client,
            body=File(payload=io.BytesIO(pdf), mime_type="application/pdf"),
            anchor=VerifyPdfAnchor.TEST,
        )
    )
    assert report.test_mode and report.produced_by_signet
    against_live = ok(
        verify_pdf.sync_detailed(
            client=client, body=File(payload=io.BytesIO(pdf), mime_type="application/pdf")
        )
    )
    assert not against_live.produced_by_signet
    assert report.signatures and all(s.test_mode for s in report.signatures)


def test_refusals_are_the_typed_error_model(client: AuthenticatedClient, base_url: str) -> None:
    with pytest.raises(SignetError) as refused:
        ok(
            create_person.sync_detailed(
                client=client, body=PersonCreate(first_name="Ada", last_name=" ")
            )
        )
    assert refused.value.status == 400
    assert refused.value.errors[0].code == ErrorObjectCode.INVALID_MODEL
    assert refused.value.errors[0].source is not None

    with pytest.raises(SignetError) as missing:
        ok(get_person.sync_detailed(str(uuid.uuid4()), client=client))
    assert missing.value.status == 404
    assert missing.value.errors[0].code == ErrorObjectCode.NOT_FOUND

    stranger = connect(base_url, "sk_test_" + "0" * 40)
    with pytest.raises(SignetError) as unauthorized:
        ok(list_persons.sync_detailed(client=stranger))
    assert unauthorized.value.status == 401
    assert unauthorized.value.errors[0].code == ErrorObjectCode.UNAUTHORIZED
