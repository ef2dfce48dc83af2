//! Live-mode delivery of one-time codes: email over SMTP and SMS through a provider adapter
//! (`signet-notify`), as configured by the operator.

use crate::config::Config;
use signet_core::signing::{OTP_VALIDITY, Signer};
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
    pub result: Result<(), NotifyError>,
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

    /// Whether at least one configured channel can reach this signer.
    pub fn can_reach(&self, signer: &Signer) -> bool {
        (self.mailer.is_some() && signer.email.is_some())
            || (self.sms.is_some() && signer.phone.is_some())
    }

    /// Sends the code on every channel the signer has and the operator configured.
    pub async fn send(
        &self,
        signer: &Signer,
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
        if let (Some(m), Some(to)) = (&self.mailer, &signer.email) {
            out.push(Sent {
                channel: "email",
                result: m.send_otp(to, &msg).await,
            });
        }
        if let (Some(g), Some(to)) = (&self.sms, &signer.phone) {
            out.push(Sent {
                channel: "sms",
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
fn _assert_send(n: &Notifier, s: &Signer) {
    fn is_send<T: Send>(_: T) {}
    is_send(n.send(s, "", "", ""));
}
