-- A load into a store without papers runs without the listing-date indexes, which are built once at its end (faster
-- than keeping them up to date row by row). This row says such a load is under way: a rerun after a kill carries on
-- the same way, and the end of any harvest builds the indexes again (SqliteBulkLoad).
CREATE TABLE bulk_loads (
  checkpoint_key  TEXT PRIMARY KEY,
  started_at      TEXT NOT NULL
);
