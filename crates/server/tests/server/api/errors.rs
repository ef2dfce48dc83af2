//! Every error path of the API that can be reached over HTTP, each checked against the
//! published catalogue: the code is listed in `GET /v1/codes` (kind `error_code`), it is sent
//! with the status listed there, and its `return_code` is the listed seed 001 number (for
//! `invalid_model`, a seed 001 number of the field's problem, or none). Never a seed 000 code.

use crate::api::documents::{send, sign};
use crate::helpers::{
    Reply, TestApp, b64, id_photo, sample_pdf, signer_path, spawn_app, spawn_app_with,
};
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// The catalogue as an integrator reads it.
struct Catalogue {
    errors: HashMap<String, Value>,
    return_codes: HashSet<u64>,
}

impl Catalogue {
    async fn load(app: &TestApp) -> Catalogue {
        // The catalogue is public: no key.
        let all = app
            .send(Method::GET, "/v1/codes", None, None, None, &[])
            .await;
        let all = all.assert(200).as_array().unwrap().clone();
        let errors = all
            .iter()
            .filter(|e| e["kind"] == "error_code")
            .map(|e| (e["code"].as_str().unwrap().to_owned(), e.clone()))
            .collect();
        let return_codes = all
            .iter()
            .filter(|e| e["kind"] == "return_code")
            .map(|e| e["return_code"].as_u64().unwrap())
            .collect();
        Catalogue {
            errors,
            return_codes,
        }
    }

    /// Checks one error answer: `code` and `status` as expected, both as the catalogue lists
    /// them, and `return_code` equal to `rc` and consistent with the catalogue.
    #[track_caller]
    fn check(&self, r: &Reply, status: u16, code: &str, rc: Option<u64>) {
        r.assert_error(status, code);
        let error = &r.body["errors"][0];
        let entry = self
            .errors
            .get(code)
            .unwrap_or_else(|| panic!("{code} is sent but not listed in /v1/codes"));
        assert_eq!(entry["status"], status.to_string(), "{code}: listed status");
        assert_eq!(error["status"], status, "{code}: status in the body");
        assert!(
            error["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{code}: {error}"
        );
        let sent = error["return_code"].as_u64();
        assert_eq!(sent, rc, "{code}: return_code; body: {}", r.body);
        if let Some(n) = sent {
            assert!(
                self.return_codes.contains(&n),
                "{code}: {n} is not seed 001's"
            );
            assert!(
                n < 6000,
                "{code}: seed 000's {n} belongs to the signer's status"
            );
        }
        match entry["return_code"].as_u64() {
            Some(listed) => assert_eq!(sent, Some(listed), "{code}: listed return_code"),
            // Only a field's or an image's problem brings a number the row does not list.
            None if code == "invalid_model" || code == "image_refused" => {}
            None => assert_eq!(sent, None, "{code}: the catalogue lists no return_code"),
        }
    }
}

async fn live_key(app: &TestApp) -> String {
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        chrono::Utc::now(),
    )
    .await
    .unwrap()
}

/// A one-page PDF whose content stream has `filter`, and `trailer` entries added.
fn pdf_with(filter: Option<&str>, encrypt: bool) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let mut dict = dictionary! {};
    if let Some(f) = filter {
        dict.set("Filter", Object::Name(f.as_bytes().to_vec()));
    }
    let contents = doc.add_object(Stream::new(dict, b"x".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => contents,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    if encrypt {
        let enc = doc.add_object(dictionary! {
            "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
            "O" => Object::string_literal(vec![0u8; 32]),
            "U" => Object::string_literal(vec![0u8; 32]),
        });
        doc.trailer.set("Encrypt", enc);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF in memory");
    out
}

#[tokio::test]
async fn request_errors_are_sent_as_the_catalogue_lists_them() {
    let app = spawn_app_with(|c| {
        c.max_body_bytes = 64 * 1024;
        c.webhook_max_endpoints_per_tenant = 1;
    })
    .await;
    let cat = Catalogue::load(&app).await;

    // No key, a malformed key, an unknown key.
    let r = app
        .send(Method::GET, "/v1/persons", None, None, None, &[])
        .await;
    cat.check(&r, 401, "unauthorized", None);
    let r = app
        .send(Method::GET, "/v1/persons", Some("nope"), None, None, &[])
        .await;
    cat.check(&r, 401, "unauthorized", None);
    let r = app
        .send(
            Method::GET,
            "/v1/persons",
            Some("sk_test_0000000000000000000000000000000000000000000"),
            None,
            None,
            &[],
        )
        .await;
    cat.check(&r, 401, "unauthorized", None);

    // Unknown routes and resources; a method the path does not take.
    cat.check(&app.get("/v1/nothing-here").await, 404, "not_found", None);
    cat.check(&app.get("/v1/persons/nope").await, 404, "not_found", None);
    let r = app
        .send(
            Method::DELETE,
            "/v1/persons",
            Some(&app.key),
            None,
            None,
            &[],
        )
        .await;
    cat.check(&r, 405, "method_not_allowed", None);

    // Bodies: not JSON, not declared as JSON, too big, invalid fields.
    let r = app
        .send(
            Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(b"{".to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    cat.check(&r, 400, "invalid_json", None);
    let r = app
        .send(
            Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(br#"{"first_name":"A","last_name":"B"}"#.to_vec()),
            Some("text/plain"),
            &[],
        )
        .await;
    cat.check(&r, 415, "unsupported_media_type", None);
    let big = json!({"first_name": "A".repeat(100 * 1024), "last_name": "B"});
    cat.check(
        &app.post("/v1/persons", big).await,
        413,
        "payload_too_large",
        Some(93),
    );
    cat.check(
        &app.post("/v1/persons", json!({"last_name": "Doe"})).await,
        400,
        "invalid_model",
        None,
    );
    cat.check(
        &app.post(
            "/v1/persons",
            json!({"first_name": "Jane", "last_name": "Doe", "colour": 1}),
        )
        .await,
        400,
        "invalid_model",
        None,
    );
    let r = app
        .send(
            Method::GET,
            "/v1/codes?kind=nonsense",
            None,
            None,
            None,
            &[],
        )
        .await;
    cat.check(&r, 400, "invalid_model", None);

    // The same Idempotency-Key with another body.
    let post_with_key = |body: &'static [u8]| {
        app.send(
            Method::POST,
            "/v1/persons",
            Some(&app.key),
            Some(body.to_vec()),
            Some("application/json"),
            &[("idempotency-key", "errors-test-key-1")],
        )
    };
    post_with_key(br#"{"first_name":"Jane","last_name":"Doe"}"#)
        .await
        .assert(201);
    let r = post_with_key(br#"{"first_name":"John","last_name":"Doe"}"#).await;
    cat.check(&r, 422, "idempotency_key_reused", None);

    // Live keys: the sandbox is test-only; live idnow needs a provider.
    let live = live_key(&app).await;
    let r = app
        .send(
            Method::POST,
            "/v1/sandbox/clock/advance",
            Some(&live),
            Some(br#"{"seconds":1}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    cat.check(&r, 403, "sandbox_only", None);
    let p = app
        .send(
            Method::POST,
            "/v1/persons",
            Some(&live),
            Some(br#"{"first_name":"Jane","last_name":"Doe"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    let live_pid = p.assert(201)["id"].as_str().unwrap().to_owned();
    let r = app
        .send(
            Method::POST,
            &format!("/v1/persons/{live_pid}/identifications"),
            Some(&live),
            Some(br#"{"method":"idnow"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    cat.check(&r, 422, "provider_not_configured", None);

    // Screening without an imported list.
    let pid = app
        .person(json!({"first_name": "Jane", "last_name": "Doe"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .post(&format!("/v1/persons/{pid}/screenings"), json!({}))
        .await;
    cat.check(&r, 409, "conflict", None);

    // An identification that failed takes no new request.
    let (pid, iid) = app.requested("X-MANUALTEST-FRAUDIDENT", "Doe").await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/complete"),
        json!({"ident_code": "000000"}),
    )
    .await
    .assert_error(422, "otp_invalid");
    let r = app
        .post(
            &format!("/v1/sandbox/identifications/{iid}/complete"),
            json!({"ident_code": "000000"}),
        )
        .await;
    cat.check(&r, 422, "otp_invalid", Some(109));
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/complete"),
        json!({"ident_code": "123456"}),
    )
    .await
    .assert(200);
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "failed");
    let r = app
        .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await;
    cat.check(&r, 422, "invalid_state", None);

    // Webhook endpoints are capped per tenant.
    let hook = |n: u32| {
        app.post(
            "/v1/webhooks",
            json!({"url": format!("http://127.0.0.1:9/hook{n}"), "event_types": ["*"]}),
        )
    };
    hook(0).await.assert(201);
    cat.check(&hook(1).await, 422, "webhook_endpoint_limit", None);
}

#[tokio::test]
async fn document_intake_errors_carry_seed_001s_numbers() {
    let app = spawn_app_with(|c| c.max_document_bytes = 4096).await;
    let cat = Catalogue::load(&app).await;
    let post = |file: String| {
        app.post(
            "/v1/documents",
            json!({"name": "x", "file": file, "signers": [{"name": "A", "email": "a@example.com"}]}),
        )
    };
    cat.check(&post(b64(b"hello")).await, 422, "not_a_pdf", Some(92));
    let mut big = sample_pdf("big");
    big.extend(std::iter::repeat_n(b' ', 8192));
    cat.check(&post(b64(&big)).await, 413, "file_too_large", Some(93));
    cat.check(
        &post(b64(&pdf_with(Some("BrotliDecode"), false))).await,
        422,
        "pdf_invalid",
        Some(91),
    );
    cat.check(
        &post(b64(&pdf_with(None, true))).await,
        422,
        "pdf_encrypted",
        Some(91),
    );
    // Field problems stay invalid_model, with seed 001's number where it has one.
    cat.check(&post("%%%".into()).await, 400, "invalid_model", Some(92));
    let signers: Vec<Value> = (0..60)
        .map(|i| json!({"name": format!("Signer {i}"), "email": format!("s{i}@example.com")}))
        .collect();
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "x", "file": b64(&sample_pdf("x")), "signers": signers}),
        )
        .await;
    cat.check(&r, 400, "invalid_model", Some(75));

    // Multipart that cannot be read.
    let r = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(&app.key),
            Some(b"garbage".to_vec()),
            Some("multipart/form-data"),
            &[],
        )
        .await;
    cat.check(&r, 400, "invalid_multipart", None);

    // Verification takes a PDF body only.
    let verify = |body: Vec<u8>, ct: &'static str| {
        app.send(
            Method::POST,
            "/v1/verify",
            Some(&app.key),
            Some(body),
            Some(ct),
            &[],
        )
    };
    let r = verify(b"{}".to_vec(), "application/json").await;
    cat.check(&r, 415, "unsupported_media_type", None);
    let r = verify(b"not a pdf".to_vec(), "application/pdf").await;
    cat.check(&r, 422, "not_a_pdf", Some(92));

    // Unknown documents and signers are seed 001's 41.
    cat.check(
        &app.get("/v1/documents/nope").await,
        404,
        "document_not_found",
        Some(41),
    );
    let doc = send(&app, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let r = app
        .get(&format!(
            "/v1/documents/{d}/signers/00000000000000000000000000000000sig"
        ))
        .await;
    cat.check(&r, 404, "signer_not_found", Some(41));
    let r = app
        .post(
            &format!("/v1/documents/{d}/signers/00000000000000000000000000000000sig/approve"),
            json!({}),
        )
        .await;
    cat.check(&r, 404, "signer_not_found", Some(41));
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            Method::GET,
            &format!("/v1/documents/{d}"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    cat.check(&r, 404, "document_not_found", Some(41));
}

#[tokio::test]
async fn signing_refusals_are_sent_as_the_catalogue_lists_them() {
    let app = spawn_app().await;
    let cat = Catalogue::load(&app).await;

    // Confirming before approving; a code that expired; a code that is spent.
    let doc = send(&app, json!({})).await;
    let r = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    cat.check(&r, 422, "signature_flow_not_initialized", None);
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.advance(601).await;
    let r = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    cat.check(&r, 422, "otp_expired", Some(97));

    // Wrong codes: 109, the fifth 108 and the code is gone, the third round 66.
    for round in 1..=3 {
        app.post(&signer_path(&doc, 1, "approve"), json!({}))
            .await
            .assert(200);
        for _ in 0..4 {
            let r = app
                .post(&signer_path(&doc, 1, "confirm"), json!({"otp": "000000"}))
                .await;
            cat.check(&r, 422, "otp_invalid", Some(109));
        }
        let r = app
            .post(&signer_path(&doc, 1, "confirm"), json!({"otp": "000000"}))
            .await;
        if round < 3 {
            cat.check(&r, 422, "otp_attempts_exceeded", Some(108));
            let r = app
                .post(&signer_path(&doc, 1, "confirm"), json!({"otp": "123456"}))
                .await;
            cat.check(&r, 422, "otp_missing", None);
        } else {
            cat.check(&r, 422, "signer_blocked", Some(66));
        }
    }
    let r = app.post(&signer_path(&doc, 1, "approve"), json!({})).await;
    cat.check(&r, 422, "signer_blocked", Some(66));

    // Sequential order; a signer who signed; a finished document.
    let doc = send(&app, json!({"signing_order": "sequential"})).await;
    let r = app.post(&signer_path(&doc, 1, "approve"), json!({})).await;
    cat.check(&r, 422, "not_your_turn", None);
    sign(&app, &doc, 0).await;
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 422, "already_signed", Some(78));
    let r = app
        .post(&signer_path(&doc, 0, "reject"), json!({"message": "no"}))
        .await;
    cat.check(&r, 422, "already_signed", Some(78));
    sign(&app, &doc, 1).await;
    let d = doc["id"].as_str().unwrap();
    let r = app
        .post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await;
    cat.check(&r, 422, "document_completed", Some(96));

    // A signer who owes no selfie hands none in, and none waits for review.
    let doc = send(&app, json!({})).await;
    let r = app
        .post(
            &signer_path(&doc, 0, "selfie"),
            json!({"image": b64(&id_photo())}),
        )
        .await;
    cat.check(&r, 422, "invalid_transition", None);
    let r = app
        .post(
            &signer_path(&doc, 0, "selfie/review"),
            json!({"decision": "accept"}),
        )
        .await;
    cat.check(&r, 422, "no_selfie", None);
    let r = app
        .post(&signer_path(&doc, 0, "selfie"), json!({"image": "%%%"}))
        .await;
    cat.check(&r, 400, "invalid_model", Some(2004));

    // Canceled and expired documents; the windows on the tenant clock.
    let d = doc["id"].as_str().unwrap();
    app.post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await
        .assert(200);
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 422, "document_closed", None);
    let r = app
        .post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await;
    cat.check(&r, 422, "document_closed", None);

    let doc = send(&app, json!({})).await;
    app.advance(2 * 3600 + 1).await;
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 422, "approval_window_expired", None);
    app.post(&signer_path(&doc, 0, "resend"), json!({}))
        .await
        .assert(200);
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.advance(3600 + 1).await;
    let r = app
        .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await;
    cat.check(&r, 422, "confirmation_window_expired", None);

    let clock = app.get("/v1/sandbox/clock").await;
    let now = chrono::DateTime::parse_from_rfc3339(clock.body["now"].as_str().unwrap()).unwrap();
    let expires = (now + chrono::Duration::days(3)).to_rfc3339();
    let doc = send(&app, json!({"expires_at": expires})).await;
    app.advance(3 * 24 * 3600 + 1).await;
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 422, "document_expired", Some(111));
}

#[tokio::test]
async fn code_limits_are_sent_as_the_catalogue_lists_them() {
    let app = spawn_app_with(|c| {
        c.otp_max_per_signer = 1;
        c.otp_max_per_tenant_per_hour = 2;
    })
    .await;
    let cat = Catalogue::load(&app).await;
    let doc = send(&app, json!({})).await;
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 429, "code_limit_reached", None);
    app.post(&signer_path(&doc, 1, "approve"), json!({}))
        .await
        .assert(200);
    let doc = send(&app, json!({})).await;
    let r = app.post(&signer_path(&doc, 0, "approve"), json!({})).await;
    cat.check(&r, 429, "rate_limited", None);
    assert!(r.headers.get("retry-after").is_some(), "{:?}", r.headers);
}

#[tokio::test]
async fn the_catalogue_lists_each_error_code_once_with_an_http_status() {
    let app = spawn_app().await;
    let all = app
        .send(
            Method::GET,
            "/v1/codes?kind=error_code",
            None,
            None,
            None,
            &[],
        )
        .await;
    let all = all.assert(200).as_array().unwrap().clone();
    let mut seen = HashSet::new();
    for e in &all {
        let code = e["code"].as_str().unwrap();
        assert!(seen.insert(code.to_owned()), "{code} listed twice");
        let status: u16 = e["status"].as_str().unwrap().parse().unwrap();
        assert!((400..600).contains(&status), "{code}");
        if let Some(n) = e["return_code"].as_u64() {
            assert!(n < 6000, "{code}: {n}");
        }
    }
    // The names the API sends, not the drifted ones.
    for gone in [
        "signer_locked",
        "otp_attempts_exhausted",
        "file_too_big",
        "deadline_passed",
    ] {
        assert!(!seen.contains(gone), "{gone} is still listed");
    }
    for sent in [
        "signer_blocked",
        "otp_attempts_exceeded",
        "file_too_large",
        "not_your_turn",
        "otp_missing",
        "invalid_transition",
        "mrz_invalid",
        "signer_unreachable",
        "invalid_phone",
    ] {
        assert!(seen.contains(sent), "{sent} is not listed");
    }
}
