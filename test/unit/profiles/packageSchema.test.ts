/**
 * package.json's `parley.providers` JSON schema (what VS Code's settings
 * editor checks and completes) states, field by field and for each kind, what
 * the profile schema in src/profiles states: types, enum values, ranges,
 * defaults, required fields, no unknown options. Descriptions, examples and
 * the editor's URL hint (format/pattern of baseUrl: the schema checks more,
 * by parsing the URL) are package.json's own.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { optionFieldsOfKind, profileFields, type OptionField } from '../../../src/profiles/fields';
import { PROVIDER_KINDS, type ProviderKind } from '../../../src/profiles/ranges';
import { profileSchemas } from '../../../src/profiles/schema';

interface Property {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  not?: object;
  pattern?: string;
  additionalProperties?: unknown;
  properties?: Record<string, Property>;
  required?: string[];
}

/** zod's own JSON Schema of a kind's profile (input side: what a user writes). */
function profileJsonSchema(kind: ProviderKind): Property {
  return z.toJSONSchema(profileSchemas().kinds[kind].profile, { io: 'input', unrepresentable: 'any' }) as Property;
}

/** A field as Manage Providers lists it, in JSON Schema terms. */
function asJson(field: OptionField): Property {
  switch (field.type) {
    case 'enum':
      return { type: 'string', enum: [...field.values], ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}) };
    case 'boolean':
      return { type: 'boolean', ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}) };
    case 'number':
      return {
        type: field.integer ? 'integer' : 'number',
        minimum: field.min,
        ...(field.max !== undefined ? { maximum: field.max } : {}),
        ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}),
      };
    case 'string':
      return { type: 'string' };
  }
}
interface ItemsSchema {
  properties: Record<string, Property>;
  required: string[];
  allOf: { if: { properties: { kind: { const: string } } }; then: { properties?: Record<string, Property>; required?: string[] } }[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const items = pkg.contributes.configuration.properties['parley.providers'].items as ItemsSchema;

/** What package.json says a profile of this kind is: the common properties, then the kind's own (`if kind … then …`). */
function packageView(kind: ProviderKind): { properties: Record<string, Property>; required: string[] } {
  const branches = items.allOf.filter((branch) => branch.if.properties.kind.const === kind);
  assert.equal(branches.length, 1, `package.json has one "if kind = ${kind}" branch`);
  const then = branches[0]!.then;
  return { properties: { ...items.properties, ...then.properties }, required: [...items.required, ...(then.required ?? [])].sort() };
}

/** The facts both sides state about one field (zod writes "whole number" as the safe-integer range: not a stated maximum). */
function facts(property: Property | undefined, name: string): Record<string, unknown> {
  if (!property) return { absent: true };
  const out: Record<string, unknown> = {};
  for (const key of ['type', 'enum', 'minimum', 'default', 'not', 'additionalProperties'] as const) if (property[key] !== undefined) out[key] = property[key];
  if (property.maximum !== undefined && property.maximum < Number.MAX_SAFE_INTEGER) out.maximum = property.maximum;
  if (property.pattern !== undefined && name !== 'baseUrl') out.pattern = property.pattern;
  return out;
}

describe('package.json parley.providers matches the profile schema (src/profiles)', () => {
  it('offers exactly the kinds of the schema', () => {
    assert.deepEqual(items.properties.kind?.enum, [...PROVIDER_KINDS]);
    assert.deepEqual(items.allOf.map((branch) => branch.if.properties.kind.const).sort(), [...PROVIDER_KINDS].sort());
  });

  for (const kind of PROVIDER_KINDS) {
    describe(kind, () => {
      const schema = profileJsonSchema(kind);
      const view = packageView(kind);

      it('requires the same fields', () => {
        assert.deepEqual(view.required, [...(schema.required ?? [])].sort());
      });

      it('states the same profile fields, field by field (kind aside: a constant per branch)', () => {
        const names = new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(view.properties)]);
        names.delete('kind');
        names.delete('options');
        for (const name of names) {
          assert.deepEqual(facts(view.properties[name], name), facts(schema.properties?.[name], name), `${kind}: ${name}`);
        }
      });

      it("Manage Providers' field list (read off the schema) states what zod's JSON Schema export states", () => {
        const options = (schema.properties?.options ?? {}) as Property;
        const fromJson = Object.entries(options.properties ?? {}).map(([name, property]) => [name, facts(property, name)]);
        assert.deepEqual(optionFieldsOfKind(kind).map((field) => [field.name, facts(asJson(field), field.name)]), fromJson);
        for (const field of profileFields(kind)) assert.deepEqual(facts(asJson(field), field.name), facts(schema.properties?.[field.name], field.name), field.name);
      });

      it('states the same options, field by field, and no others', () => {
        const ours = schema.properties?.options;
        const theirs = view.properties.options;
        assert.ok(ours?.properties && theirs?.properties, `${kind}: options described on both sides`);
        assert.equal(theirs.additionalProperties, false, `${kind}: package.json refuses unknown options too`);
        assert.deepEqual(Object.keys(theirs.properties).sort(), Object.keys(ours.properties).sort(), `${kind}: option names`);
        for (const name of Object.keys(ours.properties)) {
          assert.deepEqual(facts(theirs.properties[name] as Property, name), facts(ours.properties[name] as Property, name), `${kind}: options.${name}`);
        }
      });
    });
  }
});
