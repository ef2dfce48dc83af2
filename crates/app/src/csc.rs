//! A client of the Cloud Signature Consortium API v2 ("Architectures and protocols for remote
//! signature applications" 2.0): how a qualified trust service provider (QTSP) signs the hash of
//! a signer's revision. JSON over HTTPS POST: `info`, OAuth 2.0 client credentials
//! (`oauth2/token`), `credentials/list`, `credentials/info` (the certificate chain and the key's
//! algorithms and how a signature is authorised), `credentials/sendOTP` (the provider sends
//! the signer its own one-time code), `credentials/authorize` (that code → a signature
//! activation data, SAD) and `signatures/signHash`. Errors come as 4xx with
//! `{"error": "…", "error_description": "…"}`.
//!
//! Every failure is told as seed 000's code: reaching the credential (token, list, info) is
//! "creating the certificate" (6001 fatal, 6002 an error worth approving again, 6003 a
//! communication error), authorising and signing is "signing" (6004 fatal, 6005 an error worth
//! confirming again — a wrong code, an expired SAD, a provider that keeps failing — 6006 a
//! communication error). Network errors and 5xx answers are tried again with the timestamp
//! client's backoff.
//!
//! The transport is HTTP (`signet-http`, rustls, a deadline per request, a body limit) or, in
//! test mode without a configured sandbox, the in-process stand-in of [`crate::csc_standin`]:
//! the same requests and answers, without the network.
//!
//! The URL is the operator's, not a tenant's, so it does not pass the webhook SSRF guard (as
//! `tsa_url`): a provider reached through the operator's own network is a normal setup.

use crate::csc_standin::StandIn;
use base64::Engine;
use bytes::Bytes;
use http::Uri;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use serde_json::{Value, json};
use signet_http::BodyLimit;
use std::sync::Arc;
use std::time::Duration;

/// The most an answer may be: a certificate chain is a few kilobytes.
const MAX_ANSWER_BYTES: usize = 512 * 1024;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// One provider's settings: the service's base URL (ending in `/csc/v2`), the OAuth 2.0
/// client, and the credential to sign with (else the first `credentials/list` gives).
#[derive(Clone)]
pub struct ProviderSettings {
    pub url: String,
    pub client_id: String,
    pub client_secret: String,
    pub credential_id: Option<String>,
    pub timeout: Duration,
}

impl std::fmt::Debug for ProviderSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderSettings")
            .field("url", &self.url)
            .field("client_id", &self.client_id)
            .field("credential_id", &self.credential_id)
            .finish_non_exhaustive()
    }
}

/// The phase a failure happened in, which decides its seed 000 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Token, credentials/list, credentials/info: "creating the certificate".
    Certificate,
    /// credentials/authorize, signatures/signHash: "signing".
    Signing,
}

/// What went wrong, as seed 000 words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The provider refused for good (a 4xx other than a wrong code or an expired SAD, an
    /// answer that makes no sense).
    Fatal,
    /// Worth another try by the signer (a wrong one-time code, an expired SAD, a provider that
    /// answered 5xx every time).
    Retry,
    /// The provider could not be reached (connection, deadline), every time.
    Communication,
}

/// A failure with its seed 000 code and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CscError {
    pub phase: Phase,
    pub failure: Failure,
    pub detail: String,
    /// The provider refused the one-time code it was given (`invalid_otp`): a wrong code,
    /// which Signet counts against the signer as it counts its own.
    pub code_refused: bool,
}

impl CscError {
    fn new(phase: Phase, failure: Failure, detail: impl Into<String>) -> CscError {
        CscError {
            phase,
            failure,
            detail: detail.into(),
            code_refused: false,
        }
    }

    /// Seed 000's status code: 6001–6003 while reaching the credential, 6004–6006 while
    /// signing.
    pub fn status_code(&self) -> u32 {
        match (self.phase, self.failure) {
            (Phase::Certificate, Failure::Fatal) => 6001,
            (Phase::Certificate, Failure::Retry) => 6002,
            (Phase::Certificate, Failure::Communication) => 6003,
            (Phase::Signing, Failure::Fatal) => 6004,
            (Phase::Signing, Failure::Retry) => 6005,
            (Phase::Signing, Failure::Communication) => 6006,
        }
    }
}

impl std::fmt::Display for CscError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "remote signing service: {}", self.detail)
    }
}

/// How requests travel.
#[derive(Clone)]
enum Transport {
    Http(signet_http::Client),
    InProcess(Arc<StandIn>),
}

/// A request body: JSON for the CSC methods, a form for the OAuth 2.0 token endpoint.
enum Body<'a> {
    Json(&'a Value),
    Form(&'a [(&'a str, &'a str)]),
}

/// One answer: its status and its JSON (`Value::Null` when the body is not JSON).
struct Answer {
    status: u16,
    body: Value,
}

/// The client of one provider.
#[derive(Clone)]
pub struct CscClient {
    settings: ProviderSettings,
    transport: Transport,
    backoff: Vec<Duration>,
}

impl std::fmt::Debug for CscClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CscClient")
            .field("settings", &self.settings)
            .field(
                "transport",
                &match self.transport {
                    Transport::Http(_) => "http",
                    Transport::InProcess(_) => "in-process stand-in",
                },
            )
            .finish()
    }
}

/// A credential as `credentials/info` describes it.
#[derive(Clone, Debug)]
pub struct Credential {
    pub id: String,
    /// The signer's certificate, then its issuers, DER.
    pub chain: Vec<Vec<u8>>,
    /// The key's algorithms (OIDs) the provider offers.
    pub key_algorithms: Vec<String>,
    /// How a signature with it is authorised.
    pub activation: Activation,
}

/// How `credentials/authorize` is satisfied for a credential (its `authMode`, `PIN` and `OTP`
/// in `credentials/info`), among the ways Signet can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// Nothing from the signer: `authMode` implicit, or explicit with neither a PIN nor a
    /// one-time code required. Signet's own one-time code confirms the signer's will.
    Implicit,
    /// The provider's own one-time code: `credentials/sendOTP` has the provider send it to the
    /// signer (SMS, app …) when the signer approves; the signer types it on Signet's page and
    /// Signet forwards it in `credentials/authorize`, where the provider checks it. Signet
    /// sends no code of its own then.
    ProviderCode,
}

/// What `credentials/info` says of a credential's authorisation: the way Signet drives it,
/// or why it cannot (a PIN only the signer knows, a code from the signer's own device, the
/// provider's own authorisation page).
pub(crate) fn activation_of(info: &Value) -> Result<Activation, String> {
    let mode = info["authMode"].as_str().unwrap_or("implicit");
    if mode == "oauth2code" {
        return Err(
            "the credential is authorised on the provider's own page (authMode oauth2code), \
             which Signet does not drive"
                .to_owned(),
        );
    }
    if mode != "implicit" && mode != "explicit" {
        return Err(format!("the credential's authMode {mode:?} is unknown"));
    }
    if mode == "implicit" {
        return Ok(Activation::Implicit);
    }
    if info["PIN"]["presence"].as_str() == Some("true") {
        return Err(
            "the credential needs the signer's PIN, which Signet does not ask for".to_owned(),
        );
    }
    match (
        info["OTP"]["presence"].as_str(),
        info["OTP"]["type"].as_str(),
    ) {
        (Some("true" | "optional"), Some("online")) => Ok(Activation::ProviderCode),
        (Some("true"), _) => Err(
            "the credential needs a code from the signer's own device (offline OTP), which \
             Signet does not ask for"
                .to_owned(),
        ),
        _ => Ok(Activation::Implicit),
    }
}

/// An open session with the provider: its access token.
#[derive(Debug)]
pub struct Session {
    token: String,
}

impl CscClient {
    /// A client over HTTP (plain `http://` allowed: the operator's own network).
    pub fn http(settings: ProviderSettings) -> Result<CscClient, String> {
        let client = signet_http::ClientBuilder::new()
            .allow_http(true)
            .pool_idle_timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| format!("csc TLS: {e:?}"))?;
        settings
            .url
            .parse::<Uri>()
            .map_err(|e| format!("csc_url: {e}"))?;
        Ok(CscClient {
            settings,
            transport: Transport::Http(client),
            backoff: crate::tsa::BACKOFF.to_vec(),
        })
    }

    /// A client of the in-process stand-in (test mode without a configured sandbox).
    pub fn in_process(stand_in: Arc<StandIn>) -> CscClient {
        CscClient {
            settings: ProviderSettings {
                url: crate::csc_standin::IN_PROCESS_URL.to_owned(),
                client_id: stand_in.client_id().to_owned(),
                client_secret: stand_in.client_secret().to_owned(),
                credential_id: None,
                timeout: Duration::from_secs(5),
            },
            transport: Transport::InProcess(stand_in),
            backoff: Vec::new(),
        }
    }

    /// The service's address, for logs and the audit trail.
    pub fn url(&self) -> &str {
        &self.settings.url
    }

    fn endpoint(&self, method: &str) -> String {
        format!("{}/{method}", self.settings.url.trim_end_matches('/'))
    }

    async fn once(
        &self,
        url: &str,
        body: &Body<'_>,
        bearer: Option<&str>,
    ) -> Result<Answer, String> {
        match &self.transport {
            Transport::InProcess(stand_in) => {
                let path = url
                    .strip_prefix(crate::csc_standin::IN_PROCESS_URL)
                    .unwrap_or(url);
                let (status, body) = match body {
                    Body::Json(v) => {
                        stand_in.handle(path, bearer, crate::csc_standin::Request::Json(v))
                    }
                    Body::Form(f) => {
                        stand_in.handle(path, bearer, crate::csc_standin::Request::Form(f))
                    }
                };
                if status == 0 {
                    return Err("no answer".to_owned());
                }
                Ok(Answer { status, body })
            }
            Transport::Http(client) => {
                let uri: Uri = url.parse().map_err(|e| format!("address {url}: {e}"))?;
                let (content_type, bytes) = match body {
                    Body::Json(v) => (
                        "application/json",
                        serde_json::to_vec(v).map_err(|e| e.to_string())?,
                    ),
                    Body::Form(pairs) => (
                        "application/x-www-form-urlencoded",
                        form_encode(pairs).into_bytes(),
                    ),
                };
                let mut req = http::Request::post(uri)
                    .header(CONTENT_TYPE, HeaderValue::from_static(content_type))
                    .header("accept", "application/json");
                if let Some(token) = bearer {
                    let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
                        .map_err(|_| "the access token is not a valid header".to_owned())?;
                    value.set_sensitive(true);
                    req = req.header(AUTHORIZATION, value);
                }
                let req = req.body(Bytes::from(bytes)).map_err(|e| e.to_string())?;
                match client
                    .send(req, self.settings.timeout, BodyLimit::Max(MAX_ANSWER_BYTES))
                    .await
                {
                    Ok(reply) => Ok(Answer {
                        status: reply.status.as_u16(),
                        body: serde_json::from_slice(&reply.body).unwrap_or(Value::Null),
                    }),
                    Err(e) => match (e.status(), &e) {
                        // An answer with an error status whose body could not be read.
                        (Some(status), _) => Ok(Answer {
                            status: status.as_u16(),
                            body: Value::Null,
                        }),
                        (None, signet_http::Error::Timeout(_)) => Err(format!(
                            "no answer within {} ms",
                            self.settings.timeout.as_millis()
                        )),
                        (None, e) => Err(format!("request: {e}")),
                    },
                }
            }
        }
    }

    /// One method call, tried again after each step of the backoff on a network error or a
    /// 5xx; a 2xx answer's JSON, or the error as seed 000 tells it.
    async fn call(
        &self,
        phase: Phase,
        url: &str,
        body: Body<'_>,
        bearer: Option<&str>,
    ) -> Result<Value, CscError> {
        self.call_with(phase, url, body, bearer, false).await
    }

    /// [`CscClient::call`]; with `empty_ok`, a 2xx answer without a JSON body (`204 No Content`
    /// of `credentials/sendOTP`) is an empty object.
    async fn call_with(
        &self,
        phase: Phase,
        url: &str,
        body: Body<'_>,
        bearer: Option<&str>,
        empty_ok: bool,
    ) -> Result<Value, CscError> {
        let method = url.rsplit("/v2/").next().unwrap_or(url).to_owned();
        let mut last = self.once(url, &body, bearer).await;
        for (attempt, wait) in self.backoff.iter().enumerate() {
            match &last {
                Ok(a) if a.status < 500 => break,
                Ok(a) => {
                    tracing::warn!(attempt = attempt + 1, status = a.status, %method, "remote signing service failed");
                }
                Err(e) => {
                    tracing::warn!(attempt = attempt + 1, error = %e, %method, "remote signing service unreachable");
                }
            }
            // A network wait between tries, not a business deadline: the wall clock.
            tokio::time::sleep(*wait).await;
            last = self.once(url, &body, bearer).await;
        }
        let tries = self.backoff.len() + 1;
        let answer = match last {
            Ok(a) => a,
            Err(e) => {
                return Err(CscError::new(
                    phase,
                    Failure::Communication,
                    format!("{method}: unreachable {tries} times; last: {e}"),
                ));
            }
        };
        if (200..300).contains(&answer.status) {
            return if answer.body.is_object() {
                Ok(answer.body)
            } else if empty_ok && answer.body.is_null() {
                Ok(json!({}))
            } else {
                Err(CscError::new(
                    phase,
                    Failure::Fatal,
                    format!("{method}: the answer is not JSON"),
                ))
            };
        }
        let error = answer.body["error"].as_str().unwrap_or("").to_owned();
        let description = answer.body["error_description"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        let detail = format!("{method}: HTTP {} {error} {description}", answer.status)
            .trim_end()
            .to_owned();
        if answer.status >= 500 {
            return Err(CscError::new(
                phase,
                Failure::Retry,
                format!("{detail} ({tries} times)"),
            ));
        }
        // A wrong one-time code or PIN, or a SAD that expired, is the signer's to try again
        // (seed 000's 6005: confirm again); anything else is a refusal for good.
        let again = matches!(
            error.as_str(),
            "invalid_otp" | "invalid_pin" | "expired_sad"
        ) || description.to_ascii_lowercase().contains("expired");
        let mut e = CscError::new(
            phase,
            if again {
                Failure::Retry
            } else {
                Failure::Fatal
            },
            detail,
        );
        e.code_refused = error == "invalid_otp";
        Err(e)
    }

    /// `info`, then the OAuth 2.0 client-credentials token from the authorisation server it
    /// names (else the service's own host).
    pub async fn open(&self) -> Result<Session, CscError> {
        let p = Phase::Certificate;
        let info = self
            .call(p, &self.endpoint("info"), Body::Json(&json!({})), None)
            .await?;
        let methods: Vec<&str> = info["methods"]
            .as_array()
            .map(|m| m.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if !methods.is_empty() && !methods.contains(&"signatures/signHash") {
            return Err(CscError::new(
                p,
                Failure::Fatal,
                "info: the service does not offer signatures/signHash",
            ));
        }
        let oauth = match info["oauth2"].as_str() {
            Some(base) if !base.is_empty() => base.trim_end_matches('/').to_owned(),
            _ => origin(&self.settings.url),
        };
        let pairs = [
            ("grant_type", "client_credentials"),
            ("client_id", self.settings.client_id.as_str()),
            ("client_secret", self.settings.client_secret.as_str()),
        ];
        let token = self
            .call(
                p,
                &format!("{oauth}/oauth2/token"),
                Body::Form(&pairs),
                None,
            )
            .await?;
        let token = token["access_token"]
            .as_str()
            .filter(|t| !t.is_empty())
            .ok_or_else(|| CscError::new(p, Failure::Fatal, "oauth2/token: no access_token"))?;
        Ok(Session {
            token: token.to_owned(),
        })
    }

    /// The credential to sign with (the configured one, else the first the service lists)
    /// with its certificate chain and key algorithms. `user` is the signer, for services that
    /// keep a credential per user.
    pub async fn credential(
        &self,
        s: &Session,
        user: Option<&str>,
    ) -> Result<Credential, CscError> {
        let p = Phase::Certificate;
        let id = match &self.settings.credential_id {
            Some(id) => id.clone(),
            None => {
                let mut body = json!({"maxResults": 10});
                if let Some(user) = user {
                    body["userID"] = json!(user);
                }
                let list = self
                    .call(
                        p,
                        &self.endpoint("credentials/list"),
                        Body::Json(&body),
                        Some(&s.token),
                    )
                    .await?;
                list["credentialIDs"]
                    .as_array()
                    .and_then(|ids| ids.first())
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        CscError::new(p, Failure::Fatal, "credentials/list: no credential")
                    })?
            }
        };
        let info = self
            .call(
                p,
                &self.endpoint("credentials/info"),
                Body::Json(&json!({
                    "credentialID": id,
                    "certificates": "chain",
                    "certInfo": true,
                    "authInfo": true,
                })),
                Some(&s.token),
            )
            .await?;
        if let Some(status) = info["key"]["status"].as_str()
            && status != "enabled"
        {
            return Err(CscError::new(
                p,
                Failure::Fatal,
                format!("credentials/info: the key is {status}"),
            ));
        }
        if let Some(status) = info["cert"]["status"].as_str()
            && status != "valid"
        {
            return Err(CscError::new(
                p,
                Failure::Fatal,
                format!("credentials/info: the certificate is {status}"),
            ));
        }
        let chain: Vec<Vec<u8>> = info["cert"]["certificates"]
            .as_array()
            .map(|certs| {
                certs
                    .iter()
                    .map(|c| c.as_str().and_then(|c| B64.decode(c).ok()))
                    .collect::<Option<Vec<_>>>()
            })
            .unwrap_or_default()
            .unwrap_or_default();
        if chain.is_empty() {
            return Err(CscError::new(
                p,
                Failure::Fatal,
                "credentials/info: no certificate (or one that is not base64)",
            ));
        }
        let key_algorithms = info["key"]["algo"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let activation = activation_of(&info)
            .map_err(|e| CscError::new(p, Failure::Fatal, format!("credentials/info: {e}")))?;
        Ok(Credential {
            id,
            chain,
            key_algorithms,
            activation,
        })
    }

    /// `credentials/sendOTP`: the provider sends the signer its one-time code for this
    /// credential (for [`Activation::ProviderCode`]).
    pub async fn send_otp(&self, s: &Session, credential: &Credential) -> Result<(), CscError> {
        self.call_with(
            Phase::Signing,
            &self.endpoint("credentials/sendOTP"),
            Body::Json(&json!({"credentialID": credential.id})),
            Some(&s.token),
            true,
        )
        .await
        .map(|_| ())
    }

    /// `credentials/authorize` for one hash (with the provider's one-time code the signer
    /// typed, for [`Activation::ProviderCode`]), then `signatures/signHash`: the signature
    /// value.
    pub async fn sign_hash(
        &self,
        s: &Session,
        credential: &Credential,
        hash: &[u8; 32],
        algorithm: signet_pdf::RemoteAlgorithm,
        otp: Option<&str>,
    ) -> Result<Vec<u8>, CscError> {
        let p = Phase::Signing;
        let hash_b64 = B64.encode(hash);
        let mut authorize = json!({
            "credentialID": credential.id,
            "numSignatures": 1,
            "hashes": [hash_b64],
            "hashAlgorithmOID": signet_pdf::RemoteAlgorithm::HASH_OID,
        });
        // Only the provider's own code is its business; Signet's code was checked by Signet.
        if credential.activation == Activation::ProviderCode
            && let Some(otp) = otp
        {
            authorize["OTP"] = json!(otp);
        }
        let sad = self
            .call(
                p,
                &self.endpoint("credentials/authorize"),
                Body::Json(&authorize),
                Some(&s.token),
            )
            .await?;
        let sad = sad["SAD"]
            .as_str()
            .filter(|t| !t.is_empty())
            .ok_or_else(|| CscError::new(p, Failure::Fatal, "credentials/authorize: no SAD"))?;
        let mut sign = json!({
            "credentialID": credential.id,
            "SAD": sad,
            "hashes": [hash_b64],
            "hashAlgorithmOID": signet_pdf::RemoteAlgorithm::HASH_OID,
            "signAlgo": algorithm.oid(),
        });
        if let Some(params) = algorithm.params_der() {
            sign["signAlgoParams"] = json!(B64.encode(params));
        }
        let signed = self
            .call(
                p,
                &self.endpoint("signatures/signHash"),
                Body::Json(&sign),
                Some(&s.token),
            )
            .await?;
        let values = signed["signatures"].as_array().cloned().unwrap_or_default();
        match values.as_slice() {
            [one] => one
                .as_str()
                .and_then(|v| B64.decode(v).ok())
                .ok_or_else(|| {
                    CscError::new(
                        p,
                        Failure::Fatal,
                        "signatures/signHash: the signature is not base64",
                    )
                }),
            _ => Err(CscError::new(
                p,
                Failure::Fatal,
                format!(
                    "signatures/signHash: {} signatures for one hash",
                    values.len()
                ),
            )),
        }
    }
}

/// `scheme://host[:port]` of a URL.
fn origin(url: &str) -> String {
    match url.parse::<Uri>() {
        Ok(uri) => match (uri.scheme_str(), uri.authority()) {
            (Some(scheme), Some(authority)) => format!("{scheme}://{authority}"),
            _ => url.trim_end_matches('/').to_owned(),
        },
        Err(_) => url.trim_end_matches('/').to_owned(),
    }
}

/// `application/x-www-form-urlencoded`.
fn form_encode(pairs: &[(&str, &str)]) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    out.push(b as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Parses `application/x-www-form-urlencoded` (for the stand-in).
pub fn form_decode(body: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = |b: u8| (b as char).to_digit(16);
                    match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                        (Some(h), Some(l)) => {
                            out.push((h * 16 + l) as u8);
                            i += 2;
                        }
                        _ => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (dec(k), dec(v)),
            None => (dec(p), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_credentials_authorisation_is_one_signet_drives_or_a_clear_refusal() {
        let of = |v: Value| activation_of(&v);
        assert_eq!(of(json!({})), Ok(Activation::Implicit));
        assert_eq!(
            of(json!({"authMode": "implicit"})),
            Ok(Activation::Implicit)
        );
        // Explicit without a PIN or code to give: authorise with nothing.
        assert_eq!(
            of(json!({"authMode": "explicit", "PIN": {"presence": "false"}})),
            Ok(Activation::Implicit)
        );
        for presence in ["true", "optional"] {
            assert_eq!(
                of(
                    json!({"authMode": "explicit", "OTP": {"presence": presence, "type": "online"}})
                ),
                Ok(Activation::ProviderCode),
                "{presence}"
            );
        }
        // What only the signer has, and the provider's own page, are refused with a reason.
        for refused in [
            json!({"authMode": "explicit", "PIN": {"presence": "true"}}),
            json!({"authMode": "explicit", "OTP": {"presence": "true", "type": "offline"}}),
            json!({"authMode": "oauth2code"}),
            json!({"authMode": "biometric"}),
        ] {
            let e = of(refused.clone()).expect_err("refused");
            assert!(!e.is_empty(), "{refused}");
        }
        // An optional device code is not asked for.
        assert_eq!(
            of(json!({"authMode": "explicit", "OTP": {"presence": "optional", "type": "offline"}})),
            Ok(Activation::Implicit)
        );
    }
    use super::*;

    #[test]
    fn each_phase_and_failure_is_its_seed_000_code() {
        let code = |p, f| CscError::new(p, f, "x").status_code();
        assert_eq!(code(Phase::Certificate, Failure::Fatal), 6001);
        assert_eq!(code(Phase::Certificate, Failure::Retry), 6002);
        assert_eq!(code(Phase::Certificate, Failure::Communication), 6003);
        assert_eq!(code(Phase::Signing, Failure::Fatal), 6004);
        assert_eq!(code(Phase::Signing, Failure::Retry), 6005);
        assert_eq!(code(Phase::Signing, Failure::Communication), 6006);
    }

    #[test]
    fn forms_round_trip_and_origins_drop_the_path() {
        let pairs = [
            ("client_secret", "a b&c=d%é"),
            ("grant_type", "client_credentials"),
        ];
        let decoded = form_decode(&form_encode(&pairs));
        assert_eq!(
            decoded,
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            origin("https://qtsp.example:8443/csc/v2"),
            "https://qtsp.example:8443"
        );
    }
}
