/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-enable-result-rows.h"
#include "pv-enums.h"
#include "pv-operation-result.h"

/* One person's outcome in a list: an icon, the name, and the service's
 * words. The Status page shows them as they arrive and Finish filters
 * them, so both draw them here, the same way. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "pv-preview-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (message, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), message);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PvRunResults             *results)
{
  PvOperationResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *message = gtk_widget_get_next_sibling (name);
  PvResultStatus status = pv_operation_result_get_status (result);
  const char *text = pv_operation_result_get_message (result);
  const char *icon_name;

  switch (status)
    {
    case PV_RESULT_STATUS_DONE:
    case PV_RESULT_STATUS_ALREADY_DONE:
      icon_name = "emblem-ok-symbolic";
      break;
    case PV_RESULT_STATUS_SKIPPED:
      icon_name = "action-unavailable-symbolic";
      break;
    case PV_RESULT_STATUS_FAILED:
    default:
      icon_name = "dialog-error-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  /* The icon says what the status says, for those who cannot see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pv_enum_get_label (PV_TYPE_RESULT_STATUS, status), -1);
  gtk_label_set_text (GTK_LABEL (name), pv_run_results_get_name (results, pv_operation_result_get_item (result)));
  gtk_label_set_text (GTK_LABEL (message), text != NULL ? text : "");
  if (status == PV_RESULT_STATUS_FAILED)
    gtk_widget_add_css_class (message, "error");
  else
    gtk_widget_remove_css_class (message, "error");
}

static void
release_results (gpointer  results,
                 GClosure *closure)
{
  g_object_unref (results);
}

/**
 * pv_enable_result_factory_new:
 *
 * Returns: (transfer full): a factory drawing #PvOperationResult rows,
 *   with the names @results gives the people
 */
GtkListItemFactory *
pv_enable_result_factory_new (PvRunResults *results)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (PV_IS_RUN_RESULTS (results), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_row_cb), g_object_ref (results),
                         release_results, 0);

  return factory;
}

/**
 * pv_enable_format_counts:
 * @results: (nullable): the results of a run, or %NULL before it starts
 *
 * Returns: (transfer full): the counts of a run, one per outcome, as the
 *   Status page, Finish and the notification say them
 */
char *
pv_enable_format_counts (PvRunResults *results)
{
  guint done = results != NULL ? pv_run_results_get_count (results, PV_RESULT_STATUS_DONE) : 0;
  guint already = results != NULL ? pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE) : 0;
  guint skipped = results != NULL ? pv_run_results_get_count (results, PV_RESULT_STATUS_SKIPPED) : 0;
  guint failed = results != NULL ? pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED) : 0;

  /* Translators: the counts of a run, one per outcome. */
  return g_strdup_printf (_("Enabled: %u · Already enabled: %u · Skipped: %u · Failed: %u"),
                          done, already, skipped, failed);
}
