//! Abuse limits: caps on one-time codes, the countries SMS may go to, the client key of
//! sign-in throttling and the number of password checks at once.
//!
//! One-time codes (a signer's, and the code that verifies an applicant's number) are
//! counted in the database (`rate_counters`), inside the transaction that issues the code,
//! so every process counts the same codes and a refused request counts nothing:
//!
//! | counter | window | clock |
//! | --- | --- | --- |
//! | signer | its whole life | — |
//! | identification | its whole life, every attempt together | — |
//! | destination number | a fixed day | live: UTC (one count across tenants); test: the tenant's clock, per tenant |
//! | tenant and mode | a fixed hour | the tenant's clock |
//!
//! | tenant's live-mode SMS | a calendar month (UTC) | live mode's, the wall clock |
//!
//! A cap over a whole life is `code_limit_reached` (429, no `Retry-After`: waiting does
//! not help); a windowed cap is `rate_limited` (429 with `Retry-After` until the window ends).
//! The tenant's SMS per month (`signet tenant limits --sms-per-month`, 0 = none) counts each
//! live-mode code that goes out by SMS, also while the tenant has no limit (so a limit set
//! mid-month knows the month's count), and over it is `sms_limit_reached` (429, return code
//! 105).

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use signet_core::catalog::ErrorCode;
use signet_core::time::{Timestamp, to_millis};
use signet_store::{Mode, RateCounter, Tenant, Tx};
use std::net::IpAddr;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// Whose code it is.
#[derive(Debug, Clone, Copy)]
pub enum CodeFor<'a> {
    Signer(&'a signet_core::ids::SignerId),
    Identification(&'a signet_core::ids::IdentificationId),
}

/// Counts one code about to be issued, inside the transaction that issues it. Over a cap,
/// the error is returned and the caller's transaction must be dropped (rolled back), which
/// also takes back the counts made here.
pub async fn count_code(
    state: &AppState,
    tx: &mut Tx,
    tenant: &Tenant,
    mode: Mode,
    who: CodeFor<'_>,
    number: Option<&str>,
    now: Timestamp,
) -> AppResult<()> {
    let c = &state.config;
    let now_ms = to_millis(&now);
    let (life_key, life_cap, what) = match who {
        CodeFor::Signer(id) => (
            format!("otp:signer:{}", id.as_str()),
            c.otp_max_per_signer,
            "this signer",
        ),
        CodeFor::Identification(id) => (
            format!("otp:identification:{}", id.as_str()),
            c.otp_max_per_identification,
            "this identification",
        ),
    };
    let day = now_ms - now_ms.rem_euclid(DAY_MS);
    let hour = now_ms - now_ms.rem_euclid(HOUR_MS);
    let mut counters = vec![RateCounter {
        key: life_key,
        window_start: 0,
        cap: i64::from(life_cap),
    }];
    if let Some(n) = number {
        // The number as a keyed digest: the table names no one.
        let digest = state.trust.code_hash("rate-limit:number", n);
        let key = match mode {
            Mode::Live => format!("otp:number:{digest}"),
            // Test-mode numbers are made up and shared between tenants' test suites.
            Mode::Test => format!("otp:number:{}:{digest}", tenant.id.as_str()),
        };
        counters.push(RateCounter {
            key,
            window_start: day,
            cap: i64::from(c.otp_max_per_number_per_day),
        });
    }
    counters.push(RateCounter {
        key: format!("otp:tenant:{}:{}", tenant.id.as_str(), mode.as_str()),
        window_start: hour,
        cap: i64::from(c.otp_max_per_tenant_per_hour),
    });
    // A live-mode code goes by SMS when the route has a number and SMS is configured.
    let texted = mode == Mode::Live
        && number.is_some()
        && state.notifier.as_ref().is_some_and(|n| n.can_text());
    let sms_cap = if texted {
        let limit = state
            .store
            .tenant_limits_in_tx(tx, &tenant.id)
            .await?
            .sms_per_month;
        counters.push(RateCounter {
            key: format!("sms:tenant:{}", tenant.id.as_str()),
            window_start: month_start(now),
            cap: if limit == 0 {
                i64::MAX
            } else {
                i64::try_from(limit).unwrap_or(i64::MAX)
            },
        });
        Some(limit)
    } else {
        None
    };
    let Some(over) = state.store.count_up(tx, &counters).await? else {
        return Ok(());
    };
    if let Some(limit) = sms_cap
        && over == counters.len() - 1
    {
        tracing::warn!("one-time code refused by the tenant's SMS per month");
        return Err(AppError::new(
            ErrorCode::SmsLimitReached,
            format!(
                "this tenant may send at most {limit} one-time codes by SMS per calendar month \
                 (UTC), and has sent them; the count starts again on the first of next month"
            ),
        ));
    }
    let refused = &counters[over];
    if refused.window_start == 0 {
        return Err(AppError::new(
            ErrorCode::CodeLimitReached,
            format!(
                "{what} was sent {} one-time codes, the most it may have over its whole life",
                refused.cap
            ),
        ));
    }
    let (length, per) = if over == 1 && number.is_some() {
        (DAY_MS, "this number per day")
    } else {
        (HOUR_MS, "this tenant per hour")
    };
    let retry_ms = refused.window_start + length - now_ms;
    tracing::warn!(limit = per, "one-time code refused by a rate limit");
    Err(AppError::new(
        ErrorCode::RateLimited,
        format!(
            "at most {} one-time codes may be sent to {per}; try again in {} seconds",
            refused.cap,
            (retry_ms + 999) / 1000
        ),
    )
    .with_retry_after(u64::try_from((retry_ms + 999) / 1000).unwrap_or(1)))
}

/// The start of `now`'s calendar month (UTC), in Unix milliseconds.
fn month_start(now: Timestamp) -> i64 {
    use chrono::{Datelike, TimeZone, Utc};
    Utc.with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .map_or(0, |t| to_millis(&t))
}

/// Whether SMS may go to `number` under `sms_allowed_countries` (empty: everywhere).
pub fn sms_allowed(state: &AppState, number: &str) -> bool {
    let allowed = &state.config.sms_allowed_countries;
    if allowed.is_empty() {
        return true;
    }
    signet_core::validate::phone_region(number)
        .is_some_and(|r| allowed.iter().any(|a| a.eq_ignore_ascii_case(&r)))
}

/// The refusal of a number outside `sms_allowed_countries`.
pub fn sms_country_refused() -> AppError {
    AppError::new(
        ErrorCode::SmsCountryNotAllowed,
        "one-time codes are not sent by SMS to numbers of this country on this installation (sms_allowed_countries)",
    )
}

/// The client's key for sign-in throttling: an IPv4 address as it is, an IPv6 address by
/// its /64 (one subscriber commonly holds a whole /64, so counting single addresses would
/// give them 2^64 fresh keys). An IPv4-mapped IPv6 address is its IPv4 address.
pub fn client_key(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => v4.to_string(),
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Err(_) => ip.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{client_key, month_start};
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_month_starts_on_its_first_at_midnight_utc() {
        let at = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap();
        let first = signet_core::time::to_millis(&at(2026, 12, 1, 0));
        assert_eq!(month_start(at(2026, 12, 1, 0)), first);
        assert_eq!(month_start(at(2026, 12, 31, 23)), first);
        assert!(month_start(at(2026, 11, 30, 23)) < first);
        assert!(month_start(at(2027, 1, 1, 0)) > first);
    }

    #[test]
    fn ipv6_clients_are_grouped_by_their_64_bit_prefix() {
        assert_eq!(
            client_key("2001:db8:1:2:aaaa::1"),
            client_key("2001:db8:1:2:ffff:eeee:dddd:cccc")
        );
        assert_eq!(client_key("2001:db8:1:2::7"), "2001:db8:1:2::/64");
        assert_ne!(client_key("2001:db8:1:2::1"), client_key("2001:db8:1:3::1"));
        // IPv4 stays per address, also when written as an IPv4-mapped IPv6 address.
        assert_eq!(client_key("192.0.2.7"), "192.0.2.7");
        assert_eq!(client_key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_ne!(client_key("192.0.2.7"), client_key("192.0.2.8"));
        assert_eq!(client_key("unknown"), "unknown");
    }
}
