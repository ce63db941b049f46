import { Type, type Static } from '@sinclair/typebox';
import { Strict } from './common.ts';

export const LoginBody = Strict({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const ChangePasswordBody = Strict({
  oldPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});

const AdminKindSchema = Type.Union([Type.Literal('sysadmin'), Type.Literal('secadmin'), Type.Literal('auditadmin'), Type.Null()]);

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  adminKind: AdminKindSchema,
  roles: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), dataScope: Type.String() })),
  permissions: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean(),
  passwordExpired: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const MeResponse = Type.Object({ user: Me, csrfToken: Type.String() });

export const PasswordPolicyView = Type.Object({
  profile: Type.String(),
  minLength: Type.Integer(),
  maxLength: Type.Integer(),
  minClasses: Type.Integer(),
  historyCount: Type.Integer(),
  maxAgeDays: Type.Integer(),
});
