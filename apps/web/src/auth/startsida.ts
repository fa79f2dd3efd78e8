import type { Roll } from '../api/inloggad';

export const startsida = (roll: Roll): string => (roll === 'personal' ? '/insatser' : '/statistik');
