//! A person's export (`GET /v1/persons/{id}/export`) and their access trail: the ZIP read
//! back by Python's `zipfile`, its manifest checked against the entries, and every export
//! and back-office view of the person's data listed on the person's back-office page.

use crate::backoffice::{get, operator, sign_in};
use crate::helpers::{self, TestApp, b64, signer_path, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// A `document` identification of Anna Maria Eriksson with a passport's front and a selfie
/// (`front`, `selfie` image bytes) and the zone of passport L898902C3, submitted for review.
async fn submitted_identification(app: &TestApp, front: &[u8], selfie: &[u8]) -> (String, String) {
    use signet_app::identifications as identify;
    use signet_core::identification::ImageSlot;
    let (pid, iid, path) = helpers::document_identification(app, "Anna Maria", "Eriksson").await;
    let token = path.trim_start_matches("/identify/");
    let st = &app.state;
    identify::consent(st, token).await.unwrap();
    identify::choose_document(st, token, "PASSPORT")
        .await
        .unwrap();
    identify::upload(st, token, ImageSlot::Front, front.to_vec())
        .await
        .unwrap();
    identify::upload(st, token, ImageSlot::Selfie, selfie.to_vec())
        .await
        .unwrap();
    let mrz = helpers::td3("ERIKSSON", "ANNA MARIA", "740812", "120415");
    identify::give_mrz(st, token, &mrz).await.unwrap();
    identify::send_phone_code(st, token, "+4915112345678")
        .await
        .unwrap();
    identify::enter_phone_code(st, token, "123456")
        .await
        .unwrap();
    identify::submit(st, token, None).await.unwrap();
    (pid, iid)
}

/// A document the person signs (approve, then the sandbox code): it is finished.
async fn signed_document(app: &TestApp, pid: &str) -> Value {
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Rental agreement",
                "file": b64(&helpers::sample_pdf("Rental agreement")),
                "signers": [{"name": "Anna Maria Eriksson", "email": "anna@example.com", "person_id": pid}],
            }),
        )
        .await
        .assert(201)
        .clone();
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
    doc
}

/// An archive as an independent reader sees it: each entry's bytes, after `testzip` found
/// every CRC right.
fn unzip(zip: &[u8], dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = dir.join("export.zip");
    std::fs::write(&file, zip).unwrap();
    let out = dir.join("out");
    let script = "import sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1])\n\
                  bad = z.testzip()\n\
                  assert bad is None, bad\n\
                  z.extractall(sys.argv[2])\n\
                  print('\\n'.join(z.namelist()))";
    let python = helpers::test_python();
    let python = if python.exists() {
        python
    } else {
        "python3".into()
    };
    let done = std::process::Command::new(python)
        .args(["-c", script])
        .arg(&file)
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    String::from_utf8(done.stdout)
        .unwrap()
        .lines()
        .map(|name| (name.to_owned(), std::fs::read(out.join(name)).unwrap()))
        .collect()
}

fn text(entries: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        entries
            .get(name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", entries.keys()))
            .clone(),
    )
    .unwrap()
}

fn json_of(entries: &BTreeMap<String, Vec<u8>>, name: &str) -> Value {
    serde_json::from_str(&text(entries, name)).unwrap()
}

#[tokio::test]
async fn an_export_holds_the_persons_data_images_and_signed_pdf_and_its_manifest_is_true() {
    let app = spawn_app().await;
    let front = helpers::id_photo();
    // Another picture for the selfie, so each image is found by its own bytes.
    let selfie_img = image::GrayImage::from_fn(900, 600, |x, y| {
        let cell = ((x / 25) + (y / 25)) % 2 == 0;
        let noise = ((x * 7919 + y * 104_729) % 19) as u8;
        image::Luma([if cell { 45 + noise } else { 205 - noise }])
    });
    let mut selfie = std::io::Cursor::new(Vec::new());
    selfie_img
        .write_to(&mut selfie, image::ImageFormat::Png)
        .unwrap();
    let selfie = selfie.into_inner();
    let (pid, iid) = submitted_identification(&app, &front, &selfie).await;
    let doc = signed_document(&app, &pid).await;
    let did = doc["id"].as_str().unwrap();
    let signed = app.get(&format!("/v1/documents/{did}/file")).await;
    assert_eq!(signed.status, 200);
    let finished = helpers::document(&app, &doc).await;
    assert_eq!(finished["status"], "finished");

    let r = app.get(&format!("/v1/persons/{pid}/export")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/zip");
    assert_eq!(
        r.headers["content-disposition"],
        format!("attachment; filename=\"signet-person-{pid}.zip\"").as_str()
    );
    // Streamed: sent in chunks as it is written, its length unknown when it starts.
    assert!(r.headers.get("content-length").is_none(), "{:?}", r.headers);
    let dir = tempfile::tempdir().unwrap();
    let entries = unzip(&r.bytes, dir.path());

    // The manifest names every other entry with its true size and SHA-256.
    let manifest = json_of(&entries, "manifest.json");
    assert_eq!(manifest["schema_version"], 1);
    assert_eq!(manifest["person_id"], pid.as_str());
    assert!(
        manifest["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    let listed = manifest["entries"].as_array().unwrap();
    assert_eq!(listed.len(), entries.len() - 1, "{:?}", entries.keys());
    for e in listed {
        let path = e["path"].as_str().unwrap();
        let bytes = &entries[path];
        assert_eq!(e["size"], bytes.len(), "{path}");
        assert_eq!(
            e["sha256"].as_str().unwrap(),
            hex::encode(Sha256::digest(bytes)),
            "{path}"
        );
    }

    // The known name, document number, both images and the signed PDF.
    assert!(text(&entries, "person.json").contains("Eriksson"));
    let ident = json_of(
        &entries,
        &format!("identifications/{iid}/identification.json"),
    );
    assert_eq!(ident["id"], iid.as_str());
    assert!(
        ident["capture"]["mrz"]
            .as_str()
            .unwrap()
            .contains("L898902C3"),
        "{ident}"
    );
    assert!(ident.get("url").is_none(), "links that act are left out");
    assert!(ident["capture"].get("phone_code").is_none());
    let attempts = json_of(&entries, &format!("identifications/{iid}/attempts.json"));
    assert!(!attempts.as_array().unwrap().is_empty());
    let images: Vec<&Vec<u8>> = entries
        .iter()
        .filter(|(name, _)| name.starts_with("files/") && *name != "files/index.json")
        .map(|(_, bytes)| bytes)
        .collect();
    assert!(images.contains(&&front), "the passport's front");
    assert!(images.contains(&&selfie), "the selfie");
    let index = json_of(&entries, "files/index.json");
    assert_eq!(index.as_array().unwrap().len(), images.len());
    let pdf = &entries[&format!("documents/{did}/Rental_agreement.pdf")];
    assert_eq!(pdf, &signed.bytes, "the signed file as it stands");
    assert_eq!(
        hex::encode(Sha256::digest(pdf)),
        finished["current_sha256"].as_str().unwrap()
    );
    let document = json_of(&entries, &format!("documents/{did}/document.json"));
    assert_eq!(document["status"], "finished");
    assert_eq!(document["signers"][0]["person_id"], pid.as_str());
    assert_eq!(document["signers"][0]["status"], "signed");
    assert!(document["signers"][0].get("url").is_none());
    let trail = json_of(&entries, &format!("documents/{did}/audit.json"));
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"signer.approved"), "{actions:?}");
    json_of(&entries, "screening/screenings.json");
    json_of(&entries, "screening/hits.json");

    // The export is on the person's access trail, by the API key, in the archive too.
    let access = json_of(&entries, "audit.json");
    let last = access.as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "person.exported");
    assert!(
        last["actor"].as_str().unwrap().starts_with("api_key:"),
        "{last}"
    );
}

#[tokio::test]
async fn an_unknown_or_other_tenants_person_is_404_and_nothing_is_recorded() {
    let app = spawn_app().await;
    let pid = app
        .person(json!({"first_name": "Ana", "last_name": "Silva"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            reqwest::Method::GET,
            &format!("/v1/persons/{pid}/export"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "not_found");
    app.get("/v1/persons/pers_unknown/export")
        .await
        .assert_error(404, "not_found");
    let person = signet_core::ids::PersonId::parse(&pid).unwrap();
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let trail = app
        .state
        .store
        .person_audit_after(&tenant.id, signet_store::Mode::Test, &person, 0, 10)
        .await
        .unwrap();
    assert!(trail.is_empty(), "{trail:?}");
}

#[tokio::test]
async fn views_and_exports_are_on_the_persons_page_and_the_trail_verifies() {
    let app = spawn_app().await;
    operator(&app).await;
    let front = helpers::id_photo();
    let (pid, iid) = submitted_identification(&app, &front, &front).await;
    let cookie = sign_in(&app).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let record = format!("/admin/persons/{}/test/{pid}", tenant.id.as_str());

    // The review page and an image, then an export.
    let case = get(
        &app,
        &format!("/admin/identifications/{iid}"),
        Some(&cookie),
    )
    .await;
    assert_eq!(case.status, StatusCode::OK);
    let img = get(
        &app,
        &format!("/admin/identifications/{iid}/images/front"),
        Some(&cookie),
    )
    .await;
    assert_eq!(img.status, StatusCode::OK);
    // An image the case does not have is not a view.
    let none = get(
        &app,
        &format!("/admin/identifications/{iid}/images/back"),
        Some(&cookie),
    )
    .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    app.get(&format!("/v1/persons/{pid}/export"))
        .await
        .assert(200);
    // Signed out, nothing is shown and nothing recorded.
    let anon = get(&app, &record, None).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);

    let page = get(&app, &record, Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let at = |needle: &str| page.at(needle);
    // Newest first: this view, the export, the image, the review page.
    let viewed = at(r#"data-seq="4" data-action="person.viewed""#);
    let exported = at(r#"data-seq="3" data-action="person.exported""#);
    let image = at(r#"data-seq="2" data-action="identification.image_viewed""#);
    let review = at(r#"data-seq="1" data-action="identification.viewed""#);
    assert!(viewed < exported && exported < image && image < review);
    assert_eq!(
        page.count("operator:reviewer@example.com"),
        3,
        "{}",
        page.text
    );
    assert_eq!(page.count("api_key:"), 1);
    assert!(page.text.contains("kind: front"));
    assert!(!page.text.contains("id=\"access-more\""));

    let person = signet_core::ids::PersonId::parse(&pid).unwrap();
    let trail = app
        .state
        .store
        .person_audit_after(&tenant.id, signet_store::Mode::Test, &person, 0, 100)
        .await
        .unwrap();
    assert_eq!(trail.len(), 4);
    assert_eq!(signet_app::access_audit::first_broken(&trail), None);
    assert_eq!(trail[1].details["kind"], "front");
    assert_eq!(
        trail[1].details["identification_id"],
        iid.as_str(),
        "{:?}",
        trail[1]
    );
}

#[tokio::test]
async fn a_long_trail_is_capped_on_the_record_and_paged_behind_a_link() {
    let app = spawn_app().await;
    operator(&app).await;
    let pid = app
        .person(json!({"first_name": "Ana", "last_name": "Silva"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // 24 exports at once: each takes its own place in the chain.
    let path = format!("/v1/persons/{pid}/export");
    let exports = (0..24).map(|_| app.get(&path));
    for r in futures_join_all(exports).await {
        r.assert(200);
    }
    let cookie = sign_in(&app).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let record = format!("/admin/persons/{}/test/{pid}", tenant.id.as_str());
    let page = get(&app, &record, Some(&cookie)).await;
    assert_eq!(page.count("class=\"admin-access\""), 20);
    assert!(
        page.text
            .contains(r#"data-seq="25" data-action="person.viewed""#)
    );
    let more = format!("{record}/access?before=6");
    assert!(
        page.text
            .contains(&format!("id=\"access-more\" href=\"{more}\"")),
        "{}",
        page.text
    );
    let rest = get(&app, &more, Some(&cookie)).await;
    assert_eq!(rest.status, StatusCode::OK);
    assert_eq!(rest.count("class=\"admin-access\""), 5);
    assert!(
        rest.text
            .contains(r#"data-seq="1" data-action="person.exported""#)
    );
    assert!(!rest.text.contains("id=\"access-more\""));
    // The trail's own page is not a view of the person's data.
    let person = signet_core::ids::PersonId::parse(&pid).unwrap();
    let trail = app
        .state
        .store
        .person_audit_after(&tenant.id, signet_store::Mode::Test, &person, 0, 100)
        .await
        .unwrap();
    assert_eq!(trail.len(), 25);
    assert_eq!(signet_app::access_audit::first_broken(&trail), None);
    let bad = get(&app, &format!("{record}/access?before=x"), Some(&cookie)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

/// Runs the requests at once and returns their replies in order.
async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let handles: Vec<_> = futures.collect();
    let mut out = Vec::new();
    let mut pinned: Vec<_> = handles.into_iter().map(Box::pin).collect();
    // Polled together so the requests overlap on the server.
    let mut done: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if done[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => done[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.extend(done.into_iter().flatten());
    out
}

#[tokio::test]
async fn an_operator_fetching_a_signers_selfie_is_on_the_persons_trail() {
    let app = spawn_app().await;
    operator(&app).await;
    // An identified person whose identification is stale a day later: a selfie is needed.
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    app.advance(25 * 3600).await;
    let doc = app
        .post(
            "/v1/documents",
            json!({
                "name": "Loan agreement",
                "file": b64(&helpers::sample_pdf("Loan agreement")),
                "signature_level": "advanced",
                "signers": [{"name": "Happy Tester", "email": "h@example.com", "person_id": pid}],
            }),
        )
        .await
        .assert(201)
        .clone();
    assert_eq!(doc["signers"][0]["status"], "selfie_required");
    let sid = doc["signers"][0]["id"].as_str().unwrap();
    app.post(
        &signer_path(&doc, 0, "selfie"),
        json!({"image": b64(&helpers::id_photo())}),
    )
    .await
    .assert(200);
    let cookie = sign_in(&app).await;
    let img = get(&app, &format!("/admin/selfies/{sid}"), Some(&cookie)).await;
    assert_eq!(img.status, StatusCode::OK);

    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let person = signet_core::ids::PersonId::parse(&pid).unwrap();
    let trail = app
        .state
        .store
        .person_audit_after(&tenant.id, signet_store::Mode::Test, &person, 0, 10)
        .await
        .unwrap();
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].action, "signer.selfie_viewed");
    assert_eq!(trail[0].actor, "operator:reviewer@example.com");
    assert_eq!(trail[0].details["signer_id"], sid);
    assert_eq!(trail[0].details["document_id"], doc["id"]);
    // The document's own trail is left as it was, and still verifies.
    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await
        .assert(200)
        .clone();
    assert_eq!(audit["chain_valid"], true);
    assert!(
        audit["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["action"] != "signer.selfie_viewed")
    );
}
