/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"
#include "pv-assigned-licence.h"
#include "pv-assigned-plan.h"

G_BEGIN_DECLS

#define PV_TYPE_USER (pv_user_get_type ())

G_DECLARE_FINAL_TYPE (PvUser, pv_user, PV, USER, GObject)

PvUser           *pv_user_new                              (void);
PvUser           *pv_user_new_from_json                    (JsonNode    *node,
                                                            const char  *path,
                                                            GError     **error);
JsonNode         *pv_user_to_json                          (PvUser *self);
const char       *pv_user_get_id                           (PvUser *self);
void              pv_user_set_id                           (PvUser     *self,
                                                            const char *id);
const char       *pv_user_get_display_name                 (PvUser *self);
void              pv_user_set_display_name                 (PvUser     *self,
                                                            const char *display_name);
const char       *pv_user_get_given_name                   (PvUser *self);
void              pv_user_set_given_name                   (PvUser     *self,
                                                            const char *given_name);
const char       *pv_user_get_surname                      (PvUser *self);
void              pv_user_set_surname                      (PvUser     *self,
                                                            const char *surname);
const char       *pv_user_get_mail                         (PvUser *self);
void              pv_user_set_mail                         (PvUser     *self,
                                                            const char *mail);
const char       *pv_user_get_user_principal_name          (PvUser *self);
void              pv_user_set_user_principal_name          (PvUser     *self,
                                                            const char *user_principal_name);
const char       *pv_user_get_on_premises_sam_account_name (PvUser *self);
void              pv_user_set_on_premises_sam_account_name (PvUser     *self,
                                                            const char *on_premises_sam_account_name);
gboolean          pv_user_get_on_premises_sync_enabled     (PvUser *self);
void              pv_user_set_on_premises_sync_enabled     (PvUser   *self,
                                                            gboolean  on_premises_sync_enabled);
const char       *pv_user_get_usage_location               (PvUser *self);
void              pv_user_set_usage_location               (PvUser     *self,
                                                            const char *usage_location);
GListModel       *pv_user_get_assigned_licences            (PvUser *self);
void              pv_user_add_assigned_licence             (PvUser            *self,
                                                            PvAssignedLicence *assigned_licence);
GListModel       *pv_user_get_assigned_plans               (PvUser *self);
void              pv_user_add_assigned_plan                (PvUser         *self,
                                                            PvAssignedPlan *assigned_plan);
const char       *pv_user_get_sip_address                  (PvUser *self);
void              pv_user_set_sip_address                  (PvUser     *self,
                                                            const char *sip_address);
const char       *pv_user_get_registrar_pool               (PvUser *self);
void              pv_user_set_registrar_pool               (PvUser     *self,
                                                            const char *registrar_pool);
gboolean          pv_user_get_enterprise_voice_enabled     (PvUser *self);
void              pv_user_set_enterprise_voice_enabled     (PvUser   *self,
                                                            gboolean  enterprise_voice_enabled);
const char       *pv_user_get_line_uri                     (PvUser *self);
void              pv_user_set_line_uri                     (PvUser     *self,
                                                            const char *line_uri);
const char       *pv_user_get_on_prem_line_uri             (PvUser *self);
void              pv_user_set_on_prem_line_uri             (PvUser     *self,
                                                            const char *on_prem_line_uri);
gboolean          pv_user_get_hosted_voice_mail            (PvUser *self);
void              pv_user_set_hosted_voice_mail            (PvUser   *self,
                                                            gboolean  hosted_voice_mail);
const char       *pv_user_get_voice_routing_policy         (PvUser *self);
void              pv_user_set_voice_routing_policy         (PvUser     *self,
                                                            const char *voice_routing_policy);
PvCoexistenceMode pv_user_get_teams_upgrade_effective_mode (PvUser *self);
void              pv_user_set_teams_upgrade_effective_mode (PvUser            *self,
                                                            PvCoexistenceMode  teams_upgrade_effective_mode);
gboolean          pv_user_has_service_plan                 (PvUser     *self,
                                                            const char *service_plan_id);
gboolean          pv_user_has_phone_system                 (PvUser *self);

G_END_DECLS
