export * from './model';
export * from './messages';
export * from './uiStringKeys';
