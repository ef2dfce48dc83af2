//! Webhook delivery through the real server path: events written with `events::emit` (the
//! outbox and its fan-out, committed), claimed and delivered by the delivery worker, logged and
//! settled, to a local receiver.
//!
//! ```text
//! cargo run -p signet-server --release --example webhook_bench
//! cargo run -p signet-server --release --example webhook_bench -- --events 20000
//! SIGNET_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB cargo run … (an empty database)
//! ```
//!
//! Three measurements in one run:
//! - **throughput**: N events are committed with the worker stopped, then the worker is started
//!   and timed until the receiver has every one (claim, signed attempt, log row, settlement);
//! - **baseline**: the same number of bare `WebhookClient::deliver` calls from 32 concurrent
//!   loops to the same receiver (signing and the guarded client, no database): the ceiling the
//!   worker could reach;
//! - **commit to delivery**: events committed one at a time, every 5 ms, with the worker idle;
//!   the time from each commit returning to the receiver getting the request (p50, p99).

#![allow(clippy::disallowed_methods)] // a benchmark reads the wall clock to time itself

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;
use signet_server::App;
use signet_server::config::{Config, Secret as ConfigSecret};
use signet_server::state::SystemClock;
use signet_store::Mode;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

#[derive(Default)]
struct Seen {
    /// Event number → when the receiver got it (first time only).
    at: HashMap<u64, Instant>,
}

async fn receive(State(seen): State<Arc<Mutex<Seen>>>, body: axum::body::Bytes) -> StatusCode {
    let now = Instant::now();
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body)
        && let Some(n) = v["data"]["n"].as_u64()
        && let Ok(mut s) = seen.lock()
    {
        s.at.entry(n).or_insert(now);
    }
    StatusCode::NO_CONTENT
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

async fn wait_for(seen: &Mutex<Seen>, count: usize, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if seen.lock().map(|s| s.at.len()).unwrap_or(0) >= count {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    false
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut events: u64 = 10_000;
    let mut latency_events: u64 = 500;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--events" => events = args.next().ok_or("--events N")?.parse()?,
            "--latency-events" => {
                latency_events = args.next().ok_or("--latency-events N")?.parse()?
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }

    // The receiver.
    let seen = Arc::new(Mutex::new(Seen::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hook", listener.local_addr()?);
    let router = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(seen.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });

    // The server state, with its workers stopped.
    let dir = tempfile::tempdir()?;
    let database_url = std::env::var("SIGNET_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let config = Config {
        data_dir: dir.path().to_path_buf(),
        database_url: Some(ConfigSecret::new(database_url.clone())),
        webhook_allow_private: true,
        workers: false,
        worker_poll_ms: 250,
        ..Config::default()
    };
    let app = App::build(config, Arc::new(SystemClock)).await?;
    let state = app.state.clone();
    let (tenant, _) = signet_server::create_tenant(&state.store, "bench", state.wall_now()).await?;
    let client = reqwest_free_create_endpoint(&state, &tenant, &url).await?;
    println!(
        "backend {}, {events} events, body ~{} bytes",
        state.store.backend().as_str(),
        client
    );

    // Throughput: commit every event first (100 per transaction), then time the worker.
    let mut n = 0u64;
    while n < events {
        let mut tx = state.store.begin().await?;
        for _ in 0..100.min(events - n) {
            let now = state.wall_now();
            signet_server::events::emit(&state, &mut tx, &tenant, Mode::Test, "person.created", json!({"n": n, "first_name": "Ada", "last_name": "Lovelace", "padding": "x".repeat(200)}), now)
                .await
                .map_err(|e| e.detail)?;
            n += 1;
        }
        tx.commit().await?;
    }
    let cancel = CancellationToken::new();
    let started = Instant::now();
    tokio::spawn(signet_server::webhooks::run_delivery_worker(
        state.clone(),
        cancel.clone(),
    ));
    if !wait_for(&seen, events as usize, Duration::from_secs(600)).await {
        return Err("not every event was delivered".into());
    }
    let elapsed = started.elapsed();
    let worker_rate = events as f64 / elapsed.as_secs_f64();

    // Baseline: bare signed attempts from 32 loops, no database.
    let body = serde_json::to_vec(
        &json!({"id": "msg", "type": "person.created", "created_at": "2026-01-01T00:00:00.000Z", "data": {"first_name": "Ada", "last_name": "Lovelace", "padding": "x".repeat(200)}}),
    )?;
    let secret = signet_webhooks::Secret::generate([7; 32]);
    let body = Arc::new(body);
    let secret = Arc::new(secret);
    let per_loop = events / 32;
    let started = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (c, b, s, u) = (
            state.webhook_client.clone(),
            body.clone(),
            secret.clone(),
            url.clone(),
        );
        set.spawn(async move {
            let mut ok = 0u64;
            for i in 0..per_loop {
                let id = format!("msg_{i}");
                let out = c
                    .deliver(&signet_webhooks::DeliveryRequest {
                        url: &u,
                        msg_id: &id,
                        body: &b,
                        secrets: &[&s],
                        wall_clock_unix: 1_795_000_000,
                    })
                    .await;
                ok += u64::from(out.is_success());
            }
            ok
        });
    }
    let mut ok = 0;
    while let Some(r) = set.join_next().await {
        ok += r?;
    }
    let baseline_rate = ok as f64 / started.elapsed().as_secs_f64();

    // Commit to delivery, one event at a time, with the worker idle between them.
    let mut latencies = Vec::new();
    let mut commits = Vec::new();
    for i in 0..latency_events {
        let n = events + 1 + i;
        let mut tx = state.store.begin().await?;
        signet_server::events::emit(
            &state,
            &mut tx,
            &tenant,
            Mode::Test,
            "person.created",
            json!({"n": n}),
            state.wall_now(),
        )
        .await
        .map_err(|e| e.detail)?;
        tx.commit().await?;
        commits.push((n, Instant::now()));
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    if !wait_for(
        &seen,
        (events + latency_events) as usize,
        Duration::from_secs(60),
    )
    .await
    {
        return Err("not every latency event was delivered".into());
    }
    if let Ok(s) = seen.lock() {
        for (n, committed) in &commits {
            if let Some(at) = s.at.get(n) {
                latencies.push(at.saturating_duration_since(*committed));
            }
        }
    }
    latencies.sort();
    cancel.cancel();

    println!(
        "throughput: worker {worker_rate:>8.0} deliveries/s ({events} in {:.2} s) | baseline {baseline_rate:>8.0}/s | ratio {:.2}",
        elapsed.as_secs_f64(),
        worker_rate / baseline_rate
    );
    println!(
        "commit to delivery ({} events, one every 5 ms): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default())
    );
    Ok(())
}

/// Subscribes the receiver through the store, as `POST /v1/webhooks` does; returns the size of
/// a typical envelope for the report.
async fn reqwest_free_create_endpoint(
    state: &signet_server::state::AppState,
    tenant: &signet_core::ids::TenantId,
    url: &str,
) -> Result<usize, Box<dyn std::error::Error>> {
    let now = state.wall_now();
    let secret = signet_webhooks::Secret::generate(
        signet_server::state::random16()
            .repeat(2)
            .try_into()
            .map_err(|_| "secret bytes")?,
    );
    state
        .store
        .insert_webhook_endpoint(&signet_store::WebhookEndpointRow {
            id: signet_core::ids::WebhookEndpointId::from_random(signet_server::state::random16()),
            tenant_id: tenant.clone(),
            mode: Mode::Test,
            url: url.to_owned(),
            event_types: vec!["*".to_owned()],
            description: None,
            enabled: true,
            secret: secret.as_str().to_owned(),
            previous_secret: None,
            previous_secret_until: None,
            disabled_reason: None,
            failing_since: None,
            created_at: now,
            updated_at: now,
        })
        .await?;
    Ok(serde_json::to_vec(&json!({"id": "00000000000000000000000000000000evt", "type": "person.created", "created_at": "2026-01-01T00:00:00.000Z", "data": {"n": 1, "first_name": "Ada", "last_name": "Lovelace", "padding": "x".repeat(200)}}))?.len())
}
