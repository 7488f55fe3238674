/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "provisio-core.h"
#include "pv-sandbox-private.h"

/* The tenant-wide resources of the extension API: the Operator Connect
 * catalogue and the tenant's operators, emergency addresses, releasing
 * numbers, federation settings and the on-premises readiness facts.
 * Operator Connect has no public API: the rules are those of the Teams
 * admin center (REFERENCE.md), refusals included. */

gboolean pv_sandbox_tenant_dispatch (PvSandboxServer        *server,
                                     const PvSandboxRequest *request,
                                     PvSandboxResponse      *response);

static PvSandboxStore *
store_of (PvSandboxServer *server)
{
  return pv_sandbox_server_get_store (server);
}

static gboolean
put (PvSandboxServer        *server,
     const PvSandboxRequest *request,
     PvSandboxResponse      *response,
     const char             *kind,
     const char             *id,
     JsonNode               *doc)
{
  g_autoptr(GError) error = NULL;

  if (pv_sandbox_store_put_resource (store_of (server), kind, id, doc, &error))
    return TRUE;
  pv_sandbox_fail_store (response, request, error);
  return FALSE;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *text)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
list_catalogue (PvSandboxServer        *server,
                const PvSandboxRequest *request,
                PvSandboxResponse      *response)
{
  const char *region = g_hash_table_lookup (request->query, "region");
  const char *service = g_hash_table_lookup (request->query, "service");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = pv_sandbox_store_list_resources (store_of (server), "operators",
                                                              &error);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (all == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *operator = json_node_get_object (g_ptr_array_index (all, i));

      if (region != NULL &&
          !array_has_string (json_object_get_array_member (operator, "regions"), region))
        continue;
      if (service != NULL &&
          !array_has_string (json_object_get_array_member (operator, "services"), service))
        continue;
      g_ptr_array_add (kept, g_ptr_array_index (all, i));
    }
  pv_sandbox_respond (response, 200, pv_sandbox_value_list (kept));
}

/* Numbers of @operator_id, in @country when not NULL. */
static guint
count_numbers (PvSandboxServer *server,
               const char      *operator_id,
               const char      *country)
{
  g_autoptr(GPtrArray) numbers = pv_sandbox_store_list_resources (store_of (server),
                                                                  "phoneNumbers", NULL);
  guint n = 0;

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      JsonObject *number = json_node_get_object (g_ptr_array_index (numbers, i));

      if (g_strcmp0 (pv_sandbox_object_string (number, "operatorId"), operator_id) == 0 &&
          (country == NULL ||
           g_strcmp0 (pv_sandbox_object_string (number, "isoCountryCode"), country) == 0))
        n++;
    }
  return n;
}

/* Checks a list of countries against what the operator serves. */
static gboolean
check_countries (const PvSandboxRequest *request,
                 PvSandboxResponse      *response,
                 JsonObject             *operator,
                 JsonNode               *countries)
{
  JsonArray *served = json_object_get_array_member (operator, "countries");

  if (!pv_sandbox_is_string_array (countries) || json_array_get_length (json_node_get_array (countries)) == 0)
    {
      pv_sandbox_fail (response, request, 400, "countriesRequired",
                       "countries must list at least one country code.");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (countries)); i++)
    {
      const char *country = json_array_get_string_element (json_node_get_array (countries), i);

      if (!array_has_string (served, country))
        {
          pv_sandbox_fail (response, request, 400, "countryNotServed",
                           "%s does not serve %s.",
                           pv_sandbox_object_string (operator, "displayName"), country);
          return FALSE;
        }
    }
  return TRUE;
}

static void
enable_operator (PvSandboxServer        *server,
                 const PvSandboxRequest *request,
                 PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) operator = NULL;
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(JsonNode) doc = NULL;
  JsonObject *body;
  JsonObject *contact;
  JsonObject *result;
  JsonNode *consent;
  JsonNode *size_node;
  g_autofree char *size_text = NULL;
  const char *id;
  int size;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  id = pv_sandbox_object_string (body, "operatorId");
  operator = pv_sandbox_find_resource (server, "operators", id);
  if (operator == NULL)
    {
      pv_sandbox_fail (response, request, 404, "unknownOperator",
                       "There is no operator '%s' in the catalogue.", id != NULL ? id : "");
      return;
    }
  existing = pv_sandbox_find_resource (server, "tenantOperators", id);
  if (existing != NULL)
    {
      pv_sandbox_fail (response, request, 409, "operatorAlreadyEnabled",
                       "%s is already one of the tenant's operators.", id);
      return;
    }
  if (!check_countries (request, response, json_node_get_object (operator),
                        json_object_get_member (body, "countries")))
    return;
  contact = json_object_has_member (body, "contact") &&
            JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "contact"))
            ? json_object_get_object_member (body, "contact") : NULL;
  if (contact == NULL || pv_sandbox_object_string (contact, "fullName") == NULL ||
      !pv_validate_email (pv_sandbox_object_string (contact, "email"), NULL))
    {
      pv_sandbox_fail (response, request, 400, "contactRequired",
                       "contact needs a fullName and a valid email.");
      return;
    }
  /* The core writes the size as a number (pv_contact_details_to_json);
   * a string of digits is taken too, as earlier clients sent it. */
  size_node = json_object_get_member (contact, "companySize");
  if (size_node != NULL && JSON_NODE_HOLDS_VALUE (size_node) &&
      json_node_get_value_type (size_node) == G_TYPE_INT64)
    size_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (size_node));
  else
    size_text = g_strdup (pv_sandbox_object_string (contact, "companySize"));
  if (!pv_validate_company_size (size_text, &size, NULL))
    {
      pv_sandbox_fail (response, request, 400, "companySizeRequired",
                       "contact.companySize, the number of employees, is required (for example 2500).");
      return;
    }
  consent = json_object_get_member (body, "consentGiven");
  if (consent == NULL || !JSON_NODE_HOLDS_VALUE (consent) ||
      json_node_get_value_type (consent) != G_TYPE_BOOLEAN || !json_node_get_boolean (consent))
    {
      pv_sandbox_fail (response, request, 400, "consentRequired",
                       "The data transfer notice must be accepted (consentGiven: true).");
      return;
    }

  result = json_object_new ();
  json_object_set_string_member (result, "operatorId", id);
  json_object_set_string_member (result, "status", "active");
  json_object_set_member (result, "countries",
                          json_node_copy (json_object_get_member (body, "countries")));
  /* Stored in the core's mapping, the size as a number. */
  json_object_set_member (result, "contact",
                          json_node_copy (json_object_get_member (body, "contact")));
  json_object_set_int_member (json_object_get_object_member (result, "contact"), "companySize",
                              size);
  json_object_set_boolean_member (result, "consentGiven", TRUE);
  doc = json_node_init_object (json_node_alloc (), result);
  json_object_unref (result);
  if (put (server, request, response, "tenantOperators", id, doc))
    pv_sandbox_respond (response, 201, json_node_ref (doc));
}

static void
change_countries (PvSandboxServer        *server,
                  const PvSandboxRequest *request,
                  PvSandboxResponse      *response,
                  JsonNode               *doc)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) operator = NULL;
  JsonObject *body;
  JsonObject *object = json_node_get_object (doc);
  JsonArray *current = json_object_get_array_member (object, "countries");
  JsonNode *countries;
  const char *id = pv_sandbox_object_string (object, "operatorId");

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  operator = pv_sandbox_find_resource (server, "operators", id);
  countries = json_object_get_member (body, "countries");
  if (operator == NULL ||
      !check_countries (request, response, json_node_get_object (operator), countries))
    {
      if (operator == NULL)
        pv_sandbox_fail (response, request, 404, "unknownOperator",
                         "There is no operator '%s' in the catalogue.", id);
      return;
    }
  /* A country dropped must have no number left with this operator. */
  for (guint i = 0; current != NULL && i < json_array_get_length (current); i++)
    {
      const char *country = json_array_get_string_element (current, i);

      if (!array_has_string (json_node_get_array (countries), country) &&
          count_numbers (server, id, country) > 0)
        {
          pv_sandbox_fail (response, request, 409, "numbersStillAssigned",
                           "Unassign and release every %s number in %s first.", id, country);
          return;
        }
    }
  json_object_set_member (object, "countries", json_node_copy (countries));
  if (put (server, request, response, "tenantOperators", id, doc))
    pv_sandbox_respond (response, 200, json_node_ref (doc));
}

static void
set_operator_status (PvSandboxServer        *server,
                     const PvSandboxRequest *request,
                     PvSandboxResponse      *response,
                     JsonNode               *doc,
                     const char             *status)
{
  JsonObject *object = json_node_get_object (doc);

  /* Suspending a suspended operator is already done. */
  if (g_strcmp0 (pv_sandbox_object_string (object, "status"), status) != 0)
    {
      json_object_set_string_member (object, "status", status);
      if (!put (server, request, response, "tenantOperators",
                pv_sandbox_object_string (object, "operatorId"), doc))
        return;
    }
  pv_sandbox_respond (response, 200, json_node_ref (doc));
}

static void
remove_operator (PvSandboxServer        *server,
                 const PvSandboxRequest *request,
                 PvSandboxResponse      *response,
                 const char             *id)
{
  g_autoptr(GError) error = NULL;

  if (count_numbers (server, id, NULL) > 0)
    {
      pv_sandbox_fail (response, request, 409, "numbersStillAssigned",
                       "Unassign and release every %s number before removing the operator.", id);
      return;
    }
  if (!pv_sandbox_store_delete_resource (store_of (server), "tenantOperators", id, &error))
    pv_sandbox_fail_store (response, request, error);
  else
    pv_sandbox_respond (response, 204, NULL);
}

static gboolean
tenant_operators (PvSandboxServer        *server,
                  const PvSandboxRequest *request,
                  PvSandboxResponse      *response)
{
  const char *method = request->method;
  g_autoptr(JsonNode) doc = NULL;

  if (request->n_segments == 3)
    {
      if (g_str_equal (method, "GET"))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) items = pv_sandbox_store_list_resources (store_of (server),
                                                                        "tenantOperators",
                                                                        &error);

          if (items == NULL)
            pv_sandbox_fail_store (response, request, error);
          else
            pv_sandbox_respond (response, 200, pv_sandbox_value_list (items));
        }
      else if (g_str_equal (method, "POST"))
        enable_operator (server, request, response);
      else
        pv_sandbox_method_not_allowed (request, response);
      return TRUE;
    }
  if (request->n_segments < 4 || request->n_segments > 5)
    return FALSE;

  doc = pv_sandbox_find_resource (server, "tenantOperators", request->segments[3]);
  if (doc == NULL)
    {
      pv_sandbox_fail (response, request, 404, "operatorNotEnabled",
                       "'%s' is not one of the tenant's operators.", request->segments[3]);
      return TRUE;
    }
  if (request->n_segments == 4)
    {
      if (g_str_equal (method, "GET"))
        pv_sandbox_respond (response, 200, json_node_ref (doc));
      else if (g_str_equal (method, "PATCH"))
        change_countries (server, request, response, doc);
      else if (g_str_equal (method, "DELETE"))
        remove_operator (server, request, response, request->segments[3]);
      else
        pv_sandbox_method_not_allowed (request, response);
      return TRUE;
    }
  if (!g_str_equal (request->segments[4], "suspend") &&
      !g_str_equal (request->segments[4], "resume"))
    return FALSE;
  if (!g_str_equal (method, "POST"))
    return pv_sandbox_method_not_allowed (request, response);
  set_operator_status (server, request, response, doc,
                       g_str_equal (request->segments[4], "suspend") ? "suspended" : "active");
  return TRUE;
}

/* An address is locked when a number using it belongs to an operator
 * that assigns and locks its addresses; in use when any number uses it. */
static void
address_usage (PvSandboxServer *server,
               const char      *id,
               gboolean        *in_use,
               gboolean        *locked)
{
  g_autoptr(GPtrArray) numbers = pv_sandbox_store_list_resources (store_of (server),
                                                                  "phoneNumbers", NULL);

  *in_use = FALSE;
  *locked = FALSE;
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      JsonObject *number = json_node_get_object (g_ptr_array_index (numbers, i));
      g_autoptr(JsonNode) operator = NULL;
      int model;

      if (g_strcmp0 (pv_sandbox_object_string (number, "locationId"), id) != 0)
        continue;
      *in_use = TRUE;
      operator = pv_sandbox_find_resource (server, "operators", pv_sandbox_object_string (number, "operatorId"));
      if (operator != NULL &&
          pv_enum_from_nick (PV_TYPE_EMERGENCY_MODEL,
                             pv_sandbox_object_string (json_node_get_object (operator),
                                                       "emergencyAddressModel"), &model) &&
          model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED)
        *locked = TRUE;
    }
}

/* Reads an address through the core's mapping, so only its members and
 * well-typed values get in. */
static JsonNode *
read_address (const PvSandboxRequest *request,
              PvSandboxResponse      *response,
              JsonNode               *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvEmergencyAddress) address = pv_emergency_address_new_from_json (node, "address",
                                                                              &error);

  if (address == NULL)
    {
      pv_sandbox_fail (response, request, 400, "invalidEmergencyAddress",
                       "The address is not valid: countryOrRegion is required and every member "
                       "is a string.");
      return NULL;
    }
  return pv_emergency_address_to_json (address);
}

static gboolean
emergency_addresses (PvSandboxServer        *server,
                     const PvSandboxRequest *request,
                     PvSandboxResponse      *response)
{
  const char *method = request->method;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) address = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gboolean in_use;
  gboolean locked;

  if (request->n_segments == 3)
    {
      if (g_str_equal (method, "GET"))
        {
          g_autoptr(GPtrArray) items = pv_sandbox_store_list_resources (store_of (server),
                                                                        "emergencyAddresses",
                                                                        &error);

          if (items == NULL)
            pv_sandbox_fail_store (response, request, error);
          else
            pv_sandbox_respond (response, 200, pv_sandbox_value_list (items));
          return TRUE;
        }
      if (!g_str_equal (method, "POST"))
        return pv_sandbox_method_not_allowed (request, response);
      body = pv_sandbox_parse_body (request, response, &root);
      if (body == NULL)
        return TRUE;
      {
        g_autofree char *id = g_uuid_string_random ();

        json_object_set_string_member (body, "id", id);
        address = read_address (request, response, root);
        if (address != NULL && put (server, request, response, "emergencyAddresses", id, address))
          pv_sandbox_respond (response, 201, json_node_ref (address));
      }
      return TRUE;
    }
  if (request->n_segments != 4)
    return FALSE;

  doc = pv_sandbox_find_resource (server, "emergencyAddresses", request->segments[3]);
  if (doc == NULL)
    {
      pv_sandbox_fail (response, request, 404, "emergencyAddressNotFound",
                       "There is no emergency address '%s'.", request->segments[3]);
      return TRUE;
    }
  if (g_str_equal (method, "GET"))
    {
      pv_sandbox_respond (response, 200, json_node_ref (doc));
      return TRUE;
    }
  if (!g_str_equal (method, "PATCH") && !g_str_equal (method, "DELETE"))
    return pv_sandbox_method_not_allowed (request, response);

  address_usage (server, request->segments[3], &in_use, &locked);
  if (locked)
    {
      pv_sandbox_fail (response, request, 403, "emergencyAddressLocked",
                       "The operator assigns and locks this emergency address; only the "
                       "operator can change it.");
      return TRUE;
    }
  if (g_str_equal (method, "DELETE"))
    {
      if (in_use)
        pv_sandbox_fail (response, request, 409, "emergencyAddressInUse",
                         "Numbers still use this emergency address.");
      else if (!pv_sandbox_store_delete_resource (store_of (server), "emergencyAddresses",
                                                  request->segments[3], &error))
        pv_sandbox_fail_store (response, request, error);
      else
        pv_sandbox_respond (response, 204, NULL);
      return TRUE;
    }

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return TRUE;
  {
    g_autoptr(GList) members = json_object_get_members (body);
    JsonObject *merged = json_node_get_object (doc);

    for (GList *l = members; l != NULL; l = l->next)
      if (!g_str_equal (l->data, "id"))
        json_object_set_member (merged, l->data,
                                json_node_copy (json_object_get_member (body, l->data)));
  }
  address = read_address (request, response, doc);
  if (address != NULL &&
      put (server, request, response, "emergencyAddresses", request->segments[3], address))
    pv_sandbox_respond (response, 200, json_node_ref (address));
  return TRUE;
}

static gboolean
release_number (PvSandboxServer        *server,
                const PvSandboxRequest *request,
                PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) number = NULL;
  g_autoptr(GError) error = NULL;

  if (request->n_segments != 5 || !g_str_equal (request->segments[4], "release"))
    return FALSE;
  if (!g_str_equal (request->method, "POST"))
    return pv_sandbox_method_not_allowed (request, response);
  number = pv_sandbox_find_resource (server, "phoneNumbers", request->segments[3]);
  if (number == NULL)
    {
      pv_sandbox_fail (response, request, 404, "numberNotFound",
                       "%s is not one of the tenant's numbers.", request->segments[3]);
      return TRUE;
    }
  if (g_strcmp0 (pv_sandbox_object_string (json_node_get_object (number), "assignmentStatus"),
                 "userAssigned") == 0)
    {
      pv_sandbox_fail (response, request, 409, "numberAssigned",
                       "%s is assigned: unassign it before releasing it.", request->segments[3]);
      return TRUE;
    }
  /* A ported number released is the operator's to upload: one
   * transaction for both. */
  if (pv_sandbox_store_begin (store_of (server), &error) &&
      pv_sandbox_store_delete_resource (store_of (server), "phoneNumbers", request->segments[3],
                                        &error) &&
      pv_sandbox_ports_number_freed (server, request->segments[3], NULL, &error) &&
      pv_sandbox_store_commit (store_of (server), &error))
    {
      pv_sandbox_respond (response, 204, NULL);
      return TRUE;
    }
  pv_sandbox_store_rollback (store_of (server));
  pv_sandbox_fail_store (response, request, error);
  return TRUE;
}

/* Users still homed on an on-premises pool. */
static gboolean
users_on_premises (PvSandboxServer *server)
{
  g_autoptr(PvSandboxUserQuery) query = pv_sandbox_user_query_new ();
  gint64 last = 0;
  gboolean more = TRUE;

  /* Walks the users by pages; the federation switch is rare. */
  while (more)
    {
      g_autoptr(GPtrArray) users = pv_sandbox_store_query_users (store_of (server), query, last,
                                                                 500, &last, &more, NULL);

      for (guint i = 0; users != NULL && i < users->len; i++)
        {
          JsonObject *user = json_node_get_object (g_ptr_array_index (users, i));
          const char *pool = pv_sandbox_object_string (user, "registrarPool");

          if (pool != NULL && g_strcmp0 (pool, "sipfed.online.lync.com") != 0)
            return TRUE;
        }
      if (users == NULL)
        break;
    }
  return FALSE;
}

static gboolean
federation (PvSandboxServer        *server,
            const PvSandboxRequest *request,
            PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) doc = pv_sandbox_find_resource (server, "singletons", "federation");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *body;
  JsonNode *shared;

  if (doc == NULL)
    doc = json_node_init_object (json_node_alloc (), json_object_new ());
  if (g_str_equal (request->method, "GET"))
    {
      pv_sandbox_respond (response, 200, g_steal_pointer (&doc));
      return TRUE;
    }
  if (!g_str_equal (request->method, "PATCH"))
    return pv_sandbox_method_not_allowed (request, response);
  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return TRUE;
  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (body, l->data);
      gboolean is_list = g_str_equal (l->data, "allowedDomains");

      if (!g_str_equal (l->data, "sharedSipAddressSpace") &&
          !g_str_equal (l->data, "allowFederatedUsers") &&
          !g_str_equal (l->data, "allowPublicUsers") && !is_list)
        {
          pv_sandbox_fail (response, request, 400, "invalidRequest",
                           "'%s' is not a federation setting.", (const char *) l->data);
          return TRUE;
        }
      if (is_list ? !pv_sandbox_is_string_array (value)
                  : !(JSON_NODE_HOLDS_VALUE (value) &&
                      json_node_get_value_type (value) == G_TYPE_BOOLEAN))
        {
          pv_sandbox_fail (response, request, 400, "invalidRequest",
                           "'%s' has the wrong type.", (const char *) l->data);
          return TRUE;
        }
    }
  shared = json_object_get_member (body, "sharedSipAddressSpace");
  if (shared != NULL && !json_node_get_boolean (shared) && users_on_premises (server))
    {
      pv_sandbox_fail (response, request, 409, "usersStillOnPremises",
                       "sharedSipAddressSpace must stay true while users remain on-premises.");
      return TRUE;
    }
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (json_node_get_object (doc), l->data,
                            json_node_copy (json_object_get_member (body, l->data)));
  if (put (server, request, response, "singletons", "federation", doc))
    pv_sandbox_respond (response, 200, json_node_ref (doc));
  return TRUE;
}

static gboolean
readiness (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) doc = pv_sandbox_find_resource (server, "singletons", "readiness");
  g_autoptr(JsonNode) fed = pv_sandbox_find_resource (server, "singletons", "federation");

  if (!g_str_equal (request->method, "GET"))
    return pv_sandbox_method_not_allowed (request, response);
  if (doc == NULL)
    doc = json_node_init_object (json_node_alloc (), json_object_new ());
  /* Derived, so that it always agrees with the federation settings. */
  json_object_set_boolean_member (json_node_get_object (doc), "sharedSipAddressSpace",
                                  fed != NULL &&
                                  json_object_get_boolean_member_with_default (
                                    json_node_get_object (fed), "sharedSipAddressSpace", FALSE));
  pv_sandbox_respond (response, 200, g_steal_pointer (&doc));
  return TRUE;
}

gboolean
pv_sandbox_tenant_dispatch (PvSandboxServer        *server,
                            const PvSandboxRequest *request,
                            PvSandboxResponse      *response)
{
  const char *collection;

  if (request->n_segments < 3)
    return FALSE;
  collection = request->segments[2];

  if (g_str_equal (collection, "operators") && request->n_segments == 3)
    {
      if (!g_str_equal (request->method, "GET"))
        return pv_sandbox_method_not_allowed (request, response);
      list_catalogue (server, request, response);
      return TRUE;
    }
  if (g_str_equal (collection, "tenantOperators"))
    return tenant_operators (server, request, response);
  if (g_str_equal (collection, "emergencyAddresses"))
    return emergency_addresses (server, request, response);
  if (g_str_equal (collection, "phoneNumbers"))
    return release_number (server, request, response);
  if (g_str_equal (collection, "portOrders"))
    return pv_sandbox_ports_dispatch (server, request, response);
  if (g_str_equal (collection, "federation") && request->n_segments == 3)
    return federation (server, request, response);
  if (g_str_equal (collection, "readiness") && request->n_segments == 3)
    return readiness (server, request, response);
  return FALSE;
}
