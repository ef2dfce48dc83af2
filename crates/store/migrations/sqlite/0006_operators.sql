-- The reviewers of the back office (/admin). Operators are installation-wide:
-- they see every tenant. Passwords are stored as argon2id PHC strings; a
-- session is stored as the SHA-256 of its cookie, never the cookie itself.
-- Times are Unix milliseconds.

CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE operator_sessions (
    id_hash TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL REFERENCES operators(id),
    -- The token every admin form must carry.
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX operator_sessions_by_expiry ON operator_sessions (expires_at);
