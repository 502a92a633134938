import { DomainError, type Clock, type User } from '@kotei/domain';
import { ColumnRoles, type SaveKpiTableMappingBody, type SavedKpiTableMapping } from '@kotei/contracts';
import type {
  KpiTableMappingRepository,
  KpiTableMappingRow,
} from '../repositories/kpi-table-mapping.repository.js';
import { newId } from '../ids.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

function toSaved(row: KpiTableMappingRow, user: User): SavedKpiTableMapping {
  const roles = ColumnRoles.safeParse(JSON.parse(row.column_roles));
  return {
    id: row.id,
    name: row.name,
    signature: row.signature,
    columnRoles: roles.success ? roles.data : [],
    office: row.office,
    isOwn: row.owner_id === user.id,
    updatedAt: row.updated_at,
  };
}

function storedDetail(row: KpiTableMappingRow): { signature: string; columnRoles: unknown } {
  return { signature: row.signature, columnRoles: JSON.parse(row.column_roles) as unknown };
}

/**
 * Column mappings of KPI tables saved under a name, to apply to next year's file from the same office (matched by
 * the table's header signature). Those who may import (`plan:import`) save, list and delete them; a mapping is
 * its owner's to replace or delete, and shown to colleagues of the owner's office. Every write is audited.
 */
export class KpiTableMappingService {
  constructor(
    private readonly repository: KpiTableMappingRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller's mappings and their office's; those for one header signature when it is given. */
  async list(actor: Actor, signature?: string): Promise<SavedKpiTableMapping[]> {
    const user = requirePermission(actor, 'plan:import');
    const rows = await this.repository.listVisible(user.id, user.ministry, signature);
    return rows.map((row) => toSaved(row, user));
  }

  /** Save the roles under a name: the caller's mapping of that name is replaced, else a new one is kept. */
  async save(
    actor: Actor,
    body: SaveKpiTableMappingBody,
  ): Promise<{ mapping: SavedKpiTableMapping; replaced: boolean }> {
    const user = requirePermission(actor, 'plan:import');
    const now = this.clock.now().toISOString();
    const roles = [...new Map(body.columnRoles.map((r) => [r.column, r])).values()].sort(
      (a, b) => a.column - b.column,
    );
    const row: KpiTableMappingRow = {
      id: newId(),
      owner_id: user.id,
      office: user.ministry,
      name: body.name,
      signature: body.signature,
      column_roles: JSON.stringify(roles),
      created_at: now,
      updated_at: now,
    };
    const { actorId, requestId } = auditedBy(actor);
    const saved = await this.repository.save(row, (before) => ({
      actorId,
      requestId,
      action: before === undefined ? 'kpi_table_mapping.create' : 'kpi_table_mapping.replace',
      entityType: 'kpi_table_mapping',
      entityId: before?.id ?? row.id,
      detail: {
        name: row.name,
        signature: row.signature,
        before: before === undefined ? null : storedDetail(before),
        after: { signature: row.signature, columnRoles: roles },
      },
    }));
    return { mapping: toSaved(saved.row, user), replaced: saved.replaced };
  }

  /** Delete one of the caller's own mappings; 404 when the caller has none of that id. */
  async delete(actor: Actor, id: string): Promise<void> {
    const user = requirePermission(actor, 'plan:import');
    const { actorId, requestId } = auditedBy(actor);
    const deleted = await this.repository.delete(user.id, id, this.clock.now().toISOString(), (before) => ({
      actorId,
      requestId,
      action: 'kpi_table_mapping.delete',
      entityType: 'kpi_table_mapping',
      entityId: id,
      detail: { name: before.name, before: storedDetail(before), after: null },
    }));
    if (!deleted) {
      throw new DomainError(
        'not_found',
        'kpi_table_mapping_not_found',
        'You have no saved mapping with this id',
      );
    }
  }
}
