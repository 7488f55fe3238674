/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a person typed into a search field, ready to be looked for in
 * names: without the spaces around it, case-folded, and also without
 * accents, so that "cote" finds Côte d’Ivoire and "ÉTATS" finds
 * États-Unis. */
typedef struct
{
  char *folded;  /* case-folded; NULL when there is nothing to look for */
  char *ascii;   /* and without accents; NULL when that is folded itself */
} PvSearchQuery;

void     pv_search_query_set_text (PvSearchQuery       *query,
                                   const char          *text);
void     pv_search_query_clear    (PvSearchQuery       *query);
gboolean pv_search_query_matches  (const PvSearchQuery *query,
                                   const char          *text);

void     pv_search_key_append     (GString             *key,
                                   const char          *text);

G_END_DECLS
