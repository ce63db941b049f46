import { Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBanks, useQuestions } from '../api';
import { difficultyKey } from '../question-form';
import { QUESTION_TYPES, type QuestionListItem, type QuestionType } from '../types';

interface Props {
  open: boolean;
  /** Questions already on the paper (shown as chosen and not chosen twice). */
  chosenIds: ReadonlySet<string>;
  onClose: () => void;
  onPick: (questions: QuestionListItem[]) => void;
}

/** Picks questions for a fixed paper from every visible bank, with bank, type and keyword filters. */
export function QuestionPickerModal({ open, chosenIds, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const banks = useBanks();
  const [bankId, setBankId] = useState<string | undefined>();
  const [type, setType] = useState<QuestionType | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, QuestionListItem>>(new Map());
  const list = useQuestions({ bankId, type, q, page, pageSize: 10, sort: 'type' });
  return (
    <Modal
      open={open}
      width={900}
      title={t('questionBank.paper.pickTitle')}
      onCancel={onClose}
      onOk={() => {
        onPick([...selected.values()]);
        setSelected(new Map());
      }}
      okText={t('questionBank.paper.picked', { count: selected.size })}
      okButtonProps={{ disabled: selected.size === 0 }}
      destroyOnClose
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('questionBank.bank.label')}
          placeholder={t('questionBank.bank.all')}
          value={bankId}
          onChange={(v: string | undefined) => {
            setBankId(v);
            setPage(1);
          }}
          style={{ width: 240 }}
          options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
        <Select
          allowClear
          aria-label={t('questionBank.filter.type')}
          placeholder={t('questionBank.filter.type')}
          value={type}
          onChange={(v: QuestionType | undefined) => {
            setType(v);
            setPage(1);
          }}
          style={{ width: 120 }}
          options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`questionBank.type.${v}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('questionBank.filter.keyword')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          style={{ width: 220 }}
        />
      </Space>
      <Table<QuestionListItem>
        data-testid="paper-picker-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        rowSelection={{
          preserveSelectedRowKeys: true,
          selectedRowKeys: [...chosenIds, ...selected.keys()],
          getCheckboxProps: (r) => ({ disabled: chosenIds.has(r.id) }),
          onChange: (_keys, rows) => {
            const next = new Map(selected);
            const onPage = new Set((list.data?.items ?? []).map((r) => r.id));
            for (const id of onPage) if (!chosenIds.has(id)) next.delete(id);
            for (const r of rows) if (r && !chosenIds.has(r.id)) next.set(r.id, r);
            setSelected(next);
          },
        }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            key: 'type',
            title: t('questionBank.filter.type'),
            dataIndex: 'type',
            width: 90,
            render: (v: QuestionType) => <Tag color="blue">{t(`questionBank.type.${v}`)}</Tag>,
          },
          {
            key: 'stem',
            title: t('questionBank.list.stem'),
            dataIndex: 'stem',
            render: (v: string) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 460 }}>
                {v}
              </Typography.Text>
            ),
          },
          { key: 'bank', title: t('questionBank.list.bank'), dataIndex: 'bankName', width: 140, ellipsis: true },
          {
            key: 'difficulty',
            title: t('questionBank.filter.difficulty'),
            dataIndex: 'difficulty',
            width: 70,
            render: (v: number) => t(difficultyKey(v)),
          },
        ]}
      />
    </Modal>
  );
}
