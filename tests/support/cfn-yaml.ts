import { parse, type ScalarTag, type CollectionTag } from 'yaml';

/**
 * Parses a CloudFormation template, turning the short-form intrinsic functions into their long form
 * (`!Sub 'x'` → `{ 'Fn::Sub': 'x' }`, `!Ref X` → `{ Ref: 'X' }`, `!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`).
 */
const scalar = (tag: string, build: (value: string) => unknown): ScalarTag => ({
  tag: `!${tag}`,
  resolve: (value: string) => build(value) as never,
});
const sequence = (tag: string, key: string): CollectionTag => ({
  tag: `!${tag}`,
  collection: 'seq',
  resolve: (value) => ({ [key]: value.toJSON() }) as never,
});

const customTags = [
  scalar('Ref', (value) => ({ Ref: value })),
  scalar('Sub', (value) => ({ 'Fn::Sub': value })),
  scalar('GetAtt', (value) => ({ 'Fn::GetAtt': value.split('.') })),
  sequence('Sub', 'Fn::Sub'),
  sequence('GetAtt', 'Fn::GetAtt'),
  sequence('Join', 'Fn::Join'),
  sequence('Select', 'Fn::Select'),
  sequence('If', 'Fn::If'),
];

export function parseTemplate(text: string): Record<string, unknown> {
  return parse(text, { customTags }) as Record<string, unknown>;
}
