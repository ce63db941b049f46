import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { PageQuery, Paged } from '../../shared/api/types';
import type { AdminKind, RoleRef } from '../../shared/auth/types';

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  status: UserStatus;
  adminKind: AdminKind | null;
  roles: RoleRef[];
  locked: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** An org change waiting for the security administrator (ADR 004); roles are suspended meanwhile. */
  pendingOrgId: string | null;
  /** The password was reset by the system administrator; the security administrator must release the account. */
  held: boolean;
  mfaEnrolled: boolean;
}

export interface UserFilter {
  keyword?: string;
  status?: UserStatus;
  orgId?: string;
  includeSub?: boolean;
}

export type UserListQuery = PageQuery & UserFilter;

export interface CreateUserInput {
  username: string;
  displayName: string;
  orgId: string;
  password: string;
}

export interface UpdateUserInput {
  displayName?: string;
  orgId?: string;
  status?: UserStatus;
}

/** The part of `Role` the role-assignment dialog needs. */
export interface RoleOption {
  id: string;
  code: string;
  name: string;
  builtin: boolean;
  adminKind: AdminKind | null;
}

const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  roleOptions: ['users', 'role-options'] as const,
};

export function fetchUsers(query: UserListQuery, signal?: AbortSignal): Promise<Paged<User>> {
  // includeSub only means something together with an org.
  const { includeSub, ...rest } = query;
  return api.get<Paged<User>>('/api/v1/users', { ...rest, includeSub: query.orgId ? includeSub : undefined }, signal);
}

export const createUser = (input: CreateUserInput) => api.post<User>('/api/v1/users', input);
export const updateUser = (id: string, input: UpdateUserInput) => api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, input);
export const resetPassword = (id: string, password: string) =>
  api.post<void>(`/api/v1/users/${encodeURIComponent(id)}/reset-password`, { password });
export const setUserRoles = (id: string, roleIds: string[]) => api.put<User>(`/api/v1/users/${encodeURIComponent(id)}/roles`, { roleIds });
export const unlockUser = (id: string) => api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/unlock`);
// The security administrator's confirmations that close the 三员 holes (ADR 004).
export const confirmOrgChange = (id: string) => api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/confirm-org`);
export const releaseUser = (id: string) => api.post<User>(`/api/v1/users/${encodeURIComponent(id)}/release`);
export const resetUserMfa = (id: string) => api.post<void>(`/api/v1/users/${encodeURIComponent(id)}/mfa-reset`);
export const fetchRoleOptions = (signal?: AbortSignal) => api.get<RoleOption[]>('/api/v1/roles', undefined, signal);

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData, // keep the old page on screen while the next one loads
  });
}

export function useRoleOptions(enabled: boolean) {
  return useQuery({ queryKey: userKeys.roleOptions, queryFn: ({ signal }) => fetchRoleOptions(signal), enabled });
}

function useUserMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useCreateUser = () => useUserMutation(createUser);
export const useUpdateUser = () => useUserMutation(({ id, input }: { id: string; input: UpdateUserInput }) => updateUser(id, input));
export const useResetPassword = () => useUserMutation(({ id, password }: { id: string; password: string }) => resetPassword(id, password));
export const useSetUserRoles = () => useUserMutation(({ id, roleIds }: { id: string; roleIds: string[] }) => setUserRoles(id, roleIds));
export const useUnlockUser = () => useUserMutation(unlockUser);
export const useConfirmOrgChange = () => useUserMutation(confirmOrgChange);
export const useReleaseUser = () => useUserMutation(releaseUser);
export const useResetUserMfa = () => useUserMutation(resetUserMfa);

/** Every row matching the filter, page by page (for CSV export); stops at `limit` rows. */
export async function fetchAllUsers(filter: UserFilter, sort: string | undefined, limit = 10_000): Promise<User[]> {
  const pageSize = 100;
  const rows: User[] = [];
  for (let page = 1; rows.length < limit; page += 1) {
    const result = await fetchUsers({ ...filter, sort, page, pageSize });
    rows.push(...result.items);
    if (result.items.length < pageSize || rows.length >= result.total) break;
  }
  return rows.slice(0, limit);
}
