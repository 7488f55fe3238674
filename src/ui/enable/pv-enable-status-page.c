/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-enable-status-page.h"
#include "pv-enable-steps.h"
#include "pv-enums.h"
#include "pv-runner.h"

/* Enable Operation Status: the run itself. It starts when the page is
 * first shown (the Ready page was the confirmation), journals every step
 * so that an interrupted run can be resumed, and shows each person's
 * outcome as it happens. Leaving the wizard cancels what is in flight;
 * the journal keeps the rest. */

struct _PvEnableStatusPage
{
  PvPage        parent_instance;

  PvEnableFlow *flow;
  PvRunner     *runner;
  GCancellable *cancellable;
  GHashTable   *names;      /* user id → display name */
  guint         counts[4];  /* by PvResultStatus */

  GtkLabel       *heading_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *counts_label;
  GtkListView    *results_list;
};

G_DEFINE_FINAL_TYPE (PvEnableStatusPage, pv_enable_status_page, PV_TYPE_PAGE)

static void
update_progress (PvEnableStatusPage *self)
{
  guint total = self->runner != NULL ? pv_runner_get_n_items (self->runner) : 0;
  guint done = self->runner != NULL ? pv_runner_get_n_finished (self->runner) : 0;
  g_autofree char *progress = NULL;
  g_autofree char *counts = NULL;

  /* Translators: progress of a run: people finished, of all people. */
  progress = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);

  /* Translators: the counts of a run so far, one per outcome. */
  counts = g_strdup_printf (_("Enabled: %u · Already enabled: %u · Skipped: %u · Failed: %u"),
                            self->counts[PV_RESULT_STATUS_DONE],
                            self->counts[PV_RESULT_STATUS_ALREADY_DONE],
                            self->counts[PV_RESULT_STATUS_SKIPPED],
                            self->counts[PV_RESULT_STATUS_FAILED]);
  gtk_label_set_text (self->counts_label, counts);
}

static void
item_finished_cb (PvEnableStatusPage *self,
                  PvOperationResult  *result)
{
  PvResultStatus status = pv_operation_result_get_status (result);

  if ((guint) status < G_N_ELEMENTS (self->counts))
    self->counts[status]++;
  update_progress (self);
}

static void
run_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvEnableStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_runner_run_finish (PV_RUNNER (object), result, &error))
    {
      gtk_label_set_text (self->heading_label, error->message);
      return;
    }

  gtk_label_set_text (self->heading_label,
                      self->counts[PV_RESULT_STATUS_FAILED] > 0
                        ? _("The run is finished; some people could not be enabled.")
                        : _("The run is finished."));
  pv_page_set_incomplete_reason (PV_PAGE (self), NULL);
  pv_page_set_complete (PV_PAGE (self), TRUE);
}

static void
start_run (PvEnableStatusPage *self)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (self->flow);
  PvServiceClient *client = pv_enable_flow_get_client (self->flow);
  GListModel *selection = pv_enable_plan_get_selection (plan);
  g_autoptr(PvEnableSteps) steps = NULL;
  g_auto(GStrv) items = NULL;
  g_autofree char *run_id = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (run_id, ".jsonl", NULL);
  g_autofree char *journal = g_build_filename (g_get_user_state_dir (), "provisio", "runs", name, NULL);

  if (client == NULL)
    {
      gtk_label_set_text (self->heading_label, _("No service to talk to: the run cannot start."));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (selection); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (selection, i);

      g_hash_table_replace (self->names, g_strdup (pv_user_get_id (user)),
                            g_strdup (pv_user_get_display_name (user)));
    }

  steps = pv_enable_steps_new (client, plan);
  items = pv_enable_steps_dup_items (steps);
  self->runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items,
                                "enable-users", journal, NULL);
  g_signal_connect_object (self->runner, "item-finished", G_CALLBACK (item_finished_cb), self,
                           G_CONNECT_SWAPPED);
  pv_enable_flow_set_results (self->flow, pv_runner_get_results (self->runner));
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (pv_runner_get_results (self->runner)))));

  gtk_label_set_text (self->heading_label, pv_enable_plan_get_dry_run (plan)
                                             ? _("Checking the users…")
                                             : _("Enabling the users…"));
  pv_page_set_incomplete_reason (PV_PAGE (self), _("The run is in progress."));
  update_progress (self);

  self->cancellable = g_cancellable_new ();
  pv_runner_run_async (self->runner, self->cancellable, run_finished_cb, g_object_ref (self));
}

static void
pv_enable_status_page_shown (PvPage *page)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (page);

  /* Once: coming back to this page never runs the plan again. */
  if (self->runner == NULL)
    start_run (self);
}

/* --- Result rows. --- */

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
             PvEnableStatusPage       *self)
{
  PvOperationResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *message = gtk_widget_get_next_sibling (name);
  const char *display = g_hash_table_lookup (self->names, pv_operation_result_get_item (result));
  PvResultStatus status = pv_operation_result_get_status (result);
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
  gtk_label_set_text (GTK_LABEL (name), display != NULL ? display : pv_operation_result_get_item (result));
  gtk_label_set_text (GTK_LABEL (message), pv_operation_result_get_message (result) != NULL
                                             ? pv_operation_result_get_message (result) : "");
  if (status == PV_RESULT_STATUS_FAILED)
    gtk_widget_add_css_class (message, "error");
  else
    gtk_widget_remove_css_class (message, "error");
}

static void
pv_enable_status_page_dispose (GObject *object)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (object);

  /* Leaving the wizard stops the run; its journal allows resuming it. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_STATUS_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_enable_status_page_parent_class)->dispose (object);
}

static void
pv_enable_status_page_finalize (GObject *object)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (object);

  g_clear_object (&self->runner);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (pv_enable_status_page_parent_class)->finalize (object);
}

static void
pv_enable_status_page_class_init (PvEnableStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_enable_status_page_dispose;
  object_class->finalize = pv_enable_status_page_finalize;
  PV_PAGE_CLASS (klass)->shown = pv_enable_status_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, results_list);
}

static void
pv_enable_status_page_init (PvEnableStatusPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->results_list, factory);
  update_progress (self);
}

PvPage *
pv_enable_status_page_new (PvEnableFlow *flow)
{
  PvEnableStatusPage *self;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_STATUS_PAGE, NULL);
  self->flow = g_object_ref (flow);

  return PV_PAGE (self);
}

/**
 * pv_enable_status_page_get_results:
 *
 * Returns: (transfer none) (nullable): the outcome of each person so far,
 *   once the run has started
 */
GListModel *
pv_enable_status_page_get_results (PvEnableStatusPage *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STATUS_PAGE (self), NULL);

  return self->runner != NULL ? pv_runner_get_results (self->runner) : NULL;
}
