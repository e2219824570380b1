import { z } from 'astro/zod';
import { idSchema } from './common.ts';

/** Hives a fix may write to. Fixes for network shares only ever touch machine-wide settings. */
export const HIVES = ['HKLM'] as const;
/** Value types the generators can write as `reg add` arguments and `.reg` lines. */
export const VALUE_TYPES = ['REG_DWORD', 'REG_SZ'] as const;

const registryKeySchema = z.string().regex(/^[A-Za-z0-9 _.-]+(\\[A-Za-z0-9 _.-]+)+$/, {
  message:
    'expected a key path below the hive with single backslashes, e.g. SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters (no hive prefix, no trailing backslash)',
});

/** A registry value that a fix sets, from which commands, `.reg` files and undo are generated. */
export const registrySettingSchema = z
  .object({
    /** Stable id, referenced by fixes. */
    id: idSchema,
    kind: z.literal('registry'),
    /** Root key; written in full (HKEY_LOCAL_MACHINE) in `.reg` files. */
    hive: z.enum(HIVES, {
      error: (issue) =>
        `registry hive ${JSON.stringify(issue.input)} is not allowed: expected one of ${HIVES.join(', ')}`,
    }),
    /** Key path below the hive. */
    key: registryKeySchema,
    /** Value name. */
    name: z.string().regex(/^[A-Za-z0-9_]+$/, 'expected a value name of letters, digits and underscores'),
    /** Value type. */
    type: z.enum(VALUE_TYPES, {
      error: (issue) =>
        `registry type ${JSON.stringify(issue.input)} is unknown: expected one of ${VALUE_TYPES.join(', ')}`,
    }),
    /** Data the fix writes: a number for REG_DWORD, text for REG_SZ. */
    data: z.union([z.number().int().min(0).max(0xffffffff), z.string()]),
    /** How the undo restores the previous state: delete the value (Windows default) or set given data. */
    undo: z.union([
      z.object({ action: z.literal('delete') }),
      z.object({ action: z.literal('set'), data: z.union([z.number().int().min(0).max(0xffffffff), z.string()]) }),
    ]),
    /** Where the value is documented (reference id). */
    reference: idSchema,
  })
  .superRefine((setting, ctx) => {
    const wantsNumber = setting.type === 'REG_DWORD';
    const check = (data: number | string, path: (string | number)[]) => {
      if (wantsNumber !== (typeof data === 'number'))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${setting.type} needs ${wantsNumber ? 'a number' : 'text'}, found ${JSON.stringify(data)}`,
        });
    };
    check(setting.data, ['data']);
    if (setting.undo.action === 'set') check(setting.undo.data, ['undo', 'data']);
  });

/** A PowerShell cmdlet call that a fix runs, with the call that undoes it. */
export const powershellSettingSchema = z.object({
  /** Stable id, referenced by fixes. */
  id: idSchema,
  kind: z.literal('powershell'),
  /** Cmdlet name, verb-noun. */
  cmdlet: z.string().regex(/^[A-Z][a-z]+-[A-Za-z]+$/, 'expected a cmdlet name like Set-SmbClientConfiguration'),
  /** Parameters in order, without the dash; `true` becomes `$true`, a switch is written as `null`. */
  parameters: z.record(z.string(), z.union([z.boolean(), z.string(), z.number(), z.null()])),
  /** Parameters of the call that restores the previous state. */
  undoParameters: z.record(z.string(), z.union([z.boolean(), z.string(), z.number(), z.null()])),
  /** Where the cmdlet and parameter are documented (reference id). */
  reference: idSchema,
});

export const settingSchema = z.discriminatedUnion('kind', [registrySettingSchema, powershellSettingSchema]);
export type Setting = z.infer<typeof settingSchema>;
export type RegistrySetting = z.infer<typeof registrySettingSchema>;
export type PowershellSetting = z.infer<typeof powershellSettingSchema>;
