import { z } from 'astro/zod';
import { articleSchema } from './article.ts';
import { idSchema } from './common.ts';

export const RISK_LEVELS = ['none', 'low', 'high'] as const;
export const OUTCOMES = ['worked', 'partly', 'failed'] as const;
export const TODAY_STATUSES = ['applies', 'changed', 'obsolete'] as const;

/** One report from the source thread about this fix. */
export const evidenceSchema = z.object({
  /** Source record id (content/sources/thread.yaml). */
  source: idSchema,
  /** What the reader reported. */
  outcome: z.enum(OUTCOMES),
  /** The conditions they described, in the article's language and our own words. */
  note: z.string().min(3),
});

/** A Group Policy setting that does the same as the fix, with its path as shown in the editor. */
export const policySchema = z.object({
  /** Path segments in the Group Policy editor, from "Computer Configuration" down. */
  path: z.array(z.string().min(1)).min(2),
  /** Name of the setting. */
  setting: z.string().min(3),
  /** The state to choose for the fix. */
  state: z.string().min(3),
  /** The state that undoes it. */
  undoState: z.string().min(3),
  /** False when the wording of path or setting in this language could not be verified. */
  verified: z.boolean(),
});

/** A fix: steps in the body, machine-readable settings in the frontmatter. */
export const fixSchema = articleSchema
  .extend({
    /** A real fix, or a workaround that avoids the cause without removing it. */
    kind: z.enum(['fix', 'workaround']),
    /** What the fix costs in security. */
    risk: z.object({
      /** none: nothing weakened; low: a small, contained trade-off; high: weakens a protection. */
      level: z.enum(RISK_LEVELS),
      /** What the fix exposes, in plain words. Required unless the level is none. */
      exposes: z.string().min(10).optional(),
      /** The safer alternative, in words. Required for high risk. */
      safer: z.string().min(10).optional(),
      /** The article of that safer alternative (fix id), when there is one. */
      saferFix: idSchema.optional(),
    }),
    /** How to take the fix back, in words. Required unless the risk is none. */
    undo: z.string().min(10).optional(),
    /** Registry values and PowerShell settings this fix applies (ids from content/settings.yaml). */
    settings: z.array(idSchema).default([]),
    /** The Group Policy equivalent, when there is one. */
    policy: policySchema.optional(),
    /** Whether the fix still applies on current Windows, one entry per version. */
    today: z
      .array(
        z.object({
          /** Windows version, e.g. "Windows 10 22H2" or "Windows 11 24H2". */
          windows: z.string().min(5),
          status: z.enum(TODAY_STATUSES),
          /** What changed or what to watch out for. */
          note: z.string().min(5),
        }),
      )
      .min(1, 'say whether the fix still applies on Windows 10 22H2 and Windows 11 24H2'),
    /** Reports from the source thread that this fix worked or failed. */
    evidence: z.array(evidenceSchema).default([]),
  })
  .superRefine((fix, ctx) => {
    if (fix.risk.level === 'none') return;
    if (!fix.risk.exposes)
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'exposes'],
        message: `risk level "${fix.risk.level}" needs risk.exposes: say what the fix exposes`,
      });
    if (!fix.undo)
      ctx.addIssue({
        code: 'custom',
        path: ['undo'],
        message: `risk level "${fix.risk.level}" needs undo: say how to take the fix back`,
      });
    if (fix.risk.level === 'high' && !fix.risk.safer)
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'safer'],
        message: 'a high-risk fix needs risk.safer: name the safer alternative to try first',
      });
  });
export type FixData = z.infer<typeof fixSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Outcome = (typeof OUTCOMES)[number];
