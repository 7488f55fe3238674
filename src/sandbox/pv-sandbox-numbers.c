/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "provisio-core.h"
#include "pv-sandbox-private.h"

/* The beta Teams number assignment API: assignNumber and unassignNumber
 * answer 202 with the Location of an operation that runs for a short
 * while before it succeeds, as the real one does.  The change is stored
 * when the request is accepted (one transaction), so a crash never leaves
 * an operation that succeeded without its change. */

#define PHONE_SYSTEM_PLAN "4828c8ec-dc2e-4779-b502-87ac9ce28ab7"
#define NUMBERS_PATH "/beta/admin/teams/telephoneNumberManagement"

gboolean pv_sandbox_numbers_dispatch (PvSandboxServer        *server,
                                      const PvSandboxRequest *request,
                                      PvSandboxResponse      *response);

/* $filter on numbers: "member eq 'value'" clauses joined by "and", on
 * the members the flows look numbers up by. */
static gboolean
parse_number_filter (const char  *text,
                     GPtrArray   *members,
                     GPtrArray   *values,
                     char       **bad_member)
{
  static const char * const filterable[] = {
    "assignmentStatus", "numberType", "isoCountryCode", "operatorId", "assignmentTargetId",
    "locationId", "telephoneNumber", NULL,
  };
  g_auto(GStrv) clauses = g_strsplit (text, " and ", -1);

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_autoptr(GString) value = g_string_new (NULL);
      char *clause = g_strstrip (clauses[i]);
      const char *eq = strstr (clause, " eq '");
      const char *p;
      g_autofree char *member = NULL;

      if (eq == NULL)
        {
          *bad_member = g_strdup (clause);
          return FALSE;
        }
      member = g_strndup (clause, (gsize) (eq - clause));
      if (!g_strv_contains (filterable, member))
        {
          *bad_member = g_steal_pointer (&member);
          return FALSE;
        }
      /* The literal runs to the last quote; '' stands for a quote. */
      for (p = eq + 5; *p != '\0'; p++)
        {
          if (*p == '\'' && p[1] == '\'')
            {
              g_string_append_c (value, '\'');
              p++;
            }
          else if (*p == '\'')
            break;
          else
            g_string_append_c (value, *p);
        }
      if (*p != '\'' || p[1] != '\0')
        {
          *bad_member = g_steal_pointer (&member);
          return FALSE;
        }
      g_ptr_array_add (members, g_steal_pointer (&member));
      g_ptr_array_add (values, g_string_free (g_steal_pointer (&value), FALSE));
    }
  return TRUE;
}

#define NUMBERS_SKIPTOKEN_PREFIX "pn1:"

/* The token names the last number of the page: pages follow the numbers'
 * order, so paging is stable under writes, as the users' is. */
static char *
encode_number_token (const char *last)
{
  g_autofree char *plain = g_strconcat (NUMBERS_SKIPTOKEN_PREFIX, last, NULL);
  char *token = g_base64_encode ((const guchar *) plain, strlen (plain));

  for (char *p = token; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        *p = '\0';
    }
  return token;
}

static char *
decode_number_token (const char *token)
{
  g_autoptr(GString) padded = g_string_new (token);
  g_autofree guchar *plain = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (padded->len == 0 || padded->len > 64)
    return NULL;
  for (char *p = padded->str; *p != '\0'; p++)
    {
      if (*p == '-')
        *p = '+';
      else if (*p == '_')
        *p = '/';
      else if (!g_ascii_isalnum (*p))
        return NULL;
    }
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  plain = g_base64_decode (padded->str, &length);
  text = g_strndup ((const char *) plain, length);
  if (!g_str_has_prefix (text, NUMBERS_SKIPTOKEN_PREFIX) ||
      !pv_validate_e164 (text + strlen (NUMBERS_SKIPTOKEN_PREFIX), NULL))
    return NULL;
  return g_strdup (text + strlen (NUMBERS_SKIPTOKEN_PREFIX));
}

/* The $filter's clauses: each member must equal its value. */
typedef struct
{
  GPtrArray *members;
  GPtrArray *values;
} NumberClauses;

static gboolean
number_matches (JsonObject *number,
                gpointer    user_data)
{
  NumberClauses *clauses = user_data;

  for (guint j = 0; j < clauses->members->len; j++)
    if (g_strcmp0 (pv_sandbox_object_string (number, g_ptr_array_index (clauses->members, j)),
                   g_ptr_array_index (clauses->values, j)) != 0)
      return FALSE;
  return TRUE;
}

static void
append_query (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (url, "%c%s=%s", strchr (url->str, '?') == NULL ? '?' : '&', name,
                          escaped);
}

static void
list_numbers (PvSandboxServer        *server,
              const PvSandboxRequest *request,
              PvSandboxResponse      *response)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  NumberClauses clauses = { members, values };
  gboolean more = FALSE;
  const char *filter = g_hash_table_lookup (request->query, "$filter");
  const char *top_text = g_hash_table_lookup (request->query, "$top");
  const char *token = g_hash_table_lookup (request->query, "$skiptoken");
  g_autofree char *bad = NULL;
  g_autofree char *after = NULL;
  guint64 top = G_MAXUINT;
  JsonObject *object;
  JsonArray *value;
  JsonNode *answer;

  if (top_text != NULL &&
      !g_ascii_string_to_unsigned (top_text, 10, 1, 999, &top, NULL))
    {
      pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                       "Invalid page size specified: '%s'. Must be between 1 and 999 inclusive.",
                       top_text);
      return;
    }
  if (token != NULL && (after = decode_number_token (token)) == NULL)
    {
      pv_sandbox_fail (response, request, 400, "Directory_InvalidPageToken",
                       "The specified page token value has expired or is invalid.");
      return;
    }
  if (filter != NULL && !parse_number_filter (filter, members, values, &bad))
    {
      pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                       "Unsupported or invalid query filter clause specified for property '%s' "
                       "of resource 'numberAssignment'.", bad);
      return;
    }
  /* Without $top, every number in one answer; with it, pages. */
  items = pv_sandbox_store_list_resources_by_id (pv_sandbox_server_get_store (server),
                                                 "phoneNumbers", after, number_matches,
                                                 &clauses, (guint) MIN (top, G_MAXUINT),
                                                 &more, &error);
  if (items == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }

  object = json_object_new ();
  value = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    json_array_add_element (value, json_node_ref (g_ptr_array_index (items, i)));
  json_object_set_array_member (object, "value", value);
  if (more)
    {
      g_autoptr(GString) url = g_string_new (pv_sandbox_server_get_base_url (server));
      g_autofree char *next = encode_number_token (
        pv_sandbox_object_string (json_node_get_object (g_ptr_array_index (items, items->len - 1)),
                                  "telephoneNumber"));

      g_string_append (url, NUMBERS_PATH "/numberAssignments");
      append_query (url, "$filter", filter);
      append_query (url, "$top", top_text);
      append_query (url, "$skiptoken", next);
      json_object_set_string_member (object, "@odata.nextLink", url->str);
    }
  answer = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  pv_sandbox_respond (response, 200, answer);
}

static gboolean
has_phone_system (JsonObject *user)
{
  JsonArray *plans = json_object_get_array_member (user, "assignedPlans");

  for (guint i = 0; plans != NULL && i < json_array_get_length (plans); i++)
    {
      JsonNode *plan = json_array_get_element (plans, i);

      if (JSON_NODE_HOLDS_OBJECT (plan) &&
          g_strcmp0 (pv_sandbox_object_string (json_node_get_object (plan), "servicePlanId"),
                     PHONE_SYSTEM_PLAN) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Stores the operation and answers 202 with its Location. */
static void
accept_operation (PvSandboxServer        *server,
                  const PvSandboxRequest *request,
                  PvSandboxResponse      *response,
                  JsonNode               *number,
                  JsonNode               *user,
                  gboolean                frees)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(JsonNode) operation = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "createdDateTime", stamp);
  json_object_set_int_member (object, "completesAt",
                              g_get_real_time () / 1000 +
                              pv_sandbox_server_get_operation_delay (server));
  json_node_take_object (operation, object);

  if (!pv_sandbox_store_begin (store, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  if ((number == NULL ||
       pv_sandbox_store_put_resource (store, "phoneNumbers",
                                      pv_sandbox_object_string (json_node_get_object (number),
                                                                "telephoneNumber"),
                                      number, &error)) &&
      (user == NULL || pv_sandbox_store_put_user (store, user, &error)) &&
      (!frees || pv_sandbox_ports_number_freed (server,
                                                pv_sandbox_object_string (json_node_get_object (number),
                                                                          "telephoneNumber"),
                                                number, &error)) &&
      pv_sandbox_store_put_resource (store, "operations", id, operation, &error) &&
      pv_sandbox_store_commit (store, &error))
    {
      response->status = 202;
      response->location = g_strdup_printf ("%s" NUMBERS_PATH "/operations/%s",
                                            pv_sandbox_server_get_base_url (server), id);
      return;
    }
  pv_sandbox_store_rollback (store);
  pv_sandbox_fail_store (response, request, error);
}

static gboolean
read_number_request (const PvSandboxRequest  *request,
                     PvSandboxResponse       *response,
                     JsonObject              *body,
                     gboolean                 need_target,
                     PvNumberType            *type)
{
  const char *number = pv_sandbox_object_string (body, "telephoneNumber");
  const char *type_text = pv_sandbox_object_string (body, "numberType");
  int value;

  if (number == NULL || type_text == NULL ||
      (need_target && pv_sandbox_object_string (body, "assignmentTargetId") == NULL))
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       need_target ? "telephoneNumber, assignmentTargetId and numberType are "
                                     "required."
                                   : "telephoneNumber and numberType are required.");
      return FALSE;
    }
  /* "tel:" prefixes and extensions are what break assignments in the
   * field; the API takes E.164 only. */
  if (!pv_validate_e164 (number, NULL))
    {
      pv_sandbox_fail (response, request, 400, "invalidTelephoneNumber",
                       "'%s' is not an E.164 number such as +14255551297 (no tel: prefix, no "
                       "extension).", number);
      return FALSE;
    }
  if (!pv_enum_from_nick (PV_TYPE_NUMBER_TYPE, type_text, &value))
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "numberType must be directRouting, callingPlan or operatorConnect.");
      return FALSE;
    }
  *type = (PvNumberType) value;
  return TRUE;
}

static JsonNode *
load_number (PvSandboxServer        *server,
             const PvSandboxRequest *request,
             PvSandboxResponse      *response,
             const char             *telephone_number)
{
  JsonNode *number = pv_sandbox_find_resource (server, "phoneNumbers", telephone_number);

  if (number == NULL)
    pv_sandbox_fail (response, request, 404, "numberNotFound",
                     "%s is not one of the tenant's numbers.", telephone_number);
  return number;
}

static gboolean
check_type (const PvSandboxRequest *request,
            PvSandboxResponse      *response,
            JsonObject             *number,
            PvNumberType            type)
{
  int actual;

  if (pv_enum_from_nick (PV_TYPE_NUMBER_TYPE, pv_sandbox_object_string (number, "numberType"),
                         &actual) && actual == (int) type)
    return TRUE;
  pv_sandbox_fail (response, request, 400, "numberTypeMismatch",
                   "%s is a %s number.", pv_sandbox_object_string (number, "telephoneNumber"),
                   pv_sandbox_object_string (number, "numberType"));
  return FALSE;
}

static void
assign_number (PvSandboxServer        *server,
               const PvSandboxRequest *request,
               PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) number = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  JsonObject *body;
  JsonObject *number_object;
  JsonObject *user_object;
  const char *target;
  const char *status;
  const char *location;
  PvNumberType type;
  int mode;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL || !read_number_request (request, response, body, TRUE, &type))
    return;
  number = load_number (server, request, response,
                        pv_sandbox_object_string (body, "telephoneNumber"));
  if (number == NULL)
    return;
  number_object = json_node_get_object (number);
  if (!check_type (request, response, number_object, type))
    return;

  target = pv_sandbox_object_string (body, "assignmentTargetId");
  user = pv_sandbox_store_get_user (pv_sandbox_server_get_store (server), target, &error);
  if (user == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  user_object = json_node_get_object (user);

  status = pv_sandbox_object_string (number_object, "assignmentStatus");
  if (g_strcmp0 (status, "userAssigned") == 0)
    {
      /* Assigned to this user already: done, nothing to change. */
      if (g_strcmp0 (pv_sandbox_object_string (number_object, "assignmentTargetId"),
                     pv_sandbox_object_string (user_object, "id")) == 0)
        {
          accept_operation (server, request, response, NULL, NULL, FALSE);
          return;
        }
      pv_sandbox_fail (response, request, 409, "numberAlreadyAssigned",
                       "%s is already assigned to another user.",
                       pv_sandbox_object_string (number_object, "telephoneNumber"));
      return;
    }
  if (g_strcmp0 (status, "pending") == 0)
    {
      pv_sandbox_fail (response, request, 409, "numberPending",
                       "%s is still being provisioned by its operator.",
                       pv_sandbox_object_string (number_object, "telephoneNumber"));
      return;
    }
  if (type != PV_NUMBER_TYPE_DIRECT_ROUTING &&
      (!pv_enum_from_nick (PV_TYPE_COEXISTENCE_MODE,
                           pv_sandbox_object_string (user_object, "teamsUpgradeEffectiveMode"),
                           &mode) || mode != PV_COEXISTENCE_MODE_TEAMS_ONLY))
    {
      pv_sandbox_fail (response, request, 400, "userNotTeamsOnly",
                       "The user must be in TeamsOnly mode to get a %s number.",
                       pv_sandbox_object_string (number_object, "numberType"));
      return;
    }
  if (!has_phone_system (user_object))
    {
      pv_sandbox_fail (response, request, 400, "licenceMissing",
                       "The user holds no licence with Phone System (service plan MCOEV).");
      return;
    }

  location = pv_sandbox_object_string (body, "locationId");
  if (location != NULL && (address = pv_sandbox_find_resource (server, "emergencyAddresses", location)) == NULL)
    {
      pv_sandbox_fail (response, request, 400, "unknownEmergencyAddress",
                       "There is no emergency address '%s'.", location);
      return;
    }

  json_object_set_string_member (number_object, "assignmentStatus", "userAssigned");
  json_object_set_string_member (number_object, "assignmentTargetId",
                                 pv_sandbox_object_string (user_object, "id"));
  if (location != NULL)
    json_object_set_string_member (number_object, "locationId", location);
  line = g_strconcat ("tel:", pv_sandbox_object_string (number_object, "telephoneNumber"), NULL);
  json_object_set_string_member (user_object, "lineUri", line);
  accept_operation (server, request, response, number, user, FALSE);
}

static void
unassign_number (PvSandboxServer        *server,
                 const PvSandboxRequest *request,
                 PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) number = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autofree char *line = NULL;
  JsonObject *body;
  JsonObject *number_object;
  const char *target;
  PvNumberType type;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL || !read_number_request (request, response, body, FALSE, &type))
    return;
  number = load_number (server, request, response,
                        pv_sandbox_object_string (body, "telephoneNumber"));
  if (number == NULL)
    return;
  number_object = json_node_get_object (number);
  if (!check_type (request, response, number_object, type))
    return;
  if (g_strcmp0 (pv_sandbox_object_string (number_object, "assignmentStatus"),
                 "userAssigned") != 0)
    {
      /* Unassigned already: the request took effect before. */
      accept_operation (server, request, response, NULL, NULL, FALSE);
      return;
    }
  target = pv_sandbox_object_string (number_object, "assignmentTargetId");
  line = g_strconcat ("tel:", pv_sandbox_object_string (number_object, "telephoneNumber"), NULL);
  if (target != NULL)
    user = pv_sandbox_store_get_user (pv_sandbox_server_get_store (server), target, NULL);
  if (user != NULL &&
      g_strcmp0 (pv_sandbox_object_string (json_node_get_object (user), "lineUri"), line) == 0)
    json_object_set_null_member (json_node_get_object (user), "lineUri");
  json_object_set_string_member (number_object, "assignmentStatus", "unassigned");
  json_object_set_null_member (number_object, "assignmentTargetId");
  accept_operation (server, request, response, number, user, TRUE);
}

/* Whether the operator owning @number assigns and locks its emergency
 * address. */
static gboolean
locked_by_operator (PvSandboxServer *server,
                    JsonObject      *number)
{
  g_autoptr(JsonNode) operator = pv_sandbox_find_resource (server, "operators",
                                       pv_sandbox_object_string (number, "operatorId"));
  int model;

  return operator != NULL &&
         pv_enum_from_nick (PV_TYPE_EMERGENCY_MODEL,
                            pv_sandbox_object_string (json_node_get_object (operator),
                                                      "emergencyAddressModel"), &model) &&
         model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED;
}

static void
update_number (PvSandboxServer        *server,
               const PvSandboxRequest *request,
               PvSandboxResponse      *response)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) number = NULL;
  g_autoptr(JsonNode) address = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  JsonObject *number_object;
  const char *telephone;
  const char *location;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  telephone = pv_sandbox_object_string (body, "telephoneNumber");
  location = pv_sandbox_object_string (body, "locationId");
  if (telephone == NULL || location == NULL)
    {
      pv_sandbox_fail (response, request, 400, "BadRequest",
                       "telephoneNumber and locationId are required.");
      return;
    }
  number = load_number (server, request, response, telephone);
  if (number == NULL)
    return;
  number_object = json_node_get_object (number);
  address = pv_sandbox_find_resource (server, "emergencyAddresses", location);
  if (address == NULL)
    {
      pv_sandbox_fail (response, request, 400, "unknownEmergencyAddress",
                       "There is no emergency address '%s'.", location);
      return;
    }
  if (locked_by_operator (server, number_object))
    {
      pv_sandbox_fail (response, request, 403, "emergencyAddressLocked",
                       "The operator of %s assigns and locks its emergency address; only the "
                       "operator can change it.", telephone);
      return;
    }
  json_object_set_string_member (number_object, "locationId", location);
  if (!pv_sandbox_store_put_resource (pv_sandbox_server_get_store (server), "phoneNumbers",
                                      telephone, number, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  pv_sandbox_respond (response, 200, json_node_ref (number));
}

static void
get_operation (PvSandboxServer        *server,
               const PvSandboxRequest *request,
               PvSandboxResponse      *response,
               const char             *id)
{
  g_autoptr(JsonNode) operation = pv_sandbox_find_resource (server, "operations", id);
  JsonObject *object;
  gint64 completes;
  gint64 now = g_get_real_time () / 1000;

  if (operation == NULL)
    {
      pv_sandbox_fail (response, request, 404, "Request_ResourceNotFound",
                       "Resource '%s' does not exist.", id);
      return;
    }
  object = json_node_get_object (operation);
  completes = json_object_get_int_member_with_default (object, "completesAt", 0);
  json_object_remove_member (object, "completesAt");
  json_object_set_string_member (object, "status", now < completes ? "running" : "succeeded");
  pv_sandbox_respond (response, 200, g_steal_pointer (&operation));
}

gboolean
pv_sandbox_numbers_dispatch (PvSandboxServer        *server,
                             const PvSandboxRequest *request,
                             PvSandboxResponse      *response)
{
  const char *method = request->method;

  if (pv_sandbox_route_is (request, 5, "beta", "admin", "teams", "telephoneNumberManagement",
                           "numberAssignments"))
    {
      if (!g_str_equal (method, "GET"))
        pv_sandbox_fail (response, request, 405, "Request_BadRequest",
                         "The HTTP method '%s' is not allowed for this resource.", method);
      else
        list_numbers (server, request, response);
      return TRUE;
    }
  if (request->n_segments == 6 && g_str_equal (request->segments[4], "numberAssignments"))
    {
      const char *verb = request->segments[5];

      if (!g_str_equal (method, "POST"))
        {
          pv_sandbox_fail (response, request, 405, "Request_BadRequest",
                           "The HTTP method '%s' is not allowed for this resource.", method);
          return TRUE;
        }
      if (g_str_equal (verb, "assignNumber"))
        assign_number (server, request, response);
      else if (g_str_equal (verb, "unassignNumber"))
        unassign_number (server, request, response);
      else if (g_str_equal (verb, "updateNumber"))
        update_number (server, request, response);
      else
        return FALSE;
      return TRUE;
    }
  if (request->n_segments == 6 && g_str_equal (request->segments[4], "operations"))
    {
      if (!g_str_equal (method, "GET"))
        pv_sandbox_fail (response, request, 405, "Request_BadRequest",
                         "The HTTP method '%s' is not allowed for this resource.", method);
      else
        get_operation (server, request, response, request->segments[5]);
      return TRUE;
    }
  return FALSE;
}
