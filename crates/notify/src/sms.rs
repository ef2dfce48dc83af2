//! SMS through a provider adapter: Twilio's Messages API over Signet's HTTP client
//! (`signet-http`).

use std::time::Duration;

use base64::Engine as _;
use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use http::{Request, StatusCode, Uri};
use signet_http::BodyLimit;

use crate::VerificationMessage;
use crate::{NotifyError, OtpMessage, text};

/// Limit on one request: connect, TLS, sending and reading the answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest answer read; Twilio's are a few kilobytes.
const RESPONSE_LIMIT: usize = 64 * 1024;

/// Twilio errors that mean the number itself is unusable: 21211 "invalid 'To' phone number",
/// 21614 "'To' number is not a valid mobile number".
const TWILIO_INVALID_RECIPIENT: [u64; 2] = [21211, 21614];

/// Which SMS provider, and the account to send from.
#[derive(Debug, Clone)]
pub struct SmsConfig {
    /// The adapter: `twilio` (the only one so far).
    pub provider: String,
    /// The provider's API root, [`SmsConfig::TWILIO_BASE_URL`] when empty. Must be `https`,
    /// except `http` to a loopback host (a local stand-in in tests).
    pub base_url: String,
    /// Twilio account SID (`AC…`): the basic-auth user and part of the path.
    pub account_sid: String,
    /// Twilio auth token: the basic-auth password.
    pub auth_token: String,
    /// The sender: an E.164 number, or a messaging service SID (`MG…`), which is sent as
    /// `MessagingServiceSid` instead of `From`.
    pub from: String,
}

impl SmsConfig {
    /// Twilio's API root.
    pub const TWILIO_BASE_URL: &'static str = "https://api.twilio.com";
}

impl Default for SmsConfig {
    /// Twilio at its public API root; account, token and sender still to fill in.
    fn default() -> Self {
        SmsConfig {
            provider: "twilio".to_owned(),
            base_url: SmsConfig::TWILIO_BASE_URL.to_owned(),
            account_sid: String::new(),
            auth_token: String::new(),
            from: String::new(),
        }
    }
}

/// Sends one-time codes by SMS. Built once; cheap to share behind an `Arc`.
pub struct SmsGateway {
    provider: Twilio,
}

impl std::fmt::Debug for SmsGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The auth token is not shown.
        f.debug_struct("SmsGateway")
            .field("provider", &"twilio")
            .field("messages_uri", &self.provider.messages_uri)
            .finish_non_exhaustive()
    }
}

impl SmsGateway {
    /// Checks the configuration and builds the HTTP client; nothing is connected yet.
    pub fn new(cfg: &SmsConfig) -> Result<SmsGateway, NotifyError> {
        match cfg.provider.trim().to_ascii_lowercase().as_str() {
            "twilio" => Ok(SmsGateway {
                provider: Twilio::new(cfg)?,
            }),
            other => Err(NotifyError::Config(format!(
                "SMS provider {other:?}: expected \"twilio\""
            ))),
        }
    }

    /// Sends `msg` to the mobile number `to_e164` (`+491701234567`) and returns the
    /// provider's message id.
    pub async fn send_otp(&self, to_e164: &str, msg: &OtpMessage) -> Result<String, NotifyError> {
        check_e164(to_e164)?;
        self.provider.send(to_e164, &text::sms_body(msg)).await
    }

    /// Sends the code that proves an applicant holds the mobile number `to_e164` during an
    /// identification, and returns the provider's message id.
    pub async fn send_verification(
        &self,
        to_e164: &str,
        msg: &VerificationMessage,
    ) -> Result<String, NotifyError> {
        check_e164(to_e164)?;
        self.provider
            .send(to_e164, &text::verification_sms_body(msg))
            .await
    }
}

/// A plausibility check only (the server validates numbers properly): `+`, then 8 to 15
/// digits, the first not 0.
fn check_e164(number: &str) -> Result<(), NotifyError> {
    let digits = number.strip_prefix('+').unwrap_or("");
    let ok = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(())
    } else {
        Err(NotifyError::InvalidRecipient(format!(
            "{number:?} is not an E.164 number (+ and 8 to 15 digits)"
        )))
    }
}

enum Sender {
    Number(String),
    MessagingService(String),
}

struct Twilio {
    client: signet_http::Client,
    messages_uri: Uri,
    authorization: HeaderValue,
    sender: Sender,
}

#[derive(serde::Deserialize)]
struct TwilioMessage {
    sid: String,
}

/// Twilio's error body: `{code, message, more_info, status}`.
#[derive(serde::Deserialize)]
struct TwilioError {
    code: Option<u64>,
    message: Option<String>,
    more_info: Option<String>,
}

impl Twilio {
    fn new(cfg: &SmsConfig) -> Result<Self, NotifyError> {
        let sid = cfg.account_sid.trim();
        // The SID becomes part of the path: letters and digits only.
        if sid.is_empty() || !sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(NotifyError::Config(
                "Twilio account SID must be letters and digits (AC…)".into(),
            ));
        }
        if cfg.auth_token.is_empty() {
            return Err(NotifyError::Config("Twilio auth token is empty".into()));
        }
        let from = cfg.from.trim();
        let sender = if from.starts_with("MG") {
            Sender::MessagingService(from.to_owned())
        } else if from.is_empty() {
            return Err(NotifyError::Config("SMS sender is empty".into()));
        } else {
            Sender::Number(from.to_owned())
        };

        let base = if cfg.base_url.trim().is_empty() {
            SmsConfig::TWILIO_BASE_URL
        } else {
            cfg.base_url.trim()
        };
        let base_url = url::Url::parse(base)
            .map_err(|e| NotifyError::Config(format!("SMS base URL {base:?}: {e}")))?;
        match base_url.scheme() {
            "https" => {}
            "http" if is_loopback(&base_url) => {}
            _ => {
                return Err(NotifyError::Config(format!(
                    "SMS base URL {base:?} must be https (http only to a loopback host)"
                )));
            }
        }
        let messages_uri: Uri = format!(
            "{}/2010-04-01/Accounts/{sid}/Messages.json",
            base_url.as_str().trim_end_matches('/')
        )
        .parse()
        .map_err(|e| NotifyError::Config(format!("SMS base URL {base:?}: {e}")))?;

        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{}", cfg.auth_token));
        let mut authorization = HeaderValue::from_str(&format!("Basic {credentials}"))
            .map_err(|_| NotifyError::Config("Twilio credentials are not header-safe".into()))?;
        authorization.set_sensitive(true);

        Ok(Twilio {
            client: http_client()?,
            messages_uri,
            authorization,
            sender,
        })
    }

    async fn send(&self, to: &str, body: &str) -> Result<String, NotifyError> {
        // Built in its own scope: the serializer is not `Send`, and the future must be.
        let form = {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.append_pair("To", to);
            match &self.sender {
                Sender::Number(n) => form.append_pair("From", n),
                Sender::MessagingService(s) => form.append_pair("MessagingServiceSid", s),
            };
            form.append_pair("Body", body);
            form.finish()
        };
        let request = Request::post(self.messages_uri.clone())
            .header(AUTHORIZATION, self.authorization.clone())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, concat!("Signet/", env!("CARGO_PKG_VERSION")))
            .body(Bytes::from(form))
            .map_err(|e| NotifyError::Config(format!("SMS request: {e}")))?;

        let response = self
            .client
            .send(request, REQUEST_TIMEOUT, BodyLimit::Max(RESPONSE_LIMIT))
            .await
            .map_err(|e| match e {
                signet_http::Error::Timeout(_) => NotifyError::Unavailable(format!(
                    "Twilio did not answer within {} s",
                    REQUEST_TIMEOUT.as_secs()
                )),
                e => NotifyError::Unavailable(format!("Twilio: {e}")),
            })?;
        classify(response.status, &response.body)
    }
}

/// Turns Twilio's answer into the message SID or an error.
fn classify(status: StatusCode, body: &[u8]) -> Result<String, NotifyError> {
    if status.is_success() {
        return match serde_json::from_slice::<TwilioMessage>(body) {
            Ok(m) if !m.sid.is_empty() => Ok(m.sid),
            // Accepted but unintelligible: perhaps sent, so not worth a retry that could
            // send the code twice.
            _ => Err(NotifyError::Rejected {
                status: status.as_u16(),
                detail: format!("Twilio answered {status} without a message sid"),
            }),
        };
    }
    let error = serde_json::from_slice::<TwilioError>(body).ok();
    let detail = match &error {
        Some(TwilioError {
            code,
            message,
            more_info,
        }) => {
            let mut d = format!(
                "Twilio error {}: {}",
                code.map_or_else(|| "?".to_owned(), |c| c.to_string()),
                message.as_deref().unwrap_or("(no message)")
            );
            if let Some(more) = more_info {
                d.push_str(&format!(" ({more})"));
            }
            d
        }
        None => format!(
            "Twilio answered {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ),
    };
    if status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::REQUEST_TIMEOUT
        || status.is_server_error()
    {
        return Err(NotifyError::Unavailable(detail));
    }
    if status.is_client_error() {
        let code = error.and_then(|e| e.code);
        if code.is_some_and(|c| TWILIO_INVALID_RECIPIENT.contains(&c)) {
            return Err(NotifyError::InvalidRecipient(detail));
        }
        return Err(NotifyError::Rejected {
            status: status.as_u16(),
            detail,
        });
    }
    // 1xx or 3xx: redirects are not followed, the base URL is probably wrong.
    Err(NotifyError::Rejected {
        status: status.as_u16(),
        detail,
    })
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// rustls with ring and Mozilla's roots, HTTP/1.1, plain `http` allowed only because
/// [`Twilio::new`] admits it for loopback hosts alone.
fn http_client() -> Result<signet_http::Client, NotifyError> {
    signet_http::ClientBuilder::new()
        .allow_http(true)
        .connect_timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| NotifyError::Config(format!("SMS client: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SmsConfig {
        SmsConfig {
            provider: "twilio".into(),
            base_url: String::new(),
            account_sid: "AC0123456789abcdef0123456789abcdef".into(),
            auth_token: "secret-token".into(),
            from: "+15005550006".into(),
        }
    }

    #[test]
    fn e164_plausibility() {
        for ok in ["+491701234567", "+15005550006", "+12345678"] {
            assert!(check_e164(ok).is_ok(), "{ok}");
        }
        for bad in [
            "491701234567",
            "+0491701234567",
            "+1234567",
            "+1234567890123456",
            "+49 170 1234567",
            "",
        ] {
            assert!(
                matches!(check_e164(bad), Err(NotifyError::InvalidRecipient(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn configuration() {
        let g = SmsGateway::new(&config()).unwrap();
        assert_eq!(
            g.provider.messages_uri.to_string(),
            "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"
        );
        assert!(!format!("{g:?}").contains("secret"));

        let mut c = config();
        c.provider = "nexmo".into();
        assert!(matches!(SmsGateway::new(&c), Err(NotifyError::Config(_))));
        let mut c = config();
        c.base_url = "http://api.twilio.com".into();
        assert!(matches!(SmsGateway::new(&c), Err(NotifyError::Config(_))));
        let mut c = config();
        c.base_url = "http://127.0.0.1:8080/".into();
        assert!(SmsGateway::new(&c).is_ok());
        let mut c = config();
        c.account_sid = "AC/../x".into();
        assert!(matches!(SmsGateway::new(&c), Err(NotifyError::Config(_))));
    }

    #[test]
    fn answers() {
        assert_eq!(
            classify(StatusCode::CREATED, br#"{"sid":"SM123","status":"queued"}"#).unwrap(),
            "SM123"
        );
        let invalid = br#"{"code":21614,"message":"'To' number is not a valid mobile number","more_info":"https://www.twilio.com/docs/errors/21614","status":400}"#;
        assert!(matches!(
            classify(StatusCode::BAD_REQUEST, invalid),
            Err(NotifyError::InvalidRecipient(_))
        ));
        let auth = br#"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#;
        match classify(StatusCode::UNAUTHORIZED, auth) {
            Err(NotifyError::Rejected {
                status: 401,
                detail,
            }) => {
                assert!(detail.contains("20003"), "{detail}")
            }
            other => panic!("{other:?}"),
        }
        let e = classify(StatusCode::TOO_MANY_REQUESTS, b"").unwrap_err();
        assert!(e.is_retryable());
        let e = classify(StatusCode::BAD_GATEWAY, b"<html>").unwrap_err();
        assert!(e.is_retryable());
    }
}
