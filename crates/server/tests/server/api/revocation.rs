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
