-- Papers: one row per canonical arXiv id, whatever its versions and cross-lists.
CREATE TABLE papers (
  id             TEXT PRIMARY KEY,          -- canonical id, no version: 2506.01234, math/0611800
  version        INTEGER NOT NULL,          -- latest version known
  title          TEXT NOT NULL,
  abstract       TEXT NOT NULL,
  authors        TEXT NOT NULL,             -- JSON array of names
  categories     TEXT NOT NULL,             -- space-separated, primary first
  comment        TEXT,
  journal_ref    TEXT,
  doi            TEXT,
  license        TEXT,
  submitted      TEXT,                      -- v1 submission, ISO 8601 UTC
  announced      TEXT,                      -- listing date of the first announcement, yyyy-MM-dd
  announce_type  TEXT NOT NULL,             -- new | cross | unknown (how it was first announced)
  updated_at     TEXT NOT NULL
);
CREATE INDEX papers_by_announced ON papers (announced, id);

-- Each version as arXiv's history records it.
CREATE TABLE paper_versions (
  paper_id   TEXT NOT NULL REFERENCES papers (id),
  version    INTEGER NOT NULL,
  submitted  TEXT,
  size       TEXT,
  PRIMARY KEY (paper_id, version)
) WITHOUT ROWID;

-- That a source saw a paper in a day's listing: what the completeness report counts and compares.
CREATE TABLE sightings (
  source         TEXT NOT NULL,
  listing_date   TEXT NOT NULL,
  paper_id       TEXT NOT NULL REFERENCES papers (id),
  announce_type  TEXT NOT NULL,
  PRIMARY KEY (source, listing_date, paper_id)
) WITHOUT ROWID;
CREATE INDEX sightings_by_date ON sightings (listing_date);

-- Where an interrupted harvest stopped; written in the same transaction as the page before it.
CREATE TABLE harvest_checkpoints (
  checkpoint_key  TEXT PRIMARY KEY,
  position        TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
