import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { Department } from '../organisation/department.entity.js';
import type { InteractionChannel, JourneyStage } from './journey.enums.js';
import { journeyError } from './journey.errors.js';
import type {
  CreateProcessClassInput,
  CreateTouchpointInput,
  ProcessClassFilter,
  TouchpointFilter,
  UpdateProcessClassInput,
  UpdateTouchpointInput,
} from './journey.inputs.js';
import type { ProcessClassOrder, TouchpointOrder } from './journey.types.js';
import { ProcessClass } from './process-class.entity.js';
import { Touchpoint } from './touchpoint.entity.js';

const notFound =
  (reason: 'PROCESS_CLASS_NOT_FOUND' | 'TOUCHPOINT_NOT_FOUND' | 'DEPARTMENT_NOT_FOUND') =>
  (message: string, field: string) =>
    journeyError(reason, message, field);

/** Process classes and the touchpoints (stage × process class × channel) built on them. */
export class JourneyService {
  constructor(private readonly ctx: DomainContext) {}

  async getProcessClass(id: string): Promise<ProcessClass | null> {
    return findById(this.ctx.em, ProcessClass, id);
  }

  async listProcessClasses(
    filter: ProcessClassFilter | undefined,
    order: ProcessClassOrder | undefined,
    args: PageArgs,
  ): Promise<Page<ProcessClass>> {
    const where: FilterQuery<ProcessClass> = {};
    if (filter?.primaryStages?.length) where.primaryStage = { $in: filter.primaryStages };
    if (filter?.owningDepartmentId) where.owningDepartment = filter.owningDepartmentId;
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ name: like }, { nameRu: like }, { code: like }];
    }
    return paginate(
      this.ctx.em,
      ProcessClass,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async createProcessClass(input: CreateProcessClassInput): Promise<ProcessClass> {
    return this.ctx.em.transactional(async (em) => {
      await this.assertCodeFree(em, input.code);
      const owningDepartment = await this.department(em, input.owningDepartmentId);
      const processClass = em.create(ProcessClass, {
        code: input.code,
        name: input.name.trim(),
        nameRu: input.nameRu?.trim() ?? null,
        primaryStage: input.primaryStage,
        owningDepartment,
        description: input.description ?? null,
      });
      this.ctx.audit.record(
        em,
        'createProcessClass',
        'ProcessClass',
        processClass.id,
        null,
        snapshot(processClass),
      );
      return processClass;
    });
  }

  async updateProcessClass(id: string, input: UpdateProcessClassInput): Promise<ProcessClass> {
    return this.ctx.em.transactional(async (em) => {
      const pc = await mustFind(em, ProcessClass, id, 'id', notFound('PROCESS_CLASS_NOT_FOUND'));
      const before = snapshot(pc);
      if (input.code != null && input.code !== pc.code) {
        await this.assertCodeFree(em, input.code);
        pc.code = input.code;
      }
      if (input.name != null) pc.name = input.name.trim();
      if (input.nameRu !== undefined) pc.nameRu = input.nameRu?.trim() ?? null;
      if (input.primaryStage != null) pc.primaryStage = input.primaryStage;
      if (input.owningDepartmentId != null)
        pc.owningDepartment = await this.department(em, input.owningDepartmentId);
      if (input.description !== undefined) pc.description = input.description;
      this.ctx.audit.record(em, 'updateProcessClass', 'ProcessClass', pc.id, before, snapshot(pc));
      return pc;
    });
  }

  async deleteProcessClass(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const pc = await mustFind(em, ProcessClass, id, 'id', notFound('PROCESS_CLASS_NOT_FOUND'));
      const touchpoints = await em.count(Touchpoint, { processClass: pc });
      if (touchpoints > 0) {
        throw journeyError(
          'PROCESS_CLASS_IN_USE',
          `The process class still has ${touchpoints} touchpoint(s); delete them first.`,
          'id',
        );
      }
      this.ctx.audit.record(em, 'deleteProcessClass', 'ProcessClass', pc.id, snapshot(pc), null);
      em.remove(pc);
      return id;
    });
  }

  async getTouchpoint(id: string): Promise<Touchpoint | null> {
    return findById(this.ctx.em, Touchpoint, id);
  }

  async listTouchpoints(
    filter: TouchpointFilter | undefined,
    order: TouchpointOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Touchpoint>> {
    const where: FilterQuery<Touchpoint> = {};
    if (filter?.stages?.length) where.stage = { $in: filter.stages };
    if (filter?.channels?.length) where.channel = { $in: filter.channels };
    if (filter?.processClassId) where.processClass = filter.processClassId;
    if (filter?.owningDepartmentId) where.owningDepartment = filter.owningDepartmentId;
    if (filter?.search?.trim()) where.name = containsInsensitive(this.ctx.em, filter.search);
    return paginate(
      this.ctx.em,
      Touchpoint,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async createTouchpoint(input: CreateTouchpointInput): Promise<Touchpoint> {
    return this.ctx.em.transactional(async (em) => {
      const processClass = await mustFind(
        em,
        ProcessClass,
        input.processClassId,
        'processClassId',
        notFound('PROCESS_CLASS_NOT_FOUND'),
      );
      const owningDepartment = input.owningDepartmentId
        ? await this.department(em, input.owningDepartmentId)
        : processClass.owningDepartment;
      await this.assertTouchpointFree(em, input.stage, processClass, input.channel);
      const touchpoint = em.create(Touchpoint, {
        stage: input.stage,
        processClass,
        channel: input.channel,
        name: input.name.trim(),
        owningDepartment,
        description: input.description ?? null,
      });
      this.ctx.audit.record(
        em,
        'createTouchpoint',
        'Touchpoint',
        touchpoint.id,
        null,
        snapshot(touchpoint),
      );
      return touchpoint;
    });
  }

  async updateTouchpoint(id: string, input: UpdateTouchpointInput): Promise<Touchpoint> {
    return this.ctx.em.transactional(async (em) => {
      const tp = await mustFind(em, Touchpoint, id, 'id', notFound('TOUCHPOINT_NOT_FOUND'));
      const before = snapshot(tp);
      const processClass = input.processClassId
        ? await mustFind(
            em,
            ProcessClass,
            input.processClassId,
            'processClassId',
            notFound('PROCESS_CLASS_NOT_FOUND'),
          )
        : tp.processClass;
      const stage = input.stage ?? tp.stage;
      const channel = input.channel ?? tp.channel;
      if (stage !== tp.stage || channel !== tp.channel || processClass.id !== tp.processClass.id) {
        await this.assertTouchpointFree(em, stage, processClass, channel);
      }
      Object.assign(tp, { stage, channel, processClass });
      if (input.name != null) tp.name = input.name.trim();
      if (input.owningDepartmentId != null)
        tp.owningDepartment = await this.department(em, input.owningDepartmentId);
      if (input.description !== undefined) tp.description = input.description;
      this.ctx.audit.record(em, 'updateTouchpoint', 'Touchpoint', tp.id, before, snapshot(tp));
      return tp;
    });
  }

  /** Feedback keeps its touchpoint for history, so a touchpoint with feedback stays. */
  async deleteTouchpoint(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const tp = await mustFind(em, Touchpoint, id, 'id', notFound('TOUCHPOINT_NOT_FOUND'));
      const feedback = await em.count(FeedbackItem, { touchpoint: tp });
      if (feedback > 0) {
        throw journeyError(
          'TOUCHPOINT_IN_USE',
          `${feedback} feedback item(s) refer to the touchpoint; it cannot be deleted.`,
          'id',
        );
      }
      this.ctx.audit.record(em, 'deleteTouchpoint', 'Touchpoint', tp.id, snapshot(tp), null);
      em.remove(tp);
      return id;
    });
  }

  private department(em: Em, id: string): Promise<Department> {
    return mustFind(em, Department, id, 'owningDepartmentId', notFound('DEPARTMENT_NOT_FOUND'));
  }

  private async assertCodeFree(em: Em, code: string): Promise<void> {
    if (await em.count(ProcessClass, { code })) {
      throw journeyError(
        'PROCESS_CLASS_CODE_TAKEN',
        `A process class with code "${code}" already exists.`,
        'code',
      );
    }
  }

  private async assertTouchpointFree(
    em: Em,
    stage: JourneyStage,
    processClass: ProcessClass,
    channel: InteractionChannel,
  ): Promise<void> {
    if (await em.count(Touchpoint, { stage, processClass, channel })) {
      throw journeyError(
        'TOUCHPOINT_TAKEN',
        `A touchpoint for ${processClass.name} at stage ${stage} over channel ${channel} already exists.`,
        'channel',
      );
    }
  }
}
