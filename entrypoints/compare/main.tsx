import { render } from 'preact';
import { pageDatabase } from '../../src/extension/database.ts';
import { getSavedMany, getSettings } from '../../src/store/repository.ts';
import { idsFromSearch } from '../../src/compare/url.ts';
import { ComparePage, type ComparePageApi } from '../../src/ui/compare/ComparePage.tsx';
import '../../src/ui/popup/popup.css';
import '../../src/ui/overlay/annotations.css';
import '../../src/ui/compare/compare.css';

// Glue: the comparison in a tab of its own, for the ids in `?ids=a,b`.
// The database is opened here, as in the popup (src/extension/database.ts says why).
const db = pageDatabase();
const api: ComparePageApi = {
  load: async (ids) => {
    const database = await db();
    const [postings, settings] = await Promise.all([getSavedMany(database, ids), getSettings(database)]);
    return { postings, rates: settings.exchangeRates };
  },
};

const root = document.getElementById('app');
if (root) render(<ComparePage api={api} ids={idsFromSearch(location.search)} />, root);
