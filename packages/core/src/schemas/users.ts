import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from './common.ts';

const AdminKind = Type.Union([Type.Literal('sysadmin'), Type.Literal('secadmin'), Type.Literal('auditadmin'), Type.Null()]);
export const UserStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

export const RoleRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

/** An account as the API shows it: never the password hash, failure counter or session data. */
export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  status: UserStatusSchema,
  adminKind: AdminKind,
  roles: Type.Array(RoleRef),
  locked: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  /** An org change waiting for the security administrator (ADR 004); roles are suspended meanwhile. */
  pendingOrgId: Type.Union([Type.String(), Type.Null()]),
  /** The password was reset by the system administrator; the security administrator must release the account. */
  held: Type.Boolean(),
  mfaEnrolled: Type.Boolean(),
});
export type UserView = Static<typeof UserView>;

export const UserPage = Type.Object({ items: Type.Array(UserView), total: Type.Integer() });

export const userSortFields = ['username', 'displayName', 'createdAt', 'lastLoginAt', 'status'] as const;

export const UserListQuery = Strict({
  ...PageQuery,
  // Only the listed fields sort; anything else is a 400 rather than a silently ignored parameter.
  sort: Type.Optional(Type.String({ pattern: `^-?(${userSortFields.join('|')})$` })),
  orgId: Type.Optional(Id),
  includeSub: Type.Optional(Type.Boolean({ default: true })),
  keyword: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  status: Type.Optional(UserStatusSchema),
});
export type UserListQuery = Static<typeof UserListQuery>;

// No whitespace or control characters; the service also bounds the NFKC-normalised length.
const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[^\\s\\p{Cc}]+$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const CreateUserBody = Strict({ username: Username, displayName: DisplayName, orgId: Id, password: Password });
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  { displayName: Type.Optional(DisplayName), orgId: Type.Optional(Id), status: Type.Optional(UserStatusSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Strict({ password: Password });

export const AssignRolesBody = Strict({ roleIds: Type.Array(Id, { uniqueItems: true, maxItems: 50 }) });
