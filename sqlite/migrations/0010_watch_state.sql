-- petrel watch keeps its state here, so that a watcher resumes where it
-- stopped and several watchers share what they have seen: one row per
-- feed (validators, backoff), URL seen, text hash and page to retry.
-- kind names the sort of row; v is the watch package's encoding of it.
CREATE TABLE watch_state (
	kind TEXT NOT NULL,
	k    TEXT NOT NULL,
	v    TEXT NOT NULL,
	PRIMARY KEY (kind, k)
) WITHOUT ROWID;
