import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, ConfigProvider, Divider, Flex, Popover, Segmented, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Density = 'large' | 'middle' | 'small';
interface Saved {
  hidden: string[];
  size: Density;
}

const storageKey = (table: string) => `zg.table.${table}`;
const columnId = (column: { key?: React.Key; dataIndex?: unknown }, index: number) =>
  String(column.key ?? (typeof column.dataIndex === 'string' ? column.dataIndex : index));

function load(table: string, fallback: Density): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(table)) ?? 'null') as Partial<Saved> | null;
    return { hidden: Array.isArray(saved?.hidden) ? saved.hidden : [], size: saved?.size ?? fallback };
  } catch {
    return { hidden: [], size: fallback };
  }
}

/**
 * 列设置 and 密度 for a list, as back-office users expect of every table: which columns show and how
 * tight the rows are, remembered per table in this browser. Returns the columns to render, the
 * table size and the button for the list's toolbar.
 */
export function useTableSettings<T>(table: string, columns: TableColumnsType<T>, defaultSize: Density = 'small') {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [saved, setSaved] = useState<Saved>(() => load(table, defaultSize));
  const save = (next: Saved) => {
    setSaved(next);
    localStorage.setItem(storageKey(table), JSON.stringify(next));
  };
  const ids = columns.map(columnId);
  const visible = columns.filter((_, i) => !saved.hidden.includes(ids[i] as string));
  const button = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('common.tableSettings')}
      content={
        <Flex vertical gap={4} style={{ minWidth: 180 }} data-testid={`table-settings-${table}`}>
          <Typography.Text type="secondary">{t('common.density')}</Typography.Text>
          {/* antd's white thumb on a light-grey track is barely visible in a white popover: the chosen density is filled in the primary colour. */}
          <ConfigProvider
            theme={{ components: { Segmented: { itemSelectedBg: token.colorPrimary, itemSelectedColor: token.colorWhite } } }}
          >
            <Segmented<Density>
              size="small"
              value={saved.size}
              onChange={(size) => save({ ...saved, size })}
              options={[
                { value: 'large', label: t('common.densityLarge') },
                { value: 'middle', label: t('common.densityMiddle') },
                { value: 'small', label: t('common.densitySmall') },
              ]}
            />
          </ConfigProvider>
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text type="secondary">{t('common.columns')}</Typography.Text>
          {columns.map((column, i) => {
            const id = ids[i] as string;
            const shown = !saved.hidden.includes(id);
            return (
              <Checkbox
                key={id}
                checked={shown}
                // The last shown column stays: a table of no columns helps nobody.
                disabled={shown && visible.length === 1}
                onChange={(e) =>
                  save({ ...saved, hidden: e.target.checked ? saved.hidden.filter((h) => h !== id) : [...saved.hidden, id] })
                }
              >
                {typeof column.title === 'string' ? column.title : id}
              </Checkbox>
            );
          })}
          <Button
            size="small"
            type="link"
            style={{ alignSelf: 'flex-start', padding: 0 }}
            onClick={() => save({ hidden: [], size: defaultSize })}
          >
            {t('common.resetColumns')}
          </Button>
        </Flex>
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('common.tableSettings')} />
    </Popover>
  );
  return { columns: visible, size: saved.size, button };
}
