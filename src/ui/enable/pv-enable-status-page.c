/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-enable-result-rows.h"
#include "pv-enable-status-page.h"
#include "pv-runner.h"
#include "pv-service-error.h"

/* Enable Operation Status: the run itself. It starts when the page is
 * first shown (the Ready page was the confirmation), journals every step
 * so that an interrupted run can be resumed, and shows each person's
 * outcome as it happens. Leaving the wizard cancels what is in flight;
 * the journal keeps the rest. */

/* Below this, a run ends before anyone would have gone elsewhere. */
#define DEFAULT_NOTIFY_AFTER 10
/* The estimate is redrawn at most this often, so that a screen reader
 * is not flooded and the figure does not flicker. */
#define ETA_INTERVAL_US (G_USEC_PER_SEC)

struct _PvEnableStatusPage
{
  PvPage        parent_instance;

  PvEnableFlow *flow;
  PvRunner     *runner;
  GCancellable *cancellable;  /* of the passes this page started */
  gboolean      retried;
  gint64        started;    /* monotonic µs */
  gint64        eta_drawn;
  guint         finished_here;
  guint         eta_source;
  guint         notify_after;  /* seconds */

  GtkLabel       *heading_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *eta_label;
  GtkButton      *stop_button;
  GtkLabel       *counts_label;
  GtkListView    *results_list;
};

G_DEFINE_FINAL_TYPE (PvEnableStatusPage, pv_enable_status_page, PV_TYPE_PAGE)

enum {
  PROP_0,
  PROP_NOTIFY_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_enable_status_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NOTIFY_AFTER:
      g_value_set_uint (value, self->notify_after);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_status_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NOTIFY_AFTER:
      if (self->notify_after != g_value_get_uint (value))
        {
          self->notify_after = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * pv_enable_status_page_format_remaining:
 * @seconds: the estimated time left
 *
 * Returns: (transfer full): a rough, translated duration, as people say
 *   it: seconds under a minute, minutes under an hour and a half, hours
 *   above
 */
char *
pv_enable_status_page_format_remaining (guint64 seconds)
{
  guint n;

  if (seconds < 60)
    {
      n = MAX (seconds, 1);
      return g_strdup_printf (ngettext ("About %u second left", "About %u seconds left", n), n);
    }
  if (seconds < 90 * 60)
    {
      n = (guint) ((seconds + 59) / 60);
      return g_strdup_printf (ngettext ("About %u minute left", "About %u minutes left", n), n);
    }

  n = (guint) MIN ((seconds + 1800) / 3600, G_MAXUINT);
  return g_strdup_printf (ngettext ("About %u hour left", "About %u hours left", n), n);
}

static void
update_eta (PvEnableStatusPage *self,
            gboolean            force)
{
  gint64 now = g_get_monotonic_time ();
  guint total = pv_runner_get_n_items (self->runner);
  guint done = pv_runner_get_n_finished (self->runner);
  g_autofree char *text = NULL;

  if (!force && now - self->eta_drawn < ETA_INTERVAL_US)
    return;
  self->eta_drawn = now;

  /* A rate from a handful of people or a fraction of a second is noise;
   * saying nothing is better than a wild guess. */
  if (done < total && self->finished_here >= 5 && now - self->started >= G_USEC_PER_SEC / 2)
    {
      double per_item = (double) (now - self->started) / self->finished_here;
      guint64 remaining = (guint64) (per_item * (total - done) / G_USEC_PER_SEC);

      text = pv_enable_status_page_format_remaining (remaining);
    }
  else if (done < total)
    text = g_strdup (_("Estimating the time left…"));

  gtk_label_set_text (self->eta_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->eta_label), text != NULL);
}

/* When answers are slow, nobody finishes for a while; the estimate must
 * still move. */
static gboolean
eta_tick_cb (gpointer user_data)
{
  update_eta (user_data, FALSE);

  return G_SOURCE_CONTINUE;
}

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

  counts = self->runner != NULL ? pv_enable_format_counts (pv_runner_get_run_results (self->runner))
                                 : pv_enable_format_counts (NULL);
  gtk_label_set_text (self->counts_label, counts);
}

static void
item_finished_cb (PvEnableStatusPage *self,
                  PvOperationResult  *result)
{
  self->finished_here++;
  update_progress (self);
  update_eta (self, FALSE);
}

static void
notify_if_away (PvEnableStatusPage *self)
{
  GApplication *application = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  /* Only a long run, and only when the person is looking elsewhere:
   * otherwise the page itself says it. */
  if (application == NULL ||
      g_get_monotonic_time () - self->started < (gint64) self->notify_after * G_USEC_PER_SEC)
    return;
  if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
    return;

  body = pv_enable_format_counts (pv_runner_get_run_results (self->runner));
  notification = g_notification_new (pv_run_results_get_count (pv_runner_get_run_results (self->runner),
                                                               PV_RESULT_STATUS_FAILED) > 0
                                       ? _("Some people could not be enabled")
                                       : _("The users are enabled"));
  g_notification_set_body (notification, body);
  g_application_send_notification (application, "run-finished", notification);
}

static void run_ended (PvEnableStatusPage *self,
                       gboolean            ok,
                       const GError       *error);

static void
retry_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvEnableStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pv_runner_retry_failed_finish (PV_RUNNER (object), result, &error);

  run_ended (self, ok, error);
}

static void
run_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvEnableStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = pv_runner_run_finish (PV_RUNNER (object), result, &error);

  /* Opened from the history to retry the failures: the run read back
   * from its journal has them; now they are tried again, each from the
   * step that failed. */
  if (ok && pv_enable_flow_get_retrying (self->flow) && !self->retried &&
      pv_run_results_get_count (pv_runner_get_run_results (self->runner), PV_RESULT_STATUS_FAILED) > 0)
    {
      self->retried = TRUE;
      gtk_label_set_text (self->heading_label, _("Trying the people who failed again…"));
      pv_runner_retry_failed_async (self->runner, self->cancellable, retry_finished_cb, g_object_ref (self));
      update_progress (self);
      return;
    }

  run_ended (self, ok, error);
}

static void
run_ended (PvEnableStatusPage *self,
           gboolean            ok,
           const GError       *error)
{
  gboolean dry_run = pv_enable_plan_get_dry_run (pv_enable_flow_get_plan (self->flow));

  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), FALSE);
  g_clear_handle_id (&self->eta_source, g_source_remove);
  update_eta (self, TRUE);

  if (!ok)
    {
      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
        {
          guint left = pv_runner_get_n_items (self->runner) - pv_runner_get_n_finished (self->runner);
          g_autofree char *text = NULL;

          text = g_strdup_printf (ngettext ("The run was stopped. %u person was not processed; the run can be resumed from the start page.",
                                            "The run was stopped. %u people were not processed; the run can be resumed from the start page.",
                                            left),
                                  left);
          gtk_label_set_text (self->heading_label, text);
          /* What was done is on the record: Finish shows and exports it. */
          pv_page_set_incomplete_reason (PV_PAGE (self), NULL);
          pv_page_set_complete (PV_PAGE (self), TRUE);
          return;
        }

      gtk_label_set_text (self->heading_label, error->message);
      return;
    }

  if (pv_run_results_get_count (pv_runner_get_run_results (self->runner), PV_RESULT_STATUS_FAILED) > 0)
    gtk_label_set_text (self->heading_label, _("The run is finished; some people could not be enabled."));
  else if (dry_run)
    gtk_label_set_text (self->heading_label, _("The check is finished; nothing was changed."));
  else
    gtk_label_set_text (self->heading_label, _("The run is finished."));
  pv_page_set_incomplete_reason (PV_PAGE (self), NULL);
  pv_page_set_complete (PV_PAGE (self), TRUE);
  notify_if_away (self);
}

static void start_run (PvEnableStatusPage *self);

static void
flow_loading_changed_cb (PvEnableStatusPage *self)
{
  if (pv_enable_flow_get_loading (self->flow) || self->runner != NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->flow, flow_loading_changed_cb, self);
  if (pv_enable_flow_get_load_error (self->flow) != NULL)
    gtk_label_set_text (self->heading_label, pv_enable_flow_get_load_error (self->flow));
  else
    start_run (self);
}

static void
start_run (PvEnableStatusPage *self)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (self->flow);
  gboolean resuming = pv_enable_flow_get_resuming (self->flow);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GError) error = NULL;
  PvRunner *runner;

  /* A resumed run names its people from the directory, and checks them
   * with the service: both must be there first. */
  if (resuming && pv_enable_flow_get_loading (self->flow))
    {
      gtk_label_set_text (self->heading_label, _("Getting ready to resume the run…"));
      pv_page_set_incomplete_reason (PV_PAGE (self), _("The run is in progress."));
      g_signal_connect_object (self->flow, "notify::loading", G_CALLBACK (flow_loading_changed_cb), self,
                               G_CONNECT_SWAPPED);
      return;
    }

  runner = pv_enable_flow_new_runner (self->flow, &error);
  if (runner == NULL)
    {
      gtk_label_set_text (self->heading_label, error->message);
      return;
    }
  self->runner = g_object_ref (runner);

  g_signal_connect_object (self->runner, "item-finished", G_CALLBACK (item_finished_cb), self,
                           G_CONNECT_SWAPPED);
  factory = pv_enable_result_factory_new (pv_runner_get_run_results (self->runner));
  gtk_list_view_set_factory (self->results_list, factory);
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (pv_runner_get_results (self->runner)))));

  gtk_label_set_text (self->heading_label, resuming ? _("Resuming the run: people already done are checked, not changed again…")
                                           : pv_enable_plan_get_dry_run (plan) ? _("Checking the users…")
                                           : _("Enabling the users…"));
  pv_page_set_incomplete_reason (PV_PAGE (self), _("The run is in progress."));
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), TRUE);
  update_progress (self);

  self->started = g_get_monotonic_time ();
  update_eta (self, TRUE);
  self->eta_source = g_timeout_add_seconds (1, eta_tick_cb, self);
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

static void
stop_response_cb (PvEnableStatusPage *self,
                  const char         *response)
{
  if (g_strcmp0 (response, "stop") == 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), FALSE);
      gtk_label_set_text (self->heading_label, _("Stopping after the requests in flight…"));
      g_cancellable_cancel (self->cancellable);
    }
}

static void
stop_clicked_cb (PvEnableStatusPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Stop the Run?"),
                                   _("People already processed keep their outcome. The others are left as they are, and the run can be resumed later from the start page."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Running"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pv_enable_status_page_dispose (GObject *object)
{
  PvEnableStatusPage *self = PV_ENABLE_STATUS_PAGE (object);

  /* Leaving the wizard stops the run; its journal allows resuming it.
   * Only this page's pass: Finish may be retrying by then. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->eta_source, g_source_remove);
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

  G_OBJECT_CLASS (pv_enable_status_page_parent_class)->finalize (object);
}

static void
pv_enable_status_page_class_init (PvEnableStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_enable_status_page_dispose;
  object_class->finalize = pv_enable_status_page_finalize;
  object_class->get_property = pv_enable_status_page_get_property;
  object_class->set_property = pv_enable_status_page_set_property;

  /* How long, in seconds, a run must have lasted for its end to be
   * announced by a desktop notification when the window is not active. */
  properties[PROP_NOTIFY_AFTER] =
    g_param_spec_uint ("notify-after", NULL, NULL, 0, G_MAXUINT, DEFAULT_NOTIFY_AFTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  PV_PAGE_CLASS (klass)->shown = pv_enable_status_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, eta_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableStatusPage, results_list);
}

static void
pv_enable_status_page_init (PvEnableStatusPage *self)
{
  self->notify_after = DEFAULT_NOTIFY_AFTER;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->stop_button, "clicked", G_CALLBACK (stop_clicked_cb), self,
                           G_CONNECT_SWAPPED);
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
