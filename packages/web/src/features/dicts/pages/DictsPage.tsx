import { Col, Row } from 'antd';
import { useState } from 'react';
import { DictItemsTable } from '../components/DictItemsTable';
import { DictList } from '../components/DictList';

/** Read-only browser of the national-standard code tables (GB 3304, GB/T 4762 …); on a phone the items come below the list. */
export function DictsPage() {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={{ flex: '0 0 300px' }}>
        <DictList selected={selected} onSelect={setSelected} />
      </Col>
      <Col xs={24} md={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
        <DictItemsTable code={selected} />
      </Col>
    </Row>
  );
}
