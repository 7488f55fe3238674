/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_OPERATION_RESULT (pv_operation_result_get_type ())

G_DECLARE_FINAL_TYPE (PvOperationResult, pv_operation_result, PV, OPERATION_RESULT, GObject)

PvOperationResult *pv_operation_result_new           (void);
PvOperationResult *pv_operation_result_new_from_json (JsonNode    *node,
                                                      const char  *path,
                                                      GError     **error);
JsonNode          *pv_operation_result_to_json       (PvOperationResult *self);
const char        *pv_operation_result_get_item      (PvOperationResult *self);
void               pv_operation_result_set_item      (PvOperationResult *self,
                                                      const char        *item);
PvResultStatus     pv_operation_result_get_status    (PvOperationResult *self);
void               pv_operation_result_set_status    (PvOperationResult *self,
                                                      PvResultStatus     status);
const char        *pv_operation_result_get_message   (PvOperationResult *self);
void               pv_operation_result_set_message   (PvOperationResult *self,
                                                      const char        *message);
const char        *pv_operation_result_get_before    (PvOperationResult *self);
void               pv_operation_result_set_before    (PvOperationResult *self,
                                                      const char        *before);
const char        *pv_operation_result_get_after     (PvOperationResult *self);
void               pv_operation_result_set_after     (PvOperationResult *self,
                                                      const char        *after);
void               pv_operation_result_add_step      (PvOperationResult *self,
                                                      PvOperationResult *step);
guint              pv_operation_result_get_n_steps   (PvOperationResult *self);
PvOperationResult *pv_operation_result_get_step      (PvOperationResult *self,
                                                      guint              index);
guint              pv_operation_result_get_n_planned_steps (PvOperationResult *self);
void               pv_operation_result_set_n_planned_steps (PvOperationResult *self,
                                                            guint              n_steps);

GListModel        *pv_operation_results_select       (GListModel        *results,
                                                      PvResultStatus     status);

G_END_DECLS
