-- Installation-wide chores (not a tenant's jobs): when each may run next, on the wall clock
-- in Unix milliseconds. A process runs a chore only after moving `next_run_at` forward in
-- one UPDATE, so one process of a PostgreSQL deployment runs it per period.

CREATE TABLE periodic_tasks (
    name TEXT PRIMARY KEY,
    next_run_at BIGINT NOT NULL
);

-- The sweeper that deletes stored files no row refers to (after `blob_sweep_grace_ms`).
INSERT INTO periodic_tasks (name, next_run_at) VALUES ('blob_sweep', 0);
