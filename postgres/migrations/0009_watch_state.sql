-- petrel watch's state: see sqlite/migrations/0010_watch_state.sql.
CREATE TABLE watch_state (
	kind text COLLATE "C" NOT NULL,
	k    text COLLATE "C" NOT NULL,
	v    text NOT NULL,
	PRIMARY KEY (kind, k)
);
