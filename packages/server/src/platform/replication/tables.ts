/** Fixed-window counters shared by every app node (platform/http/shared-counters.ts). */
export interface RateCounterTable {
  key: string;
  count: number;
  expires_at: string;
}

/** One row per city, beaten every few seconds and replicated: staleness at the province. */
export interface ReplicationHeartbeatTable {
  id: string;
  city_code: string;
  beat_at: string;
  updated_at: string;
}

/** The migrations an instance has, replicated upward (ADR 027 migration order). */
export interface SchemaVersionTable {
  id: string;
  city_code: string;
  name: string;
  change: string;
  updated_at: string;
}

/** Province only: the cities it subscribes to and how it reaches them. */
export interface ReplicationCityTable {
  city_code: string;
  name: string;
  conninfo: string;
  created_at: string;
  updated_at: string;
}

/** Province only: reconciliation findings (diverged is JSON: id ranges). */
export interface ReplicationCheckTable {
  id: string;
  city_code: string;
  table_name: string;
  city_rows: number;
  province_rows: number;
  diverged: string;
  repaired: number;
  checked_at: string;
}

export interface ReplicationTables {
  rate_counter: RateCounterTable;
  replication_heartbeat: ReplicationHeartbeatTable;
  schema_version: SchemaVersionTable;
  replication_city: ReplicationCityTable;
  replication_check: ReplicationCheckTable;
}
