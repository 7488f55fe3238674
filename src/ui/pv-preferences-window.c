/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-language.h"
#include "pv-preferences-window.h"

struct _PvPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwComboRow *language_row;
};

G_DEFINE_FINAL_TYPE (PvPreferencesWindow, pv_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows of the language combo, as in the .ui file. */
static const char *const language_codes[] = { "", "en", "fr" };

static gboolean
language_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_strcmp0 (code, language_codes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (language_codes))
    return NULL;

  return g_variant_new_string (language_codes[position]);
}

static void
pv_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pv_preferences_window_parent_class)->dispose (object);
}

static void
pv_preferences_window_finalize (GObject *object)
{
  PvPreferencesWindow *self = PV_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pv_preferences_window_parent_class)->finalize (object);
}

static void
pv_preferences_window_class_init (PvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_preferences_window_dispose;
  object_class->finalize = pv_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PvPreferencesWindow, language_row);
}

static void
pv_preferences_window_init (PvPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);
  g_settings_bind_with_mapping (self->settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_to_position, position_to_language,
                                NULL, NULL);
}

GtkWidget *
pv_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PV_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
