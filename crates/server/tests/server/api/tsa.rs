//! An external RFC 3161 timestamp authority (`tsa_url`), played by a local stand-in: its
//! tokens stamp every signature and the document timestamp, and every way it can fail ends
//! as seed 000's 6007 on the signer, never a 500.

#[path = "../../../../pdf/tests/support/tsa_stand_in.rs"]
mod tsa_stand_in;

use crate::api::documents::send;
use crate::helpers::{TestApp, document, signer_path, spawn_app_with};
use serde_json::{Value, json};
use signet_pdf::Indication;
use signet_server::config::Secret;
use std::time::Duration;
use tsa_stand_in::{Answer, StandInTsa, refusing_url};

const STAND_IN_TSA: &str = "Stand-in Trust Services Signet Timestamp Authority";

async fn app_with_tsa(url: &str, timeout_ms: u64) -> TestApp {
    let url = url.to_owned();
    spawn_app_with(move |c| {
        c.tsa_url = Some(url);
        c.tsa_timeout_ms = timeout_ms;
    })
    .await
}

/// Approve and confirm; the signer as the confirmation leaves it.
async fn sign(app: &TestApp, doc: &Value, i: usize) -> Value {
    app.post(&signer_path(doc, i, "approve"), json!({}))
        .await
        .assert(200);
    let confirmed = app
        .post(&signer_path(doc, i, "confirm"), json!({"otp": "123456"}))
        .await;
    assert!(
        confirmed.status.is_success(),
        "the confirmation is answered, whatever the authority did: {} {}",
        confirmed.status,
        confirmed.body
    );
    confirmed.body.clone()
}

async fn one_signer_document(app: &TestApp) -> Value {
    send(
        app,
        json!({"signers": [{"name": "Ana Silva", "email": "ana@example.com"}]}),
    )
    .await
}

async fn file(app: &TestApp, doc: &Value) -> Vec<u8> {
    let reply = app
        .get(&format!(
            "/v1/documents/{}/file",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(reply.status, 200);
    reply.bytes
}

async fn test_root(app: &TestApp) -> String {
    let reply = app.get("/v1/trust/test-ca.pem").await;
    assert_eq!(reply.status, 200);
    String::from_utf8(reply.bytes).unwrap()
}

#[tokio::test]
async fn an_external_authority_stamps_every_signature_and_the_document_timestamp() {
    let tsa = StandInTsa::start_with_auth(vec![Answer::Grant], Some("signet:s3cret".into()));
    let url = tsa.url.clone();
    let app = spawn_app_with(move |c| {
        c.tsa_url = Some(url);
        c.tsa_username = Some("signet".into());
        c.tsa_password = Some(Secret::new("s3cret"));
    })
    .await;
    let doc = send(&app, json!({})).await;
    assert_eq!(sign(&app, &doc, 0).await["status"], "signed");
    assert_eq!(sign(&app, &doc, 1).await["status"], "signed");
    assert_eq!(document(&app, &doc).await["status"], "finished");
    assert_eq!(
        tsa.hits(),
        3,
        "two signature timestamps and the document timestamp, each asked once"
    );

    let pdf = file(&app, &doc).await;
    let roots = [test_root(&app).await, tsa.root_pem.clone()];
    let report = signet_pdf::verify_pdf(&pdf, &roots).unwrap();
    assert_eq!(report.signatures.len(), 3);
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{s:#?}");
    }
    for s in &report.signatures[..2] {
        assert_eq!(s.detected_level, "PAdES-B-T");
        assert!(
            s.details
                .contains(&format!("timestamp authority: {STAND_IN_TSA}")),
            "{s:#?}"
        );
    }
    let closing = &report.signatures[2];
    assert!(closing.is_document_timestamp);
    assert_eq!(closing.signer, STAND_IN_TSA);

    // Without the stand-in's root the timestamps have no chain: they are not Signet's own.
    let report = signet_pdf::verify_pdf(&pdf, &roots[..1]).unwrap();
    assert!(
        report
            .signatures
            .iter()
            .all(|s| s.indication != Indication::TotalPassed),
        "{report:#?}"
    );
}

#[tokio::test]
async fn wrong_credentials_for_the_authority_end_in_6007() {
    let tsa = StandInTsa::start_with_auth(vec![Answer::Grant], Some("signet:s3cret".into()));
    let url = tsa.url.clone();
    let app = spawn_app_with(move |c| {
        c.tsa_url = Some(url);
        c.tsa_username = Some("signet".into());
        c.tsa_password = Some(Secret::new("wrong"));
    })
    .await;
    let doc = one_signer_document(&app).await;
    let signer = sign(&app, &doc, 0).await;
    assert_eq!(signer["status"], "error", "{signer}");
    assert_eq!(signer["status_codes"], json!([6007]));
    assert_eq!(tsa.hits(), 4, "one try and three more");
}

/// One signer, an authority answering `answer` every time: the signer ends in `error` with
/// 6007 after four tries, the document stays open, nothing is a 500.
async fn failing_authority_ends_in_6007(answer: Answer, timeout_ms: u64) {
    let tsa = StandInTsa::start(vec![answer.clone()]);
    let app = app_with_tsa(&tsa.url, timeout_ms).await;
    let doc = one_signer_document(&app).await;
    let signer = sign(&app, &doc, 0).await;
    assert_eq!(signer["status"], "error", "{answer:?}: {signer}");
    assert_eq!(signer["status_codes"], json!([6007]), "{answer:?}");
    assert_eq!(tsa.hits(), 4, "{answer:?}: one try and three more");
    let d = document(&app, &doc).await;
    assert_eq!(d["status"], "pending");
    assert_eq!(d["signatures"], 0);
    // The trail says what the authority did.
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(audit.status, 200);
    assert!(
        audit.body.to_string().contains("timestamp authority"),
        "{}",
        audit.body
    );
}

#[tokio::test]
async fn an_authority_answering_garbage_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::Garbage, 2_500).await;
}

#[tokio::test]
async fn an_authority_answering_another_nonce_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::WrongNonce, 2_500).await;
}

#[tokio::test]
async fn an_authority_stamping_another_imprint_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::WrongImprint, 2_500).await;
}

#[tokio::test]
async fn an_authority_rejecting_the_request_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::Rejection, 2_500).await;
}

#[tokio::test]
async fn an_authority_answering_http_500_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::ServerError, 2_500).await;
}

#[tokio::test]
async fn an_authority_slower_than_tsa_timeout_ms_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::Slow(Duration::from_secs(3)), 300).await;
}

#[tokio::test]
async fn an_authority_hanging_up_ends_in_6007() {
    failing_authority_ends_in_6007(Answer::Hangup, 2_500).await;
}

#[tokio::test]
async fn an_authority_refusing_connections_ends_in_6007() {
    let app = app_with_tsa(&refusing_url(), 2_500).await;
    let doc = one_signer_document(&app).await;
    let signer = sign(&app, &doc, 0).await;
    assert_eq!(signer["status"], "error", "{signer}");
    assert_eq!(signer["status_codes"], json!([6007]));
}

#[tokio::test]
async fn an_authority_failing_once_is_tried_again_and_the_signature_stands() {
    let tsa = StandInTsa::start(vec![Answer::ServerError, Answer::Garbage, Answer::Grant]);
    let app = app_with_tsa(&tsa.url, 2_500).await;
    let doc = one_signer_document(&app).await;
    assert_eq!(sign(&app, &doc, 0).await["status"], "signed");
    assert_eq!(document(&app, &doc).await["status"], "finished");
    assert_eq!(
        tsa.hits(),
        4,
        "two failures, then the signature and the document timestamp"
    );
}

#[tokio::test]
async fn a_document_timestamp_that_cannot_be_had_is_6007_on_the_last_signer_not_a_500() {
    // The signature's timestamp is granted; every try of the document timestamp fails.
    let tsa = StandInTsa::start(vec![Answer::Grant, Answer::ServerError]);
    let app = app_with_tsa(&tsa.url, 2_500).await;
    let doc = one_signer_document(&app).await;
    let signer = sign(&app, &doc, 0).await;
    assert_eq!(signer["status"], "error", "{signer}");
    assert_eq!(signer["status_codes"], json!([6007]));
    assert_eq!(tsa.hits(), 5, "the signature's token, then four tries");
    let d = document(&app, &doc).await;
    assert_eq!(
        d["status"], "pending",
        "not finished without its document timestamp"
    );

    // The signature itself is in the file, stamped by the stand-in.
    let pdf = file(&app, &doc).await;
    let roots = [test_root(&app).await, tsa.root_pem.clone()];
    let report = signet_pdf::verify_pdf(&pdf, &roots).unwrap();
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(report.signatures[0].indication, Indication::TotalPassed);
    assert!(!report.signatures[0].is_document_timestamp);
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert!(
        audit.body.to_string().contains("document timestamp"),
        "{}",
        audit.body
    );
}

/// Seed 000's 6007 on the signer when the document timestamp cannot be had, then a job tries
/// the closing again (1 min, 5 min, … on the tenant clock): once the authority answers, the
/// signer is signed again and the document finished, without anyone acting.
#[tokio::test]
async fn a_failed_document_timestamp_is_tried_again_by_a_job_until_it_closes_the_file() {
    let tsa = StandInTsa::start(vec![Answer::Grant, Answer::ServerError]);
    let app = app_with_tsa(&tsa.url, 2_500).await;
    let doc = one_signer_document(&app).await;
    let signer = sign(&app, &doc, 0).await;
    assert_eq!(signer["status_codes"], json!([6007]), "{signer}");
    // The first try again, a minute later, fails too: 6007 still, the next one armed.
    app.advance(61).await;
    let s = app
        .get(signer_path(&doc, 0, "").trim_end_matches('/'))
        .await;
    assert_eq!(s.assert(200)["status_codes"], json!([6007]), "{}", s.body);
    assert_eq!(document(&app, &doc).await["status"], "pending");
    // The authority is back: the next try, five minutes later, closes the file.
    tsa.answer(vec![Answer::Grant]);
    app.advance(5 * 60 + 1).await;
    let d = document(&app, &doc).await;
    assert_eq!(d["status"], "finished", "{d}");
    assert_eq!(d["signers"][0]["status"], "signed");
    let pdf = file(&app, &doc).await;
    let roots = [test_root(&app).await, tsa.root_pem.clone()];
    let report = signet_pdf::verify_pdf(&pdf, &roots).unwrap();
    assert_eq!(
        report.signatures.len(),
        2,
        "the signature and the document timestamp"
    );
    assert!(report.signatures[1].is_document_timestamp);
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    let retried = audit.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "document.timestamp_retried")
        .count();
    assert_eq!(retried, 2, "two tries again, audited");
}
