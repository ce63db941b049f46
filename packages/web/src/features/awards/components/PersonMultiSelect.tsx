import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { searchPeople, type PersonOption } from '../api';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  single?: boolean;
  /** Told of every person the search has shown, so a refusal naming ids can be put in names. */
  onKnown?: (people: readonly PersonOption[]) => void;
  /** People already chosen elsewhere (e.g. a ranking row), so their names show before any search. */
  preset?: readonly PersonOption[];
}

/** People from the records the caller may see, searched by name; several for a batch award. */
export function PersonMultiSelect({ id, value, onChange, single, onKnown, preset }: Props) {
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<PersonOption[]>([]);
  const [known, setKnown] = useState<Map<string, PersonOption>>(() => new Map((preset ?? []).map((p) => [p.id, p] as const)));
  useEffect(() => {
    if (!keyword) return undefined;
    let live = true;
    const timer = window.setTimeout(
      () =>
        void searchPeople(keyword).then((list) => {
          if (!live) return;
          setOptions(list);
          onKnown?.(list);
          setKnown((m) => new Map([...m, ...list.map((p) => [p.id, p] as const)]));
        }),
      250,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [keyword, onKnown]);
  const shown = [
    ...new Map([
      ...(value ?? []).flatMap((v) => (known.get(v) ? [[v, known.get(v)!] as const] : [])),
      ...options.map((o) => [o.id, o] as const),
    ]).values(),
  ];
  return (
    <Select
      id={id}
      mode={single ? undefined : 'multiple'}
      value={single ? value?.[0] : value}
      onChange={(v: string | string[]) => onChange?.(Array.isArray(v) ? v : v ? [v] : [])}
      showSearch
      filterOption={false}
      onSearch={setKeyword}
      options={shown.map((p) => ({ value: p.id, label: p.orgName ? `${p.name} · ${p.orgName}` : p.name }))}
    />
  );
}
