//! What can be done to an identification, one function per action, whoever acts: the
//! integrator through the API (create, request, and in the sandbox the applicant's start,
//! completion and abort), the applicant through the hosted page `/identify/{token}` (consent,
//! the `document` method's capture and submission), a reviewer in the back office (the
//! decision) and the timers. Each function takes the identification's lock, asks the pure
//! transition of `signet_core::identification`, stores what it implies (`apply`) and the
//! follow-ups it caused ([`crate::followups`]) in one transaction, commits, runs the
//! follow-ups and returns the identification as committed; the callers only parse the
//! request and render what comes back.
//!
//! Lock order, as everywhere: identification, then person, then documents. What an
//! identification's end does to the person's signers (signing them, re-assessing them) and
//! the screening of names it changed are follow-ups, run after the commit, each in its own
//! transaction.

use crate::error::{AppError, AppResult};
use crate::events::{FollowUp, FollowUps, emit, wake_deliveries};
use crate::identify::{images, parse_mrz, plausible_token};
use crate::state::{AppState, fill_random, random16};
use crate::views::identification_json;
use serde_json::json;
use sha2::{Digest, Sha256};
use signet_core::catalog::{ErrorCode, IdentificationReason};
use signet_core::identification::create::{
    CreateIdentificationInput, ProviderNotConfigured, check_create, method_available,
};
use signet_core::identification::{
    self as ident, Attempt, AttemptStatus, CodeOutcome, Effects, Finding, IdDocumentKind,
    Identification, ImageSlot, InvalidTransition, PHONE_CODES_PER_ATTEMPT, PersonFacts, Refusal,
    SANDBOX_IDENT_CODE, Status, Timer, compare_with_person,
};
use signet_core::ids::{
    AttemptId, EventId, IdentificationId, JobId, PersonDocumentId, PersonId, TenantId,
};
use signet_core::person::Person;
use signet_core::tenant::SandboxOnly;
use signet_core::time::Timestamp;
use signet_store::{JobSpec, Mode, NewEvent, PersonDocumentRow, StoreError, Tenant, Tx};

/// Job kind of the identification timers (sandbox steps, the request timeout, the URL's end).
pub const JOB_TIMER: &str = "identification_timer";

pub use crate::scope::KeyAt;

/// An identification locked for one transition: the write transaction, the identification
/// as stored, its mode, the tenant (read in the transaction) and the tenant's time.
struct Locked {
    tx: Tx,
    ident: Identification,
    mode: Mode,
    tenant: Tenant,
    now: Timestamp,
}

/// Opens the write transaction and locks the identification; 404 when the tenant has none
/// of this id.
async fn lock(state: &AppState, tenant: &TenantId, id: &IdentificationId) -> AppResult<Locked> {
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, tenant).await?;
    let (ident, mode) = state
        .store
        .identification_for_update(&mut tx, &tenant.id, id)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    let now = tenant.now(mode, state.wall_now());
    Ok(Locked {
        tx,
        ident,
        mode,
        tenant,
        now,
    })
}

impl Locked {
    /// Stores the transition's effects and the follow-ups they cause, commits, and runs the
    /// follow-ups. Returns the identification as committed.
    async fn commit(mut self, state: &AppState, fx: Effects) -> AppResult<Identification> {
        let caused = apply(
            state,
            &mut self.tx,
            &self.tenant.id,
            self.tenant.clock_offset_ms,
            self.mode,
            &self.ident,
            fx,
            self.now,
        )
        .await?;
        let pending = crate::followups::record(
            state,
            &mut self.tx,
            &self.tenant.id,
            self.mode,
            self.tenant.clock_offset_ms,
            caused,
        )
        .await?;
        crate::followups::commit(state, self.tx, pending).await?;
        Ok(self.ident)
    }
}

/// A refused step of the applicant, in the page's words.
fn refused(e: InvalidTransition) -> AppError {
    AppError::new(ErrorCode::StepNotPossible, e.to_string())
}

// ---------------------------------------------------------------------------------------
// The API

/// Creates an identification of the person (status `created`) and announces it. The input is
/// checked first (`method`, `language`, the proof of address), then whether the method runs
/// in this mode, then that the person exists.
pub async fn create(
    state: &AppState,
    at: KeyAt<'_>,
    person_id: &PersonId,
    input: CreateIdentificationInput,
) -> AppResult<Identification> {
    let now = at.now(state);
    let new = check_create(input, now).map_err(AppError::invalid)?;
    method_available(new.method, at.mode)
        .map_err(|e| AppError::new(ProviderNotConfigured::CODE, e.to_string()))?;
    let person = state
        .store
        .person(&at.tenant.id, at.mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    crate::retention::refuse_after_erasure_request(state, at, person_id).await?;
    let sandbox = ident::sandbox_case(person.first_name(), person.last_name());
    let identification = Identification::new(
        IdentificationId::from_random(random16()),
        person_id.clone(),
        new,
        sandbox,
        now,
    );
    // The row and its event are one transaction sent to the store as data (batched on
    // SQLite's writer with the others of the moment).
    let messages = state
        .store
        .insert_identification_announced(
            &at.tenant.id,
            at.mode,
            &identification,
            &NewEvent {
                id: &EventId::from_random(random16()),
                event_type: "identification.status_changed",
                data: &identification_json(&identification),
                created_at: now,
                wall_now: state.wall_now(),
            },
        )
        .await?;
    wake_deliveries(state, messages);
    Ok(identification)
}

/// A reference: `TST-` and five letters in test mode, eight letters in live mode.
fn new_reference(mode: Mode) -> String {
    let n = if mode == Mode::Test { 5 } else { 8 };
    let mut bytes = [0u8; 8];
    fill_random(&mut bytes);
    let letters: String = bytes[..n]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    if mode == Mode::Test {
        format!("TST-{letters}")
    } else {
        letters
    }
}

/// Locks an identification of the person for the API; 404 when it is another mode's or
/// another person's.
async fn lock_for_key(
    state: &AppState,
    at: KeyAt<'_>,
    person_id: Option<&PersonId>,
    id: &IdentificationId,
) -> AppResult<Locked> {
    let l = lock(state, &at.tenant.id, id).await?;
    if l.mode != at.mode || person_id.is_some_and(|p| *p != l.ident.person_id) {
        return Err(AppError::not_found("identification"));
    }
    Ok(l)
}

/// Requests the identification: `pending`, with the applicant's `url` (valid 14 days) and a
/// `reference`. Retrying an `aborted` or `canceled` one opens a new attempt with the same URL.
pub async fn request(
    state: &AppState,
    at: KeyAt<'_>,
    person_id: &PersonId,
    id: &IdentificationId,
) -> AppResult<Identification> {
    let mut l = lock_for_key(state, at, Some(person_id), id).await?;
    let token = hex::encode(random16());
    let url = format!("{}/identify/{}", state.config.public_url(), token);
    let fx = l.ident.request(new_reference(at.mode), token, url, l.now)?;
    l.commit(state, fx).await
}

/// The sandbox's endpoints answer test-mode keys only (403 `sandbox_only`).
pub fn sandbox_only(mode: Mode) -> AppResult<()> {
    mode.require_sandbox()
        .map_err(|e| AppError::new(SandboxOnly::CODE, e.to_string()))
}

/// Runs one of the applicant's steps for the sandbox's API on a test-mode identification.
async fn in_sandbox(
    state: &AppState,
    at: KeyAt<'_>,
    id: &IdentificationId,
    step: impl FnOnce(&mut Identification, Timestamp) -> Result<Effects, InvalidTransition>,
) -> AppResult<Identification> {
    sandbox_only(at.mode)?;
    let mut l = lock_for_key(state, at, None, id).await?;
    let fx = step(&mut l.ident, l.now)?;
    l.commit(state, fx).await
}

/// The sandbox plays the applicant: they open the URL and start capturing.
pub async fn start_in_sandbox(
    state: &AppState,
    at: KeyAt<'_>,
    id: &IdentificationId,
) -> AppResult<Identification> {
    in_sandbox(state, at, id, |i, now| i.applicant_started(now)).await
}

/// The sandbox plays the applicant: they finish, verifying `mobile_number` (checked by the
/// caller); for an `X-MANUALTEST-` case the timeline starts now.
pub async fn complete_in_sandbox(
    state: &AppState,
    at: KeyAt<'_>,
    id: &IdentificationId,
    mobile_number: Option<String>,
) -> AppResult<Identification> {
    in_sandbox(state, at, id, move |i, now| {
        i.applicant_completed(mobile_number, now)
    })
    .await
}

/// The sandbox plays the applicant: they give up (`aborted`, USER_CANCELLATION); the same URL
/// can be used again.
pub async fn abort_in_sandbox(
    state: &AppState,
    at: KeyAt<'_>,
    id: &IdentificationId,
) -> AppResult<Identification> {
    in_sandbox(state, at, id, |i, now| i.applicant_aborted(now)).await
}

// ---------------------------------------------------------------------------------------
// The applicant, by the link's token

/// Runs `f` on the identification behind a page token under its lock and stores the
/// outcome. `f` also sees the person (read in the transaction, not locked: locks go
/// identification, then person). An unknown token is 404.
async fn by_token<T>(
    state: &AppState,
    token: &str,
    f: impl FnOnce(&mut Identification, &Person, Mode, Timestamp) -> AppResult<(T, Effects)>,
) -> AppResult<T> {
    // Only the identification's tenant and id are needed here: the lock reads the rest.
    if !plausible_token(token) {
        return Err(AppError::not_found("identification"));
    }
    let (tenant_id, _, identification) = state
        .store
        .identification_by_token(token)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    locked_step(state, &tenant_id, &identification.id, f).await
}

/// [`by_token`] for an identification known by its tenant and id.
async fn locked_step<T>(
    state: &AppState,
    tenant_id: &TenantId,
    id: &IdentificationId,
    f: impl FnOnce(&mut Identification, &Person, Mode, Timestamp) -> AppResult<(T, Effects)>,
) -> AppResult<T> {
    let mut l = lock(state, tenant_id, id).await?;
    let person = state
        .store
        .person_in_tx(&mut l.tx, tenant_id, l.mode, &l.ident.person_id)
        .await?;
    let (out, fx) = f(&mut l.ident, &person, l.mode, l.now)?;
    l.commit(state, fx).await?;
    Ok(out)
}

/// The applicant accepts the terms and the processing of their data.
pub async fn consent(state: &AppState, token: &str) -> AppResult<()> {
    by_token(state, token, |i, _, _, now| {
        Ok(((), i.consent(now).map_err(refused)?))
    })
    .await
}

/// The applicant gives up for now (`aborted`, USER_CANCELLATION); the link stays usable.
pub async fn abort(state: &AppState, token: &str) -> AppResult<()> {
    by_token(state, token, |i, _, _, now| {
        Ok(((), i.applicant_aborted(now).map_err(refused)?))
    })
    .await
}

/// The applicant refuses: "I do not agree" at the consent, or no access to the camera. The
/// attempt is `capture_refused`; the identification is `aborted` and the link stays usable.
pub async fn refuse(state: &AppState, token: &str, refusal: &str) -> AppResult<()> {
    let refusal = Refusal::parse(refusal)
        .ok_or_else(|| AppError::field("refusal", "must be consent or camera"))?;
    by_token(state, token, |i, _, _, now| {
        Ok(((), i.applicant_refused(refusal, now).map_err(refused)?))
    })
    .await
}

/// The applicant chooses their ID document.
pub async fn choose_document(state: &AppState, token: &str, kind: &str) -> AppResult<()> {
    let kind = IdDocumentKind::parse(kind)
        .ok_or_else(|| AppError::field("document_type", "must be PASSPORT or IDCARD"))?;
    by_token(state, token, |i, _, _, now| {
        Ok(((), i.choose_document(kind, now).map_err(refused)?))
    })
    .await
}

fn image_slot(slot: ImageSlot) -> images::Slot {
    match slot {
        ImageSlot::Front => images::Slot::Front,
        ImageSlot::Back => images::Slot::Back,
        ImageSlot::Selfie => images::Slot::Selfie,
    }
}

/// An image the applicant uploaded: checked (a refused image is a 422 with seed 001's
/// number), stored, and recorded with its findings for the reviewer.
pub async fn upload(
    state: &AppState,
    token: &str,
    slot: ImageSlot,
    bytes: Vec<u8>,
) -> AppResult<()> {
    let opened = crate::identify::open(state, token).await?;
    if !opened.identification.open_for_applicant(opened.now) {
        return Err(refused(InvalidTransition {
            status: opened.identification.status.as_str(),
            action: "take images",
        }));
    }
    // Decoding is CPU work: off the async threads.
    // The bytes go to the blocking thread and come back, rather than being copied.
    let (checked, bytes) = tokio::task::spawn_blocking(move || {
        let checked = images::check(image_slot(slot), &bytes, &images::Limits::default());
        (checked, bytes)
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    let checked = checked.map_err(|r| {
        AppError::new(ErrorCode::ImageRefused, r.message.clone()).with_return_code(r.code)
    })?;
    let findings: Vec<Finding> = checked
        .findings
        .iter()
        .map(|f| {
            Finding::new(
                &format!("image_{}", f.code),
                Some(f.code),
                f.message.clone(),
                false,
            )
        })
        .collect();
    let tenant = &opened.tenant.id;
    let doc_id = PersonDocumentId::from_random(random16());
    let ext = if checked.content_type == "image/png" {
        "png"
    } else {
        "jpg"
    };
    let blob_key = format!("{}/{}", tenant.as_str(), doc_id.as_str());
    // The step is tried on a copy before anything is stored, so a refused upload (no document
    // chosen yet, no consent) leaves no file; it is applied for real under the lock below.
    opened
        .identification
        .clone()
        .image_stored(slot, doc_id.as_str().to_owned(), Vec::new(), opened.now)
        .map_err(refused)?;
    state
        .blobs
        .put_person_file(&blob_key, opened.identification.person_id.as_str(), &bytes)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let row = PersonDocumentRow {
        id: doc_id.clone(),
        person_id: opened.identification.person_id.clone(),
        identification_id: Some(opened.identification.id.clone()),
        document_type: match slot {
            ImageSlot::Selfie => "PICTURE",
            _ => "ID_DOCUMENT",
        }
        .into(),
        name: format!("id-{}.{ext}", slot.as_str()),
        content_type: checked.content_type.into(),
        size: bytes.len() as i64,
        sha256: hex::encode(Sha256::digest(&bytes)),
        blob_key,
        created_at: opened.now,
    };
    let mut l = lock(state, tenant, &opened.identification.id).await?;
    let fx = l
        .ident
        .image_stored(slot, doc_id.as_str().to_owned(), findings, l.now)
        .map_err(refused)?;
    state
        .store
        .insert_person_document(&mut l.tx, tenant, l.mode, &row)
        .await?;
    l.commit(state, fx).await?;
    Ok(())
}

/// The applicant typed the machine-readable zone, or cleared it.
pub async fn give_mrz(state: &AppState, token: &str, text: &str) -> AppResult<()> {
    let text = text.trim();
    by_token(state, token, |i, _, _, now| {
        let value = if text.is_empty() {
            None
        } else {
            parse_mrz(text, now.date_naive())?;
            Some(text.to_owned())
        };
        Ok(((), i.mrz_given(value, now).map_err(refused)?))
    })
    .await
}

fn phone_scope(i: &Identification, number: &str) -> String {
    format!("{}:{number}", i.id.as_str())
}

/// The number the applicant typed, without the spaces and punctuation people write in it;
/// seed 002's sandbox numbers (`+15550101`, any number starting with 0) pass in test mode
/// only, everything else must be a valid E.164 number.
fn applicant_number(raw: &str, mode: Option<Mode>) -> AppResult<String> {
    let number = raw.trim().replace([' ', '-', '(', ')', '/'], "");
    let sandbox = signet_core::validate::sandbox_phone(&number);
    if !sandbox || mode == Some(Mode::Live) {
        signet_core::validate::phone_e164("mobile_number", &number)
            .map_err(|e| AppError::invalid(vec![e]))?;
    }
    Ok(number)
}

/// Sends a code to the number the applicant gave: 123456 in test mode; by SMS in live mode,
/// which needs the `sms_*` settings.
pub async fn send_phone_code(state: &AppState, token: &str, number: &str) -> AppResult<()> {
    // Checked once before the link is looked up (the mode is not known yet), then again for
    // the mode: a sandbox number is refused in live mode as before.
    applicant_number(number, None)?;
    let opened = crate::identify::open(state, token).await?;
    let number = applicant_number(number, Some(opened.mode))?;
    if opened.mode == Mode::Live && !state.notifier.as_ref().is_some_and(|n| n.can_text()) {
        return Err(AppError::new(
            ErrorCode::SmsNotConfigured,
            "live-mode identifications verify the mobile number by SMS; no SMS provider is configured (sms_*)",
        ));
    }
    // A sandbox number has no country, and no SMS goes to it.
    if !signet_core::validate::sandbox_phone(&number) && !crate::limits::sms_allowed(state, &number)
    {
        return Err(crate::limits::sms_country_refused());
    }
    let code = crate::signing::new_otp(opened.mode);
    // Under the identification's lock: the attempt's cap of five, then the limits over the
    // identification's whole life (a new attempt does not start them again), the number's
    // day and the tenant's hour, counted in the transaction that records the code.
    let mut l = lock(state, &opened.tenant.id, &opened.identification.id).await?;
    if l.ident.capture.phone_codes_sent >= PHONE_CODES_PER_ATTEMPT {
        return Err(AppError::new(
            ErrorCode::TooManyCodes,
            "Too many codes were sent for this identification. Choose \"Not now\" and start again later, or contact the requester.",
        ));
    }
    let digest = state
        .trust
        .code_hash(&phone_scope(&l.ident, &number), &code);
    let fx = l
        .ident
        .phone_code_sent(number.clone(), digest, l.now)
        .map_err(refused)?;
    crate::limits::count_code(
        state,
        &mut l.tx,
        &l.tenant,
        l.mode,
        crate::limits::CodeFor::Identification(&l.ident.id),
        Some(&number),
        l.now,
    )
    .await?;
    l.commit(state, fx).await?;
    if opened.mode == Mode::Live
        && let Some(notifier) = &state.notifier
    {
        let language = opened
            .identification
            .language
            .as_deref()
            .map(signet_notify::Language::from_tag)
            .unwrap_or_default();
        let msg = signet_notify::VerificationMessage {
            code,
            issuer: opened.tenant.name.clone(),
            valid_minutes: 10,
            language,
        };
        notifier
            .send_verification(&number, &msg)
            .await
            .map_err(|e| match e {
                signet_notify::NotifyError::InvalidRecipient(_)
                | signet_notify::NotifyError::Rejected { .. } => AppError::new(
                    ErrorCode::InvalidPhone,
                    "the SMS provider refused this number; check it and try again",
                ),
                other => {
                    tracing::warn!(error = %other, "verification SMS not delivered");
                    AppError::new(
                        ErrorCode::SmsDeliveryFailed,
                        "the code could not be sent; try again in a moment",
                    )
                }
            })?;
    }
    Ok(())
}

/// The applicant typed the code they received.
pub async fn enter_phone_code(state: &AppState, token: &str, code: &str) -> AppResult<CodeOutcome> {
    let code = code.trim().to_owned();
    let trust = state.trust.clone();
    by_token(state, token, move |i, _, _, now| {
        let number = i
            .capture
            .phone_code
            .as_ref()
            .map(|p| p.number.clone())
            .unwrap_or_default();
        let digest = trust.code_hash(&phone_scope(i, &number), &code);
        let (outcome, fx) = i.phone_code_entered(&digest, now).map_err(refused)?;
        Ok((outcome, fx))
    })
    .await
}

/// The applicant submits: the zone (when given) is compared with the person and the chosen
/// document, and the case waits for a reviewer.
pub async fn submit(state: &AppState, token: &str, device_model: Option<String>) -> AppResult<()> {
    by_token(state, token, move |i, person, _, now| {
        let today = now.date_naive();
        let mrz = match &i.capture.mrz {
            Some(text) => Some(parse_mrz(text, today)?),
            None => None,
        };
        let Some(kind) = i.capture.document_kind else {
            return Err(refused(InvalidTransition {
                status: i.status.as_str(),
                action: "be submitted before the document is chosen",
            }));
        };
        let birth = person
            .str_field("birth_date")
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let facts = PersonFacts {
            first_name: person.first_name(),
            last_name: person.last_name(),
            birth_date: birth,
            nationality: person.str_field("nationality"),
        };
        let mut findings = compare_with_person(mrz.as_ref(), kind, facts, today);
        // Seed 002: a document without the holder's address needs a proof of address.
        findings.extend(
            signet_core::identification::address::proof_of_address_findings(
                mrz.as_ref(),
                kind,
                i.proof_of_address_type.as_deref(),
                i.proof_of_address_issued_at,
                today,
            ),
        );
        let fx = i.submit(findings, now).map_err(refused)?;
        // The device the applicant finished on, for the signing sessions to come (3541).
        i.capture.device_model = device_model;
        Ok(((), fx))
    })
    .await
}

/// The applicant's part of a video identification in the sandbox (`X-MANUALTEST-…`) on the
/// hosted page: the static ident code, and the number they verify; the case's timeline
/// starts now.
pub async fn sandbox_complete(
    state: &AppState,
    token: &str,
    ident_code: &str,
    mobile_number: Option<&str>,
) -> AppResult<()> {
    if ident_code.trim() != SANDBOX_IDENT_CODE {
        return Err(AppError::new(
            ErrorCode::OtpInvalid,
            "the ident code is not correct",
        ));
    }
    // Live mode is refused below, whatever the number.
    let number = match mobile_number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Some(applicant_number(n, None)?),
        None => None,
    };
    by_token(state, token, move |i, _, mode, now| {
        if mode != Mode::Test {
            return Err(refused(InvalidTransition {
                status: i.status.as_str(),
                action: "be completed with the sandbox's ident code in live mode",
            }));
        }
        Ok(((), i.applicant_completed(number, now).map_err(refused)?))
    })
    .await
}

// ---------------------------------------------------------------------------------------
// The back office

/// A reviewer's decision on a `document` identification from the back office: approve, or
/// decline with a reason of seed 002's table. `reviewer` is recorded on the identification
/// (`operator:<email>`).
pub async fn review(
    state: &AppState,
    id: &IdentificationId,
    approved: bool,
    reason: Option<&str>,
    note: Option<String>,
    reviewer: &str,
) -> AppResult<Identification> {
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        None if !approved => {
            return Err(AppError::field(
                "reason",
                "a declined identification needs a reason",
            ));
        }
        None => None,
        Some(r) => Some(
            IdentificationReason::parse(r)
                .map_err(|_| AppError::field("reason", "must be a reason of the table"))?,
        ),
    };
    let queued = state
        .store
        .queued_identification(id)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    let ident = locked_step(state, &queued.tenant_id, id, |ident, _, _, now| {
        let fx = ident
            .review(approved, reason, note, reviewer, now)
            .map_err(refused)?;
        Ok((ident.clone(), fx))
    })
    .await?;
    tracing::info!(identification = %id.as_str(), %reviewer, approved, "identification reviewed");
    Ok(ident)
}

/// A reviewer finds a successful identification fraudulent after the fact (a forged document,
/// an impostor found later). In one transaction: the finding is kept on the identification
/// (its status stays `successful`, which seed 002 never leaves, but it identifies nobody:
/// signers of the person are `kyc_required` 1202 again), every signer certificate it grounded
/// is revoked (`privilege_withdrawn`: CRLs and OCSP say so from now on) and each revocation
/// is written to its document's audit trail with the finding; the person's signers are
/// re-assessed afterwards. Returns the identification and the revoked certificates' details.
pub async fn find_fraudulent(
    state: &AppState,
    id: &IdentificationId,
    note: &str,
    reviewer: &str,
) -> AppResult<(Identification, Vec<serde_json::Value>)> {
    let queued = state
        .store
        .queued_identification(id)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    let mut l = lock(state, &queued.tenant_id, id).await?;
    l.ident
        .find_fraudulent(reviewer, note, l.now)
        .map_err(|e| AppError::new(ErrorCode::InvalidModel, e.to_string()))?;
    state
        .store
        .update_identification(&mut l.tx, &l.tenant.id, &l.ident)
        .await?;

    // The span this identification grounded: from its success to the person's next
    // successful identification, on the wall clock certificates are issued by.
    let offset = match l.mode {
        Mode::Test => l.tenant.clock_offset_ms,
        Mode::Live => 0,
    };
    let wall_ms = |t: Timestamp| signet_core::time::to_millis(&t) - offset;
    let from = l.ident.completed_at.map_or(0, wall_ms);
    let mut until = i64::MAX;
    let mut page = 1;
    loop {
        let batch = state
            .store
            .list_identifications(&l.tenant.id, l.mode, &l.ident.person_id, page, 100)
            .await?;
        for other in &batch {
            if other.id != l.ident.id
                && other.status == signet_core::identification::Status::Successful
                && let Some(done) = other.completed_at.map(wall_ms)
                && done > from
            {
                until = until.min(done);
            }
        }
        if batch.len() < 100 {
            break;
        }
        page += 1;
    }
    let certificates = state
        .store
        .unrevoked_certificates_of_person(
            &mut l.tx,
            l.tenant.id.as_str(),
            l.ident.person_id.as_str(),
            from,
            until,
        )
        .await?;
    let reason = signet_pdf::revocation::RevocationReason::PrivilegeWithdrawn;
    let actor = crate::audit::Actor {
        actor: format!("operator:{reviewer}"),
        ip: None,
        user_agent: None,
    };
    let mut revoked = Vec::new();
    for c in certificates {
        if !state
            .store
            .revoke_certificate(
                &mut l.tx,
                &c.ca,
                &c.serial,
                reason.as_str(),
                state.wall_now().timestamp_millis(),
            )
            .await?
        {
            continue;
        }
        let details = json!({
            "serial": c.serial,
            "ca": c.ca,
            "subject": c.subject,
            "reason": reason.as_str(),
            "revoked_at": signet_core::time::format(&state.wall_now()),
            "identification_id": l.ident.id.as_str(),
            "finding": "the identification was found fraudulent",
            "note": l.ident.fraud.as_ref().map(|f| f.note.clone()),
        });
        // The trail of the document the certificate signed, under the document's lock.
        let document = signet_core::ids::DocumentId::parse(&c.document_id)
            .ok_or_else(|| AppError::internal(&"a certificate names a malformed document id"))?;
        let (wf, _) = state
            .store
            .workflow_for_update(&mut l.tx, &l.tenant.id, &document)
            .await?;
        let signer = signet_core::ids::SignerId::parse(&c.signer_id);
        crate::audit::append(
            state,
            &mut l.tx,
            &wf.document,
            &actor,
            "certificate.revoked",
            signer.as_ref(),
            details.clone(),
            l.now,
        )
        .await?;
        revoked.push(details);
    }
    let mut caused = FollowUps::default();
    caused.push(FollowUp::PersonChanged {
        person_id: l.ident.person_id.clone(),
    });
    let pending = crate::followups::record(
        state,
        &mut l.tx,
        &l.tenant.id,
        l.mode,
        l.tenant.clock_offset_ms,
        caused,
    )
    .await?;
    crate::followups::commit(state, l.tx, pending).await?;
    tracing::warn!(
        identification = %id.as_str(),
        %reviewer,
        revoked = revoked.len(),
        "identification found fraudulent; its certificates revoked"
    );
    Ok((l.ident, revoked))
}

// ---------------------------------------------------------------------------------------
// The timers

/// Runs one identification timer a worker claimed: the transition and the job's completion
/// commit together (only while the lease is still the worker's), then the follow-ups run.
pub async fn run_timer(state: &AppState, job: &signet_store::ClaimedJob) -> AppResult<()> {
    let timer: Timer =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let ident_id = match &timer {
        Timer::SandboxStep {
            identification_id, ..
        }
        | Timer::RequestTimeout { identification_id }
        | Timer::UrlExpiry { identification_id } => identification_id.clone(),
    };
    let mut l = lock(state, &job.tenant_id, &ident_id).await?;
    let fx = l.ident.on_timer(&timer, job.due_at, l.now);
    tracing::debug!(?timer, due = %job.due_at, now = %l.now, effects = ?fx, "identification timer");
    state.store.complete_job(&mut l.tx, job).await?;
    if fx == Effects::default() {
        l.tx.commit().await.map_err(StoreError::from)?;
        return Ok(());
    }
    l.commit(state, fx).await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Storing a transition

/// Stores the outcome of an identification transition in the caller's transaction: the
/// identification, its attempts, person changes, the KYC report, timers and the event.
/// Returns the follow-ups it caused, in order: the person renamed (their new names are
/// screened), the identification ended (its person's waiting signers are signed or fail),
/// the person changed (their signers at work are re-assessed).
#[allow(clippy::too_many_arguments)]
async fn apply(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    ident: &Identification,
    fx: Effects,
    now: Timestamp,
) -> AppResult<FollowUps> {
    let mut caused = FollowUps::default();
    let wall = state.wall_now();
    state.store.update_identification(tx, tenant, ident).await?;

    // Attempts: a retry closes the current one and opens a new one.
    let mut current = state.store.current_attempt(tx, &ident.id).await?;
    if fx.new_attempt || current.is_none() {
        // An open attempt is replaced (seed 003's `closed`); a finished one
        // keeps its outcome.
        if let Some(mut old) = current.take()
            && old.status.is_open()
        {
            old.status = AttemptStatus::Closed;
            old.response_code = Some(
                signet_core::catalog::AttemptResponseCode::AttemptClosed
                    .as_str()
                    .to_owned(),
            );
            old.updated_at = now;
            state.store.update_attempt(tx, &old).await?;
        }
        let attempt = Attempt {
            id: AttemptId::from_random(random16()),
            identification_id: ident.id.clone(),
            status: AttemptStatus::PendingRedirection,
            response_code: None,
            created_at: now,
            updated_at: now,
        };
        state.store.insert_attempt(tx, tenant, &attempt).await?;
        current = Some(attempt);
    }
    if let (Some((status, code)), Some(mut attempt)) = (fx.attempt, current) {
        attempt.status = status;
        attempt.response_code = code.map(|c| c.as_str().to_owned());
        attempt.updated_at = now;
        state.store.update_attempt(tx, &attempt).await?;
    }

    // Whether the identification changed who the person is (the signer confirmed as someone
    // the identification then contradicted).
    let mut identity_changed = false;
    if fx.person_changes.is_some() || fx.succeeded {
        let mut person = state
            .store
            .person_for_update(tx, tenant, mode, &ident.person_id)
            .await?;
        let before = person.clone();
        if let Some(changes) = &fx.person_changes {
            person.set_identified_fields(changes, &now);
        }
        if fx.succeeded {
            // Seed 002: the number verified in a successful identification
            // becomes the person's verified mobile number.
            let verified = ident
                .verified_mobile_number
                .clone()
                .or_else(|| person.str_field("mobile_number").map(str::to_owned));
            if let Some(number) = verified {
                person.set_verified_mobile_number(&number, &now);
            }
            store_kyc_report(state, tx, tenant, mode, ident, &person, now).await?;
        }
        if person != before {
            state.store.update_person(tx, tenant, &person, now).await?;
            // CHANGEALL renames the person: the new names are screened.
            if crate::screening::screened_fields_changed(&before, &person) {
                identity_changed = true;
                caused.push(FollowUp::PersonRenamed {
                    person_id: ident.person_id.clone(),
                });
            }
            emit(
                state,
                tx,
                tenant,
                mode,
                "person.updated",
                person.clone().into_json(),
                now,
            )
            .await?;
        }
    }

    for schedule in &fx.timers {
        let job = JobSpec {
            id: JobId::from_random(random16()),
            tenant_id: tenant.clone(),
            mode,
            kind: JOB_TIMER.to_owned(),
            payload: serde_json::to_value(&schedule.timer).map_err(|e| AppError::internal(&e))?,
            due_at: schedule.due,
        };
        state
            .store
            .schedule_job(tx, &job, clock_offset_ms, wall)
            .await?;
    }
    if !fx.timers.is_empty() {
        state.jobs_ready.notify_waiters();
    }
    if fx.status_changed {
        emit(
            state,
            tx,
            tenant,
            mode,
            "identification.status_changed",
            identification_json(ident),
            now,
        )
        .await?;
        // Signers who confirmed while this identification was under review are signed
        // now, or get invalid_signature (3311): when it failed, when it left review canceled
        // or aborted, or when it confirmed other personal data than they confirmed with.
        if ident.status.is_final() || ident.status.is_retryable() {
            caused.push(FollowUp::IdentificationFinal {
                identification_id: ident.id.clone(),
                person_id: ident.person_id.clone(),
                successful: ident.status == Status::Successful,
                identity_changed,
            });
        }
        // Advanced signers of the person at work are assessed again: a signer held for want
        // of an identification (1201) may approve now; a failed one gets 1202.
        caused.push(FollowUp::PersonChanged {
            person_id: ident.person_id.clone(),
        });
    }
    Ok(caused)
}

/// The KYC report (seed 002's `KYC_REPORT` document) of a successful
/// identification: what was verified, as JSON.
async fn store_kyc_report(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    ident: &Identification,
    person: &Person,
    now: Timestamp,
) -> AppResult<()> {
    let report = json!({
        "identification_id": ident.id.as_str(),
        "reference": ident.reference,
        "method": ident.method.as_str(),
        "status": ident.status.as_str(),
        "completed_at": signet_core::time::format(&now),
        "test_mode": mode == Mode::Test,
        "verified_person": {
            "first_name": person.first_name(),
            "last_name": person.last_name(),
            "birth_date": person.str_field("birth_date"),
            "birth_city": person.str_field("birth_city"),
            "nationality": person.str_field("nationality"),
            "address": person.as_json().get("address"),
            "mobile_number": person.str_field("verified_mobile_number"),
        },
    });
    let bytes = serde_json::to_vec_pretty(&report).map_err(|e| AppError::internal(&e))?;
    let id = PersonDocumentId::from_random(random16());
    let blob_key = format!("{}/{}", tenant.as_str(), id.as_str());
    state
        .blobs
        .put_person_file(&blob_key, ident.person_id.as_str(), &bytes)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let row = PersonDocumentRow {
        id,
        person_id: ident.person_id.clone(),
        identification_id: Some(ident.id.clone()),
        document_type: "KYC_REPORT".into(),
        name: format!(
            "kyc-report-{}.json",
            ident.reference.as_deref().unwrap_or("identification")
        ),
        content_type: "application/json".into(),
        size: bytes.len() as i64,
        sha256: hex::encode(Sha256::digest(&bytes)),
        blob_key,
        created_at: now,
    };
    state
        .store
        .insert_person_document(tx, tenant, mode, &row)
        .await?;
    Ok(())
}
