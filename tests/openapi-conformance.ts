// Does an answer keep the API document's word? Its status must be one the operation declares, and its
// body must validate (ajv, JSON Schema 2020-12) against that response's schema in the document,
// dereferenced. What Schemathesis checks, for the requests the tests send.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

type Schema = Record<string, unknown>;
type Response = { description: string; content?: Record<string, { schema: Schema }> };
type Operation = { operationId?: string; responses: Record<string, Response> };
export type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** An answer as it came: its status, its content type and its body's text. */
export type Answer = { status: number; contentType: string | null; text: string };

/** Replaces every `$ref` to `#/components/schemas/…` by the schema it names (the document has no cycles). */
export function dereference<T>(value: T, doc: Document, seen: string[] = []): T {
  if (Array.isArray(value)) return value.map((v) => dereference(v, doc, seen)) as T;
  if (value === null || typeof value !== "object") return value;
  const ref = (value as Schema).$ref;
  if (typeof ref === "string") {
    const name = ref.replace("#/components/schemas/", "");
    if (seen.includes(name)) throw new Error(`a cycle through ${name}`);
    const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== "$ref"));
    return { ...dereference(doc.components!.schemas![name]!, doc, [...seen, name]), ...rest } as T;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dereference(v, doc, seen)])) as T;
}

/** A checker over one document: compiles each response schema once, counts what it judged. */
export function conformanceChecker(document: Document) {
  const doc = dereference(document, document);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const tally = { checked: 0, failures: [] as string[], byOperation: new Map<string, Set<number>>() };

  function validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
    return validate;
  }

  /** @returns what breaks the document, or null when the answer keeps it */
  function breach(method: string, template: string, answer: Answer): string | null {
    const op = doc.paths[template]?.[method.toLowerCase()];
    if (!op) return `${method} ${template} is not in the document`;
    const response = op.responses[String(answer.status)] ?? op.responses.default;
    if (!response) {
      return `${method} ${template} answered ${answer.status}, which it does not declare (it declares ${Object.keys(op.responses).join(", ")}): ${answer.text.slice(0, 200)}`;
    }
    const media = response.content?.["application/json"];
    if (!media) return answer.text === "" ? null : `${answer.status} should have no body: ${answer.text.slice(0, 100)}`;
    if (!answer.contentType?.startsWith("application/json")) return `${answer.status} served as ${answer.contentType}`;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `${answer.status} whose body is not JSON: ${answer.text.slice(0, 100)}`;
    }
    const validate = validatorFor(`${method} ${template} ${answer.status}`, media.schema);
    if (validate(body)) return null;
    const why = ajv.errorsText(validate.errors, { dataVar: "body" });
    return `${method} ${template} ${answer.status}: ${why}; body ${answer.text.slice(0, 300)}`;
  }

  return {
    /** Judges one answer; the failure (or null) is also kept in the tally. */
    check(method: string, template: string, answer: Answer): string | null {
      tally.checked += 1;
      const seen = tally.byOperation.get(`${method.toUpperCase()} ${template}`) ?? new Set<number>();
      seen.add(answer.status);
      tally.byOperation.set(`${method.toUpperCase()} ${template}`, seen);
      const found = breach(method, template, answer);
      if (found) tally.failures.push(found);
      return found;
    },
    tally,
    operations: Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    ),
  };
}
