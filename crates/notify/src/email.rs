//! Email over SMTP with lettre.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart, header};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use percent_encoding::percent_decode_str;

use crate::{NotifyError, OtpMessage, text};

/// Limit on each SMTP step: connecting, the TLS handshake, every command and its reply.
const STEP_TIMEOUT: Duration = Duration::from_secs(10);
/// Limit on a whole delivery, however many steps it takes.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Where and as whom email is sent.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    /// `smtp://user:pass@host:port` (STARTTLS required, port 587 by default),
    /// `smtps://user:pass@host:port` (implicit TLS, port 465 by default) or
    /// `smtp+plain://host:port` (no TLS, port 25 by default; development and tests only).
    /// User name and password are percent-encoded.
    pub url: String,
    /// The sender, as in `Signet <no-reply@example.com>`.
    pub from: String,
}

/// Sends one-time codes by email. Built once; cheap to share behind an `Arc`.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Right-hand side of the Message-IDs: the sender's domain.
    domain: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the credentials: not shown.
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// Checks the configuration and prepares the transport; nothing is connected yet.
    pub fn new(cfg: &SmtpConfig) -> Result<Mailer, NotifyError> {
        let from: Mailbox = cfg
            .from
            .parse()
            .map_err(|e| NotifyError::Config(format!("sender {:?}: {e}", cfg.from)))?;
        let domain = from.email.domain().to_owned();
        let transport = transport(&cfg.url, &domain)?;
        Ok(Mailer {
            transport,
            from,
            domain,
        })
    }

    /// Sends `msg` to the address `to` (`ada@example.com` or `Ada <ada@example.com>`).
    pub async fn send_otp(&self, to: &str, msg: &OtpMessage) -> Result<(), NotifyError> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| NotifyError::InvalidRecipient(format!("email address {to:?}: {e}")))?;
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(text::email_subject(msg))
            .message_id(Some(message_id(&self.domain)))
            // RFC 3834: tells mail servers and clients not to send vacation replies.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".to_owned(),
            ))
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .header(header::ContentTransferEncoding::QuotedPrintable)
                            .body(text::email_text(msg)),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .header(header::ContentTransferEncoding::QuotedPrintable)
                            .body(text::email_html(msg)),
                    ),
            )
            .map_err(|e| NotifyError::InvalidRecipient(format!("message not built: {e}")))?;
        match tokio::time::timeout(SEND_TIMEOUT, self.transport.send(email)).await {
            Err(_) => Err(NotifyError::Unavailable(format!(
                "SMTP delivery took longer than {} s",
                SEND_TIMEOUT.as_secs()
            ))),
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(classify(&e)),
        }
    }
}

/// Builds the transport from the URL. The schemes are ours rather than lettre's `?tls=`
/// convention, so that the plain one says so in its name.
fn transport(
    url: &str,
    default_hello: &str,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, NotifyError> {
    // The URL holds a password: errors name its parts, never the whole.
    let parsed = url::Url::parse(url).map_err(|e| NotifyError::Config(format!("SMTP URL: {e}")))?;
    let host = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| NotifyError::Config("SMTP URL without a host".into()))?;
    // `[::1]` in the URL, `::1` for the connection and the certificate check.
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let tls_parameters = || {
        TlsParameters::new(host.clone())
            .map_err(|e| NotifyError::Config(format!("SMTP TLS parameters: {e}")))
    };
    let (tls, default_port) = match parsed.scheme() {
        "smtp" => (Tls::Required(tls_parameters()?), 587),
        "smtps" => (Tls::Wrapper(tls_parameters()?), 465),
        "smtp+plain" => (Tls::None, 25),
        other => {
            return Err(NotifyError::Config(format!(
                "SMTP URL scheme {other:?}: expected smtp, smtps or smtp+plain"
            )));
        }
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(parsed.port().unwrap_or(default_port))
        .tls(tls)
        .timeout(Some(STEP_TIMEOUT))
        .hello_name(ClientId::Domain(default_hello.to_owned()));
    if !parsed.username().is_empty() {
        let decode = |s: &str, what: &str| {
            percent_decode_str(s)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| NotifyError::Config(format!("SMTP {what} is not UTF-8")))
        };
        let user = decode(parsed.username(), "user name")?;
        let password = decode(parsed.password().unwrap_or(""), "password")?;
        builder = builder.credentials(Credentials::new(user, password));
    }
    Ok(builder.build())
}

/// Sorts lettre's error into ours.
fn classify(e: &lettre::transport::smtp::Error) -> NotifyError {
    let detail = e.to_string();
    if e.is_permanent() {
        let status = e.status().map(u16::from).unwrap_or(500);
        // Enhanced status codes (RFC 3463) 5.1.1 bad mailbox, 5.1.2 bad domain, 5.1.3 bad
        // address syntax, 5.1.10 null MX: the address itself is unusable.
        let bad_address = ["5.1.1 ", "5.1.2 ", "5.1.3 ", "5.1.10 "]
            .iter()
            .any(|c| detail.contains(c));
        if bad_address {
            NotifyError::InvalidRecipient(detail)
        } else {
            NotifyError::Rejected { status, detail }
        }
    } else if e.is_client() {
        // The client refused to go on, e.g. STARTTLS required but not offered, or no
        // authentication mechanism in common: the configuration does not fit the server.
        NotifyError::Config(format!("SMTP: {detail}"))
    } else {
        // Transient 4xx replies, timeouts, refused connections, TLS handshakes.
        NotifyError::Unavailable(format!("SMTP: {detail}"))
    }
}

/// A Message-ID: 128 random bits (std's randomly keyed SipHash over a process-wide counter)
/// at the sender's domain. lettre's own would say `localhost` without its `hostname` feature.
fn message_id(domain: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let random = |salt: u64| {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(n);
        hasher.write_u64(salt);
        hasher.finish()
    };
    format!("<{:016x}{:016x}@{domain}>", random(0), random(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: &str) -> SmtpConfig {
        SmtpConfig {
            url: url.into(),
            from: "Signet <no-reply@example.com>".into(),
        }
    }

    #[test]
    fn schemes() {
        for ok in [
            "smtp://user:p%40ss@mail.example.com",
            "smtps://user:pass@mail.example.com:465",
            "smtp+plain://127.0.0.1:2525",
            "smtp://[::1]:587",
        ] {
            Mailer::new(&config(ok)).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in ["http://mail.example.com", "mail.example.com", "smtp://"] {
            assert!(
                matches!(Mailer::new(&config(bad)), Err(NotifyError::Config(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn errors_do_not_show_the_password() {
        let e = Mailer::new(&config("smtpx://user:secret@host")).unwrap_err();
        assert!(!e.to_string().contains("secret"), "{e}");
        let m = Mailer::new(&config("smtp://user:secret@host")).unwrap();
        assert!(!format!("{m:?}").contains("secret"));
    }

    #[test]
    fn message_ids_differ() {
        let a = message_id("example.com");
        let b = message_id("example.com");
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@example.com>"), "{a}");
    }

    #[test]
    fn bad_sender_is_a_config_error() {
        let mut cfg = config("smtp+plain://127.0.0.1:25");
        cfg.from = "not an address".into();
        assert!(matches!(Mailer::new(&cfg), Err(NotifyError::Config(_))));
    }
}
