/**
 * Set in a page's isolated world just before the content script is injected on request,
 * so the script reads whatever the page holds and says so when it finds no posting.
 */
export const ON_REQUEST_FLAG = '__joblensOnRequest';
