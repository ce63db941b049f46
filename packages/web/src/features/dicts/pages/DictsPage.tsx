import { Col, Row } from 'antd';
import { useState } from 'react';
import { DictItemsTable } from '../components/DictItemsTable';
import { DictList } from '../components/DictList';

/** Read-only browser of the national-standard code tables (GB 3304, GB/T 4762 …). */
export function DictsPage() {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="0 0 300px">
        <DictList selected={selected} onSelect={setSelected} />
      </Col>
      <Col flex="1 1 auto" style={{ minWidth: 0 }}>
        <DictItemsTable code={selected} />
      </Col>
    </Row>
  );
}
