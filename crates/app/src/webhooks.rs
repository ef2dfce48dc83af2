//! The webhook delivery worker: claims due messages from the outbox fan-out, makes one signed
//! attempt each with [`signet_webhooks::WebhookClient`], logs the attempt and decides what
//! follows with [`signet_webhooks::schedule`].
//!
//! Each process runs one loop with up to [`CONCURRENCY`] deliveries in flight, of which one
//! tenant holds at most `webhook_max_in_flight_per_tenant` (its messages wait while it does,
//! and other tenants' are claimed past them). A claim is a
//! lease with a fencing token (and `SKIP LOCKED` on PostgreSQL), so with several processes on
//! one database a message is in flight in one of them at a time; if a process dies, its
//! messages become claimable again when their lease runs out, so nothing is lost (delivery is
//! at least once, and receivers deduplicate on `webhook-id`).
//!
//! Retries are scheduled on the tenant clock (`next_attempt_at`) with the matching wall-clock
//! `run_at` for claiming; `webhook-timestamp` is always the wall clock of the attempt.

use crate::error::AppResult;
use crate::events::emit;
use crate::state::{AppState, random16};
use crate::views::{self, EndpointDisabledView};
use signet_core::ids::{DeliveryId, TenantId};
use signet_core::time::Timestamp;
use signet_store::{ClaimedMessage, DeliveryAttemptRow, MessageSettlement, StoreError, Tx};
use signet_webhooks::schedule::{self, Decision};
use signet_webhooks::{AttemptError, AttemptOutcome, DeliveryRequest, Secret};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// Deliveries in flight per process. Attempts spend most of their time waiting on receivers,
/// so this is far above the core count.
pub const CONCURRENCY: usize = 32;

/// How long a claimed message is ours: the 15 s attempt timeout plus room to record the
/// outcome. Shorter would let a slow attempt overlap a second one from another process.
pub const LEASE: chrono::Duration = chrono::Duration::seconds(30);

/// After a wake-up, how long the idle worker keeps looking at short intervals: the wake-up is
/// sent by the fan-out inside the writing transaction, so it can arrive a moment before the
/// commit makes the messages visible.
const WAKE_BURST: Duration = Duration::from_millis(60);
const BURST_STEP: Duration = Duration::from_millis(2);

/// Outcome names in the delivery log.
const DELIVERED: &str = "delivered";
const RETRYING: &str = "retrying";
const FAILED: &str = "failed";
const ENDPOINT_DISABLED: &str = "endpoint_disabled";

/// A jitter draw in `0..=1` for [`schedule::decide`].
fn jitter_unit() -> f64 {
    let r = random16();
    let mut b = [0u8; 8];
    b.copy_from_slice(&r[..8]);
    u64::from_le_bytes(b) as f64 / u64::MAX as f64
}

/// A unique claim token: the process's worker id and random bits, so the rows of one claim
/// can be read back by it.
fn claim_token(state: &AppState) -> String {
    format!("{}:{}", state.worker_id, hex::encode(&random16()[..8]))
}

/// Claims up to `limit` due messages (of one tenant, if given; none of the tenants in
/// `skip`). A cheap read first keeps the idle poll off SQLite's single writer; it is left out
/// while working through a backlog (`backlog`: the last claim came back full), where it would
/// only cost a round trip.
pub async fn claim(
    state: &AppState,
    limit: u32,
    tenant: Option<&TenantId>,
    skip: &[TenantId],
    backlog: bool,
) -> Result<Vec<ClaimedMessage>, StoreError> {
    let wall = state.wall_now();
    if !backlog
        && !state
            .store
            .has_due_webhook_messages(wall, tenant, false)
            .await?
    {
        return Ok(Vec::new());
    }
    state
        .store
        .claim_webhook_messages(&claim_token(state), wall, LEASE, limit, tenant, skip)
        .await
}

/// The secrets that sign an attempt: the current one, and the previous one while its
/// 24 hours after a rotation last (tenant clock).
fn signing_secrets(m: &ClaimedMessage, tenant_now: Timestamp) -> Result<Vec<Secret>, String> {
    let mut out = vec![Secret::parse(&m.secret).map_err(|e| format!("stored secret: {e}"))?];
    if let (Some(prev), Some(until)) = (&m.previous_secret, m.previous_secret_until)
        && until > tenant_now
    {
        out.push(Secret::parse(prev).map_err(|e| format!("stored previous secret: {e}"))?);
    }
    Ok(out)
}

/// One attempt made, waiting to be recorded.
pub struct Attempted {
    pub message: ClaimedMessage,
    /// Wall-clock time of the attempt (its `webhook-timestamp`).
    pub wall: Timestamp,
    /// Wall-clock time the attempt ended.
    pub done_wall: Timestamp,
    pub outcome: AttemptOutcome,
    jitter: f64,
}

/// Makes one signed attempt for a claimed message; nothing is written yet.
pub async fn attempt(state: &AppState, m: ClaimedMessage) -> Attempted {
    let wall = state.wall_now();
    let outcome = match signing_secrets(&m, m.tenant_now(wall)) {
        Ok(secrets) => {
            let refs: Vec<&Secret> = secrets.iter().collect();
            state
                .webhook_client
                .deliver(&DeliveryRequest {
                    url: &m.url,
                    msg_id: m.event_id.as_str(),
                    body: &m.body,
                    secrets: &refs,
                    wall_clock_unix: wall.timestamp(),
                })
                .await
        }
        Err(e) => AttemptOutcome {
            status_code: None,
            latency: Duration::ZERO,
            error: Some(AttemptError::Other(e)),
            retry_after: None,
            response_excerpt: None,
        },
    };
    Attempted {
        message: m,
        wall,
        done_wall: state.wall_now(),
        outcome,
        jitter: jitter_unit(),
    }
}

/// Records an attempt with its consequences inside `tx`: the log row, the message's next
/// state, the endpoint's failure streak and, when the endpoint is disabled, the
/// `webhook.endpoint_disabled` event. Returns the outcome written to the log.
pub async fn record(state: &AppState, tx: &mut Tx, a: &Attempted) -> AppResult<&'static str> {
    let m = &a.message;
    let outcome = &a.outcome;
    let wall = a.wall;
    let attempt = m.attempts_made.saturating_add(1);
    let decision = schedule::decide(attempt, outcome, a.jitter);
    let done_wall = a.done_wall;
    let tenant_now = m.tenant_now(done_wall);
    let (settlement, mut log_outcome, mut disable_reason) = match decision {
        Decision::Delivered => (MessageSettlement::Delivered, DELIVERED, None),
        Decision::RetryAfter(delay) => {
            let delay = chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::MAX);
            (
                MessageSettlement::Retry {
                    next_attempt_at: tenant_now + delay,
                    run_at: done_wall + delay,
                },
                RETRYING,
                None,
            )
        }
        Decision::GiveUp => (MessageSettlement::Failed, FAILED, None),
        Decision::DisableEndpoint => (
            MessageSettlement::Failed,
            ENDPOINT_DISABLED,
            Some("the endpoint answered 410 Gone".to_owned()),
        ),
    };
    let reason = outcome.failure_reason();

    if decision == Decision::Delivered {
        // Only an endpoint with a failure streak has one to clear: the common case writes
        // nothing to the endpoint.
        if m.endpoint_failing {
            state.store.endpoint_succeeded(tx, &m.endpoint_id).await?;
        }
    } else {
        let since = state
            .store
            .endpoint_failed(tx, &m.endpoint_id, tenant_now)
            .await?;
        if disable_reason.is_none() && schedule::endpoint_should_disable(since, tenant_now, false) {
            disable_reason = Some("every attempt failed for 5 days".to_owned());
            log_outcome = ENDPOINT_DISABLED;
        }
    }
    if let Some(why) = &disable_reason
        && state
            .store
            .disable_webhook_endpoint(tx, &m.endpoint_id, why, tenant_now)
            .await?
    {
        emit(
            state,
            tx,
            &m.tenant_id,
            m.mode,
            schedule::ENDPOINT_DISABLED_EVENT,
            views::to_json(&EndpointDisabledView::new(
                m.endpoint_id.as_str(),
                &m.url,
                why,
                reason.clone(),
            )),
            tenant_now,
        )
        .await?;
    }
    state
        .store
        .insert_delivery_attempt(
            tx,
            &DeliveryAttemptRow {
                id: DeliveryId::from_random(random16()),
                endpoint_id: m.endpoint_id.clone(),
                event_id: m.event_id.clone(),
                event_type: m.event_type.clone(),
                attempt,
                attempted_at: tenant_now,
                webhook_timestamp: wall.timestamp(),
                status_code: outcome.status_code,
                latency_us: i64::try_from(outcome.latency.as_micros()).unwrap_or(i64::MAX),
                error: reason.clone(),
                response_excerpt: outcome.response_excerpt.clone(),
                outcome: log_outcome.to_owned(),
            },
        )
        .await?;
    let ours = state
        .store
        .settle_webhook_message(tx, m, settlement, reason.as_deref(), tenant_now)
        .await?;
    if !ours {
        // The lease ran out and another worker holds the message now; the attempt stays in
        // the log, the message's state is theirs to decide.
        tracing::warn!(event = %m.event_id, endpoint = %m.endpoint_id, "webhook lease lost during an attempt");
    }
    Ok(log_outcome)
}

fn count(state: &AppState, log_outcome: &'static str) {
    state
        .metrics
        .jobs
        .get_or_create(&crate::metrics::JobLabels {
            kind: "webhook_delivery".into(),
            outcome: log_outcome.into(),
        })
        .inc();
}

/// Makes one attempt and records it in its own transaction.
pub async fn deliver(state: &AppState, m: &ClaimedMessage) -> AppResult<()> {
    let a = attempt(state, m.clone()).await;
    let mut tx = state.store.begin().await?;
    let log_outcome = record(state, &mut tx, &a).await?;
    tx.commit().await.map_err(StoreError::from)?;
    count(state, log_outcome);
    Ok(())
}

async fn deliver_logged(state: &AppState, m: &ClaimedMessage) {
    if let Err(e) = deliver(state, m).await {
        // The message keeps its lease until it runs out, then it is claimed again.
        tracing::error!(event = %m.event_id, endpoint = %m.endpoint_id, detail = %e.detail, "could not record a webhook attempt");
    }
}

/// Delivers the due messages of a tenant (or all tenants), a batch at a time, and returns how
/// many attempts were made. The clock-advance endpoint uses it so that retries falling due
/// under a jump of the test clock are attempted before it answers.
pub async fn deliver_due(state: &AppState, tenant: Option<&TenantId>) -> Result<usize, StoreError> {
    let claimed = claim(state, CONCURRENCY as u32, tenant, &[], false).await?;
    let n = claimed.len();
    let mut set = JoinSet::new();
    for m in claimed {
        let st = state.clone();
        set.spawn(async move { deliver_logged(&st, &m).await });
    }
    while set.join_next().await.is_some() {}
    Ok(n)
}

/// The attempts each tenant has in flight in this process. The slots of a process are
/// shared between tenants: one tenant may have at most `webhook_max_in_flight_per_tenant`
/// attempts under way, so endpoints that accept a connection and never answer (each attempt
/// then takes its whole timeout) cannot keep every other tenant's deliveries waiting.
#[derive(Clone, Default)]
struct InFlight {
    counts: Arc<std::sync::Mutex<HashMap<TenantId, usize>>>,
    /// Signalled whenever an attempt ends or a slot is freed, so a loop waiting for room
    /// claims again at once instead of at its next poll.
    freed: Arc<Notify>,
}

impl InFlight {
    fn counts(&self) -> HashMap<TenantId, usize> {
        self.counts.lock().map(|m| m.clone()).unwrap_or_default()
    }

    fn take(&self, tenant: &TenantId) -> Turn {
        if let Ok(mut m) = self.counts.lock() {
            *m.entry(tenant.clone()).or_insert(0) += 1;
        }
        Turn {
            tenant: tenant.clone(),
            in_flight: self.clone(),
        }
    }

    fn give_back(&self, tenant: &TenantId) {
        if let Ok(mut m) = self.counts.lock()
            && let Some(n) = m.get_mut(tenant)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                m.remove(tenant);
            }
        }
        self.freed.notify_one();
    }
}

/// A tenant's turn: one attempt under way, counted against the tenant's share until it ends.
struct Turn {
    tenant: TenantId,
    in_flight: InFlight,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.in_flight.give_back(&self.tenant);
    }
}

/// One delivery slot, held from the claim until the attempt is recorded (which keeps the
/// recorder's backlog, and the leases waiting in it, bounded).
struct Slot {
    _permit: OwnedSemaphorePermit,
    freed: Arc<Notify>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.freed.notify_one();
    }
}

/// Keeps, of a claim, what each tenant's share of the slots allows (in claim order) and
/// returns the rest, to be given back. The claim's limit already keeps within every share;
/// this is the guard that makes the share hold whatever a claim returns.
fn within_share(
    claimed: Vec<ClaimedMessage>,
    mut counts: HashMap<TenantId, usize>,
    share: usize,
) -> (Vec<ClaimedMessage>, Vec<ClaimedMessage>) {
    let (mut keep, mut excess) = (Vec::new(), Vec::new());
    for m in claimed {
        let n = counts.entry(m.tenant_id.clone()).or_insert(0);
        if *n < share {
            *n += 1;
            keep.push(m);
        } else {
            excess.push(m);
        }
    }
    (keep, excess)
}

/// What the next claim may take, from the attempts each tenant has under way: tenants with
/// less than `batch` left of their share are skipped (their messages wait for room), and the
/// limit is the smallest room left to any other tenant with attempts under way (a tenant
/// without any has its whole share), so no claim brings a tenant more than its share and
/// nothing has to be given back.
fn claim_plan(
    counts: &HashMap<TenantId, usize>,
    share: usize,
    batch: usize,
    free: usize,
) -> (Vec<TenantId>, usize) {
    let mut skip = Vec::new();
    let mut limit = free.min(share);
    for (t, n) in counts {
        let room = share.saturating_sub(*n);
        if room < batch {
            skip.push(t.clone());
        } else {
            limit = limit.min(room);
        }
    }
    skip.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    (skip, limit)
}

/// The delivery loop: runs until cancelled.
pub async fn run_delivery_worker(state: AppState, cancel: CancellationToken) {
    run_delivery_worker_draining(state, cancel, crate::drain::Drain::default().busy()).await
}

/// The delivery loop, holding a share of a shutdown drain: once cancelled it claims nothing
/// more, and the attempts in flight and their recording keep a share until they are done.
///
/// A tenant working through a backlog fills its share; the loop then waits for its attempts
/// to end (not for the next poll) and claims again once a batch of room is free, so a single
/// tenant's backlog is claimed a batch per statement, about half a share at a time. Whether
/// other tenants have messages due while some are skipped is checked when the fan-out signals
/// new messages and at every poll: that claim has to pass over the skipped tenants' backlog.
pub async fn run_delivery_worker_draining(
    state: AppState,
    cancel: CancellationToken,
    busy: crate::drain::Busy,
) {
    let permits = Arc::new(Semaphore::new(CONCURRENCY));
    let in_flight = InFlight::default();
    let share = usize::try_from(state.config.webhook_max_in_flight_per_tenant)
        .unwrap_or(CONCURRENCY)
        .clamp(1, CONCURRENCY);
    // The smallest room worth a claim for a tenant already under way.
    let batch = (share / 2).max(1);
    let (finished, to_record) = mpsc::channel::<(Attempted, Slot)>(CONCURRENCY);
    // SQLite has one writer, so one recorder; PostgreSQL takes concurrent transactions, and
    // there the round trips of a single recorder would be the limit.
    let recorders = match state.store.backend() {
        signet_store::Backend::Sqlite => 1,
        signet_store::Backend::Postgres => 4,
    };
    let to_record = Arc::new(tokio::sync::Mutex::new(to_record));
    for _ in 0..recorders {
        let (st, to_record, busy) = (state.clone(), to_record.clone(), busy.clone());
        tokio::spawn(async move {
            run_recorder(st, to_record).await;
            drop(busy);
        });
    }
    let poll = Duration::from_millis(state.config.worker_poll_ms.max(10));
    let mut burst_until: Option<Instant> = None;
    let mut backlog = false;
    // When the last claim that skipped tenants found nothing for the others, and whom it
    // skipped: until the next poll or wake-up, the others are not looked for again.
    let mut others_none: Option<(Instant, Vec<TenantId>)> = None;
    loop {
        if cancel.is_cancelled() {
            return;
        }
        // Claim in batches: wait until at least half the slots are free, so a backlog is
        // claimed a batch per statement rather than one message per statement. (Waiting for
        // one slot at a time here spun while the recorder held the slots.)
        let free = permits.available_permits();
        if free < CONCURRENCY / 2 {
            tokio::select! {
                _ = cancel.cancelled() => return,
                p = permits.clone().acquire_many_owned((CONCURRENCY / 2) as u32) => { drop(p); continue; }
            }
        }
        let counts = in_flight.counts();
        let (skip, limit) = claim_plan(&counts, share, batch, free);
        // Nothing to claim while the same tenants are skipped as when the others were last
        // looked for, until the next poll or wake-up.
        let looked_lately = match &others_none {
            Some((at, skipped)) => {
                !skip.is_empty()
                    && skip == *skipped
                    && at.elapsed() < poll
                    && burst_until.is_none_or(|t| Instant::now() >= t)
            }
            None => false,
        };
        let claimed = if looked_lately {
            Vec::new()
        } else {
            match claim(&state, limit as u32, None, &skip, backlog).await {
                Ok(c) => {
                    backlog = c.len() == limit;
                    c
                }
                Err(e) => {
                    tracing::error!(error = %e, "webhook queue unavailable");
                    backlog = false;
                    Vec::new()
                }
            }
        };
        let (claimed, mut excess) = within_share(claimed, counts, share);
        // Claimed as shutdown began: given back, not attempted.
        let stopping = cancel.is_cancelled();
        let claimed = if stopping {
            excess.extend(claimed);
            Vec::new()
        } else {
            claimed
        };
        if !excess.is_empty() {
            let refs: Vec<&ClaimedMessage> = excess.iter().collect();
            if let Err(e) = state.store.release_webhook_messages(&refs).await {
                // Their leases run out and they are claimed again.
                tracing::warn!(error = %e, "could not give back webhook messages");
            }
        }
        if stopping {
            return;
        }
        if !claimed.is_empty() {
            for m in claimed {
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    return;
                };
                let turn = in_flight.take(&m.tenant_id);
                let slot = Slot {
                    _permit: permit,
                    freed: in_flight.freed.clone(),
                };
                let (st, finished, busy) = (state.clone(), finished.clone(), busy.clone());
                tokio::spawn(async move {
                    let done = attempt(&st, m).await;
                    drop(turn);
                    let _ = finished.send((done, slot)).await;
                    drop(busy);
                });
            }
            continue;
        }
        if !looked_lately {
            others_none = (!skip.is_empty()).then(|| (Instant::now(), skip.clone()));
        }
        let deadline = Instant::now()
            + match burst_until {
                Some(t) if Instant::now() < t => BURST_STEP,
                _ => {
                    burst_until = None;
                    match &others_none {
                        // Until the others are due to be looked for again.
                        Some((at, _)) => poll.saturating_sub(at.elapsed()),
                        None => poll,
                    }
                }
            };
        loop {
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = state.webhooks_ready.notified() => {
                    burst_until = Some(Instant::now() + WAKE_BURST);
                    others_none = None;
                    break;
                }
                _ = in_flight.freed.notified(), if !skip.is_empty() => {
                    // Claim again once a skipped tenant has a batch of room.
                    let counts = in_flight.counts();
                    if skip
                        .iter()
                        .any(|t| share.saturating_sub(counts.get(t).copied().unwrap_or(0)) >= batch)
                    {
                        backlog = true;
                        break;
                    }
                }
                _ = tokio::time::sleep_until(deadline) => {
                    if others_none.as_ref().is_some_and(|(at, _)| at.elapsed() >= poll) {
                        others_none = None;
                    }
                    break;
                }
            }
        }
    }
}

/// The log row of a successful attempt.
fn delivered_row(a: &Attempted) -> DeliveryAttemptRow {
    let m = &a.message;
    DeliveryAttemptRow {
        id: DeliveryId::from_random(random16()),
        endpoint_id: m.endpoint_id.clone(),
        event_id: m.event_id.clone(),
        event_type: m.event_type.clone(),
        attempt: m.attempts_made.saturating_add(1),
        attempted_at: m.tenant_now(a.done_wall),
        webhook_timestamp: a.wall.timestamp(),
        status_code: a.outcome.status_code,
        latency_us: i64::try_from(a.outcome.latency.as_micros()).unwrap_or(i64::MAX),
        error: None,
        response_excerpt: a.outcome.response_excerpt.clone(),
        outcome: DELIVERED.to_owned(),
    }
}

/// Most attempts recorded in one transaction.
const RECORD_BATCH: usize = 64;

/// Records finished attempts, as many as are waiting (up to [`RECORD_BATCH`]) in one
/// transaction: with SQLite's single writer, one commit per attempt would cap throughput. If
/// the batch fails, each attempt is recorded on its own so one bad row cannot hold back the
/// rest; an attempt that still cannot be recorded keeps its lease and is made again once the
/// lease runs out.
async fn run_recorder(
    state: AppState,
    to_record: Arc<tokio::sync::Mutex<mpsc::Receiver<(Attempted, Slot)>>>,
) {
    let mut batch = Vec::with_capacity(RECORD_BATCH);
    loop {
        let received = to_record
            .lock()
            .await
            .recv_many(&mut batch, RECORD_BATCH)
            .await;
        if received == 0 {
            return;
        }
        let mut outcomes = Vec::with_capacity(batch.len());
        let together: AppResult<()> = async {
            let mut tx = state.store.begin().await?;
            // Successes to healthy endpoints (nearly all of them) go in two statements; the
            // rest, which may touch the endpoint or raise an event, one at a time.
            let mut simple = Vec::new();
            for (a, _) in &batch {
                if a.outcome.is_success() && !a.message.endpoint_failing {
                    simple.push((&a.message, delivered_row(a)));
                } else {
                    outcomes.push(record(&state, &mut tx, a).await?);
                }
            }
            if let Some((_, first)) = simple.first() {
                let settled = state
                    .store
                    .record_deliveries(&mut tx, &simple, first.attempted_at)
                    .await?;
                if settled < simple.len() as u64 {
                    tracing::warn!(
                        lost = simple.len() as u64 - settled,
                        "webhook leases lost during attempts"
                    );
                }
                outcomes.extend(std::iter::repeat_n(DELIVERED, simple.len()));
            }
            tx.commit().await.map_err(StoreError::from)?;
            Ok(())
        }
        .await;
        match together {
            Ok(()) => outcomes.iter().for_each(|o| count(&state, o)),
            Err(_) => {
                for (a, _) in &batch {
                    let one: AppResult<&'static str> = async {
                        let mut tx = state.store.begin().await?;
                        let o = record(&state, &mut tx, a).await?;
                        tx.commit().await.map_err(StoreError::from)?;
                        Ok(o)
                    }
                    .await;
                    match one {
                        Ok(o) => count(&state, o),
                        Err(e) => {
                            tracing::error!(event = %a.message.event_id, endpoint = %a.message.endpoint_id, detail = %e.detail, "could not record a webhook attempt")
                        }
                    }
                }
            }
        }
        batch.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(n: u8) -> TenantId {
        TenantId::from_random([n; 16])
    }

    #[test]
    fn a_claim_never_brings_a_tenant_past_its_share() {
        let (a, b) = (tenant(1), tenant(2));
        // Nobody under way: a claim may bring one tenant its whole share, no more.
        let (skip, limit) = claim_plan(&HashMap::new(), 16, 8, 32);
        assert!(skip.is_empty());
        assert_eq!(limit, 16);
        // Fewer slots free than a share: the slots are the limit.
        assert_eq!(claim_plan(&HashMap::new(), 16, 8, 5).1, 5);
        // A tenant with 6 under way has room for 10: the claim takes no more than that.
        let counts = HashMap::from([(a.clone(), 6)]);
        let (skip, limit) = claim_plan(&counts, 16, 8, 32);
        assert!(skip.is_empty());
        assert_eq!(limit, 10);
        // A tenant with less than a batch of room is skipped and does not shrink the claim
        // for the others.
        let counts = HashMap::from([(a.clone(), 12), (b.clone(), 3)]);
        let (skip, limit) = claim_plan(&counts, 16, 8, 32);
        assert_eq!(skip, vec![a.clone()]);
        assert_eq!(limit, 13);
        // At its share: skipped.
        let counts = HashMap::from([(a.clone(), 16)]);
        assert_eq!(claim_plan(&counts, 16, 8, 16).0, vec![a]);
    }

    #[test]
    fn within_share_gives_back_what_exceeds_a_share_in_claim_order() {
        let a = tenant(1);
        let m = |n: u8| ClaimedMessage {
            endpoint_id: signet_core::ids::WebhookEndpointId::from_random([9; 16]),
            event_id: signet_core::ids::EventId::from_random([n; 16]),
            event_type: "person.created".into(),
            tenant_id: a.clone(),
            mode: signet_store::Mode::Test,
            attempts_made: 0,
            fence: 1,
            url: "http://127.0.0.1/".into(),
            secret: String::new(),
            previous_secret: None,
            previous_secret_until: None,
            endpoint_failing: false,
            clock_offset_ms: 0,
            body: Vec::new(),
        };
        let counts = HashMap::from([(a.clone(), 2)]);
        let (keep, excess) = within_share(vec![m(1), m(2), m(3)], counts, 3);
        assert_eq!(keep.len(), 1);
        assert_eq!(keep[0].event_id, m(1).event_id);
        assert_eq!(excess.len(), 2);
    }
}
