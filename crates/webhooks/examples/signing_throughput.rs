//! Deliveries per second to a local receiver, against a baseline measured in the same run.
//!
//! `cargo run -p signet-webhooks --release --example signing_throughput [-- --seconds N]`
//!
//! For each concurrency C (1, 16, 64), C tasks loop for N seconds (default 3):
//! - signet: `WebhookClient::deliver` (Standard Webhooks signing, guarded connector, outcome
//!   classification, response excerpt);
//! - baseline: plain unsigned POSTs of the same body through the same hyper-util + hyper-rustls
//!   stack with hyper-util's stock connector (no address checks, no signing).
//!
//! The receiver is an in-process hyper server answering `204`, sharing the machine's cores with
//! the clients, the same way for both.

use std::convert::Infallible;
use std::error::Error;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use signet_webhooks::{ClientConfig, DeliveryRequest, Secret, WebhookClient};

type Baseline = Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

/// A typical event envelope, about 400 bytes.
const BODY: &[u8] = br#"{"id":"evt_2fRkY7bQ0v3c9mZp1xW8sT4uN6a","type":"identification.status_changed","created_at":"2026-11-22T05:00:00Z","data":{"identification_id":"idn_2fRkY7bQ0v3c9mZp1xW8sT4uN6b","person_id":"per_2fRkY7bQ0v3c9mZp1xW8sT4uN6c","status":"SUCCESS","previous_status":"REVIEW_PENDING","method":"document","failure_reason":null,"reviewed_by":"reviewer@example.com"}}"#;

/// Fixed attempt time: the receiver does not verify, and the clock read is not what is measured.
const WALL_CLOCK: i64 = 1_795_000_000;

async fn receive(req: Request<Incoming>) -> Result<Response<Empty<Bytes>>, Infallible> {
    // Read the whole request body, as a real receiver must before verifying it.
    let _ = req.into_body().collect().await;
    let mut resp = Response::new(Empty::new());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    Ok(resp)
}

async fn start_receiver() -> Result<SocketAddr, Box<dyn Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service_fn(receive))
                    .await;
            });
        }
    });
    Ok(addr)
}

struct Run {
    count: usize,
    failures: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Run {
    fn per_second(&self) -> f64 {
        self.count as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[rank]
    }
}

/// Runs `concurrency` loops of `one` for `seconds` and gathers counts and latencies.
async fn measure<F, Fut>(concurrency: usize, seconds: f64, one: F) -> Run
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    // Warm the pool so connection set-up is not counted against either side.
    let warm: Vec<_> = (0..concurrency)
        .map(|_| {
            let one = one.clone();
            tokio::spawn(async move {
                for _ in 0..20 {
                    one().await;
                }
            })
        })
        .collect();
    for w in warm {
        let _ = w.await;
    }

    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(seconds);
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let one = one.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0usize;
                while Instant::now() < deadline {
                    let t = Instant::now();
                    if !one().await {
                        failures += 1;
                    }
                    latencies.push(t.elapsed());
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = 0;
    for t in tasks {
        if let Ok((l, f)) = t.await {
            latencies.extend(l);
            failures += f;
        }
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    Run {
        count: latencies.len(),
        failures,
        elapsed,
        latencies,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut seconds = 3.0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--seconds" {
            seconds = args.next().ok_or("--seconds needs a value")?.parse()?;
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(seconds))
}

async fn run(seconds: f64) -> Result<(), Box<dyn Error>> {
    let addr = start_receiver().await?;
    let url: &'static str = Box::leak(format!("http://{addr}/hook").into_boxed_str());
    let secret: &'static Secret = Box::leak(Box::new(Secret::generate([5u8; 32])));
    let secrets: &'static [&'static Secret] = Box::leak(Box::new([secret]));

    println!(
        "cores: {}, {seconds} s per run, body {} bytes",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        BODY.len()
    );
    println!(
        "{:>3}  {:>12} {:>8} {:>8}  {:>12} {:>8} {:>8}  {:>6}",
        "C", "signet/s", "p50 ms", "p99 ms", "baseline/s", "p50 ms", "p99 ms", "ratio"
    );
    for concurrency in [1usize, 16, 64] {
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        })
        .with_no_client_auth();
        let baseline: Baseline = Client::builder(TokioExecutor::new()).build(
            hyper_rustls::HttpsConnectorBuilder::new()
                .with_tls_config(tls)
                .https_or_http()
                .enable_http1()
                .build(),
        );
        let plain = measure(concurrency, seconds, move || {
            let baseline = baseline.clone();
            async move {
                let req = Request::post(url)
                    .header("content-type", "application/json")
                    .body(Full::new(Bytes::from_static(BODY)));
                let Ok(req) = req else { return false };
                match baseline.request(req).await {
                    Ok(resp) => {
                        let ok = resp.status().is_success();
                        let _ = resp.into_body().collect().await;
                        ok
                    }
                    Err(_) => false,
                }
            }
        })
        .await;

        let client = WebhookClient::new(ClientConfig {
            allow_private: true,
            ..ClientConfig::default()
        })?;
        let signet = measure(concurrency, seconds, move || {
            let client = client.clone();
            async move {
                client
                    .deliver(&DeliveryRequest {
                        url,
                        msg_id: "msg_2fRkY7bQ0v3c9mZp1xW8sT4uN6d",
                        body: BODY,
                        secrets,
                        wall_clock_unix: WALL_CLOCK,
                    })
                    .await
                    .is_success()
            }
        })
        .await;

        println!(
            "{:>3}  {:>12.0} {:>8.3} {:>8.3}  {:>12.0} {:>8.3} {:>8.3}  {:>6.2}",
            concurrency,
            signet.per_second(),
            ms(signet.percentile(0.5)),
            ms(signet.percentile(0.99)),
            plain.per_second(),
            ms(plain.percentile(0.5)),
            ms(plain.percentile(0.99)),
            signet.per_second() / plain.per_second(),
        );
        if signet.failures + plain.failures > 0 {
            println!(
                "     failures: signet {}, baseline {}",
                signet.failures, plain.failures
            );
        }
    }
    Ok(())
}
