/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-countries-dialog.h"
#include "pv-iso-codes.h"

/* Manage Countries: the countries an operator serves, by name in the
 * user's language, each with a check box; a search narrows the list.
 * An operator serves a handful of countries, so one row per country. */

struct _PvCountriesDialog
{
  AdwWindow       parent_instance;

  GHashTable     *checks;  /* code → GtkCheckButton, borrowed */
  char           *query;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkListBox     *countries_list;
  GtkLabel       *problem_label;
};

G_DEFINE_FINAL_TYPE (PvCountriesDialog, pv_countries_dialog, ADW_TYPE_WINDOW)

enum {
  COUNTRIES_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GStrv
chosen_codes (PvCountriesDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->countries_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *code = g_object_get_data (G_OBJECT (row), "pv-code");
      GtkCheckButton *check = code != NULL ? g_hash_table_lookup (self->checks, code) : NULL;

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

static void
update (PvCountriesDialog *self)
{
  g_auto(GStrv) codes = chosen_codes (self);
  gboolean none = codes[0] == NULL;

  gtk_label_set_text (self->problem_label,
                      none ? _("Choose at least one country. To stop using the operator everywhere, "
                               "remove the operator instead.") : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "countries.save", !none);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PvCountriesDialog *self = PV_COUNTRIES_DIALOG (widget);
  g_auto(GStrv) codes = chosen_codes (self);

  if (codes[0] == NULL)
    return;
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[COUNTRIES_CHOSEN], 0, codes);
  g_object_unref (self);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  PvCountriesDialog *self = user_data;
  const char *code = g_object_get_data (G_OBJECT (row), "pv-code");
  const char *name;
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;

  if (self->query == NULL || code == NULL)
    return TRUE;
  name = pv_iso_codes_get_country_name (code);
  folded = g_utf8_casefold (name != NULL ? name : code, -1);
  ascii = g_str_to_ascii (folded, NULL);
  return strstr (folded, self->query) != NULL || strstr (ascii, self->query) != NULL ||
         g_ascii_strcasecmp (code, self->query) == 0;
}

static void
search_changed_cb (PvCountriesDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->countries_list);
}

static void
pv_countries_dialog_dispose (GObject *object)
{
  PvCountriesDialog *self = PV_COUNTRIES_DIALOG (object);

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_COUNTRIES_DIALOG);

  G_OBJECT_CLASS (pv_countries_dialog_parent_class)->dispose (object);
}

static void
pv_countries_dialog_class_init (PvCountriesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_countries_dialog_dispose;

  /**
   * PvCountriesDialog::countries-chosen:
   * @countries: (array zero-terminated=1): the codes chosen
   */
  signals[COUNTRIES_CHOSEN] =
    g_signal_new ("countries-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-countries-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PvCountriesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvCountriesDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvCountriesDialog, countries_list);
  gtk_widget_class_bind_template_child (widget_class, PvCountriesDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "countries.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pv_countries_dialog_init (PvCountriesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_filter_func (self->countries_list, filter_row, self, NULL);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = pv_iso_codes_get_country_name (*(const char * const *) a);
  const char *name_b = pv_iso_codes_get_country_name (*(const char * const *) b);

  return g_utf8_collate (name_a != NULL ? name_a : *(const char * const *) a,
                         name_b != NULL ? name_b : *(const char * const *) b);
}

/**
 * pv_countries_dialog_new:
 * @chosen: the countries the tenant uses the operator in now
 *
 * Returns: (transfer floating): a dialog that emits
 *   #PvCountriesDialog::countries-chosen on Save, then closes
 */
GtkWidget *
pv_countries_dialog_new (GtkWindow          *parent,
                         PvOperator         *operator_,
                         const char * const *chosen)
{
  PvCountriesDialog *self = g_object_new (PV_TYPE_COUNTRIES_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const char * const *served = pv_operator_get_countries (operator_);

  adw_window_title_set_subtitle (self->window_title, pv_operator_get_name (operator_));
  for (guint i = 0; served != NULL && served[i] != NULL; i++)
    g_ptr_array_add (codes, (gpointer) served[i]);
  g_ptr_array_sort (codes, compare_names);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      const char *name = pv_iso_codes_get_country_name (code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : code);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen != NULL && g_strv_contains (chosen, code));
      /* The row's title labels the check it activates: a label of the
       * check's own would be read after it again. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "pv-code", g_strdup (code), g_free);
      g_hash_table_insert (self->checks, g_strdup (code), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->countries_list, row);
    }
  update (self);

  return GTK_WIDGET (self);
}

void
pv_countries_dialog_set_chosen (PvCountriesDialog *self,
                                const char        *code,
                                gboolean           chosen)
{
  GtkCheckButton *check;

  g_return_if_fail (PV_IS_COUNTRIES_DIALOG (self));

  check = g_hash_table_lookup (self->checks, code);
  if (check != NULL)
    gtk_check_button_set_active (check, chosen);
}

void
pv_countries_dialog_set_search (PvCountriesDialog *self,
                                const char        *text)
{
  g_return_if_fail (PV_IS_COUNTRIES_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/* How many countries the search shows. */
guint
pv_countries_dialog_get_n_shown (PvCountriesDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PV_IS_COUNTRIES_DIALOG (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->countries_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (filter_row (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}
