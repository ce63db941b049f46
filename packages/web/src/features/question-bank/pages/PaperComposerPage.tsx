import { ArrowLeftOutlined, DeleteOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { checkRules, useBanks, useCreatePaper, usePaper, useTags, useUpdatePaper } from '../api';
import { PreviewDrawer } from '../components/PreviewDrawer';
import { QuestionPickerModal } from '../components/QuestionPickerModal';
import { RuleEditor } from '../components/RuleEditor';
import {
  defaultScore,
  fromPaper,
  newRuleRow,
  round2,
  toPaperInput,
  toRule,
  type ItemRow,
  type PaperSettings,
  type RuleRow,
} from '../paper-form';
import type { QuestionType, RuleCheck } from '../types';

const initialSettings: PaperSettings = {
  title: '',
  kind: 'rule',
  shuffleQuestions: true,
  shuffleOptions: true,
  partialCredit: 0.5,
  timeMinutes: 60,
  passScore: 60,
};

/** 组卷: settings, then either rule rows (with the available count per rule) or chosen questions; preview once saved. */
export function PaperComposerPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isNew = !id;
  const paper = usePaper(id);
  const banks = useBanks();
  const [form] = Form.useForm<PaperSettings>();
  const kind = Form.useWatch('kind', form) ?? 'rule';
  const [bankIds, setBankIds] = useState<string[]>([]);
  const [rules, setRules] = useState<RuleRow[]>(() => [newRuleRow('single'), newRuleRow('multiple'), newRuleRow('true_false')]);
  const [items, setItems] = useState<ItemRow[]>([]);
  const [checks, setChecks] = useState<(RuleCheck | undefined)[]>([]);
  const [checking, setChecking] = useState(false);
  const [picker, setPicker] = useState(false);
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const tags = useTags(bankIds);
  const create = useCreatePaper();
  const update = useUpdatePaper();

  useEffect(() => {
    if (isNew) {
      if (!loaded) {
        form.setFieldsValue(initialSettings);
        setLoaded(true);
      }
      return;
    }
    if (paper.data && !loaded) {
      const f = fromPaper(paper.data);
      form.setFieldsValue(f.settings);
      setBankIds(f.bankIds);
      setRules(f.rules.length > 0 ? f.rules : [newRuleRow()]);
      setItems(f.items);
      setLoaded(true);
    }
  }, [isNew, paper.data, loaded, form]);

  // The available count per rule follows the banks and rules as they are edited (debounced).
  const ruleKey = JSON.stringify([bankIds, rules.map(toRule)]);
  useEffect(() => {
    if (kind !== 'rule' || bankIds.length === 0 || rules.length === 0) {
      setChecks([]);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      checkRules(bankIds, rules.map(toRule))
        .then((r) => live && setChecks(r.checks))
        .catch(() => live && setChecks([]))
        .finally(() => live && setChecking(false));
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // ruleKey stands for bankIds and rules (compared by value, not identity).
  }, [ruleKey, kind]);

  const total = useMemo(
    () => (kind === 'rule' ? round2(rules.reduce((s, r) => s + r.count * r.score, 0)) : round2(items.reduce((s, i) => s + i.score, 0))),
    [kind, rules, items],
  );
  const count = kind === 'rule' ? rules.reduce((s, r) => s + r.count, 0) : items.length;

  const onSave = async () => {
    const settings = await form.validateFields();
    setError(null);
    if (settings.kind === 'rule' && bankIds.length === 0) return setError(new Error(t('questionBank.paper.banksRequired')));
    if (settings.kind === 'rule' && rules.length === 0) return setError(new Error(t('questionBank.paper.rulesRequired')));
    if (settings.kind === 'fixed' && items.length === 0) return setError(new Error(t('questionBank.paper.itemsRequired')));
    const body = toPaperInput(settings, bankIds, rules, items);
    try {
      if (isNew) {
        const saved = await create.mutateAsync({ ...body, orgId: settings.orgId ?? '' });
        message.success(t('questionBank.paper.saved'));
        navigate(`/question-bank/papers/${saved.id}`, { replace: true });
      } else {
        const saved = await update.mutateAsync({ id, body });
        setItems(fromPaper(saved).items);
        message.success(t('questionBank.paper.saved'));
      }
    } catch (failure) {
      setError(failure);
    }
  };

  if (!isNew && paper.isPending) return <Spin />;
  if (!isNew && paper.isError) return <Alert type="error" showIcon message={errorText(paper.error)} />;

  const itemColumns = [
    { key: 'no', title: '#', width: 44, render: (_v: unknown, _r: ItemRow, i: number) => i + 1 },
    {
      key: 'type',
      title: t('questionBank.filter.type'),
      dataIndex: 'type',
      width: 96,
      render: (v: QuestionType) => <Tag color="blue">{t(`questionBank.type.${v}`)}</Tag>,
    },
    {
      key: 'stem',
      title: t('questionBank.list.stem'),
      dataIndex: 'stem',
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 420 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      key: 'version',
      title: t('questionBank.list.version'),
      width: 150,
      render: (_v: unknown, r: ItemRow) =>
        r.currentVersionNo > r.versionNo ? (
          <Tooltip title={t('questionBank.paper.newerVersion', { no: r.currentVersionNo })}>
            <Button
              size="small"
              onClick={() =>
                setItems(
                  items.map((x) => (x.questionId === r.questionId ? { ...x, questionVersionId: '', versionNo: r.currentVersionNo } : x)),
                )
              }
            >
              {`v${r.versionNo} → v${r.currentVersionNo}`}
            </Button>
          </Tooltip>
        ) : (
          `v${r.versionNo}`
        ),
    },
    {
      key: 'score',
      title: t('questionBank.paper.itemScore'),
      width: 100,
      render: (_v: unknown, r: ItemRow, i: number) => (
        <InputNumber
          aria-label={`${i + 1} ${t('questionBank.paper.itemScore')}`}
          min={0.5}
          max={1000}
          step={0.5}
          value={r.score}
          onChange={(v) => setItems(items.map((x, j) => (j === i ? { ...x, score: v ?? 1 } : x)))}
          style={{ width: 80 }}
        />
      ),
    },
    {
      key: 'remove',
      width: 48,
      render: (_v: unknown, r: ItemRow) => (
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('questionBank.paper.removeItem')}
          onClick={() => setItems(items.filter((x) => x.questionId !== r.questionId))}
        />
      ),
    },
  ];

  return (
    <Card
      title={isNew ? t('questionBank.paper.createTitle') : t('questionBank.paper.editTitle')}
      extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/question-bank/papers')}>
            {t('questionBank.paper.back')}
          </Button>
          <Button icon={<EyeOutlined />} disabled={isNew} onClick={() => setPreview(true)} data-testid="paper-preview">
            {t('questionBank.paper.preview')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={create.isPending || update.isPending}
            onClick={() => void onSave()}
            data-testid="paper-save"
          >
            {t('questionBank.paper.save')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {error !== null && <Alert type="error" showIcon message={errorText(error)} data-testid="paper-error" />}
        <Form<PaperSettings> form={form} layout="vertical">
          <Typography.Title level={5}>{t('questionBank.paper.settings')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label={t('questionBank.paper.name')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required', { field: t('questionBank.paper.name') }) },
                  { max: 200 },
                ]}
              >
                <Input data-testid="paper-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="orgId"
                label={t('questionBank.paper.org')}
                rules={[{ required: isNew, message: t('common.selectRequired', { field: t('questionBank.paper.org') }) }]}
              >
                {isNew ? <OrgTreeSelect /> : <Input disabled value={paper.data?.orgName} />}
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="kind" label={t('questionBank.paper.kind')}>
            <Radio.Group data-testid="paper-kind">
              {(['rule', 'fixed'] as const).map((k) => (
                <Radio key={k} value={k} data-testid={`paper-kind-${k}`}>
                  {t(`questionBank.paper.kinds.${k}`)}
                  <Typography.Text type="secondary"> （{t(`questionBank.paper.kindHint.${k}`)}）</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Form.Item name="timeMinutes" label={t('questionBank.paper.timeMinutes')}>
                <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} data-testid="paper-time" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="passScore" label={t('questionBank.paper.passScore')}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="paper-pass" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="shuffleQuestions" label={t('questionBank.paper.shuffleQuestions')} valuePropName="checked">
                <Switch data-testid="paper-shuffle-questions" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="shuffleOptions" label={t('questionBank.paper.shuffleOptions')} valuePropName="checked">
                <Switch data-testid="paper-shuffle-options" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="partialCredit"
                label={t('questionBank.paper.partialCredit')}
                tooltip={t('questionBank.paper.partialCreditHint')}
              >
                <Select
                  data-testid="paper-partial-credit"
                  style={{ width: 160 }}
                  options={[0, 0.25, 0.5, 0.75].map((v) => ({
                    value: v,
                    label: v === 0 ? t('questionBank.paper.partialNone') : `${v * 100}%`,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>

        {kind === 'rule' ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('questionBank.paper.rules')}
            </Typography.Title>
            <Space wrap>
              <label htmlFor="paperBanks">{t('questionBank.paper.banks')}</label>
              <Select
                id="paperBanks"
                data-testid="paper-banks"
                mode="multiple"
                value={bankIds}
                onChange={setBankIds}
                style={{ minWidth: 360 }}
                placeholder={t('questionBank.paper.banksRequired')}
                optionFilterProp="label"
                options={(banks.data ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.name}（${t('questionBank.bank.count', { count: b.questionCount })}）`,
                }))}
              />
            </Space>
            <RuleEditor
              rules={rules}
              checks={checks}
              checking={checking}
              tags={tags.data}
              onChange={setRules}
              onAdd={() => setRules([...rules, newRuleRow()])}
            />
          </>
        ) : (
          <>
            <Flex justify="space-between" align="center">
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('questionBank.paper.items')}
              </Typography.Title>
              <Button icon={<PlusOutlined />} onClick={() => setPicker(true)} data-testid="paper-add-questions">
                {t('questionBank.paper.addQuestions')}
              </Button>
            </Flex>
            <Table<ItemRow>
              data-testid="paper-items"
              rowKey="questionId"
              size="small"
              pagination={false}
              dataSource={items}
              columns={itemColumns}
              scroll={{ x: 760 }}
            />
          </>
        )}
        <Flex gap={24} justify="flex-end" align="center">
          <Typography.Text>
            {t('questionBank.paper.questionCount')}：<span data-testid="paper-count">{count}</span>
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('questionBank.paper.total')}：<span data-testid="paper-total">{total}</span>
          </Typography.Text>
        </Flex>
      </Flex>
      <QuestionPickerModal
        open={picker}
        chosenIds={new Set(items.map((i) => i.questionId))}
        onClose={() => setPicker(false)}
        onPick={(qs) => {
          setItems([
            ...items,
            ...qs.map((q) => ({
              questionId: q.id,
              questionVersionId: q.currentVersionId,
              versionNo: q.versionNo,
              currentVersionNo: q.versionNo,
              type: q.type,
              stem: q.stem,
              score: defaultScore(q.type),
            })),
          ]);
          setPicker(false);
        }}
      />
      <PreviewDrawer paperId={id} open={preview} onClose={() => setPreview(false)} />
    </Card>
  );
}
