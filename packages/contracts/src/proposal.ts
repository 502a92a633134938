import { z } from 'zod';
import { PROPOSAL_STATES } from '@kotei/domain';
import { Id, Text } from './common.js';
import { PlanEdit, StructureChange } from './revision.js';

// A reporter's proposal (変更提案, #13): changes to its own measures, which the coordinating office accepts into
// the draft revision or declines with a note.

/** A proposal as its author sends it: the reason and the edits, in order. */
export const ProposalBody = z
  .object({ reason: Text({ max: 1000, isMultiline: true }), edits: z.array(PlanEdit).min(1).max(50) })
  .strict()
  .meta({ id: 'ProposalBody' });
/** A proposal as its author sends it. */
export type ProposalBody = z.infer<typeof ProposalBody>;

/** One proposal: who sent it for which ministry, its edits, the changes they make today, and the decision. */
export const Proposal = z
  .object({
    id: Id,
    state: z.enum(PROPOSAL_STATES),
    ministry: z.string(),
    authorId: Id,
    authorName: z.string(),
    reason: z.string(),
    edits: z.array(PlanEdit),
    changes: z
      .array(StructureChange)
      .meta({ description: 'What the edits change from the latest revision, in the policy’s own words' }),
    baseNumber: z.int().meta({ description: 'The latest revision when the proposal was sent' }),
    createdAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    note: z.string().nullable().meta({ description: "The coordinator's note with the decision" }),
  })
  .meta({ id: 'Proposal' });
/** One proposal. */
export type Proposal = z.infer<typeof Proposal>;

/** A plan's proposals, newest first: every one for the coordinating office, a reporter's ministry's own. */
export const ProposalList = z.object({ proposals: z.array(Proposal) }).meta({ id: 'ProposalList' });
/** A plan's proposals. */
export type ProposalList = z.infer<typeof ProposalList>;

/** The coordinator's decision: accept (into the draft) or decline, with a note (required to decline). */
export const ProposalDecisionBody = z
  .object({
    decision: z.enum(['accept', 'decline']),
    note: Text({ max: 1000, isMultiline: true, mayBeBlank: true }).optional(),
  })
  .strict()
  .meta({ id: 'ProposalDecisionBody' });
/** The coordinator's decision. */
export type ProposalDecisionBody = z.infer<typeof ProposalDecisionBody>;
