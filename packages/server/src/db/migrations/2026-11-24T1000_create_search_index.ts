import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time. The entries table is portable; the index that makes substring search fast is not, so this
// one migration looks at the engine: SQLite gets an FTS5 trigram table kept in step by triggers, PostgreSQL a
// pg_trgm GIN index (with a C.UTF-8 or other UTF-8 locale, trigrams are made from Japanese text).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text')
    .addColumn('sheet_number', 'integer')
    .addColumn('ministries', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_entry_plan_idx').on('search_entry').column('plan_id').execute();

  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table search_fts using fts5(search_text, tokenize = 'trigram', content = 'search_entry', content_rowid = 'rowid')`.execute(
      db,
    );
    await sql`create trigger search_entry_fts_insert after insert on search_entry begin
      insert into search_fts (rowid, search_text) values (new.rowid, new.search_text);
    end`.execute(db);
    await sql`create trigger search_entry_fts_delete after delete on search_entry begin
      insert into search_fts (search_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    end`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_entry_trgm_idx on search_entry using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
