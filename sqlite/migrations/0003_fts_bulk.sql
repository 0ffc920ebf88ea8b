-- FTS5 settings for bulk ingest, measured with BenchmarkIngestDocs on the
-- Reuters corpus: a 32 MiB in-memory hash before a segment is written,
-- instead of 1 MiB, so that a batch of thousands of articles makes one
-- level-0 segment rather than dozens; and merges of 16 segments a level
-- instead of 4, so that each indexed token is rewritten fewer times as the
-- index grows. Queries read at most 16 segments a level.
--
-- From this version on, sentences_fts holds only the sentences events were
-- coded from (see appendFTS in sqlite.go); rows an older version wrote for
-- other sentences are never matched and go when their article is recoded.
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 16);
