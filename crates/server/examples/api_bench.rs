//! The API under load, beside a bare axum-plus-SQLite baseline measured in the same run.
//!
//! ```text
//! cargo run -p signet-server --release --example api_bench
//! cargo run -p signet-server --release --example api_bench -- --seconds 10 --clients 32
//! cargo run -p signet-server --release --example api_bench -- --sqlite-synchronous full
//! SIGNET_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB cargo run … (an empty database)
//! ```
//!
//! Three workloads, each driven by `--clients` concurrent loops for `--seconds` over HTTP on
//! loopback, in one process:
//! - **baseline**: a bare axum handler that inserts the JSON body into one SQLite table with the
//!   same pragmas as Signet's store (WAL, `synchronous = NORMAL`) and answers 201;
//! - **persons**: `POST /v1/persons` through the whole stack (key check, request id, validation,
//!   the person and its `person.created` event in one transaction);
//! - **person read**: `GET /v1/persons/{id}`, the same stack without a write;
//! - **identification flow**: create a person, create an identification, request it, read it
//!   (four requests per flow).
//!
//! Each line gives requests a second, p50 and p99 latency, and the ratio to the baseline.
//! Resident memory is read from `/proc/self/status` once the server is up and idle, and as the
//! peak at the end (both include the load generator, which shares the process).

#![allow(clippy::disallowed_methods)] // a benchmark reads the wall clock to time itself

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};
use signet_server::App;
use signet_server::config::{Config, Secret};
use signet_server::state::SystemClock;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

struct Load {
    clients: usize,
    seconds: u64,
}

struct Outcome {
    requests: u64,
    elapsed: Duration,
    latencies: Vec<Duration>,
    errors: u64,
}

impl Outcome {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
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

/// Runs `step` from `clients` concurrent loops until the time is up. A step returns how many
/// requests it made and whether they all succeeded; its latency is recorded per request.
async fn drive<F, Fut>(load: &Load, step: F) -> Outcome
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<u32, String>> + Send,
{
    let step = Arc::new(step);
    let counter = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(load.seconds);
    let mut tasks = Vec::new();
    for _ in 0..load.clients {
        let step = step.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut requests = 0u64;
            let mut errors = 0u64;
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, Ordering::Relaxed);
                let t = Instant::now();
                match step(n).await {
                    Ok(count) => {
                        let each = t.elapsed() / count.max(1);
                        requests += u64::from(count);
                        latencies.extend(std::iter::repeat_n(each, count as usize));
                    }
                    Err(e) => {
                        errors += 1;
                        if errors == 1 {
                            eprintln!("error: {e}");
                        }
                    }
                }
            }
            (requests, latencies, errors)
        }));
    }
    let mut outcome = Outcome {
        requests: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        errors: 0,
    };
    for t in tasks {
        if let Ok((r, l, e)) = t.await {
            outcome.requests += r;
            outcome.latencies.extend(l);
            outcome.errors += e;
        }
    }
    outcome.elapsed = start.elapsed();
    outcome.latencies.sort();
    outcome
}

fn report(name: &str, o: &Outcome, baseline: Option<f64>) {
    let ratio = baseline.map_or(String::new(), |b| {
        format!("  {:.2}× baseline", o.per_second() / b)
    });
    println!(
        "{name:<22} {:>8.0} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  errors {}{ratio}",
        o.per_second(),
        ms(percentile(&o.latencies, 0.50)),
        ms(percentile(&o.latencies, 0.99)),
        o.errors,
    );
}

// ---------------------------------------------------------------------------------------------
// The baseline: axum and one INSERT.

async fn baseline_insert(
    State(pool): State<sqlx::SqlitePool>,
    axum::Json(body): axum::Json<Value>,
) -> (StatusCode, axum::Json<Value>) {
    let id = format!("{:032x}", rand_u128());
    let result = sqlx::query("INSERT INTO items (id, body, created_at) VALUES (?1, ?2, ?3)")
        .bind(&id)
        .bind(body.to_string())
        .bind(chrono::Utc::now().timestamp_millis())
        .execute(&pool)
        .await;
    match result {
        Ok(_) => (StatusCode::CREATED, axum::Json(json!({"id": id}))),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(json!({"error": e.to_string()})),
        ),
    }
}

fn rand_u128() -> u128 {
    u128::from_le_bytes(signet_server::state::random16())
}

async fn start_baseline(dir: &std::path::Path) -> Result<String, Box<dyn std::error::Error>> {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    let options = SqliteConnectOptions::new()
        .filename(dir.join("baseline.db"))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10));
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    sqlx::query(
        "CREATE TABLE items (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at BIGINT NOT NULL)",
    )
    .execute(&pool)
    .await?;
    let router = axum::Router::new()
        .route("/items", axum::routing::post(baseline_insert))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(base)
}

// ---------------------------------------------------------------------------------------------

async fn send(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    key: &str,
    body: Option<Value>,
    expect: u16,
) -> Result<Value, String> {
    let mut req = client.request(method, url).bearer_auth(key);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let value: Value = resp.json().await.unwrap_or(Value::Null);
    if status != expect {
        return Err(format!("status {status}: {value}"));
    }
    Ok(value)
}

/// A person's names in letters only (names may not hold digits).
fn name_for(n: u64) -> String {
    let mut n = n;
    let mut s = String::from("Ada");
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut load = Load {
        clients: 32,
        seconds: 5,
    };
    let mut sqlite_synchronous = String::from("normal");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => load.clients = args.next().ok_or("--clients N")?.parse()?,
            "--seconds" => load.seconds = args.next().ok_or("--seconds N")?.parse()?,
            "--sqlite-synchronous" => {
                sqlite_synchronous = args.next().ok_or("--sqlite-synchronous normal|full")?
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }

    let dir = tempfile::tempdir()?;
    let database_url = std::env::var("SIGNET_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("signet.db").display()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let config = Config {
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(database_url)),
        listen: listener.local_addr()?,
        sqlite_synchronous,
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
    let baseline_base = start_baseline(dir.path()).await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(load.clients)
        .build()?;
    // Warm up both servers and their connections.
    for _ in 0..20 {
        send(
            &client,
            reqwest::Method::GET,
            format!("{base}/healthz"),
            &key,
            None,
            200,
        )
        .await?;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (idle_rss, _) = memory();
    println!(
        "Signet on {backend}, baseline on SQLite; {} clients, {} s per workload",
        load.clients, load.seconds
    );

    let c = client.clone();
    let baseline = drive(&load, move |n| {
        let c = c.clone();
        let url = format!("{baseline_base}/items");
        async move {
            send(
                &c,
                reqwest::Method::POST,
                url,
                "",
                Some(json!({"first_name": name_for(n), "last_name": "Lovelace", "email": "ada@example.com"})),
                201,
            )
            .await
            .map(|_| 1)
        }
    })
    .await;
    report("baseline insert", &baseline, None);
    let base_rate = baseline.per_second();

    let (c, b, k) = (client.clone(), base.clone(), key.clone());
    let persons = drive(&load, move |n| {
        let (c, b, k) = (c.clone(), b.clone(), k.clone());
        async move {
            send(
                &c,
                reqwest::Method::POST,
                format!("{b}/v1/persons"),
                &k,
                Some(json!({"first_name": name_for(n), "last_name": "Lovelace", "email": "ada@example.com"})),
                201,
            )
            .await
            .map(|_| 1)
        }
    })
    .await;
    report("POST /v1/persons", &persons, Some(base_rate));

    // A read through the same stack (key check, request id, metrics) with no write: how much of
    // a write's cost is the stack and how much the transaction.
    let someone = send(
        &client,
        reqwest::Method::POST,
        format!("{base}/v1/persons"),
        &key,
        Some(json!({"first_name": "Grace", "last_name": "Hopper"})),
        201,
    )
    .await?;
    let someone = someone["id"].as_str().unwrap_or_default().to_owned();
    let (c, b, k) = (client.clone(), base.clone(), key.clone());
    let reads = drive(&load, move |_| {
        let (c, k) = (c.clone(), k.clone());
        let url = format!("{b}/v1/persons/{someone}");
        async move {
            send(&c, reqwest::Method::GET, url, &k, None, 200)
                .await
                .map(|_| 1)
        }
    })
    .await;
    report("GET /v1/persons/{id}", &reads, Some(base_rate));

    let (c, b, k) = (client.clone(), base.clone(), key.clone());
    let flow = drive(&load, move |n| {
        let (c, b, k) = (c.clone(), b.clone(), k.clone());
        async move {
            let p = send(
                &c,
                reqwest::Method::POST,
                format!("{b}/v1/persons"),
                &k,
                Some(json!({"first_name": name_for(n), "last_name": "Hopper"})),
                201,
            )
            .await?;
            let pid = p["id"].as_str().unwrap_or_default().to_owned();
            let i = send(
                &c,
                reqwest::Method::POST,
                format!("{b}/v1/persons/{pid}/identifications"),
                &k,
                Some(json!({"method": "idnow"})),
                201,
            )
            .await?;
            let iid = i["id"].as_str().unwrap_or_default().to_owned();
            send(
                &c,
                reqwest::Method::PATCH,
                format!("{b}/v1/persons/{pid}/identifications/{iid}/request"),
                &k,
                None,
                200,
            )
            .await?;
            send(
                &c,
                reqwest::Method::GET,
                format!("{b}/v1/persons/{pid}/identifications/{iid}"),
                &k,
                None,
                200,
            )
            .await?;
            Ok(4)
        }
    })
    .await;
    report("identification flow", &flow, Some(base_rate));
    println!(
        "{:<22} {:>8.0} flows/s (4 requests each)",
        "",
        flow.per_second() / 4.0
    );

    let (_, peak) = memory();
    println!(
        "resident memory: {idle_rss:.1} MiB idle after start, {peak:.1} MiB peak (with the load generator)"
    );
    Ok(())
}
