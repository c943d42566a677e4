// The custom search attributes (workflows/search-attributes.ts) on a Temporal server. A workflow
// that upserts an attribute the namespace does not know fails every workflow task, and a start
// that carries one is refused: so the embedded dev server registers them by its flags,
// `npm run temporal:search-attributes` adds them to a cluster, and the worker and the API refuse
// to start against a namespace that lacks them.
import { TypedSearchAttributes } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

type OperatorService = temporal.api.operatorservice.v1.OperatorService;
const { IndexedValueType } = temporal.api.enums.v1;

const indexedType = (type: (typeof SEARCH_ATTRIBUTES)[number]['type']): temporal.api.enums.v1.IndexedValueType =>
  IndexedValueType[`INDEXED_VALUE_TYPE_${type}`];

/** `--search-attribute Name=Type` pairs for `temporal server start-dev`. */
export function searchAttributeFlags(): string[] {
  return SEARCH_ATTRIBUTES.flatMap(({ name, type }) => ['--search-attribute', `${name}=${TypedSearchAttributes.toMetadataType(type)}`]);
}

/** What the namespace lacks or has under another type, as `Name (Type)`; empty when all is in place. */
export async function missingSearchAttributes(connection: { operatorService: OperatorService }, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  return SEARCH_ATTRIBUTES
    .filter(({ name, type }) => customAttributes?.[name] !== indexedType(type))
    .map(({ name, type }) => `${name} (${TypedSearchAttributes.toMetadataType(type)})`);
}

/** Throws, naming what is missing and how to add it, unless the namespace has every attribute. */
export async function assertSearchAttributesRegistered(connection: { operatorService: OperatorService }, namespace: string): Promise<void> {
  const missing = await missingSearchAttributes(connection, namespace);
  if (missing.length === 0) return;
  throw new Error(
    `Temporal namespace "${namespace}" lacks the search attributes ${missing.join(', ')}: `
    + 'run `npm run temporal:search-attributes` against it (docs/operations.md) and start again.',
  );
}

/**
 * Adds the attributes the namespace lacks and answers their names. An attribute registered under
 * another type is an error: changing it would need the old one removed first. With `list: false`
 * (a server that cannot list them, e.g. the time-skipping test server) adds all of them.
 */
export async function registerSearchAttributes(
  connection: { operatorService: OperatorService }, namespace: string, { list = true }: { list?: boolean } = {},
): Promise<string[]> {
  const existing = list ? (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {} : {};
  const clashes = SEARCH_ATTRIBUTES.filter(({ name, type }) => existing[name] !== undefined && existing[name] !== indexedType(type));
  if (clashes.length > 0) {
    throw new Error(`search attributes registered under another type: ${clashes.map(({ name }) => `${name} (${IndexedValueType[existing[name]!]})`).join(', ')}`);
  }
  const absent = SEARCH_ATTRIBUTES.filter(({ name }) => existing[name] === undefined);
  if (absent.length > 0) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(absent.map(({ name, type }) => [name, indexedType(type)])),
    });
  }
  return absent.map(({ name }) => name);
}
