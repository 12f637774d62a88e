import { describe, expect, it } from 'vitest';
import { pluralCategory, pluralMessage } from '@/components/core/i18n/plural';
import { messages, translator } from '../../ui/i18n';

describe('pluralMessage', () => {
  it.each<['en' | 'es', number, string]>([
    ['en', 1, 'Proceed anyway for 1 minute'],
    ['en', 0, 'Proceed anyway for 0 minutes'],
    ['en', 60, 'Proceed anyway for 60 minutes'],
    ['es', 1, 'Continuar de todos modos durante 1 minuto'],
    ['es', 2, 'Continuar de todos modos durante 2 minutos'],
    ['es', 1440, 'Continuar de todos modos durante 1440 minutos'],
  ])('%s, %d', (locale, count, expected) => {
    expect(pluralMessage(translator(locale), locale, 'block_proceed', count)).toBe(expected);
  });

  it('falls back to the _other form when a locale has no message for the category (Spanish "many")', () => {
    expect(pluralCategory(1_000_000, 'es'), 'CLDR gives Spanish a "many" category for large round numbers').toBe('many');
    expect(pluralMessage(translator('es'), 'es', 'block_proceed', 1_000_000, ['1.000.000'])).toBe('Continuar de todos modos durante 1.000.000 minutos');
  });

  it('every plural message has an _other form in both locales, and the same forms in each', () => {
    for (const locale of ['en', 'es'] as const) {
      const keys = Object.keys(messages(locale));
      const bases = new Set(keys.filter(key => /_(?:zero|one|two|few|many)$/.test(key)).map(key => key.replace(/_[a-z]+$/, '')));
      for (const base of bases) expect(keys, `${locale}: ${base}_other is the fallback form`).toContain(`${base}_other`);
    }
  });
});
