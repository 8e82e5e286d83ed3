/**
 * Set in a page's isolated world just before the content script is injected on request,
 * so the script reads whatever the page holds and says so when it finds no posting.
 */
export const ON_REQUEST_FLAG = '__joblensOnRequest';

/**
 * Where a running page reader registers itself in the page's isolated world, so that a second
 * injection (on request, or asked for again after a navigation) hands over to it.
 */
export const READER_INSTANCE_KEY = '__joblensInstance';
