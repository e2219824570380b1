import { z } from 'astro/zod';
import { idSchema } from './common.ts';

/**
 * How sure we are that a wording is what Windows shows:
 * microsoft: word for word in Microsoft's documentation; seen: word for word in real output someone
 * posted; thread: as a commenter of the source quoted it; approximate: our own rendering, not verified.
 */
export const VERIFICATIONS = ['microsoft', 'seen', 'thread', 'approximate'] as const;

const wordingSchema = z.object({
  /** The text as Windows shows it, or our approximation; server names written as \\SERVER\share. */
  text: z.string().min(3),
  /** How the wording was verified. */
  verification: z.enum(VERIFICATIONS),
  /** Where it was checked: a reference id or a source record id. Required unless approximate. */
  source: idSchema.optional(),
});

/** An error message or dialog a reader may paste into the search, in both languages. */
export const messageSchema = z
  .object({
    /** Stable id, referenced by symptoms. */
    id: idSchema,
    /** Error codes in the form Windows shows them (e.g. "0x80070035", "1272"). */
    codes: z
      .array(
        z
          .string()
          .regex(
            /^(0x[0-9A-F]{8}|\d{1,5})$/,
            'expected 0x plus 8 upper-case hex digits, or a decimal system error number',
          ),
      )
      .default([]),
    /** Where it appears. */
    where: z.enum(['dialog', 'net-use', 'event-log', 'settings']),
    /** English wording. */
    en: wordingSchema,
    /** German wording. */
    de: wordingSchema,
  })
  .superRefine((message, ctx) => {
    for (const lang of ['de', 'en'] as const) {
      const wording = message[lang];
      if (wording.verification !== 'approximate' && !wording.source)
        ctx.addIssue({
          code: 'custom',
          path: [lang, 'source'],
          message: `a "${wording.verification}" wording needs a source (reference or source record id), or mark it approximate`,
        });
    }
  });
export type Message = z.infer<typeof messageSchema>;
