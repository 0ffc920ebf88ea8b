-- How the coder inferred a party's code when the text did not name it
-- beside the actor (petrel.Party.Inferred: "place", "party", "dateline",
-- "article", "agentless"), for the source and the target of each event.
-- NULL when the text named the actor; rows stored before this version
-- read as named.
ALTER TABLE events ADD COLUMN src_inferred TEXT;
ALTER TABLE events ADD COLUMN tgt_inferred TEXT;
