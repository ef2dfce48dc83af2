-- What kind of risk a hit's list entry is: its topics (FollowTheMoney's `sanction`, `role.pep`,
-- `role.rca`, …) and the source datasets the list names, as JSON arrays. A sanction hit holds
-- the person's screening_progress and signing; a PEP or RCA hit weighs on the risk only.
-- Hits stored before this migration are sanction hits: every list then was a sanctions list.
ALTER TABLE screening_hits ADD COLUMN topics TEXT NOT NULL DEFAULT '["sanction"]';
ALTER TABLE screening_hits ADD COLUMN datasets TEXT NOT NULL DEFAULT '[]';
