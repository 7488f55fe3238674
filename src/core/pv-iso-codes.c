/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libintl.h>
#include <string.h>

#include "pv-iso-codes.h"

/* Country names and their translations come from the iso-codes package
 * rather than from a table of our own: it is maintained, translated into
 * every language the desktop speaks, and already on every system. */

#define ISO_3166_DOMAIN "iso_3166-1"

#ifndef ISO_CODES_PREFIX
#define ISO_CODES_PREFIX "/usr"
#endif

static GHashTable *
load_countries (void)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *override = g_getenv ("PV_ISO_3166_JSON");
  JsonNode *root;
  JsonArray *array = NULL;

  /* The override exists for tests of the failure path only. */
  path = override != NULL ? g_strdup (override)
                          : g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                              "iso_3166-1.json", NULL);

  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_PREFIX "/share/locale");
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_warning ("Cannot read the country list %s: %s", path, error->message);
      return g_steal_pointer (&table);
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *list = json_object_get_member (json_node_get_object (root), "3166-1");
      if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
        array = json_node_get_array (list);
    }

  if (array == NULL)
    {
      g_warning ("The country list %s has an unexpected shape", path);
      return g_steal_pointer (&table);
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      const char *code;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (table, g_strdup (code), g_strdup (name));
    }

  return g_steal_pointer (&table);
}

/* Loaded once, on first use, and kept for the life of the process. */
static GHashTable *
get_countries (void)
{
  static GHashTable *countries = NULL;

  if (g_once_init_enter (&countries))
    g_once_init_leave (&countries, load_countries ());

  return countries;
}

gboolean
pv_iso_codes_is_country (const char *alpha2)
{
  if (alpha2 == NULL)
    return FALSE;
  return g_hash_table_contains (get_countries (), alpha2);
}

const char *
pv_iso_codes_get_english_name (const char *alpha2)
{
  if (alpha2 == NULL)
    return NULL;
  return g_hash_table_lookup (get_countries (), alpha2);
}

/**
 * pv_iso_codes_get_country_name:
 * @alpha2: an ISO 3166-1 alpha-2 code, upper case
 *
 * Returns: (nullable): the name in the user's language, looked up each
 *   time so that it follows a change of language; %NULL for an unknown code
 */
const char *
pv_iso_codes_get_country_name (const char *alpha2)
{
  const char *name = pv_iso_codes_get_english_name (alpha2);

  if (name == NULL)
    return NULL;
  return g_dgettext (ISO_3166_DOMAIN, name);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
pv_iso_codes_list_countries (void)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (get_countries (),
                                                                                NULL);
  GStrv codes = g_strdupv ((char **) keys);

  g_qsort_with_data (codes, g_strv_length (codes), sizeof (char *),
                     compare_codes, NULL);
  return codes;
}
