-- Times are timestamptz.

CREATE TABLE subscriptions (
	channel_id TEXT PRIMARY KEY,
	team_id    TEXT NOT NULL,
	local_time TEXT NOT NULL,              -- HH:MM
	zone       TEXT NOT NULL,              -- IANA time zone
	skip_empty BOOLEAN NOT NULL DEFAULT false,
	created_by TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);

-- The digest ledger: one row per channel and local date, whatever happens to it.
CREATE TABLE digests (
	channel_id   TEXT NOT NULL,
	local_date   TEXT NOT NULL,            -- YYYY-MM-DD in the subscription's zone
	state        TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'skipped', 'failed')),
	token        TEXT NOT NULL DEFAULT '', -- the current holder's claim; empty when released
	attempts     INTEGER NOT NULL,
	max_attempts INTEGER NOT NULL,
	lease_until  TIMESTAMPTZ NOT NULL,
	last_error   TEXT NOT NULL DEFAULT '',
	message_ts   TEXT NOT NULL DEFAULT '',
	as_of        TIMESTAMPTZ,
	finished_at  TIMESTAMPTZ,
	created_at   TIMESTAMPTZ NOT NULL,
	updated_at   TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (channel_id, local_date)
);
CREATE INDEX digests_by_channel_state ON digests (channel_id, state, finished_at);

-- What each digest featured.
CREATE TABLE digest_items (
	channel_id TEXT NOT NULL,
	local_date TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('document', 'quote')),
	position   INTEGER NOT NULL,
	item_id    TEXT NOT NULL,
	PRIMARY KEY (channel_id, local_date, kind, item_id),
	FOREIGN KEY (channel_id, local_date) REFERENCES digests (channel_id, local_date) ON DELETE CASCADE
);

-- When each corpus document was first seen: a digest features those seen since the last one.
CREATE TABLE documents (
	doc_id     TEXT PRIMARY KEY,
	first_seen TIMESTAMPTZ NOT NULL
);
CREATE INDEX documents_by_first_seen ON documents (first_seen);
