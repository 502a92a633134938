import { describe, expect, it } from 'vitest';
import { pdfMissing, pdfStartNotice, printFontNotice, printFontPaths } from './report-pdf.js';

const PATHS = { chromium: '/usr/bin/chromium', font: '/fonts/NotoSansCJK-Regular.ttc' };
const having =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('what PDF output lacks, and how to add it (the probe injected)', () => {
  it('says nothing when Chromium and the CJK font are there', () => {
    const all = having(PATHS.chromium, PATHS.font);
    expect(pdfMissing(all, PATHS)).toEqual([]);
    expect(pdfStartNotice(all, PATHS)).toEqual([]);
  });

  it('names each missing file with the apt-get that adds it', () => {
    expect(pdfMissing(having(), PATHS)).toEqual([
      'Chromium (/usr/bin/chromium): apt-get install -y chromium',
      'Noto CJK fonts (/fonts/NotoSansCJK-Regular.ttc): apt-get install -y fonts-noto-cjk',
    ]);
    expect(pdfMissing(having(PATHS.chromium), PATHS)).toEqual([
      'Noto CJK fonts (/fonts/NotoSansCJK-Regular.ttc): apt-get install -y fonts-noto-cjk',
    ]);
  });

  it('tells at start what is missing and one command adding exactly that', () => {
    const fontOnly = pdfStartNotice(having(PATHS.chromium), PATHS);
    expect(fontOnly).toHaveLength(2);
    expect(fontOnly[0]).toContain('Noto CJK fonts is missing (/fonts/NotoSansCJK-Regular.ttc)');
    expect(fontOnly[1]).toMatch(/^Add it with: sudo apt-get install -y fonts-noto-cjk \(/);
    const both = pdfStartNotice(having(), PATHS);
    expect(both.slice(0, 2).join('\n')).toMatch(/Chromium is missing[\s\S]*Noto CJK fonts is missing/);
    expect(both[2]).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
    expect(both[2]).toContain('HTML and Excel reports work meanwhile');
  });
});

describe('the print font notice', () => {
  const env = { HOME: '/home/staff', KOTEI_PDF_FONT_DIR: '/srv/fonts' };

  it('looks where install-pdf-font.sh puts the font, its own choice first', () => {
    expect(printFontPaths(env)).toEqual([
      '/srv/fonts/KoteiNotoSansCJKjp-Regular.ttf',
      '/usr/local/share/fonts/kotei/KoteiNotoSansCJKjp-Regular.ttf',
      '/home/staff/.local/share/fonts/kotei/KoteiNotoSansCJKjp-Regular.ttf',
    ]);
  });

  it('says nothing when any of those holds the font, and names the script when none does', () => {
    const paths = printFontPaths(env);
    expect(printFontNotice((path) => path === paths[2], paths)).toEqual([]);
    const notice = printFontNotice(() => false, paths).join('\n');
    expect(notice).toContain('bash scripts/install-pdf-font.sh');
    expect(notice).toContain('Type 3');
  });
});
