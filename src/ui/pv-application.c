/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-preferences-window.h"
#include "pv-sandbox-server.h"
#include "pv-window.h"

struct _PvApplication
{
  AdwApplication   parent_instance;

  /* The embedded default service: the sandbox tenant, started the first
   * time a flow needs a service, and the client that talks to it. */
  PvSandboxServer *sandbox;
  PvServiceClient *client;
};

G_DEFINE_FINAL_TYPE (PvApplication, pv_application, ADW_TYPE_APPLICATION)

/* How long the embedded sandbox's operator takes to complete a pending
 * port order (docs/api.md, "Port orders"). */
#define DEMO_PORT_DELAY_MS (30 * 1000)

/* The startup benchmark asks for the moment the first frame of the main
 * window is drawn; nothing else uses this. */
static void
first_frame_cb (GdkFrameClock *frame_clock,
                GApplication  *application)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, application);
  g_application_quit (application);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *application)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), application);
}

static void
pv_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      window = GTK_WINDOW (pv_window_new (GTK_APPLICATION (application)));
      if (g_getenv ("PROVISIO_REPORT_FIRST_FRAME") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), application);
    }

  gtk_window_present (window);
}

GtkWindow *
pv_application_show_about (PvApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;
  static const char *developers[] = { "The Provisio developers", NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Provisio"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Provisio developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Provisio developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/provisio/provisio",
                        "issue-url", "https://github.com/provisio/provisio/issues",
                        /* Translators: put your name (and e-mail) here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Enable people for enterprise voice in Microsoft Teams and Skype for Business, step by step."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));

  return GTK_WINDOW (about);
}

GtkWindow *
pv_application_show_preferences (PvApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = pv_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (preferences));

  return GTK_WINDOW (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  pv_application_show_about (PV_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  pv_application_show_preferences (PV_APPLICATION (user_data));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = NULL;

  /* Closing the windows rather than quitting outright lets each one save
   * its size and ask about work in progress. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
pv_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (pv_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
start_sandbox_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  g_autoptr(PvSandboxServer) server = NULL;
  GError *error = NULL;

  /* Opening (and on first use seeding) its store is disk work: not on the
   * main loop. */
  server = pv_sandbox_server_new (NULL, NULL, &error);
  if (server == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Someone trying a Calling Plan move sees the pending port order stop
   * a person, then, half a minute on, Run Again move them: long enough
   * to read the result, short enough to wait for. */
  pv_sandbox_server_set_port_delay (server, DEMO_PORT_DELAY_MS);
  if (!pv_sandbox_server_start (server, 0, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&server), g_object_unref);
}

static void
sandbox_started_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvApplication *self = PV_APPLICATION (object);
  g_autoptr(PvSandboxServer) server = NULL;
  GError *error = NULL;

  server = g_task_propagate_pointer (G_TASK (result), &error);
  if (server == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Two flows may have asked at once: the first answer wins. */
  if (self->client == NULL)
    {
      self->client = pv_service_client_new (pv_sandbox_server_get_base_url (server), NULL, &error);
      if (self->client == NULL)
        {
          pv_sandbox_server_stop (server);
          g_task_return_error (task, error);
          return;
        }
      self->sandbox = g_steal_pointer (&server);
    }
  else
    {
      pv_sandbox_server_stop (server);
    }

  g_task_return_pointer (task, g_object_ref (self->client), g_object_unref);
}

/**
 * pv_application_get_client_async:
 *
 * Gets the client of the service the flows talk to, starting the
 * embedded sandbox tenant the first time.
 */
void
pv_application_get_client_async (PvApplication       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) start = NULL;

  g_return_if_fail (PV_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_application_get_client_async);

  if (self->client != NULL)
    {
      g_task_return_pointer (task, g_object_ref (self->client), g_object_unref);
      return;
    }

  start = g_task_new (self, cancellable, sandbox_started_cb, g_steal_pointer (&task));
  g_task_set_source_tag (start, start_sandbox_in_thread);
  g_task_run_in_thread (start, start_sandbox_in_thread);
}

/**
 * pv_application_get_client_finish:
 *
 * Returns: (transfer full) (nullable): the client
 */
PvServiceClient *
pv_application_get_client_finish (PvApplication  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_application_get_client_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GObject           *owner;
  PvClientReadyFunc  ready;
} ClientRequest;

static void
client_for_ready_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ClientRequest *request = user_data;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = pv_application_get_client_finish (PV_APPLICATION (object), result, &error);
  request->ready (request->owner, PV_APPLICATION (object), client, error);
  g_object_unref (request->owner);
  g_free (request);
}

/**
 * pv_application_load_client_for:
 * @owner: a flow's state, kept alive until @ready is called
 *
 * In the app, a flow talks to the application's service (the sandbox
 * tenant by default) and starts loading at once: asks the default
 * application for its client and calls @ready, never before this returns.
 *
 * Returns: %FALSE, and calls nothing, when the default application is not
 *   Provisio's (a test builds a flow alone)
 */
gboolean
pv_application_load_client_for (GObject           *owner,
                                PvClientReadyFunc  ready)
{
  GApplication *application = g_application_get_default ();
  ClientRequest *request;

  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (ready != NULL, FALSE);

  if (!PV_IS_APPLICATION (application))
    return FALSE;

  request = g_new0 (ClientRequest, 1);
  request->owner = g_object_ref (owner);
  request->ready = ready;
  pv_application_get_client_async (PV_APPLICATION (application), NULL, client_for_ready_cb, request);
  return TRUE;
}

/**
 * pv_application_get_sandbox:
 *
 * The embedded sandbox tenant, for tools that stage scenes on it (the
 * screenshots inject slow answers to show a run in progress).
 *
 * Returns: (transfer none) (nullable): the sandbox, once a flow started it
 */
PvSandboxServer *
pv_application_get_sandbox (PvApplication *self)
{
  g_return_val_if_fail (PV_IS_APPLICATION (self), NULL);

  return self->sandbox;
}

static void
pv_application_shutdown (GApplication *application)
{
  PvApplication *self = PV_APPLICATION (application);

  g_clear_object (&self->client);
  if (self->sandbox != NULL)
    pv_sandbox_server_stop (self->sandbox);
  g_clear_object (&self->sandbox);

  G_APPLICATION_CLASS (pv_application_parent_class)->shutdown (application);
}

static void
pv_application_class_init (PvApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->shutdown = pv_application_shutdown;

  application_class->activate = pv_application_activate;
  application_class->startup = pv_application_startup;
}

static void
pv_application_init (PvApplication *self)
{
}

PvApplication *
pv_application_new (void)
{
  /* The development build has its own ID but the same resources. */
  return g_object_new (PV_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
