//! The PDF work a transition asks for — each signer's signature as a new revision, the
//! closing document timestamp, the signed contract's copies in the signers' person files —
//! done on the workflow in memory, with no transaction open: it reads what it needs from
//! [`SignInputs`] (read beforehand) and writes only new files, under keys nobody else
//! writes. [`super::record`] then stores the outcome in a transaction.

use super::Eligibility;
use crate::error::{AppError, AppResult};
use crate::random::random16;
use crate::revocation::Coverage;
use crate::state::AppState;
use sha2::{Digest, Sha256};
use signet_core::ids::{PersonDocumentId, PersonId, SignerId, TenantId};
use signet_core::signing::{AuditRecord, DocumentEvent, Effects, Level, Workflow};
use signet_core::time::Timestamp;
use signet_pdf::{FormFill, SignOptions, SignerCredential, SignerIdentity, VisibleBlock};
use signet_store::{Mode, PersonDocumentRow, Tx};
use std::collections::{HashMap, VecDeque};

/// What the PDF work needs to know about the signers, read before it starts.
#[derive(Debug, Default)]
pub struct SignInputs {
    /// Every signer's eligibility, by position (what `Workflow::signed` re-checks).
    pub facts: Vec<Eligibility>,
    /// The identity an `advanced` certificate names, per signer with a person.
    pub identities: HashMap<SignerId, SignerIdentity>,
    /// What each signer's revision fills in (documents with form fields; others sign with
    /// a signature field of their own, as before).
    pub forms: HashMap<SignerId, FormFill>,
}

impl SignInputs {
    /// Reads the inputs for `wf` in `tx` (under the document's lock, or before it is taken).
    pub async fn read(
        state: &AppState,
        tx: &mut Tx,
        tenant: &TenantId,
        mode: Mode,
        wf: &Workflow,
        now: Timestamp,
    ) -> AppResult<SignInputs> {
        let facts = super::all_eligibility(state, tx, tenant, mode, wf, now).await?;
        let mut identities = HashMap::new();
        if wf.document.level.identified() {
            for s in &wf.signers {
                if s.person_id.is_some() && s.signed_at.is_none() {
                    let id = super::verified_identity(state, tx, tenant, mode, s).await?;
                    identities.insert(s.id.clone(), id);
                }
            }
        }
        let mut forms = HashMap::new();
        let fields = state.store.fields_in_tx(tx, &wf.document.id).await?;
        if !fields.is_empty() {
            for s in wf.signers.iter().filter(|s| s.signed_at.is_none()) {
                forms.insert(s.id.clone(), crate::fields::form_fill(&fields, s, &now));
            }
        }
        // A signer's picture is their signature's appearance, in their signature field or in
        // Signet's own block.
        for s in wf.signers.iter().filter(|s| s.signed_at.is_none()) {
            if let Some(key) = &s.signature_picture {
                let bytes = state
                    .blobs
                    .get(key)
                    .await
                    .map_err(|e| AppError::internal(&e))?;
                forms.entry(s.id.clone()).or_default().signature_picture = Some(bytes);
            }
        }
        Ok(SignInputs {
            facts,
            identities,
            forms,
        })
    }
}

/// One audit entry as produced, with the file's hash at that moment.
#[derive(Debug)]
pub struct ProducedAudit {
    pub record: AuditRecord,
    pub sha256: String,
}

/// A transition's outcome with its PDF work done, ready to be stored.
#[derive(Debug, Default)]
pub struct Produced {
    /// The effects of the whole chain (transition, signatures, closing), merged.
    pub all: Effects,
    pub audit: Vec<ProducedAudit>,
    /// Certificates issued for signatures (an advanced signer's, a simple signature's seal),
    /// for revocation (CRL, OCSP).
    pub issued: Vec<(SignerId, SignerCredential, chrono::DateTime<chrono::Utc>)>,
    /// The signed contract's copy in each signer's person file (seed 002's SIGNED_CONTRACT).
    pub contracts: Vec<PersonDocumentRow>,
    /// Every file written, so a transition that loses a race can take them back.
    pub files: Vec<String>,
    /// When the archive timestamp of a file closed here is due: armed in the transaction that
    /// records the closing, so a file that is stored always has its job.
    pub archive_due: Option<chrono::DateTime<chrono::Utc>>,
}

impl Produced {
    /// Deletes the files written for an outcome that will not be stored. Best effort: what
    /// stays behind is an unreferenced file of the same document.
    pub async fn discard(self, state: &AppState) {
        for key in &self.files {
            if let Err(e) = state.blobs.delete(key).await {
                tracing::warn!(error = %e, key, "could not delete a file of a discarded signature");
            }
        }
    }
}

/// Whether `fx` asks for PDF work (a signature or the closing timestamp).
pub fn needs_pdf_work(fx: &Effects) -> bool {
    fx.sign.is_some() || fx.finish
}

/// Runs `fx` and everything it leads to on `wf`: the signatures and the closing document
/// timestamp it asks for are made here, each revision written as a new file.
pub async fn produce(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    wf: &mut Workflow,
    fx: Effects,
    inputs: &SignInputs,
    now: Timestamp,
) -> AppResult<Produced> {
    let mut out = Produced::default();
    let mut queue = VecDeque::from([fx]);
    // The newest revision written here, so the next step need not read it back.
    let mut latest: Option<Vec<u8>> = None;
    // The signer whose signature completed the file: a document timestamp that fails is theirs.
    let mut last_signer: Option<SignerId> = None;
    // Whether `latest` carries validation data made in this run for every signature in it.
    let mut covered = false;
    while let Some(fx) = queue.pop_front() {
        for record in fx.audit {
            out.audit.push(ProducedAudit {
                record,
                sha256: wf.document.current_sha256.clone(),
            });
        }
        for s in fx.signers_changed {
            if !out.all.signers_changed.contains(&s) {
                out.all.signers_changed.push(s);
            }
        }
        for s in fx.passed_pending {
            if !out.all.passed_pending.contains(&s) {
                out.all.passed_pending.push(s);
            }
        }
        out.all.events.extend(fx.events);
        out.all.timers.extend(fx.timers);
        if out.all.otp_issued.is_none() {
            out.all.otp_issued = fx.otp_issued;
        }
        if let Some(sid) = fx.sign {
            let next = sign_now(
                state,
                tenant,
                mode,
                wf,
                &sid,
                inputs,
                &mut latest,
                &mut covered,
                &mut out,
                now,
            )
            .await?;
            queue.push_back(next);
            last_signer = Some(sid);
        }
        if fx.finish {
            // The signer whose signature completed the file: signed in this run, or named by
            // the try again of a closing that failed before.
            let (closer, attempt) = match fx.finish_retry {
                Some((sid, attempt)) => (Some(sid), attempt),
                None => (last_signer.clone(), 0),
            };
            let fresh = std::mem::take(&mut covered);
            match finish_now(state, tenant, mode, wf, &mut latest, fresh, &mut out, now).await? {
                Ok(next) => queue.push_back(next),
                // Seed 000's 6007, "fatal error while countersigning": the signature stays
                // in the file, the document stays open, and the closing is tried again later
                // (a job) before the signer keeps 6007 for good.
                Err(e) => match &closer {
                    Some(sid) => queue.push_back(
                        wf.finish_failed(sid, &format!("document timestamp: {e}"), attempt, now)
                            .map_err(|e| AppError::internal(&e))?,
                    ),
                    None => return Err(AppError::internal(&e)),
                },
            }
        }
    }
    if out.all.events.contains(&DocumentEvent::Finished) {
        signed_contracts(state, tenant, wf, latest.take(), &mut out, now).await?;
    }
    Ok(out)
}

/// Files up to this size are hashed on the async thread (well under a millisecond); larger
/// ones on the pool for heavy work, so a 50 MB file does not stall the other requests.
const INLINE_HASH_BYTES: usize = 2 * 1024 * 1024;

/// The file and its SHA-256 in hex.
async fn sha256_hex(state: &AppState, pdf: Vec<u8>) -> AppResult<(Vec<u8>, String)> {
    if pdf.len() <= INLINE_HASH_BYTES {
        let sha = hex::encode(Sha256::digest(&pdf));
        return Ok((pdf, sha));
    }
    crate::heavy::run(&state.heavy, move || {
        let sha = hex::encode(Sha256::digest(&pdf));
        (pdf, sha)
    })
    .await
    .map_err(|e| AppError::internal(&e))
}

/// Writes a new file of the document. The name carries the revision and the start of the
/// file's SHA-256: two transitions racing for the same revision produce different files
/// (signing times differ), so neither overwrites the other's, and the one that loses deletes
/// its own.
async fn put_revision(
    state: &AppState,
    tenant: &TenantId,
    wf: &Workflow,
    stem: &str,
    pdf: Vec<u8>,
    sha: &str,
    out: &mut Produced,
) -> AppResult<(String, Vec<u8>)> {
    let key = format!(
        "{}/documents/{}/{stem}-{}.pdf",
        tenant.as_str(),
        wf.document.id.as_str(),
        &sha[..16]
    );
    // Written from the bytes themselves and handed back: a large file is not copied.
    let pdf = state
        .blobs
        .put_owned(&key, pdf)
        .await
        .map_err(|e| AppError::internal(&e))?;
    out.files.push(key.clone());
    Ok((key, pdf))
}

/// Produces one signer's signature as a new revision of the file.
#[allow(clippy::too_many_arguments)]
async fn sign_now(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    wf: &mut Workflow,
    sid: &SignerId,
    inputs: &SignInputs,
    latest: &mut Option<Vec<u8>>,
    covered: &mut bool,
    out: &mut Produced,
    now: Timestamp,
) -> AppResult<Effects> {
    *covered = false;
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
    let identity = match level {
        Level::Advanced | Level::Qualified => Some(match inputs.identities.get(sid) {
            Some(id) => id.clone(),
            // A signer without a person is named as the integrator gave them.
            None => SignerIdentity {
                name: signer.name.clone(),
                email: signer.email.clone(),
                ..Default::default()
            },
        }),
        Level::Simple => None,
    };
    let wall = state.wall_now();
    let doc_name = wf.document.name.clone();
    let form = inputs.forms.get(sid).cloned().unwrap_or_default();
    let signed = if level == Level::Qualified {
        // Made by a trust service provider through the CSC API (`qualified.rs`).
        let identity = identity.unwrap_or_default();
        super::qualified::sign(
            state, mode, sid, &signer, identity, &doc_name, input, form, wall,
        )
        .await
    } else {
        local_signature(
            state, mode, signer, identity, level, doc_name, input, form, wall,
        )
        .await?
        .map_err(super::qualified::SignFailure::from)
    };
    match signed {
        Ok((pdf, (subject, issued))) => {
            // B-LT right after each signature rather than once at FINISH: for a finished
            // file the two are equivalent, but a document left half-signed (a signer who
            // never comes, a document canceled) keeps signatures that validate offline, and
            // the OCSP answer is made while the fresh certificate is certainly good.
            let fresh: Vec<String> = issued.iter().map(SignerCredential::serial_hex).collect();
            let signed_len = pdf.len();
            let pdf = crate::revocation::with_validation_data(
                state,
                mode,
                pdf,
                &fresh,
                Coverage::Missing,
            )
            .await;
            // A DSS revision was added: every signature the DSS lacked, this one included
            // (with its timestamp authority's chain), now has data made a moment ago.
            *covered = pdf.len() > signed_len;
            if let Some(cred) = issued {
                out.issued.push((sid.clone(), cred, wall));
            }
            let (pdf, sha) = sha256_hex(state, pdf).await?;
            let stem = format!("r{}", wf.document.revisions + 1);
            let (key, pdf) = put_revision(state, tenant, wf, &stem, pdf, &sha, out).await?;
            wf.document.file_key = key;
            *latest = Some(pdf);
            wf.signed(sid, subject, sha, &inputs.facts, now)
                .map_err(|e| AppError::internal(&e))
        }
        Err(failure) => {
            tracing::warn!(error = %failure.detail, signer = %sid, "signing failed");
            if failure.code_refused {
                // The provider judged the code and found it wrong: counted as Signet counts
                // a wrong code of its own (five kill it, and a third killed code blocks).
                return wf
                    .provider_refused_code(sid, &failure.detail, now)
                    .map_err(|e| AppError::internal(&e));
            }
            wf.signing_failed(sid, failure.code, &failure.detail, now)
                .map_err(|e| AppError::internal(&e))
        }
    }
}

/// A signature with a key of Signet's CA (`advanced`) or its seal (`simple`), stamped by the
/// mode's timestamp authority; a failure is seed 000's code and what happened.
#[allow(clippy::too_many_arguments)]
async fn local_signature(
    state: &AppState,
    mode: Mode,
    signer: signet_core::signing::Signer,
    identity: Option<SignerIdentity>,
    level: Level,
    doc_name: String,
    input: Vec<u8>,
    form: FormFill,
    wall: chrono::DateTime<chrono::Utc>,
) -> AppResult<Result<super::qualified::Signed, (u32, String)>> {
    let trust = state.trust.clone();
    let signed = crate::heavy::run(&state.heavy, move || {
        let ca = trust.ca(mode);
        // Each signature its own certificate: the signer's, or one that names the seal.
        let cred = match &identity {
            Some(id) => ca.issue_signer(id, wall)?,
            None => ca.issue_seal(wall)?,
        };
        let level_words = match level {
            Level::Advanced => "advanced electronic signature",
            Level::Simple => "electronic signature (sealed by Signet)",
            Level::Qualified => "qualified electronic signature",
        };
        let opts = SignOptions {
            signer_name: signer.name.clone(),
            reason: Some(format!("{} signs “{doc_name}”", signer.name)),
            location: None,
            contact: signer.email.clone(),
            signing_time: wall,
            timestamp: true,
            form,
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
        // The revision is appended to the file itself: a large file is held once.
        let prepared = signet_pdf::PreparedSignature::signature(input, &cred, &opts)?;
        // The signature's own certificate is recorded for revocation (CRL, OCSP).
        let issued = Some(cred.clone());
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
    Ok(signed)
}

/// Closes the file with a document timestamp once every signer signed; `latest` is the file
/// so far when this run wrote it, and the closed file afterwards. A timestamp that cannot be
/// had is the inner `Err` (seed 000's 6007), for the caller to put on the signer. `covered`:
/// `latest` is the signature this run just made with its validation data, added a moment ago
/// for every signature that lacked it, so none is added again before the timestamp.
#[allow(clippy::too_many_arguments)]
async fn finish_now(
    state: &AppState,
    tenant: &TenantId,
    mode: Mode,
    wf: &mut Workflow,
    latest: &mut Option<Vec<u8>>,
    covered: bool,
    out: &mut Produced,
    now: Timestamp,
) -> AppResult<Result<Effects, String>> {
    let latest_is_input = latest.is_some();
    let input = match latest.take() {
        Some(bytes) => bytes,
        None => state
            .blobs
            .get(&wf.document.file_key)
            .await
            .map_err(|e| AppError::internal(&e))?,
    };
    // Validation data for any signature that has none yet (one made before B-LT, or whose
    // data could not be had then), and fresh data for the newest signature's chain, which
    // includes the timestamp authority's: the document timestamp covers it all (B-LTA), and
    // its own chain validates offline from what it covers.
    let fresh: Vec<String> = out.issued.iter().map(|(_, c, _)| c.serial_hex()).collect();
    let input = if covered && latest_is_input {
        input
    } else {
        crate::revocation::with_validation_data(state, mode, input, &fresh, Coverage::RefreshNewest)
            .await
    };
    let wall = state.wall_now();
    let prepared = crate::heavy::run(&state.heavy, move || {
        signet_pdf::PreparedSignature::document_timestamp(input)
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
    // A second DSS revision only when the document timestamp's authority has certificates
    // the DSS lacks (an external authority that did not make the signature timestamps):
    // otherwise its chain and fresh revocation data are already covered by the timestamp,
    // and the timestamp stays the file's last revision, covering the whole file.
    let pdf =
        crate::revocation::with_validation_data(state, mode, pdf, &[], Coverage::NewCertificates)
            .await;
    // The file's hash, and when its archive timestamp is due (before the document
    // timestamp's authority certificate expires), read off the async threads.
    let margin = state.config.archive_timestamp_margin_days;
    let (pdf, sha, due) = crate::heavy::run(&state.heavy, move || {
        let sha = hex::encode(Sha256::digest(&pdf));
        let due = crate::archive::due_for(&pdf, margin);
        (pdf, sha, due)
    })
    .await
    .map_err(|e| AppError::internal(&e))?;
    let (key, pdf) = put_revision(state, tenant, wf, "final", pdf, &sha, out).await?;
    wf.document.file_key = key;
    out.archive_due = due;
    *latest = Some(pdf);
    Ok(Ok(wf.finished(sha, now)))
}

/// Seed 002's `SIGNED_CONTRACT`: the finished file of an `advanced` document becomes a file of
/// every person who signed it as an identified signer. Each person gets their own copy under
/// their own key, so deleting the document (or a sweep after it) leaves their record whole;
/// its `sha256` is the document's `current_sha256`. `closed` is the finished file when this
/// run wrote it, so it is not read back.
async fn signed_contracts(
    state: &AppState,
    tenant: &TenantId,
    wf: &Workflow,
    closed: Option<Vec<u8>>,
    out: &mut Produced,
    now: Timestamp,
) -> AppResult<()> {
    if !wf.document.level.identified() {
        return Ok(());
    }
    let mut persons: Vec<&PersonId> = Vec::new();
    for p in wf.signers.iter().filter_map(|s| s.person_id.as_ref()) {
        if !persons.contains(&p) {
            persons.push(p);
        }
    }
    if persons.is_empty() {
        return Ok(());
    }
    let (bytes, sha256) = match closed {
        // Written by this run under the key `file_key` names, its hash already on record.
        Some(bytes) => (bytes, wf.document.current_sha256.clone()),
        None => {
            let bytes = state
                .blobs
                .get(&wf.document.file_key)
                .await
                .map_err(|e| AppError::internal(&e))?;
            let sha = hex::encode(Sha256::digest(&bytes));
            (bytes, sha)
        }
    };
    let stem = wf.document.name.trim();
    let stem = stem
        .strip_suffix(".pdf")
        .or_else(|| stem.strip_suffix(".PDF"))
        .unwrap_or(stem);
    let name = format!("{}.pdf", stem.replace(['/', '\\'], "_"));
    for person_id in persons {
        let id = PersonDocumentId::from_random(random16());
        let blob_key = format!("{}/{}", tenant.as_str(), id.as_str());
        state
            .blobs
            .put_person_file(&blob_key, person_id.as_str(), &bytes)
            .await
            .map_err(|e| AppError::internal(&e))?;
        out.files.push(blob_key.clone());
        out.contracts.push(PersonDocumentRow {
            id,
            person_id: person_id.clone(),
            identification_id: None,
            // Seed 002's words: a qualified document's copy is SIGNED_QES_DOCUMENT.
            document_type: match wf.document.level {
                Level::Qualified => "SIGNED_QES_DOCUMENT".into(),
                _ => "SIGNED_CONTRACT".into(),
            },
            name: name.clone(),
            content_type: "application/pdf".into(),
            size: bytes.len() as i64,
            sha256: sha256.clone(),
            blob_key,
            created_at: now,
        });
    }
    Ok(())
}
