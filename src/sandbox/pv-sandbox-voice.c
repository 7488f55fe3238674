/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "provisio-core.h"
#include "pv-sandbox-private.h"

/* The extension API for what Graph lacks: on-premises pools and the
 * actions of Enable-CsUser, Set-CsUser, Grant-CsVoiceRoutingPolicy and
 * Move-CsUser.  Addresses come from the core SIP engine, so the sandbox
 * and the client compute the same address for the same person.  Every
 * refusal has its own code (docs/api.md lists them). */

#define ONLINE_TARGET "sipfed.online.lync.com"

static const char * const voice_members[] = {
  "id", "userPrincipalName", "onPremisesSyncEnabled", "sipAddress", "registrarPool",
  "enterpriseVoiceEnabled", "lineUri", "onPremLineUri", "hostedVoiceMail",
  "voiceRoutingPolicy", "teamsUpgradeEffectiveMode", NULL,
};

static gboolean
save_user (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response,
           JsonNode               *doc)
{
  g_autoptr(GError) error = NULL;

  if (!pv_sandbox_store_put_user (pv_sandbox_server_get_store (server), doc, &error))
    {
      if (g_error_matches (error, PV_SANDBOX_STORE_ERROR, PV_SANDBOX_STORE_ERROR_CONSTRAINT))
        pv_sandbox_fail (response, request, 409, "sipAddressInUse",
                         "The SIP address is already held by another user.");
      else
        pv_sandbox_fail_store (response, request, error);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
voice_view (JsonNode *doc)
{
  return pv_sandbox_user_project (doc, voice_members);
}

/* {"status": "done"|"alreadyDone", "user": {…voice…}} */
static JsonNode *
action_result (PvResultStatus  status,
               JsonNode       *doc)
{
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "status",
                                 pv_enum_to_nick (PV_TYPE_RESULT_STATUS, status));
  json_object_set_member (object, "user", voice_view (doc));
  json_node_take_object (root, object);
  return root;
}

static JsonNode *
find_resource (PvSandboxServer *server,
               const char      *kind,
               const char      *id)
{
  if (id == NULL)
    return NULL;
  return pv_sandbox_store_get_resource (pv_sandbox_server_get_store (server), kind, id, NULL);
}

static GStrv
sip_domain_names (PvSandboxServer *server)
{
  g_autoptr(GPtrArray) domains =
    pv_sandbox_store_list_resources (pv_sandbox_server_get_store (server), "sipDomains", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; domains != NULL && i < domains->len; i++)
    g_strv_builder_add (builder,
                        pv_sandbox_object_string (json_node_get_object (g_ptr_array_index (domains, i)),
                                                  "name"));
  return g_strv_builder_end (builder);
}

static const char *
sip_error_code (const GError *error)
{
  static const char * const codes[] = {
    [PV_SIP_ERROR_NO_EMAIL] = "userHasNoEmail",
    [PV_SIP_ERROR_NO_UPN] = "userHasNoUserPrincipalName",
    [PV_SIP_ERROR_NO_GIVEN_NAME] = "userHasNoGivenName",
    [PV_SIP_ERROR_NO_SURNAME] = "userHasNoSurname",
    [PV_SIP_ERROR_NO_NAMES] = "userHasNoNames",
    [PV_SIP_ERROR_NO_SAM] = "userHasNoSamAccountName",
    [PV_SIP_ERROR_NOTHING_USABLE] = "noUsableSipAddress",
    [PV_SIP_ERROR_NO_DOMAIN] = "sipDomainRequired",
    [PV_SIP_ERROR_UNKNOWN_DOMAIN] = "notSipDomain",
    [PV_SIP_ERROR_INVALID_ADDRESS] = "invalidSipAddress",
    [PV_SIP_ERROR_REFUSED_CHARACTER] = "invalidSipAddress",
    [PV_SIP_ERROR_TOO_LONG] = "invalidSipAddress",
    [PV_SIP_ERROR_DUPLICATE] = "sipAddressInUse",
  };

  if (error != NULL && error->domain == PV_SIP_ERROR &&
      error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (codes))
    return codes[error->code];
  return "noUsableSipAddress";
}

/* English, as every message of the API; the engine's own are translated
 * for the people using the app. */
static const char *
sip_error_message (const char *code)
{
  static const struct { const char *code; const char *message; } messages[] = {
    { "userHasNoEmail", "The user has no e-mail address to build a SIP address from." },
    { "userHasNoUserPrincipalName", "The user has no userPrincipalName." },
    { "userHasNoGivenName", "The user has no first name for the FirstLastName format." },
    { "userHasNoSurname", "The user has no last name for the FirstLastName format." },
    { "userHasNoNames", "The user has neither a first nor a last name." },
    { "userHasNoSamAccountName", "The user has no SAM account name." },
    { "sipDomainRequired", "This SIP address type needs a SIP domain." },
    { "notSipDomain", "The domain is not one of the deployment's SIP domains." },
    { "invalidSipAddress", "The SIP address is not valid (RFC 3261 characters, at most 454 "
                           "characters, no reserved character such as '&')." },
    { "sipAddressInUse", "The SIP address is already held by another user." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (g_str_equal (messages[i].code, code))
      return messages[i].message;
  return "No SIP address can be built for this user.";
}

static gboolean
parse_sip_format (const char  *text,
                  PvSipFormat *format)
{
  /* The PowerShell names, and the core's wire nicks. */
  static const struct { const char *name; PvSipFormat format; } names[] = {
    { "EmailAddress", PV_SIP_FORMAT_EMAIL },
    { "UserPrincipalName", PV_SIP_FORMAT_UPN },
    { "FirstLastName", PV_SIP_FORMAT_FIRST_LAST },
    { "SamAccountName", PV_SIP_FORMAT_SAM },
  };
  int value;

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  if (pv_enum_from_nick (PV_TYPE_SIP_FORMAT, text, &value))
    {
      *format = (PvSipFormat) value;
      return TRUE;
    }
  return FALSE;
}

static gboolean
string_or_absent (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
}

static void
enable_user (PvSandboxServer        *server,
             const PvSandboxRequest *request,
             PvSandboxResponse      *response,
             const char             *id)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) pool = NULL;
  g_autoptr(PvSipEngine) engine = NULL;
  g_autoptr(PvSipResult) result = NULL;
  g_auto(GStrv) domains = NULL;
  g_autofree char *owner = NULL;
  JsonObject *body;
  JsonObject *user;
  const char *pool_fqdn;
  const char *type_text;
  const char *explicit_address;
  const char *domain;
  const char *current;
  PvSipFormat format = PV_SIP_FORMAT_EMAIL;
  PvSipPerson person = { 0 };
  int kind;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  if (!string_or_absent (body, "registrarPool") || !string_or_absent (body, "sipAddressType") ||
      !string_or_absent (body, "sipDomain") || !string_or_absent (body, "sipAddress"))
    {
      pv_sandbox_fail (response, request, 400, "invalidRequest",
                       "registrarPool, sipAddressType, sipDomain and sipAddress are strings.");
      return;
    }
  pool_fqdn = pv_sandbox_object_string (body, "registrarPool");
  type_text = pv_sandbox_object_string (body, "sipAddressType");
  explicit_address = pv_sandbox_object_string (body, "sipAddress");
  domain = pv_sandbox_object_string (body, "sipDomain");

  if (pool_fqdn == NULL || *pool_fqdn == '\0')
    {
      pv_sandbox_fail (response, request, 400, "invalidRequest",
                       "registrarPool is required.");
      return;
    }
  if ((type_text == NULL) == (explicit_address == NULL))
    {
      pv_sandbox_fail (response, request, 400, "invalidRequest",
                       "Give either sipAddressType (with sipDomain where it needs one) or "
                       "sipAddress, not both.");
      return;
    }
  if (type_text != NULL && !parse_sip_format (type_text, &format))
    {
      pv_sandbox_fail (response, request, 400, "invalidSipAddressType",
                       "Unknown sipAddressType '%s': use EmailAddress, UserPrincipalName, "
                       "FirstLastName or SamAccountName.", type_text);
      return;
    }
  if (type_text != NULL && pv_sip_format_needs_domain (format) &&
      (domain == NULL || *domain == '\0'))
    {
      pv_sandbox_fail (response, request, 400, "sipDomainRequired",
                       "sipAddressType '%s' needs a sipDomain.", type_text);
      return;
    }

  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);

  pool = find_resource (server, "pools", pool_fqdn);
  if (pool == NULL)
    {
      pv_sandbox_fail (response, request, 400, "unknownPool",
                       "'%s' is not a Standard Edition server or Enterprise pool of the "
                       "topology.", pool_fqdn);
      return;
    }
  if (pv_enum_from_nick (PV_TYPE_POOL_KIND,
                         pv_sandbox_object_string (json_node_get_object (pool), "kind"), &kind) &&
      kind == PV_POOL_KIND_DIRECTOR)
    {
      pv_sandbox_fail (response, request, 400, "poolIsDirector",
                       "'%s' is a Director: users are homed on a Standard Edition server or an "
                       "Enterprise pool.", pool_fqdn);
      return;
    }
  if (!json_object_get_boolean_member_with_default (user, "onPremisesSyncEnabled", FALSE))
    {
      pv_sandbox_fail (response, request, 409, "userNotSynchronised",
                       "The user is a cloud-only account: only users synchronised from the "
                       "on-premises directory can be enabled for a pool.");
      return;
    }

  domains = sip_domain_names (server);
  engine = pv_sip_engine_new ();
  pv_sip_engine_set_domains (engine, (const char * const *) domains);
  current = pv_sandbox_object_string (user, "sipAddress");

  person.id = pv_sandbox_object_string (user, "id");
  person.display_name = pv_sandbox_object_string (user, "displayName");
  person.given_name = pv_sandbox_object_string (user, "givenName");
  person.surname = pv_sandbox_object_string (user, "surname");
  person.mail = pv_sandbox_object_string (user, "mail");
  person.user_principal_name = pv_sandbox_object_string (user, "userPrincipalName");
  person.sam_account_name = pv_sandbox_object_string (user, "onPremisesSamAccountName");
  person.explicit_address = explicit_address;
  person.current_address = current;

  result = pv_sip_engine_address_for (engine, format, domain, &person);
  /* Someone enabled already is refused as such, whatever else is wrong
   * with the request. */
  if (result->status == PV_SIP_STATUS_PROBLEM && current != NULL)
    {
      pv_sandbox_fail (response, request, 409, "userAlreadyEnabled",
                       "The user is already enabled as %s on %s.", current,
                       pv_sandbox_object_string (user, "registrarPool") != NULL
                       ? pv_sandbox_object_string (user, "registrarPool") : "another pool");
      return;
    }
  if (result->status == PV_SIP_STATUS_PROBLEM)
    {
      const char *code = sip_error_code (result->problem);
      guint status = g_str_equal (code, "notSipDomain") ||
                     g_str_equal (code, "sipDomainRequired") ||
                     g_str_equal (code, "invalidSipAddress") ? 400 : 422;

      pv_sandbox_fail (response, request, status, code, "%s", sip_error_message (code));
      return;
    }

  if (current != NULL)
    {
      /* The same pool and address: the enable already took effect. */
      if (g_strcmp0 (pv_sandbox_object_string (user, "registrarPool"), pool_fqdn) == 0 &&
          g_ascii_strcasecmp (current, result->address) == 0)
        {
          pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_ALREADY_DONE, doc));
          return;
        }
      pv_sandbox_fail (response, request, 409, "userAlreadyEnabled",
                       "The user is already enabled as %s on %s.", current,
                       pv_sandbox_object_string (user, "registrarPool") != NULL
                       ? pv_sandbox_object_string (user, "registrarPool") : "another pool");
      return;
    }

  owner = pv_sandbox_store_find_sip_owner (pv_sandbox_server_get_store (server), result->address);
  if (owner != NULL && g_strcmp0 (owner, person.id) != 0)
    {
      pv_sandbox_fail (response, request, 409, "sipAddressInUse",
                       "%s is already held by another user.", result->address);
      return;
    }

  json_object_set_string_member (user, "sipAddress", result->address);
  json_object_set_string_member (user, "registrarPool", pool_fqdn);
  if (!save_user (server, request, response, doc))
    return;
  pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_DONE, doc));
}

static gboolean
require_enabled (const PvSandboxRequest *request,
                 PvSandboxResponse      *response,
                 JsonObject             *user)
{
  if (pv_sandbox_object_string (user, "sipAddress") != NULL)
    return TRUE;
  pv_sandbox_fail (response, request, 409, "userNotEnabled",
                   "The user is not enabled for a pool yet (Enable-CsUser first).");
  return FALSE;
}

static gboolean
homed_on_premises (JsonObject *user)
{
  const char *pool = pv_sandbox_object_string (user, "registrarPool");

  return pool != NULL && g_strcmp0 (pool, ONLINE_TARGET) != 0;
}

static void
set_voice (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response,
           const char             *id)
{
  static const char * const members[] = {
    "enterpriseVoiceEnabled", "lineUri", "hostedVoiceMail", NULL,
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *body;
  JsonObject *user;
  gboolean changed = FALSE;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  names = json_object_get_members (body);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (body, l->data);
      gboolean is_line = g_str_equal (l->data, "lineUri");

      if (!g_strv_contains (members, l->data))
        {
          pv_sandbox_fail (response, request, 400, "invalidRequest",
                           "'%s' cannot be set here: use enterpriseVoiceEnabled, lineUri or "
                           "hostedVoiceMail.", (const char *) l->data);
          return;
        }
      if (is_line ? !(JSON_NODE_HOLDS_NULL (value) ||
                      (JSON_NODE_HOLDS_VALUE (value) &&
                       json_node_get_value_type (value) == G_TYPE_STRING))
                  : !(JSON_NODE_HOLDS_VALUE (value) &&
                      json_node_get_value_type (value) == G_TYPE_BOOLEAN))
        {
          pv_sandbox_fail (response, request, 400, "invalidRequest",
                           "'%s' has the wrong type.", (const char *) l->data);
          return;
        }
      if (is_line && !JSON_NODE_HOLDS_NULL (value) &&
          !pv_validate_line_uri (json_node_get_string (value), NULL))
        {
          pv_sandbox_fail (response, request, 400, "invalidLineUri",
                           "'%s' is not a line URI such as tel:+14255551297 or "
                           "tel:+14255551297;ext=51297.", json_node_get_string (value));
          return;
        }
    }

  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);
  if (!require_enabled (request, response, user))
    return;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (body, l->data);
      JsonNode *old = json_object_get_member (user, l->data);

      if (old == NULL || !json_node_equal (old, value))
        changed = TRUE;
      json_object_set_member (user, l->data, json_node_copy (value));

      /* Set-CsUser runs on-premises for a user homed there, and the
       * directory synchronisation carries the line URI to Teams as
       * OnPremLineURI; the sandbox synchronises at once. */
      if (g_str_equal (l->data, "lineUri") && homed_on_premises (user))
        {
          JsonNode *synced = json_object_get_member (user, "onPremLineUri");

          if (synced == NULL || !json_node_equal (synced, value))
            changed = TRUE;
          json_object_set_member (user, "onPremLineUri", json_node_copy (value));
        }
    }
  if (changed && !save_user (server, request, response, doc))
    return;
  pv_sandbox_respond (response, 200,
                      action_result (changed ? PV_RESULT_STATUS_DONE
                                             : PV_RESULT_STATUS_ALREADY_DONE, doc));
}

static void
grant_policy (PvSandboxServer        *server,
              const PvSandboxRequest *request,
              PvSandboxResponse      *response,
              const char             *id)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) policy = NULL;
  JsonObject *body;
  JsonObject *user;
  const char *name;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  if (!json_object_has_member (body, "policyName") || !string_or_absent (body, "policyName"))
    {
      pv_sandbox_fail (response, request, 400, "invalidRequest",
                       "policyName is required: a policy's identity, or null to unassign.");
      return;
    }
  name = pv_sandbox_object_string (body, "policyName");
  if (name != NULL && (policy = find_resource (server, "voiceRoutingPolicies", name)) == NULL)
    {
      pv_sandbox_fail (response, request, 400, "unknownVoiceRoutingPolicy",
                       "There is no voice routing policy '%s'.", name);
      return;
    }
  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);
  if (!require_enabled (request, response, user))
    return;
  if (g_strcmp0 (pv_sandbox_object_string (user, "voiceRoutingPolicy"), name) == 0)
    {
      pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_ALREADY_DONE, doc));
      return;
    }
  if (name != NULL)
    json_object_set_string_member (user, "voiceRoutingPolicy", name);
  else
    json_object_set_null_member (user, "voiceRoutingPolicy");
  if (save_user (server, request, response, doc))
    pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_DONE, doc));
}

static void
move_user (PvSandboxServer        *server,
           const PvSandboxRequest *request,
           PvSandboxResponse      *response,
           const char             *id)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) me = NULL;
  JsonObject *body;
  JsonObject *user;
  const char *target;
  const char *override;
  const char *admin;

  body = pv_sandbox_parse_body (request, response, &root);
  if (body == NULL)
    return;
  target = pv_sandbox_object_string (body, "target");
  override = pv_sandbox_object_string (body, "hostedMigrationOverrideUrl");
  if (g_strcmp0 (target, ONLINE_TARGET) != 0)
    {
      pv_sandbox_fail (response, request, 400, "invalidMoveTarget",
                       "target must be " ONLINE_TARGET " to move a user online.");
      return;
    }
  doc = pv_sandbox_load_user (server, request, response, id);
  if (doc == NULL)
    return;
  user = json_node_get_object (doc);
  if (!require_enabled (request, response, user))
    return;
  if (g_strcmp0 (pv_sandbox_object_string (user, "registrarPool"), ONLINE_TARGET) == 0)
    {
      pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_ALREADY_DONE, doc));
      return;
    }
  /* A synchronised administrator account needs the override URL. */
  me = find_resource (server, "singletons", "me");
  admin = me != NULL ? pv_sandbox_object_string (json_node_get_object (me), "userPrincipalName")
                     : NULL;
  if (admin != NULL && !g_str_has_suffix (admin, ".onmicrosoft.com") &&
      (override == NULL || !g_str_has_prefix (override, "https://")))
    {
      pv_sandbox_fail (response, request, 400, "hostedMigrationOverrideUrlRequired",
                       "The administrator account %s is synchronised from on-premises: give "
                       "hostedMigrationOverrideUrl "
                       "(https://adminXX.online.lync.com/HostedMigration/"
                       "hostedmigrationService.svc).", admin);
      return;
    }
  json_object_set_string_member (user, "registrarPool", ONLINE_TARGET);
  json_object_set_string_member (user, "teamsUpgradeEffectiveMode",
                                 pv_enum_to_nick (PV_TYPE_COEXISTENCE_MODE,
                                                  PV_COEXISTENCE_MODE_TEAMS_ONLY));
  if (save_user (server, request, response, doc))
    pv_sandbox_respond (response, 200, action_result (PV_RESULT_STATUS_DONE, doc));
}

gboolean pv_sandbox_tenant_dispatch (PvSandboxServer        *server,
                                     const PvSandboxRequest *request,
                                     PvSandboxResponse      *response);

gboolean
pv_sandbox_voice_dispatch (PvSandboxServer        *server,
                           const PvSandboxRequest *request,
                           PvSandboxResponse      *response)
{
  static const char * const lists[] = { "pools", "sipDomains", "voiceRoutingPolicies", NULL };
  const char *method = request->method;

  if (request->n_segments == 3 && g_strv_contains (lists, request->segments[2]))
    {
      if (!g_str_equal (method, "GET"))
        return pv_sandbox_method_not_allowed (request, response);
      pv_sandbox_list_resources (server, request, response, request->segments[2]);
      return TRUE;
    }
  if (pv_sandbox_route_is (request, 5, "*", "*", "users", "*", "voice"))
    {
      g_autoptr(JsonNode) doc = NULL;

      if (!g_str_equal (method, "GET"))
        return pv_sandbox_method_not_allowed (request, response);
      doc = pv_sandbox_load_user (server, request, response, request->segments[3]);
      if (doc != NULL)
        pv_sandbox_respond (response, 200, voice_view (doc));
      return TRUE;
    }
  if (request->n_segments == 5 && g_str_equal (request->segments[2], "users"))
    {
      static const struct
      {
        const char *action;
        void (*handler) (PvSandboxServer *, const PvSandboxRequest *, PvSandboxResponse *,
                         const char *);
      } actions[] = {
        { "enable", enable_user },
        { "setVoice", set_voice },
        { "grantVoiceRoutingPolicy", grant_policy },
        { "move", move_user },
      };

      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        if (g_str_equal (request->segments[4], actions[i].action))
          {
            if (!g_str_equal (method, "POST"))
              return pv_sandbox_method_not_allowed (request, response);
            actions[i].handler (server, request, response, request->segments[3]);
            return TRUE;
          }
      return FALSE;
    }
  return pv_sandbox_tenant_dispatch (server, request, response);
}
