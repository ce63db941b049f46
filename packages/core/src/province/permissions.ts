import type { PermissionDef } from '../platform/permission-def.ts';

/** Province views (全省统计): business permission, granted to province political-department roles. */
export const provincePermissions: readonly PermissionDef[] = [{ code: 'province:read', group: 'province', adminKind: null }];
