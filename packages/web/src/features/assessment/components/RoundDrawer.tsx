import type { ResultRow, SchemeView } from '@zhenggong/core';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { downloadReport, useConfirmGrades, useManualScores, useResult, useRound, useSubmitRound } from '../api';
import { ResultExplanation } from './ResultExplanation';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One unit's round: ranked results, unit scoring of manual indicators, submission, grade confirmation within the quota, reports. */
export function RoundDrawer({ roundId, onClose, schemes }: { roundId: string; onClose: () => void; schemes: readonly SchemeView[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const round = useRound(roundId);
  const canScore = usePermission('assessment:score');
  const canReview = usePermission('assessment:review');
  const [scoring, setScoring] = useState<ResultRow | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [grades, setGrades] = useState<Record<string, string> | null>(null);
  const result = useResult(roundId, viewing);
  const manual = useManualScores();
  const submit = useSubmitRound();
  const confirm = useConfirmGrades();
  const [form] = Form.useForm<Record<string, { points: number; evidence: string }>>();
  const d = round.data;
  const scheme = schemes.find((s) => s.id === d?.round.schemeId);
  const manualLeaves = scheme?.body.indicators.filter((i) => i.rule?.kind === 'manual') ?? [];

  const saveScores = async () => {
    if (!scoring) return;
    const v = await form.validateFields();
    try {
      await manual.mutateAsync({
        roundId,
        resultId: scoring.id,
        scores: manualLeaves.map((i) => ({ key: i.key, points: v[i.key]!.points, evidence: v[i.key]!.evidence })),
      });
      setScoring(null);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const confirmGrades = async () => {
    if (!d || !grades) return;
    try {
      const r = await confirm.mutateAsync({
        roundId,
        grades: d.results.map((x) => ({ resultId: x.id, grade: grades[x.id] ?? x.suggestedGrade ?? d.grades[1]! })),
      });
      void message.success(t('assessment.round.confirmed', { count: r.confirmed, excellent: r.excellent }));
      setGrades(null);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Drawer open width="min(1000px, 100vw)" title={d ? `${d.round.orgName} ${d.round.period} ${d.round.schemeName}` : ''} onClose={onClose}>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color="blue" data-testid="round-status">
              {t(`assessment.round.statuses.${d.round.status}`)}
            </Tag>
            <span>{t('assessment.round.quota', { limit: d.excellentLimit, percent: d.excellentPercent })}</span>
            {canScore && d.round.status === 'open' && (
              <Button
                type="primary"
                data-testid="submit-round"
                loading={submit.isPending}
                onClick={() => submit.mutate(roundId, { onError: (e) => void message.error(errorText(e)) })}
              >
                {t('assessment.round.submit')}
              </Button>
            )}
            {canReview && d.round.status === 'published' && (
              <Button
                type="primary"
                data-testid="confirm-grades"
                onClick={() => setGrades(Object.fromEntries(d.results.map((r) => [r.id, r.suggestedGrade ?? d.grades[1]!])))}
              >
                {t('assessment.round.confirm')}
              </Button>
            )}
            <Button onClick={() => void downloadReport(roundId, 'xlsx')}>{t('assessment.round.exportXlsx')}</Button>
            <Button onClick={() => void downloadReport(roundId, 'docx')}>{t('assessment.round.exportDocx')}</Button>
          </Space>
          <Table<ResultRow>
            data-testid="round-results"
            rowKey="id"
            size="small"
            dataSource={d.results}
            scroll={{ x: 800 }}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('assessment.round.rank'), dataIndex: 'rank', width: 60, sorter: (a, b) => a.rank - b.rank },
              {
                title: t('assessment.round.name'),
                dataIndex: 'name',
                render: (n: string, r) => (
                  <Button type="link" size="small" onClick={() => setViewing(r.id)}>
                    {n}
                  </Button>
                ),
              },
              { title: t('assessment.round.base'), dataIndex: 'base' },
              { title: t('assessment.round.bonus'), dataIndex: 'bonus' },
              { title: t('assessment.round.deduction'), dataIndex: 'deduction' },
              { title: t('assessment.round.total'), dataIndex: 'total', sorter: (a, b) => a.total - b.total },
              { title: t('assessment.round.selfTotal'), dataIndex: 'selfTotal', render: (v: number | null) => v ?? '—' },
              {
                title: t('assessment.round.complete'),
                dataIndex: 'complete',
                render: (c: boolean) => (c ? <Tag color="green">✓</Tag> : <Tag color="orange">…</Tag>),
              },
              {
                title: t('assessment.round.grade'),
                key: 'grade',
                render: (_, r) =>
                  grades ? (
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      data-testid={`grade-${r.name}`}
                      value={grades[r.id]}
                      options={d.grades.map((g) => ({ value: g, label: g }))}
                      onChange={(g) => setGrades({ ...grades, [r.id]: g })}
                    />
                  ) : (
                    (r.grade ??
                    (r.suggestedGrade && (
                      <Typography.Text type="secondary">
                        {t('assessment.round.suggested')}：{r.suggestedGrade}
                      </Typography.Text>
                    )))
                  ),
              },
              ...(canScore && d.round.status === 'open'
                ? [
                    {
                      title: '',
                      key: 'score',
                      render: (_: unknown, r: ResultRow) => (
                        <Button size="small" data-testid={`score-${r.name}`} onClick={() => (form.resetFields(), setScoring(r))}>
                          {t('assessment.round.score')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {grades && (
            <Space>
              <Button type="primary" data-testid="confirm-submit" loading={confirm.isPending} onClick={() => void confirmGrades()}>
                {t('assessment.round.confirm')}
              </Button>
              <Button onClick={() => setGrades(null)}>×</Button>
            </Space>
          )}
        </Space>
      )}
      <Modal
        open={scoring !== null}
        title={`${t('assessment.round.score')}：${scoring?.name ?? ''}`}
        onOk={() => void saveScores()}
        onCancel={() => setScoring(null)}
        confirmLoading={manual.isPending}
      >
        <Form form={form} layout="vertical">
          {manualLeaves.map((i) => (
            <Space key={i.key} align="start" wrap>
              <Form.Item
                name={[i.key, 'points']}
                label={`${i.name}（≤${i.maxPoints}）`}
                rules={[{ required: true }, { type: 'number', max: i.maxPoints, min: 0 }]}
              >
                <InputNumber data-testid={`points-${i.key}`} min={0} max={i.maxPoints} step={0.5} />
              </Form.Item>
              <Form.Item name={[i.key, 'evidence']} label={t('assessment.round.evidence')} rules={[{ required: true }]}>
                <Input data-testid={`evidence-${i.key}`} style={{ width: 220 }} />
              </Form.Item>
            </Space>
          ))}
        </Form>
      </Modal>
      <Drawer open={viewing !== null} width="min(760px, 100vw)" onClose={() => setViewing(null)} title={result.data?.name}>
        {result.isError && <Alert type="error" message={errorText(result.error)} />}
        {result.data && <ResultExplanation result={result.data} />}
      </Drawer>
    </Drawer>
  );
}
