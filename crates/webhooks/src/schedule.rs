//! When to try again, when to give up, and when to disable an endpoint.
//!
//! Pure functions of the attempt count, the last outcome, a random number and the tenant's
//! clock: the worker stores the next attempt time computed from the tenant clock, so advancing a
//! sandbox clock by ten hours makes a retry due without anyone waiting ten hours.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use crate::client::AttemptOutcome;

const MIN: u64 = 60;
const HOUR: u64 = 60 * MIN;

/// Delay before each attempt, counted from the failure of the one before: the first attempt is
/// immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Eight attempts over about
/// 27.6 hours, after which the message has failed (it can still be resent by hand).
pub const DELAYS: [Duration; 8] = [
    Duration::ZERO,
    Duration::from_secs(5),
    Duration::from_secs(5 * MIN),
    Duration::from_secs(30 * MIN),
    Duration::from_secs(2 * HOUR),
    Duration::from_secs(5 * HOUR),
    Duration::from_secs(10 * HOUR),
    Duration::from_secs(10 * HOUR),
];

/// Each scheduled delay is stretched or shrunk by up to this fraction, so that the messages of
/// an endpoint that came back do not all retry in the same second.
pub const JITTER: f64 = 0.2;

/// Longest `Retry-After` honoured. A receiver may ask for a pause, but not push a message's
/// remaining attempts past the point where the five-day rule would judge the endpoint; a day
/// keeps every retry inside that window.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(24 * HOUR);

/// An endpoint that has failed every attempt for this long is disabled.
pub const DISABLE_AFTER: TimeDelta = TimeDelta::days(5);

/// Event raised when an endpoint is disabled, whether by a `410` or by the five-day rule.
pub const ENDPOINT_DISABLED_EVENT: &str = "webhook.endpoint_disabled";

/// Delay before the next attempt, or `None` when the message has used all its attempts.
///
/// `attempts_made` counts attempts already made (0 before the first). `jitter_unit` is a number
/// in `0..=1` from the caller's RNG (0.5 means no jitter; out-of-range values are clamped and
/// NaN counts as 0.5). A `Retry-After` longer than the jittered delay replaces it, capped at
/// [`RETRY_AFTER_CAP`]; a shorter one does not bring the retry forward, because the schedule
/// exists to give a struggling receiver room.
pub fn next_attempt(
    attempts_made: u32,
    retry_after: Option<Duration>,
    jitter_unit: f64,
) -> Option<Duration> {
    let base = *DELAYS.get(usize::try_from(attempts_made).ok()?)?;
    let unit = if jitter_unit.is_nan() {
        0.5
    } else {
        jitter_unit.clamp(0.0, 1.0)
    };
    let scheduled = base.mul_f64(1.0 + JITTER * (2.0 * unit - 1.0));
    Some(match retry_after {
        Some(ra) => scheduled.max(ra.min(RETRY_AFTER_CAP)),
        None => scheduled,
    })
}

/// What the worker does with a message after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// 2xx: the message is delivered to this endpoint.
    Delivered,
    /// Try again after this delay on the tenant clock.
    RetryAfter(Duration),
    /// All attempts used: the message has failed.
    GiveUp,
    /// `410 Gone`: disable the endpoint now and raise [`ENDPOINT_DISABLED_EVENT`].
    DisableEndpoint,
}

/// Decides the next step after an attempt; `attempts_made` includes the attempt just made.
pub fn decide(attempts_made: u32, outcome: &AttemptOutcome, jitter_unit: f64) -> Decision {
    if outcome.is_success() {
        Decision::Delivered
    } else if outcome.disables_endpoint() {
        Decision::DisableEndpoint
    } else {
        match next_attempt(attempts_made, outcome.retry_after, jitter_unit) {
            Some(delay) => Decision::RetryAfter(delay),
            None => Decision::GiveUp,
        }
    }
}

/// Whether an endpoint has failed everything for [`DISABLE_AFTER`]: its first failure since
/// its last success is at least five days before `now` (tenant clock) and nothing has
/// succeeded since.
pub fn endpoint_should_disable(
    first_failure_at: DateTime<Utc>,
    now: DateTime<Utc>,
    any_success_since: bool,
) -> bool {
    !any_success_since && now.signed_duration_since(first_failure_at) >= DISABLE_AFTER
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::AttemptError;
    use chrono::TimeZone;

    fn outcome(code: Option<u16>, retry_after: Option<Duration>) -> AttemptOutcome {
        AttemptOutcome {
            status_code: code,
            latency: Duration::ZERO,
            error: code.is_none().then_some(AttemptError::Timeout),
            retry_after,
            response_excerpt: None,
        }
    }

    #[test]
    fn the_eight_delays_stay_within_their_jitter_bounds() {
        let expected = [0, 5, 300, 1800, 7200, 18000, 36000, 36000];
        for (n, secs) in expected.into_iter().enumerate() {
            let base = Duration::from_secs(secs);
            let low = next_attempt(n as u32, None, 0.0).unwrap();
            let mid = next_attempt(n as u32, None, 0.5).unwrap();
            let high = next_attempt(n as u32, None, 1.0).unwrap();
            assert_eq!(mid, base, "attempt {n}");
            assert_eq!(low, base.mul_f64(0.8), "attempt {n}");
            assert_eq!(high, base.mul_f64(1.2), "attempt {n}");
            for u in [0.1, 0.37, 0.9] {
                let d = next_attempt(n as u32, None, u).unwrap();
                assert!(low <= d && d <= high, "attempt {n} jitter {u}: {d:?}");
            }
        }
    }

    #[test]
    fn jitter_out_of_range_is_clamped() {
        assert_eq!(next_attempt(1, None, 7.0), Some(Duration::from_secs(6)));
        assert_eq!(next_attempt(1, None, -3.0), Some(Duration::from_secs(4)));
        assert_eq!(
            next_attempt(1, None, f64::NAN),
            Some(Duration::from_secs(5))
        );
    }

    #[test]
    fn the_message_gives_up_after_the_eighth_attempt() {
        assert!(next_attempt(7, None, 0.5).is_some());
        assert_eq!(next_attempt(8, None, 0.5), None);
        assert_eq!(next_attempt(u32::MAX, None, 0.5), None);
        assert_eq!(decide(8, &outcome(Some(500), None), 0.5), Decision::GiveUp);
    }

    #[test]
    fn a_longer_retry_after_replaces_the_scheduled_delay() {
        let ra = Duration::from_secs(3600);
        assert_eq!(next_attempt(2, Some(ra), 0.5), Some(ra));
    }

    #[test]
    fn a_shorter_retry_after_does_not_bring_the_retry_forward() {
        assert_eq!(
            next_attempt(3, Some(Duration::from_secs(10)), 0.5),
            Some(Duration::from_secs(1800))
        );
    }

    #[test]
    fn retry_after_is_capped_at_a_day() {
        assert_eq!(
            next_attempt(1, Some(Duration::from_secs(30 * 24 * 3600)), 0.5),
            Some(RETRY_AFTER_CAP)
        );
    }

    #[test]
    fn decisions_follow_the_outcome() {
        assert_eq!(
            decide(1, &outcome(Some(204), None), 0.5),
            Decision::Delivered
        );
        assert_eq!(
            decide(1, &outcome(Some(410), None), 0.5),
            Decision::DisableEndpoint
        );
        assert_eq!(
            decide(1, &outcome(Some(500), None), 0.5),
            Decision::RetryAfter(Duration::from_secs(5))
        );
        assert_eq!(
            decide(2, &outcome(None, None), 0.5),
            Decision::RetryAfter(Duration::from_secs(300))
        );
        assert_eq!(
            decide(1, &outcome(Some(429), Some(Duration::from_secs(90))), 0.5),
            Decision::RetryAfter(Duration::from_secs(90))
        );
    }

    #[test]
    fn an_endpoint_failing_everything_for_five_days_is_disabled() {
        let first = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let almost = first + TimeDelta::days(5) - TimeDelta::seconds(1);
        let five = first + TimeDelta::days(5);
        assert!(!endpoint_should_disable(first, almost, false));
        assert!(endpoint_should_disable(first, five, false));
        assert!(!endpoint_should_disable(first, five, true));
        assert!(!endpoint_should_disable(
            first,
            first - TimeDelta::days(9),
            false
        ));
    }

    #[test]
    fn the_whole_schedule_spans_about_twenty_eight_hours() {
        let total: Duration = DELAYS.iter().sum();
        assert_eq!(
            total,
            Duration::from_secs(5 + 300 + 1800 + 7200 + 18000 + 72000)
        );
        assert!(Duration::from_secs(total.as_secs()) < Duration::from_secs(28 * 3600));
    }
}
