/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-sandbox-private.h"

/* Port orders: the sandbox playing the operator's part of a move from
 * Calling Plan to Operator Connect. Graph has nothing of the kind; the
 * operator holds the order and, once the port is complete and the
 * administrator has unassigned (or released) the Calling Plan number,
 * uploads the number into the tenant as one of its Operator Connect
 * numbers. The seed holds the orders; they are read-only here.
 *
 * The upload happens in the transaction that frees the number when the
 * upload delay is 0, so tests see it at once; otherwise it is stored as
 * due and carried out by the first request that arrives after the delay
 * (pv_sandbox_ports_settle()), before that request reads anything. Both
 * are deterministic: nothing happens behind a client's back between two
 * of its requests except what time alone decides. */

#define PORT_ORDERS "portOrders"
#define PORT_UPLOADS "portUploads"

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The entry of @telephone in @order's numbers, or NULL. */
static JsonObject *
order_entry (JsonObject *order,
             const char *telephone)
{
  JsonNode *numbers = json_object_get_member (order, "numbers");

  if (numbers == NULL || !JSON_NODE_HOLDS_ARRAY (numbers))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (numbers)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (numbers), i);

      if (JSON_NODE_HOLDS_OBJECT (entry) &&
          g_strcmp0 (pv_sandbox_object_string (json_node_get_object (entry), "telephoneNumber"),
                     telephone) == 0)
        return json_node_get_object (entry);
    }
  return NULL;
}

/* The port order holding @telephone, with its entry; NULL when none does
 * (and on a store error, set in @error). */
static JsonNode *
find_order (PvSandboxServer  *server,
            const char       *telephone,
            JsonObject      **entry,
            GError          **error)
{
  g_autoptr(GPtrArray) orders = pv_sandbox_store_list_resources (pv_sandbox_server_get_store (server),
                                                                 PORT_ORDERS, error);

  for (guint i = 0; orders != NULL && i < orders->len; i++)
    {
      JsonNode *order = g_ptr_array_index (orders, i);

      if ((*entry = order_entry (json_node_get_object (order), telephone)) != NULL)
        return json_node_ref (order);
    }
  *entry = NULL;
  return NULL;
}

/* The operator's upload: @telephone becomes an unassigned Operator
 * Connect number of the order's operator, in the order's country,
 * keeping the emergency address it had. Inside a transaction. */
static gboolean
upload (PvSandboxServer  *server,
        JsonNode         *order,
        JsonObject       *entry,
        JsonNode         *number,
        GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  JsonObject *order_object = json_node_get_object (order);
  const char *telephone = pv_sandbox_object_string (entry, "telephoneNumber");
  const char *location = number != NULL ? pv_sandbox_object_string (json_node_get_object (number),
                                                                    "locationId")
                                        : NULL;
  g_autoptr(JsonNode) uploaded = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *stamp = now_iso8601 ();
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "telephoneNumber", telephone);
  json_object_set_string_member (object, "numberType", "operatorConnect");
  json_object_set_string_member (object, "operatorId",
                                 pv_sandbox_object_string (order_object, "operatorId"));
  json_object_set_string_member (object, "isoCountryCode",
                                 pv_sandbox_object_string (order_object, "isoCountryCode"));
  json_object_set_string_member (object, "assignmentStatus", "unassigned");
  json_object_set_null_member (object, "assignmentTargetId");
  if (location != NULL)
    json_object_set_string_member (object, "locationId", location);
  else
    json_object_set_null_member (object, "locationId");
  json_node_take_object (uploaded, object);

  json_object_set_string_member (entry, "uploadStatus", "uploaded");
  json_object_set_string_member (entry, "uploadedDateTime", stamp);

  return pv_sandbox_store_put_resource (store, "phoneNumbers", telephone, uploaded, error) &&
         pv_sandbox_store_put_resource (store, PORT_ORDERS,
                                        pv_sandbox_object_string (order_object, "id"), order, error) &&
         pv_sandbox_store_delete_resource (store, PORT_UPLOADS, telephone, error);
}

/* Whether @number (NULL once released) is free for the operator to
 * upload: no longer held as a Calling Plan number. */
static gboolean
is_free (JsonNode *number)
{
  JsonObject *object;

  if (number == NULL)
    return TRUE;
  object = json_node_get_object (number);
  return g_strcmp0 (pv_sandbox_object_string (object, "numberType"), "callingPlan") == 0 &&
         g_strcmp0 (pv_sandbox_object_string (object, "assignmentStatus"), "unassigned") == 0;
}

/**
 * pv_sandbox_ports_number_freed:
 * @telephone: a number just unassigned or released
 * @number: (nullable): its new state; %NULL once released
 *
 * Called inside the transaction that freed @telephone. A Calling Plan
 * number of a complete port order is uploaded by its operator, now or
 * after the upload delay; any other number is left alone, and a number
 * is uploaded once only.
 */
gboolean
pv_sandbox_ports_number_freed (PvSandboxServer  *server,
                               const char       *telephone,
                               JsonNode         *number,
                               GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) due = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *entry = NULL;
  JsonObject *object;
  guint delay;

  if (!is_free (number))
    return TRUE;
  order = find_order (server, telephone, &entry, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (order == NULL ||
      g_strcmp0 (pv_sandbox_object_string (json_node_get_object (order), "status"), "complete") != 0 ||
      g_strcmp0 (pv_sandbox_object_string (entry, "uploadStatus"), "uploaded") == 0)
    return TRUE;

  /* Already due later: that stands, unless uploads are now immediate. */
  delay = pv_sandbox_server_get_upload_delay (server);
  if (delay == 0)
    return upload (server, order, entry, number, error);
  if (g_strcmp0 (pv_sandbox_object_string (entry, "uploadStatus"), "scheduled") == 0)
    return TRUE;

  object = json_object_new ();
  json_object_set_string_member (object, "telephoneNumber", telephone);
  json_object_set_string_member (object, "portOrderId",
                                 pv_sandbox_object_string (json_node_get_object (order), "id"));
  json_object_set_int_member (object, "dueAt", g_get_real_time () / 1000 + delay);
  due = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  json_object_set_string_member (entry, "uploadStatus", "scheduled");

  return pv_sandbox_store_put_resource (store, PORT_UPLOADS, telephone, due, error) &&
         pv_sandbox_store_put_resource (store, PORT_ORDERS,
                                        pv_sandbox_object_string (json_node_get_object (order), "id"),
                                        order, error);
}

/* One due upload, in its own transaction. A number given back to
 * someone as a Calling Plan number meanwhile is not uploaded: the
 * operator cannot take a number in use, and waits for it to be freed
 * again. */
static gboolean
settle_one (PvSandboxServer  *server,
            const char       *telephone,
            GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(JsonNode) number = pv_sandbox_find_resource (server, "phoneNumbers", telephone);
  g_autoptr(JsonNode) order = NULL;
  JsonObject *entry = NULL;

  order = find_order (server, telephone, &entry, error);
  if (order == NULL)
    return (error == NULL || *error == NULL) &&
           pv_sandbox_store_delete_resource (store, PORT_UPLOADS, telephone, error);
  if (is_free (number))
    return upload (server, order, entry, number, error);

  json_object_set_string_member (entry, "uploadStatus", "notUploaded");
  return pv_sandbox_store_put_resource (store, PORT_ORDERS,
                                        pv_sandbox_object_string (json_node_get_object (order), "id"),
                                        order, error) &&
         pv_sandbox_store_delete_resource (store, PORT_UPLOADS, telephone, error);
}

/**
 * pv_sandbox_ports_settle:
 *
 * Carries out the uploads whose delay has passed. Called before every
 * request is handled, so that what it reads already has them.
 */
void
pv_sandbox_ports_settle (PvSandboxServer *server)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / 1000;

  uploads = pv_sandbox_store_list_resources (store, PORT_UPLOADS, &error);
  if (uploads == NULL)
    {
      g_warning ("Cannot read the operators' pending uploads: %s", error->message);
      return;
    }
  for (guint i = 0; i < uploads->len; i++)
    {
      JsonObject *due = json_node_get_object (g_ptr_array_index (uploads, i));
      const char *telephone = pv_sandbox_object_string (due, "telephoneNumber");

      if (telephone == NULL || json_object_get_int_member_with_default (due, "dueAt", 0) > now)
        continue;
      if (!pv_sandbox_store_begin (store, &error))
        break;
      if (!settle_one (server, telephone, &error) || !pv_sandbox_store_commit (store, &error))
        {
          pv_sandbox_store_rollback (store);
          break;
        }
    }
  if (error != NULL)
    g_warning ("Cannot carry out an operator's upload: %s", error->message);
}

static void
get_order (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response,
           const char             *id)
{
  JsonNode *order = pv_sandbox_find_resource (server, PORT_ORDERS, id);

  if (order == NULL)
    pv_sandbox_fail (response, request, 404, "portOrderNotFound",
                     "There is no port order '%s'.", id);
  else
    pv_sandbox_respond (response, 200, order);
}

/* GET /provisio/v1/portOrders[/{id}], read-only. */
gboolean
pv_sandbox_ports_dispatch (PvSandboxServer        *server,
                           const PvSandboxRequest *request,
                           PvSandboxResponse      *response)
{
  if (request->n_segments != 3 && request->n_segments != 4)
    return FALSE;
  if (!g_str_equal (request->method, "GET"))
    return pv_sandbox_method_not_allowed (request, response);
  if (request->n_segments == 3)
    pv_sandbox_list_resources (server, request, response, PORT_ORDERS);
  else
    get_order (server, request, response, request->segments[3]);
  return TRUE;
}
