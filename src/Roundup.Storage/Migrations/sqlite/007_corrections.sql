-- Readers' suggested corrections from the archive's form, and what a curator made of them: pending until decided,
-- then published (with the number of the issue's correction it became) or rejected. The text is kept as typed.
CREATE TABLE correction_suggestions (
    id INTEGER PRIMARY KEY,
    week TEXT NOT NULL,
    paper_id TEXT,
    text TEXT NOT NULL,
    contact TEXT,
    received TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
    decided TEXT,
    decided_by TEXT,
    erratum INTEGER
);
CREATE INDEX correction_suggestions_status ON correction_suggestions (status, received);
