import type { ContestView } from '@zhenggong/core';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useContests, useCreateContest } from '../api';

/** 比赛评选: contests in scope; each names its judges when created. */
export function ContestsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useContests(page);
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('culture.contest.create')}
        </Button>
      </div>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ContestView>
        data-testid="contests"
        rowKey="id"
        size="small"
        scroll={{ x: 700 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('culture.contest.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/culture/contests/${r.id}`}>{v}</Link>,
          },
          { title: t('culture.contest.org'), dataIndex: 'orgName' },
          { title: t('culture.contest.deadline'), dataIndex: 'entryDeadline' },
          { title: t('culture.contest.judges'), key: 'judges', render: (_, r) => r.judges.map((j) => j.name).join('、') },
          { title: t('culture.contest.entries'), dataIndex: 'entries', align: 'right' },
          {
            key: 'status',
            dataIndex: 'status',
            render: (s: ContestView['status']) => (
              <Tag color={s === 'published' ? 'green' : 'blue'}>
                {t(s === 'published' ? 'culture.contest.published' : 'culture.contest.open')}
              </Tag>
            ),
          },
        ]}
      />
      {creating && <CreateContestModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}

interface FormValues {
  title: string;
  orgId: string;
  entryDeadline: Dayjs;
  judges: (string | undefined)[];
  description?: string;
}

function CreateContestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateContest();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal open title={t('culture.contest.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title,
              orgId: v.orgId,
              entryDeadline: v.entryDeadline.format('YYYY-MM-DD'),
              judgePersonIds: [...new Set(v.judges.filter((j): j is string => Boolean(j)))],
              description: v.description || null,
            },
            {
              onSuccess: () => {
                void message.success(t('culture.saved'));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="title" label={t('culture.contest.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label={t('culture.contest.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="entryDeadline" label={t('culture.contest.deadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {[0, 1, 2].map((i) => (
          <Form.Item
            key={i}
            name={['judges', i]}
            label={t('culture.contest.judge', { n: i + 1 })}
            rules={i === 0 ? [{ required: true }] : []}
          >
            <PersonSelect />
          </Form.Item>
        ))}
        <Form.Item name="description" label={t('culture.programme.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
