//! A tenant's mode and clock.
//!
//! Every tenant works in two modes whose data never mixes: `live`, and `test` (the sandbox:
//! static codes, simulated identifications, a test CA, and a clock of its own). The test clock
//! is the wall clock plus an offset that only moves forward, by
//! `POST /v1/sandbox/clock/advance`; live mode runs on the wall clock. Every deadline of the
//! domain is on the tenant clock, so one jump of it plays a whole timeline.

use crate::catalog::ErrorCode;
use crate::time::Timestamp;
use crate::validate::FieldError;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// Test mode (sandbox, test clock, static codes) or live mode. Serialises, and is stored, as
/// `test` and `live`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Test,
    Live,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Test, Mode::Live];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Test => "test",
            Mode::Live => "live",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The prefix of this mode's API keys (`sk_test_…`, `sk_live_…`).
    pub fn key_prefix(self) -> &'static str {
        match self {
            Mode::Test => "sk_test_",
            Mode::Live => "sk_live_",
        }
    }

    /// The sandbox's endpoints answer test-mode keys only.
    pub fn require_sandbox(self) -> Result<(), SandboxOnly> {
        match self {
            Mode::Test => Ok(()),
            Mode::Live => Err(SandboxOnly),
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not `test` or `live`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a mode (test or live)")]
pub struct UnknownMode(pub String);

impl std::str::FromStr for Mode {
    type Err = UnknownMode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Mode::parse(s).ok_or_else(|| UnknownMode(s.to_owned()))
    }
}

/// A live-mode key on a sandbox endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the sandbox is available with test-mode keys (sk_test_…) only")]
pub struct SandboxOnly;

impl SandboxOnly {
    /// The error code the API answers with (403).
    pub const CODE: ErrorCode = ErrorCode::SandboxOnly;
}

/// The longest single move of the test clock: one year, in seconds.
pub const MAX_ADVANCE_SECONDS: i64 = 365 * 24 * 3600;

/// The test clock never goes past the last instant RFC 3339 can write with a four-digit
/// year, so every time the API sends stays in the wire format (and far from the end of
/// chrono's range, where adding to an instant would panic).
pub fn last_instant() -> Timestamp {
    NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_milli_opt(23, 59, 59, 999))
        .map(|t| t.and_utc())
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// A tenant's clock in one mode: the wall clock plus `offset_ms` (always 0 in live mode).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TenantClock {
    pub offset_ms: i64,
}

/// A move of the test clock, checked: what to add to the stored offset and the clock after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advance {
    pub delta_ms: i64,
    pub clock: TenantClock,
}

impl TenantClock {
    /// The wall clock itself: live mode, or a test clock never moved.
    pub const WALL: TenantClock = TenantClock { offset_ms: 0 };

    /// The clock of a mode, from the tenant's stored test-clock offset: live mode ignores it.
    pub fn for_mode(mode: Mode, test_offset_ms: i64) -> TenantClock {
        match mode {
            Mode::Test => TenantClock {
                offset_ms: test_offset_ms,
            },
            Mode::Live => TenantClock::WALL,
        }
    }

    /// The tenant's time at wall time `wall`. Saturates at the ends of the representable range
    /// rather than panic.
    pub fn now(self, wall: Timestamp) -> Timestamp {
        shift(wall, self.offset_ms)
    }

    /// The wall time at which the tenant's clock shows `at`: when a timer due at `at` (tenant
    /// clock) may run.
    pub fn wall_at(self, at: Timestamp) -> Timestamp {
        shift(at, self.offset_ms.saturating_neg())
    }

    /// The offset in whole seconds, as `GET /v1/sandbox/clock` shows it (`offset_seconds`).
    pub fn offset_seconds(self) -> i64 {
        self.offset_ms / 1000
    }

    /// Checks a move of the test clock by `seconds` at wall time `wall`: 1 to
    /// [`MAX_ADVANCE_SECONDS`] at a time, forward only, and never past [`last_instant`].
    /// The error names the request's `seconds` field.
    pub fn advance(self, seconds: i64, wall: Timestamp) -> Result<Advance, FieldError> {
        if !(1..=MAX_ADVANCE_SECONDS).contains(&seconds) {
            return Err(FieldError::new(
                "seconds",
                format!("must be between 1 and {MAX_ADVANCE_SECONDS}"),
            ));
        }
        let delta_ms = seconds * 1000;
        let clock = TenantClock {
            offset_ms: self.offset_ms.saturating_add(delta_ms),
        };
        if clock.now(wall) > last_instant() {
            return Err(FieldError::new(
                "seconds",
                "would move the test clock past 9999-12-31",
            ));
        }
        Ok(Advance { delta_ms, clock })
    }
}

fn shift(t: Timestamp, ms: i64) -> Timestamp {
    let limit = if ms < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    };
    TimeDelta::try_milliseconds(ms)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn wall() -> Timestamp {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).single().unwrap()
    }

    #[test]
    fn modes_keep_the_stored_and_wire_words() {
        for (mode, word, prefix) in [
            (Mode::Test, "test", "sk_test_"),
            (Mode::Live, "live", "sk_live_"),
        ] {
            assert_eq!(mode.as_str(), word);
            assert_eq!(mode.to_string(), word);
            assert_eq!(mode.key_prefix(), prefix);
            assert_eq!(Mode::parse(word), Some(mode));
            assert_eq!(word.parse::<Mode>(), Ok(mode));
            assert_eq!(serde_json::to_value(mode).unwrap(), word);
            assert_eq!(
                serde_json::from_value::<Mode>(serde_json::json!(word)).unwrap(),
                mode
            );
        }
        for bad in ["Test", "LIVE", "", "sandbox"] {
            assert_eq!(Mode::parse(bad), None, "{bad}");
            assert_eq!(bad.parse::<Mode>(), Err(UnknownMode(bad.to_owned())));
        }
    }

    #[test]
    fn only_test_mode_reaches_the_sandbox() {
        assert_eq!(Mode::Test.require_sandbox(), Ok(()));
        assert_eq!(Mode::Live.require_sandbox(), Err(SandboxOnly));
        assert_eq!(SandboxOnly::CODE.as_str(), "sandbox_only");
        assert_eq!(
            SandboxOnly.to_string(),
            "the sandbox is available with test-mode keys (sk_test_…) only"
        );
    }

    #[test]
    fn live_mode_runs_on_the_wall_clock_whatever_the_offset() {
        for offset in [0, 1, -1, 86_400_000, i64::MAX] {
            let live = TenantClock::for_mode(Mode::Live, offset);
            assert_eq!(live, TenantClock::WALL);
            assert_eq!(live.now(wall()), wall());
            assert_eq!(live.wall_at(wall()), wall());
        }
    }

    #[test]
    fn test_mode_adds_the_offset_and_timers_run_that_much_earlier_on_the_wall() {
        for (offset_ms, expected) in [
            (0, wall()),
            (1, wall() + TimeDelta::milliseconds(1)),
            (3_600_000, wall() + TimeDelta::hours(1)),
            (90_000_000, wall() + TimeDelta::hours(25)),
        ] {
            let clock = TenantClock::for_mode(Mode::Test, offset_ms);
            assert_eq!(clock.now(wall()), expected, "{offset_ms}");
            // A timer due at the tenant's `now` may run at the wall's `now`.
            assert_eq!(clock.wall_at(expected), wall(), "{offset_ms}");
        }
    }

    #[test]
    fn offset_seconds_truncates_as_the_clock_endpoint_shows_it() {
        for (ms, s) in [(0, 0), (999, 0), (1000, 1), (61_500, 61), (-1500, -1)] {
            assert_eq!(TenantClock { offset_ms: ms }.offset_seconds(), s, "{ms}");
        }
    }

    #[test]
    fn the_clock_saturates_instead_of_panicking_at_the_ends_of_time() {
        let far = TenantClock {
            offset_ms: i64::MAX,
        };
        assert_eq!(far.now(wall()), DateTime::<Utc>::MAX_UTC);
        let back = TenantClock {
            offset_ms: i64::MIN,
        };
        assert_eq!(back.now(wall()), DateTime::<Utc>::MIN_UTC);
        assert_eq!(far.wall_at(wall()), DateTime::<Utc>::MIN_UTC);
    }

    #[test]
    fn an_advance_is_one_second_to_one_year() {
        let clock = TenantClock { offset_ms: 5_000 };
        for (seconds, ok) in [
            (i64::MIN, false),
            (-1, false),
            (0, false),
            (1, true),
            (3600, true),
            (MAX_ADVANCE_SECONDS, true),
            (MAX_ADVANCE_SECONDS + 1, false),
            (i64::MAX, false),
        ] {
            match clock.advance(seconds, wall()) {
                Ok(a) => {
                    assert!(ok, "{seconds} accepted");
                    assert_eq!(a.delta_ms, seconds * 1000);
                    assert_eq!(a.clock.offset_ms, 5_000 + seconds * 1000);
                    assert_eq!(
                        a.clock.now(wall()),
                        clock.now(wall()) + TimeDelta::seconds(seconds)
                    );
                }
                Err(e) => {
                    assert!(!ok, "{seconds} refused: {e}");
                    assert_eq!(
                        e,
                        FieldError::new("seconds", "must be between 1 and 31536000")
                    );
                }
            }
        }
    }

    #[test]
    fn an_advance_never_takes_the_clock_past_the_year_9999() {
        let end = last_instant();
        assert_eq!(crate::time::format(&end), "9999-12-31T23:59:59.999Z");
        // A clock one second short of the end can move one second, not two.
        let offset = (end - TimeDelta::seconds(1) - wall()).num_milliseconds();
        let clock = TenantClock { offset_ms: offset };
        let ok = clock.advance(1, wall()).unwrap();
        assert_eq!(ok.clock.now(wall()), end);
        assert_eq!(
            clock.advance(2, wall()),
            Err(FieldError::new(
                "seconds",
                "would move the test clock past 9999-12-31"
            ))
        );
        // An offset already at the top saturates and is refused, not wrapped.
        let top = TenantClock {
            offset_ms: i64::MAX - 10,
        };
        assert!(top.advance(1, wall()).is_err());
    }
}
