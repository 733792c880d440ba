-- Slack event ids taken by any replica, so that a retried event reaching another replica
-- is not answered twice. Times are microseconds since the Unix epoch, UTC.
CREATE TABLE events (
	event_id   TEXT PRIMARY KEY,
	expires_at INTEGER NOT NULL
);
CREATE INDEX events_by_expiry ON events (expires_at);
