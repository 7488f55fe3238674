/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>

#include "pv-language.h"

/* The preferred language is applied once, before anything is translated:
 * switching gettext's language under a running interface would leave half
 * of it in the old language, which is why the preference says it takes
 * effect at the next start. */

/**
 * pv_language_from_preference:
 * @preference: the `language` setting: "" for the system's, or a code
 * @current_language: the LANGUAGE environment variable, or %NULL
 *
 * Returns: the value LANGUAGE should take, or %NULL to leave it alone.
 */
const char *
pv_language_from_preference (const char *preference,
                             const char *current_language)
{
  if (preference == NULL || *preference == '\0')
    return NULL;

  /* Only the languages Provisio ships; a value edited by hand into
   * something else falls back to the system's choice. */
  if (g_strcmp0 (preference, "en") != 0 && g_strcmp0 (preference, "fr") != 0)
    return NULL;

  if (g_strcmp0 (preference, current_language) == 0)
    return NULL;

  return preference;
}

void
pv_language_apply_preference (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *preference = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *language;
  const char *messages_locale;

  if (source == NULL)
    return;

  /* Without the schema (an uninstalled build) there is no preference. */
  schema = g_settings_schema_source_lookup (source, PV_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);
  preference = g_settings_get_string (settings, "language");
  language = pv_language_from_preference (preference, g_getenv ("LANGUAGE"));
  if (language == NULL)
    return;

  g_setenv ("LANGUAGE", language, TRUE);

  /* gettext ignores LANGUAGE under the C locale; C.UTF-8 behaves the same
   * for everything else and lets the preference apply. */
  messages_locale = setlocale (LC_MESSAGES, NULL);
  if (messages_locale == NULL || g_strcmp0 (messages_locale, "C") == 0 ||
      g_strcmp0 (messages_locale, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
}
