//! A real `signet serve` with `SIGNET_TSA_URL` pointing at a local RFC 3161 stand-in: the
//! file it signs through the API is judged valid by pyHanko and pdfsig trusting the stand-in's
//! root beside Signet's test root, and `signet verify` names the stand-in as the timestamp
//! authority. Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.
//!
//! Missing validators fail the test with `SIGNET_REQUIRE_TOOLS=1` or in CI; elsewhere that
//! check is skipped with a notice.

// Synchronous tests driving child processes: blocking waits are right here.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

#[path = "../../../pdf/tests/support/tsa_stand_in.rs"]
mod tsa_stand_in;

use crate::common::{
    self, have_pdfsig, nss_db, pdfsig_signatures, post, pyhanko, pyhanko_validate,
};
use base64::Engine;
use serde_json::{Value, json};
use tsa_stand_in::{Answer, StandInTsa};

const STAND_IN_TSA: &str = "Stand-in Trust Services Signet Timestamp Authority";

/// Signs a two-signer document through the API of a server stamping with `tsa` and returns
/// the finished file and Signet's test root, with the server still running: its OCSP
/// responder answers for the certificates in the file while validators check them.
fn signed_with_the_stand_in(
    tsa: &StandInTsa,
) -> (Vec<u8>, String, common::Server, common::DropDatabase) {
    let (database_url, data_dir, db) = common::fresh_database("external_tsa");
    let key = common::create_tenant(&database_url, &data_dir, "external-tsa");
    let mut serve = common::signet(&database_url, &data_dir);
    serve.env("SIGNET_TSA_URL", &tsa.url);
    let server = common::serve(serve, common::free_port());
    let port = server.port;
    let file = base64::engine::general_purpose::STANDARD.encode(common::text_pdf(&[
        "Stamped elsewhere",
        "The parties sign this agreement.",
    ]));
    let doc = post(
        port,
        &key,
        "/v1/documents",
        json!({"name": "Stamped elsewhere", "file": file, "signature_level": "simple",
               "signers": [{"name": "Ana Silva", "email": "ana@example.com"},
                           {"name": "Ben Okafor", "email": "ben@example.com"}]}),
    );
    let d = doc["id"].as_str().unwrap();
    for i in 0..2 {
        let s = doc["signers"][i]["id"].as_str().unwrap();
        post(
            port,
            &key,
            &format!("/v1/documents/{d}/signers/{s}/approve"),
            json!({}),
        );
        let confirmed = post(
            port,
            &key,
            &format!("/v1/documents/{d}/signers/{s}/confirm"),
            json!({"otp": "123456"}),
        );
        assert_eq!(confirmed["status"], "signed", "{confirmed}");
    }
    let (status, body) = common::request(port, "GET", &format!("/v1/documents/{d}"), &key, None);
    assert_eq!(status, 200);
    assert_eq!(body["status"], "finished", "{body}");
    let (status, pdf) = common::request_bytes(
        port,
        "GET",
        &format!("/v1/documents/{d}/file"),
        &key,
        b"",
        "",
    );
    assert_eq!(status, 200);
    let (status, root) = common::request_bytes(port, "GET", "/v1/trust/test-ca.pem", "", b"", "");
    assert_eq!(status, 200);
    (pdf, String::from_utf8(root).unwrap(), server, db)
}

#[test]
fn a_file_stamped_by_an_external_authority_validates_under_its_root() {
    let tsa = StandInTsa::start(vec![Answer::Grant]);
    let (pdf, test_root, _server, _db) = signed_with_the_stand_in(&tsa);
    assert_eq!(
        tsa.hits(),
        3,
        "two signature timestamps and the document timestamp"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stamped.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let test_ca = dir.path().join("test-ca.pem");
    std::fs::write(&test_ca, &test_root).unwrap();
    let tsa_ca = dir.path().join("tsa-ca.pem");
    std::fs::write(&tsa_ca, &tsa.root_pem).unwrap();

    // signet verify: every signature passes, and the stand-in is the authority.
    let out = common::signet_bare()
        .arg("verify")
        .arg(&file)
        .arg("--json")
        .arg("--root")
        .arg(&test_ca)
        .arg("--root")
        .arg(&tsa_ca)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 3, "{report:#}");
    for s in sigs {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{s}");
    }
    for s in &sigs[..2] {
        assert_eq!(s["detected_level"], "PAdES-B-T");
        let details = s["details"].to_string();
        assert!(details.contains(STAND_IN_TSA), "{s}");
    }
    assert_eq!(sigs[2]["is_document_timestamp"], true);
    assert_eq!(sigs[2]["signer"], STAND_IN_TSA);
    // The human report says it too.
    let out = common::signet_bare()
        .arg("verify")
        .arg(&file)
        .arg("--root")
        .arg(&test_ca)
        .arg("--root")
        .arg(&tsa_ca)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("timestamp authority: {STAND_IN_TSA}")),
        "{text}"
    );

    // pyHanko, trusting both roots and fetching nothing.
    if let Some(py) = pyhanko() {
        let roots = std::env::join_paths([&test_ca, &tsa_ca]).unwrap();
        let results = pyhanko_validate(&py, &roots, &file);
        assert_eq!(results.len(), 3, "{results:#?}");
        for r in &results {
            assert_eq!(r["intact"], true, "{r}");
            assert_eq!(r["valid"], true, "{r}");
            assert_eq!(r["trusted"], true, "{r}");
        }
        for r in &results[..2] {
            assert_eq!(r["timestamp_valid"], true, "{r}");
        }
        assert_eq!(results[2]["kind"], "doc-timestamp");
    }

    // pdfsig, with both roots in its NSS database.
    if have_pdfsig() {
        let nss = nss_db(dir.path(), &[&test_root, &tsa.root_pem]);
        // The server is still running, so the CRL and OCSP addresses the certificates name
        // answer (the seal of these simple signatures names its CRL only, which pdfsig does
        // not fetch; validators.rs has advanced signers, whose OCSP status pdfsig asks).
        let blocks = pdfsig_signatures(&nss, &file);
        assert_eq!(blocks.len(), 2, "{blocks:#?}");
        for b in blocks {
            assert!(b.contains("Signature is Valid."), "{b}");
            assert!(b.contains("Certificate is Trusted."), "{b}");
        }
    }
}
