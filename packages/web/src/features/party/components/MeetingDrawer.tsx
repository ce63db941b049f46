import type { PartyStage } from '@zhenggong/core';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useMarkLeave, useMeeting, useOpenSignIn, useSaveMinutes } from '../api';
import { MeetingFiles } from './MeetingFiles';

/** One meeting: open sign-in (the code is shown in the room), attendance and leave, minutes, resolutions and attachments. */
export function MeetingDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const open = useOpenSignIn();
  const leave = useMarkLeave();
  const save = useSaveMinutes();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [code, setCode] = useState<{ code: string; closesAt: string } | null>(null);
  const [form] = Form.useForm<{ heldOn: Dayjs; minutes: string; resolutions?: string }>();
  const m = meeting.data;
  return (
    <Drawer
      open
      width={Math.min(640, window.innerWidth)}
      title={m?.title}
      onClose={onClose}
      loading={meeting.isPending}
      data-testid="meeting-drawer"
    >
      {m && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('party.meetings.kind')}>{t(`party.meetingKind.${m.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('party.meetings.plannedDate')}>{m.plannedDate}</Descriptions.Item>
            <Descriptions.Item label={t('party.meetings.place')}>{m.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('party.meetings.status')}>
              <Tag color={m.status === 'held' ? 'green' : m.status === 'planned' ? 'blue' : 'default'} data-testid="meeting-status">
                {t(`party.meetingStatus.${m.status}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {m.status !== 'cancelled' && (
            <Space wrap>
              <Button
                type="primary"
                loading={open.isPending}
                onClick={() => open.mutate({ id, minutes: 30 }, { onSuccess: setCode, onError: showError })}
              >
                {t('party.meetings.signInCode')}
              </Button>
              {code && (
                <Typography.Text>
                  {t('party.meetings.codeShown')}：
                  <Typography.Text strong style={{ fontSize: 28, letterSpacing: 4 }} data-testid="sign-in-code">
                    {code.code}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('party.meetings.codeUntil', { time: dayjs(code.closesAt).format('HH:mm') })}
                  </Typography.Text>
                </Typography.Text>
              )}
            </Space>
          )}
          <Table
            size="small"
            rowKey="personId"
            pagination={false}
            data-testid="meeting-attendance"
            dataSource={m.attendance}
            title={() => `${t('party.meetings.attendance')} ${m.present}/${m.expected}`}
            columns={[
              { title: t('party.members.person'), dataIndex: 'name' },
              { title: t('party.members.stage'), dataIndex: 'stage', render: (s: PartyStage) => t(`party.stage.${s}`) },
              {
                title: t('party.meetings.attendance'),
                dataIndex: 'status',
                render: (s: 'present' | 'leave' | 'absent' | null, row) => (
                  <Tag color={s === 'present' ? 'green' : s === 'leave' ? 'gold' : 'default'}>
                    {t(`party.attendance.${s ?? 'none'}`)}
                    {row.reason ? `（${row.reason}）` : ''}
                  </Tag>
                ),
              },
              {
                key: 'act',
                render: (_, row) =>
                  row.status !== 'present' && m.status !== 'cancelled' ? (
                    <Button
                      size="small"
                      onClick={() => leave.mutate({ id, personId: row.personId, status: 'leave', reason: '公务' }, { onError: showError })}
                    >
                      {t('party.meetings.markLeave')}
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            initialValues={{
              heldOn: dayjs(m.heldOn ?? (m.plannedDate <= dayjs().format('YYYY-MM-DD') ? m.plannedDate : undefined)),
              minutes: m.minutes ?? '',
              resolutions: m.resolutions ?? '',
            }}
            onFinish={(v) =>
              save.mutate(
                { id, body: { heldOn: v.heldOn.format('YYYY-MM-DD'), minutes: v.minutes, resolutions: v.resolutions || null } },
                { onSuccess: () => void message.success(t('party.saved')), onError: showError },
              )
            }
          >
            <Form.Item name="heldOn" label={t('party.meetings.heldOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="minutes" label={t('party.meetings.minutes')} rules={[{ required: true, max: 20000 }]}>
              <Input.TextArea rows={5} data-testid="minutes-input" />
            </Form.Item>
            <Form.Item name="resolutions" label={t('party.meetings.resolutions')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={m.status === 'cancelled'}>
              {t('party.meetings.saveMinutes')}
            </Button>
          </Form>
          <MeetingFiles meetingId={id} editable={m.status !== 'cancelled'} />
        </Flex>
      )}
    </Drawer>
  );
}
