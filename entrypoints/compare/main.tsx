import { render } from 'preact';
import { sendMessage } from '../../src/messaging/client.ts';
import { idsFromSearch } from '../../src/compare/url.ts';
import { ComparePage, type ComparePageApi } from '../../src/ui/compare/ComparePage.tsx';
import '../../src/ui/popup/popup.css';
import '../../src/ui/overlay/annotations.css';
import '../../src/ui/compare/compare.css';

// Glue: the comparison in a tab of its own, for the ids in `?ids=a,b`.
const api: ComparePageApi = {
  load: async (ids) => {
    const [found, { settings }] = await Promise.all([
      Promise.all(ids.map(async (id) => (await sendMessage('posting.status', { id })).saved)),
      sendMessage('settings.get', {}),
    ]);
    return { postings: found.filter((p) => p !== null), rates: settings.exchangeRates };
  },
};

const root = document.getElementById('app');
if (root) render(<ComparePage api={api} ids={idsFromSearch(location.search)} />, root);
