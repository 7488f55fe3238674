/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "provisio-core.h"
#include "pv-cli-service.h"
#include "pv-cli-voice.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"

/* provisio-cli operators | operator add|list|suspend|resume|remove|countries:
 * Operator Connect from the command line, with the refusals and
 * messages of the app (they come from the same client calls). */

void
pv_cli_voice_print_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

/**
 * pv_cli_voice_fail:
 * @error: (transfer full): why a call failed
 *
 * Prints @error and returns the exit status for it.
 */
int
pv_cli_voice_fail (GError *error)
{
  int status = PV_CLI_EXIT_SERVICE;

  if (error->domain == PV_SERVICE_ERROR)
    switch (error->code)
      {
      case PV_SERVICE_ERROR_NOT_FOUND:
      case PV_SERVICE_ERROR_CONFLICT:
      case PV_SERVICE_ERROR_INVALID_REQUEST:
      case PV_SERVICE_ERROR_FORBIDDEN:
        status = PV_CLI_EXIT_REFUSED;
        break;
      default:
        break;
      }
  pv_cli_voice_print_error (error->message);
  g_error_free (error);
  return status;
}

void
pv_cli_voice_describe (GOptionContext     *context,
                       const char         *summary,
                       const char * const *paragraphs,
                       gsize               n_paragraphs)
{
  g_autoptr(GString) description = g_string_new (NULL);

  for (gsize i = 0; i < n_paragraphs; i++)
    g_string_append_printf (description, "%s%s", i > 0 ? "\n\n" : "", _(paragraphs[i]));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description->str);
}

static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong i = g_utf8_strlen (text, -1); i < width; i++)
    g_string_append_c (out, ' ');
}

/**
 * pv_cli_voice_print_rows:
 * @rows: (element-type GStrv): the rows, each as long as @header
 * @csv: CSV even on a terminal
 *
 * CSV on standard output, for a spreadsheet or the next command; a table
 * to read when standard output is a terminal.
 */
gboolean
pv_cli_voice_print_rows (const char * const  *header,
                         GPtrArray           *rows,
                         gboolean             csv,
                         GError             **error)
{
  guint n_columns = g_strv_length ((char **) header);

  if (csv || !isatty (STDOUT_FILENO))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(PvCsvWriter) writer = pv_csv_writer_new (out);

      if (!pv_csv_writer_write_row (writer, header, error))
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        if (!pv_csv_writer_write_row (writer, g_ptr_array_index (rows, i), error))
          return FALSE;
      return g_output_stream_flush (out, NULL, error);
    }
  else
    {
      g_autofree glong *width = g_new0 (glong, n_columns);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        width[c] = g_utf8_strlen (header[c], -1);
      for (guint i = 0; i < rows->len; i++)
        {
          const char * const *row = g_ptr_array_index (rows, i);

          for (guint c = 0; c < n_columns; c++)
            width[c] = MAX (width[c], g_utf8_strlen (row[c], -1));
        }
      for (guint i = 0; i <= rows->len; i++)
        {
          const char * const *row = i == 0 ? header : g_ptr_array_index (rows, i - 1);

          for (guint c = 0; c < n_columns; c++)
            {
              if (c + 1 < n_columns)
                {
                  append_padded (out, row[c], width[c]);
                  g_string_append (out, "  ");
                }
              else
                g_string_append (out, row[c]);
            }
          g_string_append_c (out, '\n');
        }
      fputs (out->str, stdout);
      return TRUE;
    }
}

static GStrv
row_new (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != (const char *) -1; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s != NULL ? s : "");
  va_end (args);
  return g_strv_builder_end (builder);
}
#define ROW(...) row_new (__VA_ARGS__, (const char *) -1)

static char *
services_text (PvOperatorServices services)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (PV_TYPE_OPERATOR_SERVICES);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    if ((services & klass->values[i].value) != 0)
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", klass->values[i].value_nick);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Two capital letters naming a country ISO 3166 knows; lower case is
 * taken and raised. */
static gboolean
parse_countries (const char  *text,
                 GStrv       *out,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *code = g_ascii_strup (g_strstrip (parts[i]), -1);

      if (*code == '\0')
        continue;
      if (strlen (code) != 2 || !pv_iso_codes_is_country (code))
        {
          /* Translators: %s is what the user typed as a country code. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a country code. Give two-letter ISO 3166 codes separated "
                         "by commas, such as FR,BE."), parts[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, code);
      n++;
    }
  if (n == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give at least one country, as two-letter ISO 3166 codes separated "
                             "by commas, such as FR,BE."));
      return FALSE;
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static const char * const operator_paragraphs_exit[] = {
  N_("Exit status: 0 when done, 2 when the command line cannot be used (nothing is sent), 3 "
     "when the service refuses (the message says what to do first), 4 when the service cannot "
     "be reached or fails."),
};

/* --- provisio-cli operators --- */

int
pv_cli_operators (int    argc,
                  char **argv)
{
  g_autofree char *region = NULL;
  g_autofree char *service_name = NULL;
  g_autofree char *url = NULL;
  gboolean csv = FALSE;
  const GOptionEntry entries[] = {
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      N_("Only operators of this region, such as Europe"), N_("REGION") },
    { "service", 's', 0, G_OPTION_ARG_STRING, &service_name,
      N_("Only operators offering this service: calling, audioConferencing or teamsPhoneMobile"),
      N_("SERVICE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV even on a terminal"), NULL },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Lists the Operator Connect catalogue: each operator’s id, name, regions, services, "
       "countries and emergency address model. Output: CSV, or a table on a terminal."),
    N_("Exit status: 0 when done, 2 when the command line cannot be used, 4 when the service "
       "cannot be reached or fails."),
  };
  static const char * const header[] = {
    "id", "displayName", "regions", "services", "countries", "emergencyAddressModel", NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(PvCliSession) session = { 0 };
  g_auto(PvCliWaiter) waiter = { NULL, NULL };
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATOR);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  int service = PV_OPERATOR_SERVICE_NONE;

  pv_cli_voice_describe (context, _("List the Operator Connect catalogue"), paragraphs,
                         G_N_ELEMENTS (paragraphs));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      pv_cli_voice_print_error (error->message);
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (argc > 1)
    {
      pv_cli_voice_print_error (_("This command takes no argument; filter with --region and "
                                  "--service."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (service_name != NULL)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (PV_TYPE_OPERATOR_SERVICES);
      GFlagsValue *value = g_flags_get_value_by_nick (klass, service_name);

      if (value == NULL || value->value == 0)
        {
          g_autofree char *message =
            /* Translators: %s is what the user typed after --service. */
            g_strdup_printf (_("Unknown service “%s”; use calling, audioConferencing or "
                               "teamsPhoneMobile."), service_name);
          pv_cli_voice_print_error (message);
          return PV_CLI_EXIT_UNUSABLE;
        }
      service = (int) value->value;
    }

  if (!pv_cli_session_open (&session, url, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  waiter.loop = session.loop;
  pv_service_client_list_operators_async (session.client, region, service, store, NULL,
                                          pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_operators_finish (session.client, pv_cli_wait (&waiter), &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  waiter.loop = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvOperator) op = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *regions = g_strjoinv ("; ", (char **) pv_operator_get_regions (op));
      g_autofree char *countries = g_strjoinv (" ", (char **) pv_operator_get_countries (op));
      g_autofree char *services = services_text (pv_operator_get_services (op));

      g_ptr_array_add (rows, ROW (pv_operator_get_id (op), pv_operator_get_name (op), regions,
                                  services, countries,
                                  pv_enum_to_nick (PV_TYPE_EMERGENCY_MODEL,
                                                   pv_operator_get_emergency_model (op))));
    }
  if (!pv_cli_voice_print_rows (header, rows, csv, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  return PV_CLI_EXIT_OK;
}

/* --- provisio-cli operator … --- */

static PvOperator *
find_in_catalogue (PvCliSession  *session,
                   const char    *id,
                   GError       **error)
{
  g_auto(PvCliWaiter) waiter = { session->loop, NULL };
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATOR);
  PvOperator *found;

  pv_service_client_list_operators_async (session->client, NULL, PV_OPERATOR_SERVICE_NONE, store,
                                          NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_operators_finish (session->client, pv_cli_wait (&waiter), error))
    return NULL;
  found = pv_operator_find (G_LIST_MODEL (store), id);
  if (found != NULL)
    return found;
  g_set_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND,
               /* Translators: %s is an operator id. */
               _("“%s” is not in the Operator Connect catalogue. Run “provisio-cli operators” "
                 "for the ids."), id);
  return NULL;
}

/* The text an administrator sends the operator: who, where, and the
 * tenant id numbers are ordered with. */
static char *
operator_summary (PvOperatorPlan *plan,
                  PvOrganization *organization)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = pv_operator_plan_dup_summary (plan);
  PvContactDetails *contact = pv_operator_plan_get_contact (plan);

  g_string_append_printf (text, "%s\n\n", summary != NULL ? summary : "");
  /* Translators: %s is the tenant's name. */
  g_string_append_printf (text, _("Organization: %s\n"),
                          pv_organization_get_display_name (organization) != NULL
                          ? pv_organization_get_display_name (organization) : "");
  /* Translators: %s is the tenant id, a GUID. */
  g_string_append_printf (text, _("Tenant ID (to order numbers): %s\n"),
                          pv_organization_get_id (organization));
  /* Translators: %s is a person's name. */
  g_string_append_printf (text, _("Contact: %s\n"), pv_contact_details_get_full_name (contact));
  /* Translators: %s is an e-mail address. */
  g_string_append_printf (text, _("E-mail: %s\n"), pv_contact_details_get_email (contact));
  if (pv_contact_details_get_phone (contact) != NULL)
    /* Translators: %s is a phone number. */
    g_string_append_printf (text, _("Phone: %s\n"), pv_contact_details_get_phone (contact));
  /* Translators: %d is a number of employees. */
  g_string_append_printf (text, _("Company size: %d employees\n"),
                          pv_contact_details_get_company_size (contact));
  g_string_append_printf (text, "\n%s\n", _("The data transfer notice was accepted."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
export_add (const char        *path,
            PvOperatorPlan    *plan,
            PvTenantOperator  *added,
            PvOrganization    *organization,
            GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  if (g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *text = operator_summary (plan, organization);

      return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
    }
  else
    {
      g_autoptr(PvRunInfo) info = pv_run_info_new_for_operator_plan (plan);
      g_autoptr(GListStore) results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
      g_autoptr(PvOperationResult) result = pv_operation_result_new ();
      g_autofree char *countries = g_strjoinv (" ", (char **) pv_tenant_operator_get_countries (added));

      pv_run_info_set_tenant (info, pv_organization_get_id (organization));
      pv_operation_result_set_item (result, pv_tenant_operator_get_operator_id (added));
      pv_operation_result_set_status (result, PV_RESULT_STATUS_DONE);
      pv_operation_result_set_after (result, countries);
      g_list_store_append (results, result);
      return pv_export_to_file (PV_EXPORT_FORMAT_XML, PV_EXPORT_FLAGS_NONE, info,
                                G_LIST_MODEL (results), file, NULL, error);
    }
}

static int
operator_add (int    argc,
              char **argv)
{
  g_autofree char *operator_id = NULL;
  g_autofree char *countries_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *service = NULL;
  gboolean accepted = FALSE;
  const GOptionEntry entries[] = {
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      N_("The operator’s id in the catalogue (see provisio-cli operators)"), N_("ID") },
    { "countries", 'c', 0, G_OPTION_ARG_STRING, &countries_text,
      N_("The countries to use it in, such as FR,BE"), N_("CODES") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("Full name of the person the operator contacts"), N_("NAME") },
    { "email", 'e', 0, G_OPTION_ARG_STRING, &email,
      N_("E-mail address of that person"), N_("ADDRESS") },
    { "company-size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("Number of employees of your company (required)"), N_("N") },
    { "phone", 'p', 0, G_OPTION_ARG_STRING, &phone,
      N_("Phone number of that person, in E.164 format such as +33123456789"), N_("NUMBER") },
    { "accept-data-transfer-notice", 0, 0, G_OPTION_ARG_NONE, &accepted,
      N_("Accept the data transfer notice (required)"), NULL },
    { "export", 'x', 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Also write the outcome to FILE: XML (.xml) or a text summary to send to the operator "
         "(.txt)"), N_("FILE") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Adds an operator of the Operator Connect catalogue as the tenant’s operator in the "
       "countries given (“Add as my operator”)."),
    N_("Data transfer notice: the operator will receive the tenant’s phone numbers and any SIP "
       "URI, call details and call quality data, and emergency location information. Adding an "
       "operator needs --accept-data-transfer-notice."),
    N_("Exit status: 0 when done, 2 when the command line cannot be used (nothing is sent), 3 "
       "when the service refuses (the message says what to do first), 4 when the service cannot "
       "be reached or fails."),
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(PvCliSession) session = { 0 };
  g_auto(GStrv) countries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvOperator) op = NULL;
  g_autoptr(PvOperatorPlan) plan = pv_operator_plan_new ();
  g_autoptr(PvContactDetails) contact = pv_contact_details_new ();
  g_autoptr(PvTenantOperator) added = NULL;
  g_autoptr(PvOrganization) organization = NULL;
  int size = 0;

  pv_cli_voice_describe (context, _("Add an operator as the tenant’s operator"), paragraphs,
                         G_N_ELEMENTS (paragraphs));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto unusable;

  /* Everything is checked before anything is sent. */
  if (operator_id == NULL || *operator_id == '\0')
    {
      pv_cli_voice_print_error (_("Say which operator with --operator ID; provisio-cli "
                                  "operators lists the ids."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (countries_text == NULL)
    {
      pv_cli_voice_print_error (_("Say in which countries with --countries, such as FR,BE."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!parse_countries (countries_text, &countries, &error))
    goto unusable;
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      pv_cli_voice_print_error (_("Give the full name of the person the operator contacts with "
                                  "--name."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!pv_validate_email (email, &error) ||
      !pv_validate_company_size (size_text, &size, &error) ||
      (phone != NULL && !pv_validate_e164 (phone, &error)))
    goto unusable;
  if (export_path != NULL && !g_str_has_suffix (export_path, ".xml") &&
      !g_str_has_suffix (export_path, ".txt"))
    {
      pv_cli_voice_print_error (_("The export file must end in .xml (the outcome as XML) or .txt "
                                  "(a summary to send to the operator)."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!accepted)
    {
      pv_cli_voice_print_error (_("The operator will receive the tenant’s phone numbers and any "
                                  "SIP URI, call details and call quality data, and emergency "
                                  "location information. To accept this data transfer notice, "
                                  "add --accept-data-transfer-notice."));
      return PV_CLI_EXIT_UNUSABLE;
    }

  pv_contact_details_set_full_name (contact, name);
  pv_contact_details_set_email (contact, email);
  pv_contact_details_set_company_size (contact, size);
  pv_contact_details_set_phone (contact, phone);

  if (!pv_cli_session_open (&session, service, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  op = find_in_catalogue (&session, operator_id, &error);
  if (op == NULL)
    return pv_cli_voice_fail (g_steal_pointer (&error));

  {
    g_auto(PvCliWaiter) waiter = { session.loop, NULL };

    /* The service refuses a country the operator does not serve, with a
     * message naming the countries it serves. */
    pv_service_client_add_operator_async (session.client, op, (const char * const *) countries,
                                          contact, accepted, NULL, pv_cli_store_result_cb, &waiter);
    added = pv_service_client_add_operator_finish (session.client, pv_cli_wait (&waiter), &error);
    if (added == NULL)
      return pv_cli_voice_fail (g_steal_pointer (&error));

    pv_service_client_get_organization_async (session.client, NULL, pv_cli_store_result_cb, &waiter);
    organization = pv_service_client_get_organization_finish (session.client, pv_cli_wait (&waiter),
                                                              &error);
    if (organization == NULL)
      return pv_cli_voice_fail (g_steal_pointer (&error));
  }

  pv_operator_plan_set_operator (plan, op);
  for (guint i = 0; countries[i] != NULL; i++)
    pv_operator_plan_select_country (plan, countries[i], NULL);
  pv_operator_plan_prefill_contact (plan, name, email);
  pv_contact_details_set_company_size (pv_operator_plan_get_contact (plan), size);
  pv_contact_details_set_phone (pv_operator_plan_get_contact (plan), phone);
  pv_operator_plan_set_notice_accepted (plan, TRUE);

  {
    g_autofree char *joined = g_strjoinv (" ", (char **) pv_tenant_operator_get_countries (added));

    /* Translators: the first %s is an operator, the second country codes,
     * the third the tenant id. */
    g_print (_("%s is now your operator in %s. Order numbers from it with the tenant ID %s.\n"),
             pv_operator_get_name (op), joined, pv_organization_get_id (organization));
  }
  if (export_path != NULL && !export_add (export_path, plan, added, organization, &error))
    {
      pv_cli_voice_print_error (error->message);
      return PV_CLI_EXIT_UNUSABLE;
    }
  return PV_CLI_EXIT_OK;

unusable:
  pv_cli_voice_print_error (error->message);
  return PV_CLI_EXIT_UNUSABLE;
}

static int
operator_list (int    argc,
               char **argv)
{
  g_autofree char *service = NULL;
  gboolean csv = FALSE;
  const GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV even on a terminal"), NULL },
    { NULL }
  };
  static const char * const header[] = {
    "operatorId", "status", "countries", "contactName", "contactEmail", "companySize", NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(PvCliSession) session = { 0 };
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;

  pv_cli_voice_describe (context, _("List the tenant’s operators"), operator_paragraphs_exit,
                         G_N_ELEMENTS (operator_paragraphs_exit));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      pv_cli_voice_print_error (error->message);
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!pv_cli_session_open (&session, service, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));

  {
    g_auto(PvCliWaiter) waiter = { session.loop, NULL };

    pv_service_client_list_tenant_operators_async (session.client, store, NULL,
                                                   pv_cli_store_result_cb, &waiter);
    if (!pv_service_client_list_tenant_operators_finish (session.client, pv_cli_wait (&waiter),
                                                         &error))
      return pv_cli_voice_fail (g_steal_pointer (&error));
  }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvTenantOperator) op = g_list_model_get_item (G_LIST_MODEL (store), i);
      PvContactDetails *contact = pv_tenant_operator_get_contact (op);
      g_autofree char *countries = g_strjoinv (" ", (char **) pv_tenant_operator_get_countries (op));
      g_autofree char *size = g_strdup_printf ("%d", pv_contact_details_get_company_size (contact));

      g_ptr_array_add (rows, ROW (pv_tenant_operator_get_operator_id (op),
                                  pv_enum_to_nick (PV_TYPE_OPERATOR_STATUS,
                                                   pv_tenant_operator_get_status (op)),
                                  countries, pv_contact_details_get_full_name (contact),
                                  pv_contact_details_get_email (contact), size));
    }
  if (!pv_cli_voice_print_rows (header, rows, csv, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  return PV_CLI_EXIT_OK;
}

typedef enum
{
  ACTION_SUSPEND,
  ACTION_RESUME,
  ACTION_REMOVE,
  ACTION_COUNTRIES,
} Action;

static int
operator_change (Action   action,
                 int      argc,
                 char   **argv)
{
  g_autofree char *service = NULL;
  g_auto(GStrv) add = NULL;
  g_auto(GStrv) remove = NULL;
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { NULL }, { NULL }, { NULL }
  };
  static const char * const countries_paragraphs[] = {
    N_("Adds countries to, or removes countries from, one of the tenant’s operators. A country "
       "where numbers of the operator remain cannot be removed: unassign the numbers, then "
       "release them with the operator (provisio-cli numbers unassign, then release), then "
       "remove the country."),
    N_("Exit status: 0 when done, 2 when the command line cannot be used (nothing is sent), 3 "
       "when the service refuses (the message says what to do first), 4 when the service cannot "
       "be reached or fails."),
  };
  static const char * const remove_paragraphs[] = {
    N_("Removes one of the tenant’s operators. Refused while numbers of it remain: unassign "
       "them, then release them with the operator, first."),
    N_("Exit status: 0 when done, 2 when the command line cannot be used (nothing is sent), 3 "
       "when the service refuses (the message says what to do first), 4 when the service cannot "
       "be reached or fails."),
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_auto(PvCliSession) session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) op = NULL;
  g_auto(PvCliWaiter) waiter = { NULL, NULL };
  const char *id;

  if (action == ACTION_COUNTRIES)
    {
      entries[1] = (GOptionEntry) { "add", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &add,
                                    N_("Countries to add, such as FR or FR,BE; may be repeated"),
                                    N_("CODES") };
      entries[2] = (GOptionEntry) { "remove", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &remove,
                                    N_("Countries to remove; may be repeated"), N_("CODES") };
      pv_cli_voice_describe (context, _("Change the countries of one of the tenant’s operators"),
                             countries_paragraphs, G_N_ELEMENTS (countries_paragraphs));
    }
  else if (action == ACTION_REMOVE)
    pv_cli_voice_describe (context, _("Remove one of the tenant’s operators"), remove_paragraphs,
                           G_N_ELEMENTS (remove_paragraphs));
  else
    pv_cli_voice_describe (context, action == ACTION_SUSPEND
                                    ? _("Suspend one of the tenant’s operators")
                                    : _("Resume one of the tenant’s operators"),
                           operator_paragraphs_exit, G_N_ELEMENTS (operator_paragraphs_exit));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      pv_cli_voice_print_error (error->message);
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (argc != 2)
    {
      pv_cli_voice_print_error (_("Give one operator id; provisio-cli operator list shows "
                                  "them."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  id = argv[1];
  if (action == ACTION_COUNTRIES && add == NULL && remove == NULL)
    {
      pv_cli_voice_print_error (_("Say which countries to add with --add or to remove with "
                                  "--remove."));
      return PV_CLI_EXIT_UNUSABLE;
    }

  if (!pv_cli_session_open (&session, service, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  waiter.loop = session.loop;

  switch (action)
    {
    case ACTION_SUSPEND:
      pv_service_client_suspend_operator_async (session.client, id, NULL, pv_cli_store_result_cb,
                                                &waiter);
      op = pv_service_client_suspend_operator_finish (session.client, pv_cli_wait (&waiter), &error);
      break;
    case ACTION_RESUME:
      pv_service_client_resume_operator_async (session.client, id, NULL, pv_cli_store_result_cb,
                                               &waiter);
      op = pv_service_client_resume_operator_finish (session.client, pv_cli_wait (&waiter), &error);
      break;
    case ACTION_REMOVE:
      pv_service_client_remove_operator_async (session.client, id, NULL, pv_cli_store_result_cb,
                                               &waiter);
      if (!pv_service_client_remove_operator_finish (session.client, pv_cli_wait (&waiter), &error))
        return pv_cli_voice_fail (g_steal_pointer (&error));
      /* Translators: %s is an operator id. */
      g_print (_("%s is no longer one of your operators.\n"), id);
      return PV_CLI_EXIT_OK;
    case ACTION_COUNTRIES:
    default:
      {
        g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(PvTenantOperator) current = NULL;

        for (guint i = 0; remove != NULL && remove[i] != NULL; i++)
          {
            g_auto(GStrv) codes = NULL;

            if (!parse_countries (remove[i], &codes, &error))
              {
                pv_cli_voice_print_error (error->message);
                return PV_CLI_EXIT_UNUSABLE;
              }
            for (guint j = 0; codes[j] != NULL; j++)
              g_ptr_array_add (dropped, g_strdup (codes[j]));
          }

        pv_service_client_get_tenant_operator_async (session.client, id, NULL,
                                                     pv_cli_store_result_cb, &waiter);
        current = pv_service_client_get_tenant_operator_finish (session.client,
                                                                pv_cli_wait (&waiter), &error);
        if (current == NULL)
          return pv_cli_voice_fail (g_steal_pointer (&error));
        for (const char * const *c = pv_tenant_operator_get_countries (current); *c != NULL; c++)
          if (!g_ptr_array_find_with_equal_func (dropped, *c, g_str_equal, NULL))
            g_ptr_array_add (wanted, g_strdup (*c));
        for (guint i = 0; add != NULL && add[i] != NULL; i++)
          {
            g_auto(GStrv) codes = NULL;

            if (!parse_countries (add[i], &codes, &error))
              {
                pv_cli_voice_print_error (error->message);
                return PV_CLI_EXIT_UNUSABLE;
              }
            for (guint j = 0; codes[j] != NULL; j++)
              if (!g_ptr_array_find_with_equal_func (wanted, codes[j], g_str_equal, NULL))
                g_ptr_array_add (wanted, g_strdup (codes[j]));
          }
        if (wanted->len == 0)
          {
            /* Translators: %s is an operator id. */
            g_autofree char *message = g_strdup_printf (_("An operator serves you in one country at "
                                                          "least; to stop using %s, remove it with "
                                                          "provisio-cli operator remove."), id);
            pv_cli_voice_print_error (message);
            return PV_CLI_EXIT_UNUSABLE;
          }
        g_ptr_array_add (wanted, NULL);
        pv_service_client_set_operator_countries_async (session.client, id,
                                                        (const char * const *) wanted->pdata, NULL,
                                                        pv_cli_store_result_cb, &waiter);
        op = pv_service_client_set_operator_countries_finish (session.client,
                                                              pv_cli_wait (&waiter), &error);
      }
      break;
    }
  if (op == NULL)
    return pv_cli_voice_fail (g_steal_pointer (&error));

  {
    g_autofree char *countries = g_strjoinv (" ", (char **) pv_tenant_operator_get_countries (op));

    /* Translators: the first %s is an operator id, the second its status
     * (Active, Suspended), the third country codes. */
    g_print (_("%s: %s, in %s.\n"), pv_tenant_operator_get_operator_id (op),
             pv_operator_status_get_label (pv_tenant_operator_get_status (op)), countries);
  }
  return PV_CLI_EXIT_OK;
}

static void
print_operator_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: provisio-cli operator add|list|suspend|resume|remove|countries "
                             "[OPTION…]"));
  fprintf (stream, "%s\n", _("Run “provisio-cli operator SUBCOMMAND --help” for its options."));
}

int
pv_cli_operator (int    argc,
                 char **argv)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  g_autofree char *prgname = NULL;

  if (verb == NULL || g_str_equal (verb, "--help") || g_str_equal (verb, "-h"))
    {
      print_operator_usage (verb == NULL ? stderr : stdout);
      return verb == NULL ? PV_CLI_EXIT_UNUSABLE : PV_CLI_EXIT_OK;
    }
  prgname = g_strdup_printf ("provisio-cli operator %s", verb);
  g_set_prgname (prgname);
  if (g_str_equal (verb, "add"))
    return operator_add (argc - 1, argv + 1);
  if (g_str_equal (verb, "list"))
    return operator_list (argc - 1, argv + 1);
  if (g_str_equal (verb, "suspend"))
    return operator_change (ACTION_SUSPEND, argc - 1, argv + 1);
  if (g_str_equal (verb, "resume"))
    return operator_change (ACTION_RESUME, argc - 1, argv + 1);
  if (g_str_equal (verb, "remove"))
    return operator_change (ACTION_REMOVE, argc - 1, argv + 1);
  if (g_str_equal (verb, "countries"))
    return operator_change (ACTION_COUNTRIES, argc - 1, argv + 1);

  g_set_prgname ("provisio-cli operator");
  {
    /* Translators: %s is what the user typed. */
    g_autofree char *message = g_strdup_printf (_("Unknown subcommand “%s”; use add, list, "
                                                  "suspend, resume, remove or countries."), verb);
    pv_cli_voice_print_error (message);
  }
  return PV_CLI_EXIT_UNUSABLE;
}
