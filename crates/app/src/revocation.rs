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
use signet_pdf::revocation::{
    CertStatus, OcspResponseStatus, RevocationReason, Revoked, ocsp_error_response,
    parse_ocsp_request,
};
use signet_pdf::{SignerCredential, TrustStore};
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
/// `test-root.crl` (404 `not_found` for any other name).
pub async fn crl(state: &AppState, name: &str) -> AppResult<Vec<u8>> {
    let Some(stem) = name.strip_suffix(".crl") else {
        return Err(AppError::not_found("CRL"));
    };
    let (mode, root) = match stem {
        "live-issuing" => (Mode::Live, false),
        "live-root" => (Mode::Live, true),
        "test-issuing" => (Mode::Test, false),
        "test-root" => (Mode::Test, true),
        _ => return Err(AppError::not_found("CRL")),
    };
    let now = state.wall_now();
    // The root issues only the intermediate, which Signet never revokes: its list is empty.
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
                .crl(root, &entries, now, validity)
                .map_err(|e| AppError::internal(&e))?;
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
    // Every certificate asked about must come from one of the two issuing CAs; a request
    // about another issuer (or mixing the two) is not this responder's to answer.
    let mode = [Mode::Live, Mode::Test]
        .into_iter()
        .find(|m| query.ids.iter().all(|id| state.trust.ca(*m).issued(id)));
    let Some(mode) = mode else {
        return Ok(ocsp_error_response(OcspResponseStatus::Unauthorized));
    };
    let ca: &TrustStore = state.trust.ca(mode);
    let own = ca.own_serials();
    let mut statuses = HashMap::new();
    for id in &query.ids {
        let serial = id.serial_hex();
        let status = if own.contains(&serial) {
            CertStatus::Good
        } else {
            match state.store.issued_certificate(ca_of(mode), &serial).await? {
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
    let validity = Duration::from_millis(state.config.ocsp_validity_ms);
    let der = ca
        .ocsp_response(
            &query,
            |serial| statuses.get(serial).cloned().unwrap_or(CertStatus::Unknown),
            state.wall_now(),
            validity,
        )
        .map_err(|e| AppError::internal(&e))?;
    Ok(der)
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
