export * from './civil-date.js';
export * from './codes.js';
export * from './deltagande/deltagande.js';
export * from './domain-error.js';
export * from './insats/insats.js';
export * from './kommuner.js';
export * from './limits.js';
export * from './streams.js';
