import { describe, expect, it } from 'vitest';
import { SEARCH_MATCHES, engineForHost, resultDestination } from '@/components/core/search/search-engines';

describe('resultDestination', () => {
  const bing = `https://www.bing.com/ck/a?!&&p=abc&u=a1${btoa('https://www.kaspersky.com/premium').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}&ntb=1`;
  it.each([
    ['https://www.kaspersky.com/premium', 'https://www.google.com/search?q=k', 'https://www.kaspersky.com/premium'],
    ['/url?q=https://www.kaspersky.com/premium&sa=U', 'https://www.google.com/search?q=k', 'https://www.kaspersky.com/premium'],
    [bing, 'https://www.bing.com/search?q=k', 'https://www.kaspersky.com/premium'],
    ['//duckduckgo.com/l/?uddg=https%3A%2F%2Fwww.kaspersky.com%2Fpremium&rut=x', 'https://duckduckgo.com/?q=k', 'https://www.kaspersky.com/premium'],
    ['https://www.bing.com/ck/a?u=zzz', 'https://www.bing.com/search?q=k', ''],
    ['http://[bad', 'https://www.google.com/search?q=k', ''],
  ])('%s', (href, base, expected) => expect(resultDestination(href, base)).toBe(expected));
});

describe('engineForHost', () => {
  it('knows the three engines and nothing else', () => {
    expect(engineForHost('www.google.com')?.id).toBe('google');
    expect(engineForHost('www.bing.com')?.id).toBe('bing');
    expect(engineForHost('duckduckgo.com')?.id).toBe('duckduckgo');
    expect(engineForHost('html.duckduckgo.com')?.id).toBe('duckduckgo');
    expect(engineForHost('www.google.com.evil.example')).toBeUndefined();
    expect(SEARCH_MATCHES).toHaveLength(4);
  });
});
