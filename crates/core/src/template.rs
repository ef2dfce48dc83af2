//! Document templates (`/v1/templates`): a PDF with the roles its signers take and its
//! fields, each field naming a `role` instead of a signer. A document sent from a template
//! (`template_id` on `POST /v1/documents`) maps each role to the signer that takes it.
//!
//! The fields themselves are checked as a document's are ([`crate::signing::fields`]), with
//! the index of the field's role in `roles` where a document has a signer's index; this
//! module checks what only a template has: its name (seed 001's 80), its roles and how a
//! document's signers take them.

use crate::validate::{FieldError, Invalid};

/// The longest template name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The most roles one template has (a document's signers are capped by the tenant's limit).
pub const MAX_ROLES: usize = 20;
/// The longest role name, in characters.
pub const MAX_ROLE_CHARS: usize = 100;
/// Seed 001's "The template name is invalid."
pub const RETURN_CODE_BAD_NAME: u32 = 80;

/// Whether a template may send documents: `draft` waits for a reviewer's approval (where the
/// tenant requires review), `approved` may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateStatus {
    Draft,
    Approved,
}

impl TemplateStatus {
    pub const ALL: &'static [TemplateStatus] = &[TemplateStatus::Draft, TemplateStatus::Approved];

    pub fn as_str(self) -> &'static str {
        match self {
            TemplateStatus::Draft => "draft",
            TemplateStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<TemplateStatus> {
        TemplateStatus::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
    }
}

/// A template name: 1 to [`MAX_NAME_CHARS`] characters, each a letter, a digit, a space or
/// one of `.-_@`, not starting or ending with a space. Anything else is refused with 80.
pub fn check_name(field: &str, value: &str) -> Result<String, Invalid> {
    let n = value.chars().count();
    let ok = (1..=MAX_NAME_CHARS).contains(&n)
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '@'))
        && !value.starts_with(' ')
        && !value.ends_with(' ');
    if ok {
        return Ok(value.to_owned());
    }
    Err(Invalid {
        fields: vec![FieldError::new(
            field,
            format!(
                "must be 1 to {MAX_NAME_CHARS} letters, digits, spaces and . - _ @ (not starting or ending with a space)"
            ),
        )],
        return_code: Some(RETURN_CODE_BAD_NAME),
    })
}

/// A template's roles: 1 to [`MAX_ROLES`] names, each 1 to [`MAX_ROLE_CHARS`] characters
/// once trimmed, without control characters, none twice. Returns them trimmed.
pub fn check_roles(field: &str, roles: &[String]) -> Result<Vec<String>, Invalid> {
    if roles.is_empty() || roles.len() > MAX_ROLES {
        return Err(FieldError::new(
            field,
            format!("must name 1 to {MAX_ROLES} roles, such as [\"Client\", \"Bank\"]"),
        )
        .into());
    }
    let mut errors = Vec::new();
    let mut out: Vec<String> = Vec::with_capacity(roles.len());
    for (i, r) in roles.iter().enumerate() {
        let r = r.trim();
        if r.is_empty() || r.chars().count() > MAX_ROLE_CHARS || r.chars().any(char::is_control) {
            errors.push(FieldError::new(
                &format!("{field}[{i}]"),
                format!(
                    "must be 1 to {MAX_ROLE_CHARS} characters once trimmed, without control characters"
                ),
            ));
        } else if out.iter().any(|o| o == r) {
            errors.push(FieldError::new(
                &format!("{field}[{i}]"),
                "is named twice; roles are unique in a template",
            ));
        }
        out.push(r.to_owned());
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    Ok(out)
}

/// The index in `roles` of a field's `role`, or the error naming `field`.
pub fn role_index(field: &str, roles: &[String], role: &str) -> Result<usize, FieldError> {
    roles.iter().position(|r| r == role.trim()).ok_or_else(|| {
        FieldError::new(
            field,
            format!("must be one of the template's roles: {}", roles.join(", ")),
        )
    })
}

/// How a document's signers take a template's roles: each signer names one `role` of the
/// template, and every role is taken by exactly one signer. Returns, for each role in order,
/// the index of its signer. Every error is collected under `signers[i].role`.
pub fn map_roles(roles: &[String], signers: &[Option<String>]) -> Result<Vec<usize>, Invalid> {
    let mut errors = Vec::new();
    let mut taken: Vec<Option<usize>> = vec![None; roles.len()];
    for (i, s) in signers.iter().enumerate() {
        let at = format!("signers[{i}].role");
        let Some(role) = s else {
            errors.push(FieldError::new(
                &at,
                format!(
                    "is required with template_id: one of the template's roles ({})",
                    roles.join(", ")
                ),
            ));
            continue;
        };
        match role_index(&at, roles, role) {
            Ok(k) => match taken[k] {
                Some(j) => errors.push(FieldError::new(
                    &at,
                    format!("is already taken by signers[{j}]; each role has one signer"),
                )),
                None => taken[k] = Some(i),
            },
            Err(e) => errors.push(e),
        }
    }
    for (k, t) in taken.iter().enumerate() {
        if t.is_none() && errors.is_empty() {
            errors.push(FieldError::new(
                "signers",
                format!(
                    "the template's role \"{}\" has no signer; give one signer for each role",
                    roles[k]
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    Ok(taken.into_iter().map(|t| t.unwrap_or(0)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_letters_digits_spaces_and_four_marks() {
        for ok in [
            "NDA",
            "Loan agreement 2026",
            "a.b-c_d@e",
            "Vertrag über Änderung",
        ] {
            assert_eq!(check_name("name", ok).unwrap(), ok);
        }
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        for bad in [
            "",
            " NDA",
            "NDA ",
            "NDA/2",
            "a<b>",
            "tab\there",
            long.as_str(),
        ] {
            let e = check_name("name", bad).unwrap_err();
            assert_eq!(e.return_code, Some(RETURN_CODE_BAD_NAME), "{bad:?}");
            assert_eq!(e.fields[0].field, "name");
        }
        assert!(check_name("name", &"x".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn roles_are_unique_and_named() {
        let r = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            check_roles("roles", &r(&[" Client ", "Bank"])).unwrap(),
            r(&["Client", "Bank"])
        );
        assert!(check_roles("roles", &[]).is_err());
        let e = check_roles("roles", &r(&["Client", "Client"])).unwrap_err();
        assert_eq!(e.fields[0].field, "roles[1]");
        assert!(check_roles("roles", &r(&[" "])).is_err());
    }

    #[test]
    fn every_role_takes_exactly_one_signer() {
        let roles = vec!["Client".to_owned(), "Bank".to_owned()];
        let s = |v: &[Option<&str>]| {
            v.iter()
                .map(|o| o.map(str::to_owned))
                .collect::<Vec<Option<String>>>()
        };
        assert_eq!(
            map_roles(&roles, &s(&[Some("Bank"), Some("Client")])).unwrap(),
            vec![1, 0]
        );
        let e = map_roles(&roles, &s(&[Some("Bank"), Some("Bank")])).unwrap_err();
        assert_eq!(e.fields[0].field, "signers[1].role");
        let e = map_roles(&roles, &s(&[Some("Bank")])).unwrap_err();
        assert_eq!(e.fields[0].field, "signers");
        let e = map_roles(&roles, &s(&[Some("Bank"), None])).unwrap_err();
        assert_eq!(e.fields[0].field, "signers[1].role");
        let e = map_roles(&roles, &s(&[Some("Bank"), Some("Notary")])).unwrap_err();
        assert!(e.fields[0].message.contains("Client, Bank"));
    }
}
