/** Remembers the invitation in the end user's browser, so the result page can offer "connect another bank". */
export const CONNECT_COOKIE = "patrimonio-invitation";
export const CONNECT_COOKIE_MAX_AGE = 2 * 60 * 60;
