/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-sandbox-server.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

PvServiceClient *pv_cli_connect (const char       *service,
                                 PvSandboxServer **sandbox,
                                 GError          **error);

/* What a command that talks to one service holds until it returns: its
 * loop, the client, and the sandbox tenant started for it, if any. */
typedef struct
{
  GMainLoop       *loop;
  PvSandboxServer *sandbox;
  PvServiceClient *client;
} PvCliSession;

gboolean pv_cli_session_open  (PvCliSession  *session,
                               const char    *service,
                               GError       **error);
void     pv_cli_session_clear (PvCliSession  *session);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PvCliSession, pv_cli_session_clear)

/* One call at a time, waited for on the command's own loop: a command has
 * nothing else to do meanwhile. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} PvCliWaiter;

void          pv_cli_waiter_clear    (PvCliWaiter  *waiter);
void          pv_cli_store_result_cb (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      waiter);
GAsyncResult *pv_cli_wait            (PvCliWaiter  *waiter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PvCliWaiter, pv_cli_waiter_clear)

G_END_DECLS
