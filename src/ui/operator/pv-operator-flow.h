/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enums.h"
#include "pv-flow.h"
#include "pv-operator-plan.h"
#include "pv-service-client.h"
#include "pv-tenant-operator.h"

G_BEGIN_DECLS

/**
 * PvOperatorAddState:
 * @PV_OPERATOR_ADD_STATE_NONE: nothing sent yet
 * @PV_OPERATOR_ADD_STATE_RUNNING: the request is on its way
 * @PV_OPERATOR_ADD_STATE_DONE: the operator was added
 * @PV_OPERATOR_ADD_STATE_FAILED: the service refused or could not be reached
 */
typedef enum
{
  PV_OPERATOR_ADD_STATE_NONE,
  PV_OPERATOR_ADD_STATE_RUNNING,
  PV_OPERATOR_ADD_STATE_DONE,
  PV_OPERATOR_ADD_STATE_FAILED,
} PvOperatorAddState;

/**
 * PvOperatorExport:
 * @PV_OPERATOR_EXPORT_XML: the results document (data/provisio-results-1.xsd)
 * @PV_OPERATOR_EXPORT_TEXT: a plain text summary to send to the operator
 */
typedef enum
{
  PV_OPERATOR_EXPORT_XML,
  PV_OPERATOR_EXPORT_TEXT,
} PvOperatorExport;

#define PV_TYPE_OPERATOR_FLOW (pv_operator_flow_get_type ())

G_DECLARE_FINAL_TYPE (PvOperatorFlow, pv_operator_flow, PV, OPERATOR_FLOW, GObject)

PvOperatorFlow     *pv_operator_flow_new                 (void);
PvOperatorPlan     *pv_operator_flow_get_plan            (PvOperatorFlow  *self);
GListStore         *pv_operator_flow_get_catalogue       (PvOperatorFlow  *self);
gboolean            pv_operator_flow_get_tenant_status   (PvOperatorFlow   *self,
                                                          const char       *operator_id,
                                                          PvOperatorStatus *status);
void                pv_operator_flow_set_tenant_status   (PvOperatorFlow   *self,
                                                          const char       *operator_id,
                                                          gboolean          has_operator,
                                                          PvOperatorStatus  status);
char               *pv_operator_flow_dup_unavailable_reason (PvOperatorFlow *self,
                                                             PvOperator     *operator_);
const char         *pv_operator_flow_get_tenant_id       (PvOperatorFlow  *self);
const char         *pv_operator_flow_get_organization_name (PvOperatorFlow *self);
void                pv_operator_flow_set_organization    (PvOperatorFlow  *self,
                                                          const char      *tenant_id,
                                                          const char      *display_name);
void                pv_operator_flow_set_admin           (PvOperatorFlow  *self,
                                                          const char      *full_name,
                                                          const char      *email);
gboolean            pv_operator_flow_get_loading         (PvOperatorFlow  *self);
const char         *pv_operator_flow_get_load_error      (PvOperatorFlow  *self);
PvServiceClient    *pv_operator_flow_get_client          (PvOperatorFlow  *self);
void                pv_operator_flow_set_client          (PvOperatorFlow  *self,
                                                          PvServiceClient *client);
void                pv_operator_flow_load                (PvOperatorFlow  *self);
void                pv_operator_flow_cancel              (PvOperatorFlow  *self);

PvOperatorAddState  pv_operator_flow_get_add_state       (PvOperatorFlow  *self);
PvOperator         *pv_operator_flow_get_add_operator    (PvOperatorFlow  *self);
const char         *pv_operator_flow_get_add_message     (PvOperatorFlow  *self);
GListModel         *pv_operator_flow_get_results         (PvOperatorFlow  *self);
void                pv_operator_flow_add                 (PvOperatorFlow  *self);

char               *pv_operator_flow_dup_operator_note   (PvOperatorFlow  *self);
void                pv_operator_flow_export_async        (PvOperatorFlow      *self,
                                                          PvOperatorExport     format,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            pv_operator_flow_export_finish       (PvOperatorFlow      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

extern const PvFlowInfo pv_operator_flow_info;

G_END_DECLS
