/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-sandbox-faults.h"
#include "pv-sandbox-store.h"

G_BEGIN_DECLS

#define PV_SANDBOX_SERVER_ERROR (pv_sandbox_server_error_quark ())

typedef enum
{
  PV_SANDBOX_SERVER_ERROR_SEED,
  PV_SANDBOX_SERVER_ERROR_LISTEN,
  PV_SANDBOX_SERVER_ERROR_RUNNING,
} PvSandboxServerError;

GQuark pv_sandbox_server_error_quark (void);

#define PV_TYPE_SANDBOX_SERVER (pv_sandbox_server_get_type ())

G_DECLARE_FINAL_TYPE (PvSandboxServer, pv_sandbox_server, PV, SANDBOX_SERVER, GObject)

PvSandboxServer *pv_sandbox_server_new            (const char       *state_path,
                                                   const char       *seed_path,
                                                   GError          **error);
char            *pv_sandbox_server_default_state_path (void);
char            *pv_sandbox_server_default_seed_path  (void);
const char      *pv_sandbox_server_get_state_path (PvSandboxServer  *self);
void             pv_sandbox_server_set_faults     (PvSandboxServer  *self,
                                                   PvSandboxFaults  *faults);
PvSandboxFaults *pv_sandbox_server_get_faults     (PvSandboxServer  *self);
void             pv_sandbox_server_set_generated_users (PvSandboxServer *self,
                                                        guint            n_users);
guint            pv_sandbox_server_get_generated_users (PvSandboxServer *self);
void             pv_sandbox_server_set_generated_numbers (PvSandboxServer *self,
                                                          guint            n_numbers);
void             pv_sandbox_server_set_operation_delay (PvSandboxServer *self,
                                                        guint            delay_ms);
void             pv_sandbox_server_set_upload_delay (PvSandboxServer *self,
                                                     guint            delay_ms);
void             pv_sandbox_server_set_port_delay (PvSandboxServer  *self,
                                                   guint             delay_ms);
void             pv_sandbox_server_advance_clock  (PvSandboxServer  *self,
                                                   guint             delay_ms);
gboolean         pv_sandbox_server_reset          (PvSandboxServer  *self,
                                                   GError          **error);
gboolean         pv_sandbox_server_start          (PvSandboxServer  *self,
                                                   guint             port,
                                                   GError          **error);
void             pv_sandbox_server_stop           (PvSandboxServer  *self);
gboolean         pv_sandbox_server_is_running     (PvSandboxServer  *self);
guint            pv_sandbox_server_get_port       (PvSandboxServer  *self);
const char      *pv_sandbox_server_get_base_url   (PvSandboxServer  *self);

G_END_DECLS
