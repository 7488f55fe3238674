/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-export.h"
#include "pv-flow.h"
#include "pv-run-results.h"

G_BEGIN_DECLS

#define PV_TYPE_RUN_DIALOG (pv_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PvRunDialog, pv_run_dialog, PV, RUN_DIALOG, AdwWindow)

PvRunDialog  *pv_run_dialog_new           (const PvFlowInfo    *flow,
                                           PvRunState          *run,
                                           gboolean             resumable);
PvRunState   *pv_run_dialog_get_run       (PvRunDialog         *self);
const PvFlowInfo *pv_run_dialog_get_flow  (PvRunDialog         *self);
PvRunResults *pv_run_dialog_get_results   (PvRunDialog         *self);
void          pv_run_dialog_export_async  (PvRunDialog         *self,
                                           PvExportFormat       format,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      pv_run_dialog_export_finish (PvRunDialog         *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
