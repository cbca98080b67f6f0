-- Readers. address_hash (SHA-256 of the trimmed, lower-cased address) finds duplicates and the suppression entry.
CREATE TABLE subscribers (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email              text NOT NULL,
  address_hash       text NOT NULL UNIQUE,
  name               text,
  status             text NOT NULL,       -- pending | active | unsubscribed | bounced | complained
  created            timestamptz NOT NULL,
  confirmed          timestamptz,
  changed            timestamptz NOT NULL,
  confirmation_sent  timestamptz          -- when a web sign-up's confirmation was last queued
);
CREATE INDEX subscribers_status ON subscribers (status, id);

-- Addresses never to be written to again. Kept by hash so an entry outlives the subscriber's personal data.
CREATE TABLE suppressions (
  address_hash  text PRIMARY KEY,
  reason        text NOT NULL,        -- unsubscribed | bounced | complained
  recorded      timestamptz NOT NULL
);

-- One message per (mailing, subscriber) and its state; message_id is fixed when the row is made.
CREATE TABLE outbox (
  week           text NOT NULL,        -- the MailingKey: 2025-W26 or 2025-W26-erratum-1
  subscriber_id  bigint NOT NULL REFERENCES subscribers (id),
  state          text NOT NULL,        -- pending | sending | sent | deferred | failed | suppressed
  attempts       integer NOT NULL DEFAULT 0,
  next_attempt   timestamptz,
  message_id     text NOT NULL UNIQUE,
  last_answer    text,                 -- the relay's answer with addresses removed
  updated        timestamptz NOT NULL,
  sender         text,                 -- while Sending: the delivery run that claimed the row ...
  lease_until    timestamptz,          -- ... and until when it is theirs; after that any sender may take it over
  PRIMARY KEY (week, subscriber_id)
);
CREATE INDEX outbox_state ON outbox (week, state, subscriber_id);
CREATE INDEX outbox_by_subscriber ON outbox (subscriber_id);
