import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { difficultyKey } from '../question-form';
import { round2, type RuleRow } from '../paper-form';
import { DIFFICULTIES, QUESTION_TYPES, type QuestionType, type RuleCheck, type Tags } from '../types';

interface Props {
  rules: RuleRow[];
  checks: (RuleCheck | undefined)[];
  checking: boolean;
  tags: Tags | undefined;
  onChange: (rules: RuleRow[]) => void;
  onAdd: () => void;
}

/**
 * Rule rows of a rule paper: type, optional tags and difficulty, count and score each, with the
 * number of matching questions the banks hold shown beside every row.
 */
export function RuleEditor({ rules, checks, checking, tags, onChange, onAdd }: Props) {
  const { t } = useTranslation();
  const any = t('questionBank.paper.anyValue');
  const patch = (i: number, p: Partial<RuleRow>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const tagSelect = (i: number, field: 'policeCategory' | 'subject' | 'sourceLaw', values: string[], width: number) => (
    <Select
      data-testid={`rule-${field}-${i + 1}`}
      aria-label={`${t('questionBank.paper.ruleNo', { no: i + 1 })} ${t(`questionBank.filter.${field}`)}`}
      value={rules[i]?.[field] ?? ''}
      onChange={(v: string) => patch(i, { [field]: v })}
      style={{ width }}
      showSearch
      options={[{ value: '', label: any }, ...values.map((v) => ({ value: v, label: v }))]}
    />
  );
  return (
    <div data-testid="paper-rules" data-checking={checking ? 'true' : 'false'}>
      <Table<RuleRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rules}
        scroll={{ x: 980 }}
        onRow={(_r, i) => ({ 'data-testid': `rule-row-${(i ?? 0) + 1}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'no', title: '#', width: 40, render: (_v, _r, i) => i + 1 },
          {
            key: 'type',
            title: t('questionBank.filter.type'),
            width: 120,
            render: (_v, r, i) => (
              <Select
                data-testid={`rule-type-${i + 1}`}
                aria-label={`${t('questionBank.paper.ruleNo', { no: i + 1 })} ${t('questionBank.filter.type')}`}
                value={r.type}
                onChange={(v: QuestionType) => patch(i, { type: v })}
                style={{ width: 110 }}
                options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`questionBank.type.${v}`) }))}
              />
            ),
          },
          {
            key: 'policeCategory',
            title: t('questionBank.filter.policeCategory'),
            width: 120,
            render: (_v, _r, i) => tagSelect(i, 'policeCategory', tags?.policeCategories ?? [], 110),
          },
          {
            key: 'subject',
            title: t('questionBank.filter.subject'),
            width: 130,
            render: (_v, _r, i) => tagSelect(i, 'subject', tags?.subjects ?? [], 120),
          },
          {
            key: 'difficulty',
            title: t('questionBank.filter.difficulty'),
            width: 100,
            render: (_v, r, i) => (
              <Select
                data-testid={`rule-difficulty-${i + 1}`}
                aria-label={`${t('questionBank.paper.ruleNo', { no: i + 1 })} ${t('questionBank.filter.difficulty')}`}
                value={r.difficulty ?? 0}
                onChange={(v: number) => patch(i, { difficulty: v === 0 ? null : v })}
                style={{ width: 90 }}
                options={[{ value: 0, label: any }, ...DIFFICULTIES.map((d) => ({ value: d, label: t(difficultyKey(d)) }))]}
              />
            ),
          },
          {
            key: 'sourceLaw',
            title: t('questionBank.filter.sourceLaw'),
            width: 190,
            render: (_v, _r, i) => tagSelect(i, 'sourceLaw', tags?.sourceLaws ?? [], 180),
          },
          {
            key: 'count',
            title: t('questionBank.paper.count'),
            width: 90,
            render: (_v, r, i) => (
              <InputNumber
                data-testid={`rule-count-${i + 1}`}
                aria-label={`${t('questionBank.paper.ruleNo', { no: i + 1 })} ${t('questionBank.paper.count')}`}
                min={1}
                max={500}
                precision={0}
                value={r.count}
                onChange={(v) => patch(i, { count: v ?? 1 })}
                style={{ width: 80 }}
              />
            ),
          },
          {
            key: 'score',
            title: t('questionBank.paper.score'),
            width: 90,
            render: (_v, r, i) => (
              <InputNumber
                data-testid={`rule-score-${i + 1}`}
                aria-label={`${t('questionBank.paper.ruleNo', { no: i + 1 })} ${t('questionBank.paper.score')}`}
                min={0.5}
                max={1000}
                step={0.5}
                value={r.score}
                onChange={(v) => patch(i, { score: v ?? 1 })}
                style={{ width: 80 }}
              />
            ),
          },
          { key: 'subtotal', title: t('questionBank.paper.subtotal'), width: 80, render: (_v, r) => round2(r.count * r.score) },
          {
            key: 'available',
            title: t('questionBank.paper.available'),
            width: 130,
            render: (_v, r, i) => {
              const c = checks[i];
              if (!c) return <Tag data-testid={`rule-available-${i + 1}`}>{checking ? '…' : '—'}</Tag>;
              const tag = (
                <Tag
                  color={c.ok ? 'green' : 'red'}
                  data-testid={`rule-available-${i + 1}`}
                  data-available={c.available}
                  data-ok={c.ok ? 'true' : 'false'}
                >
                  {t('questionBank.paper.availableValue', { available: c.available, needed: r.count })}
                </Tag>
              );
              return c.ok ? tag : <Tooltip title={t('questionBank.paper.short')}>{tag}</Tooltip>;
            },
          },
          {
            key: 'remove',
            width: 48,
            render: (_v, _r, i) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('questionBank.paper.removeRule', { no: i + 1 })}
                data-testid={`rule-remove-${i + 1}`}
                onClick={() => onChange(rules.filter((_x, j) => j !== i))}
              />
            ),
          },
        ]}
      />
      <Button type="dashed" icon={<PlusOutlined />} onClick={onAdd} style={{ marginTop: 8 }} data-testid="paper-add-rule">
        {t('questionBank.paper.addRule')}
      </Button>
    </div>
  );
}
