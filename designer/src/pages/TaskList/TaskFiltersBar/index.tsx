// The filters above the task list: process, due before, priority, text, and the order.
import { DatePicker, Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import type { TaskFilters, TaskSort } from '../taskQuery';

/** One process to filter by. */
export interface ProcessOption {
  key: string;
  name: string;
}

/** The lowest priority of each choice (Camunda's bands: medium from 26, high from 51, critical from 76). */
const PRIORITY_CHOICES = [26, 51, 76] as const;

/**
 * Edits `filters` (the due-before picker keeps its own day; the filter holds the end of that day). With `fill` (a phone)
 * the controls share the width, two to a row, instead of keeping their own.
 */
export function TaskFiltersBar({
  filters,
  processes,
  onChange,
  fill = false,
}: {
  filters: TaskFilters;
  processes: readonly ProcessOption[];
  onChange: (filters: TaskFilters) => void;
  fill?: boolean;
}) {
  const t = useT();
  const width = (own: number) => (fill ? { flex: '1 1 140px', minWidth: 0 } : { width: own });
  return (
    <Flex gap="small" wrap align="center" role="search" aria-label={t('tasks.filters')}>
      <Select
        aria-label={t('tasks.filter.process')}
        placeholder={t('tasks.filter.process')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={width(200)}
        value={filters.definitionKey}
        options={processes.map((p) => ({ value: p.key, label: p.name }))}
        onChange={(definitionKey?: string) => onChange({ ...filters, definitionKey })}
      />
      <DatePicker
        aria-label={t('tasks.filter.dueBefore')}
        placeholder={t('tasks.filter.dueBefore')}
        style={width(170)}
        onChange={(value) => onChange({ ...filters, dueBefore: value ? value.endOf('day').toDate().toISOString() : undefined })}
      />
      <Select
        aria-label={t('tasks.filter.priority')}
        placeholder={t('tasks.filter.priority')}
        allowClear
        style={width(150)}
        value={filters.minPriority}
        options={PRIORITY_CHOICES.map((value) => ({ value, label: t(`tasks.filter.priority.${value}`) }))}
        onChange={(minPriority?: number) => onChange({ ...filters, minPriority })}
      />
      <Input.Search
        aria-label={t('tasks.filter.text')}
        placeholder={t('tasks.filter.text')}
        allowClear
        style={width(220)}
        defaultValue={filters.text}
        onSearch={(text) => onChange({ ...filters, text: text || undefined })}
        onChange={(event) => event.target.value === '' && onChange({ ...filters, text: undefined })}
      />
      <Select<TaskSort>
        aria-label={t('tasks.sort')}
        style={width(170)}
        value={filters.sort}
        options={(['due', '-priority', '-created'] as const).map((value) => ({ value, label: t(`tasks.sort.${value}`) }))}
        onChange={(sort) => onChange({ ...filters, sort })}
      />
    </Flex>
  );
}
