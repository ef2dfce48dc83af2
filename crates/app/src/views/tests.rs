//! The views say byte for byte what the `json!` builders they replaced said (the builders are
//! kept here as the reference), and their schemas require exactly the fields they always send.

#![allow(clippy::unwrap_used)]

use super::screening::{EVIDENCE_KINDS, MATCH_HOWS};
use super::*;
use chrono::TimeZone;
use serde_json::json;
use signet_core::identification::{Method, NewIdentification};
use signet_core::ids::{IdentificationId, PersonId, ScreeningHitId, ScreeningId, SignerId};
use signet_core::signing::{Document, DocumentStatus, Level, NewSigner, Selfie, SigningOrder};
use signet_core::time::Timestamp;
use utoipa::PartialSchema;

const BASE: &str = "https://signet.example";

fn t0() -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2025, 3, 1, 9, 30, 0).unwrap()
}

fn workflow() -> Workflow {
    let document = Document {
        id: DocumentId::from_random([1; 16]),
        name: "Contract".into(),
        status: DocumentStatus::Pending,
        level: Level::Simple,
        order: SigningOrder::Sequential,
        expires_at: Some(t0() + chrono::Duration::days(3)),
        tags: vec!["a".into(), "b".into()],
        custom: vec!["c".into()],
        number: None,
        reminders: None,
        pages: 2,
        size: 1234,
        original_sha256: "aa".into(),
        current_sha256: "bb".into(),
        file_key: "k".into(),
        original_key: "k".into(),
        revisions: 0,
        message: None,
        created_at: t0(),
        updated_at: t0(),
        finished_at: None,
    };
    let signers = (1..=2)
        .map(|n| NewSigner {
            id: SignerId::from_random([n; 16]),
            token: format!("token{n}"),
            name: format!("Signer {n}"),
            email: Some(format!("s{n}@example.com")),
            phone: (n == 2).then(|| "+4915112345678".to_owned()),
            person_id: (n == 1).then(|| PersonId::from_random([9; 16])),
        })
        .collect();
    let (wf, _) = Workflow::create(document, signers, &[], t0());
    wf
}

// ---- The builders the views replaced ----

fn old_signer(wf: &Workflow, s: &Signer) -> Value {
    let f = |t: &Option<Timestamp>| t.as_ref().map(format);
    json!({
        "id": s.id.as_str(),
        "document_id": wf.document.id.as_str(),
        "position": s.position,
        "name": s.name,
        "email": s.email,
        "phone": s.phone,
        "person_id": s.person_id.as_ref().map(PersonId::as_str),
        "status": s.status.as_str(),
        "status_codes": s.status_codes,
        "url": format!("{BASE}/sign/{}", s.token),
        "asked_at": f(&s.asked_at),
        "approve_by": f(&s.approve_by),
        "approved_at": f(&s.approved_at),
        "confirm_by": f(&s.confirm_by),
        "expires_at": s.asked_at.map(|t| format(&(t + signet_core::signing::WORKFLOW_TIMEOUT))),
        "signed_at": f(&s.signed_at),
        "rejected_at": f(&s.rejected_at),
        "message": s.message,
        "certificate_subject": s.certificate_subject,
        "failed_validations": s.failed_validations,
        "selfie": s.selfie.as_ref().map(|x| json!({
            "submitted_at": format(&x.submitted_at),
            "sha256": x.sha256,
            "accepted": x.accepted,
            "reviewed_at": f(&x.reviewed_at),
        })),
        "created_at": format(&s.created_at),
        "updated_at": format(&s.updated_at),
    })
}

fn old_file_url(wf: &Workflow) -> String {
    format!("{BASE}/v1/documents/{}/file", wf.document.id.as_str())
}

fn old_document(wf: &Workflow) -> Value {
    let d = &wf.document;
    json!({
        "id": d.id.as_str(),
        "name": d.name,
        "status": d.status.as_str(),
        "signature_level": d.level.as_str(),
        "signing_order": d.order.as_str(),
        "expires_at": d.expires_at.as_ref().map(format),
        "tags": d.tags,
        "custom": d.custom,
        "number": d.number,
        "reminders": null,
        "pages": d.pages,
        "size": d.size,
        "sha256": d.original_sha256,
        "current_sha256": d.current_sha256,
        "signatures": wf.signers.iter().filter(|s| s.status == signet_core::signing::SignerStatus::Signed).count(),
        "message": d.message,
        "file_url": old_file_url(wf),
        "signers": wf.signers.iter().map(|s| old_signer(wf, s)).collect::<Vec<_>>(),
        "created_at": format(&d.created_at),
        "updated_at": format(&d.updated_at),
        "finished_at": d.finished_at.as_ref().map(format),
        // A document without form fields lists none.
        "fields": [],
    })
}

fn old_event(wf: &Workflow, event: &DocumentEvent) -> Value {
    let d = &wf.document;
    let mut v = json!({
        "code": d.id.as_str(),
        "name": d.name,
        "status": event.word(),
        "url": old_file_url(wf),
        "tags": d.tags,
        "custom": d.custom,
    });
    if let Some(s) = event.signer().and_then(|sid| wf.signer(sid)) {
        v["signer"] = json!({
            "id": s.id.as_str(),
            "name": s.name,
            "email": s.email,
            "phone": s.phone,
        });
        match event {
            DocumentEvent::Rejected(_) => v["message"] = json!(s.message),
            DocumentEvent::Blocked(_) => v["message"] = json!(d.message),
            _ => {}
        }
    }
    v
}

fn old_documents_to_approve(wf: &Workflow) -> Value {
    json!([{
        "id": wf.document.id.as_str(),
        "name": wf.document.name,
        "sha256": wf.document.current_sha256,
        "pages": wf.document.pages,
        "size": wf.document.size,
        "file_url": old_file_url(wf),
    }])
}

fn old_identification(i: &Identification) -> Value {
    json!({
        "id": i.id.as_str(),
        "reference": i.reference,
        "url": i.url,
        "status": i.status.as_str(),
        "completed_at": i.completed_at.as_ref().map(format),
        "method": i.method.as_str(),
        "proof_of_address_type": i.proof_of_address_type,
        "proof_of_address_issued_at": i.proof_of_address_issued_at.map(|d| d.to_string()),
        "language": i.language,
        "iban": i.iban,
        "terms_and_conditions_signed_at": i.terms_and_conditions_signed_at.as_ref().map(format),
        "authorization_expires_at": i.authorization_expires_at.as_ref().map(format),
        "confirmation_expires_at": i.confirmation_expires_at.as_ref().map(format),
        "estimated_waiting_time": i.estimated_waiting_time,
        "person_id": i.person_id.as_str(),
        "failure_reason": i.failure_reason,
        "url_expires_at": i.url_expires_at.as_ref().map(format),
        "created_at": format(&i.created_at),
        "updated_at": format(&i.updated_at),
    })
}

fn old_hit(h: &ScreeningHitRow) -> Value {
    let explanation: Value = serde_json::from_str(&h.explanation).unwrap_or(Value::Null);
    json!({
        "id": h.id.as_str(),
        "person_id": h.person_id.as_str(),
        "list": h.list_id,
        "entry_id": h.entry_id,
        "name": h.name,
        "matched_name": h.matched_name,
        "score": h.score,
        "explanation": explanation,
        "status": h.status,
        "decided_by": h.decided_by,
        "note": h.note,
        "decided_at": h.decided_at.map(|t| format(&from_millis(t))),
        "created_at": format(&from_millis(h.created_at)),
        "topics": h.topics,
        "datasets": h.datasets,
    })
}

fn old_screening(row: &ScreeningRow) -> Value {
    let mut out = json!({
        "id": row.id.as_str(),
        "person_id": row.person_id.as_str(),
        "created_at": format(&from_millis(row.created_at)),
    });
    if let (Some(o), Ok(Value::Object(outcome))) = (
        out.as_object_mut(),
        serde_json::from_str::<Value>(&row.outcome),
    ) {
        o.extend(outcome);
    }
    out
}

/// The same JSON, keys in the same order.
fn same<T: Serialize>(view: &T, old: &Value) {
    assert_eq!(
        serde_json::to_string(&to_json(view)).unwrap(),
        serde_json::to_string(old).unwrap()
    );
}

fn hit_row(decided: bool, explanation: &str) -> ScreeningHitRow {
    ScreeningHitRow {
        id: ScreeningHitId::from_random([3; 16]),
        person_id: PersonId::from_random([9; 16]),
        list_id: "ofac-sdn".into(),
        entry_id: "123".into(),
        name: "Jane Roe".into(),
        matched_name: "Jane Roe".into(),
        score: 0.91,
        explanation: explanation.into(),
        status: if decided { "false_positive" } else { "open" }.into(),
        decided_by: decided.then(|| "key".into()),
        note: decided.then(|| "not her".into()),
        decided_at: decided.then_some(1_700_000_000_123),
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
        topics: vec!["sanction".into()],
        datasets: vec![],
    }
}

// ---- Byte for byte ----

#[test]
fn signers_and_documents_say_what_they_said() {
    let mut wf = workflow();
    same(&DocumentView::new(BASE, &wf), &old_document(&wf));
    // Every optional field of a signer set.
    let s = &mut wf.signers[0];
    s.approved_at = Some(t0());
    s.confirm_by = Some(t0());
    s.signed_at = Some(t0());
    s.rejected_at = Some(t0());
    s.message = Some("no".into());
    s.certificate_subject = Some("CN=x".into());
    s.selfie = Some(Selfie {
        submitted_at: t0(),
        blob_key: "b".into(),
        sha256: "cc".into(),
        accepted: Some(false),
        reviewed_at: Some(t0()),
    });
    wf.document.message = Some("blocked".into());
    wf.document.finished_at = Some(t0());
    same(&DocumentView::new(BASE, &wf), &old_document(&wf));
    for s in &wf.signers {
        same(&SignerView::new(BASE, &wf, s), &old_signer(&wf, s));
    }
    let sid = wf.signers[0].id.clone();
    let mut detail = old_signer(&wf, &wf.signers[0]);
    detail["document_status"] = json!(wf.document.status.as_str());
    detail["documents"] = old_documents_to_approve(&wf);
    same(&SignerDetailView::new(BASE, &wf, &wf.signers[0]), &detail);
    for event in [
        DocumentEvent::Created,
        DocumentEvent::SignerSigned(sid.clone()),
        DocumentEvent::SignerRejected(sid.clone()),
        DocumentEvent::Rejected(sid.clone()),
        DocumentEvent::Blocked(sid.clone()),
        DocumentEvent::Expired,
        DocumentEvent::Finished,
    ] {
        same(
            &DocumentEventView::new(BASE, &wf, &event),
            &old_event(&wf, &event),
        );
    }
    // A rejection without a kept message still says `"message": null`.
    wf.signers[0].message = None;
    let rejected = DocumentEvent::Rejected(sid);
    same(
        &DocumentEventView::new(BASE, &wf, &rejected),
        &old_event(&wf, &rejected),
    );
}

#[test]
fn the_approval_names_the_masked_destinations_as_the_audit_trail_does() {
    let wf = workflow();
    for route in [
        crate::delivery::OtpRoute {
            email: Some("ana@example.com".into()),
            sms: Some("+4915112345678".into()),
            verified_number: false,
        },
        crate::delivery::OtpRoute {
            email: None,
            sms: Some("+4915112345678".into()),
            verified_number: true,
        },
        crate::delivery::OtpRoute::default(),
    ] {
        assert_eq!(
            to_json(&OtpDestinationView::of(&route)),
            Value::Array(route.masked())
        );
        let s = &wf.signers[0];
        let view = ApprovalView::new(BASE, &wf, s, vec!["sandbox"], &route);
        let old = json!({
            "signer": old_signer(&wf, s),
            "documents": old_documents_to_approve(&wf),
            "otp": {
                "channels": ["sandbox"],
                "to": route.masked(),
                "expires_at": s.otp.as_ref().map(|o| format(&o.expires_at)),
            },
        });
        same(&view, &old);
    }
}

#[test]
fn identifications_say_what_they_said() {
    let mut i = Identification::new(
        IdentificationId::from_random([4; 16]),
        PersonId::from_random([9; 16]),
        NewIdentification {
            method: Method::Document,
            language: Some("DE".into()),
            proof_of_address_type: Some("GAS_BILL".into()),
            proof_of_address_issued_at: Some(t0().date_naive()),
        },
        None,
        t0(),
    );
    same(&IdentificationView::new(&i), &old_identification(&i));
    i.reference = Some("TST-ABCDE".into());
    i.url = Some("https://x/identify/t".into());
    i.completed_at = Some(t0());
    i.failure_reason = Some("TECH_TIMEOUT".into());
    i.url_expires_at = Some(t0());
    i.estimated_waiting_time = Some(30);
    same(&IdentificationView::new(&i), &old_identification(&i));
    // include_documents=true adds the address, then the documents, at the end.
    let mut old = old_identification(&i);
    old["address"] = Value::Null;
    old["documents"] = json!([]);
    same(
        &IdentificationView::new(&i).with_documents(None, vec![]),
        &old,
    );
}

/// The explanation the matcher gives for a birth date and nationality that support a
/// transliterated name, as a hit stores it.
fn real_explanation() -> String {
    use signet_screening::{EntityKind, Index, ListEntry, Query, SearchOptions};
    let mut entry = ListEntry::new("1", EntityKind::Person, "Vladimir PUTIN");
    entry.birth_dates = vec!["1952-10-07".parse().unwrap()];
    entry.nationalities = vec!["RU".into()];
    let index = Index::build([("l".to_owned(), vec![entry])]);
    let query = Query {
        name: "Владимир Путин".into(),
        birth_date: Some("1952".parse().unwrap()),
        nationality: Some("RU".into()),
    };
    let found = index.search(&query, &SearchOptions::default());
    serde_json::to_string(&found[0].explanation).unwrap()
}

#[test]
fn an_explanation_reads_back_as_the_matcher_wrote_it() {
    let text = real_explanation();
    let view = ExplanationView::from_stored(&text).expect("readable");
    assert_eq!(
        serde_json::to_value(&view).unwrap(),
        serde_json::from_str::<Value>(&text).unwrap(),
        "no member lost or added"
    );
    assert!(
        view.birth_date.is_some() && !view.tokens.is_empty(),
        "{view:?}"
    );
    // The schema's words are the matcher's (a new variant fails to compile here).
    use signet_screening::{EvidenceKind, MatchHow};
    for how in [
        MatchHow::Exact,
        MatchHow::Transliterated,
        MatchHow::Typo,
        MatchHow::Initial,
        MatchHow::Merged,
        MatchHow::Split,
    ] {
        let word = match how {
            MatchHow::Exact => "exact",
            MatchHow::Transliterated => "transliterated",
            MatchHow::Typo => "typo",
            MatchHow::Initial => "initial",
            MatchHow::Merged => "merged",
            MatchHow::Split => "split",
        };
        assert_eq!(serde_json::to_value(how).unwrap(), json!(word));
        assert!(MATCH_HOWS.contains(&word), "{word}");
    }
    assert_eq!(MATCH_HOWS.len(), 6);
    for kind in [
        EvidenceKind::Supports,
        EvidenceKind::Contradicts,
        EvidenceKind::Unknown,
    ] {
        let word = match kind {
            EvidenceKind::Supports => "supports",
            EvidenceKind::Contradicts => "contradicts",
            EvidenceKind::Unknown => "unknown",
        };
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(word));
        assert!(EVIDENCE_KINDS.contains(&word), "{word}");
    }
    assert_eq!(EVIDENCE_KINDS.len(), 3);
    // An explanation stored before a member existed reads with that member empty.
    let old = ExplanationView::from_stored(r#"{"summary":"s","tokens":[]}"#).unwrap();
    assert_eq!(old.summary, "s");
    assert!(ExplanationView::from_stored("not json").is_none());
}

#[test]
fn hits_and_screenings_say_what_they_said() {
    let explanation = real_explanation();
    for row in [hit_row(false, &explanation), hit_row(true, "not json")] {
        same(&HitView::new(&row), &old_hit(&row));
    }
    let hits = vec![old_hit(&hit_row(false, &explanation))];
    let row = ScreeningRow {
        id: ScreeningId::from_random([5; 16]),
        person_id: PersonId::from_random([9; 16]),
        created_at: 1_700_000_000_000,
        outcome: json!({
            "screening_progress": "POTENTIAL_MATCH",
            "risk_classification_status": "POTENTIAL_RISK",
            "lists": ["ofac-sdn"],
            "hits": hits,
        })
        .to_string(),
    };
    assert_eq!(
        serde_json::to_string(&screening_json(&row)).unwrap(),
        serde_json::to_string(&old_screening(&row)).unwrap()
    );
    let odd = ScreeningRow {
        outcome: "[]".into(),
        ..row
    };
    assert_eq!(screening_json(&odd), old_screening(&odd));
}

#[test]
fn the_verification_report_is_the_pdf_crates_own() {
    let report = signet_pdf::VerificationReport {
        signatures: vec![signet_pdf::SignatureReport {
            field: "Signature1".into(),
            signer: "Jane".into(),
            certificate_subject: "CN=Jane".into(),
            time: Some(t0() + chrono::Duration::milliseconds(1)),
            claimed_time: Some(t0()),
            timestamp_time: None,
            claimed_level: "PAdES".into(),
            detected_level: "PAdES-B-T".into(),
            indication: signet_pdf::Indication::TotalPassed,
            sub_indication: None,
            covers_whole_file: true,
            later_changes: signet_pdf::LaterChanges::SignaturesAndFormsOnly,
            byte_range: [0, 10, 20, 30],
            is_document_timestamp: false,
            written_by_signet: true,
            test_mode: true,
            details: vec!["ok".into()],
            proof_of_existence: Some(t0() + chrono::Duration::milliseconds(1)),
            revocation: vec![signet_pdf::RevocationEvidence {
                certificate: "CN=Jane".into(),
                serial: "01ab".into(),
                kind: "ocsp",
                source: "dss",
                issued_at: t0(),
                next_update: None,
                status: "revoked",
                revoked_at: Some(t0()),
                reason: Some("key_compromise"),
            }],
        }],
        produced_by_signet: true,
        test_mode: true,
        validation_time: Some(t0()),
        revocation_policy: signet_pdf::RevocationPolicy::Required,
        online: false,
    };
    assert_eq!(
        serde_json::to_string(&VerificationView::new(&report)).unwrap(),
        serde_json::to_string(&report).unwrap()
    );
}

#[test]
fn codes_are_the_catalogues_own() {
    let all: Vec<CodeView> = signet_core::catalog::all()
        .iter()
        .map(CodeView::new)
        .collect();
    assert_eq!(
        serde_json::to_string(&all).unwrap(),
        serde_json::to_string(signet_core::catalog::all()).unwrap()
    );
}

// ---- Schemas that match what is sent ----

/// The property names a schema requires and those it lists.
fn required_and_properties<T: PartialSchema>() -> (Vec<String>, Vec<String>) {
    let v = serde_json::to_value(T::schema()).unwrap();
    let req = v["required"]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    let props = v["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    (req, props)
}

/// Every key the view sends with its optional parts unset is required, and nothing else.
fn requires_what_it_always_sends<T: PartialSchema + Serialize>(bare: &T) {
    let (mut required, props) = required_and_properties::<T>();
    let sent = to_json(bare);
    let mut keys: Vec<String> = sent.as_object().unwrap().keys().cloned().collect();
    for k in &keys {
        assert!(props.contains(k), "{k} is sent but not described");
    }
    required.sort();
    keys.sort();
    assert_eq!(required, keys);
}

#[test]
fn schemas_require_exactly_the_fields_always_sent() {
    let wf = workflow();
    let i = Identification::new(
        IdentificationId::from_random([4; 16]),
        PersonId::from_random([9; 16]),
        NewIdentification {
            method: Method::Idnow,
            language: None,
            proof_of_address_type: None,
            proof_of_address_issued_at: None,
        },
        None,
        t0(),
    );
    requires_what_it_always_sends(&IdentificationView::new(&i));
    requires_what_it_always_sends(&DocumentView::new(BASE, &wf));
    requires_what_it_always_sends(&SignerView::new(BASE, &wf, &wf.signers[0]));
    requires_what_it_always_sends(&DocumentEventView::new(BASE, &wf, &DocumentEvent::Created));
    requires_what_it_always_sends(&HitView::new(&hit_row(false, &real_explanation())));
    requires_what_it_always_sends(&DeliveryView::new(&signet_store::DeliveryAttemptRow {
        id: signet_core::ids::DeliveryId::from_random([6; 16]),
        endpoint_id: signet_core::ids::WebhookEndpointId::from_random([7; 16]),
        event_id: signet_core::ids::EventId::from_random([8; 16]),
        event_type: "person.created".into(),
        attempt: 1,
        attempted_at: t0(),
        webhook_timestamp: 1,
        status_code: None,
        latency_us: 1500,
        error: None,
        response_excerpt: None,
        outcome: "retrying".into(),
    }));
    requires_what_it_always_sends(&CodeView::new(&signet_core::catalog::all()[0]));
    requires_what_it_always_sends(&ClockView::new(t0(), 1000));
    requires_what_it_always_sends(&EndpointDisabledView::new("e", "https://x", "gone", None));
}

#[test]
fn the_words_the_schemas_list_include_every_word_sent() {
    let listed = |kind| schema::catalogue(kind).collect::<Vec<_>>();
    use signet_core::catalog::CodeKind;
    for st in crate::screening::HIT_STATUSES {
        assert!(listed(CodeKind::ScreeningHitStatus).contains(st), "{st}");
    }
    let sid = SignerId::from_random([1; 16]);
    for event in [
        DocumentEvent::Created,
        DocumentEvent::SignerSigned(sid.clone()),
        DocumentEvent::SignerRejected(sid.clone()),
        DocumentEvent::Rejected(sid.clone()),
        DocumentEvent::Blocked(sid),
        DocumentEvent::Expired,
        DocumentEvent::Finished,
    ] {
        assert!(listed(CodeKind::DocumentWebhookStatus).contains(&event.word()));
    }
    use signet_core::identification::AttemptStatus as A;
    for st in [
        A::PendingRedirection,
        A::CaptureInProgress,
        A::ChecksInProgress,
        A::Completed,
        A::ChecksInconclusive,
        A::Expired,
        A::Abandoned,
        A::CaptureRefused,
        A::Terminated,
        A::Closed,
    ] {
        assert!(
            listed(CodeKind::AttemptStatus).contains(&st.as_str()),
            "{}",
            st.as_str()
        );
    }
    let nullable = serde_json::to_value(schema::nullable_words(["EN", "DE"]).build()).unwrap();
    assert_eq!(nullable["enum"], json!(["EN", "DE", null]));
}
