/** Table types of the competitions module; see migration 20261129T090000-competitions. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface CompetitionEventTable extends Base {
  title: string;
  level: 'province' | 'city' | 'branch' | 'unit';
  /** The organising unit: the event's data scope. */
  org_id: string;
  start_date: string;
  end_date: string;
  description: string | null;
  status: 'open' | 'published';
  published_at: string | null;
  published_by: string | null;
  updated_at: string;
  /** Per item, how many of a unit's best entries count toward its total; null: all. */
  counted_per_unit: number | null;
}
export interface CompetitionItemTable extends Base {
  event_id: string;
  name: string;
  kind: 'individual' | 'team';
  direction: 'higher' | 'lower';
  unit: string | null;
  max_team_size: number | null;
  sort_order: number;
}
export interface CompetitionEntryTable extends Base {
  event_id: string;
  item_id: string;
  /** The unit the entry represents (for unit totals). */
  org_id: string;
  team_name: string | null;
  score: number | null;
  updated_at: string;
}
export interface CompetitionEntryMemberTable {
  entry_id: string;
  person_id: string;
  item_id: string;
  city_code: string;
}
export interface CompetitionResultTable extends Base {
  event_id: string;
  item_id: string;
  entry_id: string;
  person_id: string;
  org_id: string;
  event_title: string;
  item_name: string;
  level: string;
  date: string;
  team_name: string | null;
  score: number | null;
  rank: number | null;
  entrants: number;
}

export interface CompetitionTables {
  competition_event: CompetitionEventTable;
  competition_item: CompetitionItemTable;
  competition_entry: CompetitionEntryTable;
  competition_entry_member: CompetitionEntryMemberTable;
  competition_result: CompetitionResultTable;
}
