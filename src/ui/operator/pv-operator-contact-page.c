/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-company-size.h"
#include "pv-operator-contact-page.h"
#include "pv-validate.h"

/* Contact details: what the operator gets to reach the tenant. The full
 * name and e-mail address come from the signed-in administrator (the
 * flow prefills the plan) and stay editable; the company size is
 * required, the phone optional. The fields edit the plan's contact in
 * place; the plan says whether the step is complete and why not. */

struct _PvOperatorContactPage
{
  PvPage          parent_instance;

  PvOperatorFlow *flow;
  gboolean        updating;

  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  AdwComboRow    *size_row;
  AdwEntryRow    *phone_row;
  GtkLabel       *hint_label;
};

G_DEFINE_FINAL_TYPE (PvOperatorContactPage, pv_operator_contact_page, PV_TYPE_PAGE)

static PvContactDetails *
get_contact (PvOperatorContactPage *self)
{
  return pv_operator_plan_get_contact (pv_operator_flow_get_plan (self->flow));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped == '\0';
}

static void
mark (AdwEntryRow *row,
      gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
update_status (PvOperatorContactPage *self)
{
  PvContactDetails *contact = get_contact (self);
  const char *email = pv_contact_details_get_email (contact);
  const char *phone = pv_contact_details_get_phone (contact);
  g_autofree char *reason = NULL;
  gboolean complete;

  complete = pv_operator_plan_get_step_status (pv_operator_flow_get_plan (self->flow),
                                               PV_OPERATOR_STEP_CONTACT, &reason);
  /* The plan asks to "enter" a size; here it is chosen from a list. */
  if (!complete && !is_blank (pv_contact_details_get_full_name (contact)) &&
      pv_validate_email (email, NULL) && pv_contact_details_get_company_size (contact) <= 0)
    {
      g_free (reason);
      reason = g_strdup (_("Choose the company size; the operator requires it."));
    }
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), complete);

  /* Only what was typed and is wrong is marked, not what is still empty. */
  mark (self->email_row, !is_blank (email) && !pv_validate_email (email, NULL));
  mark (self->phone_row, !is_blank (phone) && !pv_validate_e164 (phone, NULL));
}

static void
set_row_text (PvOperatorContactPage *self,
              AdwEntryRow           *row,
              const char            *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->updating = FALSE;
}

/* The contact changes under the page when the administrator's details
 * arrive after the page was built. */
static void
contact_notify_cb (PvOperatorContactPage *self)
{
  PvContactDetails *contact = get_contact (self);
  guint range = pv_company_size_find_range (pv_contact_details_get_company_size (contact));

  if (!self->updating)
    {
      set_row_text (self, self->name_row, pv_contact_details_get_full_name (contact));
      set_row_text (self, self->email_row, pv_contact_details_get_email (contact));
      set_row_text (self, self->phone_row, pv_contact_details_get_phone (contact));
      self->updating = TRUE;
      adw_combo_row_set_selected (self->size_row, range == G_MAXUINT ? 0 : range + 1);
      self->updating = FALSE;
    }
  update_status (self);
}

static void
row_changed_cb (PvOperatorContactPage *self,
                AdwEntryRow           *row)
{
  PvContactDetails *contact = get_contact (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating)
    return;

  self->updating = TRUE;
  if (row == self->name_row)
    pv_contact_details_set_full_name (contact, text);
  else if (row == self->email_row)
    pv_contact_details_set_email (contact, *text != '\0' ? text : NULL);
  else if (row == self->phone_row)
    pv_contact_details_set_phone (contact, *text != '\0' ? text : NULL);
  self->updating = FALSE;

  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_status (self);
}

static void
size_selected_cb (PvOperatorContactPage *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);

  if (self->updating)
    return;

  /* The first item is the "choose" prompt. */
  self->updating = TRUE;
  pv_contact_details_set_company_size (get_contact (self),
                                       selected > 0 && selected != GTK_INVALID_LIST_POSITION
                                         ? pv_company_size_range_value (selected - 1)
                                         : 0);
  self->updating = FALSE;

  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_status (self);
}

static void
entry_activate_cb (PvOperatorContactPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
fill_sizes (PvOperatorContactPage *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  guint range = pv_company_size_find_range (pv_contact_details_get_company_size (get_contact (self)));

  gtk_string_list_append (sizes, C_("company size", "Choose a range"));
  for (guint i = 0; i < pv_company_size_n_ranges (); i++)
    gtk_string_list_append (sizes, pv_company_size_range_label (i));

  self->updating = TRUE;
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_selected (self->size_row, range == G_MAXUINT ? 0 : range + 1);
  self->updating = FALSE;
}

/* The text inside an entry row is what a screen reader lands on: it gets
 * the row's title, without the mnemonic marker, as its name. */
static void
name_entry (AdwEntryRow *row,
            const char  *description)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (name, *p);

  if (delegate == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
}

static void
pv_operator_contact_page_shown (PvPage *page)
{
  PvOperatorContactPage *self = PV_OPERATOR_CONTACT_PAGE (page);

  contact_notify_cb (self);
}

static void
pv_operator_contact_page_locale_changed (PvPage *page)
{
  PvOperatorContactPage *self = PV_OPERATOR_CONTACT_PAGE (page);

  fill_sizes (self);
  update_status (self);
}

static void
pv_operator_contact_page_dispose (GObject *object)
{
  PvOperatorContactPage *self = PV_OPERATOR_CONTACT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_CONTACT_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_operator_contact_page_parent_class)->dispose (object);
}

static void
pv_operator_contact_page_class_init (PvOperatorContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_contact_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_operator_contact_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_contact_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-contact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorContactPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorContactPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorContactPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorContactPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorContactPage, hint_label);
}

static void
pv_operator_contact_page_init (PvOperatorContactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  name_entry (self->name_row, NULL);
  name_entry (self->email_row, NULL);
  name_entry (self->phone_row, gtk_label_get_text (self->hint_label));
  for (guint i = 0; i < 3; i++)
    {
      AdwEntryRow *row = i == 0 ? self->name_row : i == 1 ? self->email_row : self->phone_row;

      g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activate_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->size_row, "notify::selected", G_CALLBACK (size_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

PvPage *
pv_operator_contact_page_new (PvOperatorFlow *flow)
{
  PvOperatorContactPage *self;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_CONTACT_PAGE, NULL);
  self->flow = g_object_ref (flow);

  fill_sizes (self);
  g_signal_connect_object (get_contact (self), "notify", G_CALLBACK (contact_notify_cb), self,
                           G_CONNECT_SWAPPED);
  contact_notify_cb (self);

  return PV_PAGE (self);
}
