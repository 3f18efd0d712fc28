export * from './features';
export * from './matrix';
export * from './fits';
export * from './export';
