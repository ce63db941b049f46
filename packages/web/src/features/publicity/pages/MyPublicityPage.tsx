import type { MyOutputBody, OutputView } from '@zhenggong/core';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, List, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { pointsText, useMyOutputs, useSubmitMine } from '../api';
import { outletLevels, outputKinds } from '../publicity-codes';

type FormValues = Omit<MyOutputBody, 'publishedOn'> & { publishedOn: Dayjs };

/** A reporter's own page (works on a phone): submit an output, follow its verification and points. */
export function MyPublicityPage() {
  const { t } = useTranslation();
  const mine = useMyOutputs();
  const submit = useSubmitMine();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('publicity.my.title')}
      </Typography.Title>
      {mine.data && !mine.data.isReporter && <Alert type="info" showIcon message={t('publicity.my.notReporter')} />}
      <Card size="small" title={t('publicity.my.submit')}>
        <Form
          form={form}
          layout="vertical"
          disabled={mine.data ? !mine.data.isReporter : true}
          initialValues={{ kind: 'article', level: 'municipal', publishedOn: dayjs(), lead: false }}
          onFinish={(v) =>
            submit.mutate(
              { ...v, url: v.url || null, publishedOn: v.publishedOn.format('YYYY-MM-DD') },
              {
                onSuccess: () => {
                  void message.success(t('publicity.my.submitted'));
                  form.resetFields(['title', 'outlet', 'url']);
                },
                onError: showError,
              },
            )
          }
        >
          <Form.Item name="title" label={t('publicity.outputs.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="output-title" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="kind" label={t('publicity.outputs.kind')} rules={[{ required: true }]} style={{ minWidth: 140 }}>
              <Select options={outputKinds.map((k) => ({ value: k, label: t(`publicity.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="level" label={t('publicity.outputs.level')} rules={[{ required: true }]} style={{ minWidth: 160 }}>
              <Select data-testid="output-level" options={outletLevels.map((l) => ({ value: l, label: t(`publicity.level.${l}`) }))} />
            </Form.Item>
            <Form.Item name="publishedOn" label={t('publicity.outputs.publishedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Flex>
          <Form.Item name="outlet" label={t('publicity.outputs.outlet')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="output-outlet" />
          </Form.Item>
          <Form.Item name="url" label={t('publicity.outputs.url')} rules={[{ type: 'url', max: 500 }]}>
            <Input inputMode="url" />
          </Form.Item>
          <Form.Item name="lead" label={t('publicity.outputs.lead')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending} size="large">
            {t('publicity.my.submit')}
          </Button>
        </Form>
      </Card>
      <List<OutputView>
        bordered
        data-testid="my-outputs"
        dataSource={mine.data?.items}
        renderItem={(o) => (
          <List.Item>
            <Flex vertical style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{o.title}</Typography.Text>
                <Tag color={o.status === 'verified' ? 'green' : o.status === 'rejected' ? 'red' : 'blue'}>
                  {t(`publicity.status.${o.status}`)}
                </Tag>
              </Flex>
              <Typography.Text type="secondary">
                {o.outlet} · {t(`publicity.level.${o.level}`)} · {o.publishedOn} · {t('publicity.outputs.points')} {pointsText(o.points)}
              </Typography.Text>
              {o.rejectReason && <Typography.Text type="danger">{o.rejectReason}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
