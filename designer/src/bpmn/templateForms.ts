// The forms a process template names (zeebe:formDefinition formId), shipped beside the templates as
// processes/forms/<form id>.form.json, so a process created from a template finds its forms in the library.

/** A form shipped with the templates: its id and its form-js schema. */
export interface TemplateForm {
  id: string;
  schema: Record<string, unknown>;
}

/** The form ids `xml` names (user task forms and start forms), in the order they first appear. */
export function formIdsOf(xml: string): string[] {
  const ids = [...xml.matchAll(/<(?:\w+:)?formDefinition\b[^>]*\bformId="([^"]+)"/g)].map((match) => match[1]);
  return [...new Set(ids)];
}

/** The shipped forms of `files` (`{ path: JSON text }`, named `<form id>.form.json`) that `xml` names; ids without a file are left out. */
export function formsOfTemplate(xml: string, files: Record<string, string>): TemplateForm[] {
  const byId = new Map(Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.form\.json$/, ''), text]));
  return formIdsOf(xml).flatMap((id) => {
    const text = byId.get(id);
    return text === undefined ? [] : [{ id, schema: JSON.parse(text) as Record<string, unknown> }];
  });
}
