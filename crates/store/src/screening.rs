//! Sanctions lists for AML screening: global to the installation, not per
//! tenant. The store keeps each entry as JSON text and knows nothing of its
//! shape; the server parses and indexes them.

use crate::{Result, Store};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Rows per multi-row INSERT when a list is replaced (4 parameters each).
const INSERT_BATCH: usize = 200;

/// One imported list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningListRow {
    /// The publisher's name: `ofac-sdn`, `eu-fsf`, `un-sc`, `uk-sanctions-list`, `opensanctions`.
    pub id: String,
    pub source: String,
    /// The file format it was last imported from.
    pub format: String,
    pub version: String,
    pub entry_count: i64,
    /// Wall-clock Unix milliseconds.
    pub imported_at: i64,
}

/// One stored entry: the list's own id and the entry as JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningEntryRow {
    pub entry_id: String,
    pub doc: String,
}

fn list_from_row(row: &AnyRow) -> Result<ScreeningListRow> {
    Ok(ScreeningListRow {
        id: row.try_get("id")?,
        source: row.try_get("source")?,
        format: row.try_get("format")?,
        version: row.try_get("version")?,
        entry_count: row.try_get("entry_count")?,
        imported_at: row.try_get("imported_at")?,
    })
}

impl Store {
    /// Every imported list, by id.
    pub async fn screening_lists(&self) -> Result<Vec<ScreeningListRow>> {
        let rows = sqlx::query(
            "SELECT id, source, format, version, entry_count, imported_at FROM screening_lists ORDER BY id",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(list_from_row).collect()
    }

    /// A list's entries in file order.
    pub async fn screening_entries(&self, list_id: &str) -> Result<Vec<ScreeningEntryRow>> {
        let rows = sqlx::query(
            "SELECT entry_id, doc FROM screening_entries WHERE list_id = $1 ORDER BY seq",
        )
        .bind(list_id)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ScreeningEntryRow {
                    entry_id: r.try_get("entry_id")?,
                    doc: r.try_get("doc")?,
                })
            })
            .collect()
    }

    /// Replaces a list and all its entries in one transaction: readers see
    /// the old list or the new one, never a mix, and a failure keeps the old.
    /// `progress` is called after each batch with the entries written so far.
    /// Returns the import time stored: `list.imported_at`, or just after the
    /// replaced list's when that was not earlier.
    pub async fn replace_screening_list(
        &self,
        list: &ScreeningListRow,
        entries: &[ScreeningEntryRow],
        progress: &mut (dyn FnMut(usize) + Send),
    ) -> Result<i64> {
        let mut tx = self.begin().await?;
        // Each import of a list stamps a later time than the one it replaces, even under a
        // pinned or coarse clock, so readers comparing times always see the change.
        let previous: Option<i64> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT imported_at FROM screening_lists WHERE id = $1{}",
            self.backend.for_update()
        )))
        .bind(&list.id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("imported_at"))
        .transpose()?;
        let imported_at = match previous {
            Some(p) if p >= list.imported_at => p + 1,
            _ => list.imported_at,
        };
        sqlx::query("DELETE FROM screening_entries WHERE list_id = $1")
            .bind(&list.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM screening_lists WHERE id = $1")
            .bind(&list.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO screening_lists (id, source, format, version, entry_count, imported_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&list.id)
        .bind(&list.source)
        .bind(&list.format)
        .bind(&list.version)
        .bind(list.entry_count)
        .bind(imported_at)
        .execute(&mut *tx)
        .await?;
        let mut written = 0usize;
        for batch in entries.chunks(INSERT_BATCH) {
            let mut sql =
                String::from("INSERT INTO screening_entries (list_id, seq, entry_id, doc) VALUES ");
            for i in 0..batch.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let p = i * 4;
                sql.push_str(&format!("(${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4));
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, e) in batch.iter().enumerate() {
                q = q
                    .bind(&list.id)
                    .bind((written + i) as i64)
                    .bind(&e.entry_id)
                    .bind(&e.doc);
            }
            q.execute(&mut *tx).await?;
            written += batch.len();
            progress(written);
        }
        tx.commit().await?;
        Ok(imported_at)
    }
}
