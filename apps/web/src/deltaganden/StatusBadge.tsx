import { Badge } from '@mantine/core';
import { STATUS_ETIKETT, type Status } from '../api/deltagande';

// Shade 8 fills keep white text above 4.5:1.
const FARG: Record<Status, string> = {
  remitterad: 'grape.8',
  inskriven: 'blue.8',
  avslutad: 'teal.9',
  aterremitterad: 'gray.7',
  makulerad: 'red.9',
};

export const StatusBadge = ({ status }: { status: Status }) => (
  <Badge color={FARG[status]} variant="filled">
    {STATUS_ETIKETT[status]}
  </Badge>
);
