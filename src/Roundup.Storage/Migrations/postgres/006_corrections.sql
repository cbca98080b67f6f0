-- Readers' suggested corrections from the archive's form, and what a curator made of them: pending until decided,
-- then published (with the number of the issue's correction it became) or rejected. The text is kept as typed.
CREATE TABLE correction_suggestions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  week        text NOT NULL,
  paper_id    text,
  text        text NOT NULL,
  contact     text,
  received    timestamptz NOT NULL,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
  decided     timestamptz,
  decided_by  text,
  erratum     integer
);
CREATE INDEX correction_suggestions_status ON correction_suggestions (status, received);
