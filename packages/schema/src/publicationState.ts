import { z } from 'zod';

/** Where a dataset is in Bayan's publication workflow. */
export const publicationStateSchema = z.enum(['draft', 'in-review', 'published', 'withdrawn']);

/** `draft | in-review | published | withdrawn`. */
export type PublicationState = z.infer<typeof publicationStateSchema>;
