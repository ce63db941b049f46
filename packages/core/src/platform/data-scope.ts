/** Data scope (数据权限) kinds a role can carry. */
export const dataScopes = ['all', 'custom', 'org', 'org_and_below', 'self', 'org_and_below_or_self'] as const;
export type DataScope = (typeof dataScopes)[number];
