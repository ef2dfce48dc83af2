-- The back office's queue of `document` identifications: when a case was submitted and
-- is still waiting for a reviewer's decision (NULL otherwise), indexed for the queue.
-- Times are Unix milliseconds.

ALTER TABLE identifications ADD COLUMN review_queued_at BIGINT;
CREATE INDEX identifications_review_queue ON identifications (review_queued_at) WHERE review_queued_at IS NOT NULL;
