//! The signing service: loads a document's workflow, runs the pure transition of
//! `signet_core::signing`, produces the PAdES signatures it asks for, and stores the
//! workflow, the PDF revision, the audit entries, the timers and the events in the caller's
//! transaction.
//!
//! Two clocks meet here. Workflow deadlines (2 h, 1 h, 24 h, `expires_at`) run on the
//! tenant clock, so the sandbox can jump a day in a test. What goes into the PDF
//! (certificate validity, the signing time, timestamp tokens) is wall-clock time, because
//! validators such as pyHanko and pdfsig judge it against their own real clock.

mod reassess;

pub use reassess::{on_identification_final, on_person_changed};

use crate::error::{AppError, AppResult};
use crate::service::emit;
use crate::state::{AppState, fill_random, random16};
pub use crate::trust::{Trust, sealing_key};
use crate::views::{document_event_json, signer_json};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_core::catalog::ErrorCode;
use signet_core::identification::Status as IdentStatus;
use signet_core::ids::{DocumentId, JobId, SignerId, TenantId};
use signet_core::signing::{
    DocumentEvent, Effects, Eligibility, IdentityFacts, Level, Signer, Timer, Workflow,
};
use signet_core::time::Timestamp;
use signet_pdf::{SignOptions, SignerIdentity, VisibleBlock};
use signet_store::{AuditRow, JobSpec, Mode, Tx};
use std::collections::VecDeque;

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

/// Who did something, for the audit trail.
#[derive(Debug, Clone)]
pub struct Actor {
    pub actor: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl Actor {
    pub fn system() -> Actor {
        Actor {
            actor: "system".into(),
            ip: None,
            user_agent: None,
        }
    }
}

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
    Ok(Eligibility {
        flagged_by_compliance: person.flagged_by_compliance(),
        identification: ident.map(|i| {
            // A `document` identification keeps its zone: an ID card of a country whose
            // cards are not accepted (1021), or a document that has expired since (3204).
            // The video identification checks both before it succeeds.
            let (document_supported, document_expired) = i.document_validity(now.date_naive());
            IdentityFacts {
                status: i.status,
                completed_at: i.completed_at,
                document_supported,
                document_expired,
                device_model: None,
                phone: i.verified_mobile_number.clone(),
            }
        }),
        // PEP and RCA hits weigh on the risk, not on signing.
        open_hit: hits
            .iter()
            .any(|h| h.status == "open" && crate::screening::sanction_hit(h)),
        confirmed_hit: hits
            .iter()
            .any(|h| h.status == "true_positive" && crate::screening::sanction_hit(h)),
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

/// Stores the outcome of a transition, first producing the signatures and the closing
/// document timestamp it asks for.
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
    let mut queue = VecDeque::from([fx]);
    let mut all = Effects::default();
    let mut facts: Option<Vec<Eligibility>> = None;
    // The newest revision written by this call, so the next step need not read it back.
    let mut latest: Option<Vec<u8>> = None;
    let head = state.store.audit_head(tx, &wf.document.id).await?;
    let (mut seq, mut prev) = head.unwrap_or((0, String::new()));
    // The signer whose signature completed the file: a document timestamp that fails is theirs.
    let mut last_signer: Option<SignerId> = None;
    while let Some(fx) = queue.pop_front() {
        for rec in &fx.audit {
            seq += 1;
            let row = audit_row(
                seq,
                &prev,
                now,
                rec.action,
                actor,
                rec.signer_id.as_ref(),
                &wf.document.current_sha256,
                rec.details.clone(),
            );
            state.store.insert_audit(tx, &wf.document.id, &row).await?;
            prev = row.hash;
            // A signature found invalid loses its certificate: revoked, and the trail says so.
            if rec.action == "signer.invalid_signature"
                && let Some(sid) = &rec.signer_id
            {
                let reason = signet_pdf::revocation::RevocationReason::PrivilegeWithdrawn;
                for details in
                    crate::revocation::revoke_signer(state, tx, sid.as_str(), reason).await?
                {
                    seq += 1;
                    let row = audit_row(
                        seq,
                        &prev,
                        now,
                        "certificate.revoked",
                        actor,
                        Some(sid),
                        &wf.document.current_sha256,
                        details,
                    );
                    state.store.insert_audit(tx, &wf.document.id, &row).await?;
                    prev = row.hash;
                }
            }
        }
        for s in fx.signers_changed {
            if !all.signers_changed.contains(&s) {
                all.signers_changed.push(s);
            }
        }
        all.events.extend(fx.events);
        all.timers.extend(fx.timers);
        if all.otp_issued.is_none() {
            all.otp_issued = fx.otp_issued;
        }
        if let Some(sid) = fx.sign {
            if facts.is_none() {
                facts = Some(all_eligibility(state, tx, tenant, mode, wf, now).await?);
            }
            let next = sign_now(
                state,
                tx,
                tenant,
                mode,
                wf,
                &sid,
                facts.as_deref().unwrap_or(&[]),
                &mut latest,
                now,
            )
            .await?;
            queue.push_back(next);
            last_signer = Some(sid);
        }
        if fx.finish {
            match finish_now(state, tenant, mode, wf, latest.take(), now).await? {
                Ok(next) => queue.push_back(next),
                // Seed 000's 6007, "fatal error while countersigning": the signature stays
                // in the file, the document stays open, and the integrator starts anew.
                Err(e) => match &last_signer {
                    Some(sid) => queue.push_back(
                        wf.signing_failed(sid, 6007, &format!("document timestamp: {e}"), now)
                            .map_err(|e| AppError::internal(&e))?,
                    ),
                    None => return Err(AppError::internal(&e)),
                },
            }
        }
    }
    state.store.update_workflow(tx, tenant, wf).await?;
    if all.events.contains(&DocumentEvent::Finished) {
        crate::service::store_signed_contract(state, tx, tenant, mode, wf, now).await?;
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
    for sid in &all.signers_changed {
        if let Some(s) = wf.signer(sid) {
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

/// An audit entry with its place in the chain: `hash` = SHA-256 over the previous hash and
/// the entry's canonical JSON (keys in a fixed order, times in milliseconds).
#[allow(clippy::too_many_arguments)]
fn audit_row(
    seq: i64,
    prev: &str,
    at: Timestamp,
    action: &str,
    actor: &Actor,
    signer: Option<&SignerId>,
    sha: &str,
    details: Value,
) -> AuditRow {
    let mut row = AuditRow {
        seq,
        at: signet_core::time::to_storage_precision(at),
        action: action.to_owned(),
        actor: actor.actor.clone(),
        signer_id: signer.map(|s| s.as_str().to_owned()),
        ip: actor.ip.clone(),
        user_agent: actor.user_agent.clone(),
        document_sha256: sha.to_owned(),
        details,
        prev_hash: prev.to_owned(),
        hash: String::new(),
    };
    row.hash = audit_hash(&row);
    row
}

/// The chain hash of an entry (its `hash` field is not part of it).
pub fn audit_hash(row: &AuditRow) -> String {
    let canonical = json!([
        row.seq,
        signet_core::time::to_millis(&row.at),
        row.action,
        row.actor,
        row.signer_id,
        row.ip,
        row.user_agent,
        row.document_sha256,
        row.details,
    ]);
    hex::encode(
        Sha256::new()
            .chain_update(row.prev_hash.as_bytes())
            .chain_update(canonical.to_string().as_bytes())
            .finalize(),
    )
}

/// Checks a whole trail: every entry chains onto the one before and hashes to what it says.
/// Returns the sequence number of the first broken entry.
pub fn first_broken(rows: &[AuditRow]) -> Option<i64> {
    let mut prev = String::new();
    for (i, row) in rows.iter().enumerate() {
        if row.seq != i as i64 + 1 || row.prev_hash != prev || audit_hash(row) != row.hash {
            return Some(row.seq);
        }
        prev = row.hash.clone();
    }
    None
}

/// Produces one signer's signature as a new revision of the file.
#[allow(clippy::too_many_arguments)]
async fn sign_now(
    state: &AppState,
    tx: &mut Tx,
    tenant: &TenantId,
    mode: Mode,
    wf: &mut Workflow,
    sid: &SignerId,
    facts: &[Eligibility],
    latest: &mut Option<Vec<u8>>,
    now: Timestamp,
) -> AppResult<Effects> {
    let signer = wf
        .signer(sid)
        .cloned()
        .ok_or_else(|| AppError::internal(&"signer vanished"))?;
    let input = match latest.take() {
        Some(bytes) => bytes,
        None => state
            .blobs
            .get(&wf.document.file_key)
            .await
            .map_err(|e| AppError::internal(&e))?,
    };
    let level = wf.document.level;
    let identity = if level == Level::Advanced {
        Some(verified_identity(state, tx, tenant, mode, &signer).await?)
    } else {
        None
    };
    let trust = state.trust.clone();
    let wall = state.wall_now();
    let doc_name = wf.document.name.clone();
    let signed = crate::heavy::run(&state.heavy, move || {
        let ca = trust.ca(mode);
        let cred = match &identity {
            Some(id) => ca.issue_signer(id, wall)?,
            None => ca.seal_credential(),
        };
        let level_words = match level {
            Level::Advanced => "advanced electronic signature",
            Level::Simple => "electronic signature (sealed by Signet)",
        };
        let opts = SignOptions {
            signer_name: signer.name.clone(),
            reason: Some(format!("{} signs “{doc_name}”", signer.name)),
            location: None,
            contact: signer.email.clone(),
            signing_time: wall,
            timestamp: true,
            visible: Some(VisibleBlock {
                lines: {
                    let mut lines = vec![
                        format!("Signed by {}", signer.name),
                        wall.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                        format!("{level_words} - Signet"),
                    ];
                    if mode == Mode::Test {
                        lines.push("TEST - not valid for real signatures".into());
                    }
                    lines
                },
            }),
        };
        let prepared = signet_pdf::prepare_signature(&input, &cred, &opts)?;
        // An advanced signer's own certificate is recorded for revocation (CRL, OCSP).
        let issued = identity.is_some().then(|| cred.clone());
        Ok::<_, signet_pdf::PdfError>((prepared, (cred.subject(), issued)))
    })
    .await
    .map_err(|e| AppError::internal(&e))?
    .map_err(|e| (e.status_code(), e.to_string()));
    // The token is fetched outside the heavy pool: an external authority's network wait
    // must not hold a permit meant for CPU work.
    let signed = match signed {
        Ok((prepared, subject)) => {
            let token = match prepared.timestamp_imprint() {
                Some(imprint) => state
                    .trust
                    .timestamp_token(mode, &imprint, wall)
                    .await
                    .map(Some),
                None => Ok(None),
            };
            token.and_then(|token| {
                prepared
                    .complete(token.as_deref())
                    .map(|pdf| (pdf, subject))
                    .map_err(|e| (e.status_code(), e.to_string()))
            })
        }
        Err(e) => Err(e),
    };
    match signed {
        Ok((pdf, (subject, issued))) => {
            if let Some(cred) = &issued {
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
                    wall,
                )
                .await?;
            }
            let sha = hex::encode(Sha256::digest(&pdf));
            let key = format!(
                "{}/documents/{}/r{}.pdf",
                tenant.as_str(),
                wf.document.id.as_str(),
                wf.document.revisions + 1
            );
            state
                .blobs
                .put(&key, &pdf)
                .await
                .map_err(|e| AppError::internal(&e))?;
            wf.document.file_key = key;
            *latest = Some(pdf);
            wf.signed(sid, subject, sha, facts, now)
                .map_err(|e| AppError::internal(&e))
        }
        Err((code, e)) => {
            tracing::warn!(error = %e, signer = %sid, "signing failed");
            wf.signing_failed(sid, code, &e, now)
                .map_err(|e| AppError::internal(&e))
        }
    }
}

/// The identity an `advanced` certificate names: the person as identified.
async fn verified_identity(
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

/// Closes the file with a document timestamp once every signer signed. A timestamp that
/// cannot be had is the inner `Err` (seed 000's 6007), for the caller to put on the signer.
async fn finish_now(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    wf: &mut Workflow,
    latest: Option<Vec<u8>>,
    now: Timestamp,
) -> AppResult<Result<Effects, String>> {
    let input = match latest {
        Some(bytes) => bytes,
        None => state
            .blobs
            .get(&wf.document.file_key)
            .await
            .map_err(|e| AppError::internal(&e))?,
    };
    let wall = state.wall_now();
    let prepared = crate::heavy::run(&state.heavy, move || {
        signet_pdf::prepare_document_timestamp(&input)
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    let stamped = match prepared {
        Ok(prepared) => match prepared.timestamp_imprint() {
            Some(imprint) => match state.trust.timestamp_token(mode, &imprint, wall).await {
                Ok(token) => prepared.complete(Some(&token)).map_err(|e| e.to_string()),
                Err((_, e)) => Err(e),
            },
            None => Err("no imprint for the document timestamp".to_owned()),
        },
        Err(e) => Err(e.to_string()),
    };
    let pdf = match stamped {
        Ok(pdf) => pdf,
        Err(e) => {
            tracing::warn!(error = %e, document = %wf.document.id.as_str(), "document timestamp failed");
            return Ok(Err(e));
        }
    };
    let sha = hex::encode(Sha256::digest(&pdf));
    let key = format!(
        "{}/documents/{}/final.pdf",
        tenant.as_str(),
        wf.document.id.as_str()
    );
    state
        .blobs
        .put(&key, &pdf)
        .await
        .map_err(|e| AppError::internal(&e))?;
    wf.document.file_key = key;
    Ok(Ok(wf.finished(sha, now)))
}

/// Runs a workflow timer.
pub async fn run_signing_timer(state: &AppState, job: &signet_store::ClaimedJob) -> AppResult<()> {
    let timer: Timer =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
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
    if level == signet_core::signing::Level::Advanced && mode == Mode::Live && route.sms.is_none() {
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
    let now = tenant.now(mode, state.wall_now());
    let mut tx = state.store.begin().await?;
    let (mut locked, _) = state
        .store
        .workflow_for_update(&mut tx, &tenant.id, &wf.document.id)
        .await?;
    let mut fx = Effects::default();
    fx.audit.push(signet_core::signing::AuditRecord {
        action: if delivered.is_empty() {
            "otp.delivery_failed"
        } else {
            "otp.sent"
        },
        signer_id: Some(sid.clone()),
        details: json!({"channels": report}),
    });
    if invalid_phone {
        let more = locked
            .signing_failed(sid, 6010, "the SMS provider refused the phone number", now)
            .map_err(|e| AppError::internal(&e))?;
        fx.audit.extend(more.audit);
        fx.signers_changed.extend(more.signers_changed);
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
