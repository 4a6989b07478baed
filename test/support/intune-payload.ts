/** Reads a Policy CSP payload with a third-party XML parser (fast-xml-parser), for the Intune tests. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, trimValues: false, parseTagValue: false, preserveOrder: true });

/** A payload as a third-party parser reads it: the state, then each data element's id and value. */
export function readPayload(payload: string): { state: string; data: { id: string; value: string }[] } {
  // No literal CR, LF or TAB: a conforming parser would turn them into spaces inside an attribute.
  expect(payload).not.toMatch(/[\r\n\t]/);
  const wrapped = `<payload>${payload}</payload>`;
  expect(XMLValidator.validate(wrapped)).toBe(true);
  const [root] = parser.parse(wrapped) as { payload: Record<string, unknown>[] }[];
  const nodes = root?.payload ?? [];
  const name = (node: Record<string, unknown>) => Object.keys(node).find((k) => k !== ':@') ?? '';
  const data = nodes.slice(1).map((node) => {
    expect(name(node)).toBe('data');
    const attributes = node[':@'] as { id: string; value: string };
    return { id: attributes.id, value: attributes.value };
  });
  return { state: name(nodes[0] ?? {}), data };
}

