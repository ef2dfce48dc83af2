-- AML screening: sanctions lists, global to the installation (not per tenant).
-- A list is identified by its publisher (`ofac-sdn`, `eu-fsf`, `un-sc`,
-- `uk-sanctions-list`, `opensanctions`); re-importing it replaces its entries
-- in one transaction. Times are Unix milliseconds.

CREATE TABLE screening_lists (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    -- The file format it was last imported from (`ofac-sdn-xml`, …).
    format TEXT NOT NULL,
    -- The publication date or content hash the file declares.
    version TEXT NOT NULL,
    entry_count BIGINT NOT NULL,
    imported_at BIGINT NOT NULL
);

-- One row per designated person, organisation, vessel or aircraft. `entry_id`
-- is the list's own identifier (OFAC ent_num, EU logicalId, …); `seq` keeps
-- the file's order; `doc` is the parsed entry as JSON text.
CREATE TABLE screening_entries (
    list_id TEXT NOT NULL REFERENCES screening_lists(id),
    seq BIGINT NOT NULL,
    entry_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (list_id, seq)
);
