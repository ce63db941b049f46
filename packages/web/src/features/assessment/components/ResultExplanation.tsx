import type { ResultDetailResponse } from '@zhenggong/core';
import { Descriptions, Grid, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Line = ResultDetailResponse['lines'][number];

/** Every indicator with its points and where the number came from; then bonus and deduction items. */
export function ResultExplanation({ result }: { result: ResultDetailResponse }) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().sm === false;
  const records = (l: Line) =>
    l.records.map((r, i) => (
      <li key={i}>
        {r.date ? `${r.date} ` : ''}
        {r.label}：{r.value}
      </li>
    ));
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('assessment.round.name')}>{result.name}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.round.period')}>{result.period}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.round.total')}>
          <Typography.Text strong data-testid="result-total">
            {result.total}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.round.grade')}>{result.grade ?? '—'}</Descriptions.Item>
      </Descriptions>
      {result.asOf && <Typography.Paragraph type="secondary">{t('assessment.result.asOf', { date: result.asOf })}</Typography.Paragraph>}
      {narrow ? (
        // A phone: one block per indicator, the basis and records under its name, nothing to scroll sideways.
        <List<Line>
          data-testid="result-lines"
          size="small"
          bordered
          dataSource={result.lines}
          renderItem={(l) => (
            <List.Item style={{ display: 'block', paddingLeft: l.parent ? 28 : undefined }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong={!l.parent}>{l.name}</Typography.Text>
                <Typography.Text strong data-testid={`line-points-${l.key}`}>
                  {l.points} / {l.maxPoints}
                  {l.selfPoints !== null && (
                    <Typography.Text type="secondary">
                      {' '}
                      （{t('assessment.round.selfTotal')} {l.selfPoints}）
                    </Typography.Text>
                  )}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary">{l.basis}</Typography.Text>
              {l.records.length > 0 && <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>{records(l)}</ul>}
            </List.Item>
          )}
        />
      ) : (
        <Table<Line>
          data-testid="result-lines"
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={result.lines}
          expandable={{
            rowExpandable: (l) => l.records.length > 0,
            expandedRowRender: (l) => <ul style={{ margin: 0 }}>{records(l)}</ul>,
          }}
          columns={[
            {
              title: t('assessment.result.indicator'),
              dataIndex: 'name',
              render: (n: string, l) => (l.parent ? `\u3000${n}` : <b>{n}</b>),
            },
            { title: t('assessment.result.max'), dataIndex: 'maxPoints', width: 64 },
            { title: t('assessment.result.points'), dataIndex: 'points', width: 72 },
            { title: t('assessment.round.selfTotal'), dataIndex: 'selfPoints', width: 64, render: (v: number | null) => v ?? '—' },
            { title: t('assessment.result.basis'), dataIndex: 'basis' },
          ]}
        />
      )}
      {result.adjustments.length > 0 && <Typography.Title level={5}>{t('assessment.result.adjustments')}</Typography.Title>}
      {result.adjustments.map((a) => (
        <div key={a.key} style={{ marginBottom: 4 }}>
          <Tag color={a.side === 'bonus' ? 'green' : 'red'}>
            {a.name} {a.side === 'bonus' ? '+' : '-'}
            {a.points}
          </Tag>
          {a.records.map((r) => `${r.date ?? ''} ${r.label}（${r.value}）`).join('；')}
        </div>
      ))}
    </>
  );
}
