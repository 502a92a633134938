// The RS system (行政事業レビューシステム) open-data importer: streams the published CSVs (or their zips) into
// typed records, keyed by (事業年度, 予算事業ID). Reads files, so it lives apart from the pure importers.
export { RS_FILE_NAMES, RS_FILE_TYPES, RS_HEADERS, type RsFileType } from './headers.js';
export { IndicatorPivot, RS_YEARS, numericValue } from './pivot.js';
export type * from './records.js';
export {
  fileTypeOfName,
  readRsFile,
  withRsSources,
  type RsFileResult,
  type RsReadOptions,
} from './read-rs-file.js';
export { RsImportError, openRsSources, type RsSource } from './source.js';
export { rsSampleFiles, sharedDir } from './shared-data.js';
