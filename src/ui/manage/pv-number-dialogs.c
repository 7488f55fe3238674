/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-number-dialogs.h"

/* The questions Phone Numbers asks before acting on a number: whether to
 * release it (and unassign it first), and which emergency address it
 * gets. The view sends their answer to the model. */

/* Where an operator's contact is found: the catalogue has no contact of
 * its own, the vendor's directory lists each operator's site. */
#define OPERATOR_DIRECTORY_URL "https://cloudpartners.transform.microsoft.com/practices/microsoft-365-for-operators/directory"

/**
 * pv_number_release_dialog_new:
 *
 * Asks whether to release @number, saying that an assigned number is
 * unassigned first. Its "release" response confirms; the number is its
 * "pv-number" data.
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
pv_number_release_dialog_new (GtkWindow      *parent,
                              PvNumbersModel *model,
                              PvPhoneNumber  *number)
{
  const char *tel = pv_phone_number_get_telephone_number (number);
  PvUser *person = pv_numbers_model_get_person_of (model, number);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED)
    {
      /* The service refuses to release an assigned number: the two steps
       * the admin center asks for, in order, after one confirmation. */
      body = g_strdup_printf (/* Translators: the first %s is a phone number, the second a person. */
                              _("%s is assigned to %s. A number must be unassigned before it is "
                                "released: Provisio will unassign it, then release it. The person "
                                "can no longer be called on it, and the number leaves the tenant; "
                                "to have it again, order it from the operator."),
                              tel, person != NULL ? pv_numbers_person_label (person) : pv_phone_number_get_assigned_user_id (number));
      dialog = adw_message_dialog_new (parent, _("Unassign and Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Unassign and Release"),
                                        NULL);
    }
  else
    {
      body = g_strdup_printf (/* Translators: %s is a phone number. */
                              _("%s leaves the tenant. To have it again, order it from the operator."),
                              tel);
      dialog = adw_message_dialog_new (parent, _("Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Release"),
                                        NULL);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "release",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pv-number", g_strdup (tel), g_free);
  return dialog;
}

static char *
address_label (PvEmergencyAddress *address)
{
  const char *parts[] = {
    pv_emergency_address_get_house_number (address),
    pv_emergency_address_get_street_name (address),
  };
  g_autofree char *street = NULL;
  const char *description = pv_emergency_address_get_description (address);
  const char *city = pv_emergency_address_get_city (address);
  const char *country = pv_numbers_country_name (pv_emergency_address_get_country_code (address));

  street = g_strjoin (" ", parts[0] != NULL ? parts[0] : "", parts[1] != NULL ? parts[1] : "", NULL);
  g_strstrip (street);
  /* Translators: an emergency address in a list: its description, then
   * the street, the city and the country. */
  return g_strdup_printf (_("%s — %s, %s, %s"), description != NULL ? description : "",
                          street, city != NULL ? city : "", country != NULL ? country : "");
}

static GtkWidget *
address_dropdown (PvNumbersModel *model,
                  PvPhoneNumber  *number)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (pv_numbers_model_get_addresses (model)); i++)
    {
      g_autoptr(PvEmergencyAddress) address = g_list_model_get_item (pv_numbers_model_get_addresses (model), i);
      g_autofree char *label = address_label (address);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (pv_emergency_address_get_id (address),
                     pv_phone_number_get_emergency_location_id (number)) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Emergency address"), -1);
  pv_a11y_name_drop_down (GTK_DROP_DOWN (dropdown), _("Emergency address"));
  return dropdown;
}

/**
 * pv_number_address_dialog_new:
 *
 * Shows the emergency address of @number and, unless its operator locks
 * it, offers the tenant's addresses: "save" keeps the one chosen
 * (pv_number_address_dialog_get_address()), "new" asks for a new one.
 * The number is its "pv-number" data.
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
pv_number_address_dialog_new (GtkWindow      *parent,
                              PvNumbersModel *model,
                              PvPhoneNumber  *number)
{
  PvOperator *operator_;
  PvEmergencyAddress *current;
  g_autofree char *current_label = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  PvEmergencyModel emergency = PV_EMERGENCY_MODEL_ADMIN_ASSIGNS;

  operator_ = pv_numbers_model_get_operator_of (model, number);
  if (operator_ != NULL)
    emergency = pv_operator_get_emergency_model (operator_);
  current = pv_numbers_model_get_address_of (model, number);
  current_label = current != NULL ? address_label (current) : g_strdup (_("none"));
  /* Translators: %s is a phone number. */
  heading = g_strdup_printf (_("Emergency Address of %s"), pv_phone_number_get_telephone_number (number));

  if (emergency == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED)
    {
      body = g_strdup_printf (/* Translators: the first %s is an address, the second and third an
                               * operator, the fourth a web address. */
                              _("Current address: %s.\n\n%s assigns the emergency addresses of its "
                                "numbers and locks them: only the operator can change this one. "
                                "To change it, contact %s: its website is listed in the Operator "
                                "Connect directory, %s."),
                              current_label, pv_operator_get_name (operator_), pv_operator_get_name (operator_),
                              OPERATOR_DIRECTORY_URL);
      dialog = adw_message_dialog_new (parent, heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      return dialog;
    }

  if (emergency == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS && operator_ != NULL)
    body = g_strdup_printf (/* Translators: the first %s is an operator, the second an address. */
                            _("%s assigned this number its emergency address, and lets you change "
                              "it. Current address: %s."),
                            pv_operator_get_name (operator_), current_label);
  else
    body = g_strdup_printf (/* Translators: %s is an address. */
                            _("You choose the emergency address of this number. Current address: %s."),
                            current_label);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_New Emergency Address…"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (g_list_model_get_n_items (pv_numbers_model_get_addresses (model)) > 0)
    {
      GtkWidget *dropdown = address_dropdown (model, number);

      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
      g_object_set_data (G_OBJECT (dialog), "pv-dropdown", dropdown);
    }
  else
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "pv-number",
                          g_strdup (pv_phone_number_get_telephone_number (number)), g_free);
  return dialog;
}

/**
 * pv_number_address_dialog_get_address:
 *
 * Returns: (transfer full) (nullable): the address chosen in @dialog
 */
PvEmergencyAddress *
pv_number_address_dialog_get_address (AdwMessageDialog *dialog,
                                      PvNumbersModel   *model)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "pv-dropdown");
  guint position = dropdown != NULL ? gtk_drop_down_get_selected (dropdown) : GTK_INVALID_LIST_POSITION;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (pv_numbers_model_get_addresses (model), position);
}
