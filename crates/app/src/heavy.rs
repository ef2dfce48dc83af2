//! The bounded pool for PDF work: intake, page images, signing, document timestamps and
//! verification run on tokio's blocking threads, at most `heavy_work_concurrency` at once.
//!
//! tokio's blocking pool alone would start up to 512 threads: two heavy uploads per core would
//! take every core and leave `/healthz`, the API and the workers waiting for CPU. With the
//! semaphore, more work waits its turn (in order) while the async threads stay free.

use std::sync::Arc;
use tokio::sync::Semaphore;

use crate::config::Config;

/// How long `POST /v1/verify` may work on one file before it answers 422
/// `verify_time_exceeded` (a CPU budget, on a monotonic stopwatch).
pub const VERIFY_TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(10);

/// The intake limits of the configuration: the decompressed budget is a setting, the object
/// and page caps are the constants of `signet_pdf`.
pub fn pdf_limits(config: &Config) -> signet_pdf::Limits {
    signet_pdf::Limits {
        max_decompressed_bytes: config.max_pdf_decompressed_bytes,
        ..signet_pdf::Limits::default()
    }
}

/// Permits for heavy work; cheap to clone.
#[derive(Clone, Debug)]
pub struct HeavyWork {
    permits: Arc<Semaphore>,
    size: usize,
}

/// Heavy work that did not complete: the task panicked or was cancelled.
#[derive(Debug)]
pub struct HeavyError(String);

impl std::fmt::Display for HeavyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "heavy work failed: {}", self.0)
    }
}

impl std::error::Error for HeavyError {}

impl HeavyError {
    /// A failure to fetch the work's input.
    pub fn from_io(e: &std::io::Error) -> HeavyError {
        HeavyError(e.to_string())
    }
}

impl HeavyWork {
    /// A pool running at most `size` (at least one) tasks at once.
    pub fn new(size: usize) -> HeavyWork {
        let size = size.max(1);
        HeavyWork {
            permits: Arc::new(Semaphore::new(size)),
            size,
        }
    }

    /// How many tasks may run at once.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Tasks running now.
    pub fn busy(&self) -> usize {
        self.size - self.permits.available_permits()
    }

    /// Runs `f` on a blocking thread once a permit is free, like `spawn_blocking`. The permit
    /// goes with the thread: a caller that stops waiting does not free it before `f` ends.
    pub async fn run<T, F>(&self, f: F) -> Result<T, HeavyError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| HeavyError(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f()
        })
        .await
        .map_err(|e| HeavyError(e.to_string()))
    }
}

/// [`HeavyWork::run`] as a function, to stand where `tokio::task::spawn_blocking` stood.
pub async fn run<T, F>(pool: &HeavyWork, f: F) -> Result<T, HeavyError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    pool.run(f).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn at_most_size_tasks_run_at_once() {
        let pool = HeavyWork::new(2);
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let wait = Arc::new(std::sync::Mutex::new(wait));
        let mut running = Vec::new();
        for _ in 0..2 {
            let wait = wait.clone();
            let pool = pool.clone();
            running.push(tokio::spawn(async move {
                pool.run(move || {
                    let _ = wait.lock().map(|w| w.recv());
                })
                .await
            }));
        }
        while pool.busy() < 2 {
            tokio::task::yield_now().await;
        }
        // A third waits for a permit.
        let third = pool.run(|| 7);
        let waited = tokio::time::timeout(std::time::Duration::from_millis(100), third).await;
        assert!(waited.is_err());
        release.send(()).unwrap();
        release.send(()).unwrap();
        for r in running {
            r.await.unwrap().unwrap();
        }
        assert_eq!(pool.run(|| 7).await.unwrap(), 7);
        assert_eq!(pool.busy(), 0);
    }
}
