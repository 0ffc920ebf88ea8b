-- How the coder inferred a party's code: see
-- sqlite/migrations/0011_party_inferred.sql.
ALTER TABLE events ADD COLUMN src_inferred text;
ALTER TABLE events ADD COLUMN tgt_inferred text;
