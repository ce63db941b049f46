import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadTemplate, useImportScores, useSaveScores, type Entry, type EventDetail, type ScoreProblem } from '../api';

/** 成绩录入: a grid of every entry's score, or an xlsx sheet; both all-or-nothing. */
export function ScoresTab({ event, editable }: { event: EventDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const save = useSaveScores(event.id);
  const importer = useImportScores(event.id);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ScoreProblem[]>([]);
  const items = useMemo(() => new Map(event.items.map((i) => [i.id, i])), [event.items]);
  const rows = useMemo(
    () =>
      [...event.entries].sort((a, b) => event.items.findIndex((i) => i.id === a.itemId) - event.items.findIndex((i) => i.id === b.itemId)),
    [event],
  );

  const onFailure = (error: unknown) => {
    const list = isApiError(error) && Array.isArray(error.details.problems) ? (error.details.problems as ScoreProblem[]) : [];
    setProblems(list);
    if (list.length === 0) showError(error);
  };
  const submit = () => {
    const scores = Object.entries(draft).map(([entryId, v]) => ({ entryId, score: v.trim() === '' ? null : v.trim() }));
    if (scores.length === 0) return;
    save.mutate(scores, {
      onSuccess: (r) => {
        setDraft({});
        setProblems([]);
        void message.success(t('competitions.saved', { count: r.changed }));
      },
      onError: onFailure,
    });
  };
  const entryLabel = (id?: string) => {
    const e = event.entries.find((x) => x.id === id);
    return e ? `${items.get(e.itemId)?.name ?? ''} ${e.people.map((p) => p.name).join('、')}` : id;
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<SaveOutlined />}
          type="primary"
          onClick={submit}
          disabled={!editable || Object.keys(draft).length === 0}
          loading={save.isPending}
        >
          {t('competitions.actions.save')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate(event.id).catch(showError)}>
          {t('competitions.actions.template')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          disabled={!editable}
          beforeUpload={(file) => {
            importer.mutate(file, {
              onSuccess: (r) => {
                setProblems([]);
                void message.success(t('competitions.imported', { count: r.changed }));
              },
              onError: onFailure,
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={!editable} loading={importer.isPending}>
            {t('competitions.actions.import')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{editable ? t('competitions.scoreHint') : t('competitions.publishedLocked')}</Typography.Text>
      </Space>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('competitions.importProblems')}
          description={
            <Table<ScoreProblem>
              size="small"
              pagination={false}
              rowKey={(p, i) => `${p.row ?? ''}-${p.entryId ?? ''}-${i}`}
              dataSource={problems}
              columns={[
                {
                  title: t('competitions.problem.row'),
                  dataIndex: 'row',
                  width: 60,
                  render: (v?: number, p?: ScoreProblem) => v ?? entryLabel(p?.entryId),
                },
                {
                  title: t('competitions.problem.column'),
                  dataIndex: 'column',
                  width: 100,
                  render: (v?: string) => (v === 'score' ? t('competitions.fields.score') : v === 'entryId' ? '条目编号' : v),
                },
                {
                  title: t('competitions.problem.code'),
                  dataIndex: 'code',
                  render: (v: string, p) => `${t(`competitions.problem.codes.${v}`, { defaultValue: v })}${p.value ? `：${p.value}` : ''}`,
                },
              ]}
            />
          }
        />
      )}
      <Table<Entry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('competitions.fields.item'), dataIndex: 'itemId', render: (v: string) => items.get(v)?.name },
          { title: t('competitions.fields.entryOrg'), dataIndex: 'orgName' },
          {
            title: t('competitions.fields.people'),
            key: 'people',
            render: (_: unknown, r) => [r.teamName, r.people.map((p) => p.name).join('、')].filter(Boolean).join('：'),
          },
          {
            title: t('competitions.fields.score'),
            key: 'score',
            width: 180,
            render: (_: unknown, r) => (
              <Input
                aria-label={`${t('competitions.fields.score')} ${r.people.map((p) => p.name).join('、')}`}
                disabled={!editable}
                value={draft[r.id] ?? (r.score === null ? '' : String(r.score))}
                suffix={items.get(r.itemId)?.unit ?? undefined}
                onChange={(e) => setDraft((d) => ({ ...d, [r.id]: e.target.value }))}
              />
            ),
          },
        ]}
      />
    </>
  );
}
