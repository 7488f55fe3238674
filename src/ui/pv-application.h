/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-sandbox-server.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

#define PV_TYPE_APPLICATION (pv_application_get_type ())

G_DECLARE_FINAL_TYPE (PvApplication, pv_application, PV, APPLICATION, AdwApplication)

PvApplication *pv_application_new          (void);
GtkWindow     *pv_application_show_about   (PvApplication *self);
GtkWindow     *pv_application_show_preferences (PvApplication *self);
void           pv_application_get_client_async  (PvApplication       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
PvServiceClient *pv_application_get_client_finish (PvApplication     *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
PvSandboxServer *pv_application_get_sandbox       (PvApplication     *self);

/* Called once the application's client is ready (@client), or could not
 * be had (@error). */
typedef void (*PvClientReadyFunc) (GObject         *owner,
                                   PvApplication   *application,
                                   PvServiceClient *client,
                                   const GError    *error);

gboolean       pv_application_load_client_for   (GObject           *owner,
                                                 PvClientReadyFunc  ready);

G_END_DECLS
