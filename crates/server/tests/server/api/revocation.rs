//! Revocation published: the CRLs and the OCSP responder over HTTP, for a certificate issued
//! to an advanced signer, before and after it is revoked; openssl checks both answers.

use crate::helpers::{TestApp, spawn_app};
use serde_json::json;
use signet_pdf::revocation::{
    CertStatus, RevocationReason, ocsp_request_for_serial, read_crl, read_ocsp_response,
};
use signet_store::Mode;

async fn bytes(app: &TestApp, req: reqwest::RequestBuilder) -> (u16, String, Vec<u8>) {
    let _ = app;
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ct, r.bytes().await.unwrap().to_vec())
}

async fn ocsp(app: &TestApp, issuer: &[u8], serial: &[u8], nonce: &[u8]) -> (Vec<u8>, CertStatus) {
    let req = ocsp_request_for_serial(issuer, serial, Some(nonce)).unwrap();
    let (status, ct, body) = bytes(
        app,
        app.client
            .post(app.url("/v1/trust/ocsp"))
            .header("content-type", "application/ocsp-request")
            .body(req),
    )
    .await;
    assert_eq!((status, ct.as_str()), (200, "application/ocsp-response"));
    let answer = read_ocsp_response(&body, issuer).unwrap();
    assert_eq!(answer.response_status, "successful");
    assert!(
        answer.nonce.as_deref().unwrap().ends_with(nonce),
        "nonce echoed"
    );
    assert_eq!(answer.statuses[0].0, hex::encode(serial));
    (body, answer.statuses[0].1.clone())
}

fn openssl(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("openssl")
        .args(args)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

#[tokio::test]
async fn an_advanced_signers_certificate_is_good_then_revoked_in_ocsp_and_the_crl() {
    let app = spawn_app().await;
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    let doc = crate::api::documents::send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": pid},
        ]}),
    )
    .await;
    crate::api::documents::sign(&app, &doc, 0).await;
    let sid = doc["signers"][0]["id"].as_str().unwrap();
    let mut tx = app.state.store.begin().await.unwrap();
    let certs = app
        .state
        .store
        .certificates_of_signer(&mut tx, sid)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(certs.len(), 1, "the signer's certificate is recorded");
    let cert = &certs[0];
    assert_eq!(cert.ca, "test");
    assert_eq!(cert.document_id, doc["id"].as_str().unwrap());
    let serial = hex::decode(&cert.serial).unwrap();
    let ca = app.state.trust.ca(Mode::Test);
    let issuer = ca.issuing_der();

    // The CRLs parse and verify under their CA; nothing is revoked yet.
    let (status, ct, crl) = bytes(
        &app,
        app.client.get(app.url("/v1/trust/crl/test-issuing.crl")),
    )
    .await;
    assert_eq!((status, ct.as_str()), (200, "application/pkix-crl"));
    let info = read_crl(&crl, &issuer).unwrap();
    assert!(info.revoked.is_empty());
    assert!(info.crl_number.is_some());
    let next = info.next_update.unwrap();
    assert_eq!((next - info.this_update).num_days(), 7);
    let (_, _, root_crl) =
        bytes(&app, app.client.get(app.url("/v1/trust/crl/test-root.crl"))).await;
    read_crl(&root_crl, &ca.root_der()).unwrap();
    let (status, _, _) = bytes(&app, app.client.get(app.url("/v1/trust/crl/other.crl"))).await;
    assert_eq!(status, 404);

    // OCSP: good for the issued certificate, unknown for a serial never issued.
    let (_, good) = ocsp(&app, &issuer, &serial, b"first").await;
    assert_eq!(good, CertStatus::Good);
    let (_, unknown) = ocsp(&app, &issuer, &[0x42; 16], b"second").await;
    assert_eq!(unknown, CertStatus::Unknown);
    // The GET form reads the base64 request from the path, percent-encoded as NSS sends it
    // (%2B, %2F and %3D).
    let req = ocsp_request_for_serial(&issuer, &serial, None).unwrap();
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &req);
    let (status, _, body) = bytes(
        &app,
        app.client.get(app.url(&format!(
            "/v1/trust/ocsp/{}",
            b64.replace('/', "%2F")
                .replace('+', "%2B")
                .replace('=', "%3D")
        ))),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        read_ocsp_response(&body, &issuer).unwrap().statuses[0].1,
        CertStatus::Good
    );
    // Garbage is a 400 with a stable code, never a 500.
    let bad = app
        .client
        .post(app.url("/v1/trust/ocsp"))
        .body("not der")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 400);
    let body: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(
        body["errors"][0]["code"], "ocsp_request_malformed",
        "{body}"
    );

    // Revoked (as when its signature is found invalid): OCSP and the CRL say so at once.
    let mut tx = app.state.store.begin().await.unwrap();
    let details = signet_app::revocation::revoke_signer(
        &app.state,
        &mut tx,
        sid,
        RevocationReason::PrivilegeWithdrawn,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(details.len(), 1);
    let (resp, revoked) = ocsp(&app, &issuer, &serial, b"third").await;
    assert!(matches!(
        revoked,
        CertStatus::Revoked {
            reason: RevocationReason::PrivilegeWithdrawn,
            ..
        }
    ));
    let (_, _, crl) = bytes(
        &app,
        app.client.get(app.url("/v1/trust/crl/test-issuing.crl")),
    )
    .await;
    let info = read_crl(&crl, &issuer).unwrap();
    assert_eq!(info.revoked.len(), 1);
    assert_eq!(info.revoked[0].serial, serial);
    assert_eq!(info.revoked[0].reason, RevocationReason::PrivilegeWithdrawn);

    // A third party agrees: openssl verifies the CRL and the OCSP answer under the CA.
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_owned();
    std::fs::write(p("issuing.der"), &issuer).unwrap();
    std::fs::write(p("root.der"), ca.root_der()).unwrap();
    std::fs::write(p("crl.der"), &crl).unwrap();
    std::fs::write(p("resp.der"), &resp).unwrap();
    if openssl(&[
        "x509",
        "-inform",
        "DER",
        "-in",
        &p("issuing.der"),
        "-out",
        &p("issuing.pem"),
    ])
    .is_none()
    {
        eprintln!("openssl not found: third-party check skipped");
        return;
    }
    openssl(&[
        "x509",
        "-inform",
        "DER",
        "-in",
        &p("root.der"),
        "-out",
        &p("root.pem"),
    ]);
    let chain = format!(
        "{}{}",
        std::fs::read_to_string(p("issuing.pem")).unwrap(),
        std::fs::read_to_string(p("root.pem")).unwrap()
    );
    std::fs::write(p("chain.pem"), chain).unwrap();
    let out = openssl(&[
        "crl",
        "-inform",
        "DER",
        "-in",
        &p("crl.der"),
        "-CAfile",
        &p("chain.pem"),
        "-noout",
        "-text",
    ])
    .unwrap();
    assert!(out.contains("verify OK"), "{out}");
    assert!(
        out.to_uppercase().contains(&cert.serial.to_uppercase()),
        "{out}"
    );
    let out = openssl(&[
        "ocsp",
        "-respin",
        &p("resp.der"),
        "-CAfile",
        &p("chain.pem"),
        "-resp_text",
    ])
    .unwrap();
    assert!(out.contains("Response verify OK"), "{out}");
    assert!(out.contains("Cert Status: revoked"), "{out}");
    // privilegeWithdrawn (9): OpenSSL's OCSP printer names reasons 0 to 8 only.
    assert!(out.contains("Revocation Reason: (UNKNOWN) (0x9)"), "{out}");
}

/// The certificate recorded for signer `i` of `doc`.
async fn certificate_of(app: &TestApp, doc: &serde_json::Value, i: usize) -> (Vec<u8>, String) {
    let sid = doc["signers"][i]["id"].as_str().unwrap();
    let mut tx = app.state.store.begin().await.unwrap();
    let certs = app
        .state
        .store
        .certificates_of_signer(&mut tx, sid)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(certs.len(), 1, "one certificate for {sid}");
    (
        hex::decode(&certs[0].serial).unwrap(),
        certs[0].serial.clone(),
    )
}

#[tokio::test]
async fn an_identification_found_fraudulent_later_revokes_the_certificates_it_grounded() {
    use crate::backoffice::{form, get, operator, post_form, sign_in};
    use reqwest::StatusCode;

    let app = spawn_app().await;
    operator(&app).await;
    let (pid, iid) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let advanced = json!({"signature_level": "advanced", "signers": [
        {"name": "Happy", "email": "h@example.com", "person_id": pid},
    ]});
    // Two documents signed on the strength of this identification, one still to sign.
    let first = crate::api::documents::send(&app, advanced.clone()).await;
    crate::api::documents::sign(&app, &first, 0).await;
    let second = crate::api::documents::send(&app, advanced.clone()).await;
    crate::api::documents::sign(&app, &second, 0).await;
    let waiting = crate::api::documents::send(&app, advanced.clone()).await;
    assert_eq!(waiting["signers"][0]["status"], "user_consent_required");
    let (serial_1, hex_1) = certificate_of(&app, &first, 0).await;
    let (serial_2, _) = certificate_of(&app, &second, 0).await;
    let issuer = app.state.trust.ca(Mode::Test).issuing_der();
    assert_eq!(
        ocsp(&app, &issuer, &serial_1, b"before").await.1,
        CertStatus::Good
    );

    // The back office offers the finding on a successful case, and wants a reason.
    let cookie = sign_in(&app).await;
    let case_path = format!("/admin/identifications/{iid}");
    let case = get(&app, &case_path, Some(&cookie)).await;
    assert_eq!(case.status, StatusCode::OK);
    assert!(case.text.contains("id=\"report-fraud\""), "{}", case.text);
    let csrf = case.csrf();
    let fraud_path = format!("/admin/identifications/{iid}/fraud");
    let r = post_form(&app, &fraud_path, Some(&cookie), form(&[("note", "x")])).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no CSRF token, nothing done"
    );
    let r = post_form(
        &app,
        &fraud_path,
        Some(&cookie),
        form(&[("csrf", &csrf), ("note", "  ")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        ocsp(&app, &issuer, &serial_1, b"still").await.1,
        CertStatus::Good
    );

    let r = post_form(
        &app,
        &fraud_path,
        Some(&cookie),
        form(&[
            ("csrf", &csrf),
            ("note", "the passport was reported stolen"),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

    // Both certificates are revoked, as OCSP and the CRL say at once.
    for (serial, nonce) in [(&serial_1, b"after-1"), (&serial_2, b"after-2")] {
        let (_, status) = ocsp(&app, &issuer, serial, nonce).await;
        assert!(
            matches!(
                status,
                CertStatus::Revoked {
                    reason: RevocationReason::PrivilegeWithdrawn,
                    ..
                }
            ),
            "{status:?}"
        );
    }
    let (_, _, crl) = bytes(
        &app,
        app.client.get(app.url("/v1/trust/crl/test-issuing.crl")),
    )
    .await;
    assert_eq!(read_crl(&crl, &issuer).unwrap().revoked.len(), 2);

    // Each document's trail records the revocation and the finding.
    let id = signet_core::ids::DocumentId::parse(first["id"].as_str().unwrap()).unwrap();
    let trail = app.state.store.audit_trail(&id).await.unwrap();
    let entry = trail
        .iter()
        .find(|e| e.action == "certificate.revoked")
        .expect("a certificate.revoked entry");
    let details = &entry.details;
    assert_eq!(details["serial"], hex_1.as_str(), "{details}");
    assert_eq!(details["identification_id"], iid.as_str());
    assert_eq!(details["note"], "the passport was reported stolen");
    assert_eq!(entry.actor, "operator:reviewer@example.com");

    // The person is no longer identified: the waiting signer and new ones need a new
    // identification (1202); the identification's status stays what seed 002 says.
    let held = app
        .get(&format!(
            "/v1/documents/{}/signers/{}",
            waiting["id"].as_str().unwrap(),
            waiting["signers"][0]["id"].as_str().unwrap()
        ))
        .await
        .assert(200)
        .clone();
    assert_eq!(held["status"], "kyc_required", "{held}");
    assert_eq!(held["status_codes"], json!([1202]), "{held}");
    let fresh = crate::api::documents::send(&app, advanced).await;
    assert_eq!(fresh["signers"][0]["status"], "kyc_required");
    assert_eq!(app.status(&pid, &iid).await, "successful");

    // The case says so, and the finding cannot be made twice.
    let case = get(&app, &case_path, Some(&cookie)).await;
    assert!(case.text.contains("Found fraudulent"));
    assert!(case.text.contains("the passport was reported stolen"));
    assert!(!case.text.contains("id=\"report-fraud\""));
    let r = post_form(
        &app,
        &fraud_path,
        Some(&cookie),
        form(&[("csrf", &csrf), ("note", "again")]),
    )
    .await;
    assert!(r.status.is_client_error(), "{}", r.status);
}
