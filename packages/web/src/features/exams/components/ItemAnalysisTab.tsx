import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useItemAnalysis } from '../api';
import type { ItemAnalysisRow, QuestionType } from '../types';

const FLAG_COLORS: Record<string, string> = {
  too_easy: 'gold',
  too_hard: 'orange',
  low_discrimination: 'volcano',
  negative_discrimination: 'red',
  distractor_unused: 'purple',
};

const twoDecimals = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** 试题分析: difficulty, discrimination and option choice counts per question; flagged rows stand out (advice only). */
export function ItemAnalysisTab({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const analysis = useItemAnalysis(examId, true);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const summary = analysis.data?.summary;
  const rows = useMemo(() => (analysis.data?.items ?? []).map((item, index) => ({ ...item, index: index + 1 })), [analysis.data]);
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  const shown = flaggedOnly ? rows.filter((r) => r.flags.length > 0) : rows;

  if (analysis.isError) return <QueryErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />;

  const columns: TableProps<ItemAnalysisRow & { index: number }>['columns'] = [
    { key: 'no', title: t('exams.items.no'), dataIndex: 'index', width: 60 },
    {
      key: 'stem',
      title: t('exams.items.stem'),
      dataIndex: 'stem',
      render: (stem: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: stem }} style={{ marginBottom: 0 }}>
          {stem}
        </Typography.Paragraph>
      ),
    },
    { key: 'type', title: t('exams.items.type'), dataIndex: 'type', width: 90, render: (type: QuestionType) => t(`exams.qtype.${type}`) },
    { key: 'answered', title: t('exams.items.answered'), dataIndex: 'answered', width: 80, align: 'right' },
    {
      key: 'difficulty',
      title: t('exams.items.difficulty'),
      width: 140,
      align: 'right',
      sorter: (a, b) => (a.difficulty ?? -1) - (b.difficulty ?? -1),
      render: (_, r) => twoDecimals(r.difficulty),
    },
    {
      key: 'discrimination',
      title: t('exams.items.discrimination'),
      width: 100,
      align: 'right',
      sorter: (a, b) => (a.discrimination ?? -2) - (b.discrimination ?? -2),
      render: (_, r) => (
        <Typography.Text type={r.discrimination !== null && r.discrimination < 0 ? 'danger' : undefined}>
          {twoDecimals(r.discrimination)}
        </Typography.Text>
      ),
    },
    {
      key: 'pointBiserial',
      title: t('exams.items.pointBiserial'),
      width: 110,
      align: 'right',
      sorter: (a, b) => (a.pointBiserial ?? -2) - (b.pointBiserial ?? -2),
      render: (_, r) => (
        <Typography.Text type={r.pointBiserial !== null && r.pointBiserial < 0 ? 'danger' : undefined}>
          {twoDecimals(r.pointBiserial)}
        </Typography.Text>
      ),
    },
    {
      key: 'options',
      title: t('exams.items.options'),
      width: 220,
      render: (_, r) =>
        r.options.length === 0 ? (
          '—'
        ) : (
          <Flex gap={4} wrap>
            {r.options.map((o) => (
              <Tag key={o.key} color={o.correct ? 'green' : undefined} title={o.text} icon={o.correct ? <CheckCircleFilled /> : undefined}>
                {o.key}: {o.count}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      key: 'flags',
      title: t('exams.items.flags'),
      width: 170,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.flags.map((f) => (
            <Tag key={f} color={FLAG_COLORS[f]}>
              {t(`exams.items.flag.${f}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="item-analysis">
      {summary && (
        <>
          {summary.smallSample && (
            <Alert type="warning" showIcon message={t('exams.items.smallSample', { count: summary.attempts })} data-testid="small-sample" />
          )}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, md: 3 }}
            title={t('exams.items.summaryTitle')}
            data-testid="test-summary"
          >
            <Descriptions.Item label={t('exams.items.attempts')}>{summary.attempts}</Descriptions.Item>
            <Descriptions.Item label={t('exams.items.mean')}>{twoDecimals(summary.mean)}</Descriptions.Item>
            <Descriptions.Item label={t('exams.items.sd')}>{twoDecimals(summary.sd)}</Descriptions.Item>
            <Descriptions.Item label={summary.reliabilityKind === 'kr20' ? 'KR-20' : t('exams.items.alpha')}>
              {twoDecimals(summary.reliability)}
            </Descriptions.Item>
            <Descriptions.Item label={t('exams.items.sem')}>{twoDecimals(summary.sem)}</Descriptions.Item>
            <Descriptions.Item label={t('exams.items.commonItems')}>{summary.commonItems}</Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Flex gap={12} align="center" wrap>
        {flagged > 0 && <Alert type="warning" showIcon message={t('exams.items.flaggedCount', { count: flagged })} style={{ flex: 1 }} />}
        <label>
          <Switch size="small" checked={flaggedOnly} onChange={setFlaggedOnly} /> {t('exams.items.flaggedOnly')}
        </label>
      </Flex>
      <Table<ItemAnalysisRow & { index: number }>
        rowKey="questionVersionId"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={analysis.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        rowClassName={(r) => (r.flags.length > 0 ? 'exam-item-flagged' : '')}
        onRow={(r) => (r.flags.length > 0 ? { style: { background: '#fff7e6' } } : {})}
      />
    </Flex>
  );
}
