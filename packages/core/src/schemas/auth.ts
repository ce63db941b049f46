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
  /** Second factor of this session (ADR 018): done, a code to enter, or an app to enrol first. */
  mfa: Type.Union([Type.Literal('done'), Type.Literal('verify'), Type.Literal('enrol')]),
  /** True when the account's roles are suspended until the security administrator confirms an org change. */
  orgChangePending: Type.Boolean(),
  /** The account is linked to a person record (本人信息, 我的考试 and the like work only then). */
  hasPerson: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const MfaCodeBody = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 16, pattern: '^[0-9A-Za-z-]+$' }) },
  { additionalProperties: false },
);
export type MfaCodeBody = Static<typeof MfaCodeBody>;
/** Shown once, at the start of enrolment: the secret never leaves the server again. */
export const MfaEnrolmentView = Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() });
export type MfaEnrolmentView = Static<typeof MfaEnrolmentView>;
/** Shown once, when enrolment completes; only their hashes are kept. */
export const MfaRecoveryCodesView = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export type MfaRecoveryCodesView = Static<typeof MfaRecoveryCodesView>;

export const MeResponse = Type.Object({ user: Me, csrfToken: Type.String() });

export const PasswordPolicyView = Type.Object({
  profile: Type.String(),
  minLength: Type.Integer(),
  maxLength: Type.Integer(),
  minClasses: Type.Integer(),
  historyCount: Type.Integer(),
  maxAgeDays: Type.Integer(),
});
