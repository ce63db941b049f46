import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAddCare, useAddEntry, useAddTalk, useCare, useEntries, useTalkReminders, useTalks } from '../api';
import { PersonIdInput } from '../components/PersonIdInput';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
type DateLike = { format(f: string): string };

/** 日常管理: daily entries, talks (谈心谈话) and family care contacts as records of what took place, and the talk reminders. */
export function DailyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const entries = useEntries();
  const talks = useTalks();
  const care = useCare();
  const reminders = useTalkReminders();
  const addEntry = useAddEntry();
  const addTalk = useAddTalk();
  const addCare = useAddCare();
  const [ef] = Form.useForm<{
    personId: string;
    date: DateLike;
    kind: 'positive' | 'negative';
    category: 'daily' | 'onsite';
    reason: string;
    score?: number;
  }>();
  const [tf] = Form.useForm<{
    personId: string;
    date: DateLike;
    talker: string;
    topic: string;
    followUp?: string;
    officerAgreed: boolean;
    agreedNote?: string;
  }>();
  const [cf] = Form.useForm<{
    personId: string;
    date: DateLike;
    kind: 'home_visit' | 'award_home' | 'family_open_day';
    participants: string;
    note?: string;
  }>();
  const run = async (p: Promise<unknown>, reset: () => void) => {
    try {
      await p;
      reset();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const d = (x: DateLike) => x.format('YYYY-MM-DD');
  return (
    <Tabs
      items={[
        {
          key: 'entries',
          label: t('assessment.daily.tabs.entries'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small">
                <Form
                  form={ef}
                  layout="inline"
                  onFinish={(v) =>
                    void run(addEntry.mutateAsync({ ...v, date: d(v.date), score: v.score ?? null }), () => ef.resetFields())
                  }
                >
                  <Form.Item name="personId" rules={[{ required: true }]}>
                    <PersonIdInput />
                  </Form.Item>
                  <Form.Item name="date" rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="kind" initialValue="positive">
                    <Select
                      style={{ width: 90 }}
                      options={(['positive', 'negative'] as const).map((k) => ({ value: k, label: t(`assessment.daily.kinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name="category" initialValue="daily">
                    <Select
                      style={{ width: 110 }}
                      options={(['daily', 'onsite'] as const).map((k) => ({ value: k, label: t(`assessment.daily.categories.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name="reason" rules={[{ required: true, min: 2 }]}>
                    <Input placeholder={t('assessment.daily.reason')} />
                  </Form.Item>
                  <Form.Item name="score">
                    <InputNumber placeholder={t('assessment.daily.score')} min={0} max={20} />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('assessment.daily.add')}
                  </Button>
                </Form>
              </Card>
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 640 }}
                dataSource={entries.data?.items}
                columns={[
                  { title: t('assessment.daily.person'), dataIndex: 'personName' },
                  { title: t('assessment.daily.date'), dataIndex: 'date', sorter: (a, b) => a.date.localeCompare(b.date) },
                  {
                    title: t('assessment.daily.kind'),
                    dataIndex: 'kind',
                    render: (k: 'positive' | 'negative') => (
                      <Tag color={k === 'positive' ? 'green' : 'red'}>{t(`assessment.daily.kinds.${k}`)}</Tag>
                    ),
                  },
                  {
                    title: t('assessment.daily.category'),
                    dataIndex: 'category',
                    render: (k: 'daily' | 'onsite') => t(`assessment.daily.categories.${k}`),
                  },
                  { title: t('assessment.daily.reason'), dataIndex: 'reason' },
                  { title: t('assessment.daily.score'), dataIndex: 'score' },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'talks',
          label: t('assessment.daily.tabs.talks'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small">
                <Form
                  form={tf}
                  layout="inline"
                  onFinish={(v) =>
                    void run(addTalk.mutateAsync({ ...v, date: d(v.date), officerAgreed: v.officerAgreed ?? false }), () =>
                      tf.resetFields(),
                    )
                  }
                >
                  <Form.Item name="personId" rules={[{ required: true }]}>
                    <PersonIdInput />
                  </Form.Item>
                  <Form.Item name="date" rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="talker" rules={[{ required: true }]}>
                    <Input placeholder={t('assessment.daily.talker')} />
                  </Form.Item>
                  <Form.Item name="topic" rules={[{ required: true, min: 2 }]}>
                    <Input placeholder={t('assessment.daily.topic')} />
                  </Form.Item>
                  <Form.Item name="followUp">
                    <Input placeholder={t('assessment.daily.followUp')} />
                  </Form.Item>
                  <Form.Item name="officerAgreed" valuePropName="checked" initialValue={false}>
                    <Switch />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('assessment.daily.add')}
                  </Button>
                </Form>
              </Card>
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 640 }}
                dataSource={talks.data?.items}
                columns={[
                  { title: t('assessment.daily.person'), dataIndex: 'personName' },
                  { title: t('assessment.daily.date'), dataIndex: 'date' },
                  { title: t('assessment.daily.talker'), dataIndex: 'talker' },
                  { title: t('assessment.daily.topic'), dataIndex: 'topic' },
                  { title: t('assessment.daily.followUp'), dataIndex: 'followUp' },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'care',
          label: t('assessment.daily.tabs.care'),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small">
                <Form
                  form={cf}
                  layout="inline"
                  onFinish={(v) => void run(addCare.mutateAsync({ ...v, date: d(v.date) }), () => cf.resetFields())}
                >
                  <Form.Item name="personId" rules={[{ required: true }]}>
                    <PersonIdInput />
                  </Form.Item>
                  <Form.Item name="date" rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="kind" initialValue="home_visit">
                    <Select
                      style={{ width: 120 }}
                      options={(['home_visit', 'award_home', 'family_open_day'] as const).map((k) => ({
                        value: k,
                        label: t(`assessment.daily.careKinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="participants" rules={[{ required: true }]}>
                    <Input placeholder={t('assessment.daily.participants')} />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('assessment.daily.add')}
                  </Button>
                </Form>
              </Card>
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 560 }}
                dataSource={care.data?.items}
                columns={[
                  { title: t('assessment.daily.person'), dataIndex: 'personName' },
                  { title: t('assessment.daily.date'), dataIndex: 'date' },
                  {
                    title: t('assessment.daily.careKind'),
                    dataIndex: 'kind',
                    render: (k: 'home_visit' | 'award_home' | 'family_open_day') => t(`assessment.daily.careKinds.${k}`),
                  },
                  { title: t('assessment.daily.participants'), dataIndex: 'participants' },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'reminders',
          label: t('assessment.daily.tabs.reminders'),
          children: (
            <Card size="small" title={t('assessment.daily.reminderTitle', { days: reminders.data?.days ?? 90 })}>
              <Table
                rowKey="personId"
                size="small"
                dataSource={reminders.data?.items}
                columns={[
                  { title: t('assessment.daily.person'), dataIndex: 'name' },
                  { title: t('assessment.round.org'), dataIndex: 'orgName' },
                  {
                    title: t('assessment.daily.lastTalk'),
                    dataIndex: 'lastTalk',
                    render: (v: string | null) => v ?? t('assessment.daily.never'),
                  },
                  { title: t('assessment.daily.daysSince'), dataIndex: 'daysSince' },
                ]}
              />
            </Card>
          ),
        },
      ]}
    />
  );
}
