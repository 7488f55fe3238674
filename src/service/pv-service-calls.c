/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-pool.h"
#include "pv-service-calls.h"
#include "pv-sip-domain.h"
#include "pv-user.h"

/* Typed listings over the generic paged list: each names its resource,
 * its members and its model, and parses through the core mapping. The
 * list call checks its own source tag; these finish through it. */

static GObject *
parse_user (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  return G_OBJECT (pv_user_new_from_json (node, path, error));
}

static GObject *
parse_pool (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  return G_OBJECT (pv_pool_new_from_json (node, path, error));
}

static GObject *
parse_sip_domain (JsonNode    *node,
                  const char  *path,
                  GError     **error)
{
  return G_OBJECT (pv_sip_domain_new_from_json (node, path, error));
}

/**
 * pv_service_client_list_users_async:
 * @store: a #GListStore of #PvUser, filled a page (999 people) at a time
 *
 * Lists the whole directory with what the flows need of each person.
 */
void
pv_service_client_list_users_async (PvServiceClient     *self,
                                    GListStore          *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (g_type_is_a (PV_TYPE_USER, g_list_model_get_item_type (G_LIST_MODEL (store))));

  /* The largest page Graph gives, and the count for a progress bar. */
  pv_service_client_list_async (self, "/v1.0/users?$top=999&$count=true&$select=" PV_USER_SELECT,
                                PV_REQUEST_FLAGS_EVENTUAL_CONSISTENCY, parse_user, store,
                                cancellable, callback, user_data);
}

gboolean
pv_service_client_list_users_finish (PvServiceClient  *self,
                                     GAsyncResult     *result,
                                     gint64           *total_count,
                                     GError          **error)
{
  return pv_service_client_list_finish (self, result, total_count, error);
}

/**
 * pv_service_client_list_voice_users_async:
 * @parse: (nullable): what to make of each person, in the client's worker
 *   thread (a #PvUser, perhaps with data attached for the caller), or
 *   %NULL for a plain #PvUser
 * @store: filled a page (999 people) at a time
 *
 * Lists the whole directory with what deciding whether a person can have
 * a phone number needs (pv_voice_readiness_check()): the coexistence
 * mode, the service plans of the licences and the usage location, beside
 * the members every flow reads.
 */
void
pv_service_client_list_voice_users_async (PvServiceClient     *self,
                                          PvJsonParseFunc      parse,
                                          GListStore          *store,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (g_type_is_a (g_list_model_get_item_type (G_LIST_MODEL (store)), PV_TYPE_USER));

  pv_service_client_list_async (self, "/v1.0/users?$top=999&$select=" PV_USER_SELECT ",assignedPlans",
                                PV_REQUEST_FLAGS_NONE, parse != NULL ? parse : parse_user, store,
                                cancellable, callback, user_data);
}

gboolean
pv_service_client_list_voice_users_finish (PvServiceClient  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

void
pv_service_client_list_pools_async (PvServiceClient     *self,
                                    GListStore          *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  pv_service_client_list_async (self, "/provisio/v1/pools", PV_REQUEST_FLAGS_NONE, parse_pool,
                                store, cancellable, callback, user_data);
}

gboolean
pv_service_client_list_pools_finish (PvServiceClient  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

void
pv_service_client_list_sip_domains_async (PvServiceClient     *self,
                                          GListStore          *store,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  pv_service_client_list_async (self, "/provisio/v1/sipDomains", PV_REQUEST_FLAGS_NONE,
                                parse_sip_domain, store, cancellable, callback, user_data);
}

gboolean
pv_service_client_list_sip_domains_finish (PvServiceClient  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}
