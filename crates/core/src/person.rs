//! Persons (seed 002).
//!
//! A person has some sixty fields, most of them optional strings with a rule
//! or two. Rather than a struct, a table of field specifications drives
//! creation, updates, validation and the response shape, so the rules of
//! seed 002 live in one place: which fields exist, which can be written on
//! creation, which `PATCH` may change, and how each is checked. The stored
//! form is the response object itself, with every field present (`null` where
//! unknown), in seed 002's order.

use crate::screening::{RiskClassification, ScreeningProgress, Verdict};
use crate::time::Timestamp;
use crate::validate::{self, FieldError};
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

/// How a field's value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A personal name (seed 002's sanitisation rules).
    Name,
    /// Free text up to this many characters.
    Text(usize),
    /// One of these exact words.
    Enum(&'static [&'static str]),
    /// ISO 3166-1 alpha-2.
    Country,
    /// A list of ISO 3166-1 alpha-2 codes.
    CountryList,
    /// E.164, valid per libphonenumber's metadata.
    Phone,
    /// An e-mail address.
    Email,
    /// A past ISO date (birth dates).
    BirthDate,
    /// An ISO date that must be today or tomorrow on the tenant clock.
    AmlConfirmedOn,
    /// An RFC 3339 timestamp in UTC.
    UtcTimestamp,
    /// A NACE Rev. 2 code.
    Nace,
    /// `true` or `false`.
    Bool,
    /// A non-negative integer.
    Cents,
    /// An address object (`line_1`, `line_2`, `postal_code`, `city`, `country`, `state`).
    Address,
    /// `tax_information` (`tax_assessment`, `marital_status`).
    TaxInformation,
}

/// Who may write a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Set on creation and changeable by `PATCH` (seed 002's update list).
    Updatable,
    /// Set on creation only; later changes go through support (seed 002).
    CreateOnly,
    /// Maintained by Signet (ids, compliance outcomes); never written by a client.
    ReadOnly,
}

/// One field of the person resource.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub access: Access,
    /// The value a new person has when the field is not given.
    pub default: Default,
}

/// A field's initial value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    Null,
    False,
    EmptyList,
    Word(&'static str),
    /// An object whose members all start `null` (addresses, tax information).
    NullObject,
}

pub const SALUTATIONS: &[&str] = &["MR", "MS"];
pub const EMPLOYMENT_STATUSES: &[&str] = &[
    "EMPLOYED",
    "UNEMPLOYED",
    "FREELANCER",
    "SELF_EMPLOYED",
    "RETIRED",
    "STUDENT",
    "HOUSEWORK_CHILDCARE",
    "CIVIL_SERVANT",
    "EXECUTIVE",
    "MANAGER",
    "PUPIL",
];
pub const MARITAL_STATUSES: &[&str] = &[
    "UNKNOWN",
    "SINGLE",
    "MARRIED",
    "DIVORCED",
    "WIDOWED",
    "SEPARATED",
    "REGISTERED_PARTNERSHIP",
];
pub const TAX_ASSESSMENTS: &[&str] = &["NONE", "SEPARATE", "JOINT"];
pub const SCREENING_PROGRESS: &[&str] = &[
    "NOT_SCREENED",
    "POTENTIAL_MATCH",
    "SCREENED_ACCEPTED",
    "SCREENED_DECLINED",
];
pub const RISK_CLASSIFICATION_STATUSES: &[&str] = &[
    "NOT_SCORED",
    "POTENTIAL_RISK",
    "NORMAL_RISK",
    "HIGH_RISK",
    "RISK_ACCEPTED",
    "RISK_REJECTED",
];
pub const CUSTOMER_VETTING_STATUSES: &[&str] = &[
    "NOT_VETTED",
    "NO_MATCH",
    "POTENTIAL_MATCH",
    "INFORMATION_REQUESTED",
    "INFORMATION_RECEIVED",
    "RISK_ACCEPTED",
    "RISK_REJECTED",
    "CUSTOMER_UNRESPONSIVE",
    "VETTING_NOT_REQUIRED",
];

const ADDRESS_FIELDS: &[&str] = &[
    "line_1",
    "line_2",
    "postal_code",
    "city",
    "country",
    "state",
];
const TAX_FIELDS: &[&str] = &["tax_assessment", "marital_status"];

macro_rules! f {
    ($name:literal, $kind:expr, $access:ident) => {
        f!($name, $kind, $access, Null)
    };
    ($name:literal, $kind:expr, $access:ident, $default:ident) => {
        FieldSpec {
            name: $name,
            kind: $kind,
            access: Access::$access,
            default: Default::$default,
        }
    };
    ($name:literal, $kind:expr, $access:ident, Word($w:literal)) => {
        FieldSpec {
            name: $name,
            kind: $kind,
            access: Access::$access,
            default: Default::Word($w),
        }
    };
}

/// Every field of seed 002's person response, in its order, and Signet's
/// additions at the end.
pub const FIELDS: &[FieldSpec] = &[
    f!("id", Kind::Text(64), ReadOnly),
    f!("salutation", Kind::Enum(SALUTATIONS), Updatable),
    f!("title", Kind::Text(50), Updatable),
    f!("first_name", Kind::Name, CreateOnly),
    f!("last_name", Kind::Name, CreateOnly),
    f!("address", Kind::Address, Updatable, NullObject),
    f!("contact_address", Kind::Address, Updatable, NullObject),
    f!("email", Kind::Email, Updatable),
    f!("mobile_number", Kind::Phone, CreateOnly),
    f!("birth_name", Kind::Name, CreateOnly),
    f!("birth_date", Kind::BirthDate, CreateOnly),
    f!("birth_city", Kind::Text(100), CreateOnly),
    f!("birth_country", Kind::Country, CreateOnly),
    f!("nationality", Kind::Country, CreateOnly),
    f!(
        "employment_status",
        Kind::Enum(EMPLOYMENT_STATUSES),
        Updatable
    ),
    f!("job_title", Kind::Text(100), Updatable),
    f!(
        "tax_information",
        Kind::TaxInformation,
        Updatable,
        NullObject
    ),
    f!("fatca_relevant", Kind::Bool, Updatable),
    f!("fatca_crs_confirmed_at", Kind::UtcTimestamp, Updatable),
    f!("business_purpose", Kind::Text(1000), Updatable),
    f!("industry", Kind::Text(100), Updatable),
    f!("industry_key", Kind::Text(100), Updatable),
    f!("terms_conditions_signed_at", Kind::UtcTimestamp, CreateOnly),
    f!(
        "own_economic_interest_signed_at",
        Kind::UtcTimestamp,
        Updatable
    ),
    f!("aml_follow_up_date", Kind::BirthDate, ReadOnly),
    f!("aml_confirmed_on", Kind::AmlConfirmedOn, Updatable),
    f!("flagged_by_compliance", Kind::Bool, ReadOnly, False),
    f!("expected_monthly_revenue_cents", Kind::Cents, Updatable),
    f!("vat_number", Kind::Text(50), Updatable),
    f!("website_social_media", Kind::Text(255), Updatable),
    f!("business_trading_name", Kind::Text(255), Updatable),
    f!("nace_code", Kind::Nace, Updatable),
    f!("business_address_line_1", Kind::Text(255), Updatable),
    f!("business_address_line_2", Kind::Text(255), Updatable),
    f!("business_postal_code", Kind::Text(20), Updatable),
    f!("business_city", Kind::Text(100), Updatable),
    f!("business_country", Kind::Country, Updatable),
    f!("business_state", Kind::Text(100), CreateOnly),
    f!(
        "screening_progress",
        Kind::Enum(SCREENING_PROGRESS),
        ReadOnly,
        Word("NOT_SCREENED")
    ),
    f!(
        "risk_classification_status",
        Kind::Enum(RISK_CLASSIFICATION_STATUSES),
        ReadOnly,
        Word("NOT_SCORED")
    ),
    f!(
        "customer_vetting_status",
        Kind::Enum(CUSTOMER_VETTING_STATUSES),
        ReadOnly,
        Word("NOT_VETTED")
    ),
    f!("annual_income_range", Kind::Text(50), Updatable),
    f!("data_terms_signed_at", Kind::UtcTimestamp, Updatable),
    f!("branch", Kind::Text(50), Updatable),
    f!("birth_province", Kind::Text(100), Updatable),
    f!("birth_post_code", Kind::Text(20), Updatable),
    f!("socioprofessional_category", Kind::Text(100), Updatable),
    f!("purpose_of_account_opening", Kind::Text(255), Updatable),
    f!("main_income_source", Kind::Text(100), Updatable),
    f!("work_country", Kind::Country, Updatable),
    f!("work_province", Kind::Text(100), Updatable),
    f!("self_declared_as_pep", Kind::Bool, Updatable),
    f!(
        "international_operativity_expectation",
        Kind::CountryList,
        Updatable,
        EmptyList
    ),
    f!("registration_number", Kind::Text(100), Updatable),
    f!("legitimation_valid_until", Kind::BirthDate, ReadOnly),
    // Signet's additions.
    f!("verified_mobile_number", Kind::Phone, ReadOnly),
    f!("created_at", Kind::UtcTimestamp, ReadOnly),
    f!("updated_at", Kind::UtcTimestamp, ReadOnly),
];

impl FieldSpec {
    /// Whether every person has a value for the field (never `null`): the id, the names and
    /// the timestamps Signet sets, and fields whose default is a value that `null` resets to
    /// (flags, list, address objects, compliance words).
    pub fn always_set(&self) -> bool {
        self.default != Default::Null
            || matches!(
                self.name,
                "id" | "first_name" | "last_name" | "created_at" | "updated_at"
            )
    }
}

/// Looks a field up by name.
pub fn field(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.name == name)
}

/// What a write may do, and the facts its rules depend on.
#[derive(Debug, Clone)]
pub struct WriteContext<'a> {
    /// The tenant's current date (tenant clock), for `aml_confirmed_on` and birth dates.
    pub today: NaiveDate,
    /// Residency countries the tenant allows (`None`: all).
    pub allowed_residency_countries: Option<&'a [String]>,
}

/// A person's fields that are contact data only, not customer-due-diligence records (the
/// address an identification verified and the verified mobile number are records).
pub const CONTACT_FIELDS: &[&str] = &[
    "email",
    "mobile_number",
    "contact_address",
    "website_social_media",
];

/// Null, or an object of nulls only (an address never given).
fn blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => o.values().all(blank),
        _ => false,
    }
}

/// A validated person document, the stored and returned form.
#[derive(Debug, Clone, PartialEq)]
pub struct Person(Map<String, Value>);

impl Person {
    /// Validates a creation request and builds the new person.
    pub fn create(
        id: &str,
        input: &Map<String, Value>,
        ctx: &WriteContext<'_>,
        now: &Timestamp,
    ) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (key, _) in input {
            match field(key) {
                None => errors.push(unknown_field(key)),
                Some(spec) if spec.access == Access::ReadOnly => {
                    errors.push(err(key, "is read-only and cannot be set"))
                }
                Some(_) => {}
            }
        }
        for required in ["first_name", "last_name"] {
            match input.get(required) {
                None | Some(Value::Null) => errors.push(err(required, "is required")),
                _ => {}
            }
        }
        let mut doc = Map::new();
        for spec in FIELDS {
            doc.insert(spec.name.to_owned(), default_value(spec));
        }
        doc.insert("id".into(), Value::String(id.to_owned()));
        let stamp = Value::String(crate::time::format(now));
        doc.insert("created_at".into(), stamp.clone());
        doc.insert("updated_at".into(), stamp);
        let mut person = Person(doc);
        person.apply(input, ctx, &mut errors);
        check_cross_field_rules(input, &person, ctx, &mut errors);
        if errors.is_empty() {
            Ok(person)
        } else {
            Err(errors)
        }
    }

    /// Validates a `PATCH` and applies it. Only seed 002's updatable fields
    /// are accepted; any other field is an error naming it.
    pub fn update(
        &self,
        input: &Map<String, Value>,
        ctx: &WriteContext<'_>,
        now: &Timestamp,
    ) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (key, _) in input {
            match field(key) {
                None => errors.push(unknown_field(key)),
                Some(spec) if spec.access == Access::ReadOnly => {
                    errors.push(err(key, "is read-only and cannot be updated"))
                }
                Some(spec) if spec.access == Access::CreateOnly => errors.push(err(
                    key,
                    "cannot be updated through the API; contact support to change it",
                )),
                Some(_) => {}
            }
        }
        let mut person = self.clone();
        person.apply(input, ctx, &mut errors);
        check_cross_field_rules(input, &person, ctx, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        person
            .0
            .insert("updated_at".into(), Value::String(crate::time::format(now)));
        Ok(person)
    }

    /// Checks and copies every writable field of `input`; errors for the
    /// access rules were already collected by the caller.
    fn apply(
        &mut self,
        input: &Map<String, Value>,
        ctx: &WriteContext<'_>,
        errors: &mut Vec<FieldError>,
    ) {
        for (key, value) in input {
            let Some(spec) = field(key) else { continue };
            if spec.access == Access::ReadOnly {
                continue;
            }
            match check_value(spec.name, spec.kind, value, self.0.get(key), ctx) {
                Ok(v) => {
                    self.0.insert(key.clone(), v);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
    }

    /// Rebuilds a person from its stored form.
    pub fn from_stored(doc: Map<String, Value>) -> Person {
        Person(doc)
    }

    pub fn as_json(&self) -> &Map<String, Value> {
        &self.0
    }

    pub fn into_json(self) -> Value {
        Value::Object(self.0)
    }

    /// A top-level string field, if set.
    pub fn str_field(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(Value::as_str)
    }

    pub fn first_name(&self) -> &str {
        self.str_field("first_name").unwrap_or_default()
    }

    pub fn last_name(&self) -> &str {
        self.str_field("last_name").unwrap_or_default()
    }

    pub fn flagged_by_compliance(&self) -> bool {
        self.0
            .get("flagged_by_compliance")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// The key of seed 002's "identical persons" rule: first and last name,
    /// birth city and birth date.
    pub fn identity_key(&self) -> String {
        let part = |n: &str| self.str_field(n).unwrap_or("").to_owned();
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            part("first_name"),
            part("last_name"),
            part("birth_city"),
            part("birth_date")
        )
    }

    /// The person's `screening_progress`; `None` only for a stored document that lacks it or
    /// holds another word.
    pub fn screening_progress(&self) -> Option<ScreeningProgress> {
        self.str_field("screening_progress")?.parse().ok()
    }

    /// The person's `risk_classification_status`, as [`Person::screening_progress`].
    pub fn risk_classification(&self) -> Option<RiskClassification> {
        self.str_field("risk_classification_status")?.parse().ok()
    }

    /// The person's screening fields as they stand; a person never screened has
    /// [`Verdict::UNSCREENED`].
    pub fn verdict(&self) -> Option<Verdict> {
        Some(Verdict {
            progress: self.screening_progress()?,
            risk: self.risk_classification()?,
        })
    }

    /// What the person declared in `self_declared_as_pep`: `None` when not given.
    pub fn self_declared_as_pep(&self) -> Option<bool> {
        self.0.get("self_declared_as_pep").and_then(Value::as_bool)
    }

    /// Removes the fields that only serve to reach the person ([`CONTACT_FIELDS`]): an
    /// erasure request takes them at once, as no record-keeping duty holds them. Returns
    /// those that were there.
    pub fn erase_contact(&mut self) -> Vec<&'static str> {
        CONTACT_FIELDS
            .iter()
            .copied()
            .filter(|f| {
                // Back to the field's empty form: every field is always present.
                let empty = field(f).map(default_value).unwrap_or(Value::Null);
                self.0
                    .insert((*f).to_owned(), empty)
                    .is_some_and(|v| !blank(&v))
            })
            .collect()
    }

    /// The number a successful identification verified, if any.
    pub fn verified_mobile_number(&self) -> Option<&str> {
        self.str_field("verified_mobile_number")
    }

    /// Sets `screening_progress` and `risk_classification_status` from the person's hits
    /// ([`crate::screening::verdict`]). Returns whether either changed: only then is
    /// `updated_at` moved, the person stored and `person.updated` raised.
    pub fn set_screening(&mut self, verdict: Verdict, now: &Timestamp) -> bool {
        let progress = self.put("screening_progress", verdict.progress.as_str().into());
        let risk = self.put("risk_classification_status", verdict.risk.as_str().into());
        self.touch_if(progress || risk, now)
    }

    /// Sets `flagged_by_compliance`: a reviewer flags the person (whose advanced signers are
    /// then held at `kyc_required` with 1035) or clears the flag. Returns whether it changed;
    /// `updated_at` moves only then.
    pub fn set_flagged_by_compliance(&mut self, flagged: bool, now: &Timestamp) -> bool {
        let changed = self.put("flagged_by_compliance", Value::Bool(flagged));
        self.touch_if(changed, now)
    }

    /// Makes `number` the person's verified mobile number (seed 002: the number verified in a
    /// successful identification). Not checked as E.164: in test mode the sandbox's numbers
    /// (`+15550101`, numbers starting with 0) are verified too. Returns whether it changed;
    /// `updated_at` moves only then.
    pub fn set_verified_mobile_number(&mut self, number: &str, now: &Timestamp) -> bool {
        let changed = self.put("verified_mobile_number", number.into());
        self.touch_if(changed, now)
    }

    /// Takes the fields an identification established (the sandbox's CHANGEALL cases,
    /// [`crate::identification::Effects::person_changes`]), replacing each whole, addresses
    /// included. Fields that are not the person's, and fields Signet alone maintains (ids,
    /// times, compliance outcomes), are ignored. Returns whether anything changed;
    /// `updated_at` moves only then.
    pub fn set_identified_fields(&mut self, changes: &Map<String, Value>, now: &Timestamp) -> bool {
        let mut changed = false;
        for (name, value) in changes {
            if field(name).is_some_and(|spec| spec.access != Access::ReadOnly) {
                changed |= self.put(name, value.clone());
            }
        }
        self.touch_if(changed, now)
    }

    /// Stores `value` under an existing field; whether it differed.
    fn put(&mut self, name: &str, value: Value) -> bool {
        if field(name).is_none() || self.0.get(name) == Some(&value) {
            return false;
        }
        self.0.insert(name.to_owned(), value);
        true
    }

    fn touch_if(&mut self, changed: bool, now: &Timestamp) -> bool {
        if changed {
            self.0
                .insert("updated_at".into(), Value::String(crate::time::format(now)));
        }
        changed
    }

    /// Sets a field that Signet maintains itself, bypassing client access rules but not shape,
    /// and moves `updated_at` even when the value is the same.
    ///
    /// Internal: use the typed setters ([`Person::set_screening`],
    /// [`Person::set_verified_mobile_number`], [`Person::set_identified_fields`]), which
    /// know the keys and move `updated_at` only on a change. Public until its last callers
    /// outside this crate move to them.
    #[doc(hidden)]
    pub fn set_system_field(&mut self, name: &str, value: Value, now: &Timestamp) {
        if field(name).is_some() {
            self.0.insert(name.to_owned(), value);
            self.0
                .insert("updated_at".into(), Value::String(crate::time::format(now)));
        }
    }
}

/// The longest reason a compliance flag keeps, in characters.
pub const MAX_COMPLIANCE_REASON_CHARS: usize = 2000;

/// Checks a compliance flag's reason: trimmed, required when flagging (1 to
/// [`MAX_COMPLIANCE_REASON_CHARS`] characters), optional when clearing (empty is none).
pub fn check_compliance_reason(
    flagged: bool,
    reason: Option<&str>,
) -> Result<Option<String>, Vec<FieldError>> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        None if flagged => Err(vec![err("reason", "is required when flagging")]),
        Some(r) if r.chars().count() > MAX_COMPLIANCE_REASON_CHARS => Err(vec![err(
            "reason",
            &format!("must be at most {MAX_COMPLIANCE_REASON_CHARS} characters"),
        )]),
        r => Ok(r.map(str::to_owned)),
    }
}

fn default_value(spec: &FieldSpec) -> Value {
    match spec.default {
        Default::Null => Value::Null,
        Default::False => Value::Bool(false),
        Default::EmptyList => Value::Array(Vec::new()),
        Default::Word(w) => Value::String(w.to_owned()),
        Default::NullObject => null_object(spec.kind),
    }
}

/// The empty form of an object-valued field.
fn null_object(kind: Kind) -> Value {
    let members: &[&str] = match kind {
        Kind::Address => ADDRESS_FIELDS,
        Kind::TaxInformation => TAX_FIELDS,
        _ => return Value::Null,
    };
    Value::Object(
        members
            .iter()
            .map(|m| ((*m).to_owned(), Value::Null))
            .collect(),
    )
}

fn err(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

fn unknown_field(field: &str) -> FieldError {
    err(field, "is not a field of a person")
}

fn expect_str<'v>(field: &str, value: &'v Value) -> Result<&'v str, Vec<FieldError>> {
    value
        .as_str()
        .ok_or_else(|| vec![err(field, "must be a string")])
}

/// Checks one value and returns what to store.
fn check_value(
    name: &str,
    kind: Kind,
    value: &Value,
    current: Option<&Value>,
    ctx: &WriteContext<'_>,
) -> Result<Value, Vec<FieldError>> {
    if value.is_null() {
        if matches!(name, "first_name" | "last_name") {
            return Err(vec![err(name, "is required")]);
        }
        return Ok(match kind {
            Kind::Address | Kind::TaxInformation => null_object(kind),
            Kind::CountryList => Value::Array(Vec::new()),
            _ => Value::Null,
        });
    }
    let one = |r: Result<(), FieldError>| r.map_err(|e| vec![e]);
    match kind {
        Kind::Name => {
            let s = expect_str(name, value)?;
            one(validate::person_name(name, s))?;
        }
        Kind::Text(max) => {
            let s = expect_str(name, value)?;
            one(validate::max_len(name, s, max))?;
        }
        Kind::Enum(words) => {
            let s = expect_str(name, value)?;
            if !words.contains(&s) {
                return Err(vec![err(
                    name,
                    &format!("must be one of {}", words.join(", ")),
                )]);
            }
        }
        Kind::Country => {
            let s = expect_str(name, value)?;
            one(validate::country(name, s))?;
        }
        Kind::CountryList => {
            let items = value
                .as_array()
                .ok_or_else(|| vec![err(name, "must be an array of country codes")])?;
            for item in items {
                let s = expect_str(name, item)?;
                one(validate::country(name, s))?;
            }
        }
        Kind::Phone => {
            let s = expect_str(name, value)?;
            one(validate::phone_e164(name, s))?;
        }
        Kind::Email => {
            let s = expect_str(name, value)?;
            one(validate::email(name, s))?;
        }
        Kind::BirthDate => {
            let s = expect_str(name, value)?;
            let d = validate::date(name, s).map_err(|e| vec![e])?;
            if d > ctx.today {
                return Err(vec![err(name, "must not be in the future")]);
            }
            if d.year() < 1900 {
                return Err(vec![err(name, "must not be before 1900-01-01")]);
            }
        }
        Kind::AmlConfirmedOn => {
            let s = expect_str(name, value)?;
            let d = validate::date(name, s).map_err(|e| vec![e])?;
            let tomorrow = ctx.today.succ_opt().unwrap_or(ctx.today);
            if d != ctx.today && d != tomorrow {
                return Err(vec![err(name, "must be today's or tomorrow's date")]);
            }
        }
        Kind::UtcTimestamp => {
            let s = expect_str(name, value)?;
            let ts = validate::utc_timestamp(name, s).map_err(|e| vec![e])?;
            return Ok(Value::String(crate::time::format(&ts)));
        }
        Kind::Nace => {
            let s = expect_str(name, value)?;
            one(validate::nace_code(name, s))?;
        }
        Kind::Bool => {
            if !value.is_boolean() {
                return Err(vec![err(name, "must be true or false")]);
            }
        }
        Kind::Cents => {
            if value.as_u64().is_none() {
                return Err(vec![err(name, "must be a non-negative integer")]);
            }
        }
        Kind::Address | Kind::TaxInformation => {
            return check_object(name, kind, value, current, ctx);
        }
    }
    Ok(value.clone())
}

/// Objects merge into the current value member by member, so a `PATCH` of
/// `{"address": {"line_2": "15"}}` keeps the rest of the address.
fn check_object(
    name: &str,
    kind: Kind,
    value: &Value,
    current: Option<&Value>,
    ctx: &WriteContext<'_>,
) -> Result<Value, Vec<FieldError>> {
    let obj = value
        .as_object()
        .ok_or_else(|| vec![err(name, "must be an object")])?;
    let mut merged = match current {
        Some(Value::Object(m)) => m.clone(),
        _ => match null_object(kind) {
            Value::Object(m) => m,
            _ => Map::new(),
        },
    };
    let mut errors = Vec::new();
    for (k, v) in obj {
        let path = format!("{name}.{k}");
        let member_kind = match (kind, k.as_str()) {
            (Kind::Address, "country") => Kind::Country,
            (Kind::Address, "postal_code") => Kind::Text(20),
            (Kind::Address, "line_1" | "line_2" | "city" | "state") => Kind::Text(255),
            (Kind::TaxInformation, "tax_assessment") => Kind::Enum(TAX_ASSESSMENTS),
            (Kind::TaxInformation, "marital_status") => Kind::Enum(MARITAL_STATUSES),
            _ => {
                errors.push(unknown_field(&path));
                continue;
            }
        };
        match check_value(&path, member_kind, v, None, ctx) {
            Ok(v) => {
                merged.insert(k.clone(), v);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(merged))
    } else {
        Err(errors)
    }
}

/// Rules that involve several fields or tenant settings.
fn check_cross_field_rules(
    input: &Map<String, Value>,
    person: &Person,
    ctx: &WriteContext<'_>,
    errors: &mut Vec<FieldError>,
) {
    // Seed 002: FREELANCER or SELF_EMPLOYED needs nace_code in the same
    // request, or industry and industry_key set to null in it.
    if let Some(status) = input.get("employment_status").and_then(Value::as_str)
        && matches!(status, "FREELANCER" | "SELF_EMPLOYED")
    {
        let has_nace = input.get("nace_code").is_some_and(|v| !v.is_null());
        let nulls_industry = input.get("industry").is_some_and(Value::is_null)
            && input.get("industry_key").is_some_and(Value::is_null);
        if !has_nace && !nulls_industry {
            errors.push(err(
                "nace_code",
                "is required when employment_status is FREELANCER or SELF_EMPLOYED (or set industry and industry_key to null in the same request)",
            ));
        }
    }
    // Residency countries a tenant allows (seed 002's "branch" rule).
    if let Some(allowed) = ctx.allowed_residency_countries
        && input.get("address").is_some()
        && let Some(country) = person
            .as_json()
            .get("address")
            .and_then(|a| a.get("country"))
            .and_then(Value::as_str)
        && !allowed.iter().any(|c| c == country)
    {
        let branch = person.str_field("branch").unwrap_or("null");
        let list = allowed
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        errors.push(err(
            "country",
            &format!(
                "Residency Country is not allowed for this branch,allowed residency country values for branch \"{branch}\" are [{list}]"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone, Utc};
    use serde_json::json;

    fn t0() -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).single().unwrap()
    }

    fn later() -> Timestamp {
        t0() + TimeDelta::minutes(5)
    }

    fn person(extra: Value) -> Person {
        let mut input = json!({"first_name": "Jane", "last_name": "Doe"});
        if let (Some(i), Value::Object(e)) = (input.as_object_mut(), extra) {
            i.extend(e);
        }
        let ctx = WriteContext {
            today: t0().date_naive(),
            allowed_residency_countries: None,
        };
        let Value::Object(input) = input else {
            unreachable!()
        };
        Person::create(
            &crate::ids::PersonId::from_random([1; 16]).to_string(),
            &input,
            &ctx,
            &t0(),
        )
        .unwrap()
    }

    fn updated_at(p: &Person) -> &str {
        p.str_field("updated_at").unwrap()
    }

    #[test]
    fn a_new_person_is_unscreened() {
        let p = person(json!({}));
        assert_eq!(p.verdict(), Some(Verdict::UNSCREENED));
        assert_eq!(p.screening_progress(), Some(ScreeningProgress::NotScreened));
        assert_eq!(p.risk_classification(), Some(RiskClassification::NotScored));
        assert_eq!(p.verified_mobile_number(), None);
        assert_eq!(p.self_declared_as_pep(), None);
    }

    #[test]
    fn set_screening_writes_both_fields_and_says_whether_they_changed() {
        use RiskClassification::*;
        use ScreeningProgress::*;
        let mut p = person(json!({}));
        let v = |progress, risk| Verdict { progress, risk };
        let steps = [
            (v(PotentialMatch, PotentialRisk), true),
            (v(PotentialMatch, PotentialRisk), false),
            (v(PotentialMatch, HighRisk), true),
            (v(ScreenedDeclined, HighRisk), true),
            (v(ScreenedAccepted, NormalRisk), true),
        ];
        for (i, (verdict, changed)) in steps.into_iter().enumerate() {
            let before = p.clone();
            let at = t0() + TimeDelta::seconds(i as i64 + 1);
            assert_eq!(p.set_screening(verdict, &at), changed, "step {i}");
            assert_eq!(p.verdict(), Some(verdict));
            assert_eq!(p.as_json()["screening_progress"], verdict.progress.as_str());
            assert_eq!(
                p.as_json()["risk_classification_status"],
                verdict.risk.as_str()
            );
            if changed {
                assert_eq!(updated_at(&p), crate::time::format(&at));
            } else {
                assert_eq!(
                    p, before,
                    "an unchanged verdict leaves the person as it was"
                );
            }
        }
    }

    #[test]
    fn the_verified_number_is_set_as_given_and_stamped_only_on_a_change() {
        let mut p = person(json!({"mobile_number": "+4915123456789"}));
        assert!(p.set_verified_mobile_number("+4915123456789", &later()));
        assert_eq!(p.verified_mobile_number(), Some("+4915123456789"));
        assert_eq!(updated_at(&p), crate::time::format(&later()));
        let before = p.clone();
        assert!(!p.set_verified_mobile_number("+4915123456789", &(later() + TimeDelta::hours(1))));
        assert_eq!(p, before);
        // The sandbox's numbers are no E.164 numbers, and are verified in test mode all the same.
        assert!(p.set_verified_mobile_number("+15550101", &later()));
        assert_eq!(p.verified_mobile_number(), Some("+15550101"));
        // The person's own mobile number is untouched.
        assert_eq!(p.str_field("mobile_number"), Some("+4915123456789"));
    }

    #[test]
    fn identified_fields_replace_the_persons_but_never_what_signet_maintains() {
        let mut p = person(json!({"address": {"line_1": "Old Road 1", "city": "Bonn"}}));
        let changes = crate::identification::changeall_fields();
        assert!(p.set_identified_fields(&changes, &later()));
        for (k, v) in &changes {
            assert_eq!(&p.as_json()[k], v, "{k}");
        }
        // An address is replaced whole, not merged.
        assert_eq!(p.as_json()["address"], changes["address"]);
        assert_eq!(updated_at(&p), crate::time::format(&later()));
        // The same changes again change nothing.
        let before = p.clone();
        assert!(!p.set_identified_fields(&changes, &(later() + TimeDelta::hours(1))));
        assert_eq!(p, before);
        // Unknown and read-only fields are ignored, and alone change nothing.
        let Value::Object(sneaky) = json!({
            "id": "someone-else",
            "screening_progress": "SCREENED_ACCEPTED",
            "flagged_by_compliance": true,
            "created_at": "2000-01-01T00:00:00.000Z",
            "verified_mobile_number": "+4915100000000",
            "colour": "red",
        }) else {
            unreachable!()
        };
        assert!(!p.set_identified_fields(&sneaky, &(later() + TimeDelta::hours(2))));
        assert_eq!(p, before);
        assert!(!p.as_json().contains_key("colour"));
    }

    #[test]
    fn the_compliance_flag_is_set_and_stamped_only_on_a_change() {
        let mut p = person(json!({}));
        assert!(!p.flagged_by_compliance());
        let before = p.clone();
        assert!(!p.set_flagged_by_compliance(false, &later()));
        assert_eq!(p, before, "clearing an unset flag changes nothing");
        assert!(p.set_flagged_by_compliance(true, &later()));
        assert!(p.flagged_by_compliance());
        assert_eq!(p.as_json()["flagged_by_compliance"], true);
        assert_eq!(updated_at(&p), crate::time::format(&later()));
        let flagged = p.clone();
        assert!(!p.set_flagged_by_compliance(true, &(later() + TimeDelta::hours(1))));
        assert_eq!(p, flagged);
        let cleared_at = later() + TimeDelta::hours(2);
        assert!(p.set_flagged_by_compliance(false, &cleared_at));
        assert!(!p.flagged_by_compliance());
        assert_eq!(updated_at(&p), crate::time::format(&cleared_at));
    }

    #[test]
    fn a_compliance_reason_is_required_to_flag_and_bounded() {
        assert_eq!(
            check_compliance_reason(true, Some("  adverse media  ")),
            Ok(Some("adverse media".to_owned()))
        );
        for missing in [None, Some(""), Some("   ")] {
            let e = check_compliance_reason(true, missing).unwrap_err();
            assert_eq!(e[0].field, "reason");
        }
        assert_eq!(check_compliance_reason(false, None), Ok(None));
        assert_eq!(check_compliance_reason(false, Some(" ")), Ok(None));
        let longest = "x".repeat(MAX_COMPLIANCE_REASON_CHARS);
        assert!(check_compliance_reason(true, Some(&longest)).is_ok());
        let too_long = "ü".repeat(MAX_COMPLIANCE_REASON_CHARS + 1);
        for flagged in [true, false] {
            assert!(check_compliance_reason(flagged, Some(&too_long)).is_err());
        }
    }

    #[test]
    fn self_declared_pep_is_read_as_declared() {
        for (declared, read) in [(json!(true), Some(true)), (json!(false), Some(false))] {
            let p = person(json!({"self_declared_as_pep": declared}));
            assert_eq!(p.self_declared_as_pep(), read);
        }
    }

    #[test]
    fn the_internal_setter_still_stamps_even_without_a_change() {
        let mut p = person(json!({}));
        p.set_system_field("screening_progress", json!("NOT_SCREENED"), &later());
        assert_eq!(updated_at(&p), crate::time::format(&later()));
        // Unknown names are ignored.
        let before = p.clone();
        p.set_system_field("colour", json!("red"), &(later() + TimeDelta::hours(1)));
        assert_eq!(p, before);
    }
}
