//! An external RFC 3161 timestamp authority (`tsa_url`): the HTTP half. The request and the
//! checks on the reply are `signet_pdf::TimestampQuery`; here they travel as
//! `application/timestamp-query` / `application/timestamp-reply` over HTTP or HTTPS
//! (`signet-http`: rustls, Mozilla's roots, optionally a client certificate), with basic
//! authentication if configured, a deadline per try, and tries again with backoff.
//!
//! The URL is the operator's, not a tenant's, so it does not pass the webhook SSRF guard: an
//! authority on the operator's own network is a normal setup.

use crate::config::Config;
use base64::Engine;
use bytes::Bytes;
use http::Uri;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use signet_http::pki_types::pem::PemObject;
use signet_http::pki_types::{CertificateDer, PrivateKeyDer};
use signet_http::{BodyLimit, BuildError};
use signet_pdf::TimestampQuery;
use std::time::Duration;

/// Waits before the second, third and fourth try.
pub const BACKOFF: [Duration; 3] = [
    Duration::from_millis(500),
    Duration::from_millis(1000),
    Duration::from_millis(2000),
];

/// The most a reply may be: a token with a long chain is a few kilobytes.
const MAX_REPLY_BYTES: usize = 256 * 1024;

/// The client of one external authority.
pub struct TsaClient {
    client: signet_http::Client,
    url: Uri,
    authorization: Option<HeaderValue>,
    timeout: Duration,
}

impl std::fmt::Debug for TsaClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TsaClient")
            .field("url", &self.url)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl TsaClient {
    /// The client `config` asks for, or `None` when Signet's own authority stamps.
    pub fn from_config(config: &Config) -> Result<Option<TsaClient>, String> {
        let Some(url) = &config.tsa_url else {
            return Ok(None);
        };
        let url: Uri = url.parse().map_err(|e| format!("tsa_url: {e}"))?;
        // The operator's authority may be plain http on their own network.
        let mut builder = signet_http::ClientBuilder::new()
            .allow_http(true)
            .pool_idle_timeout(Duration::from_secs(30));
        if let (Some(cert), Some(key)) = (&config.tsa_client_cert, &config.tsa_client_key) {
            let chain = CertificateDer::pem_file_iter(cert)
                .and_then(|it| it.collect::<Result<Vec<_>, _>>())
                .map_err(|e| format!("tsa_client_cert {}: {e}", cert.display()))?;
            if chain.is_empty() {
                return Err(format!(
                    "tsa_client_cert {}: no certificate",
                    cert.display()
                ));
            }
            let key = PrivateKeyDer::from_pem_file(key)
                .map_err(|e| format!("tsa_client_key {}: {e}", key.display()))?;
            builder = builder.client_identity(chain, key);
        }
        let client = builder.build().map_err(|e| match e {
            BuildError::ClientIdentity(e) => format!("tsa_client_cert/tsa_client_key: {e}"),
            BuildError::Tls(e) | BuildError::RootCertificate { source: e, .. } => {
                format!("tsa TLS: {e}")
            }
        })?;
        let authorization = match (&config.tsa_username, &config.tsa_password) {
            (Some(user), Some(password)) => {
                let token = base64::engine::general_purpose::STANDARD
                    .encode(format!("{user}:{}", password.expose()));
                let mut value = HeaderValue::from_str(&format!("Basic {token}"))
                    .map_err(|_| "tsa_username/tsa_password: not a valid header".to_owned())?;
                value.set_sensitive(true);
                Some(value)
            }
            _ => None,
        };
        Ok(Some(TsaClient {
            client,
            url,
            authorization,
            timeout: Duration::from_millis(config.tsa_timeout_ms),
        }))
    }

    /// The authority's address, for logs and audit details.
    pub fn url(&self) -> String {
        self.url.to_string()
    }

    /// A checked token over `imprint`, trying again after each of [`BACKOFF`]; the error
    /// says what the last try met.
    pub async fn token(&self, imprint: &[u8; 32]) -> Result<Vec<u8>, String> {
        let mut last = String::new();
        for (attempt, wait) in std::iter::once(None)
            .chain(BACKOFF.iter().map(Some))
            .enumerate()
        {
            if let Some(wait) = wait {
                // A network wait between tries, not a business deadline: the wall clock.
                tokio::time::sleep(*wait).await;
            }
            match self.once(imprint).await {
                Ok(token) => return Ok(token),
                Err(e) => {
                    tracing::warn!(attempt = attempt + 1, error = %e, url = %self.url, "timestamp authority failed");
                    last = e;
                }
            }
        }
        Err(format!(
            "the timestamp authority failed {} times; last: {last}",
            BACKOFF.len() + 1
        ))
    }

    async fn once(&self, imprint: &[u8; 32]) -> Result<Vec<u8>, String> {
        // A fresh nonce each try: a late answer to an earlier try is then refused.
        let query = TimestampQuery::new(imprint).map_err(|e| e.to_string())?;
        let mut req = http::Request::post(self.url.clone())
            .header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/timestamp-query"),
            )
            .header("accept", "application/timestamp-reply");
        if let Some(auth) = &self.authorization {
            req = req.header(AUTHORIZATION, auth.clone());
        }
        let req = req
            .body(Bytes::copy_from_slice(query.der()))
            .map_err(|e| e.to_string())?;
        let reply = self
            .client
            .send(req, self.timeout, BodyLimit::Max(MAX_REPLY_BYTES))
            .await
            .map_err(|e| match (e.status(), e) {
                (_, signet_http::Error::Timeout(_)) => {
                    format!("no answer within {} ms", self.timeout.as_millis())
                }
                // A refusal is told by its status, whatever its body did.
                (Some(status), _) if !status.is_success() => format!("HTTP {status}"),
                (_, e @ (signet_http::Error::Connect(_) | signet_http::Error::Request(_))) => {
                    format!("request: {e}")
                }
                (_, signet_http::Error::Body { source, .. }) => format!("reply: {source}"),
                (_, e) => format!("reply: {e}"),
            })?;
        if !reply.status.is_success() {
            return Err(format!("HTTP {}", reply.status));
        }
        query.check_reply(&reply.body).map_err(|e| e.to_string())
    }
}
