import type { DataCatalogue, Dataset } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { ResourceView } from '../../ui/status';

function DatasetSection({ dataset }: { dataset: Dataset }) {
  const { t, lang } = useI18n();
  const tables = dataset.files.filter((f) => f.format === 'csv');
  const jsonOf = (name: string) => dataset.files.find((f) => f.format === 'json' && f.name === name);
  const reports = dataset.files.filter((f) => f.name === 'report' || f.name === 'plan');
  const headingId = `dataset-${dataset.round.id}`;
  return (
    <section className="dataset" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span lang={CONTENT_LANG}>{dataset.plan.title}</span>{' '}
        <span lang={CONTENT_LANG}>{dataset.round.title}</span>
      </h2>
      <p>
        {t('openData.asOf', { date: formatDate(dataset.round.asOfDate, lang) })}・{dataset.plan.owner}
      </p>
      <p>
        {t('openData.license')}:{' '}
        <a href={dataset.license.path} lang={CONTENT_LANG}>
          {dataset.license.title}
        </a>
      </p>
      <ul className="dataset__files">
        {reports.map((file) => (
          <li key={file.url}>
            <a href={file.url} lang={CONTENT_LANG}>
              {file.title}
            </a>
          </li>
        ))}
        <li>
          <a href={dataset.datapackageUrl}>{t('openData.datapackage')}</a>
        </li>
      </ul>
      <table className="dataset__tables">
        <thead>
          <tr>
            <th scope="col">{t('openData.table')}</th>
            <th scope="col">{t('openData.files')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((file) => (
            <tr key={file.url}>
              <th scope="row" lang={CONTENT_LANG}>
                {file.title} <code>{file.name}</code>
              </th>
              <td>
                <a href={file.url}>{t('openData.csv')}</a>
                {file.bomUrl && (
                  <>
                    {' ・ '}
                    <a href={file.bomUrl}>{t('openData.csvBom')}</a>
                  </>
                )}
                {jsonOf(file.name) && (
                  <>
                    {' ・ '}
                    <a href={jsonOf(file.name)?.url}>{t('openData.json')}</a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `/open-data`: the data catalogue, every published round's datasets at their stable addresses. */
export default function OpenDataPage() {
  const { t } = useI18n();
  useDocumentTitle(t('openData.title'));
  const { resource, reload } = useApi<DataCatalogue>('/api/open-data', (signal) =>
    send(api.GET('/api/open-data', { signal })),
  );
  return (
    <div className="open-data">
      <h1>{t('openData.title')}</h1>
      <p>{t('openData.lead')}</p>
      <ResourceView resource={resource} reload={reload}>
        {(catalogue) =>
          catalogue.datasets.length === 0 ? (
            <p>{t('openData.none')}</p>
          ) : (
            catalogue.datasets.map((dataset) => <DatasetSection key={dataset.round.id} dataset={dataset} />)
          )
        }
      </ResourceView>
    </div>
  );
}
