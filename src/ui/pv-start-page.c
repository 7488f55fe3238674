/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pv-language.h"
#include "pv-run-dialog.h"
#include "pv-run-row.h"
#include "pv-run-store.h"
#include "pv-start-page.h"
#include "pv-view.h"

struct _PvStartPage
{
  GtkWidget            parent_instance;

  const PvFlowInfo *const *flows;

  GCancellable *cancellable;
  guint         n_runs;

  GtkImage   *app_icon;
  GtkStack   *content_stack;
  GtkListBox *flows_list;
  GtkWidget  *runs_group;
  GtkListBox *runs_list;
  GtkWidget  *views_group;
  GtkListBox *views_list;
};

G_DEFINE_FINAL_TYPE (PvStartPage, pv_start_page, GTK_TYPE_WIDGET)

enum {
  FLOW_ACTIVATED,
  RESUME_RUN,
  RETRY_RUN,
  RUNS_LISTED,
  VIEW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
flows_list_row_activated_cb (PvStartPage   *self,
                             GtkListBoxRow *row)
{
  const PvFlowInfo *flow = g_object_get_data (G_OBJECT (row), "pv-flow");

  if (flow != NULL)
    g_signal_emit (self, signals[FLOW_ACTIVATED], 0, flow);
}

static void
views_list_row_activated_cb (PvStartPage   *self,
                             GtkListBoxRow *row)
{
  const PvViewInfo *view = g_object_get_data (G_OBJECT (row), "pv-view");

  if (view != NULL)
    g_signal_emit (self, signals[VIEW_ACTIVATED], 0, view);
}

static GtkWidget *
create_row (const char *title,
            const char *description,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Plain text: names and labels may hold "<" or "&". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(description));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "pv-flow-row");

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static GtkWidget *
create_flow_row (const PvFlowInfo *flow)
{
  GtkWidget *row = create_row (flow->title, flow->description, flow->icon_name);

  g_object_set_data (G_OBJECT (row), "pv-flow", (gpointer) flow);

  return row;
}

/**
 * pv_start_page_set_flows:
 * @flows: a NULL-terminated table of flows, which must outlive the page
 *
 * Offers @flows as the choices of the start page. With no flow, the page
 * explains what Provisio is for instead of offering anything.
 */
void
pv_start_page_set_flows (PvStartPage         *self,
                         const PvFlowInfo *const *flows)
{
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (PV_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flows_list))))
    gtk_list_box_remove (self->flows_list, child);

  self->flows = flows;

  for (; flows != NULL && flows[n] != NULL; n++)
    gtk_list_box_append (self->flows_list, create_flow_row (flows[n]));

  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "flows" : "intro");
  pv_start_page_refresh_runs (self);
}

/* --- The history: recent runs, finished or not. --- */

static const PvFlowInfo *
find_flow (PvStartPage *self,
           const char  *id)
{
  for (guint i = 0; self->flows != NULL && self->flows[i] != NULL; i++)
    if (g_strcmp0 (self->flows[i]->id, id) == 0)
      return self->flows[i];

  return NULL;
}

static void
emit_for_run (PvStartPage      *self,
              guint             signal,
              const PvFlowInfo *flow,
              PvRunState       *run)
{
  g_autofree char *path = pv_run_store_dup_journal_path (NULL, pv_run_state_get_run_id (run));

  g_signal_emit (self, signals[signal], 0, flow, path, run);
}

static void
row_resume_cb (PvStartPage *self,
               PvRunRow    *row)
{
  emit_for_run (self, RESUME_RUN, pv_run_row_get_flow (row), pv_run_row_get_run (row));
}

typedef struct
{
  PvStartPage *self;
  GtkWindow   *dialog;   /* the results dialog to close once discarded */
  char        *run_id;
} Discard;

static void
discard_free (Discard *discard)
{
  g_clear_object (&discard->self);
  g_clear_object (&discard->dialog);
  g_free (discard->run_id);
  g_free (discard);
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Discard *discard = user_data;
  PvStartPage *self = discard->self;
  g_autoptr(GError) error = NULL;

  if (!pv_run_store_discard_finish (result, &error) && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *alert;

      alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      _("The Run Could Not Be Discarded"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  else if (discard->dialog != NULL)
    gtk_window_destroy (discard->dialog);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    pv_start_page_refresh_runs (self);
  discard_free (discard);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Discard *discard;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The journal stays on disk as the record of what the run did, until
   * it is pruned; it is only no longer offered (nor resumable from the
   * command line). */
  discard = g_object_steal_data (G_OBJECT (dialog), "pv-discard");
  pv_run_store_discard_async (NULL, discard->run_id, NULL, discarded_cb, discard);
}

/* Asks first; @results_dialog, if any, closes once the run is gone. */
static void
ask_discard (PvStartPage *self,
             PvRunState  *run,
             GtkWindow   *results_dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = results_dialog != NULL ? results_dialog : GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  Discard *discard = g_new0 (Discard, 1);
  GtkWidget *dialog;

  discard->self = g_object_ref (self);
  discard->dialog = results_dialog != NULL ? g_object_ref (results_dialog) : NULL;
  discard->run_id = g_strdup (pv_run_state_get_run_id (run));

  dialog = adw_message_dialog_new (parent, _("Discard This Run?"),
                                   _("It leaves the history. What it already did stays done; the people it had not reached yet are left as they are, and the run is no longer offered for resuming."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Freed with the question when it is not answered "discard". */
  g_object_set_data_full (G_OBJECT (dialog), "pv-discard", discard, (GDestroyNotify) discard_free);
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_discard_cb (PvStartPage *self,
                PvRunRow    *row)
{
  ask_discard (self, pv_run_row_get_run (row), NULL);
}

static void
dialog_resume_cb (PvStartPage *self,
                  PvRunDialog *dialog)
{
  const PvFlowInfo *flow = pv_run_dialog_get_flow (dialog);
  g_autoptr(PvRunState) run = g_object_ref (pv_run_dialog_get_run (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  emit_for_run (self, RESUME_RUN, flow, run);
}

static void
dialog_retry_cb (PvStartPage *self,
                 PvRunDialog *dialog)
{
  const PvFlowInfo *flow = pv_run_dialog_get_flow (dialog);
  g_autoptr(PvRunState) run = g_object_ref (pv_run_dialog_get_run (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  emit_for_run (self, RETRY_RUN, flow, run);
}

static void
dialog_discard_cb (PvStartPage *self,
                   PvRunDialog *dialog)
{
  ask_discard (self, pv_run_dialog_get_run (dialog), GTK_WINDOW (dialog));
}

/**
 * pv_start_page_open_run:
 * @row: a row of the history
 *
 * Opens the results of the run of @row in a dialog.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWindow *
pv_start_page_open_run (PvStartPage *self,
                        GtkWidget   *row)
{
  GtkRoot *root;
  PvRunDialog *dialog;

  g_return_val_if_fail (PV_IS_START_PAGE (self), NULL);
  g_return_val_if_fail (PV_IS_RUN_ROW (row), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = pv_run_dialog_new (pv_run_row_get_flow (PV_RUN_ROW (row)), pv_run_row_get_run (PV_RUN_ROW (row)),
                              pv_run_row_get_resumable (PV_RUN_ROW (row)));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "resume", G_CALLBACK (dialog_resume_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "retry", G_CALLBACK (dialog_retry_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "discard", G_CALLBACK (dialog_discard_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
runs_list_row_activated_cb (PvStartPage   *self,
                            GtkListBoxRow *row)
{
  if (PV_IS_RUN_ROW (row))
    pv_start_page_open_run (self, GTK_WIDGET (row));
}

static void
runs_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PvStartPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = pv_run_store_list_finish (result, &error);
  GtkWidget *child;

  /* A listing that a newer one replaced was cut short: its own result
   * says so, while self->cancellable is already the newer listing's. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->runs_list))))
    gtk_list_box_remove (self->runs_list, child);

  /* The most recent first; older ones stay on disk, and the command line
   * still finds them by their id. */
  self->n_runs = 0;
  for (guint i = 0; runs != NULL && i < runs->len && self->n_runs < PV_START_PAGE_RUNS_SHOWN; i++)
    {
      PvRunState *run = g_ptr_array_index (runs, i);
      const PvFlowInfo *flow = find_flow (self, pv_run_state_get_flow (run));
      GtkWidget *row;

      if (flow == NULL)
        continue;
      row = pv_run_row_new (flow, run);
      g_signal_connect_object (row, "resume", G_CALLBACK (row_resume_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "discard", G_CALLBACK (row_discard_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->runs_list, row);
      self->n_runs++;
    }

  gtk_widget_set_visible (self->runs_group, self->n_runs > 0);
  g_signal_emit (self, signals[RUNS_LISTED], 0);
}

static void
list_runs (PvStartPage *self)
{
  pv_run_store_list_async (NULL, PV_RUN_STORE_LIST_ALL, self->cancellable, runs_listed_cb, g_object_ref (self));
}

static void
pruned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PvStartPage) self = user_data;
  g_autoptr(GError) error = NULL;

  pv_run_store_prune_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  list_runs (self);
}

/**
 * pv_start_page_refresh_runs:
 *
 * Lists again, off the main loop, the recent runs, finished or not. The
 * first listing of the process prunes the history first (the last
 * %PV_RUN_STORE_KEEP_RUNS runs or the days of the history-days setting,
 * whichever keeps more).
 */
void
pv_start_page_refresh_runs (PvStartPage *self)
{
  static gboolean pruned;

  g_return_if_fail (PV_IS_START_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!pruned)
    {
      g_autoptr(GSettings) settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);

      pruned = TRUE;
      pv_run_store_prune_async (NULL, g_settings_get_uint (settings, "history-days"), self->cancellable,
                                pruned_cb, g_object_ref (self));
      return;
    }

  list_runs (self);
}

/* How many of the runs shown can be resumed. */
guint
pv_start_page_get_n_resumable (PvStartPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PV_IS_START_PAGE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->runs_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (PV_IS_RUN_ROW (row) && pv_run_row_get_resumable (PV_RUN_ROW (row)))
      n++;

  return n;
}

/* How many runs the history shows. */
guint
pv_start_page_get_n_runs (PvStartPage *self)
{
  g_return_val_if_fail (PV_IS_START_PAGE (self), 0);

  return self->n_runs;
}

static void
add_views (PvStartPage *self)
{
  const PvViewInfo *const *views = pv_views_get_registered ();

  for (guint i = 0; views[i] != NULL; i++)
    {
      GtkWidget *row = create_row (views[i]->title, views[i]->description, views[i]->icon_name);

      g_object_set_data (G_OBJECT (row), "pv-view", (gpointer) views[i]);
      gtk_list_box_append (self->views_list, row);
    }
}

guint
pv_start_page_get_n_flows (PvStartPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PV_IS_START_PAGE (self), 0);

  while (self->flows != NULL && self->flows[n] != NULL)
    n++;

  return n;
}

static void
pv_start_page_dispose (GObject *object)
{
  GtkWidget *child;

  PvStartPage *self = PV_START_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_START_PAGE);

  /* dispose_template() unparents only the children it bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pv_start_page_parent_class)->dispose (object);
}

static void
pv_start_page_class_init (PvStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_start_page_dispose;

  /**
   * PvStartPage::flow-activated:
   * @flow: (type gpointer): the #PvFlowInfo the user chose
   */
  signals[FLOW_ACTIVATED] =
    g_signal_new ("flow-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * PvStartPage::resume-run:
   * @flow: (type gpointer): the #PvFlowInfo of the run
   * @journal_path: the run's journal
   * @run: what the journal says
   */
  signals[RESUME_RUN] =
    g_signal_new ("resume-run",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_POINTER, G_TYPE_STRING, PV_TYPE_RUN_STATE);

  /**
   * PvStartPage::retry-run:
   * @flow: (type gpointer): the #PvFlowInfo of the run
   * @journal_path: the run's journal
   * @run: what the journal says
   *
   * Retry Failed was chosen for a run of the history.
   */
  signals[RETRY_RUN] =
    g_signal_new ("retry-run",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_POINTER, G_TYPE_STRING, PV_TYPE_RUN_STATE);

  /* The recent runs have been looked for (tests wait for it). */
  signals[RUNS_LISTED] =
    g_signal_new ("runs-listed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PvStartPage::view-activated:
   * @view: (type gpointer): the #PvViewInfo the user chose
   */
  signals[VIEW_ACTIVATED] =
    g_signal_new ("view-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, app_icon);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, flows_list);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, runs_group);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, runs_list);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, views_group);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, views_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_start_page_init (PvStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_image_set_from_icon_name (self->app_icon, APP_ID);
  g_signal_connect_object (self->flows_list, "row-activated",
                           G_CALLBACK (flows_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->runs_list, "row-activated",
                           G_CALLBACK (runs_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->views_list, "row-activated",
                           G_CALLBACK (views_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  add_views (self);
  pv_start_page_set_flows (self, pv_flows_get_registered ());
}
