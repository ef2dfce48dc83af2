//! Write transactions, and group commit on SQLite's single writer.
//!
//! SQLite takes one writer at a time, so Signet keeps one write connection and queues every
//! write transaction for it. Committing each transaction on its own would make every request
//! pay for a commit (the pages it changed appended to the WAL, the WAL index updated) while
//! the others wait. Instead, while other transactions are queued, a finished transaction
//! leaves the database transaction open for the next one and waits; the last of a group (or
//! the [`MAX_GROUP`]th) commits for all of them, and only then does each caller's `commit`
//! return. An acknowledged write is therefore committed like before: it survives `kill -9`
//! (and, with `sqlite_synchronous = "full"`, a power loss).
//!
//! Each transaction after the first of a group runs inside a savepoint, so one that fails or
//! is dropped rolls back alone and the others still commit. The first needs none: nothing
//! else is in the database transaction yet, so its rollback is a plain `ROLLBACK`. A caller
//! that stops waiting (a dropped request) cannot strand the group: a transaction left
//! uncommitted is cleaned up by the next user of the connection or by a task spawned when it
//! is dropped, and a waiting transaction whose group has not committed after [`FLUSH_AFTER`]
//! commits the group itself.
//!
//! Statements outside a transaction (the claim of a job, a counter) first commit an open
//! group, then run on their own as before.
//!
//! PostgreSQL takes concurrent transactions; there a [`Tx`] is a plain pooled transaction.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Executor};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard, oneshot};

/// Most transactions committed together.
const MAX_GROUP: usize = 64;

/// How long a finished transaction waits for its group to commit before committing it itself
/// (only reached if the transactions after it were abandoned while queued).
const FLUSH_AFTER: Duration = Duration::from_millis(20);

/// Longest wait for the writer.
const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// A write transaction: every state change and its events commit together. Use it as a
/// connection (`&mut **tx` or `&mut *tx`); `commit` makes it durable, dropping it rolls it back.
pub struct Tx(Inner);

enum Inner {
    Pooled(sqlx::Transaction<'static, Any>),
    Grouped(Unit),
}

impl Tx {
    pub(crate) fn pooled(tx: sqlx::Transaction<'static, Any>) -> Tx {
        Tx(Inner::Pooled(tx))
    }

    /// Commits; returns once the transaction is durable (on SQLite, once its group has
    /// committed).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0 {
            Inner::Pooled(tx) => tx.commit().await,
            Inner::Grouped(unit) => unit.commit().await,
        }
    }

    /// Rolls back now (dropping does the same, a moment later).
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self.0 {
            Inner::Pooled(tx) => tx.rollback().await,
            Inner::Grouped(unit) => unit.rollback().await,
        }
    }
}

impl Deref for Tx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.0 {
            Inner::Pooled(tx) => tx,
            Inner::Grouped(unit) => unit.conn(),
        }
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.0 {
            Inner::Pooled(tx) => tx,
            Inner::Grouped(unit) => unit.conn_mut(),
        }
    }
}

/// The write connection, for statements outside a transaction: the pool's on PostgreSQL, the
/// single writer (with any open group committed first) on SQLite.
pub struct WriteConn(WriteInner);

enum WriteInner {
    Pooled(PoolConnection<Any>),
    Single(OwnedMutexGuard<WriterState>),
}

impl WriteConn {
    pub(crate) fn pooled(conn: PoolConnection<Any>) -> WriteConn {
        WriteConn(WriteInner::Pooled(conn))
    }
}

impl Deref for WriteConn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.0 {
            WriteInner::Pooled(c) => c,
            WriteInner::Single(g) => g.conn(),
        }
    }
}

impl DerefMut for WriteConn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.0 {
            WriteInner::Pooled(c) => c,
            WriteInner::Single(g) => g.conn_mut(),
        }
    }
}

/// SQLite's single write connection and the group being committed on it.
pub(crate) struct Writer {
    pool: AnyPool,
    state: Arc<Mutex<WriterState>>,
    /// Callers queued for the connection: a finished transaction waits for them to join its
    /// group only if there are any.
    queued: AtomicUsize,
}

pub(crate) struct WriterState {
    /// Taken from the pool at first use and kept (the pool holds only this one).
    conn: Option<PoolConnection<Any>>,
    /// A database transaction is open (a group in progress).
    open: bool,
    /// A transaction of the group is at work or was dropped unfinished: the next user rolls
    /// it back first.
    unfinished: bool,
    /// That transaction runs in a savepoint (it was not the first of its group).
    savepoint: bool,
    /// The finished transactions of the open group, waiting for its commit.
    waiting: Vec<oneshot::Sender<Result<(), String>>>,
    /// Database commits made (groups), for tests and curiosity.
    commits: u64,
}

impl WriterState {
    fn conn(&self) -> &AnyConnection {
        self.conn
            .as_deref()
            .expect("the writer holds its connection while locked")
    }
    fn conn_mut(&mut self) -> &mut AnyConnection {
        self.conn
            .as_deref_mut()
            .expect("the writer holds its connection while locked")
    }

    /// Commits the open group and tells every waiting transaction how it went.
    async fn commit_group(&mut self) -> Result<(), sqlx::Error> {
        if !self.open {
            return Ok(());
        }
        self.open = false;
        self.commits += 1;
        let done = self.conn_mut().execute("COMMIT").await.map(|_| ());
        if done.is_err() {
            // SQLite may have rolled back already; make sure nothing stays open.
            let _ = self.conn_mut().execute("ROLLBACK").await;
        }
        let outcome = done.as_ref().map(|_| ()).map_err(|e| e.to_string());
        for w in self.waiting.drain(..) {
            let _ = w.send(outcome.clone());
        }
        done
    }

    /// Rolls back what a transaction left unfinished: its savepoint, or the whole database
    /// transaction if it was the first of its group.
    async fn clean_up(&mut self) -> Result<(), sqlx::Error> {
        if !self.unfinished {
            return Ok(());
        }
        self.unfinished = false;
        if self.savepoint {
            self.savepoint = false;
            self.conn_mut()
                .execute("ROLLBACK TO unit; RELEASE unit")
                .await?;
        } else if self.open {
            self.open = false;
            self.conn_mut().execute("ROLLBACK").await?;
        }
        Ok(())
    }
}

/// Counts a caller as queued while it waits for the lock, also if it stops waiting.
struct Queued<'a>(&'a AtomicUsize);

impl<'a> Queued<'a> {
    fn new(n: &'a AtomicUsize) -> Self {
        n.fetch_add(1, Ordering::SeqCst);
        Queued(n)
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Writer {
    pub(crate) fn new(pool: AnyPool) -> Arc<Writer> {
        Arc::new(Writer {
            pool,
            state: Arc::new(Mutex::new(WriterState {
                conn: None,
                open: false,
                unfinished: false,
                savepoint: false,
                waiting: Vec::new(),
                commits: 0,
            })),
            queued: AtomicUsize::new(0),
        })
    }

    /// The connection, with what a dropped transaction left rolled back.
    async fn lock(&self) -> Result<OwnedMutexGuard<WriterState>, sqlx::Error> {
        let mut state = {
            let _queued = Queued::new(&self.queued);
            // As long as a pool waits for a connection: a caller that already holds the
            // writer and asks for it again gets an error, not a hang.
            tokio::time::timeout(LOCK_TIMEOUT, self.state.clone().lock_owned())
                .await
                .map_err(|_| sqlx::Error::PoolTimedOut)?
        };
        if state.conn.is_none() {
            state.conn = Some(self.pool.acquire().await?);
        }
        state.clean_up().await?;
        Ok(state)
    }

    /// Starts a transaction: the first of a new group, or a savepoint in the open one.
    pub(crate) async fn begin(self: &Arc<Self>) -> Result<Tx, sqlx::Error> {
        let mut state = self.lock().await?;
        if state.open {
            state.conn_mut().execute("SAVEPOINT unit").await?;
            state.savepoint = true;
        } else {
            // IMMEDIATE: the write lock at the start (waiting on the busy timeout), not at the
            // first write. A deferred transaction that read first fails with
            // SQLITE_BUSY_SNAPSHOT when another process (`signet backup`'s hold, a second
            // server on the file) commits in between, and that cannot be waited out.
            state.conn_mut().execute("BEGIN IMMEDIATE").await?;
            state.open = true;
            state.savepoint = false;
        }
        state.unfinished = true;
        Ok(Tx(Inner::Grouped(Unit {
            state: Some(state),
            writer: self.clone(),
        })))
    }

    /// The connection for a statement outside a transaction, once the open group committed.
    pub(crate) async fn conn(&self) -> Result<WriteConn, sqlx::Error> {
        let mut state = self.lock().await?;
        state.commit_group().await?;
        Ok(WriteConn(WriteInner::Single(state)))
    }

    /// Gives the connection back to the pool (before the pool closes).
    pub(crate) async fn release(&self) {
        let mut state = self.state.lock().await;
        let _ = state.clean_up().await;
        let _ = state.commit_group().await;
        state.conn = None;
    }

    /// Waits for the group of a finished transaction to commit, committing it itself if the
    /// transactions queued after it went away.
    async fn await_group(
        &self,
        mut done: oneshot::Receiver<Result<(), String>>,
    ) -> Result<(), sqlx::Error> {
        let outcome = match tokio::time::timeout(FLUSH_AFTER, &mut done).await {
            Ok(outcome) => outcome,
            Err(_) => {
                let mut state = self.lock().await?;
                match done.try_recv() {
                    Ok(outcome) => Ok(outcome),
                    Err(_) => {
                        state.commit_group().await?;
                        done.await
                    }
                }
            }
        };
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(sqlx::Error::Protocol(format!("group commit failed: {e}"))),
            Err(_) => Err(sqlx::Error::Protocol(
                "group commit ended without an answer".into(),
            )),
        }
    }
}

/// One transaction on SQLite's writer.
struct Unit {
    /// The locked writer; `None` once committed or rolled back.
    state: Option<OwnedMutexGuard<WriterState>>,
    writer: Arc<Writer>,
}

impl Unit {
    fn conn(&self) -> &AnyConnection {
        self.state
            .as_ref()
            .expect("an open transaction holds the writer")
            .conn()
    }
    fn conn_mut(&mut self) -> &mut AnyConnection {
        self.state
            .as_mut()
            .expect("an open transaction holds the writer")
            .conn_mut()
    }

    async fn commit(mut self) -> Result<(), sqlx::Error> {
        let mut state = self
            .state
            .take()
            .expect("an open transaction holds the writer");
        if state.savepoint {
            state.conn_mut().execute("RELEASE unit").await?;
            state.savepoint = false;
        }
        state.unfinished = false;
        if self.writer.queued.load(Ordering::SeqCst) > 0 && state.waiting.len() < MAX_GROUP {
            let (tell, done) = oneshot::channel();
            state.waiting.push(tell);
            drop(state);
            return self.writer.await_group(done).await;
        }
        state.commit_group().await
    }

    async fn rollback(mut self) -> Result<(), sqlx::Error> {
        let mut state = self
            .state
            .take()
            .expect("an open transaction holds the writer");
        state.clean_up().await?;
        if self.writer.queued.load(Ordering::SeqCst) == 0 {
            state.commit_group().await?;
        }
        Ok(())
    }
}

impl Drop for Unit {
    fn drop(&mut self) {
        // Dropped unfinished (an error, a dropped request): the state stays marked unfinished
        // and the next user rolls it back. If nobody is queued, a task does it now and commits
        // the group the others are waiting on.
        if let Some(state) = self.state.take() {
            drop(state);
            if self.writer.queued.load(Ordering::SeqCst) == 0
                && let Ok(rt) = tokio::runtime::Handle::try_current()
            {
                let writer = self.writer.clone();
                rt.spawn(async move {
                    if let Ok(mut state) = writer.lock().await {
                        let _ = state.commit_group().await;
                    }
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;
    use sqlx::Row;
    use std::sync::atomic::Ordering;

    async fn insert(tx: &mut super::Tx, n: i64) {
        sqlx::query("INSERT INTO t (n) VALUES ($1)")
            .bind(n)
            .execute(&mut **tx)
            .await
            .unwrap();
    }

    async fn rows(store: &Store) -> Vec<i64> {
        sqlx::query("SELECT n FROM t ORDER BY n")
            .fetch_all(&store.read)
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<i64, _>(0))
            .collect()
    }

    /// Transactions queued behind one another commit in one group; one that is dropped or
    /// rolled back in the middle of the group takes only its own rows with it; each caller's
    /// commit returns once its rows are committed (a reader sees them).
    #[tokio::test]
    async fn queued_transactions_commit_as_a_group_and_a_failed_one_rolls_back_alone() {
        let dir = std::env::temp_dir().join(format!("signet-writer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("group.db");
        let _ = std::fs::remove_file(&file);
        let store = Store::connect(&format!("sqlite://{}", file.display()))
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (n BIGINT NOT NULL)")
            .execute(&mut *store.write_conn().await.unwrap())
            .await
            .unwrap();
        let writer = store.writer.clone().unwrap();
        let commits_before = writer.state.lock().await.commits;

        // The first holds the writer while eight more queue behind it.
        let mut first = store.begin().await.unwrap();
        insert(&mut first, 0).await;
        let mut tasks = Vec::new();
        for n in 1..=8i64 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let mut tx = store.begin().await.unwrap();
                insert(&mut tx, n).await;
                match n {
                    4 | 8 => drop(tx),
                    5 => tx.rollback().await.unwrap(),
                    _ => {
                        tx.commit().await.unwrap();
                        assert!(rows(&store).await.contains(&n), "{n} committed and visible");
                    }
                }
            }));
        }
        while writer.queued.load(Ordering::SeqCst) < 8 {
            tokio::task::yield_now().await;
        }
        first.commit().await.unwrap();
        assert!(rows(&store).await.contains(&0));
        for t in tasks {
            t.await.unwrap();
        }
        // A statement outside a transaction commits whatever group is still open first.
        drop(store.write_conn().await.unwrap());
        assert_eq!(rows(&store).await, vec![0, 1, 2, 3, 6, 7]);
        let commits = writer.state.lock().await.commits - commits_before;
        assert!(
            (1..6).contains(&commits),
            "six transactions committed in {commits} commits"
        );
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
