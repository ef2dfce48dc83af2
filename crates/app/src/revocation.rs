//! Revocation published: the CRL of each CA and the answers of the OCSP responder (served
//! by the server's public routes), the record of the certificates issued to signers, and
//! their revocation.
//!
//! CRLs are made on request and cached (docs/decisions.md): a fetch re-signs the list when a
//! revocation changed it or the cached one is an hour old, so no job has to run before
//! nextUpdate and every process of a deployment serves what the database says.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::trust::CachedCrl;
use chrono::{DateTime, Utc};
use signet_core::catalog::ErrorCode;
use signet_pdf::SignerCredential;
use signet_pdf::ltv::{self, ValidationData};
use signet_pdf::revocation::{
    CertStatus, OcspQuery, OcspResponseStatus, RevocationReason, Revoked, ocsp_error_response,
    ocsp_request, parse_ocsp_request,
};
use signet_store::{IssuedCertificate, Mode, Tx};
use std::collections::HashMap;
use std::time::Duration;

/// A cached CRL is re-signed after this long even if nothing was revoked.
const CRL_REFRESH: Duration = Duration::from_secs(3600);

/// The `ca` column and CRL prefix of a mode.
pub fn ca_of(mode: Mode) -> &'static str {
    match mode {
        Mode::Live => "live",
        Mode::Test => "test",
    }
}

fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// The DER CRL named `live-issuing.crl`, `live-root.crl`, `test-issuing.crl` or
/// `test-root.crl`, or one of those with an issuing CA's generation after a rollover
/// (`live-issuing-2.crl`); 404 `not_found` for any other name, and for a CA that ended and
/// no longer signs.
pub async fn crl(state: &AppState, name: &str) -> AppResult<Vec<u8>> {
    let Some(stem) = name.strip_suffix(".crl") else {
        return Err(AppError::not_found("CRL"));
    };
    let Some((test, root, generation)) = signet_pdf::revocation::parse_crl_name(stem) else {
        return Err(AppError::not_found("CRL"));
    };
    let mode = if test { Mode::Test } else { Mode::Live };
    if generation > state.trust.ca(mode).issuing_generation() {
        return Err(AppError::not_found("CRL"));
    }
    let now = state.wall_now();
    // A root issues only intermediates, which Signet never revokes: its lists are empty. An
    // issuing CA's list names every revoked signer certificate of the mode (serials are
    // random, so one of another generation names nothing of this CA's).
    let revoked = if root {
        Vec::new()
    } else {
        state
            .store
            .revoked_certificates(ca_of(mode), millis(now))
            .await?
    };
    let listed: Vec<(String, i64)> = revoked
        .iter()
        .map(|c| (c.serial.clone(), c.revoked_at.unwrap_or_default()))
        .collect();
    let cached = {
        let cache = state.trust.crls.lock().unwrap_or_else(|e| e.into_inner());
        cache.get(stem).cloned()
    };
    let fresh = cached.filter(|c| {
        c.listed == listed
            && now >= c.made_at
            && (now - c.made_at)
                .to_std()
                .is_ok_and(|age| age < CRL_REFRESH)
    });
    let der = match fresh {
        Some(c) => c.der,
        None => {
            let entries: Vec<Revoked> = revoked.iter().filter_map(revoked_entry).collect();
            let validity = Duration::from_millis(state.config.crl_validity_ms);
            let der = state
                .trust
                .ca(mode)
                .crl_of(root, generation, &entries, now, validity)
                .map_err(|e| AppError::internal(&e))?
                .ok_or_else(|| AppError::not_found("CRL"))?;
            let mut cache = state.trust.crls.lock().unwrap_or_else(|e| e.into_inner());
            cache.insert(
                stem.to_owned(),
                CachedCrl {
                    listed,
                    made_at: now,
                    der: der.clone(),
                },
            );
            der
        }
    };
    Ok(der)
}

fn revoked_entry(c: &IssuedCertificate) -> Option<Revoked> {
    Some(Revoked {
        serial: hex::decode(&c.serial).ok()?,
        at: from_millis(c.revoked_at?),
        reason: c
            .revocation_reason
            .as_deref()
            .and_then(RevocationReason::parse)
            .unwrap_or(RevocationReason::Unspecified),
    })
}

/// The DER OCSPResponse to a DER OCSPRequest (RFC 6960). A request about certificates of
/// another issuer is answered `unauthorized`, as the RFC says; only a request that cannot be
/// parsed is an error.
pub async fn ocsp(state: &AppState, der: &[u8]) -> AppResult<Vec<u8>> {
    let query = parse_ocsp_request(der)
        .map_err(|e| AppError::new(ErrorCode::OcspRequestMalformed, e.to_string()))?;
    answer(state, &query, &[]).await
}

/// The responder's answer to `query`. `fresh` names serials (hex) issued in this very
/// transition and not recorded yet: good by definition, since nothing could revoke them.
async fn answer(state: &AppState, query: &OcspQuery, fresh: &[String]) -> AppResult<Vec<u8>> {
    // Every certificate asked about must come from one of the two issuing CAs; a request
    // about another issuer (or mixing the two) is not this responder's to answer.
    let mode = [Mode::Live, Mode::Test]
        .into_iter()
        .find(|m| query.ids.iter().all(|id| state.trust.ca(*m).issued(id)));
    let Some(mode) = mode else {
        return Ok(ocsp_error_response(OcspResponseStatus::Unauthorized));
    };
    let statuses = statuses(state, mode, query, fresh).await?;
    sign_answer(state, mode, query, &statuses)
}

/// The responder's answer to `query` about certificates of `mode`'s CA, with `statuses` (by
/// serial in hex), made now.
fn sign_answer(
    state: &AppState,
    mode: Mode,
    query: &OcspQuery,
    statuses: &HashMap<String, CertStatus>,
) -> AppResult<Vec<u8>> {
    let validity = Duration::from_millis(state.config.ocsp_validity_ms);
    state
        .trust
        .ca(mode)
        .ocsp_response(
            query,
            |serial| statuses.get(serial).cloned().unwrap_or(CertStatus::Unknown),
            state.wall_now(),
            validity,
        )
        .map_err(|e| AppError::internal(&e))
}

/// The status of every certificate `query` asks about, all of `mode`'s issuing CA, by serial
/// in hex: Signet's own certificates are good, a signer's is as recorded.
async fn statuses(
    state: &AppState,
    mode: Mode,
    query: &OcspQuery,
    fresh: &[String],
) -> AppResult<HashMap<String, CertStatus>> {
    let ca = state.trust.ca(mode);
    let own = ca.own_serials();
    let mut statuses = HashMap::new();
    for id in &query.ids {
        let serial = id.serial_hex();
        let status = if own.contains(&serial) {
            CertStatus::Good
        } else {
            match state.store.issued_certificate(ca_of(mode), &serial).await? {
                None if fresh.contains(&serial) => CertStatus::Good,
                None => CertStatus::Unknown,
                Some(c) => match revoked_entry(&c) {
                    Some(r) => CertStatus::Revoked {
                        at: r.at,
                        reason: r.reason,
                    },
                    None => CertStatus::Good,
                },
            }
        };
        statuses.insert(serial, status);
    }
    Ok(statuses)
}

/// The validation data a DSS needs for `certs` (a signature's or a timestamp's
/// certificates): those certificates and every issuer above them up to a root, and for each
/// one but a root its revocation status. A certificate of one of Signet's issuing CAs
/// (`mode`'s, current or former after a rollover) gets, made here in-process, its CA's
/// responder's OCSP answer when it names the responder (a signer's, the timestamp
/// authority's), and its CA's CRL when `crl_fits` says so for that CA (every certificate of
/// the CA in the file outlasts a CRL made now) or when it names no responder (the seal's)
/// and the signature is new (not `refresh`): the CRL is then its only source. Beside that
/// CRL it gets the responder's answer too (pyHanko validates a signer in the past from an
/// OCSP answer only). A `good` answer goes in only while the certificate outlasts it; see
/// `signet_pdf::ltv` on status after a certificate's end. An issuing CA gets the list its
/// root keeps for it alone, while it outlasts that list. One of another issuer (an external
/// `tsa_url`'s chain) gets what its OCSP responder or CRL distribution point answers,
/// fetched through the SSRF-guarded client. When some certificate's status cannot be had,
/// that is logged and `None` returned: the signature then stays at B-T (no partial entry
/// that would claim B-LT) rather than failing the signer. `fresh`: serials issued in this
/// transition, not recorded yet.
pub(crate) async fn validation_data(
    state: &AppState,
    mode: Mode,
    certs: &[Vec<u8>],
    fresh: &[String],
    crl_fits: &(dyn Fn(&[u8]) -> bool + Sync),
    refresh: bool,
) -> AppResult<Option<ValidationData>> {
    let ca = state.trust.ca(mode);
    let own_cas = ca.ca_certs_der();
    let mut pool: Vec<Vec<u8>> = certs.to_vec();
    pool.extend(own_cas.iter().cloned());
    let chain = ltv::with_issuers(certs, &pool);
    let names_responder = |cert: &[u8]| {
        ltv::revocation_urls(cert)
            .map(|(ocsp, _)| !ocsp.is_empty())
            .unwrap_or(false)
    };
    // Whether the CRL of issuing CA `issuing` goes in.
    let crl_in = |issuing: &[u8]| {
        crl_fits(issuing)
            || (!refresh
                && chain
                    .iter()
                    .any(|c| ltv::find_issuer(c, &pool) == Some(issuing) && !names_responder(c)))
    };
    let answer_until = from_now(state, state.config.ocsp_validity_ms);
    let crl_until = from_now(state, state.config.crl_validity_ms);
    let mut out = ValidationData::default();
    // (root, generation) of each CRL that goes in.
    let mut crls: Vec<(bool, usize)> = Vec::new();
    let mut complete = true;
    for cert in &chain {
        out.certs.push(cert.clone());
        if ltv::is_self_signed(cert) {
            continue;
        }
        let issuer = ltv::find_issuer(cert, &pool).map(<[u8]>::to_vec);
        let issuing_generation = issuer.as_deref().and_then(|i| ca.issuing_generation_of(i));
        let ours = issuer.as_ref().is_some_and(|i| own_cas.contains(i));
        match (issuer, issuing_generation) {
            (Some(issuer), Some(generation)) => {
                let crl_in = crl_in(&issuer);
                let query = ocsp_request(cert, &issuer, None)
                    .and_then(|req| parse_ocsp_request(&req))
                    .map_err(|e| AppError::internal(&e))?;
                // A former CA that ended answers no more: what it said is in the file already.
                let answers = query.ids.iter().all(|id| ca.issued(id));
                if answers && (names_responder(cert) || crl_in) {
                    let statuses = statuses(state, mode, &query, fresh).await?;
                    let revoked = statuses
                        .values()
                        .any(|s| matches!(s, CertStatus::Revoked { .. }));
                    if revoked || ltv::outlasts(cert, answer_until) {
                        out.ocsps.push(sign_answer(state, mode, &query, &statuses)?);
                        if let Some(responder) = ca.ocsp_responder_der_for(&issuer) {
                            out.certs.push(responder);
                        }
                    }
                }
                if crl_in {
                    crls.push((false, generation));
                }
            }
            // An issuing CA of Signet's under one of its roots: the root's list for it.
            (Some(_), None) if ours => {
                if let Some(generation) = ca.issuing_generation_of(cert)
                    && ltv::outlasts(cert, crl_until)
                {
                    crls.push((true, generation));
                }
            }
            (issuer, _) => match external_status(state, cert, issuer.as_deref()).await {
                Ok(data) => out.merge(data),
                Err(e) => {
                    tracing::warn!(
                        error = %e,
                        "no revocation data for a certificate of another issuer; the signature stays at B-T"
                    );
                    complete = false;
                }
            },
        }
    }
    crls.sort_unstable();
    crls.dedup();
    for (root, generation) in crls {
        let name = format!(
            "{}.crl",
            signet_pdf::revocation::crl_name(mode == Mode::Test, root, generation)
        );
        out.crls.push(crl(state, &name).await?);
    }
    if !complete {
        return Ok(None);
    }
    // Each object once (the responder's certificate comes with every answer).
    let mut once = ValidationData::default();
    once.merge(out);
    Ok(Some(once))
}

/// `ms` milliseconds from now on the wall clock; the latest time there is when that is past it.
fn from_now(state: &AppState, ms: u64) -> DateTime<Utc> {
    i64::try_from(ms)
        .ok()
        .and_then(chrono::Duration::try_milliseconds)
        .and_then(|d| state.wall_now().checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Which signatures of a file [`with_validation_data`] gathers data for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// Every signature and document timestamp the DSS has no entry for.
    Missing,
    /// Those, and fresh data for the newest one: before a document timestamp, so the data
    /// for its authority's chain (the newest signature's timestamp chain, or the previous
    /// document timestamp's) is current when the timestamp covers it.
    RefreshNewest,
    /// Fresh data for every signature and timestamp: the archive timestamp's refresh, so a
    /// signer certificate revoked since (its identification found fraudulent) is on record
    /// in the file for validators that work offline. Years on, that is the responder's
    /// answers for the certificates still valid (the newest timestamp's authority) and for
    /// revoked ones: no `good` status of a certificate that ended, no CRL once one did.
    RefreshAll,
    /// Only a signature whose certificates the DSS does not hold yet: after a document
    /// timestamp whose authority's chain and revocation data went into the DSS just
    /// before it, nothing is added, and the timestamp stays the file's last revision.
    NewCertificates,
}

/// `pdf` with a DSS revision (B-LT) holding validation data for the signatures `coverage`
/// names. `fresh`: serials of certificates issued in this transition. Best effort: when the
/// data cannot be had or added the file is returned as it was (B-T) and the reason logged;
/// a signer never fails for it.
pub(crate) async fn with_validation_data(
    state: &AppState,
    mode: Mode,
    pdf: Vec<u8>,
    fresh: &[String],
    coverage: Coverage,
) -> Vec<u8> {
    let pdf = std::sync::Arc::new(pdf);
    let entries = needed_validation_data(state, mode, pdf.clone(), fresh, coverage).await;
    // The read step has ended, so the file is ours again: no copy.
    let mut pdf = std::sync::Arc::unwrap_or_clone(pdf);
    match entries {
        Ok(Some((file, entries))) => {
            // Only the DSS revision is written here, a few kilobytes appended in place; on an
            // error the file is as it was.
            if let Err(e) = file.append_dss(&mut pdf, &entries) {
                tracing::warn!(error = %e, "validation data not added; the file stays at B-T");
            }
        }
        Ok(None) => {}
        Err(e) => {
            tracing::warn!(error = %e, "validation data not added; the file stays at B-T");
        }
    }
    pdf
}

/// The file read once (its signatures and its DSS) and the validation data `coverage` asks
/// for, or `None` when nothing is to be added.
async fn needed_validation_data(
    state: &AppState,
    mode: Mode,
    pdf: std::sync::Arc<Vec<u8>>,
    fresh: &[String],
    coverage: Coverage,
) -> Result<Option<(ltv::LtvFile, Vec<(String, ValidationData)>)>, String> {
    let file = crate::heavy::run(&state.heavy, move || ltv::LtvFile::read(&pdf))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let empty = ltv::Dss::default();
    let dss = file.dss().unwrap_or(&empty);
    let material = file.material();
    // A CRL of the issuing CA made now speaks for every certificate of the CA in the file:
    // it goes in only while they all outlast it (after one ended, a validator judging that
    // one in the past would take the new list as its newest status).
    let crl_until = from_now(state, state.config.crl_validity_ms);
    let crl_fits = |issuing: &[u8]| ltv::issuing_crl_fits(material, issuing, crl_until);
    let mut entries = Vec::new();
    for (i, m) in material.iter().enumerate() {
        let newest = i + 1 == material.len();
        let mut certs = m.certs.clone();
        certs.extend(m.timestamp_certs.iter().cloned());
        let wanted = match coverage {
            Coverage::Missing => !dss.vri.contains_key(&m.vri_key),
            Coverage::RefreshNewest => newest || !dss.vri.contains_key(&m.vri_key),
            Coverage::RefreshAll => true,
            Coverage::NewCertificates => {
                !dss.vri.contains_key(&m.vri_key)
                    && certs.iter().any(|c| !dss.data.certs.contains(c))
            }
        };
        if !wanted {
            continue;
        }
        let refresh = dss.vri.contains_key(&m.vri_key);
        let data = validation_data(state, mode, &certs, fresh, &crl_fits, refresh)
            .await
            .map_err(|e| format!("{}: {}", e.code.as_str(), e.detail))?;
        if let Some(data) = data.filter(|d| !d.is_empty()) {
            entries.push((m.vri_key.clone(), data));
        }
    }
    if entries.is_empty() {
        return Ok(None);
    }
    Ok(Some((file, entries)))
}

/// The most an external OCSP response or CRL may be.
const MAX_EXTERNAL_BYTES: usize = 1 << 20;

/// The revocation status of a certificate of another issuer: its OCSP responder's answer
/// (when its issuer is known, to name it), else its CRL.
async fn external_status(
    state: &AppState,
    cert: &[u8],
    issuer: Option<&[u8]>,
) -> Result<ValidationData, String> {
    let (ocsp_urls, crl_urls) = ltv::revocation_urls(cert).map_err(|e| e.to_string())?;
    let timeout = Duration::from_secs(10);
    let mut last = String::from("the certificate names no OCSP responder or CRL");
    if let Some(issuer) = issuer {
        let req = ocsp_request(cert, issuer, None).map_err(|e| e.to_string())?;
        for url in &ocsp_urls {
            match state
                .webhook_client
                .fetch(
                    url,
                    Some(("application/ocsp-request", &req)),
                    timeout,
                    MAX_EXTERNAL_BYTES,
                )
                .await
            {
                Ok(body) => match signet_pdf::revocation::read_ocsp_response(&body, issuer) {
                    Ok(a) if a.response_status == "successful" => {
                        return Ok(ValidationData {
                            ocsps: vec![body],
                            ..Default::default()
                        });
                    }
                    Ok(a) => last = format!("{url}: OCSP {}", a.response_status),
                    // A responder whose signature Signet cannot check (not P-256) is kept
                    // as answered: the validator judges it.
                    Err(_) => {
                        return Ok(ValidationData {
                            ocsps: vec![body],
                            ..Default::default()
                        });
                    }
                },
                Err(e) => last = format!("{url}: {e}"),
            }
        }
    }
    for url in &crl_urls {
        match state
            .webhook_client
            .fetch(url, None, timeout, MAX_EXTERNAL_BYTES)
            .await
        {
            Ok(body) => {
                return Ok(ValidationData {
                    crls: vec![body],
                    ..Default::default()
                });
            }
            Err(e) => last = format!("{url}: {e}"),
        }
    }
    Err(last)
}

/// Whose signature a certificate was issued for.
pub struct IssuedTo<'a> {
    pub tenant: &'a str,
    pub document: &'a str,
    pub signer: &'a str,
}

/// Records the certificate issued for a signer's signature, in the signature's transaction.
pub async fn record_issued(
    state: &AppState,
    tx: &mut Tx,
    mode: Mode,
    to: IssuedTo<'_>,
    cred: &SignerCredential,
    issued_at: DateTime<Utc>,
) -> AppResult<()> {
    let row = IssuedCertificate {
        ca: ca_of(mode).to_owned(),
        serial: cred.serial_hex(),
        subject: cred.subject(),
        tenant_id: to.tenant.to_owned(),
        document_id: to.document.to_owned(),
        signer_id: to.signer.to_owned(),
        issued_at: millis(issued_at),
        not_after: millis(cred.not_after()),
        revoked_at: None,
        revocation_reason: None,
    };
    state.store.record_certificate(tx, &row).await?;
    Ok(())
}

/// Revokes every certificate issued to `signer` that is not revoked yet, at the wall-clock
/// time (what CRLs and OCSP state), and returns the audit details of each.
pub async fn revoke_signer(
    state: &AppState,
    tx: &mut Tx,
    signer: &str,
    reason: RevocationReason,
) -> AppResult<Vec<serde_json::Value>> {
    let at = state.wall_now();
    let mut out = Vec::new();
    for c in state.store.certificates_of_signer(tx, signer).await? {
        if state
            .store
            .revoke_certificate(tx, &c.ca, &c.serial, reason.as_str(), millis(at))
            .await?
        {
            out.push(serde_json::json!({
                "serial": c.serial,
                "ca": c.ca,
                "subject": c.subject,
                "reason": reason.as_str(),
                "revoked_at": signet_core::time::format(&at),
            }));
        }
    }
    Ok(out)
}
