import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictLabel, type PersonDictCode } from '../../../shared/dicts/dict-api';
import { EDUCATION_LEVELS } from '../codes';
import type { Requirements } from '../types';

const DICTS: readonly PersonDictCode[] = ['political_status'];

/** A post's requirements as one short line for tables. */
export function useRequirementText(): (r: Requirements) => string {
  const { t, i18n } = useTranslation();
  const label = useDictLabel(DICTS);
  const english = i18n.language === 'en-US';
  return useCallback(
    (r: Requirements) => {
      const parts: string[] = [];
      if (r.ageMin != null || r.ageMax != null) parts.push(t('recruitment.post.ageRange', { min: r.ageMin ?? '', max: r.ageMax ?? '' }));
      if (r.sex) parts.push(t(`recruitment.sex.${r.sex}`));
      if (r.educationMin) {
        const level = EDUCATION_LEVELS.find((l) => l.code === r.educationMin);
        parts.push(t('recruitment.post.educationAtLeast', { education: level ? (english ? level.en : level.zh) : r.educationMin }));
      }
      if (r.politicalStatus?.length) parts.push(r.politicalStatus.map((c) => label('political_status', c)).join('/'));
      if (r.householdRegions?.length) parts.push(t('recruitment.post.householdIn', { list: r.householdRegions.join('/') }));
      if (r.other) parts.push(r.other);
      return parts.join('；') || t('recruitment.post.any');
    },
    [t, label, english],
  );
}
