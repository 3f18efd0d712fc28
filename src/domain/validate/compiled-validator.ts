/** The shape of an ajv standalone validator (generated/validators.js), without importing ajv's compiler. */
export interface CompiledError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: CompiledError[] | null;
}
