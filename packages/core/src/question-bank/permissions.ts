import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const questionBankPermissions: readonly PermissionDef[] = [{ code: 'exam:question', group: 'exam', adminKind: null }];
