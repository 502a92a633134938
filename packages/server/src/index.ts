export { buildApp, type AppOptions } from './http/app.js';
export { openContext, type AppContext } from './context.js';
export { prepareFirstStart, FIRST_ADMIN_LOGIN } from './bootstrap.js';
export { runCli, buildProgram } from './cli/main.js';
export { DatabaseStartupError, openDatabase, migrateToLatest, parseDatabaseUrl } from './db/database.js';
export { PlanRepository } from './repositories/plan.repository.js';
