/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-batch-item.h"
#include "pv-service-response.h"
#include "pv-token-provider.h"

G_BEGIN_DECLS

#define PV_TYPE_SERVICE_CLIENT (pv_service_client_get_type ())

G_DECLARE_FINAL_TYPE (PvServiceClient, pv_service_client, PV, SERVICE_CLIENT, GObject)

/**
 * PvRequestFlags:
 * @PV_REQUEST_FLAGS_NONE: a read (GET) may be repeated, a write may not
 * @PV_REQUEST_FLAGS_IDEMPOTENT: the service treats a repeat of this write
 *   as the same change (it answers "already done"), so it may be resent
 *   after a failure whose outcome is unknown
 * @PV_REQUEST_FLAGS_EVENTUAL_CONSISTENCY: sends `ConsistencyLevel:
 *   eventual`, which Graph requires for $search and $count; it is sent
 *   again with every next page, as Graph does not carry it over
 */
typedef enum
{
  PV_REQUEST_FLAGS_NONE = 0,
  PV_REQUEST_FLAGS_IDEMPOTENT = 1 << 0,
  PV_REQUEST_FLAGS_EVENTUAL_CONSISTENCY = 1 << 1,
} PvRequestFlags;

/**
 * PvJsonParseFunc:
 * @node: one item of a page
 * @path: where the item sits in the answer, for error messages
 * @error: return location for a #GError
 *
 * Turns one item of a list into an object (the core mappings, wrapped
 * to this exact type).
 *
 * Returns: (transfer full) (nullable): the object, or %NULL with @error
 */
typedef GObject *(*PvJsonParseFunc) (JsonNode    *node,
                                     const char  *path,
                                     GError     **error);

PvServiceClient   *pv_service_client_new              (const char          *base_url,
                                                       PvTokenProvider     *token_provider,
                                                       GError             **error);
const char        *pv_service_client_get_base_url     (PvServiceClient     *self);
void               pv_service_client_set_retry_limits (PvServiceClient     *self,
                                                       guint                max_attempts,
                                                       gint64               max_total_us,
                                                       gint64               backoff_base_us);

void               pv_service_client_request_async    (PvServiceClient     *self,
                                                       const char          *method,
                                                       const char          *path,
                                                       JsonNode            *body,
                                                       PvRequestFlags       flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
PvServiceResponse *pv_service_client_request_finish   (PvServiceClient     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void               pv_service_client_list_async       (PvServiceClient     *self,
                                                       const char          *path,
                                                       PvRequestFlags       flags,
                                                       PvJsonParseFunc      parse,
                                                       GListStore          *store,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           pv_service_client_list_finish      (PvServiceClient     *self,
                                                       GAsyncResult        *result,
                                                       gint64              *total_count,
                                                       GError             **error);

/* Graph takes at most this many requests in one $batch. */
#define PV_BATCH_MAX_REQUESTS 20

void               pv_service_client_batch_async      (PvServiceClient     *self,
                                                       const char          *batch_path,
                                                       GPtrArray           *items,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           pv_service_client_batch_finish     (PvServiceClient     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void               pv_service_client_wait_operation_async  (PvServiceClient     *self,
                                                            const char          *location,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
PvServiceResponse *pv_service_client_wait_operation_finish (PvServiceClient     *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
