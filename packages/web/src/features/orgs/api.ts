import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { orgKeys } from '../../shared/orgs/org-tree-api';
import type { Org } from '../../shared/orgs/types';

export interface CreateOrgInput {
  name: string;
  shortName?: string;
  code?: string;
  type: string;
  isUnit: boolean;
  parentId: string;
}

export interface UpdateOrgInput {
  name?: string;
  shortName?: string | null;
  code?: string | null;
  type?: string;
  isUnit?: boolean;
  sortOrder?: number;
}

export function createOrg(input: CreateOrgInput): Promise<Org> {
  return api.post<Org>('/api/v1/orgs', input);
}

export function updateOrg(id: string, input: UpdateOrgInput): Promise<Org> {
  return api.patch<Org>(`/api/v1/orgs/${encodeURIComponent(id)}`, input);
}

export function moveOrg(id: string, parentId: string): Promise<Org> {
  return api.post<Org>(`/api/v1/orgs/${encodeURIComponent(id)}/move`, { parentId });
}

export function closeOrg(id: string): Promise<Org> {
  return api.post<Org>(`/api/v1/orgs/${encodeURIComponent(id)}/close`);
}

/** Every org change refreshes the tree and every org picker (all keyed under ['orgs']). */
function useOrgMutation<TInput>(mutationFn: (input: TInput) => Promise<Org>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function useCreateOrg() {
  return useOrgMutation(createOrg);
}

export function useUpdateOrg() {
  return useOrgMutation(({ id, input }: { id: string; input: UpdateOrgInput }) => updateOrg(id, input));
}

export function useMoveOrg() {
  return useOrgMutation(({ id, parentId }: { id: string; parentId: string }) => moveOrg(id, parentId));
}

export function useCloseOrg() {
  return useOrgMutation(closeOrg);
}
