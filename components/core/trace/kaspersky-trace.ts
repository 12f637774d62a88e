/**
 * Traces that Kaspersky's web protection leaves in pages it filters. Its traffic scanner injects
 * a script (and, with anti-banner on, a stylesheet) served from its own local virtual host:
 *
 *   <script src="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=…">
 *   <link rel="stylesheet" href="https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-…/abn/main.css?attr=…">
 *
 * Older versions use `gc.kis.scr.kaspersky-labs.com` without `v2`; some builds use a `me.` prefix.
 * (Seen in many public pages saved with the script still in them.) Only a script or stylesheet
 * element counts: a link to kaspersky-labs.com, or an installer URL on its download hosts, is not a trace.
 * @module
 */

/** The scanner's virtual host: `<xx>.kis[.v2].scr.kaspersky-labs.com`. */
const TRACE_HOST = /^(?:[a-z]{2}\.)?kis(?:\.v\d+)?\.scr\.kaspersky-labs\.com$/i;
/** `/<GUID-like id>/main.js` or `/<id>/abn/main.css`. */
const TRACE_PATH = /^\/[0-9a-f]{8,12}(?:-[0-9a-f]{4,12}){3,4}\/(?:main\.js|abn\/main\.css)$/i;

/** Is this script or stylesheet URL the one Kaspersky's web protection injects? */
export function isKasperskyTraceUrl(url: string): boolean {
  const match = /^(?:https?:)?\/\/([^/?#:]+)(?::\d+)?(\/[^?#]*)/i.exec(url.trim());
  return !!match && TRACE_HOST.test(match[1]!) && TRACE_PATH.test(match[2]!);
}
