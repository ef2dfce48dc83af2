//! The certificate of completion: a multi-page, Unicode, sealable PDF.

mod common;

use std::process::Command;

use chrono::Duration;
use signet_pdf::*;

const CYRILLIC: &str = "Анна Сергеевна Кузнецова";
const ACCENTED: &str = "João Gonçalves Müller-Ødegård";
const GREEK: &str = "Ελένη Παπαδοπούλου";
const DOCUMENT_ID: &str = "doc_01JDXW3K9Q7ZV4M2P8R6T5N0CA";

fn hash(n: usize) -> String {
    format!("{:064x}", n * 0x9e37_79b9 + 17)
}

fn completion(entries: usize) -> Completion {
    let now = common::now();
    let signer =
        |name: &str, email: Option<&str>, phone: Option<&str>, level: &str| CompletionSigner {
            name: name.into(),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            level: level.into(),
            status: "signed".into(),
            signed_at: Some(now - Duration::minutes(5)),
            certificate_subject: (level == "advanced")
                .then(|| format!("CN={name}, O=Acme Onboarding, C=PT")),
        };
    let actions = [
        "document.created",
        "signer.invited",
        "signer.viewed",
        "signer.otp_verified",
        "signer.signed",
    ];
    let audit = (0..entries)
        .map(|i| CompletionEntry {
            at: now - Duration::hours(2) + Duration::seconds(i as i64 * 37),
            action: actions[i % actions.len()].into(),
            actor: match i % 3 {
                0 => CYRILLIC.into(),
                1 => ACCENTED.into(),
                _ => "api-key:acme-backoffice".into(),
            },
            ip: (i % 4 != 3).then(|| format!("203.0.113.{}", i % 250)),
            user_agent: (i % 5 != 4).then(|| {
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Safari/537.36"
                    .into()
            }),
            document_sha256: hash(i / 10),
            hash: hash(1000 + i),
        })
        .collect::<Vec<_>>();
    let chain_head = audit.last().map_or_else(|| hash(0), |e| e.hash.clone());
    Completion {
        document_id: DOCUMENT_ID.into(),
        document_name: "Contrato de prestação de serviços — Договор 2026-11.pdf".into(),
        status: "finished".into(),
        created_at: now - Duration::hours(2),
        generated_at: now,
        original_sha256: hash(1),
        final_sha256: Some(hash(2)),
        issuer: "Acme Onboarding".into(),
        signers: vec![
            signer(CYRILLIC, Some("anna@example.org"), None, "advanced"),
            signer(
                ACCENTED,
                Some("joao@example.pt"),
                Some("+351 912 345 678"),
                "simple",
            ),
            signer(GREEK, None, Some("+30 690 000 0000"), "simple"),
        ],
        audit,
        chain_head,
        test_mode: false,
    }
}

#[test]
fn a_long_certificate_spans_pages_and_is_accepted_sealed_and_verified() {
    let c = completion(120);
    let pdf = completion_certificate(&c).expect("certificate");
    keep_sample("long-audit-trail", &pdf);

    let info = check_pdf(&pdf, 20 << 20).expect("check_pdf accepts the certificate");
    assert!(info.pages > 1, "120 entries need more than one page");
    assert_eq!(info.signatures, 0, "the certificate leaves unsigned");

    let trust = TrustStore::generate("Acme Onboarding", common::now()).expect("trust store");
    let opts = SignOptions {
        signer_name: "Acme Onboarding".into(),
        reason: Some("Certificate of completion".into()),
        location: None,
        contact: None,
        signing_time: common::now(),
        timestamp: true,
        form: Default::default(),
        visible: None,
    };
    let sealed = sign_pdf(&pdf, &trust.seal_credential(), &trust, &opts).expect("seal");
    assert!(sealed.starts_with(&pdf), "sealing is an incremental update");
    let report = verify_pdf(&sealed, &[trust.root_pem()]).expect("verify");
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(report.signatures[0].indication, Indication::TotalPassed);

    let Some(text) = pdftotext(&sealed, info.pages, &[]) else {
        return;
    };
    for needle in [
        CYRILLIC,
        GREEK,
        "João Gonçalves",
        DOCUMENT_ID,
        c.chain_head.as_str(),
        "Certificate of completion",
        "hash-chained",
    ] {
        assert!(
            text.contains(needle),
            "pdftotext output lacks {needle:?}:\n{text}"
        );
    }
    assert!(
        text.contains(&format!("Page {} of {}", info.pages, info.pages)),
        "the footer numbers the pages"
    );
    assert!(!text.contains('?'), "no character was lost: {text}");
}

#[test]
fn a_test_mode_certificate_says_test_on_every_page_and_its_seal_fails_against_the_live_root() {
    let mut c = completion(120);
    c.test_mode = true;
    let pdf = completion_certificate(&c).expect("certificate");
    let info = check_pdf(&pdf, 20 << 20).expect("check_pdf accepts the certificate");
    assert!(info.pages > 1);

    let live = TrustStore::generate("Acme Onboarding", common::now()).expect("live store");
    let test = TrustStore::generate_test("Acme Onboarding", common::now()).expect("test store");
    assert!(test.is_test() && !live.is_test());
    let opts = SignOptions {
        signer_name: "Acme Onboarding".into(),
        reason: Some("Certificate of completion".into()),
        location: None,
        contact: None,
        signing_time: common::now(),
        timestamp: true,
        form: Default::default(),
        visible: None,
    };
    let sealed = sign_pdf(&pdf, &test.seal_credential(), &test, &opts).expect("seal");
    let report = verify_pdf(&sealed, &[live.root_pem()]).expect("verify");
    assert!(report.test_mode);
    let sig = &report.signatures[0];
    assert_ne!(sig.indication, Indication::TotalPassed);
    assert_eq!(
        sig.sub_indication.as_deref(),
        Some("NO_CERTIFICATE_CHAIN_FOUND")
    );
    assert!(
        sig.details.iter().any(|d| d.contains("test mode")),
        "the report says why: {:?}",
        sig.details
    );
    assert!(sig.certificate_subject.contains("TEST"));

    let Some(text) = pdftotext(&sealed, info.pages, &[]) else {
        return;
    };
    assert!(text.contains("Certificate of completion — TEST"), "{text}");
    let notices = text.matches("not valid for real signatures").count();
    assert!(
        notices > info.pages,
        "the notice under the title and in every page's footer ({notices} for {} pages)",
        info.pages
    );
}

#[test]
fn an_unfinished_document_without_signers_or_audit_still_draws_one_page() {
    let mut c = completion(0);
    c.status = "pending".into();
    c.final_sha256 = None;
    c.signers.clear();
    let pdf = completion_certificate(&c).expect("certificate");
    let info = check_pdf(&pdf, 20 << 20).expect("check_pdf accepts the certificate");
    assert_eq!(info.pages, 1);
}

#[test]
fn very_long_fields_wrap_and_split_instead_of_running_off_the_page() {
    let mut c = completion(30);
    c.document_name = "Ω".repeat(400);
    // Taller than a page once wrapped into its column: the row continues on the next page.
    c.signers[0].certificate_subject = Some("CN=".to_string() + &"x".repeat(2000));
    c.audit[1].user_agent = Some("agent/1.0 ".repeat(300));
    c.audit[2].actor = "Ж".repeat(700);
    let pdf = completion_certificate(&c).expect("certificate");
    keep_sample("very-long-fields", &pdf);
    let info = check_pdf(&pdf, 20 << 20).expect("check_pdf accepts the certificate");
    assert!(info.pages > 1);
    let Some(text) = pdftotext(&pdf, info.pages, &[]) else {
        return;
    };
    assert!(text.contains("ΩΩΩΩ"), "{text}");
    assert!(text.contains(&"x".repeat(20)), "{text}");
    // Every word lies within the page's margins (A4, 48 pt at the sides).
    let boxes = pdftotext(&pdf, info.pages, &["-bbox"]).expect("pdftotext");
    let mut words = 0;
    for word in boxes
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
    {
        let attr = |name: &str| -> f64 {
            let from = word.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
            let len = word[from..].find('"').expect("closing quote");
            word[from..from + len].parse().expect("number")
        };
        assert!(attr("xMin") >= 47.0, "left of the margin: {word}");
        assert!(attr("xMax") <= 595.28 - 47.0, "right of the margin: {word}");
        assert!(attr("yMin") >= 20.0, "above the page: {word}");
        assert!(
            attr("yMax") <= 841.89 - 25.0,
            "into the bottom edge: {word}"
        );
        words += 1;
    }
    assert!(words > 100, "pdftotext -bbox found {words} words");
}

/// SIGNET_COMPLETION_SAMPLES=dir keeps each certificate drawn here, for a look at its layout.
fn keep_sample(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("SIGNET_COMPLETION_SAMPLES") {
        let path = std::path::Path::new(&dir).join(format!("{name}.pdf"));
        std::fs::write(path, pdf).expect("write the sample");
    }
}

/// The text of `pdf` as poppler extracts it (with `args` added), or `None` (after a notice) when
/// pdftotext is not installed and SIGNET_REQUIRE_TOOLS is not 1.
fn pdftotext(pdf: &[u8], pages: usize, args: &[&str]) -> Option<String> {
    let present = Command::new("pdftotext").arg("-v").output().is_ok();
    if !present {
        if std::env::var("SIGNET_REQUIRE_TOOLS").as_deref() == Ok("1") {
            panic!(
                "pdftotext is required (SIGNET_REQUIRE_TOOLS=1) but was not found on PATH; \
                 install poppler-utils"
            );
        }
        eprintln!("notice: pdftotext not found, skipping the text extraction checks");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-l"])
        .arg(pages.to_string())
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8 text"))
}
