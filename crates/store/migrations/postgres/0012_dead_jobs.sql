-- A job that failed `job_max_attempts` times is dead: kept with its last error for an
-- operator to read and retry, never claimed again. Wall-clock Unix milliseconds.
ALTER TABLE jobs ADD COLUMN dead_at BIGINT;
CREATE INDEX jobs_dead ON jobs (dead_at);
