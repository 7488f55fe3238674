/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "pv-sandbox-server.h"

/* provisio-sandbox: the sandbox tenant on its own, for the CLI, scripts
 * and benchmarks.  The server runs in its own thread; this one only waits
 * for a signal to stop it cleanly. */

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PROVISIO_LOCALEDIR");
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvSandboxServer) server = NULL;
  g_autoptr(PvSandboxFaults) faults = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *state = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *faults_spec = NULL;
  gint port = 0;
  gint users = 0;
  gint upload_delay = -1;
  gint port_delay = 0;
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      N_("Port to listen on, on 127.0.0.1 and ::1 (default: any free port)"), N_("PORT") },
    { "state", 's', 0, G_OPTION_ARG_FILENAME, &state,
      N_("The state database (default: sandbox.db in the user’s data folder)"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &seed,
      N_("The seed tenant, loaded on first start and on reset"), N_("FILE") },
    { "users", 'u', 0, G_OPTION_ARG_INT, &users,
      N_("Generate a tenant of N people in place of the seed’s (on first start or reset)"),
      N_("N") },
    { "faults", 'f', 0, G_OPTION_ARG_STRING, &faults_spec,
      N_("Inject faults, e.g. rate=0.1,kinds=429+503+drop+delay+malformed,seed=7"),
      N_("SPEC") },
    { "upload-delay", 0, 0, G_OPTION_ARG_INT, &upload_delay,
      N_("Milliseconds an operator takes to upload a ported number once its Calling Plan "
         "assignment is removed (default: 2000; 0: at once)"), N_("MS") },
    { "port-delay", 0, 0, G_OPTION_ARG_INT, &port_delay,
      N_("Milliseconds an operator takes to complete a pending port order once the tenant "
         "has first read it (default: 0: never, until POST "
         "/provisio/v1/portOrders/ID/complete)"), N_("MS") },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset,
      N_("Restore the seed tenant before serving"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Serve the sandbox tenant: the service’s REST API over a local "
                                  "state, for rehearsing changes without a real tenant."));
  g_option_context_set_description (context,
                                    _("The sandbox listens on the loopback interfaces only "
                                      "(127.0.0.1 and ::1): it is never reachable from another "
                                      "machine."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535)
    {
      /* Translators: %d is the port number given on the command line */
      g_printerr (_("Invalid port %d: use 0 to 65535."), port);
      g_printerr ("\n");
      return 2;
    }
  if (users < 0)
    {
      g_printerr (_("The number of people must be positive."));
      g_printerr ("\n");
      return 2;
    }
  if (upload_delay < -1)
    {
      g_printerr (_("The upload delay must be 0 or more milliseconds."));
      g_printerr ("\n");
      return 2;
    }
  if (port_delay < 0)
    {
      g_printerr (_("The port delay must be 0 or more milliseconds."));
      g_printerr ("\n");
      return 2;
    }
  if (faults_spec != NULL)
    {
      faults = pv_sandbox_faults_new (faults_spec, &error);
      if (faults == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }

  server = pv_sandbox_server_new (state, seed, &error);
  if (server == NULL)
    {
      /* Translators: %s is the reason, from the database */
      g_printerr (_("Cannot open the sandbox state: %s"), error->message);
      g_printerr ("\n");
      return 1;
    }
  pv_sandbox_server_set_generated_users (server, (guint) users);
  if (upload_delay >= 0)
    pv_sandbox_server_set_upload_delay (server, (guint) upload_delay);
  pv_sandbox_server_set_port_delay (server, (guint) port_delay);
  if (faults != NULL)
    pv_sandbox_server_set_faults (server, faults);
  if (reset && !pv_sandbox_server_reset (server, &error))
    {
      /* Translators: %s is the reason */
      g_printerr (_("Cannot restore the seed tenant: %s"), error->message);
      g_printerr ("\n");
      return 1;
    }
  if (!pv_sandbox_server_start (server, (guint) port, &error))
    {
      /* Translators: %s is the reason */
      g_printerr (_("Cannot start the sandbox: %s"), error->message);
      g_printerr ("\n");
      return 1;
    }

  /* Translators: %s is the address, such as http://127.0.0.1:8080 */
  g_print (_("Sandbox tenant listening on %s (loopback only)"),
           pv_sandbox_server_get_base_url (server));
  g_print ("\n");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  pv_sandbox_server_stop (server);
  return 0;
}
