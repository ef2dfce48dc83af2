//! A local RFC 3161 timestamp authority for tests: a small HTTP server on 127.0.0.1 answering
//! `application/timestamp-query` with tokens of its own test CA (Signet's TSA code under
//! another name), or failing the way real authorities fail. Included by path from the test
//! crates that need it.

#![allow(dead_code, clippy::unwrap_used)]

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the stand-in answers one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A proper token over what was asked.
    Grant,
    /// 200 with an HTML page.
    Garbage,
    /// A token for the same imprint but another nonce.
    WrongNonce,
    /// A token over another imprint, with the nonce asked for dropped.
    WrongImprint,
    /// A TimeStampResp with status rejection (badAlg).
    Rejection,
    /// HTTP 500.
    ServerError,
    /// Waits this long before a proper answer.
    Slow(Duration),
    /// Closes the connection without a word.
    Hangup,
}

struct Shared {
    answers: Mutex<VecDeque<Answer>>,
    hits: AtomicUsize,
    stop: AtomicBool,
    basic_auth: Option<String>,
}

pub struct StandInTsa {
    pub url: String,
    /// The root of the stand-in's own CA, which validators must trust for its tokens.
    pub root_pem: String,
    shared: Arc<Shared>,
    port: u16,
}

impl StandInTsa {
    /// A stand-in answering `answers` in turn, the last one from then on.
    pub fn start(answers: Vec<Answer>) -> StandInTsa {
        Self::start_with_auth(answers, None)
    }

    /// The same, refusing (401) requests without `Authorization: Basic base64(user:pass)`.
    pub fn start_with_auth(answers: Vec<Answer>, basic_auth: Option<String>) -> StandInTsa {
        let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
        let ca =
            Arc::new(signet_pdf::TrustStore::generate("Stand-in Trust Services", now).unwrap());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            answers: Mutex::new(answers.into()),
            hits: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            basic_auth,
        });
        let root_pem = ca.root_pem();
        let s = shared.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (s, ca) = (s.clone(), ca.clone());
                std::thread::spawn(move || serve(conn, &s, &ca));
            }
        });
        StandInTsa {
            url: format!("http://127.0.0.1:{port}/tsa"),
            root_pem,
            shared,
            port,
        }
    }

    /// Requests received so far.
    pub fn hits(&self) -> usize {
        self.shared.hits.load(Ordering::SeqCst)
    }

    /// Answers from now on.
    pub fn answer(&self, answers: Vec<Answer>) {
        *self.shared.answers.lock().unwrap() = answers.into();
    }
}

impl Drop for StandInTsa {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// An address where nothing listens: connections are refused.
pub fn refusing_url() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/tsa")
}

fn next_answer(s: &Shared) -> Answer {
    let mut q = s.answers.lock().unwrap();
    if q.len() > 1 {
        q.pop_front().unwrap()
    } else {
        q.front().cloned().unwrap_or(Answer::Grant)
    }
}

fn serve(mut conn: TcpStream, s: &Shared, ca: &signet_pdf::TrustStore) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.strip_prefix(&format!("{name}:"))
                .map(|v| v.trim().to_owned())
        })
    };
    let len: usize = header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while raw.len() < head_end + len {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    }
    let body = raw[head_end..head_end + len].to_vec();
    s.hits.fetch_add(1, Ordering::SeqCst);
    let reply = |conn: &mut TcpStream, status: &str, ctype: &str, body: &[u8]| {
        let _ = write!(
            conn,
            "HTTP/1.1 {status}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        let _ = conn.write_all(body);
    };
    if let Some(expected) = &s.basic_auth {
        use base64::Engine;
        let want = format!(
            "basic {}",
            base64::engine::general_purpose::STANDARD.encode(expected)
        )
        .to_ascii_lowercase();
        if header("authorization").as_deref() != Some(want.as_str()) {
            reply(&mut conn, "401 Unauthorized", "text/plain", b"who are you");
            return;
        }
    }
    if header("content-type").as_deref() != Some("application/timestamp-query") {
        reply(&mut conn, "415 Unsupported Media Type", "text/plain", b"");
        return;
    }
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    let token_for = |req: &[u8]| ca.timestamp_response(req, now).unwrap();
    let ok = |conn: &mut TcpStream, der: Vec<u8>| {
        reply(conn, "200 OK", "application/timestamp-reply", &der);
    };
    match next_answer(s) {
        Answer::Grant => ok(&mut conn, token_for(&body)),
        Answer::Slow(d) => {
            std::thread::sleep(d);
            ok(&mut conn, token_for(&body));
        }
        Answer::Garbage => reply(
            &mut conn,
            "200 OK",
            "text/html",
            b"<html><body>Service temporarily unavailable</body></html>",
        ),
        Answer::WrongNonce => {
            let imprint = signet_pdf::timestamp_query_imprint(&body).unwrap();
            let other = signet_pdf::TimestampQuery::new(&imprint).unwrap();
            ok(&mut conn, token_for(other.der()));
        }
        Answer::WrongImprint => {
            let other = signet_pdf::TimestampQuery::new(&[0x42; 32]).unwrap();
            ok(&mut conn, token_for(other.der()));
        }
        Answer::Rejection => {
            // The same request with an unknown hash algorithm: the authority says badAlg.
            let mut req = body.clone();
            let oid = [
                0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
            ];
            let at = req.windows(oid.len()).position(|w| w == oid).unwrap();
            req[at + oid.len() - 1] = 0x7f;
            ok(&mut conn, token_for(&req));
        }
        Answer::ServerError => reply(
            &mut conn,
            "500 Internal Server Error",
            "text/plain",
            b"oops",
        ),
        Answer::Hangup => drop(conn),
    }
}
