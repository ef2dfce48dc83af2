//! Documents and the signature workflow over HTTP: every rule of seed 000 on the tenant clock.

use crate::helpers::{TestApp, b64, document, sample_pdf, signer_path, spawn_app, spawn_app_with};
use reqwest::Method;
use serde_json::{Value, json};

fn signer(name: &str, email: &str) -> Value {
    json!({"name": name, "email": email})
}

/// Sends a document and returns it.
pub async fn send(app: &TestApp, extra: Value) -> Value {
    let mut body = json!({
        "name": "Service agreement",
        "file": b64(&sample_pdf("Service agreement")),
        "signers": [signer("Ana Silva", "ana@example.com"), signer("Ben Okafor", "ben@example.com")],
        "tags": ["q4"],
        "custom": ["{'info':'required'}"],
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    app.post("/v1/documents", body).await.assert(201).clone()
}

fn ids(doc: &Value, i: usize) -> (String, String) {
    (
        doc["id"].as_str().unwrap().to_owned(),
        doc["signers"][i]["id"].as_str().unwrap().to_owned(),
    )
}

/// Approve and confirm with the sandbox code.
pub async fn sign(app: &TestApp, doc: &Value, i: usize) -> Value {
    app.post(&signer_path(doc, i, "approve"), json!({}))
        .await
        .assert(200);
    app.post(&signer_path(doc, i, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200)
        .clone()
}

async fn signer_status(app: &TestApp, doc: &Value, i: usize) -> Value {
    let (d, s) = ids(doc, i);
    app.get(&format!("/v1/documents/{d}/signers/{s}"))
        .await
        .assert(200)
        .clone()
}

/// `POST /v1/verify` against the test root, which signs what these test-mode keys create.
async fn verify(app: &TestApp, pdf: Vec<u8>) -> Value {
    verify_under(app, pdf, "test").await
}

async fn verify_under(app: &TestApp, pdf: Vec<u8>, anchor: &str) -> Value {
    app.send(
        Method::POST,
        &format!("/v1/verify?anchor={anchor}"),
        Some(&app.key),
        Some(pdf),
        Some("application/pdf"),
        &[],
    )
    .await
    .assert(200)
    .clone()
}

#[tokio::test]
async fn two_signers_sign_in_parallel_and_the_file_carries_both_signatures_and_a_document_timestamp()
 {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    assert_eq!(doc["status"], "pending");
    assert_eq!(doc["signature_level"], "simple");
    for s in doc["signers"].as_array().unwrap() {
        assert_eq!(s["status"], "user_consent_required");
        assert!(s["url"].as_str().unwrap().contains("/sign/"));
    }
    let (d, s0) = ids(&doc, 0);
    let view = signer_status(&app, &doc, 0).await;
    assert_eq!(view["documents"][0]["sha256"], doc["sha256"]);

    let approved = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    let body = approved.assert(200);
    assert_eq!(body["signer"]["status"], "confirmation_required");
    assert_eq!(body["otp"]["channels"], json!(["sandbox"]));
    assert_eq!(body["documents"][0]["sha256"], doc["sha256"]);
    let signed = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    assert_eq!(signed.assert(200)["status"], "signed");
    assert_eq!(document(&app, &doc).await["status"], "pending");

    sign(&app, &doc, 1).await;
    let finished = document(&app, &doc).await;
    assert_eq!(finished["status"], "finished");
    assert_ne!(finished["current_sha256"], finished["sha256"]);

    let file = app.get(&format!("/v1/documents/{d}/file")).await;
    assert_eq!(file.status, 200);
    assert!(file.bytes.starts_with(b"%PDF"));
    let report = verify(&app, file.bytes.clone()).await;
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(
        sigs.len(),
        3,
        "two signatures and the document timestamp: {report}"
    );
    for s in sigs {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
    }
    assert_eq!(report["produced_by_signet"], true);
    assert_eq!(report["test_mode"], true);
    // Made with a test key: under the live root nothing passes, and the report says why.
    let live = verify_under(&app, file.bytes.clone(), "live").await;
    for s in live["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "INDETERMINATE", "{live}");
        assert_eq!(s["sub_indication"], "NO_CERTIFICATE_CHAIN_FOUND", "{live}");
        assert!(s["details"].to_string().contains("test mode"), "{live}");
    }
    assert_eq!(live["produced_by_signet"], false);
    let audit_pdf = app.get(&format!("/v1/documents/{d}/audit.pdf")).await;
    assert_eq!(audit_pdf.status, 200);
    let sealed = verify(&app, audit_pdf.bytes.clone()).await;
    assert_eq!(
        sealed["test_mode"], true,
        "the certificate of completion is sealed as TEST"
    );
    assert_eq!(
        sealed["signatures"][0]["indication"], "TOTAL-PASSED",
        "{sealed}"
    );

    // Seed 004's payloads and the signature events, in order.
    let types = app.event_types().await;
    let doc_events: Vec<&str> = types
        .iter()
        .map(String::as_str)
        .filter(|t| t.starts_with("document."))
        .collect();
    assert_eq!(
        doc_events,
        [
            "document.created",
            "document.signer_signed",
            "document.signer_signed",
            "document.finished"
        ]
    );
    assert!(types.iter().any(|t| t == "signature.status_changed"));
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let events = app
        .state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 1000)
        .await
        .unwrap();
    let finish = events
        .iter()
        .find(|e| e.event_type == "document.finished")
        .unwrap();
    assert_eq!(finish.data["status"], "FINISH");
    assert_eq!(finish.data["code"], d);
    assert_eq!(finish.data["name"], "Service agreement");
    assert_eq!(finish.data["tags"], json!(["q4"]));
    assert!(finish.data["url"].as_str().unwrap().ends_with("/file"));
    let note = events
        .iter()
        .find(|e| e.event_type == "document.signer_signed")
        .unwrap();
    assert_eq!(note.data["status"], "NOTIFICATION");
    assert_eq!(note.data["signer"]["id"], s0);

    // The audit trail is complete and its chain holds.
    let audit = app.get(&format!("/v1/documents/{d}/audit")).await;
    let audit = audit.assert(200);
    assert_eq!(audit["chain_valid"], true);
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for expected in [
        "document.created",
        "signer.asked",
        "signer.approved",
        "signer.confirmed",
        "signer.signed",
        "document.finished",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let approved = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "signer.approved")
        .unwrap();
    assert_eq!(approved["ip"], "127.0.0.1");
    assert!(approved["actor"].as_str().unwrap().starts_with("signer:"));

    // The certificate of completion is a PDF sealed by Signet.
    let cert = app.get(&format!("/v1/documents/{d}/audit.pdf")).await;
    assert_eq!(cert.status, 200);
    let report = verify(&app, cert.bytes).await;
    assert_eq!(
        report["signatures"][0]["indication"], "TOTAL-PASSED",
        "{report}"
    );
    assert_eq!(report["produced_by_signet"], true);
}

#[tokio::test]
async fn an_edited_audit_entry_breaks_the_chain() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    sign(&app, &doc, 0).await;
    let d = doc["id"].as_str().unwrap();
    let before = app.get(&format!("/v1/documents/{d}/audit")).await;
    assert_eq!(before.assert(200)["chain_valid"], true);
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE document_audit SET ip = '10.0.0.1' WHERE document_id = '{d}' AND seq = 3"
        ))
        .await
        .unwrap();
    let after = app.get(&format!("/v1/documents/{d}/audit")).await;
    let after = after.assert(200);
    assert_eq!(after["chain_valid"], false);
    assert_eq!(after["first_broken_seq"], 3);
}

#[tokio::test]
async fn sequential_order_asks_the_next_signer_only_after_the_previous_signed() {
    let app = spawn_app().await;
    let doc = send(
        &app,
        json!({"signing_order": "sequential", "signers": [
            signer("One", "one@example.com"), signer("Two", "two@example.com"), signer("Three", "three@example.com")
        ]}),
    )
    .await;
    let statuses = |d: &Value| -> Vec<String> {
        d["signers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        statuses(&doc),
        ["user_consent_required", "pending", "pending"],
        "only the first is asked; the others are eligible and wait in pending (seed 000)"
    );
    // Each signer went through `pending` with its event; the first moved on at once.
    let (first, second) = (
        doc["signers"][0]["id"].as_str().unwrap(),
        doc["signers"][1]["id"].as_str().unwrap(),
    );
    assert_eq!(
        signer_statuses(&app, first).await,
        ["pending", "user_consent_required"]
    );
    assert_eq!(signer_statuses(&app, second).await, ["pending"]);
    app.post(&signer_path(&doc, 1, "approve"), json!({}))
        .await
        .assert_error(422, "not_your_turn");
    app.post(&signer_path(&doc, 1, "resend"), json!({}))
        .await
        .assert_error(422, "not_your_turn");
    sign(&app, &doc, 0).await;
    assert_eq!(
        statuses(&document(&app, &doc).await),
        ["signed", "user_consent_required", "pending"]
    );
    assert_eq!(
        signer_statuses(&app, second).await,
        ["pending", "user_consent_required"],
        "already pending: one event for their turn"
    );
    sign(&app, &doc, 1).await;
    sign(&app, &doc, 2).await;
    let done = document(&app, &doc).await;
    assert_eq!(done["status"], "finished");
    let file = app
        .get(&format!(
            "/v1/documents/{}/file",
            doc["id"].as_str().unwrap()
        ))
        .await;
    let report = verify(&app, file.bytes).await;
    assert_eq!(report["signatures"].as_array().unwrap().len(), 4);
}

/// The statuses a signer's `signature.status_changed` events carried, oldest first.
async fn signer_statuses(app: &TestApp, signer: &str) -> Vec<String> {
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    app.state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.event_type == "signature.status_changed" && e.data["id"] == signer)
        .map(|e| e.data["status"].as_str().unwrap().to_owned())
        .collect()
}

/// Signatures are made outside the write transaction (`signing::store`): two signers who
/// confirm at the same moment both sign from the same revision, and the one whose document
/// changed meanwhile must sign again on top of the other's revision. Were the loser's file
/// stored as it was made, it would silently drop the winner's signature.
#[tokio::test]
async fn two_signers_confirming_at_once_both_end_up_in_the_file() {
    let app = spawn_app().await;
    for round in 0..3 {
        let doc = send(&app, json!({})).await;
        for i in 0..2 {
            app.post(&signer_path(&doc, i, "approve"), json!({}))
                .await
                .assert(200);
        }
        let (first, second) = (
            signer_path(&doc, 0, "confirm"),
            signer_path(&doc, 1, "confirm"),
        );
        let (a, b) = tokio::join!(
            app.post(&first, json!({"otp": "123456"})),
            app.post(&second, json!({"otp": "123456"})),
        );
        assert_eq!(a.assert(200)["status"], "signed", "round {round}");
        assert_eq!(b.assert(200)["status"], "signed", "round {round}");
        let finished = document(&app, &doc).await;
        assert_eq!(finished["status"], "finished", "round {round}");
        let file = app
            .get(&format!(
                "/v1/documents/{}/file",
                doc["id"].as_str().unwrap()
            ))
            .await;
        let report = verify(&app, file.bytes).await;
        let sigs = report["signatures"].as_array().unwrap();
        assert_eq!(
            sigs.len(),
            3,
            "both signatures and the document timestamp (round {round}): {report}"
        );
        for s in sigs {
            assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
        }
    }
}

#[tokio::test]
async fn the_time_windows_run_on_the_tenant_clock() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    // Approve within 2 hours of being asked, else 422 until a resend.
    app.advance(2 * 3600 + 1).await;
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert_error(422, "approval_window_expired");
    let resent = app.post(&signer_path(&doc, 0, "resend"), json!({})).await;
    assert_eq!(resent.assert(200)["status"], "user_consent_required");
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    // Confirm within 1 hour of approving.
    app.advance(3600 + 1).await;
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert_error(422, "confirmation_window_expired");
    // 24 hours after being asked without a signature: error 6008. The second signer was
    // asked at creation, the first again at the resend.
    app.advance(24 * 3600 - 2 * 3600).await;
    let second = signer_status(&app, &doc, 1).await;
    assert_eq!(second["status"], "error");
    assert_eq!(second["status_codes"], json!([6008]));
    let first = signer_status(&app, &doc, 0).await;
    assert_eq!(
        first["status"], "confirmation_required",
        "the resend's window is not over yet"
    );
    app.advance(2 * 3600).await;
    let first = signer_status(&app, &doc, 0).await;
    assert_eq!(first["status_codes"], json!([6008]));
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes_and_confirming_before_approving_is_6009() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let early = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    early.assert_error(422, "signature_flow_not_initialized");
    // 6009 is seed 000's status code; return_code holds seed 001's numbers only.
    assert!(early.body["errors"][0]["return_code"].is_null());
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.advance(601).await;
    let late = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    late.assert_error(422, "otp_expired");
    assert_eq!(late.body["errors"][0]["return_code"], 97);
    // A new approval sends a new code.
    sign(&app, &doc, 0).await;
}

#[tokio::test]
async fn wrong_codes_kill_the_code_and_the_third_failure_blocks_signer_and_document_until_unblocked()
 {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    for round in 1..=3 {
        app.post(&signer_path(&doc, 0, "approve"), json!({}))
            .await
            .assert(200);
        for k in 1..=4 {
            let r = app
                .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "000000"}))
                .await;
            r.assert_error(422, "otp_invalid");
            assert_eq!(r.body["errors"][0]["return_code"], 109);
            assert!(
                r.body["errors"][0]["detail"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("{} more", 5 - k))
            );
        }
        let fifth = app
            .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "000000"}))
            .await;
        if round < 3 {
            fifth.assert_error(422, "otp_attempts_exceeded");
            assert_eq!(fifth.body["errors"][0]["return_code"], 108);
            // The killed code does not come back, not even the right one.
            app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
                .await
                .assert_error(422, "otp_missing");
        } else {
            fifth.assert_error(422, "signer_blocked");
            assert_eq!(fifth.body["errors"][0]["return_code"], 66);
        }
    }
    let blocked = document(&app, &doc).await;
    assert_eq!(blocked["status"], "blocked");
    assert_eq!(blocked["signers"][0]["status"], "blocked");
    assert_eq!(blocked["message"], "OTP_CODE_INVALID");
    let types = app.event_types().await;
    assert!(types.iter().any(|t| t == "document.blocked"));
    // Nobody signs a blocked document.
    app.post(&signer_path(&doc, 1, "approve"), json!({}))
        .await
        .assert_error(422, "signer_blocked");
    let unblocked = app.post(&signer_path(&doc, 0, "unblock"), json!({})).await;
    assert_eq!(unblocked.assert(200)["status"], "user_consent_required");
    assert_eq!(document(&app, &doc).await["status"], "pending");
    sign(&app, &doc, 0).await;
}

#[tokio::test]
async fn a_rejection_raises_reject_then_rejected_with_the_message() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let r = app
        .post(
            &signer_path(&doc, 1, "reject"),
            json!({"message": "The amount is wrong"}),
        )
        .await;
    assert_eq!(r.assert(200)["status"], "rejected");
    let d = document(&app, &doc).await;
    assert_eq!(d["status"], "rejected");
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let events = app
        .state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 1000)
        .await
        .unwrap();
    let words: Vec<&str> = events
        .iter()
        .filter(|e| e.event_type.starts_with("document."))
        .map(|e| e.data["status"].as_str().unwrap())
        .collect();
    assert_eq!(words, ["CREATE", "REJECT", "REJECTED"]);
    let rejected = events
        .iter()
        .find(|e| e.event_type == "document.rejected")
        .unwrap();
    assert_eq!(rejected.data["message"], "The amount is wrong");
    assert_eq!(rejected.data["signer"]["name"], "Ben Okafor");
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert_error(422, "document_closed");
}

#[tokio::test]
async fn a_document_expires_at_its_expiry_on_the_tenant_clock() {
    let app = spawn_app().await;
    let clock = app.get("/v1/sandbox/clock").await;
    let now = chrono::DateTime::parse_from_rfc3339(clock.body["now"].as_str().unwrap()).unwrap();
    let expires = (now + chrono::Duration::days(3)).to_rfc3339();
    let doc = send(&app, json!({"expires_at": expires})).await;
    app.advance(3 * 24 * 3600 + 1).await;
    let d = document(&app, &doc).await;
    assert_eq!(d["status"], "expired");
    assert!(
        app.event_types()
            .await
            .iter()
            .any(|t| t == "document.expired")
    );
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    r.assert_error(422, "document_expired");
    assert_eq!(r.body["errors"][0]["return_code"], 111);
}

#[tokio::test]
async fn a_canceled_document_takes_no_more_signatures() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let c = app
        .post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await;
    assert_eq!(c.assert(200)["status"], "canceled");
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert_error(422, "document_closed");
    app.post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await
        .assert_error(422, "document_closed");
}

#[tokio::test]
async fn documents_list_filters_by_status_and_tag() {
    let app = spawn_app().await;
    let a = send(&app, json!({"tags": ["alpha"]})).await;
    send(&app, json!({"tags": ["beta"]})).await;
    app.post(
        &format!("/v1/documents/{}/cancel", a["id"].as_str().unwrap()),
        json!({}),
    )
    .await
    .assert(200);
    let all = app.get("/v1/documents").await;
    assert_eq!(all.assert(200).as_array().unwrap().len(), 2);
    let alpha = app.get("/v1/documents?tag=alpha").await;
    assert_eq!(alpha.assert(200)[0]["id"], a["id"]);
    assert_eq!(alpha.body.as_array().unwrap().len(), 1);
    let canceled = app.get("/v1/documents?status=canceled&tag=alpha").await;
    assert_eq!(canceled.assert(200).as_array().unwrap().len(), 1);
    let pending = app.get("/v1/documents?status=pending").await;
    assert_eq!(pending.assert(200).as_array().unwrap().len(), 1);
    app.get("/v1/documents?status=bogus")
        .await
        .assert_error(400, "invalid_model");
    // Another tenant sees none of them.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            Method::GET,
            &format!("/v1/documents/{}", a["id"].as_str().unwrap()),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "document_not_found");
}

#[tokio::test]
async fn uploads_are_checked_with_seed_001s_return_codes() {
    let app = spawn_app_with(|c| c.max_document_bytes = 4096).await;
    let post = |file: String| {
        app.post(
            "/v1/documents",
            json!({"name": "x", "file": file, "signers": [signer("A", "a@example.com")]}),
        )
    };
    let r = post(b64(b"hello, not a pdf")).await;
    r.assert_error(422, "not_a_pdf");
    assert_eq!(r.body["errors"][0]["return_code"], 92);
    let mut big = sample_pdf("big");
    big.extend(std::iter::repeat_n(b' ', 8192));
    let r = post(b64(&big)).await;
    r.assert_error(413, "file_too_large");
    assert_eq!(r.body["errors"][0]["return_code"], 93);
    post("%%%".into()).await.assert_error(400, "invalid_model");
    // Advanced signatures need an identified person; a signer needs a way to get the code.
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "x", "file": b64(&sample_pdf("x")), "signature_level": "advanced",
                   "signers": [{"name": "A"}]}),
        )
        .await;
    r.assert_error(400, "invalid_model");
    let fields: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"]["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["signers[0].email", "signers[0].person_id"]);
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "x", "file": b64(&sample_pdf("x")), "signers": []}),
        )
        .await;
    r.assert_error(400, "invalid_model");
    let many: Vec<Value> = (0..21)
        .map(|i| signer(&format!("S{i}"), "s@example.com"))
        .collect();
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "x", "file": b64(&sample_pdf("x")), "signers": many}),
        )
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.body["errors"][0]["return_code"], 75);
    // Nothing was stored.
    assert_eq!(app.get("/v1/documents").await.body, json!([]));
    // Unknown ids are 404s.
    app.get("/v1/documents/nope")
        .await
        .assert_error(404, "document_not_found");
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    app.get(&format!(
        "/v1/documents/{d}/signers/00000000000000000000000000000000sig"
    ))
    .await
    .assert_error(404, "signer_not_found");
}

#[tokio::test]
async fn a_document_can_be_sent_as_multipart() {
    let app = spawn_app().await;
    let pdf = sample_pdf("multipart");
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone())
                .file_name("contract.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text(
            "data",
            json!({"name": "Multipart", "signers": [signer("A", "a@example.com")]}).to_string(),
        );
    let resp = app
        .client
        .post(app.url("/v1/documents"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let body: Value = resp.json().await.unwrap();
    use sha2::Digest;
    assert_eq!(body["sha256"], hex::encode(sha2::Sha256::digest(&pdf)));
}

/// `POST /v1/verify` takes the PDF as the body (`application/pdf` or
/// `application/octet-stream`) or as the `file` part of a form, for clients that send files
/// only one way; the report is the same.
#[tokio::test]
async fn a_pdf_is_verified_whichever_way_it_is_sent() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    sign(&app, &doc, 0).await;
    let (id, _) = ids(&doc, 0);
    let file = app
        .send(
            Method::GET,
            &format!("/v1/documents/{id}/file"),
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    let pdf = file.bytes.clone();
    let as_pdf = verify(&app, pdf.clone()).await;
    assert_eq!(
        as_pdf["signatures"].as_array().unwrap().len(),
        1,
        "{as_pdf}"
    );
    let raw = app
        .send(
            Method::POST,
            "/v1/verify?anchor=test",
            Some(&app.key),
            Some(pdf.clone()),
            Some("application/octet-stream"),
            &[],
        )
        .await;
    // The same report, judged at the moment of each request.
    let same = |a: &Value, b: &Value| {
        let strip = |v: &Value| {
            let mut v = v.clone();
            v["validation_time"] = Value::Null;
            v
        };
        assert_eq!(strip(a), strip(b));
    };
    same(raw.assert(200), &as_pdf);
    let form = |name: &str| {
        reqwest::multipart::Form::new().part(
            name.to_owned(),
            reqwest::multipart::Part::bytes(pdf.clone())
                .file_name("signed.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
    };
    let post = |form: reqwest::multipart::Form| {
        app.client
            .post(app.url("/v1/verify?anchor=test"))
            .bearer_auth(&app.key)
            .multipart(form)
            .send()
    };
    let resp = post(form("file")).await.unwrap();
    assert_eq!(resp.status(), 200);
    same(&resp.json::<Value>().await.unwrap(), &as_pdf);
    let resp = post(form("document")).await.unwrap();
    assert_eq!(resp.status(), 400);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "invalid_model");
    assert_eq!(body["errors"][0]["source"]["field"], "document", "{body}");
    let resp = post(reqwest::multipart::Form::new()).await.unwrap();
    assert_eq!(resp.status(), 400, "no file part");
    let text = app
        .send(
            Method::POST,
            "/v1/verify",
            Some(&app.key),
            Some(pdf),
            Some("text/plain"),
            &[],
        )
        .await;
    text.assert_error(415, "unsupported_media_type");
}

#[tokio::test]
async fn the_live_and_test_roots_are_public_and_apart() {
    let app = spawn_app().await;
    let mut roots = Vec::new();
    for path in ["/v1/trust/ca.pem", "/v1/trust/test-ca.pem"] {
        let r = app.send(Method::GET, path, None, None, None, &[]).await;
        assert_eq!(r.status, 200);
        assert!(
            String::from_utf8_lossy(&r.bytes).starts_with("-----BEGIN CERTIFICATE-----"),
            "PEM"
        );
        let certs = signet_pdf::parse_roots(&[&r.bytes]).expect("a certificate");
        assert_eq!(certs.len(), 1, "{path} serves one root");
        roots.push(certs.into_iter().next().unwrap());
    }
    assert!(
        !signet_pdf::is_test_certificate(&roots[0]),
        "ca.pem is the live root"
    );
    assert!(
        signet_pdf::is_test_certificate(&roots[1]),
        "test-ca.pem is the test root"
    );
    let subject = roots[1].tbs_certificate().subject().to_string();
    assert!(subject.contains("TEST Root CA"), "{subject}");

    // The anchors for validation years on: each mode's issuing CA, then its root.
    for (path, root, test) in [
        ("/v1/trust/anchors.pem", &roots[0], false),
        ("/v1/trust/test-anchors.pem", &roots[1], true),
    ] {
        let r = app.send(Method::GET, path, None, None, None, &[]).await;
        assert_eq!(r.status, 200, "{path}");
        let certs = signet_pdf::parse_roots(&[&r.bytes]).expect("certificates");
        assert_eq!(certs.len(), 2, "{path}: the issuing CA and the root");
        assert_eq!(&certs[1], root, "{path}");
        assert_eq!(
            certs[0].tbs_certificate().issuer(),
            root.tbs_certificate().subject(),
            "{path}: the issuing CA first"
        );
        assert!(
            certs
                .iter()
                .all(|c| signet_pdf::is_test_certificate(c) == test),
            "{path}"
        );
    }
}

/// A person identified through the sandbox (HAPPYPATH succeeds after 120 s).
async fn identified_person(app: &TestApp, first: &str) -> String {
    let (pid, _) = app.requested(first, "Tester").await;
    pid
}

#[tokio::test]
async fn advanced_signers_follow_the_eligibility_table() {
    let app = spawn_app().await;
    let happy = identified_person(&app, "X-AUTOTEST-HAPPYPATH").await;
    app.advance(121).await;
    let stranger = app
        .person(json!({"first_name": "Nora", "last_name": "Unknown"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": happy},
            {"name": "Nora", "email": "n@example.com", "person_id": stranger},
        ]}),
    )
    .await;
    assert_eq!(doc["signers"][0]["status"], "user_consent_required");
    assert_eq!(doc["signers"][1]["status"], "kyc_required");
    assert_eq!(doc["signers"][1]["status_codes"], json!([1201]));
    let signed = sign(&app, &doc, 0).await;
    assert!(
        signed["certificate_subject"]
            .as_str()
            .unwrap()
            .contains("CN=X-AUTOTEST-HAPPYPATH Tester"),
        "the certificate names the identified person: {signed}"
    );
    // A day later the identification is stale: a selfie is needed (3105).
    app.advance(25 * 3600).await;
    let doc2 = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": happy},
        ]}),
    )
    .await;
    assert_eq!(doc2["signers"][0]["status"], "selfie_required");
    assert_eq!(doc2["signers"][0]["status_codes"], json!([3105]));
    let jpeg = b64(&crate::helpers::id_photo());
    app.post(
        &signer_path(&doc2, 0, "selfie"),
        json!({"image": b64(b"not an image")}),
    )
    .await
    .assert_error(400, "invalid_model");
    // A file that only starts like a JPEG is decoded and refused (seed 001's 2005).
    let fake = app
        .post(
            &signer_path(&doc2, 0, "selfie"),
            json!({"image": b64(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'])}),
        )
        .await;
    fake.assert_error(400, "invalid_model");
    assert_eq!(fake.body["errors"][0]["return_code"], 2005, "{}", fake.body);
    app.post(&signer_path(&doc2, 0, "selfie"), json!({"image": jpeg}))
        .await
        .assert(200);
    let accepted = app
        .post(
            &signer_path(&doc2, 0, "selfie/review"),
            json!({"decision": "accept"}),
        )
        .await;
    assert_eq!(accepted.assert(200)["status"], "user_consent_required");
    sign(&app, &doc2, 0).await;
}

#[tokio::test]
async fn a_finished_advanced_document_becomes_a_signed_contract_of_each_identified_signer() {
    let app = spawn_app().await;
    let happy = identified_person(&app, "X-AUTOTEST-HAPPYPATH").await;
    let other = identified_person(&app, "X-AUTOTEST-HAPPYPATH").await;
    app.advance(121).await;
    let contracts = |pid: String| {
        let app = &app;
        async move {
            app.get(&format!("/v1/persons/{pid}/documents"))
                .await
                .assert(200)
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["document_type"] == "SIGNED_CONTRACT")
                .cloned()
                .collect::<Vec<Value>>()
        }
    };
    let doc = send(
        &app,
        json!({"name": "Loan agreement", "signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": happy},
            {"name": "Other", "email": "o@example.com", "person_id": other},
        ]}),
    )
    .await;
    sign(&app, &doc, 0).await;
    // Not before the document is finished.
    assert!(contracts(happy.clone()).await.is_empty());
    sign(&app, &doc, 1).await;
    let finished = document(&app, &doc).await;
    assert_eq!(finished["status"], "finished");
    let d = doc["id"].as_str().unwrap();
    let file = app.get(&format!("/v1/documents/{d}/file")).await;
    assert_eq!(file.status, 200);
    for pid in [&happy, &other] {
        let listed = contracts(pid.clone()).await;
        assert_eq!(listed.len(), 1, "{listed:?}");
        let c = &listed[0];
        assert_eq!(c["name"], "Loan agreement.pdf");
        assert_eq!(c["content_type"], "application/pdf");
        assert_eq!(c["sha256"], finished["current_sha256"]);
        assert!(c["identification_id"].is_null());
        let got = app
            .get(&format!(
                "/v1/persons/{pid}/documents/{}/file",
                c["id"].as_str().unwrap()
            ))
            .await;
        assert_eq!(got.status, 200);
        assert_eq!(got.headers["content-type"], "application/pdf");
        assert_eq!(got.bytes, file.bytes, "the finished, timestamped file");
        assert_eq!(c["size"], got.bytes.len());
    }
    // A simple document is no one's contract.
    let simple = send(
        &app,
        json!({"signers": [{"name": "Happy", "email": "h@example.com", "person_id": happy}]}),
    )
    .await;
    sign(&app, &simple, 0).await;
    assert_eq!(document(&app, &simple).await["status"], "finished");
    assert_eq!(contracts(happy.clone()).await.len(), 1);
}

/// Seed 000: a signature confirmed while the identification was under review is invalid
/// (3311) when the review ends without success (CANCELED: canceled after review) or confirms
/// other personal data than the signer confirmed with (CHANGEALLREVIEW).
#[tokio::test]
async fn a_signature_confirmed_under_review_is_invalid_when_the_review_ends_otherwise() {
    let app = spawn_app().await;
    let mut waiting = Vec::new();
    for case in ["X-AUTOTEST-CANCELED", "X-AUTOTEST-CHANGEALLREVIEW"] {
        let pid = identified_person(&app, case).await;
        waiting.push((case, pid));
    }
    // Both are pending_successful from 30 s to 120 s.
    app.advance(31).await;
    let mut docs = Vec::new();
    for (case, pid) in &waiting {
        let doc = send(
            &app,
            json!({"signature_level": "advanced", "signers": [
                {"name": "Under Review", "email": "r@example.com", "person_id": pid},
            ]}),
        )
        .await;
        let confirmed = sign(&app, &doc, 0).await;
        assert_eq!(confirmed["status"], "pending_verification", "{case}");
        docs.push((case, doc));
    }
    app.advance(90).await;
    for (case, doc) in &docs {
        // In the full PostgreSQL suite the signer's new status was seen to lag the clock
        // jump's answer (why is not settled): wait for it, then check everything.
        crate::helpers::wait_for(&format!("{case}: invalid_signature"), async || {
            signer_status(&app, doc, 0).await["status"] == "invalid_signature"
        })
        .await;
        let s = signer_status(&app, doc, 0).await;
        assert_eq!(s["status"], "invalid_signature", "{case}: {s}");
        assert_eq!(s["status_codes"], json!([3311]), "{case}");
        let shown = document(&app, doc).await;
        assert_eq!(shown["signers"][0]["status"], "invalid_signature", "{case}");
        assert_eq!(shown["signatures"], 0, "{case}: nothing was signed");
        let (id, _) = ids(doc, 0);
        let audit = app.get(&format!("/v1/documents/{id}/audit")).await;
        assert!(
            audit.assert(200)["entries"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "signer.invalid_signature"),
            "{case}: audited"
        );
    }
}

#[tokio::test]
async fn a_signer_under_identification_review_waits_in_pending_verification() {
    let app = spawn_app().await;
    // LONGREVIEW: pending_successful from 30 s until 24 h.
    let pid = identified_person(&app, "X-AUTOTEST-LONGREVIEW").await;
    app.advance(31).await;
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Long", "email": "l@example.com", "person_id": pid},
        ]}),
    )
    .await;
    assert_eq!(doc["signers"][0]["status"], "user_consent_required");
    let confirmed = sign(&app, &doc, 0).await;
    assert_eq!(confirmed["status"], "pending_verification");
    app.advance(24 * 3600).await;
    let s = signer_status(&app, &doc, 0).await;
    assert_eq!(
        s["status"], "signed",
        "signed once the identification succeeded"
    );
    assert_eq!(document(&app, &doc).await["status"], "finished");
}
