//! The applicant's side of an identification (the hosted page `/identify/{token}`) and
//! Signet's own method, `document`: images checked on upload, the machine-readable zone
//! parsed with every check digit, the person compared at submission, and a reviewer's
//! decision from the back office. Every step runs the pure transitions of
//! `signet_core::identification` under the identification's lock and is stored by
//! `service::apply_identification`, like the API's and the timers' changes.

pub mod images;

use crate::error::{AppError, AppResult};
use crate::service::apply_identification;
use crate::state::{AppState, random16};
use sha2::{Digest, Sha256};
use signet_core::catalog::ErrorCode;
use signet_core::catalog::IdentificationReason;
use signet_core::identification::{
    CodeOutcome, Effects, Finding, IdDocumentKind, Identification, ImageSlot, InvalidTransition,
    PHONE_CODES_PER_ATTEMPT, PersonFacts, SANDBOX_IDENT_CODE, compare_with_person,
};
use signet_core::ids::{IdentificationId, PersonDocumentId};
use signet_core::mrz::Mrz;
use signet_core::person::Person;
use signet_core::time::Timestamp;
use signet_store::{Mode, PersonDocumentRow, StoreError, Tenant};

/// An identification opened by its page token, with what the page shows.
pub struct Opened {
    pub tenant: Tenant,
    pub mode: Mode,
    pub identification: Identification,
    pub now: Timestamp,
}

/// Page tokens are 32 hex digits; anything else is not looked up.
fn plausible_token(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The identification behind a page token; an unknown token is 404.
pub async fn open(state: &AppState, token: &str) -> AppResult<Opened> {
    if !plausible_token(token) {
        return Err(AppError::not_found("identification"));
    }
    let (tenant_id, mode, identification) = state
        .store
        .identification_by_token(token)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    let tenant = state.store.tenant(&tenant_id).await?;
    let now = tenant.now(mode, state.wall_now());
    Ok(Opened {
        tenant,
        mode,
        identification,
        now,
    })
}

fn refused(e: InvalidTransition) -> AppError {
    AppError::new(ErrorCode::StepNotPossible, e.to_string())
}

/// Runs `f` on the identification under its lock and stores the outcome. `f` also sees the
/// person (read in the transaction, not locked: locks go identification, then person).
async fn transition<T>(
    state: &AppState,
    token: &str,
    f: impl FnOnce(&mut Identification, &Person, Mode, Timestamp) -> AppResult<(T, Effects)>,
) -> AppResult<T> {
    // Only the identification's tenant and id are needed here: `locked` reads the rest
    // under the lock.
    if !plausible_token(token) {
        return Err(AppError::not_found("identification"));
    }
    let (tenant_id, _, identification) = state
        .store
        .identification_by_token(token)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))?;
    locked(state, &tenant_id, &identification.id, f).await
}

/// [`transition`] for an identification known by its tenant and id.
async fn locked<T>(
    state: &AppState,
    tenant_id: &signet_core::ids::TenantId,
    id: &IdentificationId,
    f: impl FnOnce(&mut Identification, &Person, Mode, Timestamp) -> AppResult<(T, Effects)>,
) -> AppResult<T> {
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, tenant_id).await?;
    let (mut ident, mode) = state
        .store
        .identification_for_update(&mut tx, tenant_id, id)
        .await?;
    let now = tenant.now(mode, state.wall_now());
    let person = state
        .store
        .person_in_tx(&mut tx, tenant_id, mode, &ident.person_id)
        .await?;
    let (out, fx) = f(&mut ident, &person, mode, now)?;
    apply_identification(
        state,
        &mut tx,
        tenant_id,
        tenant.clock_offset_ms,
        mode,
        &ident,
        fx,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(out)
}

/// The applicant accepts the terms and the processing of their data.
pub async fn consent(state: &AppState, token: &str) -> AppResult<()> {
    transition(state, token, |i, _, _, now| {
        Ok(((), i.consent(now).map_err(refused)?))
    })
    .await
}

/// The applicant gives up for now (`aborted`, USER_CANCELLATION); the link stays usable.
pub async fn abort(state: &AppState, token: &str) -> AppResult<()> {
    transition(state, token, |i, _, _, now| {
        Ok(((), i.applicant_aborted(now).map_err(refused)?))
    })
    .await
}

/// The applicant chooses their ID document.
pub async fn choose_document(state: &AppState, token: &str, kind: &str) -> AppResult<()> {
    let kind = IdDocumentKind::parse(kind)
        .ok_or_else(|| AppError::field("document_type", "must be PASSPORT or IDCARD"))?;
    transition(state, token, |i, _, _, now| {
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
    let opened = open(state, token).await?;
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
        .put(&blob_key, &bytes)
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
    let mode = opened.mode;
    let mut tx = state.store.begin().await?;
    let t = state.store.tenant_in_tx(&mut tx, tenant).await?;
    let (mut ident, _) = state
        .store
        .identification_for_update(&mut tx, tenant, &opened.identification.id)
        .await?;
    let now = t.now(mode, state.wall_now());
    let fx = ident
        .image_stored(slot, doc_id.as_str().to_owned(), findings, now)
        .map_err(refused)?;
    state
        .store
        .insert_person_document(&mut tx, tenant, mode, &row)
        .await?;
    apply_identification(
        state,
        &mut tx,
        tenant,
        t.clock_offset_ms,
        mode,
        &ident,
        fx,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Parses a machine-readable zone as typed: every check digit must be right (a typo is
/// told with its line and position, seed 001's 2007 "Invalid value").
pub fn parse_mrz(text: &str, today: chrono::NaiveDate) -> AppResult<Mrz> {
    let invalid = |detail: String| AppError::new(ErrorCode::MrzInvalid, detail);
    let mrz = Mrz::parse(text, today).map_err(|e| invalid(e.to_string()))?;
    if let Some(c) = mrz.failed_checks().next() {
        return Err(invalid(format!(
            "the check digit of the {} (line {}, position {}) is {}, but the data gives {}: check the line for a typing error",
            c.field, c.line, c.position, c.found, c.expected
        )));
    }
    Ok(mrz)
}

/// The applicant typed the machine-readable zone, or cleared it.
pub async fn give_mrz(state: &AppState, token: &str, text: &str) -> AppResult<()> {
    let text = text.trim();
    transition(state, token, |i, _, _, now| {
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
    let opened = open(state, token).await?;
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
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &opened.tenant.id).await?;
    let (mut ident, mode) = state
        .store
        .identification_for_update(&mut tx, &tenant.id, &opened.identification.id)
        .await?;
    let now = tenant.now(mode, state.wall_now());
    if ident.capture.phone_codes_sent >= PHONE_CODES_PER_ATTEMPT {
        return Err(AppError::new(
            ErrorCode::TooManyCodes,
            "Too many codes were sent for this identification. Choose \"Not now\" and start again later, or contact the requester.",
        ));
    }
    let digest = state.trust.code_hash(&phone_scope(&ident, &number), &code);
    let fx = ident
        .phone_code_sent(number.clone(), digest, now)
        .map_err(refused)?;
    crate::limits::count_code(
        state,
        &mut tx,
        &tenant,
        mode,
        crate::limits::CodeFor::Identification(&ident.id),
        Some(&number),
        now,
    )
    .await?;
    apply_identification(
        state,
        &mut tx,
        &tenant.id,
        tenant.clock_offset_ms,
        mode,
        &ident,
        fx,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
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
    transition(state, token, move |i, _, _, now| {
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
pub async fn submit(state: &AppState, token: &str) -> AppResult<()> {
    transition(state, token, |i, person, _, now| {
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
        let findings = compare_with_person(mrz.as_ref(), kind, facts, today);
        Ok(((), i.submit(findings, now).map_err(refused)?))
    })
    .await
}

/// The applicant's part of a video identification in the sandbox (`X-MANUALTEST-…`):
/// the static ident code, and the number they verify; the case's timeline starts now.
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
    transition(state, token, move |i, _, mode, now| {
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

/// A reviewer's decision on a `document` identification from the back office: approve, or
/// decline with a reason of seed 002's table.
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
    let ident = locked(state, &queued.tenant_id, id, |ident, _, _, now| {
        let fx = ident
            .review(approved, reason, note, reviewer, now)
            .map_err(refused)?;
        Ok((ident.clone(), fx))
    })
    .await?;
    tracing::info!(identification = %id.as_str(), %reviewer, approved, "identification reviewed");
    Ok(ident)
}
