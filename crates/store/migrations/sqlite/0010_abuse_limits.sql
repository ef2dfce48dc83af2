-- Abuse limits: counters of one-time codes sent, shared by every process.
-- `key` names what is counted (a signer, an identification, a destination number as a
-- keyed digest, a tenant and mode); `window_start` is the start of a fixed window in Unix
-- milliseconds, or 0 for a count over the subject's whole life. A row is incremented with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent requests count exactly.

CREATE TABLE rate_counters (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
