/**
 * The search files a build writes and the browser reads, with their shapes checked on
 * both sides by the same schemas.
 */
import { z } from 'zod';
import { SearchDocSchema, SearchEntitySchema } from './documents';

export const ExportedIndexSchema = z.record(z.string(), z.string());
export const SearchDocsFileSchema = z.array(SearchDocSchema);
export const SearchEntitiesFileSchema = z.array(SearchEntitySchema);
