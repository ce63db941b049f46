import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { searchPeople, type PersonOption } from '../api';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
}

/** One serving person from the personnel records the caller may see, searched by name or number. */
export function PersonSelect({ id, value, onChange, placeholder }: Props) {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  useEffect(() => {
    if (!keyword) return undefined;
    let live = true;
    // A short pause so typing a name does not send one request per keystroke.
    const timer = window.setTimeout(() => void searchPeople(keyword).then((list) => live && setOptions(list)), 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [keyword]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setKeyword}
      placeholder={placeholder}
      options={options.map((p) => ({ value: p.id, label: `${p.name}${p.policeNumber ? `（${p.policeNumber}）` : ''} · ${p.orgName}` }))}
    />
  );
}
