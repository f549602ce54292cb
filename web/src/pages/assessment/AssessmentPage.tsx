import { useUrlState } from '../../app/url-state';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoundsPanel } from './RoundsPanel';
import { SystemsPanel } from './SystemsPanel';

/** The page's place (tab, round, unit, system) lives in the address, so a dashboard bar links to it. */
export function useParam() {
  const { params, set } = useUrlState<'tab' | 'roundId' | 'unitId' | 'systemId'>();
  return { get: (k: 'tab' | 'roundId' | 'unitId' | 'systemId') => params.get(k), set };
}

/** 考核: the rounds with their ranking and per-unit sheets, and the indicator systems they use. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const p = useParam();
  const tab = p.get('tab') === 'systems' ? 'systems' : 'rounds';
  return (
    <div className="fazhi-page">
      <Card title={t('assessment.pageTitle')}>
        <Tabs
          activeKey={tab}
          onChange={(k) => p.set({ tab: k === 'rounds' ? '' : k })}
          destroyOnHidden
          items={[
            { key: 'rounds', label: t('assessment.rounds'), children: <RoundsPanel /> },
            { key: 'systems', label: t('assessment.systems'), children: <SystemsPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
