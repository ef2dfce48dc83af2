//! Verification of signed PDFs, ours and others': the CMS signature, the message digest over
//! the ByteRange, the certificate chain to the given roots, signature timestamps, document
//! timestamps, and whether later revisions only added signatures and form data.
//!
//! Results use the vocabulary of ETSI EN 319 102-1 (indication and sub-indication). Each chain
//! is first checked at the signature's own time (the timestamp's, else the claimed /M); then
//! [`crate::validation`] judges it at the validation time with timestamps as proofs of
//! existence, and checks revocation from the data the file carries (DSS and CMS) and, when the
//! caller gives a fetcher, online. Its module documentation says which rules apply and why the
//! default does not require revocation data.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::OctetString;
use der::{Decode, Encode};
use lopdf::{Dictionary, Document, Object};
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, KeyUsage};

use crate::asn1::*;
use crate::ca::is_test_certificate;
use crate::error::PdfError;
use crate::pdfwrite::{self, decode_text};
use crate::sigcheck::{self, verify_with_key};
use crate::sign::{SIGNET_APP, signature_fields};
use crate::validation::{
    Dss, Judge, RawRevocation, RevocationEvidence, RevocationFetcher, RevocationPolicy,
    cms_revocation, read_dss,
};

/// The main indication of ETSI EN 319 102-1 §5.1.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Indication {
    /// Every check passed.
    #[serde(rename = "TOTAL-PASSED")]
    TotalPassed,
    /// A check failed in a way that more information cannot change (a broken hash or
    /// signature).
    #[serde(rename = "TOTAL-FAILED")]
    TotalFailed,
    /// The checks could not conclude (no chain to a trusted root, an unsupported algorithm, a
    /// certificate outside its validity at the signature time).
    #[serde(rename = "INDETERMINATE")]
    Indeterminate,
}

impl Indication {
    /// The serialised form used in reports: `TOTAL-PASSED`, `TOTAL-FAILED`, `INDETERMINATE`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Indication::TotalPassed => "TOTAL-PASSED",
            Indication::TotalFailed => "TOTAL-FAILED",
            Indication::Indeterminate => "INDETERMINATE",
        }
    }
}

impl std::fmt::Display for Indication {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What later revisions did to the document after a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaterChanges {
    /// The signature covers the whole file.
    None,
    /// Later revisions only added signatures, timestamps, form fields and annotations.
    SignaturesAndFormsOnly,
    /// Later revisions changed other content (pages, catalog entries, …).
    Other,
}

/// Every level a signature's report can give: "PAdES-B-B", "PAdES-B-T", "PAdES-B-LT",
/// "PAdES-B-LTA", "document-timestamp", "PKCS7", or "none" when the signature failed.
pub const DETECTED_LEVELS: &[&str] = &[
    "PAdES-B-B",
    "PAdES-B-T",
    "PAdES-B-LT",
    "PAdES-B-LTA",
    "document-timestamp",
    "PKCS7",
    "none",
];

/// One signature or document timestamp as found and judged. Serialises to the JSON that
/// `POST /v1/verify` returns.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SignatureReport {
    /// The signature field's full name.
    pub field: String,
    /// Who signed: /Name of the signature dictionary when present (a seal signing on behalf of
    /// a person names that person there), else the certificate's common name.
    pub signer: String,
    /// The signing certificate's subject (RFC 4514), empty if not found.
    pub certificate_subject: String,
    /// The best known signing time: the timestamp's time if a valid one exists, else /M.
    pub time: Option<DateTime<Utc>>,
    /// The time claimed in /M.
    pub claimed_time: Option<DateTime<Utc>>,
    /// The time of the signature timestamp (or of the document timestamp itself).
    pub timestamp_time: Option<DateTime<Utc>>,
    /// The format claimed by /SubFilter: "PAdES", "PKCS7", "document-timestamp" or the
    /// SubFilter itself.
    pub claimed_level: String,
    /// The level the checks support: one of [`DETECTED_LEVELS`].
    pub detected_level: String,
    /// ETSI EN 319 102-1 indication.
    pub indication: Indication,
    /// ETSI EN 319 102-1 sub-indication (HASH_FAILURE, SIG_CRYPTO_FAILURE,
    /// NO_CERTIFICATE_CHAIN_FOUND, FORMAT_FAILURE, …).
    pub sub_indication: Option<String>,
    /// Whether the signed byte ranges cover the whole file.
    pub covers_whole_file: bool,
    /// What later revisions changed.
    pub later_changes: LaterChanges,
    /// The /ByteRange.
    pub byte_range: [u64; 4],
    /// Whether this is a document timestamp rather than a signature.
    pub is_document_timestamp: bool,
    /// Whether the signature dictionary says Signet wrote it (/Prop_Build /App /Name).
    pub written_by_signet: bool,
    /// Whether the certificates carry the mark of Signet's test-mode CA: made with a test key,
    /// never a real signature whatever name it carries.
    pub test_mode: bool,
    /// Human-readable reasons behind the indication.
    pub details: Vec<String>,
    /// The earliest time a trusted timestamp proves the signature (or timestamp) existed: its
    /// signature timestamp or a later document timestamp. None without one.
    pub proof_of_existence: Option<DateTime<Utc>>,
    /// The revocation evidence (OCSP responses, CRLs) the verdict used, per certificate.
    pub revocation: Vec<RevocationEvidence>,
}

/// The verdict on a whole file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct VerificationReport {
    /// Every signature and document timestamp, in file order.
    pub signatures: Vec<SignatureReport>,
    /// True when every signature was written by Signet and passed, and the last one covers the
    /// whole file: the file is exactly as Signet left it. Meaningful when the roots given are
    /// Signet's own.
    pub produced_by_signet: bool,
    /// True when any signature was made in Signet's test mode (see
    /// [`SignatureReport::test_mode`]).
    pub test_mode: bool,
    /// The time certificates were judged at; None when the caller gave none (then only at
    /// each signature's own time).
    pub validation_time: Option<DateTime<Utc>>,
    /// Whether revocation data was required.
    pub revocation_policy: RevocationPolicy,
    /// Whether revocation data missing from the file was fetched online.
    pub online: bool,
}

pub(crate) struct Failure {
    indication: Indication,
    sub: &'static str,
    pub(crate) detail: String,
}

fn fail(indication: Indication, sub: &'static str, detail: impl Into<String>) -> Failure {
    Failure {
        indication,
        sub,
        detail: detail.into(),
    }
}

/// Parses trust anchors given as PEM (one or more certificates) or DER.
pub fn parse_roots<R: AsRef<[u8]>>(roots: &[R]) -> Result<Vec<Certificate>, PdfError> {
    let mut out = Vec::new();
    for r in roots {
        let bytes = r.as_ref();
        if bytes.trim_ascii_start().starts_with(b"-----BEGIN") {
            let certs = Certificate::load_pem_chain(bytes)
                .map_err(|e| PdfError::Certificate(format!("trust root: {e}")))?;
            out.extend(certs);
        } else {
            out.push(
                Certificate::from_der(bytes)
                    .map_err(|e| PdfError::Certificate(format!("trust root: {e}")))?,
            );
        }
    }
    Ok(out)
}

/// Most signature fields [`verify_pdf`] checks; a file with more is refused.
pub const MAX_VERIFIED_SIGNATURES: usize = 64;

/// Bounds on verifying a file from outside.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// Intake limits the file is scanned against before it is parsed.
    pub limits: crate::Limits,
    /// Most signature fields (with a value) checked; more is [`PdfError::TooManySignatures`].
    pub max_signatures: usize,
    /// Give up with [`PdfError::TimeBudget`] when this much time has passed (checked between
    /// signatures, so one signature's work may run past it).
    pub time_budget: Option<std::time::Duration>,
    /// The time certificates are judged at (expiry, revocation). None: only at each
    /// signature's own time, and revocation data of any age counts.
    pub validation_time: Option<DateTime<Utc>>,
    /// Whether every certificate needs revocation data (see [`crate::validation`]).
    pub revocation: RevocationPolicy,
    /// Fetches OCSP responses and CRLs the file lacks; None: offline.
    pub fetcher: Option<std::sync::Arc<dyn RevocationFetcher>>,
}

impl Default for VerifyOptions {
    fn default() -> VerifyOptions {
        VerifyOptions {
            limits: crate::Limits::default(),
            max_signatures: MAX_VERIFIED_SIGNATURES,
            time_budget: None,
            validation_time: None,
            revocation: RevocationPolicy::default(),
            fetcher: None,
        }
    }
}

/// Verifies every signature of `input` against `trust_roots` (PEM or DER certificates), with
/// the default [`VerifyOptions`].
pub fn verify_pdf<R: AsRef<[u8]>>(
    input: &[u8],
    trust_roots: &[R],
) -> Result<VerificationReport, PdfError> {
    verify_pdf_with(input, trust_roots, &VerifyOptions::default())
}

/// Verifies every signature of `input` against `trust_roots` within `opts`: the file is
/// scanned against the intake limits first, at most `max_signatures` fields are checked, each
/// signed revision is parsed once however many signatures end there, and the work stops at
/// the time budget.
pub fn verify_pdf_with<R: AsRef<[u8]>>(
    input: &[u8],
    trust_roots: &[R],
    opts: &VerifyOptions,
) -> Result<VerificationReport, PdfError> {
    // A monotonic stopwatch for a CPU budget, not a time written anywhere.
    let started = std::time::Instant::now();
    let over_budget = || {
        opts.time_budget
            .filter(|b| started.elapsed() > *b)
            .map(|b| PdfError::TimeBudget(b.as_secs()))
    };
    let roots = parse_roots(trust_roots)?;
    crate::intake::scan(input, &opts.limits)?;
    let doc = pdfwrite::load_structure(input)?;
    let fields: Vec<_> = signature_fields(&doc)
        .into_iter()
        .filter(|f| f.value.is_some())
        .collect();
    if fields.len() > opts.max_signatures {
        return Err(PdfError::TooManySignatures {
            found: fields.len(),
            limit: opts.max_signatures,
        });
    }
    let dss = read_dss(input, &doc);
    let mut revisions = std::collections::HashMap::new();
    let mut reports = Vec::new();
    for field in fields {
        if let Some(e) = over_budget() {
            return Err(e);
        }
        let Some(value) = field.value else { continue };
        let Ok(dict) = doc.get_dictionary(value) else {
            continue;
        };
        reports.push(verify_one(
            input,
            &doc,
            &field.name,
            dict,
            &roots,
            &dss,
            &mut revisions,
        ));
    }
    if let Some(e) = over_budget() {
        return Err(e);
    }
    reports.sort_by_key(|(r, _)| r.byte_range[1]);
    let mut judge = Judge {
        validation_time: opts.validation_time,
        policy: opts.revocation,
        fetcher: opts.fetcher.as_ref(),
        pool: dss.revocation.clone(),
    };
    judge_at_validation_time(&mut reports, &mut judge);
    let mut reports: Vec<SignatureReport> = reports.into_iter().map(|(r, _)| r).collect();

    let has_dss = doc.catalog().map(|c| c.has(b"DSS")).unwrap_or(false);

    // PAdES levels that depend on the file as a whole: validation data in a DSS makes B-T into
    // B-LT, and a valid document timestamp after that makes B-LT into B-LTA.
    for i in 0..reports.len() {
        if reports[i].detected_level != "PAdES-B-T" || !has_dss {
            continue;
        }
        let later_doc_ts = reports[i + 1..]
            .iter()
            .any(|r| r.is_document_timestamp && r.indication == Indication::TotalPassed);
        reports[i].detected_level = if later_doc_ts {
            "PAdES-B-LTA"
        } else {
            "PAdES-B-LT"
        }
        .to_string();
    }
    let produced_by_signet = !reports.is_empty()
        && reports
            .iter()
            .all(|r| r.written_by_signet && r.indication == Indication::TotalPassed)
        && reports.last().is_some_and(|r| r.covers_whole_file);
    let test_mode = reports.iter().any(|r| r.test_mode);
    Ok(VerificationReport {
        signatures: reports,
        produced_by_signet,
        test_mode,
        validation_time: opts.validation_time,
        revocation_policy: opts.revocation,
        online: opts.fetcher.is_some(),
    })
}

/// What the validation-time pass needs of a signature or timestamp that passed the checks at
/// its own time.
pub(crate) struct Pending {
    /// The signer's (or the document timestamp authority's) chain, leaf first, anchor last.
    chain: Vec<Certificate>,
    /// Revocation data inside the CMS.
    cms: Vec<RawRevocation>,
    /// The signature timestamp: its time, its authority's chain, the token's revocation data.
    timestamp: Option<(DateTime<Utc>, Vec<Certificate>, Vec<RawRevocation>)>,
}

/// Judges every report that passed at its own time again at the validation time, the last
/// first, so that each document timestamp found trusted is a proof of existence for everything
/// before it.
fn judge_at_validation_time(
    reports: &mut [(SignatureReport, Option<Pending>)],
    judge: &mut Judge<'_>,
) {
    // The earliest time a trusted document timestamp later in the file proves.
    let mut later_poe: Option<DateTime<Utc>> = None;
    for (report, pending) in reports.iter_mut().rev() {
        let Some(p) = pending.take() else { continue };
        if report.indication != Indication::TotalPassed {
            continue;
        }
        let mut evidence = Vec::new();
        let mut notes = Vec::new();
        let outcome = if report.is_document_timestamp {
            let own = report.timestamp_time.unwrap_or(DateTime::UNIX_EPOCH);
            report.proof_of_existence = later_poe;
            let r = judge.chain(&p.chain, &p.cms, own, later_poe, &mut evidence, &mut notes);
            if r.is_ok() {
                later_poe = Some(later_poe.map_or(own, |l| l.min(own)));
            }
            r
        } else {
            let mut poe = later_poe;
            let mut r = Ok(());
            if let Some((time, tsa_chain, token_cms)) = &p.timestamp {
                let mut cms = token_cms.clone();
                cms.extend(p.cms.iter().cloned());
                r = judge
                    .chain(tsa_chain, &cms, *time, later_poe, &mut evidence, &mut notes)
                    .map_err(|e| crate::validation::Rejection {
                        detail: format!("signature timestamp: {}", e.detail),
                        ..e
                    });
                if r.is_ok() {
                    poe = Some(poe.map_or(*time, |l| l.min(*time)));
                }
            }
            report.proof_of_existence = poe;
            r.and_then(|()| {
                let used_at = report.time.unwrap_or(DateTime::UNIX_EPOCH);
                judge.chain(&p.chain, &p.cms, used_at, poe, &mut evidence, &mut notes)
            })
        };
        report.revocation = evidence;
        report.details.extend(notes);
        if let Err(e) = outcome {
            report.indication = if e.total_failure {
                Indication::TotalFailed
            } else {
                Indication::Indeterminate
            };
            report.sub_indication = Some(e.sub.to_string());
            report.details.push(e.detail);
            if e.total_failure {
                report.detected_level = "none".into();
            }
        }
    }
}

fn name_of(dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    dict.get(key)
        .ok()
        .and_then(|o| o.as_name().ok())
        .map(<[u8]>::to_vec)
}

fn text_of(dict: &Dictionary, key: &[u8]) -> Option<String> {
    dict.get(key)
        .ok()
        .and_then(|o| o.as_str().ok())
        .map(decode_text)
}

/// Parses a PDF date `D:YYYYMMDDHHmmSS+HH'mm'` (trailing parts optional).
pub(crate) fn parse_pdf_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let num = |from: usize, len: usize, default: u32| -> Option<u32> {
        if digits.len() >= from + len {
            digits[from..from + len].parse().ok()
        } else {
            Some(default)
        }
    };
    let year = i32::try_from(num(0, 4, 0)?).ok()?;
    let naive = chrono::NaiveDate::from_ymd_opt(year, num(4, 2, 1)?, num(6, 2, 1)?)?.and_hms_opt(
        num(8, 2, 0)?,
        num(10, 2, 0)?,
        num(12, 2, 0)?,
    )?;
    let rest = &s[digits.len()..];
    let offset_secs = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let tz: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            let h: i64 = tz.get(0..2).and_then(|v| v.parse().ok()).unwrap_or(0);
            let m: i64 = tz.get(2..4).and_then(|v| v.parse().ok()).unwrap_or(0);
            let secs = h * 3600 + m * 60;
            if sign == '-' { -secs } else { secs }
        }
        _ => 0,
    };
    Some(Utc.from_utc_datetime(&naive) - chrono::Duration::seconds(offset_secs))
}

fn verify_one(
    input: &[u8],
    doc: &Document,
    field: &str,
    dict: &Dictionary,
    roots: &[Certificate],
    dss: &Dss,
    revisions: &mut std::collections::HashMap<usize, LaterChanges>,
) -> (SignatureReport, Option<Pending>) {
    let sub_filter = name_of(dict, b"SubFilter").unwrap_or_default();
    let is_doc_ts = sub_filter == b"ETSI.RFC3161"
        || name_of(dict, b"Type").as_deref() == Some(b"DocTimeStamp".as_slice());
    let claimed_level = match sub_filter.as_slice() {
        b"ETSI.CAdES.detached" => "PAdES".to_string(),
        b"adbe.pkcs7.detached" | b"adbe.pkcs7.sha1" => "PKCS7".to_string(),
        b"ETSI.RFC3161" => "document-timestamp".to_string(),
        other => String::from_utf8_lossy(other).into_owned(),
    };
    let claimed_time = text_of(dict, b"M").and_then(|m| parse_pdf_date(&m));
    let written_by_signet = dict
        .get(b"Prop_Build")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .and_then(|b| b.get(b"App").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .and_then(|a| name_of(a, b"Name"))
        .is_some_and(|n| n == SIGNET_APP);
    let byte_range: Vec<u64> = dict
        .get(b"ByteRange")
        .ok()
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_i64().ok())
                .map(|v| v.max(0) as u64)
                .collect()
        })
        .unwrap_or_default();
    let mut report = SignatureReport {
        field: field.to_string(),
        signer: text_of(dict, b"Name").unwrap_or_default(),
        certificate_subject: String::new(),
        time: claimed_time,
        claimed_time,
        timestamp_time: None,
        claimed_level,
        detected_level: "none".into(),
        indication: Indication::TotalFailed,
        sub_indication: None,
        covers_whole_file: false,
        later_changes: LaterChanges::Other,
        byte_range: [0; 4],
        is_document_timestamp: is_doc_ts,
        written_by_signet,
        test_mode: false,
        details: Vec::new(),
        proof_of_existence: None,
        revocation: Vec::new(),
    };
    let mut pending = None;
    let outcome = (|| -> Result<(), Failure> {
        let [a, b, c, d] = <[u64; 4]>::try_from(byte_range.as_slice()).map_err(|_| {
            fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                "no valid /ByteRange",
            )
        })?;
        report.byte_range = [a, b, c, d];
        let len = input.len() as u64;
        let ok = a == 0
            && b < c
            && c.checked_add(d).is_some_and(|end| end <= len)
            && input.get(b as usize) == Some(&b'<')
            && input.get(c as usize - 1) == Some(&b'>');
        if !ok {
            return Err(fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                "the /ByteRange does not frame /Contents inside the file",
            ));
        }
        let (b, c, end) = (b as usize, c as usize, (c + d) as usize);
        report.covers_whole_file = end == input.len();
        report.later_changes = if report.covers_whole_file {
            LaterChanges::None
        } else {
            // Signatures that end at the same revision share one parse of it.
            *revisions
                .entry(end)
                .or_insert_with(|| later_changes(input, doc, end))
        };
        let ranges: [&[u8]; 2] = [&input[..b], &input[c..end]];
        // The CMS is read from the gap the ByteRange leaves, not from the parsed /Contents:
        // what is verified is then exactly what the signed ranges exclude, whatever a crafted
        // file claims elsewhere.
        let mut hex_digits: Vec<u8> = input[b + 1..c - 1]
            .iter()
            .copied()
            .filter(|d| !d.is_ascii_whitespace())
            .collect();
        if hex_digits.len() % 2 == 1 {
            hex_digits.push(b'0');
        }
        let contents = hex::decode(&hex_digits).map_err(|_| {
            fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                "/Contents is not a hex string",
            )
        })?;
        let (ci, _padding) = ContentInfo::from_der_partial(&contents).map_err(|e| {
            fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                format!("/Contents is not CMS: {e}"),
            )
        })?;
        let sd = signed_data(&ci)?;
        report.test_mode = certificates(&sd).iter().any(is_test_certificate);
        if is_doc_ts {
            let tst = check_token(&sd, roots, &dss.certs, |imprint| {
                sigcheck::digest(&imprint.hash_algorithm.oid, &ranges)
                    .is_some_and(|h| h == imprint.hashed_message.as_bytes())
            })?;
            pending = Some(Pending {
                chain: tst.2.clone(),
                cms: first_signer(&sd)
                    .map(|si| cms_revocation(&sd, si))
                    .unwrap_or_default(),
                timestamp: None,
            });
            report.signer = cert_cn(&tst.1);
            report.certificate_subject = tst.1.tbs_certificate().subject().to_string();
            report.timestamp_time = Some(tst.0);
            report.time = Some(tst.0);
            report.detected_level = "document-timestamp".into();
            return check_later(&report);
        }
        let si = first_signer(&sd)?;
        let digest = sigcheck::digest(&si.digest_alg.oid, &ranges).ok_or_else(|| {
            fail(
                Indication::Indeterminate,
                "CRYPTO_CONSTRAINTS_FAILURE",
                "unsupported digest",
            )
        })?;
        let cert = check_signer(&sd, si, &digest)?;
        report.certificate_subject = cert.tbs_certificate().subject().to_string();
        if report.signer.is_empty() {
            report.signer = cert_cn(&cert);
        }
        let signed = si.signed_attrs.as_ref();
        let has_signing_cert = signed.is_some_and(|attrs| {
            attrs.iter().any(|a| {
                a.oid == ID_AA_SIGNING_CERTIFICATE_V2 || a.oid == ID_AA_SIGNING_CERTIFICATE
            })
        });
        let has_signing_time =
            signed.is_some_and(|attrs| attrs.iter().any(|a| a.oid == ID_SIGNING_TIME));
        // The timestamp token, if any, over the signature value.
        let mut timestamp = None;
        let mut timestamp_pending = None;
        if let Some(attr) = si
            .unsigned_attrs
            .as_ref()
            .and_then(|u| u.iter().find(|a| a.oid == ID_AA_SIGNATURE_TIME_STAMP_TOKEN))
        {
            let token = attr
                .values
                .iter()
                .next()
                .and_then(|v| v.decode_as::<ContentInfo>().ok())
                .ok_or_else(|| {
                    fail(
                        Indication::TotalFailed,
                        "FORMAT_FAILURE",
                        "unreadable timestamp token",
                    )
                })?;
            let tsd = signed_data(&token)?;
            let sig_value = si.signature.as_bytes();
            let (time, tsa, tsa_chain) = check_token(&tsd, roots, &dss.certs, |imprint| {
                sigcheck::digest(&imprint.hash_algorithm.oid, &[sig_value])
                    .is_some_and(|h| h == imprint.hashed_message.as_bytes())
            })
            .map_err(|f| Failure {
                detail: format!("signature timestamp: {}", f.detail),
                ..f
            })?;
            timestamp = Some(time);
            let token_cms = first_signer(&tsd)
                .map(|tsi| cms_revocation(&tsd, tsi))
                .unwrap_or_default();
            timestamp_pending = Some((time, tsa_chain, token_cms));
            // Which authority vouches for the time: Signet's own or an external one.
            report
                .details
                .push(format!("timestamp authority: {}", cert_cn(&tsa)));
        }
        report.timestamp_time = timestamp;
        report.time = timestamp.or(claimed_time);
        let at = report.time;
        let chain = check_chain(&cert, &sd, roots, &dss.certs, at)?;
        pending = Some(Pending {
            chain,
            cms: cms_revocation(&sd, si),
            timestamp: timestamp_pending,
        });
        report.detected_level = match (report.claimed_level.as_str(), timestamp.is_some()) {
            ("PAdES", _) if !has_signing_cert || has_signing_time => {
                report.details.push(
                    "not PAdES baseline: signing-certificate attribute missing or \
                     signing-time present"
                        .into(),
                );
                "PKCS7".into()
            }
            ("PAdES", true) => "PAdES-B-T".into(),
            ("PAdES", false) => "PAdES-B-B".into(),
            _ => "PKCS7".into(),
        };
        check_later(&report)
    })();
    match outcome {
        Ok(()) => {
            report.indication = Indication::TotalPassed;
        }
        Err(f) => {
            report.indication = f.indication;
            report.sub_indication = Some(f.sub.to_string());
            report.details.push(f.detail);
            if f.indication == Indication::TotalFailed {
                report.detected_level = "none".into();
            }
        }
    }
    if report.test_mode {
        report.details.push(
            "made in test mode: Signet's TEST certificates are not valid for real signatures"
                .into(),
        );
    }
    (report, pending)
}

fn check_later(report: &SignatureReport) -> Result<(), Failure> {
    if report.later_changes == LaterChanges::Other {
        return Err(fail(
            Indication::Indeterminate,
            "SIG_CONSTRAINTS_FAILURE",
            "a later revision changed the signed content beyond adding signatures or form data",
        ));
    }
    Ok(())
}

fn cert_cn(cert: &Certificate) -> String {
    cert.tbs_certificate()
        .subject()
        .common_name()
        .ok()
        .flatten()
        .map(|cn| cn.value().into_owned())
        .unwrap_or_else(|| cert.tbs_certificate().subject().to_string())
}

pub(crate) fn signed_data(ci: &ContentInfo) -> Result<SignedData, Failure> {
    if ci.content_type != ID_SIGNED_DATA {
        return Err(fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            "CMS is not SignedData",
        ));
    }
    ci.content.decode_as::<SignedData>().map_err(|e| {
        fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            format!("SignedData: {e}"),
        )
    })
}

fn first_signer(sd: &SignedData) -> Result<&SignerInfo, Failure> {
    let mut it = sd.signer_infos.0.iter();
    match (it.next(), it.next()) {
        (Some(si), None) => Ok(si),
        (None, _) => Err(fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            "no signer info",
        )),
        (Some(_), Some(_)) => Err(fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            "a PDF signature must have exactly one signer",
        )),
    }
}

fn certificates(sd: &SignedData) -> Vec<Certificate> {
    sd.certificates
        .as_ref()
        .map(|set| {
            set.0
                .iter()
                .filter_map(|c| match c {
                    cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

fn find_signer_cert(sd: &SignedData, si: &SignerInfo) -> Option<Certificate> {
    certificates(sd).into_iter().find(|c| match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(isn) => {
            c.tbs_certificate().issuer() == &isn.issuer
                && c.tbs_certificate().serial_number() == &isn.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => c
            .tbs_certificate()
            .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
            .ok()
            .flatten()
            .is_some_and(|(_, own)| own.0 == ski.0),
    })
}

/// Checks the message digest attribute against `digest`, then the signature over the signed
/// attributes; returns the signer's certificate.
fn check_signer(sd: &SignedData, si: &SignerInfo, digest: &[u8]) -> Result<Certificate, Failure> {
    let attrs = si.signed_attrs.as_ref().ok_or_else(|| {
        fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            "no signed attributes",
        )
    })?;
    let md = attrs
        .iter()
        .find(|a| a.oid == ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| {
            fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                "no message digest",
            )
        })?;
    if md.as_bytes() != digest {
        return Err(fail(
            Indication::TotalFailed,
            "HASH_FAILURE",
            "the signed bytes do not match the message digest: the file was changed",
        ));
    }
    let cert = find_signer_cert(sd, si).ok_or_else(|| {
        fail(
            Indication::Indeterminate,
            "NO_SIGNING_CERTIFICATE_FOUND",
            "signer certificate missing",
        )
    })?;
    // A key certified only for other purposes (say, key encipherment) does not sign documents.
    if let Ok(Some((_, usage))) = cert.tbs_certificate().get_extension::<KeyUsage>()
        && !usage.digital_signature()
        && !usage.non_repudiation()
    {
        return Err(fail(
            Indication::Indeterminate,
            "CHAIN_CONSTRAINTS_FAILURE",
            "the signer's certificate does not allow digital signatures",
        ));
    }
    let tbs_attrs = attrs.to_der().map_err(|e| {
        fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            format!("signed attributes: {e}"),
        )
    })?;
    match verify_with_key(
        cert.tbs_certificate().subject_public_key_info(),
        &si.signature_algorithm,
        Some(&si.digest_alg.oid),
        &tbs_attrs,
        si.signature.as_bytes(),
    ) {
        Some(true) => Ok(cert),
        Some(false) => Err(fail(
            Indication::TotalFailed,
            "SIG_CRYPTO_FAILURE",
            "the signature value does not verify with the signer's key",
        )),
        None => Err(fail(
            Indication::Indeterminate,
            "CRYPTO_CONSTRAINTS_FAILURE",
            format!(
                "unsupported signature algorithm {}",
                si.signature_algorithm.oid
            ),
        )),
    }
}

/// Checks an RFC 3161 token: its TSTInfo imprint (via `imprint_ok`), the TSA's signature, the
/// TSA certificate's timeStamping usage, and its chain. Returns the time and the TSA cert.
fn check_token(
    sd: &SignedData,
    roots: &[Certificate],
    extra: &[Certificate],
    imprint_ok: impl Fn(&MessageImprint) -> bool,
) -> Result<(DateTime<Utc>, Certificate, Vec<Certificate>), Failure> {
    let (time, cert) = check_token_signature(sd, imprint_ok)?;
    let chain = check_chain(&cert, sd, roots, extra, Some(time))?;
    Ok((time, cert, chain))
}

/// [`check_token`] without the chain: what a token fetched from an external authority must
/// pass before it is embedded (its root is the validator's business, not the signer's).
pub(crate) fn check_token_signature(
    sd: &SignedData,
    imprint_ok: impl Fn(&MessageImprint) -> bool,
) -> Result<(DateTime<Utc>, Certificate), Failure> {
    if sd.encap_content_info.econtent_type != ID_CT_TST_INFO {
        return Err(fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            "not a timestamp token",
        ));
    }
    let econtent = sd
        .encap_content_info
        .econtent
        .as_ref()
        .and_then(|a| a.decode_as::<OctetString>().ok())
        .ok_or_else(|| {
            fail(
                Indication::TotalFailed,
                "FORMAT_FAILURE",
                "token has no TSTInfo",
            )
        })?;
    let tst = TstInfo::from_der(econtent.as_bytes()).map_err(|e| {
        fail(
            Indication::TotalFailed,
            "FORMAT_FAILURE",
            format!("TSTInfo: {e}"),
        )
    })?;
    if !imprint_ok(&tst.message_imprint) {
        return Err(fail(
            Indication::TotalFailed,
            "HASH_FAILURE",
            "the timestamp's message imprint does not match",
        ));
    }
    let si = first_signer(sd)?;
    let digest = sigcheck::digest(&si.digest_alg.oid, &[econtent.as_bytes()]).ok_or_else(|| {
        fail(
            Indication::Indeterminate,
            "CRYPTO_CONSTRAINTS_FAILURE",
            "unsupported digest",
        )
    })?;
    let cert = check_signer(sd, si, &digest)?;
    let eku = cert
        .tbs_certificate()
        .get_extension::<ExtendedKeyUsage>()
        .ok()
        .flatten();
    if !eku.is_some_and(|(_, eku)| eku.0.contains(&EKU_TIME_STAMPING)) {
        return Err(fail(
            Indication::Indeterminate,
            "CHAIN_CONSTRAINTS_FAILURE",
            "the timestamp certificate lacks the timeStamping extended key usage",
        ));
    }
    let time = parse_gen_time(&tst.gen_time)
        .ok_or_else(|| fail(Indication::TotalFailed, "FORMAT_FAILURE", "bad genTime"))?;
    Ok((time, cert))
}

fn within_validity(cert: &Certificate, at: DateTime<Utc>) -> bool {
    let v = cert.tbs_certificate().validity();
    let t = at.timestamp();
    let nb = v.not_before.to_unix_duration().as_secs() as i64;
    let na = v.not_after.to_unix_duration().as_secs() as i64;
    nb <= t && t <= na
}

/// Builds and checks a path from `leaf` to one of `roots`, using the certificates in the CMS
/// and those of the DSS (`extra`) as intermediates. Validity is judged at `at` (the best
/// signature time). Returns the chain, leaf first, the trust anchor last.
fn check_chain(
    leaf: &Certificate,
    sd: &SignedData,
    roots: &[Certificate],
    extra: &[Certificate],
    at: Option<DateTime<Utc>>,
) -> Result<Vec<Certificate>, Failure> {
    let mut pool = certificates(sd);
    pool.extend(extra.iter().cloned());
    let mut chain = Vec::new();
    let mut current = leaf.clone();
    let mut seen = BTreeSet::new();
    for _ in 0..10 {
        if let Some(at) = at
            && !within_validity(&current, at)
        {
            return Err(fail(
                Indication::Indeterminate,
                "OUT_OF_BOUNDS_NO_POE",
                format!(
                    "{} is not valid at {at}",
                    current.tbs_certificate().subject()
                ),
            ));
        }
        let der = current.to_der().unwrap_or_default();
        if roots
            .iter()
            .any(|r| r.to_der().ok().as_deref() == Some(der.as_slice()))
        {
            chain.push(current);
            return Ok(chain);
        }
        if !seen.insert(der) {
            break;
        }
        let issuer_name = current.tbs_certificate().issuer();
        let verified_by = |cand: &Certificate| {
            cand.tbs_certificate().subject() == issuer_name
                && current.tbs_certificate().to_der().ok().and_then(|tbs| {
                    verify_with_key(
                        cand.tbs_certificate().subject_public_key_info(),
                        current.signature_algorithm(),
                        None,
                        &tbs,
                        current.signature().raw_bytes(),
                    )
                }) == Some(true)
        };
        if let Some(root) = roots.iter().find(|r| verified_by(r)) {
            if let Some(at) = at
                && !within_validity(root, at)
            {
                return Err(fail(
                    Indication::Indeterminate,
                    "OUT_OF_BOUNDS_NO_POE",
                    "the trusted root is not valid at the signature time",
                ));
            }
            chain.push(current);
            chain.push(root.clone());
            return Ok(chain);
        }
        let Some(next) = pool.iter().find(|c| verified_by(c)).cloned() else {
            break;
        };
        let is_ca = next
            .tbs_certificate()
            .get_extension::<BasicConstraints>()
            .ok()
            .flatten()
            .is_some_and(|(_, bc)| bc.ca);
        if !is_ca {
            return Err(fail(
                Indication::Indeterminate,
                "CHAIN_CONSTRAINTS_FAILURE",
                "an issuing certificate in the chain is not a CA",
            ));
        }
        chain.push(std::mem::replace(&mut current, next));
    }
    Err(fail(
        Indication::Indeterminate,
        "NO_CERTIFICATE_CHAIN_FOUND",
        format!(
            "no chain from {} to a trusted root",
            leaf.tbs_certificate().subject()
        ),
    ))
}

/// Compares the revision that ends at `end` with the whole file: were objects of the signed
/// revision changed other than by adding signatures, form fields and annotations?
fn later_changes(input: &[u8], full: &Document, end: usize) -> LaterChanges {
    let Ok(signed) = pdfwrite::load_structure(&input[..end]) else {
        return LaterChanges::Other;
    };
    let signed_root = signed
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok();
    let full_root = full
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok();
    if signed_root != full_root {
        return LaterChanges::Other;
    }
    for (id, old) in &signed.objects {
        let Ok(new) = full.get_object(*id) else {
            return LaterChanges::Other;
        };
        if old == new {
            continue;
        }
        if !allowed_change(old, new, Some(*id) == signed_root) {
            return LaterChanges::Other;
        }
    }
    LaterChanges::SignaturesAndFormsOnly
}

fn allowed_change(old: &Object, new: &Object, is_catalog: bool) -> bool {
    let allowed_keys: &[&[u8]] = match (old, new) {
        (Object::Array(o), Object::Array(n)) => {
            // An /Annots or /Fields array that only grew.
            return n.len() >= o.len() && n[..o.len()] == o[..];
        }
        (Object::Dictionary(o), Object::Dictionary(_)) if is_catalog => {
            let _ = o;
            &[b"AcroForm", b"DSS", b"Extensions", b"Perms"]
        }
        (Object::Dictionary(o), Object::Dictionary(_)) => match o.get(b"Type").ok() {
            Some(Object::Name(t)) if t == b"Page" => &[b"Annots"],
            _ if o.has(b"Fields") || o.has(b"SigFlags") => &[b"Fields", b"SigFlags", b"DR", b"DA"],
            // A signature field being filled in.
            _ if o.get(b"FT").ok().and_then(|f| f.as_name().ok()) == Some(b"Sig".as_slice()) => {
                &[b"V", b"AP", b"F", b"Lock"]
            }
            // Any other form field being filled in: its value and how it shows (pyHanko's
            // form-filling keys).
            _ if o.has(b"FT") => &[b"V", b"AP", b"AS", b"F", b"DA", b"Ff"],
            // A widget of a field with several widgets: only how it shows.
            _ if o.get(b"Subtype").ok().and_then(|f| f.as_name().ok())
                == Some(b"Widget".as_slice()) =>
            {
                &[b"AP", b"AS"]
            }
            _ => &[],
        },
        _ => &[],
    };
    let (Object::Dictionary(o), Object::Dictionary(n)) = (old, new) else {
        return false;
    };
    let keys: BTreeSet<&[u8]> = o
        .iter()
        .chain(n.iter())
        .map(|(k, _)| k.as_slice())
        .collect();
    keys.into_iter().all(|k| {
        allowed_keys.contains(&k)
            || match (o.get(k).ok(), n.get(k).ok()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            }
    })
}
