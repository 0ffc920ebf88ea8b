-- FTS5 settings for bulk ingest, measured on the Reuters corpus (see
-- docs/ARCHITECTURE.md of the store, sqlite/sqlite.go): a 32 MiB in-memory
-- hash before a segment is written, instead of 1 MiB, so that a batch of
-- thousands of articles makes one level-0 segment rather than dozens; and
-- merges of 16 segments at a level instead of 4, so that each indexed
-- token is rewritten fewer times as the index grows. Queries read at most
-- 16 segments a level: still a few milliseconds.
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 16);
