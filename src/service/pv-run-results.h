/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-operation-result.h"
#include "pv-run-info.h"
#include "pv-run-journal.h"

G_BEGIN_DECLS

#define PV_TYPE_RUN_RESULTS (pv_run_results_get_type ())

G_DECLARE_FINAL_TYPE (PvRunResults, pv_run_results, PV, RUN_RESULTS, GObject)

PvRunResults      *pv_run_results_new            (void);
PvRunResults      *pv_run_results_new_for_state  (PvRunState         *state);
void               pv_run_results_set            (PvRunResults       *self,
                                                  PvOperationResult  *result);
PvOperationResult *pv_run_results_lookup         (PvRunResults       *self,
                                                  const char         *item);
guint              pv_run_results_get_count      (PvRunResults       *self,
                                                  PvResultStatus      status);
guint              pv_run_results_get_n_proposed (PvRunResults       *self);
char             **pv_run_results_dup_items      (PvRunResults       *self,
                                                  PvResultStatus      status);
const char        *pv_run_results_get_name       (PvRunResults       *self,
                                                  const char         *item);
void               pv_run_results_set_name       (PvRunResults       *self,
                                                  const char         *item,
                                                  const char         *name);
PvRunInfo         *pv_run_results_get_info       (PvRunResults       *self);
void               pv_run_results_set_info       (PvRunResults       *self,
                                                  PvRunInfo          *info);

JsonNode          *pv_run_results_to_json        (PvRunResults       *self);
PvRunResults      *pv_run_results_new_from_json  (JsonNode           *node,
                                                  GError            **error);
void               pv_run_results_save_async     (PvRunResults       *self,
                                                  const char         *path,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean           pv_run_results_save_finish    (PvRunResults       *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);
void               pv_run_results_load_async     (const char         *dir,
                                                  const char         *run_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
PvRunResults      *pv_run_results_load_finish    (GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
