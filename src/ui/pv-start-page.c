/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

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

/* --- Runs that stopped before their end. --- */

static const PvFlowInfo *
find_flow (PvStartPage *self,
           const char  *id)
{
  for (guint i = 0; self->flows != NULL && self->flows[i] != NULL; i++)
    if (self->flows[i]->create_resume_state != NULL && g_strcmp0 (self->flows[i]->id, id) == 0)
      return self->flows[i];

  return NULL;
}

static void
resume_clicked_cb (GtkButton   *button,
                   PvStartPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  PvRunState *run = g_object_get_data (G_OBJECT (row), "pv-run");
  const PvFlowInfo *flow = g_object_get_data (G_OBJECT (row), "pv-flow");
  g_autofree char *path = pv_run_store_dup_journal_path (NULL, pv_run_state_get_run_id (run));

  g_signal_emit (self, signals[RESUME_RUN], 0, flow, path, run);
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PvStartPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_run_store_discard_finish (result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *alert;

      if (gtk_widget_in_destruction (GTK_WIDGET (self)))
        return;
      alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      _("The Run Could Not Be Discarded"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    pv_start_page_refresh_runs (self);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWidget        *row)
{
  GtkWidget *self = gtk_widget_get_ancestor (row, PV_TYPE_START_PAGE);
  PvRunState *run = g_object_get_data (G_OBJECT (row), "pv-run");

  if (self == NULL || g_strcmp0 (response, "discard") != 0)
    return;

  /* The journal stays on disk as the record of what the run did; it is
   * only no longer offered (nor resumable from the command line). */
  pv_run_store_discard_async (NULL, pv_run_state_get_run_id (run), NULL, discarded_cb, g_object_ref (self));
}

static void
discard_clicked_cb (GtkButton   *button,
                    PvStartPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard This Run?"),
                                   _("What it already did stays done. The people it had not reached yet are left as they are, and the run is no longer offered for resuming."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), row, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_run_row (PvStartPage      *self,
                const PvFlowInfo *flow,
                PvRunState       *run)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Resume"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (pv_run_state_get_started (run));
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: a date and time, as g_date_time_format() writes it. Month
   * names follow LC_TIME, not the language of the interface: a numeric
   * date reads right in any locale. */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%e %B %Y at %H:%M")) : NULL;
  guint total = pv_run_state_get_n_items (run);
  g_autofree char *subtitle = NULL;
  g_autofree char *discard_label = NULL;
  g_autofree char *resume_label = NULL;

  if (when != NULL)
    /* Translators: %1$s is when the run started; %2$u people finished of %3$u. */
    subtitle = g_strdup_printf (ngettext ("Started %1$s · %2$u of %3$u person done",
                                          "Started %1$s · %2$u of %3$u people done", total),
                                g_strstrip (when), pv_run_state_get_n_finished (run), total);
  else
    /* Translators: %1$u people finished of %2$u. */
    subtitle = g_strdup_printf (ngettext ("%1$u of %2$u person done", "%1$u of %2$u people done", total),
                                pv_run_state_get_n_finished (run), total);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(flow->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  /* Translators: %s is the name of a task, such as “Enable users for a pool”. */
  resume_label = g_strdup_printf (_("Resume the unfinished run of “%s”"), _(flow->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_PROPERTY_LABEL, resume_label, -1);
  g_signal_connect_object (resume, "clicked", G_CALLBACK (resume_clicked_cb), self, 0);

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  gtk_widget_set_tooltip_text (discard, _("Discard this run"));
  /* Translators: %s is the name of a task, such as “Enable users for a pool”. */
  discard_label = g_strdup_printf (_("Discard the unfinished run of “%s”"), _(flow->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, discard_label, -1);
  g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), resume);
  /* The row makes its title label the widget it activates, which would
   * have the button read as the task's name alone, without "Resume". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  g_object_set_data_full (G_OBJECT (row), "pv-run", g_object_ref (run), g_object_unref);
  g_object_set_data (G_OBJECT (row), "pv-flow", (gpointer) flow);

  return row;
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

  self->n_runs = 0;
  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      PvRunState *run = g_ptr_array_index (runs, i);
      const PvFlowInfo *flow = find_flow (self, pv_run_state_get_flow (run));

      if (flow == NULL)
        continue;
      gtk_list_box_append (self->runs_list, create_run_row (self, flow, run));
      self->n_runs++;
    }

  gtk_widget_set_visible (self->runs_group, self->n_runs > 0);
  g_signal_emit (self, signals[RUNS_LISTED], 0);
}

/**
 * pv_start_page_refresh_runs:
 *
 * Looks again, off the main loop, for runs that stopped before their end
 * and offers to resume them.
 */
void
pv_start_page_refresh_runs (PvStartPage *self)
{
  g_return_if_fail (PV_IS_START_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  pv_run_store_list_async (NULL, PV_RUN_STORE_LIST_RESUMABLE, self->cancellable, runs_listed_cb,
                           g_object_ref (self));
}

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

  /* The unfinished runs have been looked for (tests wait for it). */
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

  g_signal_connect_object (self->views_list, "row-activated",
                           G_CALLBACK (views_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  add_views (self);
  pv_start_page_set_flows (self, pv_flows_get_registered ());
}
