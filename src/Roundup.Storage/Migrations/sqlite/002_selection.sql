-- One run of a funnel stage for a week: its input hash (same hash, nothing to recompute) and its counts.
CREATE TABLE stage_runs (
  week           TEXT NOT NULL,
  stage          TEXT NOT NULL,
  position       INTEGER NOT NULL,
  input_hash     TEXT NOT NULL,
  entered        INTEGER NOT NULL,
  advanced       INTEGER NOT NULL,
  unscored       INTEGER NOT NULL,
  seconds        REAL NOT NULL,
  input_tokens   INTEGER NOT NULL,
  output_tokens  INTEGER NOT NULL,
  cost           REAL NOT NULL,
  PRIMARY KEY (week, stage)
);

-- Why each paper that entered a stage went on or stopped.
CREATE TABLE judgements (
  week           TEXT NOT NULL,
  stage          TEXT NOT NULL,
  paper_id       TEXT NOT NULL,
  score          REAL,                 -- null: unscored
  rank           INTEGER NOT NULL,
  advanced       INTEGER NOT NULL,
  decision       TEXT NOT NULL,
  contributions  TEXT NOT NULL,        -- JSON [[value, label], ...]
  scorers        TEXT NOT NULL,        -- JSON [id, ...]
  PRIMARY KEY (week, stage, paper_id)
) WITHOUT ROWID;

-- The curator's pins and drops.
CREATE TABLE curator_decisions (
  week        TEXT NOT NULL,
  paper_id    TEXT NOT NULL,
  decision    TEXT NOT NULL,          -- pin | drop
  note        TEXT,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (week, paper_id)
) WITHOUT ROWID;

-- Embeddings by model and text hash, so a rerun embeds nothing twice.
CREATE TABLE embeddings (
  model      TEXT NOT NULL,
  text_hash  TEXT NOT NULL,
  vector     BLOB NOT NULL,
  PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
