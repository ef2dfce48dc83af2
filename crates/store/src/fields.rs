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

/// The associated data of a field's sealed column (`field`: its placement and any prefilled
/// value; `value`: what its signer gave), under the document's data key.
fn field_context(column: &str, document: &str, name: &str) -> String {
    format!("document_fields.{column}:{document}:{name}")
}

impl Store {
    /// Fields from rows of `document_id, name, field, value` (keys loaded here first).
    async fn fields_from_rows(&self, rows: &[AnyRow]) -> Result<Vec<(String, StoredField)>> {
        if let Some(keyring) = &self.keyring {
            let mut sealed = Vec::new();
            for row in rows {
                sealed.push(row.try_get::<String, _>("field")?);
                if let Some(v) = row.try_get::<Option<String>, _>("value")? {
                    sealed.push(v);
                }
            }
            keyring
                .load_keys_of(sealed.iter().map(String::as_str))
                .await?;
        }
        rows.iter()
            .map(|row| {
                let document: String = row.try_get("document_id")?;
                let name: String = row.try_get("name")?;
                let open = |column: &str, stored: String| -> Result<String> {
                    match &self.keyring {
                        Some(keyring) if crate::keyring::is_sealed_text(&stored) => keyring
                            .open_person_text(
                                &stored,
                                &field_context(column, &document, &name),
                                None,
                            ),
                        _ => Ok(stored),
                    }
                };
                let field = open("field", row.try_get("field")?)?;
                let value: Option<String> = row.try_get("value")?;
                let value = value.map(|v| open("value", v)).transpose()?;
                Ok((
                    document.clone(),
                    StoredField {
                        field: serde_json::from_str(&field)?,
                        value: value.map(|v| serde_json::from_str(&v)).transpose()?,
                    },
                ))
            })
            .collect()
    }

    /// Seals the fields stored before they were sealed (see [`Store::encrypt_legacy_rows`]).
    pub(crate) async fn encrypt_legacy_fields(&self) -> Result<u64> {
        if self.keyring.is_none() {
            return Ok(0);
        }
        let mut done = 0;
        loop {
            let rows = sqlx::query(
                "SELECT document_id, position, name, field, value FROM document_fields WHERE field NOT LIKE 'enc1:%' LIMIT 200",
            )
            .fetch_all(&self.read)
            .await?;
            if rows.is_empty() {
                break;
            }
            let mut tx = self.begin().await?;
            for row in &rows {
                let document: String = row.try_get("document_id")?;
                let id = DocumentId::parse(&document)
                    .ok_or_else(|| StoreError::Corrupt("field document id".into()))?;
                let name: String = row.try_get("name")?;
                let old: String = row.try_get("field")?;
                let value: Option<String> = row.try_get("value")?;
                let tenant = self.sealing_tenant(&mut tx, &id).await?;
                let field = self
                    .sealed_field_column(tenant.as_deref(), &id, "field", &name, old.clone())
                    .await?;
                let value = match value {
                    Some(v) => Some(
                        self.sealed_field_column(tenant.as_deref(), &id, "value", &name, v)
                            .await?,
                    ),
                    None => None,
                };
                done += sqlx::query(
                    "UPDATE document_fields SET field = $1, value = $2 WHERE document_id = $3 AND position = $4 AND field = $5",
                )
                .bind(field)
                .bind(value)
                .bind(&document)
                .bind(row.try_get::<i64, _>("position")?)
                .bind(&old)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        Ok(done)
    }

    /// The document's tenant, read once per call that seals its fields (`None` without a
    /// keyring: nothing is sealed).
    async fn sealing_tenant(&self, tx: &mut Tx, id: &DocumentId) -> Result<Option<String>> {
        if self.keyring.is_none() {
            return Ok(None);
        }
        let row = sqlx::query("SELECT tenant_id FROM documents WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(Some(row.try_get("tenant_id")?))
    }

    /// A field's column as stored: sealed under the document's key when there is a keyring
    /// (`tenant` from [`Store::sealing_tenant`]).
    async fn sealed_field_column(
        &self,
        tenant: Option<&str>,
        id: &DocumentId,
        column: &str,
        name: &str,
        plain: String,
    ) -> Result<String> {
        let (Some(keyring), Some(tenant)) = (&self.keyring, tenant) else {
            return Ok(plain);
        };
        keyring
            .seal_document_text(
                tenant,
                id.as_str(),
                &field_context(column, id.as_str(), name),
                &plain,
            )
            .await
    }
}

impl Store {
    /// Stores a new document's fields, in order (in the transaction that stores it).
    pub async fn insert_fields(
        &self,
        tx: &mut Tx,
        id: &DocumentId,
        fields: &[Field],
    ) -> Result<()> {
        let tenant = self.sealing_tenant(tx, id).await?;
        for (i, f) in fields.iter().enumerate() {
            sqlx::query(
                "INSERT INTO document_fields (document_id, position, name, signer_position, field, value) VALUES ($1, $2, $3, $4, $5, NULL)",
            )
            .bind(id.as_str())
            .bind(i as i64)
            .bind(f.name.clone())
            .bind(i64::from(f.signer))
            .bind(
                self.sealed_field_column(tenant.as_deref(), id, "field", &f.name, serde_json::to_string(f)?)
                    .await?,
            )
            .execute(&mut **tx)
            .await
            .map_err(|e| StoreError::on_constraint(e, "field name taken"))?;
        }
        Ok(())
    }

    /// A document's fields in order, read in `tx` (under the document's lock).
    pub async fn fields_in_tx(&self, tx: &mut Tx, id: &DocumentId) -> Result<Vec<StoredField>> {
        let rows = sqlx::query(
            "SELECT document_id, name, field, value FROM document_fields WHERE document_id = $1 ORDER BY position",
        )
        .bind(id.as_str())
        .fetch_all(&mut **tx)
        .await?;
        Ok(self
            .fields_from_rows(&rows)
            .await?
            .into_iter()
            .map(|(_, f)| f)
            .collect())
    }

    /// A document's fields in order (the caller has checked the document is the tenant's).
    pub async fn fields(&self, id: &DocumentId) -> Result<Vec<StoredField>> {
        let rows = sqlx::query(
            "SELECT document_id, name, field, value FROM document_fields WHERE document_id = $1 ORDER BY position",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await?;
        Ok(self
            .fields_from_rows(&rows)
            .await?
            .into_iter()
            .map(|(_, f)| f)
            .collect())
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
            "SELECT document_id, name, field, value FROM document_fields WHERE document_id IN ({}) ORDER BY document_id, position",
            marks.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.as_str());
        }
        let rows = q.fetch_all(&self.read).await?;
        for (doc, field) in self.fields_from_rows(&rows).await? {
            out.entry(doc).or_default().push(field);
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
        let tenant = self.sealing_tenant(tx, id).await?;
        for (name, value) in values {
            sqlx::query(
                "UPDATE document_fields SET value = $1 WHERE document_id = $2 AND name = $3 AND signer_position = $4",
            )
            .bind(
                self.sealed_field_column(tenant.as_deref(), id, "value", name, serde_json::to_string(value)?)
                    .await?,
            )
            .bind(id.as_str())
            .bind(name.clone())
            .bind(i64::from(signer))
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
