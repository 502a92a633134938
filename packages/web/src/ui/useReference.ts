import { useMemo } from 'react';
import type { PolicyField } from '../api/types';
import { api, send } from '../api/client';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';

/** Names for the codes plans carry, in the current language; null where the reference is not loaded. */
export interface ReferenceLookup {
  organisationName: (code: string) => string | null;
  policyFieldName: (code: string) => string | null;
}

/** Loads the reference lists once per page and answers names for ministry and policy-field codes. */
export function useReference(): ReferenceLookup {
  const { lang } = useI18n();
  const { resource } = useApi('/api/reference', (signal) => send(api.GET('/api/reference', { signal })));
  const data = resource.status === 'success' ? resource.data : null;

  return useMemo(() => {
    const organisations = new Map(data?.organisations.map((o) => [o.code, o]));
    const fields = new Map<string, PolicyField>();
    for (const field of data?.policyFields ?? []) {
      // Plans may carry a field's code or its Japanese name; look up both.
      fields.set(field.code, field);
      fields.set(field.nameJa, field);
    }
    return {
      organisationName: (code) => {
        const organisation = organisations.get(code);
        if (!organisation) return null;
        return lang === 'en' ? organisation.nameEn : organisation.nameJa;
      },
      policyFieldName: (code) => {
        const field = fields.get(code);
        if (!field) return null;
        return lang === 'en' ? field.nameEn : field.nameJa;
      },
    };
  }, [data, lang]);
}
