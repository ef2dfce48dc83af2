//! Documents written in HTML: every element of the subset renders to real, extractable text;
//! `<signet-field>` tags come back where they stand; the output signs and validates; anything
//! outside the subset is refused with its line and column; garbage never panics.

mod common;

use std::process::Command;

use chrono::{DateTime, Utc};
use signet_pdf::html::{HtmlError, HtmlLimits, PlacedField, render_html};
use signet_pdf::*;

#[allow(clippy::disallowed_methods)]
fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

/// A 16×16 baseline JPEG (from CPython's test data).
const JPEG_B64: &str = "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z";

/// An opaque RGB PNG of `w`×`h` pixels.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().expect("png header");
        let pixels: Vec<u8> = (0..w * h * 3).map(|i| (i % 251) as u8).collect();
        writer.write_image_data(&pixels).expect("png data");
    }
    out
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn render(html: &str) -> (Vec<u8>, Vec<PlacedField>) {
    render_html(html, &HtmlLimits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn refused(html: &str) -> HtmlError {
    match render_html(html, &HtmlLimits::default()) {
        Ok(_) => panic!("accepted: {html}"),
        Err(e) => e,
    }
}

/// The text of a PDF as pdftotext reads it (None where pdftotext is missing outside CI).
fn text_of(pdf: &[u8]) -> Option<String> {
    let present = Command::new("pdftotext").arg("-v").output().is_ok();
    if !common::require("pdftotext (poppler-utils)", present) {
        return None;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .expect("parse")
        .get_pages()
        .len()
}

fn every_element() -> String {
    let png = b64(&png(40, 20));
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Service agreement</title></head>
<body>
<h1>Service agreement</h1>
<h2>Between the parties</h2>
<h3 style="text-align: center">Recitals</h3>
<p>This agreement is made between <b>Acme&nbsp;Ltd</b> and <strong>Müller &amp; Söhne</strong>,
with <i>effect</i> from <em>1 January</em>.<br>A second line after a break.</p>
<p style="text-align: justify; font-style: italic">Ελληνικά, русский текст and «quotes» &#8212; all real text.</p>
<ul>
  <li>First point</li>
  <li>Second point
    <ol>
      <li>Nested one</li>
      <li>Nested two</li>
    </ol>
  </li>
</ul>
<table>
  <thead><tr><th>Item</th><th style="text-align: right">Price</th></tr></thead>
  <tbody>
    <tr><td>Consulting hours</td><td style="text-align: right">1 200 €</td></tr>
    <tr><td>Travel <b>(capped)</b></td><td>300 €</td></tr>
  </tbody>
</table>
<p>Logo: <img src="data:image/png;base64,{png}" alt="logo" width="60"> and
<img src="data:image/jpeg;base64,{JPEG_B64}" alt="jpeg" height="16pt"></p>
<hr>
<p>Client: <signet-field name="client_sig" type="signature" signer="0"></p>
<div style="page-break-after: always"></div>
<p>Second page text.</p>
<p>Bank: <signet-field name="bank_sig" type="signature" signer="1" width="150" height="40"/>
 on <signet-field name="bank_date" type="date" signer="1"></signet-field></p>
<hr class="page-break">
<p>Third page: <signet-field name="agree" type="checkbox" signer="0"></p>
<!-- a comment -->
</body>
</html>
"#
    )
}

#[test]
fn every_element_renders_and_its_text_can_be_extracted() {
    let (pdf, fields) = render(&every_element());
    check_pdf(&pdf, 20 << 20).expect("a PDF Signet accepts");
    assert_eq!(pages(&pdf), 3);
    assert_eq!(fields.len(), 4);
    let Some(text) = text_of(&pdf) else { return };
    for expected in [
        "Service agreement",
        "Between the parties",
        "Recitals",
        "Acme",
        "Müller & Söhne",
        "effect",
        "A second line after a break.",
        "Ελληνικά",
        "русский текст",
        "«quotes» —",
        "First point",
        "Nested two",
        "Consulting hours",
        "1 200 €",
        "Travel (capped)",
        "Second page text.",
        "Third page:",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Numbered and bulleted markers are drawn too.
    assert!(text.contains('•'), "{text}");
    assert!(text.contains("1.") && text.contains("2."), "{text}");
    // Pages are in order: the page-break div and the hr both break.
    let p: Vec<&str> = text.split('\u{c}').collect();
    assert!(
        p[0].contains("Client:") && !p[0].contains("Second page"),
        "{text}"
    );
    assert!(
        p[1].contains("Second page text.") && !p[1].contains("Third"),
        "{text}"
    );
    assert!(p[2].contains("Third page:"), "{text}");
    // The title is the PDF's.
    let doc = lopdf::Document::load_mem(&pdf).expect("parse");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| doc.dereference(i))
        .expect("info");
    let title = info
        .1
        .as_dict()
        .expect("dict")
        .get(b"Title")
        .expect("title");
    assert_eq!(
        lopdf::decode_text_string(title).expect("text"),
        "Service agreement"
    );
}

#[test]
fn a_long_text_flows_onto_further_pages_line_by_line() {
    let para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(40);
    let html = format!(
        "<p>{}</p><p>Sign here: <signet-field name=s type=signature signer=0></p>",
        format!("<p>{para}</p>").repeat(6)
    );
    // Paragraphs inside a paragraph are refused; as siblings they flow.
    assert!(render_html(&html, &HtmlLimits::default()).is_err());
    let html = format!(
        "{}<p>Sign here: <signet-field name=s type=signature signer=0></p>",
        format!("<p>{para}</p>").repeat(6)
    );
    let (pdf, fields) = render(&html);
    let n = pages(&pdf);
    assert!(n >= 2, "{n} pages");
    assert_eq!(fields[0].page as usize, n, "the field follows the text");
    if let Some(text) = text_of(&pdf) {
        assert_eq!(text.matches("Lorem").count(), 240);
        assert_eq!(text.matches("ipsum").count(), 240);
    }
}

#[test]
fn fields_come_back_where_they_stand() {
    let html = r#"<p>Name: <signet-field name="a" type="name" role="Client"></p>
<p>A paragraph of text between the two fields, long enough to wrap onto a second line of the
page, because the column is narrower than all these words together, which matters here.</p>
<p><signet-field name="b" type="text" role="Client" width="200" height="20"></p>
<div style="page-break-after: always"></div>
<p><signet-field name="c" type="signature" role="Bank"></p>"#;
    let (_, fields) = render(html);
    let by = |n: &str| fields.iter().find(|f| f.name == n).expect(n).clone();
    let (a, b, c) = (by("a"), by("b"), by("c"));
    assert_eq!((a.page, b.page, c.page), (1, 1, 2));
    assert_eq!(a.kind, "name");
    assert_eq!(a.role.as_deref(), Some("Client"));
    assert_eq!(c.role.as_deref(), Some("Bank"));
    assert_eq!(a.signer, None);
    // "Name: " stands before a, so it is right of the margin; b starts a line.
    assert!(a.x > b.x + 0.03, "{a:?} {b:?}");
    assert!((b.x - 56.69 / 595.28).abs() < 0.01, "{b:?}");
    // Below the two-line paragraph.
    assert!(b.y > a.y + a.h + 2.0 * 12.0 / 841.89, "{a:?} {b:?}");
    // Sizes as given (points over the page), defaults by type.
    assert!((b.w - 200.0 / 595.28).abs() < 1e-4 && (b.h - 20.0 / 841.89).abs() < 1e-4);
    assert!((c.w - 180.0 / 595.28).abs() < 1e-4 && (c.h - 54.0 / 841.89).abs() < 1e-4);
    // At the top of page 2, inside the page.
    assert!(c.y < 0.12 && c.y > 0.05, "{c:?}");
    for f in &fields {
        assert!(
            f.x >= 0.0 && f.y >= 0.0 && f.x + f.w <= 1.0 && f.y + f.h <= 1.0,
            "{f:?}"
        );
    }
}

fn kind(s: &str) -> FieldKind {
    match s {
        "signature" => FieldKind::Signature,
        "date" => FieldKind::Date,
        "checkbox" => FieldKind::Checkbox,
        "name" => FieldKind::Name,
        _ => FieldKind::Text,
    }
}

/// The form field a placed field becomes, as the API would make it.
fn form_field(p: &PlacedField) -> FormField {
    FormField {
        name: p.name.clone(),
        kind: kind(&p.kind),
        area: FieldArea {
            page: p.page,
            x: p.x,
            y: p.y,
            w: p.w,
            h: p.h,
        },
        options: vec![],
        value: None,
        required: true,
    }
}

#[test]
fn the_rendered_document_takes_its_fields_and_signatures_and_validates() {
    let now = real_now();
    let (pdf, placed) = render(&every_element());
    check_pdf(&pdf, 20 << 20).expect("check");
    let form: Vec<FormField> = placed.iter().map(form_field).collect();
    let first = add_form_fields(pdf, &form).expect("fields");
    let trust = TrustStore::generate("HTML Test", now).expect("trust");
    let mut doc = first.clone();
    for (i, name) in ["Ana Silva", "Bruno Costa"].iter().enumerate() {
        let cred = trust
            .issue_signer(
                &SignerIdentity {
                    name: (*name).into(),
                    ..Default::default()
                },
                now,
            )
            .expect("signer");
        let (signature_field, values) = if i == 0 {
            (
                "client_sig",
                vec![("agree".to_string(), FieldValue::Checked(true))],
            )
        } else {
            (
                "bank_sig",
                vec![(
                    "bank_date".to_string(),
                    FieldValue::Text(now.format("%Y-%m-%d").to_string()),
                )],
            )
        };
        let opts = SignOptions {
            signer_name: (*name).into(),
            reason: Some("I agree".into()),
            location: None,
            contact: None,
            signing_time: now,
            timestamp: true,
            form: FormFill {
                signature_field: Some(signature_field.into()),
                values,
                signature_picture: None,
            },
            visible: Some(VisibleBlock {
                lines: vec![format!("Signed by {name}")],
            }),
        };
        let next = sign_pdf(&doc, &cred, &trust, &opts).expect("sign");
        assert!(next.starts_with(&doc));
        doc = next;
    }
    let report = verify_pdf(&doc, &[trust.root_pem()]).expect("verify");
    assert_eq!(report.signatures.len(), 2, "{report:?}");
    for r in &report.signatures {
        assert_eq!(r.indication, Indication::TotalPassed, "{r:?}");
    }

    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("signed.pdf");
    std::fs::write(&file, &doc).expect("write");
    let root = dir.path().join("root.pem");
    std::fs::write(&root, trust.root_pem()).expect("root");
    if let Some(py) = common::python() {
        let results = common::pyhanko_validate(&py, &root, &file);
        let sigs: Vec<_> = results
            .iter()
            .filter(|r| r["kind"] == "signature")
            .collect();
        assert_eq!(sigs.len(), 2, "{results:?}");
        for r in &sigs {
            assert_eq!(r["intact"], true, "{r}");
            assert_eq!(r["valid"], true, "{r}");
            assert_eq!(r["trusted"], true, "{r}");
        }
        let level = sigs[0]["modification_level"].as_str().unwrap_or_default();
        assert!(level.ends_with("FORM_FILLING"), "{}", sigs[0]);
    } else {
        common::require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", false);
    }
    if common::have_pdfsig() {
        let nss = common::nss_db(dir.path(), &trust.root_pem());
        let out = common::pdfsig(&nss, &file);
        assert_eq!(
            out.matches("Signature is Valid.").count(),
            2,
            "pdfsig:\n{out}"
        );
    } else {
        common::require("pdfsig and certutil (poppler-utils, libnss3-tools)", false);
    }
    // The text is still there once signed.
    if let Some(text) = text_of(&doc) {
        assert!(text.contains("Consulting hours"), "{text}");
    }
}

#[test]
fn every_refused_construct_says_where_it_is() {
    let cases: &[(&str, u32, u32, &str)] = &[
        ("<p>ok</p>\n<script>alert(1)</script>", 2, 1, "<script>"),
        ("<p>ok</p><style>p{}</style>", 1, 10, "<style>"),
        ("<p>\n  <iframe src=x></iframe></p>", 2, 3, "<iframe>"),
        ("<form><input></form>", 1, 1, "<form>"),
        ("<p>a <span>b</span></p>", 1, 6, "<span>"),
        ("<p onclick=\"x()\">a</p>", 1, 4, "event handlers"),
        ("<p class=\"lead\">a</p>", 1, 4, "class"),
        ("<hr class=\"fancy\">", 1, 5, "page-break"),
        ("<p style=\"color: red\">a</p>", 1, 4, "color: red"),
        ("<p style=\"text-align: middle\">a</p>", 1, 4, "text-align"),
        ("<b style=\"text-align: center\">a</b>", 1, 4, "text-align"),
        (
            "<p>\n<img src=\"https://example.com/a.png\"></p>",
            2,
            6,
            "external URLs",
        ),
        (
            "<p><img src=\"data:image/gif;base64,R0lG\"></p>",
            1,
            9,
            "data:image/png",
        ),
        (
            "<p><img src=\"data:image/png;base64,!!!\"></p>",
            1,
            9,
            "base64",
        ),
        (
            "<p><img src=\"data:image/png;base64,aGVsbG8=\"></p>",
            1,
            9,
            "cannot be used",
        ),
        ("<p>a</b></p>", 1, 5, "</b> where </p> is expected"),
        ("<p>a", 1, 1, "<p> is never closed"),
        ("</p>", 1, 1, "closes nothing"),
        ("<p>1 < 2</p>", 1, 6, "&lt;"),
        ("<p>&bogus;</p>", 1, 4, "&bogus;"),
        ("<p>&#0;</p>", 1, 4, "&#0;"),
        ("<!DOCTYPE xhtml>", 1, 1, "DOCTYPE"),
        ("<p>a<!-- open", 1, 5, "comment"),
        ("<p>a</p>\n\n   <p>b<p>c</p></p>", 3, 8, "<p> inside <p>"),
        ("<ul><p>x</p></ul>", 1, 5, "only <li>"),
        ("<ul>text</ul>", 1, 5, "text directly inside <ul>"),
        ("<li>x</li>", 1, 1, "cannot stand here"),
        ("<table><td>x</td></table>", 1, 8, "only <tr>"),
        (
            "<table><tr><td colspan=2>x</td></tr></table>",
            1,
            16,
            "colspan",
        ),
        (
            "<table><tr><td><p>x</p></td></tr></table>",
            1,
            16,
            "<p> inside <td>",
        ),
        (
            "<p><signet-field type=text signer=0></p>",
            1,
            4,
            "without name",
        ),
        (
            "<p><signet-field name=a signer=0></p>",
            1,
            4,
            "without type",
        ),
        (
            "<p><signet-field name=a type=stamp signer=0></p>",
            1,
            25,
            "stamp",
        ),
        (
            "<p><signet-field name=a type=text></p>",
            1,
            4,
            "signer or role",
        ),
        (
            "<p><signet-field name=a type=text signer=0 role=X></p>",
            1,
            4,
            "signer or role",
        ),
        (
            "<p><signet-field name=a type=text signer=-1></p>",
            1,
            35,
            "signer",
        ),
        (
            "<p><signet-field name=\"a b\" type=text signer=0></p>",
            1,
            18,
            "field name",
        ),
        (
            "<p><signet-field name=a type=text signer=0>\n<signet-field name=a type=date signer=1></p>",
            2,
            15,
            "second field named a",
        ),
        (
            "<p><signet-field name=a type=text signer=0 width=9000></p>",
            1,
            44,
            "width",
        ),
        (
            "<p><signet-field name=a type=text signer=0 required></p>",
            1,
            44,
            "required",
        ),
        ("<head><script></script></head>", 1, 7, "<script>"),
        ("<head><meta charset=latin1></head>", 1, 7, "utf-8"),
        ("<p title=\"x\" title=\"y\">a</p>", 1, 4, "title"),
        ("<body style=\"text-align: center\">a</body>", 1, 7, "style"),
        (
            "<table><tbody style=\"x: y\"></tbody></table>",
            1,
            15,
            "style",
        ),
        ("<p>a</p", 1, 5, "not closed"),
        ("<p a=b\"c>x</p>", 1, 7, "quotes"),
    ];
    for (html, line, column, what) in cases {
        let e = refused(html);
        assert!(
            e.what.contains(what) && (e.line, e.column) == (*line, *column),
            "{html:?}: expected {line}:{column} mentioning {what:?}, got {e}"
        );
    }
}

#[test]
fn limits_are_errors_at_the_element_that_passes_them() {
    let limits = HtmlLimits {
        max_pages: 2,
        ..HtmlLimits::default()
    };
    let e = render_html(
        "<p>one</p><hr class=page-break><p>two</p>\n<hr class=page-break><p>three</p>",
        &limits,
    )
    .expect_err("three pages");
    assert_eq!((e.line, e.column), (2, 22), "{e}");
    assert!(e.what.contains("2 pages"), "{e}");

    let big = b64(&png(4100, 1));
    let e = refused(&format!("<p><img src=\"data:image/png;base64,{big}\"></p>"));
    assert_eq!((e.line, e.column), (1, 9), "{e}");

    let limits = HtmlLimits {
        max_image_bytes: 100,
        ..HtmlLimits::default()
    };
    let e = render_html(
        &format!(
            "<p><img src=\"data:image/png;base64,{}\"></p>",
            b64(&png(64, 64))
        ),
        &limits,
    )
    .expect_err("too big");
    assert!(e.what.contains("over 100 bytes"), "{e}");

    let limits = HtmlLimits {
        max_bytes: 10,
        ..HtmlLimits::default()
    };
    assert!(render_html("<p>eleven bytes</p>", &limits).is_err());

    let limits = HtmlLimits {
        max_fields: 1,
        ..HtmlLimits::default()
    };
    let e = render_html(
        "<p><signet-field name=a type=text signer=0><signet-field name=b type=text signer=0></p>",
        &limits,
    )
    .expect_err("two fields");
    assert_eq!((e.line, e.column), (1, 44), "{e}");

    let e = refused(&format!("{}x{}", "<div>".repeat(40), "</div>".repeat(40)));
    assert!(e.what.contains("nest"), "{e}");
    assert_eq!((e.line, e.column), (1, 1 + 5 * 32), "{e}");

    let cells = "<td>x</td>".repeat(21);
    let e = refused(&format!("<table><tr>{cells}</tr></table>"));
    assert!(e.what.contains("20 columns"), "{e}");
}

#[test]
fn garbage_and_deep_nesting_never_panic() {
    // Deep nesting, far past the limit, of every kind of element.
    for tag in ["div", "b", "ul", "li", "table", "p", "i"] {
        let html = format!("<{tag}>").repeat(100_000);
        assert!(render_html(&html, &HtmlLimits::default()).is_err());
    }
    // A limit set absurdly high is still capped.
    let limits = HtmlLimits {
        max_depth: usize::MAX,
        ..HtmlLimits::default()
    };
    let html = format!("<p>{}x{}</p>", "<b>".repeat(50_000), "</b>".repeat(50_000));
    assert!(render_html(&html, &limits).is_err());

    // Mutations of a document that renders: bytes flipped, cut, repeated.
    let base = every_element().into_bytes();
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = b"<>/=\"'&;# \n\tabpdivlhr-!x\x00\xc3\xa9";
    for _ in 0..300 {
        let mut doc = base.clone();
        for _ in 0..(next() % 8 + 1) {
            let at = (next() as usize) % doc.len().max(1);
            match next() % 4 {
                0 => doc[at] = alphabet[(next() as usize) % alphabet.len()],
                1 => doc.truncate(at),
                2 => {
                    let len = (next() as usize % 64).min(doc.len() - at);
                    let chunk = doc[at..at + len].to_vec();
                    doc.splice(at..at, chunk);
                }
                _ => {
                    doc.remove(at.min(doc.len().saturating_sub(1)));
                }
            }
            if doc.is_empty() {
                break;
            }
        }
        let text = String::from_utf8_lossy(&doc);
        if let Err(e) = render_html(&text, &HtmlLimits::default()) {
            assert!(e.line >= 1 && e.column >= 1, "{e}");
            assert!(!e.what.is_empty());
        }
    }
    // Random bytes.
    for _ in 0..200 {
        let len = (next() % 300) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() as usize) % alphabet.len()])
            .collect();
        let _ = render_html(&String::from_utf8_lossy(&bytes), &HtmlLimits::default());
    }
    // An empty document is one empty page.
    let (pdf, fields) = render("");
    assert_eq!(pages(&pdf), 1);
    assert!(fields.is_empty());
}

/// Writes the sample document where `SIGNET_HTML_SAMPLE` says, to look at.
#[test]
fn sample_document_for_eyes() {
    if let Some(path) = std::env::var_os("SIGNET_HTML_SAMPLE") {
        let (pdf, placed) = render(&every_element());
        let form: Vec<FormField> = placed.iter().map(form_field).collect();
        let with_fields = add_form_fields(pdf.clone(), &form).expect("fields");
        std::fs::write(&path, pdf).expect("write sample");
        let mut fielded = std::path::PathBuf::from(path);
        fielded.set_extension("fields.pdf");
        std::fs::write(fielded, with_fields).expect("write sample");
    }
}

#[test]
fn any_script_stays_text_and_fields_in_cells_and_lists_are_placed() {
    let html = r#"<h2>Ünïcödé</h2>
<p>The office's first fluffy waffle. Café, naïve, e&#x301; combined.</p>
<p>עברית ומספרים 123 — العربية نص — 中文 😀 — Ελληνικά</p>
<table><tr><th>Party</th><th>Signature</th></tr>
<tr><td>Client</td><td><signet-field name="cell" type="signature" signer="0" width="120" height="30"></td></tr></table>
<ol><li>I agree <signet-field name="item" type="checkbox" signer="0"></li></ol>"#;
    let (pdf, fields) = render(html);
    check_pdf(&pdf, 20 << 20).expect("check");
    let by = |n: &str| fields.iter().find(|f| f.name == n).expect(n).clone();
    let (cell, item) = (by("cell"), by("item"));
    // The cell's field is in the second column, right of the first; the list's below the table.
    assert!(cell.x > 56.69 / 595.28 + 0.1, "{cell:?}");
    assert!(item.y > cell.y + cell.h, "{cell:?} {item:?}");
    assert!(item.x > 56.69 / 595.28 + 0.03, "{item:?}");
    let Some(text) = text_of(&pdf) else { return };
    for expected in [
        "Ünïcödé",
        "office's first fluffy waffle",
        "Café, naïve",
        "Ελληνικά",
        "Client",
        "I agree",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Right-to-left words come out whole, whichever order a reader puts them in.
    for word in ["עברית", "ומספרים", "العربية"] {
        let reversed: String = word.chars().rev().collect();
        assert!(
            text.contains(word) || text.contains(&reversed),
            "{word:?} not in:\n{text}"
        );
    }
}

#[test]
fn a_hundred_pages_render_in_reasonable_time() {
    let para = "<p>Clause text that fills the page, line after line, with words. </p>".repeat(30);
    let html = vec![para; 100].join("<hr class=page-break>");
    let started = std::time::Instant::now();
    let (pdf, _) = render(&html);
    assert_eq!(pages(&pdf), 100);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let limits = HtmlLimits::default();
    let more = format!("{html}<hr class=page-break><p>one more</p>");
    let e = render_html(&more, &limits).expect_err("101 pages");
    assert!(e.what.contains("100 pages"), "{e}");
}
