import { AutoComplete, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useDictLabel, useDictOptions, useDivisionTree, type PersonDictCode } from '../../../shared/dicts/dict-api';
import { parseIdNumber } from '../../../shared/utils/id-number';
import type { PersonFormValues } from '../person-form';
import { PERSON_KINDS, PERSON_STATUSES } from '../types';

const PHONE_PATTERN = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DEGREES = ['学士', '硕士', '博士', '双学士'];
/** 公务员法 Art. 18 领导职务层次, the ones a city bureau's people hold; other wording is accepted. */
const POST_LEVELS = ['厅局级正职', '厅局级副职', '县处级正职', '县处级副职', '乡科级正职', '乡科级副职'];
/** Same month compares equal: either date may be month-precision on the server. */
const beforeMonth = (a: dayjs.Dayjs, b: dayjs.Dayjs) => a.isBefore(b, 'month');
const SEX_DICT: readonly PersonDictCode[] = ['sex'];

interface PersonFormFieldsProps {
  mode: 'create' | 'edit';
  /** Edit: the masked phone shown as the placeholder of an empty "new phone" input. */
  phoneMasked?: string | null;
}

const futureDisabled = (date: dayjs.Dayjs) => date.isAfter(dayjs(), 'day');

/** Inputs of the person drawer (create and edit), in the order of the paper 登记表. */
export function PersonFormFields({ mode, phoneMasked }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PersonFormValues>();
  const kind = Form.useWatch('kind', form);
  const idNumber = Form.useWatch('idNumber', form);
  const label = useDictLabel(SEX_DICT);
  const divisions = useDivisionTree();
  const dicts = {
    ethnicity: useDictOptions('ethnicity'),
    political: useDictOptions('political_status'),
    education: useDictOptions('education'),
    rank: useDictOptions('police_rank'),
    officerLevel: useDictOptions('police_officer_level'),
    techLevel: useDictOptions('police_tech_level'),
  };
  const derived = mode === 'create' && idNumber ? parseIdNumber(idNumber) : undefined;
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const codeSelect = (name: keyof PersonFormValues, fieldLabel: string, options: ReturnType<typeof useDictOptions>) => (
    <Form.Item label={fieldLabel} name={name}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        options={options.options}
        loading={options.loading}
        placeholder={t('common.selectPlaceholder')}
      />
    </Form.Item>
  );
  const date = (name: keyof PersonFormValues, fieldLabel: string) => (
    <Form.Item label={fieldLabel} name={name}>
      <DatePicker style={{ width: '100%' }} disabledDate={futureDisabled} />
    </Form.Item>
  );
  const place = (name: 'nativePlace' | 'birthplace', fieldLabel: string) => (
    <Form.Item label={fieldLabel} name={name}>
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeData={divisions.tree}
        loading={divisions.loading}
        placeholder={t('common.selectPlaceholder')}
        popupMatchSelectWidth={false}
        listHeight={320}
      />
    </Form.Item>
  );
  const pair = (left: ReactNode, right: ReactNode) => (
    <>
      <Col span={12}>{left}</Col>
      <Col span={12}>{right}</Col>
    </>
  );

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Divider orientation="left" orientationMargin={0} plain style={{ marginTop: 0 }}>
          {t('personnel.form.sections.identity')}
        </Divider>
      </Col>
      {pair(
        <Form.Item label={t('personnel.fields.kind')} name="kind" rules={[required(t('personnel.fields.kind'))]}>
          <Radio.Group
            disabled={mode === 'edit'}
            optionType="button"
            options={PERSON_KINDS.map((value) => ({ value, label: t(`personnel.kind.${value}`) }))}
          />
        </Form.Item>,
        <Form.Item label={t('personnel.fields.name')} name="name" rules={[{ ...required(t('personnel.fields.name')), whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>,
      )}
      {pair(
        <Form.Item
          label={t('personnel.fields.idNumber')}
          name="idNumber"
          validateFirst
          extra={
            derived?.ok
              ? t('personnel.form.idDerived', { sex: label('sex', derived.info.sex), birthDate: derived.info.birthDate })
              : undefined
          }
          rules={
            mode === 'create'
              ? [
                  { ...required(t('personnel.fields.idNumber')), whitespace: true },
                  {
                    // GB 11643-1999: format, birth date, ISO 7064 check character — before the server sees it.
                    validator: (_rule, value: string | undefined) => {
                      if (!value) return Promise.resolve();
                      const parsed = parseIdNumber(value);
                      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t(`personnel.problems.id_${parsed.problem}`)));
                    },
                  },
                ]
              : []
          }
        >
          <Input maxLength={30} disabled={mode === 'edit'} autoComplete="off" />
        </Form.Item>,
        <Form.Item label={t('personnel.fields.formerNames')} name="formerNames">
          <Select
            mode="tags"
            maxCount={5}
            open={false}
            suffixIcon={null}
            placeholder={t('personnel.form.formerNamesPlaceholder')}
            tokenSeparators={[',', '，', '、']}
          />
        </Form.Item>,
      )}
      {pair(
        codeSelect('ethnicity', t('personnel.fields.ethnicity'), dicts.ethnicity),
        <Form.Item
          label={t('personnel.fields.phone')}
          name="phone"
          rules={[{ pattern: PHONE_PATTERN, message: t('personnel.problems.phone_format') }]}
          extra={mode === 'edit' && phoneMasked ? t('personnel.form.phoneKeep', { masked: phoneMasked }) : undefined}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>,
      )}
      {pair(place('nativePlace', t('personnel.fields.nativePlace')), place('birthplace', t('personnel.fields.birthplace')))}

      <Col span={24}>
        <Divider orientation="left" orientationMargin={0} plain>
          {t('personnel.form.sections.political')}
        </Divider>
      </Col>
      {pair(
        codeSelect('politicalStatus', t('personnel.fields.politicalStatus'), dicts.political),
        date('partyJoinDate', t('personnel.fields.partyJoinDate')),
      )}
      {pair(
        codeSelect('education', t('personnel.fields.education'), dicts.education),
        <Form.Item label={t('personnel.fields.degree')} name="degree">
          <AutoComplete allowClear maxLength={20} options={DEGREES.map((value) => ({ value }))} />
        </Form.Item>,
      )}

      <Col span={24}>
        <Divider orientation="left" orientationMargin={0} plain>
          {t('personnel.form.sections.work')}
        </Divider>
      </Col>
      {pair(
        <Form.Item
          label={t('personnel.fields.org')}
          name="orgId"
          rules={[{ required: true, message: t('common.selectRequired', { field: t('personnel.fields.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>,
        <Form.Item label={t('personnel.fields.post')} name="post">
          <Input maxLength={100} />
        </Form.Item>,
      )}
      {pair(date('workStartDate', t('personnel.fields.workStartDate')), date('policeStartDate', t('personnel.fields.policeStartDate')))}
      {pair(
        <Form.Item label={t('personnel.fields.policeNumber')} name="policeNumber">
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>,
        <Form.Item label={t('personnel.fields.status')} name="status">
          <Select
            options={PERSON_STATUSES.map((value) => ({ value, label: t(`personnel.status.${value}`) }))}
            placeholder={t('personnel.status.serving')}
          />
        </Form.Item>,
      )}
      {kind !== 'auxiliary' && (
        <>
          {pair(codeSelect('rank', t('personnel.fields.rank'), dicts.rank), date('rankDate', t('personnel.fields.rankDate')))}
          {pair(
            codeSelect('officerLevel', t('personnel.fields.officerLevel'), dicts.officerLevel),
            codeSelect('techLevel', t('personnel.fields.techLevel'), dicts.techLevel),
          )}
          {pair(
            <Form.Item
              label={t('personnel.fields.levelDate')}
              name="levelDate"
              dependencies={['workStartDate']}
              extra={t('personnel.form.levelDateHelp')}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: dayjs.Dayjs | null | undefined) => {
                    const work = getFieldValue('workStartDate') as dayjs.Dayjs | null | undefined;
                    if (value && value.isAfter(dayjs(), 'day')) return Promise.reject(new Error(t('personnel.problems.date_in_future')));
                    if (value && work && beforeMonth(value, work))
                      return Promise.reject(new Error(t('personnel.problems.level_date_before_work_start')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={futureDisabled} />
            </Form.Item>,
            <Form.Item
              label={t('personnel.fields.postLevel')}
              name="postLevel"
              extra={t('personnel.form.postLevelHelp')}
              rules={[
                { max: 16, message: t('personnel.problems.post_level_length') },
                { whitespace: true, message: t('personnel.problems.invalid') },
              ]}
            >
              <AutoComplete allowClear maxLength={16} options={POST_LEVELS.map((value) => ({ value }))} />
            </Form.Item>,
          )}
        </>
      )}
      {kind === 'auxiliary' &&
        pair(
          <Form.Item label={t('personnel.fields.auxCategory')} name="auxCategory">
            <Input maxLength={32} />
          </Form.Item>,
          <Form.Item label={t('personnel.fields.contractEnd')} name="contractEnd">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>,
        )}
      {mode === 'edit' && (
        <>
          <Col span={24}>
            <Divider orientation="left" orientationMargin={0} plain>
              {t('personnel.form.sections.change')}
            </Divider>
          </Col>
          <Col span={12}>
            <Form.Item label={t('personnel.fields.effectiveDate')} name="effectiveDate" extra={t('personnel.form.effectiveHelp')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
