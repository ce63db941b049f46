import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerKey, QuestionType } from '../types';

/** An answer key in words: option letters, 正确/错误, blanks with their alternatives, or the reference text. */
export function AnswerView({ type, answer }: { type: QuestionType; answer: AnswerKey }) {
  const { t } = useTranslation();
  if (answer.kind === 'choice') {
    const text =
      type === 'true_false'
        ? answer.correct.map((k) => t(`questionBank.trueFalse.${k === 'T' ? 'T' : 'F'}`)).join('')
        : answer.correct.join('');
    return <Typography.Text strong>{text}</Typography.Text>;
  }
  if (answer.kind === 'blanks') {
    return <Typography.Text strong>{answer.accepted.map((alts, i) => `(${i + 1}) ${alts.join(' / ')}`).join('；')}</Typography.Text>;
  }
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{answer.reference}</Typography.Paragraph>;
}
