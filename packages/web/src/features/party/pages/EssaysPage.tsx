import { PlusOutlined } from '@ant-design/icons';
import type { EssayContestDetail, EssayContestView } from '@zhenggong/core';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateEssayContest, useEssayContest, useEssayContests, usePublishEssayContest, useScoreEssays, useSubmitEssay } from '../api';
import { PartyOrgSelect } from '../components/PartyOrgSelect';

/** 征文比赛 on the competitions machinery: contests, essays, judging by score, ranked and published results. */
export function EssaysPage() {
  const { t } = useTranslation();
  const list = useEssayContests();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('party.essays.add')}
        </Button>
      </Flex>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<EssayContestView>
        data-testid="party-essay-contests"
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('party.essays.title'), dataIndex: 'title' },
          { title: t('party.meetings.partyOrg'), dataIndex: 'partyOrgName' },
          { title: t('party.essays.period'), key: 'period', render: (_, c) => `${c.startDate} ~ ${c.endDate}` },
          { title: t('party.essays.entries'), dataIndex: 'entries' },
          {
            title: t('party.essays.status'),
            dataIndex: 'status',
            filters: (['open', 'published'] as const).map((s) => ({ text: t(`party.essayStatus.${s}`), value: s })),
            onFilter: (v, row) => row.status === v,
            render: (s: EssayContestView['status']) => (
              <Tag color={s === 'published' ? 'green' : 'blue'}>{t(`party.essayStatus.${s}`)}</Tag>
            ),
          },
        ]}
      />
      {adding && <AddContestModal onClose={() => setAdding(false)} onCreated={setOpen} />}
      {open && <ContestDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

function AddContestModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partyOrgId: string; title: string; theme: string; dates: [Dayjs, Dayjs] }>();
  const create = useCreateEssayContest();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('party.essays.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dates: [dayjs(), dayjs().add(30, 'day')] }}
        onFinish={(v) =>
          create.mutate(
            {
              partyOrgId: v.partyOrgId,
              title: v.title,
              theme: v.theme,
              startDate: v.dates[0].format('YYYY-MM-DD'),
              endDate: v.dates[1].format('YYYY-MM-DD'),
            },
            {
              onSuccess: (c) => {
                onClose();
                onCreated(c.id);
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="partyOrgId" label={t('party.meetings.partyOrg')} rules={[{ required: true }]}>
          <PartyOrgSelect onChange={(id) => form.setFieldValue('partyOrgId', id)} />
        </Form.Item>
        <Form.Item name="title" label={t('party.essays.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="theme" label={t('party.essays.theme')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="dates" label={t('party.essays.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Essay = EssayContestDetail['essays'][number];

function ContestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const c = useEssayContest(id);
  const submit = useSubmitEssay();
  const score = useScoreEssays();
  const publish = usePublishEssayContest();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ personId: string; title: string }>();
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const d = c.data;
  const open = d?.status === 'open';
  return (
    <Drawer
      open
      width={Math.min(720, window.innerWidth)}
      title={d?.title}
      onClose={onClose}
      loading={c.isPending}
      data-testid="essay-drawer"
    >
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('party.essays.theme')}>{d.theme}</Descriptions.Item>
            <Descriptions.Item label={t('party.essays.period')}>{`${d.startDate} ~ ${d.endDate}`}</Descriptions.Item>
            <Descriptions.Item label={t('party.essays.status')}>
              <Tag color={d.status === 'published' ? 'green' : 'blue'}>{t(`party.essayStatus.${d.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {open && (
            <Form
              form={form}
              layout="inline"
              style={{ rowGap: 8 }}
              onFinish={(v) => submit.mutate({ id, ...v }, { onSuccess: () => form.resetFields(), onError: showError })}
            >
              <Form.Item name="personId" rules={[{ required: true, message: t('party.essays.author') }]}>
                <PersonSelect placeholder={t('party.essays.author')} />
              </Form.Item>
              <Form.Item name="title" rules={[{ required: true, max: 200, message: t('party.essays.essayTitle') }]}>
                <Input placeholder={t('party.essays.essayTitle')} />
              </Form.Item>
              <Button htmlType="submit" loading={submit.isPending}>
                {t('party.essays.submit')}
              </Button>
            </Form>
          )}
          <Table<Essay>
            size="small"
            rowKey="id"
            data-testid="essay-entries"
            scroll={{ x: 560 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={d.essays}
            columns={[
              { title: t('party.essays.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
              { title: t('party.essays.essayTitle'), dataIndex: 'title' },
              { title: t('party.essays.author'), dataIndex: 'name' },
              { title: t('party.essays.unit'), dataIndex: 'orgName' },
              {
                title: t('party.essays.score'),
                dataIndex: 'score',
                width: 110,
                render: (s: number | null, e) =>
                  open ? (
                    <InputNumber
                      min={0}
                      max={100}
                      step={0.5}
                      value={e.id in scores ? scores[e.id] : s}
                      onChange={(v) => setScores({ ...scores, [e.id]: v })}
                    />
                  ) : (
                    (s ?? '—')
                  ),
              },
            ]}
          />
          {open && d.essays.length > 0 && (
            <Flex gap={8} wrap>
              <Button
                type="primary"
                disabled={Object.keys(scores).length === 0}
                loading={score.isPending}
                onClick={() =>
                  score.mutate(
                    { id, scores: Object.entries(scores).map(([essayId, s]) => ({ essayId, score: s ?? null })) },
                    { onSuccess: () => (setScores({}), void message.success(t('party.saved'))), onError: showError },
                  )
                }
              >
                {t('party.essays.saveScores')}
              </Button>
              <Popconfirm
                title={t('party.essays.publishConfirm')}
                onConfirm={() =>
                  publish.mutate(id, { onSuccess: () => void message.success(t('party.essays.published')), onError: showError })
                }
              >
                <Button loading={publish.isPending}>{t('party.essays.publish')}</Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
