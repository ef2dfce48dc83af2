//! The review of `document` identifications: the queue on the dashboard, one case with the
//! person on record beside what the applicant gave (images, the machine-readable zone, the
//! findings of Signet's checks), and the decision: approve, or decline with a reason of
//! seed 002's table (a permanent reason fails the identification, any other cancels it so
//! the applicant can start again). Opening a case and fetching one of its images are on the
//! person's access trail (`identification.viewed`, `identification.image_viewed` with the
//! image's kind), written before anything is shown: a view that cannot be recorded is not
//! shown.

use super::{Bar, LANG, Section, failure, format_time, messages, signed_in, signed_in_form};
use crate::extract::ClientMeta;
use crate::pages::{Lang, Messages, secure};
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router, routing::get, routing::post};
use serde::Deserialize;
use signet_app::access_audit::{self, IDENTIFICATION_IMAGE_VIEWED, IDENTIFICATION_VIEWED};
use signet_app::error::AppError;
use signet_app::signers::{Acting, By};
use signet_app::state::AppState;
use signet_core::catalog::IdentificationReason;
use signet_core::identification::{Finding, FraudFinding, Review};
use signet_core::ids::{IdentificationId, PersonDocumentId};
use signet_core::mrz::Mrz;
use signet_store::{OperatorSession, QueuedIdentification, StoreError};

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/identifications/{id}", get(case))
        .route("/admin/identifications/{id}/images/{slot}", get(image))
        .route("/admin/identifications/{id}/decision", post(decide))
        .route("/admin/identifications/{id}/fraud", post(find_fraudulent))
}

fn person_name(q: &QueuedIdentification) -> String {
    format!("{} {}", q.person.first_name(), q.person.last_name())
        .trim()
        .to_owned()
}

/// One line of the dashboard's queue (`admin/identification_item.html`).
pub(super) struct QueueItem<'a> {
    pub(super) id: &'a str,
    pub(super) tenant: &'a str,
    pub(super) mode: &'static str,
    pub(super) status: &'static str,
    pub(super) name: String,
    pub(super) kind: &'static str,
    pub(super) submitted: String,
    pub(super) findings: String,
}

impl<'a> QueueItem<'a> {
    pub(super) fn new(q: &'a QueuedIdentification) -> QueueItem<'a> {
        let i = &q.identification;
        let severe = i.capture.findings.iter().filter(|f| f.severe).count();
        QueueItem {
            id: i.id.as_str(),
            tenant: &q.tenant_name,
            mode: q.mode.as_str(),
            status: i.status.as_str(),
            name: person_name(q),
            kind: i
                .capture
                .document_kind
                .map(|k| k.as_str())
                .unwrap_or("no document"),
            submitted: i
                .capture
                .submitted_at
                .as_ref()
                .map(format_time)
                .unwrap_or_default(),
            findings: if i.capture.findings.is_empty() {
                "no findings".to_owned()
            } else {
                format!("{} finding(s), {severe} severe", i.capture.findings.len())
            },
        }
    }
}

/// Seed 002's reasons by category, in the table's order.
fn reasons_by_category() -> Vec<(&'static str, Vec<IdentificationReason>)> {
    let mut out: Vec<(&'static str, Vec<IdentificationReason>)> = Vec::new();
    for r in IdentificationReason::ALL {
        match out.last_mut() {
            Some((category, reasons)) if *category == r.category() => reasons.push(*r),
            _ => out.push((r.category(), vec![*r])),
        }
    }
    out
}

/// The zone's fields, or why it does not parse.
fn mrz_data(text: &str, today: chrono::NaiveDate) -> Result<Vec<(&'static str, String)>, String> {
    let m = Mrz::parse(text, today).map_err(|e| e.to_string())?;
    let date =
        |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let checks = if m.all_checks_pass() {
        "all correct"
    } else {
        "WRONG"
    };
    Ok(vec![
        ("Document code", m.document_code.clone()),
        ("Issuing state", m.issuing_state.clone()),
        ("Surname", m.surname.clone()),
        ("Given names", m.given_names.clone()),
        ("Document number", m.document_number.clone()),
        ("Nationality", m.nationality.clone()),
        ("Birth date", date(m.birth_date)),
        ("Expiry date", date(m.expiry_date)),
        ("Check digits", checks.to_owned()),
    ])
}

#[derive(askama::Template)]
#[template(path = "admin/identification.html")]
struct CasePage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    error: Option<&'a str>,
    id: &'a str,
    tenant: &'a str,
    mode: &'static str,
    reference: &'a str,
    status: &'static str,
    /// The person on record: label and value.
    person: Vec<(&'static str, String)>,
    document_kind: &'static str,
    mrz: Option<&'a str>,
    mrz_data: Result<Vec<(&'static str, String)>, String>,
    findings: &'a [Finding],
    /// The images the applicant gave: slot and label.
    images: Vec<(&'static str, &'static str)>,
    /// The case waits for a decision.
    awaiting: bool,
    reasons: Vec<(&'static str, Vec<IdentificationReason>)>,
    review: Option<&'a Review>,
    decided_at: String,
    /// Found fraudulent after it succeeded.
    fraud: Option<&'a FraudFinding>,
    fraud_at: String,
}

fn case_page(
    s: &OperatorSession,
    q: &QueuedIdentification,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    let i = &q.identification;
    let c = &i.capture;
    let p = &q.person;
    let address = p
        .as_json()
        .get("address")
        .and_then(|a| a.as_object())
        .map(|a| {
            ["line_1", "line_2", "postal_code", "city", "country"]
                .iter()
                .filter_map(|k| a.get(*k).and_then(|v| v.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let or_dash = |v: Option<&str>| v.unwrap_or("—").to_owned();
    let person = vec![
        ("Name", person_name(q)),
        ("Birth date", or_dash(p.str_field("birth_date"))),
        ("Nationality", or_dash(p.str_field("nationality"))),
        (
            "Address",
            or_dash(Some(&address).filter(|a| !a.is_empty()).map(|a| a.as_str())),
        ),
        ("Verified mobile", or_dash(c.phone_verified.as_deref())),
        (
            "Consent",
            c.data_processing_consented_at
                .as_ref()
                .map(|t| format!("terms and data processing, {}", format_time(t)))
                .unwrap_or_else(|| "—".into()),
        ),
    ];
    // Century inference and expiry as of the submission, as the checks ran then.
    let today = c.submitted_at.unwrap_or(i.updated_at).date_naive();
    let page = CasePage {
        lang: LANG,
        m: messages(),
        title: "Identification · Signet back office",
        bar: Bar::new(s, Section::Queues),
        error,
        id: i.id.as_str(),
        tenant: &q.tenant_name,
        mode: q.mode.as_str(),
        reference: i.reference.as_deref().unwrap_or("—"),
        status: i.status.as_str(),
        person,
        document_kind: c.document_kind.map(|k| k.as_str()).unwrap_or("not chosen"),
        mrz: c.mrz.as_deref(),
        mrz_data: c
            .mrz
            .as_deref()
            .map_or(Ok(Vec::new()), |text| mrz_data(text, today)),
        findings: &c.findings,
        images: [
            ("front", c.front.is_some(), "Front"),
            ("back", c.back.is_some(), "Back"),
            ("selfie", c.selfie.is_some(), "Selfie"),
        ]
        .into_iter()
        .filter(|(_, have, _)| *have)
        .map(|(slot, _, label)| (slot, label))
        .collect(),
        awaiting: i.awaiting_review_since().is_some(),
        reasons: reasons_by_category(),
        review: c.review.as_ref(),
        decided_at: c
            .review
            .as_ref()
            .map(|r| format_time(&r.at))
            .unwrap_or_default(),
        fraud: i.fraud.as_ref(),
        fraud_at: i
            .fraud
            .as_ref()
            .map(|f| format_time(&f.at))
            .unwrap_or_default(),
    };
    super::super::render(status, &page)
}

async fn load(state: &AppState, id: &str) -> Result<QueuedIdentification, AppError> {
    let id = IdentificationId::parse(id).ok_or_else(|| AppError::not_found("identification"))?;
    state
        .store
        .queued_identification(&id)
        .await
        .map_err(|e| AppError::unless_found(e, "identification"))
}

/// Puts an operator's view of the case's person on their access trail.
async fn record_view(
    state: &AppState,
    s: &OperatorSession,
    meta: &ClientMeta,
    q: &QueuedIdentification,
    action: &str,
    details: serde_json::Value,
) -> Result<(), AppError> {
    let actor = Acting {
        by: By::Operator(s.operator.email.clone()),
        ip: meta.ip.clone(),
        user_agent: meta.user_agent.clone(),
    }
    .actor(None);
    access_audit::record_at(
        state,
        &q.tenant_id,
        q.mode,
        &q.identification.person_id,
        &actor,
        action,
        details,
    )
    .await
    .map(|_| ())
}

/// `GET /admin/identifications/{id}`: one case.
pub async fn case(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path(id): Path<String>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let q = match load(&state, &id).await {
        Ok(q) => q,
        Err(e) => return failure(&e),
    };
    let details = serde_json::json!({ "identification_id": q.identification.id.as_str() });
    if let Err(e) = record_view(&state, &s, &meta, &q, IDENTIFICATION_VIEWED, details).await {
        return failure(&e);
    }
    case_page(&s, &q, None, StatusCode::OK)
}

/// `GET /admin/identifications/{id}/images/{slot}`: an image of the case, to operators only.
pub async fn image(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: ClientMeta,
    Path((id, slot)): Path<(String, String)>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let q = match load(&state, &id).await {
        Ok(q) => q,
        Err(e) => return failure(&e),
    };
    let c = &q.identification.capture;
    let doc = match slot.as_str() {
        "front" => c.front.as_deref(),
        "back" => c.back.as_deref(),
        "selfie" => c.selfie.as_deref(),
        _ => None,
    };
    let Some(doc_id) = doc.and_then(PersonDocumentId::parse) else {
        return failure(&AppError::not_found("image"));
    };
    let row = match state
        .store
        .person_document(&q.tenant_id, q.mode, &q.identification.person_id, &doc_id)
        .await
    {
        Ok(r) => r,
        Err(StoreError::NotFound) => return failure(&AppError::not_found("image")),
        Err(e) => return failure(&AppError::from(e)),
    };
    let bytes = match state.blobs.get(&row.blob_key).await {
        Ok(b) => b,
        Err(e) => return failure(&AppError::internal(&e)),
    };
    let details = serde_json::json!({
        "identification_id": q.identification.id.as_str(),
        "kind": slot,
        "person_document_id": row.id.as_str(),
    });
    if let Err(e) = record_view(&state, &s, &meta, &q, IDENTIFICATION_IMAGE_VIEWED, details).await {
        return failure(&e);
    }
    let kind = if row.content_type == "image/png" {
        "image/png"
    } else {
        "image/jpeg"
    };
    let mut r = bytes.into_response();
    secure(&mut r, kind);
    r
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    csrf: Option<String>,
    decision: Option<String>,
    reason: Option<String>,
    note: Option<String>,
}

/// `POST /admin/identifications/{id}/decision`.
pub async fn decide(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> Response {
    let Ok(Form(f)) = form else {
        let csrf: Option<&str> = None;
        return match signed_in_form(&state, &headers, csrf).await {
            Ok(_) => failure(&AppError::field("decision", "must be approve or decline")),
            Err(r) => r,
        };
    };
    let s = match signed_in_form(&state, &headers, f.csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let q = match load(&state, &id).await {
        Ok(q) => q,
        Err(e) => return failure(&e),
    };
    let approved = match f.decision.as_deref() {
        Some("approve") => true,
        Some("decline") => false,
        _ => {
            return case_page(
                &s,
                &q,
                Some("Choose approve or decline."),
                StatusCode::BAD_REQUEST,
            );
        }
    };
    let reviewer = format!("operator:{}", s.operator.email);
    let note = f.note.filter(|n| n.len() <= 2000);
    match signet_app::identifications::review(
        &state,
        &q.identification.id,
        approved,
        if approved { None } else { f.reason.as_deref() },
        note,
        &reviewer,
    )
    .await
    {
        Ok(_) => {
            let mut r = Redirect::to("/admin").into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) => {
            let fresh = load(&state, &id).await.unwrap_or(q);
            case_page(&s, &fresh, Some(&e.detail), e.status)
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct FraudForm {
    csrf: Option<String>,
    note: Option<String>,
}

/// `POST /admin/identifications/{id}/fraud`: a successful identification found fraudulent
/// later; its signer certificates are revoked.
pub async fn find_fraudulent(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<FraudForm>, FormRejection>,
) -> Response {
    let f = match form {
        Ok(Form(f)) => f,
        Err(_) => FraudForm {
            csrf: None,
            note: None,
        },
    };
    let s = match signed_in_form(&state, &headers, f.csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let q = match load(&state, &id).await {
        Ok(q) => q,
        Err(e) => return failure(&e),
    };
    let note = f.note.unwrap_or_default();
    if note.trim().is_empty() || note.chars().count() > 2000 {
        return case_page(
            &s,
            &q,
            Some("Say why the identification is fraudulent (at most 2000 characters)."),
            StatusCode::BAD_REQUEST,
        );
    }
    match signet_app::identifications::find_fraudulent(
        &state,
        &q.identification.id,
        &note,
        &s.operator.email,
    )
    .await
    {
        Ok(_) => {
            let mut r = Redirect::to(&format!(
                "/admin/identifications/{}",
                q.identification.id.as_str()
            ))
            .into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        Err(e) => {
            let fresh = load(&state, &id).await.unwrap_or(q);
            case_page(&s, &fresh, Some(&e.detail), e.status)
        }
    }
}
