//! Name normalisation: one pipeline for list names and queries, so both sides meet in the same
//! form.
//!
//! 1. "LAST, First" (OFAC's way of writing individuals) is turned around to "First LAST", and
//!    the family name is remembered (from the comma, from capitals, else the last word).
//! 2. Other scripts are transliterated ([`crate::translit`]), accents dropped, case folded.
//! 3. Punctuation splits tokens, except apostrophes, which join (O'Brien, Sa'id).
//! 4. Leading honorifics and titles (Dr, Sheikh, General, …), generational suffixes (Jr, III)
//!    and company legal forms (Ltd, GmbH, OOO, PJSC, …) are dropped; the Arabic article in
//!    "al-" is dropped so that Al-Baghdadi and Baghdadi meet.
//! 5. Each token is kept in three forms: `raw` (transliterated), `folded` (spelling variants
//!    collapsed: kh→h, ph→f, y→i, c/q→k, w→v, x→ks, ou→u, doubled letters…) and `skel`
//!    (the consonant skeleton of the folded form, which is what survives between
//!    transliteration systems and what Arabic script writes).

use serde::Serialize;

use crate::translit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// A single letter: compared to the first letter of the other side's token.
    Initial,
    /// A name particle (bin, van, de, …): kept, but worth little either way.
    Particle,
}

/// The part a token plays in a person's name, when it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The first given name: leaving it out changes the person (in Arabic names the next name
    /// is the father's).
    Lead,
    /// A middle name or patronymic: often left out.
    Middle,
    /// The family name(s), known from a comma or capitals.
    Family,
    /// The last word of a name without such marks: probably the family name, possibly a second
    /// surname.
    FamilyGuess,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub raw: String,
    pub folded: String,
    pub skel: String,
    pub kind: TokKind,
    pub role: Role,
    /// Transliterated from Arabic script: short vowels were never written.
    pub abjad: bool,
}

/// A name as the matcher sees it, for display and for callers who store normalised names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormalizedName {
    /// The transliterated, lowercase tokens that take part in matching, in "given … family"
    /// order where the input said "FAMILY, given".
    pub tokens: Vec<String>,
}

impl NormalizedName {
    pub fn as_string(&self) -> String {
        self.tokens.join(" ")
    }
}

/// Normalises a name the way the matcher does.
///
/// ```
/// let n = signet_screening::normalize_name("PUTIN, Vladimir Vladimirovich");
/// assert_eq!(n.as_string(), "vladimir vladimirovich putin");
/// let n = signet_screening::normalize_name("Dr. Ayman al-Zawahiri");
/// assert_eq!(n.as_string(), "ayman zawahiri");
/// ```
pub fn normalize_name(name: &str) -> NormalizedName {
    NormalizedName {
        tokens: tokens(name).into_iter().map(|t| t.raw).collect(),
    }
}

/// Tokens are cut to this many letters: no name part is longer, and the cost of comparing and
/// indexing a token grows with its length.
pub(crate) const MAX_TOKEN: usize = 40;

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "cheikh",
    "haji",
    "hajji",
    "hadji",
    "alhaji",
    "mullah",
    "mulla",
    "maulana",
    "mawlawi",
    "maulvi",
    "mawlavi",
    "qari",
    "imam",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "admiral",
    "adm",
    "sgt",
    "sergeant",
    "brigadier",
    "commander",
    "cmdr",
    "president",
    "minister",
    "judge",
    "rev",
    "reverend",
    "herr",
    "frau",
    "monsieur",
    "mme",
    "mlle",
    "senor",
    "senora",
    "hon",
    "honourable",
    "honorable",
    "excellency",
    "ayatollah",
];

const GENERATIONAL: &[&str] = &["jr", "junior", "sr", "senior", "ii", "iii", "iv"];

const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "oyj",
    "ab",
    "kg",
    "kft",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "pjsc",
    "ojsc",
    "cjsc",
    "jsc",
    "llp",
    "lp",
    "pte",
    "pty",
    "fze",
    "fzco",
    "fzc",
    "fzllc",
    "sdn",
    "bhd",
    "doo",
    "ltda",
    "cia",
    "sal",
    "sae",
    "wll",
    "ulc",
    "the",
];

const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "ben", "van", "von", "der", "den", "de", "del", "della", "la", "le",
    "da", "das", "dos", "du", "di", "y", "of", "and", "ul", "ou",
];

/// Splits "LAST, First" into ("First", "LAST") when there is exactly one comma and the part
/// after it looks like given names (a few words, not a legal form).
fn split_comma(name: &str) -> Option<(&str, &str)> {
    let mut parts = name.split(',');
    if let (Some(last), Some(first), None) = (parts.next(), parts.next(), parts.next()) {
        let first = first.trim();
        let words = first.split_whitespace().count();
        if !last.trim().is_empty() && (1..=4).contains(&words) {
            let lower = deunicode::deunicode(first).to_ascii_lowercase();
            let first_word = lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            // "ACME, Ltd." is a legal form, not a given name.
            if !LEGAL_FORMS.contains(&first_word) {
                return Some((first, last.trim()));
            }
        }
    }
    None
}

/// Transliterated, cleaned words of a text, each with whether it was written in capitals and
/// whether in Arabic script.
fn words(text: &str, hints: translit::Hints) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    for original in text.split_whitespace() {
        let abjad = translit::is_abjad(original);
        let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
        let caps = letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && letters.iter().any(|c| c.is_lowercase() != c.is_uppercase());
        // "S.A.", "L.L.C.": dotted legal forms are one token, not initials.
        let undotted: String = original.chars().filter(|c| *c != '.').collect();
        if original.contains('.') && LEGAL_FORMS.contains(&undotted.to_lowercase().as_str()) {
            out.push((undotted.to_lowercase(), caps, abjad));
            continue;
        }
        let ascii = translit::to_ascii_with(original, hints);
        let mut cleaned = String::with_capacity(ascii.len());
        for c in ascii.chars() {
            match c {
                '\'' | '`' | '"' => {}
                c if c.is_ascii_alphanumeric() => cleaned.push(c),
                _ => cleaned.push(' '),
            }
        }
        out.extend(
            cleaned
                .split_whitespace()
                .map(|w| (w[..w.len().min(MAX_TOKEN)].to_owned(), caps, abjad)),
        );
    }
    out
}

pub(crate) fn tokens(name: &str) -> Vec<Tok> {
    let hints = translit::Hints::of(name);
    // (word, caps, from the family part of "LAST, First", Arabic script)
    let mut ws: Vec<(String, bool, bool, bool)> = match split_comma(name) {
        Some((first, last)) => words(first, hints)
            .into_iter()
            .map(|(w, c, a)| (w, c, false, a))
            .chain(
                words(last, hints)
                    .into_iter()
                    .map(|(w, c, a)| (w, c, true, a)),
            )
            .collect(),
        None => words(name, hints)
            .into_iter()
            .map(|(w, c, a)| (w, c, false, a))
            .collect(),
    };
    let comma = ws.iter().any(|w| w.2);
    // The Arabic article written apart ("al Baghdadi", "el-Sisi") carries no identity.
    if ws.len() > 1 {
        ws.retain(|w| w.0 != "al" && w.0 != "el");
    }
    while ws.len() > 1
        && ws
            .first()
            .is_some_and(|w| HONORIFICS.contains(&w.0.as_str()))
    {
        ws.remove(0);
    }
    let keep = |w: &(String, bool, bool, bool)| {
        !LEGAL_FORMS.contains(&w.0.as_str()) && !GENERATIONAL.contains(&w.0.as_str())
    };
    if ws.iter().any(keep) {
        ws.retain(keep);
    }
    let mut toks: Vec<Tok> = ws
        .iter()
        .map(|w| Tok {
            abjad: w.3,
            ..make_tok(&w.0)
        })
        .collect();
    // Roles: which token is the family name and which the first given name. From the comma
    // when there is one, else from capitals (UN, EU and UK lists write family names in
    // capitals), else by position.
    let caps_family = !comma && ws.iter().any(|w| w.1) && ws.iter().any(|w| !w.1);
    for (t, w) in toks.iter_mut().zip(&ws) {
        if comma && w.2 || caps_family && w.1 {
            t.role = Role::Family;
        }
    }
    if toks.len() >= 2 {
        if !comma
            && !caps_family
            && let Some(last) = toks.last_mut()
        {
            last.role = Role::FamilyGuess;
        }
        if let Some(first) = toks.iter_mut().find(|t| {
            !matches!(t.role, Role::Family | Role::FamilyGuess) && t.kind != TokKind::Particle
        }) {
            first.role = Role::Lead;
        }
    }
    toks
}

pub(crate) fn make_tok(raw: &str) -> Tok {
    let kind = if raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_alphabetic()) {
        TokKind::Initial
    } else if PARTICLES.contains(&raw) {
        TokKind::Particle
    } else {
        TokKind::Word
    };
    let folded = if kind == TokKind::Particle && (raw == "ibn" || raw == "ben") {
        "bin".to_owned()
    } else {
        fold(raw)
    };
    let skel = skeleton(&folded);
    Tok {
        raw: raw.to_owned(),
        folded,
        skel,
        kind,
        role: Role::Middle,
        abjad: false,
    }
}

/// Collapses spelling differences that transliteration systems and languages introduce.
pub(crate) fn fold(raw: &str) -> String {
    let mut s = raw.to_owned();
    if let Some(rest) = s.strip_prefix("ye").or_else(|| s.strip_prefix("ie")) {
        // Yevgeny / Evgeny / Ievgen, Yelena / Elena.
        s = format!("e{rest}");
    }
    for (from, to) in [
        ("shch", "sh"),
        ("dzh", "j"),
        ("tch", "ch"),
        ("sch", "sh"),
        ("kh", "h"),
        ("gh", "g"),
        ("ph", "f"),
        ("th", "t"),
        ("dh", "d"),
        ("ck", "k"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len() + 2);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'q' => out.push('k'),
            b'c' if b.get(i + 1) == Some(&b'h') => out.push('c'),
            b'c' => out.push('k'),
            b'x' => out.push_str("ks"),
            b'w' => out.push('v'),
            b'y' => out.push('i'),
            other => out.push(char::from(other)),
        }
    }
    dedup(&out)
}

fn dedup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// First letter (any vowel as `a`) followed by the remaining consonants, doubled ones once.
pub(crate) fn skeleton(folded: &str) -> String {
    let mut chars = folded.chars();
    let mut out = String::with_capacity(folded.len());
    if let Some(first) = chars.next() {
        out.push(if is_vowel(first) { 'a' } else { first });
    }
    for c in chars.filter(|c| !is_vowel(*c)) {
        out.push(c);
    }
    dedup(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str) -> Vec<String> {
        tokens(name).into_iter().map(|t| t.raw).collect()
    }

    #[test]
    fn last_comma_first_is_turned_around_and_legal_forms_are_not() {
        assert_eq!(raw("KIM, Jong Un"), ["jong", "un", "kim"]);
        assert_eq!(raw("ACME TRADING, LTD."), ["acme", "trading"]);
        let roles = |s: &str| tokens(s).into_iter().map(|t| t.role).collect::<Vec<_>>();
        assert_eq!(
            roles("PUTIN, Vladimir Vladimirovich"),
            [Role::Lead, Role::Middle, Role::Family]
        );
        assert_eq!(roles("WANG Xiaoming"), [Role::Family, Role::Lead]);
        assert_eq!(
            roles("Huda Youssef Al-Obeidi"),
            [Role::Lead, Role::Middle, Role::FamilyGuess]
        );
    }

    #[test]
    fn honorifics_articles_and_legal_forms_are_dropped() {
        assert_eq!(raw("Sheikh Mohammed Al-Rashid"), ["mohammed", "rashid"]);
        assert_eq!(raw("Bank Melli Iran PJSC"), ["bank", "melli", "iran"]);
        assert_eq!(
            raw("Banco Nacional de Cuba S.A."),
            ["banco", "nacional", "de", "cuba"]
        );
        assert_eq!(raw("V.V. Putin"), ["v", "v", "putin"]);
        assert_eq!(
            raw("José María Müller-Lüdenscheidt Jr."),
            ["jose", "maria", "muller", "ludenscheidt"]
        );
        assert_eq!(raw("O'Brien"), ["obrien"]);
    }

    #[test]
    fn transliteration_variants_share_a_folded_form_or_skeleton() {
        let f = |s: &str| make_tok(s).folded;
        let k = |s: &str| make_tok(s).skel;
        assert_eq!(f("yevgeniy"), f("evgeny"));
        assert_eq!(f("dmitriy"), f("dmitry"));
        assert_eq!(f("khalid"), f("halid"));
        assert_eq!(k("mohammed"), k("muhammad"));
        assert_eq!(k("mohamed"), k("mhmd"));
        assert_eq!(k("aleksandr"), k("alexander"));
        assert_ne!(k("karimi"), k("kazemi"));
    }
}
