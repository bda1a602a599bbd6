// The properties-panel pickers of a user task's assignment: candidate groups from the organisation (roles, groups, org
// units by name) and people found by display name (candidate users; the assignee, one person). They show what the
// attribute lists by name, add and remove names, and write the same comma-separated attribute the Zeebe FEEL field
// below edits; an expression (`=…`) stays with that field until a name is picked here.
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, ModdleLike } from '../moddleShapes';
import { type AssignmentAttribute, assignmentText, namesIn, namesValue, setAssignmentCommands } from './assignmentXml';
import type OrgDirectory from './OrgDirectory';
import type { GroupChoice, PersonChoice } from './OrgDirectory';

type Translate = (text: string, replacements?: Record<string, string>) => string;

interface CommandStackLike {
  execute(command: string, context: unknown): void;
}

interface PickerProps {
  element: { businessObject: ModdleLike };
  id: string;
  attribute: AssignmentAttribute;
}

/** How long typing rests before people are searched. */
const SEARCH_PAUSE_MS = 250;

const GROUP_KINDS: ReadonlyArray<readonly [GroupChoice['kind'], string]> = [
  ['group', 'Groups'],
  ['role', 'Roles'],
  ['orgUnit', 'Org units'],
];

const LABELS: Record<AssignmentAttribute, string> = { assignee: 'Pick the assignee', candidateGroups: 'Pick candidate groups', candidateUsers: 'Pick candidate users' };

/** The attribute's names (null for an expression), and a writer of a new list as one undoable step. */
function useNames({ element, attribute }: PickerProps) {
  const factory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStackLike>('commandStack');
  const names = namesIn(assignmentText(element.businessObject, attribute));
  const write = (next: readonly string[]) => {
    const commands = setAssignmentCommands(element, element.businessObject, attribute, namesValue(next), factory);
    if (commands.length > 0) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  return { names, write };
}

/** The picked names as removable tags, or a note that an expression decides. */
function Picked({ names, labelOf, onRemove }: { names: string[] | null; labelOf: (name: string) => string; onRemove: (name: string) => void }) {
  const translate = useService<Translate>('translate');
  if (names === null) return h('div', { class: 'bio-properties-panel-description' }, translate('An expression below decides; picking here replaces it'));
  if (names.length === 0) return h('div', { class: 'bio-properties-panel-description' }, translate('Nobody picked yet'));
  return h(
    'ul',
    { class: 'sparrow-picked' },
    names.map((name) =>
      h('li', { key: name, class: 'sparrow-picked-item', title: name }, [
        h('span', null, labelOf(name)),
        h('button', { type: 'button', class: 'sparrow-picked-remove', 'aria-label': translate('Remove {name}', { name: labelOf(name) }), onClick: () => onRemove(name) }, '×'),
      ]),
    ),
  );
}

/** Candidate groups: a select of the organisation's groups, roles and org units by name. */
export function GroupPicker(props: PickerProps) {
  const translate = useService<Translate>('translate');
  const directory = useService<OrgDirectory>('sparrowDirectory');
  const { names, write } = useNames(props);
  const groups = directory.groups();
  const labelOf = (id: string) => groups.find((group) => group.id === id)?.label ?? id;
  const offered = groups.filter((group) => !names?.includes(group.id));
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': props.id }, [
    h('label', { class: 'bio-properties-panel-label', for: `bio-properties-panel-${props.id}` }, translate(LABELS[props.attribute])),
    h(Picked, { names, labelOf, onRemove: (name: string) => write((names ?? []).filter((other) => other !== name)) }),
    h(
      'select',
      {
        id: `bio-properties-panel-${props.id}`,
        class: 'bio-properties-panel-input',
        value: '',
        onChange: (event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          if (value) write([...(names ?? []), value]);
        },
      },
      [
        h('option', { value: '' }, translate('Add…')),
        ...GROUP_KINDS.map(([kind, label]) => {
          const ofKind = offered.filter((group) => group.kind === kind);
          return ofKind.length === 0 ? null : h('optgroup', { label: translate(label) }, ofKind.map((group) => h('option', { value: group.id }, group.label)));
        }),
      ],
    ),
  ]);
}

/** People found as one types: a search field and the matches as buttons; the assignee takes one person, candidate users several. */
export function PersonPicker(props: PickerProps) {
  const translate = useService<Translate>('translate');
  const directory = useService<OrgDirectory>('sparrowDirectory');
  const { names, write } = useNames(props);
  const single = props.attribute === 'assignee';
  const [text, setText] = useState('');
  const [found, setFound] = useState<PersonChoice[] | null>(null);
  useEffect(() => directory.learnNames(names ?? []), [names?.join(',')]);
  useEffect(() => {
    if (text.trim() === '') {
      setFound(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      directory.findPeople(text.trim()).then(
        (people) => current && setFound(people),
        () => current && setFound([]),
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  const labelOf = (username: string) => directory.nameOf(username) ?? username;
  const pick = (person: PersonChoice) => {
    write(single ? [person.username] : [...(names ?? []), person.username]);
    setText('');
  };
  const matches = (found ?? []).filter((person) => !names?.includes(person.username));
  return h('div', { class: 'bio-properties-panel-entry', 'data-entry-id': props.id }, [
    h('label', { class: 'bio-properties-panel-label', for: `bio-properties-panel-${props.id}` }, translate(LABELS[props.attribute])),
    h(Picked, { names, labelOf, onRemove: (name: string) => write((names ?? []).filter((other) => other !== name)) }),
    h('input', {
      id: `bio-properties-panel-${props.id}`,
      class: 'bio-properties-panel-input',
      type: 'text',
      autoComplete: 'off',
      placeholder: translate('Search people by name'),
      value: text,
      onInput: (event: Event) => setText((event.target as HTMLInputElement).value),
    }),
    found === null
      ? null
      : matches.length === 0
        ? h('div', { class: 'bio-properties-panel-description' }, translate('Nobody found'))
        : h(
            'ul',
            { class: 'sparrow-found', role: 'listbox' },
            matches.map((person) =>
              h('li', { key: person.username, role: 'option' }, h('button', { type: 'button', class: 'sparrow-found-person', title: person.username, onClick: () => pick(person) }, person.displayName)),
            ),
          ),
  ]);
}
