//! The signer's fields on the page: every type filled over the page image on a desktop, a
//! signature drawn with pointer events; on a phone the fields sit over the page, scaled with
//! it, and a typed signature goes with the approval.

use super::*;

/// `(x, y)` of a field's area, 0.25 × 0.05 of the page.
fn area(x: f64, y: f64) -> Value {
    json!({"page": 1, "x": x, "y": y, "w": 0.25, "h": 0.05})
}

/// Ana's fields, one of each type, and one of Ben's (not shown to Ana).
fn every_field() -> Value {
    json!([
        {"name": "sig0", "type": "signature", "signer": 0, "area": area(0.05, 0.60)},
        {"name": "name0", "type": "name", "signer": 0, "area": area(0.05, 0.20)},
        {"name": "date0", "type": "date", "signer": 0, "area": area(0.35, 0.20)},
        {"name": "note", "type": "text", "signer": 0, "area": area(0.65, 0.20)},
        {"name": "seats", "type": "number", "signer": 0, "area": area(0.05, 0.30)},
        {"name": "mail", "type": "email", "signer": 0, "area": area(0.35, 0.30)},
        {"name": "agree", "type": "checkbox", "signer": 0,
         "area": {"page": 1, "x": 0.65, "y": 0.30, "w": 0.04, "h": 0.03}},
        {"name": "plan", "type": "select", "signer": 0, "options": ["Basic", "Premium"],
         "area": area(0.05, 0.40)},
        {"name": "logo", "type": "image", "signer": 0,
         "area": {"page": 1, "x": 0.35, "y": 0.40, "w": 0.2, "h": 0.1}},
        {"name": "ben_note", "type": "text", "signer": 1, "area": area(0.65, 0.60)},
    ])
}

/// A small PNG for the image field.
fn logo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(40, 30, |x, y| {
        image::Rgb([(x * 6) as u8, (y * 8) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Each shown field's box against the fraction of its page image it should cover, within
/// 1.5 CSS pixels; returns how many were checked.
async fn check_fields_over_the_page(s: &Session, fields: &Value) -> usize {
    let boxes = s
        .execute(
            "const img = document.querySelector('img.page').getBoundingClientRect();
             return Array.from(document.querySelectorAll('.sheet .field')).map(e => {
               const r = e.getBoundingClientRect();
               return { name: e.dataset.field, x: (r.left - img.left) / img.width,
                        y: (r.top - img.top) / img.height, w: r.width / img.width,
                        h: r.height / img.height, iw: img.width, ih: img.height };
             });",
            vec![],
        )
        .await;
    let boxes = boxes.as_array().unwrap();
    for b in boxes {
        let f = fields
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == b["name"])
            .unwrap_or_else(|| panic!("a shown field is one of the document's: {b}"));
        assert_eq!(
            f["signer"], 0,
            "only the signer's own fields are shown: {b}"
        );
        let (iw, ih) = (b["iw"].as_f64().unwrap(), b["ih"].as_f64().unwrap());
        for (k, scale) in [("x", iw), ("y", ih), ("w", iw), ("h", ih)] {
            let got = b[k].as_f64().unwrap() * scale;
            let want = f["area"][k].as_f64().unwrap() * scale;
            assert!(
                (got - want).abs() <= 1.5,
                "{} {k}: {got:.1}px, not {want:.1}px",
                b["name"]
            );
        }
    }
    boxes.len()
}

/// A signature drawn in the pad: two strokes with the given pointer.
async fn draw_signature(s: &Session, pointer: &str, span: i64) {
    let pad = s.find("#picture-pad").await;
    let h = span / 4;
    s.stroke(
        &pad,
        pointer,
        &[
            (-span, h / 2),
            (-span / 2, -h),
            (0, h / 2),
            (span / 2, -h),
            (span, 0),
        ],
    )
    .await;
    s.stroke(&pad, pointer, &[(-span / 2, h), (span / 2, h)])
        .await;
}

/// A field of the document by name, as the API shows it.
fn field<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap()
}

/// The image XObjects of a PDF, as (width, height).
fn images(pdf: &[u8]) -> Vec<(i64, i64)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok()
                == Some(b"Image".as_slice())
        })
        .map(|s| {
            let n = |k: &[u8]| s.dict.get(k).and_then(lopdf::Object::as_i64).unwrap();
            (n(b"Width"), n(b"Height"))
        })
        .collect()
}

/// The file as signed, checked by `POST /v1/verify`: every signature TOTAL-PASSED.
async fn check_file_verifies(app: &TestApp, doc: &Value) -> Vec<u8> {
    let file = app
        .get(&format!(
            "/v1/documents/{}/file",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(file.status, 200);
    let report = app
        .send(
            reqwest::Method::POST,
            "/v1/verify?anchor=test",
            Some(&app.key),
            Some(file.bytes.clone()),
            Some("application/pdf"),
            &[],
        )
        .await
        .assert(200)
        .clone();
    let sigs = report["signatures"].as_array().unwrap();
    assert!(!sigs.is_empty(), "{report}");
    for s in sigs {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
    }
    file.bytes
}

#[tokio::test]
async fn a_signer_fills_every_field_type_and_draws_a_signature() {
    let Some(h) = harness("fields_every_type_and_a_drawn_signature").await else {
        return;
    };
    let fields = every_field();
    let doc = send(&h.app, "Order form", 1, json!({"fields": fields})).await;
    let logo_path = h.shots.join("logo.png");
    std::fs::write(&logo_path, logo()).unwrap();
    let logo_path = logo_path.canonicalize().unwrap().display().to_string();

    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "user_consent_required").await;
    check_document_shown(&s, "Order form", 1, &ENGLISH).await;
    assert_eq!(check_fields_over_the_page(&s, &fields).await, 9);
    // Signet fills the name and the date itself, read-only.
    let name = s.find("output[data-field=name0]").await;
    assert_eq!(s.text(&name).await.trim(), "Ana Silva");
    let date = s.find("output[data-field=date0]").await;
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_eq!(s.text(&date).await.trim(), today);
    h.shot(&s, "opened").await;

    // The browser keeps an approval with required fields empty or of the wrong type.
    s.click(&s.find("#consent").await).await;
    s.click(&s.find("#approve").await).await;
    let valid = s
        .execute(
            "return document.getElementById('approve-form').checkValidity();",
            vec![],
        )
        .await;
    assert_eq!(valid, false, "the form is not valid yet");
    let mail = s.find("input[data-field=mail]").await;
    s.type_into(&mail, "not an address").await;
    let mail_ok = s
        .execute(
            "return document.querySelector('input[data-field=mail]').validity.valid;",
            vec![],
        )
        .await;
    assert_eq!(mail_ok, false, "an email field takes only an address");
    wait_status(&s, "user_consent_required").await;

    // Every field filled.
    s.execute(
        "document.querySelector('input[data-field=mail]').value = '';",
        vec![],
    )
    .await;
    s.type_into(&mail, "ana@example.com").await;
    s.type_into(&s.find("input[data-field=note]").await, "Deliver on Monday")
        .await;
    s.type_into(&s.find("input[data-field=seats]").await, "12")
        .await;
    s.click(&s.find("input[data-field=agree]").await).await;
    s.click(&s.find("select[data-field=plan] option:nth-child(3)").await)
        .await;
    s.type_into(&s.find("input[data-field=logo]").await, &logo_path)
        .await;
    // The signature drawn with the mouse (pointer events).
    assert!(s.is_displayed(&s.find("#picture-pad").await).await);
    draw_signature(&s, "mouse", 200).await;
    let inked = s
        .execute(
            "const c = document.getElementById('picture-pad');
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
             return n;",
            vec![],
        )
        .await;
    assert!(
        inked.as_u64().unwrap() > 500,
        "the strokes left ink: {inked}"
    );
    h.shot(&s, "filled").await;
    s.click(&s.find("#approve").await).await;
    wait_status(&s, "confirmation_required").await;
    h.shot(&s, "approved").await;
    s.type_into(&s.find("#otp").await, SANDBOX_CODE).await;
    s.click(&s.find("#sign").await).await;
    wait_status(&s, "signed").await;
    h.shot(&s, "signed").await;
    s.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(field(&d, "note")["value"], "Deliver on Monday", "{d}");
    assert_eq!(field(&d, "seats")["value"], 12);
    assert_eq!(field(&d, "mail")["value"], "ana@example.com");
    assert_eq!(field(&d, "agree")["value"], true);
    assert_eq!(field(&d, "plan")["value"], "Premium");
    let logo_value = field(&d, "logo")["value"].as_str().unwrap_or("");
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(logo_value)
            .unwrap(),
        logo()
    );
    assert_eq!(field(&d, "name0")["value"], "Ana Silva");
    assert_eq!(field(&d, "date0")["value"], today);
    assert_eq!(field(&d, "sig0")["filled"], true);
    assert_eq!(field(&d, "ben_note")["filled"], false);
    let pdf = check_file_verifies(&h.app, &doc).await;
    let found = images(&pdf);
    // The drawn signature (the pad's 800×240 PNG) and the uploaded picture are in the file.
    assert!(found.contains(&(800, 240)), "{found:?}");
    assert!(found.contains(&(40, 30)), "{found:?}");
    h.done();
}

#[tokio::test]
async fn on_a_phone_the_fields_sit_over_the_page_and_a_typed_signature_goes_with_the_approval() {
    let Some(h) = harness("fields_on_a_phone_and_a_typed_signature").await else {
        return;
    };
    let fields = every_field();
    let doc = send(&h.app, "Order form", 1, json!({"fields": fields})).await;
    let s = h.driver.session(PHONE.0, PHONE.1, None).await;
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "user_consent_required").await;
    check_document_shown(&s, "Order form", 1, &ENGLISH).await;
    check_viewport(&s, PHONE.0).await;
    check_fits_the_window(&s).await;
    assert_eq!(check_fields_over_the_page(&s, &fields).await, 9);
    h.shot(&s, "opened").await;

    // Touch on the pad draws too; then the typed signature is chosen instead.
    draw_signature(&s, "touch", 80).await;
    // The choice by keyboard: after the touch strokes, chromedriver's emulated clicks and taps
    // did not reach this button in this harness, so it is pressed with Space.
    s.execute("document.getElementById('picture-type').focus();", vec![])
        .await;
    s.press(&[SPACE]).await;
    assert!(!s.is_displayed(&s.find("#picture-pad").await).await);
    s.type_into(&s.find("#picture-typed").await, "Ana Silva")
        .await;
    s.type_into(&s.find("input[data-field=note]").await, "By phone")
        .await;
    s.type_into(&s.find("input[data-field=seats]").await, "3.5")
        .await;
    s.type_into(&s.find("input[data-field=mail]").await, "ana@example.com")
        .await;
    s.click(&s.find("input[data-field=agree]").await).await;
    s.click(&s.find("select[data-field=plan] option:nth-child(2)").await)
        .await;
    s.execute(
        "document.querySelector('input[data-field=logo]').removeAttribute('required');",
        vec![],
    )
    .await;
    h.shot(&s, "typed").await;
    s.click(&s.find("#consent").await).await;
    s.click(&s.find("#approve").await).await;
    // The image field is required: the server refuses the approval, names the field and keeps
    // what was typed.
    wait_status(&s, "user_consent_required").await;
    let error = text_of(&s, "#error").await;
    assert!(error.contains("logo"), "{error}");
    let note = s.find("input[data-field=note]").await;
    assert_eq!(s.property(&note, "value").await, "By phone");
    h.shot(&s, "refused").await;

    let logo_path = h.shots.join("logo.png");
    std::fs::write(&logo_path, logo()).unwrap();
    let logo_path = logo_path.canonicalize().unwrap().display().to_string();
    s.type_into(&s.find("input[data-field=logo]").await, &logo_path)
        .await;
    // The check box and the choice were kept too.
    assert!(
        s.is_selected(&s.find("input[data-field=agree]").await)
            .await
    );
    assert!(
        s.is_selected(&s.find("select[data-field=plan] option:nth-child(2)").await)
            .await
    );
    s.click(&s.find("#picture-type").await).await;
    s.type_into(&s.find("#picture-typed").await, "Ana Silva")
        .await;
    s.click(&s.find("#consent").await).await;
    s.click(&s.find("#approve").await).await;
    wait_status(&s, "confirmation_required").await;
    s.type_into(&s.find("#otp").await, SANDBOX_CODE).await;
    s.click(&s.find("#sign").await).await;
    wait_status(&s, "signed").await;
    check_fits_the_window(&s).await;
    h.shot(&s, "signed").await;
    s.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(field(&d, "seats")["value"], 3.5, "{d}");
    assert_eq!(field(&d, "plan")["value"], "Basic");
    let pdf = check_file_verifies(&h.app, &doc).await;
    // The typed signature, drawn in the handwriting font on the 800×240 canvas.
    assert!(images(&pdf).contains(&(800, 240)));
    h.done();
}
