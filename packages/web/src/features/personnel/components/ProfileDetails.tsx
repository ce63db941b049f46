import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/utils/format';
import type { DictLabel } from '../../../shared/dicts/dict-api';
import type { PersonProfile, PersonSensitive } from '../types';

interface ProfileDetailsProps {
  person: PersonProfile;
  label: DictLabel;
  /** Full ID number and phone, once revealed (personnel:reveal, audited). */
  sensitive: PersonSensitive | null;
}

/** Every field of the record, code-table values by name. */
export function ProfileDetails({ person, label, sensitive }: ProfileDetailsProps) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const or = (value: string | null | undefined) => value || empty;
  const officer = person.kind === 'officer';
  const secret = (value: string | null | undefined) => (
    <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} type={sensitive ? 'warning' : undefined}>
      {or(value)}
    </Typography.Text>
  );

  const items = [
    { key: 'name', label: t('personnel.fields.name'), children: person.name },
    { key: 'formerNames', label: t('personnel.fields.formerNames'), children: person.formerNames.join(t('common.listSeparator')) || empty },
    { key: 'sex', label: t('personnel.fields.sex'), children: or(label('sex', person.sex)) },
    {
      key: 'birthDate',
      label: t('personnel.fields.birthDate'),
      children: `${person.birthDate}（${t('personnel.ageValue', { age: person.age })}）`,
    },
    { key: 'ethnicity', label: t('personnel.fields.ethnicity'), children: or(label('ethnicity', person.ethnicity)) },
    { key: 'nativePlace', label: t('personnel.fields.nativePlace'), children: or(label('admin_division', person.nativePlace)) },
    { key: 'birthplace', label: t('personnel.fields.birthplace'), children: or(label('admin_division', person.birthplace)) },
    {
      key: 'idNumber',
      label: t('personnel.fields.idNumber'),
      children: (
        <>
          {secret(sensitive?.idNumber ?? person.idNumberMasked)}
          {sensitive?.idNumberOriginal ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('personnel.profile.idUpgradedFrom', { original: sensitive.idNumberOriginal })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { key: 'phone', label: t('personnel.fields.phone'), children: secret(sensitive ? sensitive.phone : person.phoneMasked) },
    {
      key: 'politicalStatus',
      label: t('personnel.fields.politicalStatus'),
      children: or(label('political_status', person.politicalStatus)),
    },
    { key: 'partyJoinDate', label: t('personnel.fields.partyJoinDate'), children: or(person.partyJoinDate) },
    { key: 'education', label: t('personnel.fields.education'), children: or(label('education', person.education)) },
    { key: 'degree', label: t('personnel.fields.degree'), children: or(person.degree) },
    { key: 'workStartDate', label: t('personnel.fields.workStartDate'), children: or(person.workStartDate) },
    { key: 'policeStartDate', label: t('personnel.fields.policeStartDate'), children: or(person.policeStartDate) },
    { key: 'org', label: t('personnel.fields.org'), children: person.orgName },
    { key: 'post', label: t('personnel.fields.post'), children: or(person.post) },
    { key: 'policeNumber', label: t('personnel.fields.policeNumber'), children: or(person.policeNumber) },
    ...(officer
      ? [
          { key: 'rank', label: t('personnel.fields.rank'), children: or(label('police_rank', person.rank)) },
          { key: 'rankDate', label: t('personnel.fields.rankDate'), children: or(person.rankDate) },
          {
            key: 'officerLevel',
            label: t('personnel.fields.officerLevel'),
            children: or(label('police_officer_level', person.officerLevel)),
          },
          { key: 'levelDate', label: t('personnel.fields.levelDate'), children: or(person.levelDate) },
          { key: 'postLevel', label: t('personnel.fields.postLevel'), children: or(person.postLevel) },
          { key: 'techLevel', label: t('personnel.fields.techLevel'), children: or(label('police_tech_level', person.techLevel)) },
        ]
      : [
          { key: 'auxCategory', label: t('personnel.fields.auxCategory'), children: or(person.auxCategory) },
          { key: 'contractEnd', label: t('personnel.fields.contractEnd'), children: or(person.contractEnd) },
        ]),
    { key: 'status', label: t('personnel.fields.status'), children: t(`personnel.status.${person.status}`) },
    { key: 'statusDate', label: t('personnel.fields.statusDate'), children: or(person.statusDate) },
    { key: 'updatedAt', label: t('personnel.fields.updatedAt'), children: formatDateTime(person.updatedAt) },
  ];

  return (
    <Card size="small" title={t('personnel.profile.basic')}>
      <Descriptions bordered size="small" column={2} items={items} styles={{ label: { width: 128, whiteSpace: 'nowrap' } }} />
    </Card>
  );
}
