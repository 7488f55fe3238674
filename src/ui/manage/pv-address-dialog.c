/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-address-dialog.h"
#include "pv-iso-codes.h"
#include "pv-voice-calls.h"

/* New Emergency Address: the civic address fields, checked as the user
 * types with a message that says what is still wrong, then created on
 * the service. */

#define MAX_FIELD 200
#define MAX_SHORT_FIELD 10

struct _PvAddressDialog
{
  AdwWindow        parent_instance;

  PvServiceClient *client;
  GCancellable    *cancellable;
  GStrv            country_codes;  /* [0] is "choose" */

  AdwEntryRow     *description_row;
  AdwEntryRow     *company_row;
  AdwEntryRow     *house_number_row;
  AdwEntryRow     *street_row;
  AdwEntryRow     *postal_code_row;
  AdwEntryRow     *city_row;
  AdwEntryRow     *state_row;
  AdwComboRow     *country_row;
  GtkLabel        *problem_label;
  GtkSpinner      *spinner;
};

G_DEFINE_FINAL_TYPE (PvAddressDialog, pv_address_dialog, ADW_TYPE_WINDOW)

enum {
  ADDRESS_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
too_long (const char *text,
          glong       max)
{
  return text != NULL && g_utf8_strlen (text, -1) > max;
}

static gboolean
is_postal_code (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != ' ' && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * pv_emergency_address_check:
 *
 * What keeps @address from being a civic address emergency services can
 * be sent to.
 *
 * Returns: (transfer full) (nullable): the first problem, in words that
 *   say how to fix it, or %NULL when the address can be created
 */
char *
pv_emergency_address_check (PvEmergencyAddress *address)
{
  const char *country = pv_emergency_address_get_country_code (address);
  const char *postal_code = pv_emergency_address_get_postal_code (address);
  const char *house_number = pv_emergency_address_get_house_number (address);

  if (is_blank (pv_emergency_address_get_description (address)))
    return g_strdup (_("Give the address a description, such as the name of the site, so that you can find it in the list."));
  if (is_blank (pv_emergency_address_get_street_name (address)))
    return g_strdup (_("Give the street: emergency services need it to find the place."));
  if (is_blank (pv_emergency_address_get_city (address)))
    return g_strdup (_("Give the city."));
  if (country == NULL || !pv_iso_codes_is_country (country))
    return g_strdup (_("Choose the country or region of the address."));
  if (house_number != NULL && too_long (house_number, MAX_SHORT_FIELD))
    return g_strdup_printf (/* Translators: %d is a number of characters. */
                            ngettext ("A house number has at most %d character.",
                                      "A house number has at most %d characters.", MAX_SHORT_FIELD),
                            MAX_SHORT_FIELD);
  if (postal_code != NULL && !is_postal_code (postal_code))
    return g_strdup (_("A postal code has only letters, digits, spaces and hyphens, such as 75015 or SW1A 1AA."));
  if (postal_code != NULL && too_long (postal_code, MAX_SHORT_FIELD))
    return g_strdup_printf (/* Translators: %d is a number of characters. */
                            ngettext ("A postal code has at most %d character.",
                                      "A postal code has at most %d characters.", MAX_SHORT_FIELD),
                            MAX_SHORT_FIELD);
  if (too_long (pv_emergency_address_get_description (address), MAX_FIELD) ||
      too_long (pv_emergency_address_get_company_name (address), MAX_FIELD) ||
      too_long (pv_emergency_address_get_street_name (address), MAX_FIELD) ||
      too_long (pv_emergency_address_get_city (address), MAX_FIELD) ||
      too_long (pv_emergency_address_get_state_or_province (address), MAX_FIELD))
    return g_strdup_printf (/* Translators: %d is a number of characters. */
                            ngettext ("Each field has at most %d character.",
                                      "Each field has at most %d characters.", MAX_FIELD),
                            MAX_FIELD);
  return NULL;
}

static const char *
field (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return is_blank (text) ? NULL : text;
}

static PvEmergencyAddress *
address_from_fields (PvAddressDialog *self)
{
  PvEmergencyAddress *address = pv_emergency_address_new ();
  guint country = adw_combo_row_get_selected (self->country_row);

  pv_emergency_address_set_description (address, field (self->description_row));
  pv_emergency_address_set_company_name (address, field (self->company_row));
  pv_emergency_address_set_house_number (address, field (self->house_number_row));
  pv_emergency_address_set_street_name (address, field (self->street_row));
  pv_emergency_address_set_postal_code (address, field (self->postal_code_row));
  pv_emergency_address_set_city (address, field (self->city_row));
  pv_emergency_address_set_state_or_province (address, field (self->state_row));
  if (country > 0 && country < g_strv_length (self->country_codes))
    pv_emergency_address_set_country_code (address, self->country_codes[country]);
  return address;
}

static void
fields_changed_cb (PvAddressDialog *self)
{
  g_autoptr(PvEmergencyAddress) address = address_from_fields (self);
  g_autofree char *problem = pv_emergency_address_check (address);

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "address.create",
                                 problem == NULL && self->cancellable == NULL);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PvAddressDialog) self = user_data;
  g_autoptr(PvEmergencyAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  address = pv_service_client_create_emergency_address_finish (PV_SERVICE_CLIENT (object), result, &error);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (address == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "address.create", TRUE);
      return;
    }
  g_signal_emit (self, signals[ADDRESS_CREATED], 0, address);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PvAddressDialog *self = PV_ADDRESS_DIALOG (widget);
  g_autoptr(PvEmergencyAddress) address = address_from_fields (self);
  g_autofree char *problem = pv_emergency_address_check (address);

  if (problem != NULL || self->client == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_label_set_text (self->problem_label, _("Creating the address…"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "address.create", FALSE);
  pv_service_client_create_emergency_address_async (self->client, address, self->cancellable,
                                                    created_cb, g_object_ref (self));
}

static void
pv_address_dialog_dispose (GObject *object)
{
  PvAddressDialog *self = PV_ADDRESS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->country_codes, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_ADDRESS_DIALOG);

  G_OBJECT_CLASS (pv_address_dialog_parent_class)->dispose (object);
}

static void
pv_address_dialog_class_init (PvAddressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_address_dialog_dispose;

  /**
   * PvAddressDialog::address-created:
   * @address: the #PvEmergencyAddress as the service created it
   */
  signals[ADDRESS_CREATED] =
    g_signal_new ("address-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PV_TYPE_EMERGENCY_ADDRESS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-address-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, house_number_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, street_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, city_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PvAddressDialog, spinner);

  gtk_widget_class_install_action (widget_class, "address.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (pv_iso_codes_get_country_name (*(const char * const *) a),
                         pv_iso_codes_get_country_name (*(const char * const *) b));
}

static void
pv_address_dialog_init (PvAddressDialog *self)
{
  g_auto(GStrv) codes = pv_iso_codes_list_countries ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *sorted = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  /* Countries by name in the user's language, after a first choice that
   * says one is needed. */
  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (sorted, g_strdup (codes[i]));
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_insert (sorted, 0, g_strdup (""));
  g_ptr_array_add (sorted, NULL);
  self->country_codes = (GStrv) g_ptr_array_free (sorted, FALSE);
  gtk_string_list_append (names, _("Choose…"));
  for (guint i = 1; self->country_codes[i] != NULL; i++)
    gtk_string_list_append (names, pv_iso_codes_get_country_name (self->country_codes[i]));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (names));

  g_signal_connect_object (self->description_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->company_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->house_number_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->street_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->postal_code_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->city_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_row, "changed", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected", G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);
  fields_changed_cb (self);
}

/**
 * pv_address_dialog_new:
 *
 * Returns: (transfer floating): a dialog that emits
 *   #PvAddressDialog::address-created and closes once the service has
 *   created the address
 */
GtkWidget *
pv_address_dialog_new (GtkWindow       *parent,
                       PvServiceClient *client)
{
  PvAddressDialog *self = g_object_new (PV_TYPE_ADDRESS_DIALOG, "transient-for", parent, NULL);

  g_set_object (&self->client, client);
  return GTK_WIDGET (self);
}
