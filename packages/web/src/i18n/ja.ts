// The source of message keys: every string the UI shows goes through here. en.ts must have the same keys.
// Placeholders are written {name} and filled by t(key, { name }).

/** Japanese messages (the default language). */
export const ja = {
  'app.name': '工程',
  'app.nameLatin': 'kotei',
  'app.tagline': '政策目標と工程表のフォローアップ',
  'app.skipLink': '本文へ移動',
  'app.nav.label': 'メインメニュー',
  'app.nav.plans': '計画一覧',
  'app.language.switch': 'English',
  'app.pageTitle': '{page} | 工程 kotei',
  'app.footer': '工程 kotei は政策目標・工程表・KPI のフォローアップを支援します。',

  'common.loading': '読み込み中…',
  'common.loadError': 'データを読み込めませんでした。',
  'common.errorCode': 'エラーコード: {code}',
  'common.retry': 'もう一度読み込む',
  'common.noValue': '—',
  'common.count': '{count}件',
  'common.sampleBadge': 'サンプルデータ',
  'common.sampleNotice': 'この計画は動作確認用のサンプルデータです。公式の記録ではありません。',

  'auth.signIn': 'ログイン',
  'auth.signOut': 'ログアウト',
  'auth.signedInAs': '{name} さん',
  'auth.userMenu': 'ログイン中のユーザー',
  'auth.form.title': 'ログイン',
  'auth.form.lead': 'ログインIDとパスワードを入力してください。',
  'auth.form.login': 'ログインID',
  'auth.form.password': 'パスワード',
  'auth.form.submit': 'ログインする',
  'auth.form.submitting': 'ログインしています…',
  'auth.form.alreadySignedIn': '{name} さんとしてログインしています。',
  'auth.error.missing': 'ログインIDとパスワードを入力してください。',
  'auth.error.invalidCredentials': 'ログインIDまたはパスワードが正しくありません。',
  'auth.error.generic': 'ログインできませんでした。時間をおいてもう一度お試しください。',
  'auth.error.signOut': 'ログアウトできませんでした。もう一度お試しください。',

  'plans.list.title': '政策目標と工程表',
  'plans.list.lead': '登録されている計画の一覧です。計画名を選ぶと、戦略目標・工程表・KPI を確認できます。',
  'plans.list.empty': '登録されている計画はまだありません。',
  'plans.owner': '所管',
  'plans.adopted': '策定',
  'plans.policyFields': '政策分野',
  'plans.counts.goals': '戦略目標',
  'plans.counts.sheets': '工程表',
  'plans.counts.measures': '施策',
  'plans.counts.kpis': 'KPI',
  'plans.latestRound': '最新のフォローアップ',
  'plans.asOf': '{date}時点',

  'plan.goals.title': '戦略目標と成果目標',
  'plan.goal.number': '({number})',
  'plan.outcomes.label': '成果目標（アウトカム）',
  'plan.outcomes.none': 'この戦略目標に数値の成果目標は設定されていません。',
  'plan.sheets.nav': '工程表の目次',
  'plan.sheet.number': '工程表{number}',
  'plan.sheet.empty': 'この工程表に施策はありません。',
  'plan.sheet.measureCount': '施策 {count}件',
  'plan.measure.ministries': '所管府省',
  'plan.measure.phases': '工程 {count}件',
  'plan.measure.repost': '再掲',
  'plan.measure.repostHint': 'ほかの工程表にも掲載されている施策です。',
  'plan.kpis.caption': 'アウトプット指標（KPI）',
  'plan.kpis.none': 'KPI は設定されていません。',
  'plan.kpis.name': '指標',
  'plan.kpis.baselineLabel': '基準時点',
  'plan.kpis.baselineValue': '基準値',
  'plan.kpis.targetLabel': '目標時点',
  'plan.kpis.targetValue': '目標値',
  'plan.kpis.unit': '単位',
  'plan.referenceDate': '基準日',
  'plan.notFound.title': '計画が見つかりません',
  'plan.notFound.body': '「{slug}」という計画は登録されていません。URL をご確認ください。',
  'plan.backToList': '計画一覧へ戻る',

  'notFound.title': 'ページが見つかりません',
  'notFound.body': 'お探しのページは移動したか、削除された可能性があります。',
};

/** A key of the message catalogue. */
export type MessageKey = keyof typeof ja;

/** A full catalogue: every language must give every key (a missing key fails typecheck). */
export type Messages = Record<MessageKey, string>;
