/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pv-search-query.h"

/**
 * pv_search_query_set_text:
 * @text: (nullable): what the person typed
 *
 * Text that is empty once stripped leaves nothing to look for.
 */
void
pv_search_query_set_text (PvSearchQuery *query,
                          const char    *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  pv_search_query_clear (query);
  if (*stripped == '\0')
    return;
  query->folded = g_utf8_casefold (stripped, -1);
  if (!g_str_is_ascii (query->folded))
    query->ascii = g_str_to_ascii (query->folded, NULL);
}

void
pv_search_query_clear (PvSearchQuery *query)
{
  g_clear_pointer (&query->folded, g_free);
  g_clear_pointer (&query->ascii, g_free);
}

/**
 * pv_search_query_matches:
 * @text: (nullable): a name
 *
 * Returns: whether @text, case-folded, holds the query, or holds it
 *   once both lose their accents; TRUE for every @text when there is
 *   nothing to look for, FALSE for a %NULL @text otherwise
 */
gboolean
pv_search_query_matches (const PvSearchQuery *query,
                         const char          *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;

  if (query->folded == NULL)
    return TRUE;
  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  if (strstr (folded, query->folded) != NULL)
    return TRUE;
  /* An ASCII query is its own unaccented form: "cote" in "cote" from
   * "côte". */
  ascii = g_str_to_ascii (folded, NULL);
  return strstr (ascii, query->ascii != NULL ? query->ascii : query->folded) != NULL;
}

/**
 * pv_search_key_append:
 * @key: a search key being built
 * @text: (nullable): a name to find the key by
 *
 * Appends @text to @key case-folded, then without accents when that
 * differs, one spelling a line: a key made ahead of time, so that a
 * query (without a newline) is found in it with strstr() alone, whether
 * it was typed with accents or without.
 */
void
pv_search_key_append (GString    *key,
                      const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = g_utf8_casefold (text, -1);
  g_string_append (key, folded);
  g_string_append_c (key, '\n');
  if (g_str_is_ascii (folded))
    return;
  ascii = g_str_to_ascii (folded, NULL);
  g_string_append (key, ascii);
  g_string_append_c (key, '\n');
}
