import { POLICY_FIELDS, type Organisation, type PolicyField } from '@kotei/domain';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';

/** Reference data every client needs to label codes: ministries and policy fields. Public. */
export class ReferenceService {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** Every organisation by code, and the policy fields in their order. */
  async reference(): Promise<{ organisations: Organisation[]; policyFields: PolicyField[] }> {
    return { organisations: await this.organisations.listAll(), policyFields: [...POLICY_FIELDS] };
  }
}
