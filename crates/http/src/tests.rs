//! The client against servers on local Tokio listeners that answer with hand-written bytes, so
//! each test controls exactly when and how much arrives.

// Test code: a failed unwrap is a failed test with its message.
#![allow(clippy::unwrap_used)]

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use hyper::Uri;
use hyper_util::rt::TokioIo;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::*;

/// What the stand-in server does once it has written its answer.
#[derive(Clone, Copy)]
enum After {
    Close,
    /// Keep the connection open without sending more, longer than any test waits.
    Hang,
}

struct Server {
    addr: SocketAddr,
    accepted: Arc<AtomicUsize>,
    /// Whether each TLS connection presented a client certificate.
    client_certs: Arc<Mutex<Vec<bool>>>,
}

impl Server {
    /// Answers every request on every connection with `answer`, then does `after`.
    async fn start(answer: &[u8], after: After) -> Server {
        Self::start_with(answer, after, None).await
    }

    async fn start_with(
        answer: &[u8],
        after: After,
        tls: Option<tokio_rustls::TlsAcceptor>,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let accepted = Arc::new(AtomicUsize::new(0));
        let client_certs = Arc::new(Mutex::new(Vec::new()));
        let (count, certs) = (accepted.clone(), client_certs.clone());
        let answer = answer.to_vec();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                count.fetch_add(1, Ordering::SeqCst);
                let answer = answer.clone();
                let tls = tls.clone();
                let certs = certs.clone();
                tokio::spawn(async move {
                    match tls {
                        None => answer_on(stream, &answer, after).await,
                        Some(acceptor) => {
                            let Ok(stream) = acceptor.accept(stream).await else {
                                return;
                            };
                            let presented = stream.get_ref().1.peer_certificates().is_some();
                            certs.lock().unwrap().push(presented);
                            answer_on(stream, &answer, after).await;
                        }
                    }
                });
            }
        });
        Server {
            addr,
            accepted,
            client_certs,
        }
    }

    fn url(&self, scheme: &str) -> String {
        format!("{scheme}://{}/path", self.addr)
    }
}

/// Reads one request head (the tests send no bodies), answers it with `answer`, then does
/// `after`.
async fn answer_on<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, answer: &[u8], after: After) {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    if stream.write_all(answer).await.is_err() {
        return;
    }
    let _ = stream.flush().await;
    if let After::Hang = after {
        tokio::time::sleep(Duration::from_secs(60)).await;
    }
}

fn get(url: &str) -> Request<Bytes> {
    Request::get(url).body(Bytes::new()).unwrap()
}

fn plain() -> Client {
    ClientBuilder::new().allow_http(true).build().unwrap()
}

const SECOND: Duration = Duration::from_secs(1);

#[tokio::test]
async fn an_answer_comes_back_with_its_status_headers_and_body() {
    let server = Server::start(
        b"HTTP/1.1 201 Created\r\nx-test: yes\r\ncontent-length: 5\r\n\r\nhello",
        After::Close,
    )
    .await;
    let answer = plain()
        .send(get(&server.url("http")), SECOND, BodyLimit::Max(5))
        .await
        .unwrap();
    assert_eq!(answer.status, StatusCode::CREATED);
    assert_eq!(answer.headers["x-test"], "yes");
    assert_eq!(answer.body, "hello");
}

#[tokio::test]
async fn a_redirect_is_an_answer_and_is_not_followed() {
    let server = Server::start(
        b"HTTP/1.1 302 Found\r\nlocation: /elsewhere\r\ncontent-length: 0\r\n\r\n",
        After::Close,
    )
    .await;
    let answer = plain()
        .send(get(&server.url("http")), SECOND, BodyLimit::Max(0))
        .await
        .unwrap();
    assert_eq!(answer.status, StatusCode::FOUND);
    assert_eq!(answer.headers["location"], "/elsewhere");
    assert_eq!(server.accepted.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_deadline_ends_a_wait_for_an_answer_that_never_comes() {
    let server = Server::start(b"", After::Hang).await;
    let deadline = Duration::from_millis(200);
    let started = Instant::now();
    let err = plain()
        .send(get(&server.url("http")), deadline, BodyLimit::Max(1024))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout(d) if d == deadline), "{err:?}");
    assert_eq!(err.to_string(), "no answer within 200 ms");
    assert!(started.elapsed() < 5 * SECOND, "{:?}", started.elapsed());
}

#[tokio::test]
async fn the_deadline_covers_reading_the_body() {
    // The head and ten of the hundred bytes announced arrive; the rest never does.
    let server = Server::start(
        b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789",
        After::Hang,
    )
    .await;
    for limit in [BodyLimit::Max(1024), BodyLimit::Truncate(1024)] {
        let err = plain()
            .send(get(&server.url("http")), Duration::from_millis(200), limit)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Timeout(_)), "{limit:?}: {err:?}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large_whether_announced_or_not() {
    let announced = format!(
        "HTTP/1.1 200 OK\r\ncontent-length: 2000\r\n\r\n{}",
        "x".repeat(2000)
    );
    // Chunked: no length is known until the chunks arrive.
    let chunked = format!(
        "HTTP/1.1 500 Internal Server Error\r\ntransfer-encoding: chunked\r\n\r\n\
         3e8\r\n{x}\r\n3e8\r\n{x}\r\n0\r\n\r\n",
        x = "x".repeat(1000)
    );
    for (answer, status) in [
        (announced.as_bytes(), StatusCode::OK),
        (chunked.as_bytes(), StatusCode::INTERNAL_SERVER_ERROR),
    ] {
        let server = Server::start(answer, After::Close).await;
        let err = plain()
            .send(get(&server.url("http")), SECOND, BodyLimit::Max(1999))
            .await
            .unwrap_err();
        match &err {
            Error::TooLarge { status: s, limit } => {
                assert_eq!((*s, *limit), (status, 1999));
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.to_string(), "the answer is larger than 1999 bytes");
        // Exactly the limit is fine.
        let answer = plain()
            .send(get(&server.url("http")), SECOND, BodyLimit::Max(2000))
            .await
            .unwrap();
        assert_eq!(answer.body.len(), 2000);
    }
}

#[tokio::test]
async fn truncate_keeps_the_first_bytes_and_never_fails_on_the_body() {
    let big = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 5000\r\n\r\n{}",
        "y".repeat(5000)
    );
    let server = Server::start(big.as_bytes(), After::Close).await;
    let answer = plain()
        .send(get(&server.url("http")), SECOND, BodyLimit::Truncate(1024))
        .await
        .unwrap();
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.body, "y".repeat(1024));

    // A body that breaks off: kept as far as it came, or an error naming the status.
    let cut = Server::start(
        b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789",
        After::Close,
    )
    .await;
    let answer = plain()
        .send(get(&cut.url("http")), SECOND, BodyLimit::Truncate(1024))
        .await
        .unwrap();
    assert_eq!(answer.body, "0123456789");
    let err = plain()
        .send(get(&cut.url("http")), SECOND, BodyLimit::Max(1024))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Body { .. }), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::OK));
}

#[tokio::test]
async fn a_closed_port_is_a_connect_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = plain()
        .send(
            get(&format!("http://127.0.0.1:{port}/")),
            SECOND,
            BodyLimit::Max(1024),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect(_)), "{err:?}");
    // The causes are on the line, not only hyper's "client error".
    let text = err.to_string();
    assert!(text.contains("tcp connect error"), "{text}");
    assert_eq!(err.status(), None);
}

#[tokio::test]
async fn a_connection_closed_without_an_answer_is_a_request_error() {
    let server = Server::start(b"", After::Close).await;
    let err = plain()
        .send(get(&server.url("http")), SECOND, BodyLimit::Max(1024))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Request(_)), "{err:?}");
}

#[tokio::test]
async fn plain_http_fails_to_connect_unless_allowed() {
    let server = Server::start(
        b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
        After::Close,
    )
    .await;
    let https_only = ClientBuilder::new().build().unwrap();
    let err = https_only
        .send(get(&server.url("http")), SECOND, BodyLimit::Max(0))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect(_)), "{err:?}");
    assert!(err.to_string().contains("unsupported scheme http"), "{err}");
    assert_eq!(server.accepted.load(Ordering::SeqCst), 0, "nothing dialled");
}

/// A connector of the tests' own: dials `to` whatever the URI names, or refuses.
#[derive(Clone)]
struct FixedConnector {
    to: Option<SocketAddr>,
    calls: Arc<AtomicUsize>,
}

#[derive(Debug, thiserror::Error)]
#[error("refused by the test connector")]
struct Refused;

impl tower_service::Service<Uri> for FixedConnector {
    type Response = TokioIo<TcpStream>;
    type Error = Box<dyn StdError + Send + Sync>;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _uri: Uri) -> Self::Future {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let to = self.to;
        Box::pin(async move {
            let to = to.ok_or(Refused)?;
            Ok(TokioIo::new(TcpStream::connect(to).await?))
        })
    }
}

/// Finds an error of type `T` among the causes, looking inside `io::Error` wrappers too.
fn find_cause<T: StdError + 'static>(err: &(dyn StdError + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(e) = current {
        if e.is::<T>() {
            return true;
        }
        if let Some(inner) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            && find_cause::<T>(inner)
        {
            return true;
        }
        current = e.source();
    }
    false
}

#[tokio::test]
async fn a_connector_of_the_caller_s_own_dials_and_its_refusal_is_a_connect_error() {
    let server = Server::start(b"HTTP/1.1 204 No Content\r\n\r\n", After::Close).await;
    let calls = Arc::new(AtomicUsize::new(0));
    let client = ClientBuilder::new()
        .allow_http(true)
        .build_with_connector(FixedConnector {
            to: Some(server.addr),
            calls: calls.clone(),
        })
        .unwrap();
    let answer = client
        .send(get("http://signet.invalid/"), SECOND, BodyLimit::Max(0))
        .await
        .unwrap();
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    let refusing = ClientBuilder::new()
        .allow_http(true)
        .build_with_connector(FixedConnector {
            to: None,
            calls: calls.clone(),
        })
        .unwrap();
    let err = refusing
        .send(get("http://signet.invalid/"), SECOND, BodyLimit::Max(0))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect(_)), "{err:?}");
    // The connector's own error stays reachable for the caller to classify.
    let Error::Connect(inner) = &err else {
        unreachable!()
    };
    assert!(find_cause::<Refused>(inner), "{err}");
    assert!(
        err.to_string().contains("refused by the test connector"),
        "{err}"
    );
    assert_eq!(server.accepted.load(Ordering::SeqCst), 1);
}

/// A CA, a server certificate from it for `127.0.0.1`, and a client certificate from it.
struct Pki {
    ca: CertificateDer<'static>,
    server: (CertificateDer<'static>, PrivateKeyDer<'static>),
    client: (CertificateDer<'static>, PrivateKeyDer<'static>),
}

fn pki() -> Pki {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(params, ca_key).unwrap();
    let leaf = |names: Vec<String>| {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(names)
            .unwrap()
            .signed_by(&key, &ca)
            .unwrap();
        (
            cert.der().clone(),
            PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
    };
    Pki {
        server: leaf(vec!["127.0.0.1".to_owned()]),
        client: leaf(vec!["client.test".to_owned()]),
        ca: ca.der().clone(),
    }
}

/// An HTTPS server that asks for a client certificate from the test CA and refuses a
/// connection without one.
async fn mtls_server(pki: &Pki) -> Server {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(pki.ca.clone()).unwrap();
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_client_cert_verifier(verifier)
        .with_single_cert(vec![pki.server.0.clone()], pki.server.1.clone_key())
        .unwrap();
    Server::start_with(
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
        After::Close,
        Some(tokio_rustls::TlsAcceptor::from(Arc::new(config))),
    )
    .await
}

#[tokio::test]
async fn extra_roots_and_a_client_certificate_make_mutual_tls() {
    let pki = pki();
    let server = mtls_server(&pki).await;
    let url = server.url("https");

    // Mozilla's roots alone do not know the test CA.
    let err = ClientBuilder::new()
        .build()
        .unwrap()
        .send(get(&url), SECOND, BodyLimit::Max(64))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect(_)), "{err:?}");
    assert!(err.to_string().contains("UnknownIssuer"), "{err}");

    // Trusted, but without a certificate of its own the server refuses it.
    let anonymous = ClientBuilder::new()
        .extra_roots([pki.ca.clone()])
        .build()
        .unwrap()
        .send(get(&url), SECOND, BodyLimit::Max(64))
        .await;
    assert!(anonymous.is_err(), "{anonymous:?}");

    let answer = ClientBuilder::new()
        .extra_roots([pki.ca.clone()])
        .client_identity(vec![pki.client.0.clone()], pki.client.1.clone_key())
        .build()
        .unwrap()
        .send(get(&url), SECOND, BodyLimit::Max(64))
        .await
        .unwrap();
    assert_eq!(answer.body, "ok");
    assert_eq!(*server.client_certs.lock().unwrap(), [true]);
}

#[test]
fn unusable_roots_and_identities_are_build_errors() {
    let err = ClientBuilder::new()
        .extra_roots([CertificateDer::from(b"not a certificate".to_vec())])
        .build()
        .unwrap_err();
    assert!(
        matches!(err, BuildError::RootCertificate { index: 0, .. }),
        "{err:?}"
    );
    let pki = pki();
    let err = ClientBuilder::new()
        .client_identity(
            vec![pki.client.0.clone()],
            PrivateKeyDer::Pkcs8(b"not a key".to_vec().into()),
        )
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::ClientIdentity(_)), "{err:?}");
}
