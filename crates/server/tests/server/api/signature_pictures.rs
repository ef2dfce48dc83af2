//! Signature pictures over HTTP: `signature_image` on `POST …/approve` (PNG or JPEG, base64)
//! is checked (87 not an image, 104 over 1 MB or 2000 pixels), required where the tenant says
//! so (26, `PUT /v1/settings/signature_picture`), and becomes the appearance of the signer's
//! signature: in their `signature` field, or in Signet's own block without fields.

use crate::helpers::{Reply, TestApp, b64, document, sample_pdf, signer_path, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// A PNG of `w`×`h` pixels: dark ink on white, so it is a picture of something.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        if (x + y) % 7 == 0 {
            image::Rgb([16, 36, 63])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 255) as u8, 40, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn plain_document(app: &TestApp) -> Value {
    app.post(
        "/v1/documents",
        json!({
            "name": "Loan agreement",
            "file": b64(&sample_pdf("Loan agreement")),
            "signers": [{"name": "Ana Silva", "email": "ana@example.com"}],
        }),
    )
    .await
    .assert(201)
    .clone()
}

async fn put_setting(app: &TestApp, required: bool) -> Reply {
    app.send(
        Method::PUT,
        "/v1/settings/signature_picture",
        Some(&app.key),
        Some(
            json!({"require_signature_picture": required})
                .to_string()
                .into_bytes(),
        ),
        Some("application/json"),
        &[],
    )
    .await
}

/// The final file as the API serves it.
async fn file_of(app: &TestApp, doc: &Value) -> Vec<u8> {
    app.get(&format!(
        "/v1/documents/{}/file",
        doc["id"].as_str().unwrap()
    ))
    .await
    .bytes
}

/// The image XObjects in a PDF, as (width, height).
fn images(pdf: &[u8]) -> Vec<(i64, i64)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s)
                if s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok()
                    == Some(b"Image".as_slice()) =>
            {
                let n = |k: &[u8]| s.dict.get(k).and_then(lopdf::Object::as_i64).unwrap();
                Some((n(b"Width"), n(b"Height")))
            }
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_signature_image_that_is_not_a_picture_is_87_and_one_too_large_is_104() {
    let app = spawn_app().await;
    let doc = plain_document(&app).await;
    let approve = signer_path(&doc, 0, "approve");
    let refused = |r: &Reply, code: &str, rc: u32| {
        r.assert_error(422, code);
        assert_eq!(r.body["errors"][0]["return_code"], rc, "{}", r.body);
        assert_eq!(r.field(), "signature_image", "{}", r.body);
    };
    for bad in [
        "not base64 at all!".to_owned(),
        b64(b"GIF89a\x01\x00\x01\x00"),
        b64(b"\x89PNG\r\n\x1a\nthe rest is not a PNG"),
        b64(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 2]),
    ] {
        let r = app.post(&approve, json!({"signature_image": bad})).await;
        refused(&r, "signature_image_invalid", 87);
    }
    let wide = png(2001, 20);
    let r = app
        .post(&approve, json!({"signature_image": b64(&wide)}))
        .await;
    refused(&r, "signature_image_too_large", 104);
    assert!(
        r.body["errors"][0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains("2001×20")
    );
    let tall = jpeg(16, 2400);
    let r = app
        .post(&approve, json!({"signature_image": b64(&tall)}))
        .await;
    refused(&r, "signature_image_too_large", 104);
    // Over 1 MB is refused before it is read as a picture.
    let mut heavy = png(10, 10);
    heavy.resize(1024 * 1024 + 1, 0);
    let r = app
        .post(&approve, json!({"signature_image": b64(&heavy)}))
        .await;
    refused(&r, "signature_image_too_large", 104);
    // Nothing was approved by any of these.
    assert_eq!(
        document(&app, &doc).await["signers"][0]["status"],
        "user_consent_required"
    );
    // 2000 pixels on a side is still taken.
    app.post(&approve, json!({"signature_image": b64(&png(2000, 40))}))
        .await
        .assert(200);
}

#[tokio::test]
async fn a_tenant_that_requires_a_picture_refuses_approval_without_one_with_26() {
    let app = spawn_app().await;
    let got = app.get("/v1/settings/signature_picture").await;
    assert_eq!(got.assert(200)["require_signature_picture"], false);
    let set = put_setting(&app, true).await;
    assert_eq!(set.assert(200)["require_signature_picture"], true);
    let got = app.get("/v1/settings/signature_picture").await;
    assert_eq!(got.assert(200)["require_signature_picture"], true);
    // The reminders default beside it is untouched by this setting.
    assert_eq!(
        app.get("/v1/settings/reminders").await.assert(200)["reminders"],
        Value::Null
    );

    let doc = plain_document(&app).await;
    let approve = signer_path(&doc, 0, "approve");
    let r = app.post(&approve, json!({})).await;
    r.assert_error(422, "signature_image_missing");
    assert_eq!(r.body["errors"][0]["return_code"], 26, "{}", r.body);
    assert_eq!(r.field(), "signature_image");
    assert_eq!(
        document(&app, &doc).await["signers"][0]["status"],
        "user_consent_required"
    );
    // A malformed setting is refused.
    let bad = app
        .send(
            Method::PUT,
            "/v1/settings/signature_picture",
            Some(&app.key),
            Some(br#"{"require_signature_picture": "yes"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    assert_eq!(bad.status.as_u16(), 400, "{}", bad.body);

    // With a picture the signer approves and signs; it sits in Signet's own block.
    app.post(&approve, json!({"signature_image": b64(&png(123, 45))}))
        .await
        .assert(200);
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    let signed = document(&app, &doc).await;
    assert_eq!(signed["signers"][0]["status"], "signed", "{signed}");
    assert!(images(&file_of(&app, &doc).await).contains(&(123, 45)));

    // Not required any more: a signer approves without one, and no picture is drawn.
    put_setting(&app, false).await.assert(200);
    let other = plain_document(&app).await;
    app.post(&signer_path(&other, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.post(&signer_path(&other, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    assert!(images(&file_of(&app, &other).await).is_empty());
}

#[tokio::test]
async fn the_picture_is_the_appearance_of_the_signers_signature_field_and_a_new_approval_replaces_it()
 {
    let app = spawn_app().await;
    let a = |x: f64, y: f64| json!({"page": 1, "x": x, "y": y, "w": 0.3, "h": 0.08});
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Order form",
                "file": b64(&sample_pdf("Order form")),
                "signers": [{"name": "Ana Silva", "email": "ana@example.com"}],
                "fields": [
                    {"name": "sig0", "type": "signature", "signer": 0, "area": a(0.1, 0.6)},
                    {"name": "note", "type": "text", "signer": 0, "area": a(0.5, 0.6)},
                ],
            }),
        )
        .await
        .assert(201)
        .clone();
    let approve = signer_path(&doc, 0, "approve");
    app.post(
        &approve,
        json!({"values": {"note": "First"}, "signature_image": b64(&png(50, 20))}),
    )
    .await
    .assert(200);
    // Approving again (a new code) with another picture: the later one counts.
    app.post(
        &approve,
        json!({"values": {"note": "Second"}, "signature_image": b64(&jpeg(77, 33))}),
    )
    .await
    .assert(200);
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    let now = document(&app, &doc).await;
    assert_eq!(now["status"], "finished", "{now}");
    let note = now["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "note")
        .unwrap()
        .clone();
    assert_eq!(note["value"], "Second");
    let pdf = file_of(&app, &doc).await;
    let found = images(&pdf);
    assert!(found.contains(&(77, 33)), "{found:?}");
    assert!(!found.contains(&(50, 20)), "{found:?}");
    // The picture is drawn in the field's widget: the widget's appearance uses it.
    let parsed = lopdf::Document::load_mem(&pdf).unwrap();
    let widget = parsed
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| {
            d.get(b"T").and_then(lopdf::Object::as_str).ok() == Some(b"sig0".as_slice())
                && d.get(b"V").is_ok()
        })
        .expect("the signed sig0 field");
    let ap = widget
        .get(b"AP")
        .and_then(|o| match o {
            lopdf::Object::Reference(r) => parsed.get_dictionary(*r),
            o => o.as_dict(),
        })
        .expect("an appearance");
    let normal = ap.get(b"N").and_then(lopdf::Object::as_reference).unwrap();
    let stream = parsed.get_object(normal).unwrap().as_stream().unwrap();
    let resources = match stream.dict.get(b"Resources").unwrap() {
        lopdf::Object::Reference(r) => parsed.get_dictionary(*r).unwrap(),
        o => o.as_dict().unwrap(),
    };
    let xobjects = match resources.get(b"XObject").unwrap() {
        lopdf::Object::Reference(r) => parsed.get_dictionary(*r).unwrap(),
        o => o.as_dict().unwrap(),
    };
    let sizes: Vec<(i64, i64)> = xobjects
        .iter()
        .filter_map(|(_, o)| o.as_reference().ok())
        .filter_map(|r| parsed.get_object(r).ok()?.as_stream().ok())
        .map(|s| {
            let n = |k: &[u8]| s.dict.get(k).and_then(lopdf::Object::as_i64).unwrap_or(0);
            (n(b"Width"), n(b"Height"))
        })
        .collect();
    assert!(sizes.contains(&(77, 33)), "{sizes:?}");
}

/// The signer's page without script: the approval form posted as the browser sends it
/// (multipart), its fields by `field.NAME`, the picture as an uploaded file.
#[tokio::test]
async fn the_page_takes_fields_and_an_uploaded_picture_without_script_and_a_new_code_keeps_them() {
    let app = spawn_app().await;
    put_setting(&app, true).await.assert(200);
    let a = |x: f64, y: f64| json!({"page": 1, "x": x, "y": y, "w": 0.3, "h": 0.08});
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Order form",
                "file": b64(&sample_pdf("Order form")),
                "signers": [{"name": "Ana Silva", "email": "ana@example.com"}],
                "fields": [
                    {"name": "sig0", "type": "signature", "signer": 0, "area": a(0.1, 0.6)},
                    {"name": "seats", "type": "number", "signer": 0, "area": a(0.5, 0.6)},
                    {"name": "agree", "type": "checkbox", "signer": 0, "area": a(0.1, 0.7)},
                ],
            }),
        )
        .await
        .assert(201)
        .clone();
    let url = doc["signers"][0]["url"].as_str().unwrap().to_owned();
    let page = app.client.get(&url).send().await.unwrap();
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"name="field.seats""#), "{html}");
    assert!(html.contains(r#"enctype="multipart/form-data""#));
    let css = app
        .client
        .get(format!("{url}/fields.css"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        css.contains("#f1{left:50.0000%;top:60.0000%;width:30.0000%;height:8.0000%}"),
        "{css}"
    );
    let post = |form: reqwest::multipart::Form| {
        let app = &app;
        let url = &url;
        async move {
            app.client
                .post(format!("{url}/approve"))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let form = || {
        reqwest::multipart::Form::new()
            .text("consent", "on")
            .text("field.seats", "7")
            .text("field.agree", "on")
    };
    // Without a picture, where the tenant requires one: refused in the signer's words.
    let r = post(form()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("the sender requires one"), "{html}");
    assert!(
        html.contains(r#"value="7""#),
        "what was typed stays: {html}"
    );
    // Not a picture.
    let r = post(form().part(
        "signature_upload",
        reqwest::multipart::Part::bytes(b"GIF89a....".to_vec()).file_name("sig.gif"),
    ))
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("could not be read"));
    // A picture: approved.
    let r = post(form().part(
        "signature_upload",
        reqwest::multipart::Part::bytes(png(90, 30)).file_name("sig.png"),
    ))
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        document(&app, &doc).await["signers"][0]["status"],
        "confirmation_required"
    );
    // "Send a new code" (URL-encoded, no fields): the values and the picture stay.
    let r = app
        .client
        .post(format!("{url}/approve"))
        .form(&[("consent", "on"), ("new_code", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    let d = document(&app, &doc).await;
    let value = |name: &str| {
        d["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(value("seats"), 7, "{d}");
    assert_eq!(value("agree"), true);
    assert!(images(&file_of(&app, &doc).await).contains(&(90, 30)));
}
