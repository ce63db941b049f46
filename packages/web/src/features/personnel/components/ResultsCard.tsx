import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { usePermission } from '../../../shared/auth/usePermission';

/** Exam and competition results kept on the person's record (成绩档案), read from their modules' routes. */
interface ExamResult {
  examId: string;
  title: string;
  kind: string;
  endsAt: string;
  score: number | null;
  totalScore: number;
  passed: boolean;
  absent: boolean;
}
interface CompetitionResult {
  id: string;
  eventTitle: string;
  itemName: string;
  date: string;
  teamName: string | null;
  score: number | null;
  rank: number | null;
  entrants: number;
}

export function ResultsCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const canExams = usePermission('exam:read');
  const canCompetitions = usePermission('competition:read');
  const exams = useQuery({
    queryKey: ['personnel', 'detail', personId, 'exam-results'],
    queryFn: () => api.get<{ items: ExamResult[] }>(`/api/v1/exams/people/${encodeURIComponent(personId)}/results`),
    enabled: canExams,
  });
  const competitions = useQuery({
    queryKey: ['personnel', 'detail', personId, 'competition-results'],
    queryFn: () => api.get<CompetitionResult[]>(`/api/v1/competitions/people/${encodeURIComponent(personId)}/results`),
    enabled: canCompetitions,
  });
  if (!canExams && !canCompetitions) return null;

  const examColumns: TableColumnsType<ExamResult> = [
    { title: t('personnel.results.exam'), dataIndex: 'title' },
    { title: t('personnel.results.date'), dataIndex: 'endsAt', width: 110, render: (v: string) => v.slice(0, 10) },
    {
      title: t('personnel.results.score'),
      width: 140,
      render: (_v, r) => (r.absent ? <Tag>{t('personnel.results.absent')}</Tag> : `${r.score ?? '—'} / ${r.totalScore}`),
    },
    {
      title: t('personnel.results.outcome'),
      width: 90,
      render: (_v, r) =>
        r.absent ? null : (
          <Tag color={r.passed ? 'green' : 'red'}>{t(r.passed ? 'personnel.results.passed' : 'personnel.results.failed')}</Tag>
        ),
    },
  ];
  const competitionColumns: TableColumnsType<CompetitionResult> = [
    { title: t('personnel.results.event'), dataIndex: 'eventTitle' },
    { title: t('personnel.results.item'), dataIndex: 'itemName', render: (v: string, r) => (r.teamName ? `${v}（${r.teamName}）` : v) },
    { title: t('personnel.results.date'), dataIndex: 'date', width: 110 },
    { title: t('personnel.results.rank'), width: 110, render: (_v, r) => (r.rank ? `${r.rank} / ${r.entrants}` : '—') },
  ];
  const items = [
    ...(canExams
      ? [
          {
            key: 'exams',
            label: t('personnel.results.exams'),
            children: (
              <Table
                rowKey="examId"
                size="small"
                loading={exams.isLoading}
                columns={examColumns}
                dataSource={exams.data?.items ?? []}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
              />
            ),
          },
        ]
      : []),
    ...(canCompetitions
      ? [
          {
            key: 'competitions',
            label: t('personnel.results.competitions'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={competitions.isLoading}
                columns={competitionColumns}
                dataSource={competitions.data ?? []}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={t('personnel.results.title')} data-testid="person-results">
      <Tabs size="small" items={items} />
    </Card>
  );
}
