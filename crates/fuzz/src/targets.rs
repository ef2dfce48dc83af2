//! The targets: one per parser of untrusted input, each feeding it the way the server does.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

use crate::{Memory, Target};

/// The date the targets take as today (birth and expiry centuries depend on it).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

/// Text parsers: a megabyte for their fixed buffers, and a few dozen bytes for each input byte
/// (a copy of the text, its lines, the values parsed from it).
const TEXT_MEMORY: Memory = Memory {
    fixed: 1 << 20,
    per_byte: 64,
};

// ---------------------------------------------------------------------------------------------
// MRZ: the machine-readable zone an applicant types or scans (`POST .../mrz`, the page's form).

/// `signet_core::mrz::Mrz::parse` on the input as text, and what the server reads of a zone.
pub fn mrz(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match signet_core::mrz::Mrz::parse(&text, today()) {
        Ok(zone) => {
            let _ = zone.all_checks_pass();
            let _ = zone.failed_checks().count();
            let _ = zone.is_expired(today());
            let _ = zone.names_match("ANNA MARIA", "ERIKSSON");
            let _ = signet_core::mrz::state_to_iso3166(&zone.issuing_state);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// Zones of the right shape: 3 × 30, 2 × 36 or 2 × 44 characters of the MRZ alphabet, starting
/// with a document code, so that cases reach the field parsers and not only the shape checks.
fn mrz_zone() -> BoxedStrategy<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<<<0123456789";
    let shape = prop_oneof![Just((3usize, 30usize)), Just((2, 36)), Just((2, 44))];
    let code = proptest::sample::select(vec![
        &b"P<"[..],
        b"PD",
        b"I<",
        b"ID",
        b"AC",
        b"C<",
        b"V<",
        b"A<",
    ]);
    (shape, code)
        .prop_flat_map(|((lines, len), code)| {
            let line = proptest::collection::vec(proptest::sample::select(ALPHABET), len);
            proptest::collection::vec(line, lines).prop_map(move |mut lines| {
                lines[0][..2].copy_from_slice(code);
                lines.join(&b'\n')
            })
        })
        .boxed()
}

pub const MRZ: Target = Target {
    name: "mrz",
    run: mrz,
    dictionary: &[
        b"<",
        b"<<<<",
        b"\n",
        b"\r\n",
        b"P<",
        b"I<",
        b"V<",
        b"UTO",
        b"D<<",
        b"0",
        b"9",
        b"\t",
        // Multi-byte characters: positions counted in bytes and in characters differ.
        "É".as_bytes(),
        "ß".as_bytes(),
        "İ".as_bytes(),
        "\u{2028}".as_bytes(),
        "\u{FEFF}".as_bytes(),
    ],
    memory: TEXT_MEMORY,
    cases: 4000,
    generator: Some(mrz_zone),
};

// ---------------------------------------------------------------------------------------------
// Person JSON: the body of `POST /v1/persons` and `PATCH /v1/persons/{id}`.

/// The body parsed as the server does, then validated as a creation and as an update of a valid
/// person under a tenant that restricts residency countries.
pub fn person_json(data: &[u8]) {
    use serde_json::{Map, Value};
    use signet_core::person::{Person, WriteContext};

    let Ok(input) = serde_json::from_slice::<Map<String, Value>>(data) else {
        return;
    };
    let now = chrono::DateTime::from_timestamp_millis(1_748_736_000_000).unwrap_or_default();
    let open = WriteContext {
        today: today(),
        allowed_residency_countries: None,
    };
    match Person::create("fuzz_cper", &input, &open, &now) {
        Ok(person) => {
            let _ = person.identity_key();
            let _ = serde_json::to_vec(&person.into_json());
        }
        Err(errors) => {
            let _ = errors.iter().map(ToString::to_string).count();
        }
    }

    let mut valid = Map::new();
    valid.insert("first_name".into(), Value::from("Jane"));
    valid.insert("last_name".into(), Value::from("Doe"));
    let allowed = ["DE".to_owned(), "AT".to_owned()];
    let restricted = WriteContext {
        today: today(),
        allowed_residency_countries: Some(&allowed),
    };
    if let Ok(person) = Person::create("fuzz_cper", &valid, &restricted, &now) {
        let _ = person.update(&input, &restricted, &now);
    }
}

/// Strings of the shapes the person fields take, valid and nearly valid.
const PERSON_STRINGS: &[&str] = &[
    "",
    " ",
    "Jane",
    "O'Brien",
    "Jean-Luc",
    "王小明",
    "محمد",
    "a\u{200C}b",
    "\u{FE0F}",
    "👩‍🚀",
    "X-AUTOTEST-HAPPYPATH",
    "DE",
    "de",
    "XX",
    "DEU",
    "+49301234567",
    "+1",
    "+999999999999999999999",
    "1992-12-11",
    "1992-02-30",
    "0000-00-00",
    "+275760-09-13",
    "2022-01-01T00:00:00.000Z",
    "2022-01-01T00:00:00+25:00",
    "9999-12-31T23:59:60.999999999Z",
    "62.01",
    "62.0",
    "A",
    "jane@example.com",
    "@",
    "a@b@c",
    "MR",
    "MS",
    "FREELANCER",
    "SELF_EMPLOYED",
    "SEPARATE",
    "MARRIED",
];

fn json_leaf() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        3 => proptest::sample::select(PERSON_STRINGS).prop_map(Value::from),
        2 => any::<String>().prop_map(Value::from),
        // Over the length limits (50 characters for names, 100 or so for texts).
        1 => (1usize..400).prop_map(|n| Value::from("é".repeat(n))),
    ]
}

/// Keys of the nested objects (addresses, tax information) and one that is none.
const NESTED_KEYS: &[&str] = &[
    "line_1",
    "line_2",
    "postal_code",
    "city",
    "country",
    "state",
    "tax_assessment",
    "marital_status",
    "other",
];

/// Objects whose keys are mostly the person's fields, with values of any JSON shape.
fn person_object() -> BoxedStrategy<Vec<u8>> {
    use serde_json::{Map, Value};
    let value = json_leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(NESTED_KEYS), inner), 0..7)
                .prop_map(|members| {
                    Value::Object(
                        members
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect(),
                    )
                }),
        ]
    });
    let mut keys: Vec<&'static str> = signet_core::person::FIELDS.iter().map(|f| f.name).collect();
    keys.push("unknown_field");
    let member = (proptest::sample::select(keys), value);
    proptest::collection::vec(member, 0..12)
        .prop_map(|members| {
            let object: Map<String, Value> = members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            serde_json::to_vec(&object).unwrap_or_default()
        })
        .boxed()
}

pub const PERSON_JSON: Target = Target {
    name: "person-json",
    run: person_json,
    dictionary: &[
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b":",
        b",",
        b"null",
        b"true",
        b"1e999",
        b"-0",
        b"\\u0000",
        b"\\ud800",
        b"\\udfff\\ud800",
        b"\"first_name\":",
        b"\"address\":{",
        b"\"birth_date\":\"",
        b"\"nace_code\":\"",
        b"[[[[[[[[[[[[[[[[",
        "\u{0301}".as_bytes(),
        "\u{200D}".as_bytes(),
        b"\xff",
    ],
    // serde_json's values are some tens of bytes each, and `[` or `{` make one a byte. The fixed
    // part is the phone-number parser's cache of up to 100 compiled patterns, which fills as
    // numbers of new regions come in (about a megabyte a region).
    memory: Memory {
        fixed: 16 << 20,
        per_byte: 256,
    },
    cases: 4000,
    generator: Some(person_object),
};
