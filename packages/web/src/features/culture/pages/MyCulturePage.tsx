import { UploadOutlined } from '@ant-design/icons';
import type { MyContestView, MyProgrammeView } from '@zhenggong/core';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import {
  useCancelRegistration,
  useMyCollections,
  useMyContests,
  useMyJudging,
  useMyProgrammes,
  useRegister,
  useScore,
  useSubmitEntry,
  useSubmitWork,
  useUploadFile,
} from '../api';

const ACCEPT = '.docx,.pdf,.png,.jpg,.jpeg';

/** 我的活动 (works on a phone): register for programmes, submit contest entries and collection works, judge. */
export function MyCulturePage() {
  const { t } = useTranslation();
  const judging = useMyJudging();
  const judges = (judging.data?.items.length ?? 0) > 0;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('culture.my.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'programmes', label: t('culture.my.programmes'), children: <MyProgrammes /> },
          { key: 'contests', label: t('culture.my.contests'), children: <MyContests /> },
          { key: 'collections', label: t('culture.my.collections'), children: <MyCollections /> },
          ...(judges ? [{ key: 'judging', label: t('culture.my.judging'), children: <MyJudging /> }] : []),
        ]}
      />
    </Flex>
  );
}

function MyProgrammes() {
  const { t } = useTranslation();
  const mine = useMyProgrammes();
  const register = useRegister();
  const cancel = useCancelRegistration();
  const showError = useErrorMessage();
  const state = (i: MyProgrammeView) => {
    const r = i.registration;
    if (r?.attended === true)
      return (
        <Tag color="green">
          {t('culture.my.attended')}
          {r.amount !== null && ` · ${r.amount}`}
        </Tag>
      );
    if (r?.attended === false) return <Tag>{t('culture.my.absent')}</Tag>;
    if (r) return <Tag color="blue">{t('culture.my.registered')}</Tag>;
    if (i.canRegister) return null;
    const full = i.programme.capacity !== null && i.programme.registered >= i.programme.capacity;
    return <Tag>{t(full ? 'culture.my.full' : 'culture.my.closed')}</Tag>;
  };
  return (
    <List<MyProgrammeView>
      data-testid="my-programmes"
      loading={mine.isLoading}
      locale={{ emptyText: <Empty description={t('culture.my.none')} /> }}
      dataSource={mine.data?.items}
      renderItem={(i) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{i.programme.title}</Typography.Text>
              {state(i)}
            </Flex>
            <Typography.Text type="secondary">
              {t(`culture.kind.${i.programme.kind}`)} · {i.programme.orgName} · {i.programme.startDate} ~ {i.programme.endDate}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('culture.programme.deadline')} {i.programme.deadline} · {t('culture.programme.registered')} {i.programme.registered}/
              {i.programme.capacity ?? t('culture.programme.unlimited')}
            </Typography.Text>
            {i.canRegister && (
              <Button
                type="primary"
                size="large"
                block
                data-testid="register"
                loading={register.isPending}
                onClick={() => register.mutate(i.programme.id, { onError: showError })}
              >
                {t('culture.my.register')}
              </Button>
            )}
            {i.registration && i.registration.attended === null && i.programme.deadline >= new Date().toISOString().slice(0, 10) && (
              <Button size="small" onClick={() => cancel.mutate(i.programme.id, { onError: showError })}>
                {t('culture.my.cancel')}
              </Button>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A title and text form, then a file picker for what was just submitted. */
function SubmitForm({
  onSubmit,
  busy,
  label,
}: {
  onSubmit: (v: { title: string; text?: string }) => Promise<{ id: string }>;
  busy: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; text?: string }>();
  const [last, setLast] = useState<string | null>(null);
  return (
    <Flex vertical gap={8}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void onSubmit(v).then((r) => {
            setLast(r.id);
            form.resetFields();
          })
        }
      >
        <Form.Item name="title" label={t('culture.contest.entryTitle')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="submit-title" />
        </Form.Item>
        <Form.Item name="text" label={t('culture.my.text')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} data-testid="submit-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
          {label}
        </Button>
      </Form>
      {last && <FilePicker path={last} />}
    </Flex>
  );
}

function FilePicker({ path }: { path: string }) {
  const { t } = useTranslation();
  const upload = useUploadFile();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        upload.mutate({ path, file }, { onSuccess: () => void message.success(t('culture.my.uploaded')), onError: showError });
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={upload.isPending}>
        {t('culture.my.upload')}
      </Button>
    </Upload>
  );
}

function MyContests() {
  const { t } = useTranslation();
  const mine = useMyContests();
  const submit = useSubmitEntry();
  const showError = useErrorMessage();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <List<MyContestView>
      data-testid="my-contests"
      loading={mine.isLoading}
      dataSource={mine.data?.items}
      renderItem={(c) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }} title={c.contest.title} extra={<Tag>{c.contest.entryDeadline}</Tag>}>
            {c.mine.map((e) => (
              <Flex key={e.id} justify="space-between" gap={8} wrap>
                <Typography.Text>{e.title}</Typography.Text>
                <Space size={4}>
                  {e.fileName && <Tag>{e.fileName}</Tag>}
                  {e.rank !== null && (
                    <Tag color="gold">
                      {t('culture.contest.rank')} {e.rank} · {e.score?.toFixed(2)}
                    </Tag>
                  )}
                </Space>
              </Flex>
            ))}
            {c.contest.status === 'open' && today <= c.contest.entryDeadline && (
              <SubmitForm
                label={t('culture.my.submitEntry')}
                busy={submit.isPending}
                onSubmit={(v) =>
                  submit
                    .mutateAsync({ id: c.contest.id, title: v.title, text: v.text || null })
                    .catch((e: unknown) => {
                      showError(e);
                      throw e;
                    })
                    .then((r) => ({ id: `/my/entries/${r.id}/file` }))
                }
              />
            )}
            {c.results.length > 0 && (
              <List
                size="small"
                data-testid="contest-results"
                header={t('culture.my.results')}
                dataSource={c.results}
                renderItem={(r) => (
                  <List.Item>
                    <Typography.Text>
                      {r.rank ?? '—'}. {r.title} · {r.name}（{r.orgName}） · {r.score?.toFixed(2)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}

function MyCollections() {
  const { t } = useTranslation();
  const mine = useMyCollections();
  const submit = useSubmitWork();
  const showError = useErrorMessage();
  return (
    <List
      data-testid="my-collections"
      loading={mine.isLoading}
      dataSource={mine.data?.items}
      renderItem={(k) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }} title={k.collection.title}>
            {k.mine.map((w) => (
              <Flex key={w.id} justify="space-between" gap={8} wrap>
                <Typography.Text>{w.title}</Typography.Text>
                <Tag color={w.status === 'accepted' ? 'green' : w.status === 'returned' ? 'red' : 'blue'}>
                  {t(`culture.work.${w.status}`)}
                  {w.reviewNote && `：${w.reviewNote}`}
                </Tag>
              </Flex>
            ))}
            {k.collection.status === 'open' && (
              <SubmitForm
                label={t('culture.my.submitWork')}
                busy={submit.isPending}
                onSubmit={(v) =>
                  submit
                    .mutateAsync({ id: k.collection.id, title: v.title, text: v.text || null })
                    .catch((e: unknown) => {
                      showError(e);
                      throw e;
                    })
                    .then((r) => ({ id: `/my/works/${r.id}/file` }))
                }
              />
            )}
          </Card>
        </List.Item>
      )}
    />
  );
}

function MyJudging() {
  const { t } = useTranslation();
  const judging = useMyJudging();
  const score = useScore();
  const showError = useErrorMessage();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  return (
    <Flex vertical gap={12} data-testid="my-judging">
      <Typography.Text type="secondary">{t('culture.my.anonymous')}</Typography.Text>
      {judging.data?.items.map((c) => (
        <Card key={c.contest.id} size="small" title={c.contest.title}>
          <List
            dataSource={c.entries}
            renderItem={(e) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Typography.Text strong>{e.title}</Typography.Text>
                  {e.text && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{e.text}</Typography.Paragraph>}
                  <Space wrap>
                    <InputNumber
                      data-testid="judge-score"
                      min={0}
                      max={100}
                      step={0.5}
                      precision={1}
                      disabled={c.contest.status !== 'open'}
                      value={draft[e.id] ?? e.myScore}
                      onChange={(v) => setDraft((d) => ({ ...d, [e.id]: v }))}
                    />
                    <Button
                      size="small"
                      type="primary"
                      disabled={c.contest.status !== 'open' || typeof draft[e.id] !== 'number'}
                      onClick={() => score.mutate({ id: e.id, score: draft[e.id] ?? 0 }, { onError: showError })}
                    >
                      {t('culture.my.saveScore')}
                    </Button>
                  </Space>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}
