import { ArrowRightOutlined } from '@ant-design/icons';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Json({ value }: { value: unknown }) {
  return (
    <pre
      style={{
        margin: 0,
        padding: 8,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 4,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** `detail` is free-form JSON; when it has `before`/`after` (a change) they are shown side by side. */
export function AuditDetail({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  if (detail === null || detail === undefined || (isRecord(detail) && Object.keys(detail).length === 0)) {
    return <Typography.Text type="secondary">{t('audit.detail.none')}</Typography.Text>;
  }
  if (!isRecord(detail) || !('before' in detail || 'after' in detail)) return <Json value={detail} />;

  const { before, after, ...rest } = detail;
  return (
    <>
      <Row gutter={8} align="middle" wrap={false}>
        <Col flex="1 1 0" style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('audit.detail.before')}</Typography.Text>
          <Json value={before ?? null} />
        </Col>
        <Col flex="none">
          <ArrowRightOutlined aria-hidden />
        </Col>
        <Col flex="1 1 0" style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('audit.detail.after')}</Typography.Text>
          <Json value={after ?? null} />
        </Col>
      </Row>
      {Object.keys(rest).length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('audit.detail.other')}</Typography.Text>
          <Json value={rest} />
        </div>
      )}
    </>
  );
}
