import { AUDIT_EVENT_TYPES, auditEventName } from '@zhenggong/core/platform/audit-events';

export { auditEventName };

/** Event types for the filter: localised name shown, code kept as value and searchable. */
export function eventTypeOptions(english: boolean): { value: string; label: string; code: string }[] {
  return AUDIT_EVENT_TYPES.map((code) => ({ value: code, label: auditEventName(code, english), code })).sort((a, b) =>
    a.code.localeCompare(b.code),
  );
}

/** The admin kinds and the system actor have fixed codes; business role codes are shown as typed. */
const KNOWN_ROLES = ['sysadmin', 'secadmin', 'auditadmin', 'system'] as const;
export const isKnownRole = (code: string): code is (typeof KNOWN_ROLES)[number] => (KNOWN_ROLES as readonly string[]).includes(code);
