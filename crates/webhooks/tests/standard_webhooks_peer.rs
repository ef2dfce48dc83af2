//! Deliveries checked by an independent implementation: the Standard Webhooks reference library
//! for Python (`standardwebhooks` from PyPI), running in `tests/receiver.py`.
//!
//! The Python interpreter comes from `SIGNET_TEST_PYTHON`, else `<workspace>/.venv/bin/python`
//! (created by `scripts/test-env.sh`). Without it the test fails when `CI` is set and is skipped
//! with a notice otherwise.

// Test code: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use signet_webhooks::{AttemptOutcome, ClientConfig, DeliveryRequest, Secret, WebhookClient};

fn python_with_standardwebhooks() -> Option<PathBuf> {
    let python = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"));
    let usable = Command::new(&python)
        .args(["-c", "import standardwebhooks.webhooks"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if usable {
        return Some(python);
    }
    let message = format!(
        "{} cannot import standardwebhooks; run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        python.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("skipping the Standard Webhooks peer test: {message}");
    None
}

/// The receiver process, killed when the test ends however it ends.
struct Receiver {
    child: Child,
    port: u16,
    /// Kept open: the receiver prints a verdict per delivery, and a closed pipe would kill
    /// its handler mid-request.
    verdicts: BufReader<ChildStdout>,
}

impl Receiver {
    fn start(python: &Path, secrets: &[&Secret]) -> Self {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/receiver.py");
        let mut child = Command::new(python)
            .arg(script)
            .args(secrets.iter().map(|s| s.as_str()))
            .stdout(Stdio::piped())
            .spawn()
            .expect("start receiver.py");
        let stdout = child.stdout.take().expect("receiver stdout");
        let mut verdicts = BufReader::new(stdout);
        let mut first = String::new();
        verdicts.read_line(&mut first).expect("read receiver port");
        let port = first
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("receiver printed {first:?} instead of its port"));
        Self {
            child,
            port,
            verdicts,
        }
    }

    /// The next `n` verdict lines; each is printed before the response is sent, so they are
    /// all there once the deliveries have returned.
    fn verdicts(&mut self, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                let mut line = String::new();
                self.verdicts.read_line(&mut line).expect("read verdict");
                line.trim_end().to_owned()
            })
            .collect()
    }

    fn url(&self, secret_index: usize) -> String {
        format!("http://127.0.0.1:{}/verify/{secret_index}", self.port)
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The receiver checks timestamps against its own clock, so these attempts carry the real
/// wall clock, read here at the edge as the worker will.
#[allow(clippy::disallowed_methods)]
fn wall_clock_unix() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970");
    i64::try_from(now.as_secs()).expect("seconds fit i64")
}

async fn send(
    client: &WebhookClient,
    url: &str,
    msg_id: &str,
    body: &[u8],
    secrets: &[&Secret],
    wall_clock_unix: i64,
) -> AttemptOutcome {
    client
        .deliver(&DeliveryRequest {
            url,
            msg_id,
            body,
            secrets,
            wall_clock_unix,
        })
        .await
}

#[tokio::test]
async fn deliveries_verify_with_the_reference_python_library() {
    let Some(python) = python_with_standardwebhooks() else {
        return;
    };
    let old = Secret::generate([11u8; 32]);
    let new = Secret::generate([22u8; 32]);
    let stranger = Secret::generate([33u8; 32]);
    let mut receiver = Receiver::start(&python, &[&old, &new]);
    let client = WebhookClient::new(ClientConfig {
        allow_private: true,
        ..ClientConfig::default()
    })
    .unwrap();
    let now = wall_clock_unix();

    let large = format!(
        r#"{{"type":"document.finished","data":{{"note":"{}"}}}}"#,
        "x".repeat(20_000)
    );
    let bodies: [&[u8]; 5] = [
        br#"{"id":"evt_1","type":"person.created","created_at":"2026-01-01T00:00:00Z","data":{}}"#,
        br#"{"id":"evt_2","type":"identification.status_changed","data":{"status":"SUCCESS"}}"#,
        "{\"id\":\"evt_3\",\"type\":\"person.updated\",\"data\":{\"name\":\"Jürgen Straße 東京\"}}"
            .as_bytes(),
        br#"{}"#,
        large.as_bytes(),
    ];
    for (i, body) in bodies.iter().enumerate() {
        let id = format!("msg_peer_{i}");
        let outcome = send(&client, &receiver.url(0), &id, body, &[&old], now).await;
        assert_eq!(outcome.status_code, Some(204), "{id}: {outcome:?}");
        assert!(outcome.is_success());
    }

    // After a rotation both secrets sign; receivers on either secret accept the delivery.
    for index in [0, 1] {
        let outcome = send(
            &client,
            &receiver.url(index),
            "msg_rotated",
            bodies[0],
            &[&new, &old],
            now,
        )
        .await;
        assert_eq!(
            outcome.status_code,
            Some(204),
            "secret {index}: {outcome:?}"
        );
    }

    // The same receiver rejects what it must reject, so the checks above can fail.
    let wrong = send(
        &client,
        &receiver.url(0),
        "msg_wrong",
        bodies[0],
        &[&stranger],
        now,
    )
    .await;
    assert_eq!(wrong.status_code, Some(401), "{wrong:?}");
    assert!(!wrong.is_success());
    assert!(
        wrong
            .response_excerpt
            .as_deref()
            .is_some_and(|e| e.contains("No matching signature")),
        "{wrong:?}"
    );

    let stale = send(
        &client,
        &receiver.url(0),
        "msg_stale",
        bodies[0],
        &[&old],
        now - 600,
    )
    .await;
    assert_eq!(stale.status_code, Some(401), "{stale:?}");
    assert!(
        stale
            .response_excerpt
            .as_deref()
            .is_some_and(|e| e.contains("too old")),
        "{stale:?}"
    );

    let new_only = send(
        &client,
        &receiver.url(0),
        "msg_new_only",
        bodies[0],
        &[&new],
        now,
    )
    .await;
    assert_eq!(
        new_only.status_code,
        Some(401),
        "old secret must not verify new-only: {new_only:?}"
    );

    // The receiver's own log agrees: seven deliveries verified, then three rejections.
    let verdicts = receiver.verdicts(10);
    assert!(
        verdicts[..7].iter().all(|v| v.starts_with("verified msg_")),
        "{verdicts:#?}"
    );
    assert!(
        verdicts[7..].iter().all(|v| v.starts_with("rejected msg_")),
        "{verdicts:#?}"
    );
}
