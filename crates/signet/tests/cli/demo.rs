//! `signet demo` as a process: it walks through identification, sending and signing on an
//! embedded server, writes the signed file, the certificate of completion and the root, and
//! the signed file verifies against that root. The embedded server uses the test's backend
//! (`--database-url`, PostgreSQL with `SIGNET_TEST_DATABASE=postgres`).

#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common;
use signet_pdf::Indication;
use std::time::{Duration, Instant};

#[test]
fn demo_signs_a_contract_end_to_end_and_writes_verifiable_files() {
    let (database_url, data_dir, _db) = common::fresh_database("demo");
    let out_dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = common::signet_bare()
        .args(["demo", "--dir"])
        .arg(out_dir.path())
        .arg("--data-dir")
        .arg(&data_dir)
        .args(["--database-url", &database_url])
        .output()
        .expect("run signet demo");
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        took < Duration::from_secs(30),
        "the demo takes a few seconds, not {took:?}"
    );
    for step in [
        "started an embedded Signet",
        "identified Ana Silva",
        "identified Ben Okafor",
        "created the template \"Service Agreement\"",
        "sent \"Service Agreement\"",
        "for advanced signatures",
        "Ana Silva signed",
        "Ben Okafor signed",
        "document finished",
        "signed.pdf",
        "certificate-of-completion.pdf",
        "test-ca.pem",
        "file verified: 3 signatures TOTAL-PASSED",
    ] {
        assert!(stdout.contains(step), "{step:?} in:\n{stdout}");
    }

    let signed = std::fs::read(out_dir.path().join("signed.pdf")).unwrap();
    let ca = std::fs::read(out_dir.path().join("test-ca.pem")).unwrap();
    let certificate = std::fs::read(out_dir.path().join("certificate-of-completion.pdf")).unwrap();
    assert!(signed.starts_with(b"%PDF"));
    assert!(certificate.starts_with(b"%PDF"));
    assert!(ca.starts_with(b"-----BEGIN CERTIFICATE-----"));

    let report = signet_pdf::verify_pdf(&signed, &[&ca]).unwrap();
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
    }
    let signers: Vec<&str> = report
        .signatures
        .iter()
        .filter(|s| !s.is_document_timestamp)
        .map(|s| s.signer.as_str())
        .collect();
    assert!(signers.len() >= 2, "{report:?}");
    assert_eq!(signers, ["Ana Silva", "Ben Okafor"]);
    assert!(report.produced_by_signet);
    assert!(
        report.test_mode,
        "the demo runs in test mode and its file says so"
    );
    assert!(
        report.signatures.last().unwrap().is_document_timestamp,
        "a document timestamp closes the file"
    );

    // The verify command agrees with the library.
    let verify = common::signet_bare()
        .arg("verify")
        .arg(out_dir.path().join("signed.pdf"))
        .arg("--root")
        .arg(out_dir.path().join("test-ca.pem"))
        .output()
        .unwrap();
    assert_eq!(verify.status.code(), Some(0));
}
