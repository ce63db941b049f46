import { Checkbox, Flex, Input, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExamineeItem, ItemResponse } from '../types';

interface QuestionViewProps {
  item: ExamineeItem;
  total: number;
  response: ItemResponse | undefined;
  onChange: (response: ItemResponse, delayMs: number) => void;
}

/** Choices save almost at once; typing saves after a pause. */
const CHOICE_DELAY = 300;
const TYPING_DELAY = 1200;

const optionStyle = {
  display: 'flex',
  alignItems: 'flex-start',
  padding: '10px 12px',
  border: '1px solid #e5e6eb',
  borderRadius: 8,
  width: '100%',
  margin: 0,
};

/**
 * Options are lettered by where they stand on this examinee's (shuffled) paper; the answer sent
 * is the option's own key, so grading and item analysis compare the same option across papers.
 */
const letter = (index: number) => String.fromCharCode(65 + index);

/** One question as the examinee answers it, sized for a phone (large touch targets, wrapping text). */
export function QuestionView({ item, total, response, onChange }: QuestionViewProps) {
  const { t } = useTranslation();
  const chosen = response?.choice ?? [];
  const trueFalse = (key: string) => (key === 'T' ? t('exams.take.true') : key === 'F' ? t('exams.take.false') : undefined);

  return (
    <Flex vertical gap={16} data-testid={`question-${item.no}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('exams.take.questionOf', { no: item.no, total })}</Typography.Text>
        <Tag color="blue">{t(`exams.qtype.${item.type}`)}</Tag>
        <Typography.Text type="secondary">{t('exams.take.points', { score: item.score })}</Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ fontSize: 17, lineHeight: 1.7, whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0 }}>
        {item.stem}
      </Typography.Paragraph>

      {(item.type === 'single' || item.type === 'true_false') && (
        <Radio.Group
          value={chosen[0]}
          onChange={(e) => onChange({ choice: [String(e.target.value)] }, CHOICE_DELAY)}
          style={{ width: '100%' }}
        >
          <Space direction="vertical" style={{ width: '100%' }} size={10}>
            {(item.options.length > 0
              ? item.options
              : [
                  { key: 'T', text: t('exams.take.true') },
                  { key: 'F', text: t('exams.take.false') },
                ]
            ).map((o, i) => (
              <Radio key={o.key} value={o.key} style={optionStyle}>
                <span style={{ wordBreak: 'break-word' }}>
                  {item.type === 'single' && <b>{letter(i)}. </b>}
                  {item.type === 'true_false' ? (trueFalse(o.key) ?? o.text) : o.text}
                </span>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}

      {item.type === 'multiple' && (
        <Checkbox.Group
          value={[...chosen]}
          // Kept in the paper's option order, whatever order they were ticked in.
          onChange={(values) => onChange({ choice: item.options.map((o) => o.key).filter((k) => values.includes(k)) }, CHOICE_DELAY)}
          style={{ width: '100%' }}
        >
          <Space direction="vertical" style={{ width: '100%' }} size={10}>
            {item.options.map((o, i) => (
              <Checkbox key={o.key} value={o.key} style={optionStyle}>
                <span style={{ wordBreak: 'break-word' }}>
                  <b>{letter(i)}. </b>
                  {o.text}
                </span>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      )}

      {item.type === 'fill_blank' && (
        <Space direction="vertical" style={{ width: '100%' }} size={10}>
          {Array.from({ length: Math.max(item.blankCount, 1) }, (_, i) => (
            <Input
              key={i}
              size="large"
              addonBefore={t('exams.take.blank', { n: i + 1 })}
              aria-label={t('exams.take.blank', { n: i + 1 })}
              value={response?.blanks?.[i] ?? ''}
              onChange={(e) => {
                const blanks = Array.from({ length: Math.max(item.blankCount, 1) }, (__, j) => response?.blanks?.[j] ?? '');
                blanks[i] = e.target.value;
                onChange({ blanks }, TYPING_DELAY);
              }}
            />
          ))}
        </Space>
      )}

      {item.type === 'short_answer' && (
        <Input.TextArea
          value={response?.text ?? ''}
          autoSize={{ minRows: 5, maxRows: 14 }}
          maxLength={5000}
          showCount
          placeholder={t('exams.take.textPlaceholder')}
          aria-label={t('exams.take.textPlaceholder')}
          onChange={(e) => onChange({ text: e.target.value }, TYPING_DELAY)}
        />
      )}
    </Flex>
  );
}
