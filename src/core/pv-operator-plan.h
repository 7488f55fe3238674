/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-contact-details.h"
#include "pv-country.h"
#include "pv-enums.h"
#include "pv-operator.h"
#include "pv-tenant-operator.h"

G_BEGIN_DECLS

#define PV_OPERATOR_PLAN_ERROR (pv_operator_plan_error_quark ())

typedef enum
{
  PV_OPERATOR_PLAN_ERROR_NO_OPERATOR,
  PV_OPERATOR_PLAN_ERROR_NOT_SERVED,
} PvOperatorPlanError;

GQuark pv_operator_plan_error_quark (void);

#define PV_TYPE_OPERATOR_PLAN (pv_operator_plan_get_type ())

G_DECLARE_FINAL_TYPE (PvOperatorPlan, pv_operator_plan, PV, OPERATOR_PLAN, GObject)

PvOperatorPlan   *pv_operator_plan_new                    (void);
PvOperator       *pv_operator_plan_get_operator           (PvOperatorPlan  *self);
void              pv_operator_plan_set_operator           (PvOperatorPlan  *self,
                                                           PvOperator      *operator_);
GListModel       *pv_operator_plan_get_available_countries (PvOperatorPlan *self);
GListModel       *pv_operator_plan_get_countries          (PvOperatorPlan  *self);
gboolean          pv_operator_plan_select_country         (PvOperatorPlan  *self,
                                                           const char      *code,
                                                           GError         **error);
void              pv_operator_plan_unselect_country       (PvOperatorPlan  *self,
                                                           const char      *code);
gboolean          pv_operator_plan_has_country            (PvOperatorPlan  *self,
                                                           const char      *code);
PvContactDetails *pv_operator_plan_get_contact            (PvOperatorPlan  *self);
void              pv_operator_plan_prefill_contact        (PvOperatorPlan  *self,
                                                           const char      *full_name,
                                                           const char      *email);
gboolean          pv_operator_plan_get_tenant_status      (PvOperatorPlan   *self,
                                                           const char       *operator_id,
                                                           PvOperatorStatus *status);
void              pv_operator_plan_set_tenant_status      (PvOperatorPlan   *self,
                                                           const char       *operator_id,
                                                           gboolean          has_operator,
                                                           PvOperatorStatus  status);
void              pv_operator_plan_set_tenant_operators   (PvOperatorPlan  *self,
                                                           GListModel      *operators);
char             *pv_operator_plan_dup_unavailable_reason (PvOperatorPlan  *self,
                                                           PvOperator      *operator_);
gboolean          pv_operator_plan_get_notice_accepted    (PvOperatorPlan  *self);
void              pv_operator_plan_set_notice_accepted    (PvOperatorPlan  *self,
                                                           gboolean         accepted);
char             *pv_operator_plan_dup_notice_text        (PvOperatorPlan  *self);
gboolean          pv_operator_plan_get_step_status        (PvOperatorPlan  *self,
                                                           PvOperatorStep   step,
                                                           char           **reason);
gboolean          pv_operator_plan_is_complete            (PvOperatorPlan  *self,
                                                           char           **reason);
char             *pv_operator_plan_dup_country_names      (PvOperatorPlan  *self,
                                                           gboolean         with_codes);
char             *pv_operator_plan_dup_summary            (PvOperatorPlan  *self);
char             *pv_operator_plan_dup_added_message      (PvOperatorPlan  *self,
                                                           const char      *operator_name);
char             *pv_operator_plan_dup_operator_note      (PvOperatorPlan  *self,
                                                           PvOperator      *operator_,
                                                           const char      *tenant_id,
                                                           const char      *organization_name);

G_END_DECLS
