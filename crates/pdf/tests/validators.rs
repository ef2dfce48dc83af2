//! Signet's signatures judged by independent validators: pyHanko (PyPI) and poppler's pdfsig
//! (Debian, with Signet's root in a fresh NSS database), and Signet's own verifier agreeing
//! with them, including on a file signed by pyHanko.
//!
//! External validators judge certificates against the real clock, so these fixtures are made
//! at the current time (the library itself never reads the clock: `now` is passed in).

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use signet_pdf::*;

struct Fixtures {
    dir: tempfile::TempDir,
    trust: TrustStore,
    two: PathBuf,
    three: PathBuf,
    two_tampered: PathBuf,
    three_tampered: PathBuf,
}

#[allow(clippy::disallowed_methods)]
fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

fn opts(name: &str, now: DateTime<Utc>) -> SignOptions {
    SignOptions {
        signer_name: name.to_string(),
        reason: Some("I agree to the terms".into()),
        location: Some("Lisbon".into()),
        contact: None,
        signing_time: now,
        timestamp: true,
        form: Default::default(),
        visible: None,
    }
}

/// The same options with a visible block naming the signer, as the server draws it.
fn visible(name: &str, now: DateTime<Utc>) -> SignOptions {
    SignOptions {
        form: Default::default(),
        visible: Some(VisibleBlock {
            lines: vec![
                format!("Signed by {name}"),
                format!("{}", now.format("%Y-%m-%d %H:%M:%S UTC")),
                "Advanced electronic signature (PAdES B-T), Signet".into(),
            ],
        }),
        ..opts(name, now)
    }
}

fn advanced(trust: &TrustStore, name: &str, now: DateTime<Utc>) -> SignerCredential {
    trust
        .issue_signer(
            &SignerIdentity {
                name: name.into(),
                email: Some("signer@example.com".into()),
                country: Some("PT".into()),
                serial_number: Some("IDENT-2026-0042".into()),
            },
            now,
        )
        .expect("issue signer certificate")
}

/// Flips one letter of the page text: a byte inside the first signed range of every signature.
fn tamper(pdf: &[u8]) -> Vec<u8> {
    let at = pdf
        .windows(9)
        .position(|w| w == b"agreement")
        .expect("page text present");
    let mut out = pdf.to_vec();
    out[at] = b'A';
    out
}

fn fixtures() -> &'static Fixtures {
    static F: OnceLock<Fixtures> = OnceLock::new();
    F.get_or_init(|| {
        let now = real_now();
        let trust = TrustStore::generate("Acme Onboarding", now).expect("trust store");
        let dir = tempfile::tempdir().expect("tempdir");

        // Two signers on a classic-xref input: a `simple` seal signature, then an `advanced`.
        let input = common::make_pdf(3, false, 30_000);
        assert!(
            !check_pdf(&input, usize::MAX).expect("input").xref_stream,
            "classic xref"
        );
        let s1 = sign_pdf(
            &input,
            &trust.seal_credential(),
            &trust,
            &opts("Ana Silva", now),
        )
        .expect("first signature");
        let cred = advanced(&trust, "Bruno Costa", now);
        let s2 = sign_pdf(&s1, &cred, &trust, &opts("Bruno Costa", now)).expect("second");
        let two = timestamp_pdf(&s2, &trust, now).expect("document timestamp");

        // Three signers on an xref-stream input: advanced, simple, advanced, each with a
        // visible block on the last page.
        let input = common::make_pdf(2, true, 30_000);
        assert!(
            check_pdf(&input, usize::MAX).expect("input").xref_stream,
            "xref stream"
        );
        let c1 = advanced(&trust, "Carla Dias", now);
        let t1 = sign_pdf(&input, &c1, &trust, &visible("Carla Dias", now)).expect("first");
        let t2 = sign_pdf(
            &t1,
            &trust.seal_credential(),
            &trust,
            &visible("Duarte Reis", now),
        )
        .expect("second");
        let c3 = advanced(&trust, "Eva Nunes", now);
        let t3 = sign_pdf(&t2, &c3, &trust, &visible("Eva Nunes", now)).expect("third");
        let three = timestamp_pdf(&t3, &trust, now).expect("document timestamp");

        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).expect("write fixture");
            p
        };
        std::fs::write(dir.path().join("root.pem"), trust.root_pem()).expect("root");
        Fixtures {
            two: write("two.pdf", &two),
            three: write("three.pdf", &three),
            two_tampered: write("two-tampered.pdf", &tamper(&two)),
            three_tampered: write("three-tampered.pdf", &tamper(&three)),
            trust,
            dir,
        }
    })
}

fn root_path(f: &Fixtures) -> PathBuf {
    f.dir.path().join("root.pem")
}

fn assert_pyhanko_accepts(file: &Path, signatures: usize) {
    let Some(py) = common::python() else {
        common::require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", false);
        return;
    };
    let f = fixtures();
    let results = common::pyhanko_validate(&py, root_path(f), file);
    assert_eq!(
        results.len(),
        signatures + 1,
        "pyHanko sees every signature: {results:?}"
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
    let last = results.last().expect("results");
    assert_eq!(
        last["kind"], "doc-timestamp",
        "the document timestamp closes the file"
    );
}

#[test]
fn pyhanko_judges_every_signature_of_a_two_signer_document_valid_and_trusted() {
    assert_pyhanko_accepts(&fixtures().two, 2);
}

#[test]
fn pyhanko_judges_every_signature_of_a_three_signer_document_valid_and_trusted() {
    assert_pyhanko_accepts(&fixtures().three, 3);
}

#[test]
fn pyhanko_flags_a_file_with_one_byte_changed() {
    let Some(py) = common::python() else {
        common::require("pyHanko", false);
        return;
    };
    let f = fixtures();
    for file in [&f.two_tampered, &f.three_tampered] {
        let results = common::pyhanko_validate(&py, root_path(f), file);
        assert!(!results.is_empty());
        for r in &results {
            assert_eq!(
                r["intact"], false,
                "tampering must break every signature: {r}"
            );
        }
    }
}

fn pdfsig_report(file: &Path) -> Option<String> {
    if !common::require(
        "pdfsig and certutil (poppler-utils, libnss3-tools)",
        common::have_pdfsig(),
    ) {
        return None;
    }
    let f = fixtures();
    let nss_dir = tempfile::tempdir().expect("tempdir");
    let nss = common::nss_db(nss_dir.path(), &f.trust.root_pem());
    Some(common::pdfsig(&nss, file))
}

/// The per-signature blocks of pdfsig's report (document timestamps excluded: pdfsig cannot
/// validate ETSI.RFC3161 and says so).
fn pdfsig_signatures(report: &str) -> Vec<String> {
    report
        .split("Signature #")
        .skip(1)
        .filter(|b| b.contains("ETSI.CAdES.detached"))
        .map(str::to_string)
        .collect()
}

#[test]
fn pdfsig_judges_every_signature_valid_and_the_certificates_trusted() {
    let f = fixtures();
    for (file, n) in [(&f.two, 2), (&f.three, 3)] {
        let Some(report) = pdfsig_report(file) else {
            return;
        };
        let sigs = pdfsig_signatures(&report);
        assert_eq!(sigs.len(), n, "pdfsig sees every signature:\n{report}");
        for s in sigs {
            assert!(s.contains("Signature is Valid."), "valid:\n{report}");
            assert!(s.contains("Certificate is Trusted."), "trusted:\n{report}");
        }
    }
}

#[test]
fn pdfsig_flags_a_file_with_one_byte_changed() {
    let f = fixtures();
    for file in [&f.two_tampered, &f.three_tampered] {
        let Some(report) = pdfsig_report(file) else {
            return;
        };
        let sigs = pdfsig_signatures(&report);
        assert!(!sigs.is_empty(), "{report}");
        for s in sigs {
            assert!(
                !s.contains("Signature is Valid."),
                "tampering detected:\n{report}"
            );
        }
    }
}

#[test]
fn signet_verify_agrees_with_the_validators_on_signet_files() {
    let f = fixtures();
    let root = f.trust.root_pem();
    for (file, n) in [(&f.two, 2), (&f.three, 3)] {
        let bytes = std::fs::read(file).expect("read");
        let report = verify_pdf(&bytes, &[root.as_bytes()]).expect("verify");
        assert_eq!(report.signatures.len(), n + 1);
        assert!(report.produced_by_signet, "{report:?}");
        for s in &report.signatures[..n] {
            assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
            assert_eq!(s.detected_level, "PAdES-B-T");
            assert_eq!(s.claimed_level, "PAdES");
            assert!(s.timestamp_time.is_some());
            assert!(!s.covers_whole_file);
            assert_eq!(s.later_changes, LaterChanges::SignaturesAndFormsOnly);
        }
        let last = report.signatures.last().expect("last");
        assert!(last.is_document_timestamp && last.covers_whole_file);
        assert_eq!(last.indication, Indication::TotalPassed);
        assert_eq!(
            report.signatures[0].signer,
            if n == 2 { "Ana Silva" } else { "Carla Dias" }
        );
    }
}

#[test]
fn signet_verify_flags_the_tampered_files_as_the_validators_do() {
    let f = fixtures();
    let root = f.trust.root_pem();
    for file in [&f.two_tampered, &f.three_tampered] {
        let bytes = std::fs::read(file).expect("read");
        let report = verify_pdf(&bytes, &[root.as_bytes()]).expect("verify");
        assert!(!report.produced_by_signet);
        for s in &report.signatures {
            assert_eq!(s.indication, Indication::TotalFailed, "{s:?}");
            assert_eq!(s.sub_indication.as_deref(), Some("HASH_FAILURE"));
        }
    }
}

#[test]
fn signet_verify_without_signets_root_finds_no_chain() {
    let f = fixtures();
    let other = TrustStore::generate("Someone Else", real_now()).expect("other store");
    let bytes = std::fs::read(&f.two).expect("read");
    let report = verify_pdf(&bytes, &[other.root_pem()]).expect("verify");
    assert!(!report.produced_by_signet);
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::Indeterminate, "{s:?}");
        assert_eq!(
            s.sub_indication.as_deref(),
            Some("NO_CERTIFICATE_CHAIN_FOUND")
        );
    }
}

fn pyhanko_signed(kind: &str) -> Option<(Vec<u8>, String, Vec<serde_json::Value>)> {
    pyhanko_signed_as(kind, "")
}

fn pyhanko_signed_as(
    kind: &str,
    option: &str,
) -> Option<(Vec<u8>, String, Vec<serde_json::Value>)> {
    let Some(py) = common::python() else {
        common::require("pyHanko", false);
        return None;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, common::make_pdf(2, false, 10_000)).expect("write");
    let out = dir.path().join("out.pdf");
    let ca = dir.path().join("ca.pem");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sign_pyhanko.py");
    let st = std::process::Command::new(&py)
        .arg(script)
        .args([
            kind.as_ref(),
            input.as_os_str(),
            out.as_os_str(),
            ca.as_os_str(),
        ])
        .args((!option.is_empty()).then_some(option))
        .output()
        .expect("run pyHanko signer");
    assert!(
        st.status.success(),
        "pyHanko signing: {}",
        String::from_utf8_lossy(&st.stderr)
    );
    let verdict = common::pyhanko_validate(&py, &ca, &out);
    Some((
        std::fs::read(&out).expect("read"),
        std::fs::read_to_string(&ca).expect("ca"),
        verdict,
    ))
}

#[test]
fn signet_verify_agrees_with_pyhanko_on_a_pdf_pyhanko_signed_with_ecdsa() {
    let Some((pdf, ca, verdict)) = pyhanko_signed("ec") else {
        return;
    };
    assert_eq!(verdict[0]["valid"], true, "{verdict:?}");
    assert_eq!(verdict[0]["trusted"], true, "{verdict:?}");
    let report = verify_pdf(&pdf, &[ca.as_bytes()]).expect("verify");
    assert_eq!(report.signatures.len(), 1);
    let s = &report.signatures[0];
    assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
    assert_eq!(s.field, "OutsideSignature");
    assert_eq!(s.signer, "Outside Signer");
    assert_eq!(s.detected_level, "PAdES-B-B");
    assert!(s.covers_whole_file);
    assert!(!report.produced_by_signet);

    let report = verify_pdf(&tamper(&pdf), &[ca.as_bytes()]).expect("verify");
    assert_eq!(report.signatures[0].indication, Indication::TotalFailed);
}

#[test]
fn signet_verify_agrees_with_pyhanko_on_a_pdf_pyhanko_signed_with_rsa() {
    let Some((pdf, ca, verdict)) = pyhanko_signed("rsa") else {
        return;
    };
    assert_eq!(verdict[0]["valid"], true, "{verdict:?}");
    let report = verify_pdf(&pdf, &[ca.as_bytes()]).expect("verify");
    let s = &report.signatures[0];
    assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
    assert_eq!(s.detected_level, "PAdES-B-B");
}

/// Renders the last page with poppler's pdftoppm as an 8-bit greyscale PGM; returns width,
/// height and pixels.
fn render_last_page(file: &Path, pages: usize) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let prefix = dir.path().join("page");
    let n = pages.to_string();
    let st = std::process::Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-f", &n, "-l", &n])
        .arg(file)
        .arg(&prefix)
        .status()
        .expect("run pdftoppm");
    assert!(st.success(), "pdftoppm failed");
    let path = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .expect("a rendered page");
    let pgm = std::fs::read(path).expect("read pgm");
    // Header: "P5\n<w> <h>\n255\n".
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let w: usize = fields[1].parse().expect("width");
    let h: usize = fields[2].parse().expect("height");
    (w, h, pgm[at + 1..].to_vec())
}

#[test]
fn the_visible_blocks_are_drawn_at_the_bottom_of_the_last_page_as_poppler_renders_them() {
    if !common::require("pdftoppm (poppler-utils)", common::have_pdftoppm()) {
        return;
    }
    let f = fixtures();
    let dir = tempfile::tempdir().expect("tempdir");
    let unsigned = dir.path().join("unsigned.pdf");
    std::fs::write(&unsigned, common::make_pdf(2, true, 30_000)).expect("write");
    let (w, h, before) = render_last_page(&unsigned, 2);
    let (w2, h2, after) = render_last_page(&f.three, 2);
    assert_eq!((w, h), (w2, h2));
    let changed = |y0: usize, y1: usize| {
        (y0..y1)
            .flat_map(|y| (0..w).map(move |x| y * w + x))
            .filter(|&i| before[i].abs_diff(after[i]) > 24)
            .count()
    };
    // Three boxes were added in the bottom quarter of the page; the rest is untouched.
    assert!(
        changed(h * 3 / 4, h) > 500,
        "signature blocks drawn at the bottom"
    );
    assert_eq!(changed(0, h / 2), 0, "nothing drawn over the top half");
}

#[test]
fn countersigning_a_pyhanko_signed_pdf_keeps_its_signature_valid_for_both_verifiers() {
    let Some((pdf, ca, _)) = pyhanko_signed("ec") else {
        return;
    };
    let Some(py) = common::python() else { return };
    let now = real_now();
    let trust = TrustStore::generate("Acme Onboarding", now).expect("store");
    let cred = advanced(&trust, "Filipa Gomes", now);
    let signed = sign_pdf(&pdf, &cred, &trust, &visible("Filipa Gomes", now)).expect("sign");
    let closed = timestamp_pdf(&signed, &trust, now).expect("timestamp");

    let report =
        verify_pdf(&closed, &[ca.as_bytes(), trust.root_pem().as_bytes()]).expect("verify");
    assert_eq!(report.signatures.len(), 3);
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
    }
    assert_eq!(
        report.signatures[0].later_changes,
        LaterChanges::SignaturesAndFormsOnly
    );
    assert!(
        !report.produced_by_signet,
        "the first signature is not Signet's"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("countersigned.pdf");
    std::fs::write(&file, &closed).expect("write");
    let ca_path = dir.path().join("ca.pem");
    std::fs::write(&ca_path, &ca).expect("write");
    let root_path = dir.path().join("root.pem");
    std::fs::write(&root_path, trust.root_pem()).expect("write");
    let roots = std::env::join_paths([&ca_path, &root_path]).expect("join");
    let results = common::pyhanko_validate(&py, &roots, &file);
    assert_eq!(results.len(), 3);
    for r in &results {
        assert_eq!(r["intact"], true, "{r}");
        assert_eq!(r["valid"], true, "{r}");
        assert_eq!(r["trusted"], true, "{r}");
    }
}

#[test]
fn a_document_certified_with_no_changes_allowed_is_not_signed_again() {
    let Some((pdf, _, verdict)) = pyhanko_signed_as("ec", "certify") else {
        return;
    };
    assert_eq!(verdict[0]["valid"], true, "{verdict:?}");
    let now = real_now();
    let trust = TrustStore::generate("Acme Onboarding", now).expect("store");
    let result = sign_pdf(
        &pdf,
        &trust.seal_credential(),
        &trust,
        &opts("Gil Rocha", now),
    );
    let Err(err) = result else {
        panic!("a certified document with no changes allowed was signed again");
    };
    assert!(matches!(err, PdfError::Signing(_)), "{err:?}");
    assert_eq!(err.status_code(), 6005);
}

#[test]
fn signet_verify_agrees_with_pyhanko_on_a_b_t_signature_with_an_rsa_timestamp() {
    let Some((pdf, ca, verdict)) = pyhanko_signed_as("ec", "timestamp") else {
        return;
    };
    assert_eq!(verdict[0]["valid"], true, "{verdict:?}");
    assert_eq!(verdict[0]["timestamp_valid"], true, "{verdict:?}");
    let report = verify_pdf(&pdf, &[ca.as_bytes()]).expect("verify");
    let s = &report.signatures[0];
    assert_eq!(s.indication, Indication::TotalPassed, "{s:?}");
    assert_eq!(s.detected_level, "PAdES-B-T");
    assert!(s.timestamp_time.is_some());
}

#[test]
fn a_signer_certificate_without_signature_usage_is_refused_by_both_verifiers() {
    let Some((pdf, ca, verdict)) = pyhanko_signed_as("ec", "wrong-usage") else {
        return;
    };
    assert_eq!(
        verdict[0]["trusted"], false,
        "pyHanko refuses it too: {verdict:?}"
    );
    let report = verify_pdf(&pdf, &[ca.as_bytes()]).expect("verify");
    let s = &report.signatures[0];
    assert_eq!(s.indication, Indication::Indeterminate, "{s:?}");
    assert_eq!(
        s.sub_indication.as_deref(),
        Some("CHAIN_CONSTRAINTS_FAILURE")
    );
}
