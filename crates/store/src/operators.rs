//! The back office's operators and their sessions, and the review queues they clear.
//!
//! Operators are installation-wide: the queues span every tenant and mode. Passwords arrive
//! here already hashed (argon2id, by the server); sessions are keyed by the SHA-256 of the
//! cookie, so a leaked database does not yield a usable session.

use crate::{Mode, Result, Store, StoreError};
use signet_core::ids::TenantId;
use signet_core::signing::{Document, Signer};
use signet_core::time::{Timestamp, from_millis, to_millis};
use sqlx::Row;
use sqlx::any::AnyRow;

/// An operator of the back office.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorRow {
    pub id: String,
    /// Lower case.
    pub email: String,
    /// An argon2id PHC string.
    pub password_hash: String,
    pub created_at: Timestamp,
    /// Set while the operator may not sign in.
    pub disabled_at: Option<Timestamp>,
}

/// A live session: the operator and the token every form of the session must carry.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorSession {
    pub operator: OperatorRow,
    pub csrf: String,
    pub expires_at: Timestamp,
}

/// A signer in a review queue, with its document and tenant.
#[derive(Debug, Clone)]
pub struct QueuedSigner {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub mode: Mode,
    pub document: Document,
    pub signer: Signer,
}

fn operator_from_row(row: &AnyRow) -> Result<OperatorRow> {
    Ok(OperatorRow {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        password_hash: row.try_get("password_hash")?,
        created_at: from_millis(row.try_get("created_at")?),
        disabled_at: row
            .try_get::<Option<i64>, _>("disabled_at")?
            .map(from_millis),
    })
}

fn queued_from_row(store: &Store, row: &AnyRow) -> Result<QueuedSigner> {
    let corrupt = |w: &str| StoreError::Corrupt(w.into());
    let tenant: String = row.try_get("tenant_id")?;
    let mode: String = row.try_get("mode")?;
    let ddoc: String = row.try_get("ddoc")?;
    let sdoc: String = row.try_get("sdoc")?;
    Ok(QueuedSigner {
        tenant_id: TenantId::parse(&tenant).ok_or_else(|| corrupt("tenant id"))?,
        tenant_name: row.try_get("tenant_name")?,
        mode: Mode::parse(&mode).ok_or_else(|| corrupt("mode"))?,
        document: serde_json::from_str(&ddoc)?,
        signer: store.open_signer(&sdoc)?,
    })
}

const QUEUE_SELECT: &str = "SELECT s.tenant_id, t.name AS tenant_name, d.mode, d.doc AS ddoc, s.doc AS sdoc \
     FROM signers s JOIN documents d ON d.id = s.document_id JOIN tenants t ON t.id = s.tenant_id";

impl Store {
    /// Adds an operator. The email is stored lower case; a taken email is a conflict.
    pub async fn create_operator(
        &self,
        id: &str,
        email: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<OperatorRow> {
        let email = email.trim().to_lowercase();
        sqlx::query(
            "INSERT INTO operators (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(email.clone())
        .bind(password_hash)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await
        .map_err(|e| StoreError::on_constraint(e, "an operator with this email exists"))?;
        self.operator_by_email(&email)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The operator with this email (compared lower case), if any.
    pub async fn operator_by_email(&self, email: &str) -> Result<Option<OperatorRow>> {
        let row = sqlx::query(
            "SELECT id, email, password_hash, created_at, disabled_at FROM operators WHERE email = $1",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&mut *self.write_conn().await?)
        .await?;
        row.as_ref().map(operator_from_row).transpose()
    }

    /// Starts a session, keyed by the SHA-256 (hex) of its cookie.
    pub async fn insert_operator_session(
        &self,
        id_hash: &str,
        operator_id: &str,
        csrf: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        // Sessions that ended are swept whenever one begins.
        sqlx::query("DELETE FROM operator_sessions WHERE expires_at <= $1")
            .bind(to_millis(&now))
            .execute(&mut *self.write_conn().await?)
            .await?;
        sqlx::query(
            "INSERT INTO operator_sessions (id_hash, operator_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id_hash)
        .bind(operator_id)
        .bind(csrf)
        .bind(to_millis(&now))
        .bind(to_millis(&expires_at))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// The session with this cookie digest, if it has not expired at `now`.
    pub async fn operator_session(
        &self,
        id_hash: &str,
        now: Timestamp,
    ) -> Result<Option<OperatorSession>> {
        let row = sqlx::query(
            "SELECT o.id, o.email, o.password_hash, o.created_at, o.disabled_at, s.csrf, s.expires_at \
             FROM operator_sessions s JOIN operators o ON o.id = s.operator_id \
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND o.disabled_at IS NULL",
        )
        .bind(id_hash)
        .bind(to_millis(&now))
        .fetch_optional(&mut *self.write_conn().await?)
        .await?;
        row.map(|r| {
            Ok(OperatorSession {
                operator: operator_from_row(&r)?,
                csrf: r.try_get("csrf")?,
                expires_at: from_millis(r.try_get("expires_at")?),
            })
        })
        .transpose()
    }

    /// Every operator, by email.
    pub async fn list_operators(&self) -> Result<Vec<OperatorRow>> {
        let rows = sqlx::query(
            "SELECT id, email, password_hash, created_at, disabled_at FROM operators ORDER BY email",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(operator_from_row).collect()
    }

    /// Replaces an operator's password hash and ends their sessions; `NotFound` if no such id.
    pub async fn set_operator_password(&self, id: &str, password_hash: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = sqlx::query("UPDATE operators SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM operator_sessions WHERE operator_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables an operator (ending their sessions) with `Some(now)`, or enables them again
    /// with `None`; `NotFound` if no such id.
    pub async fn set_operator_disabled(
        &self,
        id: &str,
        disabled_at: Option<Timestamp>,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = sqlx::query("UPDATE operators SET disabled_at = $1 WHERE id = $2")
            .bind(disabled_at.map(|t| to_millis(&t)))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        if disabled_at.is_some() {
            sqlx::query("DELETE FROM operator_sessions WHERE operator_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Ends a session (signing out).
    pub async fn delete_operator_session(&self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM operator_sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *self.write_conn().await?)
            .await?;
        Ok(())
    }

    /// Signers of every tenant and mode in `status` (a queue), oldest document change first,
    /// at most `limit`.
    pub async fn signers_in_status(&self, status: &str, limit: u32) -> Result<Vec<QueuedSigner>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{QUEUE_SELECT} WHERE s.status = $1 ORDER BY d.updated_at, s.id LIMIT $2"
        )))
        .bind(status)
        .bind(i64::from(limit))
        .fetch_all(&self.read)
        .await?;
        let docs: Vec<String> = rows
            .iter()
            .map(|r| r.try_get::<String, _>("sdoc"))
            .collect::<std::result::Result<_, _>>()?;
        self.load_signer_keys(&docs).await?;
        rows.iter().map(|r| queued_from_row(self, r)).collect()
    }

    /// One signer with its document and tenant, whatever the tenant.
    pub async fn queued_signer(&self, signer_id: &str) -> Result<QueuedSigner> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{QUEUE_SELECT} WHERE s.id = $1"
        )))
        .bind(signer_id)
        .fetch_optional(&self.read)
        .await?
        .ok_or(StoreError::NotFound)?;
        let doc: String = row.try_get("sdoc")?;
        self.load_signer_keys(std::slice::from_ref(&doc)).await?;
        queued_from_row(self, &row)
    }
}

/// How often a key may fail within a window before it is locked, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct ThrottleRule {
    pub max_failures: i64,
    pub window: chrono::Duration,
    pub lock: chrono::Duration,
}

impl Store {
    /// The latest moment any of `keys` is locked until, if one is locked at `now`.
    pub async fn login_locked_until(
        &self,
        keys: &[&str],
        now: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let mut latest: Option<Timestamp> = None;
        for key in keys {
            let row = sqlx::query("SELECT locked_until FROM login_throttle WHERE key = $1")
                .bind(*key)
                .fetch_optional(&self.read)
                .await?;
            let until: Option<i64> = match row {
                Some(r) => r.try_get("locked_until")?,
                None => None,
            };
            if let Some(t) = until.map(from_millis).filter(|t| *t > now) {
                latest = Some(latest.map_or(t, |l| l.max(t)));
            }
        }
        Ok(latest)
    }

    /// Reserves one failure for each key before a password is checked, so that parallel
    /// attempts are counted before any of them is judged: a key whose window already holds
    /// `max_failures` (finished or in flight) or that is locked refuses, and then nothing is
    /// reserved for any key. `Ok(None)`: reserved; `Ok(Some(until))`: refused until then.
    /// A success gives the reservation back ([`Store::release_login_attempt`]) or clears the
    /// key; a failure keeps it and locks the key once it is the last one the window allows
    /// ([`Store::login_failed`]).
    pub async fn reserve_login_attempt(
        &self,
        keys: &[(&str, ThrottleRule)],
        now: Timestamp,
    ) -> Result<Option<Timestamp>> {
        let mut tx = self.begin().await?;
        let now_ms = to_millis(&now);
        for (key, rule) in keys {
            // A window that ended (and is not locked) starts again with this attempt.
            let row = sqlx::query(
                "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES ($1, 1, $2, NULL) \
                 ON CONFLICT (key) DO UPDATE SET \
                 failures = CASE WHEN login_throttle.window_start <= $3 AND COALESCE(login_throttle.locked_until, 0) <= $2 \
                   THEN 1 ELSE login_throttle.failures + 1 END, \
                 locked_until = CASE WHEN login_throttle.window_start <= $3 AND COALESCE(login_throttle.locked_until, 0) <= $2 \
                   THEN NULL ELSE login_throttle.locked_until END, \
                 window_start = CASE WHEN login_throttle.window_start <= $3 AND COALESCE(login_throttle.locked_until, 0) <= $2 \
                   THEN $2 ELSE login_throttle.window_start END \
                 RETURNING failures, window_start, locked_until",
            )
            .bind(*key)
            .bind(now_ms)
            .bind(now_ms - rule.window.num_milliseconds())
            .fetch_one(&mut *tx)
            .await?;
            let failures: i64 = row.try_get("failures")?;
            let start = from_millis(row.try_get("window_start")?);
            let locked = row
                .try_get::<Option<i64>, _>("locked_until")?
                .map(from_millis)
                .filter(|t| *t > now);
            if locked.is_some() || failures > rule.max_failures {
                // Dropping the transaction rolls back every reservation made above.
                return Ok(Some(locked.unwrap_or(start + rule.window)));
            }
        }
        tx.commit().await?;
        Ok(None)
    }

    /// A reserved attempt failed: the reservation stays counted, and a key whose window is
    /// full is locked for the rule's lock time from now.
    pub async fn login_failed(&self, key: &str, rule: ThrottleRule, now: Timestamp) -> Result<()> {
        sqlx::query(
            "UPDATE login_throttle SET locked_until = $1 \
             WHERE key = $2 AND failures >= $3 AND COALESCE(locked_until, 0) <= $4",
        )
        .bind(to_millis(&(now + rule.lock)))
        .bind(key)
        .bind(rule.max_failures)
        .bind(to_millis(&now))
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// A reserved attempt succeeded: its reservation is given back.
    pub async fn release_login_attempt(&self, key: &str) -> Result<()> {
        sqlx::query(
            "UPDATE login_throttle SET failures = failures - 1 WHERE key = $1 AND failures > 0",
        )
        .bind(key)
        .execute(&mut *self.write_conn().await?)
        .await?;
        Ok(())
    }

    /// The failures counted in `key`'s current window (reserved or finished).
    pub async fn login_failures(&self, key: &str) -> Result<i64> {
        let row = sqlx::query("SELECT failures FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(&mut *self.write_conn().await?)
            .await?;
        Ok(match row {
            Some(r) => r.try_get("failures")?,
            None => 0,
        })
    }

    /// A successful sign-in forgets the key's failures.
    pub async fn clear_login_failures(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_throttle WHERE key = $1")
            .bind(key)
            .execute(&mut *self.write_conn().await?)
            .await?;
        Ok(())
    }
}
