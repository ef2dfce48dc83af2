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
use signet_pdf::{SignOptions, TrustStore, check_pdf, sign_pdf};

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

/// Child mode: read the file (and stop there if `read-only`), sign it once with a timestamp,
/// print the peak resident set size in KB.
fn rss_child(file: &Path, read_only: bool) {
    let Ok(pdf) = std::fs::read(file) else {
        eprintln!("cannot read {}", file.display());
        std::process::exit(2);
    };
    if !read_only {
        let Ok(trust) = TrustStore::generate("Bench", now()) else {
            std::process::exit(2)
        };
        match sign_pdf(&pdf, &trust.seal_credential(), &trust, &opts(true, now())) {
            Ok(out) => assert!(out.len() > pdf.len()),
            Err(e) => {
                eprintln!("signing failed: {e}");
                std::process::exit(1);
            }
        }
    }
    println!("{}", vm_hwm_kb().unwrap_or(0));
}

fn child_rss(file: &Path, read_only: bool) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let mut cmd = Command::new(exe);
    cmd.arg("--rss-child").arg(file);
    if read_only {
        cmd.arg("read-only");
    }
    let out = cmd.output().ok()?;
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
        rss_child(&file, args.get(3).map(String::as_str) == Some("read-only"));
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
        let read = child_rss(&big, true);
        let signed = child_rss(&big, false);
        println!(
            "# peak RSS (VmHWM) for a {:.1} MB PDF: reading it {} MB, reading and signing (B-T) {} MB",
            big_len as f64 / 1_048_576.0,
            read.map(|k| format!("{:.1}", k as f64 / 1024.0))
                .unwrap_or("?".into()),
            signed
                .map(|k| format!("{:.1}", k as f64 / 1024.0))
                .unwrap_or("?".into()),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
