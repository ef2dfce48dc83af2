//! Signing benchmark: Signet against pyHanko on the same files in the same run, and the peak
//! memory of signing a 50 MB PDF.
//!
//! `cargo run -p signet-pdf --release --example signing_bench [-- RUNS]`
//!
//! Results and the command are recorded in `crates/pdf/BENCHMARKS.md`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::{DateTime, Utc};
use lopdf::{Document, Object, Stream, dictionary};
use signet_pdf::{PreparedSignature, SignOptions, TrustStore, check_pdf, sign_pdf};

/// The benchmark is an edge program: it reads the wall clock once, for certificate validity.
#[allow(clippy::disallowed_methods)]
fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// A PDF of about `target` bytes: text pages whose content streams carry filler lines.
fn make_pdf(target: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let pages = (target / 50_000).clamp(1, 1000);
    let per_page = target / pages;
    let mut kids = Vec::new();
    for n in 0..pages {
        let mut content = format!(
            "BT /F1 18 Tf 72 720 Td (Benchmark agreement, page {}) Tj ET\n",
            n + 1
        )
        .into_bytes();
        let mut line = 0u64;
        while content.len() < per_page {
            content.extend_from_slice(
                format!("BT /F1 1 Tf 10 10 Td (Clause {line}: the parties agree to these terms.) Tj ET\n")
                    .as_bytes(),
            );
            line += 1;
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
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
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut out = Vec::new();
    if let Err(e) = doc.save_to(&mut out) {
        eprintln!("cannot write the test PDF: {e}");
        std::process::exit(2);
    }
    out
}

struct Stats {
    mean: f64,
    p50: f64,
}

fn stats(mut ms: Vec<f64>) -> Stats {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len().max(1) as f64;
    let p50 = ms.get(ms.len() / 2).copied().unwrap_or(f64::NAN);
    Stats { mean, p50 }
}

fn opts(timestamp: bool, now: DateTime<Utc>) -> SignOptions {
    SignOptions {
        signer_name: "Bench Signer".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: now,
        timestamp,
        form: Default::default(),
        visible: None,
    }
}

fn bench_signet(pdf: &[u8], trust: &TrustStore, timestamp: bool, runs: usize) -> Stats {
    let cred = trust.seal_credential();
    let o = opts(timestamp, now());
    let mut samples = Vec::with_capacity(runs);
    // One warm-up signature outside the measurement.
    let _ = sign_pdf(pdf, &cred, trust, &o);
    for _ in 0..runs {
        let start = Instant::now();
        let out = sign_pdf(pdf, &cred, trust, &o);
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
        if let Err(e) = out {
            eprintln!("signing failed: {e}");
            std::process::exit(1);
        }
    }
    stats(samples)
}

fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// What a child process does with the 50 MB file before it reports its peak memory.
#[derive(Clone, Copy)]
enum RssWork {
    /// Read it, nothing more.
    Read,
    /// Read it and sign it (B-T) with `sign_pdf`, which keeps the input beside the output.
    SignCopy,
    /// Read it, sign it (B-T) on the file itself (`PreparedSignature::signature`), then close
    /// it with a document timestamp the same way, and write the result: what the server does.
    SignOwned,
}

impl RssWork {
    fn arg(self) -> &'static str {
        match self {
            RssWork::Read => "read-only",
            RssWork::SignCopy => "sign-copy",
            RssWork::SignOwned => "sign-owned",
        }
    }
}

fn fail(what: &str, e: impl std::fmt::Display) -> ! {
    eprintln!("{what}: {e}");
    std::process::exit(1);
}

/// Child mode: read the file and do `work` with it, print the peak resident set size in KB.
fn rss_child(file: &Path, work: &str) {
    let Ok(pdf) = std::fs::read(file) else {
        eprintln!("cannot read {}", file.display());
        std::process::exit(2);
    };
    let len = pdf.len();
    let trust = || TrustStore::generate("Bench", now()).unwrap_or_else(|e| fail("trust", e));
    match work {
        "read-only" => {}
        "sign-copy" => {
            let trust = trust();
            match sign_pdf(&pdf, &trust.seal_credential(), &trust, &opts(true, now())) {
                Ok(out) => assert!(out.len() > len),
                Err(e) => fail("signing failed", e),
            }
        }
        "sign-owned" => {
            let trust = trust();
            let o = opts(true, now());
            let prepared = PreparedSignature::signature(pdf, &trust.seal_credential(), &o)
                .unwrap_or_else(|e| fail("signing failed", e));
            let imprint = prepared.timestamp_imprint().unwrap_or_default();
            let token = trust
                .timestamp_token(&imprint, now())
                .unwrap_or_else(|e| fail("timestamp", e));
            let signed = prepared
                .complete(Some(&token))
                .unwrap_or_else(|e| fail("signing failed", e));
            assert!(signed.len() > len);
            let stamp = PreparedSignature::document_timestamp(signed)
                .unwrap_or_else(|e| fail("document timestamp failed", e));
            let imprint = stamp.timestamp_imprint().unwrap_or_default();
            let token = trust
                .timestamp_token(&imprint, now())
                .unwrap_or_else(|e| fail("timestamp", e));
            let closed = stamp
                .complete(Some(&token))
                .unwrap_or_else(|e| fail("document timestamp failed", e));
            let out = file.with_extension("signed.pdf");
            if let Err(e) = std::fs::write(&out, &closed) {
                fail("write", e);
            }
            let _ = std::fs::remove_file(out);
        }
        other => fail("unknown work", other),
    }
    println!("{}", vm_hwm_kb().unwrap_or(0));
}

fn child_rss(file: &Path, work: RssWork) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .arg("--rss-child")
        .arg(file)
        .arg(work.arg())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn python() -> PathBuf {
    std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--rss-child") {
        let file = PathBuf::from(args.get(2).cloned().unwrap_or_default());
        rss_child(
            &file,
            args.get(3).map(String::as_str).unwrap_or("read-only"),
        );
        return;
    }
    let scale: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let dir = std::env::temp_dir().join(format!("signet-pdf-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        eprintln!("cannot create {}", dir.display());
        std::process::exit(2);
    }
    let trust = match TrustStore::generate("Bench", now()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let sizes = [
        ("100KB", 100 * 1024, 200 * scale, 20 * scale),
        ("5MB", 5 * 1024 * 1024, 30 * scale, 10 * scale),
    ];
    let mut files = Vec::new();
    println!("# Signet PAdES signing vs pyHanko, same files, same run");
    println!(
        "{:<6} {:>9} {:<4} {:>5} {:>11} {:>10} | {:>5} {:>12} {:>11} | {:>8}",
        "file",
        "bytes",
        "mode",
        "runs",
        "signet mean",
        "signet p50",
        "runs",
        "pyHanko mean",
        "pyHanko p50",
        "ratio"
    );
    let mut rows = Vec::new();
    for (label, size, runs, py_runs) in sizes {
        let pdf = make_pdf(size);
        let info = check_pdf(&pdf, usize::MAX).map(|i| i.pages).unwrap_or(0);
        let path = dir.join(format!("{label}.pdf"));
        if std::fs::write(&path, &pdf).is_err() {
            std::process::exit(2);
        }
        files.push((label, path.clone(), py_runs));
        for timestamp in [false, true] {
            let s = bench_signet(&pdf, &trust, timestamp, runs);
            rows.push((label, pdf.len(), info, timestamp, runs, s));
        }
    }
    // pyHanko on the same files.
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/pyhanko_bench.py");
    let mut py_results: Vec<(String, bool, usize, f64, f64)> = Vec::new();
    for (label, path, py_runs) in &files {
        let out = Command::new(python())
            .arg(&script)
            .arg(py_runs.to_string())
            .arg(path)
            .output();
        match out {
            Ok(o) if o.status.success() => {
                for line in String::from_utf8_lossy(&o.stdout).lines() {
                    let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                        continue;
                    };
                    py_results.push((
                        label.to_string(),
                        v["timestamp"].as_bool().unwrap_or(false),
                        v["runs"].as_u64().unwrap_or(0) as usize,
                        v["mean_ms"].as_f64().unwrap_or(f64::NAN),
                        v["p50_ms"].as_f64().unwrap_or(f64::NAN),
                    ));
                }
            }
            Ok(o) => eprintln!(
                "pyHanko benchmark failed: {}",
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => eprintln!("pyHanko not runnable ({e}); set SIGNET_TEST_PYTHON"),
        }
    }
    for (label, bytes, _pages, timestamp, runs, s) in &rows {
        let mode = if *timestamp { "B-T" } else { "B-B" };
        let py = py_results
            .iter()
            .find(|r| r.0 == *label && r.1 == *timestamp);
        match py {
            Some((_, _, py_runs, py_mean, py_p50)) => println!(
                "{label:<6} {bytes:>9} {mode:<4} {runs:>5} {:>8.3} ms {:>7.3} ms | {py_runs:>5} {py_mean:>9.2} ms {py_p50:>8.2} ms | {:>7.1}x",
                s.mean,
                s.p50,
                py_mean / s.mean
            ),
            None => println!(
                "{label:<6} {bytes:>9} {mode:<4} {runs:>5} {:>8.3} ms {:>7.3} ms | (pyHanko unavailable)",
                s.mean, s.p50
            ),
        }
    }
    // Peak memory for a 50 MB PDF, each measurement in a fresh child process.
    let big = dir.join("50MB.pdf");
    let pdf = make_pdf(50 * 1024 * 1024);
    let big_len = pdf.len();
    let written = std::fs::write(&big, &pdf).is_ok();
    drop(pdf);
    if written {
        let mb = big_len as f64 / 1_048_576.0;
        println!("# peak RSS (VmHWM) for a {mb:.1} MB PDF, each in a fresh process");
        for (work, what) in [
            (RssWork::Read, "reading it"),
            (
                RssWork::SignCopy,
                "reading and signing it (B-T), sign_pdf on a copy",
            ),
            (
                RssWork::SignOwned,
                "reading, signing (B-T), closing (document timestamp), writing, on the file itself",
            ),
        ] {
            match child_rss(&big, work) {
                Some(kb) => {
                    let peak = kb as f64 / 1024.0;
                    println!("{what}: {peak:.1} MB, {:.2}× the file", peak / mb);
                }
                None => println!("{what}: ?"),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
