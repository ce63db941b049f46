import type { PromotionView } from '@zhenggong/core';
import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadPromotionForm, usePromotions } from '../api';

type PromotionStatus = 'in_progress' | 'approved' | 'rejected' | 'withdrawn';
const color: Record<string, string> = { in_progress: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** 晋升案件: every promotion case in scope with its workflow case and the approval form. */
export function PromotionsPage() {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [q, setQ] = useState<{ status?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const list = usePromotions(q);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('cadres.promotions.status')}
          value={q.status}
          onChange={(v) => setQ({ ...q, status: v, page: 1 })}
          options={['in_progress', 'approved', 'rejected', 'withdrawn'].map((s) => ({
            value: s,
            label: t(`cadres.promotions.statuses.${s as PromotionStatus}`),
          }))}
        />
      </Space>
      <Table<PromotionView>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        data-testid="promotions-table"
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('cadres.promotions.person'), dataIndex: 'personName', width: 90 },
          { title: t('cadres.due.unit'), dataIndex: 'orgName', width: 140 },
          {
            title: t('cadres.promotions.track'),
            dataIndex: 'track',
            width: 110,
            render: (v: 'grade' | 'tech' | 'rank') => t(`cadres.due.tracks.${v}`),
          },
          { title: t('cadres.promotions.from'), dataIndex: 'fromName', width: 110 },
          { title: t('cadres.promotions.to'), dataIndex: 'toName', width: 110 },
          { title: t('cadres.promotions.asOf'), dataIndex: 'asOf', width: 110 },
          {
            title: t('cadres.promotions.status'),
            dataIndex: 'status',
            width: 100,
            render: (v: PromotionStatus) => <Tag color={color[v]}>{t(`cadres.promotions.statuses.${v}`)}</Tag>,
          },
          { title: t('cadres.promotions.decidedOn'), dataIndex: 'decidedOn', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'actions',
            width: 160,
            render: (_, r) => (
              <Space>
                {r.caseId && <Link to={`/todo?case=${r.caseId}`}>{t('cadres.due.open')}</Link>}
                <Button type="link" size="small" onClick={() => void downloadPromotionForm(r.id).catch(showError)}>
                  {t('cadres.promotions.form')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
