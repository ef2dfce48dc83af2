//! Identifications (seed 002) and their attempts (seed 003).
//!
//! Every transition is a pure function of the current state, the event and
//! `now`, returning the new state and what must follow (attempt changes,
//! person changes, timers). The store applies the result and its events in
//! one transaction.

use crate::catalog::{AttemptResponseCode, IdentificationReason};
use crate::ids::{AttemptId, IdentificationId, PersonId};
use crate::time::{Timestamp, serde_ts};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod address;
mod capture;
pub mod create;
pub use capture::{
    Capture, CodeOutcome, Finding, IdDocumentKind, ImageSlot, Missing, PHONE_CODE_TRIES,
    PHONE_CODES_PER_ATTEMPT, PersonFacts, PhoneCode, Review, compare_with_person,
    response_code_for,
};

/// Seed 002's identification statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Created,
    Pending,
    PendingSuccessful,
    PendingFailed,
    Successful,
    Aborted,
    Canceled,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Pending => "pending",
            Status::PendingSuccessful => "pending_successful",
            Status::PendingFailed => "pending_failed",
            Status::Successful => "successful",
            Status::Aborted => "aborted",
            Status::Canceled => "canceled",
            Status::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        ALL_STATUSES.iter().copied().find(|st| st.as_str() == s)
    }

    /// `successful` and `failed` never change again.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Successful | Status::Failed)
    }

    /// `aborted` and `canceled` may be retried with the same URL.
    pub fn is_retryable(self) -> bool {
        matches!(self, Status::Aborted | Status::Canceled)
    }
}

pub const ALL_STATUSES: [Status; 8] = [
    Status::Created,
    Status::Pending,
    Status::PendingSuccessful,
    Status::PendingFailed,
    Status::Successful,
    Status::Aborted,
    Status::Canceled,
    Status::Failed,
];

/// How a person is identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Video identification (seed 002); simulated by the sandbox in test mode.
    Idnow,
    /// Signet's own: ID images and a selfie checked by Signet and decided by a reviewer.
    Document,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Idnow, Method::Document];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Idnow => "idnow",
            Method::Document => "document",
        }
    }
    pub fn parse(s: &str) -> Option<Method> {
        match s {
            "idnow" => Some(Method::Idnow),
            "document" => Some(Method::Document),
            _ => None,
        }
    }
}

/// Seed 003's attempt statuses, with the names SPEC.md gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptStatus {
    PendingRedirection,
    CaptureInProgress,
    ChecksInProgress,
    Completed,
    ChecksInconclusive,
    Expired,
    Abandoned,
    CaptureRefused,
    Terminated,
    Closed,
}

impl AttemptStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptStatus::PendingRedirection => "pending_redirection",
            AttemptStatus::CaptureInProgress => "capture_in_progress",
            AttemptStatus::ChecksInProgress => "checks_in_progress",
            AttemptStatus::Completed => "completed",
            AttemptStatus::ChecksInconclusive => "checks_inconclusive",
            AttemptStatus::Expired => "expired",
            AttemptStatus::Abandoned => "abandoned",
            AttemptStatus::CaptureRefused => "capture_refused",
            AttemptStatus::Terminated => "terminated",
            AttemptStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<AttemptStatus> {
        use AttemptStatus::*;
        [
            PendingRedirection,
            CaptureInProgress,
            ChecksInProgress,
            Completed,
            ChecksInconclusive,
            Expired,
            Abandoned,
            CaptureRefused,
            Terminated,
            Closed,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }

    /// An attempt still open for the applicant or the checks.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            AttemptStatus::PendingRedirection
                | AttemptStatus::CaptureInProgress
                | AttemptStatus::ChecksInProgress
        )
    }
}

/// What the applicant refused on the hosted page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// "I do not agree" at the consent: seed 003's user refusal.
    Consent,
    /// The applicant does not allow the camera: seed 003's camera access denied.
    Camera,
}

impl Refusal {
    pub fn parse(s: &str) -> Option<Refusal> {
        match s {
            "consent" => Some(Refusal::Consent),
            "camera" => Some(Refusal::Camera),
            _ => None,
        }
    }

    /// Seed 003's response code of the refused attempt.
    pub fn response_code(self) -> AttemptResponseCode {
        match self {
            Refusal::Consent => AttemptResponseCode::UserRefused,
            Refusal::Camera => AttemptResponseCode::CameraAccessDenied,
        }
    }
}

/// One try of an identification: each request and each retry (seed 003).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub identification_id: IdentificationId,
    pub status: AttemptStatus,
    /// A code of the catalog's `attempt_response_code` kind, once known.
    pub response_code: Option<String>,
    #[serde(serialize_with = "serde_ts::serialize")]
    pub created_at: Timestamp,
    #[serde(serialize_with = "serde_ts::serialize")]
    pub updated_at: Timestamp,
}

/// How long a request URL stays valid (seed 002).
pub const URL_VALIDITY: Duration = Duration::days(14);
/// A request open this long without progress is canceled with TECH_TIMEOUT (seed 002).
pub const REQUEST_TIMEOUT: Duration = Duration::minutes(30);
/// The sandbox's static ident code (seed 002).
pub const SANDBOX_IDENT_CODE: &str = "123456";
/// What `estimated_waiting_time` says, in seconds (seed 002's example).
pub const ESTIMATED_WAITING_TIME_S: u32 = 60;

/// Countries whose national ID cards the video identification accepts
/// (EU, EEA and Switzerland); passports of every country are accepted.
pub const ID_CARD_COUNTRIES: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
];

/// The sandbox scenario a person's name selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxCase {
    pub interaction: Interaction,
    pub scenario: Scenario,
}

/// Who plays the applicant in the sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interaction {
    /// `X-AUTOTEST-`: nobody; the timeline starts at the request.
    Auto,
    /// `X-MANUALTEST-`: the applicant on the hosted page (or the sandbox
    /// endpoints standing in for it); the timeline starts at completion.
    Manual,
}

/// Seed 002's nine test cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Scenario {
    Happypath,
    Changeall,
    Changeallreview,
    Abortident,
    Fraudok,
    Canceled,
    Longreview,
    Holdcertificate,
    Fraudident,
}

impl Scenario {
    pub const ALL: [Scenario; 9] = [
        Scenario::Happypath,
        Scenario::Changeall,
        Scenario::Changeallreview,
        Scenario::Abortident,
        Scenario::Fraudok,
        Scenario::Canceled,
        Scenario::Longreview,
        Scenario::Holdcertificate,
        Scenario::Fraudident,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Happypath => "HAPPYPATH",
            Scenario::Changeall => "CHANGEALL",
            Scenario::Changeallreview => "CHANGEALLREVIEW",
            Scenario::Abortident => "ABORTIDENT",
            Scenario::Fraudok => "FRAUDOK",
            Scenario::Canceled => "CANCELED",
            Scenario::Longreview => "LONGREVIEW",
            Scenario::Holdcertificate => "HOLDCERTIFICATE",
            Scenario::Fraudident => "FRAUDIDENT",
        }
    }

    /// The steps of SPEC.md's sandbox table, as offsets from the start.
    pub fn timeline(self) -> &'static [(i64, Step)] {
        use Step::*;
        const S30: i64 = 30;
        const M2: i64 = 120;
        match self {
            Scenario::Happypath => &[(
                M2,
                Succeed {
                    change_person: false,
                },
            )],
            Scenario::Changeall => &[(
                M2,
                Succeed {
                    change_person: true,
                },
            )],
            Scenario::Changeallreview => &[
                (S30, ReviewPositive),
                (
                    M2,
                    Succeed {
                        change_person: true,
                    },
                ),
            ],
            Scenario::Abortident => &[(S30, Cancel("TECH_VIDEO"))],
            Scenario::Fraudok => &[
                (S30, ReviewNegative),
                (
                    M2,
                    Succeed {
                        change_person: false,
                    },
                ),
            ],
            Scenario::Canceled => &[(S30, ReviewPositive), (M2, Cancel("BAD_PHOTO_QUALITY"))],
            Scenario::Longreview => &[
                (S30, ReviewPositive),
                (
                    24 * 3600,
                    Succeed {
                        change_person: false,
                    },
                ),
            ],
            Scenario::Holdcertificate => &[(
                600,
                Succeed {
                    change_person: false,
                },
            )],
            Scenario::Fraudident => &[(S30, ReviewNegative), (M2, Fail)],
        }
    }
}

/// One step of a sandbox timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `pending_successful`: done, a second-line review follows.
    ReviewPositive,
    /// `pending_failed` with fraud suspicion.
    ReviewNegative,
    /// `successful`, optionally with the person's data changed (CHANGEALL).
    Succeed { change_person: bool },
    /// `canceled` with this reason.
    Cancel(&'static str),
    /// `failed` (no reason is disclosed, seed 002).
    Fail,
}

/// Reads a sandbox case from a person's first or last name.
pub fn sandbox_case(first_name: &str, last_name: &str) -> Option<SandboxCase> {
    [first_name, last_name].into_iter().find_map(|name| {
        let (interaction, rest) = if let Some(rest) = name.strip_prefix("X-AUTOTEST-") {
            (Interaction::Auto, rest)
        } else if let Some(rest) = name.strip_prefix("X-MANUALTEST-") {
            (Interaction::Manual, rest)
        } else {
            return None;
        };
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        Scenario::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(&word))
            .map(|scenario| SandboxCase {
                interaction,
                scenario,
            })
    })
}

/// An identification as stored and returned (seed 002's fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identification {
    pub id: IdentificationId,
    pub person_id: PersonId,
    pub reference: Option<String>,
    pub url: Option<String>,
    pub status: Status,
    pub completed_at: Option<Timestamp>,
    pub method: Method,
    pub proof_of_address_type: Option<String>,
    pub proof_of_address_issued_at: Option<NaiveDate>,
    pub language: Option<String>,
    pub iban: Option<String>,
    pub terms_and_conditions_signed_at: Option<Timestamp>,
    pub authorization_expires_at: Option<Timestamp>,
    pub confirmation_expires_at: Option<Timestamp>,
    pub estimated_waiting_time: Option<u32>,
    /// The reason of seed 002's table for `canceled`, `aborted` and the fraud review.
    pub failure_reason: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When the current request was made; the URL is valid 14 days from it.
    pub requested_at: Option<Timestamp>,
    pub url_expires_at: Option<Timestamp>,
    /// The last moment something happened; TECH_TIMEOUT counts from it.
    pub last_progress_at: Option<Timestamp>,
    /// The secret part of the hosted page's URL.
    pub token: Option<String>,
    pub sandbox: Option<SandboxCase>,
    /// The mobile number verified during the identification.
    pub verified_mobile_number: Option<String>,
    /// What the applicant gave on the hosted page in the current attempt.
    #[serde(default)]
    pub capture: Capture,
    /// A reviewer found this successful identification fraudulent after the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraud: Option<FraudFinding>,
}

/// A finding that a successful identification was fraudulent (a forged document, an
/// impostor), made after it succeeded. Seed 002 has no way back from `successful`, so the
/// status stays; the person is no longer identified by it (eligibility reads it as failed,
/// 1202), and the signer certificates it grounded are revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FraudFinding {
    /// Tenant clock.
    pub at: Timestamp,
    /// Who found it (the reviewer's email).
    pub by: String,
    /// Why, in the reviewer's words.
    pub note: String,
}

/// Timers an identification arms. `due` is on the tenant clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Timer {
    /// The next step of a sandbox timeline; `start` is when the timeline began.
    SandboxStep {
        identification_id: IdentificationId,
        step: usize,
        start: i64,
    },
    /// TECH_TIMEOUT after 30 minutes without progress.
    RequestTimeout { identification_id: IdentificationId },
    /// The URL's 14 days are over.
    UrlExpiry { identification_id: IdentificationId },
}

/// A timer to arm at a tenant-clock instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub due: Timestamp,
    pub timer: Timer,
}

/// What a transition asks the store to do besides saving the identification.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// The status changed: emit `identification.status_changed`.
    pub status_changed: bool,
    /// Set the current attempt to this status and response code.
    pub attempt: Option<(AttemptStatus, Option<AttemptResponseCode>)>,
    /// Close the current attempt and open a new one (a retry).
    pub new_attempt: bool,
    pub timers: Vec<Schedule>,
    /// CHANGEALL: replace these person fields.
    pub person_changes: Option<serde_json::Map<String, serde_json::Value>>,
    /// The identification succeeded: make the verified mobile number the
    /// person's and keep a KYC report.
    pub succeeded: bool,
}

/// A transition the current status does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the identification is {status} and cannot {action}")]
pub struct InvalidTransition {
    pub status: &'static str,
    pub action: &'static str,
}

/// Input of [`Identification::new`], already validated at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIdentification {
    pub method: Method,
    pub language: Option<String>,
    pub proof_of_address_type: Option<String>,
    pub proof_of_address_issued_at: Option<NaiveDate>,
}

impl Identification {
    pub fn new(
        id: IdentificationId,
        person_id: PersonId,
        input: NewIdentification,
        sandbox: Option<SandboxCase>,
        now: Timestamp,
    ) -> Identification {
        Identification {
            id,
            person_id,
            reference: None,
            url: None,
            status: Status::Created,
            completed_at: None,
            method: input.method,
            proof_of_address_type: input.proof_of_address_type,
            proof_of_address_issued_at: input.proof_of_address_issued_at,
            language: input.language,
            iban: None,
            terms_and_conditions_signed_at: None,
            authorization_expires_at: None,
            confirmation_expires_at: None,
            estimated_waiting_time: None,
            failure_reason: None,
            created_at: now,
            updated_at: now,
            requested_at: None,
            url_expires_at: None,
            last_progress_at: None,
            token: None,
            // The sandbox plays the video identification; `document` is always decided
            // by a reviewer, in test mode too.
            sandbox: sandbox.filter(|_| input.method == Method::Idnow),
            verified_mobile_number: None,
            capture: Capture::default(),
            fraud: None,
        }
    }

    fn set_status(
        &mut self,
        status: Status,
        reason: Option<&str>,
        now: Timestamp,
        fx: &mut Effects,
    ) {
        if self.status != status {
            fx.status_changed = true;
        }
        self.status = status;
        self.failure_reason = reason.map(str::to_owned);
        self.updated_at = now;
        self.last_progress_at = Some(now);
        if status.is_final() {
            self.completed_at = Some(now);
        }
        self.estimated_waiting_time =
            (status == Status::Pending).then_some(ESTIMATED_WAITING_TIME_S);
    }

    /// `PATCH …/request`: creates the URL and reference (first time) or opens
    /// a new attempt with the same URL (retry after `aborted`/`canceled`).
    /// `reference` and `token` come from the caller's randomness.
    pub fn request(
        &mut self,
        reference: String,
        token: String,
        url: String,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let mut fx = Effects::default();
        match self.status {
            Status::Created => {
                self.reference = Some(reference);
                self.token = Some(token);
                self.url = Some(url);
                self.requested_at = Some(now);
                self.url_expires_at = Some(now + URL_VALIDITY);
                fx.timers.push(Schedule {
                    due: now + URL_VALIDITY,
                    timer: Timer::UrlExpiry {
                        identification_id: self.id.clone(),
                    },
                });
            }
            Status::Aborted | Status::Canceled if self.url_is_valid(now) => {
                fx.new_attempt = true;
            }
            // Asked again while the applicant has not finished their part: a new attempt on
            // the same URL, and the open one is `closed` (seed 003: "You created a new
            // attempt and this attempt is closed"). The applicant starts from the consent.
            Status::Pending if self.applicant_attempt_open(now) => {
                fx.new_attempt = true;
                self.capture = Capture::default();
            }
            // The applicant is done, or the sandbox runs its timeline: the same URL again.
            Status::Pending => return Ok(fx),
            s => {
                return Err(InvalidTransition {
                    status: s.as_str(),
                    action: "be requested",
                });
            }
        }
        self.set_status(Status::Pending, None, now, &mut fx);
        self.arm_after_request(now, &mut fx);
        Ok(fx)
    }

    /// After a request or retry: the automated sandbox runs its timeline at
    /// once; everyone else is given 30 minutes to make progress.
    fn arm_after_request(&mut self, now: Timestamp, fx: &mut Effects) {
        match self.sandbox {
            Some(SandboxCase {
                interaction: Interaction::Auto,
                scenario,
            }) => {
                fx.attempt = Some((AttemptStatus::ChecksInProgress, None));
                self.schedule_step(scenario, 0, now, fx);
            }
            _ => fx.timers.push(Schedule {
                due: now + REQUEST_TIMEOUT,
                timer: Timer::RequestTimeout {
                    identification_id: self.id.clone(),
                },
            }),
        }
    }

    fn schedule_step(&self, scenario: Scenario, step: usize, start: Timestamp, fx: &mut Effects) {
        if let Some((offset, _)) = scenario.timeline().get(step) {
            fx.timers.push(Schedule {
                due: start + Duration::seconds(*offset),
                timer: Timer::SandboxStep {
                    identification_id: self.id.clone(),
                    step,
                    start: crate::time::to_millis(&start),
                },
            });
        }
    }

    /// Records that this identification, successful, was found fraudulent. Refused for an
    /// identification that did not succeed (there is nothing to withdraw) or was already
    /// found so, and without a note (the finding must say why).
    pub fn find_fraudulent(
        &mut self,
        by: &str,
        note: &str,
        now: Timestamp,
    ) -> Result<(), InvalidTransition> {
        let refuse = |action| InvalidTransition {
            status: self.status.as_str(),
            action,
        };
        if self.status != Status::Successful {
            return Err(refuse("be found fraudulent (only a successful one can)"));
        }
        if self.fraud.is_some() {
            return Err(refuse("be found fraudulent again"));
        }
        let note = note.trim();
        if note.is_empty() {
            return Err(refuse("be found fraudulent without a note saying why"));
        }
        self.fraud = Some(FraudFinding {
            at: now,
            by: by.to_owned(),
            note: note.chars().take(2000).collect(),
        });
        self.updated_at = now;
        Ok(())
    }

    /// The status the person's eligibility reads: `failed` once found fraudulent.
    pub fn standing(&self) -> Status {
        if self.fraud.is_some() {
            Status::Failed
        } else {
            self.status
        }
    }

    pub fn url_is_valid(&self, now: Timestamp) -> bool {
        self.url_expires_at.is_some_and(|exp| now < exp)
    }

    /// Whether the current attempt waits for the applicant (`pending_redirection` or
    /// `capture_in_progress`): requested, the URL valid, nothing submitted, and not an
    /// automated sandbox case (whose attempt goes straight to the checks).
    fn applicant_attempt_open(&self, now: Timestamp) -> bool {
        self.status == Status::Pending
            && self.url_is_valid(now)
            && self.capture.submitted_at.is_none()
            && !matches!(
                self.sandbox,
                Some(SandboxCase {
                    interaction: Interaction::Auto,
                    ..
                })
            )
    }

    /// The applicant opened the URL and started capturing.
    pub fn applicant_started(&mut self, now: Timestamp) -> Result<Effects, InvalidTransition> {
        let mut fx = Effects::default();
        if !self.url_is_valid(now) {
            return Err(InvalidTransition {
                status: "expired",
                action: "be started",
            });
        }
        if self.status.is_retryable() {
            fx.new_attempt = true;
            self.capture = Capture::default();
            self.set_status(Status::Pending, None, now, &mut fx);
        } else if self.status != Status::Pending {
            return Err(InvalidTransition {
                status: self.status.as_str(),
                action: "be started",
            });
        }
        self.last_progress_at = Some(now);
        self.updated_at = now;
        fx.attempt = Some((AttemptStatus::CaptureInProgress, None));
        fx.timers.push(Schedule {
            due: now + REQUEST_TIMEOUT,
            timer: Timer::RequestTimeout {
                identification_id: self.id.clone(),
            },
        });
        Ok(fx)
    }

    /// The applicant finished their part (the sandbox's ident code entered).
    /// For a MANUALTEST case the timeline starts now.
    pub fn applicant_completed(
        &mut self,
        mobile_number: Option<String>,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let mut fx = Effects::default();
        if self.status != Status::Pending || !self.url_is_valid(now) {
            return Err(InvalidTransition {
                status: self.status.as_str(),
                action: "be completed",
            });
        }
        self.last_progress_at = Some(now);
        self.updated_at = now;
        if mobile_number.is_some() {
            self.verified_mobile_number = mobile_number;
        }
        // The applicant's part is done: the page says so, and the timeline takes over.
        self.capture.submitted_at = Some(now);
        fx.attempt = Some((AttemptStatus::ChecksInProgress, None));
        let scenario = self
            .sandbox
            .map(|c| c.scenario)
            .unwrap_or(Scenario::Happypath);
        self.schedule_step(scenario, 0, now, &mut fx);
        Ok(fx)
    }

    /// The applicant gave up (seed 002's `aborted`, USER_CANCELLATION).
    pub fn applicant_aborted(&mut self, now: Timestamp) -> Result<Effects, InvalidTransition> {
        let mut fx = Effects::default();
        if self.status != Status::Pending {
            return Err(InvalidTransition {
                status: self.status.as_str(),
                action: "be aborted",
            });
        }
        self.set_status(Status::Aborted, Some("USER_CANCELLATION"), now, &mut fx);
        fx.attempt = Some((
            AttemptStatus::Abandoned,
            Some(AttemptResponseCode::PostponedByUser),
        ));
        Ok(fx)
    }

    /// The applicant refused on the page: "I do not agree" at the consent, or no access to the
    /// camera. The attempt is `capture_refused` with seed 003's response code for it; the SPEC
    /// gives a refusal no other consequence, so the identification is `aborted`
    /// (USER_CANCELLATION) and, like any abort, can be started again with the same URL.
    pub fn applicant_refused(
        &mut self,
        refusal: Refusal,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let mut fx = Effects::default();
        if !self.applicant_attempt_open(now) {
            return Err(InvalidTransition {
                status: self.status.as_str(),
                action: "be refused",
            });
        }
        self.set_status(Status::Aborted, Some("USER_CANCELLATION"), now, &mut fx);
        fx.attempt = Some((AttemptStatus::CaptureRefused, Some(refusal.response_code())));
        Ok(fx)
    }

    /// A timer fired. `due` is when it was due on the tenant clock, which may
    /// be long before `now` after a clock jump: what follows is scheduled from
    /// `due`, so one jump plays a whole timeline.
    pub fn on_timer(&mut self, timer: &Timer, due: Timestamp, now: Timestamp) -> Effects {
        let mut fx = Effects::default();
        match timer {
            Timer::SandboxStep { step, start, .. } => {
                let Some(case) = self.sandbox.or(Some(SandboxCase {
                    interaction: Interaction::Manual,
                    scenario: Scenario::Happypath,
                })) else {
                    return fx;
                };
                if self.status.is_final()
                    || self.status.is_retryable()
                    || self.status == Status::Created
                {
                    return fx; // stale timer of an earlier attempt
                }
                let start = crate::time::from_millis(*start);
                let Some((_, action)) = case.scenario.timeline().get(*step) else {
                    return fx;
                };
                self.apply_step(*action, due, &mut fx);
                self.schedule_step(case.scenario, step + 1, start, &mut fx);
            }
            Timer::RequestTimeout { .. } => {
                // A submitted case waits for its reviewer, however long that takes.
                if self.status != Status::Pending || self.capture.submitted_at.is_some() {
                    return fx;
                }
                let last = self.last_progress_at.unwrap_or(self.updated_at);
                // Compared at storage precision: a due time read back from
                // storage has lost its sub-millisecond part, and a timer that
                // re-armed itself for the same millisecond would fire forever.
                let deadline = last + REQUEST_TIMEOUT;
                if crate::time::to_millis(&deadline) <= crate::time::to_millis(&due) {
                    self.set_status(Status::Canceled, Some("TECH_TIMEOUT"), due, &mut fx);
                    fx.attempt = Some((
                        AttemptStatus::Abandoned,
                        Some(AttemptResponseCode::FlowNotStarted),
                    ));
                } else {
                    fx.timers.push(Schedule {
                        due: last + REQUEST_TIMEOUT,
                        timer: timer.clone(),
                    });
                }
            }
            Timer::UrlExpiry { .. } => {
                if self.status == Status::Pending && self.capture.submitted_at.is_none() {
                    self.set_status(Status::Canceled, Some("TECH_TIMEOUT"), due, &mut fx);
                    fx.attempt = Some((
                        AttemptStatus::Expired,
                        Some(AttemptResponseCode::AbandonedUrlExpired),
                    ));
                }
            }
        }
        let _ = now;
        fx
    }

    fn apply_step(&mut self, step: Step, at: Timestamp, fx: &mut Effects) {
        match step {
            Step::ReviewPositive => {
                self.set_status(Status::PendingSuccessful, None, at, fx);
            }
            Step::ReviewNegative => {
                self.set_status(
                    Status::PendingFailed,
                    Some("FRAUD_SUSPICION_PENDING"),
                    at,
                    fx,
                );
            }
            Step::Succeed { change_person } => {
                self.set_status(Status::Successful, None, at, fx);
                fx.attempt = Some((
                    AttemptStatus::Completed,
                    Some(AttemptResponseCode::Approved),
                ));
                fx.succeeded = true;
                if change_person {
                    fx.person_changes = Some(changeall_fields());
                }
            }
            Step::Cancel(reason) => {
                self.set_status(Status::Canceled, Some(reason), at, fx);
                fx.attempt = Some((
                    AttemptStatus::ChecksInconclusive,
                    Some(cancel_response_code(reason)),
                ));
            }
            Step::Fail => {
                self.set_status(Status::Failed, None, at, fx);
                // FRAUDIDENT: the review confirmed the fraud, which is identity fraud.
                fx.attempt = Some((
                    AttemptStatus::Terminated,
                    Some(IdentificationReason::FraudSuspicionConfirmed.response_code()),
                ));
            }
        }
    }
}

/// The attempt response code (seed 003) that goes with a sandbox's cancellation reason.
fn cancel_response_code(reason: &str) -> AttemptResponseCode {
    IdentificationReason::parse(reason)
        .map(IdentificationReason::response_code)
        .unwrap_or(AttemptResponseCode::InternalError)
}

/// CHANGEALL's new values: every field the video call can correct, with
/// the non-ASCII characters IDnow returns.
pub fn changeall_fields() -> serde_json::Map<String, serde_json::Value> {
    let v = serde_json::json!({
        "salutation": "MR",
        "title": "Dr.",
        "first_name": "Jérôme Łukasz",
        "last_name": "Müller-Øster’Gaard",
        "birth_name": "Ñúñez",
        "birth_date": "1985-02-28",
        "birth_city": "Łódź",
        "birth_country": "PL",
        "nationality": "AT",
        "address": {
            "line_1": "Straße des 17. Juni",
            "line_2": "135 ½",
            "postal_code": "10623",
            "city": "Berlin-Çharlottenburg",
            "country": "DE",
            "state": "BE"
        }
    });
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn only_a_successful_identification_is_found_fraudulent_once_with_a_reason() {
        let mut i = ident(None);
        assert!(
            i.find_fraudulent("rev@example.com", "forged", t0())
                .is_err()
        );
        i.status = Status::Successful;
        assert!(i.find_fraudulent("rev@example.com", "  ", t0()).is_err());
        assert_eq!(i.standing(), Status::Successful);
        i.find_fraudulent("rev@example.com", " forged passport ", t0())
            .unwrap();
        assert_eq!(i.status, Status::Successful, "seed 002 has no way back");
        assert_eq!(i.standing(), Status::Failed, "but it identifies nobody");
        assert_eq!(i.fraud.as_ref().unwrap().note, "forged passport");
        assert!(i.find_fraudulent("rev@example.com", "again", t0()).is_err());
        // Stored and read back; older rows without the field read as not found.
        let json = serde_json::to_value(&i).unwrap();
        let back: Identification = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back.fraud, i.fraud);
        let mut old = json;
        old.as_object_mut().unwrap().remove("fraud");
        let back: Identification = serde_json::from_value(old).unwrap();
        assert_eq!(back.fraud, None);
    }

    fn ident(case: Option<SandboxCase>) -> Identification {
        Identification::new(
            IdentificationId::from_random([1; 16]),
            PersonId::from_random([2; 16]),
            NewIdentification {
                method: Method::Idnow,
                language: None,
                proof_of_address_type: None,
                proof_of_address_issued_at: None,
            },
            case,
            t0(),
        )
    }

    /// Runs every due timer up to `until`, the way the job queue does.
    fn run_until(
        i: &mut Identification,
        mut timers: Vec<Schedule>,
        until: Timestamp,
    ) -> Vec<(Timestamp, Status)> {
        let mut seen = Vec::new();
        loop {
            timers.sort_by_key(|s| s.due);
            let Some(pos) = timers.iter().position(|s| s.due <= until) else {
                break;
            };
            let s = timers.remove(pos);
            let fx = i.on_timer(&s.timer, s.due, until);
            if fx.status_changed {
                seen.push((s.due, i.status));
            }
            timers.extend(fx.timers);
        }
        seen
    }

    #[test]
    fn one_jump_of_25_hours_plays_a_whole_longreview_on_its_own_timeline() {
        let case = sandbox_case("X-AUTOTEST-LONGREVIEW", "Doe");
        let mut i = ident(case);
        let fx = i
            .request(
                "TST-ABCDE".into(),
                "tok".into(),
                "https://x/identify/tok".into(),
                t0(),
            )
            .unwrap();
        let seen = run_until(&mut i, fx.timers, t0() + Duration::hours(25));
        assert_eq!(
            seen,
            vec![
                (t0() + Duration::seconds(30), Status::PendingSuccessful),
                (t0() + Duration::seconds(24 * 3600), Status::Successful),
            ]
        );
        assert_eq!(i.completed_at, Some(t0() + Duration::hours(24)));
    }

    #[test]
    fn sandbox_prefixes_select_the_case_from_either_name() {
        assert_eq!(
            sandbox_case("Jane", "X-MANUALTEST-FRAUDOK"),
            Some(SandboxCase {
                interaction: Interaction::Manual,
                scenario: Scenario::Fraudok
            })
        );
        assert_eq!(sandbox_case("X-AUTOTEST-NOPE", "Doe"), None);
        assert_eq!(sandbox_case("Jane", "Doe"), None);
    }

    #[test]
    fn a_request_without_progress_is_canceled_with_tech_timeout_after_30_minutes() {
        let mut i = ident(sandbox_case("X-MANUALTEST-HAPPYPATH", "Doe"));
        let fx = i
            .request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        let seen = run_until(&mut i, fx.timers, t0() + Duration::minutes(29));
        assert!(seen.is_empty());
        let mut i2 = i.clone();
        let fx = i2.on_timer(
            &Timer::RequestTimeout {
                identification_id: i.id.clone(),
            },
            t0() + REQUEST_TIMEOUT,
            t0() + REQUEST_TIMEOUT,
        );
        assert_eq!(i2.status, Status::Canceled);
        assert_eq!(i2.failure_reason.as_deref(), Some("TECH_TIMEOUT"));
        assert!(fx.status_changed);
    }

    #[test]
    fn canceled_can_be_retried_with_the_same_url_but_failed_cannot() {
        let mut i = ident(sandbox_case("X-AUTOTEST-ABORTIDENT", "Doe"));
        let fx = i
            .request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        run_until(&mut i, fx.timers, t0() + Duration::minutes(1));
        assert_eq!(i.status, Status::Canceled);
        let fx = i
            .request(
                "TST-OTHER".into(),
                "tok2".into(),
                "u2".into(),
                t0() + Duration::minutes(2),
            )
            .unwrap();
        assert!(fx.new_attempt);
        assert_eq!(i.url.as_deref(), Some("u"));
        assert_eq!(i.reference.as_deref(), Some("TST-ABCDE"));
        i.status = Status::Failed;
        assert!(i.request("a".into(), "b".into(), "c".into(), t0()).is_err());
    }

    #[test]
    fn a_refusal_ends_the_open_attempt_capture_refused_and_the_link_stays_usable() {
        let mut i = ident(None);
        i.request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        let fx = i.applicant_refused(Refusal::Consent, t0()).unwrap();
        assert_eq!(
            fx.attempt,
            Some((
                AttemptStatus::CaptureRefused,
                Some(AttemptResponseCode::UserRefused)
            ))
        );
        assert!(fx.status_changed);
        assert_eq!(i.status, Status::Aborted);
        assert!(i.applicant_refused(Refusal::Camera, t0()).is_err());
        let fx = i.applicant_started(t0() + Duration::minutes(1)).unwrap();
        assert!(fx.new_attempt);
        let fx = i
            .applicant_refused(Refusal::Camera, t0() + Duration::minutes(2))
            .unwrap();
        assert_eq!(
            fx.attempt.map(|a| a.1),
            Some(Some(AttemptResponseCode::CameraAccessDenied))
        );
    }

    #[test]
    fn asking_again_before_the_applicant_is_done_opens_a_new_attempt_afterwards_it_does_not() {
        let mut i = ident(sandbox_case("X-MANUALTEST-HAPPYPATH", "Doe"));
        i.request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        i.applicant_started(t0()).unwrap();
        let fx = i
            .request("TST-OTHER".into(), "t2".into(), "u2".into(), t0())
            .unwrap();
        assert!(fx.new_attempt);
        assert!(!fx.status_changed);
        assert_eq!(i.url.as_deref(), Some("u"));
        i.applicant_completed(None, t0()).unwrap();
        let fx = i
            .request("TST-OTHER".into(), "t2".into(), "u2".into(), t0())
            .unwrap();
        assert_eq!(fx, Effects::default());
        let mut auto = ident(sandbox_case("X-AUTOTEST-HAPPYPATH", "Doe"));
        auto.request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        let fx = auto
            .request("TST-ABCDE".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        assert!(!fx.new_attempt);
    }
}
