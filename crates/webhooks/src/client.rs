//! One delivery attempt over HTTP: sign, POST, classify the outcome.
//!
//! The worker that claims outbox rows lives with the store; it calls [`WebhookClient::deliver`]
//! once per attempt, writes the [`AttemptOutcome`] to the delivery log and hands it to the
//! retry schedule, which decides what happens next (the schedule reads outcomes; this module
//! knows nothing of it). Nothing here retries, sleeps or reads a clock.

use std::error::Error as StdError;
use std::net::IpAddr;
use std::time::{Duration, Instant, UNIX_EPOCH};

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue, LOCATION, RETRY_AFTER, USER_AGENT};
use http::{Method, Request, Uri};
use signet_http::pki_types::CertificateDer;
use signet_http::{BodyLimit, BuildError};

use crate::signing::{Secret, signature_header};
use crate::ssrf::{GuardError, GuardedConnector};

/// Name of the operator switch that lets webhooks reach private addresses (development and
/// tests only); the server's configuration reads it into [`ClientConfig::allow_private`].
pub const ALLOW_PRIVATE_ENV: &str = "SIGNET_WEBHOOK_ALLOW_PRIVATE";

/// How much of a response body is kept in the delivery log.
pub const EXCERPT_BYTES: usize = 1024;

/// A response body is read up to this size so the connection can go back to the pool; a
/// larger body is abandoned and its connection closed, and a body that breaks off does not
/// change the verdict (the status already arrived).
const DRAIN_LIMIT: usize = 64 * 1024;

/// Settings of the outbound client, fixed when it is built.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Allow loopback, private, link-local and other internal targets
    /// (`SIGNET_WEBHOOK_ALLOW_PRIVATE=true`). Off in production.
    pub allow_private: bool,
    /// Limit on the whole attempt: resolution, connect, TLS, request and reading the response.
    pub timeout: Duration,
    /// `User-Agent` sent with every delivery, so receivers can allow-list Signet.
    pub user_agent: String,
    /// DER certificates trusted as roots besides Mozilla's, for receivers behind an
    /// organisation's own CA.
    pub extra_root_certificates: Vec<Vec<u8>>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            allow_private: false,
            timeout: Duration::from_secs(15),
            user_agent: concat!("Signet-Webhooks/", env!("CARGO_PKG_VERSION")).to_owned(),
            extra_root_certificates: Vec::new(),
        }
    }
}

/// Why the client could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The TLS configuration was rejected by rustls.
    #[error("TLS configuration: {0}")]
    Tls(#[from] rustls::Error),
    /// An extra root certificate is not a usable DER certificate.
    #[error("extra root certificate {index}: {source}")]
    RootCertificate {
        /// Position in [`ClientConfig::extra_root_certificates`].
        index: usize,
        /// Why rustls refused it.
        source: rustls::Error,
    },
    /// The user agent is not a valid header value.
    #[error("user agent is not a valid header value")]
    UserAgent,
}

/// The outbound HTTP client for webhook deliveries.
///
/// Built once and cloned freely (clones share one connection pool). Redirects are never
/// followed: the target is the URL the tenant registered, and following a `302` would hand an
/// attacker a second, unchecked URL. TLS is rustls with the ring provider, Mozilla's roots and
/// any configured extra roots ([`signet_http`]), so the binary needs no system OpenSSL.
#[derive(Clone)]
pub struct WebhookClient {
    http: signet_http::Client<GuardedConnector>,
    timeout: Duration,
    user_agent: HeaderValue,
    allow_private: bool,
}

impl std::fmt::Debug for WebhookClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookClient")
            .field("timeout", &self.timeout)
            .field("allow_private", &self.allow_private)
            .finish_non_exhaustive()
    }
}

/// One attempt to deliver one message to one endpoint.
#[derive(Debug, Clone, Copy)]
pub struct DeliveryRequest<'a> {
    /// The endpoint's URL, as registered.
    pub url: &'a str,
    /// `webhook-id`: the event's id, the same on every retry so receivers can deduplicate.
    pub msg_id: &'a str,
    /// The JSON envelope, sent and signed byte for byte.
    pub body: &'a [u8],
    /// The endpoint's current secret, then the previous one while a rotation is in its 24 hours.
    pub secrets: &'a [&'a Secret],
    /// Wall-clock Unix seconds of this attempt, never the tenant clock: receivers compare it
    /// with their own clock and allow only five minutes either way.
    pub wall_clock_unix: i64,
}

/// Why an attempt failed before an acceptable response arrived.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttemptError {
    /// The URL is malformed, not http(s), carries credentials or has no host.
    #[error("invalid URL: {0}")]
    InvalidUrl(String),
    /// The target resolved to an address webhooks may not reach.
    #[error("refused {reason} address {addr}")]
    Refused {
        /// The address that was refused.
        addr: IpAddr,
        /// Which range it lies in, e.g. `private` or `loopback`.
        reason: &'static str,
    },
    /// Name resolution failed or returned nothing.
    #[error("DNS: {0}")]
    Dns(String),
    /// TCP connection failed.
    #[error("connect: {0}")]
    Connect(String),
    /// The attempt took longer than the configured timeout.
    #[error("timed out")]
    Timeout,
    /// TLS handshake failed (certificate, protocol).
    #[error("TLS: {0}")]
    Tls(String),
    /// The endpoint answered with a redirect, which is not followed.
    #[error("redirect {status} to {} not followed", location.as_deref().unwrap_or("(no location)"))]
    Redirect {
        /// The 3xx status.
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
    },
    /// Any other transport failure (connection reset, malformed response).
    #[error("{0}")]
    Other(String),
}

/// What one attempt produced, for the delivery log and the retry decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptOutcome {
    /// The HTTP status, if a response arrived.
    pub status_code: Option<u16>,
    /// Time from the start of the attempt to the end of reading the response.
    pub latency: Duration,
    /// The failure, if the attempt did not get a non-redirect response.
    pub error: Option<AttemptError>,
    /// `Retry-After` of the response (delta-seconds or an HTTP-date relative to the attempt's
    /// wall clock); the schedule honours it within a cap.
    pub retry_after: Option<Duration>,
    /// The first 1 KB of the response body (lossy UTF-8), for the delivery log.
    pub response_excerpt: Option<String>,
}

impl AttemptOutcome {
    /// Only a 2xx response counts as delivered.
    pub fn is_success(&self) -> bool {
        self.error.is_none() && matches!(self.status_code, Some(200..=299))
    }

    /// `410 Gone` means the receiver asks never to be called again: the endpoint is disabled
    /// at once rather than after five days.
    pub fn disables_endpoint(&self) -> bool {
        self.status_code == Some(410)
    }

    /// A one-line reason for the delivery log, or `None` for a success.
    pub fn failure_reason(&self) -> Option<String> {
        if self.is_success() {
            return None;
        }
        Some(match (&self.error, self.status_code) {
            (Some(e), _) => e.to_string(),
            (None, Some(code)) => format!("HTTP {code}"),
            (None, None) => "no response".to_owned(),
        })
    }

    fn failed(error: AttemptError, started: Instant) -> Self {
        Self {
            status_code: None,
            latency: started.elapsed(),
            error: Some(error),
            retry_after: None,
            response_excerpt: None,
        }
    }
}

/// Checks the registered URL and turns it into the request URI.
///
/// Parsing with the WHATWG rules normalises numeric hosts (`0x7f000001`, `127.1`, `2130706433`)
/// to dotted IPv4, so the connector sees the address a browser would dial; the connector then
/// checks it like any resolved address.
pub fn parse_target(url: &str) -> Result<Uri, AttemptError> {
    let mut parsed = url::Url::parse(url).map_err(|e| AttemptError::InvalidUrl(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(AttemptError::InvalidUrl(format!(
            "scheme {} is not http or https",
            parsed.scheme()
        )));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(AttemptError::InvalidUrl(
            "credentials in the URL are not allowed".to_owned(),
        ));
    }
    if parsed.host().is_none() {
        return Err(AttemptError::InvalidUrl("URL has no host".to_owned()));
    }
    parsed.set_fragment(None);
    parsed
        .as_str()
        .parse::<Uri>()
        .map_err(|e| AttemptError::InvalidUrl(e.to_string()))
}

impl WebhookClient {
    /// Builds the client and its connection pool.
    pub fn new(cfg: ClientConfig) -> Result<Self, ClientError> {
        let user_agent =
            HeaderValue::from_str(&cfg.user_agent).map_err(|_| ClientError::UserAgent)?;
        let http = signet_http::ClientBuilder::new()
            .extra_roots(
                cfg.extra_root_certificates
                    .iter()
                    .map(|der| CertificateDer::from(der.clone())),
            )
            // Plain http targets are the tenant's choice; the guard judges the address either way.
            .allow_http(true)
            .pool_idle_timeout(Duration::from_secs(60))
            .build_with_connector(GuardedConnector {
                allow_private: cfg.allow_private,
            })
            .map_err(|e| match e {
                BuildError::RootCertificate { index, source } => {
                    ClientError::RootCertificate { index, source }
                }
                BuildError::Tls(e) | BuildError::ClientIdentity(e) => ClientError::Tls(e),
            })?;
        Ok(Self {
            http,
            timeout: cfg.timeout,
            user_agent,
            allow_private: cfg.allow_private,
        })
    }

    /// Makes one signed delivery attempt and reports what happened. Every failure is a value
    /// for the delivery log, never an early return. Runs on a Tokio runtime with IO and time
    /// enabled (the pool and the timeout need both).
    pub async fn deliver(&self, req: &DeliveryRequest<'_>) -> AttemptOutcome {
        let started = Instant::now();
        let uri = match parse_target(req.url) {
            Ok(uri) => uri,
            Err(e) => return AttemptOutcome::failed(e, started),
        };
        let signature = signature_header(req.secrets, req.msg_id, req.wall_clock_unix, req.body);
        let request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(CONTENT_TYPE, "application/json")
            .header(USER_AGENT, self.user_agent.clone())
            .header("webhook-id", req.msg_id)
            .header("webhook-timestamp", req.wall_clock_unix)
            .header("webhook-signature", signature)
            .body(Bytes::copy_from_slice(req.body));
        let request = match request {
            Ok(r) => r,
            Err(e) => {
                // Only a message id that is not a valid header value gets here.
                return AttemptOutcome::failed(
                    AttemptError::Other(format!("cannot build request: {e}")),
                    started,
                );
            }
        };
        let response = match self
            .http
            .send(request, self.timeout, BodyLimit::Truncate(DRAIN_LIMIT))
            .await
        {
            Ok(response) => response,
            Err(signet_http::Error::Timeout(_)) => {
                return AttemptOutcome::failed(AttemptError::Timeout, started);
            }
            Err(signet_http::Error::Connect(e) | signet_http::Error::Request(e)) => {
                return AttemptOutcome::failed(classify(e), started);
            }
            // A truncated read reports neither a broken nor an oversized body.
            Err(e) => return AttemptOutcome::failed(AttemptError::Other(e.to_string()), started),
        };
        let status = response.status.as_u16();
        let retry_after = response
            .headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, req.wall_clock_unix));
        let error = response
            .status
            .is_redirection()
            .then(|| AttemptError::Redirect {
                status,
                location: response
                    .headers
                    .get(LOCATION)
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
            });
        let excerpt = &response.body[..response.body.len().min(EXCERPT_BYTES)];
        AttemptOutcome {
            status_code: Some(status),
            latency: started.elapsed(),
            error,
            retry_after,
            response_excerpt: Some(String::from_utf8_lossy(excerpt).into_owned()),
        }
    }
}

impl WebhookClient {
    /// Fetches a public resource through the same SSRF guard: a GET, or a POST of `body`
    /// with its content type. Used for the revocation data (OCSP, CRL) of certificates of
    /// other issuers, whose addresses come from those certificates. The answer must be a 2xx
    /// within `timeout` and at most `max_bytes`; redirects are not followed.
    pub async fn fetch(
        &self,
        url: &str,
        body: Option<(&str, &[u8])>,
        timeout: Duration,
        max_bytes: usize,
    ) -> Result<Vec<u8>, String> {
        let uri = parse_target(url).map_err(|e| e.to_string())?;
        let builder = Request::builder()
            .uri(uri)
            .header(USER_AGENT, self.user_agent.clone());
        let request = match body {
            Some((content_type, bytes)) => builder
                .method(Method::POST)
                .header(CONTENT_TYPE, content_type)
                .body(Bytes::copy_from_slice(bytes)),
            None => builder.method(Method::GET).body(Bytes::new()),
        }
        .map_err(|e| e.to_string())?;
        let response = self
            .http
            .send(request, timeout, BodyLimit::Max(max_bytes))
            .await
            .map_err(|e| match e {
                signet_http::Error::Connect(e) | signet_http::Error::Request(e) => {
                    classify(e).to_string()
                }
                e => e.to_string(),
            })?;
        if !response.status.is_success() {
            return Err(format!("HTTP {}", response.status));
        }
        Ok(response.body.to_vec())
    }
}

/// Parses `Retry-After` as delta-seconds or as an HTTP-date relative to `now_unix`.
///
/// A date in the past means "now" (zero). Unparseable values are ignored rather than failing
/// the attempt, as RFC 9110 lets a recipient do.
pub fn parse_retry_after(value: &str, now_unix: i64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let at_unix = at.duration_since(UNIX_EPOCH).ok()?.as_secs();
    let now = u64::try_from(now_unix).unwrap_or(0);
    Some(Duration::from_secs(at_unix.saturating_sub(now)))
}

/// Finds an error of type `T` anywhere in a chain, looking inside `io::Error` wrappers too
/// (their `source()` skips the wrapped error itself).
fn find_in_chain<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut current = Some(err);
    while let Some(e) = current {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && let Some(found) = find_in_chain::<T>(inner)
        {
            return Some(found);
        }
        current = e.source();
    }
    None
}

fn classify(err: hyper_util::client::legacy::Error) -> AttemptError {
    if let Some(guard) = find_in_chain::<GuardError>(&err) {
        return match guard {
            GuardError::Refused { addr, reason } => AttemptError::Refused {
                addr: *addr,
                reason,
            },
            GuardError::Dns { .. } | GuardError::NoAddresses { .. } => {
                AttemptError::Dns(guard.to_string())
            }
            GuardError::Connect { .. } => AttemptError::Connect(guard.to_string()),
            GuardError::NoHost => AttemptError::InvalidUrl(guard.to_string()),
        };
    }
    if let Some(tls) = find_in_chain::<rustls::Error>(&err) {
        return AttemptError::Tls(tls.to_string());
    }
    let text = signet_http::error_chain(&err);
    if err.is_connect() {
        AttemptError::Connect(text)
    } else {
        AttemptError::Other(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_accepts_seconds_and_http_dates() {
        assert_eq!(parse_retry_after("120", 0), Some(Duration::from_secs(120)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_400),
            Some(Duration::from_secs(80))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_500),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", 0), None);
        assert_eq!(parse_retry_after("-5", 0), None);
    }

    #[test]
    fn numeric_and_mapped_hosts_are_normalised_to_the_address_they_reach() {
        assert_eq!(
            parse_target("http://0x7f000001/hook").unwrap().host(),
            Some("127.0.0.1")
        );
        assert_eq!(
            parse_target("http://127.1:8080/").unwrap().host(),
            Some("127.0.0.1")
        );
        assert_eq!(
            parse_target("http://2130706433/").unwrap().host(),
            Some("127.0.0.1")
        );
        assert_eq!(
            parse_target("http://[::ffff:127.0.0.1]/").unwrap().host(),
            Some("[::ffff:7f00:1]")
        );
    }

    #[test]
    fn urls_with_credentials_or_other_schemes_are_invalid() {
        for url in [
            "http://user:pw@example.com/",
            "http://user@example.com/",
            "ftp://example.com/",
            "file:///etc/passwd",
            "gopher://example.com/",
            "not a url",
        ] {
            assert!(
                matches!(parse_target(url), Err(AttemptError::InvalidUrl(_))),
                "{url}"
            );
        }
    }

    #[test]
    fn only_2xx_is_success_and_only_410_disables() {
        let outcome = |code: u16| AttemptOutcome {
            status_code: Some(code),
            latency: Duration::ZERO,
            error: None,
            retry_after: None,
            response_excerpt: None,
        };
        assert!(outcome(200).is_success());
        assert!(outcome(204).is_success());
        assert!(!outcome(199).is_success());
        assert!(!outcome(301).is_success());
        assert!(!outcome(500).is_success());
        assert!(outcome(410).disables_endpoint());
        assert!(!outcome(404).disables_endpoint());
        assert_eq!(outcome(503).failure_reason().as_deref(), Some("HTTP 503"));
        assert_eq!(outcome(200).failure_reason(), None);
    }
}
