//! A document's form fields and the values its signers gave on approval.

use crate::{Result, Store, StoreError, Tx};
use serde_json::Value;
use signet_core::ids::DocumentId;
use signet_core::signing::fields::Field;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// A field as stored: where it is and what it holds, and what its signer gave on approval.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredField {
    pub field: Field,
    /// The signer's value (approval's `values`); `None` until given, and for fields the
    /// signer does not fill.
    pub value: Option<Value>,
}

fn field_from_row(row: &AnyRow) -> Result<StoredField> {
    let field: String = row.try_get("field")?;
    let value: Option<String> = row.try_get("value")?;
    Ok(StoredField {
        field: serde_json::from_str(&field)?,
        value: value.map(|v| serde_json::from_str(&v)).transpose()?,
    })
}

impl Store {
    /// Stores a new document's fields, in order (in the transaction that stores it).
    pub async fn insert_fields(
        &self,
        tx: &mut Tx,
        id: &DocumentId,
        fields: &[Field],
    ) -> Result<()> {
        for (i, f) in fields.iter().enumerate() {
            sqlx::query(
                "INSERT INTO document_fields (document_id, position, name, signer_position, field, value) VALUES ($1, $2, $3, $4, $5, NULL)",
            )
            .bind(id.as_str())
            .bind(i as i64)
            .bind(f.name.clone())
            .bind(i64::from(f.signer))
            .bind(serde_json::to_string(f)?)
            .execute(&mut **tx)
            .await
            .map_err(|e| StoreError::on_constraint(e, "field name taken"))?;
        }
        Ok(())
    }

    /// A document's fields in order, read in `tx` (under the document's lock).
    pub async fn fields_in_tx(&self, tx: &mut Tx, id: &DocumentId) -> Result<Vec<StoredField>> {
        let rows = sqlx::query(
            "SELECT field, value FROM document_fields WHERE document_id = $1 ORDER BY position",
        )
        .bind(id.as_str())
        .fetch_all(&mut **tx)
        .await?;
        rows.iter().map(field_from_row).collect()
    }

    /// A document's fields in order (the caller has checked the document is the tenant's).
    pub async fn fields(&self, id: &DocumentId) -> Result<Vec<StoredField>> {
        let rows = sqlx::query(
            "SELECT field, value FROM document_fields WHERE document_id = $1 ORDER BY position",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(field_from_row).collect()
    }

    /// The fields of several documents (a page of a list), by document id; documents without
    /// fields are absent.
    pub async fn fields_of(
        &self,
        ids: &[&DocumentId],
    ) -> Result<HashMap<String, Vec<StoredField>>> {
        let mut out: HashMap<String, Vec<StoredField>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT document_id, field, value FROM document_fields WHERE document_id IN ({}) ORDER BY document_id, position",
            marks.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.as_str());
        }
        for row in q.fetch_all(&self.read).await? {
            let doc: String = row.try_get("document_id")?;
            out.entry(doc).or_default().push(field_from_row(&row)?);
        }
        Ok(out)
    }

    /// Replaces what the signer at `signer` gave: every value of their fields cleared, then
    /// `values` (by field name) set.
    pub async fn set_field_values(
        &self,
        tx: &mut Tx,
        id: &DocumentId,
        signer: u32,
        values: &[(String, Value)],
    ) -> Result<()> {
        sqlx::query(
            "UPDATE document_fields SET value = NULL WHERE document_id = $1 AND signer_position = $2",
        )
        .bind(id.as_str())
        .bind(i64::from(signer))
        .execute(&mut **tx)
        .await?;
        for (name, value) in values {
            sqlx::query(
                "UPDATE document_fields SET value = $1 WHERE document_id = $2 AND name = $3 AND signer_position = $4",
            )
            .bind(serde_json::to_string(value)?)
            .bind(id.as_str())
            .bind(name.clone())
            .bind(i64::from(signer))
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
