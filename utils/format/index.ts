// Formatting for every view: byte sizes, numbers, percentages, dates, in the user's locale.
export { formatLocale } from './locale';
export { byteParts, formatBytes, UNIT_SPACE } from './bytes';
export { formatNumber, formatPercent, pluralKey } from './numbers';
export { formatDate, formatDateTime, formatDateWithArticle, formatWhen } from './dates';
