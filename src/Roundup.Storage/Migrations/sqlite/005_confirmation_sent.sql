-- When a confirmation message was last queued for a web sign-up (UTC, fixed-width ISO 8601), so an address that
-- someone else types into the form gets at most one per Serve:ResendMinutes. NULL on older rows: created stands in.
ALTER TABLE subscribers ADD COLUMN confirmation_sent TEXT;
