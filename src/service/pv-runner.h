/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-run-journal.h"
#include "pv-run-results.h"
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
const char *pv_runner_get_flow        (PvRunner            *self);
const char *pv_runner_get_journal_path (PvRunner           *self);
PvRunInfo  *pv_runner_get_info        (PvRunner            *self);
void        pv_runner_set_info        (PvRunner            *self,
                                       PvRunInfo           *info);
const char *pv_runner_get_waiting     (PvRunner            *self);
void        pv_runner_set_waiting     (PvRunner            *self,
                                       const char          *waiting);
gboolean    pv_runner_get_running     (PvRunner            *self);
guint       pv_runner_get_concurrency (PvRunner            *self);
void        pv_runner_set_concurrency (PvRunner            *self,
                                       guint                concurrency);
guint       pv_runner_get_n_items     (PvRunner            *self);
guint       pv_runner_get_n_finished  (PvRunner            *self);
GListModel *pv_runner_get_results     (PvRunner            *self);
PvRunResults *pv_runner_get_run_results (PvRunner          *self);
guint       pv_runner_get_next_step   (PvRunner            *self,
                                       const char          *item);

void        pv_runner_run_async       (PvRunner            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    pv_runner_run_finish      (PvRunner            *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        pv_runner_stop            (PvRunner            *self);
guint       pv_runner_retry_failed_async  (PvRunner            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    pv_runner_retry_failed_finish (PvRunner            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
guint       pv_runner_run_unfinished_async  (PvRunner            *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    pv_runner_run_unfinished_finish (PvRunner            *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
