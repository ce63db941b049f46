import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../hooks/useErrorMessage';

interface ExportButtonProps {
  /** Downloads the list as filtered on screen (e.g. through `downloadFile`). */
  onExport: () => Promise<void>;
}

/**
 * 导出 Excel beside a list: busy while the file is made, and a refusal (too many rows, no
 * permission) shown as the server's localised message.
 */
export function ExportButton({ onExport }: ExportButtonProps) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        onExport()
          .catch(showError)
          .finally(() => setBusy(false));
      }}
    >
      {t('common.exportExcel')}
    </Button>
  );
}
