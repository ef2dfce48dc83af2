//! Files signed through the HTTP API of a real `signet serve`, judged by independent
//! validators: pyHanko (PyPI) and poppler's pdfsig (Signet's root from `/v1/trust/ca.pem` in a
//! fresh NSS database). `signet verify` must agree with them on every file, and must report
//! a signature pyHanko made as not Signet's. Runs on SQLite, and on PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`.
//!
//! Missing validators fail the test with `SIGNET_REQUIRE_TOOLS=1` or in CI; elsewhere the
//! check is skipped with a notice.

// Synchronous tests driving child processes: blocking waits are right here.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common::{self, get, have_pdfsig, id, post, pyhanko, pyhanko_validate};
use base64::Engine;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

struct Fixtures {
    dir: tempfile::TempDir,
    database_url: String,
    data_dir: PathBuf,
    /// The port of the server that made the files: the certificates name its CRL and OCSP
    /// addresses.
    port: u16,
    key: String,
    /// The installation's TEST root: the fixtures are made with a test-mode key.
    root_pem: String,
    /// The installation's live root, under which no test-mode file may pass.
    live_root_pem: String,
    two: PathBuf,
    three: PathBuf,
    two_tampered: PathBuf,
    three_tampered: PathBuf,
}

impl Fixtures {
    fn root(&self) -> PathBuf {
        self.dir.path().join("test-ca.pem")
    }

    fn live_root(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }
}

/// Changes one letter of the page text: a byte inside the first signed range of every
/// signature.
fn tamper(pdf: &[u8]) -> Vec<u8> {
    let at = pdf
        .windows(9)
        .position(|w| w == b"agreement")
        .expect("page text present");
    let mut out = pdf.to_vec();
    out[at] = b'A';
    out
}

/// Sends a document, has every signer approve and confirm, and returns the signed file.
fn signed_through_the_api(
    port: u16,
    key: &str,
    name: &str,
    level: &str,
    signers: Vec<Value>,
) -> Vec<u8> {
    let file = base64::engine::general_purpose::STANDARD.encode(common::text_pdf(&[
        name,
        "The parties sign this agreement.",
    ]));
    let n = signers.len();
    let doc = post(
        port,
        key,
        "/v1/documents",
        json!({"name": name, "file": file, "signature_level": level,
               "signing_order": "sequential", "signers": signers}),
    );
    let d = id(&doc);
    for i in 0..n {
        let s = doc["signers"][i]["id"].as_str().unwrap();
        post(
            port,
            key,
            &format!("/v1/documents/{d}/signers/{s}/approve"),
            json!({}),
        );
        let confirmed = post(
            port,
            key,
            &format!("/v1/documents/{d}/signers/{s}/confirm"),
            json!({"otp": "123456"}),
        );
        assert_eq!(confirmed["status"], "signed", "{confirmed}");
    }
    let mut status = Value::Null;
    for _ in 0..200 {
        status = get(port, key, &format!("/v1/documents/{d}"))["status"].clone();
        if status == "finished" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(status, "finished");
    let (status, pdf) = common::request_bytes(
        port,
        "GET",
        &format!("/v1/documents/{d}/file"),
        key,
        b"",
        "",
    );
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF"));
    pdf
}

fn fixtures() -> &'static Fixtures {
    static F: OnceLock<Fixtures> = OnceLock::new();
    F.get_or_init(|| {
        // The fixtures live as long as the process (a static is never dropped), and so
        // does their database.
        let (database_url, data_dir, db) = common::fresh_database("validators");
        std::mem::forget(db);
        let key = common::create_tenant(&database_url, &data_dir, "validators");
        let server = common::start_server(&database_url, &data_dir);
        let port = server.port;

        // Two signers at the simple level (Signet's seal signs for them).
        let two = signed_through_the_api(
            port,
            &key,
            "Two-party agreement",
            "simple",
            vec![
                json!({"name": "Ana Silva", "email": "ana@example.com"}),
                json!({"name": "Ben Okafor", "email": "ben@example.com"}),
            ],
        );

        // Three identified signers at the advanced level (a certificate each); the sandbox
        // name X-AUTOTEST-HAPPYPATH has an identification succeed 120 s after its request.
        let persons: Vec<(String, String)> = ["Carla", "Duarte", "Eva"]
            .iter()
            .map(|last| common::requested(port, &key, "X-AUTOTEST-HAPPYPATH", last))
            .collect();
        post(
            port,
            &key,
            "/v1/sandbox/clock/advance",
            json!({"seconds": 121}),
        );
        for (pid, iid) in &persons {
            let ident = get(
                port,
                &key,
                &format!("/v1/persons/{pid}/identifications/{iid}"),
            );
            assert_eq!(ident["status"], "successful", "{ident}");
        }
        let signers = persons
            .iter()
            .zip(["Carla Dias", "Duarte Reis", "Eva Nunes"])
            .map(|((pid, _), name)| {
                json!({"name": name, "email": "signer@example.com", "person_id": pid})
            })
            .collect();
        let three =
            signed_through_the_api(port, &key, "Three-party agreement", "advanced", signers);

        let pem = |path: &str| {
            let (status, root) = common::request_bytes(port, "GET", path, "", b"", "");
            assert_eq!(status, 200);
            let pem = String::from_utf8(root).unwrap();
            assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
            pem
        };
        let root_pem = pem("/v1/trust/test-ca.pem");
        let live_root_pem = pem("/v1/trust/ca.pem");
        assert_ne!(root_pem, live_root_pem);
        drop(server);

        // The advanced signers' certificates name this server's OCSP responder and CRL; the
        // seal, which signs many times in one file, names its CRL only (see ca.rs), and the
        // timestamp authority names the responder too. (The seal
        // was made with the store, by `tenant create`, under that command's address.)
        let named = |pdf: &[u8], url: &str| {
            let hex = hex_upper(url.as_bytes());
            pdf.windows(hex.len())
                .any(|w| w.eq_ignore_ascii_case(hex.as_bytes()))
        };
        let base = format!("http://127.0.0.1:{port}/v1/trust");
        assert!(named(&three, &format!("{base}/ocsp")), "OCSP address");
        assert!(named(&three, &format!("{base}/crl/test-issuing.crl")));
        assert!(
            named(&two, "/v1/trust/crl/test-issuing.crl"),
            "the seal's CRL"
        );
        // That the seal names no OCSP address is the unit test
        // `the_seal_and_the_intermediate_leave_the_ocsp_responder_unnamed` (revocation.rs): the
        // file as a whole names it, through the timestamp authority's certificate.

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("test-ca.pem"), &root_pem).unwrap();
        std::fs::write(dir.path().join("ca.pem"), &live_root_pem).unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        if let Some(k) = std::env::var_os("KEEP_FIX") {
            let _ = std::fs::write(std::path::Path::new(&k).join("two.pdf"), &two);
            let _ = std::fs::write(std::path::Path::new(&k).join("test-ca.pem"), &root_pem);
        }
        Fixtures {
            two: write("two.pdf", &two),
            three: write("three.pdf", &three),
            two_tampered: write("two-tampered.pdf", &tamper(&two)),
            three_tampered: write("three-tampered.pdf", &tamper(&three)),
            database_url,
            data_dir,
            port,
            key,
            root_pem,
            live_root_pem,
            dir,
        }
    })
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// pdfsig's per-signature blocks of `file` (document timestamps left out: pdfsig cannot
/// validate ETSI.RFC3161 and says so).
fn pdfsig_signatures(file: &Path) -> Vec<String> {
    pdfsig_signatures_under(file, &fixtures().root_pem)
}

/// pdfsig's per-signature blocks of `file` with only `root_pem` trusted.
fn pdfsig_signatures_under(file: &Path, root_pem: &str) -> Vec<String> {
    let nss_dir = tempfile::tempdir().unwrap();
    let nss = common::nss_db(nss_dir.path(), &[root_pem]);
    // pdfsig asks the OCSP responder the certificates name: a server answers at the fixture
    // server's address while it runs, one pdfsig at a time since they share the port.
    static RESPONDER: Mutex<()> = Mutex::new(());
    let _one = RESPONDER.lock().unwrap_or_else(|e| e.into_inner());
    let f = fixtures();
    let _server = common::start_server_on(&f.database_url, &f.data_dir, f.port);
    common::pdfsig_signatures(&nss, file)
}

/// `signet verify FILE --root ROOT... --json`: the exit code and the parsed report.
fn signet_verify(file: &Path, roots: &[&Path]) -> (i32, Value, Output) {
    let mut cmd = common::signet_bare();
    cmd.arg("verify").arg(file).arg("--json");
    for r in roots {
        cmd.arg("--root").arg(r);
    }
    let out = cmd.output().expect("run signet verify");
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().expect("an exit code"), report, out)
}

fn assert_pyhanko_accepts(py: &Path, file: &Path, signatures: usize) {
    let f = fixtures();
    let results = pyhanko_validate(py, f.root().as_os_str(), file);
    assert_eq!(
        results.len(),
        signatures + 1,
        "pyHanko sees every signature and the document timestamp: {results:#?}"
    );
    for r in &results {
        assert_eq!(r["intact"], true, "intact: {r}");
        assert_eq!(r["valid"], true, "valid: {r}");
        assert_eq!(r["trusted"], true, "trusted: {r}");
    }
    let (sigs, stamps): (Vec<_>, Vec<_>) = results.iter().partition(|r| r["kind"] == "signature");
    assert_eq!(sigs.len(), signatures);
    for s in sigs {
        assert_eq!(s["has_timestamp"], true, "signature timestamp seen: {s}");
        assert_eq!(s["timestamp_valid"], true, "signature timestamp valid: {s}");
    }
    assert_eq!(stamps.len(), 1, "one document timestamp");
    assert_eq!(
        results.last().unwrap()["kind"],
        "doc-timestamp",
        "the document timestamp closes the file"
    );
}

#[test]
fn pyhanko_judges_every_signature_of_api_signed_documents_valid_and_trusted() {
    let f = fixtures();
    let Some(py) = pyhanko() else { return };
    assert_pyhanko_accepts(&py, &f.two, 2);
    assert_pyhanko_accepts(&py, &f.three, 3);
    // The advanced signers' certificates name the identified persons.
    let results = pyhanko_validate(&py, f.root().as_os_str(), &f.three);
    for (r, last) in results.iter().zip(["Carla", "Duarte", "Eva"]) {
        let signer = r["signer"].as_str().unwrap_or_default();
        assert!(signer.contains(last), "{r}");
    }
}

#[test]
fn pyhanko_flags_a_copy_with_one_byte_changed() {
    let f = fixtures();
    let Some(py) = pyhanko() else { return };
    for file in [&f.two_tampered, &f.three_tampered] {
        let results = pyhanko_validate(&py, f.root().as_os_str(), file);
        assert!(!results.is_empty());
        for r in &results {
            assert_eq!(
                r["intact"], false,
                "tampering must break every signature: {r}"
            );
        }
    }
}

#[test]
fn pdfsig_judges_every_signature_valid_and_the_certificates_trusted() {
    let f = fixtures();
    if !have_pdfsig() {
        return;
    }
    for (file, n) in [(&f.two, 2), (&f.three, 3)] {
        let sigs = pdfsig_signatures(file);
        assert_eq!(sigs.len(), n, "pdfsig sees every signature: {sigs:#?}");
        for s in sigs {
            assert!(s.contains("Signature is Valid."), "valid:\n{s}");
            assert!(s.contains("Certificate is Trusted."), "trusted:\n{s}");
        }
    }
}

#[test]
fn pdfsig_flags_a_copy_with_one_byte_changed() {
    let f = fixtures();
    if !have_pdfsig() {
        return;
    }
    for file in [&f.two_tampered, &f.three_tampered] {
        let sigs = pdfsig_signatures(file);
        assert!(!sigs.is_empty());
        for s in sigs {
            assert!(
                !s.contains("Signature is Valid."),
                "tampering detected:\n{s}"
            );
        }
    }
}

#[test]
fn signet_verify_agrees_with_the_validators_on_the_api_signed_files() {
    let f = fixtures();
    let root = f.root();
    for (file, n, names) in [
        (&f.two, 2, &["Ana Silva", "Ben Okafor"][..]),
        (&f.three, 3, &["Carla Dias", "Duarte Reis", "Eva Nunes"][..]),
    ] {
        let (code, report, out) = signet_verify(file, &[&root]);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out.stderr));
        let sigs = report["signatures"].as_array().unwrap();
        assert_eq!(sigs.len(), n + 1, "{report:#}");
        for s in sigs {
            assert_eq!(s["indication"], "TOTAL-PASSED", "{s}");
            assert_eq!(s["written_by_signet"], true, "{s}");
        }
        for (s, name) in sigs.iter().zip(names) {
            assert_eq!(s["signer"], *name);
            assert_eq!(s["claimed_level"], "PAdES");
            assert_eq!(s["detected_level"], "PAdES-B-LTA");
            assert_eq!(s["later_changes"], "signatures_and_forms_only");
            assert!(s["timestamp_time"].is_string(), "{s}");
        }
        let last = sigs.last().unwrap();
        assert_eq!(last["is_document_timestamp"], true);
        assert_eq!(last["covers_whole_file"], true);
        assert_eq!(report["produced_by_signet"], true);
    }
}

#[test]
fn signet_verify_flags_the_tampered_copies_as_the_validators_do() {
    let f = fixtures();
    let root = f.root();
    for file in [&f.two_tampered, &f.three_tampered] {
        let (code, report, out) = signet_verify(file, &[&root]);
        assert_eq!(code, 1, "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(report["produced_by_signet"], false);
        for s in report["signatures"].as_array().unwrap() {
            assert_eq!(s["indication"], "TOTAL-FAILED", "{s}");
            assert_eq!(s["sub_indication"], "HASH_FAILURE", "{s}");
        }
    }
}

#[test]
fn signet_verify_finds_signets_root_in_the_installation_or_on_the_server() {
    let f = fixtures();
    // No --root: the configured installation's root; --test for its test root, which signed
    // these test-mode files.
    let out = common::signet(&f.database_url, &f.data_dir)
        .arg("verify")
        .arg(&f.three)
        .arg("--test")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Result: all 4 TOTAL-PASSED"), "{stdout}");
    assert!(stdout.contains("Produced by Signet: yes"), "{stdout}");
    assert!(stdout.contains("Made in TEST mode"), "{stdout}");
    assert!(stdout.contains("Carla Dias"), "{stdout}");

    // --server: the root fetched from a running server.
    let server = common::start_server(&f.database_url, &f.data_dir);
    let out = common::signet_bare()
        .arg("verify")
        .arg(&f.two)
        .args(["--server", &format!("http://127.0.0.1:{}", server.port)])
        .arg("--test")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The server's own /v1/verify agrees.
    let pdf = std::fs::read(&f.two_tampered).unwrap();
    let (status, body) = common::request_bytes(
        server.port,
        "POST",
        "/v1/verify?anchor=test",
        &f.key,
        &pdf,
        "application/pdf",
    );
    assert_eq!(status, 200);
    let report: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(report["signatures"][0]["indication"], "TOTAL-FAILED");
}

/// A test-mode key signs "advanced" in any name it likes (here: identified sandbox persons);
/// nothing it makes may pass as real. Under the live root every validator refuses it, and
/// Signet says why.
#[test]
fn a_test_mode_signature_never_passes_against_the_live_root() {
    let f = fixtures();
    for file in [&f.two, &f.three] {
        // signet verify, the installation's live root (the default) and --root ca.pem.
        let out = common::signet(&f.database_url, &f.data_dir)
            .arg("verify")
            .arg(file)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(stdout.contains("Made in TEST mode"), "{stdout}");
        assert!(stdout.contains("NOT PASSED"), "{stdout}");
        let (code, report, _) = signet_verify(file, &[&f.live_root()]);
        assert_eq!(code, 1, "{report:#}");
        assert_eq!(report["test_mode"], true, "{report:#}");
        assert_eq!(report["produced_by_signet"], false, "{report:#}");
        for s in report["signatures"].as_array().unwrap() {
            assert_ne!(s["indication"], "TOTAL-PASSED", "{s}");
            assert_eq!(s["sub_indication"], "NO_CERTIFICATE_CHAIN_FOUND", "{s}");
            assert!(
                s["details"].to_string().contains("test mode"),
                "the report says why: {s}"
            );
        }
        // The advanced certificates name the persons, and say TEST beside the name.
        if file == &f.three {
            let subjects: Vec<&str> = report["signatures"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["is_document_timestamp"] == false)
                .map(|s| s["certificate_subject"].as_str().unwrap())
                .collect();
            assert_eq!(subjects.len(), 3);
            for subject in subjects {
                assert!(subject.contains("(TEST)"), "{subject}");
                assert!(
                    subject.contains("not valid for real signatures"),
                    "{subject}"
                );
            }
        }
    }

    // The server's /v1/verify judges against the live root unless asked otherwise.
    let server = common::start_server(&f.database_url, &f.data_dir);
    let pdf = std::fs::read(&f.three).unwrap();
    let verify = |path: &str| {
        let (status, body) =
            common::request_bytes(server.port, "POST", path, &f.key, &pdf, "application/pdf");
        assert_eq!(status, 200);
        serde_json::from_slice::<Value>(&body).unwrap()
    };
    let live = verify("/v1/verify");
    assert_eq!(live["test_mode"], true, "{live:#}");
    for s in live["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "INDETERMINATE", "{s}");
    }
    let test = verify("/v1/verify?anchor=test");
    for s in test["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{s}");
    }
    drop(server);

    // pyHanko and pdfsig trusting only the live root: valid maths, untrusted signer.
    if let Some(py) = pyhanko() {
        for r in pyhanko_validate(&py, f.live_root().as_os_str(), &f.three) {
            assert_eq!(r["intact"], true, "{r}");
            assert_eq!(r["trusted"], false, "not trusted under the live root: {r}");
        }
    }
    if have_pdfsig() {
        for s in pdfsig_signatures_under(&f.three, &f.live_root_pem) {
            assert!(
                !s.contains("Certificate is Trusted."),
                "not trusted under the live root:\n{s}"
            );
        }
    }
}

#[test]
fn signet_verify_reports_a_pyhanko_signature_as_valid_but_not_signets() {
    let f = fixtures();
    let Some(py) = pyhanko() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(
        &input,
        common::text_pdf(&["Outside agreement", "The parties sign this agreement."]),
    )
    .unwrap();
    let out_pdf = dir.path().join("out.pdf");
    let ca = dir.path().join("outside-ca.pem");
    let script = common::workspace().join("crates/pdf/tests/sign_pyhanko.py");
    let st = Command::new(&py)
        .arg(script)
        .arg("ec")
        .args([&input, &out_pdf, &ca])
        .output()
        .expect("run pyHanko signer");
    assert!(
        st.status.success(),
        "pyHanko signing: {}",
        String::from_utf8_lossy(&st.stderr)
    );
    let verdict = pyhanko_validate(&py, ca.as_os_str(), &out_pdf);
    assert_eq!(verdict[0]["valid"], true, "{verdict:?}");
    assert_eq!(verdict[0]["trusted"], true, "{verdict:?}");

    let (code, report, out) = signet_verify(&out_pdf, &[&ca, &f.root()]);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out.stderr));
    let sigs = report["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 1, "{report:#}");
    assert_eq!(sigs[0]["signer"], "Outside Signer");
    assert_eq!(sigs[0]["indication"], "TOTAL-PASSED");
    assert_eq!(sigs[0]["written_by_signet"], false);
    assert_eq!(report["produced_by_signet"], false);

    // The human report says so too.
    let out = common::signet_bare()
        .arg("verify")
        .arg(&out_pdf)
        .arg("--root")
        .arg(&ca)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Produced by Signet: no"), "{stdout}");

    // Without the outside CA, the chain is not found: not passed.
    let (code, report, _) = signet_verify(&out_pdf, &[&f.root()]);
    assert_eq!(code, 1);
    assert_eq!(
        report["signatures"][0]["sub_indication"],
        "NO_CERTIFICATE_CHAIN_FOUND"
    );
}
