/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-export-buttons.h"
#include "pv-operator-result-page.h"

/* Add as my operator: the request itself, sent when the page is shown
 * (the Review page was the confirmation), its outcome in plain words, what
 * to do next (order numbers with the tenant ID), and the exports. After a
 * refusal the user can go back, change what the service refused, and
 * come here again, or try again as it is. */

struct _PvOperatorResultPage
{
  PvPage           parent_instance;

  PvOperatorFlow  *flow;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkSpinner      *spinner;
  GtkImage        *outcome_image;
  GtkLabel        *heading_label;
  GtkLabel        *message_label;
  GtkButton       *retry_button;
  GtkWidget       *order_group;
  AdwActionRow    *tenant_row;
  GtkButton       *copy_button;
  GtkWidget       *export_group;
  GtkButton       *text_button;
  GtkButton       *xml_button;
};

G_DEFINE_FINAL_TYPE (PvOperatorResultPage, pv_operator_result_page, PV_TYPE_PAGE)

static const char *
operator_name (PvOperatorResultPage *self)
{
  PvOperator *operator_ = pv_operator_flow_get_add_operator (self->flow);

  /* Before the first request, the operator the plan holds. */
  if (operator_ == NULL)
    operator_ = pv_operator_plan_get_operator (pv_operator_flow_get_plan (self->flow));
  return operator_ != NULL ? pv_operator_get_name (operator_) : "";
}

static void
update (PvOperatorResultPage *self)
{
  PvOperatorAddState state = pv_operator_flow_get_add_state (self->flow);
  const char *message = pv_operator_flow_get_add_message (self->flow);
  const char *tenant_id = pv_operator_flow_get_tenant_id (self->flow);
  g_autofree char *heading = NULL;
  gboolean running = state == PV_OPERATOR_ADD_STATE_RUNNING;
  gboolean done = state == PV_OPERATOR_ADD_STATE_DONE;
  gboolean failed = state == PV_OPERATOR_ADD_STATE_FAILED;

  switch (state)
    {
    case PV_OPERATOR_ADD_STATE_RUNNING:
    case PV_OPERATOR_ADD_STATE_NONE:
      /* Translators: %s is an operator name. */
      heading = g_strdup_printf (_("Adding %s as your operator…"), operator_name (self));
      break;
    case PV_OPERATOR_ADD_STATE_DONE:
      /* Translators: %s is an operator name. */
      heading = g_strdup_printf (_("%s Was Added as Your Operator"), operator_name (self));
      break;
    case PV_OPERATOR_ADD_STATE_FAILED:
    default:
      /* Translators: %s is an operator name. */
      heading = g_strdup_printf (_("%s Was Not Added"), operator_name (self));
      break;
    }

  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_image), done || failed);
  gtk_image_set_from_icon_name (self->outcome_image, done ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Added") : _("Not added"), -1);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_image), "error");
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_image), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_image), "success");

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), failed);
  gtk_widget_set_visible (self->order_group, done);
  adw_action_row_set_subtitle (self->tenant_row, tenant_id != NULL ? tenant_id : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_button), tenant_id != NULL);
  gtk_widget_set_visible (self->export_group, done || failed);

  /* After a refusal, the choices can be changed and sent again; once
   * added, there is nothing left to change here. */
  pv_page_set_can_go_back (PV_PAGE (self), failed);
  pv_page_set_incomplete_reason (PV_PAGE (self), running ? _("The operator is being added.") : NULL);
  pv_page_set_complete (PV_PAGE (self), done || failed);
}

static void
add_state_cb (PvOperatorResultPage *self)
{
  PvOperatorAddState state = pv_operator_flow_get_add_state (self->flow);

  update (self);
  /* The focus goes where the next thing to do is. */
  if (state == PV_OPERATOR_ADD_STATE_DONE && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_button));
  else if (state == PV_OPERATOR_ADD_STATE_FAILED && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
}

static void
pv_operator_result_page_shown (PvPage *page)
{
  PvOperatorResultPage *self = PV_OPERATOR_RESULT_PAGE (page);
  PvOperatorAddState state = pv_operator_flow_get_add_state (self->flow);

  /* Coming here again after a refusal (Back, change, Next) sends the
   * changed choices; an operator that was added is never sent twice. */
  if (state == PV_OPERATOR_ADD_STATE_NONE || state == PV_OPERATOR_ADD_STATE_FAILED)
    pv_operator_flow_add (self->flow);
  update (self);
}

static void
retry_clicked_cb (PvOperatorResultPage *self)
{
  pv_operator_flow_add (self->flow);
}

static void
copy_clicked_cb (PvOperatorResultPage *self)
{
  const char *tenant_id = pv_operator_flow_get_tenant_id (self->flow);

  if (tenant_id == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tenant_id);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The tenant ID was copied.")));
}

/* --- Exports. --- */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PvOperatorResultPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_operator_flow_export_finish (PV_OPERATOR_FLOW (object), result, &error))
    {
      pv_export_show_error (GTK_WIDGET (self), _("The File Could Not Be Written"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The file was saved.")));
}

static void
write_export (GtkWidget *page,
              int        format,
              GFile     *file)
{
  PvOperatorResultPage *self = PV_OPERATOR_RESULT_PAGE (page);

  pv_operator_flow_export_async (self->flow, format, file, self->cancellable, exported_cb,
                                 g_object_ref (self));
}

static void
ask_where (PvOperatorResultPage *self,
           PvOperatorExport      format)
{
  PvOperator *operator_ = pv_operator_flow_get_add_operator (self->flow);
  g_autofree char *stem = NULL;

  /* The operator in the name keeps the records of several apart. */
  stem = g_strconcat ("operator-", operator_ != NULL ? pv_operator_get_id (operator_) : "connect", NULL);
  pv_export_ask_where (GTK_WIDGET (self),
                       format == PV_OPERATOR_EXPORT_XML ? _("Export the Outcome")
                                                        : _("Export the Summary for the Operator"),
                       stem, format == PV_OPERATOR_EXPORT_XML ? "xml" : "txt", format, write_export);
}

static void
text_clicked_cb (PvOperatorResultPage *self)
{
  ask_where (self, PV_OPERATOR_EXPORT_TEXT);
}

static void
xml_clicked_cb (PvOperatorResultPage *self)
{
  ask_where (self, PV_OPERATOR_EXPORT_XML);
}

static void
pv_operator_result_page_locale_changed (PvPage *page)
{
  update (PV_OPERATOR_RESULT_PAGE (page));
}

static void
pv_operator_result_page_dispose (GObject *object)
{
  PvOperatorResultPage *self = PV_OPERATOR_RESULT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_RESULT_PAGE);
  g_clear_object (&self->flow);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pv_operator_result_page_parent_class)->dispose (object);
}

static void
pv_operator_result_page_class_init (PvOperatorResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_result_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_operator_result_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_result_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, outcome_image);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, order_group);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, tenant_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, export_group);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, text_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorResultPage, xml_button);
}

static void
pv_operator_result_page_init (PvOperatorResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_button, "clicked", G_CALLBACK (text_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->xml_button, "clicked", G_CALLBACK (xml_clicked_cb), self,
                           G_CONNECT_SWAPPED);
}

PvPage *
pv_operator_result_page_new (PvOperatorFlow *flow)
{
  PvOperatorResultPage *self;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_RESULT_PAGE, NULL);
  self->flow = g_object_ref (flow);

  g_signal_connect_object (flow, "notify::add-state", G_CALLBACK (add_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::tenant-id", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return PV_PAGE (self);
}
