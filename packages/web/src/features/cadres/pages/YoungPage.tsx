import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useYoung } from '../api';

/** 年轻干部 ("3060工程"): the pool with plans and rotations, and the people meeting the criteria. */
export function YoungPage() {
  const { t } = useTranslation();
  const young = useYoung();
  const d = young.data;
  return (
    <>
      {d && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('cadres.young.criteria')}：≤${d.criteria.maxAge}岁 · 本科及以上 · 警龄≥${d.criteria.minServiceYears}年（${d.criteria.evidence}）`}
          description={d.criteria.note}
        />
      )}
      <Typography.Title level={5}>{t('cadres.young.pool')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 700 }}
        loading={young.isLoading}
        dataSource={d?.pool ?? []}
        columns={[
          { title: t('cadres.young.name'), dataIndex: 'name', width: 90 },
          { title: t('cadres.young.org'), dataIndex: 'orgName', width: 140 },
          { title: t('cadres.young.age'), dataIndex: 'age', width: 60 },
          { title: t('cadres.young.entered'), dataIndex: 'enteredOn', width: 110 },
          { title: t('cadres.young.plan'), dataIndex: 'plan' },
          { title: t('cadres.young.status'), dataIndex: 'status', width: 80, render: (v: string) => <Tag>{v}</Tag> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cadres.young.candidates')}
      </Typography.Title>
      <Table
        rowKey="personId"
        size="small"
        scroll={{ x: 500 }}
        dataSource={d?.candidates ?? []}
        columns={[
          { title: t('cadres.young.name'), dataIndex: 'name' },
          { title: t('cadres.young.org'), dataIndex: 'orgName' },
          { title: t('cadres.young.age'), dataIndex: 'age' },
          { title: t('cadres.person.grade'), dataIndex: 'officerLevel' },
        ]}
      />
    </>
  );
}
