/**
 * Who is covered by the ban: people in the US and US persons anywhere (ban-facts §1).
 * Pure: the caller passes the time zone and the settings.
 * @module
 */

/** The user's own answer in settings. `auto` means: decide from the time zone. */
export type UserRegion = 'auto' | 'us' | 'us-person-abroad' | 'non-us';
/** The admin's answer in managed policy (names fixed by the testing contract). */
export type PolicyRegion = 'auto' | 'us' | 'non-us';

/** IANA zones of US states and territories, including legacy aliases browsers may still report. */
const US_TIME_ZONES = /* @__PURE__ */ new Set([
  'America/New_York', 'America/Detroit', 'America/Kentucky/Louisville', 'America/Kentucky/Monticello',
  'America/Indiana/Indianapolis', 'America/Indiana/Vincennes', 'America/Indiana/Winamac',
  'America/Indiana/Marengo', 'America/Indiana/Petersburg', 'America/Indiana/Vevay', 'America/Indiana/Tell_City',
  'America/Indiana/Knox', 'America/Chicago', 'America/Menominee', 'America/North_Dakota/Center',
  'America/North_Dakota/New_Salem', 'America/North_Dakota/Beulah', 'America/Denver', 'America/Boise',
  'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'America/Juneau', 'America/Sitka',
  'America/Metlakatla', 'America/Yakutat', 'America/Nome', 'America/Adak', 'Pacific/Honolulu',
  'America/Puerto_Rico', 'America/St_Thomas', 'America/Virgin', 'Pacific/Guam', 'Pacific/Saipan',
  'Pacific/Pago_Pago', 'Pacific/Samoa', 'Pacific/Midway', 'Pacific/Wake', 'Pacific/Johnston',
  'America/Fort_Wayne', 'America/Indianapolis', 'America/Knox_IN', 'America/Louisville', 'America/Shiprock',
  'Navajo', 'US/Alaska', 'US/Aleutian', 'US/Arizona', 'US/Central', 'US/East-Indiana', 'US/Eastern',
  'US/Hawaii', 'US/Indiana-Starke', 'US/Michigan', 'US/Mountain', 'US/Pacific', 'US/Samoa',
  'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT',
]);

/**
 * Zones that say nothing about where the user is: UTC is what servers, headless browsers and
 * anti-fingerprinting modes (Firefox resistFingerprinting, Tor Browser) report.
 */
const UNINFORMATIVE_TIME_ZONES = /^(?:Etc\/)?(?:UTC|UCT|GMT|GMT[+-]?0|Universal|Zulu|Greenwich)$/i;

/** Is this IANA time zone one of a US state or territory? */
export function isUsTimeZone(timeZone: string | undefined): boolean {
  return !!timeZone && US_TIME_ZONES.has(timeZone);
}

/** Where the answer came from, for the popup ("decided by time zone"). */
export type RegionSource = 'policy' | 'user' | 'time-zone';

export interface RegionDecision {
  covered: boolean;
  source: RegionSource;
  /**
   * What the decision rests on, for display: the zone, or the chosen setting. `unknown`: the time
   * zone says nothing (UTC), so kban errs toward showing notices and the popup says so.
   */
  basis: 'us' | 'us-person-abroad' | 'non-us' | 'unknown';
}

/** What a time zone says: a US zone, another zone, or nothing (UTC). */
export type ZoneRegion = 'us' | 'non-us' | 'unknown';

/** Classifies a time zone; `unknown` when it says nothing about location. */
export function zoneRegion(timeZone: string | undefined): ZoneRegion {
  if (!timeZone || UNINFORMATIVE_TIME_ZONES.test(timeZone)) return 'unknown';
  return isUsTimeZone(timeZone) ? 'us' : 'non-us';
}

/**
 * Decides whether the ban covers this user from an already classified time zone (the page check
 * gets it from the background, so web pages carry no zone list). Policy beats the user's setting
 * beats the time zone.
 */
export function decideRegion(inputs: { policy?: PolicyRegion; user?: UserRegion; zone: ZoneRegion }): RegionDecision {
  if (inputs.policy === 'us' || inputs.policy === 'non-us') {
    return { covered: inputs.policy === 'us', source: 'policy', basis: inputs.policy };
  }
  if (inputs.user && inputs.user !== 'auto') {
    return { covered: inputs.user !== 'non-us', source: 'user', basis: inputs.user };
  }
  // Unknown: a missed warning costs a US person more than an extra notice costs anyone else, who can say so in the options.
  return { covered: inputs.zone !== 'non-us', source: 'time-zone', basis: inputs.zone };
}

/**
 * Decides whether the ban covers this user. Policy beats the user's setting beats the time zone.
 *
 * @example detectRegion({ policy: 'auto', user: 'auto', timeZone: 'America/Chicago' }).covered // true
 */
export function detectRegion(inputs: { policy?: PolicyRegion; user?: UserRegion; timeZone?: string }): RegionDecision {
  return decideRegion({ policy: inputs.policy, user: inputs.user, zone: zoneRegion(inputs.timeZone) });
}
