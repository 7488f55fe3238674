/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <libsoup/soup.h>

#include "pv-json.h"
#include "pv-sandbox-generator.h"
#include "pv-sandbox-private.h"
#include "pv-sandbox-server.h"

/* The sandbox tenant: a SoupServer on loopback speaking the service's
 * REST API over the state in a PvSandboxStore.  It runs in a thread of
 * its own with its own GMainContext, so a window or a test driving it
 * synchronously never waits on it, and it never waits on them.  Only
 * that thread touches the store and the SoupServer once started. */

/* Bodies larger than this are refused before they are read. */
#define MAX_BODY_SIZE (1024 * 1024)
#define MAX_BATCH_REQUESTS 20
#define JSON_CONTENT_TYPE "application/json;odata.metadata=minimal;odata.streaming=true;" \
                          "IEEE754Compatible=false;charset=utf-8"

struct _PvSandboxServer
{
  GObject          parent_instance;

  char            *state_path;
  char            *seed_path;
  PvSandboxStore  *store;
  PvSandboxFaults *faults;
  guint            generated_users;
  guint            generated_numbers;
  guint            operation_delay_ms;
  guint            upload_delay_ms;
  guint            port_delay_ms;
  /* How far the operator's clock is ahead of real time; written by
   * tests from their thread, read in the server's. */
  GMutex           clock_lock;
  gint64           clock_offset_ms;

  /* Set by start and read once the thread said it is ready. */
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  SoupServer      *soup;
  guint            requested_port;
  guint            port;
  char            *base_url;
  /* Delayed answers still waiting: each a GSource in our context. */
  GHashTable      *pending;

  GMutex           lock;
  GCond            cond;
  gboolean         ready;
  GError          *start_error;
};

enum
{
  PROP_0,
  PROP_STATE_PATH,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PvSandboxServer, pv_sandbox_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (pv-sandbox-server-error-quark, pv_sandbox_server_error)

void
pv_sandbox_response_clear (PvSandboxResponse *response)
{
  g_clear_pointer (&response->body, json_node_unref);
  g_clear_pointer (&response->location, g_free);
  response->status = 0;
  response->retry_after = 0;
}

void
pv_sandbox_respond (PvSandboxResponse *response,
                    guint              status,
                    JsonNode          *body)
{
  g_clear_pointer (&response->body, json_node_unref);
  response->status = status;
  response->body = body;
}

static JsonNode *
error_body (const char *request_id,
            const char *code,
            const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "innerError");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "request-id");
  json_builder_add_string_value (builder, request_id);
  json_builder_set_member_name (builder, "client-request-id");
  json_builder_add_string_value (builder, request_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
pv_sandbox_fail (PvSandboxResponse      *response,
                 const PvSandboxRequest *request,
                 guint                   status,
                 const char             *code,
                 const char             *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  pv_sandbox_respond (response, status, error_body (request->request_id, code, message));
}

void
pv_sandbox_fail_store (PvSandboxResponse      *response,
                       const PvSandboxRequest *request,
                       const GError           *error)
{
  if (g_error_matches (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_NOT_FOUND))
    pv_sandbox_fail (response, request, 404, "Request_ResourceNotFound", "%s", error->message);
  else
    pv_sandbox_fail (response, request, 500, "generalException",
                     "The sandbox could not read or write its state: %s", error->message);
}

/* Lists the resources of @kind as Graph's {"value": [...]}. */
void
pv_sandbox_list_resources (PvSandboxServer        *server,
                           const PvSandboxRequest *request,
                           PvSandboxResponse      *response,
                           const char             *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pv_sandbox_store_list_resources (pv_sandbox_server_get_store (server),
                                                                kind, &error);

  if (items == NULL)
    pv_sandbox_fail_store (response, request, error);
  else
    pv_sandbox_respond (response, 200, pv_sandbox_value_list (items));
}

/* The resource @id of @kind, or NULL when there is none (or no id). */
JsonNode *
pv_sandbox_find_resource (PvSandboxServer *server,
                          const char      *kind,
                          const char      *id)
{
  if (id == NULL)
    return NULL;
  return pv_sandbox_store_get_resource (pv_sandbox_server_get_store (server), kind, id, NULL);
}

gboolean
pv_sandbox_is_string_array (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return FALSE;
    }
  return TRUE;
}

/* The extension API's answer to a method a route does not take (the
 * Graph routes answer with Graph's own code instead). */
gboolean
pv_sandbox_method_not_allowed (const PvSandboxRequest *request,
                               PvSandboxResponse      *response)
{
  pv_sandbox_fail (response, request, 405, "methodNotAllowed",
                   "The HTTP method '%s' is not allowed for this resource.", request->method);
  return TRUE;
}

/* Reads a user's document; when there is none (or the store fails),
 * answers with the matching Graph error and returns NULL. */
JsonNode *
pv_sandbox_load_user (PvSandboxServer        *server,
                      const PvSandboxRequest *request,
                      PvSandboxResponse      *response,
                      const char             *id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *doc = pv_sandbox_store_get_user (pv_sandbox_server_get_store (server), id, &error);

  if (doc == NULL)
    pv_sandbox_fail_store (response, request, error);
  return doc;
}

/* Parses the request's body as a JSON object; on failure, answers with
 * Graph's error and returns NULL. */
JsonObject *
pv_sandbox_parse_body (const PvSandboxRequest  *request,
                       PvSandboxResponse       *response,
                       JsonNode               **root)
{
  gsize size = 0;
  const char *data = NULL;
  g_autoptr(GError) error = NULL;

  if (request->body != NULL)
    data = g_bytes_get_data (request->body, &size);
  if (data == NULL || size == 0)
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "Write requests (excluding DELETE) must contain the Content-Type "
                       "header declaration.");
      return NULL;
    }
  /* pv_json_parse() also refuses documents nested deep enough to exhaust
   * the parser's stack. */
  *root = pv_json_parse (data, (gssize) size, &error);
  if (*root == NULL || !JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_clear_pointer (root, json_node_unref);
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "Unable to read JSON request payload. Please ensure Content-Type "
                       "header is set and payload is of valid JSON format.");
      return NULL;
    }
  return json_node_get_object (*root);
}

const char *
pv_sandbox_object_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* {"value": [...]}, taking the items. */
JsonNode *
pv_sandbox_value_list (GPtrArray *items)
{
  JsonArray *array = json_array_sized_new (items->len);
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (items, i)));
  json_object_set_array_member (object, "value", array);
  json_node_take_object (root, object);
  return root;
}

/* Whether the request's path is exactly these segments; NULL in the
 * list (after the count) is not allowed, "*" matches any one segment. */
gboolean
pv_sandbox_route_is (const PvSandboxRequest *request,
                     guint                   n_segments,
                     ...)
{
  va_list args;
  gboolean match = request->n_segments == n_segments;

  va_start (args, n_segments);
  for (guint i = 0; match && i < n_segments; i++)
    {
      const char *segment = va_arg (args, const char *);

      match = g_str_equal (segment, "*") || g_str_equal (segment, request->segments[i]);
    }
  va_end (args);
  return match;
}

PvSandboxStore *
pv_sandbox_server_get_store (PvSandboxServer *self)
{
  return self->store;
}

guint
pv_sandbox_server_get_operation_delay (PvSandboxServer *self)
{
  return self->operation_delay_ms;
}

guint
pv_sandbox_server_get_upload_delay (PvSandboxServer *self)
{
  return self->upload_delay_ms;
}

guint
pv_sandbox_server_get_port_delay (PvSandboxServer *self)
{
  return self->port_delay_ms;
}

/* The time the operator's side goes by, in milliseconds since the
 * epoch: real time, plus what pv_sandbox_server_advance_clock() added. */
gint64
pv_sandbox_server_get_now_ms (PvSandboxServer *self)
{
  gint64 offset;

  g_mutex_lock (&self->clock_lock);
  offset = self->clock_offset_ms;
  g_mutex_unlock (&self->clock_lock);
  return g_get_real_time () / 1000 + offset;
}

static void dispatch (PvSandboxServer        *self,
                      const PvSandboxRequest *request,
                      PvSandboxResponse      *response);

typedef struct
{
  char       *id;
  char       *method;
  char       *url;
  char      **depends_on;
  char       *consistency_level;
  GBytes     *body;
  gboolean    done;
  PvSandboxResponse response;
} BatchItem;

static void
batch_item_free (gpointer data)
{
  BatchItem *item = data;

  g_free (item->id);
  g_free (item->method);
  g_free (item->url);
  g_strfreev (item->depends_on);
  g_free (item->consistency_level);
  g_clear_pointer (&item->body, g_bytes_unref);
  pv_sandbox_response_clear (&item->response);
  g_free (item);
}

/* The faults in force for one request, which another thread may change
 * meanwhile. */
static PvSandboxFaults *
dup_faults (PvSandboxServer *self)
{
  PvSandboxFaults *faults;

  g_mutex_lock (&self->lock);
  faults = self->faults != NULL ? g_object_ref (self->faults) : NULL;
  g_mutex_unlock (&self->lock);

  return faults;
}

static gboolean split_path (const char  *path,
                            char      ***segments,
                            guint       *n_segments);

static void
run_batch_item (PvSandboxServer        *self,
                const PvSandboxRequest *outer,
                BatchItem              *item)
{
  g_autofree char *path = NULL;
  g_autofree char *query_text = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_auto(GStrv) segments = NULL;
  guint n_segments = 0;
  const char *relative = item->url[0] == '/' ? item->url + 1 : item->url;
  const char *question = strchr (relative, '?');
  PvSandboxRequest request = { 0 };
  g_autoptr(PvSandboxFaults) faults = NULL;

  /* Inner URLs are relative to the version of the $batch itself. */
  path = g_strdup_printf ("/%s/%.*s", outer->segments[0],
                          (int) (question != NULL ? (gsize) (question - relative)
                                                  : strlen (relative)),
                          relative);
  if (question != NULL)
    query = g_uri_parse_params (question + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (query == NULL)
    query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  request.method = item->method;
  request.query = query;
  request.consistency_level = item->consistency_level;
  request.body = item->body;
  request.request_id = outer->request_id;

  if (!split_path (path, &segments, &n_segments))
    {
      pv_sandbox_fail (&item->response, &request, 400, "BadRequest",
                       "Invalid request URL '%s'.", item->url);
      return;
    }
  request.segments = segments;
  request.n_segments = n_segments;

  if (n_segments >= 2 && g_str_equal (segments[1], "$batch"))
    {
      pv_sandbox_fail (&item->response, &request, 400, "BadRequest",
                       "A $batch request cannot contain another $batch.");
      return;
    }

  /* Each request of a batch can be throttled on its own. */
  faults = dup_faults (self);
  if (faults != NULL && pv_sandbox_faults_draw (faults) == PV_SANDBOX_FAULT_THROTTLE)
    {
      pv_sandbox_fail (&item->response, &request, 429, "TooManyRequests",
                       "Too many requests. Please retry after some time.");
      item->response.retry_after = pv_sandbox_faults_get_retry_after (faults);
      return;
    }

  dispatch (self, &request, &item->response);
}

static JsonNode *
batch_response_node (BatchItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, item->id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, item->response.status);
  json_builder_set_member_name (builder, "headers");
  json_builder_begin_object (builder);
  if (item->response.body != NULL)
    {
      json_builder_set_member_name (builder, "Content-Type");
      json_builder_add_string_value (builder, "application/json");
    }
  if (item->response.location != NULL)
    {
      json_builder_set_member_name (builder, "Location");
      json_builder_add_string_value (builder, item->response.location);
    }
  if (item->response.retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", item->response.retry_after);

      json_builder_set_member_name (builder, "Retry-After");
      json_builder_add_string_value (builder, seconds);
    }
  json_builder_end_object (builder);
  if (item->response.body != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_add_value (builder, json_node_ref (item->response.body));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static BatchItem *
parse_batch_item (JsonNode                *node,
                  guint                    index,
                  const PvSandboxRequest  *request,
                  PvSandboxResponse       *response)
{
  g_autoptr(GStrvBuilder) depends = g_strv_builder_new ();
  BatchItem *item;
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "Request %u of the batch is not an object.", index);
      return NULL;
    }
  object = json_node_get_object (node);
  if (pv_sandbox_object_string (object, "id") == NULL ||
      *pv_sandbox_object_string (object, "id") == '\0' ||
      pv_sandbox_object_string (object, "method") == NULL ||
      pv_sandbox_object_string (object, "url") == NULL)
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "Request %u of the batch needs an id, a method and a url.", index);
      return NULL;
    }

  member = json_object_get_member (object, "dependsOn");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *dep = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (dep) || json_node_get_value_type (dep) != G_TYPE_STRING)
            array = NULL;
          else
            g_strv_builder_add (depends, json_node_get_string (dep));
        }
      if (array == NULL)
        {
          pv_sandbox_fail (response, request, 400, "BadRequest",
                           "dependsOn of request %u must be an array of ids.", index);
          return NULL;
        }
    }

  item = g_new0 (BatchItem, 1);
  item->id = g_strdup (pv_sandbox_object_string (object, "id"));
  item->method = g_ascii_strup (pv_sandbox_object_string (object, "method"), -1);
  item->url = g_strdup (pv_sandbox_object_string (object, "url"));
  item->depends_on = g_strv_builder_end (depends);

  member = json_object_get_member (object, "headers");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *headers = json_node_get_object (member);
      g_autoptr(GList) names = json_object_get_members (headers);

      for (GList *l = names; l != NULL; l = l->next)
        if (g_ascii_strcasecmp (l->data, "ConsistencyLevel") == 0)
          item->consistency_level =
            g_strdup (pv_sandbox_object_string (headers, l->data));
    }

  member = json_object_get_member (object, "body");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      char *text = json_to_string (member, FALSE);

      item->body = g_bytes_new_take (text, strlen (text));
    }
  return item;
}

static void
handle_batch (PvSandboxServer        *self,
              const PvSandboxRequest *request,
              PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (batch_item_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonObject *object;
  JsonNode *list;
  JsonArray *array;
  guint n_done = 0;
  JsonObject *result;
  JsonArray *responses;

  if (!g_str_equal (request->method, "POST"))
    {
      pv_sandbox_fail (response, request, 405, "BadRequest",
                       "The $batch endpoint only accepts POST.");
      return;
    }
  object = pv_sandbox_parse_body (request, response, &root);
  if (object == NULL)
    return;
  list = json_object_get_member (object, "requests");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "The batch has no requests array.");
      return;
    }
  array = json_node_get_array (list);
  if (json_array_get_length (array) > MAX_BATCH_REQUESTS)
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "Number of batch request steps exceeds the maximum of %d.",
                       MAX_BATCH_REQUESTS);
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BatchItem *item = parse_batch_item (json_array_get_element (array, i), i,
                                          request, response);

      if (item == NULL)
        return;
      g_ptr_array_add (items, item);
      if (g_hash_table_contains (by_id, item->id))
        {
          pv_sandbox_fail (response, request, 400, "BadRequest",
                           "Request id '%s' is used more than once in the batch.", item->id);
          return;
        }
      g_hash_table_insert (by_id, item->id, item);
    }
  for (guint i = 0; i < items->len; i++)
    {
      BatchItem *item = g_ptr_array_index (items, i);

      for (guint j = 0; item->depends_on[j] != NULL; j++)
        if (!g_hash_table_contains (by_id, item->depends_on[j]) ||
            g_str_equal (item->depends_on[j], item->id))
          {
            pv_sandbox_fail (response, request, 400, "BadRequest",
                             "Request '%s' depends on '%s', which is not another request "
                             "of the batch.", item->id, item->depends_on[j]);
            return;
          }
    }

  /* Runs every request whose dependencies are done, until none is left;
   * a round that runs nothing means a cycle. */
  while (n_done < items->len)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          BatchItem *item = g_ptr_array_index (items, i);
          gboolean ready = !item->done;
          gboolean failed = FALSE;

          for (guint j = 0; ready && item->depends_on[j] != NULL; j++)
            {
              BatchItem *dep = g_hash_table_lookup (by_id, item->depends_on[j]);

              ready = dep->done;
              failed = failed || dep->response.status >= 400;
            }
          if (!ready)
            continue;

          if (failed)
            {
              PvSandboxRequest inner = *request;

              pv_sandbox_fail (&item->response, &inner, 424, "FailedDependency",
                               "A request this one depends on failed.");
            }
          else
            run_batch_item (self, request, item);
          item->done = TRUE;
          n_done++;
          progress = TRUE;
          g_ptr_array_add (answers, batch_response_node (item));
        }
      if (!progress)
        {
          pv_sandbox_fail (response, request, 400, "BadRequest",
                           "The dependsOn of the batch's requests form a cycle.");
          return;
        }
    }

  /* Graph answers in any order; so do we, last done first, so that a
   * client relying on the order fails here rather than in production. */
  result = json_object_new ();
  responses = json_array_new ();
  for (guint i = answers->len; i > 0; i--)
    json_array_add_element (responses, json_node_ref (g_ptr_array_index (answers, i - 1)));
  json_object_set_array_member (result, "responses", responses);
  pv_sandbox_respond (response, 200, json_node_init_object (json_node_alloc (), result));
  json_object_unref (result);
}

static void
dispatch (PvSandboxServer        *self,
          const PvSandboxRequest *request,
          PvSandboxResponse      *response)
{
  /* The operators' completions and uploads that fell due since the last
   * request come first, so that this one sees them. */
  pv_sandbox_ports_settle (self);

  if (request->n_segments >= 1 &&
      (g_str_equal (request->segments[0], "v1.0") || g_str_equal (request->segments[0], "beta")))
    {
      if (pv_sandbox_route_is (request, 2, "*", "$batch"))
        handle_batch (self, request, response);
      else if (!pv_sandbox_graph_dispatch (self, request, response))
        pv_sandbox_fail (response, request, 400, "BadRequest",
                         "Resource not found for the segment '%s'.",
                         request->n_segments > 1 ? request->segments[1] : "");
      return;
    }
  if (request->n_segments >= 2 && g_str_equal (request->segments[0], "provisio") &&
      g_str_equal (request->segments[1], "v1"))
    {
      if (!pv_sandbox_voice_dispatch (self, request, response))
        pv_sandbox_fail (response, request, 404, "routeNotFound",
                         "No resource of the extension API matches this path.");
      return;
    }
  pv_sandbox_fail (response, request, 400, "BadRequest", "Invalid version.");
}

/* Splits an encoded path into decoded segments; FALSE when a segment does
 * not decode (NUL or invalid escapes). */
static gboolean
split_path (const char   *path,
            char       ***segments,
            guint        *n_segments)
{
  g_auto(GStrv) raw = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *decoded = NULL;

      /* A trailing slash adds no segment. */
      if (raw[i][0] == '\0' && raw[i + 1] == NULL && i > 0)
        break;
      decoded = g_uri_unescape_string (raw[i], NULL);
      if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
        return FALSE;
      g_strv_builder_add (builder, decoded);
      n++;
    }
  *segments = g_strv_builder_end (builder);
  *n_segments = n;
  return TRUE;
}

typedef struct
{
  PvSandboxServer   *server;
  SoupServerMessage *message;
  PvSandboxFault     fault;
  char              *request_id;
} Exchange;

static void
exchange_free (Exchange *exchange)
{
  g_object_unref (exchange->message);
  g_free (exchange->request_id);
  g_free (exchange);
}

static void
write_response (Exchange          *exchange,
                PvSandboxResponse *response)
{
  SoupServerMessage *message = exchange->message;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  guint status = response->status;
  char *text = NULL;
  gsize length = 0;

  if (response->body != NULL)
    {
      text = json_to_string (response->body, FALSE);
      length = strlen (text);
    }

  /* The request took effect; only its answer is broken, as when a proxy
   * cuts a response short. */
  if (exchange->fault == PV_SANDBOX_FAULT_MALFORMED)
    {
      if (text == NULL)
        {
          text = g_strdup ("{\"value\":[{\"id\":");
          length = strlen (text);
          status = 200;
        }
      else
        length = length / 2;
    }

  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (headers, "request-id", exchange->request_id);
  soup_message_headers_replace (headers, "client-request-id", exchange->request_id);
  if (response->location != NULL)
    soup_message_headers_replace (headers, "Location", response->location);
  if (response->retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", response->retry_after);

      soup_message_headers_replace (headers, "Retry-After", seconds);
    }
  if (text != NULL)
    soup_server_message_set_response (message, JSON_CONTENT_TYPE, SOUP_MEMORY_COPY,
                                      text, length);
  g_free (text);
}

static void
process (Exchange *exchange)
{
  PvSandboxServer *self = exchange->server;
  SoupServerMessage *message = exchange->message;
  GUri *uri = soup_server_message_get_uri (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) segments = NULL;
  PvSandboxRequest request = { 0 };
  PvSandboxResponse response = { 0 };

  request.method = soup_server_message_get_method (message);
  request.request_id = exchange->request_id;
  request.consistency_level = soup_message_headers_get_one (headers, "ConsistencyLevel");

  if (g_uri_get_query (uri) != NULL)
    query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  if (query == NULL)
    query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request.query = query;

  if (body != NULL && body->length > 0)
    {
      bytes = soup_message_body_flatten (body);
      request.body = bytes;
    }

  if (!split_path (g_uri_get_path (uri), &segments, &request.n_segments))
    pv_sandbox_fail (&response, &request, 400, "BadRequest", "Invalid request URL.");
  else if (g_uri_get_query (uri) != NULL &&
           g_hash_table_size (query) == 0 && *g_uri_get_query (uri) != '\0')
    pv_sandbox_fail (&response, &request, 400, "BadRequest", "Invalid query string.");
  else
    {
      request.segments = segments;
      dispatch (self, &request, &response);
    }

  write_response (exchange, &response);
  pv_sandbox_response_clear (&response);
}

static gboolean
delayed_cb (gpointer data)
{
  Exchange *exchange = data;

  /* Stolen, not removed: the source frees the exchange once this
   * callback returns. */
  g_hash_table_steal (exchange->server->pending, exchange);
  process (exchange);
  soup_server_message_unpause (exchange->message);
  return G_SOURCE_REMOVE;
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  goffset length = soup_message_headers_get_content_length (headers);

  if (length > MAX_BODY_SIZE)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(JsonNode) body = error_body (id, "RequestEntityTooLarge",
                                             "The request body is larger than 1 MiB.");
      g_autofree char *text = json_to_string (body, FALSE);

      soup_server_message_set_status (message, 413, NULL);
      soup_server_message_set_response (message, JSON_CONTENT_TYPE, SOUP_MEMORY_COPY,
                                        text, strlen (text));
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Connection", "close");
    }
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  PvSandboxServer *self = user_data;
  Exchange *exchange;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(PvSandboxFaults) faults = NULL;

  /* Chunked bodies carry no length for the early check. */
  if (soup_server_message_get_status (message) == 413 ||
      (body != NULL && body->length > MAX_BODY_SIZE))
    {
      if (soup_server_message_get_status (message) != 413)
        {
          g_autofree char *id = g_uuid_string_random ();
          g_autoptr(JsonNode) error = error_body (id, "RequestEntityTooLarge",
                                                  "The request body is larger than 1 MiB.");
          g_autofree char *text = json_to_string (error, FALSE);

          soup_server_message_set_status (message, 413, NULL);
          soup_server_message_set_response (message, JSON_CONTENT_TYPE, SOUP_MEMORY_COPY,
                                            text, strlen (text));
        }
      return;
    }

  exchange = g_new0 (Exchange, 1);
  exchange->server = self;
  exchange->message = g_object_ref (message);
  exchange->request_id = g_uuid_string_random ();
  faults = dup_faults (self);
  if (faults != NULL)
    exchange->fault = pv_sandbox_faults_draw (faults);

  switch (exchange->fault)
    {
    case PV_SANDBOX_FAULT_THROTTLE:
      {
        PvSandboxResponse response = { 0 };
        PvSandboxRequest request = { .request_id = exchange->request_id };

        pv_sandbox_fail (&response, &request, 429, "TooManyRequests",
                         "Too many requests. Please retry after some time.");
        response.retry_after = pv_sandbox_faults_get_retry_after (faults);
        write_response (exchange, &response);
        pv_sandbox_response_clear (&response);
      }
      break;
    case PV_SANDBOX_FAULT_UNAVAILABLE:
      {
        PvSandboxResponse response = { 0 };
        PvSandboxRequest request = { .request_id = exchange->request_id };

        pv_sandbox_fail (&response, &request, 503, "serviceNotAvailable",
                         "The service is temporarily unavailable. Please retry later.");
        write_response (exchange, &response);
        pv_sandbox_response_clear (&response);
      }
      break;
    case PV_SANDBOX_FAULT_DROP:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      break;
    case PV_SANDBOX_FAULT_DELAY:
      {
        GSource *source = g_timeout_source_new (pv_sandbox_faults_get_delay_ms (faults));

        /* Paused, not blocked: the other connections go on meanwhile. */
        soup_server_message_pause (message);
        g_source_set_callback (source, delayed_cb, exchange, (GDestroyNotify) exchange_free);
        g_source_attach (source, self->context);
        g_hash_table_add (self->pending, exchange);
        g_source_unref (source);
      }
      return;
    case PV_SANDBOX_FAULT_NONE:
    case PV_SANDBOX_FAULT_MALFORMED:
    default:
      process (exchange);
      break;
    }
  exchange_free (exchange);
}

static void
signal_ready (PvSandboxServer *self,
              GError          *error)
{
  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  self->start_error = error;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

static gpointer
server_thread (gpointer data)
{
  PvSandboxServer *self = data;
  GError *error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  /* Raw paths: split_path() decodes each segment once. Left to decode
   * the whole path first, libsoup turned an encoded slash into a segment
   * break and an encoded percent into one split_path() decoded again,
   * so that "orange%252Dbusiness" named orange-business. */
  self->soup = soup_server_new ("server-header", "Provisio-Sandbox ", "raw-paths", TRUE, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);

  /* Loopback only, both families: the sandbox is never reachable from
   * another machine. */
  if (!soup_server_listen_local (self->soup, self->requested_port, 0, &error))
    {
      g_clear_object (&self->soup);
      g_main_context_pop_thread_default (self->context);
      signal_ready (self, error);
      return NULL;
    }
  uris = soup_server_get_uris (self->soup);
  self->port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  signal_ready (self, NULL);

  g_main_loop_run (self->loop);

  /* Answers still waiting for their delay are dropped with their
   * connections. */
  g_hash_table_remove_all (self->pending);
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
pending_destroy (gpointer data)
{
  Exchange *exchange = data;
  GMainContext *context = exchange->server->context;
  GSource *source = g_main_context_find_source_by_user_data (context, exchange);

  /* Destroying the source frees the exchange. */
  if (source != NULL)
    g_source_destroy (source);
}

static void
pv_sandbox_server_dispose (GObject *object)
{
  PvSandboxServer *self = PV_SANDBOX_SERVER (object);

  pv_sandbox_server_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->faults);

  G_OBJECT_CLASS (pv_sandbox_server_parent_class)->dispose (object);
}

static void
pv_sandbox_server_finalize (GObject *object)
{
  PvSandboxServer *self = PV_SANDBOX_SERVER (object);

  g_free (self->state_path);
  g_free (self->seed_path);
  g_free (self->base_url);
  g_hash_table_unref (self->pending);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->clock_lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pv_sandbox_server_parent_class)->finalize (object);
}

static void
pv_sandbox_server_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PvSandboxServer *self = PV_SANDBOX_SERVER (object);

  switch (prop_id)
    {
    case PROP_STATE_PATH:
      g_value_set_string (value, self->state_path);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, pv_sandbox_server_get_base_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_sandbox_server_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PvSandboxServer *self = PV_SANDBOX_SERVER (object);

  switch (prop_id)
    {
    case PROP_STATE_PATH:
      g_free (self->state_path);
      self->state_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_sandbox_server_class_init (PvSandboxServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pv_sandbox_server_dispose;
  object_class->finalize = pv_sandbox_server_finalize;
  object_class->get_property = pv_sandbox_server_get_property;
  object_class->set_property = pv_sandbox_server_set_property;

  properties[PROP_STATE_PATH] =
    g_param_spec_string ("state-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_sandbox_server_init (PvSandboxServer *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->clock_lock);
  g_cond_init (&self->cond);
  self->pending = g_hash_table_new_full (g_direct_hash, g_direct_equal, pending_destroy, NULL);
  self->operation_delay_ms = 300;
  self->upload_delay_ms = 2000;
}

/* The state file when none is given: in the user's data folder. */
char *
pv_sandbox_server_default_state_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "provisio", "sandbox.db", NULL);
}

/* The installed seed tenant; PROVISIO_SANDBOX_SEED overrides it, for
 * running from the build tree. */
char *
pv_sandbox_server_default_seed_path (void)
{
  const char *env = g_getenv ("PROVISIO_SANDBOX_SEED");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (PKGDATADIR, "sandbox", "seed-tenant.json", NULL);
}

static JsonNode *
read_seed (PvSandboxServer  *self,
           GError          **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(JsonNode) seed = NULL;

  if (!g_file_get_contents (self->seed_path, &contents, &length, error))
    return NULL;
  seed = pv_json_parse (contents, (gssize) length, error);
  if (seed == NULL)
    {
      g_prefix_error (error, "%s: ", self->seed_path);
      return NULL;
    }
  if (!pv_sandbox_normalize_seed (seed, self->generated_users, error))
    {
      g_prefix_error (error, "%s: ", self->seed_path);
      return NULL;
    }
  if (self->generated_numbers > 0 && json_object_has_member (json_node_get_object (seed), "phoneNumbers"))
    {
      JsonArray *numbers = json_object_get_array_member (json_node_get_object (seed), "phoneNumbers");

      for (guint i = 0; numbers != NULL && i < self->generated_numbers; i++)
        json_array_add_element (numbers, pv_sandbox_generate_number (i));
    }
  return g_steal_pointer (&seed);
}

typedef struct
{
  PvSandboxServer *self;
  JsonNode        *seed;
  GError          *error;
  gboolean         ok;
  gboolean         done;
} ResetCall;

/* Runs in the server's thread, between two requests. */
static gboolean
reset_in_thread (gpointer data)
{
  ResetCall *call = data;
  PvSandboxServer *self = call->self;

  call->ok = pv_sandbox_store_load_seed (self->store, call->seed, &call->error);
  g_mutex_lock (&self->lock);
  call->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  return G_SOURCE_REMOVE;
}

/**
 * pv_sandbox_server_reset:
 *
 * Restores the seed tenant (with the generated people if
 * pv_sandbox_server_set_generated_users() asked for them), in one
 * transaction.  A running server keeps its port: the reset happens in its
 * thread between two requests, and this call waits for it.
 */
gboolean
pv_sandbox_server_reset (PvSandboxServer  *self,
                         GError          **error)
{
  g_autoptr(JsonNode) seed = NULL;
  ResetCall call = { 0 };
  GSource *source;

  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), FALSE);

  /* Read and checked here, so the server thread only writes. */
  seed = read_seed (self, error);
  if (seed == NULL)
    return FALSE;
  if (self->thread == NULL)
    return pv_sandbox_store_load_seed (self->store, seed, error);

  call.self = self;
  call.seed = seed;
  source = g_idle_source_new ();
  g_source_set_callback (source, reset_in_thread, &call, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);

  g_mutex_lock (&self->lock);
  while (!call.done)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (!call.ok)
    g_propagate_error (error, call.error);
  return call.ok;
}

/**
 * pv_sandbox_server_new:
 * @state_path: (nullable): the SQLite state; NULL for the user's data folder
 * @seed_path: (nullable): the seed tenant JSON; NULL for the installed one
 *
 * Opens the state, seeding it on first use.  The server does not listen
 * until pv_sandbox_server_start().
 */
PvSandboxServer *
pv_sandbox_server_new (const char  *state_path,
                       const char  *seed_path,
                       GError     **error)
{
  g_autoptr(PvSandboxServer) self = NULL;
  g_autofree char *default_state = NULL;

  if (state_path == NULL)
    state_path = default_state = pv_sandbox_server_default_state_path ();

  self = g_object_new (PV_TYPE_SANDBOX_SERVER, "state-path", state_path, NULL);
  self->seed_path = seed_path != NULL ? g_strdup (seed_path)
                                      : pv_sandbox_server_default_seed_path ();
  self->store = pv_sandbox_store_new (state_path, error);
  if (self->store == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
pv_sandbox_server_get_state_path (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), NULL);
  return self->state_path;
}

/* Faults apply from the next start. */
void
pv_sandbox_server_set_faults (PvSandboxServer *self,
                              PvSandboxFaults *faults)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));

  /* Also while serving: a demo or a test may turn faults on and off
   * between requests. */
  g_mutex_lock (&self->lock);
  g_set_object (&self->faults, faults);
  g_mutex_unlock (&self->lock);
}

PvSandboxFaults *
pv_sandbox_server_get_faults (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), NULL);
  return self->faults;
}

/* Replaces the seed's people by @n_users generated ones (0: the seed's)
 * at the next seeding: first start or reset. */
void
pv_sandbox_server_set_generated_users (PvSandboxServer *self,
                                       guint            n_users)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));
  self->generated_users = n_users;
}

guint
pv_sandbox_server_get_generated_users (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), 0);
  return self->generated_users;
}

/* Adds @n_numbers generated phone numbers to the seed's at the next
 * seeding: first start or reset. */
void
pv_sandbox_server_set_generated_numbers (PvSandboxServer *self,
                                         guint            n_numbers)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));
  self->generated_numbers = n_numbers;
}

/* How long a number assignment operation stays running. */
void
pv_sandbox_server_set_operation_delay (PvSandboxServer *self,
                                       guint            delay_ms)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));
  self->operation_delay_ms = delay_ms;
}

/* How long an operator takes to upload a ported number once its Calling
 * Plan assignment is gone (docs/api.md, "Port orders"); 0 uploads it in
 * the same transaction. */
void
pv_sandbox_server_set_upload_delay (PvSandboxServer *self,
                                    guint            delay_ms)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));
  self->upload_delay_ms = delay_ms;
}

/* How long the operator takes to complete a pending port order once the
 * tenant has first read it (docs/api.md, "Port orders"); 0, the
 * default, leaves pending orders to POST …/complete. */
void
pv_sandbox_server_set_port_delay (PvSandboxServer *self,
                                  guint            delay_ms)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));
  self->port_delay_ms = delay_ms;
}

/**
 * pv_sandbox_server_advance_clock:
 * @delay_ms: how far to move the clock forward
 *
 * Moves the operator's clock forward: what the operator has scheduled
 * (uploads, completions of port orders) falls due that much earlier, and
 * its time stamps follow. Tests reach a due time without waiting for it;
 * everything else (operation delays, faults) keeps to real time.
 */
void
pv_sandbox_server_advance_clock (PvSandboxServer *self,
                                 guint            delay_ms)
{
  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));

  g_mutex_lock (&self->clock_lock);
  self->clock_offset_ms += delay_ms;
  g_mutex_unlock (&self->clock_lock);
}

/**
 * pv_sandbox_server_start:
 * @port: the port on 127.0.0.1 and ::1; 0 for any free one
 *
 * Seeds the state if it never was, then listens in a thread of its own.
 * Returns once the server accepts connections.
 */
gboolean
pv_sandbox_server_start (PvSandboxServer  *self,
                         guint             port,
                         GError          **error)
{
  GError *start_error;

  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (self->thread != NULL)
    {
      g_set_error_literal (error, PV_SANDBOX_SERVER_ERROR, PV_SANDBOX_SERVER_ERROR_RUNNING,
                           "The sandbox is already running");
      return FALSE;
    }
  if (!pv_sandbox_store_is_seeded (self->store) && !pv_sandbox_server_reset (self, error))
    return FALSE;

  self->requested_port = port;
  self->ready = FALSE;
  self->start_error = NULL;
  g_clear_pointer (&self->base_url, g_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("pv-sandbox", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  start_error = g_steal_pointer (&self->start_error);
  g_mutex_unlock (&self->lock);

  if (start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      g_set_error (error, PV_SANDBOX_SERVER_ERROR, PV_SANDBOX_SERVER_ERROR_LISTEN,
                   "%s", start_error->message);
      g_error_free (start_error);
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
  return TRUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Stops listening and waits for the thread; the state stays as it is. */
void
pv_sandbox_server_stop (PvSandboxServer *self)
{
  GSource *source;

  g_return_if_fail (PV_IS_SANDBOX_SERVER (self));

  if (self->thread == NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, g_main_loop_ref (self->loop),
                         (GDestroyNotify) g_main_loop_unref);
  g_source_attach (source, self->context);
  g_source_unref (source);

  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base_url, g_free);
  self->port = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

gboolean
pv_sandbox_server_is_running (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), FALSE);
  return self->thread != NULL;
}

guint
pv_sandbox_server_get_port (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), 0);
  return self->port;
}

/* "http://127.0.0.1:PORT", or NULL when stopped. */
const char *
pv_sandbox_server_get_base_url (PvSandboxServer *self)
{
  g_return_val_if_fail (PV_IS_SANDBOX_SERVER (self), NULL);
  return self->base_url;
}
