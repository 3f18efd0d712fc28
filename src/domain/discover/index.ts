export * from './discover';
