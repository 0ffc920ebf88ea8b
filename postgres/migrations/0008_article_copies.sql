-- An article's identity is its ID alone: a text stored under one ID may be
-- stored again under another (a copy of a wire story carried by another
-- outlet, or the same page under two URLs), each with its own events.
-- text_hash loses its UNIQUE constraint and keeps a plain index, which
-- ingest reads to count such copies (IngestStats.Duplicates).
ALTER TABLE articles DROP CONSTRAINT articles_text_hash_key;
CREATE INDEX articles_text_hash ON articles (text_hash);
