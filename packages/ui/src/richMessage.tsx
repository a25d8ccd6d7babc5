import { Fragment } from 'react';
import type { ReactNode } from 'react';
import type { BayanI18n } from './BayanProvider';
import type { MessageId, MessageValues } from './messages';

// Messages are whole sentences (word order differs between French and Arabic), yet some
// arguments are elements (a <time>, text with its own lang). The message is formatted with a
// marker in place of each element, then split on the markers.
const marker = (name: string) => `\u0001${name}\u0001`;

/** Formats a message whose arguments may be React elements (internal). */
export function richMessage(
  t: BayanI18n['t'],
  id: MessageId,
  values: MessageValues,
  elements: Record<string, ReactNode>,
): ReactNode {
  const markers: MessageValues = {};
  for (const name of Object.keys(elements)) markers[name] = marker(name);
  const text = t(id, { ...values, ...markers });
  return text.split('\u0001').map((part, index) => (
    <Fragment key={index}>{index % 2 === 1 && part in elements ? elements[part] : part}</Fragment>
  ));
}
