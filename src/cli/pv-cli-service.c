/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-cli-service.h"

/* Which service a command talks to: the one given, or the sandbox tenant,
 * started in-process on the user's persisted state, as the app does. */

/**
 * pv_cli_connect:
 * @service: (nullable): a service URL, or %NULL for the sandbox tenant
 * @sandbox: (out): the sandbox started for the command, to keep running
 *   while the client is used; %NULL when @service was given
 */
PvServiceClient *
pv_cli_connect (const char       *service,
                PvSandboxServer **sandbox,
                GError          **error)
{
  *sandbox = NULL;

  if (service == NULL)
    {
      g_autoptr(PvSandboxServer) server = pv_sandbox_server_new (NULL, NULL, error);

      if (server == NULL || !pv_sandbox_server_start (server, 0, error))
        return NULL;
      *sandbox = g_steal_pointer (&server);
      service = pv_sandbox_server_get_base_url (*sandbox);
    }

  return pv_service_client_new (service, NULL, error);
}

/**
 * pv_cli_session_open:
 * @service: (nullable): as for pv_cli_connect()
 */
gboolean
pv_cli_session_open (PvCliSession  *session,
                     const char    *service,
                     GError       **error)
{
  session->loop = g_main_loop_new (NULL, FALSE);
  session->client = pv_cli_connect (service, &session->sandbox, error);
  return session->client != NULL;
}

void
pv_cli_session_clear (PvCliSession *session)
{
  g_clear_object (&session->client);
  if (session->sandbox != NULL)
    pv_sandbox_server_stop (session->sandbox);
  g_clear_object (&session->sandbox);
  g_clear_pointer (&session->loop, g_main_loop_unref);
}

void
pv_cli_waiter_clear (PvCliWaiter *waiter)
{
  g_clear_object (&waiter->result);
}

/* The callback for a call whose result pv_cli_wait() returns. */
void
pv_cli_store_result_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PvCliWaiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

/**
 * pv_cli_wait:
 *
 * Returns: (transfer none): the result of the call started with
 *   pv_cli_store_result_cb() and @waiter, valid until the next wait
 */
GAsyncResult *
pv_cli_wait (PvCliWaiter *waiter)
{
  g_clear_object (&waiter->result);
  g_main_loop_run (waiter->loop);
  return waiter->result;
}
