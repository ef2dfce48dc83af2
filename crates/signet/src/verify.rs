//! `signet verify`: checks the signatures of a PDF offline with `signet_pdf::verify_pdf`.
//!
//! Exit codes: 0 when every signature is TOTAL-PASSED, 1 when one is not or the file carries
//! no signature, 2 when the input (the file, a root, the server's root) cannot be read.

use anyhow::Context;
use signet_pdf::{Indication, LaterChanges, SignatureReport, VerificationReport};
use signet_server::App;
use signet_server::config::Config;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `signet verify` was asked.
pub struct VerifyArgs {
    pub file: PathBuf,
    pub roots: Vec<PathBuf>,
    pub server: Option<String>,
    /// Trust the server's or installation's test-mode root instead of the live one.
    pub test: bool,
    pub json: bool,
}

/// Runs the command; `config` is only loaded when no root was given (the local
/// installation's root is used then).
pub async fn run(args: VerifyArgs, config: impl FnOnce() -> anyhow::Result<Config>) -> ExitCode {
    let input = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => return unreadable(format!("cannot read {}: {e}", args.file.display())),
    };
    let roots = match trust_anchors(&args, config).await {
        Ok(roots) => roots,
        Err(e) => return unreadable(format!("{e:#}")),
    };
    let report = match signet_pdf::verify_pdf(&input, &roots) {
        Ok(report) => report,
        Err(e) => {
            return unreadable(format!(
                "{} is not a readable PDF: {e}",
                args.file.display()
            ));
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => return unreadable(format!("cannot write the report: {e}")),
        }
    } else {
        print!("{}", render(&args.file, &report));
    }
    if all_passed(&report) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn unreadable(message: String) -> ExitCode {
    eprintln!("signet verify: {message}");
    ExitCode::from(2)
}

/// Whether the file is signed and every signature passed.
pub fn all_passed(report: &VerificationReport) -> bool {
    !report.signatures.is_empty()
        && report
            .signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
}

/// The trust anchors as PEM or DER: the `--root` files and the `--server`'s root, else the
/// local installation's root.
async fn trust_anchors(
    args: &VerifyArgs,
    config: impl FnOnce() -> anyhow::Result<Config>,
) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut roots = Vec::new();
    for path in &args.roots {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read root {}", path.display()))?;
        signet_pdf::parse_roots(&[&bytes])
            .with_context(|| format!("{} holds no certificate", path.display()))?;
        roots.push(bytes);
    }
    if let Some(server) = &args.server {
        roots.push(fetch_root(server, args.test).await?.into_bytes());
    }
    if roots.is_empty() {
        roots.push(installation_root(config()?, args.test).await?.into_bytes());
    }
    Ok(roots)
}

/// `GET {server}/v1/trust/ca.pem`, or `test-ca.pem` for the test root (no authentication;
/// plain HTTP only).
pub async fn fetch_root(server: &str, test: bool) -> anyhow::Result<String> {
    let file = if test { "test-ca.pem" } else { "ca.pem" };
    let url = format!("{}/v1/trust/{file}", server.trim_end_matches('/'));
    anyhow::ensure!(
        url.starts_with("http://"),
        "--server takes a plain http:// URL; for {url} download the root yourself and pass \
         it with --root"
    );
    let response = reqwest::get(&url)
        .await
        .with_context(|| format!("cannot fetch {url}"))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .with_context(|| format!("cannot fetch {url}"))?;
    anyhow::ensure!(status.is_success(), "{url} answered {status}");
    signet_pdf::parse_roots(&[text.as_bytes()])
        .with_context(|| format!("{url} returned no certificate"))?;
    Ok(text)
}

/// The root of the configured installation. A SQLite installation that does not exist yet
/// is not created: the command asks for `--root` or `--server` instead.
async fn installation_root(config: Config, test: bool) -> anyhow::Result<String> {
    let url = config.database_url();
    if let Some(path) = sqlite_path(&url)
        && !Path::new(path).exists()
    {
        anyhow::bail!(
            "no trust anchor: pass --root FILE or --server URL (no Signet installation at {path})"
        );
    }
    let app = App::from_config(config).await.context(
        "cannot open the configured installation for its root (or pass --root / --server)",
    )?;
    let mode = if test {
        signet_store::Mode::Test
    } else {
        signet_store::Mode::Live
    };
    let pem = app.state.trust.ca(mode).root_pem();
    app.state.store.close().await;
    Ok(pem)
}

fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    Some(rest.split('?').next().unwrap_or(rest))
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn coverage(s: &SignatureReport) -> String {
    if s.covers_whole_file {
        return "the whole file".into();
    }
    match s.later_changes {
        LaterChanges::None => "not the whole file".into(),
        LaterChanges::SignaturesAndFormsOnly => {
            "its revision; later revisions only add signatures, timestamps or form fields".into()
        }
        LaterChanges::Other => "its revision; LATER REVISIONS CHANGED THE CONTENT".into(),
    }
}

fn time_line(s: &SignatureReport) -> String {
    let fmt = |t: &chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    match (&s.time, &s.timestamp_time, &s.claimed_time) {
        (Some(t), Some(ts), _) if t == ts => format!("{} (timestamp)", fmt(t)),
        (Some(t), _, Some(c)) if t == c => format!("{} (claimed by the signer)", fmt(t)),
        (Some(t), _, _) => fmt(t),
        (None, _, _) => "unknown".into(),
    }
}

/// The human-readable report.
pub fn render(file: &Path, report: &VerificationReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let n = report.signatures.len();
    let _ = writeln!(
        out,
        "{}: {n} signature{}",
        file.display(),
        if n == 1 { "" } else { "s" }
    );
    for (i, s) in report.signatures.iter().enumerate() {
        let kind = if s.is_document_timestamp {
            "document timestamp"
        } else {
            "signature"
        };
        let _ = writeln!(out);
        let _ = writeln!(out, "{}. {} — {kind} (field {})", i + 1, s.signer, s.field);
        if !s.certificate_subject.is_empty() {
            let _ = writeln!(out, "   certificate:  {}", s.certificate_subject);
        }
        let _ = writeln!(out, "   time:         {}", time_line(s));
        let _ = writeln!(
            out,
            "   level:        claimed {}, detected {}",
            s.claimed_level, s.detected_level
        );
        let _ = match &s.sub_indication {
            Some(sub) => writeln!(out, "   result:       {} / {sub}", s.indication),
            None => writeln!(out, "   result:       {}", s.indication),
        };
        let _ = writeln!(out, "   covers:       {}", coverage(s));
        let _ = writeln!(out, "   by Signet:    {}", yes_no(s.written_by_signet));
        for d in &s.details {
            let _ = writeln!(out, "   - {d}");
        }
    }
    let _ = writeln!(out);
    if report.test_mode {
        let _ = writeln!(
            out,
            "Made in TEST mode: Signet's test certificates; not valid for real signatures"
        );
    }
    let _ = writeln!(
        out,
        "Produced by Signet: {}",
        if report.produced_by_signet {
            "yes (every signature written by Signet and valid, the last one covers the whole file)"
        } else {
            "no"
        }
    );
    let passed = report
        .signatures
        .iter()
        .filter(|s| s.indication == Indication::TotalPassed)
        .count();
    let _ = if n == 0 {
        writeln!(out, "Result: the file carries no signature")
    } else if passed == n {
        writeln!(out, "Result: all {n} TOTAL-PASSED")
    } else {
        writeln!(out, "Result: {} of {n} NOT PASSED", n - passed)
    };
    out
}
