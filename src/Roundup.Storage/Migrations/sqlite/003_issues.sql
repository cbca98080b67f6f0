-- Every saved version of a week's issue, as JSON: the generated text and the curator's edits side by side.
CREATE TABLE issues (
  week       TEXT NOT NULL,
  version    INTEGER NOT NULL,
  status     TEXT NOT NULL,          -- Draft | Approved | Published
  saved_at   TEXT NOT NULL,
  body       TEXT NOT NULL,          -- JSON of the Issue
  PRIMARY KEY (week, version)
) WITHOUT ROWID;
