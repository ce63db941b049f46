import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { toFen } from '../api';
import type { PayScale } from '../types';

type Grade = PayScale['grades'][number];

/** Editable pay scale: a row per grade, base pay and named allowances, amounts typed in yuan. */
export function PayScaleEditor({ value, onChange, disabled }: { value: PayScale; onChange: (next: PayScale) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const setGrade = (i: number, next: Grade) => onChange({ grades: value.grades.map((g, j) => (j === i ? next : g)) });
  return (
    <Table<Grade & { i: number }>
      data-testid="aux-pay-scale"
      rowKey="i"
      size="small"
      pagination={false}
      dataSource={value.grades.map((g, i) => ({ ...g, i }))}
      footer={
        disabled
          ? undefined
          : () => (
              <Button
                icon={<PlusOutlined />}
                size="small"
                onClick={() => onChange({ grades: [...value.grades, { code: '', basePayFen: 0, allowances: [] }] })}
              >
                {t('auxiliary.pay.addGrade')}
              </Button>
            )
      }
      columns={[
        {
          title: t('auxiliary.pay.code'),
          dataIndex: 'code',
          width: 120,
          render: (code: string, g) => (
            <Input size="small" disabled={disabled} value={code} onChange={(e) => setGrade(g.i, { ...g, code: e.target.value })} />
          ),
        },
        {
          title: t('auxiliary.pay.base'),
          dataIndex: 'basePayFen',
          width: 140,
          render: (fen: number, g) => (
            <InputNumber
              size="small"
              disabled={disabled}
              min={0}
              precision={2}
              value={fen / 100}
              onChange={(v) => setGrade(g.i, { ...g, basePayFen: toFen(v) })}
            />
          ),
        },
        {
          title: t('auxiliary.pay.allowances'),
          dataIndex: 'allowances',
          render: (list: Grade['allowances'], g) => (
            <Space wrap size={4}>
              {list.map((a, k) => (
                <Space.Compact key={k} size="small">
                  <Input
                    style={{ width: 90 }}
                    disabled={disabled}
                    value={a.name}
                    aria-label={t('auxiliary.pay.allowanceName')}
                    onChange={(e) =>
                      setGrade(g.i, { ...g, allowances: list.map((x, m) => (m === k ? { ...x, name: e.target.value } : x)) })
                    }
                  />
                  <InputNumber
                    style={{ width: 90 }}
                    disabled={disabled}
                    min={0}
                    precision={2}
                    value={a.amountFen / 100}
                    onChange={(v) => setGrade(g.i, { ...g, allowances: list.map((x, m) => (m === k ? { ...x, amountFen: toFen(v) } : x)) })}
                  />
                  {!disabled && (
                    <Button icon={<DeleteOutlined />} onClick={() => setGrade(g.i, { ...g, allowances: list.filter((_, m) => m !== k) })} />
                  )}
                </Space.Compact>
              ))}
              {!disabled && (
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => setGrade(g.i, { ...g, allowances: [...list, { name: '', amountFen: 0 }] })}
                >
                  {t('auxiliary.pay.addAllowance')}
                </Button>
              )}
            </Space>
          ),
        },
        {
          title: '',
          width: 40,
          render: (_: unknown, g) =>
            disabled ? null : (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange({ grades: value.grades.filter((_x, j) => j !== g.i) })}
              />
            ),
        },
      ]}
    />
  );
}
