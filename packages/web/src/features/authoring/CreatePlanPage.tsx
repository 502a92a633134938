import { useId, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, send } from '../../api/client';
import type { CreatePlanBody } from '../../api/types';
import { useApi } from '../../api/useApi';

import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { authoringPath } from '../../ui/paths';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { TextField, useFormState } from './fields';
import './authoring.css';

const KEYS = ['title', 'slug', 'owner', 'policyFields', 'horizon.from', 'horizon.to', 'horizon'] as const;
const year = (raw: string): number => (raw.trim() === '' ? 0 : Number(raw));

/** The policy fields a plan may belong to, as checkboxes from /api/reference. */
function PolicyFieldChoice({ chosen, toggle }: { chosen: string[]; toggle: (code: string) => void }) {
  const { t, lang } = useI18n();
  const { resource } = useApi('/api/reference', (signal) => send(api.GET('/api/reference', { signal })));
  const fields = resource.status === 'success' ? resource.data.policyFields : [];
  return (
    <fieldset className="authoring-ministries">
      <legend>{t('authoring.create.policyFields')}</legend>
      {fields.map((f) => (
        <label key={f.code}>
          <input
            type="checkbox"
            checked={chosen.includes(f.code)}
            onChange={() => {
              toggle(f.code);
            }}
          />{' '}
          {lang === 'en' ? f.nameEn : f.nameJa}
        </label>
      ))}
    </fieldset>
  );
}

/** `/new-plan`: a coordinator creates a plan from scratch, then builds it on the authoring page. */
export default function CreatePlanPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const headingId = useId();
  useDocumentTitle(t('authoring.create.title'));
  const form = useFormState({ title: '', slug: '', owner: '', fields: '', from: '', to: '' }, KEYS);
  const { values, set, refusal } = form;
  const chosen = values.fields === '' ? [] : values.fields.split(',');
  if (!canImport(user)) return <p>{t('authoring.forbidden')}</p>;
  const submit = async () => {
    const slug = values.slug.trim();
    const ok = await form.run(async () => {
      await send(
        api.POST('/api/plans', {
          body: {
            slug,
            title: values.title,
            owner: values.owner,
            policyFields: chosen as CreatePlanBody['policyFields'],
            horizon: { from: year(values.from), to: year(values.to) },
          },
        }),
      );
      await send(api.POST('/api/plans/{slug}/draft', { params: { path: { slug } } }));
    });
    if (ok) void navigate(authoringPath(slug));
  };
  const f = refusal.fields;
  const message = refusal.message ?? (Object.keys(f).length > 0 ? t('authoring.add.fix') : null);
  const text = (key: 'title' | 'slug' | 'owner', hint?: string) => (
    <TextField
      label={t(key === 'title' ? 'authoring.create.planTitle' : `authoring.create.${key}`)}
      error={f[key]}
      {...(hint ? { hint } : {})}
      value={values[key]}
      onChange={set(key)}
    />
  );
  const fy = (key: 'from' | 'to') => (
    <TextField
      label={t(`authoring.create.${key}`)}
      error={f[`horizon.${key}`] ?? (key === 'to' ? f.horizon : undefined)}
      inputMode="numeric"
      size={6}
      value={values[key]}
      onChange={set(key)}
    />
  );
  return (
    <article className="authoring">
      <h1 id={headingId}>{t('authoring.create.title')}</h1>
      <p>{t('authoring.create.lead')}</p>
      <div role="alert" className={message ? 'notice notice--error' : undefined}>
        {message}
      </div>
      <form
        className="form"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          void submit();
        }}
      >
        {text('title')}
        {text('slug', t('authoring.create.slugHint'))}
        {text('owner')}
        <PolicyFieldChoice
          chosen={chosen}
          toggle={(code) => {
            set('fields')(
              (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]).join(','),
            );
          }}
        />
        <fieldset className="authoring-horizon">
          <legend>{t('authoring.create.horizon')}</legend>
          {fy('from')}
          {fy('to')}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={form.isSending}>
          {t('authoring.create.submit')}
        </button>
      </form>
    </article>
  );
}
