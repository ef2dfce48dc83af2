//! Fields benchmark: a document with 30 form fields and 3 signers, each filling their values and
//! signing in their own field, against the same document without fields signed by the same 3
//! signers (Signet placing a signature box per signer), in the same run. Issue 19 asks the first
//! to take at most 1.5× the second.
//!
//! `cargo run -p signet-pdf --release --example fields_bench [-- ROUNDS]`
//!
//! Results and the command are recorded in `crates/pdf/BENCHMARKS.md`.

use std::time::Instant;

use chrono::{DateTime, Utc};
use lopdf::{Document, Object, Stream, dictionary};
use signet_pdf::{
    FieldArea, FieldKind, FieldValue, FormField, FormFill, SignOptions, SignerIdentity, TrustStore,
    VisibleBlock, add_form_fields, sign_pdf, timestamp_pdf,
};

/// The benchmark is an edge program: it reads the wall clock once, for certificate validity.
#[allow(clippy::disallowed_methods)]
fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// A two-page PDF of about 100 KB of text.
fn make_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for n in 0..2 {
        let mut content =
            format!("BT /F1 18 Tf 72 760 Td (Agreement, page {}) Tj ET\n", n + 1).into_bytes();
        let mut line = 0u64;
        while content.len() < 50_000 {
            content.extend_from_slice(
                format!("BT /F1 1 Tf 10 10 Td (Clause {line}: the parties agree.) Tj ET\n")
                    .as_bytes(),
            );
            line += 1;
        }
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 2 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    if let Err(e) = doc.save_to(&mut out) {
        eprintln!("cannot write the test PDF: {e}");
        std::process::exit(2);
    }
    out
}

const KINDS: [FieldKind; 9] = [
    FieldKind::Name,
    FieldKind::Date,
    FieldKind::Text,
    FieldKind::Email,
    FieldKind::Initials,
    FieldKind::Number,
    FieldKind::Checkbox,
    FieldKind::Select,
    FieldKind::Text,
];

/// 30 fields: per signer a signature and nine others, on page 1 and 2.
fn fields() -> Vec<FormField> {
    let mut out = Vec::new();
    for s in 0..3u32 {
        let y = 0.1 + f64::from(s) * 0.28;
        out.push(FormField {
            name: format!("s{s}_signature"),
            kind: FieldKind::Signature,
            area: FieldArea {
                page: 2,
                x: 0.05,
                y,
                w: 0.3,
                h: 0.08,
            },
            options: vec![],
            value: None,
            required: true,
        });
        for (k, kind) in KINDS.iter().enumerate() {
            let k = k as f64;
            out.push(FormField {
                name: format!("s{s}_f{k}"),
                kind: *kind,
                area: FieldArea {
                    page: 1,
                    x: 0.05 + (k % 3.0) * 0.3,
                    y: y + (k / 3.0).floor() * 0.05,
                    w: 0.25,
                    h: 0.03,
                },
                options: if *kind == FieldKind::Select {
                    vec!["Monthly".into(), "Yearly".into()]
                } else {
                    vec![]
                },
                value: None,
                required: true,
            });
        }
    }
    out
}

fn fill(s: u32, name: &str) -> FormFill {
    let values = KINDS
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            let v = match kind {
                FieldKind::Checkbox => FieldValue::Checked(true),
                FieldKind::Select => FieldValue::Text("Yearly".into()),
                FieldKind::Number => FieldValue::Text("42".into()),
                _ => FieldValue::Text(format!("{name} value {k}")),
            };
            (format!("s{s}_f{k}"), v)
        })
        .collect();
    FormFill {
        signature_field: Some(format!("s{s}_signature")),
        values,
        signature_picture: None,
    }
}

/// One document's signing: three signatures (each filling its signer's fields when `with_fields`)
/// and the document timestamp, on `first` (the stored original).
fn sign_all(first: &[u8], trust: &TrustStore, with_fields: bool, now: DateTime<Utc>) -> Vec<u8> {
    let mut file = first.to_vec();
    for (s, name) in ["Ana Silva", "Bruno Costa", "Clara Dias"]
        .iter()
        .enumerate()
    {
        let cred = trust
            .issue_signer(
                &SignerIdentity {
                    name: (*name).into(),
                    ..Default::default()
                },
                now,
            )
            .expect("signer");
        let opts = SignOptions {
            signer_name: (*name).into(),
            reason: Some("I agree".into()),
            location: None,
            contact: None,
            signing_time: now,
            timestamp: true,
            form: if with_fields {
                fill(s as u32, name)
            } else {
                FormFill::default()
            },
            visible: Some(VisibleBlock {
                lines: vec![
                    format!("Signed by {name}"),
                    "advanced electronic signature".into(),
                ],
            }),
        };
        file = sign_pdf(&file, &cred, trust, &opts).expect("sign");
    }
    timestamp_pdf(&file, trust, now).expect("timestamp")
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40);
    let now = now();
    let trust = TrustStore::generate("Bench", now).expect("trust");
    let pdf = make_pdf();
    let with_fields = add_form_fields(pdf.clone(), &fields()).expect("fields");
    // Warm up both, then alternate so the machine's noise falls on both alike.
    sign_all(&pdf, &trust, false, now);
    sign_all(&with_fields, &trust, true, now);
    let (mut plain, mut with, mut create) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        let a = sign_all(&pdf, &trust, false, now);
        plain.push(t.elapsed().as_secs_f64() * 1000.0);
        // The fields' revision is written once, when the document is created.
        let t = Instant::now();
        let first = add_form_fields(pdf.clone(), &fields()).expect("fields");
        create.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let b = sign_all(&first, &trust, true, now);
        with.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box((a, b));
    }
    let p50 = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b, c) = (p50(plain), p50(with), p50(create));
    println!(
        "file {} bytes, {rounds} rounds, 3 signers, B-T, document timestamp",
        pdf.len()
    );
    println!("signing without fields      p50 {a:8.2} ms a document");
    println!("signing with 30 fields      p50 {b:8.2} ms a document");
    println!("writing the 30 fields       p50 {c:8.2} ms once, at creation");
    println!(
        "ratio signing (30 fields / without)            {:.2}",
        b / a
    );
    println!(
        "ratio creation and signing (30 fields / without) {:.2}",
        (b + c) / a
    );
}
