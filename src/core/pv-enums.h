/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of every value is the spelling used on the wire (JSON), so the
 * JSON mapping and the command line share one table per enum. */

typedef enum
{
  PV_POOL_KIND_STANDARD_EDITION,
  PV_POOL_KIND_ENTERPRISE,
  PV_POOL_KIND_DIRECTOR,
} PvPoolKind;

typedef enum
{
  PV_SIP_FORMAT_EMAIL,
  PV_SIP_FORMAT_UPN,
  PV_SIP_FORMAT_FIRST_LAST,
  PV_SIP_FORMAT_SAM,
} PvSipFormat;

#define PV_SIP_N_FORMATS 4

typedef enum
{
  PV_NUMBER_TYPE_DIRECT_ROUTING,
  PV_NUMBER_TYPE_CALLING_PLAN,
  PV_NUMBER_TYPE_OPERATOR_CONNECT,
} PvNumberType;

typedef enum
{
  PV_NUMBER_STATUS_UNASSIGNED,
  PV_NUMBER_STATUS_ASSIGNED,
  PV_NUMBER_STATUS_PENDING,
} PvNumberStatus;

typedef enum
{
  PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS,
  PV_EMERGENCY_MODEL_ADMIN_ASSIGNS,
  PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED,
} PvEmergencyModel;

typedef enum
{
  PV_RESULT_STATUS_DONE,
  PV_RESULT_STATUS_ALREADY_DONE,
  PV_RESULT_STATUS_SKIPPED,
  PV_RESULT_STATUS_FAILED,
} PvResultStatus;

typedef enum
{
  PV_COEXISTENCE_MODE_ISLANDS,
  PV_COEXISTENCE_MODE_SFB_ONLY,
  PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB,
  PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB_AND_MEETINGS,
  PV_COEXISTENCE_MODE_TEAMS_ONLY,
} PvCoexistenceMode;

typedef enum /*< flags >*/
{
  PV_OPERATOR_SERVICE_NONE = 0,
  PV_OPERATOR_SERVICE_CALLING = 1 << 0,
  PV_OPERATOR_SERVICE_AUDIO_CONFERENCING = 1 << 1,
  PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE = 1 << 2,
} PvOperatorServices;

typedef enum
{
  PV_SIP_STATUS_OK,
  PV_SIP_STATUS_PROBLEM,
  PV_SIP_STATUS_DUPLICATE,
} PvSipStatus;

typedef enum
{
  PV_ENABLE_STEP_WELCOME,
  PV_ENABLE_STEP_SELECT_USERS,
  PV_ENABLE_STEP_SELECT_POOL,
  PV_ENABLE_STEP_SIGN_IN_NAME,
  PV_ENABLE_STEP_READY,
} PvEnableStep;

typedef enum
{
  PV_OPERATOR_STEP_CHOOSE_OPERATOR,
  PV_OPERATOR_STEP_COUNTRIES,
  PV_OPERATOR_STEP_CONTACT,
  PV_OPERATOR_STEP_NOTICE,
  PV_OPERATOR_STEP_REVIEW,
} PvOperatorStep;

typedef enum
{
  PV_FLOW_ENABLE_USERS,
  PV_FLOW_CONNECT_OPERATOR,
  PV_FLOW_HYBRID_VOICE,
  PV_FLOW_PREPARE_MIGRATION,
  PV_FLOW_MOVE_DIRECT_ROUTING,
  PV_FLOW_MOVE_CALLING_PLAN,
} PvFlow;

typedef enum
{
  PV_EXPORT_FORMAT_XML,
  PV_EXPORT_FORMAT_POWERSHELL,
  PV_EXPORT_FORMAT_CSV,
} PvExportFormat;

#define PV_TYPE_POOL_KIND (pv_pool_kind_get_type ())
#define PV_TYPE_SIP_FORMAT (pv_sip_format_get_type ())
#define PV_TYPE_NUMBER_TYPE (pv_number_type_get_type ())
#define PV_TYPE_NUMBER_STATUS (pv_number_status_get_type ())
#define PV_TYPE_EMERGENCY_MODEL (pv_emergency_model_get_type ())
#define PV_TYPE_RESULT_STATUS (pv_result_status_get_type ())
#define PV_TYPE_COEXISTENCE_MODE (pv_coexistence_mode_get_type ())
#define PV_TYPE_OPERATOR_SERVICES (pv_operator_services_get_type ())
#define PV_TYPE_SIP_STATUS (pv_sip_status_get_type ())
#define PV_TYPE_ENABLE_STEP (pv_enable_step_get_type ())
#define PV_TYPE_OPERATOR_STEP (pv_operator_step_get_type ())
#define PV_TYPE_FLOW (pv_flow_get_type ())
#define PV_TYPE_EXPORT_FORMAT (pv_export_format_get_type ())

GType pv_pool_kind_get_type (void) G_GNUC_CONST;
GType pv_sip_format_get_type (void) G_GNUC_CONST;
GType pv_number_type_get_type (void) G_GNUC_CONST;
GType pv_number_status_get_type (void) G_GNUC_CONST;
GType pv_emergency_model_get_type (void) G_GNUC_CONST;
GType pv_result_status_get_type (void) G_GNUC_CONST;
GType pv_coexistence_mode_get_type (void) G_GNUC_CONST;
GType pv_operator_services_get_type (void) G_GNUC_CONST;
GType pv_sip_status_get_type (void) G_GNUC_CONST;
GType pv_enable_step_get_type (void) G_GNUC_CONST;
GType pv_operator_step_get_type (void) G_GNUC_CONST;
GType pv_flow_get_type (void) G_GNUC_CONST;
GType pv_export_format_get_type (void) G_GNUC_CONST;

const char *pv_enum_to_nick   (GType        enum_type,
                               int          value);
gboolean    pv_enum_from_nick (GType        enum_type,
                               const char  *nick,
                               int         *value);
char       *pv_enum_list_nicks (GType       enum_type);
const char *pv_enum_get_label  (GType       enum_type,
                                int         value);

G_END_DECLS
