use crate::helpers::spawn_app;
use serde_json::{Value, json};

/// Every field of seed 002's person response example.
const SEED_002_FIELDS: &[&str] = &[
    "id",
    "salutation",
    "title",
    "first_name",
    "last_name",
    "address",
    "contact_address",
    "email",
    "mobile_number",
    "birth_name",
    "birth_date",
    "birth_city",
    "birth_country",
    "nationality",
    "employment_status",
    "job_title",
    "tax_information",
    "fatca_relevant",
    "fatca_crs_confirmed_at",
    "business_purpose",
    "industry",
    "industry_key",
    "terms_conditions_signed_at",
    "own_economic_interest_signed_at",
    "aml_follow_up_date",
    "aml_confirmed_on",
    "flagged_by_compliance",
    "expected_monthly_revenue_cents",
    "vat_number",
    "website_social_media",
    "business_trading_name",
    "nace_code",
    "business_address_line_1",
    "business_address_line_2",
    "business_postal_code",
    "business_city",
    "business_country",
    "business_state",
    "screening_progress",
    "risk_classification_status",
    "customer_vetting_status",
    "annual_income_range",
    "data_terms_signed_at",
    "branch",
    "birth_province",
    "birth_post_code",
    "socioprofessional_category",
    "purpose_of_account_opening",
    "main_income_source",
    "work_country",
    "work_province",
    "self_declared_as_pep",
    "international_operativity_expectation",
    "registration_number",
    "legitimation_valid_until",
];

fn seed_002_request() -> Value {
    json!({
      "salutation": "MS",
      "first_name": "Jane",
      "last_name": "Doe",
      "address": {"line_1": "Amrumerstrasse", "line_2": "14", "postal_code": "13353", "city": "Berlin", "country": "DE"},
      "mobile_number": "+49301234567",
      "birth_date": "1992-12-11",
      "nationality": "DE",
      "terms_conditions_signed_at": "2022-01-01T00:00:00.000Z",
      "data_terms_signed_at": "2022-01-01T00:00:00.000Z"
    })
}

#[tokio::test]
async fn creating_seed_002s_example_person_returns_every_field_of_its_response() {
    let app = spawn_app().await;
    let p = app.person(seed_002_request()).await;
    for f in SEED_002_FIELDS {
        assert!(p.get(*f).is_some(), "missing field {f}: {p}");
    }
    assert!(p["id"].as_str().unwrap().ends_with("cper"));
    assert_eq!(p["address"]["state"], Value::Null);
    assert_eq!(p["contact_address"]["line_1"], Value::Null);
    assert_eq!(p["tax_information"]["marital_status"], Value::Null);
    assert_eq!(p["screening_progress"], "NOT_SCREENED");
    assert_eq!(p["risk_classification_status"], "NOT_SCORED");
    assert_eq!(p["customer_vetting_status"], "NOT_VETTED");
    assert_eq!(p["flagged_by_compliance"], false);
    assert_eq!(p["international_operativity_expectation"], json!([]));
    assert_eq!(p["terms_conditions_signed_at"], "2022-01-01T00:00:00.000Z");
    let got = app
        .get(&format!("/v1/persons/{}", p["id"].as_str().unwrap()))
        .await;
    assert_eq!(got.assert(200), &p);
    assert_eq!(app.event_types().await, vec!["person.created"]);
}

#[tokio::test]
async fn only_first_and_last_name_are_required() {
    let app = spawn_app().await;
    app.person(json!({"first_name": "X-MANUALTEST-HAPPYPATH", "last_name": "Smith"}))
        .await;
    let r = app.post("/v1/persons", json!({"first_name": "Jane"})).await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "last_name");
    let r = app
        .post(
            "/v1/persons",
            json!({"last_name": "Doe", "first_name": null}),
        )
        .await;
    assert_eq!(r.field(), "first_name");
}

#[tokio::test]
async fn names_follow_seed_002s_sanitisation_rules() {
    let app = spawn_app().await;
    for ok in [
        "Zoë", "O'Brien", "Jean-Luc", "St. John", "Иван", "محمد", "李",
    ] {
        app.person(json!({"first_name": ok, "last_name": "Doe"}))
            .await;
    }
    for bad in [" Jane", "J4ne", "Jane😀", "Jane@home", &"a".repeat(51)] {
        let r = app
            .post(
                "/v1/persons",
                json!({"first_name": bad, "last_name": "Doe"}),
            )
            .await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), "first_name", "{bad:?}: {}", r.body);
    }
}

#[tokio::test]
async fn field_rules_are_400_invalid_model_naming_each_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({"nationality": "XX"}), "nationality"),
        (json!({"nationality": "de"}), "nationality"),
        (
            json!({"address": {"country": "Germany"}}),
            "address.country",
        ),
        (json!({"address": {"colour": "red"}}), "address.colour"),
        (json!({"mobile_number": "030 1234567"}), "mobile_number"),
        (json!({"mobile_number": "+4930"}), "mobile_number"),
        (json!({"birth_date": "11.12.1992"}), "birth_date"),
        (json!({"birth_date": "2999-01-01"}), "birth_date"),
        (
            json!({"terms_conditions_signed_at": "2022-01-01T02:00:00+02:00"}),
            "terms_conditions_signed_at",
        ),
        (
            json!({"data_terms_signed_at": "yesterday"}),
            "data_terms_signed_at",
        ),
        (
            json!({"aml_confirmed_on": "2020-01-01"}),
            "aml_confirmed_on",
        ),
        (json!({"email": "not-an-email"}), "email"),
        (json!({"salutation": "SIR"}), "salutation"),
        (json!({"fatca_relevant": "yes"}), "fatca_relevant"),
        (
            json!({"expected_monthly_revenue_cents": -5}),
            "expected_monthly_revenue_cents",
        ),
        (json!({"first_name_typo": "x"}), "first_name_typo"),
        (
            json!({"screening_progress": "SCREENED_ACCEPTED"}),
            "screening_progress",
        ),
        (json!({"id": "7cf09c3c5547b974a664201f24b454eecper"}), "id"),
        (json!({"employment_status": "FREELANCER"}), "nace_code"),
    ];
    for (extra, field) in cases {
        let mut body = json!({"first_name": "Jane", "last_name": "Doe"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let r = app.post("/v1/persons", body.clone()).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), field, "{body}: {}", r.body);
        assert_eq!(r.body["errors"][0]["title"], "Invalid Model");
    }
    // Nothing was stored by any refused request.
    assert_eq!(
        app.get("/v1/persons")
            .await
            .assert(200)
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn aml_confirmed_on_accepts_today_and_tomorrow_on_the_tenant_clock() {
    let app = spawn_app().await;
    app.advance(3 * 24 * 3600).await;
    let clock = app.get("/v1/sandbox/clock").await;
    let today = chrono::DateTime::parse_from_rfc3339(clock.body["now"].as_str().unwrap())
        .unwrap()
        .date_naive();
    let p = app.person(json!({"first_name": "Jane", "last_name": "Doe", "aml_confirmed_on": today.to_string()})).await;
    let id = p["id"].as_str().unwrap();
    let tomorrow = today.succ_opt().unwrap();
    app.patch(
        &format!("/v1/persons/{id}"),
        json!({"aml_confirmed_on": tomorrow.to_string()}),
    )
    .await
    .assert(200);
    let wall_today = chrono::Utc::now().date_naive();
    let r = app
        .patch(
            &format!("/v1/persons/{id}"),
            json!({"aml_confirmed_on": wall_today.to_string()}),
        )
        .await;
    r.assert_error(400, "invalid_model");
}

#[tokio::test]
async fn freelancers_need_a_nace_code_or_industry_set_to_null() {
    let app = spawn_app().await;
    let p = app.person(json!({"first_name": "Jane", "last_name": "Doe", "industry": "IT", "industry_key": "X"})).await;
    let id = p["id"].as_str().unwrap();
    let r = app
        .patch(
            &format!("/v1/persons/{id}"),
            json!({"employment_status": "SELF_EMPLOYED"}),
        )
        .await;
    assert_eq!(r.field(), "nace_code");
    let ok = app
        .patch(
            &format!("/v1/persons/{id}"),
            json!({"employment_status": "SELF_EMPLOYED", "nace_code": "62.01"}),
        )
        .await;
    assert_eq!(ok.assert(200)["nace_code"], "62.01");
    let ok = app
        .patch(
            &format!("/v1/persons/{id}"),
            json!({"employment_status": "FREELANCER", "industry": null, "industry_key": null}),
        )
        .await;
    assert_eq!(ok.assert(200)["industry"], Value::Null);
}

#[tokio::test]
async fn patch_accepts_only_seed_002s_updatable_fields() {
    let app = spawn_app().await;
    let p = app.person(seed_002_request()).await;
    let id = p["id"].as_str().unwrap();
    let r = app
        .patch(&format!("/v1/persons/{id}"), json!({"email": "jane@example.com", "address": {"line_2": "15"}, "tax_information": {"marital_status": "SINGLE"}}))
        .await;
    let b = r.assert(200);
    assert_eq!(b["email"], "jane@example.com");
    assert_eq!(b["address"]["line_2"], "15");
    assert_eq!(
        b["address"]["line_1"], "Amrumerstrasse",
        "a partial address keeps the rest"
    );
    assert_eq!(b["tax_information"]["marital_status"], "SINGLE");
    for (field, value) in [
        ("first_name", json!("Janet")),
        ("birth_date", json!("1990-01-01")),
        ("nationality", json!("FR")),
        ("flagged_by_compliance", json!(true)),
        ("favourite_colour", json!("red")),
    ] {
        let r = app
            .patch(&format!("/v1/persons/{id}"), json!({ field: value }))
            .await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), field);
    }
    let after = app.get(&format!("/v1/persons/{id}")).await;
    assert_eq!(after.body["first_name"], "Jane");
    assert_eq!(
        app.event_types().await,
        vec!["person.created", "person.updated"]
    );
}

#[tokio::test]
async fn a_tenant_may_restrict_residency_countries_and_the_error_lists_them() {
    let app = spawn_app().await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    app.state
        .store
        .set_residency_countries(&tenant.id, Some(&["DE".to_owned(), "FR".to_owned()]))
        .await
        .unwrap();
    // The key's tenant is read per request, so the setting applies at once.
    let r = app
        .post(
            "/v1/persons",
            json!({"first_name": "Jane", "last_name": "Doe", "address": {"country": "IT"}}),
        )
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "country");
    assert!(
        r.body["errors"][0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains(r#"["DE", "FR"]"#),
        "{}",
        r.body
    );
    app.person(json!({"first_name": "Jane", "last_name": "Doe", "address": {"country": "FR"}}))
        .await;
}

#[tokio::test]
async fn more_than_1000_identical_persons_is_refused_in_test_mode() {
    let app = spawn_app().await;
    let body = json!({"first_name": "Max", "last_name": "Mustermann", "birth_city": "Berlin", "birth_date": "1980-01-01"});
    // Fill up to the limit directly (1000 HTTP calls would only slow the suite).
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let ctx = signet_core::person::WriteContext {
        today: chrono::Utc::now().date_naive(),
        allowed_residency_countries: None,
    };
    let now = chrono::Utc::now();
    let mut tx = app.state.store.begin().await.unwrap();
    for _ in 0..1000 {
        let id = signet_core::ids::PersonId::from_random(signet_server::state::random16());
        let p =
            signet_core::person::Person::create(id.as_str(), body.as_object().unwrap(), &ctx, &now)
                .unwrap();
        app.state
            .store
            .insert_person(&mut tx, &tenant.id, signet_store::Mode::Test, &p, now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let r = app.post("/v1/persons", body.clone()).await;
    assert_eq!(r.status.as_u16(), 400, "{}", r.body);
    assert_eq!(r.code(), "duplicate_person_limit");
    let mut other = body;
    other["birth_city"] = json!("Hamburg");
    app.person(other).await;
}

#[tokio::test]
async fn persons_list_in_pages() {
    let app = spawn_app().await;
    for i in 0..5 {
        app.person(json!({"first_name": "Jane", "last_name": format!("Doe{}", "x".repeat(i))}))
            .await;
    }
    let page1 = app.get("/v1/persons?page[size]=2&page[number]=1").await;
    let page3 = app
        .get("/v1/persons?page%5Bsize%5D=2&page%5Bnumber%5D=3")
        .await;
    assert_eq!(page1.assert(200).as_array().unwrap().len(), 2);
    assert_eq!(page3.assert(200).as_array().unwrap().len(), 1);
    app.get("/v1/persons?page[size]=0")
        .await
        .assert_error(400, "invalid_model");
    app.get("/v1/persons?page[size]=abc")
        .await
        .assert_error(400, "invalid_model");
}

#[tokio::test]
async fn another_tenants_person_is_not_found_and_untouched() {
    let app = spawn_app().await;
    let p = app
        .person(json!({"first_name": "Jane", "last_name": "Doe"}))
        .await;
    let id = p["id"].as_str().unwrap();
    let other = app.other_tenant("acme").await;
    let get = app
        .send(
            reqwest::Method::GET,
            &format!("/v1/persons/{id}"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    get.assert_error(404, "not_found");
    let patch = app
        .send(
            reqwest::Method::PATCH,
            &format!("/v1/persons/{id}"),
            Some(&other),
            Some(br#"{"email":"x@example.com"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    patch.assert_error(404, "not_found");
    assert_eq!(
        app.get(&format!("/v1/persons/{id}")).await.body["email"],
        Value::Null
    );
    let list = app
        .send(
            reqwest::Method::GET,
            "/v1/persons",
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(list.assert(200), &json!([]));
}
