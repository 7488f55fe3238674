/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-contact-details.h"
#include "pv-enable-plan.h"
#include "pv-enums.h"
#include "pv-operator-plan.h"

G_BEGIN_DECLS

#define PV_TYPE_RUN_INFO (pv_run_info_get_type ())

G_DECLARE_FINAL_TYPE (PvRunInfo, pv_run_info, PV, RUN_INFO, GObject)

PvRunInfo          *pv_run_info_new                      (PvFlow            flow);
PvRunInfo          *pv_run_info_new_for_enable_plan      (PvEnablePlan     *plan);
PvRunInfo          *pv_run_info_new_for_operator_plan    (PvOperatorPlan   *plan);
PvRunInfo          *pv_run_info_new_from_json            (JsonNode         *node,
                                                          GError          **error);
JsonNode           *pv_run_info_to_json                  (PvRunInfo        *self);
PvRunInfo          *pv_run_info_copy                     (PvRunInfo        *self);
PvFlow              pv_run_info_get_flow                 (PvRunInfo        *self);
void                pv_run_info_set_flow                 (PvRunInfo        *self,
                                                          PvFlow            flow);
const char         *pv_run_info_get_tenant               (PvRunInfo        *self);
void                pv_run_info_set_tenant               (PvRunInfo        *self,
                                                          const char       *tenant);
const char         *pv_run_info_get_service              (PvRunInfo        *self);
char               *pv_run_info_dup_service_label        (PvRunInfo        *self);
void                pv_run_info_set_service              (PvRunInfo        *self,
                                                          const char       *service);
GDateTime          *pv_run_info_get_started              (PvRunInfo        *self);
void                pv_run_info_set_started              (PvRunInfo        *self,
                                                          GDateTime        *started);
GDateTime          *pv_run_info_get_ended                (PvRunInfo        *self);
void                pv_run_info_set_ended                (PvRunInfo        *self,
                                                          GDateTime        *ended);
const char         *pv_run_info_get_ran_by               (PvRunInfo        *self);
void                pv_run_info_set_ran_by               (PvRunInfo        *self,
                                                          const char       *ran_by);
const char         *pv_run_info_get_pool                 (PvRunInfo        *self);
void                pv_run_info_set_pool                 (PvRunInfo        *self,
                                                          const char       *pool);
PvSipFormat         pv_run_info_get_sip_format           (PvRunInfo        *self);
void                pv_run_info_set_sip_format           (PvRunInfo        *self,
                                                          PvSipFormat       format);
const char         *pv_run_info_get_sip_domain           (PvRunInfo        *self);
void                pv_run_info_set_sip_domain           (PvRunInfo        *self,
                                                          const char       *domain);
const char         *pv_run_info_get_voice_routing_policy (PvRunInfo        *self);
void                pv_run_info_set_voice_routing_policy (PvRunInfo        *self,
                                                          const char       *policy);
const char         *pv_run_info_get_operator_id          (PvRunInfo        *self);
const char         *pv_run_info_get_operator_name        (PvRunInfo        *self);
void                pv_run_info_set_operator             (PvRunInfo        *self,
                                                          const char       *id,
                                                          const char       *name);
const char * const *pv_run_info_get_countries            (PvRunInfo        *self);
void                pv_run_info_set_countries            (PvRunInfo        *self,
                                                          const char * const *codes);
PvContactDetails   *pv_run_info_get_contact              (PvRunInfo        *self);
void                pv_run_info_set_contact              (PvRunInfo        *self,
                                                          PvContactDetails *contact);
gboolean            pv_run_info_get_consent              (PvRunInfo        *self);
void                pv_run_info_set_consent              (PvRunInfo        *self,
                                                          gboolean          consent);

G_END_DECLS
