import { Button, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAddEntry, useRemoveEntry, type Entry, type EventDetail } from '../api';
import { PersonPicker } from './PersonPicker';

/** 报名: one person (individual item) or a team, entered for a unit. */
export function EntriesTab({ event, editable }: { event: EventDetail; editable: boolean }) {
  const { t } = useTranslation();
  const add = useAddEntry(event.id);
  const remove = useRemoveEntry(event.id);
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ itemId: string; orgId: string; personIds: string[]; teamName?: string }>();
  const itemId = Form.useWatch('itemId', form);
  const item = event.items.find((i) => i.id === itemId);
  const itemName = new Map(event.items.map((i) => [i.id, i.name]));
  return (
    <>
      {editable && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields(['personIds', 'teamName']), onError: showError })}
        >
          <Form.Item name="itemId" rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              placeholder={t('competitions.fields.item')}
              options={event.items.map((i) => ({ value: i.id, label: `${i.name}（${t(`competitions.kind.${i.kind}`)}）` }))}
            />
          </Form.Item>
          <Form.Item name="orgId" rules={[{ required: true }]}>
            <OrgTreeSelect placeholder={t('competitions.fields.entryOrg')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="personIds" rules={[{ required: true }]}>
            <PersonPicker max={item?.kind === 'individual' ? 1 : (item?.maxTeamSize ?? 10)} />
          </Form.Item>
          {item?.kind === 'team' && (
            <Form.Item name="teamName">
              <Input placeholder={t('competitions.fields.team')} style={{ width: 140 }} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={add.isPending} disabled={event.items.length === 0}>
            {t('competitions.actions.addEntry')}
          </Button>
        </Form>
      )}
      <Table<Entry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={event.entries}
        columns={[
          { title: t('competitions.fields.item'), dataIndex: 'itemId', render: (v: string) => itemName.get(v) },
          { title: t('competitions.fields.entryOrg'), dataIndex: 'orgName' },
          {
            title: t('competitions.fields.people'),
            key: 'people',
            render: (_: unknown, r) => [r.teamName, r.people.map((p) => p.name).join('、')].filter(Boolean).join('：'),
          },
          ...(editable
            ? [
                {
                  key: 'op',
                  render: (_: unknown, r: Entry) => (
                    <Popconfirm title={t('competitions.actions.remove')} onConfirm={() => remove.mutate(r.id, { onError: showError })}>
                      <Button size="small" danger>
                        {t('competitions.actions.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
