import { useTranslation } from 'react-i18next';
import { EDUCATION_OPTIONS, POLITICAL_OPTIONS, codeLabel } from '../codes';
import { divisionLabel, useDivisionTree } from '../division-tree';
import type { PostRequirements } from '../types';

/** The post's requirements in plain sentences, one per line. */
export function RequirementList({ requirements: r, applyUntil }: { requirements: PostRequirements; applyUntil: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const divisions = useDivisionTree();
  const lines: string[] = [];
  // With no fixed reference date the server counts age on the registration deadline, so
  // eligibility is the same on every day of the window.
  const date = r.ageReferenceDate ?? applyUntil;
  if (r.ageMin != null && r.ageMax != null) lines.push(t('portal.announcement.age', { min: r.ageMin, max: r.ageMax, date }));
  else if (r.ageMin != null) lines.push(t('portal.announcement.ageMin', { min: r.ageMin, date }));
  else if (r.ageMax != null) lines.push(t('portal.announcement.ageMax', { max: r.ageMax, date }));
  if (r.sex) lines.push(t('portal.announcement.sex', { sex: t(`portal.sex.${r.sex}`) }));
  if (r.educationMin) lines.push(t('portal.announcement.education', { education: codeLabel(EDUCATION_OPTIONS, r.educationMin, english) }));
  if (r.politicalStatus?.length) {
    const list = r.politicalStatus.map((code) => codeLabel(POLITICAL_OPTIONS, code, english)).join(english ? ', ' : '、');
    lines.push(t('portal.announcement.political', { list }));
  }
  if (r.householdRegions?.length) {
    const list = r.householdRegions.map((code) => divisionLabel(divisions.data, code, '')).join(english ? ', ' : '、');
    lines.push(t('portal.announcement.household', { list }));
  }
  if (r.other) lines.push(r.other);
  if (lines.length === 0) lines.push(t('portal.announcement.noLimit'));
  return (
    <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
