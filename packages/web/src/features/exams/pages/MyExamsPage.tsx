import { ClockCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Modal, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useMyExams } from '../api';
import { ExamNoticeModal } from '../components/ExamNoticeModal';
import { ExamResultView } from '../components/ExamResultView';
import { score, SESSION_COLORS } from '../exam-format';
import type { MyExam } from '../types';

const short = (iso: string) => dayjs(iso).format('MM-DD HH:mm');

/** What the examinee can do with an exam now: start, resume, view the result, or nothing yet. */
function actionOf(exam: MyExam, now: number): 'start' | 'resume' | 'result' | 'notOpen' | 'ended' {
  if (exam.canStart) return exam.status === 'in_progress' ? 'resume' : 'start';
  if (exam.status === 'submitted' || exam.status === 'graded' || exam.attemptsUsed > 0) return 'result';
  return now < Date.parse(exam.startsAt) ? 'notOpen' : 'ended';
}

/** 我的考试 (phone-first): each exam with its window, state and, once published, the score. */
export function MyExamsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const exams = useMyExams();
  const [resultOf, setResultOf] = useState<MyExam | null>(null);
  // A fresh start costs an attempt, so it waits for 考试须知 to be confirmed; resuming does not.
  const [noticeOf, setNoticeOf] = useState<MyExam | null>(null);
  const take = (exam: MyExam) => navigate(`/my-exams/${exam.examId}/take`);
  const now = Date.now();

  return (
    <Card
      title={t('exams.mine.title')}
      extra={<Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void exams.refetch()} />}
      styles={{ body: { padding: 12 } }}
    >
      {exams.isError && <QueryErrorAlert error={exams.error} onRetry={() => void exams.refetch()} />}
      {exams.isPending ? (
        <Spin />
      ) : (exams.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('exams.mine.empty')} />
      ) : (
        <List
          data-testid="my-exams"
          dataSource={exams.data?.items}
          split={false}
          renderItem={(exam) => {
            const action = actionOf(exam, now);
            return (
              <List.Item style={{ padding: '6px 0' }}>
                <Card size="small" style={{ width: '100%' }} data-testid={`my-exam-${exam.examId}`}>
                  <Flex vertical gap={6}>
                    <Flex justify="space-between" align="flex-start" gap={8}>
                      <Typography.Text strong style={{ fontSize: 16, wordBreak: 'break-word' }}>
                        {exam.title}
                      </Typography.Text>
                      <Tag color={SESSION_COLORS[exam.status]} style={{ marginInlineEnd: 0, flexShrink: 0 }}>
                        {t(`exams.session.${exam.status}`)}
                      </Tag>
                    </Flex>
                    <Flex gap={8} wrap>
                      <Tag>{t(`exams.kind.${exam.kind}`)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        <ClockCircleOutlined /> {t('exams.mine.window', { start: short(exam.startsAt), end: short(exam.endsAt) })}
                      </Typography.Text>
                    </Flex>
                    <Flex gap={12} wrap>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t('exams.mine.duration', { minutes: exam.durationMinutes })}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t('exams.mine.attempts', { used: exam.attemptsUsed, allowed: exam.attemptsAllowed })}
                      </Typography.Text>
                    </Flex>
                    <Flex justify="space-between" align="center" gap={8}>
                      <span data-testid="my-exam-score">
                        {exam.score !== null ? (
                          <>
                            <Typography.Text strong style={{ fontSize: 18 }}>
                              {t('exams.mine.score', { score: score(exam.score) })}
                            </Typography.Text>{' '}
                            {exam.passed !== null && (
                              <Tag color={exam.passed ? 'green' : 'red'}>
                                {exam.passed ? t('exams.mine.passed') : t('exams.mine.failed')}
                              </Tag>
                            )}
                          </>
                        ) : exam.status === 'submitted' || exam.status === 'graded' ? (
                          <Typography.Text type="secondary">{t('exams.mine.notPublished')}</Typography.Text>
                        ) : null}
                      </span>
                      {action === 'start' || action === 'resume' ? (
                        <Button type="primary" onClick={() => (action === 'start' ? setNoticeOf(exam) : take(exam))}>
                          {action === 'start' ? t('exams.mine.start') : t('exams.mine.resume')}
                        </Button>
                      ) : action === 'result' ? (
                        <Button onClick={() => setResultOf(exam)}>{t('exams.mine.viewResult')}</Button>
                      ) : (
                        <Typography.Text type="secondary">
                          {action === 'notOpen' ? t('exams.mine.notOpen') : t('exams.mine.ended')}
                        </Typography.Text>
                      )}
                    </Flex>
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
      {noticeOf && <ExamNoticeModal exam={noticeOf} onConfirm={() => take(noticeOf)} onCancel={() => setNoticeOf(null)} />}
      {resultOf && (
        <Modal open title={t('exams.take.resultTitle')} footer={null} onCancel={() => setResultOf(null)} width={560} destroyOnHidden>
          <ExamResultView examId={resultOf.examId} title={resultOf.title} />
        </Modal>
      )}
    </Card>
  );
}
