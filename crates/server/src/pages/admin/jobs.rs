//! `/admin/jobs`: dead jobs, those that failed `job_max_attempts` times, with their last
//! error; an operator can retry one (a fresh count of attempts, runnable at once).

use super::{Bar, LANG, Section, failure, format_time, messages, signed_in, signed_in_form};
use crate::pages::{Lang, Messages, render, secure};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use signet_app::error::AppError;
use signet_app::state::AppState;
use signet_core::ids::JobId;
use signet_store::{DeadJob, OperatorSession, StoreError};

/// Rows per page.
const PAGE_SIZE: u32 = 50;

/// The routes of this section.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/jobs", get(jobs))
        .route("/admin/jobs/{job_id}/retry", post(retry))
}

/// `?page=N`, taken as text so that anything unreadable is the first page.
#[derive(Debug, Default, Deserialize)]
pub struct JobsQuery {
    page: Option<String>,
}

impl JobsQuery {
    fn page(&self) -> u32 {
        self.page
            .as_deref()
            .and_then(|p| p.trim().parse::<u32>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }
}

#[derive(askama::Template)]
#[template(path = "admin/jobs.html")]
struct JobsPage<'a> {
    lang: Lang,
    m: &'static Messages,
    title: &'a str,
    bar: Bar<'a>,
    total: i64,
    error: Option<&'a str>,
    /// The attempts a job gets.
    max: u32,
    /// Each with the time it died.
    rows: Vec<(&'a DeadJob, String)>,
    page: u32,
    /// A row beyond this page exists.
    more: bool,
}

async fn jobs_page(
    state: &AppState,
    s: &OperatorSession,
    page_no: u32,
    error: Option<&str>,
    http: StatusCode,
) -> Response {
    let offset = u64::from(page_no - 1) * u64::from(PAGE_SIZE);
    let (rows, total) = match tokio::try_join!(
        state.store.dead_jobs(PAGE_SIZE + 1, offset),
        state.store.dead_job_count()
    ) {
        Ok(r) => r,
        Err(e) => return failure(&AppError::from(e)),
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    let page = JobsPage {
        lang: LANG,
        m: messages(),
        title: "Dead jobs · Signet back office",
        bar: Bar::new(s, Section::Jobs),
        total,
        error,
        max: state.config.job_max_attempts.max(1),
        rows: shown.iter().map(|j| (j, format_time(&j.dead_at))).collect(),
        page: page_no,
        more,
    };
    render(http, &page)
}

/// `GET /admin/jobs`: the dead jobs of every tenant (`?page=`).
async fn jobs(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<JobsQuery>, QueryRejection>,
) -> Response {
    let s = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    jobs_page(&state, &s, query.page(), None, StatusCode::OK).await
}

/// The retry form: the session's CSRF token.
#[derive(Debug, Deserialize)]
pub struct RetryForm {
    csrf: Option<String>,
}

/// `POST /admin/jobs/{job_id}/retry`: the job runs again with a fresh count of attempts,
/// then back to the list (303).
async fn retry(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(job_id): Path<String>,
    form: Result<Form<RetryForm>, FormRejection>,
) -> Response {
    let csrf = form.as_ref().ok().and_then(|Form(f)| f.csrf.clone());
    let s = match signed_in_form(&state, &headers, csrf.as_deref()).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(id) = JobId::parse(&job_id) else {
        return failure(&AppError::not_found("job"));
    };
    match state.store.retry_dead_job(&id, state.wall_now()).await {
        Ok(()) => {
            state.jobs_ready.notify_one();
            tracing::info!(operator = %s.operator.id, job = %id.as_str(), "back-office job retry");
            let mut r = Redirect::to("/admin/jobs").into_response();
            secure(&mut r, "text/html; charset=utf-8");
            r
        }
        // Unknown, or retried already (by another operator, or twice from one page).
        Err(StoreError::NotFound) => {
            jobs_page(
                &state,
                &s,
                1,
                Some("This job is not dead (any more): it was retried already or is gone."),
                StatusCode::NOT_FOUND,
            )
            .await
        }
        Err(e) => failure(&AppError::from(e)),
    }
}
