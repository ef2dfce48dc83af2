//! `qualified` signatures through a Cloud Signature Consortium API v2 service, played by a
//! stand-in served over HTTP on 127.0.0.1 (`signet_app::csc_standin::StandIn` behind axum):
//! OAuth 2.0 client credentials, a credential per signer under the stand-in's own root,
//! the provider's own one-time code (`credentials/sendOTP`) forwarded to
//! `credentials/authorize`, `signatures/signHash`
//! over the hash of the signed attributes. pyHanko judges the signatures as made by the
//! stand-in's chain, and every error answer ends as seed 000's code, never a 500.

use crate::api::documents::send;
use crate::helpers::{TestApp, document, signer_path, spawn_app, spawn_app_with, test_python};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use signet_app::csc_standin::{Fault, StandIn};
use signet_pdf::{Indication, SignerIdentity, TrustStore};
use signet_server::config::Secret;
use std::sync::Arc;

const CLIENT_ID: &str = "signet-at-standin";
const CLIENT_SECRET: &str = "standin-secret";
/// The code the stand-in provider sends its credentials' owners (`credentials/sendOTP`): not
/// test mode's 123456, so a signature that passes was authorised with the provider's code.
const PROVIDER_OTP: &str = "246810";

/// The stand-in served over HTTP, with its root.
struct Served {
    stand_in: Arc<StandIn>,
    url: String,
    root_pem: String,
}

async fn answer(
    State(stand_in): State<Arc<StandIn>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let form = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let (status, body) = if form {
        let pairs = signet_app::csc::form_decode(&String::from_utf8_lossy(&body));
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        stand_in.handle(
            uri.path(),
            bearer.as_deref(),
            signet_app::csc_standin::Request::Form(&pairs),
        )
    } else {
        let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        stand_in.handle(
            uri.path(),
            bearer.as_deref(),
            signet_app::csc_standin::Request::Json(&json),
        )
    };
    if status == 0 {
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        return StatusCode::GATEWAY_TIMEOUT.into_response();
    }
    (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response()
}

impl Served {
    async fn start() -> Served {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let now = chrono::Utc::now();
        let qtsp = TrustStore::generate("Stand-in QTSP", now).unwrap();
        let credential = |name: &str, email: &str| {
            qtsp.issue_signer(
                &SignerIdentity {
                    name: name.into(),
                    email: Some(email.into()),
                    country: Some("DE".into()),
                    serial_number: None,
                },
                now,
            )
            .unwrap()
        };
        let stand_in = Arc::new(StandIn::new(
            "Stand-in QTSP",
            &base,
            CLIENT_ID,
            CLIENT_SECRET,
            vec![
                (
                    "ana@example.com:qes".into(),
                    credential("Ana Stand-in", "ana@example.com"),
                ),
                (
                    "ben@example.com:qes".into(),
                    credential("Ben Stand-in", "ben@example.com"),
                ),
            ],
            Some(PROVIDER_OTP.into()),
        ));
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(stand_in.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Served {
            stand_in,
            url: format!("{base}/csc/v2"),
            root_pem: qtsp.root_pem(),
        }
    }
}

async fn app_with(served: &Served, timeout_ms: u64) -> TestApp {
    let url = served.url.clone();
    spawn_app_with(move |c| {
        c.csc_test_url = Some(url);
        c.csc_test_client_id = Some(CLIENT_ID.into());
        c.csc_test_client_secret = Some(Secret::new(CLIENT_SECRET));
        c.csc_timeout_ms = timeout_ms;
    })
    .await
}

async fn identified_person(app: &TestApp) -> String {
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    pid
}

async fn qualified_document(app: &TestApp, pids: &[String]) -> Value {
    let signers: Vec<Value> = pids
        .iter()
        .zip(["ana@example.com", "ben@example.com"])
        .map(|(pid, email)| json!({"name": "Happy Tester", "email": email, "person_id": pid}))
        .collect();
    send(
        app,
        json!({"signature_level": "qualified", "signers": signers}),
    )
    .await
}

/// Approve and confirm with `otp`; the signer as the confirmation leaves it (never a 5xx).
async fn sign_with(app: &TestApp, doc: &Value, i: usize, otp: &str) -> Value {
    let approved = app.post(&signer_path(doc, i, "approve"), json!({})).await;
    if approved.status != 200 {
        // A signer in error after 6002/6003 approves again; anything else is answered.
        assert!(approved.status.as_u16() < 500, "{}", approved.body);
    }
    let confirmed = app
        .post(&signer_path(doc, i, "confirm"), json!({"otp": otp}))
        .await;
    assert!(
        confirmed.status.is_success(),
        "the confirmation is answered whatever the provider did: {} {}",
        confirmed.status,
        confirmed.body
    );
    confirmed.body.clone()
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

/// pyHanko's judgement of every signature, trusting only `roots`; `None` without pyHanko.
fn pyhanko(roots: &[&str], pdf: &[u8]) -> Option<Vec<Value>> {
    let python = test_python();
    let usable = std::process::Command::new(&python)
        .args(["-c", "import pyhanko"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        assert!(
            !crate::helpers::tools_required(),
            "pyHanko is missing: run scripts/test-env.sh"
        );
        eprintln!("skipping pyHanko: not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, pem) in roots.iter().enumerate() {
        let p = dir.path().join(format!("root{i}.pem"));
        std::fs::write(&p, pem).unwrap();
        paths.push(p.display().to_string());
    }
    let file = dir.path().join("signed.pdf");
    std::fs::write(&file, pdf).unwrap();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../pdf/tests/validate_pyhanko.py");
    let out = std::process::Command::new(&python)
        .arg(script)
        .arg(paths.join(":"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

#[tokio::test]
async fn two_signers_sign_a_qualified_document_through_the_providers_api() {
    let served = Served::start().await;
    let app = app_with(&served, 2_000).await;
    let pids = [identified_person(&app).await, identified_person(&app).await];
    let doc = qualified_document(&app, &pids).await;
    assert_eq!(doc["signature_level"], "qualified");
    for i in 0..2 {
        // The provider sends its own code; Signet sends none.
        let approved = app.post(&signer_path(&doc, i, "approve"), json!({})).await;
        approved.assert(200);
        assert_eq!(
            approved.body["otp"]["channels"],
            json!(["provider"]),
            "{}",
            approved.body
        );
        let signer = app
            .post(
                &signer_path(&doc, i, "confirm"),
                json!({"otp": PROVIDER_OTP}),
            )
            .await;
        signer.assert(200);
        assert_eq!(signer.body["status"], "signed", "{}", signer.body);
    }
    let finished = document(&app, &doc).await;
    assert_eq!(finished["status"], "finished");
    // The trail says the provider sent and judged the codes.
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    let audit = audit.assert(200);
    assert_eq!(audit["chain_valid"], true);
    let entries = audit["entries"].as_array().unwrap();
    let of = |action: &str| -> Vec<&Value> {
        entries.iter().filter(|e| e["action"] == action).collect()
    };
    assert_eq!(of("signer.confirmed").len(), 2, "{audit}");
    for e in of("signer.confirmed") {
        assert_eq!(e["details"]["code_checked_by"], "provider", "{e}");
    }
    let sent = of("otp.sent");
    assert_eq!(sent.len(), 2, "{audit}");
    for e in sent {
        assert_eq!(e["details"]["channels"][0]["channel"], "provider", "{e}");
    }
    // Each approval: info, a token, the signer's credential (online OTP), sendOTP. Each
    // signature: info, a token, the credential, one authorisation with the provider's code the
    // signer confirmed with, one signHash.
    for (method, hits) in [
        ("info", 4),
        ("oauth2/token", 4),
        ("credentials/list", 4),
        ("credentials/info", 4),
        ("credentials/sendOTP", 2),
        ("credentials/authorize", 2),
        ("signatures/signHash", 2),
    ] {
        assert_eq!(served.stand_in.hits(method), hits, "{method}");
    }
    assert_eq!(
        served.stand_in.authorized_otps(),
        vec![Some(PROVIDER_OTP.to_owned()), Some(PROVIDER_OTP.to_owned())]
    );

    let pdf = file(&app, &doc).await;
    let test_root = test_root(&app).await;
    let report =
        signet_pdf::verify_pdf(&pdf, &[test_root.clone(), served.root_pem.clone()]).unwrap();
    let signatures: Vec<_> = report
        .signatures
        .iter()
        .filter(|s| !s.is_document_timestamp)
        .collect();
    assert_eq!(signatures.len(), 2);
    assert!(
        signatures[0]
            .certificate_subject
            .contains("CN=Ana Stand-in"),
        "{report:#?}"
    );
    assert!(
        signatures[1]
            .certificate_subject
            .contains("CN=Ben Stand-in"),
        "{report:#?}"
    );
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{s:#?}");
    }
    // Without the stand-in's root the signatures have no chain: Signet did not make them.
    let report = signet_pdf::verify_pdf(&pdf, std::slice::from_ref(&test_root)).unwrap();
    assert!(
        report
            .signatures
            .iter()
            .filter(|s| !s.is_document_timestamp)
            .all(|s| s.indication != Indication::TotalPassed)
    );
    if let Some(results) = pyhanko(&[&test_root, &served.root_pem], &pdf) {
        let sigs: Vec<_> = results
            .iter()
            .filter(|r| r["kind"] == "signature")
            .collect();
        assert_eq!(sigs.len(), 2, "{results:?}");
        for r in &results {
            assert_eq!(r["intact"], true, "{r}");
            assert_eq!(r["valid"], true, "{r}");
            assert_eq!(r["trusted"], true, "{r}");
        }
        assert!(sigs[0]["signer"].as_str().unwrap().contains("Ana Stand-in"));
        assert!(sigs[1]["signer"].as_str().unwrap().contains("Ben Stand-in"));
        for s in sigs {
            assert_eq!(s["timestamp_valid"], true, "{s}");
        }
    }
    if let Some(results) = pyhanko(&[&test_root], &pdf) {
        assert!(
            results
                .iter()
                .filter(|r| r["kind"] == "signature")
                .all(|r| r["trusted"] == false),
            "{results:?}"
        );
    }
    // Seed 002's word for the copy in each signer's person file.
    for pid in &pids {
        let docs = app.get(&format!("/v1/persons/{pid}/documents")).await;
        let docs = docs.assert(200).as_array().unwrap().clone();
        assert!(
            docs.iter()
                .any(|d| d["document_type"] == "SIGNED_QES_DOCUMENT"
                    && d["sha256"] == finished["current_sha256"]),
            "{docs:?}"
        );
    }
}

#[tokio::test]
async fn every_error_answer_of_the_provider_ends_as_its_seed_000_code() {
    let served = Served::start().await;
    let app = app_with(&served, 500).await;
    let pid = identified_person(&app).await;
    let cases = [
        ("oauth2/token", Fault::InvalidRequest, 6001),
        ("credentials/info", Fault::InvalidRequest, 6001),
        ("credentials/list", Fault::ServerError, 6002),
        ("credentials/authorize", Fault::InvalidOtp, 6005),
        ("signatures/signHash", Fault::ExpiredSad, 6005),
        ("signatures/signHash", Fault::ServerError, 6005),
        ("signatures/signHash", Fault::InvalidRequest, 6004),
        ("signatures/signHash", Fault::NoAnswer, 6006),
        ("info", Fault::NoAnswer, 6003),
    ];
    for (method, fault, code) in cases {
        served.stand_in.set_fault(method, Some(fault));
        let doc = qualified_document(&app, std::slice::from_ref(&pid)).await;
        // A provider failing before it could send its code leaves the code to Signet (test
        // mode's 123456), and the signature meets the failure again.
        let otp = if matches!(method, "credentials/authorize" | "signatures/signHash") {
            PROVIDER_OTP
        } else {
            "123456"
        };
        let signer = sign_with(&app, &doc, 0, otp).await;
        assert_eq!(signer["status"], "error", "{method} {fault:?}: {signer}");
        assert_eq!(
            signer["status_codes"],
            json!([code]),
            "{method} {fault:?}: {signer}"
        );
        assert_eq!(document(&app, &doc).await["status"], "pending");
        served.stand_in.set_fault(method, None);
        // 6005 and 6006: the signer confirms again, and this time it signs.
        if code == 6005 || code == 6006 {
            let again = app
                .post(&signer_path(&doc, 0, "confirm"), json!({"otp": otp}))
                .await;
            assert_eq!(again.status, 200, "{}", again.body);
            assert_eq!(again.body["status"], "signed", "{method} {fault:?}");
        }
    }
    // The provider judges its own code: a wrong one (test mode's 123456 too) is its
    // invalid_otp, 6005, and the signer confirms again with the right one.
    let doc = qualified_document(&app, std::slice::from_ref(&pid)).await;
    let approved = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    approved.assert(200);
    assert_eq!(approved.body["otp"]["channels"], json!(["provider"]));
    let before = served.stand_in.hits("credentials/authorize");
    let wrong = sign_with(&app, &doc, 0, "123456").await;
    assert_eq!(wrong["status"], "error", "{wrong}");
    assert_eq!(wrong["status_codes"], json!([6005]), "{wrong}");
    assert_eq!(served.stand_in.hits("credentials/authorize"), before + 1);
    let again = app
        .post(
            &signer_path(&doc, 0, "confirm"),
            json!({"otp": PROVIDER_OTP}),
        )
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.body["status"], "signed");
    // The hosted page asks for the provider's code.
    let doc = qualified_document(&app, std::slice::from_ref(&pid)).await;
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    let url = doc["signers"][0]["url"].as_str().expect("signer url");
    let path = url
        .split_once("/sign/")
        .map(|(_, t)| format!("/sign/{t}"))
        .expect("path");
    let page = String::from_utf8_lossy(&app.get(&path).await.bytes).into_owned();
    assert!(
        page.contains("your trust service provider sent you"),
        "{page}"
    );
}

#[tokio::test]
async fn a_provider_that_cannot_be_reached_is_a_communication_error_6003() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = spawn_app_with(move |c| {
        c.csc_test_url = Some(format!("http://127.0.0.1:{port}/csc/v2"));
        c.csc_test_client_id = Some(CLIENT_ID.into());
        c.csc_test_client_secret = Some(Secret::new(CLIENT_SECRET));
        c.csc_timeout_ms = 500;
    })
    .await;
    let pid = identified_person(&app).await;
    let doc = qualified_document(&app, &[pid]).await;
    let signer = sign_with(&app, &doc, 0, "123456").await;
    assert_eq!(signer["status"], "error", "{signer}");
    assert_eq!(signer["status_codes"], json!([6003]));
}

#[tokio::test]
async fn test_mode_signs_qualified_through_the_in_process_stand_in_and_says_it_is_test() {
    let app = spawn_app().await;
    let pid = identified_person(&app).await;
    let doc = qualified_document(&app, &[pid]).await;
    let signer = sign_with(&app, &doc, 0, "123456").await;
    assert_eq!(signer["status"], "signed", "{signer}");
    let pdf = file(&app, &doc).await;
    let report = signet_pdf::verify_pdf(&pdf, &[test_root(&app).await]).unwrap();
    let s = &report.signatures[0];
    assert_eq!(s.indication, Indication::TotalPassed, "{s:#?}");
    assert!(s.test_mode, "made under the test CA: {s:#?}");
    assert!(s.certificate_subject.contains("(TEST)"), "{s:#?}");
    assert!(
        pdf.windows(b"not a qualified signature".len())
            .any(|w| w == b"not a qualified signature"),
        "the visible block says it is no qualified signature"
    );
}

#[tokio::test]
async fn live_mode_refuses_qualified_without_a_provider() {
    let app = spawn_app().await;
    let pid = identified_person(&app).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let live = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let body = json!({
        "name": "Loan",
        "file": crate::helpers::b64(&crate::helpers::sample_pdf("Loan")),
        "signature_level": "qualified",
        "signers": [{"name": "A", "email": "a@example.com",
            "person_id": pid}],
    });
    let reply = app
        .send(
            axum::http::Method::POST,
            "/v1/documents",
            Some(&live),
            Some(body.to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    reply.assert_error(422, "provider_not_configured");
    assert!(
        reply.body.to_string().contains("signature_level"),
        "{}",
        reply.body
    );
    assert!(reply.body.to_string().contains("csc_url"), "{}", reply.body);
}

/// The provider's code is judged only when the signature is made, so a signer whose
/// identification is still under review cannot confirm with it (a signature made later would
/// rest on a code nobody checked): 409 until the identification is final.
#[tokio::test]
async fn the_providers_code_waits_for_the_identification_to_be_final() {
    let served = Served::start().await;
    let app = app_with(&served, 2_000).await;
    // LONGREVIEW: pending_successful from 30 s until 24 h.
    let (pid, _) = app.requested("X-AUTOTEST-LONGREVIEW", "Tester").await;
    app.advance(31).await;
    let doc = qualified_document(&app, &[pid]).await;
    let approved = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    approved.assert(200);
    assert_eq!(approved.body["otp"]["channels"], json!(["provider"]));
    let refused = app
        .post(
            &signer_path(&doc, 0, "confirm"),
            json!({"otp": PROVIDER_OTP}),
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(
        refused.body["errors"][0]["code"], "step_not_possible",
        "{}",
        refused.body
    );
    assert_eq!(served.stand_in.hits("credentials/authorize"), 0);
    let now = document(&app, &doc).await;
    assert_eq!(
        now["signers"][0]["status"], "confirmation_required",
        "{now}"
    );
}

/// The provider judges its own code, and Signet counts what it refuses as it counts its own
/// wrong codes: the fifth kills the code (it is not forwarded any more), a new approval sends
/// a new one, and the trail says the provider refused them.
#[tokio::test]
async fn wrong_codes_the_provider_refuses_are_counted_and_the_fifth_kills_the_code() {
    let served = Served::start().await;
    let app = app_with(&served, 2_000).await;
    let pid = identified_person(&app).await;
    let doc = qualified_document(&app, std::slice::from_ref(&pid)).await;
    let confirm = |otp: &'static str| {
        let app = &app;
        let path = signer_path(&doc, 0, "confirm");
        async move { app.post(&path, json!({"otp": otp})).await }
    };
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    for _ in 0..5 {
        let wrong = confirm("123456").await;
        assert_eq!(wrong.status, 200, "{}", wrong.body);
        assert_eq!(wrong.body["status"], "error", "{}", wrong.body);
        assert_eq!(wrong.body["status_codes"], json!([6005]), "{}", wrong.body);
    }
    assert_eq!(served.stand_in.hits("credentials/authorize"), 5);
    // The code is gone: even the right one is refused, and nothing reaches the provider.
    let refused = confirm(PROVIDER_OTP).await;
    assert!(
        refused.status.is_client_error(),
        "{} {}",
        refused.status,
        refused.body
    );
    assert_eq!(served.stand_in.hits("credentials/authorize"), 5);
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    let audit = audit.assert(200);
    let entries = audit["entries"].as_array().unwrap();
    let of = |action: &str| -> Vec<&Value> {
        entries.iter().filter(|e| e["action"] == action).collect()
    };
    assert_eq!(of("otp.failed").len(), 4, "{audit}");
    let killed = of("otp.killed");
    assert_eq!(killed.len(), 1, "{audit}");
    assert_eq!(killed[0]["details"]["code_checked_by"], "provider");
    // A new approval: the provider sends a new code, and the right one signs.
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    let signed = confirm(PROVIDER_OTP).await;
    assert_eq!(signed.status, 200, "{}", signed.body);
    assert_eq!(signed.body["status"], "signed", "{}", signed.body);
}
