// Request-body examples, one per body DTO, kept beside the module's DTOs
// (`<module>/dto-examples.ts`) and typed as the DTO, so an example that
// drifts from its class does not compile. The document pass puts each on
// the media type of every operation whose JSON body is that DTO; a test
// validates each against its schema and posts a few to a fresh demo.

type Example = Record<string, unknown>;

const EXAMPLES = new Map<string, { summary: string; value: Example }>();

/** Registers the example of a body DTO (by its schema name, the class name). */
export function bodyExample<T extends object>(dto: abstract new (...args: never[]) => T, summary: string, value: T): void {
  EXAMPLES.set(dto.name, { summary, value: value as unknown as Example });
}

/** The registered example of a schema, if any. */
export function bodyExampleOf(schemaName: string): { summary: string; value: Example } | undefined {
  return EXAMPLES.get(schemaName);
}

type Media = { schema?: { $ref?: string }; examples?: Record<string, { summary: string; value: unknown }> };

/** Adds the registered example to a JSON request body that names a DTO schema. */
export function addBodyExample(requestBody: { content?: Record<string, Media> } | undefined): void {
  const media = requestBody?.content?.['application/json'];
  const name = media?.schema?.$ref?.split('/').pop();
  const example = name ? EXAMPLES.get(name) : undefined;
  if (media && example) media.examples = { [name!]: { summary: example.summary, value: example.value } };
}
