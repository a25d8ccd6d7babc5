import { scoreMetadata, toMqaJson, type QualityReport } from '@bayan/quality';
import { parseDataset, type Language, type LocalizedMessage } from '@bayan/schema';
import type { Command } from 'commander';
import { interfaceLanguage, readTextInput, say } from '../io';

// `bayan score FILE.json`: the metadata quality report of one dataset record. Exit codes: 0 the
// record was scored, 2 the input is unusable (missing, too big, not JSON, not a dataset record,
// bad option). Messages follow LC_ALL / LC_MESSAGES / LANG (fr, ar, en; French by default).

const text = {
  usage: { fr: 'Évalue la qualité des métadonnées d’un jeu de données (MQA).', ar: 'يقيّم جودة البيانات الوصفية لمجموعة بيانات (MQA).', en: 'Score the metadata quality of a dataset record (MQA).' },
  notJson: { fr: 'Ce n’est pas du JSON valide : {file}', ar: 'هذا ليس JSON صالحا: {file}', en: 'Not valid JSON: {file}' },
  notDataset: { fr: 'Ce n’est pas une fiche de jeu de données valide :', ar: 'هذه ليست بطاقة مجموعة بيانات صالحة:', en: 'Not a valid dataset record:' },
  badProfile: { fr: 'Profil inconnu : {value} (mqa ou udata)', ar: 'ملف تقييم غير معروف: {value} (mqa أو udata)', en: 'Unknown profile: {value} (mqa or udata)' },
  badAggregation: { fr: 'Agrégation inconnue : {value} (best ou proportional)', ar: 'طريقة تجميع غير معروفة: {value} (best أو proportional)', en: 'Unknown aggregation: {value} (best or proportional)' },
  score: { fr: 'Score', ar: 'النتيجة', en: 'Score' },
  toDo: { fr: 'À faire', ar: 'ما يجب فعله', en: 'To do' },
  nothing: { fr: 'Rien à corriger.', ar: 'لا شيء للتصحيح.', en: 'Nothing to fix.' },
  timeliness: { fr: 'Mise à jour', ar: 'التحديث', en: 'Updates' },
} satisfies Record<string, LocalizedMessage>;



/** Options of `bayan score`. */
export interface ScoreOptions {
  profile?: string;
  aggregation?: string;
  json?: boolean;
  mqa?: boolean;
  /** A JSON file of link-check results: `{ "https://…": 200 }`. */
  links?: string;
}

/** Where the command writes, so tests can capture it. */
export interface ScoreIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  stdin?: () => string;
}

function formatReport(report: QualityReport, lang: Language): string[] {
  const lines = [`${say(text.score, lang)}: ${report.total}/${report.max} — ${report.bandLabel[lang]}`];
  for (const d of report.dimensions) lines.push(`  ${d.label[lang]}: ${d.points}/${d.max}`);
  lines.push(`${say(text.timeliness, lang)}: ${report.timeliness.message[lang]}`);
  lines.push(`${say(text.toDo, lang)}:`);
  if (report.hints.length === 0) lines.push(`  ${say(text.nothing, lang)}`);
  for (const hint of report.hints) lines.push(`  +${hint.gain}  ${hint.message[lang]}  (${hint.reason[lang]}) ${hint.pointer || '/'}`);
  return lines;
}

/**
 * Runs `bayan score` and returns its exit code (0 scored, 2 unusable input).
 *
 * @example
 * ```ts
 * const code = runScore('dataset.json', { json: true }, { out: console.log, err: console.error });
 * ```
 */
export function runScore(file: string, options: ScoreOptions, io: ScoreIo): number {
  const lang = interfaceLanguage(io.env);
  const profile = options.profile ?? 'mqa';
  if (profile !== 'mqa' && profile !== 'udata') {
    io.err(say(text.badProfile, lang, { value: profile }));
    return 2;
  }
  const aggregation = options.aggregation ?? 'best';
  if (aggregation !== 'best' && aggregation !== 'proportional') {
    io.err(say(text.badAggregation, lang, { value: aggregation }));
    return 2;
  }
  const source = readTextInput(file, lang, io);
  if (!source.ok) return 2;
  let input: unknown;
  try {
    input = JSON.parse(source.text);
  } catch {
    io.err(say(text.notJson, lang, { file }));
    return 2;
  }
  let links: Record<string, number> | undefined;
  if (options.links !== undefined) {
    const read = readTextInput(options.links, lang, io);
    if (!read.ok) return 2;
    let value: unknown;
    try {
      value = JSON.parse(read.text);
    } catch {
      value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      io.err(say(text.notJson, lang, { file: options.links }));
      return 2;
    }
    links = value as Record<string, number>;
  }
  const parsed = parseDataset(input);
  if (!parsed.ok) {
    io.err(say(text.notDataset, lang));
    for (const error of parsed.errors.slice(0, 50)) io.err(`  ${error.path || '/'}: ${error.message[lang]}`);
    return 2;
  }
  const report = scoreMetadata(parsed.value, { aggregation, ...(links ? { links } : {}) }, profile);
  if (options.mqa) io.out(JSON.stringify(toMqaJson(report), null, 2));
  else if (options.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of formatReport(report, lang)) io.out(line);
  return 0;
}

/**
 * Registers `bayan score FILE.json [--profile mqa|udata] [--aggregation best|proportional] [--links FILE] [--json] [--mqa]`.
 *
 * @example
 * ```ts
 * registerScore(new Command('bayan'));
 * ```
 */
export function registerScore(program: Command): Command {
  const lang = interfaceLanguage();
  program
    .command('score')
    .description(text.usage[lang])
    .argument('<file>', 'dataset record (JSON), or - for standard input')
    .option('--profile <profile>', 'mqa (default) or udata')
    .option('--aggregation <mode>', 'best (default) or proportional')
    .option('--links <file>', 'link-check results as JSON: { "https://…": 200 }')
    .option('--json', 'print the report as JSON')
    .option('--mqa', 'print the MQA per-dimension JSON')
    .action((file: string, options: ScoreOptions) => {
      const code = runScore(file, options, {
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
      });
      if (code !== 0) process.exitCode = code;
    });
  return program;
}
