/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pv-sandbox-server.h"

G_BEGIN_DECLS

/* One request as the handlers see it, whether it came over HTTP or from
 * inside a $batch: handlers never touch libsoup, so a batch runs the
 * same code as a direct call. */
typedef struct
{
  const char  *method;
  /* Decoded path segments, without the empty first one. */
  char       **segments;
  guint        n_segments;
  /* Decoded query parameters; never NULL. */
  GHashTable  *query;
  const char  *consistency_level;
  GBytes      *body;
  const char  *request_id;
} PvSandboxRequest;

typedef struct
{
  guint     status;
  /* NULL for an answer without a body (204, 202). */
  JsonNode *body;
  char     *location;
  guint     retry_after;
} PvSandboxResponse;

void        pv_sandbox_response_clear       (PvSandboxResponse *response);

/* Builds Graph's error body on @response. */
void        pv_sandbox_fail                 (PvSandboxResponse *response,
                                             const PvSandboxRequest *request,
                                             guint              status,
                                             const char        *code,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (5, 6);
void        pv_sandbox_respond              (PvSandboxResponse *response,
                                             guint              status,
                                             JsonNode          *body);
void        pv_sandbox_fail_store           (PvSandboxResponse *response,
                                             const PvSandboxRequest *request,
                                             const GError      *error);
void        pv_sandbox_list_resources       (PvSandboxServer        *server,
                                             const PvSandboxRequest *request,
                                             PvSandboxResponse      *response,
                                             const char             *kind);
JsonNode   *pv_sandbox_find_resource        (PvSandboxServer        *server,
                                             const char             *kind,
                                             const char             *id);
gboolean    pv_sandbox_is_string_array      (JsonNode               *node);
gboolean    pv_sandbox_method_not_allowed   (const PvSandboxRequest *request,
                                             PvSandboxResponse      *response);
JsonNode   *pv_sandbox_load_user            (PvSandboxServer        *server,
                                             const PvSandboxRequest *request,
                                             PvSandboxResponse      *response,
                                             const char             *id);
JsonObject *pv_sandbox_parse_body           (const PvSandboxRequest *request,
                                             PvSandboxResponse *response,
                                             JsonNode         **root);
JsonNode   *pv_sandbox_value_list           (GPtrArray         *items);
const char *pv_sandbox_object_string        (JsonObject        *object,
                                             const char        *member);
gboolean    pv_sandbox_route_is             (const PvSandboxRequest *request,
                                             guint              n_segments,
                                             ...);

PvSandboxStore *pv_sandbox_server_get_store (PvSandboxServer   *self);
guint       pv_sandbox_server_get_operation_delay (PvSandboxServer *self);
guint       pv_sandbox_server_get_upload_delay (PvSandboxServer *self);
guint       pv_sandbox_server_get_port_delay (PvSandboxServer *self);
gint64      pv_sandbox_server_get_now_ms (PvSandboxServer *self);

/* Port orders (pv-sandbox-ports.c). */
gboolean    pv_sandbox_ports_number_freed   (PvSandboxServer        *server,
                                             const char             *telephone,
                                             JsonNode               *number,
                                             GError                **error);
void        pv_sandbox_ports_settle         (PvSandboxServer        *server);
gboolean    pv_sandbox_ports_dispatch       (PvSandboxServer        *server,
                                             const PvSandboxRequest *request,
                                             PvSandboxResponse      *response);

/* Each returns FALSE when the route is not its own. */
gboolean    pv_sandbox_graph_dispatch       (PvSandboxServer   *server,
                                             const PvSandboxRequest *request,
                                             PvSandboxResponse *response);
gboolean    pv_sandbox_voice_dispatch       (PvSandboxServer   *server,
                                             const PvSandboxRequest *request,
                                             PvSandboxResponse *response);

/* The user as Graph shows it, limited to @select (NULL: Graph's default
 * set). */
JsonNode   *pv_sandbox_user_project         (JsonNode          *doc,
                                             const char * const *select);

G_END_DECLS
