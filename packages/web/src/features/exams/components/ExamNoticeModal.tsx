import { Descriptions, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { score } from '../exam-format';
import type { MyExam } from '../types';

interface Props {
  exam: MyExam;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * 考试须知: starting an exam starts the clock and uses an attempt, so the examinee sees the
 * terms (time, attempts left, pass mark, closing time, rules) and confirms before anything counts.
 */
export function ExamNoticeModal({ exam, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const left = Math.max(exam.attemptsAllowed - exam.attemptsUsed, 0);
  return (
    <Modal
      open
      title={t('exams.notice.title')}
      okText={t('exams.notice.confirm')}
      cancelText={t('exams.notice.cancel')}
      onOk={onConfirm}
      onCancel={onCancel}
      width={520}
      destroyOnHidden
      data-testid="exam-notice"
    >
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('exams.notice.exam')}>{exam.title}</Descriptions.Item>
        <Descriptions.Item label={t('exams.notice.duration')}>
          {t('exams.notice.durationValue', { minutes: exam.durationMinutes })}
        </Descriptions.Item>
        <Descriptions.Item label={t('exams.notice.attemptsLeft')}>
          {t('exams.notice.attemptsLeftValue', { left, allowed: exam.attemptsAllowed })}
        </Descriptions.Item>
        <Descriptions.Item label={t('exams.notice.passScore')}>
          {t('exams.notice.passScoreValue', { pass: score(exam.passScore), total: score(exam.totalScore) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('exams.notice.windowEnd')}>{dayjs(exam.endsAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('exams.notice.rules')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        <li>{t('exams.notice.ruleAutosave')}</li>
        <li>{t('exams.notice.ruleFocus')}</li>
        <li>{t('exams.notice.ruleSubmit')}</li>
      </ol>
    </Modal>
  );
}
