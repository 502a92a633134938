import { DomainError, StaleWriteError, type ErrorDetail } from '@kotei/domain';
import { SavePartBody, type RoundPart } from '@kotei/contracts';
import { readPartWorkbook, writePartWorkbook, type PartWorkbookReading } from '@kotei/reports';
import type { RoundPartService } from './round-part.service.js';
import type { Actor } from './actor.js';

/** A part's workbook file: its bytes and a name to save it as. */
export interface PartWorkbookFile {
  body: Buffer;
  fileName: string;
}

// The cell a save's field path came from: the longest known prefix of the path (`actuals.0.period`).
function cellOf(reading: PartWorkbookReading, path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const cell = reading.cells[parts.slice(0, n).join('.')];
    if (cell !== undefined) return cell;
  }
  return path;
}

/**
 * 報告 by workbook: a ministry downloads its part of an open round as .xlsx (its measure only, its drafts, locked
 * cells for what it may not change), fills it offline and uploads it into its draft through the part's own save
 * path (version-conditional, the data-quality flags of `checkActual`, notes before submitting).
 */
export class PartWorkbookService {
  constructor(private readonly parts: RoundPartService) {}

  /** The part as a workbook, for those who may read the part. */
  async download(actor: Actor, slug: string, roundId: string, partId: string): Promise<PartWorkbookFile> {
    const part = await this.parts.get(actor, slug, roundId, partId);
    return {
      body: await writePartWorkbook(part),
      fileName: `${part.plan.slug}-${part.round.asOfDate}-${part.ministry}-${part.id.slice(0, 8)}.xlsx`,
    };
  }

  /**
   * Save an uploaded workbook into the part's draft. Another part's workbook is refused whole; a workbook of an
   * older version is a 409 with the part as it now stands; a changed locked cell, a cell outside the form or a
   * value its column does not take is a 400 naming every such cell; a submitted or approved part refuses it as
   * the web form's save does.
   */
  async upload(
    actor: Actor,
    slug: string,
    roundId: string,
    partId: string,
    bytes: Uint8Array,
  ): Promise<RoundPart> {
    const part = await this.parts.get(actor, slug, roundId, partId);
    const reading = await readPartWorkbook(bytes, part);
    const { identity } = reading;
    if (identity.partId !== '' && identity.partId !== part.id)
      throw new DomainError(
        'invalid_input',
        'workbook_wrong_part',
        `This workbook is ${identity.ministry}'s part ${identity.partId}, not this part (${part.ministry}); nothing was written`,
        [
          {
            path: '報告について!B6',
            message: `the workbook of part ${identity.partId} (${identity.ministry})`,
          },
        ],
      );
    if (!part.mayEdit)
      throw new DomainError(
        'conflict',
        'part_locked',
        `The part is ${part.state}: it takes no workbook until it is returned`,
      );
    if (identity.partId === part.id && identity.version !== part.version)
      throw new StaleWriteError(
        `The workbook was made from version ${String(identity.version)} of the part (now ${String(part.version)}): download it again, or merge`,
        part,
      );
    if (reading.issues.length > 0)
      throw invalid(
        reading.issues.map((i) => ({
          path: `${i.worksheet}!${i.cell}`,
          message: i.message.replace(`${i.worksheet}!${i.cell}: `, ''),
        })),
      );
    const parsed = SavePartBody.safeParse(reading.save);
    if (!parsed.success)
      throw invalid(
        parsed.error.issues.map((i) => {
          const path = i.path.map(String).join('.');
          return { path: cellOf(reading, path), message: i.message };
        }),
      );
    try {
      return await this.parts.save(actor, slug, roundId, partId, parsed.data);
    } catch (error) {
      // The save's own refusals (a period the calendar cannot read …) name the cells they came from.
      if (error instanceof DomainError && error.code === 'invalid_part')
        throw invalid(error.details.map((d) => ({ path: cellOf(reading, d.path), message: d.message })));
      throw error;
    }
  }
}

function invalid(details: ErrorDetail[]): DomainError {
  return new DomainError(
    'invalid_input',
    'workbook_invalid',
    `The workbook has ${String(details.length)} cell(s) that cannot be taken; nothing was written`,
    details,
  );
}
