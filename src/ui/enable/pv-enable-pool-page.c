/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-enable-pool-page.h"
#include "pv-enums.h"
#include "pv-file-chooser.h"
#include "pv-topology.h"

/* Select Server or Pool: the tenant's Registrar pools, as radio choices.
 * Directors are listed, because an administrator looks for every pool of
 * the topology, but cannot be chosen, and say why. */

struct _PvEnablePoolPage
{
  PvPage        parent_instance;

  PvEnableFlow *flow;
  GtkCheckButton *group;
  gboolean      syncing;

  GtkStack     *stack;
  GtkListBox   *pools_list;
  GtkButton    *import_button;
  GtkButton    *empty_import_button;
  GCancellable *import_cancellable;
};

G_DEFINE_FINAL_TYPE (PvEnablePoolPage, pv_enable_pool_page, PV_TYPE_PAGE)

static void
update_complete (PvEnablePoolPage *self)
{
  g_autofree char *reason = NULL;
  gboolean complete;

  complete = pv_enable_plan_get_step_status (pv_enable_flow_get_plan (self->flow),
                                             PV_ENABLE_STEP_SELECT_POOL, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), complete ? NULL : reason);
  pv_page_set_complete (PV_PAGE (self), complete);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  PvEnablePoolPage *self)
{
  PvPool *pool = g_object_get_data (G_OBJECT (check), "pv-pool");

  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  pv_enable_plan_set_pool (pv_enable_flow_get_plan (self->flow), pool);
  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_complete (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PvEnablePoolPage *self = user_data;
  PvPool *pool = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *kind = pv_enum_get_label (PV_TYPE_POOL_KIND, pv_pool_get_kind (pool));
  g_autofree char *subtitle = NULL;

  /* Plain text: names and labels may hold "<" or "&". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pv_pool_get_fqdn (pool));

  if (!pv_pool_is_target (pool))
    /* Translators: shown under a Director's name in the list of pools. */
    subtitle = g_strdup (_("Director: a Director routes sign-ins to pools and cannot host users."));
  else if (pv_pool_get_site (pool) != NULL && *pv_pool_get_site (pool) != '\0')
    /* Translators: %1$s is the kind of pool ("Enterprise pool"), %2$s the
     * name of its site in the topology. */
    subtitle = g_strdup_printf (_("%1$s, site %2$s"), kind, pv_pool_get_site (pool));
  else
    subtitle = g_strdup (kind);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  g_object_set_data_full (G_OBJECT (check), "pv-pool", g_object_ref (pool), g_object_unref);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  /* One group for the list, so that the checks behave as radio buttons. */
  if (self->group == NULL)
    self->group = GTK_CHECK_BUTTON (check);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);

  if (pv_enable_plan_get_pool (pv_enable_flow_get_plan (self->flow)) == pool)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, pv_pool_is_target (pool));

  return row;
}

static void
pools_changed_cb (PvEnablePoolPage *self)
{
  GListModel *pools = G_LIST_MODEL (pv_enable_flow_get_pools (self->flow));

  /* Rows are made anew, with a new radio group: the old group's first
   * button may be gone. There are a handful of pools, never thousands. */
  self->group = NULL;
  gtk_list_box_bind_model (self->pools_list, pools, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (pools) > 0 ? "pools" : "empty");
}

static void
plan_pool_changed_cb (PvEnablePoolPage *self)
{
  PvPool *pool = pv_enable_plan_get_pool (pv_enable_flow_get_plan (self->flow));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->pools_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = ADW_IS_ACTION_ROW (row)
        ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;

      if (check != NULL && g_object_get_data (G_OBJECT (check), "pv-pool") == (gpointer) pool)
        {
          self->syncing = TRUE;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          self->syncing = FALSE;
        }
    }

  update_complete (self);
}

/* --- Importing a topology. --- */

static void
topology_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvEnablePoolPage *self = g_task_get_source_object (task);
  g_autoptr(PvTopology) topology = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *pools;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;

  topology = pv_topology_load_finish (result, &error);
  if (topology == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The topology describes the whole deployment: its pools replace the
   * list, and its SIP domains become the ones addresses may use. */
  pools = pv_topology_get_pools (topology);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    g_ptr_array_add (items, g_list_model_get_item (pools, i));
  pv_enable_plan_set_pool (pv_enable_flow_get_plan (self->flow), NULL);
  store = pv_enable_flow_get_pools (self->flow);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
  pv_enable_plan_set_sip_domains (pv_enable_flow_get_plan (self->flow), pv_topology_get_sip_domains (topology));

  g_task_return_boolean (task, TRUE);
}

/**
 * pv_enable_pool_page_import_async:
 * @file: a topology written by `Get-CsTopology -AsXml`
 *
 * Reads @file off the main loop and offers its pools and SIP domains.
 */
void
pv_enable_pool_page_import_async (PvEnablePoolPage    *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_ENABLE_POOL_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_enable_pool_page_import_async);
  pv_topology_load_async (file, cancellable, topology_loaded_cb, g_steal_pointer (&task));
}

gboolean
pv_enable_pool_page_import_finish (PvEnablePoolPage  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_enable_pool_page_import_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvEnablePoolPage *self = PV_ENABLE_POOL_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!pv_enable_pool_page_import_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Topology Could Not Be Imported"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PvEnablePoolPage *self = user_data;
  g_autoptr(GFile) file = pv_choose_file_finish (result, NULL);

  if (file == NULL)
    return;

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  pv_enable_pool_page_import_async (self, file, self->import_cancellable, imported_cb, NULL);
}

static void
import_clicked_cb (PvEnablePoolPage *self)
{
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  GtkFileFilter *filters[] = { xml, NULL };

  gtk_file_filter_set_name (xml, _("Topology Files (XML)"));
  gtk_file_filter_add_mime_type (xml, "application/xml");
  gtk_file_filter_add_pattern (xml, "*.xml");

  pv_choose_file_async (GTK_WIDGET (self), _("Import a Topology"), filters, NULL, file_chosen_cb, self);
}

static void
pv_enable_pool_page_dispose (GObject *object)
{
  PvEnablePoolPage *self = PV_ENABLE_POOL_PAGE (object);

  self->group = NULL;
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_POOL_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_enable_pool_page_parent_class)->dispose (object);
}

static void
pv_enable_pool_page_class_init (PvEnablePoolPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_enable_pool_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-pool-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnablePoolPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PvEnablePoolPage, pools_list);
  gtk_widget_class_bind_template_child (widget_class, PvEnablePoolPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnablePoolPage, empty_import_button);
}

static void
pv_enable_pool_page_init (PvEnablePoolPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->import_button, "clicked", G_CALLBACK (import_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->empty_import_button, "clicked", G_CALLBACK (import_clicked_cb),
                           self, G_CONNECT_SWAPPED);
}

PvPage *
pv_enable_pool_page_new (PvEnableFlow *flow)
{
  PvEnablePoolPage *self;
  GListModel *pools;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_POOL_PAGE, NULL);
  self->flow = g_object_ref (flow);
  pools = G_LIST_MODEL (pv_enable_flow_get_pools (flow));

  g_signal_connect_object (pools, "items-changed", G_CALLBACK (pools_changed_cb), self, G_CONNECT_SWAPPED);
  /* The plan may get its pool from elsewhere too (a resumed or repeated
   * run); the page follows the plan, not only its own buttons. */
  g_signal_connect_object (pv_enable_flow_get_plan (flow), "notify::pool",
                           G_CALLBACK (plan_pool_changed_cb), self, G_CONNECT_SWAPPED);
  pools_changed_cb (self);
  update_complete (self);

  return PV_PAGE (self);
}
