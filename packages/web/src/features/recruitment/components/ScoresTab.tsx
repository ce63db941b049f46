import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Divider, Form, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage, useErrorText } from '../../../shared/hooks/useErrorMessage';
import { downloadScoreTemplate, importScores, recruitmentKeys, usePublishScores, useSaveWeights } from '../api';
import type { Announcement, ScoreProblem, Weights } from '../types';

const DEFAULT_WEIGHTS: Weights = { written: 60, interview: 40, physical: 0, background: 0, physicalGate: true, backgroundGate: true };
const KNOWN_PROBLEMS = [
  'not_xlsx',
  'empty',
  'missing_column',
  'unknown_ticket',
  'duplicate_ticket',
  'name_mismatch',
  'not_scorable',
  'not_a_score',
  'out_of_range',
] as const;
const isKnown = (code: string): code is (typeof KNOWN_PROBLEMS)[number] => KNOWN_PROBLEMS.some((k) => k === code);

type ImportState =
  | { phase: 'idle' }
  | { phase: 'checking'; file: File }
  | { phase: 'problems'; file: File; message: string; problems: ScoreProblem[] }
  | { phase: 'ready'; file: File; rows: number }
  | { phase: 'committing'; file: File; rows: number }
  | { phase: 'done'; rows: number };

/** Weights, the xlsx score sheet (template → check → commit, all or nothing) and publishing. */
export function ScoresTab({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canScore = usePermission('recruitment:score');
  const showError = useErrorMessage();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const saveWeights = useSaveWeights(announcement.id);
  const publish = usePublishScores(announcement.id);
  const [form] = Form.useForm<Weights>();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const physicalGate = Form.useWatch('physicalGate', form);
  const backgroundGate = Form.useWatch('backgroundGate', form);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ phase: 'checking', file });
    try {
      const result = await importScores(announcement.id, file, true);
      setState({ phase: 'ready', file, rows: result.imported });
    } catch (error) {
      const problems = isApiError(error) && Array.isArray(error.details.problems) ? (error.details.problems as ScoreProblem[]) : [];
      setState({ phase: 'problems', file, message: errorText(error), problems });
    }
  };

  const commit = async () => {
    if (state.phase !== 'ready') return;
    setState({ phase: 'committing', file: state.file, rows: state.rows });
    try {
      const result = await importScores(announcement.id, state.file, false);
      setState({ phase: 'done', rows: result.imported });
      void message.success(t('recruitment.scores.imported', { count: result.imported }));
      await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
    } catch (error) {
      const problems = isApiError(error) && Array.isArray(error.details.problems) ? (error.details.problems as ScoreProblem[]) : [];
      setState({ phase: 'problems', file: state.file, message: errorText(error), problems });
    }
  };

  const problemText = (p: ScoreProblem) => p.message ?? (isKnown(p.code) ? t(`recruitment.scores.problem.${p.code}`) : p.code);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Typography.Title level={5}>{t('recruitment.scores.weights')}</Typography.Title>
      <Form<Weights>
        form={form}
        layout="inline"
        initialValues={announcement.weights ?? DEFAULT_WEIGHTS}
        disabled={!canScore}
        onFinish={(w) =>
          saveWeights.mutate(w, { onSuccess: () => void message.success(t('recruitment.common.saved')), onError: showError })
        }
        style={{ rowGap: 8 }}
        data-testid="weights-form"
      >
        <Form.Item name="written" label={t('recruitment.scores.written')}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="interview" label={t('recruitment.scores.interview')}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="physical" label={t('recruitment.scores.physical')}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} disabled={physicalGate} />
        </Form.Item>
        <Form.Item name="physicalGate" valuePropName="checked">
          <Checkbox onChange={(e) => e.target.checked && form.setFieldValue('physical', 0)}>{t('recruitment.scores.gate')}</Checkbox>
        </Form.Item>
        <Form.Item name="background" label={t('recruitment.scores.background')}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} disabled={backgroundGate} />
        </Form.Item>
        <Form.Item name="backgroundGate" valuePropName="checked">
          <Checkbox onChange={(e) => e.target.checked && form.setFieldValue('background', 0)}>{t('recruitment.scores.gate')}</Checkbox>
        </Form.Item>
        {canScore ? (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saveWeights.isPending}>
              {t('recruitment.scores.saveWeights')}
            </Button>
          </Form.Item>
        ) : null}
      </Form>
      <Typography.Text type="secondary">{t('recruitment.scores.weightsHint')}</Typography.Text>

      <Divider />
      <Typography.Title level={5}>{t('recruitment.scores.import')}</Typography.Title>
      <Typography.Text type="secondary">{t('recruitment.scores.importHint')}</Typography.Text>
      {canScore ? (
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadScoreTemplate(announcement.id).catch(showError)}>
            {t('recruitment.scores.template')}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="scores-file"
            onChange={(e) => {
              void check(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button icon={<UploadOutlined />} loading={state.phase === 'checking'} onClick={() => input.current?.click()}>
            {state.phase === 'idle' || state.phase === 'done' ? t('recruitment.scores.choose') : t('recruitment.scores.chooseAgain')}
          </Button>
        </Space>
      ) : null}
      {state.phase === 'problems' ? (
        <div data-testid="score-problems">
          <Alert type="error" showIcon message={state.message} description={state.file.name} style={{ marginBottom: 8 }} />
          {state.problems.length > 0 ? (
            <Table<ScoreProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
              dataSource={state.problems}
              pagination={state.problems.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('recruitment.scores.row'), dataIndex: 'row', width: 80 },
                { title: t('recruitment.scores.column'), dataIndex: 'column', width: 120 },
                {
                  title: t('recruitment.scores.problemText'),
                  render: (_, p) => (p.value ? `${problemText(p)}：${p.value}` : problemText(p)),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}
      {state.phase === 'ready' || state.phase === 'committing' ? (
        <Alert
          type="success"
          showIcon
          data-testid="score-check-ok"
          message={t('recruitment.scores.checkOk', { count: state.rows, file: state.file.name })}
          action={
            <Popconfirm title={t('recruitment.scores.commitConfirm')} onConfirm={() => void commit()}>
              <Button type="primary" loading={state.phase === 'committing'}>
                {t('recruitment.scores.commit')}
              </Button>
            </Popconfirm>
          }
        />
      ) : null}
      {state.phase === 'done' ? (
        <Alert type="success" showIcon message={t('recruitment.scores.imported', { count: state.rows })} data-testid="score-import-done" />
      ) : null}

      <Divider />
      <Space wrap>
        <Typography.Text>
          {announcement.scoresPublishedAt
            ? t('recruitment.scores.publishedAt', { at: new Date(announcement.scoresPublishedAt).toLocaleString() })
            : t('recruitment.scores.notPublished')}
        </Typography.Text>
        {canScore && !announcement.scoresPublishedAt ? (
          <Popconfirm title={t('recruitment.scores.publishConfirm')} onConfirm={() => publish.mutate(undefined, { onError: showError })}>
            <Button loading={publish.isPending}>{t('recruitment.scores.publish')}</Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Space>
  );
}
