//! Machine-readable zones of travel and identity documents (ICAO Doc 9303).
//!
//! Parses the three document formats — TD1 (3 × 30, identity cards, part 5),
//! TD2 (2 × 36, part 6) and TD3 (2 × 44, passports, part 4) — and the two visa
//! formats MRV-A (2 × 44) and MRV-B (2 × 36, part 7).
//!
//! Structural problems (line count, line length, a character that may not
//! stand at a position, a date that is no calendar date) are a [`MrzError`]
//! naming the line and the 1-based position. Check digits are not errors:
//! every check digit the format defines is recomputed and recorded in
//! [`Mrz::checks`], so a review can say exactly which one failed.
//!
//! Pure: two-digit years are resolved against a `today` the caller passes.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The layout of a machine-readable zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MrzFormat {
    /// 3 lines of 30 characters: identity cards (Doc 9303 part 5).
    Td1,
    /// 2 lines of 36 characters (part 6).
    Td2,
    /// 2 lines of 44 characters: passports (part 4).
    Td3,
    /// Visa, 2 lines of 44 characters (part 7).
    MrvA,
    /// Visa, 2 lines of 36 characters (part 7).
    MrvB,
}

impl MrzFormat {
    /// Number of lines of the zone.
    pub fn line_count(self) -> usize {
        match self {
            MrzFormat::Td1 => 3,
            _ => 2,
        }
    }

    /// Number of characters of each line.
    pub fn line_length(self) -> usize {
        match self {
            MrzFormat::Td1 => 30,
            MrzFormat::Td2 | MrzFormat::MrvB => 36,
            MrzFormat::Td3 | MrzFormat::MrvA => 44,
        }
    }
}

/// Sex as printed in the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// `M`
    Male,
    /// `F`
    Female,
    /// `X` or the filler `<`.
    Unspecified,
}

/// The data a check digit protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckField {
    DocumentNumber,
    BirthDate,
    ExpiryDate,
    /// The personal number (optional data) of a TD3 passport.
    OptionalData,
    /// The composite check digit over several fields (TD1, TD2, TD3).
    Composite,
}

impl std::fmt::Display for CheckField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CheckField::DocumentNumber => "document number",
            CheckField::BirthDate => "date of birth",
            CheckField::ExpiryDate => "date of expiry",
            CheckField::OptionalData => "optional data",
            CheckField::Composite => "composite",
        })
    }
}

/// One recomputed check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub field: CheckField,
    /// 1-based line of the check digit.
    pub line: usize,
    /// 1-based position of the check digit in its line.
    pub position: usize,
    /// The digit computed from the data.
    pub expected: char,
    /// The character found at the check digit's position.
    pub found: char,
    pub ok: bool,
}

/// A parsed machine-readable zone.
///
/// Text fields hold ICAO's Latin (A–Z, 0–9) with trailing fillers removed;
/// in names every filler becomes a single space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mrz {
    pub format: MrzFormat,
    /// `P`, `PD`, `I`, `ID`, `AC`, `C`, `V`, … (trailing filler removed).
    pub document_code: String,
    /// Issuing state or organisation: `UTO`, `D` (Germany's `D<<`), …
    pub issuing_state: String,
    /// Primary identifier (surnames), words separated by single spaces.
    pub surname: String,
    /// Secondary identifier (given names), words separated by single spaces.
    pub given_names: String,
    /// The name field is full to its last position, so the name may have
    /// been truncated (Doc 9303 part 3 truncates names that do not fit).
    pub name_truncated: bool,
    /// The full document number, including the part a TD1 or TD2 carries in
    /// its optional data when the number is longer than 9 characters.
    pub document_number: String,
    pub nationality: String,
    /// `None` when the zone holds fillers for an unknown (part of the) date.
    pub birth_date: Option<NaiveDate>,
    pub sex: Sex,
    /// `None` when the zone holds fillers instead of a date.
    pub expiry_date: Option<NaiveDate>,
    /// Optional data: the personal number of a TD3, optional data element 1
    /// of a TD1 (without a long document number's continuation).
    pub optional_data: String,
    /// Optional data element 2 (line 2) of a TD1.
    pub optional_data_2: Option<String>,
    /// Every check digit of the format, in the order of the zone.
    pub checks: Vec<CheckResult>,
}

/// What a position would have accepted, for [`MrzError::InvalidCharacter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `A`–`Z`, `0`–`9` or `<`.
    MrzCharacter,
    /// `A`–`Z` or `<`.
    LetterOrFiller,
    /// `0`–`9` or `<`.
    DigitOrFiller,
    /// The first letter of the document code, listed.
    DocumentCode(&'static str),
    /// `M`, `F`, `X` or `<`.
    Sex,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::MrzCharacter => f.write_str("A-Z, 0-9 or <"),
            Expected::LetterOrFiller => f.write_str("A-Z or <"),
            Expected::DigitOrFiller => f.write_str("0-9 or <"),
            Expected::DocumentCode(codes) => write!(f, "document code {codes}"),
            Expected::Sex => f.write_str("M, F, X or <"),
        }
    }
}

/// Which date of the zone, for [`MrzError::InvalidDate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Birth,
    Expiry,
}

impl std::fmt::Display for DateField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateField::Birth => "date of birth",
            DateField::Expiry => "date of expiry",
        })
    }
}

/// A zone that cannot be read. Lines and positions are 1-based and count
/// only the non-blank lines of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MrzError {
    #[error("the machine-readable zone is empty")]
    Empty,
    #[error("a machine-readable zone has 2 or 3 lines, found {found}")]
    LineCount { found: usize },
    #[error("line {line} has {found} characters, expected {}", lengths(.expected))]
    LineLength {
        line: usize,
        found: usize,
        expected: &'static [usize],
    },
    #[error("line {line}, position {position}: found {found:?}, expected {expected}")]
    InvalidCharacter {
        line: usize,
        position: usize,
        found: char,
        expected: Expected,
    },
    #[error("line {line}, positions {position}-{}: {value} is no valid {field}", .position + 5)]
    InvalidDate {
        field: DateField,
        line: usize,
        position: usize,
        value: String,
    },
    #[error(
        "line {line}, position {position}: the document number continues in the optional data, \
         but no continuation and check digit stand there"
    )]
    LongDocumentNumber { line: usize, position: usize },
}

fn lengths(expected: &[usize]) -> String {
    let all: Vec<String> = expected.iter().map(usize::to_string).collect();
    all.join(" or ")
}

/// The value of an MRZ character for check digits: digits their value,
/// `A`–`Z` 10–35, the filler `<` 0.
fn char_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

fn check_digit_of<'a>(data: impl IntoIterator<Item = &'a u8>) -> char {
    const WEIGHTS: [u32; 3] = [7, 3, 1];
    let sum: u32 = data
        .into_iter()
        .zip(WEIGHTS.iter().cycle())
        .map(|(&b, w)| char_value(b).unwrap_or(0) * w)
        .sum();
    // sum % 10 < 10, so the addition stays an ASCII digit.
    char::from(b'0' + (sum % 10) as u8)
}

/// The check digit of `field` (Doc 9303 part 3: weights 7, 3, 1), or
/// `None` when `field` holds a character that is not an MRZ character.
pub fn check_digit(field: &str) -> Option<char> {
    if field.bytes().all(|b| char_value(b).is_some()) {
        Some(check_digit_of(field.as_bytes()))
    } else {
        None
    }
}

/// The ISO 3166-1 alpha-3 code for a Doc 9303 state code: Germany's `D` (or
/// `D<<`) becomes `DEU`; every other code is returned without fillers
/// (Doc 9303 also uses non-ISO codes such as `UTO`, `XXA` or `UNO`).
pub fn state_to_iso3166(code: &str) -> &str {
    let code = code.trim_end_matches('<');
    if code == "D" { "DEU" } else { code }
}

/// A run of positions: (line, first, last), all 1-based and inclusive.
type Span = (usize, usize, usize);

/// Positions of a format's fields: (line, first position), both 1-based.
struct Layout {
    format: MrzFormat,
    name: (usize, usize),
    document_number: (usize, usize),
    nationality: (usize, usize),
    birth: (usize, usize),
    sex: (usize, usize),
    expiry: (usize, usize),
    optional: Span,
    optional_2: Option<Span>,
    /// Check digit of the optional data (TD3 personal number).
    optional_check: Option<(usize, usize)>,
    /// (line, position of the digit, the spans it covers)
    composite: Option<(usize, usize, &'static [Span])>,
    /// A document number longer than 9 characters continues in the optional
    /// data when its check digit position holds a filler (TD1, TD2).
    long_number: bool,
}

impl Layout {
    fn of(format: MrzFormat) -> Layout {
        match format {
            MrzFormat::Td1 => Layout {
                format,
                name: (3, 1),
                document_number: (1, 6),
                nationality: (2, 16),
                birth: (2, 1),
                sex: (2, 8),
                expiry: (2, 9),
                optional: (1, 16, 30),
                optional_2: Some((2, 19, 29)),
                optional_check: None,
                composite: Some((2, 30, &[(1, 6, 30), (2, 1, 7), (2, 9, 15), (2, 19, 29)])),
                long_number: true,
            },
            MrzFormat::Td2 => Layout {
                format,
                name: (1, 6),
                document_number: (2, 1),
                nationality: (2, 11),
                birth: (2, 14),
                sex: (2, 21),
                expiry: (2, 22),
                optional: (2, 29, 35),
                optional_2: None,
                optional_check: None,
                composite: Some((2, 36, &[(2, 1, 10), (2, 14, 20), (2, 22, 35)])),
                long_number: true,
            },
            MrzFormat::Td3 => Layout {
                format,
                name: (1, 6),
                document_number: (2, 1),
                nationality: (2, 11),
                birth: (2, 14),
                sex: (2, 21),
                expiry: (2, 22),
                optional: (2, 29, 42),
                optional_2: None,
                optional_check: Some((2, 43)),
                composite: Some((2, 44, &[(2, 1, 10), (2, 14, 20), (2, 22, 43)])),
                long_number: false,
            },
            MrzFormat::MrvA | MrzFormat::MrvB => Layout {
                format,
                name: (1, 6),
                document_number: (2, 1),
                nationality: (2, 11),
                birth: (2, 14),
                sex: (2, 21),
                expiry: (2, 22),
                optional: (2, 29, format.line_length()),
                optional_2: None,
                optional_check: None,
                composite: None,
                long_number: false,
            },
        }
    }
}

/// Validated lines: ASCII, of the format's length, only MRZ characters.
struct Zone {
    lines: Vec<Vec<u8>>,
}

impl Zone {
    fn at(&self, line: usize, position: usize) -> u8 {
        self.lines[line - 1][position - 1]
    }

    fn range(&self, line: usize, first: usize, last: usize) -> &[u8] {
        &self.lines[line - 1][first - 1..last]
    }

    /// Every position of the range must satisfy `accept`.
    fn require(
        &self,
        line: usize,
        first: usize,
        last: usize,
        expected: Expected,
        accept: impl Fn(u8) -> bool,
    ) -> Result<(), MrzError> {
        for position in first..=last {
            let b = self.at(line, position);
            if !accept(b) {
                return Err(MrzError::InvalidCharacter {
                    line,
                    position,
                    found: char::from(b),
                    expected,
                });
            }
        }
        Ok(())
    }
}

fn ascii(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn trim_fillers(bytes: &[u8]) -> String {
    ascii(bytes).trim_end_matches('<').to_string()
}

fn is_letter_or_filler(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'<'
}

fn is_digit_or_filler(b: u8) -> bool {
    b.is_ascii_digit() || b == b'<'
}

/// Name words: fillers become single spaces.
fn name_words(bytes: &[u8]) -> String {
    let text = ascii(bytes);
    let words: Vec<&str> = text.split('<').filter(|w| !w.is_empty()).collect();
    words.join(" ")
}

impl Mrz {
    /// Parses a zone given as newline-separated lines. Surrounding
    /// whitespace, CRLF line ends and blank lines are ignored.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Mrz, MrzError> {
        Mrz::from_lines(input.lines(), today)
    }

    /// Parses a zone given line by line (each line trimmed; blank lines are
    /// ignored).
    pub fn from_lines<I, S>(lines: I, today: NaiveDate) -> Result<Mrz, MrzError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let lines: Vec<String> = lines
            .into_iter()
            .map(|l| l.as_ref().trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let (zone, format) = zone_of(&lines)?;
        parse_zone(&zone, Layout::of(format), today)
    }

    /// Whether every check digit matches its data.
    pub fn all_checks_pass(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// The check digits that do not match their data.
    pub fn failed_checks(&self) -> impl Iterator<Item = &CheckResult> {
        self.checks.iter().filter(|c| !c.ok)
    }

    /// The check of one field, if the format has one.
    pub fn check(&self, field: CheckField) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.field == field)
    }

    /// Whether the document expired before `today` (it is valid through its
    /// expiry date). A zone without an expiry date is not expired.
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.expiry_date.is_some_and(|expiry| expiry < today)
    }

    /// Whether the zone's name is a person's name, tolerant of ICAO's
    /// transliteration (Doc 9303 part 3's table: `Ä` as `AE` or `A`, `Ö` as `OE`
    /// or `O`, `Ü` as `UE` or `U`, `ß` as `SS`, `Å` as `AA` or `A`, `Ø` as
    /// `OE`, `Þ` as `TH`, other accents dropped), of case, hyphens and
    /// apostrophes, and of the order of given names. When the zone's name
    /// field is full (possibly truncated) the zone's last given name and
    /// single-letter given names may be prefixes, and given names cut off
    /// entirely are not required; the surname may then be a prefix too.
    pub fn names_match(&self, first_name: &str, last_name: &str) -> bool {
        let truncated = self.name_truncated;
        if self.surname.is_empty() {
            return false;
        }
        let last = person_words(last_name);
        if last.is_empty() {
            return false;
        }
        let mut joined: Vec<Vec<String>> = Vec::new();
        for (i, word) in last.iter().enumerate() {
            if i > 0 {
                joined.push(vec![" ".to_string()]);
            }
            joined.extend(word.iter().cloned());
        }
        if !transliteration_matches(&joined, &self.surname, truncated) {
            return false;
        }

        let zone_given: Vec<&str> = self
            .given_names
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        let person_given = person_words(first_name);
        if zone_given.len() > 16 || person_given.len() > 16 {
            return false;
        }
        if truncated {
            if zone_given.len() > person_given.len() {
                return false;
            }
        } else if zone_given.len() != person_given.len() {
            return false;
        }
        let mut used = vec![false; person_given.len()];
        assign_given(&zone_given, 0, &person_given, &mut used, truncated)
    }
}

/// Matches zone given names `zone[i..]` to distinct unused person words.
fn assign_given(
    zone: &[&str],
    i: usize,
    person: &[Vec<Vec<String>>],
    used: &mut [bool],
    truncated: bool,
) -> bool {
    let Some(word) = zone.get(i) else {
        return true;
    };
    let prefix = truncated && (i + 1 == zone.len() || word.len() == 1);
    for j in 0..person.len() {
        if used[j] || !transliteration_matches(&person[j], word, prefix) {
            continue;
        }
        used[j] = true;
        if assign_given(zone, i + 1, person, used, truncated) {
            return true;
        }
        used[j] = false;
    }
    false
}

/// Whether some transliteration of `units` (each a list of alternative
/// spellings of one character) spells `zone` — or, with `prefix`, begins
/// with `zone`.
fn transliteration_matches(units: &[Vec<String>], zone: &str, prefix: bool) -> bool {
    let zone = zone.as_bytes();
    let end = zone.len();
    let mut reach = vec![false; end + 1];
    reach[0] = true;
    for unit in units {
        if prefix && reach[end] {
            return true;
        }
        let mut next = vec![false; end + 1];
        for j in 0..=end {
            if !reach[j] {
                continue;
            }
            let rest = &zone[j..];
            for alternative in unit {
                let alternative = alternative.as_bytes();
                if rest.starts_with(alternative) {
                    next[j + alternative.len()] = true;
                } else if prefix && !rest.is_empty() && alternative.starts_with(rest) {
                    return true;
                }
            }
        }
        reach = next;
    }
    reach[end]
}

/// A person's name as words of characters, each character the list of its
/// spellings in ICAO's Latin.
fn person_words(name: &str) -> Vec<Vec<Vec<String>>> {
    let mut words = Vec::new();
    let mut word: Vec<Vec<String>> = Vec::new();
    for c in name.chars() {
        if c.is_whitespace()
            || matches!(c, '-' | '‐' | '‑' | '–' | '—' | ',' | '.' | '<' | '_' | '/')
        {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        } else if matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´') {
            // Doc 9303 part 3: apostrophes are omitted.
        } else {
            word.push(spellings(c));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The spellings of one character in ICAO's Latin.
fn spellings(c: char) -> Vec<String> {
    if c.is_ascii_alphanumeric() {
        return vec![c.to_ascii_uppercase().to_string()];
    }
    let table: &[&str] = match c {
        'Ä' | 'ä' => &["AE", "A"],
        'Å' | 'å' => &["AA", "A"],
        'Æ' | 'æ' => &["AE"],
        'Ö' | 'ö' => &["OE", "O"],
        'Ø' | 'ø' => &["OE", "O"],
        'Œ' | 'œ' => &["OE"],
        'Ü' | 'ü' => &["UE", "U"],
        'ß' | 'ẞ' => &["SS"],
        'Þ' | 'þ' => &["TH"],
        'Ð' | 'ð' | 'Đ' | 'đ' => &["D"],
        'Ħ' | 'ħ' => &["H"],
        'ı' => &["I"],
        'Ĳ' | 'ĳ' => &["IJ"],
        'Ŀ' | 'ŀ' | 'Ł' | 'ł' => &["L"],
        'Ŋ' | 'ŋ' => &["N"],
        'Ŧ' | 'ŧ' => &["T"],
        _ => &[],
    };
    if !table.is_empty() {
        return table.iter().map(|s| (*s).to_string()).collect();
    }
    // Other accented Latin letters: the base letter.
    let base: String = c
        .nfd()
        .filter(char::is_ascii_alphabetic)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if base.is_empty() {
        // Not Latin: spelled as itself, which no zone contains.
        vec![c.to_string()]
    } else {
        vec![base]
    }
}

/// Checks line count, lengths and characters, and tells the format.
fn zone_of(lines: &[String]) -> Result<(Zone, MrzFormat), MrzError> {
    const TWO_LINE_LENGTHS: &[usize] = &[36, 44];
    let lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let length = match lines.len() {
        0 => return Err(MrzError::Empty),
        3 => 30,
        2 => {
            if !TWO_LINE_LENGTHS.contains(&lengths[0]) {
                return Err(MrzError::LineLength {
                    line: 1,
                    found: lengths[0],
                    expected: TWO_LINE_LENGTHS,
                });
            }
            lengths[0]
        }
        found => return Err(MrzError::LineCount { found }),
    };
    let expected: &'static [usize] = match length {
        30 => &[30],
        36 => &[36],
        _ => &[44],
    };
    for (i, &found) in lengths.iter().enumerate() {
        if found != length {
            return Err(MrzError::LineLength {
                line: i + 1,
                found,
                expected,
            });
        }
    }
    for (i, line) in lines.iter().enumerate() {
        for (p, c) in line.chars().enumerate() {
            if !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '<') {
                return Err(MrzError::InvalidCharacter {
                    line: i + 1,
                    position: p + 1,
                    found: c,
                    expected: Expected::MrzCharacter,
                });
            }
        }
    }
    let zone = Zone {
        lines: lines.iter().map(|l| l.as_bytes().to_vec()).collect(),
    };
    let first = zone.at(1, 1);
    let (format, codes): (MrzFormat, &'static str) = match (length, first) {
        (30, _) => (MrzFormat::Td1, "A, C or I"),
        (36, b'V') => (MrzFormat::MrvB, "V"),
        (36, _) => (MrzFormat::Td2, "A, C, I or V"),
        (_, b'V') => (MrzFormat::MrvA, "V"),
        _ => (MrzFormat::Td3, "P or V"),
    };
    let accepted: &[u8] = match format {
        MrzFormat::Td1 | MrzFormat::Td2 => b"ACI",
        MrzFormat::Td3 => b"P",
        MrzFormat::MrvA | MrzFormat::MrvB => b"V",
    };
    if !accepted.contains(&first) {
        return Err(MrzError::InvalidCharacter {
            line: 1,
            position: 1,
            found: char::from(first),
            expected: Expected::DocumentCode(codes),
        });
    }
    zone.require(1, 2, 2, Expected::LetterOrFiller, is_letter_or_filler)?;
    Ok((zone, format))
}

fn parse_zone(zone: &Zone, layout: Layout, today: NaiveDate) -> Result<Mrz, MrzError> {
    let format = layout.format;
    let width = format.line_length();
    let mut checks = Vec::new();

    zone.require(1, 3, 5, Expected::LetterOrFiller, is_letter_or_filler)?;
    let (nat_line, nat_pos) = layout.nationality;
    zone.require(
        nat_line,
        nat_pos,
        nat_pos + 2,
        Expected::LetterOrFiller,
        is_letter_or_filler,
    )?;
    let (name_line, name_pos) = layout.name;
    zone.require(
        name_line,
        name_pos,
        width,
        Expected::LetterOrFiller,
        is_letter_or_filler,
    )?;
    let (sex_line, sex_pos) = layout.sex;
    let sex = match zone.at(sex_line, sex_pos) {
        b'M' => Sex::Male,
        b'F' => Sex::Female,
        b'X' | b'<' => Sex::Unspecified,
        other => {
            return Err(MrzError::InvalidCharacter {
                line: sex_line,
                position: sex_pos,
                found: char::from(other),
                expected: Expected::Sex,
            });
        }
    };
    let birth_date = date(zone, layout.birth, DateField::Birth, today)?;
    let expiry_date = date(zone, layout.expiry, DateField::Expiry, today)?;

    // Document number, with the long-number rule of TD1 and TD2.
    let (doc_line, doc_pos) = layout.document_number;
    let principal = zone.range(doc_line, doc_pos, doc_pos + 8);
    let doc_check_pos = doc_pos + 9;
    let (opt_line, opt_first, opt_last) = layout.optional;
    let optional = zone.range(opt_line, opt_first, opt_last);
    let document_number;
    let optional_data;
    if layout.long_number && zone.at(doc_line, doc_check_pos) == b'<' {
        let end = optional
            .iter()
            .position(|&b| b == b'<')
            .unwrap_or(optional.len());
        if end == 0 {
            return Err(MrzError::LongDocumentNumber {
                line: opt_line,
                position: opt_first,
            });
        }
        let continuation = &optional[..end - 1];
        let mut number = principal.to_vec();
        number.extend_from_slice(continuation);
        checks.push(check(
            CheckField::DocumentNumber,
            (opt_line, opt_first + end - 1),
            &number,
            optional[end - 1],
            false,
        ));
        document_number = ascii(&number);
        optional_data = trim_fillers(optional.get(end + 1..).unwrap_or_default());
    } else {
        checks.push(check(
            CheckField::DocumentNumber,
            (doc_line, doc_check_pos),
            principal,
            zone.at(doc_line, doc_check_pos),
            false,
        ));
        document_number = trim_fillers(principal);
        optional_data = trim_fillers(optional);
    }

    for (field, (line, pos)) in [
        (CheckField::BirthDate, layout.birth),
        (CheckField::ExpiryDate, layout.expiry),
    ] {
        checks.push(check(
            field,
            (line, pos + 6),
            zone.range(line, pos, pos + 5),
            zone.at(line, pos + 6),
            false,
        ));
    }
    if let Some((line, pos)) = layout.optional_check {
        // A personal number of fillers only may have a filler as check digit.
        checks.push(check(
            CheckField::OptionalData,
            (line, pos),
            optional,
            zone.at(line, pos),
            true,
        ));
    }
    if let Some((line, pos, ranges)) = layout.composite {
        let data: Vec<u8> = ranges
            .iter()
            .flat_map(|&(l, first, last)| zone.range(l, first, last).iter().copied())
            .collect();
        checks.push(check(
            CheckField::Composite,
            (line, pos),
            &data,
            zone.at(line, pos),
            false,
        ));
    }

    let name = zone.range(name_line, name_pos, width);
    let (primary, secondary) = match name.windows(2).position(|w| w == b"<<") {
        Some(i) => (&name[..i], &name[i + 2..]),
        None => (name, &name[name.len()..]),
    };

    Ok(Mrz {
        format,
        document_code: trim_fillers(zone.range(1, 1, 2)),
        issuing_state: trim_fillers(zone.range(1, 3, 5)),
        surname: name_words(primary),
        given_names: name_words(secondary),
        name_truncated: name.last() != Some(&b'<'),
        document_number,
        nationality: trim_fillers(zone.range(nat_line, nat_pos, nat_pos + 2)),
        birth_date,
        sex,
        expiry_date,
        optional_data,
        optional_data_2: layout
            .optional_2
            .map(|(line, first, last)| trim_fillers(zone.range(line, first, last))),
        checks,
    })
}

fn check(
    field: CheckField,
    (line, position): (usize, usize),
    data: &[u8],
    found: u8,
    filler_allowed: bool,
) -> CheckResult {
    let expected = check_digit_of(data);
    let found = char::from(found);
    let ok =
        found == expected || (filler_allowed && found == '<' && data.iter().all(|&b| b == b'<'));
    CheckResult {
        field,
        line,
        position,
        expected,
        found,
        ok,
    }
}

/// Reads YYMMDD at (line, position). Fillers anywhere mean an unknown date
/// (`None`). A birth date lies in the latest century that does not put it
/// after `today`; an expiry date in the century that puts it closest to
/// `today` (within 50 years before or after).
fn date(
    zone: &Zone,
    (line, position): (usize, usize),
    field: DateField,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, MrzError> {
    zone.require(
        line,
        position,
        position + 5,
        Expected::DigitOrFiller,
        is_digit_or_filler,
    )?;
    let digits = zone.range(line, position, position + 5);
    if digits.contains(&b'<') {
        return Ok(None);
    }
    let pair = |i: usize| u32::from(digits[i] - b'0') * 10 + u32::from(digits[i + 1] - b'0');
    let (yy, month, day) = (pair(0), pair(2), pair(4));
    let century = today.year() - today.year().rem_euclid(100);
    let on = |c: i32| NaiveDate::from_ymd_opt(c + yy as i32, month, day);
    let found = match field {
        DateField::Birth => [century, century - 100]
            .into_iter()
            .filter_map(on)
            .find(|d| *d <= today),
        DateField::Expiry => [century - 100, century, century + 100]
            .into_iter()
            .filter_map(on)
            .min_by_key(|d| d.signed_duration_since(today).num_days().abs()),
    };
    match found {
        Some(d) => Ok(Some(d)),
        None => Err(MrzError::InvalidDate {
            field,
            line,
            position,
            value: ascii(digits),
        }),
    }
}

#[cfg(test)]
mod tests;
