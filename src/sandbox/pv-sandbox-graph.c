/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "provisio-core.h"
#include "pv-sandbox-private.h"

/* The Microsoft Graph subset, shaped as Graph shapes it: the same
 * members, the same paging, the same error codes and messages for what
 * Graph refuses.  Messages stay in English, as Graph's do. */

#define MAX_PAGE_SIZE 999
#define DEFAULT_PAGE_SIZE 100
#define SKIPTOKEN_PREFIX "pv1:"
#define NUMBERS_PATH "/beta/admin/teams/telephoneNumberManagement"

/* What Graph returns for a user without $select. */
static const char * const default_select[] = {
  "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
  "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id", NULL,
};

/* Members a $select may name beyond the stored document; Graph has them,
 * the sandbox keeps them empty. */
static const char * const graph_only[] = {
  "businessPhones", "jobTitle", "mobilePhone", "officeLocation", "preferredLanguage",
  "department", "accountEnabled", NULL,
};

/* Members of the stored user a $select may name (the voice members are
 * the extension's, selectable so that one listing can show them). */
static const char * const stored_members[] = {
  "id", "displayName", "givenName", "surname", "mail", "userPrincipalName",
  "onPremisesSamAccountName", "onPremisesSyncEnabled", "usageLocation",
  "assignedLicenses", "assignedPlans", "sipAddress", "registrarPool",
  "enterpriseVoiceEnabled", "lineUri", "onPremLineUri", "hostedVoiceMail",
  "voiceRoutingPolicy", "teamsUpgradeEffectiveMode", NULL,
};

static const char *
canonical_member (const char *name)
{
  for (guint i = 0; stored_members[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, stored_members[i]) == 0)
      return stored_members[i];
  for (guint i = 0; graph_only[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, graph_only[i]) == 0)
      return graph_only[i];
  return NULL;
}

JsonNode *
pv_sandbox_user_project (JsonNode           *doc,
                         const char * const *select)
{
  JsonObject *source = json_node_get_object (doc);
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  if (select == NULL)
    select = default_select;
  for (guint i = 0; select[i] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (source, select[i]);

      if (member != NULL)
        json_object_set_member (object, select[i], json_node_copy (member));
      else if (g_str_equal (select[i], "businessPhones"))
        json_object_set_array_member (object, select[i], json_array_new ());
      else if (g_str_equal (select[i], "accountEnabled"))
        json_object_set_boolean_member (object, select[i], TRUE);
      else
        json_object_set_null_member (object, select[i]);
    }
  json_node_take_object (root, object);
  return root;
}

/* Parses $select; NULL with no error when absent. */
static gboolean
parse_select (const PvSandboxRequest  *request,
              PvSandboxResponse       *response,
              GStrv                   *select)
{
  const char *text = g_hash_table_lookup (request->query, "$select");
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  *select = NULL;
  if (text == NULL)
    return TRUE;
  names = g_strsplit (text, ",", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      const char *canonical = canonical_member (name);

      if (canonical == NULL)
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Could not find a property named '%s' on type "
                           "'microsoft.graph.user'.", name);
          return FALSE;
        }
      g_strv_builder_add (builder, canonical);
    }
  /* Graph always returns the id. */
  if (!g_strv_contains ((const char * const *) names, "id"))
    g_strv_builder_add (builder, "id");
  *select = g_strv_builder_end (builder);
  return TRUE;
}

/* $filter and $search: a small lexer for what the flows send. */

typedef enum
{
  TOKEN_END,
  TOKEN_WORD,
  TOKEN_STRING,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_COMMA,
  TOKEN_ERROR,
} TokenKind;

typedef struct
{
  const char *p;
  TokenKind   kind;
  char       *text;
} Lexer;

static void
lexer_next (Lexer *lexer)
{
  const char *p = lexer->p;

  g_clear_pointer (&lexer->text, g_free);
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '\0')
    lexer->kind = TOKEN_END;
  else if (*p == '(' || *p == ')' || *p == ',')
    {
      lexer->kind = *p == '(' ? TOKEN_OPEN : *p == ')' ? TOKEN_CLOSE : TOKEN_COMMA;
      p++;
    }
  else if (*p == '\'' || *p == '"')
    {
      /* OData doubles the quote inside a string: 'O''Brien'. */
      char quote = *p++;
      GString *text = g_string_new (NULL);

      lexer->kind = TOKEN_ERROR;
      while (*p != '\0')
        {
          if (*p == quote && p[1] == quote)
            {
              g_string_append_c (text, quote);
              p += 2;
            }
          else if (*p == quote)
            {
              p++;
              lexer->kind = TOKEN_STRING;
              break;
            }
          else
            g_string_append_c (text, *p++);
        }
      lexer->text = g_string_free (text, FALSE);
    }
  else if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
    {
      const char *start = p;

      while (g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.')
        p++;
      lexer->kind = TOKEN_WORD;
      lexer->text = g_strndup (start, (gsize) (p - start));
    }
  else
    lexer->kind = TOKEN_ERROR;
  lexer->p = p;
}

static gboolean
word_is (Lexer      *lexer,
         const char *word)
{
  return lexer->kind == TOKEN_WORD && g_ascii_strcasecmp (lexer->text, word) == 0;
}

static const struct
{
  const char     *name;
  PvSandboxField  field;
  gboolean        starts_with;
  gboolean        equals;
  gboolean        advanced;
} filter_fields[] = {
  { "displayName", PV_SANDBOX_FIELD_DISPLAY_NAME, TRUE, TRUE, FALSE },
  { "givenName", PV_SANDBOX_FIELD_GIVEN_NAME, TRUE, TRUE, FALSE },
  { "surname", PV_SANDBOX_FIELD_SURNAME, TRUE, TRUE, FALSE },
  { "mail", PV_SANDBOX_FIELD_MAIL, TRUE, TRUE, FALSE },
  { "userPrincipalName", PV_SANDBOX_FIELD_USER_PRINCIPAL_NAME, TRUE, TRUE, FALSE },
  { "usageLocation", PV_SANDBOX_FIELD_USAGE_LOCATION, FALSE, TRUE, FALSE },
  /* Graph filters on it only as an advanced query. */
  { "onPremisesSyncEnabled", PV_SANDBOX_FIELD_ON_PREMISES_SYNC_ENABLED, FALSE, TRUE, TRUE },
};

static int
find_filter_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_fields); i++)
    if (g_ascii_strcasecmp (name, filter_fields[i].name) == 0)
      return (int) i;
  return -1;
}

static gboolean
unsupported_property (const PvSandboxRequest *request,
                      PvSandboxResponse      *response,
                      const char             *name)
{
  pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                   "Unsupported or invalid query filter clause specified for property '%s' "
                   "of resource 'User'.", name);
  return FALSE;
}

static gboolean
invalid_filter (const PvSandboxRequest *request,
                PvSandboxResponse      *response)
{
  pv_sandbox_fail (response, request, 400, "BadRequest", "Invalid filter clause");
  return FALSE;
}

static gboolean
is_eventual (const PvSandboxRequest *request)
{
  return request->consistency_level != NULL &&
         g_ascii_strcasecmp (request->consistency_level, "eventual") == 0;
}

static gboolean
parse_filter (const PvSandboxRequest *request,
              PvSandboxResponse      *response,
              const char             *text,
              PvSandboxUserQuery     *query)
{
  Lexer lexer = { text, TOKEN_END, NULL };
  gboolean ok = FALSE;
  int joiner = 0;

  lexer_next (&lexer);
  for (;;)
    {
      PvSandboxClause clause = { 0 };
      g_autofree char *name = NULL;
      int field;

      if (lexer.kind != TOKEN_WORD)
        {
          invalid_filter (request, response);
          break;
        }
      if (word_is (&lexer, "startswith"))
        {
          lexer_next (&lexer);
          if (lexer.kind != TOKEN_OPEN)
            {
              invalid_filter (request, response);
              break;
            }
          lexer_next (&lexer);
          if (lexer.kind != TOKEN_WORD)
            {
              invalid_filter (request, response);
              break;
            }
          name = g_strdup (lexer.text);
          field = find_filter_field (name);
          if (field < 0 || !filter_fields[field].starts_with)
            {
              unsupported_property (request, response, name);
              break;
            }
          lexer_next (&lexer);
          if (lexer.kind != TOKEN_COMMA)
            {
              invalid_filter (request, response);
              break;
            }
          lexer_next (&lexer);
          if (lexer.kind != TOKEN_STRING)
            {
              invalid_filter (request, response);
              break;
            }
          clause.field = filter_fields[field].field;
          clause.match = PV_SANDBOX_MATCH_STARTS_WITH;
          clause.text = g_steal_pointer (&lexer.text);
          lexer_next (&lexer);
          if (lexer.kind != TOKEN_CLOSE)
            {
              g_free (clause.text);
              invalid_filter (request, response);
              break;
            }
        }
      else
        {
          name = g_strdup (lexer.text);
          field = find_filter_field (name);
          lexer_next (&lexer);
          if (!word_is (&lexer, "eq"))
            {
              /* ne, gt, endswith, any…: Graph knows them, the sandbox
               * does not, and says so as Graph does for what it lacks. */
              if (lexer.kind == TOKEN_WORD || lexer.kind == TOKEN_OPEN)
                unsupported_property (request, response, name);
              else
                invalid_filter (request, response);
              break;
            }
          if (field < 0 || !filter_fields[field].equals)
            {
              unsupported_property (request, response, name);
              break;
            }
          if (filter_fields[field].advanced && !is_eventual (request))
            {
              pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                               "Property '%s' can only be filtered with the "
                               "'ConsistencyLevel: eventual' header.",
                               filter_fields[field].name);
              break;
            }
          lexer_next (&lexer);
          clause.field = filter_fields[field].field;
          clause.match = PV_SANDBOX_MATCH_EQUALS;
          if (clause.field == PV_SANDBOX_FIELD_ON_PREMISES_SYNC_ENABLED)
            {
              if (!word_is (&lexer, "true") && !word_is (&lexer, "false"))
                {
                  invalid_filter (request, response);
                  break;
                }
              clause.flag = word_is (&lexer, "true");
            }
          else if (lexer.kind == TOKEN_STRING)
            clause.text = g_steal_pointer (&lexer.text);
          else if (!word_is (&lexer, "null"))
            {
              invalid_filter (request, response);
              break;
            }
        }
      g_array_append_val (query->filter, clause);

      lexer_next (&lexer);
      if (lexer.kind == TOKEN_END)
        {
          ok = TRUE;
          break;
        }
      if (!word_is (&lexer, "and") && !word_is (&lexer, "or"))
        {
          invalid_filter (request, response);
          break;
        }
      /* Mixed and/or would need precedence and parentheses; the flows
       * never send them. */
      if (joiner != 0 && joiner != (word_is (&lexer, "or") ? 2 : 1))
        {
          pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                           "The sandbox does not combine 'and' with 'or' in one filter.");
          break;
        }
      joiner = word_is (&lexer, "or") ? 2 : 1;
      lexer_next (&lexer);
    }

  query->filter_any = joiner == 2;
  g_free (lexer.text);
  return ok;
}

static gboolean
invalid_search (const PvSandboxRequest *request,
                PvSandboxResponse      *response)
{
  pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                   "Invalid $search query. Use \"property:value\" terms, joined by OR or AND.");
  return FALSE;
}

static gboolean
parse_search (const PvSandboxRequest *request,
              PvSandboxResponse      *response,
              const char             *text,
              PvSandboxUserQuery     *query)
{
  Lexer lexer = { text, TOKEN_END, NULL };
  gboolean ok = FALSE;
  int joiner = 0;

  lexer_next (&lexer);
  for (;;)
    {
      PvSandboxClause clause = { 0 };
      const char *colon;
      g_autofree char *name = NULL;
      int field;

      if (lexer.kind != TOKEN_STRING || (colon = strchr (lexer.text, ':')) == NULL)
        {
          invalid_search (request, response);
          break;
        }
      name = g_strndup (lexer.text, (gsize) (colon - lexer.text));
      field = find_filter_field (name);
      if (field < 0 || !filter_fields[field].starts_with || colon[1] == '\0')
        {
          invalid_search (request, response);
          break;
        }
      clause.field = filter_fields[field].field;
      clause.match = PV_SANDBOX_MATCH_CONTAINS;
      clause.text = g_strdup (colon + 1);
      g_array_append_val (query->search, clause);

      lexer_next (&lexer);
      if (lexer.kind == TOKEN_END)
        {
          ok = TRUE;
          break;
        }
      if ((!word_is (&lexer, "OR") && !word_is (&lexer, "AND")) ||
          (joiner != 0 && joiner != (word_is (&lexer, "OR") ? 2 : 1)))
        {
          invalid_search (request, response);
          break;
        }
      joiner = word_is (&lexer, "OR") ? 2 : 1;
      lexer_next (&lexer);
    }
  query->search_any = joiner == 2;
  g_free (lexer.text);
  return ok;
}

static char *
encode_skiptoken (gint64 after)
{
  g_autofree char *plain = g_strdup_printf (SKIPTOKEN_PREFIX "%" G_GINT64_FORMAT, after);
  char *token = g_base64_encode ((const guchar *) plain, strlen (plain));

  /* URL-safe, without padding, as opaque as Graph's. */
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

static gboolean
decode_skiptoken (const char *token,
                  gint64     *after)
{
  g_autoptr(GString) padded = g_string_new (token);
  g_autofree guchar *plain = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint64 value;

  if (padded->len == 0 || padded->len > 64)
    return FALSE;
  for (char *p = padded->str; *p != '\0'; p++)
    {
      if (*p == '-')
        *p = '+';
      else if (*p == '_')
        *p = '/';
      else if (!g_ascii_isalnum (*p))
        return FALSE;
    }
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  plain = g_base64_decode (padded->str, &length);
  text = g_strndup ((const char *) plain, length);
  if (!g_str_has_prefix (text, SKIPTOKEN_PREFIX) ||
      !g_ascii_string_to_unsigned (text + strlen (SKIPTOKEN_PREFIX), 10, 0, G_MAXINT64,
                                   &value, NULL))
    return FALSE;
  *after = (gint64) value;
  return TRUE;
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (url, "%s%s=%s", url->str[url->len - 1] == '?' ? "" : "&",
                          name, escaped);
}

static const char * const list_options[] = {
  "$select", "$top", "$filter", "$search", "$count", "$skiptoken", NULL,
};

static void
list_users (PvSandboxServer        *server,
            const PvSandboxRequest *request,
            PvSandboxResponse      *response)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(PvSandboxUserQuery) query = pv_sandbox_user_query_new ();
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) select = NULL;
  GHashTableIter iter;
  gpointer key;
  const char *text;
  guint64 top = DEFAULT_PAGE_SIZE;
  gint64 after = 0;
  gint64 last_seq = 0;
  gboolean more = FALSE;
  gboolean count = FALSE;
  JsonObject *object;
  JsonArray *value;
  JsonNode *root;

  g_hash_table_iter_init (&iter, request->query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (((const char *) key)[0] == '$' && !g_strv_contains (list_options, key))
      {
        pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                         "Query option '%s' is not supported.", (const char *) key);
        return;
      }

  text = g_hash_table_lookup (request->query, "$top");
  if (text != NULL &&
      !g_ascii_string_to_unsigned (text, 10, 1, MAX_PAGE_SIZE, &top, NULL))
    {
      pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                       "Invalid page size specified: '%s'. Must be between 1 and %d inclusive.",
                       text, MAX_PAGE_SIZE);
      return;
    }

  if (!parse_select (request, response, &select))
    return;

  text = g_hash_table_lookup (request->query, "$count");
  if (text != NULL)
    {
      if (g_strcmp0 (text, "true") != 0 && g_strcmp0 (text, "false") != 0)
        {
          pv_sandbox_fail (response, request, 400, "BadRequest",
                           "Invalid value '%s' for $count.", text);
          return;
        }
      count = g_str_equal (text, "true");
      if (count && !is_eventual (request))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "$count is only supported with the 'ConsistencyLevel: eventual' "
                           "header.");
          return;
        }
    }

  text = g_hash_table_lookup (request->query, "$filter");
  if (text != NULL && !parse_filter (request, response, text, query))
    return;

  text = g_hash_table_lookup (request->query, "$search");
  if (text != NULL)
    {
      if (!is_eventual (request))
        {
          pv_sandbox_fail (response, request, 400, "Request_UnsupportedQuery",
                           "Request with $search query parameter only works through MSGraph "
                           "with a special request header: 'ConsistencyLevel: eventual'");
          return;
        }
      if (!parse_search (request, response, text, query))
        return;
    }

  text = g_hash_table_lookup (request->query, "$skiptoken");
  if (text != NULL && !decode_skiptoken (text, &after))
    {
      pv_sandbox_fail (response, request, 400, "Directory_InvalidPageToken",
                       "The specified page token value has expired or is invalid.");
      return;
    }

  users = pv_sandbox_store_query_users (store, query, after, (guint) top, &last_seq, &more,
                                        &error);
  if (users == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "@odata.context",
                                 "https://graph.microsoft.com/v1.0/$metadata#users");
  /* Graph counts on the first page only. */
  if (count && after == 0)
    {
      gint64 total = pv_sandbox_store_count_users (store, query, &error);

      if (total < 0)
        {
          json_object_unref (object);
          pv_sandbox_fail_store (response, request, error);
          return;
        }
      json_object_set_int_member (object, "@odata.count", total);
    }
  if (more)
    {
      g_autoptr(GString) url = g_string_new (pv_sandbox_server_get_base_url (server));
      g_autofree char *token = encode_skiptoken (last_seq);
      g_autofree char *top_text = g_strdup_printf ("%" G_GUINT64_FORMAT, top);

      g_string_append (url, "/v1.0/users?");
      append_param (url, "$select", g_hash_table_lookup (request->query, "$select"));
      append_param (url, "$filter", g_hash_table_lookup (request->query, "$filter"));
      append_param (url, "$search", g_hash_table_lookup (request->query, "$search"));
      append_param (url, "$top", top_text);
      append_param (url, "$skiptoken", token);
      json_object_set_string_member (object, "@odata.nextLink", url->str);
    }
  value = json_array_sized_new (users->len);
  for (guint i = 0; i < users->len; i++)
    json_array_add_element (value,
                            pv_sandbox_user_project (g_ptr_array_index (users, i),
                                                     (const char * const *) select));
  json_object_set_array_member (object, "value", value);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  pv_sandbox_respond (response, 200, root);
}

static void
get_user (PvSandboxServer        *server,
          const PvSandboxRequest *request,
          PvSandboxResponse      *response,
          const char             *id)
{
  g_autoptr(JsonNode) doc = NULL;
  g_auto(GStrv) select = NULL;
  JsonNode *root;

  if (!parse_select (request, response, &select))
    return;
  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  root = pv_sandbox_user_project (doc, (const char * const *) select);
  json_object_set_string_member (json_node_get_object (root), "@odata.context",
                                 "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
  pv_sandbox_respond (response, 200, root);
}

static gboolean
is_country_code (const char *text)
{
  return text != NULL && strlen (text) == 2 &&
         g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]);
}

/* Writes the user in a transaction of its own. */
static gboolean
save_user (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response,
           JsonNode               *doc)
{
  g_autoptr(GError) error = NULL;

  if (!pv_sandbox_store_put_user (pv_sandbox_server_get_store (server), doc, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return FALSE;
    }
  return TRUE;
}

static void
patch_user (PvSandboxServer        *server,
            const PvSandboxRequest *request,
            PvSandboxResponse      *response,
            const char             *id)
{
  static const char * const writable[] = {
    "usageLocation", "displayName", "givenName", "surname", "mail", NULL,
  };
  static const char * const mastered[] = {
    "displayName", "givenName", "surname", "mail", NULL,
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *body;
  JsonObject *user;
  gboolean synced;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);
  synced = json_object_get_boolean_member_with_default (user, "onPremisesSyncEnabled", FALSE);

  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (body, name);
      const char *canonical = canonical_member (name);

      if (canonical == NULL || !g_str_equal (canonical, name))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Property '%s' does not exist as a declared property or extension "
                           "property.", name);
          return;
        }
      if (!g_strv_contains (writable, name))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Property '%s' is read-only and cannot be set.", name);
          return;
        }
      if (!JSON_NODE_HOLDS_NULL (value) &&
          (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Invalid value specified for property '%s' of resource 'User'.", name);
          return;
        }
      if (g_str_equal (name, "usageLocation") && !JSON_NODE_HOLDS_NULL (value) &&
          !is_country_code (json_node_get_string (value)))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Invalid value specified for property 'usageLocation' of resource "
                           "'User'.");
          return;
        }
      if (synced && g_strv_contains (mastered, name))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "Unable to update the specified properties for on-premises mastered "
                           "Directory Sync objects or objects currently undergoing migration.");
          return;
        }
    }

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (user, l->data,
                            json_node_copy (json_object_get_member (body, l->data)));
  if (!save_user (server, request, response, doc))
    return;
  pv_sandbox_respond (response, 204, NULL);
}

static JsonNode *
find_sku (GPtrArray  *skus,
          const char *sku_id)
{
  for (guint i = 0; i < skus->len; i++)
    {
      JsonObject *sku = json_node_get_object (g_ptr_array_index (skus, i));

      if (g_strcmp0 (pv_sandbox_object_string (sku, "skuId"), sku_id) == 0)
        return g_ptr_array_index (skus, i);
    }
  return NULL;
}

static gboolean
has_licence (JsonObject *user,
             const char *sku_id)
{
  JsonArray *licences = json_object_get_array_member (user, "assignedLicenses");

  for (guint i = 0; licences != NULL && i < json_array_get_length (licences); i++)
    {
      JsonNode *node = json_array_get_element (licences, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (pv_sandbox_object_string (json_node_get_object (node), "skuId"),
                     sku_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Rebuilds assignedPlans from the licences, as the directory does. */
static void
rebuild_plans (JsonObject *user,
               GPtrArray  *skus)
{
  JsonArray *licences = json_object_get_array_member (user, "assignedLicenses");
  JsonArray *plans = json_array_new ();

  for (guint i = 0; licences != NULL && i < json_array_get_length (licences); i++)
    {
      JsonObject *licence = json_array_get_object_element (licences, i);
      JsonNode *sku = find_sku (skus, pv_sandbox_object_string (licence, "skuId"));
      JsonArray *disabled = json_object_get_array_member (licence, "disabledPlans");
      JsonArray *service_plans;

      if (sku == NULL)
        continue;
      service_plans = json_object_get_array_member (json_node_get_object (sku), "servicePlans");
      for (guint j = 0; service_plans != NULL && j < json_array_get_length (service_plans); j++)
        {
          JsonObject *plan = json_array_get_object_element (service_plans, j);
          const char *plan_id = pv_sandbox_object_string (plan, "servicePlanId");
          JsonObject *assigned;
          gboolean off = FALSE;

          for (guint k = 0; disabled != NULL && k < json_array_get_length (disabled); k++)
            off = off || g_strcmp0 (json_array_get_string_element (disabled, k), plan_id) == 0;
          if (off || plan_id == NULL)
            continue;
          assigned = json_object_new ();
          json_object_set_string_member (assigned, "servicePlanId", plan_id);
          json_object_set_string_member (assigned, "service",
                                         pv_sandbox_object_string (plan, "servicePlanName"));
          json_object_set_string_member (assigned, "capabilityStatus", "Enabled");
          json_array_add_object_element (plans, assigned);
        }
    }
  json_object_set_array_member (user, "assignedPlans", plans);
}

static void
adjust_consumed (JsonNode *sku,
                 int       delta)
{
  JsonObject *object = json_node_get_object (sku);

  json_object_set_int_member (object, "consumedUnits",
                              json_object_get_int_member_with_default (object, "consumedUnits", 0)
                              + delta);
}

static void
assign_licence (PvSandboxServer        *server,
                const PvSandboxRequest *request,
                PvSandboxResponse      *response,
                const char             *id)
{
  PvSandboxStore *store = pv_sandbox_server_get_store (server);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GPtrArray) skus = NULL;
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  JsonObject *user;
  JsonNode *add;
  JsonNode *remove;
  JsonArray *licences;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  add = json_object_get_member (body, "addLicenses");
  remove = json_object_get_member (body, "removeLicenses");
  if (add == NULL || !JSON_NODE_HOLDS_ARRAY (add) || !pv_sandbox_is_string_array (remove))
    {
      pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                       "Invalid request: addLicenses (an array of objects) and removeLicenses "
                       "(an array of SKU ids) are both required.");
      return;
    }
  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);
  if (pv_sandbox_object_string (user, "usageLocation") == NULL)
    {
      pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                       "License assignment cannot be done for user with invalid usage "
                       "location.");
      return;
    }
  skus = pv_sandbox_store_list_resources (store, "subscribedSkus", &error);
  if (skus == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }

  licences = json_object_get_array_member (user, "assignedLicenses");
  if (licences == NULL)
    {
      json_object_set_array_member (user, "assignedLicenses", json_array_new ());
      licences = json_object_get_array_member (user, "assignedLicenses");
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (remove)); i++)
    {
      const char *sku_id = json_array_get_string_element (json_node_get_array (remove), i);
      JsonArray *kept = json_array_new ();
      JsonNode *sku = find_sku (skus, sku_id);

      if (!has_licence (user, sku_id) || sku == NULL)
        {
          json_array_unref (kept);
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "User does not have a corresponding license for '%s'.", sku_id);
          return;
        }
      for (guint j = 0; j < json_array_get_length (licences); j++)
        {
          JsonObject *licence = json_array_get_object_element (licences, j);

          if (g_strcmp0 (pv_sandbox_object_string (licence, "skuId"), sku_id) != 0)
            json_array_add_element (kept, json_node_copy (json_array_get_element (licences, j)));
        }
      json_object_set_array_member (user, "assignedLicenses", kept);
      licences = kept;
      adjust_consumed (sku, -1);
      g_ptr_array_add (touched, sku);
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (add)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (add), i);
      JsonObject *licence = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *sku_id = pv_sandbox_object_string (licence, "skuId");
      JsonNode *disabled = licence != NULL ? json_object_get_member (licence, "disabledPlans")
                                           : NULL;
      JsonNode *sku = sku_id != NULL ? find_sku (skus, sku_id) : NULL;
      JsonObject *entry;
      JsonObject *sku_object;
      gint64 enabled;

      if (sku == NULL || (disabled != NULL && !JSON_NODE_HOLDS_NULL (disabled) &&
                          !pv_sandbox_is_string_array (disabled)))
        {
          pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                           "License %s does not correspond to a valid company License.",
                           sku_id != NULL ? sku_id : "(none)");
          return;
        }
      sku_object = json_node_get_object (sku);
      enabled = 0;
      if (json_object_has_member (sku_object, "prepaidUnits"))
        enabled = json_object_get_int_member_with_default (
          json_object_get_object_member (sku_object, "prepaidUnits"), "enabled", 0);
      if (has_licence (user, sku_id))
        {
          /* Graph replaces the disabled plans of a licence already held. */
          JsonArray *kept = json_array_new ();

          for (guint j = 0; j < json_array_get_length (licences); j++)
            if (g_strcmp0 (pv_sandbox_object_string (json_array_get_object_element (licences, j),
                                                     "skuId"), sku_id) != 0)
              json_array_add_element (kept, json_node_copy (json_array_get_element (licences, j)));
          json_object_set_array_member (user, "assignedLicenses", kept);
          licences = kept;
        }
      else
        {
          if (json_object_get_int_member_with_default (sku_object, "consumedUnits", 0) >= enabled)
            {
              pv_sandbox_fail (response, request, 400, "Request_BadRequest",
                               "Subscription for license %s has no available units.", sku_id);
              return;
            }
          adjust_consumed (sku, 1);
          g_ptr_array_add (touched, sku);
        }
      entry = json_object_new ();
      json_object_set_string_member (entry, "skuId", sku_id);
      if (disabled != NULL && JSON_NODE_HOLDS_ARRAY (disabled))
        json_object_set_member (entry, "disabledPlans", json_node_copy (disabled));
      else
        json_object_set_array_member (entry, "disabledPlans", json_array_new ());
      json_array_add_object_element (licences, entry);
    }

  rebuild_plans (user, skus);

  if (!pv_sandbox_store_begin (store, &error))
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  for (guint i = 0; i < touched->len; i++)
    {
      JsonNode *sku = g_ptr_array_index (touched, i);

      if (!pv_sandbox_store_put_resource (store, "subscribedSkus",
                                          pv_sandbox_object_string (json_node_get_object (sku),
                                                                    "skuId"),
                                          sku, &error))
        break;
    }
  if (error == NULL)
    pv_sandbox_store_put_user (store, doc, &error);
  if (error == NULL)
    pv_sandbox_store_commit (store, &error);
  if (error != NULL)
    {
      pv_sandbox_store_rollback (store);
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  pv_sandbox_respond (response, 200, pv_sandbox_user_project (doc, NULL));
}

static void
get_singleton (PvSandboxServer        *server,
               const PvSandboxRequest *request,
               PvSandboxResponse      *response,
               const char             *name,
               gboolean                as_list)
{
  g_autoptr(GError) error = NULL;
  JsonNode *doc = pv_sandbox_store_get_resource (pv_sandbox_server_get_store (server),
                                                 "singletons", name, &error);

  if (doc == NULL)
    {
      pv_sandbox_fail_store (response, request, error);
      return;
    }
  if (as_list)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

      g_ptr_array_add (items, doc);
      pv_sandbox_respond (response, 200, pv_sandbox_value_list (items));
      return;
    }
  pv_sandbox_respond (response, 200, doc);
}

static gboolean
method_not_allowed (const PvSandboxRequest *request,
                    PvSandboxResponse      *response)
{
  pv_sandbox_fail (response, request, 405, "Request_BadRequest",
                   "The HTTP method '%s' is not allowed for this resource.", request->method);
  return TRUE;
}

gboolean pv_sandbox_numbers_dispatch (PvSandboxServer        *server,
                                      const PvSandboxRequest *request,
                                      PvSandboxResponse      *response);

gboolean
pv_sandbox_graph_dispatch (PvSandboxServer        *server,
                           const PvSandboxRequest *request,
                           PvSandboxResponse      *response)
{
  const char *method = request->method;
  gboolean v1 = g_str_equal (request->segments[0], "v1.0");

  if (!v1 && request->n_segments >= 5 && g_str_equal (request->segments[1], "admin") &&
      g_str_equal (request->segments[2], "teams") &&
      g_str_equal (request->segments[3], "telephoneNumberManagement"))
    return pv_sandbox_numbers_dispatch (server, request, response);

  if (pv_sandbox_route_is (request, 2, "*", "users"))
    {
      if (!g_str_equal (method, "GET"))
        return method_not_allowed (request, response);
      list_users (server, request, response);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 3, "*", "users", "*"))
    {
      if (g_str_equal (method, "GET"))
        get_user (server, request, response, request->segments[2]);
      else if (g_str_equal (method, "PATCH"))
        patch_user (server, request, response, request->segments[2]);
      else
        method_not_allowed (request, response);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 4, "*", "users", "*", "assignLicense"))
    {
      if (!g_str_equal (method, "POST"))
        return method_not_allowed (request, response);
      assign_licence (server, request, response, request->segments[2]);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 2, "*", "organization"))
    {
      if (!g_str_equal (method, "GET"))
        return method_not_allowed (request, response);
      get_singleton (server, request, response, "organization", TRUE);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 2, "*", "me"))
    {
      if (!g_str_equal (method, "GET"))
        return method_not_allowed (request, response);
      get_singleton (server, request, response, "me", FALSE);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 2, "*", "subscribedSkus"))
    {
      if (!g_str_equal (method, "GET"))
        return method_not_allowed (request, response);
      pv_sandbox_list_resources (server, request, response, "subscribedSkus");
      return TRUE;
    }
  return FALSE;
}
