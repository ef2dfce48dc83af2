//! One delivery attempt against a local HTTP server: how each kind of response and failure is
//! classified, and that the address guard refuses internal targets before connecting.

// Test code: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used)]

use std::convert::Infallible;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use signet_webhooks::{
    AttemptError, AttemptOutcome, ClientConfig, DeliveryRequest, Secret, SignedHeaders,
    WebhookClient, verify,
};

/// Fixed wall clock of the attempts in this file; nothing here checks it against a real clock.
const WALL_CLOCK: i64 = 1_700_000_000;
/// `Retry-After` date served by `/retry-date`: 90 s after [`WALL_CLOCK`].
const RETRY_DATE: &str = "Tue, 14 Nov 2023 22:14:50 GMT";

#[derive(Default)]
struct Seen {
    paths: Vec<String>,
    headers: Vec<http::HeaderMap>,
    bodies: Vec<Bytes>,
}

async fn handle(
    req: Request<Incoming>,
    seen: Arc<Mutex<Seen>>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    use http_body_util::BodyExt;
    let path = req.uri().path().to_owned();
    let headers = req.headers().clone();
    let body = req
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    {
        let mut seen = seen.lock().unwrap();
        seen.paths.push(path.clone());
        seen.headers.push(headers);
        seen.bodies.push(body);
    }
    let mut resp = Response::builder();
    let body: Bytes = match path.as_str() {
        "/ok" => Bytes::from_static(b"delivered"),
        "/fail" => {
            resp = resp.status(StatusCode::INTERNAL_SERVER_ERROR);
            Bytes::from_static(b"boom")
        }
        "/gone" => {
            resp = resp.status(StatusCode::GONE);
            Bytes::new()
        }
        "/redirect" => {
            resp = resp
                .status(StatusCode::FOUND)
                .header("location", "/ok?followed=1");
            Bytes::new()
        }
        "/retry-seconds" => {
            resp = resp
                .status(StatusCode::SERVICE_UNAVAILABLE)
                .header("retry-after", "120");
            Bytes::new()
        }
        "/retry-date" => {
            resp = resp
                .status(StatusCode::TOO_MANY_REQUESTS)
                .header("retry-after", RETRY_DATE);
            Bytes::new()
        }
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            Bytes::from_static(b"too late")
        }
        "/big" => Bytes::from(vec![b'x'; 5000]),
        _ => {
            resp = resp.status(StatusCode::NOT_FOUND);
            Bytes::new()
        }
    };
    Ok(resp.body(Full::new(body)).unwrap())
}

struct TestServer {
    addr: SocketAddr,
    seen: Arc<Mutex<Seen>>,
    connections: Arc<AtomicUsize>,
}

impl TestServer {
    async fn start() -> Self {
        Self::start_with(None).await
    }

    /// An HTTPS receiver whose certificate (for `localhost` and `127.0.0.1`) is issued by a
    /// fresh CA; returns the server and the CA certificate in DER.
    async fn start_tls() -> (Self, Vec<u8>) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Test receivers CA");
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let leaf =
            rcgen::CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
                .unwrap()
                .signed_by(&leaf_key, &ca)
                .unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        (Self::start_with(Some(acceptor)).await, ca.der().to_vec())
    }

    async fn start_with(tls: Option<tokio_rustls::TlsAcceptor>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let shared = seen.clone();
        let connections = Arc::new(AtomicUsize::new(0));
        let counter = connections.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                counter.fetch_add(1, Ordering::SeqCst);
                let seen = shared.clone();
                let tls = tls.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| handle(req, seen.clone()));
                    let http = http1::Builder::new();
                    let _ = match tls {
                        None => http.serve_connection(TokioIo::new(stream), service).await,
                        Some(acceptor) => match acceptor.accept(stream).await {
                            Ok(stream) => {
                                http.serve_connection(TokioIo::new(stream), service).await
                            }
                            Err(_) => return,
                        },
                    };
                });
            }
        });
        Self {
            addr,
            seen,
            connections,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn paths(&self) -> Vec<String> {
        self.seen.lock().unwrap().paths.clone()
    }
}

fn secret() -> Secret {
    Secret::parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap()
}

fn client(allow_private: bool) -> WebhookClient {
    WebhookClient::new(ClientConfig {
        allow_private,
        ..ClientConfig::default()
    })
    .unwrap()
}

async fn deliver(client: &WebhookClient, url: &str) -> AttemptOutcome {
    let secret = secret();
    client
        .deliver(&DeliveryRequest {
            url,
            msg_id: "msg_test_1",
            body: br#"{"type":"person.created"}"#,
            secrets: &[&secret],
            wall_clock_unix: WALL_CLOCK,
        })
        .await
}

#[tokio::test]
async fn a_200_is_a_success_and_carries_the_signed_standard_headers() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/ok")).await;
    assert!(outcome.is_success(), "{outcome:?}");
    assert_eq!(outcome.status_code, Some(200));
    assert_eq!(outcome.response_excerpt.as_deref(), Some("delivered"));

    let seen = server.seen.lock().unwrap();
    let headers = &seen.headers[0];
    let text = |name: &str| headers.get(name).unwrap().to_str().unwrap().to_owned();
    assert_eq!(text("webhook-id"), "msg_test_1");
    assert_eq!(text("webhook-timestamp"), WALL_CLOCK.to_string());
    assert_eq!(text("content-type"), "application/json");
    assert!(text("user-agent").starts_with("Signet-Webhooks/"));
    let signature = text("webhook-signature");
    verify(
        &secret(),
        SignedHeaders {
            id: "msg_test_1",
            timestamp: &WALL_CLOCK.to_string(),
            signature: &signature,
        },
        &seen.bodies[0],
        WALL_CLOCK,
        300,
    )
    .unwrap();
    assert_eq!(&seen.bodies[0][..], br#"{"type":"person.created"}"#);
}

#[tokio::test]
async fn a_500_is_a_failure_with_its_status_and_body_excerpt() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/fail")).await;
    assert!(!outcome.is_success());
    assert!(!outcome.disables_endpoint());
    assert_eq!(outcome.status_code, Some(500));
    assert_eq!(outcome.error, None);
    assert_eq!(outcome.response_excerpt.as_deref(), Some("boom"));
    assert_eq!(outcome.failure_reason().as_deref(), Some("HTTP 500"));
}

#[tokio::test]
async fn a_410_disables_the_endpoint() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/gone")).await;
    assert!(!outcome.is_success());
    assert!(outcome.disables_endpoint());
}

#[tokio::test]
async fn a_302_is_not_followed_and_is_recorded_with_its_location() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/redirect")).await;
    assert!(!outcome.is_success());
    assert_eq!(outcome.status_code, Some(302));
    assert_eq!(
        outcome.error,
        Some(AttemptError::Redirect {
            status: 302,
            location: Some("/ok?followed=1".to_owned()),
        })
    );
    assert_eq!(server.paths(), ["/redirect"]);
}

#[tokio::test]
async fn retry_after_in_seconds_is_parsed() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/retry-seconds")).await;
    assert_eq!(outcome.status_code, Some(503));
    assert_eq!(outcome.retry_after, Some(Duration::from_secs(120)));
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_relative_to_the_attempt_wall_clock() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/retry-date")).await;
    assert_eq!(outcome.status_code, Some(429));
    assert_eq!(outcome.retry_after, Some(Duration::from_secs(90)));
}

#[tokio::test]
async fn a_receiver_slower_than_the_timeout_is_a_timeout() {
    let server = TestServer::start().await;
    let client = WebhookClient::new(ClientConfig {
        allow_private: true,
        timeout: Duration::from_millis(300),
        ..ClientConfig::default()
    })
    .unwrap();
    let outcome = deliver(&client, &server.url("/slow")).await;
    assert_eq!(outcome.error, Some(AttemptError::Timeout));
    assert_eq!(outcome.status_code, None);
    assert!(!outcome.is_success());
}

#[tokio::test]
async fn only_the_first_kilobyte_of_a_response_is_kept() {
    let server = TestServer::start().await;
    let outcome = deliver(&client(true), &server.url("/big")).await;
    assert!(outcome.is_success());
    assert_eq!(outcome.response_excerpt.map(|e| e.len()), Some(1024));
}

#[tokio::test]
async fn the_client_reuses_pooled_connections_across_attempts() {
    let server = TestServer::start().await;
    let client = client(true);
    for _ in 0..3 {
        assert!(deliver(&client, &server.url("/ok")).await.is_success());
    }
    assert_eq!(server.paths().len(), 3);
    assert_eq!(server.connections.load(Ordering::SeqCst), 1);
}

/// A listener that must never see a connection: accept() on a non-blocking socket reports
/// WouldBlock when nothing completed a TCP handshake with it.
fn untouched_listener() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    listener
}

fn assert_nothing_accepted(listener: &std::net::TcpListener) {
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("the guarded client connected: {other:?}"),
    }
}

#[tokio::test]
async fn loopback_target_is_refused_without_any_connection() {
    let listener = untouched_listener();
    let port = listener.local_addr().unwrap().port();
    let outcome = deliver(&client(false), &format!("http://127.0.0.1:{port}/hook")).await;
    assert_eq!(
        outcome.error,
        Some(AttemptError::Refused {
            addr: IpAddr::from([127, 0, 0, 1]),
            reason: "loopback",
        })
    );
    assert_eq!(
        outcome.failure_reason().as_deref(),
        Some("refused loopback address 127.0.0.1")
    );
    assert_nothing_accepted(&listener);
}

#[tokio::test]
async fn a_name_that_resolves_to_loopback_is_refused() {
    let listener = untouched_listener();
    let port = listener.local_addr().unwrap().port();
    let outcome = deliver(&client(false), &format!("http://localhost:{port}/hook")).await;
    match outcome.error {
        Some(AttemptError::Refused { addr, reason }) => {
            assert!(addr.is_loopback(), "{addr}");
            assert_eq!(reason, "loopback");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_nothing_accepted(&listener);
}

#[tokio::test]
async fn obfuscated_loopback_literals_are_refused() {
    let listener = untouched_listener();
    let port = listener.local_addr().unwrap().port();
    for url in [
        format!("http://0x7f000001:{port}/"),
        format!("http://127.1:{port}/"),
        format!("http://2130706433:{port}/"),
        format!("http://[::ffff:127.0.0.1]:{port}/"),
        format!("http://[::1]:{port}/"),
        format!("https://127.0.0.1:{port}/"),
    ] {
        let outcome = deliver(&client(false), &url).await;
        assert!(
            matches!(outcome.error, Some(AttemptError::Refused { .. })),
            "{url}: {outcome:?}"
        );
    }
    assert_nothing_accepted(&listener);
}

#[tokio::test]
async fn private_and_metadata_addresses_are_refused_with_their_reason() {
    for (url, reason) in [
        ("http://10.0.0.1/hook", "private"),
        ("http://192.168.1.10:8080/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://100.64.0.1/", "shared (CGNAT)"),
        ("http://[fd00::1]/", "unique local (private)"),
        ("http://0.0.0.0/", "unspecified (this network)"),
    ] {
        let outcome = deliver(&client(false), url).await;
        match &outcome.error {
            Some(AttemptError::Refused { reason: r, .. }) => assert_eq!(*r, reason, "{url}"),
            other => panic!("{url}: expected a refusal, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn loopback_is_reachable_when_private_targets_are_allowed() {
    let server = TestServer::start().await;
    let url = format!("http://localhost:{}/ok", server.addr.port());
    let outcome = deliver(&client(true), &url).await;
    assert!(outcome.is_success(), "{outcome:?}");
}

#[tokio::test]
async fn urls_with_credentials_are_refused_before_any_connection() {
    let listener = untouched_listener();
    let port = listener.local_addr().unwrap().port();
    let outcome = deliver(&client(true), &format!("http://user:pw@127.0.0.1:{port}/")).await;
    assert!(matches!(outcome.error, Some(AttemptError::InvalidUrl(_))));
    assert_nothing_accepted(&listener);
}

#[tokio::test]
async fn a_closed_port_is_a_connect_failure() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let outcome = deliver(&client(true), &format!("http://127.0.0.1:{port}/")).await;
    assert!(
        matches!(outcome.error, Some(AttemptError::Connect(_))),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn an_unknown_name_is_a_dns_failure() {
    let outcome = deliver(&client(false), "http://no-such-host.invalid/hook").await;
    assert!(
        matches!(outcome.error, Some(AttemptError::Dns(_))),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_failure() {
    let server = TestServer::start().await;
    let url = format!("https://127.0.0.1:{}/ok", server.addr.port());
    let outcome = deliver(&client(true), &url).await;
    assert!(
        matches!(outcome.error, Some(AttemptError::Tls(_))),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn https_receivers_are_verified_against_the_trusted_roots() {
    let (server, ca_der) = TestServer::start_tls().await;
    let trusting = WebhookClient::new(ClientConfig {
        allow_private: true,
        extra_root_certificates: vec![ca_der],
        ..ClientConfig::default()
    })
    .unwrap();
    for host in ["localhost", "127.0.0.1"] {
        let url = format!("https://{host}:{}/ok", server.addr.port());
        let outcome = deliver(&trusting, &url).await;
        assert!(outcome.is_success(), "{url}: {outcome:?}");
        assert_eq!(outcome.response_excerpt.as_deref(), Some("delivered"));
    }

    // Mozilla's roots alone do not vouch for the test CA: the handshake fails, nothing is sent.
    let url = format!("https://localhost:{}/ok", server.addr.port());
    let outcome = deliver(&client(true), &url).await;
    match &outcome.error {
        Some(AttemptError::Tls(reason)) => assert!(reason.contains("UnknownIssuer"), "{reason}"),
        other => panic!("expected a TLS failure, got {other:?}"),
    }
    assert_eq!(server.paths(), ["/ok", "/ok"]);
}

#[test]
fn a_malformed_extra_root_certificate_is_a_configuration_error() {
    let built = WebhookClient::new(ClientConfig {
        extra_root_certificates: vec![b"not a certificate".to_vec()],
        ..ClientConfig::default()
    });
    assert!(matches!(
        built,
        Err(signet_webhooks::ClientError::RootCertificate { index: 0, .. })
    ));
}

#[tokio::test]
async fn a_message_id_that_is_not_a_header_value_fails_without_sending() {
    let server = TestServer::start().await;
    let secret = secret();
    let outcome = client(true)
        .deliver(&DeliveryRequest {
            url: &server.url("/ok"),
            msg_id: "msg_1\r\nx-injected: yes",
            body: b"{}",
            secrets: &[&secret],
            wall_clock_unix: WALL_CLOCK,
        })
        .await;
    assert!(
        matches!(outcome.error, Some(AttemptError::Other(_))),
        "{outcome:?}"
    );
    assert!(server.paths().is_empty());
}
