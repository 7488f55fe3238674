/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-enums.h"

#define PV_DEFINE_ENUM(func, Name, ...) \
  GType \
  func (void) \
  { \
    static gsize type_id = 0; \
    if (g_once_init_enter (&type_id)) \
      { \
        static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
        GType id = g_enum_register_static (g_intern_static_string (Name), values); \
        g_once_init_leave (&type_id, id); \
      } \
    return type_id; \
  }

PV_DEFINE_ENUM (pv_pool_kind_get_type, "PvPoolKind",
  { PV_POOL_KIND_STANDARD_EDITION, "PV_POOL_KIND_STANDARD_EDITION", "standardEdition" },
  { PV_POOL_KIND_ENTERPRISE, "PV_POOL_KIND_ENTERPRISE", "enterprise" },
  { PV_POOL_KIND_DIRECTOR, "PV_POOL_KIND_DIRECTOR", "director" })

PV_DEFINE_ENUM (pv_sip_format_get_type, "PvSipFormat",
  { PV_SIP_FORMAT_EMAIL, "PV_SIP_FORMAT_EMAIL", "email" },
  { PV_SIP_FORMAT_UPN, "PV_SIP_FORMAT_UPN", "upn" },
  { PV_SIP_FORMAT_FIRST_LAST, "PV_SIP_FORMAT_FIRST_LAST", "firstlast" },
  { PV_SIP_FORMAT_SAM, "PV_SIP_FORMAT_SAM", "sam" })

PV_DEFINE_ENUM (pv_number_type_get_type, "PvNumberType",
  { PV_NUMBER_TYPE_DIRECT_ROUTING, "PV_NUMBER_TYPE_DIRECT_ROUTING", "directRouting" },
  { PV_NUMBER_TYPE_CALLING_PLAN, "PV_NUMBER_TYPE_CALLING_PLAN", "callingPlan" },
  { PV_NUMBER_TYPE_OPERATOR_CONNECT, "PV_NUMBER_TYPE_OPERATOR_CONNECT", "operatorConnect" })

PV_DEFINE_ENUM (pv_number_status_get_type, "PvNumberStatus",
  { PV_NUMBER_STATUS_UNASSIGNED, "PV_NUMBER_STATUS_UNASSIGNED", "unassigned" },
  { PV_NUMBER_STATUS_ASSIGNED, "PV_NUMBER_STATUS_ASSIGNED", "userAssigned" },
  { PV_NUMBER_STATUS_PENDING, "PV_NUMBER_STATUS_PENDING", "pending" })

PV_DEFINE_ENUM (pv_emergency_model_get_type, "PvEmergencyModel",
  { PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS, "PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS", "operatorAssigns" },
  { PV_EMERGENCY_MODEL_ADMIN_ASSIGNS, "PV_EMERGENCY_MODEL_ADMIN_ASSIGNS", "adminAssigns" },
  { PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED, "PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED",
    "operatorAssignsLocked" })

PV_DEFINE_ENUM (pv_result_status_get_type, "PvResultStatus",
  { PV_RESULT_STATUS_DONE, "PV_RESULT_STATUS_DONE", "done" },
  { PV_RESULT_STATUS_ALREADY_DONE, "PV_RESULT_STATUS_ALREADY_DONE", "alreadyDone" },
  { PV_RESULT_STATUS_SKIPPED, "PV_RESULT_STATUS_SKIPPED", "skipped" },
  { PV_RESULT_STATUS_FAILED, "PV_RESULT_STATUS_FAILED", "failed" })

/* The PowerShell spelling, as TeamsUpgradeEffectiveMode prints it. */
PV_DEFINE_ENUM (pv_coexistence_mode_get_type, "PvCoexistenceMode",
  { PV_COEXISTENCE_MODE_ISLANDS, "PV_COEXISTENCE_MODE_ISLANDS", "Islands" },
  { PV_COEXISTENCE_MODE_SFB_ONLY, "PV_COEXISTENCE_MODE_SFB_ONLY", "SfBOnly" },
  { PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB, "PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB",
    "SfBWithTeamsCollab" },
  { PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB_AND_MEETINGS,
    "PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB_AND_MEETINGS", "SfBWithTeamsCollabAndMeetings" },
  { PV_COEXISTENCE_MODE_TEAMS_ONLY, "PV_COEXISTENCE_MODE_TEAMS_ONLY", "TeamsOnly" })

PV_DEFINE_ENUM (pv_sip_status_get_type, "PvSipStatus",
  { PV_SIP_STATUS_OK, "PV_SIP_STATUS_OK", "ok" },
  { PV_SIP_STATUS_PROBLEM, "PV_SIP_STATUS_PROBLEM", "problem" },
  { PV_SIP_STATUS_DUPLICATE, "PV_SIP_STATUS_DUPLICATE", "duplicate" })

PV_DEFINE_ENUM (pv_enable_step_get_type, "PvEnableStep",
  { PV_ENABLE_STEP_WELCOME, "PV_ENABLE_STEP_WELCOME", "welcome" },
  { PV_ENABLE_STEP_SELECT_USERS, "PV_ENABLE_STEP_SELECT_USERS", "select-users" },
  { PV_ENABLE_STEP_SELECT_POOL, "PV_ENABLE_STEP_SELECT_POOL", "select-pool" },
  { PV_ENABLE_STEP_SIGN_IN_NAME, "PV_ENABLE_STEP_SIGN_IN_NAME", "sign-in-name" },
  { PV_ENABLE_STEP_READY, "PV_ENABLE_STEP_READY", "ready" })

PV_DEFINE_ENUM (pv_operator_step_get_type, "PvOperatorStep",
  { PV_OPERATOR_STEP_CHOOSE_OPERATOR, "PV_OPERATOR_STEP_CHOOSE_OPERATOR", "choose-operator" },
  { PV_OPERATOR_STEP_COUNTRIES, "PV_OPERATOR_STEP_COUNTRIES", "countries" },
  { PV_OPERATOR_STEP_CONTACT, "PV_OPERATOR_STEP_CONTACT", "contact" },
  { PV_OPERATOR_STEP_NOTICE, "PV_OPERATOR_STEP_NOTICE", "notice" },
  { PV_OPERATOR_STEP_REVIEW, "PV_OPERATOR_STEP_REVIEW", "review" })

PV_DEFINE_ENUM (pv_flow_get_type, "PvFlow",
  { PV_FLOW_ENABLE_USERS, "PV_FLOW_ENABLE_USERS", "enableUsers" },
  { PV_FLOW_CONNECT_OPERATOR, "PV_FLOW_CONNECT_OPERATOR", "connectOperator" },
  { PV_FLOW_HYBRID_VOICE, "PV_FLOW_HYBRID_VOICE", "hybridVoice" },
  { PV_FLOW_PREPARE_MIGRATION, "PV_FLOW_PREPARE_MIGRATION", "prepareMigration" },
  { PV_FLOW_MOVE_DIRECT_ROUTING, "PV_FLOW_MOVE_DIRECT_ROUTING", "moveDirectRouting" },
  { PV_FLOW_MOVE_CALLING_PLAN, "PV_FLOW_MOVE_CALLING_PLAN", "moveCallingPlan" })

PV_DEFINE_ENUM (pv_export_format_get_type, "PvExportFormat",
  { PV_EXPORT_FORMAT_XML, "PV_EXPORT_FORMAT_XML", "xml" },
  { PV_EXPORT_FORMAT_POWERSHELL, "PV_EXPORT_FORMAT_POWERSHELL", "ps1" },
  { PV_EXPORT_FORMAT_CSV, "PV_EXPORT_FORMAT_CSV", "csv" })

GType
pv_operator_services_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { PV_OPERATOR_SERVICE_CALLING, "PV_OPERATOR_SERVICE_CALLING", "calling" },
        { PV_OPERATOR_SERVICE_AUDIO_CONFERENCING, "PV_OPERATOR_SERVICE_AUDIO_CONFERENCING",
          "audioConferencing" },
        { PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE, "PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE",
          "teamsPhoneMobile" },
        { 0, NULL, NULL }
      };
      GType id = g_flags_register_static (g_intern_static_string ("PvOperatorServices"), values);
      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

const char *
pv_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/* Nicks are matched exactly: the wire format is case sensitive and a
 * near miss is an error the caller reports, not something to guess at. */
gboolean
pv_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;
  return TRUE;
}

char *
pv_enum_list_nicks (GType enum_type)
{
  GString *s = g_string_new (NULL);

  if (G_TYPE_IS_FLAGS (enum_type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (enum_type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }

  return g_string_free (s, FALSE);
}

/**
 * pv_enum_get_label:
 * @enum_type: one of the enum or flags types of this file
 * @value: a value of @enum_type; for flags, a single flag
 *
 * Returns: (nullable): the name to show for @value, translated; %NULL
 *   for a value or type without one
 */
const char *
pv_enum_get_label (GType enum_type,
                   int   value)
{
  if (enum_type == PV_TYPE_POOL_KIND)
    switch (value)
      {
      case PV_POOL_KIND_STANDARD_EDITION:
        return _("Standard Edition server");
      case PV_POOL_KIND_ENTERPRISE:
        return _("Enterprise pool");
      case PV_POOL_KIND_DIRECTOR:
        return _("Director");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_SIP_FORMAT)
    switch (value)
      {
      case PV_SIP_FORMAT_EMAIL:
        return _("Use the user’s e-mail address");
      case PV_SIP_FORMAT_UPN:
        return _("Use userPrincipalName");
      case PV_SIP_FORMAT_FIRST_LAST:
        return _("Use the format <first name>.<last name>@domain");
      case PV_SIP_FORMAT_SAM:
        return _("Use the format <sAMAccountName>@domain");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_NUMBER_TYPE)
    switch (value)
      {
      case PV_NUMBER_TYPE_DIRECT_ROUTING:
        return _("Direct Routing");
      case PV_NUMBER_TYPE_CALLING_PLAN:
        return _("Calling Plan");
      case PV_NUMBER_TYPE_OPERATOR_CONNECT:
        return _("Operator Connect");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_NUMBER_STATUS)
    switch (value)
      {
      case PV_NUMBER_STATUS_UNASSIGNED:
        return _("Unassigned");
      case PV_NUMBER_STATUS_ASSIGNED:
        return _("Assigned");
      case PV_NUMBER_STATUS_PENDING:
        return _("Pending");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_EMERGENCY_MODEL)
    switch (value)
      {
      case PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS:
        return _("The operator assigns emergency addresses and lets you change them");
      case PV_EMERGENCY_MODEL_ADMIN_ASSIGNS:
        return _("The operator leaves the assignment of emergency addresses to you");
      case PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED:
        return _("The operator assigns emergency addresses and only the operator can change "
                 "them");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_RESULT_STATUS)
    switch (value)
      {
      /* Translators: the outcome of one item of a run. */
      case PV_RESULT_STATUS_DONE:
        return C_("result", "Done");
      case PV_RESULT_STATUS_ALREADY_DONE:
        return C_("result", "Already done");
      case PV_RESULT_STATUS_SKIPPED:
        return C_("result", "Skipped");
      case PV_RESULT_STATUS_FAILED:
        return C_("result", "Failed");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_COEXISTENCE_MODE)
    switch (value)
      {
      case PV_COEXISTENCE_MODE_ISLANDS:
        return _("Islands");
      case PV_COEXISTENCE_MODE_SFB_ONLY:
        return _("Skype for Business only");
      case PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB:
        return _("Skype for Business with Teams collaboration");
      case PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB_AND_MEETINGS:
        return _("Skype for Business with Teams collaboration and meetings");
      case PV_COEXISTENCE_MODE_TEAMS_ONLY:
        return _("Teams only");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_OPERATOR_SERVICES)
    switch (value)
      {
      case PV_OPERATOR_SERVICE_CALLING:
        return _("Calling");
      case PV_OPERATOR_SERVICE_AUDIO_CONFERENCING:
        return _("Audio Conferencing");
      case PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE:
        return _("Teams Phone Mobile");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_SIP_STATUS)
    switch (value)
      {
      /* Translators: the state of a computed SIP address. */
      case PV_SIP_STATUS_OK:
        return C_("sip status", "Ready");
      case PV_SIP_STATUS_PROBLEM:
        return C_("sip status", "Problem");
      case PV_SIP_STATUS_DUPLICATE:
        return C_("sip status", "Duplicate");
      default:
        return NULL;
      }

  if (enum_type == PV_TYPE_FLOW)
    switch (value)
      {
      case PV_FLOW_ENABLE_USERS:
        return _("Enable users for a pool");
      case PV_FLOW_CONNECT_OPERATOR:
        return _("Connect an operator");
      case PV_FLOW_HYBRID_VOICE:
        return _("Phone System with on-premises PSTN connectivity");
      case PV_FLOW_PREPARE_MIGRATION:
        return _("Prepare a migration from online to on-premises");
      case PV_FLOW_MOVE_DIRECT_ROUTING:
        return _("Move numbers from Direct Routing to Operator Connect");
      case PV_FLOW_MOVE_CALLING_PLAN:
        return _("Move numbers from Calling Plan to Operator Connect");
      default:
        return NULL;
      }

  return NULL;
}
