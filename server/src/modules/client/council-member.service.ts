import { LockMode } from '@mikro-orm/core';
import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { AdvisoryCouncil } from './advisory-council.entity.js';
import { CouncilRole } from './client.enums.js';
import { clientError } from './client.errors.js';
import { Contact } from './contact.entity.js';
import { contactNotFound, refuseErased } from './contact.service.js';
import { CouncilMember } from './council-member.entity.js';
import type { AddCouncilMemberInput, UpdateCouncilMemberInput } from './council.inputs.js';
import { councilNotFound } from './council.service.js';

const memberNotFound = (message: string, field: string) =>
  clientError('COUNCIL_MEMBER_NOT_FOUND', message, field);

/**
 * The contacts sitting on advisory councils. A council has at most one CHAIR: handing the
 * chair over is two explicit steps (the chair becomes a MEMBER, then another member the
 * CHAIR), so nobody loses the chair as a side effect.
 */
export class CouncilMemberService {
  constructor(private readonly ctx: DomainContext) {}

  async add(input: AddCouncilMemberInput): Promise<CouncilMember> {
    return this.ctx.em.transactional(async (em) => {
      const council = await mustFind(
        em,
        AdvisoryCouncil,
        input.councilId,
        'councilId',
        councilNotFound,
      );
      const contact = await mustFind(em, Contact, input.contactId, 'contactId', contactNotFound);
      refuseErased(contact, 'contactId');
      await council.accounts.init();
      if (!council.accounts.getItems().some((a) => a.id === contact.account.id)) {
        throw clientError(
          'CONTACT_NOT_IN_COUNCIL_ACCOUNTS',
          "The contact's account is not on this council; add the account to the council first.",
          'contactId',
        );
      }
      if (await em.count(CouncilMember, { council, contact })) {
        throw clientError(
          'ALREADY_COUNCIL_MEMBER',
          `${contact.name} already sits on this council.`,
          'contactId',
        );
      }
      const role = input.role ?? CouncilRole.MEMBER;
      if (role === CouncilRole.CHAIR) await this.assertChairFree(em, council);
      const member = em.create(CouncilMember, { council, contact, role });
      this.ctx.audit.record(
        em,
        'addCouncilMember',
        'CouncilMember',
        member.id,
        null,
        snapshot(member),
      );
      return member;
    });
  }

  /** Changes a member's role; making one the CHAIR is refused while another member chairs. */
  async update(id: string, input: UpdateCouncilMemberInput): Promise<CouncilMember> {
    return this.ctx.em.transactional(async (em) => {
      const member = await this.find(em, id);
      const before = snapshot(member);
      if (input.role != null && input.role !== member.role) {
        if (input.role === CouncilRole.CHAIR) await this.assertChairFree(em, member.council);
        member.role = input.role;
      }
      this.ctx.audit.record(
        em,
        'updateCouncilMember',
        'CouncilMember',
        member.id,
        before,
        snapshot(member),
      );
      return member;
    });
  }

  async remove(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const member = await this.find(em, id);
      this.ctx.audit.record(
        em,
        'removeCouncilMember',
        'CouncilMember',
        member.id,
        snapshot(member),
        null,
      );
      em.remove(member);
      return id;
    });
  }

  private find(em: Em, id: string): Promise<CouncilMember> {
    return mustFind(em, CouncilMember, id, 'id', memberNotFound);
  }

  /**
   * Refuses a second chair. The council row is locked first (PostgreSQL), so two
   * concurrent promotions on one council are checked one after the other.
   */
  private async assertChairFree(em: Em, council: AdvisoryCouncil): Promise<void> {
    await em.lock(council, LockMode.PESSIMISTIC_WRITE);
    const chair = await em.findOne(
      CouncilMember,
      { council, role: CouncilRole.CHAIR },
      { populate: ['contact'] },
    );
    if (chair) {
      throw clientError(
        'COUNCIL_HAS_CHAIR',
        `${chair.contact.name} already chairs this council; make them a MEMBER first.`,
        'role',
      );
    }
  }
}
