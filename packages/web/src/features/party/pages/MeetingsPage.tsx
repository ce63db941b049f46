import { PlusOutlined } from '@ant-design/icons';
import type { MeetingKind, MeetingView } from '@zhenggong/core';
import { Button, DatePicker, Empty, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { beijingToday } from '../../../shared/utils/beijing-today';
import { useCompliance, useCreateMeeting, useMeetings, usePartyOrgs } from '../api';
import { ComplianceCard } from '../components/ComplianceCard';
import { MeetingDrawer } from '../components/MeetingDrawer';
import { PartyOrgSelect } from '../components/PartyOrgSelect';
import { meetingKinds } from '../party-codes';

const quarterOf = (d: string) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
function recentQuarters(today: string): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let q = Number(quarterOf(today).slice(5));
  for (let i = 0; i < 4; i += 1) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

/** 三会一课 and 主题党日 of one organisation: the quarter's compliance, the meetings, planning. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const today = beijingToday();
  const [partyOrgId, setPartyOrgId] = useState<string>();
  const [quarter, setQuarter] = useState(quarterOf(today));
  const orgs = usePartyOrgs();
  const meetings = useMeetings(partyOrgId, quarter);
  const compliance = useCompliance(partyOrgId, quarter);
  const [planning, setPlanning] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (orgs.data && orgs.data.items.length === 0) return <Empty description={t('party.meetings.noOrg')} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <PartyOrgSelect value={partyOrgId} onChange={setPartyOrgId} />
          <Select
            data-testid="quarter-select"
            style={{ width: 120 }}
            value={quarter}
            onChange={setQuarter}
            options={recentQuarters(today).map((q) => ({ value: q, label: q }))}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} disabled={!partyOrgId}>
          {t('party.meetings.plan')}
        </Button>
      </Flex>
      {compliance.data && <ComplianceCard c={compliance.data} />}
      {meetings.isError && <QueryErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />}
      <Table<MeetingView>
        data-testid="party-meetings"
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        loading={meetings.isFetching}
        dataSource={meetings.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('party.meetings.plannedDate'),
            dataIndex: 'plannedDate',
            sorter: (a, b) => a.plannedDate.localeCompare(b.plannedDate),
          },
          {
            title: t('party.meetings.kind'),
            dataIndex: 'kind',
            render: (k: MeetingKind) => t(`party.meetingKind.${k}`),
            filters: meetingKinds.map((k) => ({ text: t(`party.meetingKind.${k}`), value: k })),
            onFilter: (v, row) => row.kind === v,
          },
          { title: t('party.meetings.title'), dataIndex: 'title' },
          {
            title: t('party.meetings.status'),
            dataIndex: 'status',
            render: (s: MeetingView['status']) => (
              <Tag color={s === 'held' ? 'green' : s === 'planned' ? 'blue' : 'default'}>{t(`party.meetingStatus.${s}`)}</Tag>
            ),
          },
          { title: t('party.meetings.attendance'), key: 'att', render: (_, r) => `${r.present}/${r.expected}` },
        ]}
      />
      {planning && partyOrgId && <PlanModal partyOrgId={partyOrgId} onClose={() => setPlanning(false)} onCreated={setOpen} />}
      {open && <MeetingDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

function PlanModal({ partyOrgId, onClose, onCreated }: { partyOrgId: string; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: MeetingKind; title: string; plannedDate: Dayjs; place?: string; agenda?: string }>();
  const create = useCreateMeeting();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('party.meetings.plan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'committee', plannedDate: dayjs() }}
        onFinish={(v) =>
          create.mutate(
            {
              partyOrgId,
              kind: v.kind,
              title: v.title,
              plannedDate: v.plannedDate.format('YYYY-MM-DD'),
              place: v.place ?? null,
              agenda: v.agenda ?? null,
            },
            {
              onSuccess: (m) => {
                onClose();
                onCreated(m.id);
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="kind" label={t('party.meetings.kind')} rules={[{ required: true }]}>
          <Select options={meetingKinds.map((k) => ({ value: k, label: t(`party.meetingKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('party.meetings.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('party.meetings.plannedDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="place" label={t('party.meetings.place')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="agenda" label={t('party.meetings.agenda')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
