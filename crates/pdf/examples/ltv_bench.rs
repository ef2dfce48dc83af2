//! Long-term signatures benchmark: B-T, B-LT and B-LTA signing time and file growth in the
//! same run, and the OCSP responder's throughput.
//!
//! `cargo run -p signet-pdf --release --example ltv_bench [-- RUNS]`
//!
//! B-T is one signature with its timestamp. B-LT adds what the server adds after each
//! signature: the signer's OCSP answer from the responder, the issuing CA's and the root's
//! CRLs, the chain, in a DSS revision. B-LTA adds the closing document timestamp over it.
//! Results and the command are recorded in `crates/pdf/BENCHMARKS.md`.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use lopdf::{Document, Object, Stream, dictionary};
use signet_pdf::ltv::{self, ValidationData};
use signet_pdf::revocation::{CertStatus, ocsp_request, parse_ocsp_request};
use signet_pdf::{SignOptions, SignerIdentity, TrustStore, sign_pdf, timestamp_pdf};

/// The benchmark is an edge program: it reads the wall clock once, for certificate validity.
#[allow(clippy::disallowed_methods)]
fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// A PDF of about `target` bytes: text pages whose content streams carry filler lines.
fn make_pdf(target: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let pages = (target / 50_000).clamp(1, 1000);
    let per_page = target / pages;
    let mut kids = Vec::new();
    for n in 0..pages {
        let mut content =
            format!("BT 72 720 Td (Benchmark agreement, page {}) Tj ET\n", n + 1).into_bytes();
        let mut line = 0u64;
        while content.len() < per_page {
            content.extend_from_slice(
                format!("BT 10 10 Td (Clause {line}: the parties agree to these terms.) Tj ET\n")
                    .as_bytes(),
            );
            line += 1;
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// What the server adds after a signature: per signature missing from the DSS, the chain,
/// the responder's answer for certificates that name it, and both CRLs.
fn add_validation(pdf: &[u8], trust: &TrustStore, now: DateTime<Utc>) -> Vec<u8> {
    let issuing = trust.issuing_der();
    let week = Duration::from_secs(7 * 24 * 3600);
    let crls = vec![
        trust.crl(false, &[], now, week).expect("crl"),
        trust.crl(true, &[], now, week).expect("root crl"),
    ];
    let covered: Vec<String> = ltv::read_dss(pdf)
        .expect("dss")
        .map(|d| d.vri.into_keys().collect())
        .unwrap_or_default();
    let mut entries = Vec::new();
    for m in ltv::signature_material(pdf).expect("material") {
        if covered.contains(&m.vri_key) {
            continue;
        }
        let mut data = ValidationData {
            crls: crls.clone(),
            ..Default::default()
        };
        let mut certs = m.certs.clone();
        certs.extend(m.timestamp_certs.clone());
        certs.push(trust.root_der());
        for c in &certs {
            if !data.certs.contains(c) {
                data.certs.push(c.clone());
            }
            let names_ocsp = ltv::revocation_urls(c).is_ok_and(|(o, _)| !o.is_empty());
            if names_ocsp {
                let q = parse_ocsp_request(&ocsp_request(c, &issuing, None).expect("req"))
                    .expect("parse");
                data.ocsps.push(
                    trust
                        .ocsp_response(&q, |_| CertStatus::Good, now, Duration::from_secs(86400))
                        .expect("ocsp"),
                );
            }
        }
        entries.push((m.vri_key, data));
    }
    ltv::add_dss(pdf, &entries).expect("dss revision")
}

struct Stats {
    mean_ms: f64,
    p50_ms: f64,
    appended: usize,
}

fn measure(runs: usize, mut f: impl FnMut() -> Vec<u8>, input_len: usize) -> Stats {
    let mut times = Vec::with_capacity(runs);
    let mut appended = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        appended = out.len() - input_len;
    }
    times.sort_by(f64::total_cmp);
    Stats {
        mean_ms: times.iter().sum::<f64>() / runs as f64,
        p50_ms: times[runs / 2],
        appended,
    }
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let now = now();
    let trust = TrustStore::generate_published("Bench", now, false, "https://sign.example")
        .expect("trust store");
    let cred = trust
        .issue_signer(
            &SignerIdentity {
                name: "Ana Silva".into(),
                ..Default::default()
            },
            now,
        )
        .expect("signer");
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

    println!(
        "| file | bytes | level | runs | mean | p50 | ratio to B-T (mean) | bytes appended | growth vs B-T |"
    );
    println!("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (label, size, runs) in [
        ("100 KB", 100_000, runs),
        ("5 MB", 5_000_000, (runs / 5).max(5)),
    ] {
        let input = make_pdf(size);
        let bt = measure(
            runs,
            || sign_pdf(&input, &cred, &trust, &opts).expect("sign"),
            input.len(),
        );
        let blt = measure(
            runs,
            || {
                add_validation(
                    &sign_pdf(&input, &cred, &trust, &opts).expect("sign"),
                    &trust,
                    now,
                )
            },
            input.len(),
        );
        let blta = measure(
            runs,
            || {
                let lt = add_validation(
                    &sign_pdf(&input, &cred, &trust, &opts).expect("sign"),
                    &trust,
                    now,
                );
                timestamp_pdf(&lt, &trust, now).expect("document timestamp")
            },
            input.len(),
        );
        for (level, s) in [("B-T", &bt), ("B-LT", &blt), ("B-LTA", &blta)] {
            println!(
                "| {label} | {} | {level} | {runs} | {:.3} ms | {:.3} ms | {:.2}× | {} | {:.2}× |",
                input.len(),
                s.mean_ms,
                s.p50_ms,
                s.mean_ms / bt.mean_ms,
                s.appended,
                s.appended as f64 / bt.appended as f64,
            );
        }
    }

    // The OCSP responder: parse a request, sign a response (one certificate, good).
    let issuing = trust.issuing_der();
    let req =
        ocsp_request(&cred.certificate_der().expect("der"), &issuing, Some(b"n")).expect("request");
    let n = runs * 20;
    let start = Instant::now();
    for _ in 0..n {
        let q = parse_ocsp_request(&req).expect("parse");
        let _ = trust
            .ocsp_response(&q, |_| CertStatus::Good, now, Duration::from_secs(86400))
            .expect("response");
    }
    let secs = start.elapsed().as_secs_f64();
    println!();
    println!(
        "OCSP responder (parse + sign, one thread): {n} responses in {:.3} s = {:.0} responses/s, {:.3} ms each",
        secs,
        n as f64 / secs,
        secs * 1000.0 / n as f64
    );
}
