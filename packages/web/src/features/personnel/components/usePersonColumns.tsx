import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DictLabel } from '../../../shared/dicts/dict-api';
import type { PersonListItem, PersonStatus } from '../types';
import { RankBandWarning } from './RankBandWarning';

export const STATUS_COLORS: Record<PersonStatus, string> = {
  serving: 'green',
  seconded: 'blue',
  transferred_out: 'default',
  retired: 'default',
  resigned: 'default',
  dismissed: 'red',
  deceased: 'default',
  died_on_duty: 'volcano',
  contract_ended: 'default',
};

function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Columns of the personnel list; code-table values shown by name, sensitive values masked by the server. */
export function usePersonColumns(sort: string | undefined, label: DictLabel): TableColumnsType<PersonListItem> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const sortable = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(sort, field), showSorterTooltip: false });

  return [
    {
      title: t('personnel.fields.name'),
      dataIndex: 'name',
      key: 'name',
      width: 96,
      fixed: 'left',
      ...sortable('name'),
      // A real link keeps the profile reachable by keyboard and "open in new tab"; the row click is a shortcut.
      render: (name: string, person) => (
        <Link to={`/personnel/${person.id}`} onClick={(event) => event.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('personnel.fields.policeNumber'), dataIndex: 'policeNumber', width: 90, render: (value: string | null) => value ?? empty },
    { title: t('personnel.fields.sex'), dataIndex: 'sex', width: 60, render: (value: string) => label('sex', value) },
    { title: t('personnel.fields.age'), dataIndex: 'age', key: 'age', width: 76, ...sortable('age') },
    { title: t('personnel.fields.org'), dataIndex: 'orgName', width: 170, ellipsis: true },
    { title: t('personnel.fields.post'), dataIndex: 'post', width: 110, ellipsis: true, render: (value: string | null) => value ?? empty },
    {
      title: t('personnel.fields.rank'),
      dataIndex: 'rank',
      key: 'rank',
      width: 130,
      ...sortable('rank'),
      render: (value: string | null, person) => (
        <>
          {label('police_rank', value) || empty}
          <RankBandWarning person={person} label={label} compact />
        </>
      ),
    },
    {
      title: t('personnel.fields.officerLevel'),
      dataIndex: 'officerLevel',
      width: 110,
      render: (value: string | null) => label('police_officer_level', value) || empty,
    },
    {
      title: t('personnel.fields.education'),
      dataIndex: 'education',
      width: 130,
      ellipsis: true,
      render: (value: string | null) => label('education', value) || empty,
    },
    {
      title: t('personnel.fields.politicalStatus'),
      dataIndex: 'politicalStatus',
      width: 140,
      ellipsis: true,
      render: (value: string | null) => label('political_status', value) || empty,
    },
    {
      title: t('personnel.fields.policeStartDate'),
      dataIndex: 'policeStartDate',
      key: 'policeStartDate',
      width: 140,
      ...sortable('policeStartDate'),
      render: (value: string | null) => value ?? empty,
    },
    { title: t('personnel.fields.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
    { title: t('personnel.fields.phone'), dataIndex: 'phoneMasked', width: 120, render: (value: string | null) => value ?? empty },
    {
      title: t('personnel.fields.kind'),
      dataIndex: 'kind',
      width: 76,
      render: (kind: PersonListItem['kind']) => <Tag color={kind === 'officer' ? 'geekblue' : 'cyan'}>{t(`personnel.kind.${kind}`)}</Tag>,
    },
    {
      title: t('personnel.fields.status'),
      dataIndex: 'status',
      width: 90,
      fixed: 'right',
      render: (status: PersonStatus) => <Tag color={STATUS_COLORS[status]}>{t(`personnel.status.${status}`)}</Tag>,
    },
  ];
}
