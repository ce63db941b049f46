import { Type, type Static } from '@sinclair/typebox';
import { dataScopes } from '../platform/data-scope.ts';
import { Id, Strict } from './common.ts';

const AdminKind = Type.Union([Type.Literal('sysadmin'), Type.Literal('secadmin'), Type.Literal('auditadmin'), Type.Null()]);
export const DataScopeSchema = Type.Union(dataScopes.map((s) => Type.Literal(s)));

export const RoleView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  builtin: Type.Boolean(),
  adminKind: AdminKind,
  permissions: Type.Array(Type.String()),
  dataScope: Type.String(),
  scopeOrgIds: Type.Array(Type.String()),
  userCount: Type.Integer(),
});
export type RoleView = Static<typeof RoleView>;

export const PermissionView = Type.Object({ code: Type.String(), group: Type.String(), adminKind: AdminKind });
export type PermissionView = Static<typeof PermissionView>;

const Code = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z][a-z0-9_-]*$' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
// Permission codes are checked against the catalogue by the service, which names the unknown one.
const Permissions = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { uniqueItems: true, maxItems: 200 });
const ScopeOrgIds = Type.Array(Id, { uniqueItems: true, maxItems: 500 });

export const CreateRoleBody = Strict({
  code: Code,
  name: Name,
  permissions: Permissions,
  dataScope: DataScopeSchema,
  // Needed only for the custom scope; ignored (stored empty) for the others.
  scopeOrgIds: Type.Optional(ScopeOrgIds),
});
export type CreateRoleBody = Static<typeof CreateRoleBody>;

export const UpdateRoleBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    permissions: Type.Optional(Permissions),
    dataScope: Type.Optional(DataScopeSchema),
    scopeOrgIds: Type.Optional(ScopeOrgIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;
