import { describe, expect, it } from 'vitest';
import { translateComponents, translateSchema } from './translate-schema';

const REF = 'components.json#/definitions/';

describe('translateSchema', () => {
  it('rewrites component references', () => {
    expect(translateSchema({ $ref: '#/components/schemas/MeOutput', description: 'ignored' }, REF)).toEqual({
      $ref: `${REF}MeOutput`,
    });
  });

  it('turns a nullable $ref into anyOf with null', () => {
    expect(translateSchema({ $ref: '#/components/schemas/Status', nullable: true, example: 'accepted' }, REF)).toEqual({
      anyOf: [{ $ref: `${REF}Status` }, { type: 'null' }],
    });
  });

  it('adds null to the type and the enum of a nullable schema', () => {
    expect(translateSchema({ type: 'string', nullable: true, enum: ['a', 'b'], example: 'a' }, REF)).toEqual({
      type: ['string', 'null'],
      enum: ['a', 'b', null],
    });
    expect(translateSchema({ type: ['string', 'null'], nullable: true, enum: ['a', null] }, REF)).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
  });

  it('wraps a nullable schema without a type in anyOf', () => {
    expect(translateSchema({ nullable: true, allOf: [{ $ref: '#/components/schemas/Recurrence' }] }, REF)).toEqual({
      anyOf: [{ allOf: [{ $ref: `${REF}Recurrence` }] }, { type: 'null' }],
    });
  });

  it('drops nullable: false, example, externalDocs, xml and discriminator', () => {
    expect(
      translateSchema(
        {
          type: 'object',
          nullable: false,
          example: {},
          externalDocs: { url: 'x' },
          xml: {},
          discriminator: { propertyName: 'type' },
        },
        REF,
      ),
    ).toEqual({ type: 'object' });
  });

  it('translates nested schemas and turns oneOf into anyOf', () => {
    expect(
      translateSchema(
        {
          type: 'object',
          required: ['a'],
          properties: { a: { type: 'number', nullable: true, example: 1 } },
          additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/Slot' } },
          oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'string', example: 'x' }],
          allOf: [{ type: 'object', example: {} }],
          not: { type: 'null', example: null },
          patternProperties: { '^x': { type: 'string', example: 'x' } },
          additionalItems: false,
        },
        REF,
      ),
    ).toEqual({
      type: 'object',
      required: ['a'],
      properties: { a: { type: ['number', 'null'] } },
      additionalProperties: { type: 'array', items: { $ref: `${REF}Slot` } },
      anyOf: [{ $ref: `${REF}A` }, { type: 'string' }],
      allOf: [{ type: 'object' }],
      not: { type: 'null' },
      patternProperties: { '^x': { type: 'string' } },
      additionalItems: false,
    });
  });

  it('translates tuple items, keeps boolean schemas and turns non-schemas into the empty schema', () => {
    expect(translateSchema({ type: 'array', items: [{ type: 'string', example: 'a' }] }, REF)).toEqual({
      type: 'array',
      items: [{ type: 'string' }],
    });
    expect(translateSchema(true, REF)).toBe(true);
    expect(translateSchema(null, REF)).toEqual({});
    expect(translateSchema([1], REF)).toEqual({});
  });

  it('refuses references outside components.schemas', () => {
    expect(() => translateSchema({ $ref: '#/components/responses/Error' }, REF)).toThrowError(
      'Unsupported $ref "#/components/responses/Error": the contract validator resolves only "#/components/schemas/<name>" references.',
    );
  });

  it('translates every component and encodes names', () => {
    expect(
      translateComponents({ 'A B': { type: 'object', properties: { b: { $ref: '#/components/schemas/A B' } } } }, REF),
    ).toEqual({
      'A B': { type: 'object', properties: { b: { $ref: `${REF}A%20B` } } },
    });
  });
});
