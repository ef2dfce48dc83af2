//! A document's form fields between the API and the PDF: the picture check of `image`
//! values, the fields of the first revision, what each signer's revision fills in, and the
//! values the document's view shows.

use base64::Engine;
use serde_json::Value;
use signet_core::signing::fields::{Area, Field, FieldType, MAX_IMAGE_BYTES};
use signet_core::signing::{Signer, Workflow};
use signet_core::time::Timestamp;
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
