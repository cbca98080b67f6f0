-- Several senders share a mailing: a row in Sending belongs to `sender` until `lease_until` (UTC, fixed-width ISO
-- 8601); after that any sender may take it over. Rows left in Sending by an older version have no lease: they are
-- claimable at once, as that version's next run would have released them.
ALTER TABLE outbox ADD COLUMN sender TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
