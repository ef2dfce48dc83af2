//! Form fields: created in the document's first revision, each signer's values and signature
//! in that signer's revision, and every earlier signature still intact for pyHanko (form
//! filling, never "other") and pdfsig.

mod common;

use chrono::{DateTime, Utc};
use lopdf::{Document, Object};
use signet_pdf::*;

#[allow(clippy::disallowed_methods)]
fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

fn area(page: u32, x: f64, y: f64, w: f64, h: f64) -> FieldArea {
    FieldArea { page, x, y, w, h }
}

fn field(name: &str, kind: FieldKind, area: FieldArea) -> FormField {
    FormField {
        name: name.into(),
        kind,
        area,
        options: if kind == FieldKind::Select {
            vec!["Monthly".into(), "Yearly".into()]
        } else {
            vec![]
        },
        value: None,
        required: true,
    }
}

/// Three signers, each with a signature, name, date, text, check box and select field in a
/// row of their own on page 1, and a prefilled reference on page 2.
fn three_signer_fields() -> Vec<FormField> {
    let mut fields = Vec::new();
    for i in 0..3u32 {
        let y = 0.15 + f64::from(i) * 0.25;
        fields.push(field(
            &format!("sig{i}"),
            FieldKind::Signature,
            area(1, 0.05, y, 0.3, 0.08),
        ));
        fields.push(field(
            &format!("name{i}"),
            FieldKind::Name,
            area(1, 0.4, y, 0.25, 0.03),
        ));
        fields.push(field(
            &format!("date{i}"),
            FieldKind::Date,
            area(1, 0.7, y, 0.2, 0.03),
        ));
        fields.push(field(
            &format!("text{i}"),
            FieldKind::Text,
            area(1, 0.4, y + 0.05, 0.25, 0.03),
        ));
        fields.push(field(
            &format!("check{i}"),
            FieldKind::Checkbox,
            area(1, 0.7, y + 0.05, 0.03, 0.02),
        ));
        fields.push(field(
            &format!("pick{i}"),
            FieldKind::Select,
            area(1, 0.75, y + 0.05, 0.2, 0.03),
        ));
    }
    let mut reference = field("reference", FieldKind::Text, area(2, 0.1, 0.1, 0.4, 0.04));
    reference.value = Some(FieldValue::Text("REF-2026-0042".into()));
    fields.push(reference);
    fields
}

fn signer_fill(i: usize, name: &str, now: DateTime<Utc>) -> FormFill {
    FormFill {
        signature_field: Some(format!("sig{i}")),
        values: vec![
            (format!("name{i}"), FieldValue::Text(name.into())),
            (
                format!("date{i}"),
                FieldValue::Text(now.format("%Y-%m-%d").to_string()),
            ),
            (
                format!("text{i}"),
                FieldValue::Text(format!("Clause {i} accepted, Müller & Söhne")),
            ),
            (format!("check{i}"), FieldValue::Checked(i != 1)),
            (format!("pick{i}"), FieldValue::Text("Yearly".into())),
        ],
        signature_picture: None,
    }
}

struct Signed {
    trust: TrustStore,
    first: Vec<u8>,
    closed: Vec<u8>,
}

fn sign_three(now: DateTime<Utc>) -> Signed {
    let trust = TrustStore::generate("Fields Test", now).expect("trust");
    let input = common::make_pdf(2, false, 0);
    let first = add_form_fields(input, &three_signer_fields()).expect("fields");
    let mut pdf = first.clone();
    for (i, name) in ["Ana Silva", "Bruno Costa", "Clara Dias"]
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
            form: signer_fill(i, name, now),
            visible: Some(VisibleBlock {
                lines: vec![
                    format!("Signed by {name}"),
                    now.format("%Y-%m-%d %H:%M UTC").to_string(),
                ],
            }),
        };
        let next = sign_pdf(&pdf, &cred, &trust, &opts).expect("sign");
        assert!(next.starts_with(&pdf), "each revision appends");
        pdf = next;
    }
    let closed = timestamp_pdf(&pdf, &trust, now).expect("timestamp");
    Signed {
        trust,
        first,
        closed,
    }
}

/// Every terminal field's /V by name, as lopdf reads the final file.
fn values(pdf: &[u8]) -> std::collections::HashMap<String, Object> {
    let doc = Document::load_mem(pdf).expect("parse");
    let catalog = doc.catalog().expect("catalog");
    let form = doc
        .dereference(catalog.get(b"AcroForm").expect("acroform"))
        .expect("form")
        .1
        .as_dict()
        .expect("dict")
        .clone();
    let fields = form
        .get(b"Fields")
        .expect("fields")
        .as_array()
        .expect("array")
        .clone();
    let mut out = std::collections::HashMap::new();
    for f in fields {
        let d = doc
            .get_dictionary(f.as_reference().expect("ref"))
            .expect("field");
        let name =
            String::from_utf8_lossy(d.get(b"T").expect("T").as_str().expect("str")).into_owned();
        if let Ok(v) = d.get(b"V") {
            out.insert(name, v.clone());
        }
    }
    out
}

#[test]
fn three_signers_fill_their_fields_and_every_signature_stays_valid() {
    let now = real_now();
    let s = sign_three(now);

    // Signet's own verifier: every signature intact, nothing but allowed changes after each.
    let report = verify_pdf(&s.closed, &[s.trust.root_pem()]).expect("verify");
    let sigs: Vec<_> = report
        .signatures
        .iter()
        .filter(|r| r.detected_level != "PAdES-LTA-timestamp")
        .collect();
    assert!(sigs.len() >= 3, "{report:?}");
    for r in &report.signatures {
        assert_eq!(r.indication, Indication::TotalPassed, "{r:?}");
    }

    // The values are in the form, the prefilled one as it was.
    let v = values(&s.closed);
    let text = |name: &str| match v.get(name) {
        Some(Object::String(bytes, _)) => {
            if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
                let units: Vec<u16> = rest
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(text("name0"), "Ana Silva");
    assert_eq!(text("text2"), "Clause 2 accepted, Müller & Söhne");
    assert_eq!(text("pick1"), "Yearly");
    assert_eq!(text("reference"), "REF-2026-0042");
    assert_eq!(v.get("check0"), Some(&Object::Name(b"Yes".to_vec())));
    assert_eq!(v.get("check1"), Some(&Object::Name(b"Off".to_vec())));
    for i in 0..3 {
        assert!(
            matches!(v.get(&format!("sig{i}")), Some(Object::Reference(_))),
            "sig{i} signed"
        );
    }

    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("filled.pdf");
    std::fs::write(&file, &s.closed).expect("write");
    let root = dir.path().join("root.pem");
    std::fs::write(&root, s.trust.root_pem()).expect("root");

    // pyHanko: every signature intact and valid, changes after each one form filling at most.
    if let Some(py) = common::python() {
        let results = common::pyhanko_validate(&py, &root, &file);
        let signatures: Vec<_> = results
            .iter()
            .filter(|r| r["kind"] == "signature")
            .collect();
        assert_eq!(signatures.len(), 3, "{results:?}");
        for r in &results {
            assert_eq!(r["intact"], true, "{r}");
            assert_eq!(r["valid"], true, "{r}");
            assert_eq!(r["trusted"], true, "{r}");
        }
        for (i, r) in signatures.iter().enumerate() {
            let level = r["modification_level"].as_str().unwrap_or_default();
            assert!(
                level.ends_with("FORM_FILLING") || level.ends_with("LTA_UPDATES"),
                "signature {i}: {r}"
            );
            if i < 2 {
                // Later signers filled fields after this one: exactly form filling.
                assert!(level.ends_with("FORM_FILLING"), "signature {i}: {r}");
            }
        }
    } else {
        common::require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", false);
    }

    // pdfsig: every signature valid.
    if common::have_pdfsig() {
        let nss = common::nss_db(dir.path(), &s.trust.root_pem());
        let out = common::pdfsig(&nss, &file);
        let valid = out.matches("Signature is Valid.").count();
        assert!(valid >= 3, "pdfsig:\n{out}");
        assert!(!out.contains("Signature is Invalid"), "pdfsig:\n{out}");
    } else {
        common::require("pdfsig and certutil (poppler-utils, libnss3-tools)", false);
    }
}

/// The darkest pixel's share of dark pixels in a region of a rendered page (fractions).
fn ink(png: &[u8], (x, y, w, h): (f64, f64, f64, f64)) -> usize {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("png");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    let channels = info.line_size / info.width as usize;
    let (pw, ph) = (info.width as f64, info.height as f64);
    let mut dark = 0;
    for py in (y * ph) as usize..((y + h) * ph) as usize {
        for px in (x * pw) as usize..((x + w) * pw) as usize {
            let at = py * info.line_size + px * channels;
            if buf[at] < 100 && buf[at + 1] < 100 && buf[at + 2] < 100 {
                dark += 1;
            }
        }
    }
    dark
}

/// Page 1 drawn by poppler's pdftoppm as a PNG, or `None` (and a notice) where it is missing.
fn poppler_png(pdf: &[u8]) -> Option<Vec<u8>> {
    if !common::require("pdftoppm (poppler-utils)", common::have_pdftoppm()) {
        return None;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("in.pdf");
    std::fs::write(&file, pdf).expect("write");
    let prefix = dir.path().join("page");
    let st = std::process::Command::new("pdftoppm")
        .args(["-r", "72", "-png", "-singlefile", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(&prefix)
        .status()
        .expect("run pdftoppm");
    assert!(st.success(), "pdftoppm failed");
    Some(std::fs::read(dir.path().join("page.png")).expect("png"))
}

#[test]
fn the_values_show_when_the_final_file_is_rendered() {
    let now = real_now();
    let s = sign_three(now);
    // text1's area: empty (a light frame) in the first revision, dark text at the end, as
    // Signet's page images (hayro) and poppler draw it.
    let text1 = (0.4, 0.15 + 0.25 + 0.05, 0.25, 0.03);
    let before = render_page_png(&s.first, 0, 600).expect("render first");
    let after = render_page_png(&s.closed, 0, 600).expect("render final");
    assert!(ink(&before, text1) < 5, "empty before");
    assert!(
        ink(&after, text1) > 30,
        "filled after: {}",
        ink(&after, text1)
    );
    // A check box's on and off states are appearance states, which poppler draws (hayro 0.6
    // draws only single appearance streams).
    let (Some(before), Some(after)) = (poppler_png(&s.first), poppler_png(&s.closed)) else {
        return;
    };
    assert!(ink(&before, text1) < 5, "empty before");
    assert!(
        ink(&after, text1) > 30,
        "filled after: {}",
        ink(&after, text1)
    );
    let check0 = (0.7, 0.15 + 0.05, 0.03, 0.02);
    let check1 = (0.7, 0.15 + 0.25 + 0.05, 0.03, 0.02);
    assert!(
        ink(&after, check0) > ink(&before, check0) + 5,
        "the tick shows: {} vs {}",
        ink(&after, check0),
        ink(&before, check0)
    );
    assert_eq!(
        ink(&after, check1),
        ink(&before, check1),
        "an unticked box stays empty"
    );
}

#[test]
fn fields_are_refused_where_they_cannot_be() {
    let input = common::make_pdf(1, false, 0);
    let on = |a: FieldArea| vec![field("f", FieldKind::Text, a)];
    for (a, why) in [
        (area(2, 0.1, 0.1, 0.2, 0.2), "page 2 does not exist"),
        (area(1, 0.9, 0.1, 0.2, 0.2), "outside"),
        (area(1, 0.1, 0.1, 0.0, 0.2), "outside"),
    ] {
        match add_form_fields(input.clone(), &on(a)) {
            Err(e @ PdfError::Field { .. }) => {
                assert!(e.to_string().contains(why), "{e}");
                assert_eq!(e.return_code(), Some(95));
            }
            other => panic!("{why}: {other:?}"),
        }
    }
    let twice = vec![
        field("f", FieldKind::Text, area(1, 0.1, 0.1, 0.2, 0.05)),
        field("f", FieldKind::Text, area(1, 0.1, 0.3, 0.2, 0.05)),
    ];
    assert!(matches!(
        add_form_fields(input.clone(), &twice),
        Err(PdfError::Field { .. })
    ));
    let mut select = field("s", FieldKind::Select, area(1, 0.1, 0.1, 0.2, 0.05));
    select.options.clear();
    assert!(matches!(
        add_form_fields(input.clone(), &[select]),
        Err(PdfError::Field { .. })
    ));
    assert_eq!(add_form_fields(input.clone(), &[]).expect("none"), input);
}

#[test]
fn a_signer_cannot_fill_a_field_that_is_not_there_or_sign_a_field_twice() {
    let now = common::now();
    let trust = TrustStore::generate("Fields Test", now).expect("trust");
    let first = add_form_fields(common::make_pdf(1, false, 0), &three_signer_fields()[..6])
        .expect("fields");
    let cred = trust.seal_credential();
    let mut opts = SignOptions {
        signer_name: "Ana".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: now,
        timestamp: false,
        form: FormFill {
            values: vec![("nope".into(), FieldValue::Text("x".into()))],
            ..Default::default()
        },
        visible: None,
    };
    assert!(matches!(
        sign_pdf(&first, &cred, &trust, &opts),
        Err(PdfError::Field { .. })
    ));
    opts.form = FormFill {
        values: vec![("check0".into(), FieldValue::Text("x".into()))],
        ..Default::default()
    };
    assert!(matches!(
        sign_pdf(&first, &cred, &trust, &opts),
        Err(PdfError::Field { .. })
    ));
    opts.form = FormFill {
        signature_field: Some("sig0".into()),
        ..Default::default()
    };
    let once = sign_pdf(&first, &cred, &trust, &opts).expect("sign");
    assert!(matches!(
        sign_pdf(&once, &cred, &trust, &opts),
        Err(PdfError::Field { .. })
    ));
    opts.form = FormFill {
        signature_field: Some("text0".into()),
        ..Default::default()
    };
    assert!(matches!(
        sign_pdf(&first, &cred, &trust, &opts),
        Err(PdfError::Field { .. })
    ));
}

#[test]
fn a_field_on_a_turned_page_lies_where_the_reader_sees_it() {
    // A page turned 90° clockwise: the area at the displayed top-left lies at the user-space
    // bottom-left.
    let mut doc = Document::load_mem(&common::make_pdf(1, false, 0)).expect("parse");
    let page = *doc.get_pages().get(&1).expect("page");
    doc.get_dictionary_mut(page)
        .expect("dict")
        .set("Rotate", 90);
    let mut turned = Vec::new();
    doc.save_to(&mut turned).expect("save");
    let out = add_form_fields(
        turned,
        &[field("t", FieldKind::Text, area(1, 0.0, 0.0, 0.5, 0.1))],
    )
    .expect("fields");
    let doc = Document::load_mem(&out).expect("parse");
    let page = *doc.get_pages().get(&1).expect("page");
    let annots = doc
        .get_dictionary(page)
        .expect("page")
        .get(b"Annots")
        .expect("annots")
        .as_array()
        .expect("array")
        .clone();
    let widget = doc
        .get_dictionary(annots[0].as_reference().expect("ref"))
        .expect("widget");
    let rect: Vec<f32> = widget
        .get(b"Rect")
        .expect("rect")
        .as_array()
        .expect("arr")
        .iter()
        .map(|v| v.as_float().expect("num"))
        .collect();
    // MediaBox 612×792 (make_pdf): displayed width 792 (user y), height 612 (user x).
    let media = doc
        .get_dictionary(page)
        .expect("page")
        .get(b"MediaBox")
        .and_then(|m| {
            m.as_array().map(|a| {
                a.iter()
                    .map(|v| v.as_float().unwrap_or(0.0))
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_else(|_| vec![0.0, 0.0, 612.0, 792.0]);
    let (pw, ph) = (media[2] - media[0], media[3] - media[1]);
    let expect = [0.0, 0.0, 0.1 * pw, 0.5 * ph];
    for (got, want) in rect.iter().zip(expect) {
        assert!((got - want).abs() < 0.5, "{rect:?} vs {expect:?}");
    }
}

#[test]
fn a_picture_becomes_the_signature_fields_appearance() {
    let now = common::now();
    let trust = TrustStore::generate("Fields Test", now).expect("trust");
    let first = add_form_fields(common::make_pdf(1, false, 0), &three_signer_fields()[..1])
        .expect("fields");
    let mut picture = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut picture, 4, 2);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header()
            .expect("header")
            .write_image_data(&[0, 0, 0, 255].repeat(8))
            .expect("data");
    }
    let opts = SignOptions {
        signer_name: "Ana".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: now,
        timestamp: false,
        form: FormFill {
            signature_field: Some("sig0".into()),
            signature_picture: Some(picture),
            ..Default::default()
        },
        visible: None,
    };
    let signed = sign_pdf(&first, &trust.seal_credential(), &trust, &opts).expect("sign");
    let after = render_page_png(&signed, 0, 600).expect("render");
    assert!(
        ink(&after, (0.05, 0.15, 0.3, 0.08)) > 500,
        "the picture fills the field"
    );
    let bad = SignOptions {
        form: FormFill {
            signature_field: Some("sig0".into()),
            signature_picture: Some(b"GIF89a....".to_vec()),
            ..Default::default()
        },
        ..opts
    };
    let err = sign_pdf(&first, &trust.seal_credential(), &trust, &bad).expect_err("not a picture");
    assert_eq!(err.return_code(), Some(87));
}
