/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-journal.h"
#include "pv-run-steps.h"

G_BEGIN_DECLS

#define PV_TYPE_RUNNER (pv_runner_get_type ())

G_DECLARE_FINAL_TYPE (PvRunner, pv_runner, PV, RUNNER, GObject)

PvRunner   *pv_runner_new             (PvRunSteps          *steps,
                                       const char *const   *items,
                                       const char          *flow,
                                       const char          *journal_path,
                                       PvRunState          *resume);
const char *pv_runner_get_run_id      (PvRunner            *self);
guint       pv_runner_get_concurrency (PvRunner            *self);
void        pv_runner_set_concurrency (PvRunner            *self,
                                       guint                concurrency);
guint       pv_runner_get_n_items     (PvRunner            *self);
guint       pv_runner_get_n_finished  (PvRunner            *self);
GListModel *pv_runner_get_results     (PvRunner            *self);

void        pv_runner_run_async       (PvRunner            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    pv_runner_run_finish      (PvRunner            *self,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
