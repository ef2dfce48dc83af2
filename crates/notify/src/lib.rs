//! One-time codes for document signers in live mode, by email and by SMS.
//!
//! In live mode a signer proves control of the email address or mobile number the issuer
//! entered by typing back a short code. This crate only delivers that code; generating,
//! hashing, expiring and counting attempts is the server's business.
//!
//! # Email
//!
//! [`Mailer`] sends one message per code over SMTP with [`lettre`], configured by
//! [`SmtpConfig`]:
//!
//! | `url` | transport | default port |
//! | --- | --- | --- |
//! | `smtp://user:pass@host:port` | plain connection upgraded with STARTTLS, which is **required**: a server that does not offer it is refused | 587 |
//! | `smtps://user:pass@host:port` | implicit TLS from the first byte | 465 |
//! | `smtp+plain://host:port` | no TLS at all: development and tests only | 25 |
//!
//! STARTTLS is required rather than opportunistic because an attacker on the path can strip
//! the `STARTTLS` capability from the server's greeting; the client would then send the
//! credentials and the code in clear. User name and password are percent-decoded from the
//! URL. The EHLO name is the domain of [`SmtpConfig::from`]. TLS is rustls with the ring
//! provider and Mozilla's root certificates. Each SMTP step (connect, TLS, every command)
//! times out after 10 seconds, a whole delivery after 30.
//!
//! The message is `multipart/alternative` with a text and an HTML part, in English or
//! German ([`Language`]). The subject names the document but never carries the code:
//! subjects are shown on lock screens and in notification previews.
//!
//! Why lettre: it is the maintained SMTP client of the Rust ecosystem, pure Rust, async on
//! tokio, and can be built without native-tls/OpenSSL on the rustls and ring the workspace
//! already uses. Its default features (native-tls, a connection pool, the `hostname` crate)
//! are switched off: a code is a single message, and a pooled connection would mostly sit
//! idle until the server drops it.
//!
//! # SMS
//!
//! [`SmsGateway`] sends the code through a provider adapter chosen by
//! [`SmsConfig::provider`]. The only provider so far is `twilio`, spoken over Twilio's
//! Messages API (`POST {base_url}/2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP basic
//! authentication with the account SID and auth token, form fields `To`, `From` or
//! `MessagingServiceSid`, `Body`). A `from` that starts with `MG` is a messaging service SID,
//! anything else a sender number. `base_url` must be `https`, except `http` to a loopback
//! host for a local stand-in. The HTTP client is `signet-http`'s (rustls with ring and
//! Mozilla's roots), the one every outbound call uses; a request times out after 10 seconds.
//!
//! # Errors
//!
//! Every failure is a [`NotifyError`]; [`NotifyError::is_retryable`] tells whether the same
//! send may succeed later (network trouble, timeouts, SMTP 4xx, HTTP 429 and 5xx).
//! [`NotifyError::InvalidRecipient`] means the address or number itself is unusable
//! (malformed, or refused by the provider as such); the server answers it with status code
//! 6010.

mod email;
mod sms;
mod text;

pub use email::{Mailer, SmtpConfig};
pub use sms::{SmsConfig, SmsGateway};

/// The language of the message, from the signer's record or the browser's preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, also for every language without a translation.
    #[default]
    En,
    /// German.
    De,
}

impl Language {
    /// The language for a BCP 47 tag such as `de`, `de-AT` or `en-GB`: German for any `de`
    /// tag, English otherwise.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Language::De
        } else {
            Language::En
        }
    }
}

/// What a signer is told along with the code.
#[derive(Debug, Clone)]
pub struct OtpMessage {
    /// The one-time code, as the signer types it.
    pub code: String,
    /// The signer's name, for the greeting.
    pub signer_name: String,
    /// The document's name, so the signer knows what the code is for.
    pub document_name: String,
    /// Who asked for the signature (the tenant's display name).
    pub issuer: String,
    /// How long the code stays valid.
    pub valid_minutes: u32,
    /// The language of the message.
    pub language: Language,
}

/// What an applicant is told with the code that verifies their mobile number.
#[derive(Debug, Clone)]
pub struct VerificationMessage {
    /// The code, as the applicant types it.
    pub code: String,
    /// Who asked for the identification (the tenant's display name).
    pub issuer: String,
    /// How long the code stays valid.
    pub valid_minutes: u32,
    /// The language of the message.
    pub language: Language,
}

/// Why a code was not delivered.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// The configuration is unusable (bad URL, unknown provider, bad sender), or the server
    /// does not offer what it requires (STARTTLS). Not retryable.
    #[error("notification configuration: {0}")]
    Config(String),
    /// The recipient is not a usable email address or E.164 mobile number, or the provider
    /// refused it as such. Not retryable; the server answers it with status code 6010.
    #[error("invalid recipient: {0}")]
    InvalidRecipient(String),
    /// The provider or mail server refused the message permanently: `status` is the SMTP
    /// reply code or the HTTP status. Not retryable.
    #[error("refused ({status}): {detail}")]
    Rejected {
        /// SMTP reply code (5xx) or HTTP status (4xx).
        status: u16,
        /// The provider's explanation.
        detail: String,
    },
    /// The provider or mail server could not be reached or failed temporarily (network,
    /// timeout, TLS handshake, SMTP 4xx, HTTP 429 or 5xx). Retryable.
    #[error("temporarily unavailable: {0}")]
    Unavailable(String),
}

impl NotifyError {
    /// Whether the same send may succeed when tried again later.
    pub fn is_retryable(&self) -> bool {
        matches!(self, NotifyError::Unavailable(_))
    }
}
