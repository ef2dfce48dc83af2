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

use crate::common;

use base64::Engine;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tsa_stand_in::{Answer, StandInTsa};

const STAND_IN_TSA: &str = "Stand-in Trust Services Signet Timestamp Authority";

fn post(port: u16, key: &str, path: &str, body: Value) -> Value {
    let (status, reply) = common::request(port, "POST", path, key, Some(&body));
    assert!(
        (200..300).contains(&status),
        "POST {path}: {status} {reply}"
    );
    reply
}

fn python() -> Option<PathBuf> {
    let p = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::workspace().join(".venv/bin/python"));
    let ok = Command::new(&p)
        .args(["-c", "import pyhanko"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(p)
}

fn tool(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn require(what: &str, present: bool) -> bool {
    if !present {
        assert!(!common::tools_required(), "{what} is required");
        eprintln!("skipped: {what} is not installed");
    }
    present
}

/// Signs a two-signer document through the API of a server stamping with `tsa` and returns
/// the finished file and Signet's test root, with the server still running: its OCSP
/// responder answers for the certificates in the file while validators check them.
fn signed_with_the_stand_in(
    tsa: &StandInTsa,
) -> (Vec<u8>, String, common::Server, common::DropDatabase) {
    let (database_url, data_dir, db) = common::fresh_database("external_tsa");
    let key = common::create_tenant(&database_url, &data_dir, "external-tsa");
    let port = common::free_port();
    let child = common::signet(&database_url, &data_dir)
        .arg("serve")
        .env("SIGNET_LISTEN", format!("127.0.0.1:{port}"))
        .env("SIGNET_TSA_URL", &tsa.url)
        .stdout(Stdio::null())
        .spawn()
        .expect("start signet serve");
    let server = common::Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while common::request_health(port) != Some(200) {
        assert!(Instant::now() < deadline, "signet serve did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
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

/// An NSS database trusting every PEM root given.
fn nss_db(dir: &Path, roots: &[&str]) -> String {
    let db = dir.join("nss");
    std::fs::create_dir_all(&db).unwrap();
    let spec = format!("sql:{}", db.display());
    let st = Command::new("certutil")
        .args(["-N", "-d", &spec, "--empty-password"])
        .status()
        .unwrap();
    assert!(st.success());
    for (i, root) in roots.iter().enumerate() {
        let pem = dir.join(format!("root{i}.pem"));
        std::fs::write(&pem, root).unwrap();
        let st = Command::new("certutil")
            .args([
                "-A",
                "-d",
                &spec,
                "-n",
                &format!("root{i}"),
                "-t",
                "CT,C,C",
                "-a",
                "-i",
            ])
            .arg(&pem)
            .status()
            .unwrap();
        assert!(st.success());
    }
    spec
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
    let py = python();
    if require(
        "pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)",
        py.is_some(),
    ) {
        let roots = std::env::join_paths([&test_ca, &tsa_ca]).unwrap();
        let script = common::workspace().join("crates/pdf/tests/validate_pyhanko.py");
        let out = Command::new(py.unwrap())
            .arg(script)
            .arg(&roots)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let results: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
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
    if require(
        "pdfsig and certutil (poppler-utils, libnss3-tools)",
        tool("pdfsig") && tool("certutil"),
    ) {
        let nss = nss_db(dir.path(), &[&test_root, &tsa.root_pem]);
        // The server is still running, so the CRL and OCSP addresses the certificates name
        // answer (the seal of these simple signatures names its CRL only, which pdfsig does
        // not fetch; validators.rs has advanced signers, whose OCSP status pdfsig asks).
        let out = Command::new("pdfsig")
            .args(["-nssdir", &nss])
            .arg(&file)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        let blocks: Vec<&str> = report
            .split("Signature #")
            .skip(1)
            .filter(|b| b.contains("ETSI.CAdES.detached"))
            .collect();
        assert_eq!(blocks.len(), 2, "{report}");
        for b in blocks {
            assert!(b.contains("Signature is Valid."), "{b}");
            assert!(b.contains("Certificate is Trusted."), "{b}");
        }
    }
}
