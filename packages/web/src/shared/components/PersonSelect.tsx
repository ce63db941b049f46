import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Paged } from '../api/types';

interface PersonOption {
  id: string;
  name: string;
  policeNumber: string | null;
  orgName: string;
}

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
}

/** One serving person from the personnel records the caller may see, searched by name, pinyin or number. */
export function PersonSelect({ id, value, onChange, placeholder }: Props) {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  useEffect(() => {
    if (!keyword) return undefined;
    let live = true;
    // A short pause so typing a name does not send one request per keystroke.
    const timer = window.setTimeout(
      () =>
        void api
          .get<Paged<PersonOption>>('/api/v1/personnel/people', { keyword, pageSize: 20, status: 'serving' })
          .then((page) => live && setOptions(page.items)),
      250,
    );
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
      data-testid="person-select"
      options={options.map((p) => ({ value: p.id, label: `${p.name}${p.policeNumber ? `（${p.policeNumber}）` : ''} · ${p.orgName}` }))}
    />
  );
}
