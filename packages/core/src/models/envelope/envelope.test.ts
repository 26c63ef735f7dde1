import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { paginatedEnvelope, successEnvelope } from './envelope';

const pagination = {
  totalItems: 3,
  remainingItems: 1,
  returnedItems: 2,
  itemsPerPage: 2,
  currentPage: 1,
  totalPages: 2,
  hasNextPage: true,
  hasPreviousPage: false,
};

describe('envelopes', () => {
  it('parses a success envelope', () => {
    expect(v.parse(successEnvelope(v.number()), { status: 'success', data: 4 })).toEqual({
      status: 'success',
      data: 4,
    });
  });

  it('parses a paginated envelope', () => {
    expect(
      v.parse(paginatedEnvelope(v.array(v.string())), { status: 'success', data: ['a', 'b'], pagination }),
    ).toEqual({
      status: 'success',
      data: ['a', 'b'],
      pagination,
    });
  });

  it('names the path of a wrong field', () => {
    const result = v.safeParse(paginatedEnvelope(v.array(v.string())), {
      status: 'success',
      data: [],
      pagination: { ...pagination, hasNextPage: 'yes' },
    });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['pagination.hasNextPage']);
    expect(v.safeParse(successEnvelope(v.number()), { status: 'error', data: 1 }).success).toBe(false);
  });
});
