//! Templates over HTTP: CRUD with pagination and events, names checked (80) and unique
//! (70), the tenant's cap (77), an unreadable PDF (69) or a stored file gone (98), documents
//! sent from a template with signers mapped to roles and prefilled values locked into the
//! signed PDF, an unknown template (88) and a draft awaiting review (94) until a reviewer
//! approves it in the back office.

use crate::backoffice::{form, get as page, operator, post_form, sign_in};
use crate::helpers::{TestApp, b64, document, sample_pdf, signer_path, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use signet_store::{Mode, TenantLimits};

/// A template request with two roles: each signs in its own place; the client's plan and
/// the bank's reference are text fields (the plan placed by its anchor).
fn body(name: &str) -> Value {
    json!({
        "name": name,
        "file": b64(&sample_pdf("Loan agreement {{plan}}")),
        "roles": ["Client", "Bank"],
        "fields": [
            {"name": "client_sig", "type": "signature", "role": "Client",
             "area": {"page": 1, "x": 0.05, "y": 0.7, "w": 0.3, "h": 0.08}},
            {"name": "bank_sig", "type": "signature", "role": "Bank",
             "area": {"page": 1, "x": 0.55, "y": 0.7, "w": 0.3, "h": 0.08}},
            {"name": "plan", "type": "text", "role": "Client", "anchor": "{{plan}}"},
            {"name": "reference", "type": "text", "role": "Bank", "required": false,
             "area": {"page": 1, "x": 0.55, "y": 0.85, "w": 0.3, "h": 0.04}},
        ],
    })
}

async fn template(app: &TestApp, name: &str) -> Value {
    app.post("/v1/templates", body(name))
        .await
        .assert(201)
        .clone()
}

async fn put(app: &TestApp, path: &str, body: Value) -> crate::helpers::Reply {
    app.send(
        Method::PUT,
        path,
        Some(&app.key),
        Some(body.to_string().into_bytes()),
        Some("application/json"),
        &[],
    )
    .await
}

async fn delete(app: &TestApp, path: &str) -> crate::helpers::Reply {
    app.send(Method::DELETE, path, Some(&app.key), None, None, &[])
        .await
}

/// A document from `tpl` with the bank's signer first and the client's second.
fn from_template(tpl: &Value, values: Value) -> Value {
    json!({
        "name": "Loan 17",
        "template_id": tpl["id"],
        "signers": [
            {"name": "Ben Okafor", "email": "ben@bank.example", "role": "Bank"},
            {"name": "Ana Silva", "email": "ana@example.com", "role": "Client"},
        ],
        "values": values,
    })
}

fn return_code(r: &crate::helpers::Reply) -> &Value {
    &r.body["errors"][0]["return_code"]
}

#[tokio::test]
async fn templates_are_listed_by_page_changed_and_deleted_with_their_events() {
    let app = spawn_app().await;
    let first = template(&app, "NDA").await;
    assert_eq!(first["status"], "approved", "{first}");
    assert_eq!(first["roles"], json!(["Client", "Bank"]));
    assert_eq!(first["pages"], 1);
    let plan = first["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "plan")
        .unwrap();
    assert_eq!(plan["role"], "Client");
    assert_eq!(plan["anchor"], "{{plan}}");
    assert!(plan["area"]["w"].as_f64().unwrap() > 0.0, "{plan}");
    // A second apart on the tenant's clock: newest first is then one order.
    app.advance(1).await;
    template(&app, "Loan agreement").await;
    app.advance(1).await;
    template(&app, "Lease v2.1").await;

    let one = app
        .get("/v1/templates?page[size]=2")
        .await
        .assert(200)
        .clone();
    let names: Vec<&str> = one
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Lease v2.1", "Loan agreement"], "newest first");
    let two = app
        .get("/v1/templates?page[size]=2&page[number]=2")
        .await
        .assert(200)
        .clone();
    assert_eq!(two.as_array().unwrap().len(), 1);
    assert_eq!(two[0]["id"], first["id"]);
    app.get("/v1/templates?page[size]=0")
        .await
        .assert_error(400, "invalid_model");

    let id = first["id"].as_str().unwrap();
    let got = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(got, first);
    let renamed = app
        .patch(
            &format!("/v1/templates/{id}"),
            json!({"name": "NDA 2026", "roles": ["Client", "Bank", "Witness"]}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(renamed["name"], "NDA 2026");
    assert_eq!(renamed["roles"][2], "Witness");
    assert_eq!(
        renamed["fields"], first["fields"],
        "the fields keep their roles"
    );
    let r = app
        .patch(&format!("/v1/templates/{id}"), json!({"roles": ["Client"]}))
        .await;
    r.assert_error(400, "invalid_model");
    assert!(r.field().starts_with("fields["), "{}", r.body);

    // Another tenant does not see it.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            Method::GET,
            &format!("/v1/templates/{id}"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "template_not_found");

    assert_eq!(
        delete(&app, &format!("/v1/templates/{id}")).await.status,
        StatusCode::NO_CONTENT
    );
    let r = app.get(&format!("/v1/templates/{id}")).await;
    r.assert_error(404, "template_not_found");
    assert_eq!(return_code(&r), 88);
    delete(&app, &format!("/v1/templates/{id}"))
        .await
        .assert_error(404, "template_not_found");

    let events: Vec<String> = app
        .event_types()
        .await
        .into_iter()
        .filter(|e| e.starts_with("template."))
        .collect();
    assert_eq!(
        events,
        [
            "template.created",
            "template.created",
            "template.created",
            "template.updated",
            "template.deleted"
        ]
    );
}

#[tokio::test]
async fn template_names_are_checked_with_80_and_unique_with_70() {
    let app = spawn_app().await;
    let long = "x".repeat(101);
    for bad in ["", " NDA", "NDA/2026", "<b>", long.as_str()] {
        let r = app.post("/v1/templates", body(bad)).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), "name", "{bad:?}: {}", r.body);
        assert_eq!(return_code(&r), 80, "{bad:?}: {}", r.body);
    }
    let nda = template(&app, "NDA").await;
    let r = app.post("/v1/templates", body("NDA")).await;
    r.assert_error(409, "template_name_taken");
    assert_eq!(return_code(&r), 70);
    let other = template(&app, "nda@bank_1.0-final").await;
    let r = app
        .patch(
            &format!("/v1/templates/{}", other["id"].as_str().unwrap()),
            json!({"name": "NDA"}),
        )
        .await;
    r.assert_error(409, "template_name_taken");
    assert_eq!(return_code(&r), 70);
    let r = app
        .patch(
            &format!("/v1/templates/{}", nda["id"].as_str().unwrap()),
            json!({"name": "a|b"}),
        )
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(return_code(&r), 80);
    // The same name in another tenant is that tenant's own.
    let key = app.other_tenant("other").await;
    let r = app
        .send(
            Method::POST,
            "/v1/templates",
            Some(&key),
            Some(body("NDA").to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // Roles and fields are checked as a document's: bad positions are 95.
    let mut b = body("Bad place");
    b["fields"][0]["area"]["x"] = json!(0.9);
    let r = app.post("/v1/templates", b).await;
    r.assert_error(422, "field_position_invalid");
    assert_eq!(return_code(&r), 95);
    let mut b = body("Bad role");
    b["fields"][1]["role"] = json!("Notary");
    let r = app.post("/v1/templates", b).await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "fields[1].role");
    let mut b = body("Twice");
    b["roles"] = json!(["Client", "Client"]);
    app.post("/v1/templates", b)
        .await
        .assert_error(400, "invalid_model");
}

#[tokio::test]
async fn the_tenants_template_limit_is_77() {
    let app = spawn_app().await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let limits = TenantLimits {
        templates: 2,
        ..TenantLimits::default()
    };
    app.state
        .store
        .set_tenant_limits(&tenant.id, &limits, app.state.wall_now())
        .await
        .unwrap();
    let a = template(&app, "A").await;
    template(&app, "B").await;
    let r = app.post("/v1/templates", body("C")).await;
    r.assert_error(403, "template_limit_reached");
    assert_eq!(return_code(&r), 77);
    // Both modes count: a live key of the tenant is over the limit too.
    let live = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        Mode::Live,
        app.state.wall_now(),
    )
    .await
    .unwrap();
    let r = app
        .send(
            Method::POST,
            "/v1/templates",
            Some(&live),
            Some(body("C").to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(403, "template_limit_reached");
    delete(
        &app,
        &format!("/v1/templates/{}", a["id"].as_str().unwrap()),
    )
    .await;
    template(&app, "C").await;
    assert_eq!(
        app.get("/v1/templates")
            .await
            .assert(200)
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn an_unreadable_pdf_is_69_and_a_stored_file_gone_is_98() {
    let app = spawn_app().await;
    let mut b = body("Broken");
    b["file"] = json!(b64(b"this is no PDF at all"));
    let r = app.post("/v1/templates", b).await;
    r.assert_error(422, "template_file_invalid");
    assert_eq!(return_code(&r), 69);
    assert!(
        app.get("/v1/templates")
            .await
            .assert(200)
            .as_array()
            .unwrap()
            .is_empty()
    );

    let tpl = template(&app, "Loan").await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let id = signet_core::ids::TemplateId::parse(tpl["id"].as_str().unwrap()).unwrap();
    let row = app
        .state
        .store
        .template(&tenant.id, Mode::Test, &id)
        .await
        .unwrap();
    app.state.blobs.delete(&row.file_key).await.unwrap();
    let r = app
        .post("/v1/documents", from_template(&tpl, json!({})))
        .await;
    r.assert_error(422, "template_failed");
    assert_eq!(return_code(&r), 98);
    // A change that needs the stored file says the same; one that brings a file mends it.
    let path = format!("/v1/templates/{}", id.as_str());
    let r = app
        .patch(&path, json!({"roles": ["Client", "Bank", "Witness"]}))
        .await;
    r.assert_error(422, "template_failed");
    assert_eq!(return_code(&r), 98);
    app.patch(
        &path,
        json!({"file": b64(&sample_pdf("Loan agreement {{plan}}"))}),
    )
    .await
    .assert(200);
    app.post("/v1/documents", from_template(&tpl, json!({})))
        .await
        .assert(201);
}

#[tokio::test]
async fn an_unknown_template_is_88() {
    let app = spawn_app().await;
    let tpl = template(&app, "Loan").await;
    let mut unknown = tpl.clone();
    unknown["id"] = json!(format!("{}tpl", "0".repeat(32)));
    for t in [unknown, json!({"id": "nonsense"})] {
        let r = app
            .post("/v1/documents", from_template(&t, json!({})))
            .await;
        r.assert_error(404, "template_not_found");
        assert_eq!(return_code(&r), 88);
        assert_eq!(r.field(), "template_id", "{}", r.body);
    }
    app.get("/v1/templates/nonsense")
        .await
        .assert_error(404, "template_not_found");
    // Another tenant's template is unknown too.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(&other),
            Some(from_template(&tpl, json!({})).to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(404, "template_not_found");
}

#[tokio::test]
async fn roles_are_taken_once_each_and_values_name_the_templates_fields() {
    let app = spawn_app().await;
    let tpl = template(&app, "Loan").await;
    let mut b = from_template(&tpl, json!({}));
    b["signers"][1]["role"] = json!("Bank");
    let r = app.post("/v1/documents", b).await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "signers[1].role");
    let mut b = from_template(&tpl, json!({}));
    b["signers"][0].as_object_mut().unwrap().remove("role");
    let r = app.post("/v1/documents", b).await;
    assert_eq!(r.field(), "signers[0].role", "{}", r.body);
    let r = app
        .post(
            "/v1/documents",
            from_template(&tpl, json!({"nothing": "x"})),
        )
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "values.nothing");
    let r = app
        .post(
            "/v1/documents",
            from_template(&tpl, json!({"client_sig": "x"})),
        )
        .await;
    assert_eq!(r.field(), "values.client_sig", "{}", r.body);
    let mut b = from_template(&tpl, json!({}));
    b["file"] = json!(b64(&sample_pdf("x")));
    let r = app.post("/v1/documents", b).await;
    assert_eq!(r.field(), "file", "{}", r.body);
    // A role without a template.
    let r = app
        .post(
            "/v1/documents",
            json!({"name": "x", "file": b64(&sample_pdf("x")),
                   "signers": [{"name": "Ana Silva", "email": "ana@example.com", "role": "Client"}]}),
        )
        .await;
    assert_eq!(r.field(), "signers[0].role", "{}", r.body);
}

#[tokio::test]
async fn a_draft_is_94_until_a_reviewer_approves_it_in_the_back_office() {
    let app = spawn_app().await;
    let setting = put(
        &app,
        "/v1/settings/template_review",
        json!({"require_template_review": true}),
    )
    .await
    .assert(200)
    .clone();
    assert_eq!(setting["require_template_review"], true);
    assert_eq!(
        app.get("/v1/settings/template_review").await.assert(200)["require_template_review"],
        true
    );
    let tpl = template(&app, "Loan").await;
    assert_eq!(tpl["status"], "draft");
    assert!(tpl["reviewed_at"].is_null());
    let r = app
        .post("/v1/documents", from_template(&tpl, json!({})))
        .await;
    r.assert_error(422, "template_not_approved");
    assert_eq!(return_code(&r), 94);

    operator(&app).await;
    let cookie = sign_in(&app).await;
    let queue = page(&app, "/admin/templates", Some(&cookie)).await;
    assert_eq!(queue.status, StatusCode::OK);
    let id = tpl["id"].as_str().unwrap();
    let queued = format!("class=\"admin-template\" data-template=\"{id}\"");
    let listed = format!("class=\"admin-any-template\" data-template=\"{id}\"");
    assert_eq!(queue.count(&queued), 1, "{}", queue.text);
    // Also in the list of every template, whatever its status.
    assert_eq!(queue.count(&listed), 1, "{}", queue.text);
    assert!(queue.text.contains("Loan"));
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let approve = format!("/admin/templates/{}/test/{id}/approve", tenant.id.as_str());
    // Without the session's CSRF token nothing is approved.
    let r = post_form(&app, &approve, Some(&cookie), form(&[("csrf", "x")])).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(
        &app,
        &approve,
        Some(&cookie),
        form(&[("csrf", &queue.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let queue = page(&app, "/admin/templates", Some(&cookie)).await;
    assert_eq!(queue.count("class=\"admin-template\""), 0, "{}", queue.text);
    // Approved, it is still listed with its editor.
    assert_eq!(queue.count(&listed), 1, "{}", queue.text);
    assert!(
        queue.text.contains(&format!(
            "/admin/templates/{}/test/{id}/edit",
            tenant.id.as_str()
        )),
        "{}",
        queue.text
    );

    let now = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(now["status"], "approved");
    assert!(now["reviewed_at"].is_string());
    app.post("/v1/documents", from_template(&tpl, json!({})))
        .await
        .assert(201);
    // A change of its fields puts it back in review; a new name alone does not.
    let renamed = app
        .patch(&format!("/v1/templates/{id}"), json!({"name": "Loan 2"}))
        .await
        .assert(200)
        .clone();
    assert_eq!(renamed["status"], "approved");
    let moved = app
        .patch(
            &format!("/v1/templates/{id}"),
            json!({"fields": [{"name": "client_sig", "type": "signature", "role": "Client",
                               "area": {"page": 1, "x": 0.1, "y": 0.1, "w": 0.3, "h": 0.08}}]}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(moved["status"], "draft");
    let r = app
        .post("/v1/documents", from_template(&tpl, json!({})))
        .await;
    assert_eq!(return_code(&r), 94);
    let updates = app
        .event_types()
        .await
        .into_iter()
        .filter(|e| e == "template.updated")
        .count();
    assert_eq!(updates, 3, "approval, rename and change");
}

/// A form field's value in the PDF (`/V`), by the field's name (`/T`), as text.
fn acroform_text(pdf: &[u8], name: &str) -> Option<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    for (_, obj) in doc.objects.iter() {
        let Ok(d) = obj.as_dict() else { continue };
        let Ok(t) = d.get(b"T").and_then(lopdf::Object::as_str) else {
            continue;
        };
        if t != name.as_bytes() {
            continue;
        }
        let v = match d.get(b"V") {
            Ok(lopdf::Object::Reference(r)) => doc.get_object(*r).unwrap().clone(),
            Ok(v) => v.clone(),
            Err(_) => continue,
        };
        if let lopdf::Object::String(..) = v {
            return Some(lopdf::decode_text_string(&v).unwrap());
        }
    }
    None
}

#[tokio::test]
async fn a_document_from_a_template_maps_roles_and_locks_prefilled_values_into_the_signed_pdf() {
    let app = spawn_app().await;
    let tpl = template(&app, "Loan").await;
    let doc = app
        .post(
            "/v1/documents",
            from_template(&tpl, json!({"plan": "Premium"})),
        )
        .await
        .assert(201)
        .clone();
    let field = |d: &Value, n: &str| -> Value {
        d["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == n)
            .unwrap_or_else(|| panic!("{n}: {d}"))
            .clone()
    };
    // The bank's signer is signers[0], the client's signers[1].
    assert_eq!(field(&doc, "bank_sig")["signer"], 0);
    assert_eq!(field(&doc, "reference")["signer"], 0);
    assert_eq!(field(&doc, "client_sig")["signer"], 1);
    let plan = field(&doc, "plan");
    assert_eq!(plan["signer"], 1);
    assert_eq!(plan["value"], "Premium");
    assert_eq!(plan["readonly"], true);
    assert_eq!(
        plan["area"],
        field(&tpl, "plan")["area"],
        "placed where the template has it"
    );

    // The client cannot change the prefilled plan.
    let r = app
        .post(
            &signer_path(&doc, 1, "approve"),
            json!({"values": {"plan": "Basic"}}),
        )
        .await;
    r.assert_error(422, "field_values_invalid");
    for (i, values) in [(0, json!({"reference": "B-17"})), (1, json!({}))] {
        app.post(&signer_path(&doc, i, "approve"), json!({"values": values}))
            .await
            .assert(200);
        app.post(&signer_path(&doc, i, "confirm"), json!({"otp": "123456"}))
            .await
            .assert(200);
    }
    let now = document(&app, &doc).await;
    assert_eq!(now["status"], "finished", "{now}");
    let pdf = app
        .get(&format!(
            "/v1/documents/{}/file",
            doc["id"].as_str().unwrap()
        ))
        .await
        .bytes;
    assert_eq!(acroform_text(&pdf, "plan").as_deref(), Some("Premium"));
    assert_eq!(acroform_text(&pdf, "reference").as_deref(), Some("B-17"));
    // The template is unchanged, and still sends documents.
    app.post("/v1/documents", from_template(&tpl, json!({})))
        .await
        .assert(201);
}

#[tokio::test]
async fn a_template_can_be_sent_as_multipart_and_documents_from_it_take_no_file() {
    let app = spawn_app().await;
    let pdf = sample_pdf("Loan agreement {{plan}}");
    let mut data = body("Multipart");
    data.as_object_mut().unwrap().remove("file");
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone())
                .file_name("loan.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("data", data.to_string());
    let resp = app
        .client
        .post(app.url("/v1/templates"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let tpl: Value = resp.json().await.unwrap();
    use sha2::Digest;
    assert_eq!(tpl["sha256"], hex::encode(sha2::Sha256::digest(&pdf)));
    assert_eq!(tpl["fields"].as_array().unwrap().len(), 4);
    // Without a file part the template is refused; a document from it sends none.
    let form = reqwest::multipart::Form::new().text("data", data.to_string());
    let resp = app
        .client
        .post(app.url("/v1/templates"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let form = reqwest::multipart::Form::new().text(
        "data",
        from_template(&tpl, json!({"plan": "Basic"})).to_string(),
    );
    let resp = app
        .client
        .post(app.url("/v1/documents"))
        .bearer_auth(&app.key)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
}

/// A backup copies each template's file and `signet check` verifies its hash: the file is
/// in the inventory of what the rows refer to, and is still referenced while the template is.
#[tokio::test]
async fn a_templates_file_is_in_the_backup_inventory() {
    let app = spawn_app().await;
    let tpl = template(&app, "Loan").await;
    let inventory = app.state.store.inventory().await.unwrap();
    let file = inventory
        .files
        .iter()
        .find(|f| f.owner == format!("template {}'s file", tpl["id"].as_str().unwrap()))
        .expect("the template's file");
    assert_eq!(file.sha256, tpl["sha256"].as_str().unwrap());
    assert_eq!(file.size, tpl["size"].as_u64());
    assert!(inventory.owns(&file.key));
    assert!(
        app.state
            .store
            .person_file_row_exists(&file.key)
            .await
            .unwrap()
    );
    let key = file.key.clone();
    delete(
        &app,
        &format!("/v1/templates/{}", tpl["id"].as_str().unwrap()),
    )
    .await;
    assert!(!app.state.store.person_file_row_exists(&key).await.unwrap());
}

#[tokio::test]
async fn templates_created_at_once_stop_exactly_at_the_limit() {
    let app = spawn_app().await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let limits = TenantLimits {
        templates: 3,
        ..TenantLimits::default()
    };
    app.state
        .store
        .set_tenant_limits(&tenant.id, &limits, app.state.wall_now())
        .await
        .unwrap();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..8 {
        let request = app
            .client
            .post(app.url("/v1/templates"))
            .bearer_auth(&app.key)
            .json(&body(&format!("T{i}")));
        set.spawn(async move {
            let r = request.send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap())
        });
    }
    let replies = set.join_all().await;
    let created = replies.iter().filter(|(s, _)| *s == 201).count();
    assert_eq!(created, 3, "{replies:?}");
    for (status, body) in replies.iter().filter(|(s, _)| *s != 201) {
        assert_eq!(*status, 403, "{body}");
        assert_eq!(
            body["errors"][0]["code"], "template_limit_reached",
            "{body}"
        );
    }
}

/// A changed template's earlier file goes at once; a file no template points at (a request
/// that failed after storing it) is swept after the grace period, the current one is kept.
#[tokio::test]
async fn a_changed_templates_earlier_file_goes_and_orphans_are_swept() {
    let app = spawn_app().await;
    let tpl = template(&app, "Loan").await;
    let id = tpl["id"].as_str().unwrap();
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let tid = signet_core::ids::TemplateId::parse(id).unwrap();
    let key = |app: &TestApp| {
        let (store, tenant, tid) = (app.state.store.clone(), tenant.id.clone(), tid.clone());
        async move {
            store
                .template(&tenant, Mode::Test, &tid)
                .await
                .unwrap()
                .file_key
        }
    };
    let first = key(&app).await;
    let changed = app
        .patch(
            &format!("/v1/templates/{id}"),
            json!({"file": b64(&sample_pdf("Loan agreement, second edition {{plan}}"))}),
        )
        .await
        .assert(200)
        .clone();
    assert_ne!(changed["sha256"], tpl["sha256"]);
    let second = key(&app).await;
    assert_ne!(first, second);
    assert!(
        app.state.blobs.get(&first).await.is_err(),
        "the earlier file is gone"
    );
    let orphan = format!("{}/templates/{id}/00000000000000ff.pdf", tenant.id.as_str());
    app.state.blobs.put(&orphan, b"left over").await.unwrap();
    let later = app.state.wall_now() + chrono::Duration::hours(25);
    signet_server::sweeper::sweep(&app.state, later)
        .await
        .unwrap();
    assert!(
        app.state.blobs.get(&orphan).await.is_err(),
        "the orphan is swept"
    );
    assert!(
        app.state.blobs.get(&second).await.is_ok(),
        "the template's file is kept"
    );
    app.post("/v1/documents", from_template(&changed, json!({})))
        .await
        .assert(201);
}

#[tokio::test]
async fn the_back_office_editor_saves_through_the_apis_checks() {
    let app = spawn_app().await;
    let tpl = template(&app, "Edited").await;
    let id = tpl["id"].as_str().unwrap();
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let base = format!("/admin/templates/{}/test/{id}", tenant.id.as_str());
    // Without a session the editor leads to the sign-in form.
    let r = page(&app, &format!("{base}/edit"), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    operator(&app).await;
    let cookie = sign_in(&app).await;
    let editor = page(&app, &format!("{base}/edit"), Some(&cookie)).await;
    assert_eq!(editor.status, StatusCode::OK, "{}", editor.text);
    assert!(editor.text.contains("/assets/editor.js"));
    let png = page(&app, &format!("{base}/pages/1"), Some(&cookie)).await;
    assert_eq!(png.status, StatusCode::OK);
    assert_eq!(png.headers["content-type"], "image/png");
    let none = page(&app, &format!("{base}/pages/99"), Some(&cookie)).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    let save = |csrf: String, body: Value| {
        let app = &app;
        let cookie = cookie.clone();
        let url = app.url(&format!("{base}/edit"));
        async move {
            crate::backoffice::read(
                app.client
                    .post(url)
                    .header("cookie", cookie)
                    .header("x-csrf-token", csrf)
                    .json(&body)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let field = |x: f64| {
        json!({"name": "plan", "type": "text", "role": "Client", "required": true,
               "area": {"page": 1, "x": x, "y": 0.1, "w": 0.3, "h": 0.05}})
    };
    // Without the session's CSRF token nothing is saved.
    let r = save("x".into(), json!({"fields": [field(0.1)]})).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Off the page: the API's 95, naming the field.
    let r = save(editor.csrf(), json!({"fields": [field(0.9)]})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("field_position_invalid"), "{}", r.text);
    // Saved: the answer is what GET /v1/templates/{id} returns.
    let r = save(editor.csrf(), json!({"fields": [field(0.1)]})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let saved: Value = serde_json::from_str(&r.text).unwrap();
    let now = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(saved, now);
    assert_eq!(now["fields"][0]["name"], "plan");

    // A new template whose file is no PDF: the form again, with the API's 69.
    let parts = reqwest::multipart::Form::new()
        .text("csrf", editor.csrf())
        .text("tenant", "default")
        .text("mode", "test")
        .text("name", "Not a PDF")
        .text("roles", "Client")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"hello".to_vec()).file_name("x.pdf"),
        );
    let r = crate::backoffice::read(
        app.client
            .post(app.url("/admin/templates/new"))
            .header("cookie", cookie.clone())
            .multipart(parts)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("template_file_invalid, 69"), "{}", r.text);
    assert!(r.text.contains("Not a PDF"), "{}", r.text);
}
