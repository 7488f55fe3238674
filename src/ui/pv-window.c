/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-assistant.h"
#include "pv-language.h"
#include "pv-start-page.h"
#include "pv-window.h"

struct _PvWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  GtkWidget *assistant;
  /* The user agreed to lose the wizard's state; the next close proceeds. */
  gboolean   close_confirmed;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  PvStartPage     *start_page;
  GtkBox          *view_box;
  AdwWindowTitle  *view_title;

  /* The view shown instead of the start page, if any. */
  GtkWidget       *view;
  GCancellable    *view_cancellable;
};

G_DEFINE_FINAL_TYPE (PvWindow, pv_window, ADW_TYPE_APPLICATION_WINDOW)

static void
remove_assistant (PvWindow *self)
{
  if (self->assistant == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->assistant, self);
  gtk_stack_remove (self->main_stack, self->assistant);
  self->assistant = NULL;
}

static void
assistant_finished_cb (PvWindow    *self,
                       gboolean     completed,
                       PvAssistant *assistant)
{
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  remove_assistant (self);
  /* The run just made, or resumed, may have stopped before its end. */
  pv_start_page_refresh_runs (self->start_page);
}

/**
 * pv_window_start_flow:
 *
 * Replaces the start page by a new wizard for @flow.
 *
 * Returns: (transfer none): the #PvAssistant
 */
static GtkWidget *
show_assistant (PvWindow  *self,
                GtkWidget *assistant)
{
  remove_assistant (self);

  self->assistant = assistant;
  g_signal_connect_object (self->assistant, "finished",
                           G_CALLBACK (assistant_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, self->assistant, "assistant");
  /* A stack that takes the focus away from the page it hides moves it on
   * (Tab forward) in the page it shows, after the assistant has put it on
   * the first control: the first page would start on its second one. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_stack_set_visible_child (self->main_stack, self->assistant);

  return self->assistant;
}

GtkWidget *
pv_window_start_flow (PvWindow         *self,
                      const PvFlowInfo *flow)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);
  g_return_val_if_fail (flow != NULL, NULL);

  return show_assistant (self, pv_assistant_new (flow));
}

/**
 * pv_window_resume_flow:
 * @journal_path: the journal of a run of @flow that stopped before its end
 * @run: what the journal says
 *
 * Replaces the start page by @flow's wizard, continuing @run.
 *
 * Returns: (transfer none): the #PvAssistant
 */
GtkWidget *
pv_window_resume_flow (PvWindow         *self,
                       const PvFlowInfo *flow,
                       const char       *journal_path,
                       PvRunState       *run)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);
  g_return_val_if_fail (flow != NULL && flow->create_resume_state != NULL, NULL);
  g_return_val_if_fail (PV_IS_RUN_STATE (run), NULL);

  return show_assistant (self, pv_assistant_new_with_state (flow, flow->create_resume_state (journal_path, run)));
}

/**
 * pv_window_retry_flow:
 * @journal_path: the journal of a run of @flow with failures
 * @run: what the journal says
 *
 * Replaces the start page by @flow's wizard, trying again the people
 * @run failed, each from the step that failed.
 *
 * Returns: (transfer none): the #PvAssistant
 */
GtkWidget *
pv_window_retry_flow (PvWindow         *self,
                      const PvFlowInfo *flow,
                      const char       *journal_path,
                      PvRunState       *run)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);
  g_return_val_if_fail (flow != NULL && flow->create_retry_state != NULL, NULL);
  g_return_val_if_fail (PV_IS_RUN_STATE (run), NULL);

  return show_assistant (self, pv_assistant_new_with_state (flow, flow->create_retry_state (journal_path, run)));
}

static void
start_page_retry_run_cb (PvWindow         *self,
                         const PvFlowInfo *flow,
                         const char       *journal_path,
                         PvRunState       *run)
{
  pv_window_retry_flow (self, flow, journal_path, run);
}

static void
start_page_resume_run_cb (PvWindow         *self,
                          const PvFlowInfo *flow,
                          const char       *journal_path,
                          PvRunState       *run)
{
  pv_window_resume_flow (self, flow, journal_path, run);
}

static void
remove_view (PvWindow *self)
{
  g_cancellable_cancel (self->view_cancellable);
  g_clear_object (&self->view_cancellable);
  if (self->view == NULL)
    return;

  gtk_box_remove (self->view_box, self->view);
  self->view = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "manage.back", FALSE);
}

static void
view_client_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PvWindow) self = user_data;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = pv_application_get_client_finish (PV_APPLICATION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->view == NULL)
    return;
  if (client == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  g_object_set (self->view, "client", client, NULL);
}

/**
 * pv_window_open_view:
 *
 * Replaces the start page (or the view shown) by a new @view, and gives
 * it the service's client as soon as the service is ready.
 *
 * Returns: (transfer none): the view's widget
 */
GtkWidget *
pv_window_open_view (PvWindow         *self,
                     const PvViewInfo *view)
{
  GApplication *application;

  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  remove_view (self);
  self->view = g_object_new (view->get_type (), "vexpand", TRUE, NULL);
  gtk_box_append (self->view_box, self->view);
  adw_window_title_set_title (self->view_title, _(view->title));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "manage.back", TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "view");
  gtk_widget_grab_focus (self->view);

  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (PV_IS_APPLICATION (application))
    {
      self->view_cancellable = g_cancellable_new ();
      pv_application_get_client_async (PV_APPLICATION (application), self->view_cancellable,
                                       view_client_cb, g_object_ref (self));
    }

  return self->view;
}

GtkWidget *
pv_window_get_view (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->view;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PvWindow *self = PV_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "start");
  remove_view (self);
}

static void
start_page_view_activated_cb (PvWindow         *self,
                              const PvViewInfo *view)
{
  pv_window_open_view (self, view);
}

static void
start_page_flow_activated_cb (PvWindow     *self,
                              const PvFlowInfo *flow)
{
  pv_window_start_flow (self, flow);
}

static void
close_confirmed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PvWindow) self = user_data;

  if (!pv_assistant_confirm_discard_finish (PV_ASSISTANT (object), result, NULL))
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
pv_window_close_request (GtkWindow *window)
{
  PvWindow *self = PV_WINDOW (window);
  int width, height;

  /* Closing the window loses a wizard's state as surely as Cancel does,
   * so it asks the same question. */
  if (self->assistant != NULL && !self->close_confirmed)
    {
      pv_assistant_confirm_discard_async (PV_ASSISTANT (self->assistant), NULL,
                                          close_confirmed_cb, g_object_ref (self));
      return GDK_EVENT_STOP;
    }

  /* The size the user chose, not the maximised one. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (pv_window_parent_class)->close_request (window);
}

static void
pv_window_dispose (GObject *object)
{
  PvWindow *self = PV_WINDOW (object);

  self->assistant = NULL;
  g_cancellable_cancel (self->view_cancellable);
  g_clear_object (&self->view_cancellable);
  self->view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_WINDOW);

  G_OBJECT_CLASS (pv_window_parent_class)->dispose (object);
}

static void
pv_window_finalize (GObject *object)
{
  PvWindow *self = PV_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pv_window_parent_class)->finalize (object);
}

static void
pv_window_class_init (PvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pv_window_dispose;
  object_class->finalize = pv_window_finalize;
  window_class->close_request = pv_window_close_request;

  g_type_ensure (PV_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, view_box);
  gtk_widget_class_bind_template_child (widget_class, PvWindow, view_title);

  gtk_widget_class_install_action (widget_class, "manage.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "manage.back", NULL);
}

static void
pv_window_init (PvWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->start_page, "resume-run",
                           G_CALLBACK (start_page_resume_run_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_page, "retry-run",
                           G_CALLBACK (start_page_retry_run_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_page, "flow-activated",
                           G_CALLBACK (start_page_flow_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_page, "view-activated",
                           G_CALLBACK (start_page_view_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "manage.back", FALSE);

  self->settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

PvWindow *
pv_window_new (GtkApplication *application)
{
  return g_object_new (PV_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pv_window_set_flows:
 * @flows: a NULL-terminated table that outlives the window
 *
 * Offers @flows on the start page instead of the registered flows; tests
 * use it to drive the window with a flow of their own.
 */
void
pv_window_set_flows (PvWindow            *self,
                     const PvFlowInfo *const *flows)
{
  g_return_if_fail (PV_IS_WINDOW (self));

  pv_start_page_set_flows (self->start_page, flows);
}

GtkWidget *
pv_window_get_assistant (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return self->assistant;
}

GtkWidget *
pv_window_get_start_page (PvWindow *self)
{
  g_return_val_if_fail (PV_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->start_page);
}
