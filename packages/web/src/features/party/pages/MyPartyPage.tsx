import { LoginOutlined } from '@ant-design/icons';
import type { MyMeetingList } from '@zhenggong/core';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useMeetingSignIn, useMyDues, useMyMeetings, yuan } from '../api';

type Meeting = MyMeetingList['items'][number];

/** A member's own page, made for a phone: the branch's meetings with sign-in, and own dues. */
export function MyPartyPage() {
  const { t } = useTranslation();
  const meetings = useMyMeetings();
  const dues = useMyDues();
  const [signing, setSigning] = useState<Meeting | null>(null);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('party.my.title')}
      </Typography.Title>
      {meetings.isError && <QueryErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />}
      <Card size="small" title={t('party.my.meetings')}>
        {meetings.data && meetings.data.items.length === 0 && <Empty description={t('party.my.none')} />}
        <Flex vertical gap={8}>
          {meetings.data?.items.map((m) => (
            <Card key={m.id} size="small" data-testid="my-meeting" title={m.title} extra={<Tag>{t(`party.meetingKind.${m.kind}`)}</Tag>}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary">
                  {m.partyOrgName} · {m.plannedDate}
                  {m.place ? ` · ${m.place}` : ''}
                </Typography.Text>
                <Flex gap={8} align="center" wrap>
                  <Tag
                    color={m.myStatus === 'present' ? 'green' : m.myStatus === 'leave' ? 'gold' : 'default'}
                    data-testid="my-meeting-status"
                  >
                    {t(`party.attendance.${m.myStatus ?? 'none'}`)}
                  </Tag>
                  <Button
                    type={m.signInOpen && m.myStatus !== 'present' ? 'primary' : 'default'}
                    size="large"
                    icon={<LoginOutlined />}
                    disabled={m.myStatus === 'present'}
                    onClick={() => setSigning(m)}
                  >
                    {t('party.my.signIn')}
                  </Button>
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('party.my.dues')}>
        <List
          size="small"
          locale={{ emptyText: t('party.my.noDues') }}
          dataSource={dues.data?.items}
          renderItem={(d) => (
            <List.Item>
              {d.month} · {yuan(d.paidFen)} 元 · {d.paidOn}
            </List.Item>
          )}
        />
      </Card>
      {signing && <SignInModal meeting={signing} onClose={() => setSigning(null)} />}
    </Flex>
  );
}

function SignInModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const signIn = useMeetingSignIn();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('party.my.signInTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={signIn.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        onFinish={(v) =>
          signIn.mutate(
            { id: meeting.id, code: v.code },
            {
              onSuccess: (r) => {
                void message.success(t('party.my.signedIn', { title: r.title }));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="code" label={t('party.my.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('party.my.codeRule') }]}>
          <Input inputMode="numeric" maxLength={6} autoFocus size="large" data-testid="meeting-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
