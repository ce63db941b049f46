import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Org } from './types';

/** Every org query starts with 'orgs', so invalidating ['orgs'] refreshes the tree and every picker. */
export const orgKeys = {
  all: ['orgs'] as const,
  tree: (includeClosed: boolean) => ['orgs', 'tree', { includeClosed }] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
};

export function fetchOrgTree(includeClosed: boolean, signal?: AbortSignal): Promise<Org[]> {
  return api.get<Org[]>('/api/v1/orgs/tree', { includeClosed }, signal);
}

/** The caller's visible forest (already data-scoped by the server). */
export function useOrgTree(includeClosed = false, enabled = true) {
  return useQuery({
    queryKey: orgKeys.tree(includeClosed),
    queryFn: ({ signal }) => fetchOrgTree(includeClosed, signal),
    staleTime: 60_000,
    enabled,
  });
}
