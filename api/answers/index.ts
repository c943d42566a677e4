// The JSON shapes of the 2xx answers, as zod schemas beside the views that build them. Routes
// declare them (`answer: caseAnswer`), the OpenAPI document publishes them, the console's types are
// generated from them, and an integration test checks live answers against the document.
export * from './common';
export * from './cases';
export * from './catalogue';
export * from './supervision';
export * from './projects';
export * from './public';
