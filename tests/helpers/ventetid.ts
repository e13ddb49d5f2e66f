/**
 * How long tests wait for what takes real time. Every wait ends on an event (a page's state, a
 * server's answer, a program's exit); these limits only say when to give up. They are generous
 * because CI may run on a 2-core machine that something else keeps busy: with tight timers, 41 of
 * 941 tests failed under load (issue 27), none of them for a wrong answer.
 */

/** A state in a page in Chromium (Playwright's waits and actions). */
export const SIDE_VENTETID_MS = 60_000;

/** A real program to start and answer, or to finish a conversion: the service, PostgreSQL, LibreOffice. */
export const PROGRAM_VENTETID_MS = 180_000;
