//! The demo's document: a one-page service agreement drawn with lopdf (standard Helvetica
//! fonts, uncompressed content), leaving the bottom of the page free for the signature blocks
//! Signet draws.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

const LEFT: i64 = 72;
const WIDTH_CHARS: usize = 80;

/// The two parties' names appear in the header and the signature section.
pub fn service_agreement(client: &str, provider: &str, date: &str) -> anyhow::Result<Vec<u8>> {
    let mut ops = Vec::new();
    let mut y: i64 = 770;
    let line = |ops: &mut Vec<Operation>, font: &str, size: i64, text: &str, y: i64| {
        ops.push(Operation::new("BT", vec![]));
        ops.push(Operation::new("Tf", vec![font.into(), size.into()]));
        ops.push(Operation::new("Td", vec![LEFT.into(), y.into()]));
        ops.push(Operation::new(
            "Tj",
            vec![Object::string_literal(text.to_owned())],
        ));
        ops.push(Operation::new("ET", vec![]));
    };
    line(&mut ops, "F2", 18, "Service Agreement", y);
    y -= 22;
    line(
        &mut ops,
        "F1",
        10,
        &format!("Agreement no. SIG-DEMO-0001, dated {date}"),
        y,
    );
    y -= 14;
    // A rule under the title.
    ops.push(Operation::new("w", vec![Object::Real(0.8)]));
    ops.push(Operation::new("m", vec![LEFT.into(), y.into()]));
    ops.push(Operation::new("l", vec![(595 - LEFT).into(), y.into()]));
    ops.push(Operation::new("S", vec![]));
    y -= 24;

    let parties = format!(
        "This agreement is made between {client} (the \"Client\") and {provider} (the \
         \"Provider\"), together the \"Parties\"."
    );
    for l in wrap(&parties) {
        line(&mut ops, "F1", 11, &l, y);
        y -= 15;
    }
    y -= 8;
    let clauses = [
        (
            "1. Services",
            "The Provider designs, builds and operates the customer onboarding flow described \
             in Annex A, including identity verification, sanctions screening and electronic \
             signature of the resulting contracts.",
        ),
        (
            "2. Term",
            "The agreement starts on the date of the last signature and runs for twelve months. \
             It renews for further twelve-month periods unless a Party gives written notice \
             sixty days before the end of the current period.",
        ),
        (
            "3. Fees",
            "The Client pays a fixed monthly fee of EUR 4,800, invoiced at the start of each \
             month and payable within thirty days of the invoice date.",
        ),
        (
            "4. Data protection",
            "Each Party processes personal data only as the applicable data protection law \
             allows. The Provider acts as processor on the Client's documented instructions.",
        ),
        (
            "5. Confidentiality",
            "Neither Party discloses the other's confidential information except to advisers \
             bound by equivalent duties, or where the law requires it.",
        ),
        (
            "6. Governing law",
            "This agreement is governed by the laws of Portugal; the courts of Lisbon have \
             exclusive jurisdiction.",
        ),
    ];
    for (title, text) in clauses {
        line(&mut ops, "F2", 11, title, y);
        y -= 15;
        for l in wrap(text) {
            line(&mut ops, "F1", 11, &l, y);
            y -= 14;
        }
        y -= 8;
    }
    y -= 6;
    for l in wrap(
        "Signed electronically by the Parties below. Each signature is an advanced electronic \
         signature (PAdES) bound to this exact document.",
    ) {
        line(&mut ops, "F3", 10, &l, y);
        y -= 13;
    }
    y -= 10;
    line(&mut ops, "F1", 11, &format!("For the Client: {client}"), y);
    line_at(&mut ops, 320, y, &format!("For the Provider: {provider}"));

    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let bold = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold",
        "Encoding" => "WinAnsiEncoding",
    });
    let oblique = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Oblique",
        "Encoding" => "WinAnsiEncoding",
    });
    let content = Content { operations: ops }.encode()?;
    let contents = doc.add_object(Stream::new(dictionary! {}, content));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => contents,
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => helvetica, "F2" => bold, "F3" => oblique },
        },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let info = doc.add_object(dictionary! {
        "Title" => Object::string_literal("Service Agreement"),
        "Producer" => Object::string_literal("signet demo"),
    });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

fn line_at(ops: &mut Vec<Operation>, x: i64, y: i64, text: &str) {
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("Tf", vec!["F1".into(), 11.into()]));
    ops.push(Operation::new("Td", vec![x.into(), y.into()]));
    ops.push(Operation::new(
        "Tj",
        vec![Object::string_literal(text.to_owned())],
    ));
    ops.push(Operation::new("ET", vec![]));
}

/// Greedy word wrap at a width that fits 11-point Helvetica between the margins.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.len() + 1 + word.len() > WIDTH_CHARS {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
