//! `POST /v1/documents`: the checks of a new document and its signers, before the PDF is
//! scanned and anything is stored.
//!
//! The edge parses the body (JSON with the PDF in base64, or multipart with `file` and `data`
//! parts), decodes the file and hands over a [`CreateDocumentInput`]. The checks run in a fixed
//! order and, except for the signers, stop at the first failure: that is what the API has
//! always answered and what integrators see, so the order is part of the contract. The
//! signers' errors are all collected, in signer order, so one answer names every bad signer.

use crate::ids::{PersonId, SignerId};
use crate::signing::{Level, NewSigner, Reminders, SigningOrder};
use crate::time::Timestamp;
use crate::validate::{self, FieldError, Invalid};

/// At most this many signers on one document of a tenant that set no limit of its own
/// (seed 001's return code 75 beyond).
pub const MAX_SIGNERS: usize = 20;
/// At most this many `tags`, and as many `custom` strings.
pub const MAX_TAGS: usize = 20;
/// The longest document or signer name, in characters.
pub const MAX_NAME_CHARS: usize = 255;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 100;
/// The longest `custom` string, in characters.
pub const MAX_CUSTOM_CHARS: usize = 1000;
/// Seed 001's "Signatories reached the limit".
pub const RETURN_CODE_TOO_MANY_SIGNERS: u32 = 75;
/// Seed 001's "File types do not match": the `file` member is not base64.
pub const RETURN_CODE_NOT_BASE64: u32 = 92;
/// Seed 001's "Illegal document number, only allow letters, numbers and @_,-".
pub const RETURN_CODE_BAD_NUMBER: u32 = 81;
/// The longest document `number`, in characters.
pub const MAX_NUMBER_CHARS: usize = 64;
/// The shortest `reminders.after` and `reminders.every`: an hour, as for a reminder asked for
/// by hand.
pub const MIN_REMINDER_SECONDS: u64 = 3600;
/// The longest `reminders.after` and `reminders.every`: a year.
pub const MAX_REMINDER_SECONDS: u64 = 365 * 24 * 3600;
/// The most automatic reminders per signer (`reminders.max`; 0 sends none).
pub const MAX_REMINDERS: u64 = 20;

/// How the PDF arrived, as far as its presence goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileInput {
    /// A JSON body: whether it had a `file` member.
    Json { file: bool },
    /// A multipart body: whether a `data` part came, whether that part had a `file` member
    /// too, and whether a `file` part came.
    Multipart {
        data: bool,
        file_in_data: bool,
        file_part: bool,
    },
}

/// The PDF must come exactly once: in the JSON body's `file`, or as the multipart `file`
/// part beside a `data` part.
pub fn check_file(input: FileInput) -> Result<(), FieldError> {
    match input {
        FileInput::Json { file: true } => Ok(()),
        FileInput::Json { file: false } => {
            Err(FieldError::new("file", "is required (the PDF, base64)"))
        }
        FileInput::Multipart { data: false, .. } => {
            Err(FieldError::new("data", "is required (the request as JSON)"))
        }
        FileInput::Multipart {
            file_in_data: true, ..
        } => Err(FieldError::new(
            "file",
            "send the PDF once, as the file part",
        )),
        FileInput::Multipart {
            file_part: false, ..
        } => Err(FieldError::new("file", "is required (the PDF)")),
        FileInput::Multipart { .. } => Ok(()),
    }
}

/// A part of a multipart document request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The PDF.
    File,
    /// The request as JSON.
    Data,
}

/// Names a multipart part; any other is refused, naming it.
pub fn multipart_part(name: &str) -> Result<Part, FieldError> {
    match name {
        "file" => Ok(Part::File),
        "data" => Ok(Part::Data),
        other => Err(FieldError::new(other, "is not a known part (file, data)")),
    }
}

/// The refusal of a `file` member that is not base64 (decoding is the edge's).
pub fn not_base64() -> Invalid {
    Invalid {
        fields: vec![FieldError::new("file", "must be base64")],
        return_code: Some(RETURN_CODE_NOT_BASE64),
    }
}

/// A signer as the request gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignerInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub person_id: Option<String>,
}

/// A new document as the request gives it, the file aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreateDocumentInput {
    pub name: String,
    pub signers: Vec<SignerInput>,
    pub signature_level: Option<String>,
    pub signing_order: Option<String>,
    pub expires_at: Option<String>,
    pub tags: Vec<String>,
    pub custom: Vec<String>,
    /// The integrator's document number, if given.
    pub number: Option<String>,
    /// `reminders` as given: `(after, every, max)`.
    pub reminders: Option<(u64, u64, u64)>,
}

/// A signer that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSigner {
    /// Trimmed.
    pub name: String,
    /// As given.
    pub email: Option<String>,
    /// As given (E.164).
    pub phone: Option<String>,
    pub person_id: Option<PersonId>,
}

impl ValidSigner {
    /// The signer with its id and page token (randomness the caller passes in).
    pub fn into_new_signer(self, id: SignerId, token: String) -> NewSigner {
        NewSigner {
            id,
            token,
            name: self.name,
            email: self.email,
            phone: self.phone,
            person_id: self.person_id,
        }
    }
}

/// A document request that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDocument {
    /// Trimmed.
    pub name: String,
    /// `simple` unless given.
    pub level: Level,
    /// `parallel` unless given.
    pub order: SigningOrder,
    /// Tenant clock; in the future.
    pub expires_at: Option<Timestamp>,
    /// Trimmed, duplicates dropped, first occurrence kept.
    pub tags: Vec<String>,
    /// Trimmed, duplicates dropped, first occurrence kept.
    pub custom: Vec<String>,
    /// As given (see [`check_number`]).
    pub number: Option<String>,
    /// See [`check_reminders`].
    pub reminders: Option<Reminders>,
    pub signers: Vec<ValidSigner>,
}

/// `reminders`: `after` and `every` from [`MIN_REMINDER_SECONDS`] to
/// [`MAX_REMINDER_SECONDS`], `max` from 0 (none) to [`MAX_REMINDERS`]; every field at fault
/// is named under `field`.
pub fn check_reminders(
    field: &str,
    (after, every, max): (u64, u64, u64),
) -> Result<Reminders, Invalid> {
    let mut errors = Vec::new();
    let span = |name: &str, v: u64, errors: &mut Vec<FieldError>| {
        if !(MIN_REMINDER_SECONDS..=MAX_REMINDER_SECONDS).contains(&v) {
            errors.push(FieldError::new(
                &format!("{field}.{name}"),
                format!(
                    "must be {MIN_REMINDER_SECONDS} to {MAX_REMINDER_SECONDS} seconds (an hour to a year)"
                ),
            ));
        }
    };
    span("after", after, &mut errors);
    span("every", every, &mut errors);
    if max > MAX_REMINDERS {
        errors.push(FieldError::new(
            &format!("{field}.max"),
            format!("must be 0 to {MAX_REMINDERS}"),
        ));
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    // Within the bounds just checked, each fits a u32.
    Ok(Reminders {
        after: after as u32,
        every: every as u32,
        max: max as u32,
    })
}

/// The integrator's document number: 1 to [`MAX_NUMBER_CHARS`] ASCII letters, digits and
/// `@`, `_`, `,`, `-`, taken as given (nothing is trimmed); anything else carries seed 001's
/// return code 81. Whether it is free in the tenant is the store's to say (73).
pub fn check_number(field: &str, value: &str) -> Result<String, Invalid> {
    let ok = !value.is_empty()
        && value.len() <= MAX_NUMBER_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'@' | b'_' | b',' | b'-'));
    if ok {
        return Ok(value.to_owned());
    }
    Err(Invalid {
        fields: vec![FieldError::new(
            field,
            format!(
                "must be 1 to {MAX_NUMBER_CHARS} letters, digits and @ _ , - (no spaces or other characters)"
            ),
        )],
        return_code: Some(RETURN_CODE_BAD_NUMBER),
    })
}

fn check_name(field: &str, value: &str) -> Result<String, FieldError> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!("must be 1 to {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(name.to_owned())
}

/// `tags` and `custom`: at most [`MAX_TAGS`] items of 1 to `max_chars` characters once
/// trimmed; a repeated item is kept once.
fn check_list(field: &str, items: &[String], max_chars: usize) -> Result<Vec<String>, FieldError> {
    if items.len() > MAX_TAGS {
        return Err(FieldError::new(field, format!("at most {MAX_TAGS} items")));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let item = item.trim();
        if item.is_empty() || item.chars().count() > max_chars {
            return Err(FieldError::new(
                field,
                format!("items must be 1 to {max_chars} characters"),
            ));
        }
        if !out.iter().any(|o| o == item) {
            out.push(item.to_owned());
        }
    }
    Ok(out)
}

/// Every check of one signer, all errors collected, under `signers[i].…`.
fn check_signer(
    i: usize,
    s: &SignerInput,
    level: Level,
    errors: &mut Vec<FieldError>,
) -> ValidSigner {
    let field = |f: &str| format!("signers[{i}].{f}");
    let name = s.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            &field("name"),
            format!("must be 1 to {MAX_NAME_CHARS} characters"),
        ));
    }
    if let Some(e) = &s.email
        && let Err(err) = validate::email(&field("email"), e)
    {
        errors.push(err);
    }
    if let Some(p) = &s.phone
        && let Err(err) = validate::phone_e164(&field("phone"), p)
    {
        errors.push(err);
    }
    // The one-time code goes by email or SMS: a signer needs one of them.
    if s.email.is_none() && s.phone.is_none() {
        errors.push(FieldError::new(
            &field("email"),
            "an email or a phone is required to send the one-time code",
        ));
    }
    let person_id = s.person_id.as_deref().and_then(|p| {
        let parsed = PersonId::parse(p);
        if parsed.is_none() {
            errors.push(FieldError::new(&field("person_id"), "is not a person id"));
        }
        parsed
    });
    if level.identified() && s.person_id.is_none() {
        errors.push(FieldError::new(
            &field("person_id"),
            "is required for advanced and qualified signatures (the identified person)",
        ));
    }
    ValidSigner {
        name: name.to_owned(),
        email: s.email.clone(),
        phone: s.phone.clone(),
        person_id,
    }
}

/// Checks a new document at tenant time `now`, in this order: `name`, `signature_level`,
/// `signing_order`, `expires_at` (RFC 3339 in UTC, in the future), `tags`, `custom`,
/// `number` (return code 81 when malformed), `reminders`, the number of signers (at least
/// one; more than `max_signers`, the tenant's limit, carries return code 75; 0 is no limit),
/// then every signer: `name`, `email`, `phone`, an email or a phone, `person_id` (a person id,
/// required for `advanced`). Whether each signer's person exists is the caller's to check.
pub fn check_create(
    input: &CreateDocumentInput,
    now: Timestamp,
    max_signers: u64,
) -> Result<ValidDocument, Invalid> {
    let name = check_name("name", &input.name)?;
    let level = match input.signature_level.as_deref() {
        None => Level::Simple,
        Some(s) => Level::parse(s).ok_or_else(|| {
            FieldError::new("signature_level", "must be simple, advanced or qualified")
        })?,
    };
    let order = match input.signing_order.as_deref() {
        None => SigningOrder::Parallel,
        Some(s) => SigningOrder::parse(s)
            .ok_or_else(|| FieldError::new("signing_order", "must be parallel or sequential"))?,
    };
    let expires_at = match input.expires_at.as_deref() {
        None => None,
        Some(s) => {
            let t = validate::utc_timestamp("expires_at", s)?;
            if t <= now {
                return Err(FieldError::new("expires_at", "must be in the future").into());
            }
            Some(t)
        }
    };
    let tags = check_list("tags", &input.tags, MAX_TAG_CHARS)?;
    let custom = check_list("custom", &input.custom, MAX_CUSTOM_CHARS)?;
    let number = input
        .number
        .as_deref()
        .map(|n| check_number("number", n))
        .transpose()?;
    let reminders = input
        .reminders
        .map(|r| check_reminders("reminders", r))
        .transpose()?;
    if input.signers.is_empty() {
        return Err(FieldError::new("signers", "at least one signer is required").into());
    }
    if max_signers > 0 && input.signers.len() as u64 > max_signers {
        return Err(Invalid {
            fields: vec![FieldError::new(
                "signers",
                format!("at most {max_signers} signers (the tenant's limit)"),
            )],
            return_code: Some(RETURN_CODE_TOO_MANY_SIGNERS),
        });
    }
    let mut errors = Vec::new();
    let signers = input
        .signers
        .iter()
        .enumerate()
        .map(|(i, s)| check_signer(i, s, level, &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(errors.into());
    }
    Ok(ValidDocument {
        name,
        level,
        order,
        expires_at,
        tags,
        custom,
        number,
        reminders,
        signers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone, Utc};

    fn now() -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).single().unwrap()
    }

    fn pid() -> String {
        PersonId::from_random([7; 16]).as_str().to_owned()
    }

    fn signer(name: &str) -> SignerInput {
        SignerInput {
            name: name.into(),
            email: Some("a@example.com".into()),
            ..SignerInput::default()
        }
    }

    fn doc() -> CreateDocumentInput {
        CreateDocumentInput {
            name: "Contract".into(),
            signers: vec![signer("Ann")],
            ..CreateDocumentInput::default()
        }
    }

    fn refused(input: &CreateDocumentInput) -> Invalid {
        check_create(input, now(), MAX_SIGNERS as u64).unwrap_err()
    }

    /// A change to a valid request.
    type Edit = fn(&mut CreateDocumentInput);
    /// Expected errors as (field, message).
    type Fields<'a> = Vec<(&'a str, &'a str)>;

    fn one(field: &str, message: &str) -> Invalid {
        FieldError::new(field, message).into()
    }

    #[test]
    fn a_minimal_document_is_simple_parallel_without_expiry() {
        let v = check_create(&doc(), now(), MAX_SIGNERS as u64).unwrap();
        assert_eq!(v.name, "Contract");
        assert_eq!(v.level, Level::Simple);
        assert_eq!(v.order, SigningOrder::Parallel);
        assert_eq!(v.expires_at, None);
        assert!(v.tags.is_empty() && v.custom.is_empty());
        assert_eq!(
            v.signers,
            [ValidSigner {
                name: "Ann".into(),
                email: Some("a@example.com".into()),
                phone: None,
                person_id: None,
            }]
        );
    }

    #[test]
    fn every_document_field_has_its_rule_and_message() {
        let long = |n: usize| "x".repeat(n);
        let cases: Vec<(Edit, Invalid)> = vec![
            (
                |d| d.name = "   ".into(),
                one("name", "must be 1 to 255 characters"),
            ),
            (
                |d| d.name = "x".repeat(256),
                one("name", "must be 1 to 255 characters"),
            ),
            (
                |d| d.signature_level = Some("qes".into()),
                one("signature_level", "must be simple, advanced or qualified"),
            ),
            (
                |d| d.signature_level = Some("Simple".into()),
                one("signature_level", "must be simple, advanced or qualified"),
            ),
            (
                |d| d.signing_order = Some("random".into()),
                one("signing_order", "must be parallel or sequential"),
            ),
            (
                |d| d.expires_at = Some("tomorrow".into()),
                one(
                    "expires_at",
                    "must be an RFC 3339 timestamp in UTC, such as 2022-01-01T00:00:00.000Z",
                ),
            ),
            (
                |d| d.expires_at = Some("2026-03-02T12:00:00+01:00".into()),
                one(
                    "expires_at",
                    "must be in UTC (ending in Z or +00:00), such as 2022-01-01T00:00:00.000Z",
                ),
            ),
            (
                |d| d.expires_at = Some("2026-03-01T12:00:00Z".into()),
                one("expires_at", "must be in the future"),
            ),
            (
                |d| d.expires_at = Some("2020-01-01T00:00:00Z".into()),
                one("expires_at", "must be in the future"),
            ),
            (
                |d| d.tags = (0..21).map(|i| format!("t{i}")).collect(),
                one("tags", "at most 20 items"),
            ),
            (
                |d| d.tags = vec!["ok".into(), " ".into()],
                one("tags", "items must be 1 to 100 characters"),
            ),
            (
                |d| d.tags = vec!["y".repeat(101)],
                one("tags", "items must be 1 to 100 characters"),
            ),
            (
                |d| d.custom = (0..21).map(|i| format!("c{i}")).collect(),
                one("custom", "at most 20 items"),
            ),
            (
                |d| d.custom = vec!["z".repeat(1001)],
                one("custom", "items must be 1 to 1000 characters"),
            ),
            (
                |d| d.signers.clear(),
                one("signers", "at least one signer is required"),
            ),
            (
                |d| d.signers = (0..21).map(|i| signer(&format!("S{i}"))).collect(),
                Invalid {
                    fields: vec![FieldError::new(
                        "signers",
                        "at most 20 signers (the tenant's limit)",
                    )],
                    return_code: Some(75),
                },
            ),
        ];
        for (i, (edit, expected)) in cases.into_iter().enumerate() {
            let mut d = doc();
            edit(&mut d);
            assert_eq!(refused(&d), expected, "case {i}");
        }
        // The limits themselves pass.
        let mut d = doc();
        d.name = long(255);
        d.tags = (0..20).map(|i| format!("{i}{}", "t".repeat(98))).collect();
        d.custom = vec!["c".repeat(1000)];
        d.signers = (0..20).map(|i| signer(&format!("S{i}"))).collect();
        d.expires_at = Some("2026-03-01T12:00:00.001Z".into());
        let v = check_create(&d, now(), MAX_SIGNERS as u64).unwrap();
        assert_eq!(v.signers.len(), 20);
        assert_eq!(v.expires_at, Some(now() + TimeDelta::milliseconds(1)));
    }

    #[test]
    fn the_signer_limit_is_the_tenants_and_zero_is_none() {
        let mut d = doc();
        d.signers = (0..3).map(|i| signer(&format!("S{i}"))).collect();
        assert!(check_create(&d, now(), 3).is_ok());
        assert_eq!(
            check_create(&d, now(), 2).unwrap_err(),
            Invalid {
                fields: vec![FieldError::new(
                    "signers",
                    "at most 2 signers (the tenant's limit)"
                )],
                return_code: Some(75),
            }
        );
        d.signers = (0..30).map(|i| signer(&format!("S{i}"))).collect();
        assert_eq!(check_create(&d, now(), 0).unwrap().signers.len(), 30);
    }

    #[test]
    fn the_first_failing_document_field_is_the_one_answered() {
        let mut d = doc();
        d.name = String::new();
        d.signature_level = Some("x".into());
        d.signers.clear();
        assert_eq!(refused(&d), one("name", "must be 1 to 255 characters"));
        d.name = "ok".into();
        assert_eq!(
            refused(&d),
            one("signature_level", "must be simple, advanced or qualified")
        );
        d.signature_level = None;
        d.tags = vec![String::new()];
        assert_eq!(
            refused(&d),
            one("tags", "items must be 1 to 100 characters")
        );
        d.tags.clear();
        assert_eq!(
            refused(&d),
            one("signers", "at least one signer is required")
        );
        // Document fields are checked before any signer.
        d.signers = vec![SignerInput::default()];
        d.signing_order = Some("x".into());
        assert_eq!(
            refused(&d),
            one("signing_order", "must be parallel or sequential")
        );
    }

    #[test]
    fn names_tags_and_custom_are_trimmed_and_repeats_dropped() {
        let mut d = doc();
        d.name = "  Lease  ".into();
        d.tags = vec![" q4 ".into(), "q4".into(), "hr".into(), "q4".into()];
        d.custom = vec!["b".into(), "a".into(), " b".into()];
        d.signers = vec![signer("  Ann Lee ")];
        let v = check_create(&d, now(), MAX_SIGNERS as u64).unwrap();
        assert_eq!(v.name, "Lease");
        assert_eq!(v.tags, ["q4", "hr"]);
        assert_eq!(v.custom, ["b", "a"]);
        assert_eq!(v.signers[0].name, "Ann Lee");
        // Names count characters, not bytes.
        d.name = "é".repeat(255);
        assert!(check_create(&d, now(), MAX_SIGNERS as u64).is_ok());
    }

    #[test]
    fn levels_and_orders_are_read() {
        for (level, want) in [
            ("simple", Level::Simple),
            ("advanced", Level::Advanced),
            ("qualified", Level::Qualified),
        ] {
            let mut d = doc();
            d.signature_level = Some(level.into());
            d.signers[0].person_id = Some(pid());
            assert_eq!(
                check_create(&d, now(), MAX_SIGNERS as u64).unwrap().level,
                want
            );
        }
        for (order, want) in [
            ("parallel", SigningOrder::Parallel),
            ("sequential", SigningOrder::Sequential),
        ] {
            let mut d = doc();
            d.signing_order = Some(order.into());
            assert_eq!(
                check_create(&d, now(), MAX_SIGNERS as u64).unwrap().order,
                want
            );
        }
    }

    #[test]
    fn every_signer_rule_has_its_field_and_message() {
        let cases: Vec<(SignerInput, Level, Fields)> = vec![
            (
                SignerInput {
                    name: " ".into(),
                    email: Some("a@example.com".into()),
                    ..Default::default()
                },
                Level::Simple,
                vec![("signers[0].name", "must be 1 to 255 characters")],
            ),
            (
                SignerInput {
                    name: "A".into(),
                    email: Some("not-an-email".into()),
                    ..Default::default()
                },
                Level::Simple,
                vec![(
                    "signers[0].email",
                    "must be an email address such as jane@example.com",
                )],
            ),
            (
                SignerInput {
                    name: "A".into(),
                    phone: Some("0151 234".into()),
                    ..Default::default()
                },
                Level::Simple,
                vec![(
                    "signers[0].phone",
                    "must be a phone number in E.164 format, such as +49301234567",
                )],
            ),
            (
                SignerInput {
                    name: "A".into(),
                    ..Default::default()
                },
                Level::Simple,
                vec![(
                    "signers[0].email",
                    "an email or a phone is required to send the one-time code",
                )],
            ),
            (
                SignerInput {
                    name: "A".into(),
                    email: Some("a@example.com".into()),
                    person_id: Some("nope".into()),
                    ..Default::default()
                },
                Level::Simple,
                vec![("signers[0].person_id", "is not a person id")],
            ),
            // An advanced signer with an unreadable id is told so once, not also "required".
            (
                SignerInput {
                    name: "A".into(),
                    email: Some("a@example.com".into()),
                    person_id: Some("nope".into()),
                    ..Default::default()
                },
                Level::Advanced,
                vec![("signers[0].person_id", "is not a person id")],
            ),
            // Seed 001's test case: an advanced signer with neither contact nor person.
            (
                SignerInput {
                    name: "A".into(),
                    ..Default::default()
                },
                Level::Advanced,
                vec![
                    (
                        "signers[0].email",
                        "an email or a phone is required to send the one-time code",
                    ),
                    (
                        "signers[0].person_id",
                        "is required for advanced and qualified signatures (the identified person)",
                    ),
                ],
            ),
            // A qualified signature is bound to an identified person too.
            (
                SignerInput {
                    name: "A".into(),
                    email: Some("a@example.com".into()),
                    ..Default::default()
                },
                Level::Qualified,
                vec![(
                    "signers[0].person_id",
                    "is required for advanced and qualified signatures (the identified person)",
                )],
            ),
            (
                SignerInput {
                    name: String::new(),
                    email: Some("x".into()),
                    phone: Some("+49".into()),
                    person_id: Some("bad".into()),
                },
                Level::Simple,
                vec![
                    ("signers[0].name", "must be 1 to 255 characters"),
                    (
                        "signers[0].email",
                        "must be an email address such as jane@example.com",
                    ),
                    ("signers[0].phone", "is not a valid phone number"),
                    ("signers[0].person_id", "is not a person id"),
                ],
            ),
        ];
        for (i, (s, level, expected)) in cases.into_iter().enumerate() {
            let mut d = doc();
            d.signature_level = Some(level.as_str().into());
            d.signers = vec![s];
            let expected: Vec<FieldError> = expected
                .into_iter()
                .map(|(f, m)| FieldError::new(f, m))
                .collect();
            assert_eq!(refused(&d), expected.into(), "case {i}");
        }
    }

    #[test]
    fn every_bad_signer_is_named_in_signer_order() {
        let mut d = doc();
        d.signers = vec![
            signer("Ok"),
            SignerInput {
                name: "B".into(),
                ..Default::default()
            },
            signer("Fine"),
            SignerInput {
                name: "D".into(),
                phone: Some("+4930".into()),
                ..Default::default()
            },
        ];
        let fields: Vec<String> = refused(&d).fields.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["signers[1].email", "signers[3].phone"]);
    }

    #[test]
    fn a_valid_signer_keeps_its_contacts_and_person() {
        let mut d = doc();
        d.signature_level = Some("advanced".into());
        d.signers = vec![SignerInput {
            name: "Ann".into(),
            email: None,
            phone: Some("+4915123456789".into()),
            person_id: Some(pid()),
        }];
        let v = check_create(&d, now(), MAX_SIGNERS as u64).unwrap();
        let s = v.signers.into_iter().next().unwrap();
        assert_eq!(s.phone.as_deref(), Some("+4915123456789"));
        assert_eq!(s.person_id, PersonId::parse(&pid()));
        let id = SignerId::from_random([1; 16]);
        let n = s.into_new_signer(id.clone(), "tok".into());
        assert_eq!(
            (n.id, n.token.as_str(), n.name.as_str()),
            (id, "tok", "Ann")
        );
        assert_eq!(n.person_id, PersonId::parse(&pid()));
    }

    #[test]
    fn the_file_must_come_exactly_once() {
        use FileInput::*;
        let cases = [
            (Json { file: true }, None),
            (
                Json { file: false },
                Some(("file", "is required (the PDF, base64)")),
            ),
            (
                Multipart {
                    data: true,
                    file_in_data: false,
                    file_part: true,
                },
                None,
            ),
            (
                Multipart {
                    data: false,
                    file_in_data: false,
                    file_part: true,
                },
                Some(("data", "is required (the request as JSON)")),
            ),
            (
                Multipart {
                    data: false,
                    file_in_data: false,
                    file_part: false,
                },
                Some(("data", "is required (the request as JSON)")),
            ),
            (
                Multipart {
                    data: true,
                    file_in_data: true,
                    file_part: true,
                },
                Some(("file", "send the PDF once, as the file part")),
            ),
            (
                Multipart {
                    data: true,
                    file_in_data: true,
                    file_part: false,
                },
                Some(("file", "send the PDF once, as the file part")),
            ),
            (
                Multipart {
                    data: true,
                    file_in_data: false,
                    file_part: false,
                },
                Some(("file", "is required (the PDF)")),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                check_file(input),
                match expected {
                    None => Ok(()),
                    Some((f, m)) => Err(FieldError::new(f, m)),
                },
                "{input:?}"
            );
        }
    }

    #[test]
    fn only_the_file_and_data_parts_are_known() {
        assert_eq!(multipart_part("file"), Ok(Part::File));
        assert_eq!(multipart_part("data"), Ok(Part::Data));
        assert_eq!(
            multipart_part("pdf"),
            Err(FieldError::new("pdf", "is not a known part (file, data)"))
        );
        assert_eq!(
            not_base64(),
            Invalid {
                fields: vec![FieldError::new("file", "must be base64")],
                return_code: Some(92),
            }
        );
    }

    #[test]
    fn a_number_is_letters_digits_and_four_signs_up_to_64() {
        let mut d = doc();
        d.number = Some("INV-2026_07,a@b".into());
        assert_eq!(
            check_create(&d, now(), MAX_SIGNERS as u64)
                .unwrap()
                .number
                .as_deref(),
            Some("INV-2026_07,a@b")
        );
        d.number = Some("x".repeat(64));
        assert!(check_create(&d, now(), MAX_SIGNERS as u64).is_ok());
        for bad in ["", " A1", "A 1", "A/1", "Ä1", "A1\n", &"x".repeat(65)] {
            d.number = Some(bad.to_owned());
            let e = refused(&d);
            assert_eq!(e.return_code, Some(81), "{bad:?}");
            assert_eq!(e.fields[0].field, "number", "{bad:?}");
        }
        d.number = None;
        assert_eq!(
            check_create(&d, now(), MAX_SIGNERS as u64).unwrap().number,
            None
        );
    }

    #[test]
    fn reminders_are_an_hour_to_a_year_and_at_most_20() {
        let mut d = doc();
        d.reminders = Some((3600, 86_400, 3));
        assert_eq!(
            check_create(&d, now(), MAX_SIGNERS as u64)
                .unwrap()
                .reminders,
            Some(Reminders {
                after: 3600,
                every: 86_400,
                max: 3
            })
        );
        d.reminders = Some((3599, 365 * 24 * 3600 + 1, 21));
        let e = refused(&d);
        let fields: Vec<_> = e.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            ["reminders.after", "reminders.every", "reminders.max"]
        );
        d.reminders = Some((3600, 3600, 0));
        assert_eq!(
            check_create(&d, now(), MAX_SIGNERS as u64)
                .unwrap()
                .reminders
                .unwrap()
                .max,
            0
        );
    }
}
