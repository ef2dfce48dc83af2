//! Email delivered to a real SMTP server: aiosmtpd, started by each test from
//! `tests/smtp_sink.py`, which parses every message with Python's email package and writes
//! what it found to a JSON file.
//!
//! The Python interpreter is `$SIGNET_TEST_PYTHON`, else `<workspace>/.venv/bin/python`
//! (`scripts/test-env.sh` installs aiosmtpd there from `requirements-test.txt`). Without it
//! the tests fail when `SIGNET_REQUIRE_TOOLS=1` or `CI` is set, and are skipped with a notice
//! otherwise.

// Test code: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use signet_notify::{Language, Mailer, NotifyError, OtpMessage, SmtpConfig};

const FROM: &str = "Signet <no-reply@signet.example>";

fn python_with_aiosmtpd() -> Option<PathBuf> {
    let python = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"));
    let usable = Command::new(&python)
        .args(["-c", "import aiosmtpd.controller"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if usable {
        return Some(python);
    }
    let message = format!(
        "{} cannot import aiosmtpd; run scripts/test-env.sh or set SIGNET_TEST_PYTHON",
        python.display()
    );
    let required = std::env::var("SIGNET_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
        || std::env::var_os("CI").is_some();
    if required {
        panic!("{message}");
    }
    eprintln!("skipping the SMTP test against aiosmtpd: {message}");
    None
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The aiosmtpd process and its output directory, both gone when the test ends.
struct Sink {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Sink {
    fn start(python: &Path, auth: Option<(&str, &str)>) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "signet-notify-smtp-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let port = free_port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
        let mut command = Command::new(python);
        command.arg(script).arg(&dir).arg(port.to_string());
        if let Some((user, password)) = auth {
            command.args([user, password]);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start smtp_sink.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "smtp_sink.py did not start");
        Sink { child, port, dir }
    }

    fn url(&self, userinfo: &str) -> String {
        format!("smtp+plain://{userinfo}127.0.0.1:{}", self.port)
    }

    /// The messages received so far, oldest first.
    fn received(&self) -> Vec<serde_json::Value> {
        let mut files: Vec<_> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn otp(code: &str, language: Language) -> OtpMessage {
    OtpMessage {
        code: code.into(),
        signer_name: "Ada Lovelace".into(),
        document_name: "Mietvertrag Müllerstraße 5".into(),
        issuer: "Hausverwaltung Süd GmbH".into(),
        valid_minutes: 10,
        language,
    }
}

fn mailer(url: String) -> Mailer {
    Mailer::new(&SmtpConfig {
        url,
        from: FROM.into(),
    })
    .unwrap()
}

#[tokio::test]
async fn otp_in_english_and_german_reaches_the_server() {
    let Some(python) = python_with_aiosmtpd() else {
        return;
    };
    let sink = Sink::start(&python, None);
    let mailer = mailer(sink.url(""));

    mailer
        .send_otp("ada@example.org", &otp("482913", Language::En))
        .await
        .unwrap();
    mailer
        .send_otp(
            "Ada Lovelace <ada@example.org>",
            &otp("730155", Language::De),
        )
        .await
        .unwrap();

    let received = sink.received();
    assert_eq!(received.len(), 2, "{received:#?}");
    for (m, code) in received.iter().zip(["482913", "730155"]) {
        assert_eq!(m["mail_from"], "no-reply@signet.example");
        assert_eq!(m["rcpt_tos"], serde_json::json!(["ada@example.org"]));
        assert_eq!(m["from"], "Signet <no-reply@signet.example>");
        assert_eq!(m["content_type"], "multipart/alternative");
        assert_eq!(m["auto_submitted"], "auto-generated");
        assert!(
            m["message_id"]
                .as_str()
                .unwrap()
                .ends_with("@signet.example>"),
            "{m}"
        );
        let subject = m["subject"].as_str().unwrap();
        assert!(
            !subject.contains(code),
            "the code leaked into the subject: {subject}"
        );
        for part in ["text", "html"] {
            let body = m[part].as_str().unwrap();
            assert!(body.contains(code), "{part} lacks the code: {body}");
            assert!(
                body.contains("Mietvertrag Müllerstraße 5"),
                "{part}: {body}"
            );
            assert!(body.contains("Hausverwaltung Süd GmbH"), "{part}: {body}");
        }
    }

    let en = &received[0];
    assert_eq!(en["to"], "ada@example.org");
    assert_eq!(
        en["subject"],
        "Your code to sign “Mietvertrag Müllerstraße 5”"
    );
    assert!(en["text"].as_str().unwrap().contains(
        "Your code to sign “Mietvertrag Müllerstraße 5”: 482913. It is valid for 10 minutes. \
         If you did not ask for it, ignore this message."
    ));

    let de = &received[1];
    assert_eq!(de["to"], "Ada Lovelace <ada@example.org>");
    assert_eq!(
        de["subject"],
        "Ihr Code zum Unterschreiben von „Mietvertrag Müllerstraße 5“"
    );
    assert!(de["text"].as_str().unwrap().contains(
        "Ihr Code zum Unterschreiben von „Mietvertrag Müllerstraße 5“: 730155. \
         Er ist 10 Minuten gültig."
    ));
    assert!(de["html"].as_str().unwrap().contains("lang=\"de\""));
}

#[tokio::test]
async fn credentials_from_the_url_are_percent_decoded() {
    let Some(python) = python_with_aiosmtpd() else {
        return;
    };
    let sink = Sink::start(&python, Some(("signet", "p@ss:wörd")));

    // Wrong password: the server's 535 is a permanent refusal.
    let wrong = mailer(sink.url("signet:nope@"))
        .send_otp("ada@example.org", &otp("111111", Language::En))
        .await
        .unwrap_err();
    assert!(
        matches!(wrong, NotifyError::Rejected { status: 535, .. }),
        "{wrong:?}"
    );
    assert!(!wrong.is_retryable());

    mailer(sink.url("signet:p%40ss%3Aw%C3%B6rd@"))
        .send_otp("ada@example.org", &otp("222222", Language::En))
        .await
        .unwrap();
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0]["auth_user"], "signet");
}

#[tokio::test]
async fn starttls_is_required_for_smtp_urls() {
    let Some(python) = python_with_aiosmtpd() else {
        return;
    };
    // aiosmtpd here offers no STARTTLS: an `smtp://` URL must not fall back to plain text.
    let sink = Sink::start(&python, None);
    let err = mailer(format!("smtp://127.0.0.1:{}", sink.port))
        .send_otp("ada@example.org", &otp("333333", Language::En))
        .await
        .unwrap_err();
    assert!(matches!(err, NotifyError::Config(_)), "{err:?}");
    assert!(sink.received().is_empty());
}

#[tokio::test]
async fn malformed_address_is_an_invalid_recipient() {
    // Refused before any connection: the port is closed.
    let err = mailer(format!("smtp+plain://127.0.0.1:{}", free_port()))
        .send_otp("not an address", &otp("444444", Language::En))
        .await
        .unwrap_err();
    assert!(matches!(err, NotifyError::InvalidRecipient(_)), "{err:?}");
}

#[tokio::test]
async fn refused_connection_is_unavailable() {
    let err = mailer(format!("smtp+plain://127.0.0.1:{}", free_port()))
        .send_otp("ada@example.org", &otp("555555", Language::En))
        .await
        .unwrap_err();
    assert!(matches!(err, NotifyError::Unavailable(_)), "{err:?}");
    assert!(err.is_retryable());
}
