//! Webhooks end to end: subscriptions over the API, events fanned out from the outbox,
//! deliveries checked by the Standard Webhooks reference library, the retry schedule played on
//! the test clock, endpoint disabling, the private-address guard, resend and recover. Runs on
//! SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

use crate::helpers::{self, PATIENCE, TestApp, signer_path, spawn_app, spawn_app_with, wait_for};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};
use signet_core::ids::WebhookEndpointId;
use signet_store::WebhookMessageRow;
use signet_webhooks::schedule::DELAYS;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// An in-process receiver whose answer can be switched.

#[derive(Debug, Clone)]
pub(crate) struct Received {
    id: String,
    timestamp: i64,
    signature: String,
    body: Value,
}

#[derive(Clone)]
pub(crate) struct Receiver {
    status: Arc<AtomicU16>,
    got: Arc<Mutex<Vec<Received>>>,
    pub(crate) url: String,
}

impl Receiver {
    pub(crate) async fn start(status: u16) -> Receiver {
        let status = Arc::new(AtomicU16::new(status));
        let got = Arc::new(Mutex::new(Vec::new()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let router = axum::Router::new()
            .route("/hook", axum::routing::post(receive))
            .with_state((status.clone(), got.clone()));
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Receiver { status, got, url }
    }

    fn set_status(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().expect("receiver log").clone()
    }

    /// How many requests arrived.
    pub(crate) fn hits(&self) -> usize {
        self.got.lock().expect("receiver log").len()
    }
}

type ReceiverState = (Arc<AtomicU16>, Arc<Mutex<Vec<Received>>>);

async fn receive(
    State((status, got)): State<ReceiverState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    got.lock().expect("receiver log").push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp").parse().unwrap_or(0),
        signature: header("webhook-signature"),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
    });
    StatusCode::from_u16(status.load(Ordering::SeqCst)).unwrap_or(StatusCode::OK)
}

// ---------------------------------------------------------------------------------------------
// The reference receiver (Python `standardwebhooks`).

struct PyReceiver {
    child: Child,
    port: u16,
    lines: mpsc::Receiver<Value>,
}

impl Drop for PyReceiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> Option<PathBuf> {
    let path = helpers::test_python();
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "the Python test peer {} is missing: run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        path.display()
    );
    if helpers::tools_required() {
        panic!("{message}");
    }
    eprintln!("skipping: {message}");
    None
}

impl PyReceiver {
    fn start(python: &std::path::Path) -> PyReceiver {
        let script =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/server/webhook_receiver.py");
        let mut child = Command::new(python)
            .arg(script)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the Python receiver");
        let stdout = child.stdout.take().expect("receiver stdout");
        let mut reader = BufReader::new(stdout);
        let mut first = String::new();
        reader.read_line(&mut first).expect("receiver port line");
        let port = first
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("receiver said {first:?} instead of its port"));
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in reader.lines() {
                let Ok(line) = line else { return };
                if let Ok(v) = serde_json::from_str::<Value>(&line)
                    && tx.send(v).is_err()
                {
                    return;
                }
            }
        });
        PyReceiver { child, port, lines }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hook", self.port)
    }

    fn set_secrets(&self, secrets: &[&str]) {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let body = secrets.join("\n");
        write!(
            s,
            "PUT /secrets HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("send secrets");
        let mut answer = String::new();
        BufReader::new(s).read_line(&mut answer).expect("answer");
        assert!(answer.contains("204"), "receiver answered {answer:?}");
    }

    /// The next delivery the receiver reported. Polls without blocking: the server under
    /// test runs on this test's runtime.
    async fn next(&self) -> Value {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            match self.lines.try_recv() {
                Ok(v) => return v,
                Err(mpsc::TryRecvError::Empty) if tokio::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                Err(e) => panic!("no delivery reached the reference receiver: {e}"),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

pub(crate) async fn endpoint(app: &TestApp, url: &str, types: &[&str]) -> Value {
    app.post(
        "/v1/webhooks",
        json!({"url": url, "event_types": types, "description": "test receiver"}),
    )
    .await
    .assert(201)
    .clone()
}

pub(crate) fn endpoint_id(v: &Value) -> WebhookEndpointId {
    WebhookEndpointId::parse(v["id"].as_str().expect("endpoint id")).expect("endpoint id kind")
}

pub(crate) async fn messages(app: &TestApp, id: &WebhookEndpointId) -> Vec<WebhookMessageRow> {
    app.state
        .store
        .webhook_messages(id)
        .await
        .expect("messages")
}

async fn deliveries(app: &TestApp, id: &str) -> Vec<Value> {
    app.get(&format!("/v1/webhooks/{id}/deliveries?page[size]=100"))
        .await
        .assert(200)
        .as_array()
        .expect("array")
        .clone()
}

/// Waits until the endpoint's log holds at least `n` attempts.
async fn wait_for_attempts(app: &TestApp, id: &str, n: usize) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let log = deliveries(app, id).await;
        if log.len() >= n {
            return log;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "expected {n} attempts, log: {log:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn tenant_now(app: &TestApp) -> chrono::DateTime<chrono::Utc> {
    let clock = app.get("/v1/sandbox/clock").await.assert(200).clone();
    chrono::DateTime::parse_from_rfc3339(clock["now"].as_str().expect("now"))
        .expect("rfc3339")
        .with_timezone(&chrono::Utc)
}

async fn create_person(app: &TestApp, last: &str) -> Value {
    app.person(json!({"first_name": "Ada", "last_name": last}))
        .await
}

// ---------------------------------------------------------------------------------------------
// Tests.

#[tokio::test]
async fn subscriptions_are_managed_over_the_api_and_the_secret_is_shown_once() {
    let app = spawn_app().await;
    let created = endpoint(&app, "https://example.com/hooks", &["person.created"]).await;
    let id = created["id"].as_str().expect("id").to_owned();
    assert!(id.ends_with("whk"), "{id}");
    assert_eq!(created["status"], "enabled");
    assert_eq!(created["event_types"], json!(["person.created"]));
    assert_eq!(created["description"], "test receiver");
    let secret = created["secret"].as_str().expect("secret on creation");
    assert!(secret.starts_with("whsec_"), "{secret}");

    let got = app
        .get(&format!("/v1/webhooks/{id}"))
        .await
        .assert(200)
        .clone();
    assert!(got.get("secret").is_none(), "secret shown again: {got}");
    let list = app.get("/v1/webhooks").await.assert(200).clone();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert!(list[0].get("secret").is_none());

    let patched = app
        .patch(
            &format!("/v1/webhooks/{id}"),
            json!({"event_types": ["*"], "description": "all", "status": "disabled"}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(patched["event_types"], json!(["*"]));
    assert_eq!(patched["status"], "disabled");
    assert!(patched.get("secret").is_none());

    let rotated = app
        .post(&format!("/v1/webhooks/{id}/rotate"), json!({}))
        .await
        .assert(200)
        .clone();
    let new_secret = rotated["secret"].as_str().expect("secret on rotation");
    assert!(new_secret.starts_with("whsec_") && new_secret != secret);

    // Validation: clear 400s naming the field, never a 5xx.
    for (body, field) in [
        (
            json!({"url": "ftp://example.com", "event_types": ["*"]}),
            "url",
        ),
        (json!({"url": "not a url", "event_types": ["*"]}), "url"),
        (
            json!({"url": "https://u:p@example.com/", "event_types": ["*"]}),
            "url",
        ),
        (
            json!({"url": "https://example.com/", "event_types": ["person.deleted"]}),
            "event_types",
        ),
        (
            json!({"url": "https://example.com/", "event_types": []}),
            "event_types",
        ),
        (json!({"url": "https://example.com/"}), "event_types"),
    ] {
        let r = app.post("/v1/webhooks", body.clone()).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), field, "{body}: {}", r.body);
    }
    let r = app
        .patch(&format!("/v1/webhooks/{id}"), json!({"status": "paused"}))
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "status");
    app.get("/v1/webhooks/nothing")
        .await
        .assert_error(404, "not_found");

    // Another tenant sees nothing.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            reqwest::Method::GET,
            &format!("/v1/webhooks/{id}"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "not_found");

    let r = app
        .send(
            reqwest::Method::DELETE,
            &format!("/v1/webhooks/{id}"),
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(r.status.as_u16(), 204);
    app.get(&format!("/v1/webhooks/{id}"))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn real_events_arrive_signed_and_verify_with_the_reference_library_through_a_rotation() {
    let Some(python) = python() else { return };
    let receiver = PyReceiver::start(&python);
    let app = spawn_app().await;
    let ep = endpoint(&app, &receiver.url(), &["person.created", "person.updated"]).await;
    let old_secret = ep["secret"].as_str().expect("secret").to_owned();
    receiver.set_secrets(&[&old_secret]);

    let person = create_person(&app, "Lovelace").await;
    let id = ep["id"].as_str().expect("id");
    let first = wait_for_attempts(&app, id, 1).await;
    assert_eq!(first[0]["outcome"], "delivered", "{first:?}");
    let got = receiver.next().await;
    assert_eq!(got["type"], "person.created");
    assert_eq!(got["verified"], json!([0]), "{got}");
    assert_eq!(got["signatures"], 1);
    let body = &got["body"];
    assert_eq!(body["id"], got["id"], "webhook-id is the event id");
    assert_eq!(body["data"]["id"], person["id"]);
    assert!(
        body["created_at"]
            .as_str()
            .is_some_and(|s| s.ends_with('Z'))
    );
    let wall = app.state.wall_now().timestamp();
    let ts: i64 = got["timestamp"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .expect("timestamp");
    assert!(
        (wall - ts).abs() < 60,
        "webhook-timestamp {ts} is wall time {wall}"
    );

    // The event written to the outbox is the one delivered.
    let tenant = app
        .state
        .store
        .tenant_by_name("default")
        .await
        .expect("tenant");
    let events = app
        .state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 100)
        .await
        .expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(got["id"], events[0].id.as_str());

    // Rotation: both secrets sign for 24 hours, each verifies on its own.
    let rotated = app
        .post(&format!("/v1/webhooks/{id}/rotate"), json!({}))
        .await
        .assert(200)
        .clone();
    let new_secret = rotated["secret"].as_str().expect("new secret").to_owned();
    receiver.set_secrets(&[&old_secret, &new_secret]);
    let pid = person["id"].as_str().expect("person id");
    app.patch(
        &format!("/v1/persons/{pid}"),
        json!({"email": "ada@example.com"}),
    )
    .await
    .assert(200);
    let got = receiver.next().await;
    assert_eq!(got["type"], "person.updated");
    assert_eq!(got["signatures"], 2);
    assert_eq!(got["verified"], json!([0, 1]), "{got}");

    // After 24 hours on the tenant clock, only the new secret signs.
    app.advance(24 * 3600 + 60).await;
    app.patch(
        &format!("/v1/persons/{pid}"),
        json!({"email": "ada@example.org"}),
    )
    .await
    .assert(200);
    let got = receiver.next().await;
    assert_eq!(got["signatures"], 1);
    assert_eq!(got["verified"], json!([1]), "{got}");

    let log = wait_for_attempts(&app, id, 3).await;
    assert!(
        log.iter()
            .all(|a| a["outcome"] == "delivered" && a["status_code"] == 204)
    );
}

#[tokio::test]
async fn a_failing_receiver_sees_the_whole_retry_schedule_on_the_test_clock() {
    let app = spawn_app().await;
    let receiver = Receiver::start(500).await;
    let ep = endpoint(&app, &receiver.url, &["person.created"]).await;
    let id = ep["id"].as_str().expect("id").to_owned();
    let eid = endpoint_id(&ep);
    create_person(&app, "Retry").await;
    wait_for_attempts(&app, &id, 1).await;

    for (n, delay) in DELAYS.iter().enumerate().skip(1) {
        let msg = messages(&app, &eid).await.remove(0);
        assert_eq!(msg.status, "pending");
        assert_eq!(msg.attempts_made as usize, n);
        let gap = msg.next_attempt_at.expect("next attempt") - tenant_now(&app).await;
        let base = delay.as_secs_f64();
        let gap_s = gap.num_milliseconds() as f64 / 1000.0;
        assert!(
            gap_s <= base * 1.2 && gap_s >= base * 0.8 - 2.0,
            "attempt {}: next in {gap_s}s, schedule says {base}s ±20%",
            n + 1
        );
        // Just before it is due, nothing happens; just after, exactly one more attempt.
        let before = gap.num_seconds() - 2;
        if before >= 1 {
            app.advance(before).await;
            assert_eq!(messages(&app, &eid).await[0].attempts_made as usize, n);
        }
        app.advance(3).await;
        assert_eq!(
            messages(&app, &eid).await[0].attempts_made as usize,
            n + 1,
            "attempt {} made once due",
            n + 1
        );
    }
    let msg = messages(&app, &eid).await.remove(0);
    assert_eq!(msg.status, "failed");
    assert_eq!(msg.next_attempt_at, None);

    let log = deliveries(&app, &id).await;
    assert_eq!(log.len(), 8, "{log:?}");
    // Newest first; the same webhook-id on every attempt; wall-clock timestamps.
    let attempts: Vec<u64> = log.iter().filter_map(|a| a["attempt"].as_u64()).collect();
    assert_eq!(attempts, vec![8, 7, 6, 5, 4, 3, 2, 1]);
    assert_eq!(log[0]["outcome"], "failed");
    assert!(log[1..].iter().all(|a| a["outcome"] == "retrying"));
    assert!(
        log.iter()
            .all(|a| a["status_code"] == 500 && a["error"] == "HTTP 500")
    );
    let got = receiver.received();
    assert_eq!(got.len(), 8);
    assert!(
        got.iter()
            .all(|r| r.id == got[0].id && !r.signature.is_empty())
    );
    let wall = app.state.wall_now().timestamp();
    assert!(
        got.iter().all(|r| (wall - r.timestamp).abs() < 120),
        "webhook-timestamp follows the wall clock, not the advanced tenant clock"
    );
    // The schedule is over: advancing further sends nothing.
    app.advance(48 * 3600).await;
    assert_eq!(receiver.received().len(), 8);
}

#[tokio::test]
async fn gone_disables_the_endpoint_at_once_and_raises_endpoint_disabled() {
    let app = spawn_app().await;
    let gone = Receiver::start(410).await;
    let watcher = Receiver::start(204).await;
    let ep = endpoint(&app, &gone.url, &["person.created"]).await;
    endpoint(&app, &watcher.url, &["webhook.endpoint_disabled"]).await;
    create_person(&app, "Gone").await;

    wait_for("endpoint_disabled reaches the other endpoint", async || {
        !watcher.received().is_empty()
    })
    .await;
    let event = &watcher.received()[0].body;
    assert_eq!(event["type"], "webhook.endpoint_disabled");
    assert_eq!(event["data"]["id"], ep["id"]);
    assert_eq!(event["data"]["status"], "disabled");

    let id = ep["id"].as_str().expect("id");
    let got = app
        .get(&format!("/v1/webhooks/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(got["status"], "disabled");
    assert!(
        got["disabled_reason"]
            .as_str()
            .is_some_and(|r| r.contains("410"))
    );
    let log = deliveries(&app, id).await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["outcome"], "endpoint_disabled");
    assert_eq!(log[0]["status_code"], 410);

    // A disabled endpoint gets nothing new; resending to it is refused.
    create_person(&app, "Later").await;
    app.advance(3600).await;
    assert_eq!(gone.received().len(), 1);
    let msg = log[0]["message_id"].as_str().expect("message id");
    app.post(
        &format!("/v1/webhooks/{id}/deliveries/{msg}/resend"),
        json!({}),
    )
    .await
    .assert_error(422, "invalid_state");
    assert_eq!(watcher.received().len(), 1, "the event is raised once");
}

#[tokio::test]
async fn five_days_of_failures_disable_the_endpoint() {
    let app = spawn_app().await;
    let failing = Receiver::start(503).await;
    let watcher = Receiver::start(204).await;
    let ep = endpoint(&app, &failing.url, &["person.created"]).await;
    endpoint(&app, &watcher.url, &["webhook.endpoint_disabled"]).await;
    let id = ep["id"].as_str().expect("id").to_owned();
    create_person(&app, "Flaky").await;
    wait_for_attempts(&app, &id, 1).await;

    // Five days less a minute: the second attempt fails, the endpoint stays enabled.
    app.advance(5 * 24 * 3600 - 60).await;
    wait_for_attempts(&app, &id, 2).await;
    let got = app
        .get(&format!("/v1/webhooks/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(got["status"], "enabled");
    assert!(watcher.received().is_empty());

    // The next failure comes after the five days: disabled, and the event is raised.
    app.advance(7 * 60).await;
    let log = wait_for_attempts(&app, &id, 3).await;
    assert_eq!(log[0]["outcome"], "endpoint_disabled");
    let got = app
        .get(&format!("/v1/webhooks/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(got["status"], "disabled");
    assert!(
        got["disabled_reason"]
            .as_str()
            .is_some_and(|r| r.contains("5 days"))
    );
    wait_for("endpoint_disabled delivered", async || {
        !watcher.received().is_empty()
    })
    .await;
    assert_eq!(watcher.received()[0].body["data"]["id"], ep["id"]);

    // Enabling it again resumes the pending message.
    failing.set_status(200);
    app.patch(&format!("/v1/webhooks/{id}"), json!({"status": "enabled"}))
        .await
        .assert(200);
    app.advance(3 * 3600).await;
    let log = wait_for_attempts(&app, &id, 4).await;
    assert_eq!(log[0]["outcome"], "delivered");
}

#[tokio::test]
async fn private_targets_are_refused_and_logged_unless_allowed() {
    let app = spawn_app_with(|c| c.webhook_allow_private = false).await;
    let receiver = Receiver::start(204).await;
    let ep = endpoint(&app, &receiver.url, &["*"]).await;
    let id = ep["id"].as_str().expect("id");
    create_person(&app, "Private").await;
    let log = wait_for_attempts(&app, id, 1).await;
    assert_eq!(log[0]["outcome"], "retrying");
    assert_eq!(log[0]["status_code"], Value::Null);
    let error = log[0]["error"].as_str().expect("error");
    assert!(
        error.contains("refused") && error.contains("loopback"),
        "{error}"
    );
    assert!(
        receiver.received().is_empty(),
        "nothing reached the loopback receiver"
    );
}

#[tokio::test]
async fn failed_messages_can_be_resent_one_by_one_or_recovered_since_a_time() {
    let app = spawn_app().await;
    let receiver = Receiver::start(500).await;
    let ep = endpoint(&app, &receiver.url, &["person.created"]).await;
    let id = ep["id"].as_str().expect("id").to_owned();
    let eid = endpoint_id(&ep);
    let start = tenant_now(&app).await;
    create_person(&app, "First").await;
    create_person(&app, "Second").await;
    wait_for_attempts(&app, &id, 2).await;
    // Seven jumps longer than the longest jittered delay: every attempt is used.
    for _ in 0..7 {
        app.advance(13 * 3600).await;
    }
    let msgs = messages(&app, &eid).await;
    assert!(
        msgs.iter()
            .all(|m| m.status == "failed" && m.attempts_made == 8),
        "{msgs:?}"
    );
    assert_eq!(receiver.received().len(), 16);

    receiver.set_status(204);
    let first = msgs[0].event_id.as_str().to_owned();
    app.post(
        &format!("/v1/webhooks/{id}/deliveries/{first}/resend"),
        json!({}),
    )
    .await
    .assert(202);
    wait_for("the resent message arrives", async || {
        receiver.received().len() == 17
    })
    .await;
    assert_eq!(receiver.received()[16].id, first);

    app.post(
        &format!("/v1/webhooks/{id}/deliveries/00000000000000000000000000000000evt/resend"),
        json!({}),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        &format!("/v1/webhooks/{id}/recover"),
        json!({"since": "yesterday"}),
    )
    .await
    .assert_error(400, "invalid_model");

    let since = signet_core::time::format(&start);
    let r = app
        .post(
            &format!("/v1/webhooks/{id}/recover"),
            json!({"since": since}),
        )
        .await
        .assert(202)
        .clone();
    assert_eq!(r["recovered"], 1, "only the message still failed");
    wait_for("the recovered message arrives", async || {
        receiver.received().len() == 18
    })
    .await;
    assert_eq!(receiver.received()[17].id, msgs[1].event_id.as_str());
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while messages(&app, &eid)
        .await
        .iter()
        .any(|m| m.status != "delivered")
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "messages not settled"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A tenant whose endpoint accepts connections and never answers (each attempt then waits
/// out its whole timeout) holds at most its share of a process's delivery slots: another
/// tenant's event is delivered at once, not after the black hole's timeouts.
#[tokio::test]
async fn a_black_hole_tenant_does_not_delay_another_tenants_deliveries() {
    let app = spawn_app().await;
    // Accepts every connection, reads nothing, answers nothing, keeps them open.
    let hole = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let hole_url = format!("http://{}/hook", hole.local_addr().expect("addr"));
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = hole.accept().await {
            held.push(socket);
        }
    });
    endpoint(&app, &hole_url, &["person.created"]).await;
    // More messages than the process has delivery slots.
    for n in 0..60u8 {
        let last = format!(
            "Hole{}{}",
            char::from(b'a' + n / 26),
            char::from(b'a' + n % 26)
        );
        create_person(&app, &last).await;
    }
    // Let the black hole's attempts get under way.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let other = app.other_tenant("punctual").await;
    let receiver = Receiver::start(200).await;
    let send = |method: reqwest::Method, path: &str, body: Value| {
        let (app, other) = (&app, &other);
        let path = path.to_owned();
        async move {
            app.send(
                method,
                &path,
                Some(other),
                Some(body.to_string().into_bytes()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    send(
        reqwest::Method::POST,
        "/v1/webhooks",
        json!({"url": receiver.url, "event_types": ["person.created"]}),
    )
    .await
    .assert(201);
    let started = tokio::time::Instant::now();
    send(
        reqwest::Method::POST,
        "/v1/persons",
        json!({"first_name": "Ada", "last_name": "Punctual"}),
    )
    .await
    .assert(201);
    wait_for("the other tenant's delivery", async || {
        !receiver.received().is_empty()
    })
    .await;
    let took = started.elapsed();
    // An attempt on the black hole takes 15 s to time out; the other tenant waits for none.
    assert!(
        took < Duration::from_secs(5),
        "the other tenant's event waited {took:?} behind the black hole"
    );
}

/// A receiver that holds every request for `hold` before answering `204`, and keeps how many
/// requests it has had and the most it had at once.
#[derive(Clone, Default)]
struct SlowReceiver {
    now: Arc<std::sync::atomic::AtomicUsize>,
    most: Arc<std::sync::atomic::AtomicUsize>,
    total: Arc<std::sync::atomic::AtomicUsize>,
}

impl SlowReceiver {
    async fn start(hold: Duration) -> (SlowReceiver, String) {
        let r = SlowReceiver::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let router = axum::Router::new()
            .route(
                "/hook",
                axum::routing::post(move |State(r): State<SlowReceiver>| async move {
                    let n = r.now.fetch_add(1, Ordering::SeqCst) + 1;
                    r.most.fetch_max(n, Ordering::SeqCst);
                    tokio::time::sleep(hold).await;
                    r.now.fetch_sub(1, Ordering::SeqCst);
                    r.total.fetch_add(1, Ordering::SeqCst);
                    StatusCode::NO_CONTENT
                }),
            )
            .with_state(r.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        (r, url)
    }
}

/// A single tenant's backlog, three times its share of the delivery slots, is delivered share
/// by share as its attempts end: never more than its share at once, and without waiting for the
/// next poll between one share and the next (the poll is 5 s here; the backlog takes well under
/// a second of attempts).
#[tokio::test]
async fn a_tenants_backlog_beyond_its_share_is_claimed_as_its_attempts_end_not_at_the_next_poll() {
    const SHARE: usize = 8;
    let app = spawn_app_with(|c| {
        c.worker_poll_ms = 5_000;
        c.webhook_max_in_flight_per_tenant = SHARE as u32;
    })
    .await;
    let hold = Duration::from_millis(150);
    let (receiver, url) = SlowReceiver::start(hold).await;
    endpoint(&app, &url, &["person.created"]).await;
    let total = 3 * SHARE;
    for n in 0..total {
        let last = format!(
            "Backlog{}",
            char::from(b'a' + u8::try_from(n).expect("small"))
        );
        create_person(&app, &last).await;
    }
    let created = tokio::time::Instant::now();
    wait_for("the whole backlog", async || {
        receiver.total.load(Ordering::SeqCst) >= total
    })
    .await;
    let took = created.elapsed();
    let most = receiver.most.load(Ordering::SeqCst);
    assert!(
        most <= SHARE,
        "{most} attempts of one tenant were in flight at once, more than its share of {SHARE}"
    );
    // Three shares of 150 ms attempts; one wait for the 5 s poll would exceed this.
    assert!(
        took < Duration::from_secs(3),
        "the backlog took {took:?}: shares were claimed at the poll, not as attempts ended"
    );
}

// ---------------------------------------------------------------------------------------------
// Document webhooks in seed 004's shape.

/// Sends a document with `signers` signers, seed 004's sample tags and custom fields.
async fn send_document(app: &TestApp, signers: usize, extra: Value) -> Value {
    let people = [
        ("Ana Silva", "ana@example.com"),
        ("Ben Okafor", "ben@example.com"),
    ];
    let mut body = json!({
        "name": "Service agreement",
        "file": base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            helpers::sample_pdf("Service agreement"),
        ),
        "signers": people[..signers]
            .iter()
            .map(|(name, email)| json!({"name": name, "email": email}))
            .collect::<Vec<_>>(),
        "tags": ["document tag"],
        "custom": ["{'info':'required', 'definition': 'urgent'}"],
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    app.post("/v1/documents", body).await.assert(201).clone()
}

#[tokio::test]
async fn delivered_document_events_carry_tags_custom_and_a_signer_exactly_where_seed_004_lists_one()
{
    let app = spawn_app().await;
    let receiver = Receiver::start(204).await;
    let types = [
        "document.created",
        "document.signer_signed",
        "document.signer_rejected",
        "document.rejected",
        "document.blocked",
        "document.expired",
        "document.finished",
    ];
    endpoint(&app, &receiver.url, &types).await;
    let now = tenant_now(&app).await;

    // One signer signs, the other rejects with a message.
    let rejected = send_document(&app, 2, json!({})).await;
    app.post(&signer_path(&rejected, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.post(
        &signer_path(&rejected, 0, "confirm"),
        json!({"otp": "123456"}),
    )
    .await
    .assert(200);
    app.post(
        &signer_path(&rejected, 1, "reject"),
        json!({"message": "The amount is wrong"}),
    )
    .await
    .assert(200);
    // Three rounds of five wrong codes block the signer.
    let blocked = send_document(&app, 1, json!({})).await;
    for _ in 0..3 {
        app.post(&signer_path(&blocked, 0, "approve"), json!({}))
            .await
            .assert(200);
        for _ in 0..5 {
            app.post(
                &signer_path(&blocked, 0, "confirm"),
                json!({"otp": "000000"}),
            )
            .await
            .assert(422);
        }
    }
    // The only signer signs: NOTIFICATION, then FINISH.
    let finished = send_document(&app, 1, json!({})).await;
    app.post(&signer_path(&finished, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.post(
        &signer_path(&finished, 0, "confirm"),
        json!({"otp": "123456"}),
    )
    .await
    .assert(200);
    // Nobody signs before the expiry.
    let expires = (now + chrono::Duration::days(1)).to_rfc3339();
    let expiring = send_document(&app, 1, json!({"expires_at": expires})).await;
    app.advance(24 * 3600 + 1).await;

    let expected = [
        (&rejected, "CREATE"),
        (&rejected, "NOTIFICATION"),
        (&rejected, "REJECT"),
        (&rejected, "REJECTED"),
        (&blocked, "CREATE"),
        (&blocked, "BLOCKED"),
        (&finished, "CREATE"),
        (&finished, "NOTIFICATION"),
        (&finished, "FINISH"),
        (&expiring, "CREATE"),
        (&expiring, "EXPIRED"),
    ];
    wait_for("every document event delivered", async || {
        receiver.received().len() >= expected.len()
    })
    .await;
    let got = receiver.received();
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (doc, word) in expected {
        let matching: Vec<&Value> = got
            .iter()
            .map(|r| &r.body["data"])
            .filter(|d| d["code"] == doc["id"] && d["status"] == word)
            .collect();
        assert_eq!(matching.len(), 1, "{word} for {}: {got:#?}", doc["id"]);
        let data = matching[0];
        assert_eq!(data["name"], "Service agreement");
        assert_eq!(data["tags"], json!(["document tag"]), "{word}");
        assert_eq!(
            data["custom"],
            json!(["{'info':'required', 'definition': 'urgent'}"]),
            "{word}"
        );
        // Seed 004: "present only when the status is NOTIFICATION, BLOCKED, or REJECTED".
        let names_signer = matches!(word, "NOTIFICATION" | "BLOCKED" | "REJECTED");
        assert_eq!(data.get("signer").is_some(), names_signer, "{word}: {data}");
        if names_signer {
            for field in ["id", "name", "email", "phone"] {
                assert!(data["signer"].get(field).is_some(), "{word}: {data}");
            }
        }
    }
    let data = |doc: &Value, word: &str| {
        got.iter()
            .map(|r| r.body["data"].clone())
            .find(|d| d["code"] == doc["id"] && d["status"] == word)
            .expect("event")
    };
    let r = data(&rejected, "REJECTED");
    assert_eq!(r["signer"]["name"], "Ben Okafor");
    assert_eq!(r["signer"]["id"], rejected["signers"][1]["id"]);
    assert_eq!(r["message"], "The amount is wrong");
    let b = data(&blocked, "BLOCKED");
    assert_eq!(b["signer"]["email"], "ana@example.com");
    assert_eq!(b["message"], "OTP_CODE_INVALID");
    assert_eq!(
        data(&finished, "NOTIFICATION")["signer"]["name"],
        "Ana Silva"
    );
}

/// A payload carries personal data: once every message of its event is settled and
/// `webhook_payload_retention` has passed on the tenant's clock, the payload goes; the delivery
/// log stays, a resend is 410 and a recovery leaves the message alone. A message still pending
/// keeps its payload however old it is.
#[tokio::test]
async fn settled_webhook_payloads_are_removed_after_their_retention_and_cannot_be_resent() {
    let app = spawn_app().await;
    let delivered = Receiver::start(204).await;
    let ep = endpoint(&app, &delivered.url, &["person.created"]).await;
    let id = ep["id"].as_str().expect("id").to_owned();
    let eid = endpoint_id(&ep);
    let start = tenant_now(&app).await;
    create_person(&app, "Quennell-Vasaro").await;
    wait_for_attempts(&app, &id, 1).await;
    // A second endpoint fails the second event's first attempt and is then disabled: its
    // message stays pending, so that event keeps its payload.
    let parked = Receiver::start(500).await;
    let ep2 = endpoint(&app, &parked.url, &["person.created"]).await;
    let id2 = ep2["id"].as_str().expect("id").to_owned();
    create_person(&app, "Ostrander-Pike").await;
    wait_for_attempts(&app, &id, 2).await;
    wait_for_attempts(&app, &id2, 1).await;
    app.patch(
        &format!("/v1/webhooks/{id2}"),
        json!({"status": "disabled"}),
    )
    .await
    .assert(200);
    parked.set_status(204);
    let msgs = messages(&app, &eid).await;
    assert!(msgs.iter().all(|m| m.status == "delivered"), "{msgs:?}");
    let (first, second) = (msgs[0].event_id.clone(), msgs[1].event_id.clone());

    // Not yet: 29 days on.
    app.advance(29 * 86_400).await;
    assert_eq!(
        signet_app::worker::remove_webhook_payloads(&app.state).await,
        0
    );
    app.advance(2 * 86_400).await;
    assert_eq!(
        signet_app::worker::remove_webhook_payloads(&app.state).await,
        1,
        "only the event no pending message holds"
    );
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let events = app
        .state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 100)
        .await
        .unwrap();
    let data = |event: &signet_core::ids::EventId| {
        events
            .iter()
            .find(|e| &e.id == event)
            .map(|e| e.data.clone())
            .expect("the event")
    };
    assert_eq!(data(&first), json!({}));
    assert!(
        data(&second).to_string().contains("Ostrander-Pike"),
        "{}",
        data(&second)
    );
    // The log keeps the attempt; the payload cannot be sent again.
    assert_eq!(deliveries(&app, &id).await.len(), 2);
    app.post(
        &format!("/v1/webhooks/{id}/deliveries/{}/resend", first.as_str()),
        json!({}),
    )
    .await
    .assert_error(410, "webhook_payload_expired");
    let r = app
        .post(
            &format!("/v1/webhooks/{id}/recover"),
            json!({"since": signet_core::time::format(&start)}),
        )
        .await
        .assert(202)
        .clone();
    assert_eq!(r["recovered"], 0, "{r}");
    // The pending message's event is still whole and still goes out once its endpoint is on.
    app.patch(&format!("/v1/webhooks/{id2}"), json!({"status": "enabled"}))
        .await
        .assert(200);
    wait_for("the parked message arrives", async || parked.hits() == 2).await;
    assert_eq!(
        parked.received()[1].body["data"]["last_name"],
        "Ostrander-Pike"
    );
    assert_eq!(delivered.hits(), 2);
}
