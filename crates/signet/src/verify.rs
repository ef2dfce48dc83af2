//! `signet verify`: checks the signatures of a PDF with `signet_pdf::verify_pdf_with`, offline
//! unless `--online` is given.
//!
//! Certificates are judged at `--at` (default: now) with timestamps as proofs of existence;
//! revocation comes from the data embedded in the file (DSS, CMS) and, with `--online`, from
//! the OCSP responders and CRL distribution points the certificates name (OCSP first).
//! `--require-revocation` makes missing revocation data INDETERMINATE / TRY_LATER. Trust
//! anchors come from `--root` PEM bundles (several certificates each), ETSI TS 119 612
//! `--trusted-list` files (the certificates of granted services; the list's own XML signature
//! is not checked), the `--server`'s root, or the local installation's root.
//!
//! Exit codes: 0 when every signature is TOTAL-PASSED, 1 when one is not or the file carries
//! no signature, 2 when the input (the file, a root, the server's root) cannot be read.

use anyhow::Context;
use chrono::{DateTime, Utc};
use signet_pdf::{
    Indication, LaterChanges, RevocationFetcher, RevocationPolicy, SignatureReport,
    VerificationReport,
};
use signet_server::App;
use signet_server::config::Config;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// What `signet verify` was asked.
pub struct VerifyArgs {
    pub file: PathBuf,
    pub roots: Vec<PathBuf>,
    /// ETSI TS 119 612 trusted lists whose granted services are trust anchors.
    pub trusted_lists: Vec<PathBuf>,
    pub server: Option<String>,
    /// Trust the server's or installation's test-mode root instead of the live one.
    pub test: bool,
    pub json: bool,
    /// The validation time; None: now.
    pub at: Option<DateTime<Utc>>,
    /// Missing revocation data is INDETERMINATE / TRY_LATER instead of a remark.
    pub require_revocation: bool,
    /// Fetch missing revocation data (OCSP, then CRL) from the addresses certificates name.
    pub online: bool,
}

/// Parses `--at`: RFC 3339 (`2030-01-01T00:00:00Z`) or a bare date (midnight UTC).
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| format!("{s:?} is not a time like 2030-01-01T00:00:00Z"))
}

/// Time allowed for one OCSP or CRL exchange of `--online`.
const FETCH_DEADLINE: Duration = Duration::from_secs(15);
/// Largest OCSP response or CRL `--online` reads.
const FETCH_MAX_BYTES: usize = 8 << 20;

/// The online check's HTTP: Signet's outbound client (rustls, plain http allowed since OCSP
/// and CRL addresses usually are), one deadline per exchange, a size limit. It runs on the
/// blocking thread verification uses and drives the exchange on the command's runtime.
struct HttpFetcher {
    client: signet_http::Client,
    runtime: tokio::runtime::Handle,
}

impl std::fmt::Debug for HttpFetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HttpFetcher")
    }
}

impl HttpFetcher {
    fn new() -> anyhow::Result<HttpFetcher> {
        let client = signet_http::ClientBuilder::new()
            .allow_http(true)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .context("cannot set up the HTTP client for --online")?;
        Ok(HttpFetcher {
            client,
            runtime: tokio::runtime::Handle::current(),
        })
    }

    fn exchange(&self, request: hyper::Request<bytes::Bytes>) -> Result<Vec<u8>, String> {
        let answer = self
            .runtime
            .block_on(self.client.send(
                request,
                FETCH_DEADLINE,
                signet_http::BodyLimit::Max(FETCH_MAX_BYTES),
            ))
            .map_err(|e| signet_http::error_chain(&e))?;
        if !answer.status.is_success() {
            return Err(format!("answered {}", answer.status));
        }
        Ok(answer.body.to_vec())
    }
}

impl RevocationFetcher for HttpFetcher {
    fn ocsp(&self, url: &str, request: &[u8]) -> Result<Vec<u8>, String> {
        let request = hyper::Request::post(url)
            .header("content-type", "application/ocsp-request")
            .body(bytes::Bytes::copy_from_slice(request))
            .map_err(|e| e.to_string())?;
        self.exchange(request)
    }

    fn crl(&self, url: &str) -> Result<Vec<u8>, String> {
        let request = hyper::Request::get(url)
            .body(bytes::Bytes::new())
            .map_err(|e| e.to_string())?;
        self.exchange(request)
    }
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
    // Certificates are judged against the real clock (no tenant's clock applies here).
    #[allow(clippy::disallowed_methods)]
    let validation_time = args.at.unwrap_or_else(Utc::now);
    let mut opts = signet_pdf::VerifyOptions {
        validation_time: Some(validation_time),
        revocation: if args.require_revocation {
            RevocationPolicy::Required
        } else {
            RevocationPolicy::IfAvailable
        },
        ..signet_pdf::VerifyOptions::default()
    };
    if args.online {
        match HttpFetcher::new() {
            Ok(f) => opts.fetcher = Some(std::sync::Arc::new(f)),
            Err(e) => return unreadable(format!("{e:#}")),
        }
    }
    let verified =
        tokio::task::spawn_blocking(move || signet_pdf::verify_pdf_with(&input, &roots, &opts))
            .await;
    let report = match verified {
        Ok(Ok(report)) => report,
        Err(e) => return unreadable(format!("verification stopped: {e}")),
        Ok(Err(e)) => {
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
        if !args.trusted_lists.is_empty() {
            println!(
                "Note: the trusted list's own XML signature is not checked; trust the file as \
                 you would a --root bundle"
            );
        }
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
        let certs = signet_pdf::parse_roots(&[&bytes])
            .with_context(|| format!("{} holds no certificate", path.display()))?;
        anyhow::ensure!(!certs.is_empty(), "{} holds no certificate", path.display());
        roots.push(bytes);
    }
    for path in &args.trusted_lists {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read trusted list {}", path.display()))?;
        let list = signet_pdf::parse_trusted_list(&bytes)
            .with_context(|| format!("{} is not a usable trusted list", path.display()))?;
        let anchors = list.anchors();
        anyhow::ensure!(
            !anchors.is_empty(),
            "{} names no granted service with a certificate",
            path.display()
        );
        roots.extend(anchors);
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
        if let Some(p) = &s.proof_of_existence {
            let _ = writeln!(
                out,
                "   existed by:   {} (proven by a timestamp)",
                p.format("%Y-%m-%d %H:%M:%S UTC")
            );
        }
        for e in &s.revocation {
            let revoked = match (&e.revoked_at, e.reason) {
                (Some(at), reason) => format!(
                    " at {} ({})",
                    at.format("%Y-%m-%d %H:%M:%S UTC"),
                    reason.unwrap_or("unspecified")
                ),
                (None, _) => String::new(),
            };
            let _ = writeln!(
                out,
                "   revocation:   {}{revoked} by {} ({}, {}) for {}",
                e.status,
                e.kind.to_uppercase(),
                e.source,
                e.issued_at.format("%Y-%m-%d %H:%M:%S UTC"),
                e.certificate
            );
        }
        let _ = writeln!(out, "   by Signet:    {}", yes_no(s.written_by_signet));
        for d in &s.details {
            let _ = writeln!(out, "   - {d}");
        }
    }
    let _ = writeln!(out);
    if let Some(t) = &report.validation_time {
        let _ = writeln!(
            out,
            "Validated at {}; revocation data {}{}",
            t.format("%Y-%m-%d %H:%M:%S UTC"),
            match report.revocation_policy {
                RevocationPolicy::Required => "required",
                RevocationPolicy::IfAvailable => "used when present",
            },
            if report.online {
                ", fetched online when missing"
            } else {
                " (offline)"
            }
        );
    }
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
