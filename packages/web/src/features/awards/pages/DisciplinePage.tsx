import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { DisciplineRow } from '@zhenggong/core';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateDiscipline, useDiscipline, useDisciplineRecord, useLift } from '../api';
import { PersonMultiSelect } from '../components/PersonMultiSelect';

const KINDS = ['警告', '记过', '记大过', '降级', '撤职', '开除', '党内警告', '党内严重警告', '撤销党内职务', '留党察看', '开除党籍'];
const STATUSES = ['in_effect', 'lift_due', 'lifted', 'permanent', 'revoked'] as const;

/** 违纪处分: restricted list (kind and dates), a detail with the facts (each view audited), lifting at period end. */
export function DisciplinePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [q, setQ] = useState({ status: params.get('status') ?? undefined, page: 1, pageSize: 20 });
  const list = useDiscipline(q);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canWrite = usePermission('discipline:write');
  return (
    <>
      <Alert type="warning" showIcon message={t('awards.discipline.restricted')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={q.status}
          placeholder={t('awards.discipline.status')}
          style={{ width: 160 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`awards.discipline.statuses.${s}`) }))}
          onChange={(status?: string) => setQ({ ...q, status, page: 1 })}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('awards.discipline.create')}
          </Button>
        )}
      </Space>
      {list.error ? <QueryErrorAlert error={list.error} /> : null}
      <Table<DisciplineRow>
        rowKey="id"
        size="middle"
        scroll={{ x: 800 }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('awards.discipline.person'), dataIndex: 'personName', render: (n: string, r) => `${n}（${r.orgName}）` },
          { title: t('awards.discipline.kind'), dataIndex: 'kind', render: (k: string) => <Tag color="volcano">{k}</Tag> },
          { title: t('awards.discipline.decisionDate'), dataIndex: 'decisionDate' },
          {
            title: t('awards.discipline.endDate'),
            dataIndex: 'endDate',
            render: (d: string | null) => d ?? t('awards.discipline.permanent'),
          },
          {
            title: t('awards.discipline.status'),
            dataIndex: 'status',
            render: (s: DisciplineRow['status']) => t(`awards.discipline.statuses.${s}`),
          },
        ]}
      />
      <DisciplineDrawer id={open} onClose={() => setOpen(null)} canWrite={canWrite} />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function DisciplineDrawer({ id, onClose, canWrite }: { id: string | null; onClose: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const rec = useDisciplineRecord(id);
  const lift = useLift(id ?? '');
  const showError = useErrorMessage();
  const d = rec.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('awards.tabs.discipline')}
      width={Math.min(560, window.innerWidth)}
      destroyOnHidden
    >
      {rec.error ? <QueryErrorAlert error={rec.error} /> : null}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('awards.discipline.person')}>{d.personName}</Descriptions.Item>
            <Descriptions.Item label={t('awards.discipline.kind')}>{d.kind}</Descriptions.Item>
            <Descriptions.Item label={t('awards.discipline.decisionDate')}>{d.decisionDate}</Descriptions.Item>
            <Descriptions.Item label={t('awards.discipline.endDate')}>{d.endDate ?? t('awards.discipline.permanent')}</Descriptions.Item>
            <Descriptions.Item label={t('awards.discipline.organ')}>
              {d.organ} {d.docNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.discipline.facts')}>{d.facts}</Descriptions.Item>
            {d.appeal && (
              <Descriptions.Item
                label={t('awards.discipline.appeal')}
              >{`${d.appeal}${d.appealResult ? ` → ${d.appealResult}` : ''}`}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('awards.discipline.status')}>{t(`awards.discipline.statuses.${d.status}`)}</Descriptions.Item>
          </Descriptions>
          {canWrite && (d.status === 'in_effect' || d.status === 'lift_due') && (
            <Form
              layout="inline"
              initialValues={{ liftedOn: dayjs() }}
              onFinish={(v: { liftedOn: Dayjs }) => void lift.mutateAsync({ liftedOn: v.liftedOn.format('YYYY-MM-DD') }).catch(showError)}
            >
              <Form.Item name="liftedOn" label={t('awards.discipline.liftedOn')}>
                <DatePicker />
              </Form.Item>
              <Button htmlType="submit">{t('awards.discipline.lift')}</Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}

interface CreateValues {
  personIds: string[];
  kind: string;
  decisionDate: Dayjs;
  organ: string;
  docNo: string;
  facts: string;
  probationMonths?: 12 | 24;
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateDiscipline();
  const showError = useErrorMessage();
  const kind = Form.useWatch('kind', form);
  const required = [{ required: true, message: t('awards.form.required') }];
  const submit = async (v: CreateValues) => {
    try {
      await create.mutateAsync({
        personId: v.personIds[0],
        kind: v.kind,
        decisionDate: v.decisionDate.format('YYYY-MM-DD'),
        organ: v.organ,
        docNo: v.docNo,
        facts: v.facts,
        ...(v.kind === '留党察看' ? { probationMonths: v.probationMonths ?? 24 } : {}),
      });
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('awards.discipline.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="personIds" label={t('awards.discipline.person')} rules={required}>
          <PersonMultiSelect single />
        </Form.Item>
        <Form.Item name="kind" label={t('awards.discipline.kind')} rules={required}>
          <Select options={KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        {kind === '留党察看' && (
          <Form.Item name="probationMonths" label={t('awards.discipline.probation')} rules={required}>
            <Select options={[12, 24].map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        )}
        <Form.Item name="decisionDate" label={t('awards.discipline.decisionDate')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="organ" label={t('awards.discipline.organ')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="docNo" label={t('awards.discipline.docNo')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="facts" label={t('awards.discipline.facts')} rules={required}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
