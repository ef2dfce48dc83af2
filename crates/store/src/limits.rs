//! Abuse limits kept in the database, so every process of a PostgreSQL deployment counts
//! the same events: counters of one-time codes (per signer, identification, destination
//! number and tenant) in fixed windows or over a subject's whole life.
//!
//! A counter is incremented with `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the
//! caller's transaction and compared afterwards: the row stays locked until the caller
//! commits, so concurrent requests are counted one after another, and a caller that finds a
//! counter over its cap rolls its transaction back, which leaves every count as it was.

use crate::{ClaimedMessage, Result, Store, Tx};
use sqlx::Row;

/// One counter to increment: `window_start` is the start of its fixed window in Unix
/// milliseconds, or 0 for a count over the subject's whole life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateCounter {
    pub key: String,
    pub window_start: i64,
    /// The most this counter may reach.
    pub cap: i64,
}

impl Store {
    /// Adds one to each counter inside `tx`. Returns the index of the first counter that went
    /// over its cap (the caller then rolls `tx` back), or `None` when all are within.
    pub async fn count_up(&self, tx: &mut Tx, counters: &[RateCounter]) -> Result<Option<usize>> {
        for (i, c) in counters.iter().enumerate() {
            let row = sqlx::query(
                "INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, 1) \
                 ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 \
                 RETURNING count",
            )
            .bind(&c.key)
            .bind(c.window_start)
            .fetch_one(&mut **tx)
            .await?;
            let count: i64 = row.try_get("count")?;
            if count > c.cap {
                return Ok(Some(i));
            }
            if count == 1 && c.window_start > 0 {
                // A new window: the key's earlier windows will never be read again.
                sqlx::query("DELETE FROM rate_counters WHERE key = $1 AND window_start < $2")
                    .bind(&c.key)
                    .bind(c.window_start)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok(None)
    }

    /// The current count of a counter (0 when it was never incremented).
    pub async fn counter_value(&self, key: &str, window_start: i64) -> Result<i64> {
        let row =
            sqlx::query("SELECT count FROM rate_counters WHERE key = $1 AND window_start = $2")
                .bind(key)
                .bind(window_start)
                .fetch_optional(&mut *self.write_conn().await?)
                .await?;
        Ok(match row {
            Some(r) => r.try_get("count")?,
            None => 0,
        })
    }

    /// Gives claimed messages back untouched (the lease cleared, the fence kept), for a
    /// worker that claimed more of one tenant than that tenant's share of its slots.
    pub async fn release_webhook_messages(&self, messages: &[&ClaimedMessage]) -> Result<()> {
        for m in messages {
            sqlx::query(
                "UPDATE webhook_messages SET lease_owner = NULL, lease_until = NULL \
                 WHERE endpoint_id = $1 AND event_id = $2 AND fence = $3",
            )
            .bind(m.endpoint_id.as_str())
            .bind(m.event_id.as_str())
            .bind(m.fence)
            .execute(&mut *self.write_conn().await?)
            .await?;
        }
        Ok(())
    }
}
