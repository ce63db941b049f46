import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyResult } from '../api';
import { score } from '../exam-format';
import type { SubmitAnswer } from '../types';

interface ExamResultViewProps {
  examId: string;
  title: string;
  totalScore?: number;
  /** Shown above the result (e.g. "time is up"). */
  headline?: { title: string; text: string };
  /** What POST submit answered, when this page submitted. */
  submit?: SubmitAnswer | null;
}

/** 考试成绩: the score once published (with per-question correctness), else "submitted, not published yet". */
export function ExamResultView({ examId, title, totalScore, headline, submit }: ExamResultViewProps) {
  const { t } = useTranslation();
  const result = useMyResult(examId, true);
  const data = result.data;
  const published = Boolean(data?.published && data.score !== null);
  const total = data?.totalScore ?? totalScore;

  return (
    <Flex vertical gap={16} data-testid="exam-result">
      {headline && <Alert type="warning" showIcon icon={<ClockCircleOutlined />} message={headline.title} description={headline.text} />}
      <Card>
        {result.isPending ? (
          <Spin />
        ) : published && data ? (
          <Result
            status={data.passed === false ? 'warning' : 'success'}
            title={
              <span data-testid="result-score">
                {t('exams.take.score')} {score(data.score)}
              </span>
            }
            subTitle={
              <Flex vertical gap={4} align="center">
                <span>{data.title || title}</span>
                {total !== undefined && <span>{t('exams.take.total', { total })}</span>}
                {data.passed !== null && (
                  <Tag color={data.passed ? 'green' : 'red'}>{data.passed ? t('exams.mine.passed') : t('exams.mine.failed')}</Tag>
                )}
              </Flex>
            }
          />
        ) : (
          <Result
            status="success"
            title={t('exams.take.submitted')}
            subTitle={
              <Flex vertical gap={4} align="center">
                <span>{title}</span>
                <span data-testid="result-pending">{t('exams.take.pendingResult')}</span>
                {submit?.objectiveScore !== null && submit?.objectiveScore !== undefined && (
                  <span>{t('exams.take.objectiveScore', { score: score(submit.objectiveScore) })}</span>
                )}
              </Flex>
            }
          />
        )}
      </Card>
      {published && data?.items && data.items.length > 0 && (
        <Card
          size="small"
          title={t('exams.take.correctCount', { correct: data.items.filter((i) => i.correct).length, total: data.items.length })}
        >
          <Flex wrap gap={8}>
            {data.items.map((i) => (
              <Tag
                key={i.no}
                color={i.correct === true ? 'green' : i.correct === false ? 'red' : 'default'}
                icon={i.correct === true ? <CheckCircleFilled /> : i.correct === false ? <CloseCircleFilled /> : undefined}
                style={{ minWidth: 56, textAlign: 'center', padding: '4px 8px' }}
              >
                {i.no}
                {i.awarded !== null && (
                  <Typography.Text style={{ fontSize: 11, marginLeft: 4 }}>
                    {score(i.awarded)}/{i.maxScore}
                  </Typography.Text>
                )}
              </Tag>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
