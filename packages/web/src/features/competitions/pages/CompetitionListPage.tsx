import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { ExportButton } from '../../../shared/components/ExportButton';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { exportEvents, useCreateEvent, useEvents, type EventSummary, type Level } from '../api';
import { useTableSettings } from '../../../shared/components/TableSettings';

const LEVELS: Level[] = ['city', 'branch', 'unit', 'province'];

/** 比武竞赛: events in the caller's scope, newest first, and a form for a new one. */
export function CompetitionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('competition:write');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const events = useEvents({ ...page, ...(q ? { q } : {}) });
  const [open, setOpen] = useState(false);
  const create = useCreateEvent();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ title: string; level: Level; orgId: string; dates: [Dayjs, Dayjs]; description?: string }>();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        title: v.title,
        level: v.level,
        orgId: v.orgId,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        ...(v.description ? { description: v.description } : {}),
      },
      { onSuccess: (e) => navigate(`/competitions/${e.id}`), onError: showError },
    );
  };

  const table = useTableSettings<EventSummary>(
    'competitions',
    [
      {
        title: t('competitions.fields.title'),
        dataIndex: 'title',
        render: (v: string, r) => <Link to={`/competitions/${r.id}`}>{v}</Link>,
      },
      { title: t('competitions.fields.level'), dataIndex: 'level', render: (v: Level) => t(`competitions.level.${v}`) },
      { title: t('competitions.fields.org'), dataIndex: 'orgName' },
      { title: t('competitions.fields.dates'), key: 'dates', render: (_: unknown, r) => `${r.startDate} ~ ${r.endDate}` },
      {
        title: t('competitions.fields.status'),
        dataIndex: 'status',
        render: (v: EventSummary['status']) => <Tag color={v === 'published' ? 'green' : 'blue'}>{t(`competitions.status.${v}`)}</Tag>,
      },
    ],
    'large',
  );

  return (
    <Card
      title={t('competitions.title')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => {
              setQ(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
          <ExportButton onExport={() => exportEvents(q ? { q } : {})} />
          {table.button}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('competitions.create')}
            </Button>
          )}
        </Space>
      }
    >
      {events.isError && <QueryErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      <Table<EventSummary>
        size={table.size}
        rowKey="id"
        loading={events.isPending}
        dataSource={events.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: events.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={table.columns}
      />
      <Modal
        title={t('competitions.create')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ level: 'branch' }}>
          <Form.Item name="title" label={t('competitions.fields.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t('competitions.fields.level')} rules={[{ required: true }]}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`competitions.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="orgId" label={t('competitions.fields.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="dates" label={t('competitions.fields.dates')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="description" label={t('competitions.fields.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
