-- An article's identity is its ID alone: a text stored under one ID may be
-- stored again under another (a copy of a wire story carried by another
-- outlet, or the same page under two URLs), each with its own events.
-- text_hash loses its UNIQUE constraint and keeps a plain index, which
-- ingest reads to count such copies (IngestStats.Duplicates).
--
-- SQLite cannot drop the index a column's UNIQUE makes, so the table is
-- built again with the same columns and seq values (sentences_fts rowids
-- and the other tables refer to articles by seq; none has a foreign key,
-- trigger or view on articles) and its indexes are made again.
CREATE TABLE articles_new (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	text_hash    TEXT NOT NULL,
	story        TEXT NOT NULL,
	date         TEXT NOT NULL,
	title        TEXT NOT NULL,
	text         TEXT NOT NULL,
	url          TEXT NOT NULL,
	source       TEXT NOT NULL,
	dict_version TEXT NOT NULL,
	coded_at     TEXT NOT NULL,
	n_sentences  INTEGER NOT NULL,
	n_mentions   INTEGER NOT NULL,
	n_quotes     INTEGER NOT NULL,
	n_events     INTEGER NOT NULL,
	skipped      TEXT,
	problems     TEXT
);
INSERT INTO articles_new (seq, id, text_hash, story, date, title, text, url, source, dict_version, coded_at,
	n_sentences, n_mentions, n_quotes, n_events, skipped, problems)
SELECT seq, id, text_hash, story, date, title, text, url, source, dict_version, coded_at,
	n_sentences, n_mentions, n_quotes, n_events, skipped, problems
FROM articles ORDER BY seq;
DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;
CREATE INDEX articles_story ON articles (story);
CREATE INDEX articles_text_hash ON articles (text_hash);
