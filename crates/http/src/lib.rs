//! Signet's outbound HTTP client, shared by every call Signet makes to another server: webhook
//! deliveries, the S3 blob backend, the SMS provider and an external timestamp authority.
//!
//! [`ClientBuilder`] makes a [`Client`]: HTTP/1.1 over rustls with the ring provider and
//! Mozilla's roots (so the binary needs no system OpenSSL), and on request more roots, a client
//! certificate, plain `http`, a connect timeout, an idle time for pooled connections and a
//! connector of the caller's own (the webhooks dial through one that refuses internal
//! addresses). [`Client::send`] makes one exchange under one deadline and reads the answer's
//! body under a byte limit; its [`Error`] says which part failed, so each caller keeps its own
//! retry rules. Nothing here retries, and redirects are never followed: a `3xx` is an answer
//! like any other.
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use signet_http::{BodyLimit, ClientBuilder};
//! let client = ClientBuilder::new()
//!     .connect_timeout(Duration::from_secs(10))
//!     .build()?;
//! let request = hyper::Request::get("https://example.com/").body(bytes::Bytes::new())?;
//! let answer = client
//!     .send(request, Duration::from_secs(30), BodyLimit::Max(64 * 1024))
//!     .await?;
//! println!("{} {} bytes", answer.status, answer.body.len());
//! # Ok(())
//! # }
//! ```

use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper::body::Body as _;
use hyper::{HeaderMap, Request, StatusCode};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::Connect;
use hyper_util::rt::TokioExecutor;

pub use hyper_util::client::legacy::connect::HttpConnector;
/// Certificate and key types, and their PEM parsers (`pem::PemObject`), for
/// [`ClientBuilder::extra_roots`] and [`ClientBuilder::client_identity`].
pub use rustls::pki_types;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

#[cfg(test)]
mod tests;

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// rustls refused the protocol versions or the provider.
    #[error("TLS configuration: {0}")]
    Tls(#[source] rustls::Error),
    /// An extra root certificate is not a usable certificate.
    #[error("extra root certificate {index}: {source}")]
    RootCertificate {
        /// Its position among [`ClientBuilder::extra_roots`].
        index: usize,
        /// Why rustls refused it.
        source: rustls::Error,
    },
    /// The client certificate chain and key do not make an identity (no certificate, a key
    /// rustls cannot use, a key that does not match).
    #[error("client certificate and key: {0}")]
    ClientIdentity(#[source] rustls::Error),
}

/// The settings of a [`Client`]. Without any, it speaks HTTPS only, trusts Mozilla's roots,
/// presents no client certificate and leaves connecting to the overall deadline of each call.
#[derive(Default)]
pub struct ClientBuilder {
    extra_roots: Vec<CertificateDer<'static>>,
    identity: Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>,
    allow_http: bool,
    connect_timeout: Option<Duration>,
    pool_idle_timeout: Option<Duration>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The private key is not shown.
        f.debug_struct("ClientBuilder")
            .field("extra_roots", &self.extra_roots.len())
            .field("client_identity", &self.identity.is_some())
            .field("allow_http", &self.allow_http)
            .field("connect_timeout", &self.connect_timeout)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .finish()
    }
}

impl ClientBuilder {
    /// HTTPS only, Mozilla's roots, no client certificate.
    pub fn new() -> Self {
        Self::default()
    }

    /// Trusts these certificates (DER) as roots besides Mozilla's, e.g. an organisation's own
    /// CA. PEM is read with [`pki_types::pem::PemObject`].
    pub fn extra_roots(mut self, roots: impl IntoIterator<Item = CertificateDer<'static>>) -> Self {
        self.extra_roots.extend(roots);
        self
    }

    /// Presents this certificate chain (leaf first) and key when a server asks for one
    /// (mutual TLS).
    pub fn client_identity(
        mut self,
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
    ) -> Self {
        self.identity = Some((chain, key));
        self
    }

    /// Lets `http://` URLs through in plain text; otherwise they fail to connect.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// Limit on the TCP connect of the built-in connector ([`ClientBuilder::build`]); a
    /// connector of the caller's own keeps its own limits.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How long an unused pooled connection is kept (hyper's default otherwise, 90 s).
    pub fn pool_idle_timeout(mut self, idle: Duration) -> Self {
        self.pool_idle_timeout = Some(idle);
        self
    }

    /// The client over hyper's own connector: the system resolver, then TCP.
    pub fn build(self) -> Result<Client, BuildError> {
        let mut http = HttpConnector::new();
        // The scheme is the TLS layer's business (allow_http); this one only dials.
        http.enforce_http(false);
        http.set_connect_timeout(self.connect_timeout);
        self.build_with_connector(http)
    }

    /// The client over `connector`, which turns a URI into a TCP (or other) stream; TLS is
    /// added on top of it. This is where a caller resolves names itself or refuses
    /// addresses, and the connect timeout is its own.
    pub fn build_with_connector<C>(self, connector: C) -> Result<Client<C>, BuildError>
    where
        HttpsConnector<C>: Connect + Clone + Send + Sync + 'static,
    {
        let mut roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        for (index, der) in self.extra_roots.into_iter().enumerate() {
            roots
                .add(der)
                .map_err(|source| BuildError::RootCertificate { index, source })?;
        }
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(BuildError::Tls)?
        .with_root_certificates(roots);
        let tls = match self.identity {
            Some((chain, key)) => tls
                .with_client_auth_cert(chain, key)
                .map_err(BuildError::ClientIdentity)?,
            None => tls.with_no_client_auth(),
        };
        let https = hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(tls);
        let https = if self.allow_http {
            https.https_or_http()
        } else {
            https.https_only()
        };
        let https = https.enable_http1().wrap_connector(connector);
        let mut builder = hyper_util::client::legacy::Client::builder(TokioExecutor::new());
        if let Some(idle) = self.pool_idle_timeout {
            builder.pool_idle_timeout(idle);
        }
        Ok(Client {
            inner: builder.build(https),
        })
    }
}

/// How much of an answer's body [`Client::send`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyLimit {
    /// The whole body, which may be at most this many bytes; a longer one is
    /// [`Error::TooLarge`].
    Max(usize),
    /// At most this many bytes, and no error: reading stops at the limit (the rest is dropped
    /// with the connection) or where the body breaks off. For answers whose status is what
    /// matters and whose body is only kept as an excerpt.
    Truncate(usize),
}

/// An answer: its status, headers and (bounded) body.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status; a redirect is not followed and arrives here as it is.
    pub status: StatusCode,
    /// The answer's headers.
    pub headers: HeaderMap,
    /// The body as far as [`BodyLimit`] let it be read.
    pub body: Bytes,
}

/// Why [`Client::send`] brought back no answer. `Display` gives the whole chain of causes on
/// one line (hyper's own message is only "client error").
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No connection was made: name resolution, TCP or its connect timeout, the TLS handshake,
    /// a plain `http` URL the client may not use, or the caller's connector refusing. Its
    /// cause, through [`StdError::source`], is where the connector's own error is found.
    #[error("{}", error_chain(.0))]
    Connect(#[source] hyper_util::client::legacy::Error),
    /// A connection was made but no answer arrived: it was closed or reset, or what came back
    /// was not HTTP.
    #[error("{}", error_chain(.0))]
    Request(#[source] hyper_util::client::legacy::Error),
    /// The answer's head arrived, then its body broke off.
    #[error("reading the answer: {source}")]
    Body {
        /// The answer's status.
        status: StatusCode,
        /// What hyper met.
        source: hyper::Error,
    },
    /// The answer's body is longer than [`BodyLimit::Max`].
    #[error("the answer is larger than {limit} bytes")]
    TooLarge {
        /// The answer's status.
        status: StatusCode,
        /// The limit it went over.
        limit: usize,
    },
    /// The deadline passed before the answer was read: connecting, sending and reading
    /// together took longer.
    #[error("no answer within {} ms", .0.as_millis())]
    Timeout(Duration),
}

impl Error {
    /// The answer's status, when its head arrived before the failure.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Body { status, .. } | Error::TooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// The outbound client. Built once and cloned freely: clones share one connection pool. Runs
/// on a Tokio runtime with IO and time enabled.
#[derive(Clone)]
pub struct Client<C = HttpConnector> {
    inner: hyper_util::client::legacy::Client<HttpsConnector<C>, Full<Bytes>>,
}

impl<C> std::fmt::Debug for Client<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").finish_non_exhaustive()
    }
}

impl<C> Client<C>
where
    HttpsConnector<C>: Connect + Clone + Send + Sync + 'static,
{
    /// Sends `request` and reads its answer, all within `deadline` (resolving, connecting,
    /// TLS, sending, and reading the body under `limit`).
    pub async fn send(
        &self,
        request: Request<Bytes>,
        deadline: Duration,
        limit: BodyLimit,
    ) -> Result<Response, Error> {
        tokio::time::timeout(deadline, self.exchange(request.map(Full::new), limit))
            .await
            .map_err(|_| Error::Timeout(deadline))?
    }

    async fn exchange(
        &self,
        request: Request<Full<Bytes>>,
        limit: BodyLimit,
    ) -> Result<Response, Error> {
        let response = self.inner.request(request).await.map_err(|e| {
            if e.is_connect() {
                Error::Connect(e)
            } else {
                Error::Request(e)
            }
        })?;
        let (head, mut body) = response.into_parts();
        let status = head.status;
        let body = match limit {
            BodyLimit::Max(max) => {
                let announced = body.size_hint().lower();
                if announced > max as u64 {
                    return Err(Error::TooLarge { status, limit: max });
                }
                // The announced length is at most the limit here, so this is bounded too.
                let mut buf = BytesMut::with_capacity(announced as usize);
                while let Some(frame) = body.frame().await {
                    let frame = frame.map_err(|source| Error::Body { status, source })?;
                    if let Ok(data) = frame.into_data() {
                        if data.len() > max - buf.len() {
                            return Err(Error::TooLarge { status, limit: max });
                        }
                        buf.extend_from_slice(&data);
                    }
                }
                buf.freeze()
            }
            BodyLimit::Truncate(max) => {
                let mut buf = BytesMut::new();
                while buf.len() < max {
                    match body.frame().await {
                        Some(Ok(frame)) => {
                            if let Ok(data) = frame.into_data() {
                                let room = max - buf.len();
                                buf.extend_from_slice(&data[..data.len().min(room)]);
                            }
                        }
                        // The status has arrived; a body cut short is kept as far as it came.
                        Some(Err(_)) | None => break,
                    }
                }
                buf.freeze()
            }
        };
        Ok(Response {
            status,
            headers: head.headers,
            body,
        })
    }
}

/// An error and its causes on one line, `outer: cause: cause`.
pub fn error_chain(e: &dyn StdError) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
