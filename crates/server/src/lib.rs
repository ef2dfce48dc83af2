//! Signet's HTTP server and the composition root: configuration, storage,
//! workers and the router are wired together here and nowhere else.

pub mod api;
pub mod auth;
pub mod extract;
pub mod middleware;
pub mod openapi;
pub mod pages;
pub mod revocation;
pub mod serve;

// The application layer's modules under their old paths, for the composition root's
// callers (the binary, tests and examples).
pub use signet_app::keys;
pub use signet_app::{
    backup, config, delivery, error, events, geoip, heavy, identify, limits, metrics, screening,
    signing, state, sweeper, tsa, webhooks, worker,
};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::{IntoResponse, Response};
use signet_app::config::Config;
use signet_app::error::AppError;
use signet_app::state::{AppParts, AppState, SystemClock, WallClock};
use signet_core::catalog::ErrorCode;
use signet_core::ids::TenantId;
use signet_store::{BlobStore, Mode, Store};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

/// The OpenAPI document, generated from the registered routes and finished by
/// [`openapi::finish`] (the errors every route shares, the webhooks).
pub fn openapi() -> serde_json::Value {
    let (_, keyed) = api::v1_routes().split_for_parts();
    let keyed = openapi::operations(&serde_json::to_value(keyed).unwrap_or_default());
    let (_, doc) = OpenApiRouter::<AppState>::with_openapi(openapi::ApiDoc::openapi())
        .merge(api::v1_routes())
        .merge(api::public_routes())
        .split_for_parts();
    openapi::finish(doc, &keyed)
}

/// The whole application's router.
pub fn build_router(state: AppState) -> Router {
    let (v1, _) = api::v1_routes().split_for_parts();
    // Layers run outside in: the key is checked before idempotency looks at it.
    let v1 = v1
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::retention::erased_person_is_gone,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::idempotency,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_key,
        ));
    let (public, _) = api::public_routes().split_for_parts();
    let doc_json = serde_json::to_value(openapi()).unwrap_or_default();
    let docs_html = api::ops::docs_page(&doc_json);
    let doc_json = Arc::new(doc_json);
    Router::new()
        .merge(v1)
        .merge(public)
        .merge(pages::routes())
        .merge(pages::admin::jobs::routes())
        .merge(pages::admin::erasures::routes())
        .merge(pages::admin::templates::routes())
        .merge(pages::admin::limits::routes())
        .merge(pages::admin::persons::routes())
        .merge(revocation::routes())
        .route(
            "/openapi.json",
            axum::routing::get(move || {
                let doc = doc_json.clone();
                async move { axum::Json((*doc).clone()) }
            }),
        )
        .route(
            "/docs",
            axum::routing::get(move || {
                let html = docs_html.clone();
                async move { html }
            }),
        )
        .route_layer(axum::middleware::from_fn(middleware::record_route))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            serve::deadline,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::request_context,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            AppError::new(ErrorCode::InternalError, "an internal error occurred").into_response()
        }))
        .with_state(state)
}

/// A running application's handles.
pub struct App {
    pub state: AppState,
    pub cancel: CancellationToken,
    /// The background work in flight, waited for at shutdown.
    drain: worker::Drain,
}

impl App {
    /// Connects to storage, migrates, and builds the state. `clock` is the
    /// wall clock (tests may pin it).
    pub async fn build(
        config: Config,
        clock: Arc<dyn WallClock>,
    ) -> Result<App, signet_store::StoreError> {
        let url = config.database_url();
        // The data directory holds the database, the files and the master key: Signet's
        // user's alone (0700); files in it are created 0600.
        if url.starts_with("sqlite:") || config.blob_store == "file" || config.master_key.is_none()
        {
            signet_store::restrict_dir(&config.data_dir)?;
            signet_store::restrict_file(&config.data_dir.join("master.key"))?;
        }
        if config.blob_store == "file" {
            signet_store::restrict_dir(&config.data_dir.join("files"))?;
        }
        let store = Store::connect_with(&url, config.sqlite_sync()).await?;
        store.migrate().await?;
        if key_beside_database(&config, &url) && store.live_key_count().await? > 0 {
            tracing::warn!(
                data_dir = %config.data_dir.display(),
                "live mode is in use and the master key (master.key) sits in the data directory beside the database: a copy of the directory unseals everything in it; set master_key (SIGNET_MASTER_KEY) from a secret store and keep the key file elsewhere"
            );
        }
        let blobs = match config
            .s3()
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?
        {
            Some(s3) => BlobStore::s3(&s3)?,
            None => BlobStore::new(config.data_dir.join("files")),
        };
        let webhook_client = signet_webhooks::WebhookClient::new(signet_webhooks::ClientConfig {
            allow_private: config.webhook_allow_private,
            ..signet_webhooks::ClientConfig::default()
        })
        .map_err(|e| std::io::Error::other(format!("webhook client: {e}")))?;
        let trust = signing::Trust::load(
            &config,
            &store,
            signet_core::time::to_storage_precision(clock.now()),
        )
        .await
        .map_err(|e| std::io::Error::other(format!("trust store: {e}")))?;
        // Secrets at rest are sealed under a key derived from the master key; what an older
        // version stored in the clear is sealed before anything is served.
        let sealing_key = signing::sealing_key(&config)
            .map_err(|e| std::io::Error::other(format!("master key: {e}")))?;
        let store = store.with_sealing_key(&sealing_key);
        // Personal data and files are encrypted under keys kept apart from them.
        let keyring = signet_app::keys::open_keyring(&config)
            .await
            .map_err(std::io::Error::other)?;
        let store = store.with_keyring(keyring.clone());
        let blobs = blobs.with_keyring(keyring);
        let sealed = store.seal_legacy_secrets().await?;
        if sealed > 0 {
            tracing::info!(
                rows = sealed,
                "sealed secrets stored in the clear by an older version"
            );
        }
        let encrypted = store.encrypt_legacy_rows().await?;
        if encrypted > 0 {
            tracing::info!(
                rows = encrypted,
                "encrypted personal data stored in the clear by an older version"
            );
        }
        let notifier = delivery::Notifier::from_config(&config)
            .map_err(|e| std::io::Error::other(format!("one-time code delivery: {e}")))?;
        let geoip = match &config.geoip_database {
            Some(path) => Some(Arc::new(
                signet_app::geoip::GeoIp::open(path).map_err(std::io::Error::other)?,
            )),
            None => None,
        };
        let config_password_checks = config.password_hash_concurrency.max(1);
        let heavy_work_concurrency = config.heavy_work_concurrency.max(1);
        let state = AppState::new(AppParts {
            store,
            blobs,
            config: Arc::new(config),
            clock,
            metrics: Arc::new(metrics::Metrics::new()),
            jobs_ready: Arc::new(tokio::sync::Notify::new()),
            worker_id: format!(
                "{}-{}",
                std::process::id(),
                hex::encode(&state::random16()[..4])
            )
            .into(),
            webhooks_ready: Arc::new(tokio::sync::Notify::new()),
            webhook_client,
            screening: Arc::new(screening::Screening::new()),
            trust: Arc::new(trust),
            notifier: notifier.map(Arc::new),
            password_checks: Arc::new(tokio::sync::Semaphore::new(
                usize::try_from(config_password_checks).unwrap_or(1),
            )),
            heavy: heavy::HeavyWork::new(usize::try_from(heavy_work_concurrency).unwrap_or(1)),
            geoip,
        });
        Ok(App {
            state,
            cancel: CancellationToken::new(),
            drain: worker::Drain::default(),
        })
    }

    pub async fn from_config(config: Config) -> Result<App, signet_store::StoreError> {
        App::build(config, Arc::new(SystemClock)).await
    }

    /// On first start with an empty database: the `default` tenant and its
    /// test-mode key (returned so the caller can print it once).
    pub async fn bootstrap(&self) -> Result<Option<String>, signet_store::StoreError> {
        if self.state.store.tenant_count().await? > 0 {
            return Ok(None);
        }
        let (_, key) = create_tenant(&self.state.store, "default", self.state.wall_now()).await?;
        Ok(Some(key))
    }

    /// Starts the job workers (two per process: one may wait on a slow job
    /// while the other keeps timers on time).
    pub fn spawn_workers(&self) {
        if !self.state.config.workers {
            return;
        }
        // Each holds a share of the drain until it returns; the delivery worker hands shares
        // on to its attempts and recorders, which outlive its loop.
        for _ in 0..2 {
            let (state, cancel, busy) =
                (self.state.clone(), self.cancel.clone(), self.drain.busy());
            tokio::spawn(async move {
                worker::run_worker(state, cancel).await;
                drop(busy);
            });
        }
        tokio::spawn(webhooks::run_delivery_worker_draining(
            self.state.clone(),
            self.cancel.clone(),
            self.drain.busy(),
        ));
        let (state, cancel, busy) = (self.state.clone(), self.cancel.clone(), self.drain.busy());
        tokio::spawn(async move {
            sweeper::run(state, cancel).await;
            drop(busy);
        });
        let clock = self.state.clone();
        tokio::spawn(signet_app::trust::run_renewal(
            self.state.trust.clone(),
            self.state.store.clone(),
            move || clock.wall_now(),
            self.cancel.clone(),
        ));
    }

    /// Serves until `shutdown` resolves; then takes no new request, job or webhook delivery,
    /// lets the requests in flight finish and waits up to `shutdown_grace_ms` for the jobs,
    /// deliveries and sweep in flight.
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        self.spawn_workers();
        // Build the screening index before answering; searches rebuild it when lists change.
        self.state
            .screening
            .index(&self.state.store)
            .await
            .map_err(std::io::Error::other)?;
        let router = build_router(self.state.clone());
        let cancel = self.cancel.clone();
        let limits = serve::Limits::from_config(&self.state.config);
        let result = serve::serve(listener, router, limits, async move {
            shutdown.await;
            cancel.cancel();
        })
        .await;
        self.cancel.cancel();
        let grace = std::time::Duration::from_millis(self.state.config.shutdown_grace_ms);
        if self.drain.wait(grace).await {
            tracing::info!("background work drained");
        } else {
            tracing::warn!(
                grace_ms = grace.as_millis() as u64,
                "background work still running at the end of the grace period; its leases will expire and it will be taken up again"
            );
        }
        result
    }
}

/// Whether the master key is the `master.key` file of the data directory while the database
/// is a SQLite file in that directory too: one copy of the directory holds the sealed data and
/// the key that opens it.
pub fn key_beside_database(config: &Config, database_url: &str) -> bool {
    if config.master_key.is_some() {
        return false;
    }
    let Some(path) = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
    else {
        return false;
    };
    let path = std::path::Path::new(path.split('?').next().unwrap_or(""));
    let dir = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    path.parent()
        .is_some_and(|parent| dir(parent) == dir(&config.data_dir))
}

/// Creates a tenant and its first test-mode key.
pub async fn create_tenant(
    store: &Store,
    name: &str,
    now: signet_core::time::Timestamp,
) -> Result<(TenantId, String), signet_store::StoreError> {
    let id = TenantId::from_random(state::random16());
    store.create_tenant(&id, name, now).await?;
    let key = auth::issue_key(store, &id, Mode::Test, now).await?;
    Ok((id, key))
}

async fn not_found() -> Response {
    AppError::not_found("route").into_response()
}

async fn method_not_allowed() -> Response {
    AppError::new(
        ErrorCode::MethodNotAllowed,
        "this method is not allowed on this path",
    )
    .into_response()
}
