import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveList } from '../api';
import { statusColor } from './status';

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;

/** Leave records of people in scope: filters, server paging, CSV export of the filtered page set. */
export function LeaveListPanel() {
  const { t } = useTranslation();
  const [q, setQ] = useState<{ page: number; pageSize: number; status?: string; keyword?: string }>({ page: 1, pageSize: 20 });
  const list = useLeaveList(q);
  const exportCsv = () => {
    const rows = [
      ['姓名', '单位', '类别', '开始', '结束', '天数', '状态'],
      ...(list.data?.items ?? []).map((r) => [
        r.name,
        r.orgName,
        r.kindName,
        r.startDate,
        r.endDate,
        String(r.days),
        t(`welfare.status.${r.status as 'pending'}`),
      ]),
    ];
    const blob = new Blob([`\uFEFF${rows.map((r) => r.join(',')).join('\n')}`], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = '请假记录.csv';
    a.click();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('welfare.leave.keyword')}
          onSearch={(keyword) => setQ({ ...q, page: 1, keyword: keyword || undefined })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('welfare.leave.allStatus')}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`welfare.status.${s}`) }))}
          onChange={(status?: string) => setQ({ ...q, page: 1, status })}
        />
        <Button onClick={exportCsv}>{t('welfare.leave.export')}</Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('welfare.leave.person'), dataIndex: 'name' },
          { title: t('welfare.leave.unit'), dataIndex: 'orgName' },
          { title: t('welfare.leave.kind'), dataIndex: 'kindName' },
          { title: t('welfare.leave.start'), dataIndex: 'startDate', sorter: (a, b) => a.startDate.localeCompare(b.startDate) },
          { title: t('welfare.leave.end'), dataIndex: 'endDate' },
          { title: t('welfare.leave.days'), dataIndex: 'days', sorter: (a, b) => a.days - b.days },
          {
            title: t('welfare.leave.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={statusColor(s)}>{t(`welfare.status.${s as 'pending'}`)}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
