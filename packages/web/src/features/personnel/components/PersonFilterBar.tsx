import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useDictOptions } from '../../../shared/dicts/dict-api';
import { PERSON_KINDS, PERSON_STATUSES, type PersonFilter } from '../types';

/** The category radio's "all" choice; the filter itself leaves `kind` out. */
const ALL_KINDS = '';

type FormValues = Omit<PersonFilter, 'asOf' | 'kind'> & { asOf?: Dayjs | null; kind?: PersonFilter['kind'] | typeof ALL_KINDS };

const FORM_NAME = 'personFilters';
/** Filters hidden behind "more": opened automatically when the URL sets one of them. */
const MORE_KEYS: readonly (keyof PersonFilter)[] = [
  'rank',
  'officerLevel',
  'education',
  'politicalStatus',
  'status',
  'sex',
  'ageMin',
  'ageMax',
  'serviceYearsMin',
  'serviceYearsMax',
  'asOf',
];
/** Four filters a row at 1366 px (antd `xl`), two on narrower screens; the first row is keyword 7, unit 7, category 6. */
const COL = { xs: 24, md: 12, xl: 6 } as const;

const toFormValues = (filter: PersonFilter): FormValues => ({
  ...filter,
  kind: filter.kind ?? ALL_KINDS,
  asOf: filter.asOf ? dayjs(filter.asOf) : null,
});

function toFilter(values: FormValues): PersonFilter {
  const { asOf, keyword, kind, ...rest } = values;
  const filter: PersonFilter = {
    ...rest,
    kind: kind || undefined,
    keyword: keyword?.trim() || undefined,
    asOf: asOf ? asOf.format('YYYY-MM-DD') : undefined,
  };
  // Cleared inputs come back as null (InputNumber) or undefined; the URL writer skips both.
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
}

/** Every input, empty: the base a new URL's filter is laid over, so a filter left out of it clears its input. */
const EMPTY: Required<Record<keyof FormValues, undefined>> = {
  keyword: undefined,
  kind: undefined,
  orgId: undefined,
  includeSub: undefined,
  rank: undefined,
  officerLevel: undefined,
  education: undefined,
  politicalStatus: undefined,
  status: undefined,
  sex: undefined,
  ageMin: undefined,
  ageMax: undefined,
  serviceYearsMin: undefined,
  serviceYearsMax: undefined,
  asOf: undefined,
};

interface PersonFilterBarProps {
  filter: PersonFilter;
  onSearch: (filter: PersonFilter) => void;
}

/** ProTable-style query form: the first row always visible, the rest behind "more filters". */
export function PersonFilterBar({ filter, onSearch }: PersonFilterBarProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [expanded, setExpanded] = useState(() => MORE_KEYS.some((key) => filter[key] !== undefined));
  const rank = useDictOptions('police_rank');
  const level = useDictOptions('police_officer_level');
  const education = useDictOptions('education');
  const political = useDictOptions('political_status');
  const sex = useDictOptions('sex');
  // GB/T 2261.1 also lists 0 (unknown) and 9 (not stated); a person's sex comes from the ID number: 1 or 2.
  const sexOptions = sex.options.filter((option) => 'value' in option && (option.value === '1' || option.value === '2'));

  // The URL is the source of truth: a saved filter or a link from the statistics page refills the form.
  useEffect(() => {
    form.setFieldsValue({ ...EMPTY, ...toFormValues(filter) });
    if (MORE_KEYS.some((key) => filter[key] !== undefined)) setExpanded(true);
  }, [filter, form]);

  const select = (name: keyof PersonFilter, label: string, options: Parameters<typeof Select>[0]['options'], loading = false) => (
    <Col {...COL}>
      <Form.Item label={label} name={name}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('common.selectPlaceholder')}
          options={options}
          loading={loading}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </Col>
  );

  const range = (label: string, minKey: 'ageMin' | 'serviceYearsMin', maxKey: 'ageMax' | 'serviceYearsMax', max: number) => (
    <Col {...COL}>
      <Form.Item label={label} htmlFor={`${FORM_NAME}_${minKey}`} style={{ marginBottom: 12 }}>
        <Space.Compact block>
          <Form.Item name={minKey} noStyle>
            <InputNumber
              min={0}
              max={max}
              precision={0}
              placeholder={t('personnel.filters.min')}
              aria-label={`${label} ${t('personnel.filters.min')}`}
              style={{ width: '50%' }}
            />
          </Form.Item>
          <Form.Item
            name={maxKey}
            noStyle
            dependencies={[minKey]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: number | null | undefined) => {
                  const min = getFieldValue(minKey) as number | null | undefined;
                  return value != null && min != null && min > value
                    ? Promise.reject(new Error(t('personnel.filters.rangeError')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber
              min={0}
              max={max}
              precision={0}
              placeholder={t('personnel.filters.max')}
              aria-label={`${label} ${t('personnel.filters.max')}`}
              style={{ width: '50%' }}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    </Col>
  );

  return (
    <Form<FormValues>
      form={form}
      name={FORM_NAME}
      initialValues={toFormValues(filter)}
      onFinish={(values) => onSearch(toFilter(values))}
      labelCol={{ flex: '84px' }}
      labelWrap
      wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      colon={false}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label={t('personnel.filters.keyword')} name="keyword">
            <Input allowClear placeholder={t('personnel.filters.keywordPlaceholder')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label={t('personnel.filters.org')} htmlFor={`${FORM_NAME}_orgId`}>
            <Flex gap={8} align="center">
              <Form.Item name="orgId" noStyle>
                <OrgTreeSelect allowClear style={{ minWidth: 0, flex: 1 }} />
              </Form.Item>
              <Form.Item name="includeSub" valuePropName="checked" noStyle>
                <Checkbox style={{ whiteSpace: 'nowrap' }}>{t('personnel.filters.includeSub')}</Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          {/* The label takes only its own width so the three buttons stay on one line at 1366 px. */}
          <Form.Item label={t('personnel.fields.kind')} name="kind" labelCol={{ flex: 'none' }}>
            <Radio.Group
              style={{ whiteSpace: 'nowrap' }}
              optionType="button"
              options={[
                { value: ALL_KINDS, label: t('personnel.filters.allKinds') },
                ...PERSON_KINDS.map((kind) => ({ value: kind, label: t(`personnel.kind.${kind}`) })),
              ]}
            />
          </Form.Item>
        </Col>
        {expanded && (
          <>
            {select('rank', t('personnel.fields.rank'), rank.options, rank.loading)}
            {select('officerLevel', t('personnel.filters.officerLevel'), level.options, level.loading)}
            {select('education', t('personnel.fields.education'), education.options, education.loading)}
            {select('politicalStatus', t('personnel.fields.politicalStatus'), political.options, political.loading)}
            {select(
              'status',
              t('personnel.fields.status'),
              PERSON_STATUSES.map((status) => ({ value: status, label: t(`personnel.status.${status}`) })),
            )}
            {select('sex', t('personnel.fields.sex'), sexOptions, sex.loading)}
            {range(t('personnel.filters.ageRange'), 'ageMin', 'ageMax', 120)}
            {range(t('personnel.filters.serviceYears'), 'serviceYearsMin', 'serviceYearsMax', 80)}
            <Col {...COL}>
              <Form.Item label={t('personnel.filters.asOf')} name="asOf" tooltip={t('personnel.filters.asOfHelp')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col flex="auto">
          <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button onClick={() => onSearch({ includeSub: true })}>{t('common.reset')}</Button>
            <Button
              type="link"
              onClick={() => setExpanded((open) => !open)}
              icon={expanded ? <UpOutlined /> : <DownOutlined />}
              iconPosition="end"
            >
              {expanded ? t('personnel.filters.collapse') : t('personnel.filters.expand')}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
