//! A stand-in for a Cloud Signature Consortium API v2 service: the documented JSON of `info`,
//! `oauth2/token` (client credentials), `credentials/list`, `credentials/info`,
//! `credentials/sendOTP`, `credentials/authorize` and `signatures/signHash`, signing with P-256 keys it holds as
//! [`signet_pdf::SignerCredential`]s. Test mode's `qualified` signatures are made through it in
//! process (with a certificate from the test CA, so every name says TEST); the tests serve it
//! over HTTP and switch on the error answers a real provider gives ([`Fault`]).
//!
//! It is no qualified trust service: nothing it signs is a qualified signature.

use serde_json::{Value, json};
use signet_pdf::SignerCredential;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// The base URL of the in-process stand-in (never dialled: the transport calls it directly).
pub const IN_PROCESS_URL: &str = "inprocess://csc-stand-in/csc/v2";

/// What a request carries: JSON for the CSC methods, a form for the token endpoint.
#[derive(Debug)]
pub enum Request<'a> {
    Json(&'a Value),
    Form(&'a [(&'a str, &'a str)]),
}

/// An error answer the stand-in gives on a method instead of its normal one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// 400 `invalid_request`.
    InvalidRequest,
    /// 400 `invalid_otp`: the one-time code is wrong.
    InvalidOtp,
    /// 400 `invalid_request` "SAD expired".
    ExpiredSad,
    /// 500 with an error body.
    ServerError,
    /// No answer in time: [`StandIn::handle`] answers status 0, which the HTTP server turns
    /// into a long wait and the in-process transport into a lost answer.
    NoAnswer,
}

struct Sad {
    credential: String,
    hashes: Vec<String>,
    used: bool,
}

#[derive(Default)]
struct Inner {
    tokens: HashSet<String>,
    sads: HashMap<String, Sad>,
    faults: HashMap<String, Fault>,
    hits: HashMap<String, u32>,
    authorized_otps: Vec<Option<String>>,
    /// Credentials whose code was sent (`credentials/sendOTP`).
    codes_sent: HashSet<String>,
}

/// The stand-in service.
pub struct StandIn {
    client_id: String,
    client_secret: String,
    oauth_base: String,
    credentials: Vec<(String, SignerCredential)>,
    otp: Option<String>,
    name: String,
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for StandIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandIn")
            .field("name", &self.name)
            .field("credentials", &self.credentials.len())
            .finish_non_exhaustive()
    }
}

/// The methods the stand-in answers, by the end of the request path.
const METHODS: [&str; 7] = [
    "oauth2/token",
    "credentials/list",
    "credentials/info",
    "credentials/sendOTP",
    "credentials/authorize",
    "signatures/signHash",
    "info",
];

fn error(status: u16, error: &str, description: &str) -> (u16, Value) {
    (
        status,
        json!({"error": error, "error_description": description}),
    )
}

fn random_token() -> String {
    hex::encode(crate::random::random16())
}

impl StandIn {
    /// A stand-in at `oauth_base` (its own origin, where `oauth2/token` is) with an OAuth
    /// client, credentials by id, and the one-time code it sends on `credentials/sendOTP` and
    /// `credentials/authorize` then wants (`Some`: credentials of `authMode` explicit with an
    /// online OTP; `None`: implicit, no code).
    pub fn new(
        name: &str,
        oauth_base: &str,
        client_id: &str,
        client_secret: &str,
        credentials: Vec<(String, SignerCredential)>,
        otp: Option<String>,
    ) -> StandIn {
        StandIn {
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            oauth_base: oauth_base.trim_end_matches('/').to_owned(),
            credentials,
            otp,
            name: name.to_owned(),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// Test mode's stand-in for one signature: one credential (a test-CA certificate for the
    /// signer), the code the signer confirmed with.
    pub fn in_process(credential: SignerCredential) -> StandIn {
        StandIn::new(
            "Signet test-mode stand-in (not a qualified trust service)",
            IN_PROCESS_URL.trim_end_matches("/csc/v2"),
            "signet-test-mode",
            "signet-test-mode",
            vec![("test-credential".to_owned(), credential)],
            None,
        )
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub fn client_secret(&self) -> &str {
        &self.client_secret
    }

    /// Makes `method` (e.g. `signatures/signHash`) answer with `fault` until cleared.
    pub fn set_fault(&self, method: &str, fault: Option<Fault>) {
        let mut inner = self.lock();
        match fault {
            Some(f) => inner.faults.insert(method.to_owned(), f),
            None => inner.faults.remove(method),
        };
    }

    /// How many requests `method` received.
    pub fn hits(&self, method: &str) -> u32 {
        self.lock().hits.get(method).copied().unwrap_or(0)
    }

    /// The one-time codes `credentials/authorize` received, in order.
    pub fn authorized_otps(&self) -> Vec<Option<String>> {
        self.lock().authorized_otps.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers one request to `path` (its end names the method) with the bearer token
    /// `bearer`: the status and the JSON body.
    pub fn handle(&self, path: &str, bearer: Option<&str>, req: Request<'_>) -> (u16, Value) {
        let path = path.trim_end_matches('/');
        let Some(method) = METHODS
            .iter()
            .find(|m| path == **m || path.ends_with(&format!("/{m}")))
        else {
            return error(404, "invalid_request", "unknown method");
        };
        let fault = {
            let mut inner = self.lock();
            *inner.hits.entry((*method).to_owned()).or_default() += 1;
            inner.faults.get(*method).copied()
        };
        match fault {
            Some(Fault::InvalidRequest) => {
                return error(400, "invalid_request", "the request is not valid");
            }
            Some(Fault::InvalidOtp) => return error(400, "invalid_otp", "the OTP is invalid"),
            Some(Fault::ExpiredSad) => return error(400, "invalid_request", "SAD expired"),
            Some(Fault::ServerError) => {
                return error(500, "server_error", "the service failed");
            }
            Some(Fault::NoAnswer) => return (0, Value::Null),
            None => {}
        }
        match *method {
            "info" => (
                200,
                json!({
                    "specs": "2.0.0.2",
                    "name": self.name,
                    "logo": "",
                    "region": "EU",
                    "lang": "en-US",
                    "description": "A stand-in for tests; not a qualified trust service.",
                    "authType": ["oauth2client"],
                    "oauth2": self.oauth_base,
                    "methods": ["oauth2/token", "credentials/list", "credentials/info",
                        "credentials/sendOTP", "credentials/authorize", "signatures/signHash"],
                }),
            ),
            "oauth2/token" => self.token(req),
            _ => {
                let authorized = bearer.is_some_and(|t| self.lock().tokens.contains(t));
                if !authorized {
                    return error(401, "invalid_token", "the access token is not valid");
                }
                let Request::Json(body) = req else {
                    return error(400, "invalid_request", "a JSON body is expected");
                };
                match *method {
                    "credentials/list" => self.list(body),
                    "credentials/info" => self.credential_info(body),
                    "credentials/sendOTP" => self.send_otp(body),
                    "credentials/authorize" => self.authorize(body),
                    _ => self.sign_hash(body),
                }
            }
        }
    }

    fn token(&self, req: Request<'_>) -> (u16, Value) {
        let get = |key: &str| -> Option<String> {
            match &req {
                Request::Form(pairs) => pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).to_owned()),
                Request::Json(v) => v[key].as_str().map(str::to_owned),
            }
        };
        if get("grant_type").as_deref() != Some("client_credentials") {
            return error(400, "unsupported_grant_type", "only client_credentials");
        }
        if get("client_id").as_deref() != Some(self.client_id.as_str())
            || get("client_secret").as_deref() != Some(self.client_secret.as_str())
        {
            return error(401, "invalid_client", "unknown client or wrong secret");
        }
        let token = random_token();
        self.lock().tokens.insert(token.clone());
        (
            200,
            json!({"access_token": token, "token_type": "Bearer", "expires_in": 3600}),
        )
    }

    /// The credentials of `userID` (ids that start with `<userID>:`), else all of them.
    fn list(&self, body: &Value) -> (u16, Value) {
        let all: Vec<&String> = self.credentials.iter().map(|(id, _)| id).collect();
        let mine: Vec<&String> = match body["userID"].as_str() {
            Some(user) => all
                .iter()
                .copied()
                .filter(|id| id.starts_with(&format!("{user}:")))
                .collect(),
            None => Vec::new(),
        };
        let ids = if mine.is_empty() { all } else { mine };
        (200, json!({"credentialIDs": ids}))
    }

    fn credential(&self, body: &Value) -> Option<&(String, SignerCredential)> {
        let id = body["credentialID"].as_str()?;
        self.credentials.iter().find(|(c, _)| c == id)
    }

    fn credential_info(&self, body: &Value) -> (u16, Value) {
        let Some((_, cred)) = self.credential(body) else {
            return error(400, "invalid_request", "Invalid parameter credentialID");
        };
        let Ok(chain) = cred.chain_der() else {
            return error(500, "server_error", "the certificate cannot be encoded");
        };
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        (
            200,
            json!({
                "description": "stand-in credential",
                "key": {"status": "enabled", "algo": ["1.2.840.10045.2.1", "1.2.840.10045.4.3.2"], "len": 256, "curve": "1.2.840.10045.3.1.7"},
                "cert": {
                    "status": "valid",
                    "certificates": chain.iter().map(|c| b64.encode(c)).collect::<Vec<_>>(),
                    "subjectDN": cred.subject(),
                },
                "authMode": if self.otp.is_some() { "explicit" } else { "implicit" },
                "OTP": if self.otp.is_some() {
                    json!({"presence": "true", "type": "online", "format": "N", "ID": "sms",
                        "provider": self.name, "description": "a code by SMS"})
                } else {
                    Value::Null
                },
                "SCAL": "SCAL2",
                "multisign": 1,
            }),
        )
    }

    /// Sends the credential's code to its owner (here: remembers that it was sent; the code
    /// is the one the stand-in was made with). 204, as the specification answers.
    fn send_otp(&self, body: &Value) -> (u16, Value) {
        let Some((id, _)) = self.credential(body) else {
            return error(400, "invalid_request", "Invalid parameter credentialID");
        };
        if self.otp.is_none() {
            return error(400, "invalid_request", "the credential has no online OTP");
        }
        self.lock().codes_sent.insert(id.clone());
        (204, Value::Null)
    }

    fn authorize(&self, body: &Value) -> (u16, Value) {
        let Some((id, _)) = self.credential(body) else {
            return error(400, "invalid_request", "Invalid parameter credentialID");
        };
        let otp = body["OTP"].as_str().map(str::to_owned);
        self.lock().authorized_otps.push(otp.clone());
        // A code is good only when it was sent for this credential and is the one sent.
        if let Some(want) = &self.otp
            && (otp.as_deref() != Some(want.as_str()) || !self.lock().codes_sent.contains(id))
        {
            return error(400, "invalid_otp", "The OTP is invalid");
        }
        let hashes: Vec<String> = body["hashes"]
            .as_array()
            .map(|h| {
                h.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let num = body["numSignatures"].as_u64().unwrap_or(0);
        if hashes.is_empty() || num != hashes.len() as u64 {
            return error(400, "invalid_request", "Invalid parameter numSignatures");
        }
        let sad = random_token();
        self.lock().sads.insert(
            sad.clone(),
            Sad {
                credential: id.clone(),
                hashes,
                used: false,
            },
        );
        (200, json!({"SAD": sad, "expiresIn": 300}))
    }

    fn sign_hash(&self, body: &Value) -> (u16, Value) {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        let Some((id, cred)) = self.credential(body) else {
            return error(400, "invalid_request", "Invalid parameter credentialID");
        };
        if !matches!(
            body["signAlgo"].as_str(),
            Some("1.2.840.10045.4.3.2" | "1.2.840.10045.2.1")
        ) {
            return error(400, "invalid_request", "Invalid parameter signAlgo");
        }
        if body["hashAlgorithmOID"].as_str() != Some(signet_pdf::RemoteAlgorithm::HASH_OID) {
            return error(400, "invalid_request", "Invalid parameter hashAlgorithmOID");
        }
        let hashes: Vec<String> = body["hashes"]
            .as_array()
            .map(|h| {
                h.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        {
            let mut inner = self.lock();
            let Some(sad) = body["SAD"].as_str().and_then(|s| inner.sads.get_mut(s)) else {
                return error(400, "invalid_request", "Invalid parameter SAD");
            };
            if sad.used || sad.credential != *id || sad.hashes != hashes {
                return error(
                    400,
                    "invalid_request",
                    "the SAD does not authorise these hashes",
                );
            }
            sad.used = true;
        }
        let mut signatures = Vec::new();
        for h in &hashes {
            let Some(hash) = b64
                .decode(h)
                .ok()
                .and_then(|h| <[u8; 32]>::try_from(h).ok())
            else {
                return error(400, "invalid_request", "Invalid parameter hashes");
            };
            match cred.sign_hash(&hash) {
                Ok(sig) => signatures.push(b64.encode(sig)),
                Err(_) => return error(500, "server_error", "the key could not sign"),
            }
        }
        (200, json!({"signatures": signatures}))
    }
}
