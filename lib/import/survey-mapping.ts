// The mapping file of a survey import: which response column feeds which indicator, which answers
// count as "yes" (or that the column is a score to average), which columns split respondents
// into groups, and which answers mean "no answer". JSON, described in docs/data-format.md.
import { normaliseColumnName, type ReportLogs } from "@/lib/import/csv-reader";
import { FileProblem } from "@/lib/import/problems";
import { displayName, readWholeText } from "@/lib/import/read-text";

export interface ProportionQuestion {
  kind: "proportion";
  column: string;
  indicator: string;
  /** Answers counted as yes, lower-cased. */
  yes: Set<string>;
  /** Answers counted as no, lower-cased; when empty, every other answer is a no. */
  no: Set<string>;
}

export interface MeanQuestion {
  kind: "mean";
  column: string;
  indicator: string;
  min: number | null;
  max: number | null;
}

export type Question = ProportionQuestion | MeanQuestion;

export interface SurveyMapping {
  questions: Question[];
  /** Response column → group dimension, e.g. age_band → age (groups "age:16-34", …). */
  groups: { column: string; dimension: string }[];
  /** Answers that mean the question was not answered, lower-cased (always includes ""). */
  missing: Set<string>;
}

const DIMENSION = /^[a-z][a-z0-9_-]*$/;

function answers(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : typeof value === "string" || typeof value === "number" ? [value] : null;
  if (!list || !list.every((item) => typeof item === "string" || typeof item === "number")) return null;
  return list.map((item) => String(item).trim().toLowerCase());
}

/** Reads and checks a mapping file; problems are logged against it. Null when it cannot be used. */
export async function readSurveyMapping(file: string, logs: ReportLogs): Promise<SurveyMapping | null> {
  const name = displayName(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readWholeText(file));
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    logs.problems.add({ file: name, message: `This is not valid JSON: ${(error as Error).message}` });
    return null;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    logs.problems.add({
      file: name,
      message: 'The mapping should be an object with "questions" (and optionally "groups" and "missing").',
    });
    return null;
  }
  const root = parsed as Record<string, unknown>;
  const before = logs.problems.total;
  for (const key of Object.keys(root)) {
    if (!["questions", "groups", "missing"].includes(key)) {
      logs.warnings.add({ file: name, column: key, message: `The field "${key}" is not used and was ignored.` });
    }
  }

  const missing = new Set([""]);
  if (root.missing !== undefined) {
    const list = answers(root.missing);
    if (!list)
      logs.problems.add({
        file: name,
        column: "missing",
        message: '"missing" should be a list of answers, e.g. ["Don\'t know", "Refused"].',
      });
    else for (const answer of list) missing.add(answer);
  }

  const groups: SurveyMapping["groups"] = [];
  if (root.groups !== undefined) {
    const entries: [string, unknown][] = Array.isArray(root.groups)
      ? root.groups.map((column) => [String(column), String(column)])
      : typeof root.groups === "object" && root.groups !== null
        ? Object.entries(root.groups)
        : [];
    if (entries.length === 0) {
      logs.problems.add({
        file: name,
        column: "groups",
        message: '"groups" should map response columns to group names, e.g. { "age_band": "age" }.',
      });
    }
    for (const [column, dimension] of entries) {
      if (typeof dimension !== "string" || !DIMENSION.test(dimension)) {
        logs.problems.add({
          file: name,
          where: `group column "${column}"`,
          message: `The group name ${JSON.stringify(dimension)} should be lower-case letters, digits, - or _, starting with a letter (e.g. "age").`,
        });
        continue;
      }
      groups.push({ column: normaliseColumnName(column), dimension });
    }
  }

  const questions: Question[] = [];
  const rawQuestions = root.questions;
  if (
    rawQuestions === null ||
    typeof rawQuestions !== "object" ||
    Array.isArray(rawQuestions) ||
    Object.keys(rawQuestions).length === 0
  ) {
    logs.problems.add({
      file: name,
      column: "questions",
      message:
        '"questions" should map each response column to an indicator, e.g. { "q1": { "indicator": "formal-volunteering", "yes": ["Yes"] } }.',
    });
  } else {
    for (const [column, spec] of Object.entries(rawQuestions as Record<string, unknown>)) {
      const where = `question "${column}"`;
      const report = (message: string, field?: string) =>
        logs.problems.add({ file: name, where, column: field, message });
      if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
        report('Each question should be an object such as { "indicator": "belonging", "yes": ["Yes"] }.');
        continue;
      }
      const q = spec as Record<string, unknown>;
      for (const key of Object.keys(q)) {
        if (!["indicator", "yes", "no", "mean", "min", "max"].includes(key)) {
          logs.warnings.add({
            file: name,
            where,
            column: key,
            message: `The field "${key}" is not used and was ignored.`,
          });
        }
      }
      const indicator = typeof q.indicator === "string" ? q.indicator.trim() : "";
      if (indicator === "") {
        report("The indicator is missing.", "indicator");
        continue;
      }
      const normalised = normaliseColumnName(column);
      if (q.mean === true) {
        if (q.yes !== undefined || q.no !== undefined) {
          report('A question is either averaged ("mean": true) or counted ("yes": [...]), not both.');
          continue;
        }
        const bound = (field: "min" | "max"): number | null | undefined => {
          if (q[field] === undefined) return null;
          if (typeof q[field] === "number" && Number.isFinite(q[field])) return q[field];
          report(`"${field}" should be a number.`, field);
          return undefined;
        };
        const min = bound("min");
        const max = bound("max");
        if (min === undefined || max === undefined) continue;
        questions.push({ kind: "mean", column: normalised, indicator, min, max });
      } else if (q.mean !== undefined && q.mean !== false) {
        report('"mean" should be true (average the answers as scores) or left out.', "mean");
      } else {
        const yes = answers(q.yes);
        if (!yes || yes.length === 0) {
          report(
            'Give the answers that count as yes, e.g. "yes": ["Yes", "Agree"], or "mean": true for a score.',
            "yes",
          );
          continue;
        }
        const no = q.no === undefined ? [] : answers(q.no);
        if (!no) {
          report('"no" should be a list of answers.', "no");
          continue;
        }
        const both = yes.filter((answer) => no.includes(answer) || missing.has(answer));
        if (both.length > 0) {
          report(`The answer "${both[0]}" is listed as yes and also as no or missing.`, "yes");
          continue;
        }
        questions.push({ kind: "proportion", column: normalised, indicator, yes: new Set(yes), no: new Set(no) });
      }
    }
  }
  const groupColumns = new Set(groups.map((g) => g.column));
  for (const question of questions) {
    if (groupColumns.has(question.column)) {
      logs.problems.add({
        file: name,
        where: `question "${question.column}"`,
        message: "A column cannot be both a question and a group.",
      });
    }
  }
  return logs.problems.total > before ? null : { questions, groups, missing };
}
