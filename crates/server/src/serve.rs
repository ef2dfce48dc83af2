//! The accept loop and the deadlines that keep a client from holding the server.
//!
//! `axum::serve` neither caps connections nor bounds how long a client may take to send a
//! request, so Signet accepts connections itself and hands each to hyper:
//! - at most `max_connections` are served at once; the next waits in the operating system's
//!   accept queue until one closes (nothing is refused or crashes);
//! - the request head must arrive within `request_timeout_ms` (hyper's header-read timeout,
//!   which also closes a keep-alive connection idle that long), or the connection is closed;
//! - the body must arrive whole within `body_read_timeout_ms`, and the answer must be ready
//!   within `request_timeout_ms`; either over is a 408 `request_timeout` and the connection
//!   is closed.

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::{Frame, Incoming};
use hyper_util::rt::{TokioIo, TokioTimer};
use signet_app::error::AppError;
use signet_app::state::AppState;
use signet_core::catalog::ErrorCode;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

/// The limits of [`serve`], from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub body_read_timeout: Duration,
    pub max_connections: usize,
}

impl Limits {
    pub fn from_config(config: &signet_app::config::Config) -> Limits {
        Limits {
            request_timeout: Duration::from_millis(config.request_timeout_ms.max(1)),
            body_read_timeout: Duration::from_millis(config.body_read_timeout_ms.max(1)),
            // A semaphore holds at most `u32::MAX` permits at once.
            max_connections: config.max_connections.clamp(1, u32::MAX as usize >> 1),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets the open connections
/// finish their requests (idle ones close at once) and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (closing, closing_rx) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        // The permit is taken before accepting: over the cap, connections wait in the
        // kernel's queue instead of costing a task and buffers here.
        let permit = tokio::select! {
            biased;
            () = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let closing = closing_rx.clone();
        tokio::spawn(async move {
            connection(stream, peer, router, limits, closing).await;
            drop(permit);
        });
    }
    let _ = closing.send(true);
    // Every connection holds a permit until it ends: having them all back means all ended.
    let _ = permits.acquire_many(limits.max_connections as u32).await;
    Ok(())
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    limits: Limits,
    mut closing: watch::Receiver<bool>,
) {
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        let router = router.clone();
        async move { Ok::<_, Infallible>(handle(router, peer, limits, req).await) }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.request_timeout)
        .keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        result = conn.as_mut() => {
            if let Err(e) = result {
                tracing::debug!(error = %e, "connection ended");
            }
            return;
        }
        _ = closing.wait_for(|c| *c) => {}
    }
    conn.as_mut().graceful_shutdown();
    if let Err(e) = conn.await {
        tracing::debug!(error = %e, "connection ended during shutdown");
    }
}

/// Set when a request's body did not arrive within `body_read_timeout_ms`.
#[derive(Clone)]
struct BodyTimedOut(Arc<AtomicBool>);

async fn handle(
    router: Router,
    peer: SocketAddr,
    limits: Limits,
    req: hyper::Request<Incoming>,
) -> Response {
    let (mut parts, body) = req.into_parts();
    parts.extensions.insert(ConnectInfo(peer));
    let body = if body.is_end_stream() {
        Body::empty()
    } else {
        let flag = BodyTimedOut(Arc::new(AtomicBool::new(false)));
        parts.extensions.insert(flag.clone());
        Body::new(DeadlineBody {
            inner: body,
            deadline: Box::pin(tokio::time::sleep(limits.body_read_timeout)),
            timed_out: flag.0,
        })
    };
    match router.oneshot(Request::from_parts(parts, body)).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The middleware that answers 408 when the handler runs past `request_timeout_ms` or the
/// body did not arrive in time. It sits inside `request_context`, so the answer carries the
/// request id and is logged and counted like any other.
pub async fn deadline(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = Duration::from_millis(state.config.request_timeout_ms.max(1));
    let body_flag = req.extensions().get::<BodyTimedOut>().cloned();
    let response = match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            return timed_out(format!(
                "the request took longer than {} ms",
                limit.as_millis()
            ));
        }
    };
    if body_flag.is_some_and(|f| f.0.load(Ordering::Acquire)) {
        return timed_out(format!(
            "the request body did not arrive within {} ms",
            state.config.body_read_timeout_ms
        ));
    }
    response
}

fn timed_out(detail: String) -> Response {
    let mut response = AppError::new(ErrorCode::RequestTimeout, detail).into_response();
    // What is left of the body is never read: the connection cannot carry another request.
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// A request body that fails once its deadline passes before it has arrived whole.
struct DeadlineBody {
    inner: Incoming,
    deadline: Pin<Box<tokio::time::Sleep>>,
    timed_out: Arc<AtomicBool>,
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        if this.deadline.as_mut().poll(cx).is_ready() {
            this.timed_out.store(true, Ordering::Release);
            return Poll::Ready(Some(Err("the request body did not arrive in time".into())));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}
