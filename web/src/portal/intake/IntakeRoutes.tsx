import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { IntakeForm } from './IntakeForm';
import { StatusPage } from './StatusPage';
import { mediationFields, questionFields, reconsiderationFields } from './fields';
import { Navigate } from 'react-router';

/** /portal/intake/*: the citizen's forms and the status lookup. */
export function IntakeRoutes() {
  const { t, i18n } = useTranslation();
  return (
    <Routes>
      <Route
        path="reconsideration"
        element={
          <IntakeForm
            kind="reconsideration.application"
            title={t('intake.pages.reconsideration')}
            intro={t('intake.intro.reconsideration')}
            fields={reconsiderationFields}
            attachments
          />
        }
      />
      <Route
        path="mediation"
        element={
          <IntakeForm
            kind="mediation.request"
            title={t('intake.pages.mediation')}
            intro={t('intake.intro.mediation')}
            fields={mediationFields}
          />
        }
      />
      <Route
        path="question"
        element={
          <IntakeForm
            kind="mediation.question"
            title={t('intake.pages.question')}
            intro={t('intake.intro.question')}
            fields={questionFields}
            extra={{ language: i18n.language === 'bo' ? 'bo' : 'zh' }}
          />
        }
      />
      <Route path="status" element={<StatusPage />} />
      <Route path="*" element={<Navigate to="/portal" replace />} />
    </Routes>
  );
}
