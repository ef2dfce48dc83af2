//! `/admin/erasures`: every erasure request of every tenant, newest first: when it was asked,
//! what went at once, what was kept until when and why, and whether the person is erased.

use super::{Bar, LANG, Section, failure, format_time, messages, signed_in};
use crate::pages::{Lang, Messages, render};
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::retention::ErasureReport;
use signet_app::state::AppState;
use signet_store::retention::PersonRetention;

/// Rows per page.
const PAGE_SIZE: u32 = 50;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/erasures", get(erasures))
}

/// `?page=N`, taken as text so that anything unreadable is the first page.
#[derive(Debug, Default, Deserialize)]
pub struct ErasuresQuery {
    page: Option<String>,
}

/// One request as the page shows it.
struct Row {
    tenant: String,
    mode: &'static str,
    person: String,
    requested: String,
    ended_on: String,
    erased: Vec<String>,
    /// (category, basis, until)
    retained: Vec<(String, String, String)>,
    /// When the person was erased, or when they will be.
    state: String,
}

impl Row {
    fn new(r: &PersonRetention) -> Row {
        let report: Option<ErasureReport> = r
            .report
            .clone()
            .and_then(|v| serde_json::from_value(v).ok());
        let state = match (r.erased_at, r.retained_until) {
            (Some(at), _) => format!("erased {}", format_time(&at)),
            (None, Some(until)) => format!("kept until {}", until.date_naive()),
            (None, None) => "—".to_owned(),
        };
        Row {
            tenant: r.tenant_id.as_str().to_owned(),
            mode: r.mode.as_str(),
            person: r.person_id.as_str().to_owned(),
            requested: r
                .erasure_requested_at
                .map(|t| format_time(&t))
                .unwrap_or_default(),
            ended_on: r
                .relationship_ended_at
                .map(|t| t.date_naive().to_string())
                .unwrap_or_default(),
            erased: report
                .as_ref()
                .map(|r| r.erased.clone())
                .unwrap_or_default(),
            retained: report
                .map(|r| {
                    r.retained
                        .into_iter()
                        .map(|k| {
                            (
                                k.category,
                                k.basis,
                                k.until.unwrap_or_else(|| "with the document".into()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            state,
        }
    }
}

#[derive(askama::Template)]
#[template(path = "admin/erasures.html")]
struct ErasuresPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    rows: Vec<Row>,
    page: u32,
    more: bool,
}

/// `GET /admin/erasures`.
async fn erasures(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ErasuresQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let page = query
        .ok()
        .and_then(|Query(q)| q.page)
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let offset = u64::from(page - 1) * u64::from(PAGE_SIZE);
    let rows = match state.store.erasure_requests(PAGE_SIZE + 1, offset).await {
        Ok(r) => r,
        Err(e) => return failure(&AppError::from(e)),
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let page = ErasuresPage {
        lang: LANG,
        m: messages(),
        title: "Erasures · Signet back office",
        bar: Bar::new(&s, Section::Erasures),
        rows: rows.iter().take(PAGE_SIZE as usize).map(Row::new).collect(),
        page,
        more,
    };
    render(StatusCode::OK, &page)
}
