-- Slack event ids taken by any replica, so that a retried event reaching another replica
-- is not answered twice.
CREATE TABLE events (
	event_id   TEXT PRIMARY KEY,
	expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_by_expiry ON events (expires_at);
