import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTags } from '../api';
import { countBlanks, difficultyKey, optionKey, type QuestionFormValues } from '../question-form';
import { DIFFICULTIES, OPTION_KEYS, QUESTION_TYPES, type Bank } from '../types';

interface Props {
  form: FormInstance<QuestionFormValues>;
  banks: Bank[];
  /** Editing: the type and bank are fixed. */
  editing: boolean;
  disabled?: boolean;
}

const toOptions = (values: string[]) => values.map((v) => ({ value: v }));

/** The question fields with inline checks per type (the server checks the same rules again). */
export function QuestionForm({ form, banks, editing, disabled }: Props) {
  const { t } = useTranslation();
  const type = Form.useWatch('type', form) ?? 'single';
  const options = (Form.useWatch('options', form) as string[] | undefined) ?? [];
  const stem = (Form.useWatch('stem', form) as string | undefined) ?? '';
  const tags = useTags();
  const choice = type === 'single' || type === 'multiple';
  const filled = options.map((o, i) => ({ key: optionKey(i), text: o })).filter((o) => o.text?.trim());

  return (
    <Form<QuestionFormValues> form={form} layout="vertical" disabled={disabled} requiredMark>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="bankId"
            label={t('questionBank.form.bank')}
            rules={[{ required: true, message: t('common.selectRequired', { field: t('questionBank.form.bank') }) }]}
          >
            <Select
              data-testid="question-bank-select"
              disabled={editing || disabled}
              options={banks.filter((b) => b.writable || editing).map((b) => ({ value: b.id, label: `${b.name}（${b.orgName}）` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('questionBank.form.type')} rules={[{ required: true }]}>
            <Select
              data-testid="question-type-select"
              disabled={editing || disabled}
              options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`questionBank.type.${v}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="stem"
        label={t('questionBank.form.stem')}
        extra={type === 'fill_blank' ? t('questionBank.form.stemHintBlank') : undefined}
        rules={[{ required: true, whitespace: true, message: t('questionBank.form.stemRequired') }, { max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>

      {choice && (
        <Form.List
          name="options"
          rules={[
            {
              validator: async (_r, list: string[] = []) => {
                const texts = list.map((s) => (s ?? '').trim());
                if (texts.filter((s) => s !== '').length < 2) throw new Error(t('questionBank.form.optionsTooFew'));
                const nonEmpty = texts.filter((s) => s !== '');
                if (new Set(nonEmpty).size !== nonEmpty.length) throw new Error(t('questionBank.form.optionDuplicate'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('questionBank.form.options')} required>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Typography.Text strong style={{ width: 20, display: 'inline-block' }}>
                    {optionKey(i)}
                  </Typography.Text>
                  <Form.Item
                    name={field.name}
                    style={{ marginBottom: 8, width: 420, maxWidth: '70vw' }}
                    rules={[
                      {
                        validator: async (_r, v: string | undefined) => {
                          // A gap before the last filled option is an error; trailing empties are ignored.
                          const later = options.slice(i + 1).some((o) => o?.trim());
                          if (!v?.trim() && later) throw new Error(t('questionBank.form.optionRequired'));
                        },
                      },
                    ]}
                  >
                    <Input aria-label={`${t('questionBank.form.options')} ${optionKey(i)}`} maxLength={500} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('questionBank.form.removeOption', { key: optionKey(i) })}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              {fields.length < OPTION_KEYS.length && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('questionBank.form.addOption')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      )}

      {type === 'single' && (
        <Form.Item
          name="correctSingle"
          label={t('questionBank.form.correct')}
          rules={[{ required: true, message: t('questionBank.form.answerRequired') }]}
        >
          <Radio.Group options={filled.map((o) => ({ value: o.key, label: o.key }))} />
        </Form.Item>
      )}
      {type === 'multiple' && (
        <Form.Item
          name="correctMultiple"
          label={t('questionBank.form.correct')}
          rules={[
            {
              validator: async (_r, v: string[] | undefined) => {
                if (!v || v.length === 0) throw new Error(t('questionBank.form.answerRequired'));
                if (v.length < 2) throw new Error(t('questionBank.form.multipleTwo'));
              },
            },
          ]}
        >
          <Checkbox.Group options={filled.map((o) => ({ value: o.key, label: o.key }))} />
        </Form.Item>
      )}
      {type === 'true_false' && (
        <Form.Item
          name="trueFalse"
          label={t('questionBank.form.correctTrueFalse')}
          rules={[{ required: true, message: t('questionBank.form.answerRequired') }]}
        >
          <Radio.Group options={(['T', 'F'] as const).map((k) => ({ value: k, label: t(`questionBank.trueFalse.${k}`) }))} />
        </Form.Item>
      )}
      {type === 'fill_blank' && (
        <Form.List
          name="blanks"
          rules={[
            {
              validator: async (_r, list: string[] = []) => {
                const n = countBlanks(stem);
                if (list.length !== n) throw new Error(t('questionBank.form.blanksMismatch', { stem: n, answers: list.length }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('questionBank.form.blanks')} extra={t('questionBank.form.blankHint')} required>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={field.name}
                    style={{ marginBottom: 8, width: 360, maxWidth: '70vw' }}
                    rules={[{ required: true, whitespace: true, message: t('questionBank.form.answerRequired') }]}
                  >
                    <Input addonBefore={t('questionBank.form.blankLabel', { no: i + 1 })} maxLength={200} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                {t('questionBank.form.blankLabel', { no: fields.length + 1 })}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      )}
      {type === 'short_answer' && (
        <Form.Item
          name="reference"
          label={t('questionBank.form.reference')}
          rules={[{ required: true, whitespace: true, message: t('questionBank.form.referenceRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      )}

      <Form.Item name="analysis" label={t('questionBank.form.analysis')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="policeCategory" label={t('questionBank.form.policeCategory')} rules={[{ max: 50 }]}>
            <AutoComplete options={toOptions(tags.data?.policeCategories ?? [])} filterOption />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="subject" label={t('questionBank.form.subject')} rules={[{ max: 50 }]}>
            <AutoComplete options={toOptions(tags.data?.subjects ?? [])} filterOption />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="difficulty" label={t('questionBank.form.difficulty')} rules={[{ required: true }]}>
            <Select options={DIFFICULTIES.map((d) => ({ value: d, label: `${d} · ${t(difficultyKey(d))}` }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="sourceLaw" label={t('questionBank.form.sourceLaw')} rules={[{ max: 200 }]}>
        <AutoComplete options={toOptions(tags.data?.sourceLaws ?? [])} filterOption />
      </Form.Item>
    </Form>
  );
}
