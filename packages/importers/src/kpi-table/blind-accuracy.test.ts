import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentScore } from './corpus.js';
import { BLIND_CORPUS_ROOT, corpusDocuments, importCorpusDocument, scoreDocument } from './corpus.js';

// The blind test of #14: real tables the importer had never seen, keyed before it was run on them. Each floor
// sits under the score measured after the fixes (see the corpus README), so a regression fails. The 新障害者プラン
// table (cells split at arbitrary spaces) and the 高齢社会対策大綱 2018 table (a header cell over two columns, rows
// padded where cells are spanned) are read since the general header rules of `header-rules.test.ts`. Of the third
// round, the 美馬市 and 鯖江市 PDF extracts (tables printed side by side and read column by column; names apart
// from their figures) cannot be read without guessing which figure is whose: their floor is 0 and the README says
// why; the 健康増進計画 table is read but for two rows whose cells the extractor printed out of place (86.5%).
// The fourth round's three tables (大崎町, 下田市, 加古川市) are PDF text with every line break lost, the whole
// table on one line: read since `flat-lines.ts` (a header run inside the line, rows cut by name and figures),
// 加古川市 100% and 下田市 50% (the rows that fit; the rest are issues); 大崎町 (a name written twice, text
// cells interleaved, value columns headed 「KPI」) is not read: its floor stays 0 (see the corpus README).
// Rounds five to seven (the corpus README has each table's form, its blind score and what its general rules read
// since): 住生活基本計画 (a list, each name on its line and 「基準⇒目標」 on the next), 健やか親子21 (a Markdown header
// broken after every cell, a name under a header over three columns), 清水町 (one line: spaced header letters, rows
// numbered 「(1)」, the target year in the prose), 香川県 and 府中市 (cells that only spaces part, a row a line) and
// 宮城県 are read in part; 倉吉市, バリアフリー, 子供の貧困, 仕事と生活の調和 and three of the seventh round's tables are not
// (no header the reader can find, or figures printed apart from their names): their floor is 0.
// Rounds seven and eight's rules (the corpus README): 千葉県 (a one-line header opening with 主な取組 over a cell a
// line), 栃木県 (a header wrapped onto lines of its own, a merged cell before the names) and 改革工程表 (「〇名称【…年度
// までに目標】」) are read; 医療費適正化計画 (indicators as column pairs over prefectures) and 愛知県 (現状 over two cells)
// only by chance figures, as バリアフリー: floors under those.
// The ninth round (the corpus README): 群馬県's 男女共同参画 (a two-row header one cell a line, upper row first) is read
// since its rules, 呉市's 安芸灘 plan in part (計画/決算 words, cells out of their rows); the hospital 経営指標 (a two-row
// header flattened onto one line) is not.
// The tenth round: 大阪府's 高齢者計画 text version (columns named in a sentence, cells parted by 「、」) is read since
// its rules; 熊野市's 総合計画 line (figures printed inside the header and after later rows) is not.
// The eleventh round: the 少子化社会対策大綱 follow-up list (「名称 目標値 目標→最新値(時点)」) is read since its rules.
// The twelfth round (h-blind12a, a national ministry's table, measured only): 健康日本21(第二次) 別表第五 栄養・食生活
// (厚生労働省) is read row by row, but named groups in one cell (「食品企業登録数 14社 飲食店登録数 17,284店舗」) give one
// KPI valued by the first group, and 「ア」/「イ」 stay in the names (the corpus README): floor under 65.2%.
// The twelfth round (h-blind12b, a city's table, measured only): 東海市's 第1次健康増進計画 evaluation (e-book page text,
// every cell run into the next with no space, direction arrows ↑ ↓ → as cells) is not read (no header found): floor 0.
// The thirteenth round (h-blind13a, a national ministry's table, measured only): ゴールドプラン21's 介護サービス基盤 targets
// (厚生省, one cell a line) end after their first row (a figure in parentheses on the next line, 「29,7万人分」), the plan's
// 平成16年度 column read as actuals (the corpus README): floor under 4.5%.
// The thirteenth round (h-blind13d, an 一部事務組合's hospital, measured only): 国保日高総合病院's 改革プラン 実績調書 (PDF
// text, one cell a line; the plan column headed 「平成20年度策定 改革プラン」, a unit line for the whole table) is read
// with its columns one to the right (figures as names): floor 0.
// The thirteenth round (h-blind13c, a city's table, measured only): 川崎市's 立地適正化計画 目標値 (e-book page text on one
// line, the table printed column by column: ten names, then ten 現状値, then ten 目標値) is not read: floor 0.
// The fourteenth round (h-blind14a, a national ministry's table, measured only): こども大綱(案)'s 指標 list (内閣官房 /
// こども家庭庁, PDF text one cell a line: the first row's name printed between the header cells 「項目」 and 「現状」,
// years on lines of their own, sub-items interleaved with wrapped names) is read since h-fix14a's rules (the name
// out of the header, a 項目 / 現状 / 出典 table read by the kinds of its lines, `blind14-rules.test.ts`): 100%.
// The fourteenth round (h-blind14b, a local government's table, measured only): 浦安市's 市民参加推進計画 数値指標一覧
// (PDF text on one line: the header spaced letter by letter around the first name, six rows' figures printed before
// their names, 「60 万件/年」 a figure parted from its 万-unit) is read since h-fix14b's rules (`blind14-rules.test.ts`)
// but for the three rows whose 目標値 are printed after the footnote (72.7%).
// The fourteenth round (h-blind14c, a health plan's table, measured only): 奈良県's 医療費適正化計画 (第2期) 進捗状況 (PDF
// text on one line, a header of bare year cells 「平成22年度 … 平成29年度」 whose last holds the targets) is read in part
// since h-fix14b's rules (`blind14-rules.test.ts`: bare year columns, the bounded last year as the target, comment
// cells ending a row): its first three rows (21.4%); the rest print their figures apart from their names.
// The fifteenth round (h-blind15a, any office's table, measured only): two national university hospitals' indicator
// tables (actuals by year, no targets): 千葉大学病院's 病院機能指標 (cells parted by spaces, a 測定期間 「年間」 column
// joined to every name) 87.5%; 名古屋大学病院's 臨床指標 (pipe text; units 「(床)」 「(件数)」 「(%,薬価ベース)」 left in the
// names, and rows whose empty last cell is written 「| |」 after a `---|` rule lost as 'kpi-name-missing') 57.3%,
// read whole since `blind15-rules.test.ts` (an empty 備考 cell at a row's end stays in place; 床, 件数 and 「(%,…)」 are
// units).
const FLOORS: Readonly<Record<string, number>> = {
  'aichi-pref-kosodate-plan-2005-shihyo': 0.05,
  'anon-hospital-keiei-shihyo-shinchoku-h25': 0,
  'aoba-kenko-sedai-hyoka': 0.85,
  'cao-kaikaku-koteihyo-2021-yobo-kpi': 0.8,
  'cao-kodomo-hinkon-taikou-shihyo-2014': 0,
  'cao-kourei-taikou-2012': 0.9,
  'cao-kourei-taikou-2018': 0.95,
  'cao-shoushika-taikou-3rd-suuchi-mokuhyo-shinchoku': 0.7,
  'cao-wlb-koudou-shishin-suuchi-mokuhyou-2015': 0,
  'cas-kodomo-taikou-an-2023-shihyo': 1,
  'chiba-pref-genki-plan-h25-shoku-midori': 0.95,
  'chiba-univ-hospital-byoin-kino-shihyo': 0.85,
  'fuchu-city-jisedai-hyoka-shihyo': 0.25,
  'gobo-byoin-kumiai-hidaka-kaikaku-plan-h23': 0.55,
  'gunma-pref-danjo-plan4-seika-mokuhyo': 0.95,
  'jehdra-factbook-2023-outcome-shihyo': 0,
  'kagawa-kenko-plan-eiyo-shihyo': 0.3,
  'kakogawa-city-shokuiku-hyoka-shihyo': 0.9,
  'kawasaki-city-ricchi-tekiseika-mokuhyo': 0,
  'kenko-nippon21-chukan-hyoka': 0.9,
  'kumano-city-sogo-keikaku-suuchi-mokuhyo': 0,
  'kure-city-akinada-byoin-plan-tassei-h25': 0.05,
  'kurayoshi-city-seika-shihyo': 0,
  'meiwa-town-kankyo-shihyo': 0.9,
  'mhlw-iryohi-tekiseika-3ki-shinchoku': 0.95,
  'mhlw-kenko-nippon21-2nd-beppyo5-eiyo': 0.75,
  'mhlw-shin-angel-plan-2002': 0.9,
  'mhlw-shin-shogaisha-plan-2004': 0.9,
  'mhlw-sukoyaka-oyako21-2nd-kiban-b': 0.65,
  'mhw-goldplan21-kaigo-kiban': 0.04,
  'mima-city-seika-shihyo': 0,
  'miyagi-kenko-plan2-juten-mokuhyo': 0.7,
  'mlit-barrierfree-mokuhyo-h17': 0,
  'mlit-hirokoku-outcome-shihyo-h16': 0,
  'mlit-jyuseikatsu-kihon-keikaku-2006': 0.98,
  'nagoya-univ-hospital-rinsho-shihyo': 1,
  'nara-pref-iryohi-tekiseika-2ki-shinchoku': 0.2,
  'osaka-pref-koreisha-keikaku-2006-kensho': 0.95,
  'osaki-town-sousei-kpi-h27': 0,
  'ryochiku-city-nogyo-shisaku-shinchokudo': 0,
  'sabae-city-ricchi-tekiseika-mokuhyo': 0,
  'sapporo-city-seika-shihyo-h20': 0.9,
  'shimizu-town-shika-hoken-mokuhyo': 0.6,
  'shimoda-city-shokuiku-shihyo': 0.45,
  'tochigi-pref-kankyo-hakusho-h18-shihyo': 0.9,
  'tokai-city-kenko-zoshin-1st-hyoka': 0,
  'urakawa-town-sousei-kpi': 0.9,
  'urayasu-city-shimin-sanka-suuchi-shihyo': 0.7,
};

describe('KPI table blind corpus accuracy', () => {
  const scores: DocumentScore[] = [];

  beforeAll(async () => {
    for (const document of corpusDocuments(BLIND_CORPUS_ROOT)) {
      const result = await importCorpusDocument(document);
      scores.push(scoreDocument(document, result.kpis));
    }
    if (process.env.KPI_CORPUS_REPORT === '1') {
      const right = scores.reduce((sum, s) => sum + s.right, 0);
      const keyed = scores.reduce((sum, s) => sum + s.keyed, 0);
      const lines = scores.map(
        (s) => `${s.name}: ${s.right}/${s.keyed} (${((100 * s.right) / s.keyed).toFixed(1)}%)`,
      );
      lines.push(`blind overall: ${right}/${keyed} (${((100 * right) / keyed).toFixed(1)}%)`);
      console.log(lines.join('\n'));
      for (const s of scores)
        if (s.misses.length > 0) console.log(`${s.name} misses:\n  ${s.misses.join('\n  ')}`);
    }
  });

  it('holds at least four documents of at least ten keyed KPIs each', () => {
    const documents = corpusDocuments(BLIND_CORPUS_ROOT);
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const document of documents) expect(document.kpis.length, document.name).toBeGreaterThanOrEqual(10);
  });

  it('keeps every blind document at or above the score measured after the fixes', () => {
    for (const s of scores) {
      const floor = FLOORS[s.name];
      expect(floor, `${s.name} has no floor`).toBeDefined();
      expect(s.right / s.keyed, `${s.name}: ${s.misses.join('; ')}`).toBeGreaterThanOrEqual(floor ?? 1);
    }
  });
});
