/**
 * What a story or entity id may be. Pages use an id as a path segment as it is, unescaped,
 * so the record schema checks it; this module stands alone so that the search page's
 * browser code can check ids with it without carrying the record schemas.
 */
export const ID_PATTERN = /^[a-z0-9-]{3,100}$/;

/** The translator value that names the archive itself, not a registry entry or a person's name. */
export const ARCHIVE_TRANSLATOR = 'archive';
