import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import {
  exportInstructors,
  useCreateInstructor,
  useInstructors,
  type Instructor,
  type InstructorFilter,
  type InstructorGrade,
  type InstructorStatus,
} from '../api';
import { PersonSelect } from '../../../shared/components/PersonSelect';

const GRADES: InstructorGrade[] = ['senior', 'intermediate', 'junior'];
const STATUSES: InstructorStatus[] = ['active', 'expired', 'suspended', 'dismissed'];
const statusColor = { active: 'green', expired: 'orange', suspended: 'default', dismissed: 'red' } as const;

/** 教官库: filters, the list with lecture counts and average review scores, export and registration. */
export function InstructorsTab() {
  const { t } = useTranslation();
  const canWrite = usePermission('talent:write');
  const [filter, setFilter] = useState<InstructorFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useInstructors({ ...filter, ...page });
  const [open, setOpen] = useState(false);
  const create = useCreateInstructor();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ personId: string; grade: InstructorGrade; subjects: string[]; appointedOn: Dayjs; expiresOn?: Dayjs }>();

  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        personId: v.personId,
        grade: v.grade,
        subjects: v.subjects ?? [],
        appointedOn: v.appointedOn.format('YYYY-MM-DD'),
        expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
        },
        onError: showError,
      },
    );
  };

  return (
    <>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: InstructorFilter) => {
          setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as InstructorFilter);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={`${t('talent.fields.name')} / ${t('talent.fields.policeNumber')}`} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="grade">
          <Select
            allowClear
            placeholder={t('talent.fields.grade')}
            style={{ width: 100 }}
            options={GRADES.map((g) => ({ value: g, label: t(`talent.grade.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name="subject">
          <Input allowClear placeholder={t('talent.fields.subjects')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('talent.fields.status')}
            style={{ width: 110 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`talent.status.${s}`) }))}
          />
        </Form.Item>
        <Space>
          <Button htmlType="submit">{t('talent.actions.search')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportInstructors(filter).catch(showError)}>
            {t('talent.actions.export')}
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('talent.actions.register')}
            </Button>
          )}
        </Space>
      </Form>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Instructor>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: t('talent.fields.name'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/talent/instructors/${r.id}`}>{v}</Link>,
          },
          { title: t('talent.fields.org'), dataIndex: 'orgName' },
          {
            title: t('talent.fields.grade'),
            dataIndex: 'grade',
            render: (v: InstructorGrade) => (
              <Tag color={v === 'senior' ? 'gold' : v === 'intermediate' ? 'blue' : 'default'}>{t(`talent.grade.${v}`)}</Tag>
            ),
          },
          { title: t('talent.fields.subjects'), dataIndex: 'subjects', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
          { title: t('talent.fields.expiresOn'), dataIndex: 'expiresOn', render: (v: string | null, r) => `${r.appointedOn} ~ ${v ?? ''}` },
          {
            title: t('talent.fields.status'),
            dataIndex: 'status',
            render: (v: InstructorStatus) => <Tag color={statusColor[v]}>{t(`talent.status.${v}`)}</Tag>,
          },
          { title: t('talent.fields.lectures'), dataIndex: 'lectures', width: 90 },
          { title: t('talent.fields.average'), dataIndex: 'averageScore', width: 110, render: (v: number | null) => v ?? '—' },
        ]}
      />
      <Modal
        title={t('talent.actions.register')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ grade: 'junior', subjects: [] }}>
          <Form.Item name="personId" label={t('talent.fields.person')} rules={[{ required: true }]}>
            <PersonSelect />
          </Form.Item>
          <Form.Item name="grade" label={t('talent.fields.grade')} rules={[{ required: true }]}>
            <Select options={GRADES.map((g) => ({ value: g, label: t(`talent.grade.${g}`) }))} />
          </Form.Item>
          <Form.Item name="subjects" label={t('talent.fields.subjects')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Space>
            <Form.Item name="appointedOn" label={t('talent.fields.appointedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('talent.fields.expiresOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
