//! `/admin/jobs`: dead jobs, those that failed `job_max_attempts` times, with their last
//! error; an operator can retry one (a fresh count of attempts, runnable at once).

use super::{
    Section, admin_bar, failure, format_time, hidden_csrf, page, signed_in, signed_in_form,
};
use crate::error::ApiError;
use crate::pages::{esc, secure};
use crate::state::AppState;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
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

fn row(s: &OperatorSession, j: &DeadJob) -> String {
    format!(
        r#"<tr class="admin-job" data-job="{id}">
<td><span class="admin-tenant">{tenant}</span><br><span class="admin-meta">{mode}</span></td>
<td><code>{kind}</code><br><code>{id}</code></td>
<td>{attempts}</td>
<td><code class="admin-excerpt">{error}</code></td>
<td>{dead}</td>
<td><form class="admin-retry" method="post" action="/admin/jobs/{id}/retry">{csrf}<button class="secondary" type="submit">Retry</button></form></td>
</tr>
"#,
        id = esc(j.id.as_str()),
        tenant = esc(&j.tenant_name),
        mode = j.mode.as_str(),
        kind = esc(&j.kind),
        attempts = j.attempts,
        error = esc(j.last_error.as_deref().unwrap_or("—")),
        dead = esc(&format_time(&j.dead_at)),
        csrf = hidden_csrf(s),
    )
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
        Err(e) => return failure(&ApiError::from(e)),
    };
    let more = rows.len() > PAGE_SIZE as usize;
    let shown = &rows[..rows.len().min(PAGE_SIZE as usize)];
    let mut body = admin_bar(s, Section::Jobs);
    body.push_str(&format!(
        r#"<section id="jobs" class="admin-records">
<h2>Dead jobs <span class="count">{total}</span></h2>
{error}<p class="admin-meta">Jobs that failed {max} times in a row, the most recent first. Retrying one gives it {max} more attempts, the first at once.</p>
"#,
        error = error
            .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>\n", esc(e)))
            .unwrap_or_default(),
        max = state.config.job_max_attempts.max(1),
    ));
    if shown.is_empty() {
        body.push_str("<p class=\"empty\">No dead job.</p>\n");
    } else {
        body.push_str(
            r#"<div class="admin-table"><table id="jobs-table">
<thead><tr><th scope="col">Tenant</th><th scope="col">Job</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Dead since</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
"#,
        );
        for j in shown {
            body.push_str(&row(s, j));
        }
        body.push_str("</tbody>\n</table></div>\n");
    }
    let mut links = Vec::new();
    if page_no > 1 {
        links.push(format!(
            r#"<a rel="prev" href="/admin/jobs?page={}">Previous</a>"#,
            page_no - 1
        ));
    }
    if more {
        links.push(format!(
            r#"<a rel="next" href="/admin/jobs?page={}">Next</a>"#,
            page_no + 1
        ));
    }
    if !links.is_empty() {
        body.push_str(&format!(
            "<nav class=\"pager\" aria-label=\"Pages\">{}</nav>\n",
            links.join(" ")
        ));
    }
    body.push_str("</section>\n");
    page("Dead jobs · Signet back office", &body, http)
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
        return failure(&ApiError::not_found("job"));
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
        Err(e) => failure(&ApiError::from(e)),
    }
}
