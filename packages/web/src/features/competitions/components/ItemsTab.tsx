import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAddItem, useRemoveItem, type EventDetail, type Item } from '../api';

/** 比赛项目: individual or team, scored higher-better or lower-better (times). */
export function ItemsTab({ event, editable }: { event: EventDetail; editable: boolean }) {
  const { t } = useTranslation();
  const add = useAddItem(event.id);
  const remove = useRemoveItem(event.id);
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ name: string; kind: Item['kind']; direction: Item['direction']; unit?: string; maxTeamSize?: number }>();
  const kind = Form.useWatch('kind', form);
  const count = (itemId: string) => event.entries.filter((e) => e.itemId === itemId).length;
  return (
    <>
      {editable && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'individual', direction: 'higher' }}
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields(['name', 'unit', 'maxTeamSize']), onError: showError })}
        >
          <Form.Item name="name" rules={[{ required: true, max: 100 }]}>
            <Input placeholder={t('competitions.fields.itemName')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 100 }}
              options={(['individual', 'team'] as const).map((k) => ({ value: k, label: t(`competitions.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="direction">
            <Select
              style={{ width: 190 }}
              options={(['higher', 'lower'] as const).map((k) => ({ value: k, label: t(`competitions.direction.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="unit">
            <Input placeholder={t('competitions.fields.unit')} style={{ width: 110 }} />
          </Form.Item>
          {kind === 'team' && (
            <Form.Item name="maxTeamSize">
              <InputNumber min={2} max={50} placeholder={t('competitions.fields.maxTeamSize')} style={{ width: 130 }} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('competitions.actions.addItem')}
          </Button>
        </Form>
      )}
      <Table<Item>
        rowKey="id"
        pagination={false}
        dataSource={event.items}
        columns={[
          { title: t('competitions.fields.itemName'), dataIndex: 'name' },
          {
            title: t('competitions.fields.kind'),
            dataIndex: 'kind',
            render: (v: Item['kind']) => <Tag>{t(`competitions.kind.${v}`)}</Tag>,
          },
          {
            title: t('competitions.fields.direction'),
            dataIndex: 'direction',
            render: (v: Item['direction']) => t(`competitions.direction.${v}`),
          },
          { title: t('competitions.fields.unit'), dataIndex: 'unit' },
          { title: t('competitions.tabs.entries'), key: 'n', render: (_: unknown, r) => count(r.id) },
          ...(editable
            ? [
                {
                  key: 'op',
                  render: (_: unknown, r: Item) => (
                    <Space>
                      <Popconfirm
                        title={t('competitions.actions.confirmRemove')}
                        onConfirm={() => remove.mutate(r.id, { onError: showError })}
                      >
                        <Button size="small" danger>
                          {t('competitions.actions.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
