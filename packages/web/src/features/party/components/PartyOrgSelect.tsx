import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartyOrgs } from '../api';

/** Picks one party organisation in scope; picks the first branch by itself when none is chosen yet. */
export function PartyOrgSelect({
  value,
  onChange,
  autoPick = true,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  autoPick?: boolean;
}) {
  const { t } = useTranslation();
  const orgs = usePartyOrgs();
  const items = orgs.data?.items ?? [];
  useEffect(() => {
    if (autoPick && !value && items.length > 0) onChange((items.find((o) => o.kind === 'branch') ?? items[0])!.id);
  }, [autoPick, value, items, onChange]);
  return (
    <Select
      data-testid="party-org-select"
      style={{ minWidth: 220 }}
      value={value}
      onChange={onChange}
      loading={orgs.isPending}
      placeholder={t('party.meetings.partyOrg')}
      options={items.map((o) => ({ value: o.id, label: `${o.name}（${t(`party.orgKind.${o.kind}`)}）` }))}
    />
  );
}
