import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { InsatsMedArsmal } from '../api/insats';

export const useInsats = (id: string | undefined) => {
  const [insats, setInsats] = useState<InsatsMedArsmal | null>(null);
  useEffect(() => {
    if (!id) return;
    api.get<InsatsMedArsmal>(`/insatser/${id}`).then(setInsats, () => setInsats(null));
  }, [id]);
  return insats;
};
