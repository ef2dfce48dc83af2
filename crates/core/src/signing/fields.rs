//! Form fields an integrator places on a document (`fields` on `POST /v1/documents`), and the
//! values a signer gives on approval (`values` on `POST …/approve`).
//!
//! The checks run in three steps. [`check_fields`] takes the request alone: the shape of each
//! field (400 `invalid_model`) and then where it is (an `area` inside the page, or an
//! `anchor`; seed 001's return code 95). [`place`] takes what only the PDF knows (its page
//! count and where each anchor text is) and refuses a page that does not exist, an anchor not
//! found and two fields that overlap (95 again). [`check_values`] checks what a signer fills
//! in on approval.
//!
//! Every field belongs to one signer (by position in `signers`). `signature` is where that
//! signer's signature goes; `name` and `date` (the signing date) are filled by Signet; every
//! other type is filled by the signer, or prefilled by the integrator (`value`), which makes
//! it read-only.

use crate::validate::{self, FieldError, Invalid};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Seed 001's "Location not set or occupied": a field off its page, on a page the document
/// does not have, overlapping another, or whose anchor text is not in the document.
pub const RETURN_CODE_BAD_POSITION: u32 = 95;
/// At most this many fields on one document.
pub const MAX_FIELDS: usize = 200;
/// The longest field name, in characters.
pub const MAX_FIELD_NAME_CHARS: usize = 100;
/// At most this many options of a `select`.
pub const MAX_OPTIONS: usize = 100;
/// The longest option of a `select`, and the longest anchor text, in characters.
pub const MAX_OPTION_CHARS: usize = 200;
/// The longest text value (`text`, `initials`), in characters.
pub const MAX_TEXT_CHARS: usize = 1000;
/// The largest picture of an `image` field, in bytes once decoded.
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;
/// The widest or tallest signature picture, in pixels (seed 001's 104 beyond).
pub const MAX_SIGNATURE_PICTURE_SIDE: u32 = 2000;
/// Seed 001's "Signature picture does not exist": the tenant requires one and none was given.
pub const RETURN_CODE_PICTURE_MISSING: u32 = 26;
/// Seed 001's "Invalid image data": the signature picture is not a PNG or JPEG.
pub const RETURN_CODE_PICTURE_INVALID: u32 = 87;
/// Seed 001's "Signature or signature picture size is invalid": over 1 MB or 2000 pixels.
pub const RETURN_CODE_PICTURE_SIZE: u32 = 104;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Signature,
    Initials,
    Name,
    Email,
    Date,
    Text,
    Number,
    Checkbox,
    Select,
    Image,
}

impl FieldType {
    pub const ALL: &'static [FieldType] = &[
        FieldType::Signature,
        FieldType::Initials,
        FieldType::Name,
        FieldType::Email,
        FieldType::Date,
        FieldType::Text,
        FieldType::Number,
        FieldType::Checkbox,
        FieldType::Select,
        FieldType::Image,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Signature => "signature",
            FieldType::Initials => "initials",
            FieldType::Name => "name",
            FieldType::Email => "email",
            FieldType::Date => "date",
            FieldType::Text => "text",
            FieldType::Number => "number",
            FieldType::Checkbox => "checkbox",
            FieldType::Select => "select",
            FieldType::Image => "image",
        }
    }

    pub fn parse(s: &str) -> Option<FieldType> {
        FieldType::ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// Filled by Signet, never by the signer or the integrator: the signature itself, the
    /// signer's name and the signing date.
    pub fn filled_by_signet(self) -> bool {
        matches!(
            self,
            FieldType::Signature | FieldType::Name | FieldType::Date
        )
    }
}

/// Where a field sits: page from 1; x, y, w, h fractions of the page from its top-left
/// corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub page: u32,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Area {
    /// Whether the two areas share more than an edge.
    pub fn overlaps(&self, other: &Area) -> bool {
        // Fractions computed by the caller (0.2 + 0.1) may miss an edge by a hair.
        const EPS: f64 = 1e-9;
        self.page == other.page
            && self.x + EPS < other.x + other.w
            && other.x + EPS < self.x + self.w
            && self.y + EPS < other.y + other.h
            && other.y + EPS < self.y + self.h
    }
}

/// A field as the request gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldInput {
    pub name: String,
    /// `type`.
    pub kind: String,
    /// The signer's index in `signers`, from 0.
    pub signer: u64,
    /// `true` unless given.
    pub required: Option<bool>,
    pub area: Option<Area>,
    pub anchor: Option<String>,
    pub options: Option<Vec<String>>,
    /// A prefilled value.
    pub value: Option<Value>,
}

/// A field that passed [`check_fields`]: placed by an area, or still to be found by its
/// anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub name: String,
    pub kind: FieldType,
    pub signer: u32,
    pub required: bool,
    pub area: Option<Area>,
    pub anchor: Option<String>,
    pub options: Vec<String>,
    pub value: Option<Value>,
}

/// A field of a document, as stored: placed, with its prefilled value if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// The signer's position.
    pub signer: u32,
    pub required: bool,
    /// Where it is (found from the anchor for a field placed by one).
    pub area: Area,
    /// The anchor text it was placed by, if any.
    pub anchor: Option<String>,
    pub options: Vec<String>,
    /// A prefilled value: shown as it is, and read-only for the signer.
    pub value: Option<Value>,
}

impl Field {
    /// Whether the integrator prefilled it (the signer cannot change it).
    pub fn readonly(&self) -> bool {
        self.value.is_some()
    }

    /// Whether the signer must give it on approval: required, neither prefilled nor filled by
    /// Signet.
    pub fn asks_signer(&self) -> bool {
        self.required && !self.readonly() && !self.kind.filled_by_signet()
    }
}

fn position_error(errors: Vec<FieldError>) -> Invalid {
    Invalid {
        fields: errors,
        return_code: Some(RETURN_CODE_BAD_POSITION),
    }
}

/// How a picture is checked: the caller decodes the base64 and says whether it is a PNG or
/// a JPEG of at most [`MAX_IMAGE_BYTES`] (`Err` says why not).
pub type ImageCheck<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// Checks `value` for a field of `kind` (with its `options`): `None` if it is empty (an empty
/// string, an unchecked check box), `Some` the value to keep.
fn check_value(
    field: &str,
    kind: FieldType,
    options: &[String],
    value: &Value,
    image: ImageCheck<'_>,
) -> Result<Option<Value>, FieldError> {
    let text = |what: &str| match value {
        Value::String(s) => Ok(s.as_str()),
        _ => Err(FieldError::new(field, format!("must be {what}"))),
    };
    match kind {
        FieldType::Signature | FieldType::Name | FieldType::Date => Err(FieldError::new(
            field,
            format!("a {} field is filled by Signet", kind.as_str()),
        )),
        FieldType::Text | FieldType::Initials => {
            let s = text("a string")?;
            if s.chars().count() > MAX_TEXT_CHARS {
                return Err(FieldError::new(
                    field,
                    format!("must be at most {MAX_TEXT_CHARS} characters"),
                ));
            }
            if s.chars().any(|c| c.is_control() && c != '\n') {
                return Err(FieldError::new(
                    field,
                    "must not contain control characters",
                ));
            }
            Ok((!s.trim().is_empty()).then(|| Value::String(s.to_owned())))
        }
        FieldType::Email => {
            let s = text("an email address (a string)")?;
            if s.is_empty() {
                return Ok(None);
            }
            validate::email(field, s)?;
            Ok(Some(Value::String(s.to_owned())))
        }
        FieldType::Number => match value {
            Value::Number(n) if n.as_f64().is_some_and(f64::is_finite) => {
                Ok(Some(Value::Number(n.clone())))
            }
            _ => Err(FieldError::new(field, "must be a number")),
        },
        FieldType::Checkbox => match value {
            Value::Bool(b) => Ok(b.then_some(Value::Bool(true))),
            _ => Err(FieldError::new(field, "must be true or false")),
        },
        FieldType::Select => {
            let s = text("one of the field's options (a string)")?;
            if !options.iter().any(|o| o == s) {
                return Err(FieldError::new(
                    field,
                    format!("must be one of the field's options: {}", options.join(", ")),
                ));
            }
            Ok(Some(Value::String(s.to_owned())))
        }
        FieldType::Image => {
            let s = text("a PNG or JPEG picture in base64")?;
            image(s).map_err(|why| FieldError::new(field, why))?;
            Ok(Some(Value::String(s.to_owned())))
        }
    }
}

/// The checks of `fields` that need only the request, for a document of `signers` signers.
/// First the shape of every field, every error collected under `fields[i].…` (400
/// `invalid_model`): a name of 1 to [`MAX_FIELD_NAME_CHARS`] characters unique in the
/// document, a known `type`, a signer's index, `options` for a `select` only (1 to
/// [`MAX_OPTIONS`] distinct options), a prefilled `value` of the field's type. Then where
/// each field is, every error collected (return code 95): exactly one of `area` and `anchor`,
/// an area inside its page (page from 1; x, y in 0..1, w, h above 0, x + w and y + h at most 1).
pub fn check_fields(
    fields: &[FieldInput],
    signers: usize,
    image: ImageCheck<'_>,
) -> Result<Vec<Checked>, Invalid> {
    if fields.len() > MAX_FIELDS {
        return Err(FieldError::new("fields", format!("at most {MAX_FIELDS} fields")).into());
    }
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        let at = |what: &str| format!("fields[{i}].{what}");
        let name = f.name.trim();
        if name.is_empty()
            || name.chars().count() > MAX_FIELD_NAME_CHARS
            || name.chars().any(char::is_control)
        {
            errors.push(FieldError::new(
                &at("name"),
                format!(
                    "must be 1 to {MAX_FIELD_NAME_CHARS} characters once trimmed, without control characters"
                ),
            ));
        } else if let Some(j) = fields[..i].iter().position(|g| g.name.trim() == name) {
            errors.push(FieldError::new(
                &at("name"),
                format!("is already the name of fields[{j}]; names are unique in a document"),
            ));
        }
        let kind = FieldType::parse(&f.kind);
        if kind.is_none() {
            let all: Vec<&str> = FieldType::ALL.iter().map(|t| t.as_str()).collect();
            errors.push(FieldError::new(
                &at("type"),
                format!("must be one of {}", all.join(", ")),
            ));
        }
        if f.signer >= signers as u64 {
            errors.push(FieldError::new(
                &at("signer"),
                format!(
                    "must be a signer's index in signers, 0 to {}",
                    signers.saturating_sub(1)
                ),
            ));
        }
        let options = f.options.clone().unwrap_or_default();
        match (kind, &f.options) {
            (Some(FieldType::Select), _) => {
                if options.is_empty() || options.len() > MAX_OPTIONS {
                    errors.push(FieldError::new(
                        &at("options"),
                        format!("a select needs 1 to {MAX_OPTIONS} options"),
                    ));
                } else if options
                    .iter()
                    .any(|o| o.trim().is_empty() || o.chars().count() > MAX_OPTION_CHARS)
                {
                    errors.push(FieldError::new(
                        &at("options"),
                        format!("each option must be 1 to {MAX_OPTION_CHARS} characters"),
                    ));
                } else if options
                    .iter()
                    .enumerate()
                    .any(|(k, o)| options[..k].contains(o))
                {
                    errors.push(FieldError::new(&at("options"), "must not repeat an option"));
                }
            }
            (Some(_), Some(_)) => {
                errors.push(FieldError::new(&at("options"), "only a select has options"));
            }
            _ => {}
        }
        let mut value = None;
        if let (Some(kind), Some(v)) = (kind, &f.value)
            && !v.is_null()
        {
            match check_value(&at("value"), kind, &options, v, image) {
                Ok(v) => value = v,
                Err(e) => errors.push(e),
            }
        }
        out.push(Checked {
            name: name.to_owned(),
            kind: kind.unwrap_or(FieldType::Text),
            signer: f.signer.min(u64::from(u32::MAX)) as u32,
            required: f.required.unwrap_or(true),
            area: f.area,
            anchor: f.anchor.clone(),
            options,
            value,
        });
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    for (i, f) in fields.iter().enumerate() {
        match (&f.area, &f.anchor) {
            (Some(_), Some(_)) => errors.push(FieldError::new(
                &format!("fields[{i}]"),
                "give either area or anchor, not both",
            )),
            (None, None) => errors.push(FieldError::new(
                &format!("fields[{i}]"),
                "needs an area ({page, x, y, w, h}) or an anchor (a text in the PDF)",
            )),
            (Some(a), None) => {
                if let Err(why) = check_area(a) {
                    errors.push(FieldError::new(&format!("fields[{i}].area"), why));
                }
            }
            (None, Some(anchor)) => {
                if anchor.trim().is_empty() || anchor.chars().count() > MAX_OPTION_CHARS {
                    errors.push(FieldError::new(
                        &format!("fields[{i}].anchor"),
                        format!("must be a text of 1 to {MAX_OPTION_CHARS} characters"),
                    ));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(position_error(errors));
    }
    Ok(out)
}

/// An area inside its page, or why not.
fn check_area(a: &Area) -> Result<(), String> {
    if a.page == 0 {
        return Err("page 0 does not exist (pages count from 1)".into());
    }
    let unit = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
    if !(unit(a.x) && unit(a.y) && unit(a.w) && unit(a.h)) {
        return Err("is off the page: x, y, w and h are fractions of the page, 0 to 1".into());
    }
    if a.w <= 0.0 || a.h <= 0.0 {
        return Err("has no size: w and h must be above 0".into());
    }
    // A hair of tolerance for fractions computed by the caller (0.1 + 0.9).
    const EPS: f64 = 1e-9;
    if a.x + a.w > 1.0 + EPS {
        return Err("is off the page: x + w is past the right edge (above 1)".into());
    }
    if a.y + a.h > 1.0 + EPS {
        return Err("is off the page: y + h is past the bottom edge (above 1)".into());
    }
    Ok(())
}

/// Places the checked fields on a document of `pages` pages; `found` has, for each field
/// placed by an anchor (in order), where its text is (`None`: not in the document). Refuses,
/// every error collected (return code 95): a page the document does not have, an anchor not
/// found, a field overlapping an earlier one on the same page.
pub fn place(
    checked: Vec<Checked>,
    pages: u32,
    found: &[Option<Area>],
) -> Result<Vec<Field>, Invalid> {
    let mut errors = Vec::new();
    let mut anchors = found.iter();
    let mut out: Vec<Field> = Vec::with_capacity(checked.len());
    for (i, c) in checked.into_iter().enumerate() {
        let area = match (c.area, &c.anchor) {
            (Some(a), _) => {
                if a.page > pages {
                    errors.push(FieldError::new(
                        &format!("fields[{i}].area.page"),
                        format!(
                            "page {} does not exist: the document has {pages} page{}",
                            a.page,
                            if pages == 1 { "" } else { "s" }
                        ),
                    ));
                    None
                } else {
                    Some(a)
                }
            }
            (None, Some(text)) => match anchors.next().copied().flatten() {
                Some(a) => Some(a),
                None => {
                    errors.push(FieldError::new(
                        &format!("fields[{i}].anchor"),
                        format!("the text \"{text}\" is not in the document's text"),
                    ));
                    None
                }
            },
            (None, None) => None,
        };
        let Some(area) = area else { continue };
        if let Some(other) = out.iter().find(|o| o.area.overlaps(&area)) {
            errors.push(FieldError::new(
                &format!(
                    "fields[{i}].{}",
                    if c.anchor.is_some() { "anchor" } else { "area" }
                ),
                format!(
                    "overlaps the field \"{}\" on page {}",
                    other.name, area.page
                ),
            ));
        }
        out.push(Field {
            name: c.name,
            kind: c.kind,
            signer: c.signer,
            required: c.required,
            area,
            anchor: c.anchor,
            options: c.options,
            value: c.value,
        });
    }
    if !errors.is_empty() {
        return Err(position_error(errors));
    }
    Ok(out)
}

/// The anchor texts of the checked fields placed by one, in order (what [`place`]'s `found`
/// answers).
pub fn anchors(checked: &[Checked]) -> Vec<String> {
    checked
        .iter()
        .filter(|c| c.area.is_none())
        .filter_map(|c| c.anchor.clone())
        .collect()
}

/// Checks the `values` the signer at `signer` gives on approval for the document's `fields`:
/// each names a field of this signer that is neither prefilled nor filled by Signet, and
/// holds a value of its type (a string for `text`, `initials`, `email` and `select` — one of
/// its options —, a number for `number`, `true` or `false` for `checkbox`, a PNG or JPEG in
/// base64 for `image`); every required field the signer fills must be given (a required
/// check box checked). Every error is collected under `values.NAME`. Returns the values to
/// keep, in the fields' order (empty ones left out).
pub fn check_values(
    fields: &[Field],
    signer: u32,
    values: &Map<String, Value>,
    image: ImageCheck<'_>,
) -> Result<Vec<(String, Value)>, Vec<FieldError>> {
    let mut errors = Vec::new();
    for (name, _) in values {
        let at = format!("values.{name}");
        match fields.iter().find(|f| &f.name == name) {
            None => errors.push(FieldError::new(
                &at,
                "the document has no field of this name",
            )),
            Some(f) if f.signer != signer => errors.push(FieldError::new(
                &at,
                format!("is signer {}'s field, not this signer's", f.signer),
            )),
            Some(f) if f.readonly() => {
                errors.push(FieldError::new(&at, "is prefilled and read-only"))
            }
            Some(_) => {}
        }
    }
    let mut kept = Vec::new();
    for f in fields.iter().filter(|f| f.signer == signer) {
        let at = format!("values.{}", f.name);
        let given = values.get(&f.name).filter(|v| !v.is_null());
        let value = match given {
            Some(_) if f.readonly() => continue,
            Some(v) => match check_value(&at, f.kind, &f.options, v, image) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
            None => None,
        };
        match value {
            Some(v) => kept.push((f.name.clone(), v)),
            None if f.asks_signer() => errors.push(FieldError::new(
                &at,
                if f.kind == FieldType::Checkbox {
                    "is required: this check box must be checked"
                } else {
                    "is required"
                },
            )),
            None => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn no_image(_: &str) -> Result<(), String> {
        Err("is not a picture".into())
    }

    fn area(page: u32, x: f64, y: f64, w: f64, h: f64) -> Option<Area> {
        Some(Area { page, x, y, w, h })
    }

    fn input(name: &str, kind: &str, signer: u64, area: Option<Area>) -> FieldInput {
        FieldInput {
            name: name.into(),
            kind: kind.into(),
            signer,
            area,
            ..FieldInput::default()
        }
    }

    fn fields_of(e: &Invalid) -> Vec<(&str, &str)> {
        e.fields
            .iter()
            .map(|f| (f.field.as_str(), f.message.as_str()))
            .collect()
    }

    #[test]
    fn shape_errors_are_invalid_model_without_a_number() {
        let mut sel = input("pick", "select", 0, area(1, 0.0, 0.0, 0.1, 0.1));
        sel.options = Some(vec![]);
        let mut txt = input("note", "text", 0, area(1, 0.2, 0.0, 0.1, 0.1));
        txt.value = Some(json!(3));
        let e = check_fields(
            &[
                input("a", "stamp", 0, area(1, 0.5, 0.5, 0.1, 0.1)),
                input("a", "text", 2, area(1, 0.7, 0.7, 0.1, 0.1)),
                sel,
                txt,
            ],
            2,
            &no_image,
        )
        .unwrap_err();
        assert_eq!(e.return_code, None);
        let f: Vec<&str> = fields_of(&e).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            f,
            [
                "fields[0].type",
                "fields[1].name",
                "fields[1].signer",
                "fields[2].options",
                "fields[3].value"
            ]
        );
    }

    #[test]
    fn positions_off_the_page_carry_95() {
        let cases = [
            (area(1, -0.1, 0.0, 0.1, 0.1), "off the page"),
            (area(1, 0.95, 0.0, 0.1, 0.1), "right edge"),
            (area(1, 0.0, 0.95, 0.1, 0.1), "bottom edge"),
            (area(1, 0.0, 0.0, 0.0, 0.1), "no size"),
            (area(0, 0.0, 0.0, 0.1, 0.1), "page 0"),
            (area(1, 0.0, 0.0, f64::NAN, 0.1), "off the page"),
        ];
        for (a, why) in cases {
            let e = check_fields(&[input("f", "text", 0, a)], 1, &no_image).unwrap_err();
            assert_eq!(e.return_code, Some(95), "{a:?}");
            assert_eq!(e.fields[0].field, "fields[0].area");
            assert!(e.fields[0].message.contains(why), "{a:?}: {e:?}");
        }
        let mut both = input("f", "text", 0, area(1, 0.0, 0.0, 0.1, 0.1));
        both.anchor = Some("{{x}}".into());
        let neither = input("g", "text", 0, None);
        let e = check_fields(&[both, neither], 1, &no_image).unwrap_err();
        assert_eq!(e.return_code, Some(95));
        assert_eq!(
            fields_of(&e)
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>(),
            ["fields[0]", "fields[1]"]
        );
        // Exactly to the edge is on the page.
        assert!(
            check_fields(
                &[input("f", "text", 0, area(1, 0.9, 0.9, 0.1, 0.1))],
                1,
                &no_image
            )
            .is_ok()
        );
    }

    #[test]
    fn placing_refuses_missing_pages_anchors_and_overlaps() {
        let mut anchored = input("sig", "signature", 0, None);
        anchored.anchor = Some("{{sig}}".into());
        let mut lost = input("lost", "text", 0, None);
        lost.anchor = Some("{{nowhere}}".into());
        let checked = check_fields(
            &[
                input("a", "text", 0, area(1, 0.1, 0.1, 0.3, 0.1)),
                input("b", "text", 0, area(3, 0.1, 0.1, 0.3, 0.1)),
                input("c", "text", 0, area(1, 0.3, 0.15, 0.3, 0.1)),
                input("d", "text", 0, area(1, 0.4, 0.0, 0.3, 0.1)),
                anchored,
                lost,
            ],
            1,
            &no_image,
        )
        .unwrap();
        assert_eq!(anchors(&checked), ["{{sig}}", "{{nowhere}}"]);
        let e = place(checked, 2, &[area(2, 0.0, 0.0, 0.2, 0.05), None]).unwrap_err();
        assert_eq!(e.return_code, Some(95));
        let got = fields_of(&e);
        assert_eq!(got[0].0, "fields[1].area.page");
        assert!(got[0].1.contains("2 pages"));
        assert_eq!(
            got[1],
            ("fields[2].area", "overlaps the field \"a\" on page 1")
        );
        assert_eq!(got[2].0, "fields[5].anchor");
        assert_eq!(
            got.len(),
            3,
            "a field sharing only an edge does not overlap"
        );
    }

    fn placed() -> Vec<Field> {
        let mut inputs = vec![
            input("sig0", "signature", 0, area(1, 0.0, 0.0, 0.1, 0.1)),
            input("name0", "name", 0, area(1, 0.1, 0.0, 0.1, 0.1)),
            input("note", "text", 0, area(1, 0.2, 0.0, 0.1, 0.1)),
            input("agree", "checkbox", 0, area(1, 0.3, 0.0, 0.1, 0.1)),
            input("plan", "select", 0, area(1, 0.4, 0.0, 0.1, 0.1)),
            input("qty", "number", 0, area(1, 0.5, 0.0, 0.1, 0.1)),
            input("mail", "email", 0, area(1, 0.6, 0.0, 0.1, 0.1)),
            input("ref", "text", 0, area(1, 0.7, 0.0, 0.1, 0.1)),
            input("other", "text", 1, area(1, 0.8, 0.0, 0.1, 0.1)),
        ];
        inputs[4].options = Some(vec!["basic".into(), "pro".into()]);
        inputs[6].required = Some(false);
        inputs[7].value = Some(json!("R-1"));
        place(check_fields(&inputs, 2, &no_image).unwrap(), 1, &[]).unwrap()
    }

    #[test]
    fn values_are_checked_by_type_and_owner() {
        let fields = placed();
        let values = json!({
            "note": "hello", "agree": true, "plan": "pro", "qty": 3.5,
        });
        let kept = check_values(&fields, 0, values.as_object().unwrap(), &no_image).unwrap();
        assert_eq!(
            kept,
            vec![
                ("note".to_owned(), json!("hello")),
                ("agree".to_owned(), json!(true)),
                ("plan".to_owned(), json!("pro")),
                ("qty".to_owned(), json!(3.5)),
            ]
        );
        let bad = json!({
            "nope": 1, "other": "x", "ref": "y", "name0": "Ann", "note": 4,
            "agree": "yes", "plan": "gold", "qty": "three", "mail": "not-mail",
        });
        let e = check_values(&fields, 0, bad.as_object().unwrap(), &no_image).unwrap_err();
        let got: Vec<(&str, &str)> = e
            .iter()
            .map(|f| (f.field.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("values.nope", "the document has no field of this name"),
                ("values.other", "is signer 1's field, not this signer's"),
                ("values.ref", "is prefilled and read-only"),
                ("values.name0", "a name field is filled by Signet"),
                ("values.note", "must be a string"),
                ("values.agree", "must be true or false"),
                (
                    "values.plan",
                    "must be one of the field's options: basic, pro"
                ),
                ("values.qty", "must be a number"),
                (
                    "values.mail",
                    "must be an email address such as jane@example.com"
                ),
            ]
        );
    }

    #[test]
    fn required_fields_left_empty_are_named() {
        let fields = placed();
        let e = check_values(&fields, 0, &Map::new(), &no_image).unwrap_err();
        let got: Vec<&str> = e.iter().map(|f| f.field.as_str()).collect();
        // Not the signature, name, the optional email or the prefilled text.
        assert_eq!(
            got,
            ["values.note", "values.agree", "values.plan", "values.qty"]
        );
        let unchecked = json!({"note": " ", "agree": false, "plan": "basic", "qty": 1});
        let e = check_values(&fields, 0, unchecked.as_object().unwrap(), &no_image).unwrap_err();
        assert_eq!(
            e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            ["values.note", "values.agree"]
        );
        // The other signer owes only their own.
        let e = check_values(&fields, 1, &Map::new(), &no_image).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field, "values.other");
    }
}
