import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelectMulti } from './OrgTreeSelectMulti';
import { useDictItems } from '../../../shared/dicts/dict-api';

/** The target-group conditions (培训对象) inside a form, under the field name `target`. */
export function TargetFields() {
  const { t } = useTranslation();
  const ranks = useDictItems('police_rank');
  const levels = useDictItems('police_officer_level');
  return (
    <>
      <Form.Item name={['target', 'orgIds']} label={t('training.target.orgs')}>
        <OrgTreeSelectMulti />
      </Form.Item>
      <Form.Item name={['target', 'posts']} label={t('training.target.posts')}>
        <Select mode="tags" placeholder={t('training.target.postsPlaceholder')} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name={['target', 'levels']} label={t('training.target.levels')}>
        <Select
          mode="multiple"
          allowClear
          loading={levels.loading}
          options={levels.items.map((i) => ({ value: i.code, label: i.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name={['target', 'ranks']} label={t('training.target.ranks')}>
        <Select
          mode="multiple"
          allowClear
          loading={ranks.loading}
          options={ranks.items.map((i) => ({ value: i.code, label: i.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
    </>
  );
}
