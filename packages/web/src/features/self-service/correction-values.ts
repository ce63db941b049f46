import { useCallback } from 'react';
import { useDictLabel, type PersonDictCode } from '../../shared/dicts/dict-api';
import type { CorrectableField } from './types';

/** Correctable fields whose values are codes of a table. */
export const CODE_FIELDS: Partial<Record<CorrectableField, PersonDictCode>> = {
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  education: 'education',
  nativePlace: 'admin_division',
  birthplace: 'admin_division',
};

const DICTS: readonly PersonDictCode[] = ['ethnicity', 'political_status', 'education', 'admin_division'];

/** 139****5678, as the server masks phones in lists. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/**
 * A requested value as people read it: code-table values by name, the rest as typed. With
 * `maskPhone`, a requested phone number is masked (approvers without personnel:reveal).
 */
export function useValueText(maskPhones = false): (field: string, value: string | null | undefined) => string {
  const label = useDictLabel(DICTS);
  return useCallback(
    (field, value) => {
      if (!value) return '';
      if (field === 'phone' && maskPhones && !value.includes('*')) return maskPhone(value);
      const dict = CODE_FIELDS[field as CorrectableField]; // why: unknown fields simply find no table
      return dict ? label(dict, value) : value;
    },
    [label, maskPhones],
  );
}
