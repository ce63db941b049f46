import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyWearable, useWelfarePost } from '../api';

/** 我的健康关爱: separate consent for wristband data, devices, and a private request for psychological support. */
export function MyCarePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMyWearable();
  const [agree, setAgree] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const grant = useWelfarePost<string>(
    () => '/consents',
    (notice) => ({ category: 'wearable', noticeVersion: notice }),
  );
  const withdraw = useWelfarePost<null>(
    () => '/consents/withdraw',
    () => ({ category: 'wearable' }),
  );
  const device = useWelfarePost<{ serial: string }, { id: string; token: string }>(() => '/wearables/devices');
  const referral = useWelfarePost<{ summary: string; preferredContact?: string }>(() => '/psych/self-referral');
  const consented = me.data?.consents.find((c) => c.category === 'wearable')?.granted ?? false;
  const fail = (e: Error) => message.error(e.message);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('welfare.care.myTitle')}
      </Typography.Title>
      <Card
        title={t('welfare.care.consentTitle')}
        extra={
          <Tag color={consented ? 'green' : 'default'}>{consented ? t('welfare.care.consented') : t('welfare.care.notConsented')}</Tag>
        }
      >
        <Typography.Paragraph>{t('welfare.care.consentText', { days: me.data?.retentionDays ?? 180 })}</Typography.Paragraph>
        {consented ? (
          <Button danger onClick={() => void withdraw.mutateAsync(null).catch(fail)}>
            {t('welfare.care.withdraw')}
          </Button>
        ) : (
          <Space>
            <Checkbox checked={agree} onChange={(e) => setAgree(e.target.checked)}>
              {t('welfare.care.consent')}
            </Checkbox>
            <Button
              type="primary"
              disabled={!agree || !me.data}
              onClick={() => void grant.mutateAsync(me.data?.noticeVersion ?? '').catch(fail)}
            >
              {t('welfare.care.consent')}
            </Button>
          </Space>
        )}
      </Card>
      {consented && (
        <Card title={t('welfare.care.device')}>
          <Form layout="inline" onFinish={(v: { serial: string }) => device.mutateAsync(v).then((r) => setToken(r.token), fail)}>
            <Form.Item name="serial" label={t('welfare.care.serial')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{4,40}$/ }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('welfare.care.device')}
            </Button>
          </Form>
          {token && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              message={t('welfare.care.token')}
              description={
                <Typography.Text copyable code>
                  {token}
                </Typography.Text>
              }
            />
          )}
        </Card>
      )}
      <Table
        rowKey="id"
        size="small"
        title={() => t('welfare.care.devices')}
        pagination={false}
        dataSource={me.data?.devices ?? []}
        columns={[
          { title: t('welfare.care.serial'), dataIndex: 'serial' },
          {
            title: t('welfare.leave.status'),
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'active' ? 'green' : 'default'}>{t(`welfare.care.deviceStatus.${v as 'active'}`, { defaultValue: v })}</Tag>
            ),
          },
          {
            title: t('welfare.care.lastReading'),
            dataIndex: 'lastReadingAt',
            render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—'),
          },
        ]}
      />
      <Card title={t('welfare.care.referralTitle')}>
        <Typography.Paragraph type="secondary">{t('welfare.care.referralHint')}</Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={(v: { summary: string; preferredContact?: string }) =>
            referral
              .mutateAsync({ summary: v.summary, ...(v.preferredContact ? { preferredContact: v.preferredContact } : {}) })
              .then(() => message.success(t('welfare.care.referralSent')), fail)
          }
        >
          <Form.Item name="summary" label={t('welfare.care.referral')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="preferredContact" label={t('welfare.care.contact')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Button htmlType="submit">{t('welfare.leave.submit')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
