-- AML screening of persons: each run (a screening) and the possible matches
-- it found (hits). Per tenant and mode like persons. A hit is one per
-- (person, list entry): screening again updates its match but keeps a
-- reviewer's decision. Times are Unix milliseconds; documents JSON text.

CREATE TABLE screenings (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    person_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- The person's screening_progress and risk after the run, the lists
    -- screened against and the hits as they stood.
    outcome TEXT NOT NULL
);

CREATE INDEX screenings_by_person ON screenings (tenant_id, mode, person_id, created_at);

CREATE TABLE screening_hits (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    person_id TEXT NOT NULL,
    list_id TEXT NOT NULL,
    -- The list's own id of the entry (OFAC ent_num, …).
    entry_id TEXT NOT NULL,
    -- The entry's primary name and the name or alias that matched.
    name TEXT NOT NULL,
    matched_name TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    -- open | true_positive | false_positive
    status TEXT NOT NULL,
    decided_by TEXT,
    note TEXT,
    decided_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (tenant_id, mode, person_id, list_id, entry_id)
);

CREATE INDEX screening_hits_by_status ON screening_hits (tenant_id, mode, status, created_at);
