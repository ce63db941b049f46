import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AdminKind, DataScope } from '../../shared/auth/types';

export interface Role {
  id: string;
  code: string;
  name: string;
  builtin: boolean;
  adminKind: AdminKind | null;
  permissions: string[];
  dataScope: DataScope;
  scopeOrgIds: string[];
  userCount: number;
}

export interface Permission {
  code: string;
  group: string;
  adminKind: AdminKind | null;
}

export interface RoleInput {
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  scopeOrgIds: string[];
}

const roleKeys = {
  all: ['roles'] as const,
  list: ['roles', 'list'] as const,
  permissions: ['roles', 'permissions'] as const,
};

export const fetchRoles = (signal?: AbortSignal) => api.get<Role[]>('/api/v1/roles', undefined, signal);
export const fetchPermissions = (signal?: AbortSignal) => api.get<Permission[]>('/api/v1/permissions', undefined, signal);
export const createRole = (input: RoleInput) => api.post<Role>('/api/v1/roles', input);
export const updateRole = (id: string, input: Partial<RoleInput>) => api.patch<Role>(`/api/v1/roles/${encodeURIComponent(id)}`, input);
export const deleteRole = (id: string) => api.delete(`/api/v1/roles/${encodeURIComponent(id)}`);

export function useRoles() {
  return useQuery({ queryKey: roleKeys.list, queryFn: ({ signal }) => fetchRoles(signal) });
}

/** The permission catalogue only changes with a server release. */
export function usePermissions() {
  return useQuery({
    queryKey: roleKeys.permissions,
    queryFn: ({ signal }) => fetchPermissions(signal),
    staleTime: Infinity,
  });
}

function useRoleMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: roleKeys.list });
      // Users' role tags show role names; refresh them too.
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export const useCreateRole = () => useRoleMutation(createRole);
export const useUpdateRole = () => useRoleMutation(({ id, input }: { id: string; input: Partial<RoleInput> }) => updateRole(id, input));
export const useDeleteRole = () => useRoleMutation(deleteRole);
