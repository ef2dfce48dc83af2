//! A document's form fields between the API and the PDF: the picture check of `image`
//! values, the fields of the first revision, what each signer's revision fills in, and the
//! values the document's view shows.

use crate::error::AppError;
use base64::Engine;
use serde_json::Value;
use signet_core::catalog::ErrorCode;
use signet_core::signing::fields::{
    Area, Field, FieldType, MAX_IMAGE_BYTES, MAX_SIGNATURE_PICTURE_SIDE,
};
use signet_core::signing::{Signer, Workflow};
use signet_core::time::Timestamp;
use signet_core::validate::FieldError;
use signet_pdf::{FieldArea, FieldKind, FieldValue, FormField, FormFill};
use signet_store::StoredField;

/// The picture of an `image` value: base64 of a PNG or a JPEG of at most 1 MB.
pub fn decode_image(b64: &str) -> Result<Vec<u8>, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| "must be a PNG or JPEG picture in base64 (this is not base64)".to_owned())?;
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(format!(
            "the picture must be at most {MAX_IMAGE_BYTES} bytes (1 MB)"
        ));
    }
    let png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
    let jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    if !(png || jpeg) {
        return Err("must be a PNG or JPEG picture in base64".to_owned());
    }
    Ok(bytes)
}

/// [`decode_image`] as the checks of `signet_core::signing::fields` take it.
pub fn check_image(b64: &str) -> Result<(), String> {
    decode_image(b64).map(|_| ())
}

/// A refused signature picture, naming where it came from (`signature_image` on the API).
fn picture_refused(code: ErrorCode, message: String) -> AppError {
    AppError::refused_fields(
        code,
        vec![FieldError {
            field: "signature_image".to_owned(),
            message,
        }],
    )
}

/// The bytes of `signature_image`: base64 of a PNG or a JPEG (87 when it is not base64).
pub fn decode_signature_image(b64: &str) -> Result<Vec<u8>, AppError> {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| {
            picture_refused(
                ErrorCode::SignatureImageInvalid,
                "must be a PNG or JPEG picture in base64 (this is not base64)".to_owned(),
            )
        })
}

/// A signature picture as signing will take it: a readable PNG or JPEG (else 87) of at most
/// 1 MB and 2000 pixels on a side (else 104). Its size is read from the header first, so a
/// picture too large is refused before it is decoded; it is then decoded whole, so one
/// accepted now cannot make the signature fail later.
pub fn check_signature_picture(bytes: &[u8]) -> Result<(), AppError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(picture_refused(
            ErrorCode::SignatureImageTooLarge,
            format!(
                "the picture is {} bytes, more than {MAX_IMAGE_BYTES} (1 MB)",
                bytes.len()
            ),
        ));
    }
    let invalid =
        |e: signet_pdf::PdfError| picture_refused(ErrorCode::SignatureImageInvalid, e.to_string());
    let (w, h) = signet_pdf::picture_size(bytes).map_err(invalid)?;
    let max = MAX_SIGNATURE_PICTURE_SIDE;
    if w > max || h > max {
        return Err(picture_refused(
            ErrorCode::SignatureImageTooLarge,
            format!("the picture is {w}×{h} pixels, more than {max} on a side"),
        ));
    }
    signet_pdf::check_picture(bytes, max).map_err(invalid)
}

/// Where a signer's signature picture is kept: under the document (the blob sweeper keeps
/// it while the document exists), named by its content.
pub fn signature_picture_key(
    tenant: &signet_core::ids::TenantId,
    document: &signet_core::ids::DocumentId,
    signer: &signet_core::ids::SignerId,
    bytes: &[u8],
) -> String {
    use sha2::Digest;
    let sha = hex::encode(sha2::Sha256::digest(bytes));
    let ext = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else {
        "png"
    };
    format!(
        "{}/documents/{}/signature-picture-{}-{}.{ext}",
        tenant.as_str(),
        document.as_str(),
        signer.as_str(),
        &sha[..16]
    )
}

fn kind(t: FieldType) -> FieldKind {
    match t {
        FieldType::Signature => FieldKind::Signature,
        FieldType::Initials => FieldKind::Initials,
        FieldType::Name => FieldKind::Name,
        FieldType::Email => FieldKind::Email,
        FieldType::Date => FieldKind::Date,
        FieldType::Text => FieldKind::Text,
        FieldType::Number => FieldKind::Number,
        FieldType::Checkbox => FieldKind::Checkbox,
        FieldType::Select => FieldKind::Select,
        FieldType::Image => FieldKind::Image,
    }
}

fn area(a: &Area) -> FieldArea {
    FieldArea {
        page: a.page,
        x: a.x,
        y: a.y,
        w: a.w,
        h: a.h,
    }
}

/// A checked value as the PDF holds it: text (numbers as written), a check box, a picture.
pub fn pdf_value(t: FieldType, v: &Value) -> Option<FieldValue> {
    match (t, v) {
        (FieldType::Checkbox, Value::Bool(b)) => Some(FieldValue::Checked(*b)),
        (FieldType::Image, Value::String(s)) => decode_image(s).ok().map(FieldValue::Image),
        (_, Value::String(s)) => Some(FieldValue::Text(s.clone())),
        (_, Value::Number(n)) => Some(FieldValue::Text(n.to_string())),
        _ => None,
    }
}

/// The fields of the document's first revision ([`signet_pdf::add_form_fields`]).
pub fn pdf_fields(fields: &[Field]) -> Vec<FormField> {
    fields
        .iter()
        .map(|f| FormField {
            name: f.name.clone(),
            kind: kind(f.kind),
            area: area(&f.area),
            options: f.options.clone(),
            value: f.value.as_ref().and_then(|v| pdf_value(f.kind, v)),
            required: f.required,
        })
        .collect()
}

/// The signing date as a `date` field shows it.
pub fn date_text(t: &Timestamp) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// What `signer`'s revision fills in, signing at `now`: their values, `name` fields with
/// their name, `date` fields with the signing date, and their first `signature` field as
/// where the signature goes. Prefilled fields were written in the first revision.
pub fn form_fill(fields: &[StoredField], signer: &Signer, now: &Timestamp) -> FormFill {
    let mut fill = FormFill::default();
    for s in fields.iter().filter(|s| s.field.signer == signer.position) {
        let f = &s.field;
        if f.readonly() {
            continue;
        }
        let value = match f.kind {
            FieldType::Signature => {
                if fill.signature_field.is_none() {
                    fill.signature_field = Some(f.name.clone());
                }
                None
            }
            FieldType::Name => Some(FieldValue::Text(signer.name.clone())),
            FieldType::Date => Some(FieldValue::Text(date_text(now))),
            _ => s.value.as_ref().and_then(|v| pdf_value(f.kind, v)),
        };
        if let Some(v) = value {
            fill.values.push((f.name.clone(), v));
        }
    }
    fill
}

/// What a field holds as the document's view shows it, and whether it is filled: the
/// prefilled value; once its signer signed, what they gave (their name, the signing date);
/// a signature field is filled by the signature and holds no value.
pub fn shown_value(s: &StoredField, wf: &Workflow) -> (Option<Value>, bool) {
    let f = &s.field;
    if let Some(v) = &f.value {
        return (Some(v.clone()), true);
    }
    let signed = wf
        .signers
        .iter()
        .find(|x| x.position == f.signer)
        .and_then(|x| x.signed_at.map(|at| (x, at)));
    let Some((signer, at)) = signed else {
        return (None, false);
    };
    match f.kind {
        FieldType::Signature => (None, true),
        FieldType::Name => (Some(Value::String(signer.name.clone())), true),
        FieldType::Date => (Some(Value::String(date_text(&at))), true),
        _ => {
            let v = s.value.clone();
            let filled = v.is_some();
            (v, filled)
        }
    }
}
