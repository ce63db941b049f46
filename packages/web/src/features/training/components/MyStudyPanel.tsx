import { BookOutlined, CheckOutlined, FileTextOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadMyMaterial, useAcknowledgeMaterial, useDeclareStudy, useOpenMaterial } from '../api';
import type { MyStudyResponse } from '@zhenggong/core';

const statusColor = { pending: 'warning', approved: 'success', rejected: 'error' } as const;

/** My study (学习教育): hours, campaigns with my progress, materials to read, declarations. */
export function MyStudyPanel({ study }: { study: MyStudyResponse }) {
  const { t } = useTranslation();
  const [declaring, setDeclaring] = useState(false);
  const open = useOpenMaterial();
  const acknowledge = useAcknowledgeMaterial();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const openMaterial = (m: MyStudyResponse['materials'][number]) => {
    open.mutate(m.id, { onError: showError });
    if (m.kind === 'link' && m.url) window.open(m.url, '_blank', 'noopener,noreferrer');
    else if (m.fileName) downloadMyMaterial(m.id, m.fileName).catch(showError);
  };
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Statistic title={t('training.my.studyHours', { year: study.year })} value={study.approvedHours} precision={1} />
          <Space direction="vertical" align="end">
            {study.pending > 0 && <Tag color="warning">{t('training.my.pending', { count: study.pending })}</Tag>}
            <Button icon={<PlusOutlined />} onClick={() => setDeclaring(true)} size="large">
              {t('training.my.declare')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {study.campaigns.length > 0 && (
        <Card size="small" title={t('training.my.campaigns')}>
          <List
            dataSource={study.campaigns}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical style={{ width: '100%' }}>
                  <Typography.Text strong>{c.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {c.startDate} ~ {c.endDate} · {t('training.my.campaignProgress', { done: c.myHours, required: c.requiredHours })}
                  </Typography.Text>
                  <Progress
                    percent={Math.min(100, Math.floor((c.myHours * 100) / c.requiredHours))}
                    size="small"
                    status={c.completed ? 'success' : 'active'}
                  />
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('training.my.materials')}>
        <List
          dataSource={study.materials}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button key="open" icon={m.kind === 'link' ? <LinkOutlined /> : <FileTextOutlined />} onClick={() => openMaterial(m)}>
                  {t('training.my.open')}
                </Button>,
                m.acknowledgedAt ? (
                  <Tag key="done" color="success" icon={<CheckOutlined />}>
                    {t('training.my.acknowledged')}
                  </Tag>
                ) : (
                  <Button
                    key="ack"
                    type="primary"
                    disabled={!m.openedAt}
                    loading={acknowledge.isPending}
                    onClick={() =>
                      acknowledge.mutate(m.id, {
                        onSuccess: (r) => void message.success(t('training.my.credited', { hours: r.hours })),
                        onError: showError,
                      })
                    }
                  >
                    {t('training.my.acknowledge')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                avatar={<BookOutlined />}
                title={m.title}
                description={`${m.orgName} · ${m.hours} h${m.minReadMinutes ? ` · ${t('training.my.minRead', { minutes: m.minReadMinutes })}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('training.my.records')}>
        <List
          dataSource={study.records}
          renderItem={(r) => (
            <List.Item extra={<Tag color={statusColor[r.status]}>{t(`training.my.recordStatus.${r.status}`)}</Tag>}>
              <List.Item.Meta
                title={r.title}
                description={`${r.date} · ${r.hours} h · ${t(`training.my.source.${r.source}`)}${r.decisionNote ? ` · ${r.decisionNote}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <DeclareModal open={declaring} onClose={() => setDeclaring(false)} campaigns={study.campaigns} />
    </Flex>
  );
}

function DeclareModal({ open, onClose, campaigns }: { open: boolean; onClose: () => void; campaigns: MyStudyResponse['campaigns'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ date: Dayjs; hours: number; title: string; note?: string; campaignId?: string }>();
  const declare = useDeclareStudy();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal
      title={t('training.my.declareTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={declare.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), hours: 1 }}
        onFinish={(v) =>
          declare.mutate(
            {
              date: v.date.format('YYYY-MM-DD'),
              hours: v.hours,
              title: v.title,
              ...(v.note ? { note: v.note } : {}),
              ...(v.campaignId ? { campaignId: v.campaignId } : {}),
            },
            { onSuccess: () => (void message.success(t('training.my.declared')), form.resetFields(), onClose()), onError: showError },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('training.my.declareTitleField')}
          rules={[{ required: true, message: t('common.required', { field: t('training.my.declareTitleField') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="date" label={t('training.my.declareDate')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="hours" label={t('training.my.declareHours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={200} step={0.5} />
          </Form.Item>
        </Space>
        {campaigns.length > 0 && (
          <Form.Item name="campaignId" label={t('training.my.declareCampaign')}>
            <Select allowClear options={campaigns.map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('training.my.declareNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
