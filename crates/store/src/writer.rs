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
//! Each transaction runs inside a savepoint (the first of a group too, opened with its
//! `BEGIN`), so one that fails or is dropped rolls back alone and the others still commit; its
//! commit releases the savepoint, which fails if SQLite rolled the whole transaction back
//! meanwhile (an I/O error, a full disk), and then the whole group is told it failed. The
//! commonest writes are sent as data instead ([`Writer::run_batched`]) and run in batches, one
//! round trip to SQLite's worker thread for many. A caller that stops waiting (a dropped request) cannot strand the group: a transaction left
//! uncommitted is cleaned up by the next user of the connection or by a task spawned when it
//! is dropped, and a waiting transaction whose group has not committed after [`FLUSH_AFTER`]
//! commits the group itself.
//!
//! Statements outside a transaction (the claim of a job, a counter) first commit an open
//! group, then run on their own as before.
//!
//! PostgreSQL takes concurrent transactions; there a [`Tx`] is a plain pooled transaction.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Executor, Row};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
    /// Callers queued for the connection or in [`Writer::batch`]: a finished transaction
    /// waits for them to join its group only if there are any.
    queued: AtomicUsize,
    /// Transactions sent as data, waiting for the next batch.
    batch: std::sync::Mutex<std::collections::VecDeque<QueuedUnit>>,
    /// A task runs the batches.
    leading: AtomicBool,
}

pub(crate) struct WriterState {
    /// Taken from the pool at first use and kept (the pool holds only this one).
    conn: Option<PoolConnection<Any>>,
    /// A database transaction is open (a group in progress).
    open: bool,
    /// A transaction of the group is at work or was dropped unfinished: the next user rolls
    /// it back first.
    unfinished: bool,
    /// The savepoint that transaction runs in.
    savepoint: Savepoint,
    /// The finished transactions of the open group, waiting for its commit.
    waiting: Vec<oneshot::Sender<Result<(), String>>>,
    /// Database commits made (groups), for tests and curiosity.
    commits: u64,
}

/// The savepoint the transaction at work runs in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Savepoint {
    /// None open (no transaction at work).
    None,
    /// `unit`, a [`Tx`]'s, released by its commit.
    Unit,
    /// `one`, opened and released around each transaction of a batch
    /// ([`Writer::run_batched`]).
    Batch,
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
        let savepoint = std::mem::replace(&mut self.savepoint, Savepoint::None);
        let undo = match savepoint {
            Savepoint::Unit => "ROLLBACK TO unit; RELEASE unit",
            Savepoint::Batch => "ROLLBACK TO one; RELEASE one",
            Savepoint::None => {
                if self.open {
                    self.open = false;
                    self.conn_mut().execute("ROLLBACK").await?;
                }
                return Ok(());
            }
        };
        if let Err(e) = self.conn_mut().execute(undo).await {
            // The savepoint is gone: SQLite rolled the whole transaction back.
            self.lose_group(&e.to_string()).await;
        }
        Ok(())
    }

    /// SQLite rolled the whole transaction back (an I/O error, a full disk): every transaction
    /// of the group is lost with it. Each waiting one is told so, rather than being committed
    /// as if nothing happened with the ones after it.
    async fn lose_group(&mut self, why: &str) {
        let _ = self.conn_mut().execute("ROLLBACK").await;
        self.open = false;
        self.savepoint = Savepoint::None;
        self.unfinished = false;
        for w in self.waiting.drain(..) {
            let _ = w.send(Err(format!(
                "the group's transaction was rolled back: {why}"
            )));
        }
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
                savepoint: Savepoint::None,
                waiting: Vec::new(),
                commits: 0,
            })),
            queued: AtomicUsize::new(0),
            batch: std::sync::Mutex::new(std::collections::VecDeque::new()),
            leading: AtomicBool::new(false),
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
        // Every transaction runs in a savepoint, the first of a group too (in the same round
        // trip as its BEGIN): its commit releases it, which fails if SQLite rolled the whole
        // transaction back meanwhile, so no loss goes unnoticed.
        if state.open {
            state.conn_mut().execute("SAVEPOINT unit").await?;
        } else {
            // IMMEDIATE: the write lock at the start (waiting on the busy timeout), not at the
            // first write. A deferred transaction that read first fails with
            // SQLITE_BUSY_SNAPSHOT when another process (`signet backup`'s hold, a second
            // server on the file) commits in between, and that cannot be waited out.
            if let Err(e) = state
                .conn_mut()
                .execute("BEGIN IMMEDIATE; SAVEPOINT unit")
                .await
            {
                let _ = state.conn_mut().execute("ROLLBACK").await;
                return Err(e);
            }
            state.open = true;
        }
        state.savepoint = Savepoint::Unit;
        state.unfinished = true;
        Ok(Tx(Inner::Grouped(Unit {
            state: Some(state),
            writer: self.clone(),
        })))
    }

    /// Runs a transaction whose whole work is one list of statements (`unit`), batched with
    /// the others queued at the same moment: the writer runs a batch as one query, each
    /// transaction in a savepoint of its own, so a batch costs one round trip to SQLite's
    /// worker thread however many requests it serves. Committed with its group like
    /// [`Tx::commit`]; one that fails rolls back alone. Returns the rows its statements return
    /// (`RETURNING`): sqlx adds up SQLite's count of changes after every statement, and that
    /// count is stale after one that changes nothing (a savepoint), so a transaction that needs
    /// to know what it changed says so in rows.
    ///
    /// Each round trip of a `Tx` holds the writer while the caller's task waits to be
    /// scheduled again behind every other request, so round trips, not SQLite's work, bound
    /// how many writes commit per second.
    pub(crate) async fn run_batched(
        self: &Arc<Self>,
        unit: Batched,
    ) -> Result<Vec<sqlx::any::AnyRow>, sqlx::Error> {
        let (answer, answered) = oneshot::channel();
        // Counted as queued, so a finishing transaction leaves the group open for it.
        self.queued.fetch_add(1, Ordering::SeqCst);
        self.batch
            .lock()
            .expect("batch queue")
            .push_back(QueuedUnit { unit, answer });
        if !self.leading.swap(true, Ordering::SeqCst) {
            // The batch runs in a task of its own: a caller that stops waiting must not stop
            // a batch midway, with other callers' transactions in it.
            let writer = self.clone();
            tokio::spawn(async move { writer.lead().await });
        }
        let (rows, committed) = answered.await.map_err(|_| {
            sqlx::Error::Protocol("the writer stopped before the batch ran".into())
        })??;
        self.await_group(committed).await?;
        Ok(rows)
    }

    /// Runs the queued batches until none is left.
    async fn lead(self: Arc<Self>) {
        // Should the task panic, the queued callers are answered and the next call leads.
        let _guard = LeaderGuard(&self);
        loop {
            self.lead_once().await;
            self.leading.store(false, Ordering::SeqCst);
            // A unit queued after the last batch was taken, while this task was leaving, has
            // no other leader.
            if self.batch.lock().expect("batch queue").is_empty()
                || self.leading.swap(true, Ordering::SeqCst)
            {
                return;
            }
        }
    }

    fn take_batch(&self, most: usize) -> Vec<QueuedUnit> {
        let mut queue = self.batch.lock().expect("batch queue");
        let n = queue.len().min(most.max(1));
        let units: Vec<QueuedUnit> = queue.drain(..n).collect();
        self.queued.fetch_sub(units.len(), Ordering::SeqCst);
        units
    }

    async fn lead_once(&self) {
        let mut state = match self.lock().await {
            Ok(state) => state,
            Err(e) => {
                let message = e.to_string();
                for u in self.take_batch(usize::MAX) {
                    let _ = u.answer.send(Err(sqlx::Error::Protocol(message.clone())));
                }
                return;
            }
        };
        loop {
            let units = self.take_batch(MAX_GROUP.saturating_sub(state.waiting.len()));
            if units.is_empty() {
                break;
            }
            run_units(&mut state, units).await;
            if state.waiting.len() >= MAX_GROUP {
                let _ = state.commit_group().await;
            }
            // Callers wait for the writer itself (a `Tx`, a job's claim): they get it now,
            // and the batches queue behind them, so a stream of batches starves no one.
            let batched = self.batch.lock().expect("batch queue").len();
            if self.queued.load(Ordering::SeqCst) > batched {
                break;
            }
        }
        // The last of a group commits it; callers queued for the writer come after.
        if self.queued.load(Ordering::SeqCst) == 0 {
            let _ = state.commit_group().await;
        }
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
                // The group's answer may still come while this waits for the writer.
                let locked = tokio::select! {
                    outcome = &mut done => Err(outcome),
                    state = self.lock() => Ok(state),
                };
                match locked {
                    Err(outcome) => outcome,
                    Ok(state) => {
                        let mut state = state?;
                        match done.try_recv() {
                            Ok(outcome) => Ok(outcome),
                            Err(_) => {
                                state.commit_group().await?;
                                done.await
                            }
                        }
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

/// A transaction sent as data, for [`Writer::run_batched`]: statements separated by `;` with
/// `$1`, `$2`… numbered over `args` (numbers may repeat across statements), and no
/// transaction control of their own. A batch relies on sqlx running the statements of one
/// query in turn on SQLite, which its 0.9 marks as deprecated (sqlx issue 3108): an upgrade
/// that drops it needs another way to send a batch in one round trip.
pub(crate) struct Batched {
    pub sql: String,
    pub args: Vec<Arg>,
}

/// An argument of a [`Batched`] transaction.
pub(crate) enum Arg {
    Text(String),
    Int(i64),
    OptText(Option<String>),
    OptInt(Option<i64>),
}

type Answer = Result<
    (
        Vec<sqlx::any::AnyRow>,
        oneshot::Receiver<Result<(), String>>,
    ),
    sqlx::Error,
>;

struct QueuedUnit {
    unit: Batched,
    answer: oneshot::Sender<Answer>,
}

/// Clears the leader's flag and fails the queued transactions if the leading task panics.
struct LeaderGuard<'a>(&'a Writer);

impl Drop for LeaderGuard<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.leading.store(false, Ordering::SeqCst);
            for u in self.0.take_batch(usize::MAX) {
                let _ = u.answer.send(Err(sqlx::Error::Protocol(
                    "the writer's batch task failed".into(),
                )));
            }
        }
    }
}

/// Most transactions in one query of a batch.
const BATCH_MOST: usize = 16;

/// The column of the row that closes each transaction of a batch.
const UNIT_DONE: &str = "signet_unit_done";

/// Runs `units` on the writer, as few queries as failures allow: each transaction between
/// `SAVEPOINT one` and `RELEASE one`, then a row naming it done. A transaction that fails is
/// rolled back to its savepoint and answered with its error; the ones after it run again.
async fn run_units(state: &mut WriterState, units: Vec<QueuedUnit>) {
    let mut units = units;
    // Alike transactions run together (they are independent: all were in flight at once).
    units.sort_by(|a, b| a.unit.sql.cmp(&b.unit.sql));
    let mut pending: std::collections::VecDeque<QueuedUnit> = units.into();
    while !pending.is_empty() {
        if !state.open {
            // IMMEDIATE, as `Writer::begin` says why.
            if let Err(e) = state.conn_mut().execute("BEGIN IMMEDIATE").await {
                let message = e.to_string();
                for u in pending.drain(..) {
                    let _ = u.answer.send(Err(sqlx::Error::Protocol(message.clone())));
                }
                return;
            }
            state.open = true;
        }
        // A query is prepared once and kept in the connection's statement cache, so the
        // queries are few: a run of alike transactions, cut to a power of two up to
        // `BATCH_MOST` (a handful of texts per kind, not one per mix and length).
        let alike = pending
            .iter()
            .take_while(|u| u.unit.sql == pending[0].unit.sql)
            .count()
            .min(BATCH_MOST);
        let chunk = 1 << alike.ilog2();
        let mut sql = String::new();
        let mut offset = 0;
        for (k, u) in pending.iter().take(chunk).enumerate() {
            if k > 0 {
                sql.push_str("; ");
            }
            sql.push_str("SAVEPOINT one; ");
            sql.push_str(&renumbered(&u.unit.sql, offset));
            sql.push_str(&format!("; RELEASE one; SELECT {k} AS {UNIT_DONE}"));
            offset += u.unit.args.len();
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for u in pending.iter().take(chunk) {
            for a in &u.unit.args {
                query = match a {
                    Arg::Text(t) => query.bind(t.clone()),
                    Arg::Int(i) => query.bind(*i),
                    Arg::OptText(t) => query.bind(t.clone()),
                    Arg::OptInt(i) => query.bind(*i),
                };
            }
        }
        state.unfinished = true;
        state.savepoint = Savepoint::Batch;
        let mut done: Vec<Vec<sqlx::any::AnyRow>> = Vec::new();
        let mut failed = None;
        {
            let mut rows = query.fetch(state.conn_mut());
            let mut current = Vec::new();
            loop {
                match std::future::poll_fn(|cx| rows.as_mut().poll_next(cx)).await {
                    None => break,
                    Some(Ok(row)) => {
                        if row.try_get::<i64, _>(UNIT_DONE).is_ok() {
                            done.push(std::mem::take(&mut current));
                        } else {
                            current.push(row);
                        }
                    }
                    Some(Err(e)) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
        }
        if failed.is_none() && done.len() < chunk {
            // Ended without an error before every transaction was done (never seen): the one
            // in progress is treated as failed, its savepoint rolled back.
            failed = Some(sqlx::Error::Protocol(
                "a batched transaction did not finish".into(),
            ));
        }
        // The finished ones wait for the group's commit.
        for rows in done {
            let Some(u) = pending.pop_front() else {
                break;
            };
            let (tell, committed) = oneshot::channel();
            state.waiting.push(tell);
            let _ = u.answer.send(Ok((rows, committed)));
        }
        state.unfinished = false;
        state.savepoint = Savepoint::None;
        let Some(e) = failed else {
            continue;
        };
        let undone = state
            .conn_mut()
            .execute("ROLLBACK TO one; RELEASE one")
            .await;
        if let Some(u) = pending.pop_front() {
            let _ = u.answer.send(Err(e));
        }
        if let Err(lost) = undone {
            // The savepoint is gone: SQLite rolled the whole transaction back (an I/O error, a
            // full disk). Every transaction in it, the finished ones of this batch too, is told
            // so; the rest are not run.
            let message = lost.to_string();
            state.lose_group(&message).await;
            for u in pending.drain(..) {
                let _ = u.answer.send(Err(sqlx::Error::Protocol(message.clone())));
            }
            return;
        }
    }
}

/// `sql` with every `$N` outside quotes moved up by `offset`.
fn renumbered(sql: &str, offset: usize) -> String {
    if offset == 0 {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
            out.push(c);
        } else if c == '$' && !quoted && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            let mut n = 0usize;
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n * 10 + d as usize;
                chars.next();
            }
            out.push('$');
            out.push_str(&(n + offset).to_string());
        } else {
            out.push(c);
        }
    }
    out
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
        if state.savepoint == Savepoint::Unit
            && let Err(e) = state.conn_mut().execute("RELEASE unit").await
        {
            // The savepoint is gone: SQLite rolled the whole transaction back.
            state.lose_group(&e.to_string()).await;
            return Err(e);
        }
        state.savepoint = Savepoint::None;
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

    /// A SQLite store in a fresh directory of its own, with a table `t (n)`.
    async fn store_with_table(name: &str) -> (Store, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::connect(&format!("sqlite://{}", dir.join("t.db").display()))
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (n BIGINT NOT NULL)")
            .execute(&mut *store.write_conn().await.unwrap())
            .await
            .unwrap();
        (store, dir)
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
        let (store, dir) = store_with_table("signet-writer").await;
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

    /// Transactions sent as data run as one batch behind the open group's first, each in a
    /// savepoint of its own: one that succeeds gets its rows and commits with the group; one
    /// that fails midway, or at its first statement, takes only its own rows with it, and the
    /// ones after it in the batch still run.
    #[tokio::test]
    async fn batched_transactions_commit_with_their_group_and_fail_alone() {
        use super::{Arg, Batched};
        let (store, dir) = store_with_table("signet-batched").await;
        let writer = store.writer.clone().unwrap();
        let commits_before = writer.state.lock().await.commits;

        let mut first = store.begin().await.unwrap();
        insert(&mut first, 0).await;
        let units = [
            // Succeeds: its rows come back.
            "INSERT INTO t (n) VALUES ($1) RETURNING n; INSERT INTO t (n) VALUES ($1 + 10)",
            // Fails after its first row.
            "INSERT INTO t (n) VALUES ($1); INSERT INTO t (n) VALUES (NULL)",
            // Fails at its first statement.
            "INSERT INTO no_such_table (n) VALUES ($1)",
            // Succeeds after the failures, with a '$1' in quotes left alone.
            "INSERT INTO t (n) SELECT $1 WHERE '$1' = '$' || '1' RETURNING n",
        ];
        let mut tasks = Vec::new();
        for (i, sql) in units.into_iter().enumerate() {
            let writer = writer.clone();
            let n = i as i64 + 1;
            tasks.push(tokio::spawn(async move {
                let done = writer
                    .run_batched(Batched {
                        sql: sql.to_owned(),
                        args: vec![Arg::Int(n)],
                    })
                    .await;
                match n {
                    1 | 4 => {
                        let rows = done.unwrap();
                        assert_eq!(rows.len(), 1);
                        assert_eq!(rows[0].get::<i64, _>(0), n);
                    }
                    _ => assert!(done.is_err(), "{n} fails"),
                }
            }));
        }
        let store2 = store.clone();
        let last = tokio::spawn(async move {
            let mut tx = store2.begin().await.unwrap();
            insert(&mut tx, 5).await;
            tx.commit().await.unwrap();
        });
        while writer.queued.load(Ordering::SeqCst) < 5 {
            tokio::task::yield_now().await;
        }
        first.commit().await.unwrap();
        for t in tasks {
            t.await.unwrap();
        }
        last.await.unwrap();
        drop(store.write_conn().await.unwrap());
        assert_eq!(rows(&store).await, vec![0, 1, 4, 5, 11]);
        let commits = writer.state.lock().await.commits - commits_before;
        assert!(commits <= 3, "committed in {commits} commits");
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// When SQLite rolls the whole transaction back in the middle of a batch (here a
    /// `ROLLBACK` standing in for an I/O error or a full disk), no transaction of the group is
    /// told it committed: the open group's first, the batch's finished ones and the rest all
    /// fail, and the writer goes on with the next transaction.
    #[tokio::test]
    async fn a_transaction_lost_mid_batch_fails_its_whole_group() {
        use super::{Arg, Batched};
        let (store, dir) = store_with_table("signet-lost").await;
        let writer = store.writer.clone().unwrap();

        let mut first = store.begin().await.unwrap();
        insert(&mut first, 0).await;
        let units = [
            "INSERT INTO t (n) VALUES ($1) RETURNING n",
            "INSERT INTO t (n) VALUES ($1); ROLLBACK; INSERT INTO t (n) VALUES (NULL)",
            "INSERT INTO t (n) VALUES ($1) RETURNING n",
        ];
        let mut tasks = Vec::new();
        for (i, sql) in units.into_iter().enumerate() {
            let writer = writer.clone();
            tasks.push(tokio::spawn(async move {
                writer
                    .run_batched(Batched {
                        sql: sql.to_owned(),
                        args: vec![Arg::Int(i as i64 + 1)],
                    })
                    .await
            }));
        }
        while writer.queued.load(Ordering::SeqCst) < 3 {
            tokio::task::yield_now().await;
        }
        assert!(first.commit().await.is_err(), "the group's first was lost");
        for t in tasks {
            assert!(t.await.unwrap().is_err());
        }
        assert_eq!(rows(&store).await, Vec::<i64>::new());
        let mut next = store.begin().await.unwrap();
        insert(&mut next, 9).await;
        next.commit().await.unwrap();
        assert_eq!(rows(&store).await, vec![9]);
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn numbers_move_up_outside_quotes_only() {
        assert_eq!(
            super::renumbered("SELECT $1, '$2', $10 WHERE x = 'it''s $3' AND y = $2", 12),
            "SELECT $13, '$2', $22 WHERE x = 'it''s $3' AND y = $14"
        );
    }
}
