import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuestionVersion } from '../types';
import { difficultyKey } from '../question-form';
import { AnswerView } from './AnswerView';

/** One version of a question, read only. */
export function QuestionView({ version }: { version: QuestionVersion }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <div data-testid="question-view">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>
        <Tag color="blue">{t(`questionBank.type.${version.type}`)}</Tag>
        {version.stem}
      </Typography.Paragraph>
      {version.type !== 'true_false' && version.options.length > 0 && (
        <ol style={{ listStyle: 'none', paddingLeft: 0 }}>
          {version.options.map((o) => (
            <li key={o.key} style={{ marginBottom: 4 }}>
              <Typography.Text strong>{o.key}.</Typography.Text> {o.text}
            </li>
          ))}
        </ol>
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('questionBank.form.answerLabel')}>
          <AnswerView type={version.type} answer={version.key} />
        </Descriptions.Item>
        <Descriptions.Item label={t('questionBank.form.analysis')}>{version.analysis ?? empty}</Descriptions.Item>
        <Descriptions.Item
          label={t('questionBank.form.difficulty')}
        >{`${version.difficulty} · ${t(difficultyKey(version.difficulty))}`}</Descriptions.Item>
        <Descriptions.Item label={t('questionBank.form.policeCategory')}>{version.policeCategory ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('questionBank.form.subject')}>{version.subject ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('questionBank.form.sourceLaw')}>{version.sourceLaw ?? empty}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
