//! The review of `document` identifications: the queue on the dashboard, one case with the
//! person on record beside what the applicant gave (images, the machine-readable zone, the
//! findings of Signet's checks), and the decision: approve, or decline with a reason of
//! seed 002's table (a permanent reason fails the identification, any other cancels it so
//! the applicant can start again).

use super::{
    Section, admin_bar, failure, format_time, hidden_csrf, page, signed_in, signed_in_form,
};
use crate::error::ApiError;
use crate::pages::{esc, secure};
use crate::state::AppState;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Router, routing::get, routing::post};
use serde::Deserialize;
use signet_core::catalog::IdentificationReason;
use signet_core::ids::{IdentificationId, PersonDocumentId};
use signet_core::mrz::Mrz;
use signet_store::{OperatorSession, QueuedIdentification, StoreError};

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/identifications/{id}", get(case))
        .route("/admin/identifications/{id}/images/{slot}", get(image))
        .route("/admin/identifications/{id}/decision", post(decide))
}

fn person_name(q: &QueuedIdentification) -> String {
    format!("{} {}", q.person.first_name(), q.person.last_name())
        .trim()
        .to_owned()
}

/// One line of the dashboard's queue.
pub(super) fn queue_item(q: &QueuedIdentification) -> String {
    let i = &q.identification;
    let id = esc(i.id.as_str());
    let severe = i.capture.findings.iter().filter(|f| f.severe).count();
    let findings = if i.capture.findings.is_empty() {
        "no findings".to_owned()
    } else {
        format!("{} finding(s), {severe} severe", i.capture.findings.len())
    };
    format!(
        r#"<article class="card admin-item" id="ident-{id}" data-identification="{id}">
<p class="admin-meta"><span class="admin-tenant">{tenant}</span> · {mode} mode · {status}</p>
<p>Person <strong>{name}</strong> · {kind} · submitted {submitted} · {findings}</p>
<p><a class="review-link" href="/admin/identifications/{id}">Review</a></p>
</article>
"#,
        tenant = esc(&q.tenant_name),
        mode = q.mode.as_str(),
        status = i.status.as_str(),
        name = esc(&person_name(q)),
        kind = i
            .capture
            .document_kind
            .map(|k| k.as_str())
            .unwrap_or("no document"),
        submitted = i
            .capture
            .submitted_at
            .as_ref()
            .map(format_time)
            .unwrap_or_default(),
    )
}

fn reason_options() -> String {
    let mut out = String::from("<option value=\"\">Choose a reason…</option>\n");
    let mut category = "";
    for r in IdentificationReason::ALL {
        if r.category() != category {
            if !category.is_empty() {
                out.push_str("</optgroup>\n");
            }
            category = r.category();
            out.push_str(&format!("<optgroup label=\"{}\">\n", esc(category)));
        }
        out.push_str(&format!(
            "<option value=\"{code}\" title=\"{desc}\">{code}{final_}</option>\n",
            code = esc(r.as_str()),
            desc = esc(r.description()),
            final_ = if r.permanent() { " — final" } else { "" },
        ));
    }
    out.push_str("</optgroup>\n");
    out
}

fn row(label: &str, value: &str) -> String {
    format!(
        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
        esc(label),
        esc(value)
    )
}

fn mrz_table(text: &str, today: chrono::NaiveDate) -> String {
    match Mrz::parse(text, today) {
        Err(e) => format!(
            "<p class=\"error\">The zone does not parse: {}</p>\n",
            esc(&e.to_string())
        ),
        Ok(m) => {
            let date = |d: Option<chrono::NaiveDate>| {
                d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
            };
            let mut t = String::from("<table class=\"admin-table\" id=\"mrz-data\">\n");
            t.push_str(&row("Document code", &m.document_code));
            t.push_str(&row("Issuing state", &m.issuing_state));
            t.push_str(&row("Surname", &m.surname));
            t.push_str(&row("Given names", &m.given_names));
            t.push_str(&row("Document number", &m.document_number));
            t.push_str(&row("Nationality", &m.nationality));
            t.push_str(&row("Birth date", &date(m.birth_date)));
            t.push_str(&row("Expiry date", &date(m.expiry_date)));
            t.push_str(&row(
                "Check digits",
                if m.all_checks_pass() {
                    "all correct"
                } else {
                    "WRONG"
                },
            ));
            t.push_str("</table>\n");
            t
        }
    }
}

fn case_page(
    s: &OperatorSession,
    q: &QueuedIdentification,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    let i = &q.identification;
    let c = &i.capture;
    let id = esc(i.id.as_str());
    let mut body = admin_bar(s, Section::Queues);
    body.push_str(&format!(
        "<p><a href=\"/admin\">← Queues</a></p>\n<h2>Identification <code>{id}</code></h2>\n<p class=\"admin-meta\"><span class=\"admin-tenant\">{}</span> · {} mode · reference {} · status <strong id=\"ident-status\">{}</strong></p>\n",
        esc(&q.tenant_name),
        q.mode.as_str(),
        esc(i.reference.as_deref().unwrap_or("—")),
        i.status.as_str(),
    ));
    if let Some(e) = error {
        body.push_str(&format!(
            "<p id=\"admin-error\" class=\"error\" role=\"alert\">{}</p>\n",
            esc(e)
        ));
    }
    // The person on record beside the document's zone.
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
    body.push_str("<div class=\"admin-compare\">\n<section class=\"card\"><h3>Person on record</h3>\n<table class=\"admin-table\" id=\"person-data\">\n");
    body.push_str(&row("Name", &person_name(q)));
    body.push_str(&row("Birth date", p.str_field("birth_date").unwrap_or("—")));
    body.push_str(&row(
        "Nationality",
        p.str_field("nationality").unwrap_or("—"),
    ));
    body.push_str(&row(
        "Address",
        if address.is_empty() { "—" } else { &address },
    ));
    body.push_str(&row(
        "Verified mobile",
        c.phone_verified.as_deref().unwrap_or("—"),
    ));
    body.push_str(&row(
        "Consent",
        &c.data_processing_consented_at
            .as_ref()
            .map(|t| format!("terms and data processing, {}", format_time(t)))
            .unwrap_or_else(|| "—".into()),
    ));
    body.push_str("</table>\n</section>\n<section class=\"card\"><h3>Document</h3>\n");
    body.push_str(&format!(
        "<p>{}</p>\n",
        esc(c.document_kind.map(|k| k.as_str()).unwrap_or("not chosen"))
    ));
    match &c.mrz {
        Some(text) => {
            body.push_str(&format!("<pre class=\"mrz\">{}</pre>\n", esc(text)));
            // Century inference and expiry as of the submission, as the checks ran then.
            let today = c.submitted_at.unwrap_or(i.updated_at).date_naive();
            body.push_str(&mrz_table(text, today));
        }
        None => body.push_str("<p>No machine-readable zone was typed.</p>\n"),
    }
    body.push_str("</section>\n</div>\n");
    // Findings.
    body.push_str("<section class=\"card\" id=\"findings\"><h3>Signet's checks</h3>\n");
    if c.findings.is_empty() {
        body.push_str(
            "<p>Nothing found: the images are readable and the zone matches the person.</p>\n",
        );
    } else {
        body.push_str("<ul>\n");
        for f in &c.findings {
            body.push_str(&format!(
                "<li class=\"{cls}\" data-check=\"{check}\">{code}{msg}</li>\n",
                cls = if f.severe {
                    "finding severe"
                } else {
                    "finding"
                },
                check = esc(&f.check),
                code = f
                    .code
                    .map(|n| format!("<code>{n}</code> "))
                    .unwrap_or_default(),
                msg = esc(&f.message),
            ));
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");
    // Images.
    body.push_str("<section class=\"card admin-images\"><h3>Images</h3>\n");
    for (slot, have, label) in [
        ("front", c.front.is_some(), "Front"),
        ("back", c.back.is_some(), "Back"),
        ("selfie", c.selfie.is_some(), "Selfie"),
    ] {
        if have {
            body.push_str(&format!(
                "<figure><a href=\"/admin/identifications/{id}/images/{slot}\"><img id=\"image-{slot}\" src=\"/admin/identifications/{id}/images/{slot}\" alt=\"{label} of the applicant's upload\"></a><figcaption>{label}</figcaption></figure>\n"
            ));
        }
    }
    body.push_str("</section>\n");
    // The decision.
    if i.awaiting_review_since().is_some() {
        let csrf = hidden_csrf(s);
        body.push_str(&format!(
            r#"<section class="card" id="decision"><h3>Decision</h3>
<p>Compare the face on the document with the selfie and the document with the person on record.</p>
<div class="admin-actions">
<form method="post" action="/admin/identifications/{id}/decision">{csrf}<input type="hidden" name="decision" value="approve">
<p><label for="note-approve">Note</label><br><textarea id="note-approve" name="note" maxlength="2000" rows="2"></textarea></p>
<button id="approve-identification" class="accept" type="submit">Approve</button></form>
<form method="post" action="/admin/identifications/{id}/decision">{csrf}<input type="hidden" name="decision" value="decline">
<p><label for="reason">Reason (seed 002's table; "final" fails the identification, any other lets the applicant start again)</label><br>
<select id="reason" name="reason" required>
{options}</select></p>
<p><label for="note-decline">Note</label><br><textarea id="note-decline" name="note" maxlength="2000" rows="2"></textarea></p>
<button id="decline-identification" class="danger" type="submit">Decline</button></form>
</div>
</section>
"#,
            options = reason_options(),
        ));
    } else if let Some(r) = &c.review {
        body.push_str(&format!(
            "<section class=\"card\" id=\"decision\"><p>Decided by {} on {}: <strong>{}</strong>{}</p></section>\n",
            esc(&r.reviewer),
            format_time(&r.at),
            if r.approved { "approved" } else { "declined" },
            r.reason.as_deref().map(|x| format!(" ({})", esc(x))).unwrap_or_default(),
        ));
    }
    page("Identification · Signet back office", &body, status)
}

async fn load(state: &AppState, id: &str) -> Result<QueuedIdentification, ApiError> {
    let id = IdentificationId::parse(id).ok_or_else(|| ApiError::not_found("identification"))?;
    state
        .store
        .queued_identification(&id)
        .await
        .map_err(|e| ApiError::unless_found(e, "identification"))
}

/// `GET /admin/identifications/{id}`: one case.
pub async fn case(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match load(&state, &id).await {
        Ok(q) => case_page(&s, &q, None, StatusCode::OK),
        Err(e) => failure(&e),
    }
}

/// `GET /admin/identifications/{id}/images/{slot}`: an image of the case, to operators only.
pub async fn image(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, slot)): Path<(String, String)>,
) -> Response {
    if let Err(r) = signed_in(&state, &headers).await {
        return r;
    }
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
        return failure(&ApiError::not_found("image"));
    };
    let row = match state
        .store
        .person_document(&q.tenant_id, q.mode, &q.identification.person_id, &doc_id)
        .await
    {
        Ok(r) => r,
        Err(StoreError::NotFound) => return failure(&ApiError::not_found("image")),
        Err(e) => return failure(&ApiError::from(e)),
    };
    let bytes = match state.blobs.get(&row.blob_key).await {
        Ok(b) => b,
        Err(e) => return failure(&ApiError::internal(&e)),
    };
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
            Ok(_) => failure(&ApiError::field("decision", "must be approve or decline")),
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
    match crate::identify::review(
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
