//! Anchors: finding a text in a PDF's text layer and where it stands on the displayed page.

mod common;

use lopdf::{Document, Object, Stream, dictionary};
use signet_pdf::PdfError;
use signet_pdf::anchor::{TextArea, find_anchors};

const ANCHOR: &str = "{{client_signature}}";

/// Helvetica's advance widths (AFM, 1000 units per em) for the characters the tests draw.
fn helvetica_width(c: char) -> f64 {
    match c {
        '{' | '}' => 334.0,
        'c' | 's' => 500.0,
        'l' | 'i' => 222.0,
        'e' | 'n' | 'g' | 'a' | 'u' | '_' | 'o' | 'p' | 'd' | 'h' => 556.0,
        't' => 278.0,
        'r' => 333.0,
        ' ' => 278.0,
        'S' => 667.0,
        'C' => 722.0,
        ':' => 278.0,
        _ => panic!("no width for {c:?} in the test table"),
    }
}

fn helvetica_text_width(s: &str, size: f64) -> f64 {
    s.chars().map(helvetica_width).sum::<f64>() / 1000.0 * size
}

/// One page of a hand-written PDF: its content stream and extra entries for its dictionary.
struct TestPage {
    content: String,
    extra: lopdf::Dictionary,
}

fn page(content: &str) -> TestPage {
    TestPage {
        content: content.into(),
        extra: lopdf::Dictionary::new(),
    }
}

/// A PDF of US-letter pages (612×792) whose resources have Helvetica as /F1 and the given
/// Form XObjects (name, content, resources' XObject names to ids of earlier forms).
fn lopdf_pdf(pages: Vec<TestPage>, forms: &[(&str, &str)]) -> Vec<u8> {
    lopdf_pdf_with_fonts(pages, forms, &|_| Vec::new())
}

/// [`lopdf_pdf`] with more fonts in the page resources, made by `fonts`.
fn lopdf_pdf_with_fonts(
    pages: Vec<TestPage>,
    forms: &[(&str, &str)],
    fonts: &dyn Fn(&mut Document) -> Vec<(&'static str, lopdf::ObjectId)>,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut page_fonts = dictionary! { "F1" => font_id };
    for (name, id) in fonts(&mut doc) {
        page_fonts.set(name, id);
    }
    // Each form sees the fonts and every form defined before it.
    let mut xobjects = lopdf::Dictionary::new();
    for (name, content) in forms {
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font_id },
            "XObject" => Object::Dictionary(xobjects.clone()),
        };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => resources,
            },
            content.as_bytes().to_vec(),
        );
        let id = doc.add_object(form);
        xobjects.set(*name, id);
    }
    let resources_id = doc.add_object(dictionary! {
        "Font" => page_fonts,
        "XObject" => Object::Dictionary(xobjects),
    });
    let mut kids = Vec::new();
    for p in pages {
        let content_id = doc.add_object(Stream::new(
            lopdf::Dictionary::new(),
            p.content.into_bytes(),
        ));
        let mut dict = dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Contents" => content_id, "Resources" => resources_id,
        };
        for (k, v) in p.extra.iter() {
            dict.set(k.clone(), v.clone());
        }
        kids.push(doc.add_object(dict).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

/// `area` covers the rectangle `(left, top, right, bottom)` in points of a displayed page of
/// `size`, each edge within `tolerance` points.
fn assert_near(
    area: &TextArea,
    size: (f64, f64),
    expected: (f64, f64, f64, f64),
    tolerance: (f64, f64),
) {
    let (w, h) = size;
    let got = (
        area.x * w,
        area.y * h,
        (area.x + area.w) * w,
        (area.y + area.h) * h,
    );
    let ok = (got.0 - expected.0).abs() <= tolerance.0
        && (got.2 - expected.2).abs() <= tolerance.0
        && (got.1 - expected.1).abs() <= tolerance.1
        && (got.3 - expected.3).abs() <= tolerance.1;
    assert!(
        ok,
        "area {got:?} (points: left, top, right, bottom) is not near {expected:?} \
         (± {tolerance:?})"
    );
}

/// The expected box of ANCHOR in Helvetica drawn at `(x, baseline)` in user space of a
/// 792 pt high page, in displayed points (y down): the advances horizontally; vertically
/// the braces, which reach from about 0.21 em below the baseline to 0.73 em above it.
fn helvetica_box(x: f64, baseline: f64, size: f64, advance: f64) -> (f64, f64, f64, f64) {
    let top = 792.0 - baseline - 0.73 * size;
    let bottom = 792.0 - baseline + 0.21 * size;
    (x, top, x + advance, bottom)
}

#[test]
fn an_anchor_split_over_tj_arrays_and_operators_is_found_where_it_was_drawn() {
    // The anchor is cut twice inside one TJ array, with kerning in between, then once more
    // into a separate Tj.
    let content = "BT /F1 12 Tf 100 700 Td (Signature: ) Tj \
                   [({{cli) 120 (ent_) -50 (sig)] TJ (nature}}) Tj ET";
    let pdf = lopdf_pdf(vec![page(content)], &[]);
    let found = find_anchors(&pdf, &[ANCHOR]).expect("search");
    let area = found[0].expect("anchor found");
    assert_eq!(area.page, 1);
    let x = 100.0 + helvetica_text_width("Signature: ", 12.0);
    let advance = helvetica_text_width(ANCHOR, 12.0) - (120.0 - 50.0) / 1000.0 * 12.0;
    assert_near(
        &area,
        (612.0, 792.0),
        helvetica_box(x, 700.0, 12.0, advance),
        (1.5, 1.5),
    );
}

#[test]
fn missing_anchors_are_none_and_each_needle_gets_its_own_answer() {
    let content = "BT /F1 12 Tf 72 700 Td ({{client_signature}}) Tj 0 -40 Td ({{date}}) Tj ET";
    let pdf = lopdf_pdf(vec![page(content)], &[]);
    let found =
        find_anchors(&pdf, &["{{bank_signature}}", ANCHOR, "{{date}}", "", "  "]).expect("search");
    assert_eq!(found.len(), 5);
    assert!(found[0].is_none(), "not in the document");
    assert_eq!(found[1].expect("anchor").page, 1);
    let date = found[2].expect("date");
    // 40 points lower than the first line.
    assert!(
        (date.y * 792.0 - found[1].expect("anchor").y * 792.0 - 40.0).abs() < 0.5,
        "{date:?}"
    );
    assert!(found[3].is_none() && found[4].is_none(), "empty needles");
    assert_eq!(find_anchors(&pdf, &[]).expect("no needles"), Vec::new());
}

#[test]
fn the_text_must_follow_on_one_line_but_white_space_does_not_count() {
    // "{{client_" ends one line and "signature}}" starts the next: not an anchor.
    let content = "BT /F1 12 Tf 72 700 Td ({{client_) Tj 0 -14 Td (signature}}) Tj \
                   0 -40 Td (Sign) Tj 30 0 Td (here) Tj 0 -40 Td (Sign here please) Tj ET";
    let pdf = lopdf_pdf(vec![page(content)], &[]);
    let found =
        find_anchors(&pdf, &[ANCHOR, "Sign here", "here please", "Signhere"]).expect("search");
    assert!(
        found[0].is_none(),
        "an anchor across two lines: {:?}",
        found[0]
    );
    // "Sign" and "here" drawn apart without a space glyph: one text.
    let sign_here = found[1].expect("Sign here");
    assert!((sign_here.x * 612.0 - 72.0).abs() < 1.0, "{sign_here:?}");
    assert!(
        ((sign_here.x + sign_here.w) * 612.0 - (102.0 + helvetica_text_width("here", 12.0))).abs()
            < 1.0,
        "{sign_here:?}"
    );
    let please = found[2].expect("here please");
    assert!(please.y > sign_here.y, "on the third line");
    assert_eq!(found[3], found[1], "white space does not count");
}

#[test]
fn the_anchor_on_page_2_is_found_on_page_2() {
    let pdf = lopdf_pdf(
        vec![
            page("BT /F1 12 Tf 72 700 Td (Terms and conditions) Tj ET"),
            page("BT /F1 10 Tf 300 100 Td (Client: {{client_signature}}) Tj ET"),
        ],
        &[],
    );
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    assert_eq!(area.page, 2);
    let x = 300.0 + helvetica_text_width("Client: ", 10.0);
    assert_near(
        &area,
        (612.0, 792.0),
        helvetica_box(x, 100.0, 10.0, helvetica_text_width(ANCHOR, 10.0)),
        (1.5, 1.5),
    );
}

#[test]
fn an_anchor_drawn_twice_gives_the_first_in_reading_order() {
    let pdf = lopdf_pdf(
        vec![
            page("BT /F1 12 Tf 72 500 Td (Nothing here) Tj ET"),
            page(
                "BT /F1 12 Tf 72 600 Td ({{client_signature}}) Tj ET \
                 BT /F1 12 Tf 72 200 Td ({{client_signature}}) Tj ET",
            ),
            page("BT /F1 12 Tf 72 700 Td ({{client_signature}}) Tj ET"),
        ],
        &[],
    );
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    assert_eq!(area.page, 2);
    assert_near(
        &area,
        (612.0, 792.0),
        helvetica_box(72.0, 600.0, 12.0, helvetica_text_width(ANCHOR, 12.0)),
        (1.5, 1.5),
    );
}

#[test]
fn a_rotated_page_gives_the_area_as_the_reader_sees_it() {
    let size = 12.0;
    let advance = helvetica_text_width(ANCHOR, size);
    let content = "BT /F1 12 Tf 100 700 Td ({{client_signature}}) Tj ET";
    for rotate in [90i64, 180, 270, -90] {
        let mut p = page(content);
        p.extra.set("Rotate", rotate);
        let pdf = lopdf_pdf(vec![p], &[]);
        let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
        // The text's box in user space (y up): x from 100 to 100 + advance, y from the
        // braces' bottom to their top.
        let (ux0, ux1) = (100.0, 100.0 + advance);
        let (uy0, uy1) = (700.0 - 0.21 * size, 700.0 + 0.73 * size);
        // Displayed (y down, origin top-left) after turning the page clockwise.
        let (size_shown, expected) = match rotate.rem_euclid(360) {
            // The left edge of the page becomes its top: (x, y) -> (y, x).
            90 => ((792.0, 612.0), (uy0, ux0, uy1, ux1)),
            // Upside down: (x, y) -> (612 - x, y).
            180 => ((612.0, 792.0), (612.0 - ux1, uy0, 612.0 - ux0, uy1)),
            // The right edge becomes the top: (x, y) -> (792 - y, 612 - x).
            270 => (
                (792.0, 612.0),
                (792.0 - uy1, 612.0 - ux1, 792.0 - uy0, 612.0 - ux0),
            ),
            _ => unreachable!(),
        };
        let (w, h) = size_shown;
        let got = (
            area.x * w,
            area.y * h,
            (area.x + area.w) * w,
            (area.y + area.h) * h,
        );
        let close = |a: f64, b: f64| (a - b).abs() <= 1.5;
        assert!(
            close(got.0, expected.0)
                && close(got.1, expected.1)
                && close(got.2, expected.2)
                && close(got.3, expected.3),
            "/Rotate {rotate}: {got:?} is not near {expected:?}"
        );
    }
}

#[test]
fn the_area_is_relative_to_the_crop_box() {
    let mut p = page("BT /F1 12 Tf 100 700 Td ({{client_signature}}) Tj ET");
    p.extra.set(
        "CropBox",
        vec![50.into(), 42.into(), 562.into(), 742.into()],
    );
    let pdf = lopdf_pdf(vec![p], &[]);
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    // A 512×700 page whose top-left corner is (50, 742) in user space.
    let (x0, top, x1, bottom) =
        helvetica_box(100.0, 700.0, 12.0, helvetica_text_width(ANCHOR, 12.0));
    assert_near(
        &area,
        (512.0, 700.0),
        (x0 - 50.0, top - 50.0, x1 - 50.0, bottom - 50.0),
        (1.5, 1.5),
    );
}

#[test]
fn text_off_the_visible_page_is_skipped() {
    let content = "BT /F1 12 Tf 700 700 Td ({{client_signature}}) Tj ET \
                   BT /F1 12 Tf 72 100 Td ({{client_signature}}) Tj ET";
    let pdf = lopdf_pdf(vec![page(content)], &[]);
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    assert!(
        (area.y * 792.0 - (792.0 - 100.0 - 0.73 * 12.0)).abs() < 1.5,
        "{area:?}"
    );
}

#[test]
fn anchors_in_form_xobjects_and_text_drawn_with_fill_then_stroke_are_found() {
    // The form is drawn scaled by 2 and moved; inside it the text uses mode 2 (fill, then
    // stroke: every glyph is drawn twice at the same place).
    let form = "BT 2 Tr /F1 10 Tf 0 0 Td ({{client_signature}}) Tj ET";
    let content = "q 2 0 0 2 50 300 cm /Fm0 Do Q";
    let pdf = lopdf_pdf(vec![page(content)], &[("Fm0", form)]);
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    assert_near(
        &area,
        (612.0, 792.0),
        helvetica_box(50.0, 300.0, 20.0, helvetica_text_width(ANCHOR, 20.0)),
        (2.0, 2.0),
    );
}

#[test]
fn invisible_and_white_text_counts() {
    let content = "BT 3 Tr /F1 12 Tf 72 700 Td ({{client_signature}}) Tj ET \
                   BT 1 1 1 rg /F1 12 Tf 72 600 Td ({{date}}) Tj ET";
    let pdf = lopdf_pdf(vec![page(content)], &[]);
    let found = find_anchors(&pdf, &[ANCHOR, "{{date}}"]).expect("search");
    assert!(found[0].is_some() && found[1].is_some(), "{found:?}");
}

#[test]
fn content_repeated_through_nested_forms_is_refused_not_interpreted() {
    // Each form draws the one before it ten times: nine levels make a billion drawings of
    // the innermost text.
    let mut forms: Vec<(String, String)> =
        vec![("F0".into(), "BT /F1 12 Tf 72 700 Td (x) Tj ET".into())];
    for level in 1..=9 {
        let call = format!("/F{} Do ", level - 1);
        forms.push((format!("F{level}"), call.repeat(10)));
    }
    let forms: Vec<(&str, &str)> = forms
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();
    let pdf = lopdf_pdf(vec![page("/F9 Do")], &forms);
    let started = std::time::Instant::now();
    let result = find_anchors(&pdf, &[ANCHOR]);
    assert!(matches!(result, Err(PdfError::OverLimit(_))), "{result:?}");
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );

    // A few levels of the same stay within the budget and are read.
    let pdf = lopdf_pdf(vec![page("/F3 Do")], &forms[..4]);
    assert_eq!(find_anchors(&pdf, &[ANCHOR]).expect("search"), vec![None]);
}

#[test]
fn graphics_states_saved_too_deep_are_refused_and_balanced_ones_are_not() {
    let text = "BT /F1 12 Tf 72 700 Td ({{client_signature}}) Tj ET";
    let deep = format!("{}{text}", "q ".repeat(5000));
    let pdf = lopdf_pdf(vec![page(&deep)], &[]);
    let result = find_anchors(&pdf, &[ANCHOR]);
    assert!(matches!(result, Err(PdfError::OverLimit(_))), "{result:?}");

    let balanced = format!("{}{text}", "q Q ".repeat(5000));
    let pdf = lopdf_pdf(vec![page(&balanced)], &[]);
    assert!(find_anchors(&pdf, &[ANCHOR]).expect("search")[0].is_some());

    // Within a form, the form's own unbalanced states end with the form.
    let form = format!("{}{}", "q ".repeat(600), "0 0 m");
    let pdf = lopdf_pdf(
        vec![page(&format!("{} {text}", "/Fm0 Do ".repeat(4)))],
        &[("Fm0", &form)],
    );
    assert!(find_anchors(&pdf, &[ANCHOR]).expect("search")[0].is_some());
}

#[test]
fn garbage_and_truncated_input_is_an_error_not_a_panic() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"GIF89a not a pdf at all".to_vec(),
        b"%PDF-1.7\ngarbage without structure".to_vec(),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    ];
    for input in &inputs {
        assert!(
            find_anchors(input, &[ANCHOR]).is_err(),
            "{} bytes searched",
            input.len()
        );
    }
    // Cut anywhere: an answer or an error, never a panic; cut before the first page's
    // objects, an error.
    let pdf = lopdf_pdf(
        vec![page("BT /F1 12 Tf 72 700 Td ({{client_signature}}) Tj ET")],
        &[],
    );
    assert!(find_anchors(&pdf[..pdf.len() / 4], &[ANCHOR]).is_err());
    for cut in (0..pdf.len()).step_by(7) {
        let _ = find_anchors(&pdf[..cut], &[ANCHOR]);
    }
    // Damaged bytes in the middle of the file.
    let mut damaged = pdf.clone();
    let mid = damaged.len() / 2;
    for b in &mut damaged[mid..mid + 32] {
        *b = b'(';
    }
    let _ = find_anchors(&damaged, &[ANCHOR]);
}

#[test]
fn a_type3_font_without_to_unicode_is_read_by_its_glyph_names() {
    // A Type3 font whose codes are A, B, C… and whose /Differences name the glyphs: the
    // interpreter gives no Unicode for Type3 glyphs without ToUnicode, the fallback reading
    // does, from the names.
    let mut distinct: Vec<char> = Vec::new();
    for c in ANCHOR.chars() {
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    let name = |c: char| match c {
        '{' => "braceleft".to_string(),
        '}' => "braceright".to_string(),
        '_' => "underscore".to_string(),
        c => c.to_string(),
    };
    let type3 = |doc: &mut Document| {
        let mut procs = lopdf::Dictionary::new();
        let mut differences: Vec<Object> = vec![65.into()];
        for &c in &distinct {
            let proc_id = doc.add_object(Stream::new(
                lopdf::Dictionary::new(),
                b"600 0 0 0 500 700 d1 0 0 500 700 re f".to_vec(),
            ));
            procs.set(name(c), proc_id);
            differences.push(Object::Name(name(c).into_bytes()));
        }
        let n = distinct.len() as i64;
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type3",
            "FontBBox" => vec![0.into(), 0.into(), 500.into(), 700.into()],
            "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
            "CharProcs" => procs,
            "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
            "FirstChar" => 65, "LastChar" => 64 + n,
            "Widths" => vec![Object::Integer(600); distinct.len()],
            "Resources" => lopdf::Dictionary::new(),
        });
        vec![("F2", font)]
    };
    let coded: String = ANCHOR
        .chars()
        .map(|c| char::from(b'A' + distinct.iter().position(|d| *d == c).unwrap() as u8))
        .collect();
    let content = format!(
        "BT /F1 12 Tf 72 700 Td (Sign below) Tj ET BT /F2 10 Tf 100 500 Td ({coded}) Tj ET"
    );
    let pdf = lopdf_pdf_with_fonts(vec![page(&content)], &[], &type3);
    let found = find_anchors(&pdf, &[ANCHOR, "Sign below"]).expect("search");
    let area = found[0].expect("anchor in the Type3 font");
    // Twenty glyphs 0.6 em wide at 10 pt; an em high, 0.2 em of it below the baseline.
    assert_near(
        &area,
        (612.0, 792.0),
        (
            100.0,
            792.0 - 500.0 - 8.0,
            100.0 + 20.0 * 6.0,
            792.0 - 500.0 + 2.0,
        ),
        (0.5, 0.5),
    );
    assert_eq!(found[1].expect("Helvetica text").page, 1);

    // The same text placed with the text matrix, the leading, a TJ array with kerning, and
    // the ' and " operators: the simple reading keeps the text state like the interpreter.
    let (first, second) = coded.split_at(7);
    let placed = format!(
        "BT /F2 10 Tf 14 TL 2 0 0 2 100 528 Tm T* [({first}) -200 ({second})] TJ ET \
         BT /F2 10 Tf 1 0 0 1 300 120 Tm -12 TL (AB) ' 0 1 ({coded}) \" ET"
    );
    let pdf = lopdf_pdf_with_fonts(vec![page(&placed)], &[], &type3);
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    // Scaled by 2: the baseline 2 × 14 below 528, x from 100, an em of 20 pt, glyphs 12 pt
    // wide and a 4 pt gap from the kerning.
    assert_near(
        &area,
        (612.0, 792.0),
        (100.0, 292.0 - 16.0, 100.0 + 20.0 * 12.0 + 4.0, 292.0 + 4.0),
        (0.5, 0.5),
    );
    // The second text, once an X breaks the first: the ' and the " operators each move to the next line by the leading
    // (-12: up 12 pt, so the baseline is 144), and each glyph takes the 1 pt character
    // spacing of the ".
    let only_second = placed.replacen("-200 (", "-200 (X", 1);
    let pdf = lopdf_pdf_with_fonts(vec![page(&only_second)], &[], &type3);
    let area = find_anchors(&pdf, &[ANCHOR]).expect("search")[0].expect("found");
    assert_near(
        &area,
        (612.0, 792.0),
        (
            300.0,
            792.0 - 144.0 - 8.0,
            300.0 + 19.0 * 7.0 + 6.0,
            792.0 - 144.0 + 2.0,
        ),
        (0.5, 0.5),
    );
}

mod krilla_text {
    //! Text drawn by krilla with an embedded, subsetted TrueType font (a CID font with a
    //! ToUnicode CMap), the way the certificate of completion is drawn.

    use krilla::Document;
    use krilla::geom::Point;
    use krilla::page::PageSettings;
    use krilla::text::{Font, GlyphId, KrillaGlyph};
    use skrifa::MetadataProvider;
    use skrifa::instance::{LocationRef, Size};
    use skrifa::raw::TableProvider;

    use super::*;

    static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

    fn glyphs(text: &str) -> (Vec<KrillaGlyph>, f32) {
        let font = skrifa::FontRef::new(REGULAR).expect("font");
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(font.head().expect("head").units_per_em());
        let mut total = 0.0;
        let glyphs = text
            .char_indices()
            .map(|(at, ch)| {
                let gid = charmap.map(ch).expect("glyph");
                let advance = metrics.advance_width(gid).expect("advance") / upem;
                total += advance;
                KrillaGlyph::new(
                    GlyphId::new(gid.to_u32()),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at..at + ch.len_utf8(),
                    None,
                )
            })
            .collect();
        (glyphs, total)
    }

    /// A PDF of A4 pages (595×842); each page draws its texts at (x, baseline from the top).
    fn krilla_pdf(pages: &[&[(f32, f32, f32, &str)]]) -> Vec<u8> {
        let font = Font::new(REGULAR.to_vec().into(), 0).expect("font");
        let mut document = Document::new();
        for texts in pages {
            let mut page =
                document.start_page_with(PageSettings::from_wh(595.0, 842.0).expect("size"));
            let mut surface = page.surface();
            for &(x, baseline, size, text) in *texts {
                let (glyphs, _) = glyphs(text);
                surface.draw_glyphs(
                    Point::from_xy(x, baseline),
                    &glyphs,
                    font.clone(),
                    text,
                    size,
                    false,
                );
            }
            surface.finish();
            page.finish();
        }
        document.finish().expect("pdf")
    }

    #[test]
    fn an_anchor_in_an_embedded_font_is_found_where_krilla_drew_it() {
        let prefix = "Signed for the client: ";
        let pdf = krilla_pdf(&[
            &[(72.0, 100.0, 11.0, "Contract")],
            &[
                (72.0, 300.0, 11.0, "Nothing to sign on this line."),
                (60.0, 500.0, 14.0, &format!("{prefix}{ANCHOR} — thank you")),
            ],
        ]);
        let found =
            find_anchors(&pdf, &[ANCHOR, "thank you", "Contract", "{{bank}}"]).expect("search");
        let area = found[0].expect("anchor");
        assert_eq!(area.page, 2);
        let (_, before) = glyphs(prefix);
        let (_, advance) = glyphs(ANCHOR);
        let x0 = 60.0 + f64::from(before) * 14.0;
        let x1 = x0 + f64::from(advance) * 14.0;
        // DejaVu's braces reach from about 0.24 em below the baseline to 0.76 em above.
        assert_near(
            &area,
            (595.0, 842.0),
            (x0, 500.0 - 0.76 * 14.0, x1, 500.0 + 0.24 * 14.0),
            (1.5, 2.0),
        );
        assert_eq!(found[1].expect("thank you").page, 2);
        assert_eq!(found[2].expect("Contract").page, 1);
        assert!(found[3].is_none());
    }
}
