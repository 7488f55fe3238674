/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>

#include "pv-cli-list.h"
#include "pv-cli-service.h"
#include "pv-cli-table.h"
#include "pv-enums.h"
#include "pv-pool.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-user.h"

/* provisio-cli users|pools|domains: what a service holds, on standard
 * output: a table for a person at a terminal, CSV for a spreadsheet or
 * the next command (the CSV columns are the service's member names, and
 * stay put whatever the language). */

typedef enum
{
  LIST_USERS,
  LIST_POOLS,
  LIST_DOMAINS,
} ListKind;

static PvCliTable *
make_table (ListKind     kind,
            PvCliOutput  output,
            GListModel  *items)
{
  PvCliTable *table;

  switch (kind)
    {
    case LIST_USERS:
      {
        const char *columns[] = { "id", "displayName", "mail", "userPrincipalName", "sipAddress",
                                  "registrarPool", NULL };
        /* Translators: column headings of provisio-cli users. */
        const char *headings[] = { C_("users table", "ID"), C_("users table", "Name"),
                                   C_("users table", "E-mail"),
                                   C_("users table", "User principal name"),
                                   C_("users table", "SIP address"), C_("users table", "Pool"),
                                   NULL };

        table = pv_cli_table_new (columns, headings);
        for (guint i = 0; i < g_list_model_get_n_items (items); i++)
          {
            g_autoptr(PvUser) user = g_list_model_get_item (items, i);
            const char *row[] = {
              pv_user_get_id (user), pv_user_get_display_name (user), pv_user_get_mail (user),
              pv_user_get_user_principal_name (user), pv_user_get_sip_address (user),
              pv_user_get_registrar_pool (user),
            };

            pv_cli_table_add_row (table, row);
          }
      }
      break;

    case LIST_POOLS:
      {
        const char *columns[] = { "fqdn", "kind", "site", NULL };
        /* Translators: column headings of provisio-cli pools. */
        const char *headings[] = { C_("pool table", "FQDN"), C_("pool table", "Kind"),
                                   C_("pool table", "Site"), NULL };

        table = pv_cli_table_new (columns, headings);
        for (guint i = 0; i < g_list_model_get_n_items (items); i++)
          {
            g_autoptr(PvPool) pool = g_list_model_get_item (items, i);
            const char *row[] = {
              pv_pool_get_fqdn (pool), pv_enum_get_label (PV_TYPE_POOL_KIND, pv_pool_get_kind (pool)),
              pv_pool_get_site (pool),
            };

            pv_cli_table_add_row (table, row);
          }
      }
      break;

    case LIST_DOMAINS:
    default:
      {
        const char *columns[] = { "name", "default", NULL };
        /* Translators: column headings of provisio-cli domains. */
        const char *headings[] = { C_("domains table", "SIP domain"),
                                   C_("domains table", "Default"), NULL };

        table = pv_cli_table_new (columns, headings);
        for (guint i = 0; i < g_list_model_get_n_items (items); i++)
          {
            g_autoptr(PvSipDomain) domain = g_list_model_get_item (items, i);
            gboolean is_default = pv_sip_domain_get_is_default (domain);
            /* CSV keeps yes/no for scripts; the table speaks the person's
             * language. */
            const char *row[] = {
              pv_sip_domain_get_name (domain),
              output == PV_CLI_OUTPUT_CSV ? (is_default ? "yes" : "no")
                                          : (is_default ? C_("default domain", "yes")
                                                        : C_("default domain", "no")),
            };

            pv_cli_table_add_row (table, row);
          }
      }
      break;
    }

  return table;
}

static int
run_list (ListKind   kind,
          int        argc,
          char     **argv)
{
  g_autofree char *service = NULL;
  g_autofree char *output_name = NULL;
  const GOptionEntry entries[] = {
    { "service", 's', 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { "output", 'o', 0, G_OPTION_ARG_STRING, &output_name,
      N_("csv or table (default: a table on a terminal, CSV otherwise)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(PvCliWaiter) waiter = { loop, NULL };
  g_autoptr(PvSandboxServer) sandbox = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(PvCliTable) table = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  PvCliOutput output;
  gboolean ok = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List what the service holds on standard output, as a "
                                           "table or as CSV."));
  g_option_context_set_description (context,
                                    _("Without --output, a table is written when standard output "
                                      "is a terminal and CSV otherwise, so that a pipe or a file "
                                      "gets CSV. The table aligns its columns and cuts long values "
                                      "with an ellipsis; CSV keeps every value whole, with the "
                                      "service’s names as column names."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (!pv_cli_output_parse (output_name, &output, &error))
    goto fail;

  client = pv_cli_connect (service, &sandbox, &error);
  if (client == NULL)
    goto fail;

  switch (kind)
    {
    case LIST_USERS:
      store = g_list_store_new (PV_TYPE_USER);
      pv_service_client_list_users_async (client, store, NULL, pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_list_users_finish (client, pv_cli_wait (&waiter), NULL, &error);
      break;
    case LIST_POOLS:
      store = g_list_store_new (PV_TYPE_POOL);
      pv_service_client_list_pools_async (client, store, NULL, pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_list_pools_finish (client, pv_cli_wait (&waiter), &error);
      break;
    case LIST_DOMAINS:
    default:
      store = g_list_store_new (PV_TYPE_SIP_DOMAIN);
      pv_service_client_list_sip_domains_async (client, store, NULL, pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_list_sip_domains_finish (client, pv_cli_wait (&waiter), &error);
      break;
    }
  if (!ok)
    goto fail;

  table = make_table (kind, output, G_LIST_MODEL (store));
  out = g_unix_output_stream_new (1, FALSE);
  if (!pv_cli_table_write (table, output, out, &error))
    goto fail;

  return 0;

fail:
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return 2;
}

int
pv_cli_list_users (int    argc,
                   char **argv)
{
  return run_list (LIST_USERS, argc, argv);
}

int
pv_cli_list_pools (int    argc,
                   char **argv)
{
  return run_list (LIST_POOLS, argc, argv);
}

int
pv_cli_list_domains (int    argc,
                     char **argv)
{
  return run_list (LIST_DOMAINS, argc, argv);
}
