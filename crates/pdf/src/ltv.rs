//! Long-term validation data: the document security store (DSS) of ISO 32000-2 §12.8.4.3 and
//! ETSI EN 319 142-1 §5.4, which turns PAdES B-T signatures into B-LT (and, under a later
//! document timestamp, B-LTA).
//!
//! [`add_dss`] appends an incremental revision: a new `/DSS` dictionary in the catalog with
//! `/Certs`, `/OCSPs` and `/CRLs` arrays of streams (each DER object once) and a `/VRI`
//! dictionary keyed by the uppercase hex SHA-1 of each signature's `/Contents`, naming the
//! material that validates that signature. Earlier bytes never change, so every earlier
//! signature stays intact; what an earlier DSS held is kept (a later revision adds, never
//! drops). The DSS dictionary and its arrays are new objects in every revision, so no object
//! an earlier signature covers is modified: the catalog's `/DSS` entry is the only change.
//!
//! [`signature_material`] reads, per signature, the certificates the validation data must
//! cover (the CMS's own and those of its signature timestamp); the caller finds their
//! revocation data ([`crate::revocation`] for Signet's own CA, fetched for others).
//!
//! **Status after a certificate's end.** Years on, a validator judges an expired certificate
//! in the past (ETSI EN 319 102-1 §5.6.2.1): it takes the newest status information the file
//! holds for it, and when that is no longer fresh, moves its control time back to when it
//! last was (pyHanko: the nextUpdate, plus its clock tolerance), then validates the chain
//! then. Status made after the certificate ended, or still current then, moves the control
//! time past the end, where the certificate cannot be validated. So a file gets status about
//! a certificate only while the certificate outlasts it ([`outlasts`]; a `revoked` answer is
//! kept regardless, its revocation time is what counts), and the issuing CA's CRL, which
//! speaks for every certificate of the CA at once, only while all of the file's outlast it
//! ([`issuing_crl_fits`]): an archive refresh years after signing carries the responder's
//! answers for the newest timestamp's chain, not a new CRL.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::{Decode, Encode};
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};
use sha1::{Digest, Sha1};
use x509_cert::Certificate;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{AuthorityInfoAccessSyntax, CrlDistributionPoints};

use crate::asn1::{ID_AA_SIGNATURE_TIME_STAMP_TOKEN, ID_SIGNED_DATA};
use crate::error::PdfError;
use crate::pdfwrite::{self, Update};
use crate::sign::signature_fields;

/// id-ad-ocsp (RFC 5280 §4.2.2.1).
const ID_AD_OCSP: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");

/// Validation material in DER: certificates, OCSP responses (whole `OCSPResponse`s) and CRLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationData {
    pub certs: Vec<Vec<u8>>,
    pub ocsps: Vec<Vec<u8>>,
    pub crls: Vec<Vec<u8>>,
}

impl ValidationData {
    /// Adds what `other` holds that this does not.
    pub fn merge(&mut self, other: ValidationData) {
        for (mine, theirs) in [
            (&mut self.certs, other.certs),
            (&mut self.ocsps, other.ocsps),
            (&mut self.crls, other.crls),
        ] {
            for item in theirs {
                if !mine.contains(&item) {
                    mine.push(item);
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.certs.is_empty() && self.ocsps.is_empty() && self.crls.is_empty()
    }

    /// Total bytes of DER held.
    pub fn len_bytes(&self) -> usize {
        [&self.certs, &self.ocsps, &self.crls]
            .iter()
            .flat_map(|v| v.iter())
            .map(Vec::len)
            .sum()
    }
}

/// One signature of a file, as the DSS needs it.
#[derive(Debug, Clone)]
pub struct SignatureMaterial {
    /// The field's full name.
    pub field: String,
    /// The `/VRI` key: uppercase hex SHA-1 of the `/Contents` string (padding included).
    pub vri_key: String,
    /// A document timestamp (`/DocTimeStamp`, ETSI.RFC3161) rather than a signature.
    pub document_timestamp: bool,
    /// Where the signature's revision ends (the end of its second byte range).
    pub revision_end: usize,
    /// The certificates in the CMS (for a document timestamp: the token's), in DER, the
    /// signing certificate first.
    pub certs: Vec<Vec<u8>>,
    /// The certificates of the signature's timestamp token, if it has one.
    pub timestamp_certs: Vec<Vec<u8>>,
    /// The signing certificate's notAfter (the timestamp authority's for a document
    /// timestamp).
    pub signer_not_after: Option<DateTime<Utc>>,
}

fn malformed(e: impl std::fmt::Display) -> PdfError {
    PdfError::Malformed(e.to_string())
}

fn cms_certificates(sd: &SignedData) -> Vec<Certificate> {
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

fn signed_data(ci: &ContentInfo) -> Option<SignedData> {
    (ci.content_type == ID_SIGNED_DATA)
        .then(|| ci.content.decode_as::<SignedData>().ok())
        .flatten()
}

/// The certificate that signed `sd`'s first signer info.
fn signer_cert(sd: &SignedData) -> Option<Certificate> {
    use cms::signed_data::SignerIdentifier;
    let si = sd.signer_infos.0.iter().next()?;
    cms_certificates(sd).into_iter().find(|c| match &si.sid {
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

fn not_after(cert: &Certificate) -> DateTime<Utc> {
    DateTime::<Utc>::from(cert.tbs_certificate().validity().not_after.to_system_time())
}

fn ders(certs: &[Certificate]) -> Vec<Vec<u8>> {
    certs.iter().filter_map(|c| c.to_der().ok()).collect()
}

/// The uppercase hex SHA-1 of a signature's `/Contents` bytes: its key in `/VRI`.
pub fn vri_key(contents: &[u8]) -> String {
    hex::encode_upper(Sha1::digest(contents))
}

/// Every signature and document timestamp of `pdf` with the certificates its validation data
/// must cover, in the order they were made.
pub fn signature_material(pdf: &[u8]) -> Result<Vec<SignatureMaterial>, PdfError> {
    Ok(material_of(&pdfwrite::load_structure(pdf)?))
}

/// A file read once for its long-term validation data: its signatures' material, its DSS,
/// and the parsed structure, from which a DSS revision is appended without reading the file
/// again. Signing adds validation data after every signature and before every document
/// timestamp, so reading a large file once instead of four times is most of that step's cost.
pub struct LtvFile {
    doc: Document,
    material: Vec<SignatureMaterial>,
    dss: Option<Dss>,
}

impl LtvFile {
    /// Parses `pdf`'s structure, and a second time with the DSS streams' content when it has
    /// a DSS.
    pub fn read(pdf: &[u8]) -> Result<LtvFile, PdfError> {
        let structure = pdfwrite::load_structure(pdf)?;
        let material = material_of(&structure);
        let keep = dss_stream_ids(&structure);
        let doc = if keep.is_empty() {
            structure
        } else {
            load_keeping(pdf, keep)?
        };
        let dss = dss_of(&doc);
        Ok(LtvFile { doc, material, dss })
    }

    /// Every signature and document timestamp, in the order they were made.
    pub fn material(&self) -> &[SignatureMaterial] {
        &self.material
    }

    /// The DSS as it is, if the file has one.
    pub fn dss(&self) -> Option<&Dss> {
        self.dss.as_ref()
    }

    /// Appends to `pdf` (the file this was read from) a revision whose DSS holds what the
    /// file's DSS held plus `entries`, as [`add_dss`] says. On an error `pdf` is unchanged.
    pub fn append_dss(
        &self,
        pdf: &mut Vec<u8>,
        entries: &[(String, ValidationData)],
    ) -> Result<(), PdfError> {
        dss_update(&self.doc, entries)?.append_in_place(pdf)?;
        Ok(())
    }
}

fn material_of(doc: &Document) -> Vec<SignatureMaterial> {
    let mut out = Vec::new();
    for field in signature_fields(doc) {
        let Some(id) = field.value else { continue };
        let Ok(dict) = doc.get_object(id).and_then(Object::as_dict) else {
            continue;
        };
        let Ok(Object::String(contents, _)) = dict.get(b"Contents") else {
            continue;
        };
        let revision_end = dict
            .get(b"ByteRange")
            .and_then(Object::as_array)
            .ok()
            .and_then(|r| {
                let n: Vec<i64> = r.iter().filter_map(|o| o.as_i64().ok()).collect();
                (n.len() == 4).then(|| (n[2] + n[3]).max(0) as usize)
            })
            .unwrap_or(0);
        let document_timestamp = dict
            .get(b"SubFilter")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"ETSI.RFC3161")
            || dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"DocTimeStamp");
        let Ok((ci, _)) = ContentInfo::from_der_partial(contents) else {
            continue;
        };
        let Some(sd) = signed_data(&ci) else { continue };
        let mut timestamp_certs = Vec::new();
        if !document_timestamp
            && let Some(si) = sd.signer_infos.0.iter().next()
            && let Some(attr) = si
                .unsigned_attrs
                .as_ref()
                .and_then(|u| u.iter().find(|a| a.oid == ID_AA_SIGNATURE_TIME_STAMP_TOKEN))
        {
            for v in attr.values.iter() {
                if let Some(tsd) = v
                    .decode_as::<ContentInfo>()
                    .ok()
                    .and_then(|t| signed_data(&t))
                {
                    timestamp_certs.extend(ders(&cms_certificates(&tsd)));
                }
            }
        }
        // The signing certificate first.
        let signer = signer_cert(&sd);
        let mut certs = cms_certificates(&sd);
        if let Some(s) = &signer {
            certs.retain(|c| c != s);
            certs.insert(0, s.clone());
        }
        out.push(SignatureMaterial {
            field: field.name,
            vri_key: vri_key(contents),
            document_timestamp,
            revision_end,
            certs: ders(&certs),
            timestamp_certs,
            signer_not_after: signer.map(|c| not_after(&c)),
        });
    }
    out.sort_by_key(|m| m.revision_end);
    out
}

/// The DSS of a file as read back: its material and its VRI entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dss {
    pub data: ValidationData,
    /// Per VRI key, the material that entry names.
    pub vri: BTreeMap<String, ValidationData>,
}

thread_local! {
    /// Streams whose content [`load_keeping`] keeps; every other stream is loaded empty.
    static KEEP: RefCell<HashSet<ObjectId>> = RefCell::new(HashSet::new());
}

fn keep_filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = object {
        if stream.dict.has_type(b"ObjStm") {
            // Members of object streams are parsed from this content, then dropped.
            return Some((id, Object::Null));
        }
        if !KEEP.with(|k| k.borrow().contains(&id)) {
            stream.content = Vec::new();
        }
    }
    Some((id, object.clone()))
}

/// Parses `pdf` with the content of the streams `keep` only.
fn load_keeping(pdf: &[u8], keep: HashSet<ObjectId>) -> Result<Document, PdfError> {
    KEEP.with(|k| *k.borrow_mut() = keep);
    let options = LoadOptions {
        filter: Some(keep_filter),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(pdf, options);
    KEEP.with(|k| k.borrow_mut().clear());
    doc.map_err(|e| PdfError::NotAPdf(e.to_string()))
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(o).ok().and_then(|(_, o)| o.as_dict().ok())
}

fn deref_array<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Vec<Object>> {
    doc.dereference(o).ok().and_then(|(_, o)| o.as_array().ok())
}

fn dss_dict(doc: &Document) -> Option<&Dictionary> {
    let catalog = doc.catalog().ok()?;
    deref_dict(doc, catalog.get(b"DSS").ok()?)
}

const KINDS: [(&[u8], &[u8]); 3] = [(b"Certs", b"Cert"), (b"OCSPs", b"OCSP"), (b"CRLs", b"CRL")];

/// The stream references of every DSS array and VRI entry, for [`load_keeping`].
fn dss_stream_ids(doc: &Document) -> HashSet<ObjectId> {
    let mut ids = HashSet::new();
    let Some(dss) = dss_dict(doc) else {
        return ids;
    };
    let mut arrays: Vec<&Object> = KINDS.iter().filter_map(|(k, _)| dss.get(k).ok()).collect();
    if let Some(vri) = dss.get(b"VRI").ok().and_then(|v| deref_dict(doc, v)) {
        for (_, entry) in vri.iter() {
            if let Some(entry) = deref_dict(doc, entry) {
                arrays.extend(KINDS.iter().filter_map(|(_, k)| entry.get(k).ok()));
            }
        }
    }
    for a in arrays {
        for item in deref_array(doc, a).into_iter().flatten() {
            if let Ok(id) = item.as_reference() {
                ids.insert(id);
            }
        }
    }
    ids
}

fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let (_, o) = doc.dereference(o).ok()?;
    let s = o.as_stream().ok()?;
    if s.dict.has(b"Filter") {
        s.decompressed_content().ok()
    } else {
        Some(s.content.clone())
    }
}

fn read_kinds(doc: &Document, dict: &Dictionary, names: [&[u8]; 3]) -> ValidationData {
    let read = |key: &[u8]| -> Vec<Vec<u8>> {
        dict.get(key)
            .ok()
            .and_then(|a| deref_array(doc, a))
            .into_iter()
            .flatten()
            .filter_map(|o| stream_bytes(doc, o))
            .collect()
    };
    ValidationData {
        certs: read(names[0]),
        ocsps: read(names[1]),
        crls: read(names[2]),
    }
}

/// Reads the DSS of `pdf`, if it has one.
pub fn read_dss(pdf: &[u8]) -> Result<Option<Dss>, PdfError> {
    let structure = pdfwrite::load_structure(pdf)?;
    if dss_dict(&structure).is_none() {
        return Ok(None);
    }
    let doc = load_keeping(pdf, dss_stream_ids(&structure))?;
    Ok(dss_of(&doc))
}

/// The DSS of a file loaded with its DSS streams' content.
fn dss_of(doc: &Document) -> Option<Dss> {
    let dss = dss_dict(doc)?;
    let data = read_kinds(doc, dss, [b"Certs", b"OCSPs", b"CRLs"]);
    let mut vri = BTreeMap::new();
    if let Some(v) = dss.get(b"VRI").ok().and_then(|v| deref_dict(doc, v)) {
        for (key, entry) in v.iter() {
            if let Some(entry) = deref_dict(doc, entry) {
                vri.insert(
                    String::from_utf8_lossy(key).into_owned(),
                    read_kinds(doc, entry, [b"Cert", b"OCSP", b"CRL"]),
                );
            }
        }
    }
    Some(Dss { data, vri })
}

/// Appends a revision whose DSS holds what the file's DSS held plus `entries`: per VRI key
/// (see [`SignatureMaterial::vri_key`]), the material that validates that signature. Each
/// DER object is stored once however many signatures name it. A VRI key already present
/// keeps its entry as it was; the new material for it is added to the DSS arrays.
pub fn add_dss(pdf: &[u8], entries: &[(String, ValidationData)]) -> Result<Vec<u8>, PdfError> {
    // The existing streams' content is needed to store each object once; the rest of the
    // file is loaded without its streams.
    let file = LtvFile::read(pdf)?;
    let mut out = Vec::with_capacity(pdf.len() + 64 * 1024);
    out.extend_from_slice(pdf);
    file.append_dss(&mut out, entries)?;
    Ok(out)
}

/// The revision that writes the DSS of `doc` (loaded with its DSS streams) plus `entries`.
fn dss_update<'a>(
    doc: &'a Document,
    entries: &[(String, ValidationData)],
) -> Result<Update<'a>, PdfError> {
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| malformed("the trailer names no catalog"))?;
    let mut catalog = doc
        .get_object(catalog_id)
        .and_then(Object::as_dict)
        .map_err(malformed)?
        .clone();
    let mut update = Update::new(doc);

    // Existing material: each DER object with the reference that holds it.
    let mut known: [HashMap<Vec<u8>, Object>; 3] = Default::default();
    let mut arrays: [Vec<Object>; 3] = Default::default();
    let mut vri: Dictionary = Dictionary::new();
    if let Some(dss) = dss_dict(doc) {
        for (i, (key, _)) in KINDS.iter().enumerate() {
            for item in dss
                .get(key)
                .ok()
                .and_then(|a| deref_array(doc, a))
                .into_iter()
                .flatten()
            {
                if let Some(bytes) = stream_bytes(doc, item) {
                    known[i].entry(bytes).or_insert_with(|| item.clone());
                }
                arrays[i].push(item.clone());
            }
        }
        if let Some(v) = dss.get(b"VRI").ok().and_then(|v| deref_dict(doc, v)) {
            // Kept exactly as they were, a reference staying a reference.
            for (key, entry) in v.iter() {
                vri.set(key.clone(), entry.clone());
            }
        }
    }

    for (key, data) in entries {
        let mut refs: [Vec<Object>; 3] = Default::default();
        for (i, items) in [&data.certs, &data.ocsps, &data.crls]
            .into_iter()
            .enumerate()
        {
            for der in items {
                let r = match known[i].get(der) {
                    Some(r) => r.clone(),
                    None => {
                        let id = update.reserve_id();
                        update.set(
                            id,
                            Object::Stream(Stream::new(Dictionary::new(), der.clone())),
                        );
                        let r = Object::Reference(id);
                        known[i].insert(der.clone(), r.clone());
                        arrays[i].push(r.clone());
                        r
                    }
                };
                if !refs[i].contains(&r) {
                    refs[i].push(r);
                }
            }
        }
        // An entry once written is never changed (pyHanko's difference analysis refuses a
        // revision that modifies one): fresh material for a signature that has an entry goes
        // into the DSS arrays only.
        if vri.has(key.as_bytes()) {
            continue;
        }
        let mut entry = Dictionary::new();
        for (i, (_, name)) in KINDS.iter().enumerate() {
            if !refs[i].is_empty() {
                entry.set(*name, Object::Array(std::mem::take(&mut refs[i])));
            }
        }
        vri.set(key.as_bytes().to_vec(), Object::Dictionary(entry));
    }

    let mut dss = Dictionary::new();
    dss.set("Type", Object::Name(b"DSS".to_vec()));
    for (i, (key, _)) in KINDS.iter().enumerate() {
        if !arrays[i].is_empty() {
            let id = update.reserve_id();
            update.set(id, Object::Array(std::mem::take(&mut arrays[i])));
            dss.set(*key, Object::Reference(id));
        }
    }
    if !vri.is_empty() {
        let id = update.reserve_id();
        update.set(id, Object::Dictionary(vri));
        dss.set("VRI", Object::Reference(id));
    }
    let dss_id = update.reserve_id();
    update.set(dss_id, Object::Dictionary(dss));
    catalog.set("DSS", Object::Reference(dss_id));
    update.set(catalog_id, Object::Dictionary(catalog));
    Ok(update)
}

/// A certificate's revocation addresses: OCSP responders (AIA) and CRL distribution points,
/// HTTP(S) URIs only.
pub fn revocation_urls(cert_der: &[u8]) -> Result<(Vec<String>, Vec<String>), PdfError> {
    let cert = Certificate::from_der(cert_der).map_err(malformed)?;
    let tbs = cert.tbs_certificate();
    let http = |s: &str| s.starts_with("http://") || s.starts_with("https://");
    let mut ocsp = Vec::new();
    if let Ok(Some((_, aia))) = tbs.get_extension::<AuthorityInfoAccessSyntax>() {
        for d in aia.0 {
            if d.access_method == ID_AD_OCSP
                && let GeneralName::UniformResourceIdentifier(u) = d.access_location
                && http(u.as_str())
            {
                ocsp.push(u.as_str().to_owned());
            }
        }
    }
    let mut crl = Vec::new();
    if let Ok(Some((_, cdp))) = tbs.get_extension::<CrlDistributionPoints>() {
        for dp in cdp.0 {
            if let Some(DistributionPointName::FullName(names)) = dp.distribution_point {
                for n in names {
                    if let GeneralName::UniformResourceIdentifier(u) = n
                        && http(u.as_str())
                    {
                        crl.push(u.as_str().to_owned());
                    }
                }
            }
        }
    }
    Ok((ocsp, crl))
}

/// `certs` and every issuer above them that `pool` holds, up to a root, each once: the
/// certificates a DSS entry must carry for them.
pub fn with_issuers(certs: &[Vec<u8>], pool: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut chain: Vec<Vec<u8>> = Vec::new();
    let mut queue: Vec<Vec<u8>> = certs.to_vec();
    while let Some(c) = queue.pop() {
        if chain.contains(&c) {
            continue;
        }
        if let Some(i) = find_issuer(&c, pool) {
            queue.push(i.to_vec());
        }
        chain.push(c);
    }
    chain
}

/// The certificate among `candidates` that issued `cert`: its subject is `cert`'s issuer and,
/// where both say, its key identifier is the one `cert` names. A self-signed certificate is
/// its own issuer and gives `None`.
pub fn find_issuer<'a>(cert_der: &[u8], candidates: &'a [Vec<u8>]) -> Option<&'a [u8]> {
    use x509_cert::ext::pkix::{AuthorityKeyIdentifier, SubjectKeyIdentifier};
    let cert = Certificate::from_der(cert_der).ok()?;
    let tbs = cert.tbs_certificate();
    if tbs.issuer() == tbs.subject() {
        return None;
    }
    let aki = tbs
        .get_extension::<AuthorityKeyIdentifier>()
        .ok()
        .flatten()
        .and_then(|(_, a)| a.key_identifier);
    candidates
        .iter()
        .filter(|c| c.as_slice() != cert_der)
        .find(|c| {
            Certificate::from_der(c).is_ok_and(|issuer| {
                let ski = issuer
                    .tbs_certificate()
                    .get_extension::<SubjectKeyIdentifier>()
                    .ok()
                    .flatten()
                    .map(|(_, s)| s.0);
                issuer.tbs_certificate().subject() == tbs.issuer()
                    && match (&aki, &ski) {
                        (Some(a), Some(s)) => a == s,
                        _ => true,
                    }
            })
        })
        .map(Vec::as_slice)
}

/// Whether the certificate is self-signed (a root).
pub fn is_self_signed(cert_der: &[u8]) -> bool {
    Certificate::from_der(cert_der)
        .is_ok_and(|c| c.tbs_certificate().issuer() == c.tbs_certificate().subject())
}

/// A certificate's notAfter.
pub fn certificate_not_after(cert_der: &[u8]) -> Result<DateTime<Utc>, PdfError> {
    Certificate::from_der(cert_der)
        .map(|c| not_after(&c))
        .map_err(malformed)
}

/// How much longer than a piece of status information a certificate must last for the
/// information to go into a file: room for a validator's clock tolerance (pyHanko's is a
/// second by default; anything up to an hour is common).
pub const STATUS_MARGIN: chrono::Duration = chrono::Duration::days(1);

/// Whether `good` status information about `cert_der` that is current until `next_update` may
/// go into a file: only while the certificate outlasts it by [`STATUS_MARGIN`]. Later, the
/// file's newest status for the certificate would postdate its end, and a validator judging
/// it in the past could not (see the module documentation). An unreadable certificate does
/// not outlast anything.
pub fn outlasts(cert_der: &[u8], next_update: DateTime<Utc>) -> bool {
    let Some(needed) = next_update.checked_add_signed(STATUS_MARGIN) else {
        return false;
    };
    certificate_not_after(cert_der).is_ok_and(|end| end > needed)
}

/// Whether a CRL of the CA `issuing_der` that is current until `next_update` may go into the
/// file whose signatures and timestamps are `material`: only while every certificate of that
/// CA in them [`outlasts`] it, since the list speaks for all of them.
pub fn issuing_crl_fits(
    material: &[SignatureMaterial],
    issuing_der: &[u8],
    next_update: DateTime<Utc>,
) -> bool {
    let issuing = [issuing_der.to_vec()];
    material
        .iter()
        .flat_map(|m| m.certs.iter().chain(m.timestamp_certs.iter()))
        .filter(|c| find_issuer(c, &issuing).is_some())
        .all(|c| outlasts(c, next_update))
}

/// When the newest timestamp of `pdf` (its last document timestamp, else the last signature's
/// timestamp) stops being verifiable: its authority certificate's notAfter. `None` when the
/// file has no timestamp.
pub fn last_timestamp_expiry(pdf: &[u8]) -> Result<Option<DateTime<Utc>>, PdfError> {
    let material = signature_material(pdf)?;
    let Some(last) = material.last() else {
        return Ok(None);
    };
    if last.document_timestamp {
        return Ok(last.signer_not_after);
    }
    // The signature timestamp's authority: the token's certificate that issued nothing else.
    let certs = &last.timestamp_certs;
    let leaf = certs.iter().find(|c| {
        !certs
            .iter()
            .any(|o| find_issuer(o, certs) == Some(c.as_slice()))
    });
    leaf.map(|c| certificate_not_after(c)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SignOptions, SignerIdentity, TrustStore, sign_pdf, timestamp_pdf};
    use chrono::TimeZone;

    fn pdf() -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
        doc.objects.insert(
            pages,
            Object::Dictionary(lopdf::dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn opts(now: DateTime<Utc>) -> SignOptions {
        SignOptions {
            signer_name: "Ana Silva".into(),
            reason: None,
            location: None,
            contact: None,
            signing_time: now,
            timestamp: true,
            form: Default::default(),
            visible: None,
        }
    }

    /// A published store, Ana's certificate from it and a file she signed, at a fixed time.
    fn signed_by_ana() -> (DateTime<Utc>, TrustStore, crate::SignerCredential, Vec<u8>) {
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let trust =
            TrustStore::generate_published("Acme", now, false, "https://s.example").unwrap();
        let cred = trust
            .issue_signer(
                &SignerIdentity {
                    name: "Ana Silva".into(),
                    ..Default::default()
                },
                now,
            )
            .unwrap();
        let signed = sign_pdf(&pdf(), &cred, &trust, &opts(now)).unwrap();
        (now, trust, cred, signed)
    }

    #[test]
    fn a_dss_revision_keeps_the_signature_and_merges_with_the_previous_one() {
        let (now, trust, cred, signed) = signed_by_ana();
        let m = signature_material(&signed).unwrap();
        assert_eq!(m.len(), 1);
        assert!(!m[0].document_timestamp);
        assert_eq!(m[0].certs.len(), 2, "signer and issuing CA");
        assert!(!m[0].timestamp_certs.is_empty());
        assert_eq!(m[0].signer_not_after, Some(cred.not_after()));
        let (ocsp, crl) = revocation_urls(&m[0].certs[0]).unwrap();
        assert_eq!(ocsp, vec!["https://s.example/v1/trust/ocsp".to_owned()]);
        assert_eq!(crl.len(), 1);
        assert_eq!(
            find_issuer(&m[0].certs[0], &m[0].certs),
            Some(trust.issuing_der().as_slice())
        );

        let crl_der = trust
            .crl(false, &[], now, std::time::Duration::from_secs(3600))
            .unwrap();
        let first = ValidationData {
            certs: m[0].certs.clone(),
            ocsps: vec![],
            crls: vec![crl_der.clone()],
        };
        let with_dss = add_dss(&signed, &[(m[0].vri_key.clone(), first.clone())]).unwrap();
        assert!(with_dss.starts_with(&signed));
        let dss = read_dss(&with_dss).unwrap().unwrap();
        assert_eq!(dss.data, first);
        assert_eq!(dss.vri[&m[0].vri_key], first);
        let report = crate::verify_pdf(&with_dss, &[trust.root_pem()]).unwrap();
        assert_eq!(report.signatures[0].detected_level, "PAdES-B-LT");
        assert_eq!(
            report.signatures[0].indication,
            crate::Indication::TotalPassed
        );

        // A document timestamp, then a second DSS revision: the first material stays, each
        // object once, and the timestamp's own entry is added.
        let stamped = timestamp_pdf(&with_dss, &trust, now).unwrap();
        let m2 = signature_material(&stamped).unwrap();
        assert_eq!(m2.len(), 2);
        assert!(m2[1].document_timestamp);
        assert_eq!(m2[0].vri_key, m[0].vri_key);
        let second = ValidationData {
            certs: m2[1].certs.clone(),
            ocsps: vec![],
            crls: vec![crl_der],
        };
        let again = add_dss(&stamped, &[(m2[1].vri_key.clone(), second.clone())]).unwrap();
        let dss = read_dss(&again).unwrap().unwrap();
        assert_eq!(dss.vri[&m[0].vri_key], first);
        assert_eq!(dss.vri[&m2[1].vri_key], second);
        let mut all = first.clone();
        all.merge(second);
        assert_eq!(dss.data, all, "each object once");
        let report = crate::verify_pdf(&again, &[trust.root_pem()]).unwrap();
        assert_eq!(report.signatures[0].detected_level, "PAdES-B-LTA");
        for s in &report.signatures {
            assert_eq!(s.indication, crate::Indication::TotalPassed, "{s:?}");
        }
        assert_eq!(
            last_timestamp_expiry(&again).unwrap(),
            Some(certificate_not_after(&trust.tsa.to_der().unwrap()).unwrap())
        );
    }

    #[test]
    fn status_goes_into_a_file_only_while_its_certificates_outlast_it() {
        let (now, trust, cred, signed) = signed_by_ana();
        let material = signature_material(&signed).unwrap();
        let issuing = trust.issuing_der();
        let signer = cred.certificate_der().unwrap();
        let end = cred.not_after();
        let week = chrono::Duration::days(7);

        assert!(outlasts(&signer, now + week));
        assert!(outlasts(
            &signer,
            end - STATUS_MARGIN - chrono::Duration::seconds(1)
        ));
        assert!(!outlasts(&signer, end - STATUS_MARGIN));
        assert!(!outlasts(&signer, end + week), "made after the end");
        assert!(!outlasts(b"not a certificate", now));
        assert!(!outlasts(&signer, DateTime::<Utc>::MAX_UTC));

        // The CRL speaks for the signer's and the authority's certificates at once.
        assert!(issuing_crl_fits(&material, &issuing, now + week));
        assert!(!issuing_crl_fits(&material, &issuing, end));
        // Only the certificates of the CA whose list it is count: the root's waits for the
        // intermediate alone.
        assert!(issuing_crl_fits(&material, &trust.root_der(), end));
    }
}
