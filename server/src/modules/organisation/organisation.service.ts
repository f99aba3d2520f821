import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { Department } from './department.entity.js';
import { organisationError } from './organisation.errors.js';
import type {
  CreateDepartmentInput,
  CreateUserInput,
  DepartmentFilter,
  UpdateDepartmentInput,
  UpdateUserInput,
  UserFilter,
} from './organisation.inputs.js';
import { UserRole } from './organisation.enums.js';
import type { DepartmentOrder, UserOrder } from './organisation.types.js';
import { User } from './user.entity.js';

const departmentNotFound = (message: string, field: string) =>
  organisationError('DEPARTMENT_NOT_FOUND', message, field);
const userNotFound = (message: string, field: string) =>
  organisationError('USER_NOT_FOUND', message, field);

/** Departments and the people in them. */
export class OrganisationService {
  constructor(private readonly ctx: DomainContext) {}

  async getDepartment(id: string): Promise<Department | null> {
    return findById(this.ctx.em, Department, id);
  }

  async listDepartments(
    filter: DepartmentFilter | undefined,
    order: DepartmentOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Department>> {
    const where: FilterQuery<Department> = {};
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ name: like }, { code: like }];
    }
    if (filter?.isCxOffice != null) where.isCxOffice = filter.isCxOffice;
    return paginate(
      this.ctx.em,
      Department,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async createDepartment(input: CreateDepartmentInput): Promise<Department> {
    return this.ctx.em.transactional(async (em) => {
      await this.assertDepartmentCodeFree(em, input.code);
      const department = em.create(Department, {
        code: input.code,
        name: input.name.trim(),
        isCxOffice: input.isCxOffice ?? false,
      });
      this.ctx.audit.record(
        em,
        'createDepartment',
        'Department',
        department.id,
        null,
        snapshot(department),
      );
      return department;
    });
  }

  async updateDepartment(id: string, input: UpdateDepartmentInput): Promise<Department> {
    return this.ctx.em.transactional(async (em) => {
      const department = await mustFind(em, Department, id, 'id', departmentNotFound);
      const before = snapshot(department);
      if (input.code != null && input.code !== department.code) {
        await this.assertDepartmentCodeFree(em, input.code);
        department.code = input.code;
      }
      if (input.name != null) department.name = input.name.trim();
      if (input.isCxOffice != null) department.isCxOffice = input.isCxOffice;
      this.ctx.audit.record(
        em,
        'updateDepartment',
        'Department',
        department.id,
        before,
        snapshot(department),
      );
      return department;
    });
  }

  private async assertDepartmentCodeFree(em: Em, code: string): Promise<void> {
    if (await em.count(Department, { code })) {
      throw organisationError(
        'DEPARTMENT_CODE_TAKEN',
        `A department with code "${code}" already exists.`,
        'code',
      );
    }
  }

  async getUser(id: string): Promise<User | null> {
    return findById(this.ctx.em, User, id);
  }

  async listUsers(
    filter: UserFilter | undefined,
    order: UserOrder | undefined,
    args: PageArgs,
  ): Promise<Page<User>> {
    const where: FilterQuery<User> = {};
    if (filter?.departmentId) where.department = filter.departmentId;
    if (filter?.roles?.length) where.role = { $in: filter.roles };
    if (filter?.active != null) where.active = filter.active;
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ name: like }, { email: like }];
    }
    return paginate(
      this.ctx.em,
      User,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async createUser(input: CreateUserInput): Promise<User> {
    return this.ctx.em.transactional(async (em) => {
      const email = input.email.trim().toLowerCase();
      await this.assertEmailFree(em, email);
      const department = input.departmentId
        ? await mustFind(em, Department, input.departmentId, 'departmentId', departmentNotFound)
        : null;
      const user = em.create(User, {
        email,
        name: input.name.trim(),
        role: input.role ?? UserRole.DEPARTMENT_MEMBER,
        department,
        locale: input.locale ?? 'en',
      });
      this.ctx.audit.record(em, 'createUser', 'User', user.id, null, snapshot(user));
      return user;
    });
  }

  async updateUser(id: string, input: UpdateUserInput): Promise<User> {
    return this.ctx.em.transactional(async (em) => {
      const user = await mustFind(em, User, id, 'id', userNotFound);
      const before = snapshot(user);
      const email = input.email?.trim().toLowerCase();
      if (email && email !== user.email) {
        await this.assertEmailFree(em, email);
        user.email = email;
      }
      if (input.name != null) user.name = input.name.trim();
      if (input.role != null) user.role = input.role;
      if (input.locale != null) user.locale = input.locale;
      if (input.active != null) user.active = input.active;
      if (input.departmentId !== undefined) {
        user.department = input.departmentId
          ? await mustFind(em, Department, input.departmentId, 'departmentId', departmentNotFound)
          : null;
      }
      this.ctx.audit.record(em, 'updateUser', 'User', user.id, before, snapshot(user));
      return user;
    });
  }

  private async assertEmailFree(em: Em, email: string): Promise<void> {
    if (await em.count(User, { email })) {
      throw organisationError(
        'USER_EMAIL_TAKEN',
        `A user with e-mail ${email} already exists.`,
        'email',
      );
    }
  }
}
