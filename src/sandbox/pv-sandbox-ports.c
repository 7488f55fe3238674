/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-sandbox-private.h"

/* Port orders: the sandbox playing the operator's part of a move from
 * Calling Plan to Operator Connect. Graph has nothing of the kind; the
 * operator holds the order and, once the port is complete and the
 * administrator has unassigned (or released) the Calling Plan number,
 * uploads the number into the tenant as one of its Operator Connect
 * numbers. The seed holds the orders; the operator completes a pending
 * one when told to (POST …/complete, the sandbox's stand-in for the
 * operator's own systems) or, with a port delay, that long after the
 * tenant first read it, so that someone trying the sandbox sees a
 * pending order stop a move and then complete.
 *
 * The upload happens in the transaction that frees the number when the
 * upload delay is 0, so tests see it at once; otherwise it is stored as
 * due and carried out by the first request that arrives after the delay
 * (pv_sandbox_ports_settle()), before that request reads anything. Both
 * are deterministic: nothing happens behind a client's back between two
 * of its requests except what time alone decides. Completions due after
 * the port delay are stored and carried out the same way. Time is the
 * operator's clock (pv_sandbox_server_get_now_ms()), which tests move
 * forward instead of waiting. */

#define PORT_ORDERS "portOrders"
#define PORT_UPLOADS "portUploads"
#define PORT_COMPLETIONS "portCompletions"

static char *
now_iso8601 (PvSandboxServer *server)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (pv_sandbox_server_get_now_ms (server) / 1000);

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
  g_autofree char *stamp = now_iso8601 (server);
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
  json_object_set_int_member (object, "dueAt", pv_sandbox_server_get_now_ms (server) + delay);
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

/* The operator completes @order, inside a transaction: the order is
 * complete from now on, and its Calling Plan numbers already free are
 * uploaded as pv_sandbox_ports_number_freed() says (now, or after the
 * upload delay). A number released before the port completed is not in
 * the tenant any more and stays out of it. */
static gboolean
complete_order (PvSandboxServer  *server,
                JsonNode         *order,
                GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  JsonObject *object = json_node_get_object (order);
  g_autofree char *id = g_strdup (pv_sandbox_object_string (object, "id"));
  g_autofree char *stamp = now_iso8601 (server);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_free);
  JsonNode *numbers = json_object_get_member (object, "numbers");

  for (guint i = 0; numbers != NULL && JSON_NODE_HOLDS_ARRAY (numbers) &&
                    i < json_array_get_length (json_node_get_array (numbers)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (numbers), i);
      const char *telephone;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        continue;
      telephone = pv_sandbox_object_string (json_node_get_object (entry), "telephoneNumber");
      if (telephone != NULL &&
          g_strcmp0 (pv_sandbox_object_string (json_node_get_object (entry), "uploadStatus"),
                     "notUploaded") == 0)
        g_ptr_array_add (waiting, g_strdup (telephone));
    }

  json_object_set_string_member (object, "status", "complete");
  json_object_set_string_member (object, "completedDateTime", stamp);
  if (!pv_sandbox_store_put_resource (store, PORT_ORDERS, id, order, error) ||
      !pv_sandbox_store_delete_resource (store, PORT_COMPLETIONS, id, error))
    return FALSE;

  /* Each upload reads the order as stored, with the others' changes. */
  for (guint i = 0; i < waiting->len; i++)
    {
      const char *telephone = g_ptr_array_index (waiting, i);
      g_autoptr(JsonNode) number = pv_sandbox_find_resource (server, "phoneNumbers", telephone);

      if (number != NULL && !pv_sandbox_ports_number_freed (server, telephone, number, error))
        return FALSE;
    }
  return TRUE;
}

/* One due completion, in the caller's transaction; an order completed
 * (or gone) meanwhile only loses its schedule. */
static gboolean
settle_completion (PvSandboxServer  *server,
                   const char       *id,
                   GError          **error)
{
  g_autoptr(JsonNode) order = pv_sandbox_find_resource (server, PORT_ORDERS, id);

  if (order != NULL &&
      g_strcmp0 (pv_sandbox_object_string (json_node_get_object (order), "status"), "pending") == 0)
    return complete_order (server, order, error);
  return pv_sandbox_store_delete_resource (pv_sandbox_server_get_store (server),
                                           PORT_COMPLETIONS, id, error);
}

/* Carries out, each in a transaction of its own, the scheduled work of
 * @kind whose due time has passed. FALSE, with @error set, on a store
 * error. */
static gboolean
settle_kind (PvSandboxServer  *server,
             const char       *kind,
             const char       *key,
             gboolean        (*settle) (PvSandboxServer *, const char *, GError **),
             GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(GPtrArray) due = pv_sandbox_store_list_resources (store, kind, error);
  gint64 now = pv_sandbox_server_get_now_ms (server);

  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (due, i));
      const char *id = pv_sandbox_object_string (item, key);

      if (id == NULL || json_object_get_int_member_with_default (item, "dueAt", 0) > now)
        continue;
      if (!pv_sandbox_store_begin (store, error))
        return FALSE;
      if (!settle (server, id, error) || !pv_sandbox_store_commit (store, error))
        {
          pv_sandbox_store_rollback (store);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pv_sandbox_ports_settle:
 *
 * Carries out the completions and uploads whose delay has passed, the
 * completions first since they may free uploads. Called before every
 * request is handled, so that what it reads already has them.
 */
void
pv_sandbox_ports_settle (PvSandboxServer *server)
{
  g_autoptr(GError) error = NULL;

  if (!settle_kind (server, PORT_COMPLETIONS, "portOrderId", settle_completion, &error))
    g_warning ("Cannot complete an operator's port order: %s", error->message);
  g_clear_error (&error);
  if (!settle_kind (server, PORT_UPLOADS, "telephoneNumber", settle_one, &error))
    g_warning ("Cannot carry out an operator's upload: %s", error->message);
}

/* With a port delay, the operator starts on each pending order the
 * first time the tenant reads it, and completes it that long after: a
 * first move meets the order pending, a later one finds it complete.
 * Stored, so that it holds across restarts; one transaction. */
static gboolean
schedule_completions (PvSandboxServer  *server,
                      GPtrArray        *orders,
                      GError          **error)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  guint delay = pv_sandbox_server_get_port_delay (server);
  gboolean begun = FALSE;

  if (delay == 0)
    return TRUE;
  for (guint i = 0; i < orders->len; i++)
    {
      JsonObject *order = json_node_get_object (g_ptr_array_index (orders, i));
      const char *id = pv_sandbox_object_string (order, "id");
      g_autoptr(JsonNode) scheduled = NULL;
      g_autoptr(JsonNode) due = NULL;
      JsonObject *object;

      if (id == NULL || g_strcmp0 (pv_sandbox_object_string (order, "status"), "pending") != 0)
        continue;
      scheduled = pv_sandbox_find_resource (server, PORT_COMPLETIONS, id);
      if (scheduled != NULL)
        continue;
      if (!begun && !(begun = pv_sandbox_store_begin (store, error)))
        return FALSE;

      object = json_object_new ();
      json_object_set_string_member (object, "portOrderId", id);
      json_object_set_int_member (object, "dueAt", pv_sandbox_server_get_now_ms (server) + delay);
      due = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      if (!pv_sandbox_store_put_resource (store, PORT_COMPLETIONS, id, due, error))
        {
          pv_sandbox_store_rollback (store);
          return FALSE;
        }
    }
  if (begun && !pv_sandbox_store_commit (store, error))
    {
      pv_sandbox_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* GET of the list or of one order: what the store holds, once any
 * completion the read starts is scheduled. */
static void
read_orders (PvSandboxServer        *server,
             const PvSandboxRequest *request,
             PvSandboxResponse      *response,
             const char             *id)
{
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL)
    orders = pv_sandbox_store_list_resources (pv_sandbox_server_get_store (server), PORT_ORDERS, &error);
  else
    {
      JsonNode *order = pv_sandbox_find_resource (server, PORT_ORDERS, id);

      if (order == NULL)
        {
          pv_sandbox_fail (response, request, 404, "portOrderNotFound",
                           "There is no port order '%s'.", id);
          return;
        }
      orders = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      g_ptr_array_add (orders, order);
    }
  if (orders == NULL || !schedule_completions (server, orders, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  if (id == NULL)
    pv_sandbox_respond (response, 200, pv_sandbox_value_list (orders));
  else
    pv_sandbox_respond (response, 200, json_node_ref (g_ptr_array_index (orders, 0)));
}

/* POST …/{id}/complete: the operator's side, in the sandbox only.
 * Completing a complete order changes nothing. */
static void
complete (PvSandboxServer        *server,
          const PvSandboxRequest *request,
          PvSandboxResponse      *response,
          const char             *id)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(JsonNode) order = pv_sandbox_find_resource (server, PORT_ORDERS, id);
  g_autoptr(GError) error = NULL;
  const char *status;

  if (order == NULL)
    {
      pv_sandbox_fail (response, request, 404, "portOrderNotFound",
                       "There is no port order '%s'.", id);
      return;
    }
  status = pv_sandbox_object_string (json_node_get_object (order), "status");
  if (g_strcmp0 (status, "complete") == 0)
    {
      pv_sandbox_respond (response, 200, g_steal_pointer (&order));
      return;
    }
  if (g_strcmp0 (status, "pending") != 0)
    {
      pv_sandbox_fail (response, request, 409, "portOrderNotPending",
                       "Port order '%s' is %s: only a pending order can complete.",
                       id, status != NULL ? status : "without a status");
      return;
    }

  if (!pv_sandbox_store_begin (store, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  if (!complete_order (server, order, &error) || !pv_sandbox_store_commit (store, &error))
    {
      pv_sandbox_store_rollback (store);
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  /* As stored: with the uploads the completion made at once. */
  g_clear_pointer (&order, json_node_unref);
  order = pv_sandbox_find_resource (server, PORT_ORDERS, id);
  if (order == NULL)
    pv_sandbox_fail (response, request, 404, "portOrderNotFound",
                     "There is no port order '%s'.", id);
  else
    pv_sandbox_respond (response, 200, g_steal_pointer (&order));
}

/* GET /provisio/v1/portOrders[/{id}], POST …/{id}/complete. */
gboolean
pv_sandbox_ports_dispatch (PvSandboxServer        *server,
                           const PvSandboxRequest *request,
                           PvSandboxResponse      *response)
{
  if (request->n_segments == 5)
    {
      if (!g_str_equal (request->segments[4], "complete"))
        return FALSE;
      if (!g_str_equal (request->method, "POST"))
        return pv_sandbox_method_not_allowed (request, response);
      complete (server, request, response, request->segments[3]);
      return TRUE;
    }
  if (request->n_segments != 3 && request->n_segments != 4)
    return FALSE;
  if (!g_str_equal (request->method, "GET"))
    return pv_sandbox_method_not_allowed (request, response);
  read_orders (server, request, response, request->n_segments == 4 ? request->segments[3] : NULL);
  return TRUE;
}
