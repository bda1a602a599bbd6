// The header control that switches the interface language.
import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../i18n/locales';
import { useLocale } from '../../i18n/LocaleProvider';
import { useT } from '../../i18n/useT';

/** A two-way switch between 中文 and English; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}
