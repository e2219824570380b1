import { z } from 'astro/zod';
import { articleSchema } from './article.ts';
import { idSchema } from './common.ts';

/** Machines a reader may be trying to reach. */
export const TARGETS = ['windows-pc', 'nas', 'samba'] as const;
/** Kinds of Windows account the symptom was reported with. */
export const ACCOUNTS = ['microsoft', 'local'] as const;
/** How often readers meet a symptom on today's Windows (10 22H2, 11 24H2); orders the home page. */
export const PREVALENCES = ['common', 'occasional', 'rare'] as const;
export type Prevalence = (typeof PREVALENCES)[number];
/** How far the source thread got with a problem. */
export const STATUSES = ['solved', 'workaround', 'unsolved'] as const;

/** A symptom: what the reader sees, where it happens, and what can cause it. */
export const symptomSchema = articleSchema.extend({
  /** How often readers meet it today: common, occasional, or rare (mostly old setups). */
  prevalence: z.enum(PREVALENCES),
  /** Error messages shown for this symptom, as ids from content/messages.yaml; the one most people see first. */
  messages: z.array(idSchema).default([]),
  /** Where the symptom was reported. */
  context: z.object({
    /** Windows versions or builds of the connecting PC, as reported (e.g. "Windows 10 build 9926"). */
    windows: z.array(z.string().min(2)).min(1),
    /**
     * Editions the symptom occurs on (e.g. "Pro"); empty when it occurs on any. The troubleshooter's
     * edition question reads it, so an edition a reporter merely happened to run belongs in the text.
     */
    editions: z.array(z.string()).default([]),
    /** Account types the reporters were signed in with; empty when it did not matter. */
    accounts: z.array(z.enum(ACCOUNTS)).default([]),
    /** Which machine connects to which, in words (e.g. "Windows 10 -> Windows 7 share"). */
    direction: z.string().min(3),
    /** What the reader connects to. */
    targets: z.array(z.enum(TARGETS)).min(1),
  }),
  /**
   * Causes that produce this symptom (cause ids in the same language), the most likely on today's
   * Windows first: the first fix of the first cause is the page's "most likely fix".
   */
  causes: z
    .array(idSchema)
    .min(1, 'a symptom needs at least one cause; use a cause "unknown" article if none is known'),
  /** Whether the thread (or a sourced fact since) solved it. */
  status: z.enum(STATUSES),
});
export type SymptomData = z.infer<typeof symptomSchema>;
