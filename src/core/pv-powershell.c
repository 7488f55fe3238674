/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-operation-result.h"
#include "pv-powershell.h"

/* A .ps1 script that does with cmdlets what a run did through the
 * service, for an administrator who prefers, or has, to run PowerShell.
 *
 * Every value is a single-quoted string: PowerShell expands nothing in
 * one ($, backtick, $(...) and double quotes are plain characters), and
 * the only way out of it is a single quote.  PowerShell takes U+2018,
 * U+2019, U+201A and U+201B for single quotes too, so each of the four
 * and the ASCII one is doubled, which is how PowerShell escapes them.
 * Text that goes into a comment cannot end the line early: line breaks
 * and other control characters become spaces.
 *
 * The file starts with a UTF-8 byte order mark: Windows PowerShell 5.1
 * reads a script without one in the ANSI code page, which would mangle
 * every accented name. */

static gboolean
is_single_quote (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201a || c == 0x201b;
}

/**
 * pv_powershell_quote:
 * @value: (nullable): any text
 *
 * Returns: (transfer full): @value as a PowerShell single-quoted string
 */
char *
pv_powershell_quote (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 2);

  g_string_append_c (out, '\'');
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_single_quote (c))
        g_string_append_unichar (out, c);
      g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

/**
 * pv_powershell_comment:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text on one line, fit to follow a “#”
 */
char *
pv_powershell_comment (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static const char *
sip_address_type (PvSipFormat format)
{
  switch (format)
    {
    case PV_SIP_FORMAT_EMAIL:
      return "EmailAddress";
    case PV_SIP_FORMAT_UPN:
      return "UserPrincipalName";
    case PV_SIP_FORMAT_FIRST_LAST:
      return "FirstLastName";
    case PV_SIP_FORMAT_SAM:
      return "SamAccountName";
    default:
      return "EmailAddress";
    }
}

static void
append_comment (GString    *out,
                const char *text)
{
  g_autofree char *line = pv_powershell_comment (text);

  if (*line == '\0')
    g_string_append (out, "#\r\n");
  else
    g_string_append_printf (out, "# %s\r\n", line);
}

static void
append_value (GString    *out,
              const char *parameter,
              const char *value)
{
  g_autofree char *quoted = pv_powershell_quote (value);

  g_string_append_printf (out, " -%s %s", parameter, quoted);
}

static void
end_command (GString  *out,
             gboolean  what_if)
{
  if (what_if)
    g_string_append (out, " -WhatIf");
  g_string_append (out, "\r\n");
}

static void
append_header (GString   *out,
               PvRunInfo *info,
               gboolean   what_if)
{
  g_autofree char *started = g_date_time_format_iso8601 (pv_run_info_get_started (info));
  g_autofree char *line = NULL;
  PvFlow flow = pv_run_info_get_flow (info);

  /* Translators: %s is a version number. */
  line = g_strdup_printf (_("Written by Provisio %s."), PACKAGE_VERSION);
  append_comment (out, line);
  g_clear_pointer (&line, g_free);
  /* Translators: %s is the name of a flow, such as “Enable users for a pool”. */
  line = g_strdup_printf (_("Flow: %s"), pv_enum_get_label (PV_TYPE_FLOW, flow));
  append_comment (out, line);
  g_clear_pointer (&line, g_free);
  /* Translators: %s is a date and time in ISO 8601 form. */
  line = g_strdup_printf (_("From the results of a run started %s."), started);
  append_comment (out, line);
  g_clear_pointer (&line, g_free);
  if (pv_run_info_get_tenant (info) != NULL)
    {
      /* Translators: %s is a tenant name or id. */
      line = g_strdup_printf (_("Tenant: %s"), pv_run_info_get_tenant (info));
      append_comment (out, line);
      g_clear_pointer (&line, g_free);
    }
  if (pv_run_info_get_service (info) != NULL)
    {
      /* Translators: %s is the address of a service. */
      line = g_strdup_printf (_("Service: %s"), pv_run_info_get_service (info));
      append_comment (out, line);
      g_clear_pointer (&line, g_free);
    }
  append_comment (out, "");

  switch (flow)
    {
    case PV_FLOW_ENABLE_USERS:
      append_comment (out, _("Enables each user below for Skype for Business Server with "
                             "Enable-CsUser, on the same pool and with the same SIP address as "
                             "the run. Run it in the Skype for Business Server Management Shell, "
                             "as a member of RTCUniversalUserAdmins."));
      break;
    case PV_FLOW_HYBRID_VOICE:
      append_comment (out, _("Enables Enterprise Voice on-premises, grants the voice routing "
                             "policy and moves each user below online. Run it in the Skype for "
                             "Business Server Management Shell. Move-CsUser needs "
                             "-HostedMigrationOverrideUrl when your admin account is not a "
                             "*.onmicrosoft.com account."));
      break;
    case PV_FLOW_CONNECT_OPERATOR:
      append_comment (out, _("No cmdlet adds an operator: do it in the Teams admin center, "
                             "Voice > Operators. This script only records the settings of the "
                             "run."));
      break;
    case PV_FLOW_PREPARE_MIGRATION:
      append_comment (out, _("Enables the shared SIP address space. Run it in a Teams "
                             "PowerShell session connected to the tenant."));
      break;
    case PV_FLOW_MOVE_DIRECT_ROUTING:
    case PV_FLOW_MOVE_CALLING_PLAN:
      append_comment (out, _("For each person below, the cmdlets of the move’s steps, in order: "
                             "those the run did, and those left where it stopped. Steps found "
                             "already done and the operator’s steps are comments. Each number is "
                             "out of service from its removal until its assignment. Run "
                             "Set-CsUser in the Skype for Business Server Management Shell and "
                             "the other cmdlets in a Teams PowerShell session connected to the "
                             "tenant."));
      break;
    default:
      break;
    }
  append_comment (out, _("Items the run found already done or skipped are listed as comments. "
                         "Every value is in single quotes, so no name or address can run as a "
                         "command."));
  if (what_if)
    append_comment (out, _("Every cmdlet has -WhatIf: the script shows what it would change "
                           "and changes nothing. Remove -WhatIf to apply."));
  g_string_append (out, "\r\n");
}

/* The steps of a guided move, by the names the results file gives them
 * (see docs/results-xml.md); the first Direct Routing step depends on
 * where the number is, and is always among the steps that ran. */
static const char *
move_step_name (PvFlow  flow,
                guint   index)
{
  static const char * const direct_routing[] = {
    "removeNumberOnline", "removeVoiceRoutingPolicy", "acquireNumber", "assignNumber",
  };
  static const char * const calling_plan[] = {
    "portNumber", "unassignCallingPlanNumber", "numberUploaded", "assignNumber",
  };

  if (index >= G_N_ELEMENTS (direct_routing))
    return NULL;
  return flow == PV_FLOW_MOVE_CALLING_PLAN ? calling_plan[index] : direct_routing[index];
}

static void
append_move_step (GString           *out,
                  PvOperationResult *person,
                  guint              number,
                  const char        *name,
                  PvOperationResult *step,
                  gboolean           what_if)
{
  const char *id = pv_operation_result_get_item (person);
  g_autofree char *line = NULL;

  if (g_strcmp0 (name, "portNumber") == 0 || g_strcmp0 (name, "acquireNumber") == 0 ||
      g_strcmp0 (name, "numberUploaded") == 0)
    {
      if (step != NULL)
        /* Translators: %u is a step's number, %s what the run found. */
        line = g_strdup_printf (_("Step %u, done by the operator: %s"), number,
                                pv_operation_result_get_message (step) != NULL
                                ? pv_operation_result_get_message (step) : "");
      else
        /* Translators: %u is a step's number. */
        line = g_strdup_printf (_("Step %u is done by the operator: check with them that it is "
                                  "complete before the next one."), number);
      append_comment (out, line);
      return;
    }

  if (step != NULL && pv_operation_result_get_status (step) == PV_RESULT_STATUS_ALREADY_DONE)
    {
      /* Translators: %u is a step's number, %s what the run found. */
      line = g_strdup_printf (_("Step %u was already done: %s"), number,
                              pv_operation_result_get_message (step) != NULL
                              ? pv_operation_result_get_message (step) : "");
      append_comment (out, line);
      return;
    }

  if (g_strcmp0 (name, "removeNumberOnPremises") == 0)
    {
      g_string_append (out, "Set-CsUser");
      append_value (out, "Identity", id);
      g_string_append (out, " -LineURI $null");
    }
  else if (g_strcmp0 (name, "removeNumberOnline") == 0 ||
           g_strcmp0 (name, "unassignCallingPlanNumber") == 0)
    {
      g_string_append (out, "Remove-CsPhoneNumberAssignment");
      append_value (out, "Identity", id);
      append_value (out, "PhoneNumber", pv_operation_result_get_before (person));
      g_string_append_printf (out, " -PhoneNumberType %s",
                              g_str_equal (name, "removeNumberOnline") ? "DirectRouting" : "CallingPlan");
    }
  else if (g_strcmp0 (name, "removeVoiceRoutingPolicy") == 0)
    {
      g_string_append (out, "Grant-CsOnlineVoiceRoutingPolicy");
      append_value (out, "Identity", id);
      g_string_append (out, " -PolicyName $null");
    }
  else if (g_strcmp0 (name, "assignNumber") == 0)
    {
      g_string_append (out, "Set-CsPhoneNumberAssignment");
      append_value (out, "Identity", id);
      append_value (out, "PhoneNumber", pv_operation_result_get_after (person));
      g_string_append (out, " -PhoneNumberType OperatorConnect");
    }
  else
    {
      /* Translators: %u is a step's number, %s a name from the results file. */
      line = g_strdup_printf (_("Step %u (%s) has no cmdlet."), number, name != NULL ? name : "");
      append_comment (out, line);
      return;
    }
  end_command (out, what_if);
}

static void
append_move_item (GString           *out,
                  PvRunInfo         *info,
                  PvOperationResult *result,
                  gboolean           what_if)
{
  const char *id = pv_operation_result_get_item (result);
  PvResultStatus status = pv_operation_result_get_status (result);
  guint n = pv_operation_result_get_n_steps (result);
  guint total = MAX (MAX (pv_operation_result_get_n_planned_steps (result), n), 4);
  g_autofree char *line = NULL;

  /* Translators: the first %s is a person, the second the outcome (Done, Failed…). */
  line = g_strdup_printf (_("%s: %s"), id != NULL ? id : "", pv_enum_get_label (PV_TYPE_RESULT_STATUS, status));
  append_comment (out, line);
  if (n == 0)
    {
      append_comment (out, _("The move did not start for this person: nothing was changed."));
      g_string_append (out, "\r\n");
      return;
    }

  for (guint i = 0; i < total; i++)
    {
      PvOperationResult *step = i < n ? pv_operation_result_get_step (result, i) : NULL;
      const char *name = step != NULL ? pv_operation_result_get_item (step)
                                      : move_step_name (pv_run_info_get_flow (info), i);

      append_move_step (out, result, i + 1, name, step, what_if);
    }
  g_string_append (out, "\r\n");
}

static void
append_item (GString           *out,
             PvRunInfo         *info,
             PvOperationResult *result,
             gboolean           what_if)
{
  const char *id = pv_operation_result_get_item (result);
  const char *after = pv_operation_result_get_after (result);
  PvResultStatus status = pv_operation_result_get_status (result);

  /* A person who waits for the operator has steps left to show. */
  if (pv_run_info_get_flow (info) == PV_FLOW_MOVE_DIRECT_ROUTING ||
      pv_run_info_get_flow (info) == PV_FLOW_MOVE_CALLING_PLAN)
    {
      append_move_item (out, info, result, what_if);
      return;
    }

  if (status == PV_RESULT_STATUS_ALREADY_DONE || status == PV_RESULT_STATUS_SKIPPED)
    {
      g_autofree char *line =
        /* Translators: the first %s is a user, the second the outcome (Already done, Skipped). */
        g_strdup_printf (_("%s: %s"), id != NULL ? id : "",
                         pv_enum_get_label (PV_TYPE_RESULT_STATUS, status));
      append_comment (out, line);
      return;
    }

  switch (pv_run_info_get_flow (info))
    {
    case PV_FLOW_ENABLE_USERS:
      g_string_append (out, "Enable-CsUser");
      append_value (out, "Identity", id);
      append_value (out, "RegistrarPool", pv_run_info_get_pool (info));
      /* An explicit address is the one the run gave; -SipAddressType is
       * the fallback when the run computed none.  Never both. */
      if (after != NULL && *after != '\0')
        {
          g_autofree char *address = g_str_has_prefix (after, "sip:") ? g_strdup (after)
                                                                       : g_strconcat ("sip:",
                                                                                      after, NULL);
          append_value (out, "SipAddress", address);
        }
      else
        {
          PvSipFormat format = pv_run_info_get_sip_format (info);

          g_string_append_printf (out, " -SipAddressType %s", sip_address_type (format));
          if (format == PV_SIP_FORMAT_FIRST_LAST || format == PV_SIP_FORMAT_SAM)
            append_value (out, "SipDomain", pv_run_info_get_sip_domain (info));
        }
      end_command (out, what_if);
      break;

    case PV_FLOW_HYBRID_VOICE:
      g_string_append (out, "Set-CsUser");
      append_value (out, "Identity", id);
      g_string_append (out, " -EnterpriseVoiceEnabled $true");
      if (after != NULL && g_str_has_prefix (after, "tel:"))
        append_value (out, "LineURI", after);
      end_command (out, what_if);
      if (pv_run_info_get_voice_routing_policy (info) != NULL)
        {
          g_string_append (out, "Grant-CsVoiceRoutingPolicy");
          append_value (out, "Identity", id);
          append_value (out, "PolicyName", pv_run_info_get_voice_routing_policy (info));
          end_command (out, what_if);
        }
      g_string_append (out, "Move-CsUser");
      append_value (out, "Identity", id);
      append_value (out, "Target", "sipfed.online.lync.com");
      end_command (out, what_if);
      break;

    case PV_FLOW_CONNECT_OPERATOR:
    case PV_FLOW_PREPARE_MIGRATION:
    default:
      {
        g_autofree char *line =
          /* Translators: the first %s is an item, the second its outcome. */
          g_strdup_printf (_("%s: %s"), id != NULL ? id : "",
                           pv_enum_get_label (PV_TYPE_RESULT_STATUS, status));
        append_comment (out, line);
      }
      break;
    }
}

static void
append_flow_commands (GString   *out,
                      PvRunInfo *info,
                      gboolean   what_if)
{
  if (pv_run_info_get_flow (info) == PV_FLOW_PREPARE_MIGRATION)
    {
      g_string_append (out, "Set-CsTenantFederationConfiguration -SharedSipAddressSpace $true");
      end_command (out, what_if);
    }
  else if (pv_run_info_get_flow (info) == PV_FLOW_CONNECT_OPERATOR ||
           pv_run_info_get_flow (info) == PV_FLOW_MOVE_DIRECT_ROUTING ||
           pv_run_info_get_flow (info) == PV_FLOW_MOVE_CALLING_PLAN)
    {
      const char * const *countries = pv_run_info_get_countries (info);
      g_autofree char *list = g_strjoinv (", ", (char **) countries);
      g_autofree char *line = NULL;

      /* Translators: the first %s is an operator, the second a list of country codes. */
      line = g_strdup_printf (_("Operator: %s; countries: %s"),
                              pv_run_info_get_operator_name (info) != NULL
                              ? pv_run_info_get_operator_name (info) : "", list);
      append_comment (out, line);
    }
}

/**
 * pv_powershell_write:
 * @what_if: add -WhatIf to every cmdlet
 * @cancellable: (nullable): checked between items
 *
 * Writes the script to @stream, one result at a time.
 */
gboolean
pv_powershell_write (GOutputStream  *stream,
                     PvRunInfo      *info,
                     GListModel     *results,
                     gboolean        what_if,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  guint n;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (PV_IS_RUN_INFO (info), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), FALSE);

  append_header (out, info, what_if);
  append_flow_commands (out, info, what_if);

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_item (out, info, result, what_if);

      /* Small writes keep memory flat whatever the number of results. */
      if (out->len >= 32768)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
