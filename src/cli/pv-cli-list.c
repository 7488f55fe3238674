/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>

#include "pv-cli-list.h"
#include "pv-cli-service.h"
#include "pv-csv.h"
#include "pv-enums.h"
#include "pv-pool.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-user.h"

/* provisio-cli users|pools|domains: what a service holds, as CSV on
 * standard output (for a spreadsheet or the next command). */

typedef enum
{
  LIST_USERS,
  LIST_POOLS,
  LIST_DOMAINS,
} ListKind;

static gboolean
write_row (PvCsvWriter        *writer,
           const char * const *fields,
           gsize               n_fields,
           GError            **error)
{
  g_autofree const char **row = g_new0 (const char *, n_fields + 1);

  /* The writer takes a NULL-terminated row: an absent value is empty. */
  for (gsize i = 0; i < n_fields; i++)
    row[i] = fields[i] != NULL ? fields[i] : "";

  return pv_csv_writer_write_row (writer, row, error);
}

static int
run_list (ListKind   kind,
          int        argc,
          char     **argv)
{
  g_autofree char *service = NULL;
  const GOptionEntry entries[] = {
    { "service", 's', 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(PvCliWaiter) waiter = { loop, NULL };
  g_autoptr(PvSandboxServer) sandbox = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(PvCsvWriter) writer = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List what the service holds, as CSV on standard output."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
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

  out = g_unix_output_stream_new (1, FALSE);
  writer = pv_csv_writer_new (out);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (kind == LIST_USERS)
        {
          PvUser *user = PV_USER (item);
          const char *header[] = { "id", "displayName", "mail", "userPrincipalName", "sipAddress", "registrarPool" };
          const char *row[] = {
            pv_user_get_id (user), pv_user_get_display_name (user), pv_user_get_mail (user),
            pv_user_get_user_principal_name (user), pv_user_get_sip_address (user),
            pv_user_get_registrar_pool (user),
          };

          if ((i == 0 && !write_row (writer, header, G_N_ELEMENTS (header), &error)) ||
              !write_row (writer, row, G_N_ELEMENTS (row), &error))
            goto fail;
        }
      else if (kind == LIST_POOLS)
        {
          PvPool *pool = PV_POOL (item);
          const char *header[] = { "fqdn", "kind", "site" };
          const char *row[] = {
            pv_pool_get_fqdn (pool), pv_enum_get_label (PV_TYPE_POOL_KIND, pv_pool_get_kind (pool)),
            pv_pool_get_site (pool),
          };

          if ((i == 0 && !write_row (writer, header, G_N_ELEMENTS (header), &error)) ||
              !write_row (writer, row, G_N_ELEMENTS (row), &error))
            goto fail;
        }
      else
        {
          PvSipDomain *domain = PV_SIP_DOMAIN (item);
          const char *header[] = { "name", "default" };
          const char *row[] = {
            pv_sip_domain_get_name (domain), pv_sip_domain_get_is_default (domain) ? "yes" : "no",
          };

          if ((i == 0 && !write_row (writer, header, G_N_ELEMENTS (header), &error)) ||
              !write_row (writer, row, G_N_ELEMENTS (row), &error))
            goto fail;
        }
    }
  if (!g_output_stream_flush (out, NULL, &error))
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
