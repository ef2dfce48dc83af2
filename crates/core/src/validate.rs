//! Validation primitives shared by every resource.
//!
//! Each check takes the name of the field it checks and returns a [`FieldError`] naming it, so
//! a handler can turn the first failure straight into seed 002's error body (`invalid_model`,
//! `source.field`, `source.message`). Messages are short English phrases without a trailing
//! period, written to be read after the field name ("first_name: must not contain digits").
//!
//! The rules are the ones seed 002 and the SPEC state; where they leave room, the doc comment
//! of the function says what Signet chose.

use chrono::{DateTime, NaiveDate, Utc};
use unicode_properties::{GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};

mod countries;

pub use countries::{COUNTRIES, Country};

/// A value that failed validation, with the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// The field as the API names it (`first_name`, `address.country`).
    pub field: String,
    /// What is wrong, as a short phrase for `source.message`.
    pub message: String,
}

impl FieldError {
    /// A failure of `field` with `message`.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// A request refused by validation: its field errors (`invalid_model`, one entry each) and,
/// where seed 001 numbers the problem, the `return_code` the API adds (75 too many signers,
/// 92 a file that is not base64).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub fields: Vec<FieldError>,
    pub return_code: Option<u32>,
}

impl From<FieldError> for Invalid {
    fn from(e: FieldError) -> Self {
        Invalid {
            fields: vec![e],
            return_code: None,
        }
    }
}

impl From<Vec<FieldError>> for Invalid {
    fn from(fields: Vec<FieldError>) -> Self {
        Invalid {
            fields,
            return_code: None,
        }
    }
}

/// The longest first or last name seed 002 allows, in characters.
pub const MAX_NAME_CHARS: usize = 50;

/// A first or last name, by seed 002's sanitisation rules: at most 50 characters (Unicode
/// scalar values, not bytes), not empty, not starting with whitespace, and no symbols, digits or
/// emojis.
///
/// Accepted: letters of every script with their combining marks, spaces, hyphens, apostrophes
/// (`'` and `’`) and dots, so "O'Brien", "Jean-Luc", "St. John", "Ёлкина", "محمد" and "王小明"
/// pass, and so do the sandbox prefixes ("X-AUTOTEST-HAPPYPATH"). Also accepted: the zero-width
/// non-joiner (U+200C), which Persian and several Indic names need inside words. Variation
/// selectors are refused even though they are marks: they only turn characters into emoji.
/// At least one letter is required, so a name of only dots and hyphens is refused.
pub fn person_name(field: &str, value: &str) -> Result<(), FieldError> {
    if value.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!("must not be longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if value.starts_with(char::is_whitespace) {
        return Err(FieldError::new(field, "must not start with whitespace"));
    }
    let mut has_letter = false;
    for c in value.chars() {
        match name_char(c) {
            NameChar::Letter => has_letter = true,
            NameChar::Allowed => {}
            NameChar::Digit => return Err(FieldError::new(field, "must not contain digits")),
            NameChar::Emoji => return Err(FieldError::new(field, "must not contain emojis")),
            NameChar::Other => {
                return Err(FieldError::new(
                    field,
                    format!("must not contain the character {}", describe_char(c)),
                ));
            }
        }
    }
    if !has_letter {
        return Err(FieldError::new(field, "must contain a letter"));
    }
    Ok(())
}

enum NameChar {
    Letter,
    Allowed,
    Digit,
    Emoji,
    Other,
}

fn name_char(c: char) -> NameChar {
    use GeneralCategory as G;
    match c {
        ' ' | '-' | '\'' | '\u{2019}' | '.' | '\u{200C}' => return NameChar::Allowed,
        // Variation selectors (FE00–FE0F, E0100–E01EF) are marks, but only select glyph styles,
        // chiefly emoji presentation.
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => return NameChar::Emoji,
        _ => {}
    }
    match c.general_category() {
        G::UppercaseLetter
        | G::LowercaseLetter
        | G::TitlecaseLetter
        | G::ModifierLetter
        | G::OtherLetter => NameChar::Letter,
        G::NonspacingMark | G::SpacingMark => NameChar::Allowed,
        G::DecimalNumber | G::LetterNumber | G::OtherNumber => NameChar::Digit,
        // Emoji are symbols (So), regional indicators and the like; ASCII digits, `#` and `*`
        // are emoji components too but are reported as what they are.
        _ if c.is_emoji_char() && !c.is_ascii() => NameChar::Emoji,
        _ => NameChar::Other,
    }
}

/// A character as a message can show it: printable ones quoted, others by code point.
fn describe_char(c: char) -> String {
    if c.is_whitespace()
        || c.is_control()
        || matches!(c.general_category(), GeneralCategory::Format)
    {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("\"{c}\"")
    }
}

/// An ISO 3166-1 alpha-2 country code: two uppercase letters, officially assigned.
///
/// Lowercase forms are refused with a message that says so rather than silently uppercased,
/// because the API echoes stored values and integrators compare them. User-assigned and
/// reserved codes (XK for Kosovo, EU, UK) are refused.
pub fn country(field: &str, value: &str) -> Result<(), FieldError> {
    if is_country_alpha2(value) {
        return Ok(());
    }
    if is_country_alpha2(&value.to_ascii_uppercase()) {
        return Err(FieldError::new(
            field,
            format!(
                "must be an uppercase ISO 3166-1 alpha-2 country code, such as {:?}",
                value.to_ascii_uppercase()
            ),
        ));
    }
    Err(FieldError::new(
        field,
        "must be an officially assigned ISO 3166-1 alpha-2 country code, such as \"DE\"",
    ))
}

/// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (uppercase).
pub fn is_country_alpha2(code: &str) -> bool {
    find_alpha2(code).is_some()
}

fn find_alpha2(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|c| c.alpha2.cmp(code))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
}

/// The alpha-2 code for an alpha-3 code as it appears in a machine-readable zone.
///
/// ICAO 9303 uses ISO alpha-3 codes with a few additions: Germany is `D` (also written `D<<`
/// in the three-character field), and the British nationality classes GBD, GBN, GBO, GBP and GBS
/// are all the United Kingdom. The specimen country `UTO` (Utopia) and ICAO's codes for
/// organisations and stateless persons (EUE, UNO, XXA, …) have no country and give `None`.
pub fn country_alpha3_to_alpha2(code: &str) -> Option<&'static str> {
    let code = code.trim_end_matches('<');
    match code {
        "D" => return Some("DE"),
        "GBD" | "GBN" | "GBO" | "GBP" | "GBS" => return Some("GB"),
        _ => {}
    }
    COUNTRIES
        .iter()
        .find(|c| c.alpha3 == code)
        .map(|c| c.alpha2)
}

/// The English short name of an alpha-2 code ("DE" → "Germany").
pub fn country_name(code: &str) -> Option<&'static str> {
    find_alpha2(code).map(|c| c.name)
}

/// A phone number in E.164 form (`+`, then 2 to 15 digits, no spaces) that libphonenumber's
/// metadata (through the `phonenumber` crate) considers valid, of any line type.
///
/// Seed 002's sandbox walkthrough tells testers to type "+15550101" into the simulated
/// provider's page; that value is too short for the North American plan (seven national digits
/// where ten are needed) and libphonenumber judges it invalid, so Signet refuses it as a
/// person's `mobile_number`. The applicant's page accepts it in test mode only, through
/// [`sandbox_phone`].
pub fn phone_e164(field: &str, value: &str) -> Result<(), FieldError> {
    let digits = value.strip_prefix('+').unwrap_or("");
    let well_formed = (2..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if !well_formed {
        return Err(FieldError::new(
            field,
            "must be a phone number in E.164 format, such as +49301234567",
        ));
    }
    match phonenumber::parse(None, value) {
        Ok(number) if number.is_valid() => Ok(()),
        _ => Err(FieldError::new(field, "is not a valid phone number")),
    }
}

/// The numbers seed 002's sandbox tutorial tells testers to type on the applicant's page:
/// the static `+15550101`, or any number that starts with 0 (digits only, at most 15, as the
/// caller gives them once spaces and dashes are removed). Neither is a real E.164 number, so
/// callers accept them in test mode only, where no SMS is ever sent.
pub fn sandbox_phone(value: &str) -> bool {
    value == "+15550101"
        || (value.starts_with('0')
            && (2..=15).contains(&value.len())
            && value.bytes().all(|b| b.is_ascii_digit()))
}

/// The ISO 3166-1 alpha-2 region of a valid E.164 number (`DE` for `+49…`), as
/// libphonenumber's metadata assigns it; `None` for a number it cannot place.
pub fn phone_region(value: &str) -> Option<String> {
    let number = phonenumber::parse(None, value).ok()?;
    let id = number.country().id()?;
    Some(id.as_ref().to_owned())
}

/// An ISO 8601 calendar date written exactly `YYYY-MM-DD` (no time, no week or ordinal forms,
/// no signs or extra digits), that exists in the calendar.
pub fn date(field: &str, value: &str) -> Result<NaiveDate, FieldError> {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(FieldError::new(
            field,
            "must be a date in the form YYYY-MM-DD",
        ));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "is not a valid calendar date"))
}

/// An RFC 3339 timestamp in UTC: the offset must be `Z` (or `z`) or `+00:00`; fractional
/// seconds are optional ("2022-01-01T00:00:00.000Z" as in seed 002).
///
/// Other offsets are refused rather than converted, because seed 002 asks for consent times
/// recorded as UTC timestamps and a local offset suggests the client recorded local time.
/// `-00:00`, which RFC 3339 reserves for "offset unknown", is refused too.
pub fn utc_timestamp(field: &str, value: &str) -> Result<DateTime<Utc>, FieldError> {
    let parsed = DateTime::parse_from_rfc3339(value).map_err(|_| {
        FieldError::new(
            field,
            "must be an RFC 3339 timestamp in UTC, such as 2022-01-01T00:00:00.000Z",
        )
    })?;
    let explicit_utc = value.ends_with('Z') || value.ends_with('z') || value.ends_with("+00:00");
    if !explicit_utc || parsed.offset().local_minus_utc() != 0 {
        return Err(FieldError::new(
            field,
            "must be in UTC (ending in Z or +00:00), such as 2022-01-01T00:00:00.000Z",
        ));
    }
    Ok(parsed.with_timezone(&Utc))
}

/// The NACE Rev. 2 sections and the divisions each one holds.
const NACE_SECTIONS: &[(char, &[u8])] = &[
    ('A', &[1, 2, 3]),
    ('B', &[5, 6, 7, 8, 9]),
    (
        'C',
        &[
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
            32, 33,
        ],
    ),
    ('D', &[35]),
    ('E', &[36, 37, 38, 39]),
    ('F', &[41, 42, 43]),
    ('G', &[45, 46, 47]),
    ('H', &[49, 50, 51, 52, 53]),
    ('I', &[55, 56]),
    ('J', &[58, 59, 60, 61, 62, 63]),
    ('K', &[64, 65, 66]),
    ('L', &[68]),
    ('M', &[69, 70, 71, 72, 73, 74, 75]),
    ('N', &[77, 78, 79, 80, 81, 82]),
    ('O', &[84]),
    ('P', &[85]),
    ('Q', &[86, 87, 88]),
    ('R', &[90, 91, 92, 93]),
    ('S', &[94, 95, 96]),
    ('T', &[97, 98]),
    ('U', &[99]),
];

/// A NACE Rev. 2 activity code. Accepted forms, with an optional section letter in front:
/// a division ("62", "J62"), a group ("62.0", "J62.0") or a class ("62.01", "J62.01").
///
/// The division must exist in NACE Rev. 2 (01–99 has gaps: 04, 34, 40, 44, 48, 54, 57, 67, 76,
/// 83, 89), and a section letter must be the one that holds the division ("J62.01", not
/// "K62.01"). Groups and classes are checked for shape only: the full list of 615 classes
/// changes with each revision and belongs to a reference table, not to a validation rule.
pub fn nace_code(field: &str, value: &str) -> Result<(), FieldError> {
    let shape_error = || {
        FieldError::new(
            field,
            "must be a NACE Rev. 2 code such as \"62\", \"62.01\" or \"J62.01\"",
        )
    };
    let (section, rest) = match value.chars().next() {
        Some(c) if c.is_ascii_uppercase() => (Some(c), &value[1..]),
        _ => (None, value),
    };
    let b = rest.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let shaped = match b.len() {
        2 => digit(0) && digit(1),
        4 => digit(0) && digit(1) && b[2] == b'.' && digit(3),
        5 => digit(0) && digit(1) && b[2] == b'.' && digit(3) && digit(4),
        _ => false,
    };
    if !shaped {
        return Err(shape_error());
    }
    let division = (b[0] - b'0') * 10 + (b[1] - b'0');
    let Some((holder, _)) = NACE_SECTIONS
        .iter()
        .find(|(_, divisions)| divisions.contains(&division))
    else {
        return Err(FieldError::new(
            field,
            format!("has no NACE Rev. 2 division {division:02}"),
        ));
    };
    match section {
        Some(s) if s != *holder => Err(FieldError::new(
            field,
            format!("division {division:02} belongs to section {holder}, not {s}"),
        )),
        _ => Ok(()),
    }
}

/// At most `max` characters (Unicode scalar values, not bytes).
pub fn max_len(field: &str, value: &str, max: usize) -> Result<(), FieldError> {
    if value.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("must not be longer than {max} characters"),
        ));
    }
    Ok(())
}

/// A pragmatic e-mail address check: at most 254 characters, exactly one `@`, a local part of
/// 1 to 64 characters, a domain with at least one dot and no empty labels, and no whitespace or
/// control characters anywhere. Deliverability is proven by sending, not by a pattern, so
/// nothing stricter is attempted (quoted local parts are refused; they are vanishingly rare).
pub fn email(field: &str, value: &str) -> Result<(), FieldError> {
    let invalid = || FieldError::new(field, "must be an email address such as jane@example.com");
    if value.chars().count() > 254 {
        return Err(FieldError::new(
            field,
            "must not be longer than 254 characters",
        ));
    }
    if value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"')
    {
        return Err(invalid());
    }
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(invalid());
    };
    let local_ok = !local.is_empty() && local.chars().count() <= 64;
    let domain_ok = domain.contains('.') && domain.split('.').all(|label| !label.is_empty());
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests;
