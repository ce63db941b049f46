import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/** Code tables the pages show; values arrive as codes and are shown by name. Shared by every feature. */
export type PersonDictCode =
  'sex' | 'ethnicity' | 'political_status' | 'education' | 'police_rank' | 'police_officer_level' | 'police_tech_level' | 'admin_division';

export interface DictItem {
  code: string;
  name: string;
  nameEn?: string;
  parentCode?: string;
}

interface DictDetail {
  code: string;
  items: DictItem[];
}

/** Same key as the dictionaries page, so each table is fetched once per session whichever page asks first. */
const dictKey = (code: string) => ['dicts', 'detail', code] as const;
const fetchDict = (code: string, signal?: AbortSignal) =>
  api.get<DictDetail>(`/api/v1/dicts/${encodeURIComponent(code)}`, undefined, signal);
const dictQuery = (code: PersonDictCode) => ({
  queryKey: dictKey(code),
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchDict(code, signal),
  // Code tables change only with a release.
  staleTime: Infinity,
  gcTime: Infinity,
});

export function useDictItems(code: PersonDictCode, enabled = true): { items: DictItem[]; loading: boolean } {
  const query = useQuery({ ...dictQuery(code), enabled });
  return { items: query.data?.items ?? [], loading: query.isPending && enabled };
}

/** Stable `combine` so TanStack Query hands back the same array until a table arrives. */
const dataOf = (results: { data?: DictDetail }[]) => results.map((result) => result.data);

export type DictLabel = (dict: PersonDictCode, code: string | null | undefined) => string;

const ALL_DICTS: readonly PersonDictCode[] = [
  'sex',
  'ethnicity',
  'political_status',
  'education',
  'police_rank',
  'police_officer_level',
  'police_tech_level',
  'admin_division',
];

/**
 * `label(dict, code)` → the item's name in the UI language; a value that is not a code of the
 * table (legacy free text) is shown as it is, and '' for no value.
 */
export function useDictLabel(dicts: readonly PersonDictCode[] = ALL_DICTS): DictLabel {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const tables = useQueries({ queries: dicts.map((code) => dictQuery(code)), combine: dataOf });
  const maps = useMemo(() => {
    const byDict = new Map<string, Map<string, string>>();
    tables.forEach((table, index) => {
      const code = dicts[index];
      if (!code || !table) return;
      byDict.set(code, new Map(table.items.map((item) => [item.code, english ? (item.nameEn ?? item.name) : item.name])));
    });
    return byDict;
  }, [english, dicts, tables]);
  return useCallback((dict, code) => (code ? (maps.get(dict)?.get(code) ?? code) : ''), [maps]);
}

export interface DictOption {
  value: string;
  label: string;
}
export interface DictOptionGroup {
  label: string;
  title: string;
  options: DictOption[];
}

/**
 * Select options. Two-level tables (GB/T 4658 education: level → graduated / completed / left)
 * become option groups headed by the level, so 大学本科毕业 sits under 大学本科.
 */
export function toOptions(items: readonly DictItem[], english: boolean): (DictOption | DictOptionGroup)[] {
  const name = (item: DictItem) => (english ? (item.nameEn ?? item.name) : item.name);
  const parents = new Set(items.map((item) => item.parentCode).filter((code): code is string => Boolean(code)));
  if (parents.size === 0) return items.map((item) => ({ value: item.code, label: name(item) }));
  return items
    .filter((item) => !item.parentCode)
    .map((item) =>
      parents.has(item.code)
        ? {
            label: name(item),
            title: name(item),
            options: items.filter((child) => child.parentCode === item.code).map((child) => ({ value: child.code, label: name(child) })),
          }
        : { value: item.code, label: name(item) },
    );
}

export function useDictOptions(code: PersonDictCode) {
  const { i18n } = useTranslation();
  const { items, loading } = useDictItems(code);
  const english = i18n.language === 'en-US';
  const options = useMemo(() => toOptions(items, english), [items, english]);
  return { options, loading };
}

export interface DivisionNode {
  value: string;
  title: string;
  children?: DivisionNode[];
}

/** GB/T 2260 (province → prefecture → county) as a tree for TreeSelect. */
export function useDivisionTree(enabled = true) {
  const { items, loading } = useDictItems('admin_division', enabled);
  const tree = useMemo(() => {
    const children = new Map<string, DictItem[]>();
    const roots: DictItem[] = [];
    for (const item of items) {
      if (item.parentCode) children.set(item.parentCode, [...(children.get(item.parentCode) ?? []), item]);
      else roots.push(item);
    }
    const build = (item: DictItem): DivisionNode => {
      const kids = children.get(item.code);
      return { value: item.code, title: item.name, children: kids?.map(build) };
    };
    return roots.map(build);
  }, [items]);
  return { tree, loading };
}
