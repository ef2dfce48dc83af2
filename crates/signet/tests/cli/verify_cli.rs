//! `signet verify` as a process: exit code 0 when every signature passes, 1 when one does
//! not or there is none, 2 when the input cannot be read; `--json` prints the report.

// Fixtures are made at the real time: external clocks judge certificates against it.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common;
use chrono::{DateTime, Utc};
use serde_json::Value;
use signet_pdf::{SignOptions, TrustStore, sign_pdf, timestamp_pdf};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// A signed file, a tampered copy, an unsigned file, a non-PDF, Signet-style roots.
fn files() -> &'static Files {
    static F: OnceLock<Files> = OnceLock::new();
    F.get_or_init(|| {
        let now = real_now();
        let trust = TrustStore::generate("Verify CLI", now).unwrap();
        let other = TrustStore::generate("Someone Else", now).unwrap();
        let unsigned = common::text_pdf(&["A short agreement."]);
        let opts = SignOptions {
            signer_name: "Ana Silva".into(),
            reason: Some("I agree".into()),
            location: None,
            contact: None,
            signing_time: now,
            timestamp: true,
            form: Default::default(),
            visible: None,
        };
        let signed = sign_pdf(&unsigned, &trust.seal_credential(), &trust, &opts).unwrap();
        let closed = timestamp_pdf(&signed, &trust, now).unwrap();
        let at = closed
            .windows(9)
            .position(|w| w == b"agreement")
            .expect("page text");
        let mut tampered = closed.clone();
        tampered[at] = b'A';
        let dir = tempfile::tempdir().unwrap();
        let write =
            |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
        write("signed.pdf", &closed);
        write("tampered.pdf", &tampered);
        write("unsigned.pdf", &unsigned);
        write("not-a.pdf", b"hello, this is not a PDF\n");
        write("ca.pem", trust.root_pem().as_bytes());
        write("ca.der", &trust.root_der());
        write("other.pem", other.root_pem().as_bytes());
        write(
            "garbage.pem",
            b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n",
        );
        Files { dir }
    })
}

fn verify(file: &Path, extra: &[&std::ffi::OsStr]) -> Output {
    common::signet_bare()
        .arg("verify")
        .arg(file)
        .args(extra)
        .env("SIGNET_DATA_DIR", files().path("no-installation-here"))
        .output()
        .expect("run signet verify")
}

fn root_args(f: &Files, name: &str) -> Vec<std::ffi::OsString> {
    vec!["--root".into(), f.path(name).into_os_string()]
}

fn run(file: &str, args: &[std::ffi::OsString]) -> (i32, String, String) {
    let f = files();
    let extra: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = verify(&f.path(file), &extra);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().expect("an exit code"), stdout, stderr)
}

#[test]
fn a_signed_file_verifies_with_exit_code_0_and_a_readable_report() {
    let f = files();
    let (code, stdout, stderr) = run("signed.pdf", &root_args(f, "ca.pem"));
    assert_eq!(code, 0, "{stdout}{stderr}");
    for expected in [
        "2 signatures",
        "Ana Silva",
        "claimed PAdES, detected PAdES-B-T",
        "TOTAL-PASSED",
        "document timestamp",
        "covers:       the whole file",
        "Produced by Signet: yes",
        "Result: all 2 TOTAL-PASSED",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in:\n{stdout}");
    }
    // A DER root works as well as PEM.
    let (code, _, stderr) = run("signed.pdf", &root_args(f, "ca.der"));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn json_prints_the_report_of_verify_pdf() {
    let f = files();
    let mut args = root_args(f, "ca.pem");
    args.push("--json".into());
    let (code, stdout, stderr) = run("signed.pdf", &args);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2);
    assert_eq!(sigs[0]["signer"], "Ana Silva");
    assert_eq!(sigs[0]["indication"], "TOTAL-PASSED");
    assert_eq!(sigs[0]["detected_level"], "PAdES-B-T");
    assert_eq!(sigs[1]["is_document_timestamp"], true);
    assert_eq!(report["produced_by_signet"], true);

    let (code, stdout, _) = run("tampered.pdf", &args);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    assert_eq!(report["signatures"][0]["indication"], "TOTAL-FAILED");
    assert_eq!(report["signatures"][0]["sub_indication"], "HASH_FAILURE");
}

#[test]
fn a_failed_an_untrusted_or_an_unsigned_file_exits_with_1() {
    let f = files();
    let (code, stdout, _) = run("tampered.pdf", &root_args(f, "ca.pem"));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("HASH_FAILURE"), "{stdout}");
    assert!(stdout.contains("Produced by Signet: no"), "{stdout}");

    let (code, stdout, _) = run("signed.pdf", &root_args(f, "other.pem"));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("NO_CERTIFICATE_CHAIN_FOUND"), "{stdout}");

    let (code, stdout, _) = run("unsigned.pdf", &root_args(f, "ca.pem"));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("no signature"), "{stdout}");
}

#[test]
fn unreadable_input_exits_with_2_and_a_clear_message() {
    let f = files();
    let (code, stdout, stderr) = run("missing.pdf", &root_args(f, "ca.pem"));
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("cannot read") && stderr.contains("missing.pdf"),
        "{stderr}"
    );

    let (code, _, stderr) = run("not-a.pdf", &root_args(f, "ca.pem"));
    assert_eq!(code, 2);
    assert!(stderr.contains("not a readable PDF"), "{stderr}");

    let (code, _, stderr) = run("signed.pdf", &root_args(f, "no-such-root.pem"));
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read root"), "{stderr}");

    let (code, _, stderr) = run("signed.pdf", &root_args(f, "garbage.pem"));
    assert_eq!(code, 2);
    assert!(stderr.contains("holds no certificate"), "{stderr}");

    // No root given and no installation to take one from.
    let (code, _, stderr) = run("signed.pdf", &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--root"), "{stderr}");

    // A server that does not answer.
    let port = common::free_port();
    let (code, _, stderr) = run(
        "signed.pdf",
        &["--server".into(), format!("http://127.0.0.1:{port}").into()],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot fetch"), "{stderr}");
    let (code, _, stderr) = run(
        "signed.pdf",
        &["--server".into(), "https://signet.example".into()],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("plain http://"), "{stderr}");
}
