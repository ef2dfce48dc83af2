//! The signing service: stores what a transition of `signet_core::signing`'s pure workflow
//! causes — the PAdES signatures and closing timestamp it asks for (`produce`, no transaction
//! open), then the workflow, the PDF revision, the audit entries, the timers and the events
//! (`record`, in one transaction). [`store`] does both around the document's lock so that no
//! signature is made while the lock or SQLite's writer is held; the signer use cases
//! (`signers.rs`) come through it.
//!
//! Two clocks meet here. Workflow deadlines (2 h, 1 h, 24 h, `expires_at`) run on the
//! tenant clock, so the sandbox can jump a day in a test. What goes into the PDF
//! (certificate validity, the signing time, timestamp tokens) is wall-clock time, because
//! validators such as pyHanko and pdfsig judge it against their own real clock.

mod produce;
pub mod qualified;
mod reassess;

pub use produce::{Produced, SignInputs, needs_pdf_work, produce};

pub use reassess::{on_person_changed, resolve_waiting_signers};

use crate::error::{AppError, AppResult};
use crate::events::emit;
use crate::state::{AppState, fill_random, random16};
pub use crate::trust::{Trust, sealing_key};
use crate::views::{document_event_json, signer_json};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_core::catalog::ErrorCode;
use signet_core::identification::Status as IdentStatus;
use signet_core::ids::{DocumentId, JobId, SignerId, TenantId};
use signet_core::screening::{HitFacts, HitStatus, signing_holds};
use signet_core::signing::{Effects, Eligibility, IdentityFacts, Signer, Timer, Workflow};
use signet_core::time::Timestamp;
use signet_pdf::SignerIdentity;
use signet_store::{JobSpec, Mode, Tx};

/// Job kind of the workflow timers (24-hour limit, `expires_at`).
pub const JOB_SIGNING_TIMER: &str = "signing_timer";

/// A fresh one-time code: always 123456 in test mode, six uniform random digits in live.
pub fn new_otp(mode: Mode) -> String {
    if mode == Mode::Test {
        return signet_core::signing::SANDBOX_OTP.to_owned();
    }
    loop {
        let mut b = [0u8; 4];
        fill_random(&mut b);
        let n = u32::from_le_bytes(b);
        // Rejection sampling keeps every code equally likely.
        if n < u32::MAX - (u32::MAX % 1_000_000) {
            return format!("{:06}", n % 1_000_000);
        }
    }
}

pub use crate::audit::Actor;

/// What Signet knows about a signer's identity, read under the document's lock.
pub async fn eligibility(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    signer: &Signer,
    now: Timestamp,
) -> AppResult<Eligibility> {
    let Some(person_id) = &signer.person_id else {
        return Ok(Eligibility::default());
    };
    let person = state
        .store
        .person_in_tx(tx, tenant, mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let ident = state
        .store
        .latest_identification(tx, tenant, person_id)
        .await?;
    let hits = state.store.person_hits(tx, tenant, mode, person_id).await?;
    let mut facts = Vec::with_capacity(hits.len());
    for h in &hits {
        // A stored status the catalogue does not know is a damaged row, not a clear hit.
        let status = HitStatus::parse(&h.status).map_err(|_| {
            AppError::internal(&format!("hit {} has an unknown status", h.id.as_str()))
        })?;
        facts.push(HitFacts {
            status,
            topics: &h.topics,
        });
    }
    let holds = signing_holds(facts);
    Ok(Eligibility {
        flagged_by_compliance: person.flagged_by_compliance(),
        identification: ident.map(|i| {
            // A `document` identification keeps its zone: an ID card of a country whose
            // cards are not accepted (1021), or a document that has expired since (3204).
            // The video identification checks both before it succeeds.
            let (document_supported, document_expired) = i.document_validity(now.date_naive());
            IdentityFacts {
                // Found fraudulent after it succeeded: it identifies nobody.
                status: i.standing(),
                completed_at: i.completed_at,
                document_supported,
                document_expired,
                device_model: i.capture.device_model.clone(),
                phone: i.verified_mobile_number.clone(),
            }
        }),
        // PEP and RCA hits weigh on the risk, not on signing.
        open_hit: holds.open_hit,
        confirmed_hit: holds.confirmed_hit,
        prohibited_country: false,
        session_device_model: None,
        // The phone the integrator gave for this signing session, compared with the number
        // the identification verified (3550 when both are known and differ).
        session_phone: signer.phone.clone(),
    })
}

/// Eligibility of every signer, by position.
pub async fn all_eligibility(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    wf: &Workflow,
    now: Timestamp,
) -> AppResult<Vec<Eligibility>> {
    let mut out = Vec::with_capacity(wf.signers.len());
    for s in &wf.signers {
        out.push(eligibility(state, tx, tenant, mode, s, now).await?);
    }
    Ok(out)
}

/// Whether the signer's identification is still under review (the pending-verification
/// flow of seed 000).
pub fn awaiting_identification(facts: &Eligibility) -> bool {
    facts
        .identification
        .as_ref()
        .is_some_and(|i| i.status == IdentStatus::PendingSuccessful)
}

/// Stores the outcome of a transition in the caller's transaction, first producing the
/// signatures and the closing document timestamp it asks for. For transitions that cannot ask
/// for a signature (timers, re-assessments) or callers that hold no other lock; a signature
/// should be made with [`store`].
#[allow(clippy::too_many_arguments)]
pub async fn apply(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    wf: &mut Workflow,
    fx: Effects,
    actor: &Actor,
    now: Timestamp,
) -> AppResult<Effects> {
    let inputs = if needs_pdf_work(&fx) {
        SignInputs::read(state, tx, tenant, mode, wf, now).await?
    } else {
        SignInputs::default()
    };
    let produced = produce(state, tenant, mode, wf, fx, &inputs, now).await?;
    record(
        state,
        tx,
        tenant,
        clock_offset_ms,
        mode,
        wf,
        produced,
        actor,
        now,
    )
    .await
}

/// How often an action is tried again after its signature lost a race with another change
/// of the document (see [`store`]); past that, the caller answers 409 `conflict`.
pub const SIGNING_ATTEMPTS: usize = 5;

/// Stores a transition computed under the document's lock (`tx`, on the workflow `stored`)
/// and commits it, doing the PDF work it asks for with the lock and the transaction
/// released. Without PDF work the transition is stored and committed at once. With it, the
/// signatures are made from the workflow as it was, then the document is locked again:
/// unchanged, what was made is stored and committed; changed meanwhile (another request won),
/// the files made are deleted and `None` says the caller must run its transition again on
/// what is stored now. So a signature (hundreds of milliseconds, and a network call to an
/// external timestamp authority) never holds SQLite's one writer or a row lock.
#[allow(clippy::too_many_arguments)]
pub async fn store(
    state: &AppState,
    tenant: &signet_store::Tenant,
    mode: Mode,
    mut tx: Tx,
    stored: &Workflow,
    mut wf: Workflow,
    fx: Effects,
    actor: &Actor,
    now: Timestamp,
) -> AppResult<Option<Workflow>> {
    let offset = tenant.clock_offset_ms;
    if !needs_pdf_work(&fx) {
        let inputs = SignInputs::default();
        let produced = produce(state, &tenant.id, mode, &mut wf, fx, &inputs, now).await?;
        record(
            state, &mut tx, &tenant.id, offset, mode, &mut wf, produced, actor, now,
        )
        .await?;
        tx.commit().await.map_err(signet_store::StoreError::from)?;
        return Ok(Some(wf));
    }
    let inputs = SignInputs::read(state, &mut tx, &tenant.id, mode, &wf, now).await?;
    // Releases the lock (and on SQLite the writer) while the PDF is signed.
    drop(tx);
    let produced = produce(state, &tenant.id, mode, &mut wf, fx, &inputs, now).await?;
    let (mut tx, current) = lock_document(state, tenant, mode, &stored.document.id).await?;
    if current != *stored {
        drop(tx);
        tracing::debug!(document = %stored.document.id.as_str(), "document changed while signing");
        produced.discard(state).await;
        return Ok(None);
    }
    record(
        state, &mut tx, &tenant.id, offset, mode, &mut wf, produced, actor, now,
    )
    .await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(Some(wf))
}

/// The answer when an action's signature lost [`SIGNING_ATTEMPTS`] races in a row.
pub fn kept_changing() -> AppError {
    AppError::new(
        ErrorCode::Conflict,
        "the document kept changing while the signature was made; try again",
    )
}

/// Opens the write transaction and locks the document; 404 `document_not_found` when it is
/// not the tenant's in this mode.
pub async fn lock_document(
    state: &AppState,
    tenant: &signet_store::Tenant,
    mode: Mode,
    document: &DocumentId,
) -> AppResult<(Tx, Workflow)> {
    let mut tx = state.store.begin().await?;
    let (wf, stored_mode) = state
        .store
        .workflow_for_update(&mut tx, &tenant.id, document)
        .await
        .map_err(|e| AppError::unless_found(e, "document"))?;
    if stored_mode != mode {
        return Err(AppError::not_found("document"));
    }
    Ok((tx, wf))
}

/// Stores a produced outcome in `tx`: the audit entries (chained), the certificates issued,
/// the workflow, the signed contracts, the timers and the events.
#[allow(clippy::too_many_arguments)]
pub async fn record(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    clock_offset_ms: i64,
    mode: Mode,
    wf: &mut Workflow,
    produced: Produced,
    actor: &Actor,
    now: Timestamp,
) -> AppResult<Effects> {
    let Produced {
        all,
        audit,
        issued,
        contracts,
        files: _,
        archive_due,
    } = produced;
    for (sid, cred, at) in &issued {
        crate::revocation::record_issued(
            state,
            tx,
            mode,
            crate::revocation::IssuedTo {
                tenant: tenant.as_str(),
                document: wf.document.id.as_str(),
                signer: sid.as_str(),
            },
            cred,
            *at,
        )
        .await?;
    }
    let head = state.store.audit_head(tx, &wf.document.id).await?;
    let (mut seq, mut prev) = head.unwrap_or((0, String::new()));
    for entry in audit {
        let rec = entry.record;
        seq += 1;
        let row = crate::audit::row(
            seq,
            &prev,
            now,
            rec.action,
            actor,
            rec.signer_id.as_ref(),
            &entry.sha256,
            rec.details,
        );
        state.store.insert_audit(tx, &wf.document.id, &row).await?;
        prev = row.hash;
        // A signature found invalid loses its certificate: revoked, and the trail says so.
        if rec.action == "signer.invalid_signature"
            && let Some(sid) = &rec.signer_id
        {
            let reason = signet_pdf::revocation::RevocationReason::PrivilegeWithdrawn;
            for details in crate::revocation::revoke_signer(state, tx, sid.as_str(), reason).await?
            {
                seq += 1;
                let row = crate::audit::row(
                    seq,
                    &prev,
                    now,
                    "certificate.revoked",
                    actor,
                    Some(sid),
                    &entry.sha256,
                    details,
                );
                state.store.insert_audit(tx, &wf.document.id, &row).await?;
                prev = row.hash;
            }
        }
    }
    state.store.update_workflow(tx, tenant, wf).await?;
    for row in &contracts {
        state
            .store
            .insert_person_document(tx, tenant, mode, row)
            .await?;
    }
    let wall = state.wall_now();
    for schedule in &all.timers {
        let job = JobSpec {
            id: JobId::from_random(random16()),
            tenant_id: tenant.clone(),
            mode,
            kind: JOB_SIGNING_TIMER.to_owned(),
            payload: serde_json::to_value(&schedule.timer).map_err(|e| AppError::internal(&e))?,
            due_at: schedule.due,
        };
        state
            .store
            .schedule_job(tx, &job, clock_offset_ms, wall)
            .await?;
    }
    if !all.timers.is_empty() {
        state.jobs_ready.notify_waiters();
    }
    if let Some(due) = archive_due {
        crate::archive::schedule_in(
            state,
            tx,
            tenant,
            clock_offset_ms,
            mode,
            &wf.document.id,
            due,
        )
        .await?;
    }
    for sid in &all.signers_changed {
        if let Some(s) = wf.signer(sid) {
            if all.passed_pending.contains(sid) {
                // Found eligible on the way to their step (seed 000's `pending`).
                let mut eligible = s.clone();
                eligible.status = signet_core::signing::SignerStatus::Pending;
                eligible.status_codes = Vec::new();
                let data = signer_json(state, wf, &eligible);
                emit(
                    state,
                    tx,
                    tenant,
                    mode,
                    "signature.status_changed",
                    data,
                    now,
                )
                .await?;
            }
            let data = signer_json(state, wf, s);
            emit(
                state,
                tx,
                tenant,
                mode,
                "signature.status_changed",
                data,
                now,
            )
            .await?;
        }
    }
    for event in &all.events {
        let data = document_event_json(state, wf, event);
        emit(state, tx, tenant, mode, event.event_type(), data, now).await?;
    }
    Ok(all)
}

/// The identity an `advanced` certificate names: the person as identified.
pub(super) async fn verified_identity(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    signer: &Signer,
) -> AppResult<SignerIdentity> {
    let Some(person_id) = &signer.person_id else {
        return Ok(SignerIdentity {
            name: signer.name.clone(),
            email: signer.email.clone(),
            ..Default::default()
        });
    };
    let ident = state
        .store
        .latest_identification(tx, tenant, person_id)
        .await?;
    let person = state
        .store
        .person_in_tx(tx, tenant, mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let name = format!("{} {}", person.first_name(), person.last_name())
        .trim()
        .to_owned();
    Ok(SignerIdentity {
        name: if name.is_empty() {
            signer.name.clone()
        } else {
            name
        },
        email: signer.email.clone(),
        country: person
            .str_field("nationality")
            .filter(|c| c.len() == 2)
            .map(str::to_owned),
        serial_number: ident.map(|i| i.id.as_str().to_owned()),
    })
}

/// Runs a workflow timer.
pub async fn run_signing_timer(state: &AppState, job: &signet_store::ClaimedJob) -> AppResult<()> {
    let timer: Timer =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    if matches!(timer, Timer::FinishRetry { .. }) {
        return retry_finish(state, job, &timer).await;
    }
    // Jobs run in parallel (several workers, the sandbox's drain), so a timeout can fire
    // while what happened before it is still being reacted to: an identification's step due
    // earlier, or its follow-up, which signs the signers waiting for it outside any
    // transaction. Firing then would take the signature from a signer whose identification
    // came in time; the timeout waits a second instead (not counted as an attempt). A job
    // that keeps failing dies after its attempts, and then the timeout goes ahead.
    if matches!(timer, Timer::SignerTimeout { .. })
        && state
            .store
            .has_earlier_live_job(
                job,
                // identifications::JOB_TIMER (not imported: identifications uses signing).
                &["identification_timer"],
                crate::events::FOLLOW_UP_JOB_PREFIX,
            )
            .await?
    {
        let later = state.wall_now() + chrono::Duration::seconds(1);
        state.store.postpone_job(job, later).await?;
        return Ok(());
    }
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &job.tenant_id).await?;
    let now = tenant.now(job.mode, state.wall_now());
    let (mut wf, mode) = state
        .store
        .workflow_for_update(&mut tx, &job.tenant_id, timer.document_id())
        .await?;
    let fx = wf.on_timer(&timer, job.due_at);
    if fx != Effects::default() {
        apply(
            state,
            &mut tx,
            &job.tenant_id,
            tenant.clock_offset_ms,
            mode,
            &mut wf,
            fx,
            &Actor::system(),
            now,
        )
        .await?;
    }
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(())
}

/// Tries again to close a file whose document timestamp failed (6007). The timestamp is had
/// with no lock held ([`store`], which also notices a document changed meanwhile); a try that
/// fails again arms the next. A job run twice finds the file closed and does nothing.
async fn retry_finish(
    state: &AppState,
    job: &signet_store::ClaimedJob,
    timer: &Timer,
) -> AppResult<()> {
    let tenant = state.store.tenant(&job.tenant_id).await?;
    let mut races = 0;
    loop {
        let (tx, stored) = match lock_document(state, &tenant, job.mode, timer.document_id()).await
        {
            Ok(locked) => locked,
            Err(e) if e.code == ErrorCode::DocumentNotFound => break,
            Err(e) => return Err(e),
        };
        let mut wf = stored.clone();
        let fx = wf.on_timer(timer, job.due_at);
        if fx == Effects::default() {
            break;
        }
        let now = tenant.now(job.mode, state.wall_now());
        let stored_now = store(
            state,
            &tenant,
            job.mode,
            tx,
            &stored,
            wf,
            fx,
            &Actor::system(),
            now,
        )
        .await?;
        if stored_now.is_some() {
            break;
        }
        races += 1;
        if races >= SIGNING_ATTEMPTS {
            return Err(kept_changing());
        }
    }
    let mut tx = state.store.begin().await?;
    state.store.complete_job(&mut tx, job).await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(())
}

/// The secret of a signer's hosted-page URL (128 random bits).
pub fn new_token() -> String {
    hex::encode(random16())
}

/// How a one-time code reaches the signer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpChannels {
    /// Test mode: the code is always 123456 and goes nowhere.
    Sandbox,
    /// Live mode: by email and SMS where the signer has them and the operator configured them.
    Live,
}

/// How an approval's code travels: decided before anything changes.
#[derive(Debug, Clone)]
pub struct OtpPlan {
    pub channels: OtpChannels,
    pub route: crate::delivery::OtpRoute,
}

/// The route of a signer's code ([`crate::delivery::OtpRoute`]: for `advanced`, only the
/// number the identification verified) and whether it can be delivered in this mode. SMS to
/// a country outside `sms_allowed_countries` is dropped, or refused when it is the only way.
pub fn plan_otp(
    state: &AppState,
    mode: Mode,
    level: signet_core::signing::Level,
    signer: &Signer,
    facts: &Eligibility,
) -> AppResult<OtpPlan> {
    let verified = facts
        .identification
        .as_ref()
        .and_then(|i| i.phone.as_deref());
    let mut route = crate::delivery::OtpRoute::for_signer(level, signer, verified);
    if route
        .sms
        .as_deref()
        .is_some_and(|n| !crate::limits::sms_allowed(state, n))
    {
        if route.email.is_none() {
            return Err(crate::limits::sms_country_refused());
        }
        route.sms = None;
    }
    if level.identified() && mode == Mode::Live && route.sms.is_none() {
        return Err(AppError::new(
            ErrorCode::SignerUnreachable,
            "an advanced signature's code goes only to the mobile number the person's identification verified, and it verified none",
        ));
    }
    let channels = otp_channel(state, mode, &route)?;
    Ok(OtpPlan { channels, route })
}

/// Notes where the code goes on the approval's audit entry (masked), in both modes.
pub fn note_route(fx: &mut Effects, plan: &OtpPlan) {
    if let Some(a) = fx.audit.iter_mut().find(|a| a.action == "signer.approved")
        && let Some(o) = a.details.as_object_mut()
    {
        o.insert("otp_to".into(), Value::Array(plan.route.masked()));
    }
}

/// Checks, before anything changes, that a code can be delivered on this route in this
/// mode: some configured channel (email, SMS) must match the route.
pub fn otp_channel(
    state: &AppState,
    mode: Mode,
    route: &crate::delivery::OtpRoute,
) -> AppResult<OtpChannels> {
    if mode == Mode::Test {
        return Ok(OtpChannels::Sandbox);
    }
    match &state.notifier {
        None => Err(AppError::new(
            ErrorCode::OtpDeliveryNotConfigured,
            "live-mode signing sends one-time codes by email (smtp_url) or SMS (sms_*); neither is configured",
        )),
        Some(n) if !n.can_reach(route) => Err(AppError::new(
            ErrorCode::SignerUnreachable,
            "no configured channel reaches this signer (email needs smtp_url, phone needs sms_*)",
        )),
        Some(_) => Ok(OtpChannels::Live),
    }
}

/// Writes what became of a code's delivery under the document's lock: the audit entry
/// `action` with `details`, after `change` (the workflow as locked, its effects, the tenant's
/// time) has had its say. A `change` answering false leaves everything as it was. Returns
/// whether it was written.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record_delivery(
    state: &AppState,
    tenant: &signet_store::Tenant,
    mode: Mode,
    document: &signet_core::ids::DocumentId,
    sid: &SignerId,
    action: &'static str,
    details: Value,
    change: impl FnOnce(&mut Workflow, &mut Effects, Timestamp) -> AppResult<bool>,
) -> AppResult<bool> {
    let now = tenant.now(mode, state.wall_now());
    let mut tx = state.store.begin().await?;
    let (mut locked, _) = state
        .store
        .workflow_for_update(&mut tx, &tenant.id, document)
        .await?;
    let mut fx = Effects::default();
    fx.audit.push(signet_core::signing::AuditRecord {
        action,
        signer_id: Some(sid.clone()),
        details,
    });
    if !change(&mut locked, &mut fx, now)? {
        return Ok(false);
    }
    apply(
        state,
        &mut tx,
        &tenant.id,
        tenant.clock_offset_ms,
        mode,
        &mut locked,
        fx,
        &Actor::system(),
        now,
    )
    .await?;
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(true)
}

/// Delivers a code issued by a committed approval. Test mode sends nothing (the code is
/// 123456). In live mode each configured channel the signer has is tried; the outcome is
/// written to the audit trail. If no channel took the code: an SMS provider refusing the
/// number puts the signer in `error` 6010; anything else is a retryable 502 (approve again).
pub async fn deliver_otp(
    state: &AppState,
    tenant: &signet_store::Tenant,
    mode: Mode,
    wf: &Workflow,
    sid: &SignerId,
    code: &str,
    plan: &OtpPlan,
) -> AppResult<Vec<&'static str>> {
    if plan.channels == OtpChannels::Sandbox {
        return Ok(vec!["sandbox"]);
    }
    let signer = wf
        .signer(sid)
        .ok_or_else(|| AppError::not_found("signer"))?;
    let Some(notifier) = &state.notifier else {
        return Err(AppError::internal(&"no notifier in live mode"));
    };
    let sent = notifier
        .send(signer, &plan.route, &wf.document.name, &tenant.name, code)
        .await;
    let delivered: Vec<&'static str> = sent
        .iter()
        .filter(|s| s.result.is_ok())
        .map(|s| s.channel)
        .collect();
    let refused = |channel: &str| {
        delivered.is_empty()
            && sent.iter().any(|s| {
                s.channel == channel
                    && matches!(
                        s.result,
                        Err(signet_notify::NotifyError::InvalidRecipient(_))
                    )
            })
    };
    let invalid_phone = refused("sms");
    let invalid_email = !invalid_phone && refused("email");
    let report: Vec<Value> = sent
        .iter()
        .map(|s| match &s.result {
            Ok(()) => json!({"channel": s.channel, "to": s.to, "ok": true}),
            Err(e) => {
                json!({"channel": s.channel, "to": s.to, "ok": false, "error": e.to_string()})
            }
        })
        .collect();
    // Record the outcome (and 6010) under the document's lock.
    let action = if delivered.is_empty() {
        "otp.delivery_failed"
    } else {
        "otp.sent"
    };
    record_delivery(
        state,
        tenant,
        mode,
        &wf.document.id,
        sid,
        action,
        json!({"channels": report}),
        |locked, fx, now| {
            if invalid_phone {
                let more = locked
                    .signing_failed(sid, 6010, "the SMS provider refused the phone number", now)
                    .map_err(|e| AppError::internal(&e))?;
                fx.audit.extend(more.audit);
                fx.signers_changed.extend(more.signers_changed);
                fx.passed_pending.extend(more.passed_pending);
            }
            Ok(true)
        },
    )
    .await?;
    if invalid_phone {
        return Err(AppError::new(
            ErrorCode::InvalidPhone,
            "the SMS provider refused the signer's phone number; the signer is in error 6010",
        ));
    }
    if invalid_email {
        return Err(AppError::new(
            ErrorCode::InvalidEmail,
            "the mail server refused the signer's address; send the document again with a working address",
        ));
    }
    if delivered.is_empty() {
        return Err(AppError::new(
            ErrorCode::OtpDeliveryFailed,
            "the one-time code could not be delivered on any channel; approve again to retry",
        ));
    }
    Ok(delivered)
}

/// A refused workflow operation as the API and the pages answer it: the operation's code,
/// with its status and seed 001 number (an unknown signer is a 404 with 41).
pub fn refused(e: signet_core::signing::SigningError) -> AppError {
    AppError::new(e.error_code(), e.to_string())
}

/// Checks a signer's selfie as an identification's selfie is checked (`identify::images`):
/// a real JPEG or PNG within the size and pixel limits, decoded off the async threads.
/// Returns the file extension, or why it is refused (seed 001's 2004, 2005 or 2026).
pub async fn check_selfie(bytes: &[u8]) -> Result<&'static str, crate::identify::images::Rejected> {
    use crate::identify::images;
    let owned = bytes.to_vec();
    let checked = tokio::task::spawn_blocking(move || {
        images::check(images::Slot::Selfie, &owned, &images::Limits::default())
    })
    .await
    .map_err(|_| images::Rejected {
        code: images::CODE_FILE_PROCESS_FAILED,
        message: "The photo could not be read. Please send it again.".into(),
    })??;
    Ok(if checked.content_type == "image/png" {
        "png"
    } else {
        "jpg"
    })
}

/// The blob key and SHA-256 of a checked selfie. It is stored (`put_selfie`) only once the
/// signer's transition has been allowed, inside the transaction that records it.
pub fn selfie_key(
    tenant: &TenantId,
    document: &DocumentId,
    signer: &SignerId,
    bytes: &[u8],
    ext: &str,
) -> (String, String) {
    let sha = hex::encode(Sha256::digest(bytes));
    let key = format!(
        "{}/documents/{}/selfie-{}-{}.{ext}",
        tenant.as_str(),
        document.as_str(),
        signer.as_str(),
        &sha[..16]
    );
    (key, sha)
}

/// Stores a selfie under the key of [`selfie_key`].
pub async fn put_selfie(state: &AppState, key: &str, bytes: &[u8]) -> AppResult<()> {
    state
        .blobs
        .put(key, bytes)
        .await
        .map_err(|e| AppError::internal(&e))
}
