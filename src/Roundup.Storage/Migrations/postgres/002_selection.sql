-- One run of a funnel stage for a selection key: its input hash (same hash, nothing to recompute) and its counts.
CREATE TABLE stage_runs (
  week           text NOT NULL,
  stage          text NOT NULL,
  position       integer NOT NULL,
  input_hash     text NOT NULL,
  entered        integer NOT NULL,
  advanced       integer NOT NULL,
  unscored       integer NOT NULL,
  seconds        double precision NOT NULL,
  input_tokens   bigint NOT NULL,
  output_tokens  bigint NOT NULL,
  cost           numeric NOT NULL,
  PRIMARY KEY (week, stage)
);

-- Why each paper that entered a stage went on or stopped.
CREATE TABLE judgements (
  week           text NOT NULL,
  stage          text NOT NULL,
  paper_id       text NOT NULL,
  score          double precision,        -- null: unscored
  rank           integer NOT NULL,
  advanced       boolean NOT NULL,
  decision       text NOT NULL,
  contributions  jsonb NOT NULL,          -- [[value, label], ...], the value as round-trip text
  scorers        text[] NOT NULL,
  PRIMARY KEY (week, stage, paper_id)
);

-- The curator's pins and drops.
CREATE TABLE curator_decisions (
  week        text NOT NULL,
  paper_id    text NOT NULL,
  decision    text NOT NULL CHECK (decision IN ('pin', 'drop')),
  note        text,
  decided_at  timestamptz NOT NULL,
  PRIMARY KEY (week, paper_id)
);

-- Embeddings by model and text hash, so a rerun embeds nothing twice: little-endian float32.
CREATE TABLE embeddings (
  model      text NOT NULL,
  text_hash  text NOT NULL,
  vector     bytea NOT NULL,
  PRIMARY KEY (model, text_hash)
);
