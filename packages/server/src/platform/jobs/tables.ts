/** Runs of scheduled jobs: one row per (job, slot), so two instances never run the same slot. */
export interface JobRunTable {
  id: string;
  city_code: string;
  job: string;
  slot: string;
  /** running → succeeded | failed (retried later) | dead (attempts used up). */
  state: 'running' | 'succeeded' | 'failed' | 'dead';
  attempt: number;
  /** Instance that holds the run; another may take it over once lease_until has passed. */
  owner: string;
  lease_until: string;
  next_attempt_at: string | null;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  result: string | null;
  created_at: string;
}

/** Finished import checks kept for their error report, readable from any node until they expire. */
export interface ImportReportTable {
  id: string;
  city_code: string;
  owner_id: string;
  kind: string;
  payload: string;
  created_at: string;
  expires_at: string;
}

export interface JobTables {
  job_run: JobRunTable;
  import_report: ImportReportTable;
}
