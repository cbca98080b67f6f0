-- The shared state of distributed work. Rows of a run are removed with it.
CREATE TABLE roundup_work.runs (
    id uuid PRIMARY KEY,
    started timestamptz NOT NULL DEFAULT now()
);

-- One paper's full text, read by a worker: outcome NULL until read; then 'evidence', 'none' or 'unreadable'.
CREATE TABLE roundup_work.full_texts (
    run uuid NOT NULL REFERENCES roundup_work.runs (id) ON DELETE CASCADE,
    paper text NOT NULL,
    version integer NOT NULL,
    outcome text,
    result text,
    read_by text,
    read_at timestamptz,
    PRIMARY KEY (run, paper)
);

-- One pick's entry: the coordinator's input (paper, evidence, facts, reasons, related; the profile), a worker's output.
CREATE TABLE roundup_work.entries (
    run uuid NOT NULL REFERENCES roundup_work.runs (id) ON DELETE CASCADE,
    paper text NOT NULL,
    input text NOT NULL,
    profile text NOT NULL,
    output text,
    written_by text,
    written_at timestamptz,
    PRIMARY KEY (run, paper)
);

-- arXiv's turn-taking for every process together: the earliest start of the next request, per host group.
CREATE TABLE roundup_work.request_slots (
    host text PRIMARY KEY,
    next_free timestamptz NOT NULL
);
