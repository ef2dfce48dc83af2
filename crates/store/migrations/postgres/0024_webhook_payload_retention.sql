-- A webhook payload carries personal data: once no message of its event is pending and
-- `webhook_payload_retention` has passed, the payload is removed (`data` becomes `{}`) and
-- this records when. The delivery log (webhook_attempts) stays, without response excerpts.
ALTER TABLE events ADD COLUMN payload_removed_at BIGINT;
