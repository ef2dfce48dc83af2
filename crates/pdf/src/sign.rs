//! PAdES baseline signatures (B-B, B-T) and document timestamps as incremental updates.

use std::io::Write;

use chrono::{DateTime, Utc};
use cms::content_info::ContentInfo;
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;

use crate::asn1::*;
use crate::ca::{SignerCredential, TrustStore};
use crate::cmsbuild::{self, SignRequest, TokenRequest};
use crate::error::PdfError;
use crate::form::{self, FormFill};
use crate::intake::Limits;
use crate::pdfwrite::{self, BYTE_RANGE_PLACEHOLDER, Placeholder, Update, text_string};

/// Bytes reserved for the CMS in /Contents. A P-256 B-T signature with a two-certificate chain
/// and a timestamp token with its own chain is about 3.5 KB.
const RESERVED: usize = 8192;

/// The name written into /Prop_Build so that a verifier can tell Signet wrote the signature.
pub(crate) const SIGNET_APP: &[u8] = b"Signet";

/// What goes into one signature besides the key.
#[derive(Clone, Debug)]
pub struct SignOptions {
    /// The person signing; written in /Name (for `simple`, the seal certificate names Signet).
    pub signer_name: String,
    /// Why the document is signed (/Reason).
    pub reason: Option<String>,
    /// Where (/Location).
    pub location: Option<String>,
    /// How to reach the signer (/ContactInfo).
    pub contact: Option<String>,
    /// The claimed signing time. PAdES forbids the CMS signing-time attribute, so it goes in
    /// /M; with a timestamp, the token's time is the one that counts.
    pub signing_time: DateTime<Utc>,
    /// B-T (with a signature timestamp) when true, B-B when false.
    pub timestamp: bool,
    /// A visible signature block on the last page; `None` signs invisibly.
    pub visible: Option<VisibleBlock>,
    /// The form fields this revision fills, and the field the signature goes in.
    pub form: FormFill,
}

/// Lines of text drawn in a framed box at the bottom of the last page, e.g. the signer's name,
/// the time and the level. Successive signatures stack their boxes so none covers another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisibleBlock {
    /// The lines, top to bottom. Drawn in Helvetica with WinAnsi encoding: characters outside
    /// it show as `?`, and long lines are shortened to fit.
    pub lines: Vec<String>,
}

/// What a document looks like to the acceptance check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfInfo {
    /// Number of pages.
    pub pages: usize,
    /// The header's version, e.g. "1.7".
    pub version: String,
    /// Signature fields that already carry a signature.
    pub signatures: usize,
    /// Whether the latest cross-reference section is a stream (PDF 1.5+).
    pub xref_stream: bool,
}

/// The acceptance check before a document is taken in: a parseable PDF, not encrypted (it
/// could not be signed incrementally), at most `max_bytes`, with at least one page, within the
/// default [`Limits`] of intake.
pub fn check_pdf(input: &[u8], max_bytes: usize) -> Result<PdfInfo, PdfError> {
    check_pdf_with(input, max_bytes, &Limits::default())
}

/// [`check_pdf`] with the given limits of intake: the raw bytes are scanned
/// ([`crate::scan`]) before the parser sees them, and the page count is checked after.
pub fn check_pdf_with(
    input: &[u8],
    max_bytes: usize,
    limits: &Limits,
) -> Result<PdfInfo, PdfError> {
    if input.len() > max_bytes {
        return Err(PdfError::TooLarge {
            size: input.len(),
            limit: max_bytes,
        });
    }
    crate::intake::scan(input, limits)?;
    let doc = pdfwrite::load_structure(input)?;
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(PdfError::Malformed("the document has no pages".into()));
    }
    if pages > limits.max_pages {
        return Err(PdfError::OverLimit(format!(
            "{pages} pages, more than {}",
            limits.max_pages
        )));
    }
    Ok(PdfInfo {
        pages,
        version: doc.version.clone(),
        signatures: signature_fields(&doc)
            .iter()
            .filter(|f| f.value.is_some())
            .count(),
        xref_stream: matches!(
            doc.reference_table.cross_reference_type,
            lopdf::xref::XrefType::CrossReferenceStream
        ),
    })
}

pub(crate) struct SigField {
    pub name: String,
    pub value: Option<ObjectId>,
}

/// Every signature field reachable from the AcroForm, with its full name.
pub(crate) fn signature_fields(doc: &Document) -> Vec<SigField> {
    let mut out = Vec::new();
    let Ok(catalog) = doc.catalog() else {
        return out;
    };
    let Ok(form) = catalog
        .get(b"AcroForm")
        .and_then(|o| doc.dereference(o))
        .map(|(_, o)| o)
    else {
        return out;
    };
    let Ok(form) = form.as_dict() else { return out };
    let Ok(fields) = form
        .get(b"Fields")
        .and_then(|o| doc.dereference(o))
        .map(|(_, o)| o)
    else {
        return out;
    };
    let Ok(fields) = fields.as_array() else {
        return out;
    };
    let mut stack: Vec<(Object, String, u32)> = fields
        .iter()
        .rev()
        .map(|f| (f.clone(), String::new(), 0))
        .collect();
    let mut seen = std::collections::HashSet::new();
    while let Some((field, prefix, depth)) = stack.pop() {
        if depth > 32 {
            continue;
        }
        let Ok((id, obj)) = doc.dereference(&field) else {
            continue;
        };
        if let Some(id) = id
            && !seen.insert(id)
        {
            continue;
        }
        let Ok(dict) = obj.as_dict() else { continue };
        let partial = dict
            .get(b"T")
            .ok()
            .and_then(|t| t.as_str().ok())
            .map(pdfwrite::decode_text)
            .unwrap_or_default();
        let name = match (prefix.is_empty(), partial.is_empty()) {
            (true, _) => partial,
            (false, true) => prefix.clone(),
            (false, false) => format!("{prefix}.{partial}"),
        };
        if let Ok(kids) = dict
            .get(b"Kids")
            .and_then(|k| doc.dereference(k))
            .map(|(_, o)| o)
            && let Ok(kids) = kids.as_array()
            && kids.iter().any(|k| {
                doc.dereference(k)
                    .ok()
                    .and_then(|(_, o)| o.as_dict().ok())
                    .is_some_and(|d| d.has(b"T"))
            })
        {
            for kid in kids.iter().rev() {
                stack.push((kid.clone(), name.clone(), depth + 1));
            }
            continue;
        }
        let is_sig = dict.get(b"FT").ok().and_then(|o| o.as_name().ok()) == Some(b"Sig".as_slice());
        if is_sig {
            let value = dict.get(b"V").ok().and_then(|v| v.as_reference().ok());
            out.push(SigField { name, value });
        }
    }
    out
}

/// The page's MediaBox, inherited through the page tree if need be; A4 when absent.
fn media_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let mut id = Some(page_id);
    for _ in 0..16 {
        let Some(current) = id else { break };
        let Ok(dict) = doc.get_dictionary(current) else {
            break;
        };
        if let Ok(mb) = dict
            .get(b"MediaBox")
            .and_then(|o| doc.dereference(o))
            .map(|(_, o)| o)
            && let Ok(arr) = mb.as_array()
        {
            let v: Vec<f32> = arr.iter().filter_map(|o| o.as_float().ok()).collect();
            if let [x0, y0, x1, y1] = v[..] {
                return [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
            }
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    [0.0, 0.0, 595.0, 842.0]
}

/// WinAnsi bytes for a PDF string in a content stream, escaped.
fn win_ansi(line: &str, max_chars: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, ch) in line.chars().enumerate() {
        if i == max_chars {
            out.extend_from_slice(b"...");
            break;
        }
        let b = match ch as u32 {
            0x20..=0x7e | 0xa0..=0xff => ch as u32 as u8,
            _ => b'?',
        };
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

const BLOCK_FONT: f32 = 8.0;
const BLOCK_LEADING: f32 = 10.5;

/// The widget rectangle and its appearance: a light box with the lines in Helvetica. Boxes of
/// successive signatures (`index`) go side by side, then upwards, from the bottom-left corner.
fn appearance(
    block: &VisibleBlock,
    media: [f32; 4],
    index: usize,
    picture: Option<(ObjectId, (u32, u32))>,
) -> ([f32; 4], lopdf::Stream) {
    let [x0, y0, x1, _] = media;
    let page_w = x1 - x0;
    let w = (page_w - 72.0).clamp(80.0, 250.0);
    let h = BLOCK_LEADING * block.lines.len() as f32 + 10.0;
    let per_row = (((page_w - 72.0 + 10.0) / (w + 10.0)).floor() as usize).max(1);
    let x = x0 + 36.0 + (index % per_row) as f32 * (w + 10.0);
    let y = y0 + 36.0 + (index / per_row) as f32 * (h + 8.0);
    // A picture (the signer's drawn, typed or uploaded signature) takes the box's left part,
    // its proportions kept; the lines move right of it.
    let picture_w = picture.map_or(0.0, |(_, (pw, ph))| {
        let scale = (h - 6.0) / ph.max(1) as f32;
        (pw as f32 * scale).min(w * 0.45)
    });
    let text_x = 5.0
        + if picture.is_some() {
            picture_w + 4.0
        } else {
            0.0
        };
    let max_chars = ((w - text_x - 5.0) / (BLOCK_FONT * 0.5)) as usize;
    let mut c = Vec::new();
    let _ = writeln!(
        c,
        "q 0.95 0.96 0.99 rg 0 0 {w:.1} {h:.1} re f 0.25 0.3 0.55 RG 0.8 w 0.4 0.4 {:.1} {:.1} re S Q",
        w - 0.8,
        h - 0.8
    );
    if let Some((_, (pw, ph))) = picture {
        let scale = (picture_w / pw.max(1) as f32).min((h - 6.0) / ph.max(1) as f32);
        let (dw, dh) = (pw as f32 * scale, ph as f32 * scale);
        let _ = writeln!(
            c,
            "q {dw:.3} 0 0 {dh:.3} 3 {:.3} cm /Img Do Q",
            (h - dh) / 2.0
        );
    }
    let _ = writeln!(
        c,
        "BT /Helv {BLOCK_FONT} Tf 0.1 0.1 0.1 rg {BLOCK_LEADING} TL {text_x:.1} {:.1} Td",
        h - 5.0 - BLOCK_FONT
    );
    for (i, line) in block.lines.iter().enumerate() {
        if i > 0 {
            c.extend_from_slice(b"T* ");
        }
        c.push(b'(');
        c.extend_from_slice(&win_ansi(line, max_chars));
        c.extend_from_slice(b") Tj\n");
    }
    c.extend_from_slice(b"ET\n");
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let mut fonts = Dictionary::new();
    fonts.set("Helv", Object::Dictionary(font));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    if let Some((image, _)) = picture {
        let mut xobjects = Dictionary::new();
        xobjects.set("Img", Object::Reference(image));
        resources.set("XObject", Object::Dictionary(xobjects));
    }
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set(
        "BBox",
        Object::Array(vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)]),
    );
    dict.set("Resources", Object::Dictionary(resources));
    ([x, y, x + w, y + h], lopdf::Stream::new(dict, c))
}

fn pdf_date(t: DateTime<Utc>) -> Object {
    Object::String(
        t.format("D:%Y%m%d%H%M%S+00'00'").to_string().into_bytes(),
        StringFormat::Literal,
    )
}

/// Adds a signature field pointing at `sig_id` to the last page and the AcroForm, visible
/// when `visible` is given.
fn add_field(
    update: &mut Update<'_>,
    sig_id: ObjectId,
    prefix: &str,
    visible: Option<&VisibleBlock>,
    picture: Option<&[u8]>,
) -> Result<(), PdfError> {
    let doc = update.doc;
    let pages = doc.get_pages();
    let (_, &page_id) = pages
        .iter()
        .next_back()
        .ok_or_else(|| PdfError::Malformed("the document has no pages".into()))?;
    let existing: Vec<String> = signature_fields(doc).into_iter().map(|f| f.name).collect();
    let mut n = existing.len() + 1;
    let mut field_name = format!("{prefix}{n}");
    while existing.contains(&field_name) {
        n += 1;
        field_name = format!("{prefix}{n}");
    }
    let widget_id = update.reserve_id();
    let mut widget = Dictionary::new();
    widget.set("Type", Object::Name(b"Annot".to_vec()));
    widget.set("Subtype", Object::Name(b"Widget".to_vec()));
    widget.set("FT", Object::Name(b"Sig".to_vec()));
    widget.set("T", text_string(&field_name));
    widget.set("V", Object::Reference(sig_id));
    // Print + Locked: shown when printed, not edited by viewers.
    widget.set("F", Object::Integer(132));
    let default_block;
    let visible = match (visible, picture) {
        (Some(block), _) if !block.lines.is_empty() => Some(block),
        // A picture alone still needs a box of the usual size to sit in.
        (_, Some(_)) => {
            default_block = VisibleBlock {
                lines: vec![String::new(); 3],
            };
            Some(&default_block)
        }
        _ => None,
    };
    let rect = match visible {
        Some(block) => {
            let media = media_box(doc, page_id);
            let picture = match picture {
                Some(bytes) => Some(form::picture_object(update, bytes)?),
                None => None,
            };
            let (rect, appearance) = appearance(block, media, n - 1, picture);
            let ap_id = update.reserve_id();
            update.set(ap_id, Object::Stream(appearance));
            let mut ap = Dictionary::new();
            ap.set("N", Object::Reference(ap_id));
            widget.set("AP", Object::Dictionary(ap));
            rect
        }
        _ => [0.0; 4],
    };
    widget.set(
        "Rect",
        Object::Array(rect.iter().map(|&v| Object::Real(v)).collect()),
    );
    widget.set("P", Object::Reference(page_id));
    update.set(widget_id, Object::Dictionary(widget));
    form::add_annotations(update, page_id, &[widget_id])?;
    form::add_to_acroform(update, &[widget_id], true, None)
}

/// Fills in the ByteRange and hashes the two signed ranges: the digest the CMS must cover.
fn place_and_digest(
    mut out: Vec<u8>,
    place: &Placeholder,
    too_big: impl Fn(String) -> PdfError,
) -> Result<(Vec<u8>, [u8; 32]), PdfError> {
    let range = format!(
        "[0 {} {} {}]",
        place.contents_start,
        place.contents_end,
        out.len() - place.contents_end
    );
    if range.len() > BYTE_RANGE_PLACEHOLDER.len() {
        return Err(too_big(
            "the file is too large for the ByteRange placeholder".into(),
        ));
    }
    let at = place.byte_range_at;
    let slot = &mut out[at..at + BYTE_RANGE_PLACEHOLDER.len()];
    slot.fill(b' ');
    slot[..range.len()].copy_from_slice(range.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..place.contents_start]);
    hasher.update(&out[place.contents_end..]);
    Ok((out, hasher.finalize().into()))
}

/// Writes the CMS DER, as hex, over the zeros of /Contents.
fn write_contents(
    mut out: Vec<u8>,
    place: &Placeholder,
    cms: &[u8],
    too_big: impl Fn(String) -> PdfError,
) -> Result<Vec<u8>, PdfError> {
    let (start, end) = (place.contents_start, place.contents_end);
    let hex_len = 2 * cms.len();
    if hex_len > end - start - 2 {
        return Err(too_big(format!(
            "the CMS ({} bytes) does not fit the {} reserved",
            cms.len(),
            (end - start - 2) / 2
        )));
    }
    let hex = hex::encode_upper(cms);
    out[start + 1..start + 1 + hex_len].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// Fills in the ByteRange, hashes the two signed ranges and hands the digest to `make_cms`,
/// whose DER is written over the zeros of /Contents.
#[cfg(test)]
fn finish(
    out: Vec<u8>,
    place: Placeholder,
    make_cms: impl FnOnce([u8; 32]) -> Result<Vec<u8>, PdfError>,
    too_big: impl Fn(String) -> PdfError,
) -> Result<Vec<u8>, PdfError> {
    let (out, digest) = place_and_digest(out, &place, &too_big)?;
    let cms = make_cms(digest)?;
    write_contents(out, &place, &cms, too_big)
}

/// The unsigned attribute that carries a signature timestamp token.
fn signature_timestamp_attribute(token: &ContentInfo) -> Result<Attribute, String> {
    let mut values = SetOfVec::new();
    values
        .insert(Any::encode_from(token).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    Ok(Attribute {
        oid: ID_AA_SIGNATURE_TIME_STAMP_TOKEN,
        values,
    })
}

/// A signature or document timestamp whose revision is written and hashed but whose
/// /Contents is still empty, waiting for a timestamp token. Splitting here lets the token
/// come from anywhere (Signet's own authority, or an external one over the network) without
/// holding the file's hashing work while the network answers.
pub struct PreparedSignature {
    out: Vec<u8>,
    place: Placeholder,
    input_len: usize,
    kind: Prepared,
}

enum Prepared {
    /// A signer's CMS, signed; the timestamp token over its signature value goes in as an
    /// unsigned attribute (B-T), or nothing does (B-B).
    Signature {
        signed_data: Box<cms::signed_data::SignedData>,
        timestamp: bool,
    },
    /// A document timestamp: the token itself is the CMS, over the file's digest.
    DocumentTimestamp { digest: [u8; 32] },
}

impl std::fmt::Debug for PreparedSignature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedSignature")
            .field("bytes", &self.out.len())
            .field("imprint", &self.timestamp_imprint().map(hex::encode))
            .finish()
    }
}

impl PreparedSignature {
    /// The SHA-256 message imprint the timestamp token must carry: the hash of the signature
    /// value, or of the signed ranges for a document timestamp. `None` when no token is
    /// wanted (PAdES B-B).
    pub fn timestamp_imprint(&self) -> Option<[u8; 32]> {
        match &self.kind {
            Prepared::Signature {
                signed_data,
                timestamp: true,
            } => signed_data
                .signer_infos
                .0
                .iter()
                .next()
                .map(|si| Sha256::digest(si.signature.as_bytes()).into()),
            Prepared::Signature { .. } => None,
            Prepared::DocumentTimestamp { digest } => Some(*digest),
        }
    }

    /// Whether this is a document timestamp (its failures are 6007, a signature's 6006).
    pub fn is_document_timestamp(&self) -> bool {
        matches!(self.kind, Prepared::DocumentTimestamp { .. })
    }

    /// Embeds `token` (a DER TimeStampToken over [`Self::timestamp_imprint`]) and returns the
    /// finished file, which starts with exactly the input.
    pub fn complete(self, token: Option<&[u8]>) -> Result<Vec<u8>, PdfError> {
        let PreparedSignature {
            out,
            place,
            input_len,
            kind,
        } = self;
        let out = match kind {
            Prepared::Signature {
                signed_data,
                timestamp,
            } => {
                let mut sd = *signed_data;
                match (timestamp, token) {
                    (true, Some(token)) => {
                        let token = ContentInfo::from_der(token)
                            .map_err(|e| PdfError::Timestamp(format!("token: {e}")))?;
                        let attr =
                            signature_timestamp_attribute(&token).map_err(PdfError::Timestamp)?;
                        let mut infos: Vec<cms::signed_data::SignerInfo> =
                            sd.signer_infos.0.into_vec();
                        let mut set = SetOfVec::new();
                        set.insert(attr)
                            .map_err(|e| PdfError::Timestamp(e.to_string()))?;
                        if let Some(si) = infos.first_mut() {
                            si.unsigned_attrs = Some(set);
                        }
                        sd.signer_infos = cms::signed_data::SignerInfos::try_from(infos)
                            .map_err(|e| PdfError::Signing(e.to_string()))?;
                    }
                    (true, None) => {
                        return Err(PdfError::Timestamp("no timestamp token".into()));
                    }
                    (false, _) => {}
                }
                let cms = cmsbuild::content_info(&sd)
                    .and_then(|ci| ci.to_der().map_err(|e| e.to_string()))
                    .map_err(PdfError::Signing)?;
                write_contents(out, &place, &cms, PdfError::Signing)?
            }
            Prepared::DocumentTimestamp { .. } => {
                let token = token
                    .ok_or_else(|| PdfError::DocumentTimestamp("no timestamp token".into()))?;
                // Only a well-formed token is written: the bytes become the whole CMS.
                let ci = ContentInfo::from_der(token)
                    .map_err(|e| PdfError::DocumentTimestamp(format!("token: {e}")))?;
                let der = ci
                    .to_der()
                    .map_err(|e| PdfError::DocumentTimestamp(e.to_string()))?;
                write_contents(out, &place, &der, PdfError::DocumentTimestamp)?
            }
        };
        if out.len() < input_len {
            return Err(PdfError::Signing("output does not extend the input".into()));
        }
        Ok(out)
    }
}

/// Signs `input` as a new incremental revision: PAdES baseline B-T (or B-B without
/// timestamp), detached CMS, `ETSI.CAdES.detached`, signing-certificate-v2, no signing-time
/// attribute, the claimed time in /M. Earlier signatures stay valid because earlier bytes are
/// never touched; the output starts with exactly the input. The timestamp comes from `trust`'s
/// own authority; [`prepare_signature`] lets it come from elsewhere.
pub fn sign_pdf(
    input: &[u8],
    cred: &SignerCredential,
    trust: &TrustStore,
    opts: &SignOptions,
) -> Result<Vec<u8>, PdfError> {
    let prepared = prepare_signature(input, cred, opts)?;
    let token = match prepared.timestamp_imprint() {
        Some(imprint) => Some(
            trust
                .timestamp_token(&imprint, opts.signing_time)
                .map_err(|e| PdfError::Timestamp(format!("timestamp: {e}")))?,
        ),
        None => None,
    };
    let out = prepared.complete(token.as_deref())?;
    if !out.starts_with(input) {
        return Err(PdfError::Signing("output does not extend the input".into()));
    }
    Ok(out)
}

/// The first half of [`sign_pdf`]: the revision written and signed, waiting for the token
/// over [`PreparedSignature::timestamp_imprint`] (when `opts.timestamp`).
pub fn prepare_signature(
    input: &[u8],
    cred: &SignerCredential,
    opts: &SignOptions,
) -> Result<PreparedSignature, PdfError> {
    PreparedSignature::signature(owned_copy(input, RESERVED), cred, opts)
}

/// `input` copied into a buffer with room for a revision reserving `reserved` bytes of CMS.
fn owned_copy(input: &[u8], reserved: usize) -> Vec<u8> {
    let mut owned = Vec::with_capacity(input.len() + 2 * reserved + 16 * 1024);
    owned.extend_from_slice(input);
    owned
}

impl PreparedSignature {
    /// [`prepare_signature`] on a file the caller gives up: the revision is appended to
    /// `input` itself, so a large file is held once, not once as input and once as output.
    pub fn signature(
        input: Vec<u8>,
        cred: &SignerCredential,
        opts: &SignOptions,
    ) -> Result<PreparedSignature, PdfError> {
        prepare_owned(input, cred, opts)
    }

    /// [`prepare_document_timestamp`] on a file the caller gives up: the revision is appended
    /// to `input` itself, so a large file is held once.
    pub fn document_timestamp(input: Vec<u8>) -> Result<PreparedSignature, PdfError> {
        document_timestamp_owned(input)
    }
}

fn prepare_owned(
    input: Vec<u8>,
    cred: &SignerCredential,
    opts: &SignOptions,
) -> Result<PreparedSignature, PdfError> {
    let input_len = input.len();
    let (out, place, digest) = write_signature_revision(input, opts, RESERVED)?;
    let sd = cmsbuild::build_signed_data(
        &SignRequest {
            content_type: ID_DATA,
            econtent: None,
            digest,
            key: &cred.key,
            cert: &cred.cert,
            chain: &cred.chain,
        },
        |_| Ok(None),
    )
    .map_err(PdfError::Signing)?;
    Ok(PreparedSignature {
        out,
        place,
        input_len,
        kind: Prepared::Signature {
            signed_data: Box::new(sd),
            timestamp: opts.timestamp,
        },
    })
}

/// Appends the signature's revision (its /Sig dictionary with `reserved` bytes for the CMS,
/// its field and widget) to `input`, in place, and hashes the signed byte ranges.
fn write_signature_revision(
    input: Vec<u8>,
    opts: &SignOptions,
    reserved: usize,
) -> Result<(Vec<u8>, Placeholder, [u8; 32]), PdfError> {
    let doc = pdfwrite::load_structure(&input)?;
    if certified_without_changes(&doc) {
        return Err(PdfError::Signing(
            "the document is certified with no changes allowed (DocMDP P=1); another \
             signature would invalidate the certification"
                .into(),
        ));
    }
    let mut update = Update::new(&doc);
    let sig_id = update.reserve_id();
    let mut sig = Dictionary::new();
    sig.set("Type", Object::Name(b"Sig".to_vec()));
    sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    sig.set("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec()));
    sig.set("M", pdf_date(opts.signing_time));
    sig.set("Name", text_string(&opts.signer_name));
    if let Some(r) = &opts.reason {
        sig.set("Reason", text_string(r));
    }
    if let Some(l) = &opts.location {
        sig.set("Location", text_string(l));
    }
    if let Some(c) = &opts.contact {
        sig.set("ContactInfo", text_string(c));
    }
    sig.set("Prop_Build", prop_build());
    update.set_signature(sig_id, sig, reserved);
    // The form is walked once for the signature field and the values alike.
    let fields = if opts.form.signature_field.is_some() || !opts.form.values.is_empty() {
        form::form_fields(&doc)
    } else {
        std::collections::HashMap::new()
    };
    match &opts.form.signature_field {
        // The author placed this signer's signature: it goes in that field, drawn to its size.
        Some(name) => {
            let lines = opts.visible.as_ref().map_or(&[][..], |v| &v.lines[..]);
            form::fill_signature_field(
                &mut update,
                &fields,
                name,
                sig_id,
                lines,
                opts.form.signature_picture.as_deref(),
            )?;
        }
        None => add_field(
            &mut update,
            sig_id,
            "Signature",
            opts.visible.as_ref(),
            opts.form.signature_picture.as_deref(),
        )?,
    }
    // The signer's values go in the same revision, which their signature covers.
    form::fill_values(&mut update, &fields, &opts.form)?;
    let (out, place) = update.append_to(input)?;
    let place = place.ok_or_else(|| PdfError::Signing("no signature placeholder".into()))?;
    let (out, digest) = place_and_digest(out, &place, PdfError::Signing)?;
    Ok((out, place, digest))
}

/// How a remote signing service (a QTSP through the Cloud Signature Consortium API) signs
/// the hash of the signed attributes: always over SHA-256.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoteAlgorithm {
    /// ECDSA with SHA-256 (P-256 keys).
    EcdsaSha256,
    /// RSA PKCS#1 v1.5 with SHA-256.
    RsaPkcs1Sha256,
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    RsaPssSha256,
}

/// RSASSA-PSS-params (RFC 4055): SHA-256, MGF1 with SHA-256, salt length 32, trailer 1.
const PSS_SHA256_PARAMS: &[u8] = &[
    0x30, 0x34, 0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
    0x01, 0x05, 0x00, 0xa1, 0x1c, 0x30, 0x1a, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01,
    0x01, 0x08, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0xa2, 0x03, 0x02, 0x01, 0x20,
];

const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";

impl RemoteAlgorithm {
    /// The hash algorithm's OID, as CSC's `hashAlgorithmOID`.
    pub const HASH_OID: &'static str = "2.16.840.1.101.3.4.2.1";

    /// The signature algorithm's OID, as CSC's `signAlgo` and in the signer info.
    pub fn oid(self) -> &'static str {
        match self {
            RemoteAlgorithm::EcdsaSha256 => "1.2.840.10045.4.3.2",
            RemoteAlgorithm::RsaPkcs1Sha256 => "1.2.840.113549.1.1.11",
            RemoteAlgorithm::RsaPssSha256 => RSASSA_PSS,
        }
    }

    /// The algorithm's parameters in DER (CSC's `signAlgoParams`, base64): PSS only.
    pub fn params_der(self) -> Option<&'static [u8]> {
        match self {
            RemoteAlgorithm::RsaPssSha256 => Some(PSS_SHA256_PARAMS),
            _ => None,
        }
    }

    /// The algorithm for the key of `cert_der`: ECDSA for a P-256 key, PKCS#1 v1.5 for an RSA
    /// key unless the service offers only PSS for it (`pss_only`), PSS for an RSASSA-PSS key.
    /// Other keys (P-384, Ed25519, …) are refused.
    pub fn for_certificate(cert_der: &[u8], pss_only: bool) -> Result<RemoteAlgorithm, PdfError> {
        let cert = x509_cert::Certificate::from_der(cert_der)
            .map_err(|e| PdfError::Certificate(format!("the signer's certificate: {e}")))?;
        let spki = cert.tbs_certificate().subject_public_key_info();
        match spki.algorithm.oid {
            ID_EC_PUBLIC_KEY => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok());
                if curve == Some(SECP256R1) {
                    Ok(RemoteAlgorithm::EcdsaSha256)
                } else {
                    Err(PdfError::Certificate(
                        "the signer's EC key is not on P-256".into(),
                    ))
                }
            }
            RSA_ENCRYPTION if pss_only => Ok(RemoteAlgorithm::RsaPssSha256),
            RSA_ENCRYPTION => Ok(RemoteAlgorithm::RsaPkcs1Sha256),
            oid if oid.to_string() == RSASSA_PSS => Ok(RemoteAlgorithm::RsaPssSha256),
            oid => Err(PdfError::Certificate(format!(
                "the signer's key algorithm {oid} is not supported"
            ))),
        }
    }

    fn identifier(self) -> Result<spki::AlgorithmIdentifierOwned, PdfError> {
        let oid = der::asn1::ObjectIdentifier::new(self.oid())
            .map_err(|e| PdfError::Signing(e.to_string()))?;
        let parameters = match self.params_der() {
            Some(der) => Some(Any::from_der(der).map_err(|e| PdfError::Signing(e.to_string()))?),
            None => None,
        };
        Ok(spki::AlgorithmIdentifierOwned { oid, parameters })
    }
}

/// A signature whose revision is written and whose signed attributes are fixed, waiting for
/// a signature value made elsewhere: a QTSP's `signatures/signHash` over
/// [`RemoteSignature::hash_to_sign`]. [`RemoteSignature::complete_signature`] checks the value
/// against the certificate and gives the [`PreparedSignature`] that waits for its timestamp.
pub struct RemoteSignature {
    out: Vec<u8>,
    place: Placeholder,
    input_len: usize,
    attrs: SetOfVec<Attribute>,
    attrs_der: Vec<u8>,
    cert: x509_cert::Certificate,
    chain: Vec<x509_cert::Certificate>,
    algorithm: RemoteAlgorithm,
    timestamp: bool,
}

impl std::fmt::Debug for RemoteSignature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteSignature")
            .field("bytes", &self.out.len())
            .field("hash_to_sign", &hex::encode(self.hash_to_sign()))
            .field("algorithm", &self.algorithm)
            .finish()
    }
}

/// Writes `input`'s next revision for a signer whose key is elsewhere: `chain_der` is the
/// signer's certificate and then its issuers (as CSC's `credentials/info` lists them, DER),
/// `algorithm` how the service will sign. The CMS signed attributes (content type, message
/// digest of the byte ranges, signing-certificate-v2 of the signer's certificate) are fixed
/// here; the room for the CMS grows with the chain.
pub fn prepare_remote_signature(
    input: &[u8],
    chain_der: &[Vec<u8>],
    algorithm: RemoteAlgorithm,
    opts: &SignOptions,
) -> Result<RemoteSignature, PdfError> {
    let chain_bytes: usize = chain_der.iter().map(Vec::len).sum();
    let input = owned_copy(input, RESERVED + chain_bytes + 1024);
    RemoteSignature::prepare(input, chain_der, algorithm, opts)
}

impl RemoteSignature {
    /// [`prepare_remote_signature`] on a file the caller gives up: the revision is appended
    /// to `input` itself, so a large file is held once.
    pub fn prepare(
        input: Vec<u8>,
        chain_der: &[Vec<u8>],
        algorithm: RemoteAlgorithm,
        opts: &SignOptions,
    ) -> Result<RemoteSignature, PdfError> {
        remote_owned(input, chain_der, algorithm, opts)
    }
}

fn remote_owned(
    input: Vec<u8>,
    chain_der: &[Vec<u8>],
    algorithm: RemoteAlgorithm,
    opts: &SignOptions,
) -> Result<RemoteSignature, PdfError> {
    let input_len = input.len();
    let mut certs = Vec::with_capacity(chain_der.len());
    for (i, der) in chain_der.iter().enumerate() {
        certs
            .push(x509_cert::Certificate::from_der(der).map_err(|e| {
                PdfError::Certificate(format!("certificate {i} of the chain: {e}"))
            })?);
    }
    if certs.is_empty() {
        return Err(PdfError::Certificate(
            "the credential has no certificate".into(),
        ));
    }
    let cert = certs.remove(0);
    if RemoteAlgorithm::for_certificate(&chain_der[0], algorithm == RemoteAlgorithm::RsaPssSha256)?
        != algorithm
    {
        return Err(PdfError::Certificate(format!(
            "{algorithm:?} does not fit the signer's key"
        )));
    }
    let chain_bytes: usize = chain_der.iter().map(Vec::len).sum();
    // Room for the chain, a signature value of up to 4096-bit RSA and a timestamp token with
    // a chain of its own, beside what a Signet signature needs.
    let reserved = RESERVED + chain_bytes + 1024;
    let (out, place, digest) = write_signature_revision(input, opts, reserved)?;
    let attrs = cmsbuild::signed_attributes(ID_DATA, &digest, &cert).map_err(PdfError::Signing)?;
    let attrs_der = attrs
        .to_der()
        .map_err(|e| PdfError::Signing(e.to_string()))?;
    Ok(RemoteSignature {
        out,
        place,
        input_len,
        attrs,
        attrs_der,
        cert,
        chain: certs,
        algorithm,
        timestamp: opts.timestamp,
    })
}

impl RemoteSignature {
    /// SHA-256 of the DER signed attributes: what the service signs (CSC's `hashes`).
    pub fn hash_to_sign(&self) -> [u8; 32] {
        Sha256::digest(&self.attrs_der).into()
    }

    /// The DER of the signed attributes (a SET OF Attribute) whose hash is signed.
    pub fn signed_attributes_der(&self) -> &[u8] {
        &self.attrs_der
    }

    /// The algorithm the service is to sign with.
    pub fn algorithm(&self) -> RemoteAlgorithm {
        self.algorithm
    }

    /// The signer's certificate subject as an RFC 4514 string.
    pub fn subject(&self) -> String {
        self.cert.tbs_certificate().subject().to_string()
    }

    /// Puts the service's `signature_value` into the signer info. An ECDSA value may come as
    /// DER or as the raw r‖s pair; either way it must verify over the signed attributes with
    /// the certificate's key, or it is refused (a signature the service made with another
    /// key, or over another hash, would make a file no validator accepts).
    pub fn complete_signature(self, signature_value: &[u8]) -> Result<PreparedSignature, PdfError> {
        let hash = self.hash_to_sign();
        let value = check_remote_signature(&self.cert, self.algorithm, &hash, signature_value)?;
        let sd = cmsbuild::assemble_signed_data(cmsbuild::Assemble {
            content_type: ID_DATA,
            econtent: None,
            attrs: self.attrs,
            signature: value,
            signature_algorithm: self.algorithm.identifier()?,
            unsigned: None,
            cert: &self.cert,
            chain: &self.chain,
        })
        .map_err(PdfError::Signing)?;
        Ok(PreparedSignature {
            out: self.out,
            place: self.place,
            input_len: self.input_len,
            kind: Prepared::Signature {
                signed_data: Box::new(sd),
                timestamp: self.timestamp,
            },
        })
    }
}

/// Checks `value` over `hash` with `cert`'s key; the value as it goes into the CMS (DER for
/// ECDSA).
fn check_remote_signature(
    cert: &x509_cert::Certificate,
    algorithm: RemoteAlgorithm,
    hash: &[u8; 32],
    value: &[u8],
) -> Result<Vec<u8>, PdfError> {
    use signature::hazmat::PrehashVerifier;
    let spki = cert.tbs_certificate().subject_public_key_info();
    let refused = || {
        PdfError::Signing(
            "the signature value does not verify with the credential's certificate".into(),
        )
    };
    match algorithm {
        RemoteAlgorithm::EcdsaSha256 => {
            let key =
                p256::ecdsa::VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes())
                    .map_err(|e| PdfError::Certificate(format!("the signer's key: {e}")))?;
            let sig = p256::ecdsa::Signature::from_der(value)
                .or_else(|_| p256::ecdsa::Signature::from_slice(value))
                .map_err(|_| {
                    PdfError::Signing("the signature value is not an ECDSA signature".into())
                })?;
            key.verify_prehash(hash, &sig).map_err(|_| refused())?;
            Ok(sig.to_der().as_bytes().to_vec())
        }
        RemoteAlgorithm::RsaPkcs1Sha256 | RemoteAlgorithm::RsaPssSha256 => {
            use rsa::pkcs8::DecodePublicKey;
            let der = spki
                .to_der()
                .map_err(|e| PdfError::Certificate(e.to_string()))?;
            let key = rsa::RsaPublicKey::from_public_key_der(&der)
                .map_err(|e| PdfError::Certificate(format!("the signer's key: {e}")))?;
            let ok = if algorithm == RemoteAlgorithm::RsaPkcs1Sha256 {
                key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), hash, value)
            } else {
                key.verify(rsa::pss::Pss::<Sha256>::new(), hash, value)
            };
            ok.map_err(|_| refused())?;
            Ok(value.to_vec())
        }
    }
}

impl SignerCredential {
    /// The certificate and then its issuers, in DER: what a remote signing service's
    /// `credentials/info` lists for a credential.
    pub fn chain_der(&self) -> Result<Vec<Vec<u8>>, PdfError> {
        std::iter::once(&self.cert)
            .chain(self.chain.iter())
            .map(|c| c.to_der().map_err(|e| PdfError::Certificate(e.to_string())))
            .collect()
    }

    /// An ECDSA signature (DER) over a SHA-256 `hash` made elsewhere, as a remote signing
    /// service's `signatures/signHash` makes it with the credential's key.
    pub fn sign_hash(&self, hash: &[u8; 32]) -> Result<Vec<u8>, PdfError> {
        use signature::hazmat::PrehashSigner;
        let sig: p256::ecdsa::Signature = self
            .key
            .sign_prehash(hash)
            .map_err(|e| PdfError::Signing(e.to_string()))?;
        Ok(sig.to_der().as_bytes().to_vec())
    }
}

/// Whether a certification signature forbids any change (ISO 32000-1 §12.8.2.2, /P 1).
fn certified_without_changes(doc: &Document) -> bool {
    let deref = |o: &Object| doc.dereference(o).ok().map(|(_, o)| o.clone());
    let Some(perms) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Perms").ok())
        .and_then(deref)
    else {
        return false;
    };
    let Some(sig) = perms
        .as_dict()
        .ok()
        .and_then(|p| p.get(b"DocMDP").ok())
        .and_then(deref)
    else {
        return false;
    };
    let Ok(sig) = sig.as_dict() else { return false };
    let Ok(refs) = sig.get(b"Reference").and_then(Object::as_array) else {
        return false;
    };
    refs.iter().filter_map(deref).any(|r| {
        r.as_dict()
            .ok()
            .and_then(|r| r.get(b"TransformParams").ok())
            .and_then(deref)
            .and_then(|tp| {
                tp.as_dict()
                    .ok()
                    .and_then(|tp| tp.get(b"P").ok()?.as_i64().ok())
            })
            == Some(1)
    })
}

fn prop_build() -> Object {
    let mut app = Dictionary::new();
    app.set("Name", Object::Name(SIGNET_APP.to_vec()));
    app.set(
        "REx",
        Object::String(
            env!("CARGO_PKG_VERSION").as_bytes().to_vec(),
            StringFormat::Literal,
        ),
    );
    let mut build = Dictionary::new();
    build.set("App", Object::Dictionary(app));
    Object::Dictionary(build)
}

/// Closes a document with a document timestamp (/Type /DocTimeStamp, /SubFilter
/// /ETSI.RFC3161): a timestamp token over the whole file so far, which is what a PAdES B-LTA
/// validation builds on and what shows that nothing was added after FINISH. The token comes
/// from `trust`'s own authority; [`prepare_document_timestamp`] lets it come from elsewhere.
pub fn timestamp_pdf(
    input: &[u8],
    trust: &TrustStore,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, PdfError> {
    let prepared = prepare_document_timestamp(input)?;
    let imprint = prepared
        .timestamp_imprint()
        .ok_or_else(|| PdfError::DocumentTimestamp("no imprint".into()))?;
    let token = trust
        .timestamp_token(&imprint, now)
        .map_err(|e| PdfError::DocumentTimestamp(e.to_string()))?;
    prepared.complete(Some(&token))
}

/// The first half of [`timestamp_pdf`]: the revision written and hashed, waiting for a token
/// over [`PreparedSignature::timestamp_imprint`].
pub fn prepare_document_timestamp(input: &[u8]) -> Result<PreparedSignature, PdfError> {
    document_timestamp_owned(owned_copy(input, RESERVED))
}

fn document_timestamp_owned(input: Vec<u8>) -> Result<PreparedSignature, PdfError> {
    let input_len = input.len();
    let doc = pdfwrite::load_structure(&input).map_err(|e| match e {
        PdfError::NotAPdf(m) | PdfError::Malformed(m) => PdfError::DocumentTimestamp(m),
        other => other,
    })?;
    let mut update = Update::new(&doc);
    let sig_id = update.reserve_id();
    let mut sig = Dictionary::new();
    sig.set("Type", Object::Name(b"DocTimeStamp".to_vec()));
    sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    sig.set("SubFilter", Object::Name(b"ETSI.RFC3161".to_vec()));
    sig.set("Prop_Build", prop_build());
    update.set_signature(sig_id, sig, RESERVED);
    add_field(&mut update, sig_id, "DocumentTimestamp", None, None)
        .map_err(|e| PdfError::DocumentTimestamp(e.to_string()))?;
    let (out, place) = update
        .append_to(input)
        .map_err(|e| PdfError::DocumentTimestamp(e.to_string()))?;
    let place = place.ok_or_else(|| PdfError::DocumentTimestamp("no placeholder".into()))?;
    let (out, digest) = place_and_digest(out, &place, PdfError::DocumentTimestamp)?;
    Ok(PreparedSignature {
        out,
        place,
        input_len,
        kind: Prepared::DocumentTimestamp { digest },
    })
}

impl TrustStore {
    /// A timestamp token (DER) from Signet's own authority over a SHA-256 `imprint`, with
    /// the authority's certificates, as embedded in PDFs.
    pub fn timestamp_token(
        &self,
        imprint: &[u8; 32],
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, PdfError> {
        let imprint = MessageImprint {
            hash_algorithm: cmsbuild::sha256_alg(),
            hashed_message: OctetString::new(imprint.to_vec())
                .map_err(|e| PdfError::Timestamp(e.to_string()))?,
        };
        let chain = self.tsa_chain();
        cmsbuild::timestamp_token(&TokenRequest {
            imprint,
            nonce: None,
            include_certs: true,
            key: &self.tsa_key,
            chain: &chain,
            now,
        })
        .map_err(PdfError::Timestamp)?
        .to_der()
        .map_err(|e| PdfError::Timestamp(e.to_string()))
    }
}

impl TrustStore {
    /// Answers an RFC 3161 `TimeStampReq` (DER) with a `TimeStampResp` (DER), for a `/tsa`
    /// endpoint. Only SHA-256/384/512 imprints are accepted; anything else is answered with
    /// status "rejection" and failInfo badAlg, as RFC 3161 §2.4.2 asks, rather than an error.
    pub fn timestamp_response(
        &self,
        request_der: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, PdfError> {
        let req = TimeStampReq::from_der(request_der)
            .map_err(|e| PdfError::BadTimestampRequest(e.to_string()))?;
        let expected_len = match req.message_imprint.hash_algorithm.oid {
            ID_SHA256 => Some(32),
            ID_SHA384 => Some(48),
            ID_SHA512 => Some(64),
            _ => None,
        };
        let reject = |bit: usize| -> Result<Vec<u8>, PdfError> {
            // PKIFailureInfo: badAlg(0), badRequest(2), unacceptedPolicy(15).
            let mut bits = [0u8; 2];
            bits[bit / 8] |= 0x80 >> (bit % 8);
            let used = if bit < 8 { 1 } else { 2 };
            let unused = 7 - (bit % 8) as u8;
            let fail_info = der::asn1::BitString::new(unused, bits[..used].to_vec())
                .map_err(|e| PdfError::Timestamp(e.to_string()))?;
            TimeStampResp {
                status: PkiStatusInfo {
                    status: 2,
                    fail_info: Some(fail_info),
                },
                time_stamp_token: None,
            }
            .to_der()
            .map_err(|e| PdfError::Timestamp(e.to_string()))
        };
        if req.version != 1 {
            return reject(2);
        }
        match expected_len {
            None => return reject(0),
            Some(n) if n != req.message_imprint.hashed_message.as_bytes().len() => {
                return reject(2);
            }
            Some(_) => {}
        }
        if let Some(policy) = req.req_policy
            && policy != SIGNET_TSA_POLICY
        {
            return reject(15);
        }
        let chain = self.tsa_chain();
        let token = cmsbuild::timestamp_token(&TokenRequest {
            imprint: req.message_imprint.clone(),
            nonce: req.nonce.clone(),
            include_certs: req.cert_req,
            key: &self.tsa_key,
            chain: &chain,
            now,
        })
        .map_err(PdfError::Timestamp)?;
        TimeStampResp {
            status: PkiStatusInfo {
                status: 0,
                fail_info: None,
            },
            time_stamp_token: Some(token),
        }
        .to_der()
        .map_err(|e| PdfError::Timestamp(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use der::Decode;
    use der::asn1::Int;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
            .single()
            .expect("date")
    }

    #[test]
    fn byte_range_is_patched_in_place_and_the_digest_covers_everything_but_contents() {
        let head = b"%PDF-1.7 head /ByteRange ".to_vec();
        let byte_range_at = head.len();
        let mut out = head;
        out.extend_from_slice(BYTE_RANGE_PLACEHOLDER);
        out.extend_from_slice(b" /Contents ");
        let contents_start = out.len();
        out.push(b'<');
        out.extend_from_slice(&[b'0'; 16]);
        out.push(b'>');
        let contents_end = out.len();
        out.extend_from_slice(b" tail %%EOF\n");
        let total = out.len();
        let place = Placeholder {
            byte_range_at,
            contents_start,
            contents_end,
        };
        let mut seen = [0u8; 32];
        let patched = finish(
            out.clone(),
            place,
            |digest| {
                seen = digest;
                Ok(vec![0xAB, 0xCD])
            },
            PdfError::Signing,
        )
        .expect("patch");
        assert_eq!(patched.len(), total, "patching never moves bytes");
        let expected_range = format!(
            "[0 {contents_start} {contents_end} {}]",
            total - contents_end
        );
        let slot = &patched[byte_range_at..byte_range_at + BYTE_RANGE_PLACEHOLDER.len()];
        assert!(slot.starts_with(expected_range.as_bytes()));
        assert!(slot[expected_range.len()..].iter().all(|&b| b == b' '));
        assert_eq!(&patched[contents_start..contents_start + 6], b"<ABCD0");
        let mut h = Sha256::new();
        h.update(&patched[..contents_start]);
        h.update(&patched[contents_end..]);
        let want: [u8; 32] = h.finalize().into();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_cms_larger_than_the_reservation_is_refused() {
        let mut out = BYTE_RANGE_PLACEHOLDER.to_vec();
        let contents_start = out.len();
        out.extend_from_slice(b"<0000>");
        let place = Placeholder {
            byte_range_at: 0,
            contents_start,
            contents_end: out.len(),
        };
        let err =
            finish(out, place, |_| Ok(vec![1, 2, 3]), PdfError::Signing).expect_err("too big");
        assert!(matches!(err, PdfError::Signing(_)));
    }

    fn request(hash_oid: der::asn1::ObjectIdentifier, len: usize, cert_req: bool) -> Vec<u8> {
        TimeStampReq {
            version: 1,
            message_imprint: MessageImprint {
                hash_algorithm: spki::AlgorithmIdentifierOwned {
                    oid: hash_oid,
                    parameters: None,
                },
                hashed_message: OctetString::new(vec![0x5a; len]).expect("octets"),
            },
            req_policy: None,
            nonce: Some(Int::new(&[0x01, 0x02, 0x03]).expect("nonce")),
            cert_req,
            extensions: None,
        }
        .to_der()
        .expect("encode request")
    }

    #[test]
    fn the_tsa_answers_an_rfc3161_request_with_a_token_over_the_imprint_and_nonce() {
        let trust = TrustStore::generate("Acme", now()).expect("store");
        let resp = trust
            .timestamp_response(&request(ID_SHA256, 32, true), now())
            .expect("response");
        let resp = TimeStampResp::from_der(&resp).expect("decode");
        assert_eq!(resp.status.status, 0);
        let token = resp.time_stamp_token.expect("token");
        let sd = token
            .content
            .decode_as::<cms::signed_data::SignedData>()
            .expect("signed data");
        assert!(
            sd.certificates.is_some(),
            "certReq asks for the TSA certificate"
        );
        let econtent = sd.encap_content_info.econtent.expect("tstinfo");
        let tst = TstInfo::from_der(econtent.decode_as::<OctetString>().expect("os").as_bytes())
            .expect("tstinfo");
        assert_eq!(tst.message_imprint.hashed_message.as_bytes(), &[0x5a; 32]);
        assert_eq!(tst.nonce.expect("nonce").as_bytes(), &[1, 2, 3]);
        assert_eq!(
            parse_gen_time(&tst.gen_time)
                .map(|t| t.timestamp())
                .unwrap_or(-1),
            now().timestamp()
        );

        let resp = trust
            .timestamp_response(&request(ID_SHA256, 32, false), now())
            .expect("response");
        let resp = TimeStampResp::from_der(&resp).expect("decode");
        let sd = resp
            .time_stamp_token
            .expect("token")
            .content
            .decode_as::<cms::signed_data::SignedData>()
            .expect("sd");
        assert!(sd.certificates.is_none(), "no certificates unless asked");
    }

    #[test]
    fn every_token_serial_is_a_canonical_der_integer() {
        // A random serial whose first byte is zero would be encoded with a non-minimal
        // leading zero, which strict decoders refuse (one token in 256); 2000 tokens make
        // that case near-certain.
        let trust = TrustStore::generate("Acme", now()).expect("store");
        let req = request(ID_SHA256, 32, false);
        for _ in 0..2000 {
            let resp = trust.timestamp_response(&req, now()).expect("response");
            let resp = TimeStampResp::from_der(&resp).expect("strict decode");
            let econtent = resp
                .time_stamp_token
                .expect("token")
                .content
                .decode_as::<cms::signed_data::SignedData>()
                .expect("sd")
                .encap_content_info
                .econtent
                .expect("tstinfo");
            let os = econtent.decode_as::<OctetString>().expect("os");
            TstInfo::from_der(os.as_bytes()).expect("canonical TSTInfo");
        }
    }

    #[test]
    fn the_tsa_rejects_unknown_hash_algorithms_and_wrong_lengths_in_protocol() {
        let trust = TrustStore::generate("Acme", now()).expect("store");
        let md5 = der::asn1::ObjectIdentifier::new_unwrap("1.2.840.113549.2.5");
        for req in [request(md5, 16, false), request(ID_SHA256, 20, false)] {
            let resp = trust
                .timestamp_response(&req, now())
                .expect("a response, not an error");
            let resp = TimeStampResp::from_der(&resp).expect("decode");
            assert_eq!(resp.status.status, 2, "rejection");
            assert!(resp.status.fail_info.is_some());
            assert!(resp.time_stamp_token.is_none());
        }
        assert!(matches!(
            trust.timestamp_response(b"\x30\x03junk", now()),
            Err(PdfError::BadTimestampRequest(_))
        ));
    }
}
