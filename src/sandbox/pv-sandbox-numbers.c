/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-sandbox-private.h"

gboolean pv_sandbox_numbers_dispatch (PvSandboxServer        *server,
                                      const PvSandboxRequest *request,
                                      PvSandboxResponse      *response);

gboolean
pv_sandbox_numbers_dispatch (PvSandboxServer        *server,
                             const PvSandboxRequest *request,
                             PvSandboxResponse      *response)
{
  return FALSE;
}
