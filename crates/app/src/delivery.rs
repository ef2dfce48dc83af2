//! Live-mode delivery of one-time codes: email over SMTP and SMS through a provider adapter
//! (`signet-notify`), as configured by the operator.

use crate::config::Config;
use signet_core::signing::{Level, OTP_VALIDITY, Signer};
use signet_notify::{
    Language, Mailer, NotifyError, OtpMessage, SmsConfig, SmsGateway, SmtpConfig,
    VerificationMessage,
};

/// The configured channels; `None` from [`Notifier::from_config`] when there are none.
#[derive(Debug)]
pub struct Notifier {
    mailer: Option<Mailer>,
    sms: Option<SmsGateway>,
}

/// What happened on one channel.
#[derive(Debug)]
pub struct Sent {
    pub channel: &'static str,
    /// The destination, masked for the audit trail.
    pub to: String,
    pub result: Result<(), NotifyError>,
}

/// Where a signer's one-time code goes. A `simple` signature reaches the signer at the
/// email address and phone the integrator gave; an `advanced` one only at the mobile number
/// the person's identification verified, so whoever sends the document cannot redirect the
/// code that authenticates the identified person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtpRoute {
    pub email: Option<String>,
    pub sms: Option<String>,
    /// True when `sms` is the identification's verified number.
    pub verified_number: bool,
}

impl OtpRoute {
    pub fn for_signer(level: Level, signer: &Signer, verified_number: Option<&str>) -> OtpRoute {
        match level {
            Level::Simple => OtpRoute {
                email: signer.email.clone(),
                sms: signer.phone.clone(),
                verified_number: false,
            },
            Level::Advanced | Level::Qualified => OtpRoute {
                email: None,
                sms: verified_number.map(str::to_owned),
                verified_number: verified_number.is_some(),
            },
        }
    }

    /// The destinations, masked, for the audit trail and the API's answer.
    pub fn masked(&self) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        if let Some(e) = &self.email {
            out.push(serde_json::json!({"channel": "email", "to": mask_email(e)}));
        }
        if let Some(n) = &self.sms {
            out.push(serde_json::json!({
                "channel": "sms",
                "to": mask_number(n),
                "verified_number": self.verified_number,
            }));
        }
        out
    }
}

/// `+4915112345678` → `+49•••••••5678`: enough to tell numbers apart, not to dial one.
pub fn mask_number(n: &str) -> String {
    let chars: Vec<char> = n.chars().collect();
    if chars.len() <= 7 {
        return "•".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "•".repeat(chars.len() - 7))
}

/// `ana@example.com` → `a••@example.com`.
pub fn mask_email(e: &str) -> String {
    match e.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}••@{domain}")
        }
        None => "••".to_owned(),
    }
}

impl Notifier {
    pub fn from_config(config: &Config) -> Result<Option<Notifier>, String> {
        let mailer = match &config.smtp_url {
            None => None,
            Some(url) => Some(
                Mailer::new(&SmtpConfig {
                    url: url.expose().to_owned(),
                    from: config
                        .smtp_from
                        .clone()
                        .unwrap_or_else(|| "Signet <no-reply@localhost>".to_owned()),
                })
                .map_err(|e| format!("smtp_url: {e}"))?,
            ),
        };
        let sms = match (
            &config.sms_account_sid,
            &config.sms_auth_token,
            &config.sms_from,
        ) {
            (Some(sid), Some(token), Some(from)) => Some(
                SmsGateway::new(&SmsConfig {
                    provider: config.sms_provider.clone(),
                    base_url: config
                        .sms_base_url
                        .clone()
                        .unwrap_or_else(|| SmsConfig::TWILIO_BASE_URL.to_owned()),
                    account_sid: sid.clone(),
                    auth_token: token.expose().to_owned(),
                    from: from.clone(),
                })
                .map_err(|e| format!("sms: {e}"))?,
            ),
            (None, None, None) => None,
            _ => {
                return Err("sms_account_sid, sms_auth_token and sms_from go together".to_owned());
            }
        };
        Ok((mailer.is_some() || sms.is_some()).then_some(Notifier { mailer, sms }))
    }

    /// Whether at least one configured channel can follow this route.
    pub fn can_reach(&self, route: &OtpRoute) -> bool {
        (self.mailer.is_some() && route.email.is_some())
            || (self.sms.is_some() && route.sms.is_some())
    }

    /// Sends the code on every channel of the route the operator configured.
    pub async fn send(
        &self,
        signer: &Signer,
        route: &OtpRoute,
        document: &str,
        issuer: &str,
        code: &str,
    ) -> Vec<Sent> {
        let msg = OtpMessage {
            code: code.to_owned(),
            signer_name: signer.name.clone(),
            document_name: document.to_owned(),
            issuer: issuer.to_owned(),
            valid_minutes: OTP_VALIDITY.num_minutes() as u32,
            language: Language::En,
        };
        let mut out = Vec::new();
        if let (Some(m), Some(to)) = (&self.mailer, &route.email) {
            out.push(Sent {
                channel: "email",
                to: mask_email(to),
                result: m.send_otp(to, &msg).await,
            });
        }
        if let (Some(g), Some(to)) = (&self.sms, &route.sms) {
            out.push(Sent {
                channel: "sms",
                to: mask_number(to),
                result: g.send_otp(to, &msg).await.map(|_| ()),
            });
        }
        out
    }
}

impl Notifier {
    /// Whether SMS is configured, so an applicant's mobile number can be verified.
    pub fn can_text(&self) -> bool {
        self.sms.is_some()
    }

    /// Sends the code that verifies an applicant's mobile number during an identification.
    pub async fn send_verification(
        &self,
        to: &str,
        msg: &VerificationMessage,
    ) -> Result<(), NotifyError> {
        match &self.sms {
            Some(g) => g.send_verification(to, msg).await.map(|_| ()),
            None => Err(NotifyError::Config("no SMS provider is configured".into())),
        }
    }
}

#[allow(dead_code)]
fn _assert_send(n: &Notifier, s: &Signer, r: &OtpRoute) {
    fn is_send<T: Send>(_: T) {}
    is_send(n.send(s, r, "", "", ""));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_masked() {
        assert_eq!(mask_number("+4915112345678"), "+49•••••••5678");
        assert_eq!(mask_number("+4930"), "•••••");
        assert_eq!(mask_email("ana@example.com"), "a••@example.com");
    }
}
