import { App, Alert, Button, Checkbox, Flex, Modal, Skeleton, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { hasKey } from '../../../shared/utils/has-key';
import { exportPeople, useExportColumns, type ExportColumnDef } from '../api';
import { personnelZhCN } from '../locales';
import type { PersonFilter } from '../types';

/** The server sends Chinese sheet headers; the picker shows the UI language where it knows the key. */
function columnLabel(t: TFunction, column: ExportColumnDef): string {
  if (hasKey(personnelZhCN.export.columnLabels, column.key)) return t(`personnel.export.columnLabels.${column.key}`);
  if (column.key === 'orgName') return t('personnel.fields.org');
  if (hasKey(personnelZhCN.fields, column.key)) return t(`personnel.fields.${column.key}`);
  return column.header;
}

interface ExportModalProps {
  filter: PersonFilter;
  sort: string | undefined;
  total: number;
  onClose: () => void;
}

/** Column chooser for the server-built xlsx of the whole filtered list. */
export function ExportModal({ filter, sort, total, onClose }: ExportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const canReveal = usePermission('personnel:reveal');
  const columns = useExportColumns(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const offered = (columns.data ?? []).filter((column) => canReveal || !column.reveal);

  useEffect(() => {
    if (columns.data) setChosen(columns.data.filter((column) => column.default).map((column) => column.key));
  }, [columns.data]);

  const onExport = async () => {
    setBusy(true);
    try {
      // Sheet order = catalogue order, whatever order the boxes were ticked in.
      await exportPeople(
        filter,
        sort,
        offered.filter((column) => chosen.includes(column.key)).map((column) => column.key),
      );
      message.success(t('personnel.export.done'));
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('personnel.export.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} disabled={chosen.length === 0} onClick={() => void onExport()}>
          {t('personnel.actions.export')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('personnel.export.hint', { total })}</Typography.Text>
        {columns.isError && <QueryErrorAlert error={columns.error} onRetry={() => void columns.refetch()} />}
        {columns.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <>
            <Checkbox
              indeterminate={chosen.length > 0 && chosen.length < offered.length}
              checked={offered.length > 0 && chosen.length === offered.length}
              onChange={(event) => setChosen(event.target.checked ? offered.map((column) => column.key) : [])}
            >
              {t('personnel.export.selectAll')}
            </Checkbox>
            <Checkbox.Group
              aria-label={t('personnel.export.columns')}
              value={chosen}
              onChange={(keys) => setChosen(keys)}
              style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', rowGap: 8 }}
              options={offered.map((column) => ({ value: column.key, label: columnLabel(t, column) }))}
            />
            {chosen.length === 0 && <Alert type="warning" showIcon message={t('personnel.export.atLeastOne')} />}
            {canReveal && <Typography.Text type="secondary">{t('personnel.export.revealColumns')}</Typography.Text>}
          </>
        )}
      </Flex>
    </Modal>
  );
}
