/** Dates shown exactly as precise as the source states them. */
import type { StatedDate } from '../schema/fields.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatStatedDate(date: StatedDate): string {
  const [year, month, day] = date.value.split('-');
  switch (date.precision) {
    case 'day':
      return `${Number(day)} ${months[Number(month) - 1]} ${year}`;
    case 'month':
      return `${months[Number(month) - 1]} ${year}`;
    case 'season':
      return `${date.season} ${year}`;
    case 'year':
      return year!;
  }
}
