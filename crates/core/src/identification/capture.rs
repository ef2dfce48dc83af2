//! The applicant's part on the hosted page, and Signet's own method `document`.
//!
//! Every method starts with consent (terms and data processing, each with its time). For
//! `document` the applicant then chooses the ID document, uploads its images and a selfie,
//! may type the machine-readable zone, and verifies a mobile number with a code; on
//! submission Signet's checks run and the case waits for a reviewer, who decides with a
//! reason of seed 002's table. A permanent reason fails the identification; any other
//! cancels it, and the applicant can start again with the same URL.

use super::{
    AttemptStatus, Effects, Identification, InvalidTransition, Method, REQUEST_TIMEOUT, Schedule,
    Status, Timer,
};
use crate::catalog::{AttemptResponseCode, IdentificationReason};
use crate::mrz::Mrz;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The ID documents the `document` method accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IdDocumentKind {
    Passport,
    Idcard,
}

impl IdDocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdDocumentKind::Passport => "PASSPORT",
            IdDocumentKind::Idcard => "IDCARD",
        }
    }
    pub fn parse(s: &str) -> Option<IdDocumentKind> {
        match s {
            "PASSPORT" => Some(IdDocumentKind::Passport),
            "IDCARD" => Some(IdDocumentKind::Idcard),
            _ => None,
        }
    }
    /// An ID card has a back with data on it; a passport's data page is one image.
    pub fn needs_back(self) -> bool {
        self == IdDocumentKind::Idcard
    }
}

/// Something a check found that the reviewer must weigh. `code` is seed 001's return code
/// where one matches; `severe` findings put the case in `pending_failed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// A stable name of the check, e.g. `mrz_name_mismatch`.
    pub check: String,
    pub code: Option<u32>,
    pub message: String,
    pub severe: bool,
}

impl Finding {
    pub fn new(check: &str, code: Option<u32>, message: impl Into<String>, severe: bool) -> Self {
        Finding {
            check: check.to_owned(),
            code,
            message: message.into(),
            severe,
        }
    }
}

/// A code sent to the applicant's mobile number; only its keyed digest is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneCode {
    pub number: String,
    pub digest: String,
    pub expires_at: Timestamp,
    pub wrong: u32,
}

/// A reviewer's decision on a `document` identification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub approved: bool,
    /// The reason of seed 002's table when declined.
    pub reason: Option<String>,
    pub note: Option<String>,
    pub reviewer: String,
    pub at: Timestamp,
}

/// What the applicant gave during the current attempt. Stored in the identification's JSON;
/// every field defaults, so rows written before a field existed still read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Capture {
    pub data_processing_consented_at: Option<Timestamp>,
    pub document_kind: Option<IdDocumentKind>,
    /// Person-document ids of the stored images.
    pub front: Option<String>,
    pub back: Option<String>,
    pub selfie: Option<String>,
    /// The machine-readable zone as the applicant typed it, when given.
    pub mrz: Option<String>,
    pub phone_code: Option<PhoneCode>,
    /// Codes sent in this attempt; each costs an SMS, so there is a ceiling.
    pub phone_codes_sent: u32,
    pub phone_verified: Option<String>,
    /// Findings of the image checks, kept per slot until submission.
    pub image_findings: Vec<Finding>,
    pub submitted_at: Option<Timestamp>,
    /// Every finding at submission: images, MRZ and the comparison with the person.
    pub findings: Vec<Finding>,
    pub review: Option<Review>,
    /// The device the applicant submitted from (`crate::device::device_model`), which a
    /// signing session is compared with (seed 000's 3541).
    pub device_model: Option<String>,
}

/// Which image of the capture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageSlot {
    Front,
    Back,
    Selfie,
}

impl ImageSlot {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageSlot::Front => "front",
            ImageSlot::Back => "back",
            ImageSlot::Selfie => "selfie",
        }
    }
}

/// How many wrong codes one sent code allows before a new one is needed.
pub const PHONE_CODE_TRIES: u32 = 5;
/// How many codes one attempt may send (SMS cost and abuse); a new attempt starts afresh.
pub const PHONE_CODES_PER_ATTEMPT: u32 = 5;
/// How long a sent code is valid.
pub const PHONE_CODE_VALIDITY: chrono::Duration = chrono::Duration::minutes(10);

/// What submission is still waiting for, in the order the page asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Consent,
    DocumentKind,
    Front,
    Back,
    Selfie,
    Phone,
}

/// The result of a code the applicant typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeOutcome {
    Verified,
    Wrong {
        left: u32,
    },
    /// Too many wrong codes, or expired: a new code is needed.
    Spent,
    NoCode,
}

fn refused(i: &Identification, action: &'static str) -> InvalidTransition {
    InvalidTransition {
        status: i.status.as_str(),
        action,
    }
}

impl Identification {
    /// Whether the applicant may still act on the page: requested, not submitted, URL valid.
    pub fn open_for_applicant(&self, now: Timestamp) -> bool {
        self.status == Status::Pending
            && self.url_is_valid(now)
            && self.capture.submitted_at.is_none()
    }

    /// The applicant accepted the terms and the processing of their data. Starts (or, after
    /// `aborted`/`canceled`, restarts) the attempt.
    pub fn consent(&mut self, now: Timestamp) -> Result<Effects, InvalidTransition> {
        if self.status == Status::Pending && self.capture.submitted_at.is_some() {
            return Err(refused(self, "be started again while under review"));
        }
        let fx = self.applicant_started(now)?;
        self.terms_and_conditions_signed_at = Some(now);
        self.capture.data_processing_consented_at = Some(now);
        Ok(fx)
    }

    fn capture_step(
        &mut self,
        now: Timestamp,
        action: &'static str,
    ) -> Result<Effects, InvalidTransition> {
        if !self.open_for_applicant(now) || self.capture.data_processing_consented_at.is_none() {
            return Err(refused(self, action));
        }
        self.last_progress_at = Some(now);
        self.updated_at = now;
        let mut fx = Effects::default();
        // Progress pushes TECH_TIMEOUT back; the timer re-arms itself from `last_progress_at`.
        fx.timers.push(Schedule {
            due: now + REQUEST_TIMEOUT,
            timer: Timer::RequestTimeout {
                identification_id: self.id.clone(),
            },
        });
        Ok(fx)
    }

    /// The applicant chose their ID document. Changing it drops the images of the other one.
    pub fn choose_document(
        &mut self,
        kind: IdDocumentKind,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let fx = self.capture_step(now, "take a document")?;
        if self.capture.document_kind != Some(kind) {
            self.capture.front = None;
            self.capture.back = None;
            self.capture.mrz = None;
            self.capture
                .image_findings
                .retain(|f| f.check.starts_with("selfie_"));
        }
        self.capture.document_kind = Some(kind);
        Ok(fx)
    }

    /// An image passed the upload checks and is stored as `document_id`; its soft findings
    /// replace those of an earlier image in the same slot.
    pub fn image_stored(
        &mut self,
        slot: ImageSlot,
        document_id: String,
        findings: Vec<Finding>,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        if self.method != Method::Document {
            return Err(refused(self, "take images (its method is not document)"));
        }
        let fx = self.capture_step(now, "take images")?;
        if slot != ImageSlot::Selfie && self.capture.document_kind.is_none() {
            return Err(refused(
                self,
                "take a document image before the document is chosen",
            ));
        }
        let prefix = format!("{}_", slot.as_str());
        self.capture
            .image_findings
            .retain(|f| !f.check.starts_with(&prefix));
        self.capture
            .image_findings
            .extend(findings.into_iter().map(|mut f| {
                if !f.check.starts_with(&prefix) {
                    f.check = format!("{prefix}{}", f.check);
                }
                f
            }));
        let id = Some(document_id);
        match slot {
            ImageSlot::Front => self.capture.front = id,
            ImageSlot::Back => self.capture.back = id,
            ImageSlot::Selfie => self.capture.selfie = id,
        }
        Ok(fx)
    }

    /// The applicant typed the machine-readable zone (already parsed with every check digit
    /// right by the caller), or cleared it with `None`.
    pub fn mrz_given(
        &mut self,
        mrz: Option<String>,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let fx = self.capture_step(now, "take the machine-readable zone")?;
        self.capture.mrz = mrz;
        Ok(fx)
    }

    /// A code was sent to `number`; an earlier code stops working.
    pub fn phone_code_sent(
        &mut self,
        number: String,
        digest: String,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        if self.capture.phone_codes_sent >= PHONE_CODES_PER_ATTEMPT {
            return Err(refused(self, "send more codes in this attempt"));
        }
        let fx = self.capture_step(now, "verify a mobile number")?;
        self.capture.phone_codes_sent += 1;
        self.capture.phone_code = Some(PhoneCode {
            number,
            digest,
            expires_at: now + PHONE_CODE_VALIDITY,
            wrong: 0,
        });
        Ok(fx)
    }

    /// The applicant typed a code whose keyed digest is `digest`.
    pub fn phone_code_entered(
        &mut self,
        digest: &str,
        now: Timestamp,
    ) -> Result<(CodeOutcome, Effects), InvalidTransition> {
        let fx = self.capture_step(now, "verify a mobile number")?;
        let Some(code) = self.capture.phone_code.as_mut() else {
            return Ok((CodeOutcome::NoCode, fx));
        };
        if now >= code.expires_at || code.wrong >= PHONE_CODE_TRIES {
            self.capture.phone_code = None;
            return Ok((CodeOutcome::Spent, fx));
        }
        // Both sides are hex digests of the same length made with the installation's key;
        // comparing them reveals nothing about the code.
        if code.digest == digest {
            let number = code.number.clone();
            self.capture.phone_code = None;
            self.capture.phone_verified = Some(number);
            return Ok((CodeOutcome::Verified, fx));
        }
        code.wrong += 1;
        if code.wrong >= PHONE_CODE_TRIES {
            self.capture.phone_code = None;
            return Ok((CodeOutcome::Spent, fx));
        }
        Ok((
            CodeOutcome::Wrong {
                left: PHONE_CODE_TRIES - code.wrong,
            },
            fx,
        ))
    }

    /// What the applicant still has to give before submitting, first missing first.
    pub fn missing(&self) -> Vec<Missing> {
        let c = &self.capture;
        let mut m = Vec::new();
        if c.data_processing_consented_at.is_none() {
            m.push(Missing::Consent);
        }
        match c.document_kind {
            None => m.push(Missing::DocumentKind),
            Some(kind) => {
                if c.front.is_none() {
                    m.push(Missing::Front);
                }
                if kind.needs_back() && c.back.is_none() {
                    m.push(Missing::Back);
                }
            }
        }
        if c.selfie.is_none() {
            m.push(Missing::Selfie);
        }
        if c.phone_verified.is_none() {
            m.push(Missing::Phone);
        }
        m
    }

    /// The applicant submits; `checks` are the findings of the MRZ and person comparison
    /// (see [`compare_with_person`]). The case now waits for a reviewer: `pending`, or
    /// `pending_failed` when a check found something severe.
    pub fn submit(
        &mut self,
        checks: Vec<Finding>,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        let mut fx = self.capture_step(now, "be submitted")?;
        fx.timers.clear(); // under review, TECH_TIMEOUT no longer applies
        if self.method != Method::Document || !self.missing().is_empty() {
            return Err(refused(self, "be submitted before everything is given"));
        }
        let mut findings = self.capture.image_findings.clone();
        findings.extend(checks);
        let severe = findings.iter().any(|f| f.severe);
        self.capture.findings = findings;
        self.capture.submitted_at = Some(now);
        self.verified_mobile_number = self.capture.phone_verified.clone();
        if severe {
            self.set_status(Status::PendingFailed, None, now, &mut fx);
        } else {
            self.updated_at = now;
        }
        fx.attempt = Some((AttemptStatus::ChecksInProgress, None));
        Ok(fx)
    }

    /// Submitted and not yet decided: in the reviewers' queue since then.
    pub fn awaiting_review_since(&self) -> Option<Timestamp> {
        if self.method != Method::Document {
            return None;
        }
        match (self.capture.submitted_at, &self.capture.review, self.status) {
            (Some(at), None, Status::Pending | Status::PendingFailed) => Some(at),
            _ => None,
        }
    }

    /// A reviewer approves, or declines with a reason of seed 002's table: a permanent
    /// reason fails the identification (final, and the reason is not disclosed), any other
    /// cancels it so the applicant can start again with the same URL.
    pub fn review(
        &mut self,
        approved: bool,
        reason: Option<IdentificationReason>,
        note: Option<String>,
        reviewer: &str,
        now: Timestamp,
    ) -> Result<Effects, InvalidTransition> {
        if self.awaiting_review_since().is_none() {
            return Err(refused(
                self,
                "be reviewed (nothing is waiting for a decision)",
            ));
        }
        let mut fx = Effects::default();
        if approved {
            self.set_status(Status::Successful, None, now, &mut fx);
            fx.attempt = Some((
                AttemptStatus::Completed,
                Some(AttemptResponseCode::Approved),
            ));
            fx.succeeded = true;
        } else {
            let Some(reason) = reason else {
                return Err(refused(self, "be declined without a reason"));
            };
            let code = response_code_for(reason);
            if reason.permanent() {
                self.set_status(Status::Failed, None, now, &mut fx);
                fx.attempt = Some((AttemptStatus::Terminated, Some(code)));
            } else {
                self.set_status(Status::Canceled, Some(reason.as_str()), now, &mut fx);
                fx.attempt = Some((AttemptStatus::ChecksInconclusive, Some(code)));
            }
        }
        self.capture.review = Some(Review {
            approved,
            reason: (!approved)
                .then(|| reason.map(|r| r.as_str().to_owned()))
                .flatten(),
            note,
            reviewer: reviewer.to_owned(),
            at: now,
        });
        Ok(fx)
    }
}

impl Identification {
    /// What the ID document of a `document` identification means for signing eligibility at
    /// `today`: whether its type is accepted for its issuing country (national ID cards of
    /// the EU, EEA and Switzerland; passports of every country) and whether it has expired
    /// since. Without a typed zone the reviewer vouched for the document: accepted, valid.
    pub fn document_validity(&self, today: NaiveDate) -> (bool, bool) {
        let c = &self.capture;
        let Some(text) = c.mrz.as_deref().filter(|_| self.method == Method::Document) else {
            return (true, false);
        };
        let parsed_on = c.submitted_at.unwrap_or(self.updated_at).date_naive();
        let Ok(mrz) = Mrz::parse(text, parsed_on) else {
            return (true, false);
        };
        let supported = match c.document_kind {
            Some(IdDocumentKind::Idcard) => {
                crate::validate::country_alpha3_to_alpha2(&mrz.issuing_state)
                    .is_some_and(|cc| super::ID_CARD_COUNTRIES.contains(&cc))
            }
            _ => true,
        };
        (supported, mrz.is_expired(today))
    }
}

/// The attempt response code (seed 003) that goes with a reviewer's reason
/// ([`IdentificationReason::response_code`]).
pub fn response_code_for(reason: IdentificationReason) -> AttemptResponseCode {
    reason.response_code()
}

/// What the person on record looks like, for the comparison with the ID document.
#[derive(Debug, Clone, Copy)]
pub struct PersonFacts<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub birth_date: Option<NaiveDate>,
    /// ISO 3166 alpha-2.
    pub nationality: Option<&'a str>,
}

/// Compares a parsed machine-readable zone with the person and the document the applicant
/// chose; with no zone, says the reviewer must read the data from the images.
pub fn compare_with_person(
    mrz: Option<&Mrz>,
    chosen: IdDocumentKind,
    person: PersonFacts<'_>,
    today: NaiveDate,
) -> Vec<Finding> {
    let Some(mrz) = mrz else {
        return vec![Finding::new(
            "mrz_missing",
            None,
            "No machine-readable zone was given: read name, birth date and expiry from the images.",
            false,
        )];
    };
    let mut out = Vec::new();
    let kind = match mrz.document_code.chars().next() {
        Some('P') => Some(IdDocumentKind::Passport),
        Some('I' | 'A' | 'C') => Some(IdDocumentKind::Idcard),
        _ => None,
    };
    if kind != Some(chosen) {
        out.push(Finding::new(
            "wrong_document_type",
            Some(2028),
            format!(
                "The applicant chose {} but the zone's document code is {}.",
                chosen.as_str(),
                mrz.document_code
            ),
            true,
        ));
    }
    if !mrz.names_match(person.first_name, person.last_name) {
        out.push(Finding::new(
            "mrz_name_mismatch",
            Some(2015),
            format!(
                "The zone names {} {}; the person is {} {}.",
                mrz.given_names, mrz.surname, person.first_name, person.last_name
            ),
            true,
        ));
    }
    match (mrz.birth_date, person.birth_date) {
        (Some(a), Some(b)) if a != b => out.push(Finding::new(
            "mrz_birth_date_mismatch",
            None,
            format!("The zone gives the birth date {a}; the person's is {b}."),
            true,
        )),
        (None, Some(_)) => out.push(Finding::new(
            "mrz_birth_date_unknown",
            None,
            "The zone gives no full birth date: compare it on the image.",
            false,
        )),
        _ => {}
    }
    if mrz.is_expired(today) {
        out.push(Finding::new(
            "document_expired",
            None,
            format!(
                "The document expired on {}.",
                mrz.expiry_date.map(|d| d.to_string()).unwrap_or_default()
            ),
            true,
        ));
    }
    if let Some(nationality) = person.nationality {
        let zone = crate::validate::country_alpha3_to_alpha2(&mrz.nationality);
        if zone.is_some_and(|z| !z.eq_ignore_ascii_case(nationality)) {
            out.push(Finding::new(
                "mrz_nationality_mismatch",
                None,
                format!(
                    "The zone gives the nationality {}; the person's is {nationality}.",
                    mrz.nationality
                ),
                false,
            ));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::identification::{NewIdentification, sandbox_case};
    use crate::ids::{IdentificationId, PersonId};
    use chrono::{Duration, TimeZone};

    fn t0() -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .single()
            .unwrap()
    }

    fn requested(first: &str) -> Identification {
        let mut i = Identification::new(
            IdentificationId::from_random([7; 16]),
            PersonId::from_random([8; 16]),
            NewIdentification {
                method: Method::Document,
                language: None,
                proof_of_address_type: None,
                proof_of_address_issued_at: None,
            },
            sandbox_case(first, "Doe"),
            t0(),
        );
        i.request("REF".into(), "tok".into(), "u".into(), t0())
            .unwrap();
        i
    }

    /// Consent, an ID card front and back, a selfie and a verified number.
    fn captured(i: &mut Identification) {
        let t = t0() + Duration::minutes(1);
        i.consent(t).unwrap();
        i.choose_document(IdDocumentKind::Idcard, t).unwrap();
        i.image_stored(ImageSlot::Front, "pd_front".into(), vec![], t)
            .unwrap();
        i.image_stored(ImageSlot::Back, "pd_back".into(), vec![], t)
            .unwrap();
        i.image_stored(ImageSlot::Selfie, "pd_selfie".into(), vec![], t)
            .unwrap();
        i.phone_code_sent("+4915112345678".into(), "d1".into(), t)
            .unwrap();
        assert_eq!(
            i.phone_code_entered("d1", t).unwrap().0,
            CodeOutcome::Verified
        );
    }

    #[test]
    fn the_document_method_never_runs_the_sandbox_timeline() {
        let i = requested("X-AUTOTEST-HAPPYPATH");
        assert_eq!(i.sandbox, None);
    }

    #[test]
    fn consent_is_recorded_with_its_time_and_starts_the_capture() {
        let mut i = requested("Jane");
        assert_eq!(i.missing()[0], Missing::Consent);
        assert!(i.choose_document(IdDocumentKind::Passport, t0()).is_err());
        let t = t0() + Duration::seconds(5);
        let fx = i.consent(t).unwrap();
        assert_eq!(i.terms_and_conditions_signed_at, Some(t));
        assert_eq!(i.capture.data_processing_consented_at, Some(t));
        assert_eq!(fx.attempt, Some((AttemptStatus::CaptureInProgress, None)));
        assert_eq!(
            i.missing(),
            vec![Missing::DocumentKind, Missing::Selfie, Missing::Phone]
        );
        i.choose_document(IdDocumentKind::Idcard, t).unwrap();
        assert_eq!(
            i.missing(),
            vec![
                Missing::Front,
                Missing::Back,
                Missing::Selfie,
                Missing::Phone
            ]
        );
    }

    #[test]
    fn a_submitted_case_waits_for_its_reviewer_past_the_30_minute_timeout() {
        let mut i = requested("Jane");
        captured(&mut i);
        let t = t0() + Duration::minutes(2);
        let fx = i.submit(vec![], t).unwrap();
        assert!(fx.timers.is_empty());
        assert_eq!(i.status, Status::Pending);
        assert_eq!(i.awaiting_review_since(), Some(t));
        assert_eq!(i.verified_mobile_number.as_deref(), Some("+4915112345678"));
        let due = t + Duration::hours(3);
        let fx = i.on_timer(
            &Timer::RequestTimeout {
                identification_id: i.id.clone(),
            },
            due,
            due,
        );
        assert_eq!(fx, Effects::default());
        assert_eq!(i.status, Status::Pending);
        assert!(
            i.image_stored(ImageSlot::Selfie, "x".into(), vec![], t)
                .is_err()
        );
        assert!(i.consent(t).is_err());
    }

    #[test]
    fn a_severe_finding_puts_the_case_in_pending_failed() {
        let mut i = requested("Jane");
        captured(&mut i);
        let f = Finding::new("document_expired", None, "expired", true);
        let fx = i
            .submit(vec![f.clone()], t0() + Duration::minutes(2))
            .unwrap();
        assert!(fx.status_changed);
        assert_eq!(i.status, Status::PendingFailed);
        assert_eq!(i.capture.findings, vec![f]);
        assert!(i.awaiting_review_since().is_some());
    }

    #[test]
    fn submission_needs_every_part() {
        let mut i = requested("Jane");
        i.consent(t0()).unwrap();
        i.choose_document(IdDocumentKind::Passport, t0()).unwrap();
        i.image_stored(ImageSlot::Front, "f".into(), vec![], t0())
            .unwrap();
        assert_eq!(i.missing(), vec![Missing::Selfie, Missing::Phone]);
        assert!(i.submit(vec![], t0()).is_err());
    }

    #[test]
    fn approval_succeeds_and_a_reviewer_decides_only_once() {
        let mut i = requested("Jane");
        captured(&mut i);
        i.submit(vec![], t0() + Duration::minutes(2)).unwrap();
        let t = t0() + Duration::hours(5);
        let fx = i.review(true, None, None, "operator:r@x", t).unwrap();
        assert!(fx.succeeded && fx.status_changed);
        assert_eq!(i.status, Status::Successful);
        assert_eq!(
            fx.attempt,
            Some((
                AttemptStatus::Completed,
                Some(AttemptResponseCode::Approved)
            ))
        );
        assert_eq!(i.awaiting_review_since(), None);
        assert!(i.review(true, None, None, "operator:r@x", t).is_err());
    }

    #[test]
    fn a_temporary_reason_cancels_and_the_same_url_starts_a_new_attempt() {
        let mut i = requested("Jane");
        captured(&mut i);
        i.submit(vec![], t0() + Duration::minutes(2)).unwrap();
        let reason = IdentificationReason::parse("DATA_ID_EXPIRED").unwrap();
        assert!(i.review(false, None, None, "op", t0()).is_err());
        let fx = i
            .review(
                false,
                Some(reason),
                Some("expired in 2025".into()),
                "op",
                t0() + Duration::hours(1),
            )
            .unwrap();
        assert_eq!(i.status, Status::Canceled);
        assert_eq!(i.failure_reason.as_deref(), Some("DATA_ID_EXPIRED"));
        assert_eq!(
            fx.attempt,
            Some((
                AttemptStatus::ChecksInconclusive,
                Some(AttemptResponseCode::DocumentExpired)
            ))
        );
        let fx = i.consent(t0() + Duration::hours(2)).unwrap();
        assert!(fx.new_attempt);
        assert_eq!(i.status, Status::Pending);
        assert_eq!(i.capture.front, None);
        assert_eq!(i.capture.review, None);
    }

    #[test]
    fn a_permanent_reason_fails_without_disclosing_it() {
        let mut i = requested("Jane");
        captured(&mut i);
        i.submit(vec![], t0() + Duration::minutes(2)).unwrap();
        let reason = IdentificationReason::parse("FRAUD_SUSPICION_CONFIRMED").unwrap();
        let fx = i.review(false, Some(reason), None, "op", t0()).unwrap();
        assert_eq!(i.status, Status::Failed);
        assert_eq!(i.failure_reason, None);
        assert_eq!(
            i.capture.review.as_ref().and_then(|r| r.reason.as_deref()),
            Some("FRAUD_SUSPICION_CONFIRMED")
        );
        assert_eq!(fx.attempt.map(|a| a.0), Some(AttemptStatus::Terminated));
        assert!(i.consent(t0()).is_err());
    }

    #[test]
    fn five_wrong_codes_or_ten_minutes_spend_a_code() {
        let mut i = requested("Jane");
        i.consent(t0()).unwrap();
        i.phone_code_sent("+4915112345678".into(), "good".into(), t0())
            .unwrap();
        for left in (1..PHONE_CODE_TRIES).rev() {
            assert_eq!(
                i.phone_code_entered("bad", t0()).unwrap().0,
                CodeOutcome::Wrong { left }
            );
        }
        assert_eq!(
            i.phone_code_entered("bad", t0()).unwrap().0,
            CodeOutcome::Spent
        );
        assert_eq!(
            i.phone_code_entered("good", t0()).unwrap().0,
            CodeOutcome::NoCode
        );
        i.phone_code_sent("+4915112345678".into(), "good".into(), t0())
            .unwrap();
        let late = t0() + Duration::minutes(10);
        assert_eq!(
            i.phone_code_entered("good", late).unwrap().0,
            CodeOutcome::Spent
        );
        assert_eq!(i.capture.phone_verified, None);
        for _ in 2..PHONE_CODES_PER_ATTEMPT {
            i.phone_code_sent("+4915112345678".into(), "g".into(), t0())
                .unwrap();
        }
        assert!(
            i.phone_code_sent("+4915112345678".into(), "g".into(), t0())
                .is_err(),
            "a sixth SMS in one attempt"
        );
    }

    #[test]
    fn changing_the_document_drops_its_images_but_keeps_the_selfie() {
        let mut i = requested("Jane");
        captured(&mut i);
        let dark = Finding::new("dark", Some(2023), "dark", false);
        i.image_stored(ImageSlot::Selfie, "s2".into(), vec![dark], t0())
            .unwrap();
        assert_eq!(i.capture.image_findings[0].check, "selfie_dark");
        i.choose_document(IdDocumentKind::Passport, t0()).unwrap();
        assert_eq!(i.capture.front, None);
        assert_eq!(i.capture.back, None);
        assert_eq!(i.capture.selfie.as_deref(), Some("s2"));
        assert_eq!(i.capture.image_findings.len(), 1);
    }

    #[test]
    fn an_expired_or_unaccepted_document_shows_for_signing() {
        let mut i = requested("Jane");
        captured(&mut i);
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(i.document_validity(today), (true, false), "no zone typed");
        // A Utopian ID card (the ICAO specimen state) is not an accepted ID card.
        i.capture.mrz = Some(TD1_UTO.into());
        assert_eq!(i.document_validity(today), (false, true));
        i.capture.document_kind = Some(IdDocumentKind::Passport);
        i.capture.mrz = Some(TD3.into());
        let before = NaiveDate::from_ymd_opt(2012, 4, 15).unwrap();
        assert_eq!(i.document_validity(before), (true, false));
        assert_eq!(i.document_validity(today), (true, true));
    }

    const TD1_UTO: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    fn anna(birth: &str) -> PersonFacts<'static> {
        PersonFacts {
            first_name: "Anna Maria",
            last_name: "Eriksson",
            birth_date: NaiveDate::parse_from_str(birth, "%Y-%m-%d").ok(),
            nationality: Some("SE"),
        }
    }

    #[test]
    fn the_zone_is_compared_with_the_person_and_the_chosen_document() {
        let today = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
        let mrz = Mrz::parse(TD3, today).unwrap();
        let clean = compare_with_person(
            Some(&mrz),
            IdDocumentKind::Passport,
            anna("1974-08-12"),
            today,
        );
        assert!(clean.is_empty(), "{clean:?}");

        let later = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mrz = Mrz::parse(TD3, later).unwrap();
        let mut other = anna("1975-08-12");
        other.last_name = "Svensson";
        let found: Vec<String> =
            compare_with_person(Some(&mrz), IdDocumentKind::Idcard, other, later)
                .into_iter()
                .map(|f| f.check)
                .collect();
        assert_eq!(
            found,
            vec![
                "wrong_document_type",
                "mrz_name_mismatch",
                "mrz_birth_date_mismatch",
                "document_expired"
            ]
        );
        let none = compare_with_person(None, IdDocumentKind::Passport, anna("1974-08-12"), later);
        assert_eq!(none[0].check, "mrz_missing");
        assert!(!none[0].severe);
    }
}
