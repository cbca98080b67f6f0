-- Every saved version of a week's issue: the generated text and the curator's edits side by side. json, not jsonb:
-- the body is read back by the serializer exactly as it was written.
CREATE TABLE issues (
  week       text NOT NULL,
  version    integer NOT NULL,
  status     text NOT NULL,          -- Draft | Approved | Published
  saved_at   timestamptz NOT NULL,
  body       json NOT NULL,
  PRIMARY KEY (week, version)
);
