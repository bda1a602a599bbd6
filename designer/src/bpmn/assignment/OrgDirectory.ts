// The diagram-js service holding the organisation the assignment pickers offer: candidate groups (roles, groups and org
// units with their names) and a way to find people by display name; React fills it from the API.

/** A candidate group the picker offers: what the XML holds (`id`), what people read (`label`), and what it is. */
export interface GroupChoice {
  id: string;
  label: string;
  kind: 'role' | 'group' | 'orgUnit';
}

/** A person: username (what the XML holds) and display name. */
export interface PersonChoice {
  username: string;
  displayName: string;
}

/** Where the directory finds people: a search by text and the display names of usernames. */
export interface PeopleSource {
  search(text: string): Promise<PersonChoice[]>;
  names(usernames: readonly string[]): Promise<PersonChoice[]>;
}

interface EventBusLike {
  fire(event: string): void;
}

const NO_PEOPLE: PeopleSource = { search: async () => [], names: async () => [] };

/** The groups and people offered by the properties panel's assignment pickers. */
export default class OrgDirectory {
  static $inject = ['eventBus'];

  private groupChoices: readonly GroupChoice[] = [];
  private people: PeopleSource = NO_PEOPLE;
  private readonly known = new Map<string, string>();
  private readonly asked = new Set<string>();

  constructor(private readonly eventBus: EventBusLike) {}

  /** Replaces the offered groups and redraws the properties panel. */
  setGroups(groups: readonly GroupChoice[]): void {
    this.groupChoices = groups;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }

  /** The offered groups. */
  groups(): readonly GroupChoice[] {
    return this.groupChoices;
  }

  /** Sets where people are found. */
  setPeopleSource(source: PeopleSource): void {
    this.people = source;
  }

  /** People whose display name or username contains `text`; their names are remembered. */
  async findPeople(text: string): Promise<PersonChoice[]> {
    const found = await this.people.search(text);
    for (const person of found) this.known.set(person.username, person.displayName);
    return found;
  }

  /** The display name of `username` when known, else undefined (`learnNames` asks for it). */
  nameOf(username: string): string | undefined {
    return this.known.get(username);
  }

  /** Asks once for the display names of `usernames` not known yet, then redraws the panel. */
  learnNames(usernames: readonly string[]): void {
    const missing = usernames.filter((name) => !this.known.has(name) && !this.asked.has(name));
    if (missing.length === 0) return;
    for (const name of missing) this.asked.add(name);
    this.people.names(missing).then(
      (found) => {
        for (const person of found) this.known.set(person.username, person.displayName);
        if (found.length > 0) this.eventBus.fire('propertiesPanel.providersChanged');
      },
      () => undefined,
    );
  }
}
