import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api/client';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
}

/** A person in the caller's scope, found by name or pinyin (the personnel list, so scope applies). */
export function PersonIdInput({ value, onChange }: Props) {
  const [keyword, setKeyword] = useState('');
  const found = useQuery({
    queryKey: ['assessment', 'person-search', keyword],
    enabled: keyword.length > 0,
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string; orgName?: string }[] }>(
        '/api/v1/personnel/people',
        { keyword, page: 1, pageSize: 20 },
        signal,
      ),
  });
  return (
    <Select
      showSearch
      style={{ width: 160 }}
      value={value}
      filterOption={false}
      onSearch={setKeyword}
      onChange={(id: string) => onChange?.(id)}
      options={found.data?.items.map((p) => ({ value: p.id, label: p.orgName ? `${p.name}（${p.orgName}）` : p.name }))}
      data-testid="person-input"
    />
  );
}
