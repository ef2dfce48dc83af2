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
    cases: 20_000,
    generator: Some(mrz_zone),
    shares: None,
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
    cases: 10_000,
    generator: Some(person_object),
    shares: None,
};

// ---------------------------------------------------------------------------------------------
// Sanctions lists: the files `signet lists import` reads, one target per format.

/// A file in the target's scratch folder for its input: the parsers read paths, as the import
/// does.
fn list_file(target: &str, name: &str) -> std::path::PathBuf {
    let dir = crate::scratch_dir(target);
    let _ = std::fs::create_dir_all(&dir);
    dir.join(name)
}

/// Parses `path` as `format`, then builds the matcher's index over what it read and looks up
/// the first entry's name in it: names from a list go through the same normalisation as queries.
fn parse_list(format: signet_screening::ListFormat, path: &std::path::Path) {
    use signet_screening::{Index, Query, SearchOptions};
    match signet_screening::parse_path(format, path, &mut |_, _| {}) {
        Ok(list) => {
            let first = list.entries.first().map(|e| e.name.clone());
            let index = Index::build([(list.source.clone(), list.entries)]);
            if let Some(name) = first {
                let _ = index.search(&Query::name(name), &SearchOptions::default());
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// Writes the input to this target's file and parses it.
fn list_target(format: signet_screening::ListFormat, file: &str, data: &[u8]) {
    let path = list_file(format.as_str(), file);
    if std::fs::write(&path, data).is_ok() {
        parse_list(format, &path);
    }
}

/// The three files of `ofac-sdn-csv` travel as one input, `sdn.csv`, this line, `alt.csv`, …
const ALT_CSV: &[u8] = b"\n--alt.csv--\n";
/// … this line, `add.csv`. A mutated input without the markers has empty files after it.
const ADD_CSV: &[u8] = b"\n--add.csv--\n";

fn split_at_marker<'a>(data: &'a [u8], marker: &[u8]) -> (&'a [u8], &'a [u8]) {
    match data.windows(marker.len()).position(|w| w == marker) {
        Some(i) => (&data[..i], &data[i + marker.len()..]),
        None => (data, &[]),
    }
}

/// OFAC's legacy CSV trio (`sdn.csv`, `alt.csv`, `add.csv`).
pub fn ofac_sdn_csv(data: &[u8]) {
    let (sdn, rest) = split_at_marker(data, ALT_CSV);
    let (alt, add) = split_at_marker(rest, ADD_CSV);
    let dir = list_file("ofac-sdn-csv", "trio");
    let _ = std::fs::create_dir_all(&dir);
    let written = [("sdn.csv", sdn), ("alt.csv", alt), ("add.csv", add)]
        .iter()
        .all(|(name, bytes)| std::fs::write(dir.join(name), bytes).is_ok());
    if written {
        parse_list(signet_screening::ListFormat::OfacSdnCsv, &dir);
    }
}

/// OFAC's `sdn.xml`.
pub fn ofac_sdn_xml(data: &[u8]) {
    list_target(signet_screening::ListFormat::OfacSdnXml, "sdn.xml", data);
}

/// The EU financial-sanctions file.
pub fn eu_fsf_xml(data: &[u8]) {
    list_target(signet_screening::ListFormat::EuFsfXml, "eu-fsf.xml", data);
}

/// The UN Security Council consolidated list.
pub fn un_xml(data: &[u8]) {
    list_target(signet_screening::ListFormat::UnXml, "un.xml", data);
}

/// The FCDO UK Sanctions List.
pub fn uk_sanctions_list(data: &[u8]) {
    list_target(
        signet_screening::ListFormat::UkSanctionsList,
        "uk.xml",
        data,
    );
}

/// OpenSanctions FollowTheMoney entities, one JSON object a line.
pub fn opensanctions_ftm(data: &[u8]) {
    list_target(
        signet_screening::ListFormat::OpenSanctionsFtm,
        "entities.ftm.jsonl",
        data,
    );
}

/// XML's syntax and the tricks played with it: entities, CDATA, DOCTYPEs, odd encodings.
const XML_TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"/>",
    b"=\"",
    b"\"",
    b"'",
    b"&amp;",
    b"&lt;",
    b"&#0;",
    b"&#x10FFFF;",
    b"&#xD800;",
    b"&unknown;",
    b"&",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?xml",
    b"?>",
    b"<!DOCTYPE a [<!ENTITY e \"eeeeeeeeee\">]>",
    b"&e;",
    b"xmlns=\"x\"",
    b"xmlns:a=\"\"",
    b" encoding=\"UTF-16\"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc3",
    b"\n",
    b"\r",
    b"\t",
];

/// Delimiters of OFAC's CSV and its remarks.
const CSV_TOKENS: &[&[u8]] = &[
    b",",
    b"\"",
    b"\"\"",
    b"\r\n",
    b"\n",
    b"-0- ",
    b"\x1a",
    b"individual",
    b"vessel",
    b"DOB ",
    b"alt. DOB ",
    b"nationality ",
    b"citizen ",
    b"; ",
    b"circa ",
    b"to ",
    b"Jan ",
    b"\xc3",
    b"\xff",
    b"\n--alt.csv--\n",
    b"\n--add.csv--\n",
];

/// JSON lines of FollowTheMoney.
const FTM_TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\n",
    b"null",
    b"\\u0000",
    b"\\ud800",
    b"\"schema\":\"Person\"",
    b"\"properties\":{",
    b"\"name\":[",
    b"\"birthDate\":[\"",
    b"\"nationality\":[\"",
    b"\"id\":\"",
    b"[[[[[[[[[[[[",
    b"1e999",
];

/// List parsers hold every entry they read (names, aliases, dates) and the matcher's index of
/// them: some hundreds of bytes for each input byte of a dense list, and their read buffers.
const LIST_MEMORY: Memory = Memory {
    fixed: 4 << 20,
    per_byte: 512,
};

/// Cases of a list target in a CI run: each writes a file and parses it.
const LIST_CASES: u32 = 3000;

pub const OFAC_SDN_CSV: Target = Target {
    name: "ofac-sdn-csv",
    run: ofac_sdn_csv,
    dictionary: CSV_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

pub const OFAC_SDN_XML: Target = Target {
    name: "ofac-sdn-xml",
    run: ofac_sdn_xml,
    dictionary: XML_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

pub const EU_FSF_XML: Target = Target {
    name: "eu-fsf-xml",
    run: eu_fsf_xml,
    dictionary: XML_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

pub const UN_XML: Target = Target {
    name: "un-xml",
    run: un_xml,
    dictionary: XML_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

pub const UK_SANCTIONS_LIST: Target = Target {
    name: "uk-sanctions-list",
    run: uk_sanctions_list,
    dictionary: XML_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

pub const OPENSANCTIONS_FTM: Target = Target {
    name: "opensanctions-ftm",
    run: opensanctions_ftm,
    dictionary: FTM_TOKENS,
    memory: LIST_MEMORY,
    cases: LIST_CASES,
    generator: None,
    shares: None,
};

// ---------------------------------------------------------------------------------------------
// Images: the ID photos and selfies of the `document` identification method.

/// The limits the image target checks under: the defaults' byte limit, but a short side of 8
/// pixels so that small seeds reach the decoder and the analysis, and a megapixel so that a case
/// stays fast in a debug build. The code path is the same as with the defaults.
fn image_limits() -> signet_server::identify::images::Limits {
    signet_server::identify::images::Limits {
        max_bytes: 10 * 1024 * 1024,
        min_short_side: 8,
        max_pixels: 1 << 20,
    }
}

/// `signet_server::identify::images::check` on the upload, as the front of an ID (the slot with
/// every analysis: brightness and blurriness).
///
/// A mutated PNG mostly fails its chunks' CRCs and stops there, so a PNG is checked a second time
/// with its CRCs made right: that copy reaches the chunk parsers and the inflater.
pub fn image(data: &[u8]) {
    use signet_server::identify::images::{Slot, check};
    let run = |bytes: &[u8]| match check(Slot::Front, bytes, &image_limits()) {
        Ok(checked) => {
            let _ = checked.findings.len();
        }
        Err(rejected) => {
            let _ = rejected.to_string();
        }
    };
    run(data);
    if let Some(fixed) = with_png_crcs(data) {
        run(&fixed);
    }
}

/// The PNG with every whole chunk's CRC recomputed, or `None` when it is no PNG or none changed.
fn with_png_crcs(data: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !data.starts_with(SIGNATURE) {
        return None;
    }
    let mut out = data.to_vec();
    let mut at = SIGNATURE.len();
    while let Some(header) = out.get(at..at + 8) {
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let Some(end) = at.checked_add(8 + len).filter(|&e| e + 4 <= out.len()) else {
            break;
        };
        let crc = crc32fast::hash(&out[at + 4..end]).to_be_bytes();
        out[end..end + 4].copy_from_slice(&crc);
        at = end + 4;
    }
    (out != data).then_some(out)
}

/// Small images of every colour type the checks decode, as PNG or JPEG, with noise over a
/// gradient so that brightness and blurriness vary.
fn image_file() -> BoxedStrategy<Vec<u8>> {
    use image::codecs::jpeg::JpegEncoder;
    use image::codecs::png::PngEncoder;
    use image::{ExtendedColorType, ImageEncoder};

    let png_types = proptest::sample::select(vec![
        (ExtendedColorType::L8, 1usize),
        (ExtendedColorType::La8, 2),
        (ExtendedColorType::Rgb8, 3),
        (ExtendedColorType::Rgba8, 4),
        (ExtendedColorType::L16, 2),
        (ExtendedColorType::La16, 4),
        (ExtendedColorType::Rgb16, 6),
        (ExtendedColorType::Rgba16, 8),
    ]);
    let jpeg_types = proptest::sample::select(vec![
        (ExtendedColorType::L8, 1usize),
        (ExtendedColorType::Rgb8, 3),
    ]);
    (
        any::<bool>(),
        png_types,
        jpeg_types,
        1u32..96,
        1u32..96,
        any::<u64>(),
        1u8..=100,
    )
        .prop_map(
            |(jpeg, png_type, jpeg_type, width, height, seed, quality)| {
                let (color, bytes_per_pixel) = if jpeg { jpeg_type } else { png_type };
                let pixels = (width * height) as usize * bytes_per_pixel;
                let mut state = seed | 1;
                let raw: Vec<u8> = (0..pixels)
                    .map(|i| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let gradient = (i * 255 / pixels.max(1)) as u8;
                        gradient.wrapping_add((state >> 58) as u8)
                    })
                    .collect();
                let mut out = Vec::new();
                let _ = if jpeg {
                    JpegEncoder::new_with_quality(&mut out, quality)
                        .write_image(&raw, width, height, color)
                } else {
                    PngEncoder::new(&mut out).write_image(&raw, width, height, color)
                };
                out
            },
        )
        .boxed()
}

pub const IMAGE: Target = Target {
    name: "image",
    run: image,
    dictionary: &[
        // PNG chunk types and JPEG markers, where a length or a count follows.
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"iCCP",
        b"zTXt",
        b"iTXt",
        b"acTL",
        b"fcTL",
        b"fdAT",
        b"\x00\x00\x00\x0dIHDR",
        b"\xff\xd8",
        b"\xff\xd9",
        b"\xff\xc0",
        b"\xff\xc2",
        b"\xff\xc4",
        b"\xff\xda",
        b"\xff\xdb",
        b"\xff\xdd",
        b"\xff\xe1Exif\x00\x00",
        b"\xff\xd0",
        b"\xff\x00",
        b"\xff\xff\xff\xff",
        b"\x7f\xff\xff\xff",
    ],
    // The checks' own bound: the decoder may allocate the limits' largest pixel buffer (8 bytes
    // a pixel) plus 16 MiB of working buffers (`images::check`); a little more for the analysis
    // copy and the decoder's own structures.
    memory: Memory {
        fixed: (1 << 20) * 8 + (16 << 20) + (4 << 20),
        per_byte: 16,
    },
    cases: 6000,
    generator: Some(image_file),
    shares: None,
};

// ---------------------------------------------------------------------------------------------
// PDF: documents uploaded for signing (intake, then page images), and files sent to be verified.

/// Largest upload the intake target accepts: the server's default `max_document_bytes`.
const PDF_MAX_BYTES: usize = 20 * 1024 * 1024;

/// `signet_pdf::check_pdf`, the acceptance check of an upload.
pub fn pdf_intake(data: &[u8]) {
    if let Err(e) = signet_pdf::check_pdf(data, PDF_MAX_BYTES) {
        let _ = (e.to_string(), e.return_code());
    }
}

/// What the signer's page does with an accepted upload: counts its pages and renders the first
/// at the smallest width.
pub fn pdf_render(data: &[u8]) {
    if signet_pdf::check_pdf(data, PDF_MAX_BYTES).is_ok() {
        let _ = signet_pdf::page_count(data);
        let _ = signet_pdf::render_page_png(data, 0, signet_pdf::MIN_WIDTH_PX);
    }
}

/// The root of the test-mode trust store that signed the verification seeds (written with them
/// by the ignored test `write_pdf_seeds`).
const PDF_ROOT: &[u8] = include_bytes!("../data/pdf-root.der");

/// `signet_pdf::verify_pdf`, as `POST /v1/verify` and `signet verify` run it.
pub fn pdf_verify(data: &[u8]) {
    match signet_pdf::verify_pdf(data, &[PDF_ROOT]) {
        Ok(report) => {
            for s in &report.signatures {
                let _ = (s.indication.as_str(), s.byte_range);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// PDF's syntax, and the numbers and filters that lengths, offsets and decoders read.
const PDF_TOKENS: &[&[u8]] = &[
    b"obj",
    b"endobj",
    b"stream\n",
    b"\nendstream",
    b"xref\n",
    b"trailer",
    b"startxref\n",
    b"%%EOF\n",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"(",
    b")",
    b"\\",
    b"<",
    b">",
    b"/",
    b" R",
    b" 0 R",
    b"/Length ",
    b"/Filter /FlateDecode",
    b"/Filter [/FlateDecode /FlateDecode /ASCIIHexDecode]",
    b"/Filter /LZWDecode",
    b"/Filter /ASCII85Decode",
    b"/Filter /RunLengthDecode",
    b"/DecodeParms << /Predictor 12 /Columns 4 >>",
    b"/Type /ObjStm /N ",
    b"/First ",
    b"/Type /XRef /W [1 2 1] ",
    b"/Prev ",
    b"/Size ",
    b"/Root ",
    b"/Pages ",
    b"/Kids [",
    b"/Count ",
    b"/Parent ",
    b"/Encrypt ",
    b"/ByteRange [",
    b"/Contents <",
    b"/Type /Sig",
    b"/SubFilter /ETSI.CAdES.detached",
    b"/V ",
    b"/FT /Sig",
    b"/AcroForm",
    b"/DSS",
    b"/Width 100000 /Height 100000",
    b"/BitsPerComponent 16",
    b"999999999 0 obj",
    b"0 0 obj",
    b"-1",
    b"1e9",
    b"\x00",
    b"\r",
    b"%",
];

/// Intake decodes at most 64 MiB of streams in all (`signet_pdf::Limits`' default), but holds
/// more at once: the output of one filter of a chain while the next decodes, and a buffer that
/// grows past the cap has doubled its capacity on the way; three times the cap bounds that. lopdf
/// spends about 120 bytes on each value it reads, and a value can be two bytes of input.
const PDF_MEMORY: Memory = Memory {
    fixed: 3 * (64 << 20) + (16 << 20),
    per_byte: 512,
};

pub const PDF_INTAKE: Target = Target {
    name: "pdf-intake",
    run: pdf_intake,
    dictionary: PDF_TOKENS,
    memory: PDF_MEMORY,
    cases: 2000,
    generator: None,
    shares: None,
};

pub const PDF_RENDER: Target = Target {
    name: "pdf-render",
    run: pdf_render,
    dictionary: PDF_TOKENS,
    memory: PDF_MEMORY,
    cases: 1000,
    generator: None,
    shares: Some("pdf-intake"),
};

pub const PDF_VERIFY: Target = Target {
    name: "pdf-verify",
    run: pdf_verify,
    dictionary: PDF_TOKENS,
    memory: PDF_MEMORY,
    cases: 2000,
    generator: None,
    shares: None,
};
