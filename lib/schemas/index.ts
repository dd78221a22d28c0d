/**
 * The single source of Replyline's types: every stored record, message payload and import is a
 * Zod schema here, and every TypeScript type is `z.infer` of one. Parse at each boundary.
 * One file per domain; this index re-exports them all (import from the domain file where you can).
 */
export * from './primitives';
export * from './settings';
export * from './posts';
export * from './queue';
export * from './customers';
export * from './templates';
export * from './replies';
export * from './review';
