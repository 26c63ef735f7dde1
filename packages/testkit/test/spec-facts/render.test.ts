import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enumAt, formatPointer, valueAt } from '../../../../tooling/spec-facts/document';
import { renderDtoTypes } from '../../../../tooling/spec-facts/dto-types';
import { resolveEnumFacts } from '../../../../tooling/spec-facts/facts';
import { GENERATED_FILES, renderSpecFactFiles } from '../../../../tooling/spec-facts/render';
import { bundledSpecPath } from '../../src/contract/bundled-spec';

/** The vendored document, parsed afresh for each test so a test may change it. */
function vendoredDocument(): { components: { schemas: Record<string, { properties: Record<string, unknown> }> } } {
  return JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
}

/** A document with only the given component schemas. */
function schemas(components: Record<string, unknown>): unknown {
  return { components: { schemas: components } };
}

describe('spec-facts generator', () => {
  it('writes each fact in the document order, after a header naming the sha256', () => {
    const files = renderSpecFactFiles(vendoredDocument(), 'abc123');
    const core = files[GENERATED_FILES.coreFacts] as string;
    expect(core).toContain('// abc123\n');
    expect(core).toContain(
      '/** Statuses of a booking (`BookingOutput_2024_08_13.status`). `#/components/schemas/BookingOutput_2024_08_13/properties/status` */\n' +
        "export const BOOKING_STATUSES = ['cancelled', 'accepted', 'rejected', 'pending'] as const;\n",
    );
    expect(files[GENERATED_FILES.testkitFacts]).toContain('export const TIME_FORMATS = [12, 24] as const;\n');
    expect(files[GENERATED_FILES.testkitFacts]).not.toContain('SCHEDULING_TYPES');
    expect(core).not.toContain('TIME_FORMATS');
  });

  it('keeps a list longer than a line on one line, marked for biome to leave as it is', () => {
    const files = renderSpecFactFiles(vendoredDocument(), 'abc123');
    for (const path of [GENERATED_FILES.coreFacts, GENERATED_FILES.testkitFacts]) {
      const text = files[path] as string;
      expect(text).toContain(
        '// biome-ignore format: generated, one line a fact\n' +
          "export const LOCALES = ['ar', 'ca', 'de', 'es', 'eu', 'he', 'id', 'ja', 'lv', 'pl', 'ro', 'sr', 'th', 'vi', " +
          "'az', 'cs', 'el', 'es-419', 'fi', 'hr', 'it', 'km', 'nl', 'pt', 'ru', 'sv', 'tr', 'zh-CN', 'bg', 'da', 'en', " +
          "'et', 'fr', 'hu', 'iw', 'ko', 'no', 'pt-BR', 'sk', 'ta', 'uk', 'zh-TW', 'bn'] as const;\n",
      );
      // Short lists need no mark; every declaration is one line.
      expect(text).toContain('`#/components/schemas/TeamMembershipOutput/properties/role` */\nexport const TEAM_ROLES');
      expect(text.split('\n').filter((line) => line.startsWith('  '))).toEqual([]);
    }
  });

  it('follows a changed enum into the generated file, so the committed file no longer matches', () => {
    const document = vendoredDocument();
    const status = document.components.schemas.BookingOutput_2024_08_13?.properties.status as { enum: string[] };
    status.enum = [...status.enum, 'awaiting_host'];
    const files = renderSpecFactFiles(document, 'abc123');
    expect(files[GENERATED_FILES.coreFacts]).toContain(
      "export const BOOKING_STATUSES = ['cancelled', 'accepted', 'rejected', 'pending', 'awaiting_host'] as const;",
    );
    expect(files[GENERATED_FILES.testkitDto]).toContain(
      "  status: 'cancelled' | 'accepted' | 'rejected' | 'pending' | 'awaiting_host';\n",
    );
  });

  it('refuses places that must agree but do not, naming both', () => {
    const document = vendoredDocument();
    const language = document.components.schemas.BookingAttendee?.properties.language as { enum: string[] };
    language.enum = language.enum.filter((locale) => locale !== 'bn');
    expect(() => resolveEnumFacts(document)).toThrow(
      'LOCALES: the enum at #/components/schemas/BookingAttendee/properties/language differs from the one at ' +
        '#/components/schemas/UpdateManagedUserInput/properties/locale. Decide which one each package needs and ' +
        'split the fact in tooling/spec-facts/facts.ts.',
    );
  });

  it('names the missing step when a fact points at nothing', () => {
    expect(() =>
      valueAt({ paths: { '/v2/a': { get: { parameters: [] } } } }, [
        'paths',
        '/v2/a',
        'get',
        'parameters',
        { name: 'x' },
      ]),
    ).toThrow(
      'The OpenAPI document has nothing at #/paths/~1v2~1a/get/parameters/[name=x] (looking for ' +
        "#/paths/~1v2~1a/get/parameters/[name=x]). If the new document renamed or removed it, update the fact's " +
        'place in tooling/spec-facts/facts.ts and the code that uses the fact.',
    );
    expect(() => valueAt({}, ['components', 'schemas'])).toThrow(
      'nothing at #/components (looking for #/components/schemas)',
    );
  });

  it('refuses a schema without an enum of strings or numbers', () => {
    expect(() => enumAt(schemas({ A: { type: 'string' } }), ['components', 'schemas', 'A'])).toThrow(
      'The schema at #/components/schemas/A has no enum of strings or numbers. Point the fact in ' +
        'tooling/spec-facts/facts.ts at a schema with an enum.',
    );
    expect(() => enumAt(schemas({ A: { enum: [] } }), ['components', 'schemas', 'A'])).toThrow('no enum');
    expect(() => enumAt(schemas({ A: { enum: [true] } }), ['components', 'schemas', 'A'])).toThrow('no enum');
    expect(enumAt(schemas({ A: { type: 'array', items: { enum: ['x'] } } }), ['components', 'schemas', 'A'])).toEqual([
      'x',
    ]);
  });

  it('escapes pointer steps as RFC 6901 says', () => {
    expect(formatPointer(['a~b', 'c/d', { name: 'e' }])).toBe('#/a~0b/c~1d/[name=e]');
  });

  it('renders every kind of schema it meets, referenced schemas included', () => {
    const document = schemas({
      Root: {
        type: 'object',
        required: ['id', 'kind'],
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: ['a', "b'c"] },
          'x-key': { type: 'boolean', nullable: true },
          child: { allOf: [{ $ref: '#/components/schemas/Child' }], nullable: true },
          either: { oneOf: [{ $ref: '#/components/schemas/Child' }, { type: 'string' }] },
          map: { type: 'object', additionalProperties: { type: 'number' } },
          bag: { type: 'object' },
          list: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
          loose: {},
          odd: true,
        },
      },
      Child: { allOf: [{ $ref: '#/components/schemas/Leaf' }, { type: 'object' }] },
      Leaf: { type: 'array' },
    });
    expect(renderDtoTypes(document, ['Root'])).toBe(
      [
        '/** `#/components/schemas/Child` */',
        'export type Child = Leaf & Record<string, unknown>;',
        '',
        '/** `#/components/schemas/Leaf` */',
        'export type Leaf = unknown[];',
        '',
        '/** `#/components/schemas/Root` */',
        'export interface Root {',
        '  id: number;',
        "  kind: 'a' | 'b\\'c';",
        "  'x-key'?: boolean | null;",
        '  child?: Child | null;',
        '  either?: Child | string;',
        '  map?: Record<string, number>;',
        '  bag?: Record<string, unknown>;',
        '  list?: (string | number)[];',
        '  loose?: unknown;',
        '  odd?: unknown;',
        '}',
      ].join('\n'),
    );
  });

  it('refuses a $ref outside the document and a schema that is not an object', () => {
    const remote = schemas({ A: { type: 'object', properties: { b: { $ref: 'other.json#/B' } } } });
    expect(() => renderDtoTypes(remote, ['A'])).toThrow('Only local $refs are supported, got other.json#/B.');
    expect(() => renderDtoTypes(schemas({ A: 'text' }), ['A'])).toThrow(
      '#/components/schemas/A is not a schema object.',
    );
  });
});
