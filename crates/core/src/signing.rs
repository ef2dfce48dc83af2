//! Documents and their signers: the signature workflow of seed 000 for each signer, the
//! document statuses of seed 004, and the rules of the SPEC (time windows, one-time codes,
//! identity-validation failures, sequential order).
//!
//! Everything here is pure: the caller loads a [`Workflow`] (a document with all its signers),
//! calls one operation with `now` on the tenant clock, and stores what changed together with
//! the [`Effects`] (events, timers, audit entries) in one transaction. Producing the signature
//! itself needs the PDF and the CA, so an operation that ends in a signature asks for it
//! ([`Effects::sign`]) and the caller reports back with [`Workflow::signed`] or
//! [`Workflow::signing_failed`].

pub mod create;
pub mod fields;

use crate::catalog::ErrorCode;
use crate::identification::Status as IdentStatus;
use crate::ids::{DocumentId, PersonId, SignerId};
use crate::time::Timestamp;
use chrono::Duration;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// A signer must approve within 2 hours of being asked (seed 000).
pub const APPROVE_WINDOW: Duration = Duration::hours(2);
/// And confirm within 1 hour of approving.
pub const CONFIRM_WINDOW: Duration = Duration::hours(1);
/// 24 hours after being asked without a signature, the workflow ends in `error` 6008.
pub const WORKFLOW_TIMEOUT: Duration = Duration::hours(24);
/// A one-time code is valid 10 minutes.
pub const OTP_VALIDITY: Duration = Duration::minutes(10);
/// Five wrong codes kill the code (return code 108).
pub const OTP_MAX_ATTEMPTS: u32 = 5;

/// What a signer's stored code is when the trust service provider sends and judges it
/// (CSC `credentials/sendOTP`): Signet holds no hash of it.
pub const PROVIDER_CHECKED_CODE: &str = "provider:credentials/sendOTP";

/// Whether a stored code is one the provider judges ([`PROVIDER_CHECKED_CODE`]).
pub fn code_checked_by_provider(stored: &str) -> bool {
    stored == PROVIDER_CHECKED_CODE
}
/// The third failed identity validation blocks the signer (return code 66).
pub const MAX_FAILED_VALIDATIONS: u32 = 3;
/// An identification older than this asks for a selfie (3105).
pub const IDENTIFICATION_FRESHNESS: Duration = Duration::hours(24);
/// The code every test-mode signer receives.
pub const SANDBOX_OTP: &str = "123456";

macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($word => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

word_enum!(
    /// `simple`: authenticated by a one-time code, sealed by Signet on the signer's behalf.
    /// `advanced`: bound to a verified identity, with a certificate issued to the signer.
    /// `qualified`: bound to a verified identity like `advanced`, the signature made by a
    /// qualified trust service provider through the Cloud Signature Consortium API (in test
    /// mode by a stand-in with the test CA, which is no qualified signature).
    Level { Simple => "simple", Advanced => "advanced", Qualified => "qualified" }
);

impl Level {
    /// Whether the signer must be an identified person (eligibility, seed 000's statuses):
    /// `advanced` and `qualified`.
    pub fn identified(self) -> bool {
        matches!(self, Level::Advanced | Level::Qualified)
    }
}
word_enum!(
    /// Everyone at once, or one after the other in the order given.
    SigningOrder { Parallel => "parallel", Sequential => "sequential" }
);
word_enum!(
    /// A document's status (SPEC's table; the webhook words are [`DocumentEvent::word`]).
    DocumentStatus {
        Pending => "pending",
        Rejected => "rejected",
        Blocked => "blocked",
        Expired => "expired",
        Finished => "finished",
        Canceled => "canceled",
    }
);
word_enum!(
    /// A signer's status: seed 000's workflow plus `rejected` and `blocked`.
    SignerStatus {
        New => "new",
        Pending => "pending",
        SelfieRequired => "selfie_required",
        KycRequired => "kyc_required",
        UserConsentRequired => "user_consent_required",
        ConfirmationRequired => "confirmation_required",
        PendingVerification => "pending_verification",
        InvalidSignature => "invalid_signature",
        Signed => "signed",
        Error => "error",
        Rejected => "rejected",
        Blocked => "blocked",
    }
);

impl Signer {
    /// Held for good: `kyc_required` with a final code ([`FINAL_KYC_CODES`]).
    pub fn is_held_for_good(&self) -> bool {
        self.status == SignerStatus::KycRequired
            && self
                .status_codes
                .iter()
                .any(|c| FINAL_KYC_CODES.contains(c))
    }
}

impl SignerStatus {
    /// Statuses in which the signer is still at work (the 24-hour limit applies).
    fn is_waiting_for_signer(self) -> bool {
        matches!(
            self,
            SignerStatus::UserConsentRequired
                | SignerStatus::ConfirmationRequired
                | SignerStatus::SelfieRequired
                | SignerStatus::Pending
        )
    }

    /// Statuses from which the integrator may open a fresh window (`resend`).
    fn can_resend(self) -> bool {
        matches!(
            self,
            SignerStatus::UserConsentRequired
                | SignerStatus::ConfirmationRequired
                | SignerStatus::SelfieRequired
                | SignerStatus::KycRequired
                | SignerStatus::Error
                | SignerStatus::InvalidSignature
                | SignerStatus::Pending
        )
    }
}

/// Codes of `kyc_required` that are final (seed 000: "You can't retry"): the signer stays as
/// they are whatever changes later; the integrator starts a new workflow.
pub const FINAL_KYC_CODES: &[u32] = &[1035];

/// Status codes after which the signer may simply approve again (seed 000: "Re-approve the
/// documents to sign" / "Re-confirm the signature").
pub const RETRYABLE_ERRORS: &[u32] = &[6002, 6003, 6005, 6006];

/// Status codes after which the signer may confirm again with the code they confirmed with,
/// while it and the confirmation window last (seed 000: "Re-confirm the signature").
pub const RECONFIRMABLE_ERRORS: &[u32] = &[6005, 6006];

/// When a document timestamp that failed (6007) is tried again, after the previous try, on
/// the tenant clock; after the last, the signer keeps 6007.
pub const FINISH_RETRY_DELAYS: [Duration; 5] = [
    Duration::minutes(1),
    Duration::minutes(5),
    Duration::minutes(30),
    Duration::hours(2),
    Duration::hours(6),
];

/// A one-time code as stored: only its keyed hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Otp {
    pub hash: String,
    pub issued_at: Timestamp,
    pub expires_at: Timestamp,
}

/// A selfie handed in for a reviewer to compare with the identification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selfie {
    pub submitted_at: Timestamp,
    pub blob_key: String,
    pub sha256: String,
    /// `None` while waiting for the reviewer.
    pub accepted: Option<bool>,
    pub reviewed_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    pub id: SignerId,
    pub document_id: DocumentId,
    /// 0-based place in the signing order.
    pub position: u32,
    pub name: String,
    pub email: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    pub person_id: Option<PersonId>,
    pub status: SignerStatus,
    pub status_codes: Vec<u32>,
    /// The secret of the hosted page's URL.
    pub token: String,
    /// Bumped by every fresh window, so timers of an earlier window are ignored.
    pub window: u32,
    pub asked_at: Option<Timestamp>,
    pub approve_by: Option<Timestamp>,
    pub approved_at: Option<Timestamp>,
    pub confirm_by: Option<Timestamp>,
    pub otp: Option<Otp>,
    /// Wrong codes since the last killed code; carried over to a new code, so asking for a
    /// new code does not buy more guesses.
    pub otp_failures: u32,
    /// Failed identity validations (killed codes, rejected selfies); the third blocks.
    pub failed_validations: u32,
    pub selfie: Option<Selfie>,
    pub signed_at: Option<Timestamp>,
    pub rejected_at: Option<Timestamp>,
    /// The signer's message on rejection, or why they were blocked.
    pub message: Option<String>,
    /// The subject of the certificate that signed (advanced), or the seal's.
    pub certificate_subject: Option<String>,
    /// Blob key of the signature picture given on approval (drawn, typed or uploaded): the
    /// appearance of the signer's signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_picture: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocumentId,
    pub name: String,
    pub status: DocumentStatus,
    pub level: Level,
    pub order: SigningOrder,
    pub expires_at: Option<Timestamp>,
    pub tags: Vec<String>,
    pub custom: Vec<String>,
    /// The integrator's document number, unique in the tenant and mode.
    #[serde(default)]
    pub number: Option<String>,
    /// When the signers whose turn it is are reminded.
    #[serde(default)]
    pub reminders: Option<Reminders>,
    pub pages: u32,
    pub size: u64,
    pub original_sha256: String,
    /// The hash of the file as signed so far.
    pub current_sha256: String,
    /// Blob key of the file as signed so far.
    pub file_key: String,
    pub original_key: String,
    /// Signatures added by Signet (signers, then the closing document timestamp).
    pub revisions: u32,
    /// REJECTED's message, or BLOCKED's reason.
    pub message: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

/// Reminders of a document's signers, in seconds of the tenant clock: a signer whose turn it
/// is and who has not finished is reminded `after` seconds after being asked, then every
/// `every` seconds, at most `max` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    pub after: u32,
    pub every: u32,
    pub max: u32,
}

impl Reminders {
    /// When a signer asked at `asked_at`, reminded `sent` times so far, the last time at
    /// `last`, is due for the next reminder; `None` once `max` were sent.
    pub fn next_due(
        &self,
        asked_at: Timestamp,
        sent: u32,
        last: Option<Timestamp>,
    ) -> Option<Timestamp> {
        if sent >= self.max {
            return None;
        }
        let first = asked_at + Duration::seconds(i64::from(self.after));
        Some(match last {
            Some(l) if sent > 0 => (l + Duration::seconds(i64::from(self.every))).max(first),
            Some(l) => (l + Duration::hours(1)).max(first),
            None => first,
        })
    }
}

impl Signer {
    /// Whether it is the signer's turn and they have not finished: asked, and in a status in
    /// which they still have something to do (those the 24-hour limit applies to).
    pub fn awaits_action(&self) -> bool {
        self.asked_at.is_some() && self.status.is_waiting_for_signer()
    }
}

/// A document and all its signers, ordered by position.
#[derive(Debug, Clone, PartialEq)]
pub struct Workflow {
    pub document: Document,
    pub signers: Vec<Signer>,
}

/// What Signet knows about a signer's identity when it decides eligibility (SPEC's table).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Eligibility {
    pub flagged_by_compliance: bool,
    /// The person's latest identification.
    pub identification: Option<IdentityFacts>,
    pub open_hit: bool,
    pub confirmed_hit: bool,
    /// The signing session's country is on the tenant's prohibited list.
    pub prohibited_country: bool,
    /// The device model and phone number of the signing session, when known.
    pub session_device_model: Option<String>,
    pub session_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IdentityFacts {
    pub status: IdentStatus,
    pub completed_at: Option<Timestamp>,
    /// False when the identified document type is not accepted for the nationality.
    pub document_supported: bool,
    pub document_expired: bool,
    pub device_model: Option<String>,
    pub phone: Option<String>,
}

/// The status and codes a signer gets when asked, by the SPEC's eligibility table.
/// `selfie_cleared` is true when a reviewer accepted a selfie in the current window.
pub fn assess(
    level: Level,
    facts: &Eligibility,
    selfie_cleared: bool,
    now: Timestamp,
) -> (SignerStatus, Vec<u32>) {
    if level == Level::Simple {
        return (SignerStatus::UserConsentRequired, Vec::new());
    }
    let mut kyc = Vec::new();
    if facts.open_hit {
        kyc.push(140);
    }
    match &facts.identification {
        None => kyc.push(1201),
        Some(i) => match i.status {
            IdentStatus::Failed => kyc.push(1202),
            IdentStatus::Successful | IdentStatus::PendingSuccessful => {
                if !i.document_supported {
                    kyc.push(1021);
                }
                if i.document_expired {
                    kyc.push(3204);
                }
            }
            _ => kyc.push(1201),
        },
    }
    if facts.flagged_by_compliance {
        kyc.push(1035);
    }
    if facts.confirmed_hit {
        kyc.push(4110);
    }
    if facts.prohibited_country {
        kyc.push(4145);
    }
    if !kyc.is_empty() {
        kyc.sort_unstable();
        return (SignerStatus::KycRequired, kyc);
    }
    let mut selfie = Vec::new();
    if let Some(i) = &facts.identification {
        if i.completed_at
            .is_some_and(|t| now - t > IDENTIFICATION_FRESHNESS)
        {
            selfie.push(3105);
        }
        if differs(&i.device_model, &facts.session_device_model) {
            selfie.push(3541);
        }
        if differs(&i.phone, &facts.session_phone) {
            selfie.push(3550);
        }
    }
    if !selfie.is_empty() && !selfie_cleared {
        return (SignerStatus::SelfieRequired, selfie);
    }
    (SignerStatus::UserConsentRequired, Vec::new())
}

fn differs(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// How the identification a `pending_verification` signer waited for ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentificationOutcome {
    /// Successful with the data the signer confirmed with: the signature is made.
    Successful,
    /// Successful, but it confirmed other personal data (the sandbox's CHANGEALLREVIEW): the
    /// signature's details would not match the identification (3311).
    SuccessfulWithOtherData,
    /// Failed, or left review canceled or aborted (3311).
    NotSuccessful,
}

/// Timers a workflow arms, due on the tenant clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Timer {
    /// 24 hours after a signer was asked.
    SignerTimeout {
        document_id: DocumentId,
        signer_id: SignerId,
        window: u32,
    },
    /// The document's `expires_at`.
    DocumentExpiry { document_id: DocumentId },
    /// Try again the document timestamp that failed after `signer_id`'s signature (6007);
    /// `attempt` counts the tries again from 1.
    FinishRetry {
        document_id: DocumentId,
        signer_id: SignerId,
        attempt: u32,
    },
}

impl Timer {
    pub fn document_id(&self) -> &DocumentId {
        match self {
            Timer::SignerTimeout { document_id, .. }
            | Timer::DocumentExpiry { document_id }
            | Timer::FinishRetry { document_id, .. } => document_id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub due: Timestamp,
    pub timer: Timer,
}

/// A document webhook (seed 004's words).
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentEvent {
    Created,
    SignerSigned(SignerId),
    SignerRejected(SignerId),
    Rejected(SignerId),
    Blocked(SignerId),
    Expired,
    Finished,
}

impl DocumentEvent {
    /// The event type of the webhook.
    pub fn event_type(&self) -> &'static str {
        match self {
            DocumentEvent::Created => "document.created",
            DocumentEvent::SignerSigned(_) => "document.signer_signed",
            DocumentEvent::SignerRejected(_) => "document.signer_rejected",
            DocumentEvent::Rejected(_) => "document.rejected",
            DocumentEvent::Blocked(_) => "document.blocked",
            DocumentEvent::Expired => "document.expired",
            DocumentEvent::Finished => "document.finished",
        }
    }

    /// Seed 004's status word.
    pub fn word(&self) -> &'static str {
        match self {
            DocumentEvent::Created => "CREATE",
            DocumentEvent::SignerSigned(_) => "NOTIFICATION",
            DocumentEvent::SignerRejected(_) => "REJECT",
            DocumentEvent::Rejected(_) => "REJECTED",
            DocumentEvent::Blocked(_) => "BLOCKED",
            DocumentEvent::Expired => "EXPIRED",
            DocumentEvent::Finished => "FINISH",
        }
    }

    /// The signer the payload names. Seed 004 gives `signer` only for NOTIFICATION, BLOCKED
    /// and REJECTED: REJECT says that someone rejected, and the REJECTED right after it says
    /// who, with their message.
    pub fn signer(&self) -> Option<&SignerId> {
        match self {
            DocumentEvent::SignerSigned(s)
            | DocumentEvent::Rejected(s)
            | DocumentEvent::Blocked(s) => Some(s),
            DocumentEvent::SignerRejected(_)
            | DocumentEvent::Created
            | DocumentEvent::Expired
            | DocumentEvent::Finished => None,
        }
    }
}

/// One entry for the document's audit trail; the caller adds time, actor, IP, user agent,
/// the document's hash and the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecord {
    pub action: &'static str,
    pub signer_id: Option<SignerId>,
    pub details: Value,
}

/// What an operation asks the caller to store or do besides saving the workflow.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// Signers whose status or codes changed: `signature.status_changed` each.
    pub signers_changed: Vec<SignerId>,
    /// Signers found eligible (`pending`, seed 000) who moved on in the same operation: a
    /// `signature.status_changed` for `pending` comes before the one for their status.
    pub passed_pending: Vec<SignerId>,
    pub events: Vec<DocumentEvent>,
    pub timers: Vec<Schedule>,
    pub audit: Vec<AuditRecord>,
    /// A code was issued to this signer: deliver it.
    pub otp_issued: Option<SignerId>,
    /// Produce this signer's signature now, then call `signed` or `signing_failed`.
    pub sign: Option<SignerId>,
    /// Every signer signed: close the file with a document timestamp.
    pub finish: bool,
    /// The closing is a try again after a failure: the signer whose signature completed the
    /// file, and which try this is (for [`Workflow::finish_failed`]).
    pub finish_retry: Option<(SignerId, u32)>,
}

impl Effects {
    fn audit(&mut self, action: &'static str, signer: Option<&SignerId>, details: Value) {
        self.audit.push(AuditRecord {
            action,
            signer_id: signer.cloned(),
            details,
        });
    }
}

/// Why an operation was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error("the document is {0} and takes no more actions")]
    DocumentClosed(&'static str),
    #[error("the signer has already signed this document")]
    AlreadySigned,
    #[error("it is not this signer's turn yet (sequential order)")]
    NotYourTurn,
    #[error("the signer is {status} and cannot {action}")]
    InvalidState {
        status: &'static str,
        action: &'static str,
    },
    #[error(
        "the documents were not approved within 2 hours of the request; a resend opens a new window"
    )]
    ApproveExpired,
    #[error(
        "the signature was not confirmed within 1 hour of the approval; a resend opens a new window"
    )]
    ConfirmExpired,
    #[error("the signature flow was not initialized: approve the documents first")]
    NotInitialized,
    #[error("the one-time code expired; approve again for a new one")]
    OtpExpired,
    #[error("no code is live for this signer; approve again for a new one")]
    NoLiveCode,
    #[error(
        "the signer is blocked after three failed identity validations until a reviewer unblocks them"
    )]
    Blocked,
    #[error("no selfie is waiting for review")]
    NoSelfie,
    #[error("no signer with this id in the document")]
    UnknownSigner,
}

impl SigningError {
    /// The API's error code: its status and seed 001 number come with it (96 completed,
    /// 111 expired, 78 already signed, 97 code expired, 66 blocked, 41 unknown signer).
    pub fn error_code(&self) -> ErrorCode {
        match self {
            SigningError::DocumentClosed("finished") => ErrorCode::DocumentCompleted,
            SigningError::DocumentClosed("expired") => ErrorCode::DocumentExpired,
            SigningError::DocumentClosed(_) => ErrorCode::DocumentClosed,
            SigningError::AlreadySigned => ErrorCode::AlreadySigned,
            SigningError::NotYourTurn => ErrorCode::NotYourTurn,
            SigningError::InvalidState { .. } => ErrorCode::InvalidTransition,
            SigningError::ApproveExpired => ErrorCode::ApprovalWindowExpired,
            SigningError::ConfirmExpired => ErrorCode::ConfirmationWindowExpired,
            SigningError::NotInitialized => ErrorCode::SignatureFlowNotInitialized,
            SigningError::OtpExpired => ErrorCode::OtpExpired,
            SigningError::NoLiveCode => ErrorCode::OtpMissing,
            SigningError::Blocked => ErrorCode::SignerBlocked,
            SigningError::NoSelfie => ErrorCode::NoSelfie,
            SigningError::UnknownSigner => ErrorCode::SignerNotFound,
        }
    }
}

/// How a confirmation went. Every outcome is stored: a wrong code counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// The code matched; the signature is to be produced (or waits for the identification).
    Accepted,
    /// Wrong code; this many tries are left on it.
    WrongCode { remaining: u32 },
    /// The fifth wrong code killed it (108): one failed identity validation.
    CodeKilled,
    /// … and it was the third: the signer is blocked (66), and the document with them.
    Blocked,
}

/// A new signer as the integrator describes it, already validated.
#[derive(Debug, Clone)]
pub struct NewSigner {
    pub id: SignerId,
    pub token: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub person_id: Option<PersonId>,
}

impl Workflow {
    /// A new document with its signers; the signers whose turn it is are asked at once.
    /// `facts` gives each signer's eligibility (by position; missing means nothing known).
    pub fn create(
        document: Document,
        signers: Vec<NewSigner>,
        facts: &[Eligibility],
        now: Timestamp,
    ) -> (Workflow, Effects) {
        let signers = signers
            .into_iter()
            .enumerate()
            .map(|(i, s)| Signer {
                id: s.id,
                document_id: document.id.clone(),
                position: i as u32,
                name: s.name,
                email: s.email,
                phone: s.phone,
                person_id: s.person_id,
                status: SignerStatus::New,
                status_codes: Vec::new(),
                token: s.token,
                window: 0,
                asked_at: None,
                approve_by: None,
                approved_at: None,
                confirm_by: None,
                otp: None,
                otp_failures: 0,
                failed_validations: 0,
                selfie: None,
                signed_at: None,
                rejected_at: None,
                message: None,
                certificate_subject: None,
                signature_picture: None,
                created_at: now,
                updated_at: now,
            })
            .collect();
        let mut wf = Workflow { document, signers };
        let mut fx = Effects::default();
        fx.events.push(DocumentEvent::Created);
        fx.audit(
            "document.created",
            None,
            json!({
                "name": wf.document.name,
                "signers": wf.signers.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                "level": wf.document.level.as_str(),
                "signing_order": wf.document.order.as_str(),
            }),
        );
        if let Some(exp) = wf.document.expires_at {
            fx.timers.push(Schedule {
                due: exp,
                timer: Timer::DocumentExpiry {
                    document_id: wf.document.id.clone(),
                },
            });
        }
        wf.open_turns(facts, now, &mut fx);
        for i in 0..wf.signers.len() {
            if wf.signers[i].window == 0 {
                let f = facts.get(i).cloned().unwrap_or_default();
                wf.await_turn(i, &f, now, &mut fx);
            }
        }
        (wf, fx)
    }

    pub fn signer(&self, id: &SignerId) -> Option<&Signer> {
        self.signers.iter().find(|s| &s.id == id)
    }

    /// Whether any signer has signed (or Signet has added a revision): such a document is
    /// evidence and cannot be deleted (seed 001's 37), only canceled.
    pub fn has_signature(&self) -> bool {
        self.document.revisions > 0
            || self
                .signers
                .iter()
                .any(|s| s.status == SignerStatus::Signed || s.signed_at.is_some())
    }

    /// Whether the signer may be reminded: the document is open, and it is the signer's
    /// turn and they have not finished ([`Signer::awaits_action`]).
    pub fn check_remind(&self, id: &SignerId) -> Result<&Signer, SigningError> {
        let s = &self.signers[self.index(id)?];
        if s.status == SignerStatus::Signed {
            return Err(SigningError::AlreadySigned);
        }
        self.ensure_open()?;
        if s.asked_at.is_none() || s.window == 0 {
            return Err(SigningError::NotYourTurn);
        }
        if !s.awaits_action() {
            return Err(SigningError::InvalidState {
                status: s.status.as_str(),
                action: "be reminded",
            });
        }
        Ok(s)
    }

    fn index(&self, id: &SignerId) -> Result<usize, SigningError> {
        self.signers
            .iter()
            .position(|s| &s.id == id)
            .ok_or(SigningError::UnknownSigner)
    }

    fn ensure_open(&self) -> Result<(), SigningError> {
        match self.document.status {
            DocumentStatus::Pending => Ok(()),
            DocumentStatus::Blocked => Err(SigningError::Blocked),
            s => Err(SigningError::DocumentClosed(s.as_str())),
        }
    }

    /// Asks every signer whose turn has come and who was not asked yet.
    fn open_turns(&mut self, facts: &[Eligibility], now: Timestamp, fx: &mut Effects) {
        let positions: Vec<usize> = match self.document.order {
            SigningOrder::Parallel => (0..self.signers.len()).collect(),
            SigningOrder::Sequential => self
                .signers
                .iter()
                .position(|s| s.status != SignerStatus::Signed)
                .into_iter()
                .collect(),
        };
        for i in positions {
            // A signer not asked yet: new, waiting in `pending`, or found ineligible while
            // waiting.
            if self.signers[i].window == 0 && !self.signers[i].is_held_for_good() {
                let f = facts.get(i).cloned().unwrap_or_default();
                self.ask(i, &f, now, fx);
            }
        }
    }

    /// A signer whose turn has not come: `pending` while eligible (seed 000: "the signature
    /// flow starts automatically"), `kyc_required` with the codes that hold them otherwise.
    fn await_turn(&mut self, i: usize, facts: &Eligibility, now: Timestamp, fx: &mut Effects) {
        let (assessed, codes) = assess(self.document.level, facts, false, now);
        let (status, codes) = match assessed {
            SignerStatus::KycRequired => (assessed, codes),
            _ => (SignerStatus::Pending, Vec::new()),
        };
        let s = &self.signers[i];
        if s.status == status && s.status_codes == codes {
            return;
        }
        let sid = s.id.clone();
        fx.audit(
            "signer.assessed",
            Some(&sid),
            json!({"status": status.as_str(), "status_codes": codes}),
        );
        self.set_status(i, status, codes, now, fx);
    }

    /// Opens a fresh window for a signer: the 2-hour approval window and the 24-hour limit
    /// run from now, and the status follows eligibility.
    fn ask(&mut self, i: usize, facts: &Eligibility, now: Timestamp, fx: &mut Effects) {
        let level = self.document.level;
        let doc_id = self.document.id.clone();
        let s = &mut self.signers[i];
        s.window += 1;
        s.asked_at = Some(now);
        s.approve_by = Some(now + APPROVE_WINDOW);
        s.approved_at = None;
        s.confirm_by = None;
        s.otp = None;
        s.selfie = None;
        let (status, codes) = assess(level, facts, false, now);
        if status != SignerStatus::KycRequired && s.status != SignerStatus::Pending {
            // Eligible: the signer passes through `pending` on the way to their step.
            fx.passed_pending.push(s.id.clone());
        }
        fx.timers.push(Schedule {
            due: now + WORKFLOW_TIMEOUT,
            timer: Timer::SignerTimeout {
                document_id: doc_id,
                signer_id: s.id.clone(),
                window: s.window,
            },
        });
        fx.audit(
            "signer.asked",
            Some(&s.id.clone()),
            json!({"status": status.as_str(), "status_codes": codes, "window": s.window}),
        );
        self.set_status(i, status, codes, now, fx);
    }

    fn set_status(
        &mut self,
        i: usize,
        status: SignerStatus,
        codes: Vec<u32>,
        now: Timestamp,
        fx: &mut Effects,
    ) {
        let s = &mut self.signers[i];
        if s.status != status || s.status_codes != codes {
            s.status = status;
            s.status_codes = codes;
            if !fx.signers_changed.contains(&s.id) {
                fx.signers_changed.push(s.id.clone());
            }
        }
        s.updated_at = now;
        self.document.updated_at = now;
    }

    /// Checks shared by the signer's own actions.
    fn acting_signer(&self, id: &SignerId) -> Result<usize, SigningError> {
        let i = self.index(id)?;
        let s = &self.signers[i];
        match s.status {
            SignerStatus::Signed => return Err(SigningError::AlreadySigned),
            SignerStatus::Blocked => return Err(SigningError::Blocked),
            SignerStatus::New => return Err(SigningError::NotYourTurn),
            _ if s.window == 0 => return Err(SigningError::NotYourTurn),
            _ => {}
        }
        self.ensure_open()?;
        Ok(i)
    }

    /// The signer approves the documents: `confirmation_required`, and a code is issued
    /// (`otp_hash` is the keyed hash of the code the caller generated and will deliver).
    pub fn approve(
        &mut self,
        id: &SignerId,
        otp_hash: String,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.acting_signer(id)?;
        let s = &self.signers[i];
        let may = match s.status {
            SignerStatus::UserConsentRequired | SignerStatus::ConfirmationRequired => true,
            SignerStatus::Error => s.status_codes.iter().all(|c| RETRYABLE_ERRORS.contains(c)),
            _ => false,
        };
        if !may {
            return Err(SigningError::InvalidState {
                status: s.status.as_str(),
                action: "approve",
            });
        }
        if s.approve_by.is_none_or(|by| now > by) {
            return Err(SigningError::ApproveExpired);
        }
        let mut fx = Effects::default();
        let s = &mut self.signers[i];
        s.approved_at = Some(now);
        s.confirm_by = Some(now + CONFIRM_WINDOW);
        s.otp = Some(Otp {
            hash: otp_hash,
            issued_at: now,
            expires_at: now + OTP_VALIDITY,
        });
        let id = s.id.clone();
        fx.audit("signer.approved", Some(&id), json!({}));
        fx.otp_issued = Some(id);
        self.set_status(
            i,
            SignerStatus::ConfirmationRequired,
            Vec::new(),
            now,
            &mut fx,
        );
        Ok(fx)
    }

    /// The signer confirms with a code; `matches` compares a stored hash with the code given.
    /// `awaiting_identification` is true when the signer's identification is still under
    /// review (the pending-verification flow).
    pub fn confirm(
        &mut self,
        id: &SignerId,
        matches: impl Fn(&str) -> bool,
        awaiting_identification: bool,
        now: Timestamp,
    ) -> Result<(ConfirmOutcome, Effects), SigningError> {
        let i = self.acting_signer(id)?;
        let s = &self.signers[i];
        match s.status {
            SignerStatus::ConfirmationRequired => {}
            // Signing failed in a way that may pass on a second try: confirm again.
            SignerStatus::Error
                if !s.status_codes.is_empty()
                    && s.status_codes
                        .iter()
                        .all(|c| RECONFIRMABLE_ERRORS.contains(c)) => {}
            SignerStatus::UserConsentRequired => return Err(SigningError::NotInitialized),
            other => {
                return Err(SigningError::InvalidState {
                    status: other.as_str(),
                    action: "confirm",
                });
            }
        }
        if s.confirm_by.is_none_or(|by| now > by) {
            return Err(SigningError::ConfirmExpired);
        }
        let Some(otp) = &s.otp else {
            return Err(SigningError::NoLiveCode);
        };
        if now > otp.expires_at {
            return Err(SigningError::OtpExpired);
        }
        let mut fx = Effects::default();
        let sid = s.id.clone();
        let provider_judges = code_checked_by_provider(&otp.hash);
        if !matches(&otp.hash) {
            let s = &mut self.signers[i];
            s.otp_failures += 1;
            s.updated_at = now;
            if s.otp_failures < OTP_MAX_ATTEMPTS {
                let remaining = OTP_MAX_ATTEMPTS - s.otp_failures;
                fx.audit("otp.failed", Some(&sid), json!({"remaining": remaining}));
                return Ok((ConfirmOutcome::WrongCode { remaining }, fx));
            }
            s.otp = None;
            s.otp_failures = 0;
            fx.audit("otp.killed", Some(&sid), json!({"return_code": 108}));
            let blocked = self.fail_validation(i, "OTP_CODE_INVALID", now, &mut fx);
            let outcome = if blocked {
                ConfirmOutcome::Blocked
            } else {
                ConfirmOutcome::CodeKilled
            };
            return Ok((outcome, fx));
        }
        let s = &mut self.signers[i];
        // A code the provider judges is not known right yet: its verdict comes with the
        // signature ([`Workflow::provider_refused_code`]), and wrong ones keep counting.
        if !provider_judges {
            s.otp_failures = 0;
        }
        fx.audit("signer.confirmed", Some(&sid), json!({}));
        if awaiting_identification && self.document.level.identified() {
            self.signers[i].otp = None;
            self.set_status(
                i,
                SignerStatus::PendingVerification,
                Vec::new(),
                now,
                &mut fx,
            );
        } else {
            // The code is kept until the signature is made, for a confirmation again after a
            // failure that allows one; the status no longer takes it otherwise.
            fx.sign = Some(sid);
        }
        Ok((ConfirmOutcome::Accepted, fx))
    }

    /// One identity validation failed (a killed code, a rejected selfie). Returns whether the
    /// signer is now blocked.
    fn fail_validation(
        &mut self,
        i: usize,
        reason: &'static str,
        now: Timestamp,
        fx: &mut Effects,
    ) -> bool {
        let s = &mut self.signers[i];
        s.failed_validations += 1;
        let sid = s.id.clone();
        if s.failed_validations < MAX_FAILED_VALIDATIONS {
            return false;
        }
        s.message = Some(reason.to_owned());
        s.otp = None;
        self.set_status(i, SignerStatus::Blocked, Vec::new(), now, fx);
        self.document.status = DocumentStatus::Blocked;
        self.document.message = Some(reason.to_owned());
        fx.events.push(DocumentEvent::Blocked(sid.clone()));
        fx.audit(
            "signer.blocked",
            Some(&sid),
            json!({"reason": reason, "return_code": 66}),
        );
        true
    }

    /// The signature was produced and stored; `revision_sha256` is the file's new hash.
    /// `facts` is used to ask the next signer in sequential order.
    pub fn signed(
        &mut self,
        id: &SignerId,
        certificate_subject: String,
        revision_sha256: String,
        facts: &[Eligibility],
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        let mut fx = Effects::default();
        let s = &mut self.signers[i];
        s.signed_at = Some(now);
        s.otp = None;
        s.certificate_subject = Some(certificate_subject.clone());
        let sid = s.id.clone();
        self.document.current_sha256 = revision_sha256.clone();
        self.document.revisions += 1;
        self.set_status(i, SignerStatus::Signed, Vec::new(), now, &mut fx);
        fx.audit(
            "signer.signed",
            Some(&sid),
            json!({"certificate_subject": certificate_subject, "sha256": revision_sha256}),
        );
        fx.events.push(DocumentEvent::SignerSigned(sid));
        if self
            .signers
            .iter()
            .all(|s| s.status == SignerStatus::Signed)
        {
            fx.finish = true;
        } else {
            self.open_turns(facts, now, &mut fx);
        }
        Ok(fx)
    }

    /// The document timestamp closed the file: `finished`, FINISH.
    pub fn finished(&mut self, final_sha256: String, now: Timestamp) -> Effects {
        let mut fx = Effects::default();
        self.document.status = DocumentStatus::Finished;
        self.document.current_sha256 = final_sha256.clone();
        self.document.revisions += 1;
        self.document.finished_at = Some(now);
        self.document.updated_at = now;
        fx.events.push(DocumentEvent::Finished);
        fx.audit("document.finished", None, json!({"sha256": final_sha256}));
        fx
    }

    /// Producing the signature failed with one of seed 000's 6001–6007.
    pub fn signing_failed(
        &mut self,
        id: &SignerId,
        status_code: u32,
        detail: &str,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        let mut fx = Effects::default();
        if !RECONFIRMABLE_ERRORS.contains(&status_code) {
            self.signers[i].otp = None;
        }
        self.set_status(i, SignerStatus::Error, vec![status_code], now, &mut fx);
        fx.audit(
            "signer.error",
            Some(id),
            json!({"status_code": status_code, "detail": detail}),
        );
        Ok(fx)
    }

    /// The trust service provider refused the code `id` confirmed with (its `invalid_otp` for
    /// a code Signet left to it to judge): seed 000's 6005 (confirm again), and the code
    /// counts as wrong as Signet's own do. After [`OTP_MAX_ATTEMPTS`] the code is killed
    /// (108; the signer needs a new one) and counts as a failed validation, the third of
    /// which blocks the signer and the document.
    pub fn provider_refused_code(
        &mut self,
        id: &SignerId,
        detail: &str,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        let mut fx = self.signing_failed(id, 6005, detail, now)?;
        let sid = id.clone();
        let s = &mut self.signers[i];
        s.otp_failures += 1;
        if s.otp_failures < OTP_MAX_ATTEMPTS {
            let remaining = OTP_MAX_ATTEMPTS - s.otp_failures;
            fx.audit(
                "otp.failed",
                Some(&sid),
                json!({"remaining": remaining, "code_checked_by": "provider"}),
            );
            return Ok(fx);
        }
        s.otp = None;
        s.otp_failures = 0;
        fx.audit(
            "otp.killed",
            Some(&sid),
            json!({"return_code": 108, "code_checked_by": "provider"}),
        );
        self.fail_validation(i, "OTP_CODE_INVALID", now, &mut fx);
        Ok(fx)
    }

    /// The document timestamp that was to close the file after `id`'s signature failed: the
    /// signer gets 6007 (their signature stays in the file), and unless this was the last
    /// try ([`FINISH_RETRY_DELAYS`]) the closing is tried again later. `attempt` is the try
    /// that failed (0 for the first, right after the signature).
    pub fn finish_failed(
        &mut self,
        id: &SignerId,
        detail: &str,
        attempt: u32,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let mut fx = self.signing_failed(id, 6007, detail, now)?;
        if let Some(delay) = FINISH_RETRY_DELAYS.get(attempt as usize) {
            fx.timers.push(Schedule {
                due: now + *delay,
                timer: Timer::FinishRetry {
                    document_id: self.document.id.clone(),
                    signer_id: id.clone(),
                    attempt: attempt + 1,
                },
            });
        }
        Ok(fx)
    }

    /// The signer rejects the document with a message: REJECT, then REJECTED.
    pub fn reject(
        &mut self,
        id: &SignerId,
        message: String,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        match self.signers[i].status {
            SignerStatus::Signed => return Err(SigningError::AlreadySigned),
            SignerStatus::Blocked => return Err(SigningError::Blocked),
            _ => {}
        }
        self.ensure_open()?;
        let mut fx = Effects::default();
        let s = &mut self.signers[i];
        s.rejected_at = Some(now);
        s.message = Some(message.clone());
        s.otp = None;
        let sid = s.id.clone();
        self.set_status(i, SignerStatus::Rejected, Vec::new(), now, &mut fx);
        self.document.status = DocumentStatus::Rejected;
        self.document.message = Some(message.clone());
        fx.audit("signer.rejected", Some(&sid), json!({"message": message}));
        fx.events.push(DocumentEvent::SignerRejected(sid.clone()));
        fx.events.push(DocumentEvent::Rejected(sid));
        Ok(fx)
    }

    /// The integrator opens a fresh window for a signer (seed 000's "new workflow").
    pub fn resend(
        &mut self,
        id: &SignerId,
        facts: &Eligibility,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        let status = self.signers[i].status;
        match status {
            SignerStatus::Signed => return Err(SigningError::AlreadySigned),
            SignerStatus::Blocked => return Err(SigningError::Blocked),
            SignerStatus::New => return Err(SigningError::NotYourTurn),
            _ if self.signers[i].window == 0 => return Err(SigningError::NotYourTurn),
            _ if self.signers[i].is_held_for_good() => {
                return Err(SigningError::InvalidState {
                    status: "kyc_required",
                    action: "be resent (its status code is final: the person is not eligible for a signature)",
                });
            }
            s if !s.can_resend() => {
                return Err(SigningError::InvalidState {
                    status: s.as_str(),
                    action: "be resent",
                });
            }
            _ => {}
        }
        self.ensure_open()?;
        let mut fx = Effects::default();
        fx.audit("signer.resent", Some(id), json!({}));
        self.ask(i, facts, now, &mut fx);
        Ok(fx)
    }

    /// A reviewer unblocks a blocked signer: the failures are forgotten and a fresh window
    /// opens; the document is pending again once no signer is blocked.
    pub fn unblock(
        &mut self,
        id: &SignerId,
        reviewer: &str,
        facts: &Eligibility,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.index(id)?;
        if self.signers[i].status != SignerStatus::Blocked {
            return Err(SigningError::InvalidState {
                status: self.signers[i].status.as_str(),
                action: "be unblocked",
            });
        }
        if self.document.status != DocumentStatus::Blocked {
            self.ensure_open()?;
        }
        let mut fx = Effects::default();
        let s = &mut self.signers[i];
        s.failed_validations = 0;
        s.otp_failures = 0;
        s.message = None;
        fx.audit("signer.unblocked", Some(id), json!({"reviewer": reviewer}));
        if !self
            .signers
            .iter()
            .any(|s| s.status == SignerStatus::Blocked && &s.id != id)
        {
            self.document.status = DocumentStatus::Pending;
            self.document.message = None;
        }
        self.ask(i, facts, now, &mut fx);
        Ok(fx)
    }

    /// The signer hands in a selfie; it waits for a reviewer.
    pub fn submit_selfie(
        &mut self,
        id: &SignerId,
        blob_key: String,
        sha256: String,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.acting_signer(id)?;
        if self.signers[i].status != SignerStatus::SelfieRequired {
            return Err(SigningError::InvalidState {
                status: self.signers[i].status.as_str(),
                action: "hand in a selfie",
            });
        }
        let mut fx = Effects::default();
        let s = &mut self.signers[i];
        s.selfie = Some(Selfie {
            submitted_at: now,
            blob_key,
            sha256: sha256.clone(),
            accepted: None,
            reviewed_at: None,
        });
        s.updated_at = now;
        fx.audit("selfie.submitted", Some(id), json!({"sha256": sha256}));
        Ok(fx)
    }

    /// A reviewer compares the selfie with the identification. Accepted: on to consent, with
    /// a fresh 2-hour approval window. Rejected: one failed identity validation (3105).
    pub fn review_selfie(
        &mut self,
        id: &SignerId,
        accepted: bool,
        reviewer: &str,
        facts: &Eligibility,
        now: Timestamp,
    ) -> Result<Effects, SigningError> {
        let i = self.acting_signer(id)?;
        let s = &self.signers[i];
        if s.status != SignerStatus::SelfieRequired
            || s.selfie.as_ref().is_none_or(|x| x.accepted.is_some())
        {
            return Err(SigningError::NoSelfie);
        }
        let mut fx = Effects::default();
        let level = self.document.level;
        let s = &mut self.signers[i];
        if let Some(selfie) = s.selfie.as_mut() {
            selfie.accepted = Some(accepted);
            selfie.reviewed_at = Some(now);
        }
        if accepted {
            fx.audit("selfie.accepted", Some(id), json!({"reviewer": reviewer}));
            s.approve_by = Some(now + APPROVE_WINDOW);
            let (status, codes) = assess(level, facts, true, now);
            self.set_status(i, status, codes, now, &mut fx);
        } else {
            fx.audit(
                "selfie.rejected",
                Some(id),
                json!({"reviewer": reviewer, "status_code": 3105}),
            );
            if !self.fail_validation(i, "SELFIE_MISMATCH", now, &mut fx) {
                let s = &mut self.signers[i];
                s.selfie = None;
                self.set_status(i, SignerStatus::SelfieRequired, vec![3105], now, &mut fx);
            }
        }
        Ok(fx)
    }

    /// The identification a pending-verification signer waited for has ended (or left review
    /// without success: canceled, aborted).
    pub fn identification_resolved(
        &mut self,
        person: &PersonId,
        outcome: IdentificationOutcome,
        now: Timestamp,
    ) -> Effects {
        let mut fx = Effects::default();
        if self.document.status != DocumentStatus::Pending {
            return fx;
        }
        for i in 0..self.signers.len() {
            let s = &self.signers[i];
            if s.status != SignerStatus::PendingVerification || s.person_id.as_ref() != Some(person)
            {
                continue;
            }
            let sid = s.id.clone();
            let why = match outcome {
                IdentificationOutcome::Successful => {
                    // One signature at a time; the others follow on the next call.
                    if fx.sign.is_none() {
                        fx.sign = Some(sid);
                    }
                    continue;
                }
                IdentificationOutcome::SuccessfulWithOtherData => {
                    "the identification confirmed other personal data than the signer confirmed with"
                }
                IdentificationOutcome::NotSuccessful => "the identification did not succeed",
            };
            fx.audit(
                "signer.invalid_signature",
                Some(&sid),
                json!({"status_code": 3311, "reason": why}),
            );
            self.set_status(i, SignerStatus::InvalidSignature, vec![3311], now, &mut fx);
        }
        fx
    }

    /// What Signet knows about a person changed (a screening hit appeared or was decided, the
    /// person was flagged): their signers still at work are assessed again. A signer becomes
    /// `kyc_required` with the new codes, or leaves `kyc_required` when nothing holds them
    /// any more (their approval window is then the one they had; a resend opens a new one).
    pub fn reassess_person(
        &mut self,
        person: &PersonId,
        facts: &Eligibility,
        now: Timestamp,
    ) -> Effects {
        let mut fx = Effects::default();
        if self.document.status != DocumentStatus::Pending || !self.document.level.identified() {
            return fx;
        }
        for i in 0..self.signers.len() {
            if self.signers[i].person_id.as_ref() == Some(person) {
                self.reassess_signer(i, facts, now, &mut fx);
            }
        }
        fx
    }

    /// The signer's own session judged with what Signet knows of them (`facts` carry where
    /// the session comes from): a session from a prohibited country is `kyc_required` with
    /// 4145, and the signer is released when a later session comes from elsewhere (seed 000:
    /// "ask the client to retry from a non-prohibited country").
    pub fn session_assessed(
        &mut self,
        id: &SignerId,
        facts: &Eligibility,
        now: Timestamp,
    ) -> Effects {
        let mut fx = Effects::default();
        if self.document.status != DocumentStatus::Pending || !self.document.level.identified() {
            return fx;
        }
        if let Ok(i) = self.index(id) {
            self.reassess_signer(i, facts, now, &mut fx);
            self.session_selfie(i, facts, now, &mut fx);
        }
        fx
    }

    /// Before approving, a session on another device than the identification's (3541) or
    /// with another phone (3550) asks for a selfie; a selfie a reviewer accepted clears it,
    /// and one under review is waited for.
    fn session_selfie(&mut self, i: usize, facts: &Eligibility, now: Timestamp, fx: &mut Effects) {
        let s = &self.signers[i];
        let before_approval = matches!(
            s.status,
            SignerStatus::UserConsentRequired | SignerStatus::SelfieRequired
        );
        let under_review = s.selfie.as_ref().is_some_and(|x| x.accepted.is_none());
        if s.window == 0 || !before_approval || under_review {
            return;
        }
        let cleared = s.selfie.as_ref().is_some_and(|x| x.accepted == Some(true));
        let (status, codes) = assess(self.document.level, facts, cleared, now);
        let selfie_or_consent = matches!(
            status,
            SignerStatus::UserConsentRequired | SignerStatus::SelfieRequired
        );
        if !selfie_or_consent || (status == s.status && codes == s.status_codes) {
            return;
        }
        let sid = s.id.clone();
        fx.audit(
            "signer.reassessed",
            Some(&sid),
            json!({"status": status.as_str(), "status_codes": codes}),
        );
        self.set_status(i, status, codes, now, fx);
    }

    /// One signer assessed again: a signer not asked yet waits in `pending` or is held; one
    /// at work becomes `kyc_required` with the new codes, or leaves it when nothing holds
    /// them any more. A signer held for good stays as they are.
    fn reassess_signer(&mut self, i: usize, facts: &Eligibility, now: Timestamp, fx: &mut Effects) {
        let s = &self.signers[i];
        if s.is_held_for_good() {
            return;
        }
        if s.window == 0 {
            // Not asked yet: waiting in `pending`, or held until what holds them clears.
            if matches!(
                s.status,
                SignerStatus::New | SignerStatus::Pending | SignerStatus::KycRequired
            ) {
                self.await_turn(i, facts, now, fx);
            }
            return;
        }
        let at_work = s.status.is_waiting_for_signer() || s.status == SignerStatus::KycRequired;
        if !at_work {
            return;
        }
        let cleared = s.selfie.as_ref().is_some_and(|x| x.accepted == Some(true));
        let (status, codes) = assess(self.document.level, facts, cleared, now);
        let was_kyc = s.status == SignerStatus::KycRequired;
        if status == SignerStatus::KycRequired || was_kyc {
            if status == s.status && codes == s.status_codes {
                return;
            }
            let sid = s.id.clone();
            self.signers[i].otp = None;
            fx.audit(
                "signer.reassessed",
                Some(&sid),
                json!({"status": status.as_str(), "status_codes": codes}),
            );
            self.set_status(i, status, codes, now, fx);
        }
    }

    /// The integrator cancels the document.
    pub fn cancel(&mut self, now: Timestamp) -> Result<Effects, SigningError> {
        if !matches!(
            self.document.status,
            DocumentStatus::Pending | DocumentStatus::Blocked
        ) {
            return Err(SigningError::DocumentClosed(self.document.status.as_str()));
        }
        let mut fx = Effects::default();
        self.document.status = DocumentStatus::Canceled;
        self.document.updated_at = now;
        for s in &mut self.signers {
            s.otp = None;
        }
        fx.audit("document.canceled", None, json!({}));
        Ok(fx)
    }

    /// A timer fired (`due` on the tenant clock).
    pub fn on_timer(&mut self, timer: &Timer, due: Timestamp) -> Effects {
        let mut fx = Effects::default();
        match timer {
            Timer::SignerTimeout {
                signer_id, window, ..
            } => {
                let Ok(i) = self.index(signer_id) else {
                    return fx;
                };
                let s = &self.signers[i];
                // The 24 hours cover a signer waiting for their identification's review too.
                let running = s.status.is_waiting_for_signer()
                    || s.status == SignerStatus::PendingVerification;
                if s.window != *window
                    || !running
                    || self.document.status != DocumentStatus::Pending
                {
                    return fx;
                }
                self.signers[i].otp = None;
                fx.audit(
                    "signer.timed_out",
                    Some(signer_id),
                    json!({"status_code": 6008}),
                );
                self.set_status(i, SignerStatus::Error, vec![6008], due, &mut fx);
            }
            Timer::FinishRetry {
                signer_id, attempt, ..
            } => {
                let Ok(i) = self.index(signer_id) else {
                    return fx;
                };
                // Only while the file still waits for its closing: every other signer signed
                // and this one's signature in the file, held by 6007.
                let s = &self.signers[i];
                let waiting = self.document.status == DocumentStatus::Pending
                    && s.status == SignerStatus::Error
                    && s.status_codes == [6007]
                    && s.signed_at.is_some()
                    && self
                        .signers
                        .iter()
                        .enumerate()
                        .all(|(j, o)| j == i || o.status == SignerStatus::Signed);
                if !waiting {
                    return fx;
                }
                fx.audit(
                    "document.timestamp_retried",
                    Some(signer_id),
                    json!({"attempt": attempt}),
                );
                self.set_status(i, SignerStatus::Signed, Vec::new(), due, &mut fx);
                fx.finish = true;
                fx.finish_retry = Some((signer_id.clone(), *attempt));
            }
            Timer::DocumentExpiry { .. } => {
                if matches!(
                    self.document.status,
                    DocumentStatus::Pending | DocumentStatus::Blocked
                ) {
                    self.document.status = DocumentStatus::Expired;
                    self.document.updated_at = due;
                    for s in &mut self.signers {
                        s.otp = None;
                    }
                    fx.events.push(DocumentEvent::Expired);
                    fx.audit("document.expired", None, json!({}));
                }
            }
        }
        fx
    }
}

#[cfg(test)]
mod tests;
