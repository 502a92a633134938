// The import path (import.service.ts) still imports the search entries from here; they are built beside the
// repositories now, and this re-export goes when the import work moves its own row building there.
export { buildSearchEntries, searchEntry } from '../repositories/search-entry.mapper.js';
