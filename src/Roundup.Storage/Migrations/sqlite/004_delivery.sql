-- Readers. address_hash (SHA-256 of the trimmed, lower-cased address) finds duplicates and the suppression entry.
CREATE TABLE subscribers (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL,
  address_hash  TEXT NOT NULL UNIQUE,
  name          TEXT,
  status        TEXT NOT NULL,        -- pending | active | unsubscribed | bounced | complained
  created       TEXT NOT NULL,
  confirmed     TEXT,
  changed       TEXT NOT NULL
);

CREATE INDEX subscribers_status ON subscribers (status, id);

-- Addresses never to be written to again. Kept by hash so an entry outlives the subscriber's personal data.
CREATE TABLE suppressions (
  address_hash  TEXT PRIMARY KEY,
  reason        TEXT NOT NULL,        -- unsubscribed | bounced | complained
  recorded      TEXT NOT NULL
) WITHOUT ROWID;

-- One message per (issue week, subscriber) and its state; message_id is fixed when the row is made.
CREATE TABLE outbox (
  week           TEXT NOT NULL,
  subscriber_id  INTEGER NOT NULL REFERENCES subscribers (id),
  state          TEXT NOT NULL,       -- pending | sending | sent | deferred | failed | suppressed
  attempts       INTEGER NOT NULL DEFAULT 0,
  next_attempt   TEXT,                -- UTC, fixed-width ISO 8601, so text order is time order
  message_id     TEXT NOT NULL UNIQUE,
  last_answer    TEXT,                -- the relay's answer with addresses removed
  updated        TEXT NOT NULL,
  PRIMARY KEY (week, subscriber_id)
) WITHOUT ROWID;

CREATE INDEX outbox_state ON outbox (week, state, subscriber_id);
