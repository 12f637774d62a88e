import { describe, expect, it } from 'vitest';
import { isKasperskyTraceUrl } from '@/components/core/trace/kaspersky-trace';

describe('isKasperskyTraceUrl', () => {
  it.each([
    // Current versions (seen in pages saved while Kaspersky's web protection was on).
    'https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=oO8KeTII6I8csMAXvfY_vEcf9',
    'http://gc.kis.v2.scr.kaspersky-labs.com/E462864B-38E8-014E-9639-3082B49E1594/main.js',
    'https://me.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=Xv3at6KBZDk',
    'https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/abn/main.css?attr=aHR0cHM6Ly9',
    'https://gc.kis.v2.scr.kaspersky-labs.com/ECD620F5704E-94AA-744A-EC09-E024C6C2/abn/main.css',
    // Older versions, without v2.
    'http://gc.kis.scr.kaspersky-labs.com/1B74BD89-2A22-4B93-B451-1C9E1052A0EC/main.js',
    '//gc.kis.scr.kaspersky-labs.com/2C6AE740-5FF3-534C-A5B4-D997C2F75EFB/main.js',
  ])('trace: %s', (url) => expect(isKasperskyTraceUrl(url)).toBe(true));

  it.each([
    'https://www.kaspersky-labs.com/',
    'https://products.s.kaspersky-labs.com/homeuser/premium2021/21.3.10.391/english-0.2048.0/3138303938377c44454c7c4e554c4c/startup.exe',
    'https://devbuilds.kaspersky-labs.com/devbuilds/KVRT/latest/full/KVRT.exe',
    'https://gc.kis.v2.scr.kaspersky-labs.com/',
    'https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/other.js',
    'https://gc.kis.v2.scr.kaspersky-labs.com.evil.example/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js',
    'https://evil.example/gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js',
    'https://cdn.example.com/main.js',
    '',
  ])('not a trace: %s', (url) => expect(isKasperskyTraceUrl(url)).toBe(false));
});
