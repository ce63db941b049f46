import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPeople, type PersonOption } from '../api';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  max?: number;
}

/** Picks serving people from the personnel records the caller may see, searched by name or number. */
export function PersonPicker({ id, value, onChange, max }: Props) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!keyword) return undefined;
    let live = true;
    setLoading(true);
    // A short pause so typing a name does not send one request per keystroke.
    const timer = window.setTimeout(() => {
      searchPeople(keyword)
        .then((list) => live && setOptions(list))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [keyword]);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(next: string[]) => onChange?.(max ? next.slice(0, max) : next)}
      showSearch
      filterOption={false}
      onSearch={setKeyword}
      loading={loading}
      placeholder={t('competitions.pickPeople')}
      options={options.map((p) => ({ value: p.id, label: `${p.name}${p.policeNumber ? `（${p.policeNumber}）` : ''} · ${p.orgName}` }))}
    />
  );
}
