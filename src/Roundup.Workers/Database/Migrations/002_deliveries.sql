-- One delivery batch of a mailing: up to `messages` outbox rows for a worker to claim and send; result NULL until done.
CREATE TABLE roundup_work.deliveries (
    run uuid NOT NULL REFERENCES roundup_work.runs (id) ON DELETE CASCADE,
    batch integer NOT NULL,
    mailing text NOT NULL,
    messages integer NOT NULL,
    result text,
    sent_by text,
    sent_at timestamptz,
    PRIMARY KEY (run, batch)
);
