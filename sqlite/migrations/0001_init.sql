-- The first schema. Dates are text: articles' as RFC 3339, events' as
-- YYYY-MM-DD or '' when unknown, so they sort as strings.
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	text_hash    TEXT NOT NULL UNIQUE,
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
CREATE INDEX articles_story ON articles (story);

-- Text columns of sentences, mentions and quotes are NULL when they are
-- exactly the article text their span covers.
CREATE TABLE sentences (
	article    INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- sentences_fts indexes sentence text. Its rowid is article seq << 20 |
-- sentence index, so a match maps to its sentence without a join table and
-- an article's rows are one rowid range. contentless_delete keeps no copy
-- of the text yet lets a recoded article's rows be deleted. detail=none
-- keeps no token positions: searches are for all of some words, never
-- phrases, and the index is smaller and about twice as fast to write.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = '', contentless_delete = 1, detail = none);

CREATE TABLE mentions (
	article    INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT,
	code       TEXT NOT NULL,
	country    TEXT NOT NULL,
	kind       TEXT NOT NULL,
	rule       TEXT NOT NULL,
	ref        INTEGER NOT NULL,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
	article    INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	sentence   INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	text       TEXT,
	speaker    TEXT,
	PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- A party's or location's columns are all NULL when it is absent.
CREATE TABLE events (
	seq            INTEGER PRIMARY KEY,
	article        INTEGER NOT NULL,
	idx            INTEGER NOT NULL,
	id             TEXT NOT NULL,
	date           TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence       TEXT NOT NULL,
	code           TEXT NOT NULL,
	root_code      TEXT NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover_type    TEXT NOT NULL,
	plover_mode    TEXT NOT NULL,
	src_text TEXT, src_code TEXT, src_country TEXT, src_start INTEGER, src_end INTEGER,
	tgt_text TEXT, tgt_code TEXT, tgt_country TEXT, tgt_start INTEGER, tgt_end INTEGER,
	verb_text      TEXT NOT NULL,
	verb_start     INTEGER NOT NULL,
	verb_end       INTEGER NOT NULL,
	loc_name TEXT, loc_country TEXT, loc_lat REAL, loc_lon REAL, loc_start INTEGER, loc_end INTEGER,
	rule           TEXT NOT NULL,
	qualifier      TEXT NOT NULL
);
CREATE INDEX events_date ON events (date, seq);
CREATE INDEX events_article ON events (article, idx);
CREATE INDEX events_id ON events (id);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_src ON events (src_code);
CREATE INDEX events_tgt ON events (tgt_code);
CREATE INDEX events_src_country ON events (src_country);
CREATE INDEX events_tgt_country ON events (tgt_country);
CREATE INDEX events_plover ON events (plover_type);
