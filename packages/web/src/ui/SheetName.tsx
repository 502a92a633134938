import { useI18n } from '../i18n/useI18n';
import { CONTENT_LANG, circledNumber } from '../lib/format';

/** "工程表① 国際水準の…" / "Roadmap ① 国際水準の…", with the Japanese title marked as such. */
export function SheetName({ sheet }: { sheet: { number: number; title: string } }) {
  const { t } = useI18n();
  return (
    <>
      {t('plan.sheet.number', { number: circledNumber(sheet.number) })}{' '}
      <span lang={CONTENT_LANG}>{sheet.title}</span>
    </>
  );
}
