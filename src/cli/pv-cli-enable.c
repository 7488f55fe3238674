/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pv-cli-enable.h"
#include "pv-cli-service.h"
#include "pv-enable-plan.h"
#include "pv-enable-steps.h"
#include "pv-enums.h"
#include "pv-export.h"
#include "pv-run-info.h"
#include "pv-runner.h"
#include "pv-sandbox-server.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-user-list.h"

/* provisio-cli enable: the "Enable users for a pool" flow without a
 * window. Same plan, same runner, same journal and exports as the app;
 * with no --service it talks to the sandbox tenant, started in-process on
 * the user's persisted sandbox state, over HTTP like any service. */

static void
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

static PvSipFormat
parse_format (const char *name,
              gboolean   *ok)
{
  GEnumClass *klass = g_type_class_ref (PV_TYPE_SIP_FORMAT);
  GEnumValue *value = g_enum_get_value_by_nick (klass, name);
  PvSipFormat format = value != NULL ? (PvSipFormat) value->value : PV_SIP_FORMAT_EMAIL;

  *ok = value != NULL;
  g_type_class_unref (klass);
  return format;
}

static void
item_finished_cb (PvRunner          *runner,
                  PvOperationResult *result,
                  gpointer           user_data)
{
  const char *status = pv_enum_get_label (PV_TYPE_RESULT_STATUS, pv_operation_result_get_status (result));

  /* One plain line per person, on stderr, so that stdout stays for data. */
  g_printerr ("[%u/%u] %s: %s%s%s\n",
              pv_runner_get_n_finished (runner), pv_runner_get_n_items (runner),
              pv_operation_result_get_item (result), status,
              pv_operation_result_get_message (result) != NULL ? " — " : "",
              pv_operation_result_get_message (result) != NULL ? pv_operation_result_get_message (result) : "");
}

static PvExportFormat
format_for_path (const char *path,
                 gboolean   *ok)
{
  *ok = TRUE;
  if (g_str_has_suffix (path, ".xml"))
    return PV_EXPORT_FORMAT_XML;
  if (g_str_has_suffix (path, ".ps1"))
    return PV_EXPORT_FORMAT_POWERSHELL;
  if (g_str_has_suffix (path, ".csv"))
    return PV_EXPORT_FORMAT_CSV;
  *ok = FALSE;
  return PV_EXPORT_FORMAT_XML;
}

int
pv_cli_enable (int    argc,
               char **argv)
{
  g_autofree char *service = NULL;
  g_autofree char *pool_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *users_file = NULL;
  g_autofree char *export_file = NULL;
  gboolean all = FALSE;
  gboolean skip_problems = FALSE;
  int concurrency = 8;
  const GOptionEntry entries[] = {
    { "service", 's', 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { "pool", 'p', 0, G_OPTION_ARG_STRING, &pool_name,
      N_("The Standard Edition server or Enterprise pool that will host the users"), N_("FQDN") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("How SIP addresses are made: email (default), upn, firstlast or sam"), N_("FORMAT") },
    { "domain", 'd', 0, G_OPTION_ARG_STRING, &domain,
      N_("The SIP domain, for firstlast and sam (default: the deployment’s default)"), N_("DOMAIN") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Enable everyone in the directory who is not enabled yet"), NULL },
    { "users", 'u', 0, G_OPTION_ARG_FILENAME, &users_file,
      N_("Enable the people listed in a CSV file (the columns of the sip command)"), N_("FILE") },
    { "skip-problems", 0, 0, G_OPTION_ARG_NONE, &skip_problems,
      N_("Skip the people who have no usable SIP address instead of stopping"), NULL },
    { "export", 'o', 0, G_OPTION_ARG_FILENAME, &export_file,
      N_("Write the results to FILE (.xml, .ps1 or .csv)"), N_("FILE") },
    { "concurrency", 'c', 0, G_OPTION_ARG_INT, &concurrency,
      N_("How many people are enabled at once (1 to 64, default 8)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PvSandboxServer) sandbox = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GListStore) directory = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(PvEnableSteps) steps = NULL;
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(GStrv) items = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *reason = NULL;
  g_auto(PvCliWaiter) waiter = { loop, NULL };
  PvSipFormat format = PV_SIP_FORMAT_EMAIL;
  PvExportFormat export_format = PV_EXPORT_FORMAT_XML;
  guint n_ok = 0, n_skipped = 0, n_failed = 0, n_unmatched = 0;
  gboolean ok;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Enable users for a pool: give each a SIP address and a "
                                           "Registrar pool, as Enable-CsUser does."));
  g_option_context_set_description (context,
                                    _("Progress goes to standard error, one line a person. Exit "
                                      "status: 0 when everyone ended enabled or already enabled, "
                                      "1 when someone was skipped or failed or a row of the list "
                                      "matched nobody, 2 when the input cannot be used."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail (error->message);
      return 2;
    }

  if (pool_name == NULL || (all == (users_file != NULL)))
    {
      fail (_("Give --pool, and either --all or --users FILE."));
      return 2;
    }
  if (format_name != NULL)
    {
      format = parse_format (format_name, &ok);
      if (!ok)
        {
          fail (_("The format must be email, upn, firstlast or sam."));
          return 2;
        }
    }
  if (concurrency < 1 || concurrency > 64)
    {
      fail (_("The concurrency must be between 1 and 64."));
      return 2;
    }
  if (export_file != NULL)
    {
      export_format = format_for_path (export_file, &ok);
      if (!ok)
        {
          fail (_("The export file must end in .xml, .ps1 or .csv."));
          return 2;
        }
    }

  client = pv_cli_connect (service, &sandbox, &error);
  if (client == NULL)
    {
      fail (error->message);
      return 2;
    }

  /* What the plan chooses from. */
  pv_service_client_list_users_async (client, directory, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_users_finish (client, pv_cli_wait (&waiter), NULL, &error))
    goto service_failed;
  pv_service_client_list_pools_async (client, pools, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_pools_finish (client, pv_cli_wait (&waiter), &error))
    goto service_failed;
  pv_service_client_list_sip_domains_async (client, domains, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_sip_domains_finish (client, pv_cli_wait (&waiter), &error))
    goto service_failed;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (g_ascii_strcasecmp (pv_pool_get_fqdn (pool), pool_name) == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  if (pv_enable_plan_get_pool (plan) == NULL)
    {
      /* Translators: %s is the pool the user asked for. */
      g_autofree char *message = g_strdup_printf (_("The deployment has no pool “%s”."), pool_name);
      fail (message);
      return 2;
    }

  if (all)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (directory)); i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (directory), i);

          if (pv_user_get_sip_address (user) == NULL)
            g_list_store_append (selection, user);
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (users_file);
      g_autoptr(PvUserList) list = pv_user_list_load (file, NULL, &error);
      g_autoptr(GPtrArray) unmatched = NULL;
      g_autoptr(GListModel) matched = NULL;

      if (list == NULL)
        {
          fail (error->message);
          return 2;
        }
      matched = pv_user_list_match (list, G_LIST_MODEL (directory), &unmatched);
      /* Rows that match nobody are reported, and make the run not clean. */
      for (guint i = 0; unmatched != NULL && i < unmatched->len; i++)
        fail (g_ptr_array_index (unmatched, i));
      n_unmatched = unmatched != NULL ? unmatched->len : 0;
      for (guint i = 0; i < g_list_model_get_n_items (matched); i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (matched, i);
          g_list_store_append (selection, user);
        }
    }

  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  pv_enable_plan_set_format (plan, format);
  if (domain != NULL)
    pv_enable_plan_set_domain (plan, domain);
  pv_enable_plan_set_skip_problems (plan, skip_problems);
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));

  if (!pv_enable_plan_is_complete (plan, &reason))
    {
      fail (reason);
      return 2;
    }

  steps = pv_enable_steps_new (client, plan);
  items = pv_enable_steps_dup_items (steps);
  {
    g_autofree char *run_id = g_uuid_string_random ();
    g_autofree char *name = g_strconcat (run_id, ".jsonl", NULL);

    journal = g_build_filename (g_get_user_state_dir (), "provisio", "runs", name, NULL);
  }
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "enable-users", journal, NULL);
  pv_runner_set_concurrency (runner, (guint) concurrency);
  g_signal_connect (runner, "item-finished", G_CALLBACK (item_finished_cb), NULL);

  pv_runner_run_async (runner, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_runner_run_finish (runner, pv_cli_wait (&waiter), &error))
    {
      fail (error->message);
      return 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (pv_runner_get_results (runner)); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (pv_runner_get_results (runner), i);

      switch (pv_operation_result_get_status (result))
        {
        case PV_RESULT_STATUS_DONE:
        case PV_RESULT_STATUS_ALREADY_DONE:
          n_ok++;
          break;
        case PV_RESULT_STATUS_SKIPPED:
          n_skipped++;
          break;
        case PV_RESULT_STATUS_FAILED:
        default:
          n_failed++;
          break;
        }
    }

  /* Translators: the summary of a run; each %u counts people. */
  g_printerr (_("Enabled or already enabled: %u. Skipped: %u. Failed: %u.\n"), n_ok, n_skipped, n_failed);

  if (export_file != NULL)
    {
      g_autoptr(PvRunInfo) info = pv_run_info_new_for_enable_plan (plan);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_file);

      if (!pv_export_to_file (export_format, PV_EXPORT_FLAGS_NONE, info, pv_runner_get_results (runner),
                              file, NULL, &error))
        {
          fail (error->message);
          return 1;
        }
    }

  status = n_skipped + n_failed + n_unmatched > 0 ? 1 : 0;
  return status;

service_failed:
  fail (error->message);
  return 2;
}
