import { describe, expect, it } from 'vitest';
import { decideRegion, detectRegion, isUsTimeZone } from '@/components/core/region/detect-region';

describe('isUsTimeZone', () => {
  it.each([
    'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
    'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'Pacific/Guam', 'America/Indiana/Indianapolis', 'US/Eastern',
  ])('%s is a US zone', (zone) => expect(isUsTimeZone(zone)).toBe(true));

  it.each(['Europe/Berlin', 'America/Toronto', 'America/Mexico_City', 'Asia/Tokyo', 'UTC', 'Etc/GMT+5', '', undefined])(
    '%s is not a US zone',
    (zone) => expect(isUsTimeZone(zone)).toBe(false),
  );
});

describe('detectRegion', () => {
  it.each([
    // policy beats user beats time zone
    [{ policy: 'us', user: 'non-us', timeZone: 'Europe/Berlin' }, true, 'policy'],
    [{ policy: 'non-us', user: 'us', timeZone: 'America/Chicago' }, false, 'policy'],
    [{ policy: 'auto', user: 'us-person-abroad', timeZone: 'Europe/Berlin' }, true, 'user'],
    [{ policy: 'auto', user: 'non-us', timeZone: 'America/Chicago' }, false, 'user'],
    [{ user: 'us', timeZone: 'Asia/Tokyo' }, true, 'user'],
    [{ user: 'auto', timeZone: 'America/Chicago' }, true, 'time-zone'],
    [{ user: 'auto', timeZone: 'Europe/Madrid' }, false, 'time-zone'],
    [{ user: 'auto', timeZone: 'Asia/Tokyo' }, false, 'time-zone'],
  ] as const)('%o → covered %s by %s', (inputs, covered, source) => {
    const decision = detectRegion(inputs);
    expect(decision.covered).toBe(covered);
    expect(decision.source).toBe(source);
  });
});

describe('a time zone that says nothing about location', () => {
  it.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/Universal', 'Zulu', '', undefined])('%s → covered, basis unknown', (timeZone) => {
    expect(detectRegion({ user: 'auto', timeZone })).toEqual({ covered: true, source: 'time-zone', basis: 'unknown' });
  });
  it('the user and the admin can still say otherwise', () => {
    expect(detectRegion({ user: 'non-us', timeZone: 'UTC' }).covered).toBe(false);
    expect(detectRegion({ policy: 'non-us', timeZone: 'UTC' }).covered).toBe(false);
  });
  it('London is not UTC', () => expect(detectRegion({ timeZone: 'Europe/London' }).covered).toBe(false));
});

describe('decideRegion (zone already classified, as the page check gets it)', () => {
  it.each([
    [{ zone: 'us' }, true],
    [{ zone: 'non-us' }, false],
    [{ zone: 'unknown' }, true],
    [{ zone: 'us', user: 'non-us' }, false],
    [{ zone: 'non-us', policy: 'us' }, true],
  ] as const)('%o → covered %s', (inputs, covered) => expect(decideRegion(inputs).covered).toBe(covered));
});
