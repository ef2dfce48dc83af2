//! The part of verification that depends on time and on revocation (ETSI EN 319 102-1 §5.2.6,
//! §5.2.8 and the past-signature validation of §5.6.2.4, simplified).
//!
//! **Validation time.** Every certificate of a chain is judged at the validation time the
//! caller chooses (`signet verify --at`, `validation_time` of `POST /v1/verify`, else the
//! current time). A certificate expired at that time still passes when a trusted timestamp
//! proves the signature existed before the expiry (a proof of existence, POE): the signature
//! timestamp, or a later document timestamp covering the signature. Without one the answer is
//! INDETERMINATE / OUT_OF_BOUNDS_NO_POE. A timestamp is itself trusted when its authority's
//! chain is good at the validation time, or when a later trusted document timestamp proves the
//! token existed while that chain was good (this is what makes PAdES B-LTA files last).
//!
//! **Revocation.** Evidence is read from the file: the document security store (/DSS: /Certs,
//! /OCSPs, /CRLs, including the streams that /VRI entries name) and the CMS (the signed
//! attribute adbe-revocationInfoArchival, the unsigned id-aa-ets-revocationValues and the
//! SignedData `crls` field); with an online fetcher, also OCSP (POST to the certificate's AIA
//! address) and then the CRL of its distribution point. Every certificate of the signer's chain
//! and of each timestamp authority's chain is checked except the trust anchor. An OCSP
//! response or CRL counts for a certificate when it is signed by the certificate's issuer (or
//! by a delegated responder the issuer certified), was issued no later than the validation time
//! and the certificate's expiry, and is fresh: issued at or after the time the certificate was
//! used (the best signing time, or the timestamp's time for an authority), or valid
//! (thisUpdate..nextUpdate) at that time.
//!
//! - Revoked, and a trusted timestamp proves the signature existed before the revocation: the
//!   signature passes (the detail names the revocation).
//! - Revoked at or before the earliest time a trusted timestamp proves: TOTAL-FAILED / REVOKED.
//! - Revoked, and no timestamp proves anything: INDETERMINATE / REVOKED_NO_POE.
//! - No fresh evidence at all: with [`RevocationPolicy::Required`], INDETERMINATE / TRY_LATER;
//!   with the default [`RevocationPolicy::IfAvailable`] the signature passes and the details
//!   say which certificate's status was not checked.
//!
//! The default is `IfAvailable` because Signet's own PAdES B-T files from before it wrote
//! validation data, and B-B/B-T files from other signers, carry none: requiring it would
//! turn every one of them INDETERMINATE offline though nothing is known against them, and
//! would make the verdict depend on the network. A caller that needs the stricter reading (an
//! archive accepting files, a relying party under a policy) asks for `Required`, and can add
//! the online check.
//!
//! Limits: OCSP responses and CRLs are read with [`crate::revocation`], whose signatures are
//! checked as every other ([`crate::sigcheck`]: ECDSA P-256/P-384, RSA PKCS#1 v1.5 and PSS);
//! evidence signed otherwise is ignored, so such a chain is reported without revocation data
//! rather than revoked. A delegated OCSP responder's own status is not checked (as with
//! id-pkix-ocsp-nocheck). Partitioned and delta CRLs are not distinguished from full ones.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use cms::signed_data::{SignedData, SignerInfo};
use der::asn1::{Any, OctetString};
use der::{Decode, Encode, Sequence};
use lopdf::{Document, Object, ObjectId};
use spki::ObjectIdentifier;
use x509_cert::Certificate;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, CrlDistributionPoints};

use crate::revocation::{CertStatus, read_crl, read_ocsp_response};

/// adbe-revocationInfoArchival (signed attribute, PDF 1.6 / PAdES part 2).
const ID_ADBE_REVOCATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113583.1.1.8");
/// id-aa-ets-revocationValues (unsigned attribute, CAdES).
const ID_AA_ETS_REVOCATION_VALUES: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.24");
/// id-ri-ocsp-response (RFC 5940): an OCSP response in SignedData's `crls`.
const ID_RI_OCSP_RESPONSE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.16.2");
const ID_PKIX_OCSP_BASIC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1");
const ID_AD_OCSP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");

/// Most revocation items (OCSP responses plus CRLs) read from one file; more are ignored.
pub const MAX_REVOCATION_ITEMS: usize = 256;
/// How far ahead of the validation time a response fetched online may be dated (the
/// responder's clock and ours differ).
const ONLINE_CLOCK_SKEW: chrono::Duration = chrono::Duration::minutes(5);
/// Largest revocation item read (a CRL of a big CA can be large; ours are small).
const MAX_ITEM_BYTES: usize = 4 << 20;

/// Whether a signature needs revocation data to pass. See the module documentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevocationPolicy {
    /// Revocation data found is used (a revoked certificate fails); none found is a detail.
    #[default]
    IfAvailable,
    /// Every certificate below the trust anchor needs fresh revocation data, else
    /// INDETERMINATE / TRY_LATER.
    Required,
}

impl RevocationPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            RevocationPolicy::IfAvailable => "if_available",
            RevocationPolicy::Required => "required",
        }
    }
}

/// Fetches revocation data over the network for the optional online check. Implementations
/// bound time and size and refuse what their caller's network policy refuses; an error is
/// treated as no data.
pub trait RevocationFetcher: Send + Sync + std::fmt::Debug {
    /// POSTs the DER OCSP request to `url` (`application/ocsp-request`), returns the DER
    /// response.
    fn ocsp(&self, url: &str, request: &[u8]) -> Result<Vec<u8>, String>;
    /// GETs the DER CRL at `url`.
    fn crl(&self, url: &str) -> Result<Vec<u8>, String>;
}

/// One piece of revocation evidence a signature's verdict used.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RevocationEvidence {
    /// The certificate it is about (subject, RFC 4514).
    pub certificate: String,
    /// Its serial number in lowercase hex.
    pub serial: String,
    /// `ocsp` or `crl`.
    pub kind: &'static str,
    /// `dss` (the document security store), `cms` (inside the signature) or `online`.
    pub source: &'static str,
    /// OCSP producedAt or CRL thisUpdate.
    pub issued_at: DateTime<Utc>,
    /// OCSP nextUpdate or CRL nextUpdate.
    pub next_update: Option<DateTime<Utc>>,
    /// `good` or `revoked`.
    pub status: &'static str,
    /// When revoked, the revocation time.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When revoked, the reason (RFC 5280 names in snake case).
    pub reason: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Ocsp,
    Crl,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Ocsp => "ocsp",
            Kind::Crl => "crl",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct RawRevocation {
    kind: Kind,
    source: &'static str,
    der: Vec<u8>,
}

/// What the document security store holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Dss {
    pub(crate) certs: Vec<Certificate>,
    pub(crate) revocation: Vec<RawRevocation>,
}

/// Reads the /DSS of the file: certificates for path building and revocation data. Streams
/// are read from the file bytes at their cross-reference offsets (the structure was parsed
/// with stream contents dropped) and decoded with a size limit.
pub(crate) fn read_dss(input: &[u8], doc: &Document) -> Dss {
    let mut out = Dss::default();
    let Some(dss) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"DSS").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return out;
    };
    let refs = |dict: &lopdf::Dictionary, key: &[u8]| -> Vec<ObjectId> {
        dict.get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .map(|a| a.iter().filter_map(|v| v.as_reference().ok()).collect())
            .unwrap_or_default()
    };
    let mut cert_ids = refs(dss, b"Certs");
    let mut ocsp_ids = refs(dss, b"OCSPs");
    let mut crl_ids = refs(dss, b"CRLs");
    if let Some(vri) = dss
        .get(b"VRI")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    {
        for (_, entry) in vri.iter().take(MAX_REVOCATION_ITEMS) {
            if let Some(entry) = doc
                .dereference(entry)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok())
            {
                cert_ids.extend(refs(entry, b"Cert"));
                ocsp_ids.extend(refs(entry, b"OCSP"));
                crl_ids.extend(refs(entry, b"CRL"));
            }
        }
    }
    for ids in [&mut cert_ids, &mut ocsp_ids, &mut crl_ids] {
        let mut seen = std::collections::BTreeSet::new();
        ids.retain(|id| seen.insert(*id));
        ids.truncate(MAX_REVOCATION_ITEMS);
    }
    for id in cert_ids {
        if let Some(c) = stream_bytes(input, doc, id).and_then(|b| Certificate::from_der(&b).ok()) {
            out.certs.push(c);
        }
    }
    for (ids, kind) in [(ocsp_ids, Kind::Ocsp), (crl_ids, Kind::Crl)] {
        for id in ids {
            if out.revocation.len() >= MAX_REVOCATION_ITEMS {
                break;
            }
            if let Some(der) = stream_bytes(input, doc, id) {
                out.revocation.push(RawRevocation {
                    kind,
                    source: "dss",
                    der,
                });
            }
        }
    }
    out
}

/// The decoded content of stream `id`, read from `input` at its cross-reference offset.
fn stream_bytes(input: &[u8], doc: &Document, id: ObjectId) -> Option<Vec<u8>> {
    let lopdf::xref::XrefEntry::Normal { offset, .. } = doc.reference_table.get(id.0)? else {
        return None;
    };
    let Ok(Object::Stream(parsed)) = doc.get_object(id) else {
        return None;
    };
    let length = match parsed.dict.get(b"Length").ok()? {
        Object::Integer(n) => usize::try_from(*n).ok()?,
        Object::Reference(r) => usize::try_from(doc.get_object(*r).ok()?.as_i64().ok()?).ok()?,
        _ => return None,
    };
    if length > MAX_ITEM_BYTES {
        return None;
    }
    let start = *offset as usize;
    // The keyword ends the dictionary; look for it within a bounded window.
    let window = input.get(start..input.len().min(start.saturating_add(64 << 10)))?;
    let at = memchr::memmem::find(window, b"stream")? + start + b"stream".len();
    let body = match input.get(at..at + 2)? {
        [b'\r', b'\n'] => at + 2,
        [b'\n', _] => at + 1,
        _ => return None,
    };
    let raw = input.get(body..body.checked_add(length)?)?;
    let stream = lopdf::Stream::new(parsed.dict.clone(), raw.to_vec());
    if stream.dict.get(b"Filter").is_ok() {
        stream.decompressed_content_with_limit(MAX_ITEM_BYTES).ok()
    } else {
        Some(raw.to_vec())
    }
}

#[derive(Clone, Debug, Sequence)]
struct RevocationLists {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    crls: Option<Vec<Any>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    ocsps: Option<Vec<Any>>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    other: Option<Any>,
}

#[derive(Clone, Debug, Sequence)]
struct OcspResponseBytes {
    response_type: ObjectIdentifier,
    response: OctetString,
}

#[derive(Clone, Debug, Sequence)]
struct OcspResponseShell {
    status: Any,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    bytes: OcspResponseBytes,
}

/// A successful OCSPResponse around a BasicOCSPResponse (CAdES keeps only the latter).
fn wrap_basic_ocsp(basic: &[u8]) -> Option<Vec<u8>> {
    OcspResponseShell {
        status: Any::new(der::Tag::Enumerated, [0u8]).ok()?,
        bytes: OcspResponseBytes {
            response_type: ID_PKIX_OCSP_BASIC,
            response: OctetString::new(basic).ok()?,
        },
    }
    .to_der()
    .ok()
}

/// Revocation data a signature carries in its CMS.
pub(crate) fn cms_revocation(sd: &SignedData, si: &SignerInfo) -> Vec<RawRevocation> {
    let mut out = Vec::new();
    let mut push = |kind, der: Vec<u8>| {
        if out.len() < MAX_REVOCATION_ITEMS {
            out.push(RawRevocation {
                kind,
                source: "cms",
                der,
            });
        }
    };
    let values = |attrs: Option<&x509_cert::attr::Attributes>, oid| {
        attrs
            .into_iter()
            .flat_map(|a| a.iter())
            .filter(move |a| a.oid == oid)
            .flat_map(|a| a.values.iter())
            .filter_map(|v| v.decode_as::<RevocationLists>().ok())
            .collect::<Vec<_>>()
    };
    for lists in values(si.signed_attrs.as_ref(), ID_ADBE_REVOCATION) {
        for c in lists.crls.unwrap_or_default() {
            push(Kind::Crl, c.to_der().unwrap_or_default());
        }
        for o in lists.ocsps.unwrap_or_default() {
            push(Kind::Ocsp, o.to_der().unwrap_or_default());
        }
    }
    for lists in values(si.unsigned_attrs.as_ref(), ID_AA_ETS_REVOCATION_VALUES) {
        for c in lists.crls.unwrap_or_default() {
            push(Kind::Crl, c.to_der().unwrap_or_default());
        }
        for o in lists.ocsps.unwrap_or_default() {
            if let Some(full) = o.to_der().ok().and_then(|b| wrap_basic_ocsp(&b)) {
                push(Kind::Ocsp, full);
            }
        }
    }
    for choice in sd.crls.iter().flat_map(|c| c.0.iter()) {
        match choice {
            cms::revocation::RevocationInfoChoice::Crl(crl) => {
                push(Kind::Crl, crl.to_der().unwrap_or_default())
            }
            cms::revocation::RevocationInfoChoice::Other(other)
                if other.other_format.oid == ID_RI_OCSP_RESPONSE =>
            {
                push(Kind::Ocsp, other.other.to_der().unwrap_or_default())
            }
            _ => {}
        }
    }
    out
}

/// What the judge needs besides the chains.
pub(crate) struct Judge<'a> {
    pub(crate) validation_time: Option<DateTime<Utc>>,
    pub(crate) policy: RevocationPolicy,
    pub(crate) fetcher: Option<&'a Arc<dyn RevocationFetcher>>,
    /// The file's DSS data, plus what was fetched online so far (shared by every signature).
    pub(crate) pool: Vec<RawRevocation>,
}

/// Why a chain is not accepted at the validation time.
pub(crate) struct Rejection {
    pub(crate) total_failure: bool,
    pub(crate) sub: &'static str,
    pub(crate) detail: String,
}

fn reject(total_failure: bool, sub: &'static str, detail: String) -> Rejection {
    Rejection {
        total_failure,
        sub,
        detail,
    }
}

fn not_after(c: &Certificate) -> DateTime<Utc> {
    DateTime::<Utc>::from(c.tbs_certificate().validity().not_after.to_system_time())
}

fn not_before(c: &Certificate) -> DateTime<Utc> {
    DateTime::<Utc>::from(c.tbs_certificate().validity().not_before.to_system_time())
}

fn subject(c: &Certificate) -> String {
    c.tbs_certificate().subject().to_string()
}

fn fmt(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The OCSP address and the CRL addresses a certificate names (http and https only).
fn urls(c: &Certificate) -> (Option<String>, Vec<String>) {
    let uri = |g: &GeneralName| match g {
        GeneralName::UniformResourceIdentifier(u)
            if u.as_str().starts_with("http://") || u.as_str().starts_with("https://") =>
        {
            Some(u.as_str().to_string())
        }
        _ => None,
    };
    let ocsp = c
        .tbs_certificate()
        .get_extension::<AuthorityInfoAccessSyntax>()
        .ok()
        .flatten()
        .and_then(|(_, aia)| {
            aia.0
                .iter()
                .filter(|d| d.access_method == ID_AD_OCSP)
                .find_map(|d| uri(&d.access_location))
        });
    let crls = c
        .tbs_certificate()
        .get_extension::<CrlDistributionPoints>()
        .ok()
        .flatten()
        .map(|(_, dps)| {
            dps.0
                .iter()
                .filter_map(|dp| match &dp.distribution_point {
                    Some(DistributionPointName::FullName(names)) => names.iter().find_map(uri),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    (ocsp, crls)
}

impl Judge<'_> {
    /// Judges `chain` (leaf first, the trust anchor last) used at `used_at`, with `poe` the
    /// earliest time a trusted timestamp proves the use existed. Returns the evidence used and
    /// the notes for the report, or why the chain is rejected.
    pub(crate) fn chain(
        &mut self,
        chain: &[Certificate],
        cms: &[RawRevocation],
        used_at: DateTime<Utc>,
        poe: Option<DateTime<Utc>>,
        evidence: &mut Vec<RevocationEvidence>,
        notes: &mut Vec<String>,
    ) -> Result<(), Rejection> {
        let tv = self.validation_time;
        for (i, cert) in chain.iter().enumerate() {
            let is_anchor = i + 1 == chain.len();
            if let Some(tv) = tv {
                if not_before(cert) > tv {
                    return Err(reject(
                        false,
                        "NOT_YET_VALID",
                        format!(
                            "{} is not yet valid at the validation time {}",
                            subject(cert),
                            fmt(tv)
                        ),
                    ));
                }
                if not_after(cert) < tv && !is_anchor {
                    match poe {
                        Some(p) if p <= not_after(cert) => notes.push(format!(
                            "{} expired {}; a timestamp proves the signature existed at {}",
                            subject(cert),
                            fmt(not_after(cert)),
                            fmt(p)
                        )),
                        _ => {
                            return Err(reject(
                                false,
                                "OUT_OF_BOUNDS_NO_POE",
                                format!(
                                    "{} expired {} and no timestamp proves the signature \
                                     existed before",
                                    subject(cert),
                                    fmt(not_after(cert))
                                ),
                            ));
                        }
                    }
                }
            }
            if is_anchor {
                break;
            }
            self.revocation(cert, &chain[i + 1], cms, used_at, poe, evidence, notes)?;
        }
        Ok(())
    }

    /// Statuses that `items` give for `cert` under `issuer`, within the validation time.
    fn statuses(
        &self,
        items: &[RawRevocation],
        cert: &Certificate,
        issuer_der: &[u8],
    ) -> Vec<RevocationEvidence> {
        let serial = hex::encode(cert.tbs_certificate().serial_number().as_bytes());
        let mut out = Vec::new();
        for item in items {
            let base = |issued_at, next_update| RevocationEvidence {
                certificate: subject(cert),
                serial: serial.clone(),
                kind: item.kind.word(),
                source: item.source,
                issued_at,
                next_update,
                status: "good",
                revoked_at: None,
                reason: None,
            };
            match item.kind {
                Kind::Ocsp => {
                    let Ok(answer) = read_ocsp_response(&item.der, issuer_der) else {
                        continue;
                    };
                    let Some(produced) = answer.produced_at else {
                        continue;
                    };
                    for (s, status) in &answer.statuses {
                        if *s != serial {
                            continue;
                        }
                        match status {
                            CertStatus::Good => out.push(base(produced, answer.next_update)),
                            CertStatus::Revoked { at, reason } => out.push(RevocationEvidence {
                                status: "revoked",
                                revoked_at: Some(*at),
                                reason: Some(reason.as_str()),
                                ..base(produced, answer.next_update)
                            }),
                            CertStatus::Unknown => {}
                        }
                    }
                }
                Kind::Crl => {
                    // A list that cannot be used (a critical extension not processed) or
                    // does not speak for this certificate (another partition) says nothing.
                    let Ok(info) = read_crl(&item.der, issuer_der) else {
                        continue;
                    };
                    if !info.covers(cert) {
                        continue;
                    }
                    let ev = base(info.this_update, info.next_update);
                    let serial_bytes = cert.tbs_certificate().serial_number().as_bytes();
                    out.push(
                        match info.revoked.iter().find(|r| r.serial == serial_bytes) {
                            Some(r) => RevocationEvidence {
                                status: "revoked",
                                revoked_at: Some(r.at),
                                reason: Some(r.reason.as_str()),
                                ..ev
                            },
                            None => ev,
                        },
                    );
                }
            }
        }
        // Evidence from after the validation time did not exist then (what was just fetched
        // is allowed the responder's clock skew), and a revocation after it had not happened.
        if let Some(tv) = self.validation_time {
            out.retain(|e| {
                let skew = if e.source == "online" {
                    ONLINE_CLOCK_SKEW
                } else {
                    chrono::Duration::zero()
                };
                e.issued_at <= tv + skew && e.revoked_at.is_none_or(|r| r <= tv)
            });
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn revocation(
        &mut self,
        cert: &Certificate,
        issuer: &Certificate,
        cms: &[RawRevocation],
        used_at: DateTime<Utc>,
        poe: Option<DateTime<Utc>>,
        evidence: &mut Vec<RevocationEvidence>,
        notes: &mut Vec<String>,
    ) -> Result<(), Rejection> {
        let issuer_der = issuer.to_der().unwrap_or_default();
        let mut found = self.statuses(cms, cert, &issuer_der);
        found.extend(self.statuses(&self.pool, cert, &issuer_der));
        let expiry = not_after(cert);
        let fresh = |e: &RevocationEvidence| {
            e.issued_at <= expiry
                && (e.issued_at >= used_at
                    || e.next_update
                        .is_some_and(|n| e.issued_at <= used_at && used_at <= n))
        };
        if let Some(fetcher) = self.fetcher {
            // Online: OCSP first; the CRL when OCSP gave no status for the certificate.
            for kind in [Kind::Ocsp, Kind::Crl] {
                if found.iter().any(|e| e.status == "revoked" || fresh(e)) {
                    break;
                }
                let fetched = fetch(&**fetcher, kind, cert, &issuer_der, notes);
                let mut online = self.statuses(fetched.as_slice(), cert, &issuer_der);
                if fetched.is_some() && online.is_empty() {
                    notes.push(format!(
                        "the {} fetched for {} gave no usable status",
                        kind.word(),
                        subject(cert)
                    ));
                }
                self.pool.extend(fetched);
                found.append(&mut online);
            }
        }
        if let Some(r) = found
            .iter()
            .filter(|e| e.status == "revoked")
            .min_by_key(|e| e.revoked_at)
        {
            let at = r.revoked_at.unwrap_or(r.issued_at);
            let why = format!(
                "{} was revoked at {} ({}), per {} from {}",
                subject(cert),
                fmt(at),
                r.reason.unwrap_or("unspecified"),
                r.kind,
                r.source
            );
            evidence.push(r.clone());
            return match poe {
                Some(p) if p < at => {
                    notes.push(format!(
                        "{why}; a timestamp proves the signature existed before, at {}",
                        fmt(p)
                    ));
                    Ok(())
                }
                Some(p) => Err(reject(
                    true,
                    "REVOKED",
                    format!("{why}, not after the time a timestamp proves ({})", fmt(p)),
                )),
                None => Err(reject(
                    false,
                    "REVOKED_NO_POE",
                    format!("{why}, and no timestamp proves the signature existed before"),
                )),
            };
        }
        // OCSP before a CRL, then the most recent.
        let best = found
            .into_iter()
            .filter(|e| fresh(e))
            .max_by_key(|e| (e.kind == "ocsp", e.issued_at));
        match best {
            Some(e) => {
                evidence.push(e);
                Ok(())
            }
            None if self.policy == RevocationPolicy::Required => Err(reject(
                false,
                "TRY_LATER",
                format!(
                    "no revocation data fresh enough for {} (used at {})",
                    subject(cert),
                    fmt(used_at)
                ),
            )),
            None => {
                notes.push(format!(
                    "revocation of {} not checked: the file carries no fresh revocation data \
                     for it",
                    subject(cert)
                ));
                Ok(())
            }
        }
    }
}

/// The online check of one kind: OCSP at the certificate's AIA address, or its first CRL
/// distribution point that answers.
fn fetch(
    fetcher: &dyn RevocationFetcher,
    kind: Kind,
    cert: &Certificate,
    issuer_der: &[u8],
    notes: &mut Vec<String>,
) -> Option<RawRevocation> {
    let (ocsp, crls) = urls(cert);
    let got = |der| {
        Some(RawRevocation {
            kind,
            source: "online",
            der,
        })
    };
    match kind {
        Kind::Ocsp => {
            let url = ocsp?;
            let request = crate::revocation::ocsp_request_for_serial(
                issuer_der,
                cert.tbs_certificate().serial_number().as_bytes(),
                None,
            );
            match request
                .map_err(|e| e.to_string())
                .and_then(|r| fetcher.ocsp(&url, &r))
            {
                Ok(der) => got(der),
                Err(e) => {
                    notes.push(format!("OCSP at {url}: {e}"));
                    None
                }
            }
        }
        Kind::Crl => {
            for url in crls {
                match fetcher.crl(&url) {
                    Ok(der) => return got(der),
                    Err(e) => notes.push(format!("CRL at {url}: {e}")),
                }
            }
            None
        }
    }
}
