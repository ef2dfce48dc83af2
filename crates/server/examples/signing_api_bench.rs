//! Signing through the API, beside the same signing done by the PDF library alone in the same
//! run.
//!
//! ```text
//! cargo run -p signet-server --release --example signing_api_bench
//! cargo run -p signet-server --release --example signing_api_bench -- --clients 4 --seconds 5
//! SIGNET_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB cargo run … (an empty database)
//! cargo run -p signet-server --release --example signing_api_bench -- --api-only   (to profile)
//! ```
//!
//! For a PDF of about 100 KB and one of about 1 MB (text pages with filler lines, made with
//! lopdf as the pdf crate's benchmark makes them), each workload runs for `--seconds`:
//! - **library, 1 thread** and **library, K threads**: `check_pdf`, then two `sign_pdf` (the seal
//!   credential, B-T, the options the server uses for a simple signer, each on the revision
//!   before it) and one `timestamp_pdf` on the result: the cryptography and PDF work of one
//!   B-T document, with no HTTP, database or files;
//! - **library B-LTA, K threads**: the same, plus what the server adds since its files carry
//!   their validation data: after each signature a DSS revision (the chain, an OCSP answer per
//!   certificate that names the responder, two CRLs) for the signatures the DSS lacks, before
//!   the document timestamp fresh data for the newest signature, after it the check that the
//!   timestamp's chain is covered. The PDF work the API does for one document, in process;
//! - **API, K clients**: the whole signing story over HTTP on loopback against a real Signet
//!   server (test mode): `POST /v1/documents` (base64 `file`, two simple signers), then for each
//!   signer `approve` and `confirm {"otp":"123456"}`: five requests; the second confirmation
//!   signs and closes the file with a document timestamp.
//!
//! Each line gives completed documents a second, p50 and p99 latency of the whole story, and
//! for the API the ratio to the library with as many threads as clients, the latency of the
//! confirmations and the median of each request. Peak resident memory (`VmHWM`) is read at the
//! end; it includes the load generator, which shares the process.

#![allow(clippy::disallowed_methods)] // a benchmark reads the wall clock to time itself

use base64::Engine;
use bytes::Bytes;
use lopdf::{Document, Object, Stream, dictionary};
use serde_json::{Value, json};
use signet_pdf::ltv::{self, ValidationData};
use signet_pdf::revocation::{CertStatus, ocsp_request, parse_ocsp_request};
use signet_pdf::{SignOptions, TrustStore, VisibleBlock, check_pdf, sign_pdf, timestamp_pdf};
use signet_server::App;
use signet_server::config::{Config, Secret};
use signet_server::state::SystemClock;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Load {
    clients: usize,
    seconds: u64,
    /// `--api-only`: no library workloads (to profile the server alone); no ratios.
    api_only: bool,
}

/// The requests of one story, in order.
const STEPS: [&str; 5] = [
    "create",
    "approve 1",
    "confirm 1 (sign)",
    "approve 2",
    "confirm 2 (sign+ts)",
];

struct Outcome {
    documents: u64,
    elapsed: Duration,
    /// Whole-story latencies, sorted.
    stories: Vec<Duration>,
    /// Per-request latencies by step (API only), sorted.
    steps: Vec<Vec<Duration>>,
    errors: u64,
}

impl Outcome {
    fn per_second(&self) -> f64 {
        self.documents as f64 / self.elapsed.as_secs_f64()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Resident and peak resident memory of this process, in MiB.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A PDF of about `target` bytes: text pages whose content streams carry filler lines (the
/// same generator as `crates/pdf/examples/signing_bench.rs`).
fn make_pdf(target: usize) -> Result<Vec<u8>, lopdf::Error> {
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
    doc.save_to(&mut out)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The baseline: the library alone.

/// The options the server signs a simple signer with (`signing::sign_now`).
fn sign_options(signer: &str, document: &str) -> SignOptions {
    let wall = chrono::Utc::now();
    SignOptions {
        signer_name: signer.to_owned(),
        reason: Some(format!("{signer} signs “{document}”")),
        location: None,
        contact: Some("bench@example.com".to_owned()),
        signing_time: wall,
        timestamp: true,
        form: Default::default(),
        visible: Some(VisibleBlock {
            lines: vec![
                format!("Signed by {signer}"),
                wall.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                "electronic signature (sealed by Signet) - Signet".to_owned(),
            ],
        }),
    }
}

/// Time spent in each phase of one library document.
#[derive(Default, Clone, Copy)]
struct Phases {
    check: Duration,
    sign1: Duration,
    sign2: Duration,
    timestamp: Duration,
}

/// Which signatures get validation data in a DSS revision (the server's `Coverage`).
#[derive(Clone, Copy, PartialEq)]
enum Coverage {
    /// Those the DSS has no entry for.
    Missing,
    /// Those, and the newest whatever the DSS holds.
    RefreshNewest,
    /// Those the DSS lacks whose certificates it does not hold yet.
    NewCertificates,
}

/// What the server adds after a signature and around the document timestamp: for each
/// signature `coverage` names, its chain and timestamp chain, an OCSP answer for each
/// certificate that names the responder, the issuing CA's and the root's CRLs; `pdf` as it
/// was when there is nothing to add.
fn add_validation(
    mut pdf: Vec<u8>,
    trust: &TrustStore,
    coverage: Coverage,
) -> Result<Vec<u8>, String> {
    let now = chrono::Utc::now();
    let e = |e: signet_pdf::PdfError| e.to_string();
    // Read once, appended in place: as the server does it.
    let file = ltv::LtvFile::read(&pdf).map_err(e)?;
    let empty = ltv::Dss::default();
    let dss = file.dss().unwrap_or(&empty);
    let material = file.material();
    let issuing = trust.issuing_der();
    let week = Duration::from_secs(7 * 24 * 3600);
    let mut entries = Vec::new();
    for (i, m) in material.iter().enumerate() {
        let mut certs = m.certs.clone();
        certs.extend(m.timestamp_certs.iter().cloned());
        let known = dss.vri.contains_key(&m.vri_key);
        let wanted = match coverage {
            Coverage::Missing => !known,
            Coverage::RefreshNewest => !known || i + 1 == material.len(),
            Coverage::NewCertificates => {
                !known && certs.iter().any(|c| !dss.data.certs.contains(c))
            }
        };
        if !wanted {
            continue;
        }
        let mut data = ValidationData {
            crls: vec![
                trust.crl(false, &[], now, week).map_err(e)?,
                trust.crl(true, &[], now, week).map_err(e)?,
            ],
            ..Default::default()
        };
        certs.push(trust.root_der());
        for c in &certs {
            if !data.certs.contains(c) {
                data.certs.push(c.clone());
            }
            if ltv::revocation_urls(c).is_ok_and(|(o, _)| !o.is_empty()) {
                let q =
                    parse_ocsp_request(&ocsp_request(c, &issuing, None).map_err(e)?).map_err(e)?;
                let answer = trust
                    .ocsp_response(&q, |_| CertStatus::Good, now, Duration::from_secs(86_400))
                    .map_err(e)?;
                data.ocsps.push(answer);
            }
        }
        entries.push((m.vri_key.clone(), data));
    }
    if entries.is_empty() {
        return Ok(pdf);
    }
    file.append_dss(&mut pdf, &entries).map_err(e)?;
    Ok(pdf)
}

/// One document's signing work: check, two signatures, the closing document timestamp; with
/// `lta`, the validation data the server adds around them (see [`add_validation`]).
fn library_document(pdf: &[u8], trust: &TrustStore, lta: bool) -> Result<Phases, String> {
    let cred = trust.seal_credential();
    let ltv = |pdf: Vec<u8>, coverage| {
        if lta {
            add_validation(pdf, trust, coverage)
        } else {
            Ok(pdf)
        }
    };
    let t = Instant::now();
    check_pdf(pdf, 20 * 1024 * 1024).map_err(|e| e.to_string())?;
    let check = t.elapsed();
    let t = Instant::now();
    let one = sign_pdf(pdf, &cred, trust, &sign_options("Ana Silva", "Agreement"))
        .map_err(|e| e.to_string())?;
    let one = ltv(one, Coverage::Missing)?;
    let sign1 = t.elapsed();
    let t = Instant::now();
    let two = sign_pdf(&one, &cred, trust, &sign_options("Ben Okafor", "Agreement"))
        .map_err(|e| e.to_string())?;
    let two = ltv(two, Coverage::Missing)?;
    let sign2 = t.elapsed();
    let t = Instant::now();
    let two = ltv(two, Coverage::RefreshNewest)?;
    let done = timestamp_pdf(&two, trust, chrono::Utc::now()).map_err(|e| e.to_string())?;
    let done = ltv(done, Coverage::NewCertificates)?;
    let timestamp = t.elapsed();
    if done.len() <= two.len() {
        return Err("the timestamped file is not larger".into());
    }
    Ok(Phases {
        check,
        sign1,
        sign2,
        timestamp,
    })
}

/// Runs `library_document` from `threads` OS threads until the time is up.
fn drive_library(
    pdf: &Arc<Vec<u8>>,
    trust: &Arc<TrustStore>,
    threads: usize,
    seconds: u64,
    lta: bool,
) -> (Outcome, Phases) {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (pdf, trust) = (pdf.clone(), trust.clone());
            std::thread::spawn(move || {
                let mut stories = Vec::new();
                let mut sum = Phases::default();
                let mut errors = 0u64;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    match library_document(&pdf, &trust, lta) {
                        Ok(p) => {
                            stories.push(t.elapsed());
                            sum.check += p.check;
                            sum.sign1 += p.sign1;
                            sum.sign2 += p.sign2;
                            sum.timestamp += p.timestamp;
                        }
                        Err(e) => {
                            errors += 1;
                            if errors == 1 {
                                eprintln!("library error: {e}");
                            }
                        }
                    }
                }
                (stories, sum, errors)
            })
        })
        .collect();
    let mut outcome = Outcome {
        documents: 0,
        elapsed: Duration::ZERO,
        stories: Vec::new(),
        steps: Vec::new(),
        errors: 0,
    };
    let mut sum = Phases::default();
    for h in handles {
        if let Ok((s, p, e)) = h.join() {
            outcome.documents += s.len() as u64;
            outcome.stories.extend(s);
            outcome.errors += e;
            sum.check += p.check;
            sum.sign1 += p.sign1;
            sum.sign2 += p.sign2;
            sum.timestamp += p.timestamp;
        }
    }
    outcome.elapsed = start.elapsed();
    outcome.stories.sort();
    let n = outcome.documents.max(1) as u32;
    let mean = Phases {
        check: sum.check / n,
        sign1: sum.sign1 / n,
        sign2: sum.sign2 / n,
        timestamp: sum.timestamp / n,
    };
    (outcome, mean)
}

// ---------------------------------------------------------------------------------------------
// The API.

#[derive(Clone)]
struct Api {
    client: reqwest::Client,
    base: String,
    key: String,
}

impl Api {
    async fn post(&self, path: &str, body: Bytes, expect: u16) -> Result<Value, String> {
        let resp = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let value: Value = resp.json().await.unwrap_or(Value::Null);
        if status != expect {
            return Err(format!("{path}: status {status}: {value}"));
        }
        Ok(value)
    }

    async fn get(&self, path: &str) -> Result<Value, String> {
        let resp = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let value: Value = resp.json().await.unwrap_or(Value::Null);
        if status != 200 {
            return Err(format!("{path}: status {status}: {value}"));
        }
        Ok(value)
    }
}

/// The body of `POST /v1/documents`, serialised once: the base64 of a large file is the same
/// for every document, and the load generator shares the process with the server.
fn create_body(pdf: &[u8]) -> Result<Bytes, serde_json::Error> {
    let body = json!({
        "name": "Agreement",
        "file": base64::engine::general_purpose::STANDARD.encode(pdf),
        "signers": [
            {"name": "Ana Silva", "email": "ana@example.com"},
            {"name": "Ben Okafor", "email": "ben@example.com"},
        ],
    });
    Ok(Bytes::from(serde_json::to_vec(&body)?))
}

/// One document from creation to the closing timestamp; returns each request's latency and
/// the document's id.
async fn story(api: &Api, create: Bytes) -> Result<([Duration; 5], String), String> {
    let mut lat = [Duration::ZERO; 5];
    let approve = Bytes::from_static(b"{}");
    let confirm = Bytes::from_static(b"{\"otp\":\"123456\"}");
    let t = Instant::now();
    let doc = api.post("/v1/documents", create, 201).await?;
    lat[0] = t.elapsed();
    let id = doc["id"].as_str().ok_or("no document id")?.to_owned();
    for i in 0..2 {
        let sid = doc["signers"][i]["id"].as_str().ok_or("no signer id")?;
        let path = format!("/v1/documents/{id}/signers/{sid}");
        let t = Instant::now();
        api.post(&format!("{path}/approve"), approve.clone(), 200)
            .await?;
        lat[1 + 2 * i] = t.elapsed();
        let t = Instant::now();
        let signed = api
            .post(&format!("{path}/confirm"), confirm.clone(), 200)
            .await?;
        lat[2 + 2 * i] = t.elapsed();
        if signed["status"] != "signed" {
            return Err(format!("signer {i} is {}", signed["status"]));
        }
        let expected = if i == 1 { "finished" } else { "pending" };
        if signed["document_status"] != expected {
            return Err(format!(
                "the document is {} after signer {i}",
                signed["document_status"]
            ));
        }
    }
    Ok((lat, id))
}

/// Runs the story from `clients` concurrent loops until the time is up.
async fn drive_api(api: &Api, create: &Bytes, load: &Load) -> Outcome {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(load.seconds);
    let mut tasks = Vec::new();
    for _ in 0..load.clients {
        let (api, create) = (api.clone(), create.clone());
        tasks.push(tokio::spawn(async move {
            let mut stories = Vec::new();
            let mut steps: Vec<Vec<Duration>> = vec![Vec::new(); STEPS.len()];
            let mut errors = 0u64;
            while Instant::now() < deadline {
                let t = Instant::now();
                match story(&api, create.clone()).await {
                    Ok((lat, _)) => {
                        stories.push(t.elapsed());
                        for (s, l) in steps.iter_mut().zip(lat) {
                            s.push(l);
                        }
                    }
                    Err(e) => {
                        errors += 1;
                        if errors == 1 {
                            eprintln!("API error: {e}");
                        }
                    }
                }
            }
            (stories, steps, errors)
        }));
    }
    let mut outcome = Outcome {
        documents: 0,
        elapsed: Duration::ZERO,
        stories: Vec::new(),
        steps: vec![Vec::new(); STEPS.len()],
        errors: 0,
    };
    for t in tasks {
        if let Ok((s, steps, e)) = t.await {
            outcome.documents += s.len() as u64;
            outcome.stories.extend(s);
            for (all, mine) in outcome.steps.iter_mut().zip(steps) {
                all.extend(mine);
            }
            outcome.errors += e;
        }
    }
    outcome.elapsed = start.elapsed();
    outcome.stories.sort();
    for s in &mut outcome.steps {
        s.sort();
    }
    outcome
}

fn report(name: &str, o: &Outcome, baseline: Option<f64>) {
    let ratio = baseline.map_or(String::new(), |b| {
        format!("  {:.2}× library", o.per_second() / b)
    });
    println!(
        "{name:<28} {:>7.1} docs/s  p50 {:>7.1} ms  p99 {:>7.1} ms  errors {}{ratio}",
        o.per_second(),
        ms(percentile(&o.stories, 0.50)),
        ms(percentile(&o.stories, 0.99)),
        o.errors,
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut load = Load {
        clients: 4,
        seconds: 5,
        api_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => load.clients = args.next().ok_or("--clients N")?.parse()?,
            "--seconds" => load.seconds = args.next().ok_or("--seconds N")?.parse()?,
            "--api-only" => load.api_only = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    load.clients = load.clients.max(1);

    let dir = tempfile::tempdir()?;
    let database_url = std::env::var("SIGNET_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("signet.db").display()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let config = Config {
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(database_url)),
        listen: listener.local_addr()?,
        // Every document sends two one-time codes: at this rate the tenant's hourly cap (1000)
        // would be what is measured.
        otp_max_per_tenant_per_hour: u32::MAX,
        ..Config::default()
    };
    let app = App::build(config, Arc::new(SystemClock)).await?;
    let key = app
        .bootstrap()
        .await?
        .ok_or("the benchmark needs an empty database")?;
    let backend = app.state.store.backend().as_str();
    tokio::spawn(async move {
        let _ = app.serve(listener, std::future::pending()).await;
    });
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(load.clients)
        .build()?;
    let api = Api { client, base, key };
    // Test-mode certificates that name a responder and CRLs, as the server's do.
    let trust = Arc::new(TrustStore::generate_published(
        "Bench",
        chrono::Utc::now(),
        true,
        &api.base,
    )?);

    println!(
        "Signet on {backend}; {} clients / threads, {} s per workload; 2 signatures + 1 document timestamp per document",
        load.clients, load.seconds
    );
    let sizes = [("100 KB", 100 * 1024), ("1 MB", 1024 * 1024)];
    let mut summary = Vec::new();
    for (label, size) in sizes {
        let pdf = Arc::new(make_pdf(size)?);
        let create = create_body(&pdf)?;
        println!(
            "\n# {label} PDF ({} bytes, {} bytes of JSON to create it)",
            pdf.len(),
            create.len()
        );

        // Warm up both, and check once that the API's file carries what the library makes.
        library_document(&pdf, &trust, false)?;
        library_document(&pdf, &trust, true)?;
        let (_, id) = story(&api, create.clone()).await?;
        let finished = api.get(&format!("/v1/documents/{id}")).await?;
        if finished["status"] != "finished" || finished["signatures"] != 2 {
            return Err(format!("the warm-up document is not finished: {finished}").into());
        }

        if load.api_only {
            let through = drive_api(&api, &create, &load).await;
            report(&format!("API, {} clients", load.clients), &through, None);
            continue;
        }
        let (one, phases) = drive_library(&pdf, &trust, 1, load.seconds, false);
        report("library, 1 thread", &one, None);
        println!(
            "{:<28} check {:.2} ms, sign {:.2} ms, sign {:.2} ms, timestamp {:.2} ms (means)",
            "",
            ms(phases.check),
            ms(phases.sign1),
            ms(phases.sign2),
            ms(phases.timestamp)
        );
        let (many, _) = drive_library(&pdf, &trust, load.clients, load.seconds, false);
        report(&format!("library, {} threads", load.clients), &many, None);
        let (lta, lta_phases) = drive_library(&pdf, &trust, load.clients, load.seconds, true);
        report(
            &format!("library B-LTA, {} threads", load.clients),
            &lta,
            None,
        );
        println!(
            "{:<28} check {:.2} ms, sign+LT {:.2} ms, sign+LT {:.2} ms, LT+timestamp {:.2} ms (means)",
            "",
            ms(lta_phases.check),
            ms(lta_phases.sign1),
            ms(lta_phases.sign2),
            ms(lta_phases.timestamp)
        );
        let through = drive_api(&api, &create, &load).await;
        report(
            &format!("API, {} clients", load.clients),
            &through,
            Some(many.per_second()),
        );
        println!(
            "{:<28} {:.2}× the library B-LTA on {} threads",
            "",
            through.per_second() / lta.per_second().max(f64::MIN_POSITIVE),
            load.clients
        );
        println!(
            "{:<28} {:.2}× the library on 1 thread",
            "",
            through.per_second() / one.per_second().max(f64::MIN_POSITIVE)
        );
        for (name, lat) in STEPS.iter().zip(&through.steps) {
            println!(
                "{:<28} {name:<20} p50 {:>7.1} ms  p99 {:>7.1} ms",
                "",
                ms(percentile(lat, 0.50)),
                ms(percentile(lat, 0.99)),
            );
        }
        summary.push((
            label,
            one.per_second(),
            many.per_second(),
            lta.per_second(),
            through,
        ));
    }

    let (rss, peak) = memory();
    println!("\n# summary ({backend}, {} clients)", load.clients);
    println!(
        "| file | library 1 thread docs/s | library {k} threads docs/s | library B-LTA {k} threads docs/s | API {k} clients docs/s | API / library {k} threads | API / library B-LTA {k} threads | story p50 | story p99 | last confirm p50 | last confirm p99 |",
        k = load.clients
    );
    for (label, one, many, lta, api) in &summary {
        let confirm = &api.steps[4];
        println!(
            "| {label} | {one:.1} | {many:.1} | {lta:.1} | {:.1} | {:.2} | {:.2} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms |",
            api.per_second(),
            api.per_second() / many,
            api.per_second() / lta,
            ms(percentile(&api.stories, 0.50)),
            ms(percentile(&api.stories, 0.99)),
            ms(percentile(confirm, 0.50)),
            ms(percentile(confirm, 0.99)),
        );
    }
    println!(
        "resident memory: {rss:.1} MiB at the end, {peak:.1} MiB peak (with the load generator)"
    );
    Ok(())
}
