//! The applicant's page `/identify/{token}` over plain HTTP, Signet's own `document` method
//! from consent to a reviewer's decision, and the page as the applicant's part of the
//! video-identification sandbox (the browser tests drive the same page in Chromium).

use crate::helpers::{TestApp, document_identification, id_photo, spawn_app, td3};
use signet_core::identification::ImageSlot;
use signet_core::ids::IdentificationId;

async fn get(app: &TestApp, path: &str, lang: &str) -> (u16, String) {
    let r = app
        .client
        .get(app.url(path))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let r = app
        .client
        .post(app.url(path))
        .form(fields)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn upload(app: &TestApp, path: &str, slot: ImageSlot, bytes: Vec<u8>) -> (u16, String) {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("photo.png");
    let r = app
        .client
        .post(app.url(&format!("{path}/images/{}", slot.as_str())))
        .multipart(reqwest::multipart::Form::new().part("image", part))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Consent, a passport with its zone, a selfie and the number confirmed.
pub async fn capture_passport(app: &TestApp, path: &str, mrz: &str) {
    assert_eq!(
        form(
            app,
            &format!("{path}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        303
    );
    assert_eq!(
        form(
            app,
            &format!("{path}/document"),
            &[("document_type", "PASSPORT")]
        )
        .await
        .0,
        303
    );
    assert_eq!(upload(app, path, ImageSlot::Front, id_photo()).await.0, 303);
    assert_eq!(
        upload(app, path, ImageSlot::Selfie, id_photo()).await.0,
        303
    );
    if !mrz.is_empty() {
        assert_eq!(
            form(app, &format!("{path}/mrz"), &[("mrz", mrz)]).await.0,
            303
        );
    }
    assert_eq!(
        form(
            app,
            &format!("{path}/phone"),
            &[("mobile_number", "+49 151 12345678")]
        )
        .await
        .0,
        303
    );
    assert_eq!(
        form(app, &format!("{path}/phone/code"), &[("code", "123456")])
            .await
            .0,
        303
    );
}

fn ident_id(iid: &str) -> IdentificationId {
    IdentificationId::parse(iid).unwrap()
}

#[tokio::test]
async fn an_applicant_identifies_with_a_passport_and_a_reviewer_approves() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;

    let (status, body) = get(&app, &path, "en").await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"data-status="consent""#), "{body}");
    // Consent needs both boxes; nothing is recorded without them.
    let (status, body) = form(&app, &format!("{path}/consent"), &[("terms", "on")]).await;
    assert_eq!(status, 400);
    assert!(body.contains("Please tick both boxes"));
    assert!(app.identification(&pid, &iid).await["terms_and_conditions_signed_at"].is_null());

    assert_eq!(
        form(
            &app,
            &format!("{path}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        303
    );
    let i = app.identification(&pid, &iid).await;
    assert!(i["terms_and_conditions_signed_at"].is_string());
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="capture""#));

    // Images are checked on upload: not a photo is refused with seed 001's number.
    assert_eq!(
        form(
            &app,
            &format!("{path}/document"),
            &[("document_type", "PASSPORT")]
        )
        .await
        .0,
        303
    );
    let (status, body) = upload(
        &app,
        &path,
        ImageSlot::Front,
        b"%PDF-1.7 not a photo".to_vec(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("JPEG or PNG"), "{body}");
    assert_eq!(
        upload(&app, &path, ImageSlot::Front, id_photo()).await.0,
        303
    );
    assert_eq!(
        upload(&app, &path, ImageSlot::Selfie, id_photo()).await.0,
        303
    );

    // A typo in the zone is told with its line and position.
    let mrz = td3("ERIKSSON", "ANNA MARIA", "740812", "341231");
    let typo = mrz.replacen("L898902C3", "L898902C4", 1);
    let (status, body) = form(&app, &format!("{path}/mrz"), &[("mrz", &typo)]).await;
    assert_eq!(status, 422);
    assert!(body.contains("line 2, position 10"), "{body}");
    assert_eq!(
        form(&app, &format!("{path}/mrz"), &[("mrz", &mrz)]).await.0,
        303
    );

    // Submitting early says what is missing.
    let (status, body) = form(&app, &format!("{path}/submit"), &[]).await;
    assert_eq!(status, 409);
    assert!(body.contains("3. Your mobile number"));

    // The number: a wrong code counts down, 123456 confirms in test mode.
    assert_eq!(
        form(
            &app,
            &format!("{path}/phone"),
            &[("mobile_number", "+49 151 12345678")]
        )
        .await
        .0,
        303
    );
    let (status, body) = form(&app, &format!("{path}/phone/code"), &[("code", "000000")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Tries left: 4"));
    assert_eq!(
        form(&app, &format!("{path}/phone/code"), &[("code", "123456")])
            .await
            .0,
        303
    );
    // Each code costs an SMS: five per attempt (one was sent above).
    let phone = format!("{path}/phone");
    for _ in 0..4 {
        assert_eq!(
            form(&app, &phone, &[("mobile_number", "+4915112345678")])
                .await
                .0,
            303
        );
    }
    let (status, body) = form(&app, &phone, &[("mobile_number", "+4915112345678")]).await;
    assert_eq!(status, 429);
    assert!(body.contains("Too many codes"), "{body}");

    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    let (_, body) = get(&app, &path, "de").await;
    assert!(body.contains(r#"data-status="under_review""#));
    assert!(body.contains("Ihre Unterlagen werden geprüft"));
    assert_eq!(app.status(&pid, &iid).await, "pending");

    // Waiting for the reviewer outlasts the 30-minute timeout.
    app.advance(3 * 3600).await;
    assert_eq!(app.status(&pid, &iid).await, "pending");
    let queue = app
        .state
        .store
        .identifications_awaiting_review(10)
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
    assert!(
        queue[0].identification.capture.findings.is_empty(),
        "{:?}",
        queue[0].identification.capture.findings
    );

    let decided = signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        true,
        None,
        None,
        "operator:r@example.com",
    )
    .await
    .unwrap();
    assert_eq!(decided.status.as_str(), "successful");
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let person = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(person["verified_mobile_number"], "+4915112345678");
    let with_docs = app
        .get(&format!(
            "/v1/persons/{pid}/identifications/{iid}?include_documents=true"
        ))
        .await
        .assert(200)
        .clone();
    let types: Vec<&str> = with_docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["document_type"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"ID_DOCUMENT")
            && types.contains(&"PICTURE")
            && types.contains(&"KYC_REPORT"),
        "{types:?}"
    );
    let attempts = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await
        .assert(200)
        .clone();
    assert_eq!(attempts[0]["status"], "completed");
    assert_eq!(attempts[0]["response_code"], "approved");
    assert!(
        app.state
            .store
            .identifications_awaiting_review(10)
            .await
            .unwrap()
            .is_empty()
    );
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="successful""#));
    // The decision cannot be made twice.
    let again = signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        false,
        Some("TECH_PHOTO"),
        None,
        "operator:r@example.com",
    )
    .await;
    assert_eq!(again.unwrap_err().status.as_u16(), 409);
}

#[tokio::test]
async fn an_expired_document_and_another_name_go_to_review_as_pending_failed() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let mrz = td3("SVENSSON", "ANNA MARIA", "740812", "120415");
    capture_passport(&app, &path, &mrz).await;
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    assert_eq!(app.status(&pid, &iid).await, "pending_failed");
    let queue = app
        .state
        .store
        .identifications_awaiting_review(10)
        .await
        .unwrap();
    let checks: Vec<&str> = queue[0]
        .identification
        .capture
        .findings
        .iter()
        .map(|f| f.check.as_str())
        .collect();
    assert_eq!(checks, vec!["mrz_name_mismatch", "document_expired"]);
}

#[tokio::test]
async fn a_declined_case_can_start_again_unless_the_reason_is_final() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    capture_passport(&app, &path, "").await;
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    // A decline needs a reason of the table.
    let e = signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        false,
        None,
        None,
        "operator:r",
    )
    .await;
    assert_eq!(e.unwrap_err().status.as_u16(), 400);
    let e = signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        false,
        Some("NOT_A_REASON"),
        None,
        "operator:r",
    )
    .await;
    assert_eq!(e.unwrap_err().status.as_u16(), 400);
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        false,
        Some("TECH_PHOTO"),
        Some("glare".into()),
        "operator:r",
    )
    .await
    .unwrap();
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "canceled");
    assert_eq!(i["failure_reason"], "TECH_PHOTO");
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="canceled""#));
    assert!(body.contains("Start again"));

    // The same link starts a new attempt; everything is asked again.
    capture_passport(&app, &path, "").await;
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    let attempts = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await
        .assert(200)
        .clone();
    assert_eq!(attempts.as_array().unwrap().len(), 2);
    assert_eq!(attempts[0]["response_code"], "document_video_blurry");
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        false,
        Some("FRAUD_SUSPICION_CONFIRMED"),
        None,
        "operator:r",
    )
    .await
    .unwrap();
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "failed");
    assert!(
        i["failure_reason"].is_null(),
        "no reason is disclosed for failed"
    );
    let (status, _) = form(
        &app,
        &format!("{path}/consent"),
        &[("terms", "on"), ("data", "on")],
    )
    .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn the_page_plays_the_applicant_of_a_manual_sandbox_case() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    let url = app.identification(&pid, &iid).await["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url[url.find("/identify/").unwrap()..].to_owned();
    assert_eq!(
        form(
            &app,
            &format!("{path}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        303
    );
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains("sandbox-form"));
    let (status, _) = form(
        &app,
        &format!("{path}/sandbox"),
        &[("ident_code", "111111")],
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        form(
            &app,
            &format!("{path}/sandbox"),
            &[
                ("ident_code", "123456"),
                ("mobile_number", "+4915112345678")
            ]
        )
        .await
        .0,
        303
    );
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="in_progress""#));
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    // The video identification never enters the reviewers' queue.
    assert!(
        app.state
            .store
            .identifications_awaiting_review(10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn unknown_or_malformed_links_are_a_404_page_and_live_mode_needs_sms_for_the_number() {
    let app = spawn_app().await;
    let (status, body) = get(&app, "/identify/00000000000000000000000000000000", "de").await;
    assert_eq!(status, 404);
    assert!(body.contains("Link nicht gefunden"));
    assert_eq!(get(&app, "/identify/nope", "en").await.0, 404);
    assert_eq!(
        form(
            &app,
            "/identify/nope/consent",
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        404
    );

    // Live mode: the method works without a provider, but confirming a number needs SMS.
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let live = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let live_post = |path: String, body: &'static [u8]| {
        let live = live.clone();
        let app = &app;
        async move {
            app.send(
                reqwest::Method::POST,
                &path,
                Some(&live),
                Some(body.to_vec()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    let p = live_post(
        "/v1/persons".into(),
        br#"{"first_name":"Jane","last_name":"Doe"}"#,
    )
    .await;
    let pid = p.assert(201)["id"].as_str().unwrap().to_owned();
    let i = live_post(
        format!("/v1/persons/{pid}/identifications"),
        br#"{"method":"document"}"#,
    )
    .await;
    let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
    let r = app
        .send(
            reqwest::Method::PATCH,
            &format!("/v1/persons/{pid}/identifications/{iid}/request"),
            Some(&live),
            None,
            None,
            &[],
        )
        .await;
    let url = r.assert(200)["url"].as_str().unwrap().to_owned();
    let path = url[url.find("/identify/").unwrap()..].to_owned();
    assert_eq!(
        form(
            &app,
            &format!("{path}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        303
    );
    // Seed 002's sandbox numbers are for test mode: live mode judges them as numbers.
    let (status, body) = form(
        &app,
        &format!("{path}/phone"),
        &[("mobile_number", "+15550101")],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("with its country code"), "{body}");
    let (status, body) = form(
        &app,
        &format!("{path}/phone"),
        &[("mobile_number", "01512345678")],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("with its country code"), "{body}");
    let (status, body) = form(
        &app,
        &format!("{path}/phone"),
        &[("mobile_number", "+4915112345678")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("no SMS provider is configured"), "{body}");
}

#[tokio::test]
async fn the_sandbox_numbers_of_seed_002_are_accepted_on_the_page_in_test_mode() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let mrz = td3("ERIKSSON", "ANNA MARIA", "740812", "341231");
    capture_passport(&app, &path, &mrz).await;
    let phone = format!("{path}/phone");
    let code = format!("{path}/phone/code");
    // Still a number: letters are refused.
    let (status, body) = form(&app, &phone, &[("mobile_number", "0151 12x")]).await;
    assert_eq!(status, 400, "{body}");
    // The tutorial's static number, then any number starting with 0, confirmed with 123456.
    assert_eq!(
        form(&app, &phone, &[("mobile_number", "+1 555 0101")])
            .await
            .0,
        303
    );
    assert_eq!(form(&app, &code, &[("code", "123456")]).await.0, 303);
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains("+15550101"), "{body}");
    assert_eq!(
        form(&app, &phone, &[("mobile_number", "0151 2345-678")])
            .await
            .0,
        303
    );
    assert_eq!(form(&app, &code, &[("code", "123456")]).await.0, 303);
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        true,
        None,
        None,
        "operator:r@example.com",
    )
    .await
    .unwrap();
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let person = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(person["verified_mobile_number"], "01512345678");

    // The video sandbox's own form on the page takes them too.
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    let url = app.identification(&pid, &iid).await["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url[url.find("/identify/").unwrap()..].to_owned();
    assert_eq!(
        form(
            &app,
            &format!("{path}/consent"),
            &[("terms", "on"), ("data", "on")]
        )
        .await
        .0,
        303
    );
    assert_eq!(
        form(
            &app,
            &format!("{path}/sandbox"),
            &[("ident_code", "123456"), ("mobile_number", "+15550101")]
        )
        .await
        .0,
        303
    );
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let person = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(person["verified_mobile_number"], "+15550101");
}

#[tokio::test]
async fn a_document_that_expires_after_the_identification_holds_advanced_signers_with_3204() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let expiry = (app.state.wall_now() + chrono::Duration::days(10))
        .format("%y%m%d")
        .to_string();
    capture_passport(
        &app,
        &path,
        &td3("ERIKSSON", "ANNA MARIA", "740812", &expiry),
    )
    .await;
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        true,
        None,
        None,
        "operator:r",
    )
    .await
    .unwrap();
    let advanced = serde_json::json!({
        "signature_level": "advanced",
        "signers": [{"name": "Anna Maria Eriksson", "email": "anna@example.com", "person_id": pid}],
    });
    let doc = crate::api::documents::send(&app, advanced.clone()).await;
    assert_eq!(doc["signers"][0]["status"], "user_consent_required");
    // Eleven days later the passport has expired: a new signature needs a new identification.
    app.advance(11 * 86_400).await;
    let doc = crate::api::documents::send(&app, advanced).await;
    assert_eq!(doc["signers"][0]["status"], "kyc_required");
    assert_eq!(doc["signers"][0]["status_codes"], serde_json::json!([3204]));
}

#[tokio::test]
async fn not_now_keeps_the_link_and_an_unused_link_expires_after_14_days() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let consent = [("terms", "on"), ("data", "on")];
    assert_eq!(
        form(&app, &format!("{path}/consent"), &consent).await.0,
        303
    );
    assert_eq!(form(&app, &format!("{path}/abort"), &[]).await.0, 303);
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "aborted");
    assert_eq!(i["failure_reason"], "USER_CANCELLATION");
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="aborted""#));
    assert!(body.contains("Start again"));
    // Back later: a new attempt on the same link.
    assert_eq!(
        form(&app, &format!("{path}/consent"), &consent).await.0,
        303
    );
    assert_eq!(app.status(&pid, &iid).await, "pending");
    // Nobody comes back: TECH_TIMEOUT after 30 minutes, and after 14 days the link is dead.
    app.advance(15 * 86_400).await;
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "canceled");
    assert_eq!(i["failure_reason"], "TECH_TIMEOUT");
    let (status, body) = get(&app, &path, "de").await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"data-status="expired""#), "{body}");
    assert!(body.contains("Dieser Link ist abgelaufen"));
    assert!(
        !body.contains("consent-form"),
        "an expired link offers nothing to do"
    );
    let (status, _) = form(&app, &format!("{path}/consent"), &consent).await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn a_signer_waiting_for_their_identification_is_sent_to_it_from_the_signing_page() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let doc = crate::api::documents::send(
        &app,
        serde_json::json!({
            "signature_level": "advanced",
            "signers": [{"name": "Anna Maria Eriksson", "email": "anna@example.com", "person_id": pid}],
        }),
    )
    .await;
    assert_eq!(doc["signers"][0]["status"], "kyc_required");
    assert_eq!(doc["signers"][0]["status_codes"], serde_json::json!([1201]));
    let url = doc["signers"][0]["url"].as_str().unwrap();
    let sign_page = url[url.find("/sign/").unwrap()..].to_owned();
    let (status, body) = get(&app, &sign_page, "en").await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"id="identify""#), "{body}");
    assert!(
        body.contains(&format!("{path}\"")),
        "the link is the identification's url"
    );

    capture_passport(&app, &path, "").await;
    assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
    let (_, body) = get(&app, &sign_page, "en").await;
    assert!(
        !body.contains(r#"id="identify""#),
        "nothing left to do there"
    );
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        true,
        None,
        None,
        "operator:r",
    )
    .await
    .unwrap();
    let (_, body) = get(&app, &sign_page, "en").await;
    assert!(
        body.contains(r#"data-status="user_consent_required""#),
        "{body}"
    );
}

/// The attempts of an identification, oldest first: (status, response code, check status).
async fn attempts(app: &TestApp, pid: &str, iid: &str) -> Vec<(String, String, String)> {
    let r = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await;
    let word = |v: &serde_json::Value| v.as_str().unwrap_or("null").to_owned();
    r.assert(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                word(&a["status"]),
                word(&a["response_code"]),
                word(&a["check_status"]),
            )
        })
        .collect()
}

fn row(status: &str, code: &str, check: &str) -> (String, String, String) {
    (status.into(), code.into(), check.into())
}

#[tokio::test]
async fn an_applicant_who_refuses_the_consent_or_the_camera_leaves_the_attempt_capture_refused() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"id="refuse-form""#), "{body}");
    assert!(body.contains("I do not agree"));
    let (_, body) = get(&app, &path, "de").await;
    assert!(body.contains("Ich stimme nicht zu"));
    // "I do not agree" at the consent: seed 003's user refusal, and the check is refused.
    assert_eq!(
        form(&app, &format!("{path}/refuse"), &[("refusal", "consent")])
            .await
            .0,
        303
    );
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "aborted");
    assert_eq!(i["failure_reason"], "USER_CANCELLATION");
    assert_eq!(
        attempts(&app, &pid, &iid).await,
        vec![row("capture_refused", "user_refused", "refused")]
    );
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="aborted""#));
    assert!(body.contains("Start again"));
    assert!(
        !body.contains(r#"id="refuse-form""#),
        "a refusal is offered on a fresh attempt only"
    );
    // Nothing is open to refuse any more.
    let (status, _) = form(&app, &format!("{path}/refuse"), &[("refusal", "camera")]).await;
    assert_eq!(status, 409);
    // The link stays usable: a new attempt, then no access to the camera.
    let consent = [("terms", "on"), ("data", "on")];
    assert_eq!(
        form(&app, &format!("{path}/consent"), &consent).await.0,
        303
    );
    assert_eq!(app.status(&pid, &iid).await, "pending");
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"id="camera-refused""#), "{body}");
    let (status, _) = form(&app, &format!("{path}/refuse"), &[("refusal", "later")]).await;
    assert_eq!(status, 400);
    assert_eq!(
        form(&app, &format!("{path}/refuse"), &[("refusal", "camera")])
            .await
            .0,
        303
    );
    assert_eq!(app.status(&pid, &iid).await, "aborted");
    assert_eq!(
        attempts(&app, &pid, &iid).await,
        vec![
            row("capture_refused", "user_refused", "refused"),
            row("capture_refused", "camera_access_denied", "retry_required"),
        ]
    );
    // And again: the applicant finishes this time.
    capture_passport(&app, &path, "").await;
    assert_eq!(
        attempts(&app, &pid, &iid).await[2],
        row("capture_in_progress", "null", "null")
    );
}

#[tokio::test]
async fn an_attempt_open_when_the_link_expires_is_expired() {
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    // Nobody comes for almost 14 days: TECH_TIMEOUT after 30 minutes.
    app.advance(14 * 86_400 - 10 * 60).await;
    assert_eq!(app.status(&pid, &iid).await, "canceled");
    // The applicant starts again 10 minutes before the link's end, and is still at it then.
    let consent = [("terms", "on"), ("data", "on")];
    assert_eq!(
        form(&app, &format!("{path}/consent"), &consent).await.0,
        303
    );
    app.advance(5 * 60).await;
    assert_eq!(
        attempts(&app, &pid, &iid).await,
        vec![
            row("abandoned", "flow_not_started", "retry_required"),
            row("capture_in_progress", "null", "null"),
        ]
    );
    app.advance(5 * 60).await;
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "canceled");
    assert_eq!(i["failure_reason"], "TECH_TIMEOUT");
    assert_eq!(
        attempts(&app, &pid, &iid).await[1],
        row("expired", "abandoned_url_expired", "retry_required")
    );
    let (_, body) = get(&app, &path, "en").await;
    assert!(body.contains(r#"data-status="expired""#), "{body}");
}

/// Seed 000's 3541: the device an applicant submitted their identification from is compared
/// with the device each signing session runs on (`Sec-CH-UA-Model`, else the user agent);
/// another device asks for a selfie, and a selfie a reviewer accepts clears it.
#[tokio::test]
async fn a_signing_session_on_another_device_than_the_identification_asks_for_a_selfie() {
    const PIXEL: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
    const IPHONE: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15";
    let app = spawn_app().await;
    let (pid, iid, path) = document_identification(&app, "Anna Maria", "Eriksson").await;
    let expiry = (app.state.wall_now() + chrono::Duration::days(3 * 365))
        .format("%y%m%d")
        .to_string();
    capture_passport(
        &app,
        &path,
        &td3("ERIKSSON", "ANNA MARIA", "740812", &expiry),
    )
    .await;
    let submitted = app
        .client
        .post(app.url(&format!("{path}/submit")))
        .header("user-agent", PIXEL)
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status().as_u16(), 303);
    signet_app::identifications::review(
        &app.state,
        &ident_id(&iid),
        true,
        None,
        None,
        "operator:r",
    )
    .await
    .unwrap();
    let doc = crate::api::documents::send(
        &app,
        serde_json::json!({
            "signature_level": "advanced",
            "signers": [{"name": "Anna Maria Eriksson", "email": "anna@example.com", "person_id": pid}],
        }),
    )
    .await;
    let url = doc["signers"][0]["url"].as_str().unwrap();
    let page = url[url.find("/sign/").unwrap()..].to_owned();
    let open = |agent: &'static str, hint: Option<&'static str>| {
        let mut request = app.client.get(app.url(&page)).header("user-agent", agent);
        if let Some(model) = hint {
            request = request.header("sec-ch-ua-model", model);
        }
        request.send()
    };
    let signer_url = crate::helpers::signer_path(&doc, 0, "")
        .trim_end_matches('/')
        .to_owned();
    let signer = || app.get(&signer_url);

    // The same phone: nothing to ask; the page asks for the model hint.
    let same = open(PIXEL, None).await.unwrap();
    assert_eq!(same.headers()["accept-ch"], "Sec-CH-UA-Model");
    assert_eq!(
        signer().await.assert(200)["status"],
        "user_consent_required"
    );
    // A reduced user agent that names its model in the hint is the same phone too.
    open(
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36",
        Some("\"Pixel 7\""),
    )
    .await
    .unwrap();
    assert_eq!(
        signer().await.assert(200)["status"],
        "user_consent_required"
    );

    // An iPhone: a selfie first.
    open(IPHONE, None).await.unwrap();
    let s = signer().await;
    assert_eq!(s.assert(200)["status"], "selfie_required", "{}", s.body);
    assert_eq!(s.body["status_codes"], serde_json::json!([3541]));
    app.post(
        &crate::helpers::signer_path(&doc, 0, "selfie"),
        serde_json::json!({"image": crate::helpers::b64(&id_photo())}),
    )
    .await
    .assert(200);
    app.post(
        &crate::helpers::signer_path(&doc, 0, "selfie/review"),
        serde_json::json!({"decision": "accept"}),
    )
    .await
    .assert(200);
    assert_eq!(
        signer().await.assert(200)["status"],
        "user_consent_required"
    );
    open(IPHONE, None).await.unwrap();
    assert_eq!(
        signer().await.assert(200)["status"],
        "user_consent_required",
        "the accepted selfie clears the other device"
    );
}

/// Seed 002: "a proof of address document only if their identification document does not
/// include an address". A passport without the address and no proof goes to review as
/// `pending_failed` with the finding; a French passport (one that carries it) needs none.
#[tokio::test]
async fn a_document_without_the_address_and_no_proof_of_address_is_a_severe_finding() {
    let app = spawn_app().await;
    let expiry = (app.state.wall_now() + chrono::Duration::days(3 * 365))
        .format("%y%m%d")
        .to_string();
    for (issuer, expected) in [("UTO", "pending_failed"), ("FRA", "pending")] {
        let person = app
            .person(serde_json::json!({
                "first_name": "Anna Maria", "last_name": "Eriksson", "birth_date": "1974-08-12",
                "nationality": "SE", "mobile_number": "+4915112345678"
            }))
            .await;
        let pid = person["id"].as_str().unwrap().to_owned();
        let i = app
            .post(
                &format!("/v1/persons/{pid}/identifications"),
                serde_json::json!({"method": "document"}),
            )
            .await;
        let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
        let r = app
            .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
            .await;
        let url = r.assert(200)["url"].as_str().unwrap().to_owned();
        let path = url[url.find("/identify/").unwrap()..].to_owned();
        let zone = td3("ERIKSSON", "ANNA MARIA", "740812", &expiry).replace("UTO", issuer);
        // The issuer is in the check-digit-free parts of the zone: swapping it keeps it valid.
        capture_passport(&app, &path, &zone).await;
        assert_eq!(form(&app, &format!("{path}/submit"), &[]).await.0, 303);
        assert_eq!(app.status(&pid, &iid).await, expected, "{issuer}");
        let queue = app
            .state
            .store
            .identifications_awaiting_review(10)
            .await
            .unwrap();
        let stored = queue
            .iter()
            .find(|q| q.identification.id == ident_id(&iid))
            .expect("awaiting review");
        let checks: Vec<&str> = stored
            .identification
            .capture
            .findings
            .iter()
            .map(|f| f.check.as_str())
            .collect();
        assert_eq!(
            checks.contains(&"proof_of_address_missing"),
            issuer == "UTO",
            "{issuer}: {checks:?}"
        );
    }
}
