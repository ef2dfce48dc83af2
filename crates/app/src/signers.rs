//! What can be done to a document and its signers, one function per action, whoever acts:
//! the integrator through the API, the signer through their hosted page, an operator in the
//! back office. Each function checks its input, takes the document's lock, asks the pure
//! workflow (`signet_core::signing::Workflow`) for the transition, and stores and commits
//! it with [`signing::store`], which makes signatures outside the write transaction; the
//! callers only parse the request and render what comes back. A refusal is an [`AppError`]
//! with the workflow's code, the same on every surface.

use crate::error::{AppError, AppResult};
use crate::signing::{self, Actor, OtpPlan, awaiting_identification};
use crate::state::AppState;
use signet_core::catalog::ErrorCode;
use signet_core::ids::{DocumentId, SignerId};
use signet_core::signing::{ConfirmOutcome, Effects, Eligibility, Workflow};
use signet_core::time::Timestamp;
use signet_store::{Mode, Tenant, Tx};

/// The longest message a signer's rejection keeps.
pub const MAX_MESSAGE_CHARS: usize = 2000;

/// How often a signer's page views are written to the audit trail: reloading the page must
/// not flood the trail (or the writer) with entries that say nothing new.
const VIEW_RECORDED_EVERY: chrono::Duration = chrono::Duration::hours(1);

/// Who acts, and from which client (both go into the audit trail).
#[derive(Debug, Clone)]
pub struct Acting {
    pub by: By,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// The kinds of actor.
#[derive(Debug, Clone)]
pub enum By {
    /// An integrator, with the id of their API key.
    ApiKey(String),
    /// The signer, through the link to their hosted page.
    SignerLink,
    /// A back-office operator, by email.
    Operator(String),
}

impl Acting {
    /// The audit trail's actor of an action on `signer` (or on the whole document).
    pub fn actor(&self, signer: Option<&SignerId>) -> Actor {
        let actor = match (&self.by, signer) {
            (By::ApiKey(key), Some(s)) => format!("signer:{} via api_key:{key}", s.as_str()),
            (By::ApiKey(key), None) => format!("api_key:{key}"),
            (By::SignerLink, Some(s)) => format!("signer:{} via hosted page", s.as_str()),
            (By::SignerLink, None) => "hosted page".to_owned(),
            (By::Operator(email), _) => format!("operator:{email}"),
        };
        Actor {
            actor,
            ip: self.ip.clone(),
            user_agent: self.user_agent.clone(),
        }
    }

    /// Who decides as a reviewer (unblocking, judging a selfie, flagging a person): an API
    /// key or an operator; a signer's link reviews nobody (422 `invalid_state`).
    pub(crate) fn reviewer(&self) -> AppResult<String> {
        match &self.by {
            By::ApiKey(key) => Ok(format!("api_key:{key}")),
            By::Operator(email) => Ok(format!("operator:{email}")),
            By::SignerLink => Err(AppError::invalid_state("a signer cannot review themselves")),
        }
    }
}

/// A document of a tenant, in the mode it was created in.
#[derive(Debug, Clone, Copy)]
pub struct DocumentAt<'a> {
    pub tenant: &'a Tenant,
    pub mode: Mode,
    pub document: &'a DocumentId,
}

impl DocumentAt<'_> {
    fn now(&self, state: &AppState) -> Timestamp {
        self.tenant.now(self.mode, state.wall_now())
    }
}

/// One signer of a document.
#[derive(Debug, Clone, Copy)]
pub struct SignerAt<'a> {
    pub doc: DocumentAt<'a>,
    pub signer: &'a SignerId,
}

/// A document locked for one transition: the write transaction, the workflow as stored, the
/// workflow being changed, and the tenant's time of the action.
struct Locked {
    tx: Tx,
    stored: Workflow,
    wf: Workflow,
    now: Timestamp,
}

/// Opens the write transaction and locks the document; 404 `document_not_found` when it is
/// not the tenant's in this mode.
async fn lock(state: &AppState, at: DocumentAt<'_>) -> AppResult<Locked> {
    let now = at.now(state);
    let (tx, stored) = signing::lock_document(state, at.tenant, at.mode, at.document).await?;
    Ok(Locked {
        tx,
        wf: stored.clone(),
        stored,
        now,
    })
}

/// [`lock`], and the signer must be one of the document's (404 `signer_not_found`).
async fn lock_signer(state: &AppState, at: SignerAt<'_>) -> AppResult<Locked> {
    let locked = lock(state, at.doc).await?;
    if locked.wf.signer(at.signer).is_none() {
        return Err(AppError::not_found("signer"));
    }
    Ok(locked)
}

impl Locked {
    /// What Signet knows about the signer's identity, read under the document's lock.
    async fn facts(&mut self, state: &AppState, at: SignerAt<'_>) -> AppResult<Eligibility> {
        let signer = self
            .wf
            .signer(at.signer)
            .cloned()
            .ok_or_else(|| AppError::not_found("signer"))?;
        signing::eligibility(
            state,
            &mut self.tx,
            &at.doc.tenant.id,
            at.doc.mode,
            &signer,
            self.now,
        )
        .await
    }

    /// Stores the transition's effects as `actor` and commits (the PDF work outside the
    /// transaction, see [`signing::store`]); `None` when a signature lost a race and the
    /// action must run again.
    async fn store(
        self,
        state: &AppState,
        at: DocumentAt<'_>,
        actor: &Actor,
        fx: Effects,
    ) -> AppResult<Option<Workflow>> {
        signing::store(
            state,
            at.tenant,
            at.mode,
            self.tx,
            &self.stored,
            self.wf,
            fx,
            actor,
            self.now,
        )
        .await
    }

    /// [`Locked::store`] for an action that makes no signature, so cannot lose such a race.
    async fn commit(
        self,
        state: &AppState,
        at: DocumentAt<'_>,
        actor: &Actor,
        fx: Effects,
    ) -> AppResult<Workflow> {
        self.store(state, at, actor, fx)
            .await?
            .ok_or_else(signing::kept_changing)
    }
}

/// An approval: the workflow after it, and where the one-time code went.
#[derive(Debug)]
pub struct Approved {
    pub wf: Workflow,
    pub plan: OtpPlan,
    /// The channels the code was handed to (`sandbox` in test mode).
    pub channels: Vec<&'static str>,
}

/// What a signer gives on approval.
#[derive(Debug, Default)]
pub struct Approval {
    /// Their form fields by name (`{name: value}`).
    pub values: serde_json::Map<String, serde_json::Value>,
    /// Their signature picture, PNG or JPEG bytes (drawn, typed or uploaded on the page, or
    /// the API's `signature_image`).
    pub signature_picture: Option<Vec<u8>>,
    /// Only a new code: a signer who has approved already keeps the values and the picture
    /// they gave (the page's "new code" button). Ignored for a signer who has not.
    pub new_code_only: bool,
}

/// The signer approves the documents: `confirmation_required`, and a one-time code goes out
/// (always 123456 in test mode). Where the code may go is decided before anything changes
/// (an `advanced` signer's only to the number their identification verified), and the code
/// is counted against the limits in the approval's transaction, so a refusal rolls both back.
///
/// `values` fills the signer's form fields: each must be a field of this signer that is
/// neither prefilled nor filled by Signet, with a value of its type, and every required
/// field the signer fills must be there; otherwise 422 `field_values_invalid` naming each
/// field. The signature picture must be a PNG or JPEG (87) of at most 1 MB and 2000 pixels
/// (104), and is required where the tenant says so (26). Both are kept with the signer and
/// written into the PDF with their signature; an approval replaces what an earlier one gave.
pub async fn approve(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    given: &Approval,
) -> AppResult<Approved> {
    if let Some(p) = &given.signature_picture {
        // Decoding a picture of up to 2000×2000 pixels is CPU work: on the bounded pool.
        let p = p.clone();
        state
            .heavy
            .run(move || crate::fields::check_signature_picture(&p))
            .await
            .map_err(|e| AppError::internal(&e))??;
    }
    let picture_required = state
        .store
        .signature_picture_required(&at.doc.tenant.id, at.doc.mode)
        .await?;
    let sid = at.signer;
    let code = signing::new_otp(at.doc.mode);
    let hash = state.trust.otp_hash(sid, &code);
    let mut l = lock_signer(state, at).await?;
    let facts = l.facts(state, at).await?;
    let signer =
        l.wf.signer(sid)
            .ok_or_else(|| AppError::not_found("signer"))?;
    let position = signer.position;
    let keep = given.new_code_only
        && signer.status == signet_core::signing::SignerStatus::ConfirmationRequired;
    let earlier_picture = signer.signature_picture.clone();
    let plan = signing::plan_otp(state, at.doc.mode, l.wf.document.level, signer, &facts)?;
    let mut fx = l.wf.approve(sid, hash, l.now).map_err(signing::refused)?;
    if !keep {
        let fields = state.store.fields_in_tx(&mut l.tx, at.doc.document).await?;
        let placed: Vec<_> = fields.into_iter().map(|f| f.field).collect();
        let kept = signet_core::signing::fields::check_values(
            &placed,
            position,
            &given.values,
            &crate::fields::check_image,
        )
        .map_err(|e| AppError::refused_fields(ErrorCode::FieldValuesInvalid, e))?;
        if !placed.is_empty() {
            state
                .store
                .set_field_values(&mut l.tx, at.doc.document, position, &kept)
                .await?;
        }
    }
    let picture = if keep {
        earlier_picture.clone()
    } else if let Some(bytes) = &given.signature_picture {
        // Written before the row that points at it commits; one left by a refusal below is
        // the sweeper's once the document is gone.
        let key =
            crate::fields::signature_picture_key(&at.doc.tenant.id, at.doc.document, sid, bytes);
        state
            .blobs
            .put(&key, bytes)
            .await
            .map_err(|e| AppError::internal(&e))?;
        Some(key)
    } else {
        None
    };
    if picture_required && picture.is_none() {
        return Err(AppError::refused_fields(
            ErrorCode::SignatureImageMissing,
            vec![signet_core::validate::FieldError {
                field: "signature_image".to_owned(),
                message: "is required: the tenant requires a signature picture".to_owned(),
            }],
        ));
    }
    if let Some(s) = l.wf.signers.iter_mut().find(|s| &s.id == sid) {
        s.signature_picture = picture.clone();
    }
    signing::note_route(&mut fx, &plan);
    crate::limits::count_code(
        state,
        &mut l.tx,
        at.doc.tenant,
        at.doc.mode,
        crate::limits::CodeFor::Signer(sid),
        plan.route.sms.as_deref(),
        l.now,
    )
    .await?;
    let wf = l.commit(state, at.doc, &by.actor(Some(sid)), fx).await?;
    // The picture an approval replaced is no longer used.
    if let Some(old) = earlier_picture.filter(|old| Some(old) != picture.as_ref())
        && let Err(e) = state.blobs.delete(&old).await
    {
        tracing::warn!(error = %e, "a replaced signature picture is left to the sweeper");
    }
    // A qualified signer's provider may send its own code instead (CSC credentials/sendOTP).
    let by_provider = if wf.document.level == signet_core::signing::Level::Qualified {
        signing::qualified::deliver_provider_code(state, at.doc.tenant, at.doc.mode, &wf, sid)
            .await?
    } else {
        None
    };
    let channels = match by_provider {
        Some(channels) => channels,
        None => {
            signing::deliver_otp(state, at.doc.tenant, at.doc.mode, &wf, sid, &code, &plan).await?
        }
    };
    Ok(Approved { wf, plan, channels })
}

/// The signer confirms with the one-time code: the signature is made (`signed`), or waits
/// for the identification under review (`pending_verification`). A wrong code is an outcome
/// (it is recorded), not an error; the caller says it in its own words.
pub async fn confirm(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    code: &str,
) -> AppResult<(Workflow, ConfirmOutcome)> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::field("otp", "must be 6 digits"));
    }
    let sid = at.signer;
    let actor = by.actor(Some(sid));
    // The signature is made outside the transaction; if the document changed meanwhile, the
    // code is checked again on what is stored now.
    for _ in 0..signing::SIGNING_ATTEMPTS {
        let mut l = lock_signer(state, at).await?;
        let facts = l.facts(state, at).await?;
        // The provider's own code is judged only when the signature is made, so it is taken
        // only when the signature can be made now: a signer still waiting for the
        // identification confirms once it is final (a signature made later would rest on a
        // code nobody checked).
        let provider_code =
            l.wf.signer(sid)
                .and_then(|s| s.otp.as_ref())
                .is_some_and(|o| signing::qualified::provider_checks(&o.hash));
        if provider_code && awaiting_identification(&facts) {
            return Err(AppError::new(
                ErrorCode::StepNotPossible,
                "the trust service provider's code can be used once the signer's identification is final; confirm then",
            ));
        }
        let left_to_provider = std::cell::Cell::new(false);
        let (outcome, mut fx) =
            l.wf.confirm(
                sid,
                // The provider's own code is judged by the provider, in credentials/authorize.
                |stored| {
                    if signing::qualified::provider_checks(stored) {
                        left_to_provider.set(true);
                        return true;
                    }
                    state.trust.otp_matches(sid, code, stored)
                },
                awaiting_identification(&facts),
                l.now,
            )
            .map_err(signing::refused)?;
        // The trail says who judges the code: the provider's verdict comes with the signature
        // (a wrong code is its invalid_otp, 6005).
        if left_to_provider.get() {
            for r in fx
                .audit
                .iter_mut()
                .filter(|r| r.action == "signer.confirmed")
            {
                r.details = serde_json::json!({"code_checked_by": "provider"});
            }
        }
        // A qualified signature forwards the code to the provider (credentials/authorize).
        let stored = signing::qualified::with_confirm_code(
            sid,
            code,
            left_to_provider.get(),
            l.store(state, at.doc, &actor, fx),
        )
        .await?;
        if let Some(wf) = stored {
            return Ok((wf, outcome));
        }
    }
    Err(signing::kept_changing())
}

/// The signer rejects the document with a message (1 to 2000 characters): REJECT, then
/// REJECTED.
pub async fn reject(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    message: &str,
) -> AppResult<Workflow> {
    let message = message.trim();
    if message.is_empty() || message.chars().count() > MAX_MESSAGE_CHARS {
        return Err(AppError::field("message", "must be 1 to 2000 characters"));
    }
    let mut l = lock_signer(state, at).await?;
    let fx =
        l.wf.reject(at.signer, message.to_owned(), l.now)
            .map_err(signing::refused)?;
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// A fresh window for the signer (seed 000's "new workflow"): the 2-hour and 24-hour limits
/// run again from now and eligibility is checked again.
pub async fn resend(state: &AppState, at: SignerAt<'_>, by: &Acting) -> AppResult<Workflow> {
    let mut l = lock_signer(state, at).await?;
    let facts = l.facts(state, at).await?;
    let fx =
        l.wf.resend(at.signer, &facts, l.now)
            .map_err(signing::refused)?;
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// A reviewer unblocks a signer blocked after three failed identity validations.
pub async fn unblock(state: &AppState, at: SignerAt<'_>, by: &Acting) -> AppResult<Workflow> {
    let reviewer = by.reviewer()?;
    let mut l = lock_signer(state, at).await?;
    let facts = l.facts(state, at).await?;
    let fx =
        l.wf.unblock(at.signer, &reviewer, &facts, l.now)
            .map_err(signing::refused)?;
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// The signer hands in a selfie (in `selfie_required`), checked as an identification's
/// selfie is; it is stored only once the transition is allowed, before it commits, so a
/// refused request leaves no file behind.
pub async fn submit_selfie(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    image: &[u8],
) -> AppResult<Workflow> {
    let ext = signing::check_selfie(image)
        .await
        .map_err(|r| AppError::field("image", &r.message).with_return_code(r.code))?;
    let (key, sha) = signing::selfie_key(&at.doc.tenant.id, at.doc.document, at.signer, image, ext);
    let mut l = lock_signer(state, at).await?;
    let fx =
        l.wf.submit_selfie(at.signer, key.clone(), sha, l.now)
            .map_err(signing::refused)?;
    signing::put_selfie(state, &key, image).await?;
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// A reviewer judges the selfie: accepted opens consent; rejected is one failed identity
/// validation (3105), the third blocks.
pub async fn review_selfie(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    accepted: bool,
) -> AppResult<Workflow> {
    let reviewer = by.reviewer()?;
    let mut l = lock_signer(state, at).await?;
    let facts = l.facts(state, at).await?;
    let fx =
        l.wf.review_selfie(at.signer, accepted, &reviewer, &facts, l.now)
            .map_err(signing::refused)?;
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// Records `signer.viewed` (the signer opened their page with something to do), at most
/// once per signer per hour of the tenant's clock.
pub async fn record_view(
    state: &AppState,
    at: SignerAt<'_>,
    by: &Acting,
    device_model: Option<&str>,
) -> AppResult<Workflow> {
    let mut l = lock_signer(state, at).await?;
    // Where the session comes from and the device it runs on weigh on an advanced signer
    // (seed 000's 4145 and 3541).
    let country = session_country(state, by);
    let device = device_model.filter(|_| matches!(by.by, By::SignerLink));
    let mut fx = Effects::default();
    if (!state.config.prohibited_countries.is_empty() || device.is_some())
        && l.wf.document.level.identified()
    {
        let mut facts = l.facts(state, at).await?;
        facts.session_device_model = device.map(str::to_owned);
        facts.prohibited_country = country.as_deref().is_some_and(|c| {
            state
                .config
                .prohibited_countries
                .iter()
                .any(|p| p.eq_ignore_ascii_case(c))
        });
        fx = l.wf.session_assessed(at.signer, &facts, l.now);
    }
    let last = state
        .store
        .last_audit_at(
            &mut l.tx,
            &l.wf.document.id,
            "signer.viewed",
            at.signer.as_str(),
        )
        .await?;
    let recorded_lately = last.is_some_and(|t| l.now - t < VIEW_RECORDED_EVERY);
    if recorded_lately && fx == Effects::default() {
        return Ok(l.wf);
    }
    fx.audit.push(signet_core::signing::AuditRecord {
        action: "signer.viewed",
        signer_id: Some(at.signer.clone()),
        details: serde_json::json!({"country": country, "device_model": device}),
    });
    l.commit(state, at.doc, &by.actor(Some(at.signer)), fx)
        .await
}

/// The country of the signer's own session by `geoip_database` (`None` for an integrator or
/// an operator acting, an address the database does not know, or no database).
fn session_country(state: &AppState, by: &Acting) -> Option<String> {
    if !matches!(by.by, By::SignerLink) {
        return None;
    }
    let ip: std::net::IpAddr = by.ip.as_deref()?.parse().ok()?;
    state.geoip.as_ref()?.country(ip)
}

/// Cancels a document: no more signatures, no seed 004 webhook.
pub async fn cancel(state: &AppState, at: DocumentAt<'_>, by: &Acting) -> AppResult<Workflow> {
    let mut l = lock(state, at).await?;
    let fx = l.wf.cancel(l.now).map_err(signing::refused)?;
    l.commit(state, at, &by.actor(None), fx).await
}

/// How wide the signer's page draws a page of the document, in pixels.
pub const PAGE_IMAGE_WIDTH_PX: u32 = 900;

/// Where the image of page `n` of a revision of the document is kept: each page is drawn
/// once per revision, and later requests read the stored PNG. The key lies under the
/// document, so the blob sweeper keeps it while the document exists.
pub fn page_image_key(tenant: &str, document: &str, revision: u32, n: usize) -> String {
    format!("{tenant}/documents/{document}/pages/r{revision}-p{n}-w{PAGE_IMAGE_WIDTH_PX}.png")
}

/// The most documents one `POST /v1/documents/delete` takes.
pub const MAX_BULK_DELETE: usize = 100;

/// Why a document cannot be deleted, or `None` when it can.
fn undeletable(wf: &Workflow) -> Option<&'static str> {
    wf.has_signature()
        .then_some("a signer has signed it: a signed document is evidence and can only be canceled")
}

/// Deletes a document no signer has signed (else 409 `document_has_signatures`, 37): its
/// signers and their links (a deleted document's link opens a 404 page), their one-time
/// codes, its pending timers and, once that commits, its files. The audit trail stays,
/// closed by a `document.deleted` entry chained onto it, and a tombstone says whose it was;
/// `document.deleted` is sent.
pub async fn delete(
    state: &AppState,
    at: DocumentAt<'_>,
    by: &Acting,
) -> AppResult<crate::views::DocumentDeletedView> {
    let mut l = lock(state, at).await?;
    if let Some(why) = undeletable(&l.wf) {
        return Err(AppError::new(
            signet_core::catalog::ErrorCode::DocumentHasSignatures,
            format!("the document cannot be deleted: {why}"),
        ));
    }
    let actor = by.actor(None);
    let view = remove(state, &mut l.tx, at, &l.wf, &actor, l.now).await?;
    l.tx.commit()
        .await
        .map_err(signet_store::StoreError::from)?;
    delete_files(state, &at.tenant.id, &l.wf).await;
    Ok(view)
}

/// Deletes several documents, all or nothing: if any cannot go (unknown, or signed), none is
/// deleted and 409 `documents_not_deletable` (38) names each that cannot, by its place in
/// `ids`. The documents are locked in id order, so two overlapping requests cannot deadlock.
pub async fn delete_many(
    state: &AppState,
    tenant: &Tenant,
    mode: Mode,
    ids: &[DocumentId],
    by: &Acting,
) -> AppResult<Vec<crate::views::DocumentDeletedView>> {
    let now = tenant.now(mode, state.wall_now());
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|a, b| ids[*a].as_str().cmp(ids[*b].as_str()));
    let mut tx = state.store.begin().await?;
    let mut locked: Vec<(usize, Workflow)> = Vec::with_capacity(ids.len());
    let mut refusals = Vec::new();
    for i in order {
        match state
            .store
            .workflow_for_update(&mut tx, &tenant.id, &ids[i])
            .await
        {
            Ok((wf, m)) if m == mode => {
                if let Some(why) = undeletable(&wf) {
                    refusals.push((i, why));
                } else {
                    locked.push((i, wf));
                }
            }
            Ok(_) | Err(signet_store::StoreError::NotFound) => {
                refusals.push((i, "no such document"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if !refusals.is_empty() {
        refusals.sort_by_key(|(i, _)| *i);
        let fields: Vec<signet_core::validate::FieldError> = refusals
            .iter()
            .map(|(i, why)| {
                signet_core::validate::FieldError::new(
                    &format!("ids[{i}]"),
                    format!("{}: {why}", ids[*i].as_str()),
                )
            })
            .collect();
        let mut e = AppError::new(
            signet_core::catalog::ErrorCode::DocumentsNotDeletable,
            "no document was deleted: some cannot be",
        );
        e.fields = fields;
        return Err(e);
    }
    let actor = by.actor(None);
    let at = |id| DocumentAt {
        tenant,
        mode,
        document: id,
    };
    let mut views = Vec::with_capacity(locked.len());
    for (_, wf) in &locked {
        views.push((
            ids.iter().position(|x| *x == wf.document.id).unwrap_or(0),
            remove(state, &mut tx, at(&wf.document.id), wf, &actor, now).await?,
        ));
    }
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    for (_, wf) in &locked {
        delete_files(state, &tenant.id, wf).await;
    }
    views.sort_by_key(|(i, _)| *i);
    Ok(views.into_iter().map(|(_, v)| v).collect())
}

/// In `tx`, where the document is locked: the deletion's audit entry chained onto the trail,
/// the rows gone with a tombstone left, and the `document.deleted` event.
async fn remove(
    state: &AppState,
    tx: &mut Tx,
    at: DocumentAt<'_>,
    wf: &Workflow,
    actor: &Actor,
    now: Timestamp,
) -> AppResult<crate::views::DocumentDeletedView> {
    let d = &wf.document;
    let row = crate::audit::append(
        state,
        tx,
        &wf.document,
        actor,
        "document.deleted",
        None,
        serde_json::json!({
            "status": d.status.as_str(),
            "number": d.number,
            "signers": wf.signers.len(),
        }),
        now,
    )
    .await?;
    state
        .store
        .delete_workflow(tx, &at.tenant.id, at.mode, d, &actor.actor, now)
        .await?;
    let view = crate::views::DocumentDeletedView {
        id: d.id.as_str().to_owned(),
        name: d.name.clone(),
        number: d.number.clone(),
        tags: d.tags.clone(),
        custom: d.custom.clone(),
        status: d.status.as_str(),
        deleted_by: actor.actor.clone(),
        deleted_at: signet_core::time::format(&now),
        audit_head: row.hash,
    };
    let data = serde_json::to_value(&view).map_err(|e| AppError::internal(&e))?;
    crate::events::emit(
        state,
        tx,
        &at.tenant.id,
        at.mode,
        "document.deleted",
        data,
        now,
    )
    .await?;
    Ok(view)
}

/// Deletes a deleted document's files: the original, the file as it stood, selfies and the
/// page images drawn for the signer's page. One that cannot be deleted now is left to the
/// blob sweeper, which removes files of a document that no longer exists.
async fn delete_files(state: &AppState, tenant: &signet_core::ids::TenantId, wf: &Workflow) {
    // A backup running now may hold a snapshot that still has this document: it holds off
    // deletions until it has copied the files (`backup.rs`), and the sweeper deletes them later.
    if state
        .store
        .file_deletions_held(state.wall_now())
        .await
        .unwrap_or(true)
    {
        return;
    }
    let d = &wf.document;
    let mut keys = vec![d.original_key.clone(), d.file_key.clone()];
    keys.extend(
        wf.signers
            .iter()
            .filter_map(|s| s.selfie.as_ref().map(|x| x.blob_key.clone())),
    );
    keys.extend(
        wf.signers
            .iter()
            .filter_map(|s| s.signature_picture.clone()),
    );
    for revision in 0..=d.revisions {
        for n in 1..=d.pages as usize {
            keys.push(page_image_key(tenant.as_str(), d.id.as_str(), revision, n));
        }
    }
    keys.dedup();
    for key in keys {
        if let Err(e) = state.blobs.delete(&key).await {
            tracing::warn!(error = %e, key = %key, "a deleted document's file is left to the sweeper");
        }
    }
}

// ---- Reminders ----

/// Job kind of a document's reminders.
pub const JOB_REMINDER: &str = signet_store::JOB_DOCUMENT_REMINDER;

/// A signer is reminded at most this often, by hand or by the document's `reminders`.
pub const REMIND_EVERY: chrono::Duration = chrono::Duration::hours(1);

/// The audit action of a reminder.
const REMINDED: &str = "signer.reminded";

/// The payload of a reminder job: the document, and how many automatic reminders each
/// signer has had.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct ReminderJob {
    document_id: DocumentId,
    #[serde(default)]
    sent: std::collections::BTreeMap<String, u32>,
}

/// Arms a new document's reminders, if it has any: the first run is `after` seconds from
/// now (tenant clock), when the signers asked at creation are due.
pub async fn arm_reminders(
    state: &AppState,
    tx: &mut Tx,
    tenant: &Tenant,
    mode: Mode,
    wf: &Workflow,
    now: Timestamp,
) -> AppResult<()> {
    let Some(r) = wf.document.reminders.filter(|r| r.max > 0) else {
        return Ok(());
    };
    let job = ReminderJob {
        document_id: wf.document.id.clone(),
        sent: Default::default(),
    };
    schedule_reminder(
        state,
        tx,
        tenant,
        mode,
        &job,
        now + chrono::Duration::seconds(i64::from(r.after)),
    )
    .await
}

async fn schedule_reminder(
    state: &AppState,
    tx: &mut Tx,
    tenant: &Tenant,
    mode: Mode,
    job: &ReminderJob,
    due: Timestamp,
) -> AppResult<()> {
    let spec = signet_store::JobSpec {
        id: signet_core::ids::JobId::from_random(crate::state::random16()),
        tenant_id: tenant.id.clone(),
        mode,
        kind: JOB_REMINDER.to_owned(),
        payload: serde_json::to_value(job).map_err(|e| AppError::internal(&e))?,
        due_at: due,
    };
    state
        .store
        .schedule_job(tx, &spec, tenant.clock_offset_ms, state.wall_now())
        .await?;
    state.jobs_ready.notify_waiters();
    Ok(())
}

/// Reminds a signer in `tx`: the audit entry and `document.signer_reminded`, whose `data`
/// carries the signer's page link for the integrator to send again by the channel it sent
/// the first (Signet sends signers nothing but one-time codes).
#[allow(clippy::too_many_arguments)]
async fn remind_signer(
    state: &AppState,
    tx: &mut Tx,
    tenant: &Tenant,
    mode: Mode,
    wf: &Workflow,
    signer: &signet_core::signing::Signer,
    automatic: bool,
    actor: &Actor,
    now: Timestamp,
) -> AppResult<()> {
    let count = state
        .store
        .audit_count(tx, &wf.document.id, REMINDED, signer.id.as_str())
        .await?
        + 1;
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    crate::audit::append(
        state,
        tx,
        &wf.document,
        actor,
        REMINDED,
        Some(&signer.id),
        serde_json::json!({"automatic": automatic, "count": count, "channel": "webhook"}),
        now,
    )
    .await?;
    let view = crate::views::SignerRemindedView::new(
        &state.config.public_url(),
        wf,
        signer,
        automatic,
        count,
        &now,
    );
    let data = serde_json::to_value(&view).map_err(|e| AppError::internal(&e))?;
    crate::events::emit(
        state,
        tx,
        &tenant.id,
        mode,
        "document.signer_reminded",
        data,
        now,
    )
    .await
}

/// Reminds a signer now, by hand: only one whose turn it is and who has not finished
/// (`already_signed`, `not_your_turn`, `invalid_transition`, or the document's code
/// otherwise), and at most once an hour per signer, automatic reminders included (429
/// `reminder_too_soon` with 39 and `Retry-After`).
pub async fn remind(state: &AppState, at: SignerAt<'_>, by: &Acting) -> AppResult<Workflow> {
    let mut l = lock_signer(state, at).await?;
    let signer =
        l.wf.check_remind(at.signer)
            .map_err(signing::refused)?
            .clone();
    let last = state
        .store
        .last_audit_at(&mut l.tx, &l.wf.document.id, REMINDED, at.signer.as_str())
        .await?;
    if let Some(t) = last
        && l.now - t < REMIND_EVERY
    {
        let wait = (t + REMIND_EVERY - l.now).num_milliseconds();
        let seconds = u64::try_from((wait + 999) / 1000).unwrap_or(1);
        return Err(AppError::new(
            signet_core::catalog::ErrorCode::ReminderTooSoon,
            format!(
                "the signer was reminded less than an hour ago; the next reminder may go in {seconds} s"
            ),
        )
        .with_retry_after(seconds));
    }
    let actor = by.actor(Some(at.signer));
    remind_signer(
        state,
        &mut l.tx,
        at.doc.tenant,
        at.doc.mode,
        &l.wf,
        &signer,
        false,
        &actor,
        l.now,
    )
    .await?;
    l.tx.commit()
        .await
        .map_err(signet_store::StoreError::from)?;
    Ok(l.wf)
}

/// Runs a document's reminder job: reminds each signer whose turn it is, who has not
/// finished and whose next reminder is due (`after` seconds after they were asked, then
/// every `every`, at most `max`, never within an hour of another reminder), then arms the
/// next run. While the document is open and a signer has not signed but none is due (a
/// sequential signer's turn has not come), the job looks again after `every`. A document
/// closed, finished or deleted ends its reminders.
pub async fn run_reminder(state: &AppState, job: &signet_store::ClaimedJob) -> AppResult<()> {
    let mut payload: ReminderJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| AppError::internal(&e))?;
    let mut tx = state.store.begin().await?;
    let tenant = state.store.tenant_in_tx(&mut tx, &job.tenant_id).await?;
    let now = tenant.now(job.mode, state.wall_now());
    let wf = match state
        .store
        .workflow_for_update(&mut tx, &job.tenant_id, &payload.document_id)
        .await
    {
        Ok((wf, _)) => Some(wf),
        Err(signet_store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let open = wf.filter(|wf| {
        wf.document.status == signet_core::signing::DocumentStatus::Pending
            && wf.document.reminders.is_some()
    });
    let mut next: Option<Timestamp> = None;
    if let Some(wf) = &open
        && let Some(r) = wf.document.reminders
    {
        for s in &wf.signers {
            let Some(asked_at) = s.asked_at.filter(|_| s.awaits_action()) else {
                continue;
            };
            let key = s.id.as_str().to_owned();
            let sent = payload.sent.get(&key).copied().unwrap_or(0);
            let last = state
                .store
                .last_audit_at(&mut tx, &wf.document.id, REMINDED, s.id.as_str())
                .await?;
            let Some(mut due) = r.next_due(asked_at, sent, last) else {
                continue;
            };
            // Never within an hour of the last reminder, whoever asked for it.
            if let Some(l) = last {
                due = due.max(l + REMIND_EVERY);
            }
            if due <= now {
                remind_signer(
                    state,
                    &mut tx,
                    &tenant,
                    job.mode,
                    wf,
                    s,
                    true,
                    &Actor::system(),
                    now,
                )
                .await?;
                payload.sent.insert(key, sent + 1);
                due = match r.next_due(asked_at, sent + 1, Some(now)) {
                    Some(d) => d,
                    None => continue,
                };
            }
            next = Some(next.map_or(due, |n| n.min(due)));
        }
        let unsigned = wf
            .signers
            .iter()
            .any(|s| s.status != signet_core::signing::SignerStatus::Signed);
        if next.is_none() && unsigned {
            next = Some(now + chrono::Duration::seconds(i64::from(r.every)));
        }
    }
    state.store.complete_job(&mut tx, job).await?;
    if let Some(due) = next {
        schedule_reminder(state, &mut tx, &tenant, job.mode, &payload, due).await?;
    }
    tx.commit().await.map_err(signet_store::StoreError::from)?;
    Ok(())
}
