import type { AppealView } from '@zhenggong/core';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppeals, useDecideAppeal } from '../api';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Appeals on rounds in scope; a decision (upheld with a corrected score, or dismissed) goes through the workflow. */
export function AppealsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appeals = useAppeals();
  const decide = useDecideAppeal();
  const [deciding, setDeciding] = useState<AppealView | null>(null);
  const [form] = Form.useForm<{ uphold: boolean; points?: number; note: string }>();
  const send = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    try {
      await decide.mutateAsync({
        id: deciding.id,
        uphold: v.uphold,
        note: v.note,
        ...(v.uphold && deciding.indicatorKey && v.points !== undefined ? { indicatorKey: deciding.indicatorKey, points: v.points } : {}),
      });
      setDeciding(null);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <>
      <Table<AppealView>
        data-testid="appeals"
        rowKey="id"
        size="small"
        dataSource={appeals.data?.items}
        scroll={{ x: 720 }}
        columns={[
          { title: t('assessment.appeal.person'), dataIndex: 'personName' },
          { title: t('assessment.round.period'), dataIndex: 'period' },
          { title: t('assessment.appeal.reason'), dataIndex: 'reason' },
          {
            title: t('assessment.appeal.status'),
            dataIndex: 'status',
            render: (s: AppealView['status']) => (
              <Tag color={s === 'upheld' ? 'green' : s === 'dismissed' ? 'red' : 'blue'}>{t(`assessment.appeal.statuses.${s}`)}</Tag>
            ),
          },
          { title: t('assessment.appeal.note'), dataIndex: 'decisionNote' },
          { title: t('assessment.appeal.change'), dataIndex: 'change' },
          {
            title: '',
            key: 'd',
            render: (_, a) =>
              a.status === 'open' && (
                <Button
                  size="small"
                  type="primary"
                  data-testid="decide-appeal"
                  onClick={() => (form.setFieldsValue({ uphold: true, note: '' }), setDeciding(a))}
                >
                  {t('assessment.appeal.decide')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={t('assessment.appeal.decide')}
        onOk={() => void send()}
        onCancel={() => setDeciding(null)}
        confirmLoading={decide.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="uphold" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('assessment.appeal.uphold') },
                { value: false, label: t('assessment.appeal.dismiss') },
              ]}
            />
          </Form.Item>
          {deciding?.indicatorKey && (
            <Form.Item name="points" label={`${t('assessment.result.points')}（${deciding.indicatorKey}）`}>
              <InputNumber data-testid="appeal-points" min={0} max={100} step={0.5} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('assessment.appeal.note')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea data-testid="appeal-note" rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
