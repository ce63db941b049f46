import { PERSON_KINDS, PERSON_STATUSES, type PersonFilter } from './types';

/**
 * The list's filter, page and sort live in the URL (`/personnel?education=21&orgId=…`) so the
 * statistics page can link to a filtered list, a filtered list can be bookmarked or sent, and
 * the back button from a profile returns to the same page of results.
 */
export interface ListState {
  filter: PersonFilter;
  page: number;
  pageSize: number;
  sort?: string;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const SORTABLE_FIELDS = ['name', 'age', 'policeStartDate', 'rank'] as const;

const TEXT_KEYS = ['keyword', 'orgId', 'rank', 'officerLevel', 'education', 'politicalStatus'] as const;
const NUMBER_KEYS = ['ageMin', 'ageMax', 'serviceYearsMin', 'serviceYearsMax'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => values.some((v) => v === value);

function intParam(params: URLSearchParams, key: string, min: number, max: number): number | undefined {
  const raw = params.get(key);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

/** Reads what it understands and ignores the rest, so a hand-edited URL never breaks the page. */
export function parseListState(params: URLSearchParams): ListState {
  const filter: PersonFilter = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = intParam(params, key, 0, 120);
    if (value !== undefined) filter[key] = value;
  }
  const kind = params.get('kind');
  if (isOneOf(PERSON_KINDS, kind)) filter.kind = kind;
  const status = params.get('status');
  if (isOneOf(PERSON_STATUSES, status)) filter.status = status;
  const sex = params.get('sex');
  if (sex === '1' || sex === '2') filter.sex = sex;
  const asOf = params.get('asOf');
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) filter.asOf = asOf;
  filter.includeSub = params.get('includeSub') !== 'false';
  const pageSize = intParam(params, 'pageSize', 1, 100);
  const sort = params.get('sort') ?? undefined;
  const sortField = sort?.replace(/^-/, '');
  return {
    filter,
    page: intParam(params, 'page', 1, 100_000) ?? 1,
    pageSize: PAGE_SIZES.find((size) => size === pageSize) ?? 20,
    sort: sortField && isOneOf(SORTABLE_FIELDS, sortField) ? sort : undefined,
  };
}

/** Only non-default values are written, so the plain list is just `/personnel`. */
export function toSearchParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filter)) {
    if (value === undefined || value === '' || (key === 'includeSub' && value !== false)) continue;
    if (key === 'includeSub' && !state.filter.orgId) continue;
    params.set(key, String(value));
  }
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== 20) params.set('pageSize', String(state.pageSize));
  return params;
}

/** Saved filters store the same keys as the URL. */
export function toSavedFilter(filter: PersonFilter): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
}

export function fromSavedFilter(saved: Record<string, string | number | boolean>): PersonFilter {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(saved)) params.set(key, String(value));
  return parseListState(params).filter;
}

/** Number of filters set besides the always-present `includeSub`. */
export const activeFilterCount = (filter: PersonFilter): number =>
  Object.entries(filter).filter(([key, value]) => key !== 'includeSub' && value !== undefined && value !== '').length;
