export * from './popularity';
export * from './benchmark';
