import { Alert, Checkbox, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { permGroupLabel, permLabel } from '../../../shared/i18n/labels';
import { usePermissions, type Permission } from '../api';

interface PermissionPickerProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Groups in the order the server lists them. */
function groupPermissions(permissions: readonly Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) groups.set(permission.group, [...(groups.get(permission.group) ?? []), permission]);
  return [...groups.entries()];
}

/** Checkbox groups by `group` from GET /permissions, labelled through i18n `perm.<code>`. */
export function PermissionPicker({ id, value = [], onChange, disabled }: PermissionPickerProps) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const groups = useMemo(() => groupPermissions(permissions.data ?? []), [permissions.data]);
  const selected = new Set(value);

  // 三员分立: system, security and audit administrator powers may not sit in one role.
  const kinds = new Set((permissions.data ?? []).filter((p) => selected.has(p.code) && p.adminKind).map((p) => p.adminKind));

  if (permissions.isError) return <QueryErrorAlert error={permissions.error} onRetry={() => void permissions.refetch()} />;
  if (permissions.isPending) return <Skeleton active />;

  const setGroup = (codes: string[], checked: boolean) => {
    const next = new Set(value);
    for (const code of codes)
      if (checked) next.add(code);
      else next.delete(code);
    onChange?.([...next]);
  };
  const toggle = (code: string, checked: boolean) => setGroup([code], checked);

  return (
    <Flex vertical gap={8} id={id} role="group">
      {kinds.size > 1 && <Alert type="warning" showIcon message={t('roles.form.mixedAdminKinds')} />}
      {groups.map(([group, items]) => {
        const codes = items.map((item) => item.code);
        const count = codes.filter((code) => selected.has(code)).length;
        return (
          <fieldset key={group} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 12px', margin: 0 }}>
            <legend style={{ width: 'auto', fontSize: 14, margin: 0, padding: '0 4px', border: 0 }}>
              <Checkbox
                disabled={disabled}
                checked={count === codes.length}
                indeterminate={count > 0 && count < codes.length}
                onChange={(event) => setGroup(codes, event.target.checked)}
              >
                <Typography.Text strong>{permGroupLabel(t, group)}</Typography.Text>
              </Checkbox>
            </legend>
            <Flex wrap gap="4px 16px">
              {items.map((item) => (
                <Checkbox
                  key={item.code}
                  disabled={disabled}
                  checked={selected.has(item.code)}
                  onChange={(event) => toggle(item.code, event.target.checked)}
                >
                  {permLabel(t, item.code)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
                    {item.code}
                  </Typography.Text>
                  {item.adminKind && (
                    <Tag color="gold" style={{ marginInlineStart: 4 }}>
                      {t(`adminKind.${item.adminKind}`)}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </fieldset>
        );
      })}
    </Flex>
  );
}
