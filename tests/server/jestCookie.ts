/**
 * light-my-request (behind app.inject) requires `cookie`, which is ESM-only since v2; Jest on
 * Node 20 cannot require ESM. It uses cookie only for the `cookies` inject option, which these
 * tests never pass, so a stand-in is enough. Import this before calling app.inject().
 */
jest.mock("cookie", () => ({
  stringifySetCookie: () => {
    throw new Error("cookies-optionen bruges ikke i disse tests");
  },
  parse: () => ({}),
  parseCookie: () => ({}),
}));

export {};
